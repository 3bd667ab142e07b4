"""Quote spans: marks, apostrophes, nesting, the multi-paragraph convention, scare quotes."""

from __future__ import annotations

import pytest

from rumourx.kb import cues
from rumourx.quotes import find_quotes, is_speech, scan_quotes

VERBS = frozenset(cues()["speech_verbs"])

# (text, [speech quote texts])
CASES = {
    "curly-double": ("“Yes, why not,” he replied.", ["Yes, why not,"]),
    "straight-double": ('"I am staying," he said.', ["I am staying,"]),
    "british-single": ("'I am happy here,' he said.", ["I am happy here,"]),
    "curly-single": ("‘We will see,’ said Arteta.", ["We will see,"]),
    "apostrophes-inside": ("‘I don’t think it’s right,’ he said.", ["I don’t think it’s right,"]),
    "plural-possessive-inside": ("‘I love the players’ union,’ he said.", ["I love the players’ union,"]),
    "guillemets": ("«Je reste ici,» a-t-il dit.", ["Je reste ici,"]),
    "nested": ("“He told me ‘no way’ last week,” she said.", ["He told me ‘no way’ last week,"]),
    "colon-intro": ("Slot said: “We are calm about it.”", ["We are calm about it."]),
    "scare-single": ("the 'galactico' policy is back", []),
    "scare-double": ('the so-called "project" at the club', []),
    "nickname": ("Known as ‘Messinho’ in Brazil, he is quick.", []),
    "title-like": ("“Liverpool Transfers Weekly Review” is out", []),
    "possessive-only": ("Spurs' fans and the players' wives", []),
    "multi-paragraph": ("“It is a country I like.\n\n“But I am happy here.”", ["It is a country I like.", "But I am happy here."]),
}


@pytest.mark.parametrize("text,expected", list(CASES.values()), ids=list(CASES))
def test_quotes(text: str, expected: list[str]) -> None:
    got = [q.text for q in find_quotes(text) if is_speech(q, text, VERBS)]
    assert got == expected


def test_multi_paragraph_parts_share_a_group() -> None:
    qs = find_quotes("“A first thought here.\n\n“And a second one.\n\n“And the last.”")
    assert [(q.group, q.part) for q in qs] == [(0, 0), (0, 1), (0, 2)]


def test_unbalanced_quote_is_reported_and_runs_to_paragraph_end() -> None:
    text = "“This never closes and runs on\n\nNext paragraph, with “a closed one,” he said."
    scan = scan_quotes(text)
    assert scan.unbalanced == [0]
    assert scan.quotes[0].text == "This never closes and runs on"
    assert scan.quotes[1].text == "a closed one,"


def test_stray_closing_mark_is_reported() -> None:
    scan = scan_quotes("He said no” and left.")
    assert scan.stray == [10]
    assert scan.quotes == []
