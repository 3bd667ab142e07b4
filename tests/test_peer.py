"""rumourx's money grammar on other projects' public test cases (../shared/peer, read in place).

Skips when ``../shared`` is absent. The figures and the failing cases are printed by
``python benchmarks/peer.py``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
PEER = ROOT.parent / "shared" / "peer"
pytestmark = pytest.mark.skipif(not (PEER / "recognizers-text-currency.jsonl").exists(),
                                reason="../shared/peer is absent")


def _peer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("rumourx_peer_bench", ROOT / "benchmarks" / "peer.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def peer() -> ModuleType:
    return _peer()


def test_recognizers_text_currency(peer: ModuleType) -> None:
    s = peer.score_money(peer.records("recognizers-text-currency.jsonl", PEER))
    assert s.tp + s.fn == 174
    assert s.recall >= 0.85, (s.recall, s.failures)
    assert s.precision >= 0.90, (s.precision, s.failures)
    assert s.false_money == 0


def test_quantulum3_has_no_false_money(peer: ModuleType) -> None:
    s = peer.score_money(peer.records("quantulum3-quantities.jsonl", PEER))
    assert s.negatives >= 100
    assert s.false_money == 0, [f for f in s.failures if not f[2]]


def test_every_failing_case_is_listed_with_a_reason(peer: ModuleType) -> None:
    failing = set()
    for name in ("recognizers-text-currency.jsonl", "quantulum3-quantities.jsonl"):
        failing |= {f[0] for f in peer.score_money(peer.records(name, PEER)).failures}
    assert failing - set(peer.KNOWN_MISSES) == set(), "new failures: list them with a reason or fix them"
    money_known = {k for k in peer.KNOWN_MISSES if not k.startswith("rt-dt-")}
    assert money_known - failing == set(), "these now pass: remove them from KNOWN_MISSES"


def test_recognizers_text_dates_naming_a_month_or_season(peer: ModuleType) -> None:
    s = peer.score_dates(peer.records("recognizers-text-datetime.jsonl", PEER))
    assert s.total >= 240
    assert s.rate >= 0.85, (s.rate, s.failures)
    assert s.rate >= 0.95, (s.rate, s.failures)  # measured 0.968: a drop means a regression


def test_every_failing_date_is_listed_with_a_reason(peer: ModuleType) -> None:
    failing = {f[0] for f in peer.score_dates(peer.records("recognizers-text-datetime.jsonl", PEER)).failures}
    known = {k for k in peer.KNOWN_MISSES if k.startswith("rt-dt-")}
    assert failing - known == set(), "new failures: list them with a reason or fix them"
    assert known - failing == set(), "these now pass: remove them from KNOWN_MISSES"
