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

import calendar as _cal
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, NamedTuple

from .dates import resolve_date
from .errors import DataFileError
from .resources import read_json
from .text import lower_case_pattern

WINDOWS = ("summer", "winter")
_PATTERN_WINDOWS = (*WINDOWS, "current", "month")  # what a pattern may resolve to


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
    anchor: re.Pattern[str]  # every match contains a match of it: the pattern is only tried near one
    low: re.Pattern[str] | None = None  # a pattern with no capitals: the same, for the lower-cased text


@dataclass(frozen=True)
class Calendar:
    """A league calendar: opening and closing (month, day) of each window, and the month its season ends."""

    name: str
    countries: frozenset[str]
    summer: tuple[tuple[int, int], tuple[int, int]]
    winter: tuple[tuple[int, int], tuple[int, int]]
    season_ends: int = 5
    #: years whose windows differ from the usual days: {(year, window): ((om, od), (cm, cd))}
    exceptions: tuple[tuple[tuple[int, str], tuple[tuple[int, int], tuple[int, int]]], ...] = ()

    def bounds(self, window: str, year: int) -> tuple[date, date]:
        """The opening and closing dates of ``window`` in ``year``."""
        (om, od), (cm, cd) = dict(self.exceptions).get((year, window)) or getattr(self, window)
        return date(year, om, od), date(year, cm, cd)

    def window_of(self, year: int, month: int, day: int | None) -> str | None:
        """The window a date (or a whole month) falls in, if any.

        A date counts up to the day after a window closes (deadline-day deals are registered
        then: "2 September"); a month counts when at least a week of it is inside a window.
        """
        for window in WINDOWS:
            opens, closes = self.bounds(window, year)
            if day is not None:
                if opens <= date(year, month, day) <= closes + timedelta(days=1):
                    return window
                continue
            first = date(year, month, 1)
            last = date(year, month, _cal.monthrange(year, month)[1])
            if (min(last, closes) - max(first, opens)).days + 1 >= 7:
                return window
        return None

    def season_window(self) -> str:
        """The window that follows the end of a season: summer for autumn-to-spring leagues."""
        return "summer" if self.season_ends <= 6 else "winter"


@dataclass(frozen=True)
class WindowGrammar:
    calendars: dict[str, Calendar]
    default: str
    patterns: tuple[_Pattern, ...]
    refs: dict[str, str]
    past: frozenset[str]
    future: frozenset[str]
    present: frozenset[str]
    not_window_before: re.Pattern[str]
    forward_before: re.Pattern[str]
    not_window_near: re.Pattern[str]

    @property
    def calendar(self) -> Calendar:
        """The default calendar."""
        return self.calendars[self.default]

    def calendar_for(self, countries: list[str]) -> str:
        """The calendar of an article whose club mentions come from ``countries`` (one per mention).

        A calendar other than the default is used when more than half of the mentions are clubs of
        its countries.
        """
        if not countries:
            return self.default
        for name, cal in self.calendars.items():
            if cal.countries and sum(c in cal.countries for c in countries) * 2 > len(countries):
                return name
        return self.default


def _md(value: Any, path: str, field: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{2})-(\d{2})", str(value))
    if not m:
        raise DataFileError(path, None, field, f"expected MM-DD, got {value!r}")
    try:
        date(2024, int(m.group(1)), int(m.group(2)))
    except ValueError:
        raise DataFileError(path, None, field, f"no such day: {value!r}") from None
    return int(m.group(1)), int(m.group(2))


def _calendar(name: str, cal: Any, path: str) -> Calendar:
    where = f"calendars.{name}"
    if not isinstance(cal, dict):
        raise DataFileError(path, None, where, "expected an object")
    try:
        windows = {w: (_md(cal[w]["opens"], path, f"{where}.{w}.opens"),
                       _md(cal[w]["closes"], path, f"{where}.{w}.closes")) for w in WINDOWS}
        ends = int(cal["season_ends"])
    except KeyError as exc:
        raise DataFileError(path, None, f"{where}.{exc.args[0]}", "required field is missing") from exc
    except (TypeError, ValueError):
        raise DataFileError(path, None, f"{where}.season_ends", "expected a month number") from None
    if not 1 <= ends <= 12:
        raise DataFileError(path, None, f"{where}.season_ends", "expected a month number")
    countries = cal.get("countries", [])
    if not isinstance(countries, list) or not all(isinstance(c, str) for c in countries):
        raise DataFileError(path, None, f"{where}.countries", "expected a list of country names")
    exceptions = []
    for year, by_window in (cal.get("exceptions") or {}).items():
        if not str(year).isdigit() or not isinstance(by_window, dict):
            raise DataFileError(path, None, f"{where}.exceptions.{year}", "expected a year and an object of windows")
        for w, days in by_window.items():
            at = f"{where}.exceptions.{year}.{w}"
            if w not in WINDOWS or not isinstance(days, dict) or not {"opens", "closes"} <= set(days):
                raise DataFileError(path, None, at, "expected summer or winter with opens and closes")
            exceptions.append(((int(year), w), (_md(days["opens"], path, at + ".opens"),
                                                _md(days["closes"], path, at + ".closes"))))
    return Calendar(name, frozenset(countries), windows["summer"], windows["winter"], ends, tuple(exceptions))


@lru_cache(maxsize=1)
def grammar() -> WindowGrammar:
    """The window grammar from ``models/windows.json`` (validated, cached)."""
    path = "models/windows.json"
    data = read_json("windows.json")
    raw = data.get("calendars")
    if not isinstance(raw, dict) or not raw:
        raise DataFileError(path, None, "calendars", "expected an object of calendars")
    calendars = {name: _calendar(name, cal, path) for name, cal in raw.items()}
    default = data.get("default_calendar", "")
    if default not in calendars:
        raise DataFileError(path, None, "default_calendar", f"no calendar named {default!r}")
    pats = []
    for i, p in enumerate(data.get("patterns", [])):
        for key in ("id", "window", "kind", "pattern"):
            if key not in p:
                raise DataFileError(path, None, f"patterns[{i}].{key}", "required field is missing")
        if p["window"] not in _PATTERN_WINDOWS:
            raise DataFileError(path, None, f"patterns[{i}].window", f"unknown window {p['window']!r}")
        if p["kind"] not in KINDS:
            raise DataFileError(path, None, f"patterns[{i}].kind", f"unknown kind {p['kind']!r}")
        try:
            source = r"(?<![\w-])(?:" + p["pattern"] + r")(?![\w])"
            rx = re.compile(source, re.I)
            low = re.compile(source) if lower_case_pattern(source) else None
            anchor = re.compile(p.get("anchor", "."), re.I)
            _anchor_scan(anchor.pattern)
        except re.error as exc:
            raise DataFileError(path, None, f"patterns[{i}]", f"bad regex: {exc}") from exc
        if re.search(r"[A-Z]", _CASED.sub("", re.sub(r"\\.", "", anchor.pattern))):
            raise DataFileError(path, None, f"patterns[{i}].anchor", "an anchor is lower case (it is looked for in "
                                "the lower-cased text); a word that must be capitalised is written (?-i:May)")
        pats.append(_Pattern(p["id"], p["window"], p["kind"], rx, anchor, low))

    def tail_rx(key: str) -> re.Pattern[str]:
        words = "|".join(re.escape(w) for w in sorted(data.get(key, []), key=len, reverse=True)) or "(?!)"
        return re.compile(rf"(?:^|\W)(?:{words})\s+(?:the\s+)?$", re.I)

    near = "|".join(re.escape(w) for w in data.get("not_window_near", [])) or "(?!)"
    return WindowGrammar(calendars, default, tuple(pats), dict(data.get("refs", {})),
                         frozenset(data.get("past_cues", [])), frozenset(data.get("future_cues", [])),
                         frozenset(data.get("present_cues", [])), tail_rx("not_window_before"),
                         tail_rx("forward_before"), re.compile(rf"(?<!\w)(?:{near})(?!\w)", re.I))


KINDS = ("explicit", "explicit_season_end", "named", "season_end", "new_year", "midseason", "preseason", "current",
         "this_month", "month", "next_year", "year_window", "offset")


_TENSE_WORD = re.compile(r"[A-Za-z']+|,")


def tense_before(text: str, start: int) -> str:
    """'past' or 'future': the tense of the clause leading up to ``start``.

    The nearest cue before the phrase decides: a past verb ("signed", or a lower-case word in
    -ed), a modal or a word of intent ("will", "could", "want"), a present verb of a pending
    event ("expires", "opens"). No cue: future.

    >>> tense_before("Chelsea signed him in", 22)
    'past'
    >>> tense_before("Chelsea will try again in", 25)
    'future'
    >>> tense_before("Supporters will march, furious that no striker arrived in", 58)
    'past'
    """
    g = grammar()
    left = max(text.rfind(c, 0, start) for c in ".!?\n;") + 1
    words = _TENSE_WORD.findall(text[left:start])[-18:]
    for i in range(len(words) - 1, -1, -1):
        raw = words[i]
        w = raw.lower()
        if raw == "," or (i and raw[0].isupper()):
            continue  # a name ("United", "Leeds") is not a verb
        if w in g.future or w in _MODALS or w in g.present:
            return "future"
        k = i - 1
        while k >= 0 and words[k].lower().endswith("ly") and len(words[k]) > 4:
            k -= 1  # "will be formally unveiled"
        prev = words[k].lower() if k >= 0 else ""
        if prev in _NOT_VERB_BEFORE:
            continue  # "to be completed", "an improved offer": not a past verb
        if w in g.past or (w.endswith("ed") and len(w) > 4):
            # "want a replacement signed by the summer": a participle after a verb of intent
            for j in range(i - 1, -1, -1):
                before = words[j].lower()
                if before == "," or before in _CONNECTIVES:
                    break
                if before in _MODALS or before in g.future:
                    return "future"
            return "past"
    return "future"


_CONNECTIVES = frozenset({"that", "who", "which", "but", "after", "since", "because", "as", "when",
                          "while", "although", "though", "having", "where"})
_MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "should", "set", "expected",
                     "likely", "going", "hope", "hoping", "plan", "plans", "want", "wants", "aim", "'ll"})
_NOT_VERB_BEFORE = frozenset({"a", "an", "the", "his", "her", "their", "its", "this", "be", "been",
                              "being", "to", "is", "are", "our", "my", "your", "more", "most", "very"})



def _open_or_next(cal: Calendar, p: date) -> tuple[str, int]:
    """The window open on ``p``, else the next one to open."""
    y = p.year
    for window, year in (("winter", y), ("summer", y), ("winter", y + 1)):
        if p <= cal.bounds(window, year)[1]:
            return window, year
    return "winter", y + 1  # pragma: no cover - the list above always answers


def _open_or_last(cal: Calendar, p: date) -> tuple[str, int]:
    """The window open on ``p``, else the last one that opened."""
    y = p.year
    for window, year in (("summer", y), ("winter", y), ("summer", y - 1)):
        if cal.bounds(window, year)[0] <= p:
            return window, year
    return "summer", y - 1  # pragma: no cover


def _nearest(cal: Calendar, d: date) -> tuple[str, int]:
    """The window ``d`` falls in, else the one nearest to it (by days to its opening or closing)."""
    best: tuple[int, str, int] = (10**6, "summer", d.year)
    for year in (d.year - 1, d.year, d.year + 1):
        for window in WINDOWS:
            opens, closes = cal.bounds(window, year)
            gap = 0 if opens <= d <= closes else min(abs((d - opens).days), abs((d - closes).days))
            best = min(best, (gap, window, year))
    return best[1], best[2]


def resolve(window: str, kind: str, ref: str, published: date | None, tense: str,
            year: int | None = None, calendar: Calendar | None = None) -> tuple[str | None, int | None]:
    """Resolve a window phrase to (window, year) against the publication date.

    >>> resolve("summer", "named", "next", date(2025, 9, 23), "future")
    ('summer', 2026)
    >>> resolve("winter", "named", "bare", date(2024, 10, 14), "future")
    ('winter', 2025)
    >>> resolve("summer", "season_end", "this", date(2025, 9, 23), "future")
    ('summer', 2026)
    >>> resolve("current", "current", "bare", date(2023, 8, 31), "future")
    ('summer', 2023)
    >>> resolve("summer", "season_end", "this", date(2025, 9, 23), "future", calendar=grammar().calendars["mls"])
    ('winter', 2026)
    """
    cal = calendar or grammar().calendar
    if kind == "explicit":
        return window, year
    if kind == "explicit_season_end":
        end_year = year if year and year > 100 else (2000 + year if year else None)
        if end_year is None:
            return cal.season_window(), None
        return cal.season_window(), end_year + (cal.season_window() == "winter")
    if published is None:
        if window == "current" or kind in ("year_window", "offset"):
            return (None, None) if kind != "year_window" else ("summer", year)
        return (cal.season_window() if kind in ("season_end", "preseason") else window), None
    p, y = published, published.year
    if kind == "year_window" and year is not None:
        if year > y:
            return "winter", year
        if year < y:
            return "summer", year
        return ("winter", y) if p <= cal.bounds("winter", y)[1] else ("summer", y)
    if kind == "next_year":
        return "summer", y + 1
    if window == "current" or kind == "this_month":
        if kind == "this_month" and cal.window_of(y, p.month, None) is None:
            return None, None
        if tense == "past":
            return _open_or_last(cal, p)
        return _open_or_next(cal, p)
    if kind == "season_end":
        # the season running at P ends in the calendar's last month of this year or the next one
        end_year = y if p.month <= cal.season_ends + 1 else y + 1
        end_year += 1 if ref == "next" else -1 if ref == "last" else 0
        return cal.season_window(), end_year + (cal.season_window() == "winter")
    if kind == "preseason":
        w = cal.season_window()
        return w, y if p <= cal.bounds(w, y)[1] else y + 1
    if kind == "new_year":
        return "winter", y + 1 if p.month >= 7 else y
    if kind == "midseason":
        if cal.season_window() == "winter":  # a calendar-year league: mid-season is the summer window
            return "summer", y if p <= cal.bounds("summer", y)[1] or tense == "past" else y + 1
        return "winter", y + 1 if p.month > cal.season_ends else y  # in June the next season is meant
    opens, closes = cal.bounds(window, y)
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


_GENERIC = frozenset({"the-window", "the-deadline"})
_DATED = frozenset({"date", "month", "numeric-date"})  # a generic reference takes the window of one of these
_DATELINE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z .'’-]{2,},(?:[ \t]*[A-Z][\w .]+,)?[ \t]*\Z")
_DATELINE_END = re.compile(r"[ \t]*(?:[-–—(]|\(Reuters\)|\(AP\))")


def _same_sentence(text: str, start: int, found: list[WindowMatch]) -> WindowMatch | None:
    """The last dated window ("on 2 February") found earlier in the sentence that ``start`` is in."""
    sent_start = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    before = [w for w in found if w.start >= sent_start and w.pattern in _DATED]
    return before[-1] if before else None


_FORWARD_START = re.compile(r"(?:for|ahead of|in time for)\s", re.I)
_WORD_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18}


def _month_window(m: re.Match[str], published: date | None, tense: str,
                  cal: Calendar) -> tuple[str | None, int | None] | None:
    """A month or a date phrase: its window in ``cal`` and year, or None when it is in no window."""
    got = resolve_date(m.group(0), published, tense)
    if got is None or got.month is None:
        return None
    gd = m.groupdict()
    day = got.day if (gd.get("day") or gd.get("day2") or gd.get("numeric")) else None
    probe = got.year or (published.year if published else 2024)
    try:
        window = cal.window_of(probe, got.month, day)
    except ValueError:
        return None
    if window is None:
        return None
    return window, got.year


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression ("a|(b|c)|d": "a", "(b|c)", "d")."""
    out, depth, cur, i = [], 0, "", 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            cur += pattern[i:i + 2]
            i += 2
            continue
        if ch == "[":  # a character class: up to its closing bracket
            j = i + 1 + (pattern[i + 1:i + 2] in ("]", "^"))
            while j < len(pattern) and pattern[j] != "]":
                j += 1 + (pattern[j] == "\\")
            cur += pattern[i:j + 1]
            i = j + 1
            continue
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    return [*out, cur]


_LITERAL = re.compile(r"[a-z ]+")
_CASED = re.compile(r"\(\?-i:([A-Za-z ]+)\)")


_STEM = re.compile(r"\\b([a-z0-9]{2,})(?![?*+{])")  # the longest run of letters that no quantifier follows


_AFTER_NUMBER = re.compile(r"\\d\\s\+([a-z]+)\\b")  # a word after a number: \d\s+may\b
_BETWEEN_DIGITS = re.compile(r"\\d\[([^\]\\^-]+)\]\\d")  # a mark between two digits: \d[/.]\d


class _Scan(NamedTuple):
    """An anchor split for a fast scan (see :func:`_anchor_scan`)."""

    words: tuple[str, ...]
    cased: tuple[str, ...]
    rest: re.Pattern[str] | None
    stemmed: tuple[tuple[str, re.Pattern[str]], ...]
    after_number: tuple[tuple[str, re.Pattern[str]], ...]
    between_digits: str


@lru_cache(maxsize=64)
def _anchor_scan(pattern: str) -> _Scan:
    """An anchor split for a fast scan: words to find in the lower-cased text, words to find as
    written ("(?-i:May)"), a pattern for the rest, run on the lower-cased text; the alternatives
    that start with a word boundary and letters or digits ("\\bjan(?:uary)?\\b"), each with those
    letters (its stem, "jan"): found by looking for the stem, then matched there; a word after
    a number ("\\d\\s+may\\b"): found by looking for the word; and the marks that stand between
    two digits ("\\d[/.]\\d"): each such mark with its digits."""
    low, cased, rest, stemmed, after, between = [], [], [], [], [], ""
    for alt in _alternatives(pattern):
        if _LITERAL.fullmatch(alt):
            low.append(alt)
        elif m := _CASED.fullmatch(alt):
            cased.append(m.group(1))
        elif (m := _STEM.match(alt)) and "|" not in alt:
            stemmed.append((m.group(1), re.compile(alt)))
        elif m := _AFTER_NUMBER.fullmatch(alt):
            after.append((m.group(1), re.compile(alt)))
        elif m := _BETWEEN_DIGITS.fullmatch(alt):
            between += m.group(1)
        else:
            rest.append(alt)
    return _Scan(tuple(low), tuple(cased), re.compile("|".join(rest)) if rest else None, tuple(stemmed),
                 tuple(after), between)


def _anchor_spans(text: str, low: str, pattern: str,
                  seen: dict[tuple[str, str], list[tuple[int, int]]] | None = None) -> list[tuple[int, int]]:
    """Where the anchor matches: each alternative on its own (so a superset of one regex scan's
    matches, which never loses a window). ``low`` is ``text`` lower-cased, of the same length.
    ``seen``: the places of each alternative already looked for in this text (anchors share
    words: "season" opens four of them)."""
    words, cased, rest, stemmed, after_number, between_digits = _anchor_scan(pattern)
    seen = {} if seen is None else seen
    out = [m.span() for m in rest.finditer(low)] if rest is not None else []
    for word, rx in after_number:  # the number before the word: past the spaces before it
        at = low.find(word)
        while at >= 0:
            k = at
            while k and low[k - 1].isspace():
                k -= 1
            if k < at and k and (m := rx.match(low, k - 1)):
                out.append(m.span())
            at = low.find(word, at + 1)
    for mark in between_digits:  # each mark with a digit on either side (marks of "1/2/3" share one)
        at = low.find(mark, 1)
        while at >= 0:
            if low[at - 1].isdecimal() and low[at + 1:at + 2].isdecimal():
                out.append((at - 1, at + 2))
            at = low.find(mark, at + 1)
    for stem, rx in stemmed:  # a match at a word boundary starts with its stem: only there
        key = ("stem", rx.pattern)
        if key not in seen:
            found = seen[key] = []
            at = low.find(stem)
            while at >= 0:
                if m := rx.match(low, at):
                    found.append(m.span())
                at = low.find(stem, at + 1)
        out += seen[key]
    for kind, src, ws in (("low", low, words), ("cased", text, cased)):
        for w in ws:
            key = (kind, w)
            if key not in seen:
                found = seen[key] = []
                at = src.find(w)
                while at >= 0:
                    found.append((at, at + len(w)))
                    at = src.find(w, at + 1)
            out += seen[key]
    out.sort()
    return out


def _regions(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches of ``text`` around the anchor matches, merged; each ends at a word boundary."""
    out: list[tuple[int, int]] = []
    n = len(text)
    for start, end in spans:
        lo, hi = max(0, start - _BEFORE), min(n, end + _AFTER)
        while hi < n and (text[hi].isalnum() or text[hi] in "'’-"):
            hi += 1
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


#: run patterns without capitals on the lower-cased text (tests turn it off to compare)
LOWER_CASED = True
_BEFORE, _AFTER = 80, 40  # longer than any window phrase on either side of its anchor word


def find_windows(text: str, published: date | None, calendar: str | None = None,
                 anchored: bool = True) -> list[WindowMatch]:
    """All window phrases in ``text`` with their resolved window and year.

    ``calendar`` names a calendar of ``models/windows.json`` ("europe", "mls", "brazil", "saudi",
    "scandinavia"); the default one when None. Patterns are tried only near the anchor of
    each pattern in the data (``anchored=False`` tries them everywhere: the same result, slower).
    """
    g = grammar()
    cal = g.calendars.get(calendar or g.default)
    if cal is None:
        raise ValueError(f"unknown calendar {calendar!r}: one of {', '.join(g.calendars)}")
    spans: list[tuple[int, int, _Pattern, re.Match[str]]] = []
    regions: dict[str, list[tuple[int, int]]] = {}
    seen: dict[tuple[str, str], list[tuple[int, int]]] = {}  # the places of each anchor word, looked for once
    low = text.lower()
    same = len(low) == len(text)
    for pat in g.patterns:
        if anchored and pat.anchor.pattern not in regions:
            if same:
                hits = _anchor_spans(text, low, pat.anchor.pattern, seen)
            else:  # a letter whose lower case is longer ("İ"): the anchor itself, ignoring case
                hits = [m.span() for m in pat.anchor.finditer(text)]
            regions[pat.anchor.pattern] = _regions(text, hits)
        # a pattern without capitals is run on the lower-cased text (faster than ignoring case);
        # what it finds is matched again on the text itself, for the words as written
        low_rx = pat.low if same and LOWER_CASED else None
        for lo, hi in regions[pat.anchor.pattern] if anchored else [(0, len(text))]:
            for m in (low_rx.finditer(low, lo, hi) if low_rx else pat.rx.finditer(text, lo, hi)):
                s, e = m.start(), m.end()
                if any(not (e <= a or s >= b) for a, b, _, _ in spans):
                    continue
                if low_rx:  # the same words, ignoring case (tested to agree; never a different span)
                    as_written = pat.rx.match(text, s, hi)
                    if as_written is None or as_written.end() != e:
                        continue
                    m = as_written
                spans.append((s, e, pat, m))
    out: list[WindowMatch] = []
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
        elif g.forward_before.search(text[max(0, s - 40):s]) or _FORWARD_START.match(m.group(0)):
            tense = "future"  # "business for the January window", "priority for the summer"
        else:
            tense = tense_before(text, s)
        year = int(gd["year"]) if gd.get("year") else None
        if pat.kind == "explicit_season_end" and year is not None and year < 100:
            year += 2000
        if pat.kind == "month":
            if _DATELINE.search(text, max(0, s - 60), s) and _DATELINE_END.match(text, e):
                continue  # "MANCHESTER, England, Aug 31 -": the dateline, not a window
            sent_start = max(text.rfind(c, 0, s) for c in ".!?\n") + 1
            if g.not_window_near.search(text[max(sent_start, s - 50):min(len(text), e + 30)]):
                continue  # "the season opener on Feb. 22", "turns 18 on August 14": a fixture or a birthday
            found = _month_window(m, published, tense, cal)
            if found is None:
                continue
            window, wyear = found
        elif pat.kind == "offset":
            if published is None:
                continue
            if gd.get("unit3") and tense != "future":
                continue  # "in six months" of a spell already played, not of a move to come
            n = gd.get("n") or gd.get("n2") or gd.get("n3") or "1"
            count = int(n) if n.isdigit() else _WORD_COUNTS.get(n.lower(), 1)
            unit = (gd.get("unit") or gd.get("unit2") or gd.get("unit3") or "year").lower()
            months = count * (12 if unit.startswith("year") else 1)
            mm = published.month - 1 + months
            ty, tm = published.year + mm // 12, mm % 12 + 1
            target = date(ty, tm, min(published.day, _cal.monthrange(ty, tm)[1]))
            window, wyear = _nearest(cal, target)
            tense = "future"
        else:
            which = (gd.get("which") or "").lower()
            named = {"primary": "winter", "secondary": "summer"}.get(which)
            if named:  # MLS: "the secondary window" is the mid-year one
                window, wyear = resolve(named, "named", "bare", published, tense, year, cal)
            else:
                window, wyear = resolve(pat.window, pat.kind, ref, published, tense, year, cal)
        if window is None:
            continue
        if pat.id in _GENERIC and not gd.get("which"):
            other = _same_sentence(text, s, out)
            if other is not None:  # "on 2 February, a day before the deadline": that window's deadline
                window, wyear = other.window, other.year
        opens = closes = None
        if wyear is not None:
            opens, closes = cal.bounds(window, wyear)
            if published is not None and (year is not None or pat.kind in ("explicit", "explicit_season_end")):
                if opens > published:
                    tense = "future"  # "have earmarked the January 2027 window" (written in 2026)
                elif closes < published:
                    tense = "past"
        out.append(WindowMatch(text[s:e], s, e, window, wyear, tense, pat.id, opens, closes))
    return out
