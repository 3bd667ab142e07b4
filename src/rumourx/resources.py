"""Loading and validating the pipeline's data files from ``models/``.

In a wheel the files live in the package as ``rumourx/models``; in a source checkout they are
read from the repository's ``models/`` folder. Every loader validates what it reads and raises
:class:`~rumourx.errors.DataFileError` naming the file, the line and the field.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from .errors import DataFileError


@lru_cache(maxsize=1)
def models_root() -> Traversable:
    """The folder holding the data files (inside the installed package, or the checkout)."""
    packaged = resources.files("rumourx") / "models"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "models"
    if checkout.is_dir():
        return checkout
    raise DataFileError("rumourx/models", None, None, "the data folder is missing from the install")


def _file(name: str) -> Traversable:
    node = models_root()
    for part in name.split("/"):
        node = node / part
    if not node.is_file():
        raise DataFileError(f"models/{name}", None, None, "file is missing")
    return node


def read_text(name: str) -> str:
    """The text of ``models/<name>``."""
    return _file(name).read_text(encoding="utf-8")


def read_json(name: str) -> Any:
    """A JSON document from ``models/<name>``."""
    try:
        return json.loads(read_text(name))
    except json.JSONDecodeError as exc:
        raise DataFileError(f"models/{name}", exc.lineno, None, f"invalid JSON: {exc.msg}") from exc


def iter_jsonl(text: str, path: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line of a JSONL text."""
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFileError(path, lineno, None, f"invalid JSON: {exc.msg}") from exc
        if not isinstance(obj, dict):
            raise DataFileError(path, lineno, None, "each line must be a JSON object")
        yield lineno, obj


def read_jsonl(name: str) -> list[tuple[int, dict[str, Any]]]:
    """All (line number, object) pairs of ``models/<name>``."""
    return list(iter_jsonl(read_text(name), f"models/{name}"))


def jsonl_names(folder: str) -> list[str]:
    """The ``*.jsonl`` files of a sub-folder of ``models/``, sorted."""
    node = models_root() / folder
    if not node.is_dir():
        raise DataFileError(f"models/{folder}", None, None, "folder is missing")
    return sorted(f"{folder}/{c.name}" for c in node.iterdir() if c.name.endswith(".jsonl"))


def read_lines(name: str) -> list[str]:
    """Non-blank, non-comment lines of a text list in ``models/``."""
    out = []
    for line in read_text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def require(obj: dict[str, Any], key: str, kind: type | tuple[type, ...], path: str,
            lineno: int | None, *, optional: bool = False, default: Any = None) -> Any:
    """Fetch ``obj[key]`` checking its type; raise a DataFileError naming the field."""
    if key not in obj:
        if optional:
            return default
        raise DataFileError(path, lineno, key, "required field is missing")
    value = obj[key]
    if not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise DataFileError(path, lineno, key, f"expected {names}, got {type(value).__name__}")
    if isinstance(value, list) and not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(path, lineno, key, "expected a list of non-empty strings")
    return value
