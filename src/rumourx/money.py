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
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import DataFileError
from .resources import read_json

KINDS = ("fee", "wage", "clause", "addon", "other")
if TYPE_CHECKING:  # pragma: no cover
    from .fx import Conversion

QUALIFIERS = ("exact", "approx", "min", "max")


@dataclass(frozen=True)
class Money:
    """One amount of money found in a text."""

    text: str
    start: int
    end: int
    amount: Decimal
    currency: str
    qualifier: str = "exact"
    qualifier_text: str | None = None
    kind: str = "fee"
    period: str | None = None
    group: int = 0
    range_with: int | None = None
    addon_to: int | None = None
    index: int = 0
    same_as: int | None = None
    converted: Conversion | None = None  # in the base currency, set by the fees component


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
    cues: dict[str, list[str]]
    periods: dict[str, str]
    amount_re: re.Pattern[str] = field(init=False)
    amount_post_re: re.Pattern[str] = field(init=False)
    words_re: re.Pattern[str] = field(init=False)
    range_re: re.Pattern[str] = field(init=False)
    qual_re: re.Pattern[str] = field(init=False)
    wage_after_re: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        alt = lambda xs: "|".join(re.escape(x) for x in sorted(xs, key=len, reverse=True))  # noqa: E731
        pre = rf"(?P<pre>{alt(self.symbols)}|(?:{alt(self.codes)})(?=\s?\d))"
        num = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\d+,\d{1,2}(?=\s?(?:m|mn|bn|million|billion)\b))"
        spaced = [k for k in self.multipliers if len(k) > 2 or k in ("mn", "bn")]
        glued = [k for k in self.multipliers if k not in spaced or k in ("mn", "bn")]
        mult = rf"(?P<mult>\s?(?:{alt(spaced)})|(?:{alt(glued)}))?(?![A-Za-z])"
        post = rf"(?:\s?(?P<post>{alt(self.codes)}\b|{alt(self.words)})(?![A-Za-z-]))"
        self.amount_re = re.compile(
            rf"(?<![A-Za-z0-9$£€¥.,]){pre}\s?{num}{mult}(?:\s(?P<post2>{alt(self.codes)})\b)?", re.I
        )
        self.amount_post_re = re.compile(rf"(?<![A-Za-z0-9$£€¥.,-]){num}{mult}{post}", re.I)
        nw = alt(k for k in self.number_words)
        self.words_re = re.compile(
            rf"(?<![A-Za-z-])(?P<wn>(?:{nw})(?:(?:\s+|-)(?:{nw}|and))*)(?:\s+|-)"
            rf"(?P<scale>million|billion|thousand)\s+(?P<word>{alt(self.words)}|{alt(self.codes)})(?![A-Za-z-])",
            re.I,
        )
        self.range_re = re.compile(
            rf"(?<![A-Za-z0-9$£€¥.,]){pre}\s?(?P<num1>\d+(?:\.\d+)?)\s?(?:-|–|—|to)\s?"
            rf"(?:(?P<pre2>{alt(self.symbols)})\s?)?{num}{mult}",
        )
        self.qual_re = re.compile(
            rf"(?:^|[\s(,])(?P<q>{alt(q for q, _ in self.qualifiers)})\s+(?:a\s+fee\s+of\s+|of\s+)?$", re.I
        )
        self.wage_after_re = re.compile(
            rf"^(?:\s?|-)(?:net\s+)?(?P<w>{alt(self.cues['wage_after'])})(?![A-Za-z])", re.I
        )


def _dec(value: Any, path: str, key: str) -> Decimal:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError) as exc:
        raise DataFileError(path, None, key, f"not a number: {value!r}") from exc


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The money grammar from ``models/currencies.json`` (validated, cached)."""
    path = "models/currencies.json"
    data = read_json("currencies.json")
    for key in ("symbols", "codes", "words", "multipliers", "number_words", "qualifiers",
                "kind_cues", "wage_periods"):
        if key not in data:
            raise DataFileError(path, None, key, "required field is missing")
    codes = set(data["codes"])
    for sym, code in {**data["symbols"], **data["words"]}.items():
        if code not in codes:
            raise DataFileError(path, None, sym, f"{code!r} is not listed in 'codes'")
    quals = [(q, kind) for kind, qs in data["qualifiers"].items() for q in qs]
    for _, kind in quals:
        if kind not in QUALIFIERS:
            raise DataFileError(path, None, "qualifiers", f"unknown qualifier {kind!r}")
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
    )


def words_to_number(words: str) -> Decimal | None:
    """Read a number written in words (below a thousand; the scale word comes separately).

    >>> words_to_number("one hundred and fifty")
    Decimal('150')
    >>> words_to_number("twenty-five")
    Decimal('25')
    """
    table = grammar().number_words
    total = Decimal(0)
    seen = False
    for w in re.split(r"[\s-]+", words.lower()):
        if w == "and" or not w:
            continue
        if w not in table:
            return None
        v = table[w]
        if w == "hundred":
            total = (total or Decimal(1)) * 100
        else:
            total += v
        seen = True
    return total if seen else None


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
    return Decimal(raw.replace(",", ""))


def _currency(g: Grammar, pre: str | None, post: str | None) -> str | None:
    if pre:
        return g.symbols.get(pre) or (pre.upper() if pre.upper() in g.codes else None)
    if post:
        p = post.lower()
        return g.words.get(p) or (post.upper() if post.upper() in g.codes else None)
    return None


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    # a full stop inside a number or an abbreviation is not an end ("No.6", "$1.5m")
    rights = [i for i in (text.find(c, end) for c in "!?\n") if i != -1]
    m = re.compile(r"\.(?=\s|$)").search(text, end)
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


def _has_any(hay: str, cues: list[str]) -> bool:
    return any(re.search(rf"(?<![A-Za-z]){re.escape(c)}(?![A-Za-z])", hay, re.I) for c in cues)


def _kind(g: Grammar, text: str, m: Money) -> tuple[str, str | None, int]:
    """(kind, wage period, end of the expression including a wage period)."""
    after = text[m.end:m.end + 40]
    wm = g.wage_after_re.search(after)
    s_start, s_end = _sentence_bounds(text, m.start, m.end)
    before = text[max(s_start, m.start - 60):m.start]
    near_after = text[m.end:min(s_end, m.end + 30)]
    near_after = re.split(r"[$£€¥\d]", near_after, maxsplit=1)[0]  # stop at the next amount
    if _has_any(before[-40:] + " " + near_after, g.cues["clause_near"]):
        return "clause", None, m.end
    if wm:
        w = wm.group("w").lower()
        period = next((p for k, p in g.periods.items() if re.search(rf"\b{re.escape(k)}\b", w)), None)
        if period or _has_any(w, ["wages", "salary", "in wages", "in salary"]):
            end = m.end + wm.end() if period else m.end
            return "wage", period, end
    if _has_any(near_after[:28], g.cues["addon_after"]) and not re.match(
        r"\s*,?\s*(?:with|including|inclusive of|once)\b", near_after, re.I
    ):
        return "addon", None, m.end
    if _has_any(before[-30:], g.cues["wage_before"][:-1]):
        return "wage", None, m.end
    if _has_any(text[s_start:s_end], g.cues["other_near"]) and not _has_any(
        text[s_start:s_end], ["fee", "bid", "offer", "sign", "transfer", "valuation", "clause", "move"]
    ):
        return "other", None, m.end
    return "fee", None, m.end


def _raw_matches(text: str) -> list[tuple[int, int, Decimal, str, str | None]]:
    """(start, end, amount, currency, range-role) before qualifiers and kinds."""
    g = grammar()
    found: list[tuple[int, int, Decimal, str, str | None]] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in g.range_re.finditer(text):
        cur = _currency(g, m.group("pre"), None)
        cur2 = _currency(g, m.group("pre2"), None) if m.group("pre2") else cur
        if not cur or cur2 != cur:
            continue
        mult = _mult(g, m.group("mult"))
        lo, hi = Decimal(m.group("num1")) * mult, _number(m.group("num")) * mult
        if lo >= hi:
            continue
        found.append((m.start(), m.end(), lo, cur, "low"))
        found.append((m.start(), m.end(), hi, cur, "high"))
        taken.append((m.start(), m.end()))
    for m in [*g.amount_re.finditer(text), *g.amount_post_re.finditer(text)]:
        if not free(m.start(), m.end()):
            continue
        groups = m.groupdict()
        pre, post = groups.get("pre"), groups.get("post") or groups.get("post2")
        cur = _currency(g, pre, post)
        if cur is None:
            continue
        if pre and pre[0].isalpha() and not pre.isupper():
            continue  # "eur 5" in lower case is not a code
        amount = _number(m.group("num")) * _mult(g, m.group("mult"))
        if not pre and post and post.lower() in g.words_need_size and amount < 1000:
            continue
        if not pre and post and post[0].isalpha() and post.upper() in g.codes and not post.isupper():
            continue
        end = m.end()
        hyphen = end < len(text) and text[end] == "-" and not text.startswith(("-a-", "-per-"), end)
        if hyphen and not pre:
            continue  # "a twenty-pound bag"
        found.append((m.start(), end, amount, cur, None))
        taken.append((m.start(), end))
    for m in g.words_re.finditer(text):
        if not free(m.start(), m.end()):
            continue
        base = words_to_number(m.group("wn"))
        cur = _currency(g, None, m.group("word"))
        if base is None or cur is None:
            continue
        amount = base * g.multipliers[m.group("scale").lower()]
        found.append((m.start(), m.end(), amount, cur, None))
        taken.append((m.start(), m.end()))
    found.sort(key=lambda f: (f[0], f[4] == "high"))
    return found


_EQUIV_GAP = re.compile(r"^\s*(?:[(\[]|,|/|;|\bor\b|,\s*or\b)\s*(?:about|around|approx\.?|approximately|roughly|c\.|some|or)?\s*$", re.I)  # noqa: E501
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)


def find_money(text: str) -> list[Money]:
    """All amounts of money in ``text``, in order, with kinds, qualifiers and groups."""
    g = grammar()
    out: list[Money] = []
    for start, end, amount, cur, role in _raw_matches(text):
        qual, qtext = _qualifier(g, text, start)
        if role == "low":
            qual = "min"
        elif role == "high":
            qual = "max"
        m = Money(text[start:end], start, end, exact(amount), cur, qual, qtext, index=len(out))
        kind, period, kend = _kind(g, text, m)
        if kend != end:
            m = replace(m, text=text[start:kend], end=kend)
        out.append(replace(m, kind=kind, period=period, group=len(out)))
    # ranges, equivalents and add-ons
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        gap = text[a.end:b.start]
        if a.start == b.start:  # the two bounds of "£40-50m"
            out[i - 1] = replace(a, range_with=b.index)
            out[i] = replace(b, range_with=a.index, kind=a.kind, period=a.period)
        elif re.fullmatch(r"\s*(?:-|–|—|to|and)\s*", gap) and a.currency == b.currency and (
            gap.strip() != "and" or _BETWEEN.search(text[max(0, a.start - 12):a.start])
        ) and a.amount < b.amount:
            out[i - 1] = replace(a, qualifier="min", range_with=b.index)
            out[i] = replace(b, qualifier="max", range_with=a.index, kind=a.kind, period=a.period)
        elif _EQUIV_GAP.match(gap) and b.currency != a.currency and (
            gap.strip().startswith(("(", "[")) or _in_brackets(text, b.start) or "/" in gap or "or" in gap
        ):
            q = b.qualifier if b.qualifier != "exact" else a.qualifier
            out[i] = replace(b, group=a.group, kind=a.kind, period=a.period, qualifier=q,
                             qualifier_text=b.qualifier_text or a.qualifier_text)
        elif b.kind == "addon" and _link_gap(g, gap):
            out[i] = replace(b, addon_to=_head(out, a).index)
    # the same amount stated again later (a headline and the body) points to its first mention
    first: dict[tuple[Decimal, str, str], int] = {}
    for i, m in enumerate(out):
        key = (m.amount, m.currency, m.kind)
        if key in first and out[first[key]].group != m.group and m.range_with is None:
            out[i] = replace(m, same_as=first[key])
        else:
            first.setdefault(key, i)
    return out


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
