"""The Dask engine: on a local cluster started here, the same records as the local run."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rumourx.batch import Item, discover, extract_partition, extractor_for, on_dask, run_item
from rumourx.cli import app
from rumourx.errors import OptionError

from .conftest import FIXTURES

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    # worker processes of one thread each, as the README recommends for rumourx
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as lc:
        yield lc.scheduler_address


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every fixture article and, among them, inputs that fail: an empty file, a binary one, a
    Windows-1252 one (a warning), a JSONL file with a broken line."""
    folder = tmp_path_factory.mktemp("articles")
    for p in sorted(FIXTURES.glob("*.txt")):
        shutil.copy(p, folder / p.name)
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PNG" * 50)
    (folder / "cp1252.txt").write_bytes("Lyon want André for €30m.".encode("cp1252"))
    (folder / "records.jsonl").write_text(
        json.dumps({"id": "r1", "text": "Spurs want a striker in January.", "published": "2025-10-01"}) + "\n"
        + "{not json\n" + json.dumps({"id": "r2", "text": ""}) + "\n", encoding="utf-8")
    return folder


def _batch(args: list[str], out: Path) -> tuple[int, bytes, str]:
    res = CliRunner().invoke(app, ["batch", *args, "-o", str(out), "-q"], env={**os.environ, "COLUMNS": "120"})
    return res.exit_code, out.read_bytes(), res.output


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_the_dask_run_gives_the_local_run_records(cluster: str, inputs: Path, tmp_path: Path, fmt: str) -> None:
    code_local, local, _ = _batch([str(inputs), "-w", "1", "--format", fmt], tmp_path / f"local.{fmt}")
    code_dask, on_cluster, _ = _batch([str(inputs), "--dask", cluster, "--format", fmt], tmp_path / f"dask.{fmt}")
    assert code_local == code_dask == 1  # some inputs fail, in both
    assert on_cluster == local
    if fmt == "jsonl":
        records = [json.loads(line) for line in local.decode("utf-8").splitlines()]
        assert len(records) == 39 + 3 + 3  # the fixtures, three bad or odd files, three JSONL lines
        codes = sorted(r["error"]["code"] for r in records if "error" in r)
        assert codes == ["bad_record", "binary", "empty", "empty"]


def test_the_library_function_streams_records_in_order(cluster: str, inputs: Path) -> None:
    items = list(discover([str(inputs)]))
    local = [run_item(it, None, extractor_for({})) for it in items]
    got = list(on_dask(iter(items), cluster, per_task=3))
    assert got == local
    assert [r["source"] for r in got] == [it.source for it in items]


def test_a_partition_takes_records_as_dicts() -> None:
    """The function a Spark ``mapPartitions`` would call, on plain records."""
    recs = extract_partition([{"id": "a", "text": "Juventus want €30m for the defender.", "published": "2025-06-01"},
                              {"id": "b", "text": " "}], {"currency": None})
    assert [r["source"] for r in recs] == ["a", "b"]
    assert recs[0]["fees"][0]["amount"] == 30_000_000 and recs[1]["error"]["code"] == "empty"
    assert extract_partition([Item(source="c", text="Lyon want a striker.")], {"currency": None})[0]["source"] == "c"


def test_an_unreachable_scheduler_is_an_option_error() -> None:
    with pytest.raises(OptionError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"):
        list(on_dask(iter([Item(source="x", text="Arsenal want a striker.")]), "tcp://127.0.0.1:9",
                     connect_timeout=1))
