"""The wheel ships the data and its compiled modules: build it, then extract with nothing but the
wheel's files, and get what the source tree gives."""

from __future__ import annotations

import json
import os
import random
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT, SEED, bent_copies

# the wheel build compiles these with mypyc where a C compiler is found (hatch_build.py)
COMPILED = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
    "tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["custom"]["compile"]


def _compiler() -> bool:
    cc = sysconfig.get_config_var("CC") or "cc"
    return shutil.which(shlex.split(cc)[0]) is not None


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (whl,) = out.glob("rumourx-*.whl")
    return whl


def test_wheel_contains_models_and_typing(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("rumourx/models/currencies.json", "rumourx/models/windows.json", "rumourx/models/dates.json", "rumourx/models/moves.json",
                   "rumourx/models/cues.json",
                   "rumourx/models/lexicon/first_names.txt", "rumourx/py.typed"):
        assert needed in names
    assert any(n.startswith("rumourx/models/clubs/") and n.endswith(".jsonl") for n in names)
    assert any(n.endswith("entry_points.txt") for n in names)


def test_wheel_holds_the_compiled_modules(wheel: Path) -> None:
    if os.environ.get("RUMOURX_PURE_PYTHON", "").strip() not in ("", "0"):
        pytest.skip("RUMOURX_PURE_PYTHON is set: the wheel is pure Python on purpose")
    if not _compiler():
        pytest.skip("no C compiler here: the wheel is pure Python")
    names = set(zipfile.ZipFile(wheel).namelist())
    suffix = EXTENSION_SUFFIXES[0]
    assert {f"rumourx/{m}{suffix}" for m in COMPILED} <= names
    assert f"rumourx__mypyc{suffix}" in names  # the library the compiled modules share
    assert {f"rumourx/{m}.py" for m in COMPILED} <= names  # the sources stay beside them
    assert "-none-any" not in wheel.name  # a platform wheel


_RUN = """
import json, sys
import rumourx, rumourx.transfers
texts = json.load(open(sys.argv[1], encoding="utf-8"))
ex = rumourx.Extractor()
out = [ex.extract_record(t, published="2025-08-01", source=str(i)).to_dict() for i, t in enumerate(texts)]
json.dump({"compiled": not rumourx.transfers.__file__.endswith(".py"), "out": out}, open(sys.argv[2], "w"))
"""


def test_the_wheel_gives_what_the_source_tree_gives(wheel: Path, tmp_path: Path) -> None:
    """Byte for byte, on every fixture and the seed and on bent copies of them: compiled code
    checks the declared types at run time, so a path no fixture takes would fail here first."""
    from rumourx import Extractor

    rng = random.Random(7)
    articles = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    if SEED.exists():
        articles.append(SEED.read_text(encoding="utf-8"))
    texts = [v for a in articles for v in bent_copies(a, rng)]
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    (tmp_path / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    subprocess.run([sys.executable, "-c", _RUN, str(tmp_path / "texts.json"), str(tmp_path / "out.json")],
                   env={"PYTHONPATH": str(target), "PATH": ""}, check=True, cwd=tmp_path)
    got = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    if _compiler() and os.environ.get("RUMOURX_PURE_PYTHON", "").strip() in ("", "0"):
        assert got["compiled"]
    ex = Extractor()
    expected = [ex.extract_record(t, published="2025-08-01", source=str(i)).to_dict() for i, t in enumerate(texts)]
    for i, (a, b) in enumerate(zip(got["out"], expected, strict=True)):
        assert a == b, f"text {i} ({i // 8}th article, variant {i % 8}) differs"


def test_extraction_from_the_unpacked_wheel(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        "import json, rumourx, rumourx.resources as r;"
        "res = rumourx.extract('date 2025-09-23\\nLiverpool want Brighton midfielder Carlos Baleba for £100m next summer.');"
        "print(json.dumps({'file': rumourx.__file__, 'models': str(r.models_root()), 'out': res.to_dict()}))"
    )
    proc = subprocess.run([sys.executable, "-c", code], env={"PYTHONPATH": str(target), "PATH": ""},
                          capture_output=True, text=True, check=True, cwd=tmp_path)
    data = json.loads(proc.stdout)
    assert data["file"].startswith(str(target)) and data["models"].startswith(str(target))
    out = data["out"]
    assert [(f["amount"], f["currency"]) for f in out["fees"]] == [(100_000_000, "GBP")]
    assert [(t["player"], t["from_club"], t["to_club"]) for t in out["transfers"]] == [
        ("Carlos Baleba", "Brighton", "Liverpool")]


def test_a_pure_python_wheel_on_request(tmp_path: Path) -> None:
    """RUMOURX_PURE_PYTHON=1: no compiling, a wheel for any platform with the same files."""
    env = {**os.environ, "RUMOURX_PURE_PYTHON": "1"}
    done = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(ROOT)],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (whl,) = tmp_path.glob("rumourx-*.whl")
    assert whl.name.endswith("-py3-none-any.whl")
    names = zipfile.ZipFile(whl).namelist()
    assert "rumourx/transfers.py" in names and not any(n.endswith(tuple(EXTENSION_SUFFIXES)) for n in names)


def test_the_build_hook_refuses_an_unknown_module(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    try:
        import hatch_build
    finally:
        sys.path.remove(str(ROOT))
    with pytest.raises(hatch_build.CompileError, match="no such module to compile: nowhere"):
        hatch_build.compile_modules(ROOT, tmp_path, ["text", "nowhere"])
