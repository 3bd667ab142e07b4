"""Property tests: any text extracts without raising, and every offset gives back its text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rumourx.money import find_money
from rumourx.quotes import scan_quotes

from .conftest import assert_offsets

PIECES = st.sampled_from([
    "“", "”", "‘", "’", '"', "'", "«", "»", "\n\n", "\n", " ", ", ", ". ", "£", "€", "$", "m", "bn", "k",
    "105", "1.5", "300,000", "-a-week", "Liverpool", "the Reds", "Anfield", "Real Madrid", "Madrid",
    "Carlos Baleba", "Baleba’s", "Mac Allister", "said", "he added", "next summer", "in January",
    "the January window", "date 2025-09-23 ", "signed", "bid for", "rejected", "from Ajax", "The 24-year-old",
    "No.6", "18:42", "2-1", "é", "Konaté", "—", "(", ")", "…",
    "A: ", "Q: ", ": ", "the Spaniard", "Asked about it, ", "on a free transfer", "an undisclosed fee",
    "a nine-figure sum", "40m kr", "120 MEUR", "470 pence", "-plus", "a loan fee of", "option to buy",
    "10 000", "us $ ", "half a million pounds",
])
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=60).map("".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_money_never_raises_and_offsets_hold(text: str) -> None:
    for m in find_money(text):
        assert text[m.start:m.end] == m.text


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_quotes_never_raise_and_offsets_hold(text: str) -> None:
    for q in scan_quotes(text).quotes:
        assert text[q.start:q.end] == q.text
        assert 0 <= q.open_mark < q.start or q.start == q.end


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(TEXTS)
def test_extract_never_raises_and_offsets_hold(extractor, text: str) -> None:
    if not text.strip():
        return
    assert_offsets(text, extractor.extract(text, published="2025-09-23").to_dict())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(TEXTS)
def test_same_input_gives_byte_identical_output(extractor, text: str) -> None:
    """No hidden state between articles: extracting a text again, after another, gives the same bytes."""
    if not text.strip():
        return
    first = extractor.extract(text, published="2025-09-23").to_json()
    extractor.extract("date 2024-01-02\nArsenal have signed Declan Rice from West Ham for £105m.")
    assert extractor.extract(text, published="2025-09-23").to_json() == first


_ALL_RECORDS = """
import json, random, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from tests.conftest import FIXTURES, SEED, bent_copies
import rumourx
rng = random.Random(7)
articles = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
if SEED.exists():
    articles.append(SEED.read_text(encoding="utf-8"))
ex = rumourx.Extractor()
out = [ex.extract_record(t, published="2025-08-01", source=str(i)).to_json()
       for i, t in enumerate(v for a in articles for v in bent_copies(a, rng))]
Path(sys.argv[1]).write_text(json.dumps(out), encoding="utf-8")
"""


def test_the_same_input_gives_the_same_output_in_every_process(tmp_path) -> None:
    """Python orders a set of strings differently in each process (hash randomisation): no
    output may depend on that order. Every fixture and bent copies of it, under two hash seeds."""
    import json
    import os
    import subprocess
    import sys

    from .conftest import ROOT

    outs = []
    for seed in ("1", "2"):
        path = tmp_path / f"seed{seed}.json"
        subprocess.run([sys.executable, "-c", _ALL_RECORDS, str(path), str(ROOT)], check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}, cwd=ROOT)
        outs.append(json.loads(path.read_text(encoding="utf-8")))
    assert len(outs[0]) >= 39 * 8
    for i, (a, b) in enumerate(zip(*outs, strict=True)):
        assert a == b, f"text {i} ({i // 8}th article, variant {i % 8}) differs between hash seeds"
