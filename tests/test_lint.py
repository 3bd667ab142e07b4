"""ruff and mypy stay clean (they run as part of the test command, so CI enforces them)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from .conftest import ROOT


@pytest.mark.parametrize("tool,args", [("ruff", ["check", "src", "tests", "benchmarks", "scripts", "hatch_build.py"]), ("mypy", [])], ids=["ruff", "mypy"])
def test_clean(tool: str, args: list[str]) -> None:
    if importlib.util.find_spec(tool) is None:
        pytest.skip(f"{tool} is not installed (it comes with the test extras)")
    cmd = [sys.executable, "-m", tool, *args]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
