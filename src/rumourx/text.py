"""Pure text helpers: publication-date headers, paragraphs, sentences and name folding.

Everything works on the input string exactly as read and returns character offsets into it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from anyascii import anyascii

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        1,
    )
    for m in names
}


@lru_cache(maxsize=1 << 16)  # the same words come back all the time; bounded, so memory stays flat
def fold(s: str) -> str:
    """Accent- and case-insensitive key for comparing names.

    >>> fold("Ødegaard") == fold("ODEGAARD")
    True
    >>> fold("Smith‑Rowe’s")
    "smith-rowe's"
    """
    return anyascii(s).lower().replace("’", "'")


def lower_case_pattern(pattern: str) -> bool:
    """Whether a pattern names no upper-case letter (escapes such as ``\\W`` and group names aside):
    run without ``re.I`` on a lower-cased text, it finds what it finds ignoring case in the text."""
    return not re.search(r"[A-Z]", re.sub(r"\\.|\(\?P<\w+>|\(\?P=\w+\)", "", pattern))


def by_first_letter(alternatives: list[str], *, word_start: bool = False) -> str:
    r"""The regex alternation of ``alternatives``, grouped by their first letter: ``"(?:b(?:id|idding)|o(?:ffer))"``
    for ``["bid", "offer", "bidding"]``. It matches exactly as ``"(?:bid|offer|bidding)"`` does (at a
    position only the alternatives starting with its letter can match, and those keep their order),
    but Python's ``re`` compares one letter per group instead of one per alternative. Each
    alternative starts with a letter that no quantifier follows (for a pattern that ignores case,
    a lower-case one: "N" and "n" would then be two groups matching one letter).

    ``word_start``: as ``\b`` before the alternation, written as a check behind each group's
    letter (``b(?<!\wb)``): a pattern whose alternatives all open with a letter lets the engine
    skip to the places where one of those letters stands, where a leading ``\b`` has it try every
    position.

    >>> by_first_letter(["bid", "offer", "bidding"])
    '(?:b(?:id|idding)|o(?:ffer))'
    >>> by_first_letter(["he", "she"], word_start=True)
    '(?:h(?<!\\wh)(?:e)|s(?<!\\ws)(?:he))'
    """
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        if not alt[:1].isalpha() or alt[1:2] in ("?", "*", "+", "{"):
            raise ValueError(f"an alternative to group starts with a letter: {alt!r}")
        groups.setdefault(alt[0], []).append(alt[1:])
    behind = (lambda k: rf"(?<!\w{k})") if word_start else (lambda k: "")
    return "(?:" + "|".join(f"{k}{behind(k)}(?:{'|'.join(rest)})" for k, rest in groups.items()) + ")"


class Caseless:
    """A case-insensitive pattern run on the lower-cased text, without ``re.I``: Python's ``re``
    finds lower-case words several times faster than it compares letters ignoring case. The
    pattern is written in lower case (checked). Matches are read on the lower-cased text: the
    same offsets, lower-cased groups. A text whose lower case is longer ("İ") is matched as
    written, ignoring case.

    >>> Caseless(r"\\bbid\\b").search("Arsenal BID for him").span()
    (8, 11)
    """

    __slots__ = ("_any", "_low", "pattern")

    def __init__(self, pattern: str) -> None:
        if not lower_case_pattern(pattern):
            raise ValueError(f"a caseless pattern is written in lower case: {pattern[:60]!r}")
        self.pattern = pattern
        self._low = re.compile(pattern)
        self._any: re.Pattern[str] | None = None  # compiled when first needed (rarely: start-up is faster)

    def _ignoring_case(self) -> re.Pattern[str]:
        if self._any is None:
            self._any = re.compile(self.pattern, re.I)
        return self._any

    def _pick(self, s: str) -> tuple[re.Pattern[str], str]:
        low = s.lower()
        return (self._low, low) if len(low) == len(s) else (self._ignoring_case(), s)

    def search(self, s: str) -> re.Match[str] | None:
        low = s.lower()
        return self._low.search(low) if len(low) == len(s) else self._ignoring_case().search(s)

    def match(self, s: str) -> re.Match[str] | None:
        low = s.lower()
        return self._low.match(low) if len(low) == len(s) else self._ignoring_case().match(s)

    def fullmatch(self, s: str) -> re.Match[str] | None:
        rx, t = self._pick(s)
        return rx.fullmatch(t)

    def finditer(self, s: str) -> Iterator[re.Match[str]]:
        rx, t = self._pick(s)
        return rx.finditer(t)

    def findall(self, s: str) -> list[Any]:
        rx, t = self._pick(s)
        return rx.findall(t)


@dataclass(frozen=True)
class Header:
    """The publication date found in an article's header, and where it is."""

    published: date
    start: int
    end: int


_MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"  # noqa: E501
_ISO = r"(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?"
_LABEL = r"(?:published|date|posted|updated|last updated|first published)"
_HEADER_RES = [
    # "date 2025-09-23" (may share its line with the text)
    re.compile(r"\A\s*date\s+" + _ISO + r"(?=\s|\Z)", re.I),
    # "Published: 2025-09-23T08:00:00Z", "published: 2025-09-23" (front matter), "Published on 2025-09-23"
    re.compile(r"^[ \t]*" + _LABEL + r"(?:\s+on)?\s*[:=]?\s*[\"']?" + _ISO, re.I | re.M),
]
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_WORDY_DATE = (r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+(" + _MONTH_RE + r")\.?,?\s+(\d{4})"
               r"|(" + _MONTH_RE + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))")
_HEADER_WORDY = re.compile(r"^[ \t]*" + _LABEL + r"(?:\s+on)?\s*[:=]?\s*" + _WEEKDAY + _WORDY_DATE, re.I | re.M)
# a line of its own that is only a date, maybe after a byline and before a time
# ("Tue 23 Sep 2025 08.00 BST", "By Jane Smith | September 23, 2025", "23/09/2025")
_TIME_TAIL = r"(?:[ \t,]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:[ \t]+[A-Z]{2,5})?)?[ \t]*$"
_BYLINE = r"^[ \t]*(?:(?:by\s+[^|\n]{2,60}[|•·,-]|" + _LABEL + r"(?:\s+on)?\s*[:=]?)\s*)?"
_HEADER_LINE_WORDY = re.compile(_BYLINE + _WEEKDAY + _WORDY_DATE + _TIME_TAIL, re.I | re.M)
_HEADER_LINE_NUMERIC = re.compile(_BYLINE + r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})" + _TIME_TAIL, re.I | re.M)
_HEAD_LINES = 5
_HEAD_CHARS = 600


def _mk(y: str, m: str | int, d: str) -> date | None:
    month = int(m) if isinstance(m, int) or m.isdigit() else MONTHS[m.lower().rstrip(".")]
    try:
        return date(int(y), month, int(d))
    except ValueError:
        return None


def find_header(text: str) -> Header | None:
    """Find the publication date in the head of an article.

    >>> find_header(" date 2025-09-23 Martin Ødegaard's start").published
    datetime.date(2025, 9, 23)
    >>> find_header("Published: 23 September 2025\\n\\nText").published
    datetime.date(2025, 9, 23)
    >>> find_header("Date: Sep. 23, 2025\\nText").published
    datetime.date(2025, 9, 23)
    >>> find_header("By Jane Smith | Tue 23 Sep 2025 08.00 BST\\nText").published
    datetime.date(2025, 9, 23)
    >>> find_header("Liverpool want a striker.") is None
    True
    """
    head = text[:_HEAD_CHARS]
    for rx in _HEADER_RES:
        m = rx.search(head)
        if m:
            d = _mk(m.group(1), m.group(2), m.group(3))
            if d:
                return Header(d, m.start(), m.end())
    m = _HEADER_WORDY.search(head)
    if m:
        d = _mk(m.group(3), m.group(2), m.group(1)) if m.group(1) else _mk(m.group(6), m.group(4), m.group(5))
        if d:
            return Header(d, m.start(), m.end())
    lines = "\n".join(head.split("\n")[:_HEAD_LINES])
    m = _HEADER_LINE_WORDY.search(lines)
    if m:
        d = _mk(m.group(3), m.group(2), m.group(1)) if m.group(1) else _mk(m.group(6), m.group(4), m.group(5))
        if d:
            return Header(d, m.start(), m.end())
    m = _HEADER_LINE_NUMERIC.search(lines)
    if m:  # day before month, as European papers write it
        d = _mk(m.group(3), int(m.group(2)), m.group(1))
        if d:
            return Header(d, m.start(), m.end())
    return None


def parse_iso_date(value: str) -> date:
    """Parse ``YYYY-MM-DD`` (raises ValueError otherwise)."""
    return datetime.strptime(value.strip(), "%Y-%m-%d").date()


@dataclass(frozen=True)
class Segment:
    """A paragraph or a sentence: offsets into the article."""

    start: int
    end: int
    index: int


def paragraphs(text: str) -> list[Segment]:
    """Paragraphs: each non-blank line, trimmed (news text puts one paragraph on a line).

    >>> [text[p.start:p.end] for text in ["One.\\n\\nTwo.\\nThree."] for p in paragraphs(text)]
    ['One.', 'Two.', 'Three.']
    """
    out: list[Segment] = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Segment(s, e, len(out)))
    return out


_ABBREV = {
    "no", "nos", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "v", "etc", "inc", "ltd",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "fc", "u.s", "e.g", "i.e", "approx", "est",
}
_SENT_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+|$)")


_WORD_BEFORE_DOT = re.compile(r"([A-Za-z.]+)\.$")


def sentences(text: str, paras: list[Segment] | None = None) -> list[Segment]:
    """Sentences, never crossing a paragraph boundary.

    >>> t = "He wears No. 6 at Brighton. Liverpool want him! A bid is due."
    >>> [t[s.start:s.end] for s in sentences(t)]
    ['He wears No. 6 at Brighton.', 'Liverpool want him!', 'A bid is due.']
    """
    out: list[Segment] = []
    for p in paras if paras is not None else paragraphs(text):
        start = p.start
        for m in _SENT_END.finditer(text, p.start, p.end):
            end = m.end()
            word = _WORD_BEFORE_DOT.search(text[max(p.start, m.start() - 12):m.start() + 1])
            if text[m.start()] == "." and word and word.group(1).lower().rstrip(".") in _ABBREV:
                continue
            if text[m.start()] == "." and m.start() > 0 and text[m.start() - 1].isupper() and (
                m.start() - 1 == p.start or not text[m.start() - 2].isalpha()
            ):
                continue  # an initial: "J. Smith"
            nxt = end
            while nxt < p.end and text[nxt].isspace():
                nxt += 1
            if nxt < p.end and text[nxt].islower():
                continue
            if end > start:
                out.append(Segment(start, end, len(out)))
            start = nxt
        if start < p.end:
            out.append(Segment(start, p.end, len(out)))
    return out
