"""`rumourx batch`: one record per input (a result or an error), in input order, with every core,
CSV tables, and a resumable run."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rumourx.cli import app
from rumourx.inputs import MAX_BYTES

from .conftest import ROOT

runner = CliRunner()
FIXTURES = sorted((ROOT / "fixtures").glob("*.txt"))


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str | None]]:
    """A folder with good articles next to one of each bad input; source -> expected error code."""
    root = tmp_path_factory.mktemp("mixed")
    inbox = root / "in"
    (inbox / "sub").mkdir(parents=True)
    expected: dict[str, str | None] = {}

    def put(rel: str, data: bytes, code: str | None) -> None:
        (inbox / rel).write_bytes(data)
        expected[str(inbox / rel)] = code

    for f in FIXTURES[:3]:
        put(f.name, f.read_bytes(), None)
    put("sub/" + FIXTURES[3].name, FIXTURES[3].read_bytes(), None)
    put("bom.txt", b"\xef\xbb\xbf" + FIXTURES[4].read_bytes(), None)
    put("utf16.txt", FIXTURES[5].read_text(encoding="utf-8").encode("utf-16"), None)
    put("cp1252.md", "date 2024-07-02\nArsenal have signed Jos\xe9 Gonz\xe1lez from Sevilla for \x8050m.".encode(
        "latin-1").replace(b"\xc2\x80", b"\x80"), None)
    put("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary")
    put("empty.txt", b"   \n\n", "empty")
    put("huge.txt", b"Arsenal want a striker. " * (MAX_BYTES // 24 + 10), "too_large")
    put("undecodable.txt", bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d]) * 40, "encoding")
    os.symlink(root / "nowhere.txt", inbox / "broken.txt")
    expected[str(inbox / "broken.txt")] = "not_found"
    (inbox / "records.jsonl").write_text(
        json.dumps({"id": "rec-1", "text": "Chelsea have agreed a £40m fee with Brighton for Kaoru Mitoma.",
                    "published": "2025-01-20"}) + "\n{not json\n" + json.dumps({"id": "rec-3"}) + "\n",
        encoding="utf-8")
    expected["rec-1"] = None
    expected[f"{inbox / 'records.jsonl'}:2"] = "bad_record"
    expected[f"{inbox / 'records.jsonl'}:3"] = "bad_record"
    return inbox, expected


def test_one_record_per_input_with_error_codes_and_exit_code(mixed, tmp_path: Path) -> None:
    inbox, expected = mixed
    out = tmp_path / "out.jsonl"
    missing = str(tmp_path / "missing.txt")
    res = runner.invoke(app, ["batch", str(inbox), missing, "-o", str(out), "--workers", "2"])
    assert res.exit_code == 1, res.output  # some inputs failed
    recs = records(out)
    got = {r["source"]: (r["error"]["code"] if "error" in r else None) for r in recs}
    assert len(recs) == len(expected) + 1
    assert got == {**expected, missing: "not_found"}
    assert [r["source"] for r in recs][-1] == missing  # input order: the folder, then the next path
    assert f"{len(expected) + 1} articles" in res.stderr and "errors" in res.stderr
    cp = next(r for r in recs if r["source"].endswith("cp1252.md"))
    assert "cp1252" in [w["code"] for w in cp["warnings"]]
    assert cp["fees"][0]["currency"] == "EUR" and cp["fees"][0]["amount"] == 50_000_000


def test_good_articles_equal_extract_on_them_alone(mixed, tmp_path: Path) -> None:
    inbox, _ = mixed
    out = tmp_path / "out.jsonl"
    runner.invoke(app, ["batch", str(inbox), "-o", str(out), "-w", "2", "-q"])
    for rec in records(out):
        if "error" in rec or rec["source"] == "rec-1":
            continue
        alone = runner.invoke(app, ["extract", rec["source"], "--format", "json"])
        assert alone.exit_code == 0
        assert json.loads(alone.stdout) == rec, rec["source"]


def test_one_worker_and_two_workers_write_the_same_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    files = [str(f) for f in FIXTURES[:10]]
    assert runner.invoke(app, ["batch", *files, "-o", str(a), "-w", "1", "-q"]).exit_code == 0
    assert runner.invoke(app, ["batch", *files, "-o", str(b), "-w", "2", "-q"]).exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    assert [r["source"] for r in records(a)] == files


@pytest.mark.parametrize("kind", ["transfers", "fees", "quotes", "players", "people", "clubs", "windows"])
def test_csv_has_a_row_for_every_input(mixed, kind: str) -> None:
    inbox, expected = mixed
    res = runner.invoke(app, ["batch", str(inbox), "-o", "-", "-f", "csv", "--csv-kind", kind, "-q"])
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert {r["source"] for r in rows} == set(expected)
    for r in rows:
        assert bool(r["error"]) == (expected[r["source"]] is not None)
    if kind == "transfers":
        assert any(r["to_club"] == "Chelsea" and r["player"] == "Kaoru Mitoma" and r["status"] == "agreed"
                   for r in rows)


@pytest.mark.parametrize("args,message", [
    (["--resume", "-o", "-"], "--resume needs an --output file"),
    (["-o", "x.jsonl", "--published", "2025-13-01"], "not a YYYY-MM-DD date"),
], ids=["resume-to-stdout", "bad-date"])
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    res = runner.invoke(app, ["batch", str(FIXTURES[0]), *args])
    assert res.exit_code == 2
    assert message in res.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_resume_finishes_an_interrupted_run(tmp_path: Path, fmt: str) -> None:
    """Start a run, kill it part-way, resume it: the output equals an uninterrupted run's."""
    inbox = tmp_path / "in"
    inbox.mkdir()
    for i in range(40):
        src = FIXTURES[i % len(FIXTURES)]
        (inbox / f"{i:03d}_{src.name}").write_bytes(src.read_bytes())
    full, part = tmp_path / f"full.{fmt}", tmp_path / f"part.{fmt}"
    assert runner.invoke(app, ["batch", str(inbox), "-o", str(full), "-f", fmt, "-w", "1", "-q"]).exit_code == 0
    cmd = [sys.executable, "-m", "rumourx", "batch", str(inbox), "-o", str(part), "-f", fmt, "-w", "1", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if part.exists() and part.read_bytes().count(b"\n") >= 8:
            break
        time.sleep(0.02)
    proc.kill()
    proc.wait()
    written = part.read_bytes()
    assert written.count(b"\n") > 0 and written != full.read_bytes()  # interrupted part-way
    with part.open("ab") as f:  # as if killed in the middle of a record
        f.write(b'{"source": "half-writ' if fmt == "jsonl" else b"half,writ")
    res = runner.invoke(app, ["batch", str(inbox), "-o", str(part), "-f", fmt, "-w", "2", "--resume"])
    assert res.exit_code == 0, res.output
    assert part.read_bytes() == full.read_bytes()
    assert "resumed" in res.stderr
    assert int(res.stderr.split(" articles")[0].split()[-1]) < 40  # the written inputs were not redone


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_the_output_file_is_never_read_as_input(tmp_path: Path, fmt: str) -> None:
    """Output written into the folder being read (a JSONL output would otherwise feed itself)."""
    (tmp_path / "a.txt").write_text("Lyon want a striker in January.", encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    out.write_text(json.dumps({"id": "old", "text": "Spurs want a keeper."}) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["batch", str(tmp_path), str(out), "-o", str(out), "-f", fmt, "-w", "1", "-q"])
    assert res.exit_code == 1  # the output named as an input is an error record; the walk passes over it
    text = out.read_text(encoding="utf-8")
    if fmt == "jsonl":
        recs = [json.loads(line) for line in text.splitlines()]
        assert [Path(r["source"]).name for r in recs] == ["a.txt", out.name]
        assert recs[1]["error"]["code"] == "is_output"
    else:
        rows = list(csv.reader(io.StringIO(text)))
        assert [Path(r[0]).name for r in rows[1:]] == ["a.txt", out.name] and rows[2][-1].startswith("is_output")
