"""The worker pool: input order, flat memory, large messages, and nothing lost when a worker dies."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rumourx import batch
from rumourx.cli import app
from rumourx.pool import WINDOW_PER_WORKER, WorkerDied, pool_map, start_method

from .conftest import ROOT

pytestmark = pytest.mark.skipif(start_method() != "fork", reason="the tests' functions reach workers by fork")

_MARK: Path | None = None  # a file whose absence makes the next poisoned worker die (a one-off death)


def _double(items: list[Any]) -> list[Any]:
    out = []
    for x in items:
        if x == "poison" or (x == "poison-once" and _MARK is not None and not _MARK.exists()):
            if _MARK is not None:
                _MARK.touch()
            os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
        if x == "bug":
            raise ValueError("a bug in the worker")
        out.append(x * 2)
    return out


def _lost(item: Any, reason: str) -> str:
    return f"lost {item}: {reason}"


def _parts(items: list[Any], size: int) -> list[list[Any]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _no_children() -> bool:
    return not multiprocessing.active_children()


@pytest.mark.parametrize("n_process,size", [(1, 3), (2, 1), (2, 4), (3, 5)], ids=["1-worker", "2-by-1", "2-by-4",
                                                                                  "3-by-5"])
def test_results_in_input_order(n_process: int, size: int) -> None:
    items = list(range(57))
    assert list(pool_map(_double, _parts(items, size), n_process)) == [x * 2 for x in items]
    assert _no_children()


def test_empty_parts_give_nothing_in_their_place() -> None:
    assert list(pool_map(_double, [[1], [], [2, 3], []], 2)) == [2, 4, 6]


def test_many_small_parts_many_times() -> None:
    """Results coming back in every order the timing allows (a full window once left no worker
    busy and nothing sent: a hang, every other run)."""
    items = list(range(120))
    for _ in range(15):
        assert list(pool_map(_double, _parts(items, 1), 2)) == [x * 2 for x in items]


def test_large_messages_both_ways() -> None:
    """Tasks and results far larger than a pipe's buffer, in both directions at once."""
    items = [str(i) * 3_000_000 for i in range(6)]
    assert list(pool_map(_double, _parts(items, 2), 2)) == [x * 2 for x in items]


def test_a_stream_is_read_a_window_ahead_at_most() -> None:
    """Memory stays flat: parts are taken from the stream only as results go out."""
    taken = []

    def stream():
        for i in range(100):
            taken.append(i)
            yield [i]

    results = pool_map(_double, stream(), 2)
    assert next(results) == 0
    assert len(taken) <= WINDOW_PER_WORKER * 2 + 1
    results.close()
    assert _no_children()


@pytest.mark.parametrize("where", [0, 5, 11], ids=["first", "middle", "last"])
def test_an_input_that_kills_its_worker_is_the_only_one_lost(where: int) -> None:
    items: list[Any] = list(range(12))
    items[where] = "poison"
    got = list(pool_map(_double, _parts(items, 4), 2, lost=_lost))
    assert got[where] == "lost poison: was killed by SIGKILL (the system may have run out of memory)"
    assert [g for i, g in enumerate(got) if i != where] == [x * 2 for i, x in enumerate(items) if i != where]
    assert _no_children()


def test_a_worker_killed_once_loses_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker killed from outside (its input is not to blame): the input is run again and kept."""
    monkeypatch.setattr(f"{__name__}._MARK", tmp_path / "died")
    items: list[Any] = list(range(10))
    items[6] = "poison-once"
    got = list(pool_map(_double, _parts(items, 3), 2, lost=_lost))
    assert got == [x * 2 for x in items] and (tmp_path / "died").exists()


def test_without_lost_a_dead_worker_raises() -> None:
    with pytest.raises(WorkerDied, match="SIGKILL"):
        list(pool_map(_double, [[1], ["poison"], [2]], 2))
    assert _no_children()


def test_an_exception_in_a_worker_is_raised_here() -> None:
    with pytest.raises(ValueError, match="a bug in the worker"):
        list(pool_map(_double, _parts([1, 2, "bug", 3, 4, 5, 6], 2), 2))
    assert _no_children()


def test_a_batch_loses_only_the_article_that_kills_its_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the CLI: every input still gives one record, in order; the one that killed two
    workers is a ``worker_died`` error; the others equal a one-worker run's records."""
    inbox = tmp_path / "in"
    inbox.mkdir()
    fixtures = sorted((ROOT / "fixtures").glob("*.txt"))[:9]
    for f in fixtures:
        (inbox / f.name).write_bytes(f.read_bytes())
    poison = inbox / fixtures[4].name
    real = batch.run_item

    def run_item(item: batch.Item, published: str | None = None, extractor: Any = None) -> dict[str, Any]:
        if item.source == str(poison):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(item, published, extractor)

    runner = CliRunner()
    alone = runner.invoke(app, ["batch", str(inbox), "-o", str(tmp_path / "one.jsonl"), "-w", "1", "-q"])
    assert alone.exit_code == 0
    monkeypatch.setattr(batch, "run_item", run_item)  # the forked workers inherit it
    res = runner.invoke(app, ["batch", str(inbox), "-o", str(tmp_path / "two.jsonl"), "-w", "2"])
    assert res.exit_code == 1
    assert "1 errors" in res.stderr
    one = (tmp_path / "one.jsonl").read_text(encoding="utf-8").splitlines()
    two = (tmp_path / "two.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(two) == len(fixtures)
    dead = json.loads(two[4])
    assert dead["source"] == str(poison) and dead["error"]["code"] == "worker_died"
    assert "SIGKILL" in dead["error"]["message"]
    assert two[:4] + two[5:] == one[:4] + one[5:]
    assert _no_children()


def test_pipe_loses_only_the_text_that_kills_its_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    from rumourx import Extractor

    ex = Extractor()
    real = Extractor._record

    def record(self: Extractor, n: int, item: Any) -> Any:
        if item == "poison":
            os.kill(os.getpid(), signal.SIGKILL)
        return real(self, n, item)

    monkeypatch.setattr(Extractor, "_record", record)  # the forked workers inherit it
    texts = ["Lyon want a striker in January.", "poison", "Spurs bid £30m for the keeper.", "   "]
    got = list(ex.pipe(texts, n_process=2, batch_size=2))
    assert [type(r).__name__ for r in got] == ["Result", "ErrorRecord", "Result", "ErrorRecord"]
    assert got[1].source == "1" and got[1].error.code == "worker_died" and "SIGKILL" in got[1].error.message
    assert got[3].error.code == "empty"
    assert got[2].fees[0].amount == 30_000_000
    assert _no_children()
