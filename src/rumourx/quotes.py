"""Direct quotes: find quoted spans in raw text, tell speech from scare quotes, and find the
attribution clause around each quote.

Pure functions over strings. Handles curly and straight double quotes, British single quotes
(told apart from apostrophes), guillemets, nested quotes and the multi-paragraph convention
(each continuing paragraph reopens the quote; only the last one closes it).

>>> t = '“Yes, why not,” he replied.\\n\\n“It is a country I like.\\n\\n“But I am happy here.”'
>>> [(q.text, q.group, q.closed) for q in find_quotes(t)]
[('Yes, why not,', 0, True), ('It is a country I like.', 1, False), ('But I am happy here.', 1, True)]
>>> [q.text for q in find_quotes("He called it the 'galactico' policy. 'I don't mind,' he said.")]
['galactico', "I don't mind,"]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .text import Segment, paragraphs

QA_MARKS = ("Q:", "A:")
_QA_LINE = re.compile(r"^(?P<m>[QA]):[ \t]*(?P<body>[^\s“\"'‘«].*?)\s*$", re.M)
OPEN_CLOSE = {"“": "”", "‘": "’", "«": "»", '"': '"', "'": "'", "„": "“"}
_CLOSERS = {"”", "’", "»", '"', "'"}
_WORD = re.compile(r"[\w’']+")


@dataclass(frozen=True)
class QuoteSpan:
    """One quoted stretch inside one paragraph (marks excluded from text/start/end)."""

    text: str
    start: int
    end: int
    open_mark: int
    close_mark: int | None
    paragraph: int
    group: int = 0
    part: int = 0
    closed: bool = True
    mark: str = "“"


@dataclass
class QuoteScan:
    """Quotes found in a text, and the problems met on the way."""

    quotes: list[QuoteSpan] = field(default_factory=list)
    unbalanced: list[int] = field(default_factory=list)
    stray: list[int] = field(default_factory=list)


def _is_letter(c: str) -> bool:
    return c.isalnum()


def _can_open(text: str, i: int, lo: int) -> bool:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (not _is_letter(prev)) and prev not in ".,;:!?" and not nxt.isspace()


def _can_close(text: str, i: int, hi: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    return not prev.isspace() and not _is_letter(nxt)


def _strong_close(text: str, i: int, hi: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    return prev in ",.!?…—–-" or nxt in ",.;:!?)—–" or i + 1 >= hi


_DOUBLE_MARK = re.compile('["“«„”»]')
_SINGLE_MARK = re.compile("[‘']")


def _scan_double(text: str, p: Segment) -> tuple[list[tuple[int, int | None, str]], list[int]]:
    """(open, close or None, mark) for double quotes and guillemets in a paragraph."""
    spans: list[tuple[int, int | None, str]] = []
    stray: list[int] = []
    opened: tuple[int, str] | None = None
    for mark in _DOUBLE_MARK.finditer(text, p.start, p.end):  # only the marks, not every character
        i = mark.start()
        c = text[i]
        if c == '"':
            if opened is None and i > p.start and _is_letter(text[i - 1]) and text[i + 1:i + 2].isspace():
                stray.append(i)  # 'Danylenko" who is': a closing mark with no opening one
            elif opened is None:
                opened = (i, c)
            elif opened[1] == '"':
                spans.append((opened[0], i, c))
                opened = None
        elif c in "“«„":
            if opened is None:
                opened = (i, c)
            elif c == "“" and opened[1] == "„":
                spans.append((opened[0], i, "„"))
                opened = None
        elif c in "”»":
            if opened is not None and OPEN_CLOSE.get(opened[1]) == c:
                spans.append((opened[0], i, opened[1]))
                opened = None
            elif opened is None:
                stray.append(i)
    if opened is not None:
        spans.append((opened[0], None, opened[1]))
    return spans, stray


def _scan_single(text: str, p: Segment, blocked: list[tuple[int, int]]) -> list[tuple[int, int | None, str]]:
    """(open, close or None, mark) for single quotes, skipping apostrophes."""
    spans: list[tuple[int, int | None, str]] = []
    i = p.start
    while i < p.end:
        mark = _SINGLE_MARK.search(text, i, p.end)  # the next mark: no other character can open a quote
        if mark is None:
            break
        i = mark.start()
        c = text[i]
        if _can_open(text, i, p.start) and not _inside(i, blocked):
            closer = "’" if c == "‘" else "'"
            close = _find_single_close(text, i, p.end, closer, blocked)
            if close is None:
                # an unclosed ‘ or a straight ' opening the paragraph: the multi-paragraph
                # convention, or an unbalanced quote that runs to the paragraph's end
                if (c == "‘" or i == p.start or _next_para_opens(text, p.end, c)) and _sentence_like(text[i + 1:p.end]):
                    spans.append((i, None, c))
                    break
                i += 1
                continue
            spans.append((i, close, c))
            i = close + 1
            continue
        i += 1
    return spans


def _next_para_opens(text: str, end: int, mark: str) -> bool:
    """Whether the next paragraph opens with ``mark`` (the multi-paragraph convention)."""
    rest = text[end:end + 8].lstrip()
    return rest.startswith(mark)


def _find_single_close(text: str, i: int, hi: int, closer: str, blocked: list[tuple[int, int]]) -> int | None:
    weak = poss = None
    for j in range(i + 2, hi):
        if text[j] != closer or _inside(j, blocked) or not _can_close(text, j, hi):
            continue
        if _strong_close(text, j, hi):
            if weak is not None and (len(_WORD.findall(text[i:weak])) <= 4 or _opener_between(text, weak, j)):
                return weak
            return j
        # "the players' union": an s-plural possessive followed by a lower-case word
        if text[j - 1] in "sS" and j + 2 < hi and text[j + 1] == " " and text[j + 2].islower():
            poss = poss if poss is not None else j
        else:
            weak = weak if weak is not None else j
    return weak if weak is not None else poss


def _opener_between(text: str, a: int, b: int) -> bool:
    return any(text[k] in "‘'" and _can_open(text, k, a) for k in range(a + 1, b))


def _sentence_like(s: str) -> bool:
    return len(_WORD.findall(s)) >= 4


def _inside(i: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < i < b for a, b in spans)


def find_quotes(text: str, paras: list[Segment] | None = None) -> list[QuoteSpan]:
    """All quoted spans, in order (see :func:`scan_quotes` for the problems met)."""
    return scan_quotes(text, paras).quotes


def scan_quotes(text: str, paras: list[Segment] | None = None) -> QuoteScan:
    """Quoted spans with multi-paragraph grouping, plus unbalanced and stray marks."""
    paras = paras if paras is not None else paragraphs(text)
    scan = QuoteScan()
    raw: list[tuple[int, int | None, str, int]] = []
    for p in paras:
        dbl, stray = _scan_double(text, p)
        scan.stray.extend(stray)
        blocked = [(a, b if b is not None else p.end) for a, b, _ in dbl]
        sgl = _scan_single(text, p, blocked)
        outer = [(a, b if b is not None else p.end) for a, b, _ in sgl]
        for a, b, mark in dbl:
            if not any(x < a and (b or p.end) < y for x, y in outer):
                raw.append((a, b, mark, p.index))
        for a, b, mark in sgl:
            raw.append((a, b, mark, p.index))
    for m in _QA_LINE.finditer(text):  # an interview transcript: "Q: Why...?" / "A: Because..."
        pi = next((p.index for p in paras if p.start <= m.start() < p.end), None)
        if pi is not None and len(_WORD.findall(m.group("body"))) >= 2:
            raw.append((m.start("m") + 1, -m.end("body"), m.group("m") + ":", pi))
    raw.sort()
    group = -1
    prev_open_unclosed = False
    prev_para = -2
    for a, b, mark, pi in raw:
        p = paras[pi]
        continuing = prev_open_unclosed and pi == prev_para + 1 and a == p.start
        if not continuing:
            group += 1
            part = 0
        else:
            part += 1
        if mark in QA_MARKS:  # (colon, -end of the line): a whole line, no closing mark
            assert b is not None
            s, e = a + 1, -b
            while s < e and text[s].isspace():
                s += 1
            scan.quotes.append(QuoteSpan(text[s:e], s, e, a, None, pi, group + 1, 0, True, mark))
            group += 1
            prev_open_unclosed, prev_para = False, pi
            continue
        s, e = a + 1, b if b is not None else p.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if b is None:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            if not (nxt and text[nxt.start] == mark):
                scan.unbalanced.append(a)
        scan.quotes.append(QuoteSpan(text[s:e], s, e, a, b, pi, group, part, b is not None, mark))
        prev_open_unclosed = b is None
        prev_para = pi
    return scan


def is_speech(q: QuoteSpan, text: str, speech_verbs: frozenset[str]) -> bool:
    """Speech rather than a scare quote, nickname or title.

    Speech has a speaker cue next to it, or reads as a sentence (ends in punctuation inside the
    marks, or runs to several words), or is part of a multi-paragraph quote.
    """
    words = _WORD.findall(q.text)
    if not words:
        return False
    if q.mark in QA_MARKS:
        return True
    if q.part > 0:
        return len(words) >= 2
    if not q.closed:
        line = text[text.rfind("\n", 0, q.open_mark) + 1:q.open_mark]
        if (line.strip() and not re.search(r":\s*$", line) and not _speech_anywhere(speech_verbs).search(line)
                and not any(c in line for c in "“”\"«»")):
            return False  # a stray opening mark mid-paragraph ("The club's "plan is ready.")
        return len(words) >= 2
    inner_end = q.text.rstrip()[-1:] in ",.!?…—–-"
    if inner_end and len(words) >= 2:
        return True  # punctuation inside the marks: a sentence, whatever stands around it
    after = text[q.close_mark + 1:q.close_mark + 60] if q.close_mark is not None else ""
    before = text[max(0, q.open_mark - 80):q.open_mark]
    cue_after, cue_before = _cue_res(speech_verbs)
    cue = (bool(cue_after.match(after)) or bool(cue_before.search(before)) or bool(re.search(r":\s*$", before))
           or bool(re.match(r"\s*,?\s*according to\b", after)))
    if cue and (inner_end or len(words) >= 2):
        return True
    if len(words) >= 3 and _embedded_res(speech_verbs).search(before):
        return True  # "insisted the fee was 'not a serious offer'"
    return len(words) >= 6 and not _title_like(words)


def quote_key(text: str) -> str:
    """A quote's words, lower-cased, for telling when one quote repeats another."""
    return " ".join(_WORD.findall(text.lower()))


def repeated_as_speech(quotes: list[QuoteSpan], speech: list[bool]) -> list[bool]:
    """A quote of three words or more that a speech quote repeats (a headline quoting the body)
    is speech too: "Carraro hails Ndour as 'exactly what we were missing'"."""
    out = list(speech)
    if all(speech):
        return out
    said = [quote_key(q.text) for q, sp in zip(quotes, speech, strict=True) if sp]
    for i, q in enumerate(quotes):
        if out[i]:
            continue
        words = quote_key(q.text)
        if len(words.split()) >= 3 and any(words in t and t != words for t in said):
            out[i] = True
    return out


@lru_cache(maxsize=4)
def _cue_res(speech_verbs: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    verbs = "|".join(re.escape(v) for v in sorted(speech_verbs, key=len, reverse=True))
    return (re.compile(rf"\s*,?\s*(?:[\w’'-]+\s+){{0,6}}?(?:{verbs})\b"),
            re.compile(rf"(?:{verbs})\b[^.!?\"“”]{{0,50}}[:,]\s*$"))


@lru_cache(maxsize=4)
def _speech_anywhere(speech_verbs: frozenset[str]) -> re.Pattern[str]:
    verbs = "|".join(re.escape(v) for v in sorted(speech_verbs, key=len, reverse=True) if v.islower())
    return re.compile(rf"\b(?:{verbs})\b")


@lru_cache(maxsize=4)
def _embedded_res(speech_verbs: frozenset[str]) -> re.Pattern[str]:
    """A lower-case speech verb earlier in the same sentence (a partial quote mid-sentence)."""
    verbs = "|".join(re.escape(v) for v in sorted(speech_verbs, key=len, reverse=True) if v.islower())
    return re.compile(rf"\b(?:{verbs})\b[^.!?\"“”‘’\n]{{0,80}}$")


def _title_like(words: list[str]) -> bool:
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= max(3, int(0.7 * len(words)))
