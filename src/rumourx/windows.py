"""Transfer windows: find window phrases and resolve them against the publication date.

Pure functions; the phrases and the football calendar come from ``models/windows.json``.

>>> from datetime import date
>>> [(w.text, w.window, w.year) for w in find_windows("He could move by the summer.", date(2025, 9, 23))]
[('by the summer', 'summer', 2026)]
>>> [(w.window, w.year, w.tense) for w in find_windows("He signed in January.", date(2025, 9, 23))]
[('winter', 2025, 'past')]
>>> [(w.window, w.year) for w in find_windows("a move in the January window", date(2025, 1, 12))]
[('winter', 2025)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from .errors import DataFileError
from .resources import read_json
from .text import MONTHS

WINDOWS = ("summer", "winter")


@dataclass(frozen=True)
class WindowMatch:
    """A window phrase and what it resolves to."""

    text: str
    start: int
    end: int
    window: str
    year: int | None
    tense: str
    pattern: str
    opens: date | None = None
    closes: date | None = None


@dataclass(frozen=True)
class _Pattern:
    id: str
    window: str
    kind: str
    rx: re.Pattern[str]


@dataclass(frozen=True)
class Calendar:
    """Opening and closing (month, day) of each window."""

    summer: tuple[tuple[int, int], tuple[int, int]]
    winter: tuple[tuple[int, int], tuple[int, int]]

    def bounds(self, window: str, year: int) -> tuple[date, date]:
        """The opening and closing dates of ``window`` in ``year``."""
        (om, od), (cm, cd) = getattr(self, window)
        return date(year, om, od), date(year, cm, cd)


@dataclass(frozen=True)
class WindowGrammar:
    calendar: Calendar
    patterns: tuple[_Pattern, ...]
    refs: dict[str, str]
    past: frozenset[str]
    future: frozenset[str]
    not_window_before: re.Pattern[str]
    forward_before: re.Pattern[str]


def _md(value: Any, path: str, field: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{2})-(\d{2})", str(value))
    if not m:
        raise DataFileError(path, None, field, f"expected MM-DD, got {value!r}")
    return int(m.group(1)), int(m.group(2))


@lru_cache(maxsize=1)
def grammar() -> WindowGrammar:
    """The window grammar from ``models/windows.json`` (validated, cached)."""
    path = "models/windows.json"
    data = read_json("windows.json")
    cal = data.get("calendar", {})
    try:
        calendar = Calendar(
            summer=(_md(cal["summer"]["opens"], path, "calendar.summer.opens"),
                    _md(cal["summer"]["closes"], path, "calendar.summer.closes")),
            winter=(_md(cal["winter"]["opens"], path, "calendar.winter.opens"),
                    _md(cal["winter"]["closes"], path, "calendar.winter.closes")),
        )
    except KeyError as exc:
        raise DataFileError(path, None, f"calendar.{exc.args[0]}", "required field is missing") from exc
    pats = []
    for i, p in enumerate(data.get("patterns", [])):
        for key in ("id", "window", "kind", "pattern"):
            if key not in p:
                raise DataFileError(path, None, f"patterns[{i}].{key}", "required field is missing")
        if p["window"] not in (*WINDOWS, "current", "month"):
            raise DataFileError(path, None, f"patterns[{i}].window", f"unknown window {p['window']!r}")
        try:
            rx = re.compile(r"(?<![\w-])(?:" + p["pattern"] + r")(?![\w])", re.I)
        except re.error as exc:
            raise DataFileError(path, None, f"patterns[{i}].pattern", f"bad regex: {exc}") from exc
        pats.append(_Pattern(p["id"], p["window"], p["kind"], rx))
    def tail_rx(key: str) -> re.Pattern[str]:
        words = "|".join(re.escape(w) for w in sorted(data.get(key, []), key=len, reverse=True)) or "(?!)"
        return re.compile(rf"(?:^|\W)(?:{words})\s+(?:the\s+)?$", re.I)

    return WindowGrammar(calendar, tuple(pats), dict(data.get("refs", {})),
                         frozenset(data.get("past_cues", [])), frozenset(data.get("future_cues", [])),
                         tail_rx("not_window_before"), tail_rx("forward_before"))


def tense_before(text: str, start: int) -> str:
    """'past' or 'future': the tense of the clause leading up to ``start``.

    >>> tense_before("Chelsea signed him in", 22)
    'past'
    >>> tense_before("Chelsea will try again in", 25)
    'future'
    """
    g = grammar()
    left = max(text.rfind(c, 0, start) for c in ".!?\n;") + 1
    words = re.findall(r"[a-z']+", text[left:start].lower())[-12:]
    if any(w in _MODALS for w in words):
        return "future"
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if w in g.future:
            return "future"
        prev = words[i - 1] if i else ""
        if prev in _NOT_VERB_BEFORE:
            continue  # "to be completed", "an improved offer": not a past verb
        if w in g.past or (w.endswith("ed") and len(w) > 4):
            return "past"
    return "future"


_MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "should", "set", "expected",
                     "likely", "going", "hope", "hoping", "plan", "plans", "want", "wants", "aim", "'ll"})
_NOT_VERB_BEFORE = frozenset({"a", "an", "the", "his", "her", "their", "its", "this", "be", "been",
                              "being", "to", "is", "are", "our", "my", "your", "more", "most", "very"})


def resolve(window: str, kind: str, ref: str, published: date | None, tense: str,
            year: int | None = None, month: int | None = None) -> tuple[str | None, int | None]:
    """Resolve a window phrase to (window, year) against the publication date.

    >>> resolve("summer", "named", "next", date(2025, 9, 23), "future")
    ('summer', 2026)
    >>> resolve("winter", "named", "bare", date(2024, 10, 14), "future")
    ('winter', 2025)
    >>> resolve("summer", "season_end", "this", date(2025, 9, 23), "future")
    ('summer', 2026)
    >>> resolve("current", "current", "bare", date(2023, 8, 31), "future")
    ('summer', 2023)
    """
    cal = grammar().calendar
    if kind == "explicit":
        return window, year
    if kind == "explicit_season_end":
        return "summer", year if year and year > 100 else (2000 + year if year else None)
    if window == "month":
        window = "winter" if month == 1 else "summer"
    if published is None:
        return (None, None) if window == "current" else (window, None)
    p, y = published, published.year
    if month is not None:
        if year:
            return window, year
        if tense == "past":
            return window, y if month <= p.month else y - 1
        return window, y if month >= p.month else y + 1
    if window == "current" or kind == "this_month":
        if kind == "this_month" and p.month not in (1, 6, 7, 8):
            return None, None
        w_open, w_close = cal.bounds("winter", y)
        s_open, s_close = cal.bounds("summer", y)
        if w_open <= p <= w_close:
            return "winter", y
        if s_open <= p <= s_close or (kind == "this_month" and p.month in (6, 7, 8)):
            return "summer", y
        return ("winter", y + 1) if p > s_close else ("summer", y)
    opens, closes = cal.bounds(window, y)
    if kind == "season_end":
        base = y + 1 if p.month >= 7 else y
        return "summer", base + (1 if ref == "next" else -1 if ref == "last" else 0)
    if kind == "preseason":
        return "summer", y if p <= closes else y + 1
    if kind == "new_year":
        return "winter", y + 1 if p.month >= 7 else y
    if ref == "last":
        return window, y if p > closes else y - 1
    if ref == "next":
        if window == "winter":
            return window, y + 1
        return window, y if p < opens else y + 1
    if ref == "this":
        if window == "winter":
            return window, y if p.month <= 6 or tense == "past" else y + 1
        return window, y if p.month <= 9 or tense == "past" else y + 1
    if tense == "past":
        return window, y if p >= opens else y - 1
    return window, y if p <= closes else y + 1


def find_windows(text: str, published: date | None) -> list[WindowMatch]:
    """All window phrases in ``text`` with their resolved window and year."""
    g = grammar()
    spans: list[tuple[int, int, _Pattern, re.Match[str]]] = []
    for pat in g.patterns:
        for m in pat.rx.finditer(text):
            s, e = m.start(), m.end()
            if any(not (e <= a or s >= b) for a, b, _, _ in spans):
                continue
            spans.append((s, e, pat, m))
    out = []
    for s, e, pat, m in sorted(spans, key=lambda t: t[0]):
        gd = m.groupdict()
        ref_raw = (gd.get("ref") or "").lower()
        ref = g.refs.get(ref_raw, ref_raw or "bare")
        if pat.kind == "season_end" and ref in ("the", "bare", "season", "campaign"):
            ref = "this"
        head = text[max(0, s - 40):s] + text[s:e].split()[0] + " "
        if g.not_window_before.search(head):
            continue  # "the contract runs until June 2028": a contract's length, not a window
        if ref == "last":
            tense = "past"
        elif g.forward_before.search(text[max(0, s - 40):s]):
            tense = "future"  # "business for the January window"
        else:
            tense = tense_before(text, s)
        year = int(gd["year"]) if gd.get("year") else None
        if pat.kind == "explicit_season_end" and year is not None and year < 100:
            year += 2000
        month = MONTHS.get(gd["month"].lower()) if gd.get("month") else None
        if month == 9:
            day = gd.get("day") or gd.get("day2")
            if not day or int(day) > 2:
                continue  # only the summer deadline, "1 September"
        window, wyear = resolve(pat.window, pat.kind, ref, published, tense, year, month)
        if window is None:
            continue
        opens = closes = None
        if wyear is not None:
            opens, closes = grammar().calendar.bounds(window, wyear)
        out.append(WindowMatch(text[s:e], s, e, window, wyear, tense, pat.id, opens, closes))
    return out
