"""Window phrases resolved against fixed publication dates."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rumourx.windows import find_windows

SEPT = date(2025, 9, 23)
JAN = date(2025, 1, 12)
JULY = date(2024, 7, 10)
MARCH = date(2026, 3, 7)
DEADLINE = date(2023, 8, 31)

# (text, published, [(window, year, tense)])
CASES = {
    "by-the-summer/sept": ("He could emerge as a target by the summer.", SEPT, [("summer", 2026, "future")]),
    "january-window/sept": ("a move in the January window appears unlikely", SEPT, [("winter", 2026, "future")]),
    "january-window/jan": ("a move in the January window is possible", JAN, [("winter", 2025, "future")]),
    "next-summer/sept": ("They will return next summer.", SEPT, [("summer", 2026, "future")]),
    "next-summer/march": ("They will return next summer.", MARCH, [("summer", 2026, "future")]),
    "this-summer/july": ("Chelsea want him this summer.", JULY, [("summer", 2024, "future")]),
    "last-summer/sept": ("He joined last summer.", SEPT, [("summer", 2025, "past")]),
    "last-summer/march": ("He joined last summer.", MARCH, [("summer", 2025, "past")]),
    "signed-in-january/sept": ("He signed in January.", SEPT, [("winter", 2025, "past")]),
    "move-in-january/sept": ("They could move in January.", SEPT, [("winter", 2026, "future")]),
    "end-of-campaign/sept": ("at the end of this campaign", SEPT, [("summer", 2026, "future")]),
    "end-of-season/march": ("He will leave at the end of the season.", MARCH, [("summer", 2026, "future")]),
    "summer-2026": ("a move in summer 2026", SEPT, [("summer", 2026, "future")]),
    "january-2027": ("talks over a deal in January 2027", SEPT, [("winter", 2027, "future")]),
    "deadline-day/aug": ("The deal was done on deadline day.", DEADLINE, [("summer", 2023, "past")]),
    "window-shuts/aug": ("They hope to finish it before the window shuts.", DEADLINE, [("summer", 2023, "future")]),
    "this-month/jan": ("Real Madrid could bid this month.", JAN, [("winter", 2025, "future")]),
    "this-month/march-not-a-window": ("Real Madrid could bid this month.", MARCH, []),
    "new-year/sept": ("They will revisit the deal in the new year.", SEPT, [("winter", 2026, "future")]),
    "on-31-august": ("The bid must arrive by 31 August.", JULY, [("summer", 2024, "future")]),
    "contract-expiry": ("when his contract expires in 2027", SEPT, [("summer", 2027, "future")]),
    "summer-move": ("a summer move is on their radar", SEPT, [("summer", 2026, "future")]),
    "neg-may-modal": ("He may move on.", SEPT, []),
    "neg-season": ("his minutes this season", SEPT, []),
    "neg-bare-year": ("ahead of 2026", SEPT, []),
}


@pytest.mark.parametrize("text,published,expected", list(CASES.values()), ids=list(CASES))
def test_windows(text: str, published: date, expected: list[tuple[str, int, str]]) -> None:
    got = [(w.window, w.year, w.tense) for w in find_windows(text, published)]
    assert got == expected


def test_no_date_keeps_the_season_without_a_year() -> None:
    (w,) = find_windows("They want him next summer.", None)
    assert (w.window, w.year) == ("summer", None)


def test_window_dates_come_from_the_calendar() -> None:
    (w,) = find_windows("in the January window", SEPT)
    assert (w.opens, w.closes) == (date(2026, 1, 1), date(2026, 2, 3))


MORE = {
    "to-be-completed-when/nov": ("with the move to be completed when the winter window opens", date(2019, 11, 28), [("winter", 2020, "future")]),
    "business-for-january/dec": ("Celtic have already wrapped up their business for the January window.", date(2022, 12, 20), [("winter", 2023, "future")]),
    "irregular-past/nov": ("the deal that took Coutinho to Bayern in August", date(2019, 11, 28), [("summer", 2019, "past")]),
    "contract-length-is-not-a-window": ("The contract runs until June 2028.", date(2023, 8, 31), []),
}


@pytest.mark.parametrize("text,published,expected", list(MORE.values()), ids=list(MORE))
def test_windows_tense_and_scope(text: str, published: date, expected: list[tuple[str, int, str]]) -> None:
    assert [(w.window, w.year, w.tense) for w in find_windows(text, published)] == expected


def test_anchored_search_finds_what_a_full_search_finds() -> None:
    """Patterns are tried only near the data's anchor words: that must never lose a window."""
    from pathlib import Path

    from tests.test_window_cases import CASES as BLIND

    texts = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[1] / "fixtures").glob("*.txt"))]
    texts += [t for t, _, _ in CASES.values()] + [t for t, _, _ in MORE.values()] + [t for t, _, _ in BLIND.values()]
    texts.append("İSTANBUL, 2 May — Kasımpaşa sign a striker before the January deadline.")  # lower() lengthens
    for text in texts:
        assert find_windows(text, SEPT) == find_windows(text, SEPT, anchored=False), text[:80]


def test_lower_cased_patterns_find_what_ignoring_case_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Patterns without capitals run on the lower-cased text: the windows must be those found
    running every pattern on the text itself, ignoring case."""
    from pathlib import Path

    import rumourx.windows as windows_module

    texts = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[1] / "fixtures").glob("*.txt"))]
    texts += [t for t, _, _ in CASES.values()] + [t for t, _, _ in MORE.values()]
    texts += ["ARSENAL WILL BID IN THE JANUARY WINDOW, NOT NEXT SUMMER.", "Deadline Day: Before The Window Shuts"]
    fast = [find_windows(t, SEPT) for t in texts]
    monkeypatch.setattr(windows_module, "LOWER_CASED", False)
    assert [find_windows(t, SEPT) for t in texts] == fast
    assert any(fast[-2]) and any(fast[-1])


@pytest.mark.parametrize("pattern,expected", [
    ("summer", (("summer",), (), None, ())),
    ("january|winter|mid-?season", (("january", "winter"), (), "mid-?season", ())),
    (r"\b(?:jan|feb)[a-z]*\b|(?-i:May)|\d\s+may\b", ((), ("May",), r"\b(?:jan|feb)[a-z]*\b", ())),
    (r"[|]x|y", (("y",), (), "[|]x", ())),
    (r"\bjan(?:uary)?\b|\bjune?\b|\b20\d\d\b|\ba?b", ((), (), r"\ba?b",
                                                      (("jan", r"\bjan(?:uary)?\b"), ("jun", r"\bjune?\b"),
                                                       ("20", r"\b20\d\d\b")))),
], ids=["one-word", "words-and-a-pattern", "a-cased-word", "a-bar-in-a-class", "stems"])
def test_anchor_alternatives_are_split_for_the_scan(pattern: str, expected: tuple) -> None:
    from rumourx.windows import _anchor_scan

    scan = _anchor_scan(pattern)
    got = (scan.words, scan.cased, scan.rest.pattern if scan.rest else None,
           tuple((stem, rx.pattern) for stem, rx in scan.stemmed))
    assert got == expected


def test_numbers_in_anchors_are_split_for_the_scan() -> None:
    from rumourx.windows import _anchor_scan

    scan = _anchor_scan(r"\d\s+may\b|\d[/.]\d|summer")
    assert scan.words == ("summer",) and scan.rest is None
    assert [(w, rx.pattern) for w, rx in scan.after_number] == [("may", r"\d\s+may\b")]
    assert scan.between_digits == "/."


@given(st.text(alphabet="0123456789 \t\n/.mayMAY-x\u0663", max_size=40))
def test_numbers_in_anchors_find_what_their_patterns_find(text: str) -> None:
    """A word after a number is found where its pattern finds it; a mark between two digits
    wherever it stands (every place the pattern finds, and more where marks share a digit)."""
    import re

    from rumourx.windows import _anchor_spans

    low = text.lower()
    assert _anchor_spans(text, low, r"\d\s+may\b") == [m.span() for m in re.finditer(r"\d\s+may\b", low)]
    got = _anchor_spans(text, low, r"\d[/.]\d")
    assert {m.span() for m in re.finditer(r"\d[/.]\d", low)} <= set(got)
    assert all(re.fullmatch(r"\d[/.]\d", low[a:b]) for a, b in got)


@given(st.text(alphabet="jauneryd20195 -.xJUNE\u0130", max_size=40))
def test_stemmed_anchor_alternatives_find_what_their_pattern_finds(text: str) -> None:
    """An anchor alternative found by its stem finds the matches a scan of its pattern finds."""
    import re

    from rumourx.windows import _anchor_spans

    low = text.lower()
    if len(low) != len(text):
        return
    for alt in (r"\bjan(?:uary)?\b", r"\bjune?\b", r"\b20\d\d\b", r"\b19\d\d\b"):
        assert _anchor_spans(text, low, alt) == [m.span() for m in re.finditer(alt, low)]


HEADERS = {
    "seed-form": ("date 2025-09-23 Martin Ødegaard's start", date(2025, 9, 23)),
    "published-wordy": ("Published: 23 September 2025\n\nText", date(2025, 9, 23)),
    "date-abbreviated": ("Date: Sep. 23, 2025\nText", date(2025, 9, 23)),
    "iso-timestamp": ("published: 2025-09-23T08:15:00Z\nText", date(2025, 9, 23)),
    "published-on-iso-offset": ("Published on 2025-09-23T08:00:00+01:00\nText", date(2025, 9, 23)),
    "front-matter": ("---\ntitle: x\npublished: 2025-09-23\n---\nText", date(2025, 9, 23)),
    "updated-wordy": ("Updated: Tuesday 23 September 2025 08:15 BST\nText", date(2025, 9, 23)),
    "weekday-line-with-time": ("Tue 23 Sep 2025 08.00 BST\nHeadline\n\nText", date(2025, 9, 23)),
    "byline-and-date": ("By Jane Smith | September 23, 2025\nText", date(2025, 9, 23)),
    "date-line-under-headline": ("Villa close in on striker\n23 September 2025\n\nText", date(2025, 9, 23)),
    "numeric-day-first": ("23/09/2025\nText", date(2025, 9, 23)),
    "labelled-numeric-dots": ("Posted: 1.9.2025\nText", date(2025, 9, 1)),
}


@pytest.mark.parametrize("text,expected", list(HEADERS.values()), ids=list(HEADERS))
def test_publication_date_headers(text: str, expected: date) -> None:
    from rumourx.text import find_header

    header = find_header(text)
    assert header is not None and header.published == expected


@pytest.mark.parametrize("text", [
    "Headline\nChelsea signed him on 23 September 2025 in a deal worth £40m.",
    "Liverpool want a striker in January.",
    "He was born on 14/07/2003 in Lisbon.",
], ids=["date-inside-a-sentence", "no-date", "numeric-date-in-text"])
def test_dates_in_the_text_are_not_the_publication_date(text: str) -> None:
    from rumourx.text import find_header

    assert find_header(text) is None


def _broken(data: dict, path: str, value: object) -> dict:
    import copy

    out = copy.deepcopy(data)
    *parents, last = path.split(".")
    node = out
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if value is None:
        del node[last]
    else:
        node[last] = value
    return out


BROKEN_DATA = {
    "bad-day-format": ("windows", "calendars.mls.summer.opens", "7-24", "calendars.mls.summer.opens"),
    "no-such-day": ("windows", "calendars.europe.winter.closes", "02-30", "calendars.europe.winter.closes"),
    "bad-season-month": ("windows", "calendars.brazil.season_ends", 13, "calendars.brazil.season_ends"),
    "missing-window": ("windows", "calendars.saudi.summer", None, "calendars.saudi.summer"),
    "unknown-default": ("windows", "default_calendar", "asia", "default_calendar"),
    "unknown-kind": ("windows", "patterns.0.kind", "someday", "patterns[0].kind"),
    "bad-regex": ("windows", "patterns.1.pattern", "(unclosed", "patterns[1]"),
    "a-month-without-a-name": ("dates", "months.jun", None, "months"),
    "number-as-text": ("dates", "weekdays.monday", "0", "weekdays.monday"),
    "list-expected": ("dates", "range_words", "to", "range_words"),
}


@pytest.mark.parametrize("module,path,value,field", list(BROKEN_DATA.values()), ids=list(BROKEN_DATA))
def test_broken_data_names_the_field(monkeypatch: pytest.MonkeyPatch, module: str, path: str, value: object,
                                     field: str) -> None:
    from rumourx import dates, windows
    from rumourx.errors import DataFileError
    from rumourx.resources import read_json

    mod, loader = (windows, windows.grammar) if module == "windows" else (dates, dates.vocabulary)
    data = _broken(read_json(f"{module}.json"), path, value)
    if path == "months.jun":
        del data["months"]["june"]
    monkeypatch.setattr(mod, "read_json", lambda name: data)
    loader.cache_clear()
    try:
        with pytest.raises(DataFileError, match=re.escape(field)):
            loader()
    finally:
        loader.cache_clear()
