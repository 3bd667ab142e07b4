"""Window phrases resolved against fixed publication dates."""

from __future__ import annotations

from datetime import date

import pytest

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
