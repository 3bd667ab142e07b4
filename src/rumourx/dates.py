"""Date phrases resolved against a base date: the resolver the transfer windows use.

Pure functions; the words come from ``models/dates.json``. A phrase is one candidate the
caller found ("on 31 August", "Jan. 15", "next june", "from Nov to March", "January twenty
five nineteen eighty six"), never a whole article. A range resolves to its start. Without an
explicit year the tense picks the reading: ``future`` the first such date on or after the
base, ``past`` the last one on or before it. dateparser (``languages=["en"]``, the base as
``RELATIVE_BASE``, day before month) reads the all-numeric ones ("on 31/08/2025").

>>> from datetime import date
>>> resolve_date("on 31 August", date(2025, 9, 23))
DatePoint(year=2026, month=8, day=31, season=None, explicit=False)
>>> resolve_date("in August", date(2025, 9, 23), "past").year
2025
>>> resolve_date("Nov-Feb 2017", date(2018, 10, 24))[:2]
(2016, 11)
>>> resolve_date("January twenty five nineteen eighty six", date(2019, 5, 30))[:3]
(1986, 1, 25)
>>> resolve_date("the first week of Jan 2015", date(2018, 11, 29))[:3]
(2014, 12, 29)
>>> resolve_date("by 01/09/2025", date(2025, 8, 20))[:3]
(2025, 9, 1)
>>> resolve_date("the money", date(2025, 9, 23)) is None
True
"""

from __future__ import annotations

import calendar as _cal
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, NamedTuple

from .errors import DataFileError
from .resources import read_json

PATH = "models/dates.json"


class DatePoint(NamedTuple):
    """What a phrase resolves to: a year (None without a base date), a month, maybe a day.

    ``season`` is set for season words ("this summer"); ``explicit`` when the phrase wrote its year.
    """

    year: int | None
    month: int | None
    day: int | None = None
    season: str | None = None
    explicit: bool = False


@dataclass(frozen=True)
class Vocabulary:
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, int]
    cardinals: dict[str, int]
    ordinals: dict[str, int]
    relative: dict[str, int]
    range_words: frozenset[str]
    units: dict[str, str]
    offset_words: dict[str, int]
    now_words: dict[str, int]
    week_of_words: frozenset[str]


def _mapping(data: dict[str, Any], key: str, kind: type) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict) or not value:
        raise DataFileError(PATH, None, key, "expected a non-empty object")
    for k, v in value.items():
        if not isinstance(v, kind) or not k.islower():
            raise DataFileError(PATH, None, f"{key}.{k}", f"expected a lower-case key and a {kind.__name__} value")
    return value


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The words of ``models/dates.json`` (validated, cached)."""
    data = read_json("dates.json")
    months = _mapping(data, "months", int)
    if sorted(set(months.values())) != list(range(1, 13)):
        raise DataFileError(PATH, None, "months", "every month 1-12 needs a name")
    words = data.get("range_words")
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise DataFileError(PATH, None, "range_words", "expected a list of words")
    week_of = data.get("week_of_words")
    if not isinstance(week_of, list):
        raise DataFileError(PATH, None, "week_of_words", "expected a list of words")
    return Vocabulary(months, _mapping(data, "weekdays", int), _mapping(data, "seasons", int),
                      _mapping(data, "cardinals", int), _mapping(data, "ordinals", int),
                      _mapping(data, "relative", int), frozenset(words), _mapping(data, "units", str),
                      _mapping(data, "offset_words", int), _mapping(data, "now_words", int), frozenset(week_of))


# -- tokens -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Num:
    value: int
    ordinal: bool = False
    year: bool = False  # written as a year ("2019", "nineteen eighty six")
    digits: int = 0  # how many digits it was written with (0 for words)


_TOKEN = re.compile(r"\d+(?:st|nd|rd|th)?|[a-z]+|[-–]")


def _small(toks: list[str], i: int, v: Vocabulary) -> tuple[int, int, bool] | None:
    """A number word below 100 at ``toks[i]``: (value, next index, ordinal)."""
    t = toks[i]
    if t in v.ordinals and v.ordinals[t] > 0:
        return v.ordinals[t], i + 1, True
    if t not in v.cardinals or t == "a":
        return None
    value = v.cardinals[t]
    j = i + 1
    if value >= 20 and value % 10 == 0:
        k = j + 1 if j < len(toks) and toks[j] in ("-", "–") else j
        if k < len(toks):
            u = toks[k]
            if u in v.cardinals and 0 < v.cardinals[u] < 10 and u != "a":
                return value + v.cardinals[u], k + 1, False
            if u in v.ordinals and 0 < v.ordinals[u] < 10:
                return value + v.ordinals[u], k + 1, True
    return value, j, False


def _words_to_numbers(toks: list[str], v: Vocabulary) -> list[str | _Num]:
    """Digits and number words to numbers; years written in words become one number."""
    out: list[str | _Num] = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if t[0].isdigit():
            digits = re.match(r"\d+", t).group()  # type: ignore[union-attr]
            out.append(_Num(int(digits), ordinal=len(digits) < len(t), year=len(digits) == 4, digits=len(digits)))
            i += 1
            continue
        got = _small(toks, i, v)
        if got is None:
            out.append(t)
            i += 1
            continue
        value, j, ordinal = got
        if not ordinal and j < n and toks[j] in ("thousand", "hundred"):
            scale = 1000 if toks[j] == "thousand" else 100
            k = j + 1
            if k < n and toks[k] == "and":
                k += 1
            rest = _small(toks, k, v) if k < n else None
            if rest and not rest[2]:
                out.append(_Num(value * scale + rest[0], year=True))
                i = rest[1]
            else:
                out.append(_Num(value * scale, year=True))
                i = k if k > j + 1 and rest is None else j + 1
            continue
        if not ordinal and 10 <= value <= 20 and toks[i] in v.cardinals and j < n:
            # "nineteen eighty six", "nineteen zero one", "twenty twenty six"
            nxt = toks[j]
            if nxt in ("zero", "oh") and j + 1 < n and toks[j + 1] in v.cardinals:
                unit = v.cardinals[toks[j + 1]]
                if 0 < unit < 10:
                    out.append(_Num(value * 100 + unit, year=True))
                    i = j + 2
                    continue
            if nxt in v.cardinals and v.cardinals[nxt] >= 10 and nxt != "a":
                rest = _small(toks, j, v)
                if rest and not rest[2]:
                    out.append(_Num(value * 100 + rest[0], year=True))
                    i = rest[1]
                    continue
        out.append(_Num(value, ordinal=ordinal))
        i = j
    return out


# -- one date expression --------------------------------------------------------------------------

@dataclass
class _Part:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: str | None = None
    rel: int | None = None  # this 0, next +1, last -1 (for the month, season or weekday after it)
    rel_year: int | None = None  # "next year", "this year"
    weekday: int | None = None
    rel_weekday: int | None = None  # "next friday", "last Monday"
    week_ord: int | None = None  # first 1, 2nd 2, last -1
    week_unit: bool = False  # week_ord counts weeks ("1st week of Oct"), not weekdays
    week_of: bool = False
    now: int | None = None  # days from the base ("now" 0, "tomorrow" 1)
    offset: list[tuple[int, str]] = field(default_factory=list)  # (signed count, unit)
    has_month_word: bool = False

    def empty(self) -> bool:
        return (self.year is None and self.month is None and self.day is None and self.season is None
                and self.weekday is None and self.now is None and self.rel_year is None and not self.offset)


def _pivot(two: int, base: date | None) -> int:
    """A two-digit year: '87' -> 1987, '12' -> 2012 (pivot ten years after the base)."""
    limit = ((base.year if base else date.today().year) + 10) % 100
    return 2000 + two if two <= limit else 1900 + two


def _chunks(items: list[str | _Num], v: Vocabulary) -> list[list[str | _Num]]:
    """Split a phrase into the ends of a range: 'from March to May', 'Nov-Feb', 'between 3 and 12'."""
    chunks: list[list[str | _Num]] = [[]]
    for k, it in enumerate(items):
        if isinstance(it, str) and it in v.range_words and chunks[-1]:
            chunks.append([])
            continue
        if isinstance(it, str) and it in ("-", "–") and k + 1 < len(items):
            nxt = items[k + 1]
            before_has_month = any(isinstance(x, str) and x in v.months for x in chunks[-1])
            if isinstance(nxt, str) and nxt in v.months and before_has_month:
                chunks.append([])
                continue
        chunks[-1].append(it)
    return [c for c in chunks if c]


def _part(items: list[str | _Num], v: Vocabulary, base: date | None) -> _Part:
    p = _Part()
    n = len(items)
    skip_next_num = False
    for k, it in enumerate(items):
        nxt = items[k + 1] if k + 1 < n else None
        prev = items[k - 1] if k else None
        if isinstance(it, _Num):
            if skip_next_num:
                skip_next_num = False
                continue
            unit = v.units.get(nxt) if isinstance(nxt, str) else None
            if unit:
                after = items[k + 2] if k + 2 < n else None
                if unit == "weeks" and it.ordinal:
                    p.week_ord, p.week_unit = it.value, True
                elif isinstance(after, str) and after in v.offset_words:
                    p.offset.append((it.value * v.offset_words[after], unit))
                continue
            if isinstance(nxt, str) and nxt in v.weekdays and it.ordinal:
                p.week_ord = it.value  # "the first friday of july"
                continue
            if it.digits == 3 or it.digits > 4:
                continue  # "£105m": not a day or a year
            if it.year or it.value > 31:
                if p.year is None:
                    p.year = it.value if (it.year or it.value >= 100) else _pivot(it.value, base)
                continue
            if p.day is None:
                p.day = it.value
                if nxt in ("-", "–") and k + 2 < n and isinstance(items[k + 2], _Num):
                    skip_next_num = not (items[k + 2].year or items[k + 2].value > 31)  # type: ignore[union-attr]
            elif p.year is None and (prev == "of" or it.digits == 2 or p.month is not None):
                p.year = _pivot(it.value, base)
            continue
        w = it
        if w in v.months:
            if p.month is None and not (w == "may" and p.has_month_word):
                p.month = v.months[w]
                p.has_month_word = True
        elif w in v.seasons:
            p.season = w
        elif w in v.weekdays:
            p.weekday = v.weekdays[w]
        elif w == "last" and nxt in ("week", "weeks"):
            p.week_ord, p.week_unit = -1, True
        elif (w == "week" and (nxt in v.week_of_words or (prev == "the" and nxt is None))) or (w == "w" and nxt == "c"):
            p.week_of = True
        elif w in v.relative and (nxt in v.months or nxt in v.seasons or nxt in v.weekdays
                                  or isinstance(nxt, _Num) or nxt in ("year", "month")):
            if nxt == "year":
                p.rel_year = v.relative[w]
            elif nxt == "month" and base is not None:
                m = base.month + v.relative[w]
                p.month, p.year = (m - 1) % 12 + 1, base.year + (m - 1) // 12
            elif nxt in v.weekdays:
                p.rel_weekday = v.relative[w]
            else:
                p.rel = v.relative[w]
        elif w in ("a", "an") and isinstance(nxt, str) and nxt in v.units:
            after = items[k + 2] if k + 2 < n else None
            sign = v.offset_words.get(after, 0) if isinstance(after, str) else 0
            if sign or prev == "in":
                p.offset.append((sign or 1, v.units[nxt]))
        elif w in v.now_words and w != "date":
            p.now = v.now_words[w]
    if p.offset and p.now is None and p.month is None and p.season is None and p.weekday is None:
        p.now = 0  # "a year from now", "in six months' time"
    return p


# -- resolution -----------------------------------------------------------------------------------

def _add(d: date, count: int, unit: str) -> date:
    if unit == "days":
        return d + timedelta(days=count)
    if unit == "weeks":
        return d + timedelta(weeks=count)
    if unit == "fortnight":
        return d + timedelta(weeks=2 * count)
    months = count * (12 if unit == "years" else 1)
    m = d.month - 1 + months
    y, m = d.year + m // 12, m % 12 + 1
    return date(y, m, min(d.day, _cal.monthrange(y, m)[1]))


def _week_monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _nth_week(year: int, month: int, nth: int) -> date:
    """Monday of the nth week of a month (weeks hold the month's first or last Thursday)."""
    if nth < 0:
        last = date(year, month, _cal.monthrange(year, month)[1])
        thursday = last - timedelta(days=(last.weekday() - 3) % 7)
        return _week_monday(thursday)
    first = date(year, month, 1)
    thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    return _week_monday(thursday) + timedelta(weeks=nth - 1)


def _valid(year: int, month: int, day: int | None) -> bool:
    return day is None or 1 <= day <= _cal.monthrange(year, month)[1]


def _year_for(month: int, day: int | None, base: date, tense: str, rel: int | None) -> int:
    """The year of a month (and day) without a written year, seen from ``base``."""
    y = base.year
    here = (base.month, base.day) if day else (base.month, 0)
    when = (month, day or 0)
    if rel is not None:
        y += rel
    elif tense == "past":
        y = y if when <= here else y - 1
    else:
        y = y if when >= here else y + 1
    step = -1 if tense == "past" and rel is None else 1
    for _ in range(8):  # 29 February: the nearest leap year in the reading's direction
        if _valid(y, month, day):
            break
        y += step
    return y


def _resolve_part(p: _Part, base: date | None, tense: str, year_hint: int | None = None) -> DatePoint | None:
    explicit = p.year is not None
    year = p.year if p.year is not None else year_hint
    if p.rel_year is not None and base is not None and year is None:
        year, explicit = base.year + p.rel_year, True
    if p.now is not None and p.month is None:
        if base is None:
            return None
        d = base + timedelta(days=p.now)
        for count, unit in p.offset:
            d = _add(d, count, unit)
        return DatePoint(d.year, d.month, d.day)
    if p.month is None and p.season is not None:
        month = vocabulary().seasons[p.season]
        if year is None and base is not None:
            year = _year_for(month, None, base, tense, p.rel)
        return DatePoint(year, month, None, p.season, explicit)
    if p.weekday is not None and base is not None and (p.month is None or p.rel_weekday is not None):
        monday = _week_monday(base)
        if p.rel_weekday == 1:
            d = monday + timedelta(weeks=1, days=p.weekday)
        elif p.rel_weekday == 0:
            d = monday + timedelta(days=p.weekday)
        elif p.rel_weekday == -1:
            d = base - timedelta(days=(base.weekday() - p.weekday) % 7 or 7)
        else:
            d = base + timedelta(days=(p.weekday - base.weekday()) % 7)
        return DatePoint(d.year, d.month, d.day)
    if p.month is None:
        if year is not None and p.day is None:
            return DatePoint(year, 1, None, None, explicit)  # "2014 through May 2018"
        return None
    month, day = p.month, p.day
    if year is None and base is not None:
        year = _year_for(month, day, base, tense, p.rel)
    if year is None:
        return DatePoint(None, month, day)
    if not _valid(year, month, day):
        return None
    if p.week_ord is not None:
        if p.week_unit:  # "the last week of July", "1st week of Oct. on Friday"
            d = _nth_week(year, month, p.week_ord) + timedelta(days=p.weekday or 0)
        elif p.weekday is not None and p.week_ord > 0:  # "the first Friday of July"
            first = date(year, month, 1)
            d = first + timedelta(days=(p.weekday - first.weekday()) % 7 + 7 * (p.week_ord - 1))
        else:
            d = date(year, month, day or 1)
        return DatePoint(d.year, d.month, d.day, None, explicit)
    if p.week_of and day is not None:
        d = _week_monday(date(year, month, day))
        return DatePoint(d.year, d.month, d.day, None, explicit)
    if p.offset and day is not None:
        d = date(year, month, day)
        for count, unit in p.offset:
            d = _add(d, count, unit)
        return DatePoint(d.year, d.month, d.day, None, explicit)
    return DatePoint(year, month, day, None, explicit)


_NUMERIC = re.compile(r"\b\d{1,2}[/.]\d{1,2}(?:[/.](?:\d{4}|\d{2}))?\b")


def resolve_date(phrase: str, base: date | None, tense: str = "future") -> DatePoint | None:
    """Resolve a date phrase against ``base`` (the publication date); None when it holds no date."""
    v = vocabulary()
    if _NUMERIC.search(phrase) and not any(w in v.months for w in _TOKEN.findall(phrase.lower())):
        return _dateparser(phrase, base, tense)  # "on 31/08/2025": day-month order, as in European news
    items = _words_to_numbers(_TOKEN.findall(phrase.lower()), v)
    items = ["now" if it == "date" and k and items[k - 1] == "to" else it for k, it in enumerate(items)]
    chunks = _chunks(items, v)
    if not chunks:
        return None
    parts = [_part(c, v, base) for c in chunks]
    parts = [p for p in parts if not p.empty()]
    if not parts:
        return None
    first, rest = parts[0], parts[1:]
    if any(p.now is not None for p in rest) and first.now is None:
        tense = "past"  # "between Jan 22 and now", "from March to date"
    later = next((p for p in rest if p.month is not None or p.year is not None), None)
    if later is not None and first.month is None and first.day is not None and first.season is None:
        first.month = later.month  # "from 4 to 22 January, 1995"
        if first.year is None:
            first.year = later.year
    hint = None
    if later is not None and first.year is None and first.rel is None and first.month is not None \
            and later.month is not None and first.now is None and first.weekday is None:
        # a range without the start's year: the start is the same year as the end, or the one
        # before when its month comes later ("Nov-Feb 2017", "from Nov to March")
        end = _resolve_part(later, base, tense)
        if end is not None and end.year is not None:
            hint = end.year - (1 if first.month > later.month else 0)
    got = _resolve_part(first, base, tense, hint)
    if got is not None and hint is not None:
        got = got._replace(explicit=later is not None and later.year is not None)
    return got


def _dateparser(phrase: str, base: date | None, tense: str) -> DatePoint | None:
    """Ask dateparser about a numeric candidate ("31/08/2025"), day before month."""
    if base is None:
        return None
    from dateparser.date import DateDataParser

    settings = {"RELATIVE_BASE": datetime(base.year, base.month, base.day),
                "PREFER_DATES_FROM": "past" if tense == "past" else "future", "PREFER_DAY_OF_MONTH": "first",
                "DATE_ORDER": "DMY"}
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(phrase)
    except Exception:
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    return DatePoint(d.year, d.month, d.day if data.period == "day" else None)
