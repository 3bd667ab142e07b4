"""The date-phrase resolver on its own: phrases x base dates x tense -> (year, month, day)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rumourx.dates import resolve_date

SEPT = date(2025, 9, 23)
JAN = date(2027, 1, 6)
AUG31 = date(2025, 8, 31)

# id -> (phrase, base, tense, (year, month, day))
CASES = {
    "on-31-august/sept-future": ("on 31 August", SEPT, "future", (2026, 8, 31)),
    "on-31-august/sept-past": ("on 31 August", SEPT, "past", (2025, 8, 31)),
    "by-31-august/on-the-day": ("by 31 August", AUG31, "future", (2025, 8, 31)),
    "jan-dot-15/sept": ("Jan. 15", SEPT, "future", (2026, 1, 15)),
    "in-january/jan-future": ("in January", JAN, "future", (2027, 1, None)),
    "in-january/jan-past": ("in January", JAN, "past", (2027, 1, None)),
    "in-january-2026": ("in January 2026", JAN, "future", (2026, 1, None)),
    "january-this-year": ("In January this year", date(2023, 8, 14), "past", (2023, 1, None)),
    "in-early-january/sept": ("in early January", SEPT, "future", (2026, 1, None)),
    "september-1st/aug": ("September 1st", date(2025, 8, 20), "future", (2025, 9, 1)),
    "numeric-day-first": ("by 01/09/2025", date(2025, 8, 20), "future", (2025, 9, 1)),
    "numeric-no-year": ("on 31/08", date(2025, 8, 20), "future", (2025, 8, 31)),
    "next-month/dec": ("next month", date(2025, 12, 10), "future", (2026, 1, None)),
    "last-month/feb": ("last month", date(2025, 2, 3), "past", (2025, 1, None)),
    "a-year-from-now": ("a year from now", SEPT, "future", (2026, 9, 23)),
    "six-months-time": ("in six months' time", SEPT, "future", (2026, 3, 23)),
    "next-june": ("next june", date(2016, 11, 7), "future", (2017, 6, None)),
    "last-sept": ("last sept", date(2016, 11, 7), "past", (2015, 9, None)),
    "range-across-new-year": ("from Nov to March", date(2018, 9, 7), "future", (2018, 11, None)),
    "range-year-from-the-end": ("Nov-Feb 2017", date(2018, 10, 24), "future", (2016, 11, None)),
    "range-day-inherits-month": ("from 4 to 22 January, 1995", SEPT, "future", (1995, 1, 4)),
    "words-day-and-year": ("January twenty five nineteen eighty six", SEPT, "future", (1986, 1, 25)),
    "words-ordinal": ("the twenty-first of September", date(2025, 9, 1), "future", (2025, 9, 21)),
    "leap-day-next-leap-year": ("Feb 29", date(2017, 3, 22), "future", (2020, 2, 29)),
    "first-week-of-january": ("the first week of Jan 2015", SEPT, "future", (2014, 12, 29)),
    "last-week-of-july": ("the last week of july", date(2016, 11, 7), "future", (2017, 7, 24)),
    "two-weeks-before": ("2 weeks before May 13 1999", SEPT, "future", (1999, 4, 29)),
    "two-digit-year": ("April of 87", date(2018, 1, 7), "past", (1987, 4, None)),
    "season-word": ("next spring", date(2016, 11, 7), "future", (2017, 3, None)),
}


@pytest.mark.parametrize("phrase,base,tense,expected", list(CASES.values()), ids=list(CASES))
def test_resolve_date(phrase: str, base: date, tense: str, expected: tuple[int, int, int | None]) -> None:
    got = resolve_date(phrase, base, tense)
    assert got is not None and (got.year, got.month, got.day) == expected


@pytest.mark.parametrize("phrase", ["the money", "£105m, $141m", "at 11pm", "the 24-year-old", "won 2-1"])
def test_no_date(phrase: str) -> None:
    assert resolve_date(phrase, SEPT) is None


def test_without_a_base_date_the_year_is_unknown() -> None:
    got = resolve_date("on 31 August", None)
    assert got is not None and (got.year, got.month, got.day) == (None, 8, 31)
    explicit = resolve_date("January 2027", None)
    assert explicit is not None and (explicit.year, explicit.month) == (2027, 1)


@given(st.text(max_size=60), st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
       st.sampled_from(["past", "future"]))
def test_never_raises(phrase: str, base: date, tense: str) -> None:
    got = resolve_date(phrase, base, tense)
    if got is not None and got.month is not None:
        assert 1 <= got.month <= 12
