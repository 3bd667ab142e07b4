"""The tokenizer warmer fills spaCy's chunk cache and changes no token: the same words, spaces,
norms and offsets as spaCy's tokenizer on its own, on the fixtures and on any text."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from rumourx.tokens import TokenizerWarmer, warmer_for

from .test_properties import PIECES

ROOT = Path(__file__).resolve().parents[1]
EXTRA = st.sampled_from(["don't", "can't", "'s", "a.m.", "p.m.", "e.g.", "U.S.", ":)", "(", "...", "\t", "\xa0",
                         "\r\n", "  ", "Mr.", "St.", "o'clock", "y'all", "“Don't", "Liverpool's", "2-1.", "£40m."])
TEXTS = st.one_of(st.text(max_size=200), st.lists(st.one_of(PIECES, EXTRA), max_size=60).map("".join))


def _tokens(doc: spacy.tokens.Doc) -> list[tuple[str, str, str, int]]:
    return [(t.text, t.whitespace_, t.norm_, t.idx) for t in doc]


@pytest.fixture(scope="module")
def pair() -> tuple[spacy.language.Language, spacy.language.Language, TokenizerWarmer]:
    plain, warmed = spacy.blank("en"), spacy.blank("en")
    warm = warmer_for(warmed)
    assert warm is not None
    return plain, warmed, warm


def test_fixtures_tokenize_the_same(pair: tuple) -> None:
    plain, warmed, warm = pair
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))]
    for text in texts + texts:  # the second time every chunk comes from the cache
        warm(text)
        assert _tokens(warmed.tokenizer(text)) == _tokens(plain.tokenizer(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=3))
def test_any_text_tokenizes_the_same(pair: tuple, texts: list[str]) -> None:
    plain, warmed, warm = pair
    for text in texts:
        warm(text)
        assert _tokens(warmed.tokenizer(text)) == _tokens(plain.tokenizer(text))


def test_the_warmer_stops_at_its_limit() -> None:
    nlp = spacy.blank("en")
    nlp.tokenizer.max_cache_size = 3
    warm = TokenizerWarmer(nlp.tokenizer)
    warm("one two three four five six seven")
    assert len(warm.seen) == 7
    warm("eight nine")
    assert "eight" not in warm.seen  # 7 >= 2 * 3: nothing more is remembered


def test_a_custom_tokenizer_gets_no_warmer() -> None:
    nlp = spacy.blank("en")
    nlp.tokenizer = lambda text: spacy.tokens.Doc(nlp.vocab, words=text.split())
    assert warmer_for(nlp) is None


@pytest.mark.parametrize("pattern,text,expected", [
    (r"\bbid\b", "Arsenal BID for him", (8, 11)),
    (r"\bbid\b", "İSTANBUL: Galatasaray bid again", (22, 25)),  # lower() lengthens "İ": read as written
    (r"(?P<y>\d{4})\s+window", "the 2026 Window", (4, 15)),
], ids=["upper-case-text", "a-letter-lowered-to-two", "named-group"])
def test_caseless_patterns_find_what_re_i_finds(pattern: str, text: str, expected: tuple[int, int]) -> None:
    import re

    from rumourx.text import Caseless

    got = Caseless(pattern).search(text)
    assert got is not None and got.span() == expected == re.search(pattern, text, re.I).span()  # type: ignore[union-attr]


def test_a_caseless_pattern_is_written_in_lower_case() -> None:
    from rumourx.text import Caseless

    with pytest.raises(ValueError, match="lower case"):
        Caseless(r"\bArsenal\b")
