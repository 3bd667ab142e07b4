"""The money grammar: find amounts of money in raw text, exactly.

Pure functions over strings; the rules and word lists come from ``models/currencies.json``.
Amounts are :class:`~decimal.Decimal` in full units with ISO 4217 codes.

>>> [(m.text, int(m.amount), m.currency) for m in find_money("a fee of €120million (£105m, $141.5m)")]
[('€120million', 120000000, 'EUR'), ('£105m', 105000000, 'GBP'), ('$141.5m', 141500000, 'USD')]
>>> m = find_money("He would cost in excess of £100m.")[0]
>>> (m.amount, m.qualifier, m.qualifier_text)
(Decimal('100000000'), 'min', 'in excess of')
>>> m = find_money("He earns £300,000-a-week at the club.")[0]
>>> (m.text, m.kind, m.period)
('£300,000-a-week', 'wage', 'week')
>>> find_money("He was 39-times capped and wore No.6 at 18:42.")
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import DataFileError
from .resources import read_json
from .text import Caseless

KINDS = ("fee", "wage", "clause", "addon", "other")
if TYPE_CHECKING:  # pragma: no cover
    from .fx import Conversion

QUALIFIERS = ("exact", "approx", "min", "max")
_SCALES = "million|billion|thousand|trillion"  # the scale words that follow numbers in words


@dataclass(frozen=True)
class Money:
    """One amount of money found in a text (``amount`` is None for "an undisclosed fee" or
    "a free transfer"; ``currency`` is None when the text states none, as in "a nine-figure sum")."""

    text: str
    start: int
    end: int
    amount: Decimal | None
    currency: str | None
    qualifier: str = "exact"
    qualifier_text: str | None = None
    kind: str = "fee"
    period: str | None = None
    group: int = 0
    range_with: int | None = None
    addon_to: int | None = None
    index: int = 0
    same_as: int | None = None
    detail: str | None = None  # loan_fee, option_to_buy, obligation_to_buy, undisclosed, free, vague
    converted: Conversion | None = None  # in the base currency, set by the fees component


def with_changes(m: Money, **changes: Any) -> Money:
    """``dataclasses.replace(m, **changes)`` without running ``__init__`` again: a frozen
    dataclass sets each of its 16 fields through ``object.__setattr__``, and the copy cost more
    than finding the amount. (Compiled by mypyc, ``Money`` is a native class with no ``__dict__``,
    whose ``__init__`` is cheap: there it is ``dataclasses.replace``.)"""
    if not changes.keys() <= _MONEY_FIELDS:
        raise TypeError(f"Money has no field {sorted(changes.keys() - _MONEY_FIELDS)[0]!r}")
    if not _PLAIN_MONEY:
        return replace(m, **changes)
    new = object.__new__(Money)
    new.__dict__.update(m.__dict__, **changes)
    return new


_MONEY_FIELDS = frozenset(Money.__dataclass_fields__)


def _plain_class(cls: type) -> bool:
    """Whether ``object.__new__`` may make an instance (mypyc's native classes refuse it)."""
    try:
        object.__new__(cls)
    except TypeError:
        return False
    return True


_PLAIN_MONEY = _plain_class(Money)
DETAILS = ("loan_fee", "option_to_buy", "obligation_to_buy", "undisclosed", "free", "vague")


def _alt(xs: Any) -> str:
    return "|".join(re.escape(x) for x in sorted(set(xs), key=len, reverse=True))


@dataclass
class Grammar:
    """Compiled money grammar (built once from the data file)."""

    symbols: dict[str, str]
    codes: set[str]
    words: dict[str, str]
    words_need_size: set[str]
    multipliers: dict[str, Decimal]
    number_words: dict[str, Decimal]
    qualifiers: list[tuple[str, str]]
    cues: dict[str, Any]
    periods: dict[str, str]
    spaced_prefixes: list[str]
    symbols_after: list[str]
    context_marks: dict[str, list[str]]
    context_cues: dict[str, list[str]]
    code_words: set[str]
    subunits: dict[str, str]
    weight_cues: list[str]
    no_amount: dict[str, list[str]]
    no_amount_anchors: list[str]
    figures: dict[str, int]
    detail_cues: dict[str, list[str]]
    symbols_lower: dict[str, str] = field(init=False)
    amount_re: re.Pattern[str] = field(init=False)
    amount_post_re: re.Pattern[str] = field(init=False)
    words_re: re.Pattern[str] = field(init=False)
    range_re: re.Pattern[str] = field(init=False)
    marker_ends: tuple[str, ...] = field(init=False)  # a currency marker's possible endings, lower case
    qual_re: re.Pattern[str] = field(init=False)
    wage_after_re: re.Pattern[str] = field(init=False)
    no_amount_re: re.Pattern[str] = field(init=False)
    no_amount_anchor: Caseless = field(init=False)  # a word every no-amount phrase holds
    word_scale: Caseless = field(init=False)  # a word every amount in words holds ("million", "MEUR")
    scale_codes: re.Pattern[str] = field(init=False)
    no_amount_reach: int = field(init=False)  # how far before its anchor a phrase may start
    vague_re: re.Pattern[str] = field(init=False)
    weight_re: re.Pattern[str] = field(init=False)
    addon_before_re: re.Pattern[str] = field(init=False)
    cue_rx: dict[str, Caseless] = field(init=False)  # each cue list of the kind and detail rules, compiled

    def __post_init__(self) -> None:
        lists: dict[str, Any] = {k: v for k, v in self.cues.items() if isinstance(v, list)}
        lists["wage_before_strict"] = self.cues["wage_before"][:-1]
        lists["wage_words"] = _WAGE_WORDS
        lists["deal_words"] = _DEAL_WORDS
        lists |= {f"period_before:{p}": ws for p, ws in self.cues["period_before"].items() if not p.startswith("_")}
        lists |= {f"detail:{d}": ws for d, ws in self.detail_cues.items()}
        self.cue_rx = {k: _cue_re(tuple(v)) for k, v in lists.items()}
        self.symbols_lower = {k.lower(): v for k, v in self.symbols.items()}
        # the endings a currency marker before a number may have (see ``_near``): none holds a digit
        markers = [*self.symbols, *self.codes, "$"]
        if any(ch.isdigit() or ch.isspace() for mk in markers for ch in mk):
            raise ValueError("currencies.json: a currency symbol or code holds a digit or a space")
        self.marker_ends = tuple(sorted({mk.lower() for mk in markers}))
        codes = _alt(self.codes)
        mcodes = "M(?:" + codes + ")"
        spaced_sym = rf"(?:{_alt(self.spaced_prefixes)})\s\$"
        pre = rf"(?P<pre>{spaced_sym}|{_alt(self.symbols)}|(?:{mcodes}|{codes})(?=\s?\d))"
        num = (r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?"
               r"|\d+(?:\.\d+)?|\d+,\d{1,2}(?=\s?(?:m|mn|bn|million|billion)\b))(?![.,]?\d)")
        spaced = [k for k in self.multipliers if len(k) > 2 or k in ("mn", "bn", "tn")]
        glued = [k for k in self.multipliers if k not in spaced or k in ("mn", "bn", "tn")]
        mult = rf"(?:(?P<mult>\s?(?:{_alt(spaced)})|(?:{_alt(glued)}))(?![A-Za-z]))?"
        words = _alt([*self.words, *self.subunits])
        post = (rf"(?:\s?(?P<post>(?:{mcodes}|{codes})\b|{words})(?![A-Za-z-])"
                rf"(?P<mult2>\s(?:million|billion|mn|bn|m)\b)?"
                rf"|\s?(?P<sym>{_alt([*self.symbols_after, *self.context_marks])})(?![A-Za-z0-9]))")
        self.amount_re = re.compile(
            rf"(?<![A-Za-z0-9$£€¥.,]){pre}\s?{num}{mult}"
            rf"(?:\s?(?P<post2>{mcodes}|{codes})\b(?!\s?\d))?(?![A-Za-z])", re.I
        )
        # a number right after another number is a table or a list, not an amount ("245 23 yen")
        self.amount_post_re = re.compile(rf"(?<![A-Za-z0-9$£€¥.,-])(?<!\d\s){num}{mult}{post}", re.I)
        nw = _alt(self.number_words)
        self.words_re = re.compile(
            rf"(?<![A-Za-z-])(?P<wn>(?:{nw})(?:(?:\s+|-)(?:{nw}|and|of))*)(?:\s+|-)"
            rf"(?:(?P<scale>{_SCALES})\s+(?P<word>{_alt(self.words)}|{codes})"
            rf"|(?P<mword>{mcodes}))(?![A-Za-z-])",
            re.I,
        )
        self.range_re = re.compile(
            rf"(?<![A-Za-z0-9$£€¥.,]){pre}\s?(?P<num1>\d+(?:\.\d+)?)\s?(?:-|–|—|to)\s?"
            rf"(?:(?P<pre2>{_alt(self.symbols)})\s?)?{num}{mult}",
        )
        self.qual_re = re.compile(
            rf"(?:^|[\s(,])(?P<q>{_alt(q for q, _ in self.qualifiers)})\s+(?:a\s+fee\s+of\s+|of\s+)?$", re.I
        )
        self.wage_after_re = re.compile(
            rf"^(?:\s?|-)(?:(?:net|gross)\s+)?(?P<w>{_alt(self.cues['wage_after'])})(?![A-Za-z])", re.I
        )
        self.no_amount_re = re.compile(
            "|".join(rf"(?P<{k}>(?<![A-Za-z])(?:{_alt(v)})(?![A-Za-z-])(?![- ]kick))"
                     for k, v in self.no_amount.items()),
            re.I,
        )
        phrases = [p for ps in self.no_amount.values() for p in ps]
        self.no_amount_anchor = Caseless(_alt([w.lower() for w in self.no_amount_anchors]))
        self.word_scale = Caseless(rf"{_SCALES}|\b{mcodes.lower()}\b")
        self.scale_codes = re.compile(rf"m(?<!\wm)(?:{codes.lower()})\b")  # its "\bm(?:...)\b", starting with "m"
        self.no_amount_reach = max(len(p) for p in phrases)
        self.vague_re = re.compile(rf"(?<![A-Za-z-])(?P<n>{_alt(self.figures)})[- ]figures?(?![A-Za-z])", re.I)
        self.addon_before_re = re.compile(
            rf"(?<![A-Za-z])(?:{_alt(self.cues['addon_before'])})\s+(?:of|worth|totalling|amounting to|could add)"
            rf"(?:\s+(?:up to|as much as|a further|another|around|about|a maximum of))?\s*$", re.I
        )
        self.weight_re = re.compile(rf"(?<![A-Za-z])(?:{_alt(self.weight_cues)})(?![A-Za-z])", re.I)


def _dec(value: Any, path: str, key: str) -> Decimal:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError) as exc:
        raise DataFileError(path, None, key, f"not a number: {value!r}") from exc


def _table(data: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in data.get(key, {}).items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The money grammar from ``models/currencies.json`` (validated, cached)."""
    path = "models/currencies.json"
    data = read_json("currencies.json")
    for key in ("symbols", "codes", "words", "multipliers", "number_words", "qualifiers",
                "kind_cues", "wage_periods", "symbols_after", "context_symbols", "subunits", "no_amount",
                "vague_sizes", "detail_cues"):
        if key not in data:
            raise DataFileError(path, None, key, "required field is missing")
    codes = set(data["codes"])
    marks = _table(data["context_symbols"], "marks")
    subunits = _table(data, "subunits")
    named = {**data["symbols"], **data["words"], **subunits,
             **{f"{m}->{c}": c for m, cs in marks.items() for c in cs}}
    for sym, code in named.items():
        if code not in codes:
            raise DataFileError(path, None, sym, f"{code!r} is not listed in 'codes'")
    cue_codes = _table(data["context_symbols"], "cues")
    for m, cs in marks.items():
        for c in cs:
            if c not in cue_codes:
                raise DataFileError(path, None, m, f"no country cues for {c!r} in 'context_symbols.cues'")
    quals = [(q, kind) for kind, qs in data["qualifiers"].items() for q in qs]
    for _, kind in quals:
        if kind not in QUALIFIERS:
            raise DataFileError(path, None, "qualifiers", f"unknown qualifier {kind!r}")
    details = _table(data, "detail_cues")
    no_amount = _table(data, "no_amount")
    anchors = data["no_amount"].get("_anchors", [])
    for phrase in (p for ps in no_amount.values() for p in ps):
        if not any(a.lower() in phrase.lower() for a in anchors):
            raise DataFileError(path, None, "no_amount", f"{phrase!r} holds none of the '_anchors' words")
    for d in [*details, *no_amount]:
        if d not in DETAILS:
            raise DataFileError(path, None, d, f"unknown detail {d!r}: expected one of {', '.join(DETAILS)}")
    periods = {w: p for p, ws in data["wage_periods"].items() for w in ws}
    return Grammar(
        symbols=dict(data["symbols"]),
        codes=codes,
        words={k.lower(): v for k, v in data["words"].items()},
        words_need_size=set(data.get("words_need_size", [])),
        multipliers={k: _dec(v, path, "multipliers") for k, v in data["multipliers"].items()},
        number_words={k: _dec(v, path, "number_words") for k, v in data["number_words"].items()},
        qualifiers=quals,
        cues=data["kind_cues"],
        periods=periods,
        spaced_prefixes=list(data.get("symbols_spaced", {}).get("prefixes", [])),
        symbols_after=list(data["symbols_after"]),
        context_marks=marks,
        context_cues=cue_codes,
        code_words={w.lower() for w in data.get("codes_lowercase_words", {}).get("words", [])},
        subunits={k.lower(): v for k, v in subunits.items()},
        weight_cues=list(data.get("weight_cues", [])),
        no_amount=no_amount,
        no_amount_anchors=list(anchors),
        figures={k: int(v) for k, v in _table(data["vague_sizes"], "figures").items()},
        detail_cues=details,
    )


def words_to_number(words: str) -> Decimal | None:
    """Read a number written in words (below a thousand; the scale word comes separately).

    >>> words_to_number("one hundred and fifty")
    Decimal('150')
    >>> words_to_number("twenty-five")
    Decimal('25')
    >>> words_to_number("one and a half"), words_to_number("three quarters"), words_to_number("half a")
    (Decimal('1.5'), Decimal('0.75'), Decimal('0.5'))
    """
    table = grammar().number_words
    total = group = Decimal(0)
    seen = False
    prev = ""
    for w in re.split(r"[\s-]+", words.lower()):
        if not w:
            continue
        if w == "and":  # "one hundred and fifty", "one and a half": a new group, added
            total, group = total + group, Decimal(0)
        elif w == "of" or (w in ("a", "an") and prev in _SCALING):
            pass  # "half a million", "a quarter of a million"
        elif w not in table:
            return None
        elif w in _SCALING:
            group = (group or Decimal(1)) * (100 if w == "hundred" else table[w])
        else:
            group += table[w]
        seen = seen or w in table
        prev = w
    return total + group if seen else None


_SCALING = {"hundred", "half", "quarter", "quarters", "dozen", "of"}


def _mult(g: Grammar, raw: str | None) -> Decimal:
    if not raw:
        return Decimal(1)
    key = raw.strip()
    return g.multipliers.get(key, g.multipliers.get(key.lower(), Decimal(1)))


def exact(amount: Decimal) -> Decimal:
    """Drop a trailing ``.0`` so that whole amounts compare and print as integers.

    >>> exact(Decimal("141.5") * Decimal("1000000"))
    Decimal('141500000')
    """
    return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount.normalize()


def _number(raw: str) -> Decimal:
    if re.fullmatch(r"\d+,\d{1,2}", raw):
        return Decimal(raw.replace(",", "."))
    return Decimal(re.sub(r"[,\s]", "", raw))


_MILLION = Decimal(1_000_000)
_HUNDREDTH = Decimal("0.01")


def _marker(g: Grammar, raw: str | None, text: str) -> tuple[str | None, Decimal] | None:
    """What a currency marker means: (ISO code or None when ambiguous, factor), or None when it is
    no marker ("try 20" in lower case is the verb). "MEUR" is a million euros, "pence" a hundredth."""
    if not raw:
        return None
    key = re.sub(r"\s+", " ", raw)
    low = key.lower()
    if low in g.symbols_lower:
        return g.symbols_lower[low], Decimal(1)
    if re.fullmatch(r"(?:US|U\.S\.?|HK|C|NZ|Mex) \$", key, re.I):
        return g.symbols_lower[low.replace(" ", "")], Decimal(1)
    if low in g.words:
        return g.words[low], Decimal(1)
    if low in g.subunits:
        return g.subunits[low], _HUNDREDTH
    if low in g.context_marks:
        return _by_context(g, low, text), Decimal(1)
    if key.upper() in g.codes:
        if not key.isupper() and low in g.code_words:
            return None
        return key.upper(), Decimal(1)
    if len(key) == 4 and key[0] == "M" and key[1:] in g.codes:  # MEUR, MUSD: millions
        return key[1:], _MILLION
    return None


def _by_context(g: Grammar, mark: str, text: str) -> str | None:
    """The currency a shared mark ("kr") stands for, from the countries the article names."""
    hits = {c: sum(len(re.findall(rf"(?<!\w){re.escape(cue)}(?!\w)", text)) for cue in g.context_cues[c])
            for c in g.context_marks[mark]}
    best = max(hits.values())
    winners = [c for c, n in hits.items() if n == best]
    return winners[0] if best and len(winners) == 1 else None


_FULL_STOP = re.compile(r"\.(?=\s|$)")


@lru_cache(maxsize=256)  # the kind and the detail of an amount both ask
def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    # a full stop inside a number or an abbreviation is not an end ("No.6", "$1.5m")
    rights = [i for i in (text.find(c, end) for c in "!?\n") if i != -1]
    m = _FULL_STOP.search(text, end)
    if m:
        rights.append(m.start())
    return left, min(rights) if rights else len(text)


def _qualifier(g: Grammar, text: str, start: int) -> tuple[str, str | None]:
    window = text[max(0, start - 45):start]
    m = g.qual_re.search(window)
    if not m:
        return "exact", None
    q = m.group("q")
    return next(k for w, k in g.qualifiers if w.lower() == q.lower()), q


def _cue_re(cues: tuple[str, ...]) -> Caseless:
    return Caseless(rf"(?<![a-z])(?:{_alt([c.lower() for c in cues])})(?![a-z])")


_WAGE_WORDS = ("wages", "salary", "in wages", "in salary")
_DEAL_WORDS = ("fee", "bid", "offer", "sign", "transfer", "valuation", "clause", "move")
_NEXT_AMOUNT = re.compile(r"[$£€¥\d]")
_ADDON_NOT = re.compile(r"\s*,?\s*(?:with|including|inclusive of|once|plus|and|\+)\b", re.I)


def _has_any(g: Grammar, hay: str, cues: str) -> bool:
    """Whether ``hay`` holds a word or phrase of the named cue list."""
    return g.cue_rx[cues].search(hay) is not None


def _kind(g: Grammar, text: str, start: int, end: int) -> tuple[str, str | None, int]:
    """(kind, wage period, end of the expression including a wage period) of the amount at
    ``start:end``."""
    after = text[end:end + 40]
    wm = g.wage_after_re.search(after)
    s_start, s_end = _sentence_bounds(text, start, end)
    before = text[max(s_start, start - 60):start]
    near_after = text[end:min(s_end, end + 30)]
    near_after = _NEXT_AMOUNT.split(near_after, maxsplit=1)[0]  # stop at the next amount
    if _has_any(g, before[-40:] + " " + near_after, "clause_near"):
        return "clause", None, end
    if wm:
        w = wm.group("w").lower()
        period = next((p for k, p in g.periods.items() if re.search(rf"\b{re.escape(k)}\b", w)), None)
        if period or _has_any(g, w, "wage_words"):
            return "wage", period, (end + wm.end()) if period else end
    if _has_any(g, near_after[:28], "addon_after") and not _ADDON_NOT.match(near_after):
        return "addon", None, end
    if g.addon_before_re.search(before):
        return "addon", None, end
    if _has_any(g, before[-30:], "wage_before_strict"):
        period = next((p for p in g.cues["period_before"]
                       if not p.startswith("_") and _has_any(g, before[-30:], f"period_before:{p}")), None)
        return "wage", period, end
    if _other_sentence(text[s_start:s_end]):
        return "other", None, end
    return "fee", None, end


def _may_end(text: str, at: int, before: int, ends: tuple[str, ...]) -> bool:
    """Whether ``text`` before ``at``, past one space, may end with one of ``ends`` (ignoring case
    as the patterns do; text other than ASCII is always let through)."""
    piece = text[max(0, at - before):at]
    if not piece.isascii():
        return True
    piece = piece.lower()
    return piece.endswith(ends) or (piece[-1:].isspace() and piece[:-1].endswith(ends))


@lru_cache(maxsize=64)  # the amounts of one sentence all ask; find_money clears it per text
def _other_sentence(sentence: str) -> bool:
    """Whether a sentence speaks of money other than a transfer's (revenue, a fine, a budget) and of no deal."""
    g = grammar()
    return _has_any(g, sentence, "other_near") and not _has_any(g, sentence, "deal_words")


def _near(pattern: re.Pattern[str], text: str, hits: Iterable[tuple[int, int]], before: int, after: int,
          ends: tuple[str, ...] | None = None) -> list[re.Match[str]]:
    """``pattern.finditer(text)``, tried only around ``hits`` (the spans, in order, of a cheap
    anchor), for a pattern whose matches contain a hit and start at most ``before`` characters
    ahead of it (a currency sign leads the amount pattern; trying it at every position is slow).
    Tried at each position from there to the hit, as ``finditer`` would, and no further.

    ``ends``: for the amount patterns (a currency marker, a space, the number a hit starts), the
    lower-case endings a marker may have; a hit whose text before it (past one space) ends with
    none of them is skipped. That skips no match: a marker holds no digit, so a match tried
    before a number and after the last one must read this number."""
    out: dict[tuple[int, int], re.Match[str]] = {}
    done = 0
    size = len(text)
    match = pattern.match
    for a, b in hits:
        if ends is not None and not _may_end(text, a, before, ends):
            done = a + 1
            continue
        p, hi = max(done, a - before), min(size, b + after)
        while p <= a:
            m = match(text, p, hi)
            if m is None:
                p += 1
                continue
            out.setdefault(m.span(), m)
            p = m.end() if m.end() > p else p + 1
        done = a + 1
    return sorted(out.values(), key=lambda m: m.start())


def _spans(rx: re.Pattern[str] | Caseless, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


_NUMBER = re.compile(r"\d[\d,. \u00a0\u202f]*")
_DIGITS = re.compile(r"\d+")


class _Raw(NamedTuple):
    start: int
    end: int
    amount: Decimal | None
    currency: str | None
    role: str | None = None  # "low" or "high" bound of a range
    detail: str | None = None  # for amounts without a figure, and vague sizes


def _post_amounts(g: Grammar, text: str) -> list[re.Match[str]]:
    """``g.amount_post_re.finditer(text)`` ("5 million euros"), tried only where a run of digits
    starts: its pattern refuses a digit before it, and no run inside an amount can start another
    (the pattern refuses one after a comma, a point or a digit and a space)."""
    return [m for d in _DIGITS.finditer(text) if (m := g.amount_post_re.match(text, d.start()))]


def _scale_spans(g: Grammar, text: str) -> list[tuple[int, int]]:
    """``_spans(g.word_scale, text)``, the scale words found by a text search (faster than a
    pattern that starts with one of several words). None of them can overlap another."""
    low = text.lower()
    if len(low) != len(text):
        return _spans(g.word_scale, text)
    out = [m.span() for m in g.scale_codes.finditer(low)]
    for w in _SCALES.split("|"):
        at = low.find(w)
        while at >= 0:
            out.append((at, at + len(w)))
            at = low.find(w, at + len(w))
    out.sort()
    return out


def _raw_matches(text: str) -> list[_Raw]:
    """Every amount, before qualifiers and kinds."""
    g = grammar()
    found: list[_Raw] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(raw: _Raw) -> None:
        found.append(raw)
        taken.append((raw.start, raw.end))

    numbers = _spans(_NUMBER, text)
    for m in _near(g.range_re, text, numbers, 8, 40, g.marker_ends):
        cur = _marker(g, m.group("pre"), text)
        cur2 = _marker(g, m.group("pre2"), text) if m.group("pre2") else cur
        if not cur or cur2 != cur:
            continue
        mult = _mult(g, m.group("mult")) * cur[1]
        lo, hi = Decimal(m.group("num1")) * mult, _number(m.group("num")) * mult
        if lo >= hi:
            continue
        found.append(_Raw(m.start(), m.end(), lo, cur[0], "low"))
        add(_Raw(m.start(), m.end(), hi, cur[0], "high"))
    for m in [*_near(g.amount_re, text, numbers, 8, 40, g.marker_ends), *_post_amounts(g, text)]:
        if free(m.start(), m.end()):
            raw = _amount_match(g, text, m)
            if raw:
                add(raw)
    for m in _near(g.words_re, text, _scale_spans(g, text), 80, 40):
        if not free(m.start(), m.end()):
            continue
        base = words_to_number(m.group("wn"))
        cur = _marker(g, m.group("word") or m.group("mword"), text)
        if base is None or cur is None:
            continue
        scale = g.multipliers[m.group("scale").lower()] if m.group("scale") else Decimal(1)
        add(_Raw(m.start(), m.end(), base * scale * cur[1], cur[0]))
    for m in g.vague_re.finditer(text) if "figure" in text else ():
        if free(m.start(), m.end()):
            after = re.match(r"\s+(\w+)", text[m.end():m.end() + 20])
            cur = _marker(g, after.group(1), text) if after else None
            add(_Raw(m.start(), m.end(), Decimal(10) ** (g.figures[m.group("n").lower()] - 1),
                     cur[0] if cur else None, detail="vague"))
    anchors = _spans(g.no_amount_anchor, text)
    for m in _near(g.no_amount_re, text, anchors, g.no_amount_reach, g.no_amount_reach):
        if free(m.start(), m.end()) and m.lastgroup:
            add(_Raw(m.start(), m.end(), None, None, detail=m.lastgroup))
    found.sort(key=lambda f: (f.start, f.role == "high"))
    return found


def _amount_match(g: Grammar, text: str, m: re.Match[str]) -> _Raw | None:
    """An amount from the symbol/code/word patterns, or None when it is not money after all."""
    groups = m.groupdict()
    pre, post = groups.get("pre"), groups.get("post") or groups.get("post2") or groups.get("sym")
    cur = _marker(g, pre, text) if pre else _marker(g, post, text)
    if cur is None:
        return None
    mult = _mult(g, m.group("mult")) * _mult(g, groups.get("mult2"))
    amount = _number(m.group("num")) * mult * cur[1]
    end = m.end()
    if not pre and post and post.lower() in g.words_need_size and mult == 1:
        # "ten pounds", "2,000 pounds" of coal: a plain number of pounds is money only when it is
        # large and nothing in the sentence speaks of weight
        s0, s1 = _sentence_bounds(text, m.start(), end)
        if amount < 1000 or g.weight_re.search(text, s0, s1):
            return None
    if not pre and end < len(text) and text[end] == "-" and not text.startswith(("-a-", "-per-"), end):
        return None  # "a twenty-pound bag"
    return _Raw(m.start(), end, amount, cur[0])


_EQUIV_GAP = re.compile(r"^\s*(?:[(\[]|,|/|;|\bor\b|,\s*or\b)\s*(?:about|around|approx\.?|approximately|roughly|c\.|some|or)?\s*$", re.I)  # noqa: E501
_PLUS = re.compile(r"(?:-plus|\+)(?![A-Za-z0-9])", re.I)
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)


def find_money(text: str) -> list[Money]:
    """All amounts of money in ``text``, in order, with kinds, qualifiers and groups."""
    g = grammar()
    _other_sentence.cache_clear()
    out: list[Money] = []
    for start, end, amount, cur, role, detail in _raw_matches(text):  # each Money made once (a copy costs more)
        if amount is None:
            out.append(Money(text[start:end], start, end, None, cur, group=len(out), index=len(out), detail=detail))
            continue
        qual, qtext = _qualifier(g, text, start)
        if role == "low" or detail == "vague":
            qual = "min"
        elif role == "high":
            qual = "max"
        plus = _PLUS.match(text, end)
        if plus and role is None:  # "a £100m-plus offer", "£100m+"
            end = plus.end()
            qual, qtext = "min", plus.group().lstrip("-")
        kind, period, end = _kind(g, text, start, end)
        out.append(Money(text[start:end], start, end, exact(amount), cur, qual, qtext, kind, period, group=len(out),
                         index=len(out), detail=detail or _detail(g, text, start, end)))
    # ranges, equivalents and add-ons
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        gap = text[a.end:b.start]
        if a.amount is None or b.amount is None:
            continue
        if a.start == b.start:  # the two bounds of "£40-50m"
            out[i - 1] = with_changes(a, range_with=b.index)
            out[i] = with_changes(b, range_with=a.index, kind=a.kind, period=a.period, detail=a.detail)
        elif re.fullmatch(r"\s*(?:-|–|—|to|and)\s*", gap) and a.currency == b.currency and (
            gap.strip() != "and" or _BETWEEN.search(text[max(0, a.start - 12):a.start])
        ) and a.amount < b.amount:
            out[i - 1] = with_changes(a, qualifier="min", range_with=b.index)
            out[i] = with_changes(b, qualifier="max", range_with=a.index, kind=a.kind, period=a.period,
                                  detail=a.detail)
        elif _EQUIV_GAP.match(gap) and b.currency != a.currency and (
            gap.strip().startswith(("(", "[")) or _in_brackets(text, b.start) or "/" in gap or "or" in gap
        ):
            q = b.qualifier if b.qualifier != "exact" else a.qualifier
            out[i] = with_changes(b, group=a.group, kind=a.kind, period=a.period, qualifier=q,
                                  qualifier_text=b.qualifier_text or a.qualifier_text, detail=a.detail)
        elif b.kind == "addon" and _link_gap(g, gap):
            out[i] = with_changes(b, addon_to=_head(out, a).index)
    # the same amount stated again later (a headline and the body) points to its first mention
    first: dict[tuple[Decimal | None, str | None, str], int] = {}
    for i, m in enumerate(out):
        key = (m.amount, m.currency, m.kind)
        if m.amount is None or m.currency is None:
            continue
        if key in first and out[first[key]].group != m.group and m.range_with is None:
            out[i] = with_changes(m, same_as=first[key])
        else:
            first.setdefault(key, i)
    return out


def _detail(g: Grammar, text: str, start: int, end: int) -> str | None:
    """What the fee at ``start:end`` is for (a loan fee, an option or obligation to buy), from the
    nearest cue in its sentence: one ending at most 30 characters before the amount or starting
    right after it."""
    s0, s1 = _sentence_bounds(text, start, end)
    before, after = text[max(s0, start - 30):start], text[end:min(s1, end + 14)]
    best: tuple[int, str] | None = None
    for detail in g.detail_cues:
        pat = g.cue_rx[f"detail:{detail}"]
        for hit in pat.finditer(before):
            dist = len(before) - hit.end()
            if best is None or dist < best[0]:
                best = (dist, detail)
        hit2 = pat.search(after)
        if hit2 and (best is None or hit2.start() < best[0]):
            best = (hit2.start(), detail)
    return best[1] if best else None


def _head(out: list[Money], m: Money) -> Money:
    return next(x for x in out if x.group == m.group)


def _in_brackets(text: str, pos: int) -> bool:
    left = text[max(0, pos - 60):pos]
    return left.rfind("(") > left.rfind(")")


def _link_gap(g: Grammar, gap: str) -> bool:
    gap = re.sub(r"[()\[\],]", " ", gap).strip().lower()
    return gap in {c.lower() for c in g.cues["addon_link"]} or gap.endswith(
        tuple(" " + c.lower() for c in g.cues["addon_link"])
    ) or (len(gap) <= 40 and bool(re.search(r"\b(plus|with|and|further)\b", gap)))
