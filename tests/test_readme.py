"""The README's examples run: library examples as doctests, CLI lines through Typer's runner."""

from __future__ import annotations

import doctest
import json
import os
import re
import shlex

import pytest
from typer.testing import CliRunner

from rumourx.cli import app

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CLI_LINES = [line[2:] for line in README.splitlines() if line.startswith("$ ")]


def test_readme_library_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the examples name files of the repository
    parser = doctest.DocTestParser()
    test = parser.get_doctest(README, {}, "README.md", str(ROOT / "README.md"), 0)
    assert test.examples, "the README has no library examples"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0


@pytest.mark.parametrize("line", CLI_LINES, ids=CLI_LINES)
def test_readme_cli_examples(line: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    stdin = None
    m = re.match(r"cat (\S+) \| (.*)", line)
    if m:
        stdin = (ROOT / m.group(1)).read_text(encoding="utf-8")
        line = m.group(2)
    args = shlex.split(line)
    assert args[0] == "rumourx"
    res = CliRunner().invoke(app, args[1:], input=stdin, env={**os.environ, "COLUMNS": "120"})
    assert res.exit_code == 0, res.output
    fmt = args[args.index("--format") + 1] if "--format" in args else None
    if fmt == "json" and args[1] == "extract":
        json.loads(res.stdout)
    if fmt == "jsonl":
        assert all(json.loads(x) for x in res.stdout.splitlines())


def test_readme_setup_commands_name_the_sample_and_the_tests() -> None:
    assert "rumourx extract examples/sample.txt" in README
    assert 'pip install -e ".[test]" && .venv/bin/python -m pytest' in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install -q -e ".[test]" && .venv/bin/python -m pytest' in ci
