"""The command line, through Typer's runner: formats, standard input, bad inputs, schema."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rumourx import __version__
from rumourx.cli import app

from .conftest import ROOT

SAMPLE = ROOT / "examples" / "sample.txt"
runner = CliRunner()


def run(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input)


def test_version() -> None:
    res = run("--version")
    assert res.exit_code == 0
    assert res.stdout.strip() == f"rumourx {__version__}"


def test_extract_json_is_one_object_for_one_input() -> None:
    res = run("extract", str(SAMPLE), "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["schema_version"] == 1 and data["source"] == str(SAMPLE)
    assert data["published"] == "2026-10-02"
    assert {"players", "clubs", "fees", "quotes", "windows", "transfers", "warnings"} <= set(data)


def test_extract_json_is_an_array_for_several_inputs() -> None:
    res = run("extract", str(SAMPLE), str(SAMPLE), "--format", "json")
    assert res.exit_code == 0
    assert [d["source"] for d in json.loads(res.stdout)] == [str(SAMPLE)] * 2


def test_extract_jsonl_is_one_object_per_line() -> None:
    res = run("extract", str(SAMPLE), str(SAMPLE), "--format", "jsonl")
    lines = res.stdout.splitlines()
    assert len(lines) == 2 and all(json.loads(x)["schema_version"] == 1 for x in lines)


def test_default_format_off_a_terminal_is_json() -> None:
    res = run("extract", str(SAMPLE))
    assert json.loads(res.stdout)["source"] == str(SAMPLE)


def test_table_shows_transfer_links_first() -> None:
    res = run("extract", str(SAMPLE), "--format", "table")
    assert res.exit_code == 0
    out = res.stdout
    assert out.index("Transfer links") < out.index("Fees") < out.index("Quotes")


def test_standard_input_with_published_override() -> None:
    text = "Chelsea have made a £40m bid for Brighton midfielder Carlos Baleba. They want him next summer."
    res = run("extract", "--published", "2025-09-23", "--format", "jsonl", input=text)
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["source"] == "-" and data["published"] == "2025-09-23"
    assert [(f["amount"], f["currency"]) for f in data["fees"]] == [(40_000_000, "GBP")]
    assert [(w["window"], w["year"]) for w in data["windows"]] == [("summer", 2026)]


def test_dash_means_standard_input() -> None:
    res = run("extract", "-", "--published", "2024-01-05", input="Spurs want a striker in January.")
    assert json.loads(res.stdout)["windows"][0]["year"] == 2024


def test_published_option_overrides_the_header() -> None:
    res = run("extract", str(SAMPLE), "--published", "2020-01-01")
    assert json.loads(res.stdout)["published"] == "2020-01-01"


def test_bad_published_is_a_usage_error() -> None:
    res = run("extract", str(SAMPLE), "--published", "23/09/2025")
    assert res.exit_code == 2
    assert "YYYY-MM-DD" in res.stderr


@pytest.fixture
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    return {"not_found": tmp_path / "missing.txt", "is_directory": folder, "binary": binary, "empty": empty}


@pytest.mark.parametrize("code", ["not_found", "is_directory", "binary", "empty"])
def test_bad_input_gives_one_line_error_record_and_exit_1(bad_inputs: dict[str, Path], code: str) -> None:
    bad = bad_inputs[code]
    res = run("extract", str(SAMPLE), str(bad), str(SAMPLE), "--format", "json")
    assert res.exit_code == 1
    err_lines = [x for x in res.stderr.splitlines() if x.strip()]
    assert len(err_lines) == 1 and err_lines[0].startswith("rumourx: error:")
    assert "Traceback" not in res.output
    records = json.loads(res.stdout)
    assert len(records) == 3
    assert records[1] == {"schema_version": 1, "source": str(bad), "error": {"code": code, "message": records[1]["error"]["message"]}}
    assert records[0]["players"] and records[2]["players"]  # the good inputs are still extracted


def test_all_bad_inputs_in_one_call(bad_inputs: dict[str, Path]) -> None:
    res = run("extract", *map(str, bad_inputs.values()), str(SAMPLE), "--format", "jsonl")
    assert res.exit_code == 1
    records = [json.loads(x) for x in res.stdout.splitlines()]
    assert [r.get("error", {}).get("code") for r in records] == [*bad_inputs, None]


def test_cp1252_input_is_decoded_with_a_warning(tmp_path: Path) -> None:
    f = tmp_path / "latin.txt"
    f.write_bytes("date 2024-01-10\nAtlético want Nuñez for €40m.".encode("cp1252"))
    res = run("extract", str(f))
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert data["warnings"][0]["code"] == "cp1252"
    assert data["fees"][0]["amount"] == 40_000_000


def test_schema_is_valid_json_schema_and_validates_output() -> None:
    import jsonschema

    res = run("schema")
    schema = json.loads(res.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    out = json.loads(run("extract", str(SAMPLE), "/no/such/file.txt", "--format", "json").stdout)
    for record in out:
        jsonschema.validate(record, schema)


def test_evaluate_prints_a_table_and_json(tmp_path: Path) -> None:
    res = run("evaluate", str(ROOT / "fixtures"), "--format", "json")
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert report["articles"] >= 12
    assert set(report["categories"]) == {"players", "clubs", "fees", "quotes", "windows", "transfers"}
    table = run("evaluate", str(ROOT / "fixtures"))
    assert "precision" in table.stdout and "transfers" in table.stdout


def test_evaluate_on_a_folder_without_gold_is_a_usage_error(tmp_path: Path) -> None:
    res = run("evaluate", str(tmp_path))
    assert res.exit_code == 2 and "no article" in res.stderr


def test_every_command_and_option_has_help() -> None:
    for cmd in ("extract", "evaluate", "schema"):
        res = run(cmd, "--help")
        assert res.exit_code == 0
    res = run("extract", "--help")
    for opt in ("--format", "--published", "--model", "--gazetteer"):
        assert opt in res.stdout


_COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38;[25];[0-9;]+)m")


@pytest.mark.parametrize("no_color,coloured", [(None, True), ("1", False)], ids=["colour", "NO_COLOR"])
def test_no_color_is_respected(no_color: str | None, coloured: bool) -> None:
    env = {"FORCE_COLOR": "1", "COLUMNS": "120", "NO_COLOR": no_color}
    res = runner.invoke(app, ["extract", str(SAMPLE), "--format", "table"], env=env)
    assert res.exit_code == 0
    assert bool(_COLOUR.search(res.stdout)) is coloured


def test_records_on_stdout_messages_on_stderr(tmp_path: Path) -> None:
    res = run("extract", str(SAMPLE), str(tmp_path / "missing.txt"), "--format", "json")
    assert res.exit_code == 1
    data = json.loads(res.stdout)  # standard output holds the records and nothing else
    assert [("error" in r) for r in data] == [False, True]
    assert res.stderr.strip() == f"rumourx: error: {tmp_path / 'missing.txt'}: no such file"


def test_quiet_and_verbose(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    quiet = run("extract", str(SAMPLE), missing, "--format", "jsonl", "--quiet")
    assert quiet.exit_code == 1 and quiet.stderr == "" and len(quiet.stdout.splitlines()) == 2
    loud = run("extract", str(SAMPLE), missing, "--format", "jsonl", "-v")
    lines = loud.stderr.splitlines()
    assert lines[0].startswith(f"rumourx: {SAMPLE}: ") and "players" in lines[0] and "transfer links" in lines[0]
    assert lines[1] == f"rumourx: error: {missing}: no such file"
    both = run("extract", str(SAMPLE), "-q", "-v")
    assert both.exit_code == 2 and "exclude each other" in both.stderr


def test_batch_verbose_names_each_failed_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Lyon want a striker in January.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("   ", encoding="utf-8")
    res = run("batch", str(tmp_path), "-o", str(tmp_path / "out.jsonl"), "-w", "1", "-v")
    assert res.exit_code == 1
    assert f"rumourx: {tmp_path / 'b.txt'}: error empty: " in res.stderr
    assert "a.txt: error" not in res.stderr


def test_shell_completion_script() -> None:
    res = run("--show-completion", "bash")
    assert res.exit_code == 0 and "_rumourx_completion" in res.stdout and "complete " in res.stdout


# the real process: `python -m rumourx` ends without freeing its heap (cli._exit), and must still
# give every exit code, every byte of output and every exit handler a normal exit gives


@pytest.mark.parametrize("args,code", [
    (["--version"], 0),
    (["extract", str(SAMPLE), "--format", "jsonl"], 0),
    (["extract", str(SAMPLE), "missing.txt", "--format", "jsonl"], 1),
    (["extract", "--bogus"], 2),
    (["batch", str(ROOT / "fixtures"), "-o", "-", "-w", "2", "-q"], 0),
], ids=["version", "extract", "extract-missing", "usage-error", "batch-two-workers"])
def test_the_process_exits_as_the_runner_does(tmp_path: Path, args: list[str], code: int) -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "rumourx", *args], capture_output=True, text=True,
                          cwd=tmp_path, timeout=300)
    assert done.returncode == code, done.stderr
    if code != 2:
        assert done.stdout == runner.invoke(app, args).stdout  # all of it written, nothing lost at exit
    if args[0] == "batch":
        assert len(done.stdout.splitlines()) == len(list((ROOT / "fixtures").glob("*.txt")))


def test_the_exit_handlers_still_run(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = ("import atexit, sys; from rumourx.cli import main; "
            "atexit.register(lambda: print('handler ran', flush=True)); sys.argv = ['rumourx', '--version']; main()")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.splitlines() == [f"rumourx {__version__}", "handler ran"]


@pytest.mark.parametrize("code", ["a message", None], ids=["message", "other-thread"])
def test_a_normal_exit_when_a_quick_one_is_unsafe(code: str | None) -> None:
    import threading

    from rumourx.cli import _exit

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    if code is None:
        other.start()
    try:
        with pytest.raises(SystemExit) as exc:
            _exit(code)
        assert exc.value.code == code
    finally:
        stop.set()
        if code is None:
            other.join()
