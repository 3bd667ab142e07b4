"""The Python API: a small explicit surface, immutable typed results equal to the CLI's JSON,
and ``Extractor.pipe`` over a stream, in one process or several."""

from __future__ import annotations

import json
import os
from importlib.metadata import version

import pydantic
import pytest
from typer.testing import CliRunner

import rumourx
from rumourx import Extractor, Result
from rumourx.cli import app
from rumourx.results import ErrorRecord

from .conftest import FIXTURES, ROOT


def test_the_public_surface() -> None:
    assert rumourx.__all__ == ["Extractor", "Result", "__version__", "extract", "result_from_doc"]
    for name in rumourx.__all__:
        assert getattr(rumourx, name) is not None
    with pytest.raises(AttributeError):
        _ = rumourx.nothing_here  # type: ignore[attr-defined]


def test_the_library_and_the_cli_report_one_version() -> None:
    res = CliRunner().invoke(app, ["--version"])
    assert res.stdout.strip() == f"rumourx {rumourx.__version__}" == f"rumourx {version('rumourx')}"


def test_results_are_immutable_and_equal_the_cli_json() -> None:
    sample = ROOT / "examples" / "sample.txt"
    res = rumourx.extract(sample.read_text(encoding="utf-8"), source=str(sample))
    assert isinstance(res, Result)
    with pytest.raises(pydantic.ValidationError):
        res.source = "elsewhere"  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError):
        res.fees[0].amount = 1  # type: ignore[misc]
    cli = CliRunner().invoke(app, ["extract", str(sample), "--format", "json"], env={**os.environ, "COLUMNS": "120"})
    assert json.loads(cli.stdout) == res.to_dict() == json.loads(res.to_json())


def _stream() -> list[str | dict]:
    texts: list[str | dict] = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))[:12]]
    texts[3] = {"id": "rec", "text": texts[3], "published": "2025-01-02"}
    texts.insert(5, "   ")  # empty: an error record in its place
    texts.append({"id": "bad-date", "text": "Lyon want a striker.", "published": "02/01/2025"})
    return texts


@pytest.mark.parametrize("n_process", [2, -1])
def test_pipe_with_several_processes_gives_the_records_of_one(n_process: int) -> None:
    ex = Extractor()
    stream = _stream()
    one = list(ex.pipe(iter(stream)))
    many = list(ex.pipe(iter(stream), n_process=n_process, batch_size=3))
    assert [type(r) for r in many] == [type(r) for r in one]
    assert many == one
    assert [r.to_dict() for r in many] == [r.to_dict() for r in one]
    assert isinstance(one[5], ErrorRecord) and one[5].error.code == "empty"
    assert isinstance(one[-1], ErrorRecord) and one[-1].error.code == "bad_date"
    assert one[3].source == "rec" and one[0].source == "0"
