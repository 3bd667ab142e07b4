"""Batch extraction: many inputs, every core, one record per input, in input order.

Inputs are article files (``.txt``, ``.md``), folders (walked recursively, sorted), glob patterns
and JSONL files of ``{"id", "text", "published"}`` records. Each input gives exactly one record:
a result, or an error with a code (see :data:`rumourx.errors.ERROR_CODES`). Records stream out
as they are made (nothing accumulates), as JSONL or as CSV rows (:func:`csv_rows`).

The work is pure functions of an input (:func:`run_item`), so a pool of processes, a Dask
cluster or a Spark ``mapPartitions`` can run it alike.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError

#: Suffixes read as articles when a folder is walked; ``.jsonl`` files are read as records.
ARTICLE_SUFFIXES = (".txt", ".md")
RECORD_SUFFIXES = (".jsonl",)


@dataclass(frozen=True)
class Item:
    """One input: a file to read, a JSONL record's text, or an error found while listing."""

    source: str
    path: str | None = None  # read (and decoded) by the worker
    text: str | None = None  # a JSONL record's text
    published: str | None = None
    error: tuple[str, str] | None = None  # (code, message) known before extraction


def discover(paths: Iterable[str]) -> Iterator[Item]:
    """The inputs named by ``paths``, in order: folders walked recursively (sorted), globs
    expanded (sorted), JSONL files expanded to their records. A path that names nothing is an
    error item, so that it too gives a record."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(_walk(p)):
                yield from _items_of(f)
        elif not p.exists() and not p.is_symlink() and glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield Item(source=raw, error=("not_found", f"{raw}: no file matches this pattern"))
            for m in matches:
                if Path(m).is_dir():
                    for f in sorted(_walk(Path(m))):
                        yield from _items_of(f)
                else:
                    yield from _items_of(Path(m))
        else:
            yield from _items_of(p)


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in files:
            if name.endswith(ARTICLE_SUFFIXES + RECORD_SUFFIXES) and not name.startswith("."):
                yield Path(root) / name


def _items_of(path: Path) -> Iterator[Item]:
    if path.name.endswith(RECORD_SUFFIXES) and path.is_file():
        yield from _records_of(path)
    else:
        yield Item(source=str(path), path=str(path))


def _records_of(path: Path) -> Iterator[Item]:
    """The records of a JSONL file; a line that is not a record is an error item with its line number."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Item(source=str(path), error=("unreadable", f"{path}: cannot be read ({exc.strerror or exc})"))
        return
    with handle:
        for n, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            where = f"{path}:{n}"
            try:
                rec = json.loads(raw.decode("utf-8-sig"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield Item(source=where, error=("bad_record", f"{where}: not a JSON object ({exc})"))
                continue
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                yield Item(source=where, error=("bad_record", f"{where}: expected an object with a 'text' string"))
                continue
            source = str(rec["id"]) if rec.get("id") is not None else where
            published = rec.get("published")
            yield Item(source=source, text=rec["text"], published=str(published) if published else None)


# ---------------------------------------------------------------------------------------------
# the work on one input


_EXTRACTOR: Any = None


def set_extractor(extractor: Any) -> None:
    """Use this extractor in this process (a pool's workers inherit it when forked)."""
    global _EXTRACTOR
    _EXTRACTOR = extractor


def _init_worker(options: dict[str, Any]) -> None:
    if _EXTRACTOR is None:  # a spawned (not forked) worker builds its own
        from .api import Extractor

        set_extractor(Extractor(**options))


def run_item(item: Item, published: str | None = None) -> dict[str, Any]:
    """The output record of one input, as a JSON-ready dict (never raises)."""
    from .results import ErrorInfo, ErrorRecord

    def error(code: str, message: str) -> dict[str, Any]:
        return ErrorRecord(source=item.source, error=ErrorInfo(code=code, message=message)).to_dict()

    if item.error is not None:
        return error(*item.error)
    try:
        warns: list[str] = []
        if item.path is not None:
            from .inputs import read_input

            text, warns = read_input(item.path)
        else:
            text = item.text or ""
            if not text.strip():
                raise InputError(f"{item.source}: the article is empty", "empty")
        res = _EXTRACTOR.extract(text, published=published or item.published, source=item.source)
        out: dict[str, Any] = res.with_input_warnings(warns).to_dict()
        return out
    except InputError as exc:
        message = exc.message if exc.message.startswith(item.source) else f"{item.source}: {exc.message}"
        return error(exc.code, message)
    except Exception as exc:  # a bug must not stop the batch
        return error("internal", f"{item.source}: internal error ({type(exc).__name__}: {exc})")


def _work(args: tuple[Item, str | None, str, str]) -> tuple[str, int, bool]:
    """Run one input in a worker: (its serialised output, its number of warnings, whether it failed)."""
    item, published, fmt, kind = args
    rec = run_item(item, published)
    text = serialise(rec, fmt, kind)
    return text, len(rec.get("warnings", [])), "error" in rec


def _work_many(jobs: list[tuple[Item, str | None, str, str]]) -> list[tuple[str, int, bool]]:
    """:func:`_work` for a few inputs at once (one round trip to a pool's worker for them all)."""
    return [_work(job) for job in jobs]


def serialise(rec: dict[str, Any], fmt: str, kind: str = "transfers") -> str:
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerows(csv_rows(rec, kind))
        return buf.getvalue()
    return json.dumps(rec, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------------------------------------
# CSV

#: The columns of each CSV table; every table starts with the input's source and date and
#: ends with its error (empty for a result).
CSV_COLUMNS: dict[str, list[str]] = {
    "transfers": ["player", "from_club", "to_club", "status", "stage", "type", "confidence", "fee_amount",
                  "fee_currency", "fee_text", "window", "window_year", "year", "reported_by"],
    "fees": ["text", "start", "end", "amount", "currency", "kind", "qualifier", "period", "player",
             "converted_amount", "converted_currency"],
    "quotes": ["text", "start", "end", "speaker", "group"],
    "players": ["name", "club", "mentions"],
    "people": ["name", "role", "mentions"],
    "clubs": ["name", "id", "country", "mentions"],
    "windows": ["text", "start", "end", "window", "year", "tense", "calendar"],
}


def csv_header(kind: str) -> list[str]:
    return ["source", "published", *CSV_COLUMNS[kind], "error"]


def csv_rows(rec: dict[str, Any], kind: str) -> list[list[Any]]:
    """One row per item of the chosen table; an input with none (or an error) gives one row
    holding only its source (and its error), so that every input has a row."""
    head = [rec.get("source"), rec.get("published") or ""]
    width = len(CSV_COLUMNS[kind])
    if "error" in rec:
        err = rec["error"]
        return [[*head, *([""] * width), f"{err['code']}: {err['message']}"]]
    rows = [[*head, *("" if v is None else v for v in values), ""] for values in _values(rec, kind)]
    return rows or [[*head, *([""] * width), ""]]


def _values(rec: dict[str, Any], kind: str) -> Iterator[list[Any]]:
    if kind == "transfers":
        fees = {f["id"]: f for f in rec["fees"]}
        for t in rec["transfers"]:
            fee = next((fees[i] for i in t["fees"] if i in fees and fees[i]["kind"] == "fee"), None)
            win = rec["windows"][t["windows"][0]] if t["windows"] else None
            yield [t["player"], t["from_club"], t["to_club"], t["status"], t["stage"], t["type"], t["confidence"],
                   fee and fee["amount"], fee and fee["currency"], fee and fee["text"], win and win["window"],
                   win and win["year"], t["year"], t["source"]]
    elif kind == "fees":
        for f in rec["fees"]:
            conv = f.get("converted") or {}
            yield [f["text"], f["start"], f["end"], f["amount"], f["currency"], f["kind"], f["qualifier"],
                   f["period"], f["player"], conv.get("amount"), conv.get("currency")]
    elif kind == "quotes":
        for q in rec["quotes"]:
            yield [q["text"], q["start"], q["end"], q["speaker"], q["group"]]
    elif kind in ("players", "people"):
        for p in rec[kind]:
            yield [p["name"], p.get("club") if kind == "players" else p.get("role"), len(p["mentions"])]
    elif kind == "clubs":
        for c in rec["clubs"]:
            yield [c["name"], c["id"], c["country"], len(c["mentions"])]
    elif kind == "windows":
        for w in rec["windows"]:
            yield [w["text"], w["start"], w["end"], w["window"], w["year"], w["tense"], w["calendar"]]


# ---------------------------------------------------------------------------------------------
# resuming


def done_sources(path: Path, fmt: str) -> list[str]:
    """The sources an interrupted run has fully written to ``path``, in order. The file is cut
    back to them: a half-written last line, and for CSV the rows of the last input (which may be
    partial), are removed so that they are written again."""
    data = path.read_bytes()
    keep = data[: data.rfind(b"\n") + 1]  # whole lines only
    sources: list[str] = []
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(keep.decode("utf-8"))))
        if not rows or rows[0][:1] != ["source"]:
            rows = []
        body = rows[1:]
        last = body[-1][0] if body else None
        body = [r for r in body if r and r[0] != last]
        for r in body:
            if not sources or sources[-1] != r[0]:
                sources.append(r[0])
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        if rows:
            w.writerow(rows[0])
        w.writerows(body)
        keep = buf.getvalue().encode("utf-8")
    else:
        for line in keep.splitlines():
            try:
                sources.append(str(json.loads(line)["source"]))
            except (ValueError, KeyError, TypeError):
                continue
    if keep != data:
        path.write_bytes(keep)
    return sources


__all__ = ["CSV_COLUMNS", "Item", "csv_header", "csv_rows", "discover", "done_sources",
           "run_item", "serialise", "set_extractor"]
