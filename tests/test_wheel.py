"""The wheel ships the data: build it, then extract with nothing but the wheel's files."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True)
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
