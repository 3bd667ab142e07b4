"""Transfer links: who may move where, from which club, for how much, when, and how far along.

Works sentence by sentence over the mentions the entity step found (names and resolved
descriptors), the stage cues of ``models/cues.json``, the fees and the windows. A sentence
with a transfer cue links each player in it (or the player the story is about) to the clubs
that want him; his own club, from attributive phrasing or context, is the from-club.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, pairwise

from .entities import Entity, Mention
from .errors import DataFileError
from .kb import cues
from .money import Money
from .resources import read_json
from .text import Caseless, Segment, by_first_letter, lower_case_pattern
from .windows import WindowMatch, tense_before

STAGE_ORDER = ("interest", "monitoring", "talks", "bid", "agreed", "medical", "signed")
STATUS_OF_STAGE = {"interest": "rumour", "monitoring": "rumour", "talks": "rumour", "bid": "rumour",
                   "agreed": "agreed", "medical": "agreed", "signed": "completed",
                   "rejected": "rejected", "denied": "rejected", "stalled": "rumour"}
CONFIDENCE = {"interest": 0.5, "monitoring": 0.45, "talks": 0.6, "bid": 0.7, "agreed": 0.85,
              "medical": 0.9, "signed": 0.95, "rejected": 0.8, "denied": 0.7, "stalled": 0.5}


@dataclass
class Link:
    """One player moving (or said to be moving) to one club."""

    player: str  # entity key
    to_club: str  # entity key
    from_club: str | None = None
    stages: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    fees: list[int] = field(default_factory=list)  # indices into the fee list
    windows: list[int] = field(default_factory=list)
    evidence: list[tuple[int, int]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    explicit: bool = False
    past: bool = False
    year: int | None = None

    #: stages seen in each sentence of evidence, in text order
    history: list[list[str]] = field(default_factory=list)
    #: a renewed bid was reported ("an improved bid", "will return with a fresh offer")
    renewed: bool = False
    #: the sentences that tell of the move as done
    done_in: list[tuple[int, int]] = field(default_factory=list)

    @property
    def stage(self) -> str:
        """The furthest stage reached; a rejection or denial counts only if nothing live follows it."""
        if self.past and "signed" in self.stages:
            return "signed"
        for s in ("signed", "medical", "agreed"):
            if s in self.stages:
                return s
        last = self.history[-1] if self.history else []
        live = ("interest", "monitoring", "talks", "bid")
        if self.renewed and ("bid" in self.stages or "rejected" in self.stages):
            return "bid"  # a rejection followed by an improved offer: the chase goes on
        for i, s in enumerate(last):
            if s in ("rejected", "denied") and not any(x in live for x in last[i + 1:]):
                return s
        ranked = [s for s in STAGE_ORDER if s in self.stages]
        return ranked[-1] if ranked else ("stalled" if "stalled" in self.stages else "interest")

    @property
    def status(self) -> str:
        return STATUS_OF_STAGE[self.stage]

    @property
    def type(self) -> str:
        for t in ("loan_obligation", "loan_option", "loan", "swap", "free", "return"):
            if t in self.types:
                return t
        return "permanent"

    @property
    def confidence(self) -> float:
        return self.confidence_at(self.stage)

    def confidence_at(self, stage: str) -> float:
        """The confidence of the link at ``stage`` (its :attr:`stage`, computed once by a caller
        that also wants it)."""
        base = CONFIDENCE[stage]
        if not self.explicit:
            base *= 0.85
        bonus = min(0.1, 0.03 * (len(self.evidence) - 1))
        return round(min(0.99, base + bonus), 2)


@dataclass(frozen=True)
class _Rx:
    types: list[tuple[str, frozenset[str] | None, Caseless]]  # (type, the first words of its phrases, pattern)
    not_transfer: Caseless
    not_transfer_firsts: frozenset[str] | None
    seller_before: Caseless
    buyer_before: Caseless
    buyer_after: Caseless
    seller_after: Caseless
    past: Caseless
    year: Caseless
    source: re.Pattern[str]


def _first_words(phrases: list[str]) -> frozenset[str] | None:
    r"""The first words of phrases (runs of letters, digits and hyphens), lower-cased: a phrase set
    off by ``(?<![\w-])`` and ``(?![\w-])`` stands in a text only if its first word is one of the
    text's words, which is cheaper to ask first. None when a phrase does not start with a word."""
    firsts = [_CUE_WORD.match(p.lower()) for p in phrases]
    return frozenset(m.group() for m in firsts if m) if all(firsts) else None


def _may_hold(firsts: frozenset[str] | None, words: frozenset[str] | None) -> bool:
    return firsts is None or words is None or not firsts.isdisjoint(words)


def _words_of(s: str) -> frozenset[str] | None:
    """The words of a text, lower-cased, to ask :func:`_first_words` against (None when lower
    case changes the text's length: then every pattern is run)."""
    _, parts, same = _cue_parts(s)
    return frozenset(parts[::2]).difference(("",)) if same else None


@lru_cache(maxsize=256)  # a sentence's words, for its phrase lists and stage cues; cleared per article
def _cue_parts(s: str) -> tuple[str, list[str], bool]:
    """A text lower-cased (a letter whose lower case is longer, "İ", stays as it is), split into
    its words and the gaps between them, in turn (a word first, maybe empty); and whether the
    text's lower case has its length."""
    low = s.lower()
    same = len(low) == len(s)
    if not same:
        low = "".join(c if len(c.lower()) > 1 else c.lower() for c in s)
    return low, _CUE_GAP.split(low), same


def _alt(ws: list[str], *, lower: bool = False) -> str:
    return "|".join(re.escape(w.lower() if lower else w) for w in sorted(set(ws), key=len, reverse=True))


# the words before a club that make it the seller ("a move from Ajax") or the buyer ("a move to
# Arsenal"), and the words of a move told as done
_SELLER_BEFORE = ["paid", r"spent\s+\w+\s+on\s+\w+\s+from", "from", "leave", "leaving", "left", "exit", "quit",
                  r"depart(?:ure)?\s+from", r"prise\s+\w+\s+from", r"sold\s+by"]
_BUYER_BEFORE = [
    *(rf"{w}\s+(?:him\s+|her\s+)?to" for w in (
        "move", "moves", "switch", "transfer", "moving", "moved", "loan", "loaned", "go", "going", "defect", "head",
        "heading", "way", "sold", "sell", "selling", "off", "bound", "route", "return", "returning", "joined", "join",
        "joining", "signing", "sign", "signed")),
    *(rf"{w}\s+(?:to|on|towards)" for w in (
        "closer", "close", r"closing\s+in", "edging", "nearing", "heading", "headed", "poised", "set")),
    "join", "joining", "joined", r"sign\s+for", r"signed\s+for", r"signing\s+for", r"interest\s+(?:from|at)",
    r"bid\s+from", r"offer\s+from", r"approach\s+from", r"target\s+for", r"wanted\s+by", r"linked\s+with",
    r"snapped\s+up\s+by", r"signed\s+by", r"bought\s+by", r"on\s+loan\s+(?:at|with)", "at"]
_PAST_WORDS = ["signed", "joined", "arrived", "moved", "completed", "sealed", "was sold", "were sold", "left",
               "snapped up", "managed to", "prised", "bought", "paid", "spent", "brought in", "was", "were", "had",
               "did", "made", r"in (?:19|20)\d{2}", "last (?:summer|season|year|january)",
               "after (?:completing|joining|signing)", "since (?:joining|signing|arriving)"]

# the words after a club that make it the buyer ("Arsenal are keen on X") or the seller ("Porto
# have rejected"), grouped by their first letter when compiled (the same matches, found faster)
_BUYER_AUX = ["are", "is", "have", "has", "were", "was", "remain", "remains", "could", "would", "will", "may", "might",
              "had", "also", "still", "now", "themselves", "been"]
_BUYER_WORDS = [
    "interested", "keen", "monitoring", "watching", "tracking", "eyeing", "eye", "want", "wants", "target", "targeting",
    "considering", "plotting", "chasing", "pursuing", "plan", "planning", "preparing", "lining up", "lined up",
    "drawn up", "identified", "shortlisted", "weighing up", "weighing",
    "ready to (?:bid|offer|pay|make|launch|test|table|move)",
    "prepared to (?:bid|offer|pay|make|launch|test|table|move)",
    "set to (?:bid|offer|make|launch|sign|complete|test)",
    "bid", "bidding", "offer", "offered", "made", "lodged", "tabled", "submitted", "opened talks", "in talks", "agreed",
    "signed", "sign", "completed", "snapped up", "swoop", "move", "moved", "managed to prise", "prise", "landed",
    "secured", "sealed", "hope", "hoping", "scout", "scouted", "courting", "admire", "admirers", "lead", "leading",
    "join", "joined", "approach", "approached", "enquired", "asked", "hopeful", "landing", "land", "lure", "tempt",
    "bring", "signing", "edging", "closing", "nearing", "paid", "spent", "splashed", "forked", "interest", "pursuit",
    "bid", "offer", "approach", "move", "sounded out", "sound out", "made enquiries", "held talks",
    "held initial talks", "enquiry", "enquiries"]
_SELLER_AUX = ["would", "will", "are", "is", "could", "have", "has", "had", "were", "remain", "remains"]
_SELLER_WORDS = [
    "demand", "demands",
    r"wants?\s+(?:at\s+least\s+|around\s+|in\s+excess\s+of\s+|more\s+than\s+)?[£€$\d]",  # "want £50m"
    "value", "valued", "rejected", "turned down", "knocked back", "rebuffed", "refuse", "refused",
    "reluctant", "unwilling", "insist", "insisted", "asking", "accept", "accepted", "sell", "selling", "sold",
    "holding out", "determined to keep", "keep", "resist", "slapped", "set", "name", "named", "cashing in", "cash in",
    r"will\s+not\s+(?:consider|accept)\s+(?:anything|less|offers)",
    r"not\s+(?:consider|accept)\s+(?:anything|less|offers)",
    r"anything\s+(?:below|less)"]


@lru_cache(maxsize=1)
def _rx() -> _Rx:
    c = cues()
    types = [(k, _first_words(v), Caseless(rf"(?<![\w-])(?:{_alt(v, lower=True)})(?![\w-])"))
             for k, v in c["move_types"].items()]
    return _Rx(
        types=types,
        not_transfer=Caseless(rf"(?<![\w-])(?:{_alt(c['not_transfer'], lower=True)})(?![\w-])"),
        not_transfer_firsts=_first_words(c["not_transfer"]),
        seller_before=Caseless(rf"{by_first_letter(_SELLER_BEFORE, word_start=True)}\s+(?:the\s+)?$"),
        buyer_before=Caseless(rf"{by_first_letter(_BUYER_BEFORE, word_start=True)}\s+(?:the\s+)?$"),
        buyer_after=Caseless(
            rf"^[’']?s?\s*(?:[\w-]+\s+){{0,4}}?{by_first_letter(_BUYER_AUX)}?\s*"
            rf"(?:\w+\s+){{0,3}}?{by_first_letter(_BUYER_WORDS)}\b"),
        seller_after=Caseless(
            rf"^[’']?s?\s*(?:\w+\s+){{0,3}}?{by_first_letter(_SELLER_AUX)}?\s*(?:\w+\s+){{0,2}}?"
            rf"{by_first_letter(_SELLER_WORDS)}\b"),
        past=Caseless(rf"\b{by_first_letter(_PAST_WORDS)}\b|[’']s new (?:signing|striker|midfielder|defender|winger|"
                      r"forward|goalkeeper|recruit|arrival)"),
        year=Caseless(rf"{by_first_letter(['in', 'of', 'since', 'back in', 'during'], word_start=True)}\s+"
                      r"(?:(?:the\s+)?(?:summer|january|winter)\s+(?:of\s+)?)?(?P<y>(?:19|20)\d{2})\b"),
        source=re.compile(
            r"(?:according to\s+(?P<a>[^,.;:“”\"]{2,60})|(?P<b>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})\s+(?:reports?|claims?|says|understands|revealed|reported|claimed|have reported|has reported)\b|"  # noqa: E501
            r"(?P<c>sources?\s+(?:in|close to|at|from)\s+[\w\s’'-]{2,30}?|sources)\s+(?:say|said|insist|indicate|claim|confirmed|suggest|understand)|"  # noqa: E501
            r"(?P<d>[Ww]e\s+(?:understand|have been told|’ve been told|'ve been told|can reveal|understand that)))"),
    )


#: a cue's first word -> (the stages it alone is a cue of, {second word: [(the whole cue, its stage)]})
_CueIndex = dict[str, tuple[tuple[str, ...], dict[str, list[tuple[str, str]]]]]


@lru_cache(maxsize=1)
def _stage_phrases() -> _CueIndex:
    """The stage cues of ``models/cues.json``, indexed by their first two words (longest cues first).
    Words are runs of letters, digits and hyphens; a gap is a space or an apostrophe ("won't sell":
    "won", "t", "sell" with gaps "'" and " ")."""
    singles: dict[str, list[str]] = {}
    multis: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for stage, phrases in cues()["transfer_stages"].items():
        for ph in sorted(set(phrases)):
            low = ph.lower()
            parts = [(m.start(), m.end()) for m in _CUE_WORD.finditer(low)]
            gaps = [low[a_end:b_start] for (_, a_end), (b_start, _) in pairwise(parts)]
            if not parts or parts[0][0] != 0 or parts[-1][1] != len(low) or any(g not in _CUE_GAPS for g in gaps):
                raise DataFileError("models/cues.json", None, f"transfer_stages.{stage}",
                                    f"{ph!r}: a cue is words (letters, digits, hyphens) separated by single "
                                    "spaces or apostrophes")
            words = [low[a:b] for a, b in parts]
            if len(words) == 1:
                singles.setdefault(words[0], []).append(stage)
            else:
                multis.setdefault(words[0], {}).setdefault(words[1], []).append((low, stage))
    for by_second in multis.values():
        for v in by_second.values():
            v.sort(key=lambda x: -len(x[0]))
    return {w: (tuple(singles.get(w, ())), multis.get(w, {})) for w in singles.keys() | multis.keys()}


_CUE_WORD = re.compile(r"[\w-]+")
_CUE_GAP = re.compile(r"([^\w-]+)")
_CUE_GAPS = frozenset([" ", "'", "’"])
_WORD_CHAR = re.compile(r"[\w-]")


@lru_cache(maxsize=1024)  # per article: build_links clears it (a benchmark of repeated articles gains nothing)
def _last_cues(s: str) -> dict[str, int]:
    """Stage -> where its last cue starts. A cue is a run of whole words (a word being letters,
    digits and hyphens) with exactly its gaps between them; as with a regex scan, the cues of one
    stage do not overlap and the longest wins at a position."""
    index = _stage_phrases()
    low, parts, _ = _cue_parts(s)  # a letter whose lower case is longer ("İ") stays as it is: no cue has it
    words = parts[::2]
    if index.keys().isdisjoint(words):
        return {}
    starts = list(accumulate(map(len, parts), initial=0))[::2]  # where each word starts
    last: dict[str, int] = {}
    free: dict[str, int] = {}  # stage -> first position its next cue may take
    n = len(words)
    for i in [i for i, w in enumerate(words) if w in index]:
        w = words[i]
        singles, multis = index[w]
        longer = multis.get(words[i + 1]) if multis and i + 1 < n else None
        if not singles and not longer:
            continue
        a = starts[i]
        for phrase, stage in longer or ():
            e = a + len(phrase)
            if free.get(stage, 0) > a or not low.startswith(phrase, a) or _WORD_CHAR.match(low, e):
                continue
            last[stage] = a
            free[stage] = e
        for stage in singles:
            if free.get(stage, 0) <= a:
                last[stage] = a
                free[stage] = a + len(w)
    return last


def _stages_in(s: str) -> list[str]:
    """The stage cues of a text, ordered by where their last cue stands; a cue in an 'after' or
    'despite' clause tells of something earlier ("an improved bid after Hearts knocked back the
    first") and goes first."""
    found = []
    for k, pos in _last_cues(s).items():
        if _EARLIER.search(s[max(0, pos - 60):pos]):
            pos -= len(s)
        found.append((pos, k))
    return [k for _, k in sorted(found)]


_SUBJECT_LEAD = Caseless(r"\W*(?:(?:the|meanwhile|however|elsewhere|and|but|in\s+\w+|at\s+\w+),?\s+)*")
_POSSESSIVE_AFTER = re.compile(r"[’']s?\s|\s+(?:[a-z-]+\s+){0,2}?(?:striker|midfielder|defender|winger|forward|"
                               r"goalkeeper|full-back|centre-back|keeper|captain|star|player|academy|boss|manager|"
                               r"coach|director)\b")
_RENEWED = Caseless(by_first_letter(
    [rf"{w}\s+(?:[\w-]+\s+)?(?:bid|offer|approach|proposal)"
     for w in ("improved", "fresh", "revised", "renewed", "second", "third", "another", "new", "higher", "bigger")]
    + [rf"{w}\s+(?:with|for)\b" for w in ("return", "come back", "go back")], word_start=True))
_EARLIER = Caseless(rf"{by_first_letter(['after', 'following', 'despite', 'since'], word_start=True)}\b[^,;.]*$")


# what a sentence (or clause) says, asked by each of its links; build_links clears them per article
@lru_cache(maxsize=64)
def _renewed(s: str) -> bool:
    low = s.lower()
    if len(low) == len(s) and not any(w in low for w in ("bid", "offer", "approach", "proposal", "return", "back")):
        return False  # (every match holds one of these)
    return _RENEWED.search(s) is not None


@lru_cache(maxsize=64)
def _year_in(s: str) -> re.Match[str] | None:
    if "19" not in s and "20" not in s:
        return None  # no year
    return _rx().year.search(s)


@lru_cache(maxsize=64)
def _told_as_past(s: str) -> bool:
    return _rx().past.search(s) is not None


@lru_cache(maxsize=64)  # every link of a sentence asks
def _types_in(s: str) -> tuple[str, ...]:
    words = _words_of(s)
    return tuple(k for k, firsts, rx in _rx().types
                 if _may_hold(firsts, words) and rx.search(s))


def _masked(text: str, seg: Segment, quotes: list[tuple[int, int]]) -> str:
    """The sentence with quoted speech blanked out (offsets kept)."""
    if not any(a < seg.end and seg.start < b for a, b in quotes):
        return text[seg.start:seg.end]
    out = text[seg.start:seg.end]
    for a, b in quotes:
        lo, hi = max(a, seg.start) - seg.start, min(b, seg.end) - seg.start
        if lo < hi:
            out = out[:lo] + " " * (hi - lo) + out[hi:]
    return out


@dataclass(frozen=True)
class _Template:
    id: str
    status: str  # completed | agreed | rejected | rumour | tensed
    to_own: bool  # the club he moves to is his own ("who arrived from PSV")
    from_own: bool  # the club he leaves is his own ("they sold him to")
    rx: re.Pattern[str]  # on the lower-cased reduced sentence
    all_players: bool = False  # every player named inside the match moves ("signing after A, B and C")
    anchor: tuple[str, ...] = ()  # tried only on sentences with a word beginning with one of these
    # what every match starts with, when the pattern starts with a mention ("⟦", or "the" before a
    # club): the places to try it, instead of every position (empty: every position)
    leads: tuple[str, ...] = ()


# The templates run on the sentence lower-cased, its mentions replaced by lower-case tokens: ⟦p0⟧ a
# player, ⟦c1⟧ a club, ⟦h2⟧ 'he' or 'she'. The data writes them ⟦P\d+⟧, ⟦C\d+⟧, ⟦[PH]\d+⟧.
# {P} takes the player's club before him ("Bologna's Joshua Zirkzee", "Bournemouth forward X") without naming it
_TOKENS = {"{P}": r"(?:⟦c\d+⟧(?:['’]s?)?\s+(?:[\w-]+\s+){{0,2}}?)?(?P<p{n}>⟦[ph]\d+⟧)",
           "{TO}": r"(?:the\s+)?(?P<to{n}>⟦c\d+⟧)",
           "{FROM}": r"(?:the\s+)?(?P<from{n}>⟦c\d+⟧)"}
# a full stop only inside a number ("$1.1m"); {GP} may also cross a player's name
_FILLERS = {"{GP}": r"(?:[^⟦⟧.;]|\.(?=\d)|⟦[ph]\d+⟧){0,120}?", "{G}": r"(?:[^⟦⟧.;]|\.(?=\d)){0,120}?"}
_TOKEN_LETTERS = re.compile(r"⟦(\[[PCH]+\]|[PCH])")
_PLAYER_TOKEN = re.compile(r"⟦p\d+⟧")
_STATUSES = ("completed", "agreed", "rejected", "rumour", "tensed")


def _compile_template(pattern: str) -> str:
    out, counts = pattern, {k: 0 for k in _TOKENS}
    for key, group in _TOKENS.items():
        while key in out:
            counts[key] += 1
            out = out.replace(key, group.format(n=counts[key]), 1)
    for key, value in _FILLERS.items():
        out = out.replace(key, value)
    out = _TOKEN_LETTERS.sub(lambda m: "⟦" + m.group(1).lower(), out)
    return re.sub(r"\{W(\d)\}", lambda m: rf"(?:[^\s⟦⟧]+\s+){{0,{m.group(1)}}}?", out)


@lru_cache(maxsize=1)
def templates() -> tuple[_Template, ...]:
    """The move templates of ``models/moves.json`` (validated, compiled, cached)."""
    path = "models/moves.json"
    data = read_json("moves.json")
    out = []
    for i, t in enumerate(data.get("templates", [])):
        for key in ("id", "status", "anchor", "pattern"):
            if key not in t:
                raise DataFileError(path, None, f"templates[{i}].{key}", "required field is missing")
        if t["status"] not in _STATUSES:
            raise DataFileError(path, None, f"templates[{i}].status", f"one of {', '.join(_STATUSES)}")
        if "{P}" not in t["pattern"] and "{TO}" not in t["pattern"]:
            raise DataFileError(path, None, f"templates[{i}].pattern", "needs {P} or {TO}")
        anchor = t["anchor"]
        if not isinstance(anchor, list) or not anchor or not all(
                isinstance(a, str) and _ANCHOR_WORD.fullmatch(a) for a in anchor):
            raise DataFileError(path, None, f"templates[{i}].anchor",
                                "expected lower-case word beginnings of 3+ letters a-z")
        source = _compile_template(t["pattern"])
        try:
            rx = re.compile(source)
        except re.error as exc:
            raise DataFileError(path, None, f"templates[{i}].pattern", f"bad regex: {exc}") from exc
        if not lower_case_pattern(source):
            raise DataFileError(path, None, f"templates[{i}].pattern", "a template is written in lower case (it "
                                "is matched on the lower-cased sentence); only the ⟦P⟧ ⟦C⟧ ⟦H⟧ tokens take capitals")
        leads = ("⟦",) if t["pattern"].startswith("{P}") else ("⟦", "the") if t["pattern"].startswith(
            ("{TO}", "{FROM}")) else ()
        out.append(_Template(t["id"], t["status"], t.get("to") == "own", t.get("from") == "own", rx,
                             t.get("players") == "all", tuple(anchor), leads))
    return tuple(out)


_ANCHOR_WORD = re.compile(r"[a-z]{3,}")
_LETTER_RUN = re.compile(r"[a-z]{3,}")


@lru_cache(maxsize=1)
def _anchor_index() -> dict[str, list[tuple[str, frozenset[int]]]]:
    """The template anchors filed under their first three letters (longest first), each with the
    templates of it and of every shorter anchor it begins with ("signing": "sign" too)."""
    index: dict[str, set[int]] = {}
    for i, t in enumerate(templates()):
        for a in t.anchor:
            index.setdefault(a, set()).add(i)
    widened = {a: frozenset().union(*(ids for b, ids in index.items() if a.startswith(b))) for a in index}
    out: dict[str, list[tuple[str, frozenset[int]]]] = {}
    for a in sorted(index, key=len, reverse=True):
        out.setdefault(a[:3], []).append((a, widened[a]))
    return out


def _wanted(masked: str) -> set[int]:
    """The templates worth trying on a sentence: those with an anchor among its words. An anchor
    is the beginning of a run of letters a-z ("sign" lets "signing" and "re-sign" through); the
    longest anchor a run begins with brings the templates of the shorter ones."""
    index = _anchor_index()
    out: set[int] = set()
    for run in set(_LETTER_RUN.findall(masked.lower())):
        for a, ids in index.get(run[:3], ()):
            if run.startswith(a):
                out |= ids
                break
    return out


@dataclass(frozen=True)
class _Event:
    player: str
    to: str
    from_: str | None
    status: str  # completed | agreed | rejected | rumour
    template: str
    start: int  # the words of the sentence the template matched (offsets in the sentence)
    end: int


_PRONOUN = Caseless(rf"{by_first_letter(['he', 'she'], word_start=True)}\b")


class _Where:
    """For a character of a reduced sentence, its offset in the sentence: text as it stands, a
    token's characters at its mention's start, its last one at the mention's last character."""

    __slots__ = ("pieces", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []  # where each piece starts in the reduced sentence
        self.pieces: list[tuple[int, int, int]] = []  # (offset in the sentence, token length or 0, mention end)

    def add(self, at: int, origin: int, token: int = 0, end: int = 0) -> None:
        self.starts.append(at)
        self.pieces.append((origin, token, end))

    def __getitem__(self, i: int) -> int:
        k = bisect_right(self.starts, i) - 1
        origin, token, end = self.pieces[k]
        if not token:
            return origin + i - self.starts[k]
        return end - 1 if i - self.starts[k] == token - 1 else origin


def _reduce(masked: str, offset: int,
            mentions: list[Mention]) -> tuple[str, dict[str, Mention | None], _Where]:
    """The sentence with each player or club mention replaced by a token (⟦p0⟧, ⟦c1⟧) and 'he'/'she'
    by ⟦h2⟧ (the player the story is about)."""
    spans: list[tuple[int, int, str, Mention | None]] = []
    taken: list[tuple[int, int]] = []
    reach = -1  # the furthest end of a taken mention (taken in order of start: one overlaps if it starts before)
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        a, b = m.start - offset, m.end - offset
        if a < 0 or b > len(masked) or b <= a or a < reach:
            continue
        taken.append((a, b))
        reach = max(reach, b)
        spans.append((a, b, "c" if m.kind == "club" else "p", m))
    for pm in _PRONOUN.finditer(masked):
        if not any(pm.start() < y and x < pm.end() for x, y in taken):
            spans.append((pm.start(), pm.end(), "h", None))
    spans.sort(key=lambda t: t[0])
    parts: list[str] = []
    table: dict[str, Mention | None] = {}
    where = _Where()  # for each character of the reduced sentence, its offset in the sentence
    last = size = 0
    for k, (a, b, kind, who) in enumerate(spans):
        token = f"⟦{kind}{k}⟧"  # lower case: the templates run on the lower-cased sentence
        parts += [masked[last:a], token]
        if a > last:
            where.add(size, last)
            size += a - last
        where.add(size, a, len(token), b)
        size += len(token)
        table[token] = who
        last = b
    parts.append(masked[last:])
    where.add(size, last)  # (an empty piece at the end: no character reads it)
    return "".join(parts), table, where


@lru_cache(maxsize=128)  # (one per template)
def _ignoring_case(pattern: str) -> re.Pattern[str]:
    """A template ignoring case (compiled when a text first needs it)."""
    return re.compile(pattern, re.I)


def _find_all(text: str, sub: str) -> list[int]:
    out = []
    at = text.find(sub)
    while at >= 0:
        out.append(at)
        at = text.find(sub, at + 1)
    return out


def _matches_from(rx: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """``rx.finditer(text)`` for a pattern that can only match at ``starts`` (sorted): tried there
    alone, each after the end of the last match, as ``finditer`` goes on."""
    out: list[re.Match[str]] = []
    done = 0
    for k in starts:
        if k >= done and (m := rx.match(text, k)) is not None:
            out.append(m)
            done = m.end() if m.end() > k else k + 1
    return out


def _events(masked: str, offset: int, players: list[Mention], clubs: list[Mention],
            entities: dict[str, Entity], story_player: str | None, subject_club: str | None = None,
            home: str | None = None) -> list[_Event]:
    """The moves the templates find in one sentence. ``subject_club`` is the club the paragraph is
    about: the 'they' of "they sold him to Arsenal" when the player's own club is unknown."""
    if not clubs or not (players or story_player):
        return []  # every template names a club, and a player or the story's player
    wanted = _wanted(masked)
    if not wanted:
        return []
    reduced, table, where = _reduce(masked, offset, players + clubs)
    low = reduced.lower()
    same = len(low) == len(reduced)
    out: list[_Event] = []
    all_templates = templates()
    at: dict[tuple[str, ...], list[int]] = {}  # where the leads stand in the sentence
    for i in sorted(wanted):
        t = all_templates[i]
        if not same:  # a sentence whose lower case is longer ("İ"): read as written, ignoring case
            found: Iterable[re.Match[str]] = _ignoring_case(t.rx.pattern).finditer(reduced)
        elif t.leads:
            if t.leads not in at:
                at[t.leads] = sorted(k for lead in t.leads for k in _find_all(low, lead))
            found = _matches_from(t.rx, low, at[t.leads])
        else:
            found = t.rx.finditer(low)
        for m in found:
            gd = {k: v for k, v in m.groupdict().items() if v}
            if t.all_players:
                movers = [w.key for tok in _PLAYER_TOKEN.findall(m.group()) if (w := table.get(tok)) is not None]
            else:
                ptok = next((v for k, v in gd.items() if k.startswith("p")), None)
                pm = table.get(ptok) if ptok else None
                inside = _PLAYER_TOKEN.findall(m.group())
                movers = [pm.key] if pm is not None else [story_player] if story_player and (
                    ptok or not inside) else []  # "Leipzig turned down an approach from Bayern": the story's player
            for player in movers:
                if entities.get(player) is not None and entities[player].kind == "player":
                    out.extend(_moves(t, m, gd, table, where, masked, entities, player, subject_club, home))
    return out


def _moves(t: _Template, m: re.Match[str], gd: dict[str, str], table: dict[str, Mention | None], where: _Where,
           masked: str, entities: dict[str, Entity], player: str, subject_club: str | None,
           home: str | None = None) -> list[_Event]:
    """The moves one template match says ``player`` made."""
    out: list[_Event] = []
    own = entities[player].current_club
    own_key = f"club:{own}" if own else None
    from_m = table.get(next((v for k, v in gd.items() if k.startswith("from")), ""))
    from_ = from_m.key if from_m is not None else None
    if from_ is None and t.from_own:
        from_ = own_key or subject_club
    tos = [w.key for k, v in gd.items() if k.startswith("to") and (w := table.get(v)) is not None]
    own_or_subject = own_key or subject_club or home
    if not tos and t.to_own and own_or_subject:
        tos = [own_or_subject]  # "Owusu-Ansah, who arrived in January from Genk" (in a story about his club)
    status = t.status
    if status == "tensed":
        after = masked[where[m.end() - 1] + 1:][:60]
        if _EARLIER_BEFORE.search(masked[max(0, where[m.start()] - 25):where[m.start()]]):
            status = "completed"  # "after Josko Gvardiol's move to Manchester City"
        elif _LIVE_AFTER.match(after):
            status = "rumour"  # "whose move to Liverpool is edging closer"
        elif _DONE_AFTER.match(after):
            status = "completed"
        else:
            end = len(masked.rstrip().rstrip(".!?"))
            past = bool(_rx().year.search(masked)) or tense_before(masked, end) == "past"
            # "have agreed a swap ..., with A and B heading to Villa Park": the sentence's deal is agreed
            stages = set(_stages_in(masked))
            agreed = "agreed" in stages and not stages & {"rejected", "denied", "stalled"}
            status = "completed" if past else "agreed" if agreed else "rumour"
    for to in tos:  # "interest from Besiktas and Trabzonspor": one move to each
        if to != from_:
            out.append(_Event(player, to, from_, status, t.id, where[m.start()], where[m.end() - 1] + 1))
    return out


_FREE_AGENT = Caseless(by_first_letter(
    [rf"{w}\s+(?:a\s+)?(?:free\s+agent|without\s+a\s+club|clubless)"
     for w in ("is", "has been", "became", "becomes", "now")]
    + [r"after\s+(?:leaving|being\s+released\s+by|his\s+release\s+from)\b"], word_start=True))
_STAFF_AFTER = re.compile(r"['’]?s?\s+(?:[\w-]+\s+)?(?:manager|boss|head coach|sporting director|director of football|"
                          r"president|chairman|chief executive|technical director)\b", re.I)
_CONTEXT_BEFORE = Caseless(
    r"\b(?:load on|burden on|pressure on|competition for|compete with|alongside|partner for|partnering|cover for|"
    r"the likes of|such as|the absence of|in place of|instead of|deputise for|understudy to)\s+"
    r"(?:[\w’'-]+\s+){0,3}?(?:[\w’'-]+(?:\s+and\s+|,\s+))*$")
_FROM_BEFORE = Caseless(r"\bfrom\s+(?:the\s+)?\Z")
_EARLIER_BEFORE = Caseless(r"\b(?:after|following|since)\s+(?:the\s+|his\s+|her\s+)?$")
_LIVE_AFTER = Caseless(r"\W*(?:\w+\W+){0,3}?(?:is|are|will|would|could|may|might|looks|appears|seems|remains|"
                         r"edging|nearing|closing|set|poised|expected|likely)\b")
_DONE_AFTER = Caseless(r"\W*(?:\w+\W+){0,3}?(?:was|were|had|went|completed|sealed|finalised|became)\b")
_STAGE_OF_STATUS = {"completed": "signed", "agreed": "agreed", "rejected": "rejected", "rumour": "interest"}


# "the club", "the Italian side"; "Guardiola's side". The first letter is read before the rest (and the
# word boundary checked behind it) so that the regex engine skips to the places where such a letter
# stands; ``person`` holds the name without its first letter.
_CLUB_DESCRIPTOR = re.compile(
    r"[A-Zt](?<!\w[A-Zt])(?:(?<=[Tt])h(?:e|is|at)\s+(?:(?P<attr>[A-Z][\w-]+(?:\s+[A-Z0-9][\w-]*)?)\s+)?"
    r"(?:club|side|outfit|giants|team)\b(?!['’]s\s+(?:manager|boss|coach|president|director))"
    r"|(?<=[A-Z])(?P<person>[\w-]+(?:\s+[A-Z][\w-]+)?)['’]s\s+(?:club|side|team|men|women)\b)")


def club_descriptors(text: str, clubs: list[Mention], countries: dict[str, str], demonyms: dict[str, str],
                     leagues: dict[str, str]) -> list[Mention]:
    """Phrases that stand for a club named just before: "the club", "the Italian side", "the Ligue 1
    outfit", "Carlo Ancelotti's club". Each is given the nearest club named in the 300 characters
    before it (that matches its nationality or league, when it states one).

    ``countries`` and ``leagues`` map a club key to its country and league; ``demonyms`` a folded
    demonym ("italian") to a country.
    """
    from .text import fold

    out = []
    league_names: set[str] | None = None  # folded once, when a descriptor needs them
    for m in _CLUB_DESCRIPTOR.finditer(text):
        if any(c.start <= m.start() < c.end or m.start() <= c.start < m.end() for c in clubs):
            continue  # "the Brighton side" names its club
        attr = m.group("attr")
        if not attr and not m.group("person"):
            continue  # a bare "the club" is too often the article's own club, not the last one named
        before = [c for c in clubs if m.start() - 300 <= c.end <= m.start()]
        if attr:
            country = demonyms.get(fold(attr))
            if country:
                before = [c for c in before if countries.get(c.key) == country]
            elif fold(attr) in (league_names := league_names or {fold(v) for v in set(leagues.values())}):
                before = [c for c in before if fold(leagues.get(c.key, "")) == fold(attr)]
            else:
                continue  # "the Champions League side", a name we cannot place
        if before:
            out.append(Mention(m.start(), m.end(), before[-1].key, "club", "descriptor"))
    return out


def _attach(link: Link, text: str, s: Segment, masked: str, fees: list[Money], windows: list[WindowMatch],
            outlets: list[tuple[int, int, str, str]]) -> None:
    """Give a link a sentence of evidence, with the fees, windows and source named in it."""
    if (s.start, s.end) not in link.evidence:
        link.evidence.append((s.start, s.end))
    for i, f in enumerate(fees):
        if s.start <= f.start < s.end and i not in link.fees:
            link.fees.append(i)
    for i, w in enumerate(windows):
        if s.start <= w.start < s.end and i not in link.windows:
            link.windows.append(i)
    src = _source(text, s, masked, outlets)
    if src and src not in link.sources:
        link.sources.append(src)


def build_links(text: str, sentences: list[Segment], entities: dict[str, Entity],
                people: list[Mention], clubs: list[Mention], fees: list[Money],
                windows: list[WindowMatch], quotes: list[tuple[int, int]],
                outlets: list[tuple[int, int, str, str]]) -> list[Link]:
    """Transfer links of an article, merged per (player, to-club)."""
    rx = _rx()
    players = [m for m in people if entities[m.key].kind == "player"]
    links: dict[tuple[str, str], Link] = {}
    last_player: tuple[str, int] | None = None  # (key, sentence index)
    last_buyer: tuple[str, int] | None = None
    from_hint: dict[str, Counter[str]] = {}
    for per_article in (_last_cues, _cue_parts, _renewed, _year_in, _told_as_past):
        per_article.cache_clear()
    # a round-up's datelines ("BOLOGNA — Bologna have ...") start a new item: the city is no club
    datelines = [(m.start(), m.end()) for m in _DATELINE.finditer(text)]
    if datelines:
        clubs = [c for c in clubs if not any(a <= c.start < b for a, b in datelines)]
    masks = {(s.start, s.end): _masked(text, s, quotes) for s in sentences}  # each sentence, quotes blanked
    sent_list = [s for s in sentences if masks[(s.start, s.end)].strip()]
    players = sorted(players, key=lambda m: m.start)
    clubs_by_start = sorted(clubs, key=lambda m: m.start)
    p_starts, c_starts = [m.start for m in players], [m.start for m in clubs_by_start]

    def players_in(s: Segment) -> list[Mention]:
        return players[bisect_left(p_starts, s.start):bisect_left(p_starts, s.end)]

    def clubs_in(s: Segment) -> list[Mention]:
        return clubs_by_start[bisect_left(c_starts, s.start):bisect_left(c_starts, s.end)]
    club_counts = Counter(c.key for c in clubs)
    home = club_counts.most_common(1)[0][0] if club_counts else None
    # the club whose staff the article quotes ("West Ham manager Ander Zubiaurre"): its story
    staff_counts = Counter(c.key for c in clubs if _STAFF_AFTER.match(text, c.end))
    staff_home = staff_counts.most_common(1)[0][0] if staff_counts else None
    # first pass: where players come from ("from Ajax", "leave Anfield") in the sentences about them
    for s in sent_list:
        masked = masks[(s.start, s.end)]
        present = {m.key for m in players_in(s)}
        for c in clubs_in(s):
            if rx.seller_before.search(masked[: c.start - s.start]):
                for key in present:
                    from_hint.setdefault(key, Counter())[c.key] += 1
    para_subject: str | None = None  # the club the paragraph's sentences start with ("Palace are ...")
    para_last: str | None = None  # the last club named in the paragraph before this sentence
    section: str | None = None  # the club a heading line names, until the next heading
    prev_end = 0
    for si, s in enumerate(sent_list):
        masked = masks[(s.start, s.end)]
        if not masked.strip():
            continue
        if "\n" in text[prev_end:s.start]:
            para_subject = para_last = None
        prev_end = s.end
        if _is_heading(text, s):  # "AL AHLI" over a round-up's section: the club its paragraphs are about
            section = next((c.key for c in clubs_in(s)), None)
        item = next((b for a, b in datelines if a == s.start), None)
        if item is not None:  # a new item: nobody from the last one carries over; its first club leads it
            section = next((c.key for c in clubs_in(s)), None)
            last_player = last_buyer = None
        s_quotes = [(a, b) for a, b in quotes if a < s.end and s.start < b]  # the quotes in this sentence
        ps = [m for m in players_in(s) if not any(a <= m.start < b for a, b in s_quotes)]
        cs = [m for m in clubs_in(s) if not any(a <= m.start < b for a, b in s_quotes)]
        named_ps = list(ps)
        head = item if item is not None else s.start  # after a dateline
        lead = next((c for c in cs if c.start - head <= 30 and c.start >= head
                     and _SUBJECT_LEAD.fullmatch(text[head:c.start])), None)
        if lead is not None and not _POSSESSIVE_AFTER.match(text, lead.end):
            para_subject = lead.key
        words = _words_of(masked)
        for nt in list(rx.not_transfer.finditer(masked)) if _may_hold(rx.not_transfer_firsts, words) else []:
            a, b = _clause(masked, nt.start())
            masked = masked[:a] + " " * (b - a) + masked[b:]  # "a new contract": that clause is no move
        stages = _stages_in(masked)
        explicit = bool(ps)
        if not ps and last_player and si - last_player[1] <= 2 and stages and (
            cs or re.search(r"\b(?:he|him|his|she|her)\b", masked, re.I)
            or (last_buyer and si - last_buyer[1] <= 1)
        ):
            ps = [Mention(s.start, s.start, last_player[0], "player", "implicit")]
        if ps:
            last_player = (ps[-1].key, si)
        story = last_player[0] if last_player and si - last_player[1] <= 2 else None
        covered: dict[str, set[str]] = {}  # player -> the clubs of the moves the templates found
        matched: list[tuple[int, int]] = []
        for ev in _events(masked, s.start, named_ps,
                          cs, entities, story, para_subject or para_last or section, staff_home or home):
            covered.setdefault(ev.player, set()).update(k for k in (ev.to, ev.from_) if k)
            matched.append((ev.start, ev.end))
            link = links.setdefault((ev.player, ev.to), Link(ev.player, ev.to))
            if ev.from_:
                link.from_club = ev.from_
            stage = _STAGE_OF_STATUS[ev.status]
            link.stages.append(stage)
            link.history.append([stage])
            link.explicit = True
            link.past = link.past or ev.status == "completed"
            if ev.status == "completed":
                link.done_in.append((s.start, s.end))
            link.renewed = link.renewed or _renewed(masked)
            year_m = _year_in(masked)
            if ev.status == "completed" and year_m:
                link.year = int(year_m.group("y"))
            _attach(link, text, s, masked, fees, windows, outlets)
        # the cue rules see, for a player a template has placed, only the other clubs of the sentence
        # the paragraph's last club, not one a player came from ("bought from Dinamo Zagreb")
        para_last = next((c.key for c in reversed(cs) if not _FROM_BEFORE.search(text[max(0, c.start - 12):c.start])),
                         para_last)
        ps = [p for p in ps if p.key not in covered or any(c.key not in covered[p.key] for c in cs)]
        for a, b in matched:  # and not the words the templates read ("since joining from Feyenoord")
            masked = masked[:a] + "¦" * (b - a) + masked[b:]  # not spaces: the cue patterns would crawl over them
        if matched:
            stages = _stages_in(masked)
        # clubs acting as buyers or sellers in this sentence (only a sentence with a cue needs them)
        role: dict[str, str] = {}
        for c in cs if stages else ():
            rel_pos = c.start - s.start
            before = masked[:rel_pos]
            after = masked[c.end - s.start:]
            if _FIXTURE_BEFORE.search(before):
                role[c.key] = "opponent"  # "the Gunners' trip to Brighton": a match, no move
            elif rx.seller_before.search(before) or _replacing(after):
                role[c.key] = "seller"
            elif _WITH_BEFORE.search(before) and _club_talks(c, cs, ps):
                role[c.key] = "seller"  # "Napoli have opened talks with Sporting over X": the other party sells
            elif rx.buyer_after.match(after) and not rx.seller_after.match(after):
                role.setdefault(c.key, "buyer")
            elif rx.seller_after.match(after):
                role[c.key] = "seller"
            elif rx.buyer_before.search(before):
                role.setdefault(c.key, "buyer")
        if not stages or not ps:
            for k, r in role.items():
                if r == "buyer" and stages:
                    last_buyer = (k, si)
            continue
        sentence_stages = stages
        # clubs named together ("Inter Milan and Juventus have both asked"): none is the other's seller
        paired = {k for a, b in pairwise(cs) if _PAIRED.fullmatch(text[a.end:b.start]) for k in (a.key, b.key)}
        several = len({p.key for p in ps}) > 1
        for p in ps:
            if _CONTEXT_BEFORE.search(text[max(s.start, p.start - 60):p.start]):
                continue  # "to ease the load on Saka and Martinelli": named beside the move, not moving
            p_clubs = [c for c in cs if c.key not in covered.get(p.key, ())
                       and not any(a <= c.start - s.start < b for a, b in matched)]  # a template's clubs
            if several:
                # several players: each takes the cues (and, when it names some, the clubs) of its own clause
                a, b = _clause(masked, p.start - s.start)
                clause = masked[a:b]
                stages = _stages_in(clause)
                if not stages:
                    continue
                in_clause = [c for c in p_clubs if a <= c.start - s.start < b]
                p_clubs = in_clause or p_clubs
            else:
                clause, stages = masked, sentence_stages
            past = past_of_target = "signed" in stages and _told_as_past(clause)
            year_m = _year_in(clause)
            ent = entities[p.key]
            current = ent.current_club
            hint = from_hint.get(p.key)
            seller = current or (hint.most_common(1)[0][0].split(":", 1)[1] if hint else None)
            seller_key = f"club:{seller}" if seller else None
            former = {f"club:{c}" for c in ent.former_clubs}
            buyers = [c.key for c in p_clubs if c.key != seller_key and c.key not in former
                      and role.get(c.key) not in ("seller", "opponent")
                      and not any(_possessive_of(text, c, q) for q in ps)
                      and not any(q.key != p.key and _move_of(text, q, c) for q in ps)]
            flagged = [k for k in buyers if role.get(k) == "buyer"]
            recent_buyer = None
            if last_buyer and si - last_buyer[1] <= 3 and last_buyer[0] != seller_key:
                recent_buyer = last_buyer[0]
            if p.key in covered or p.form == "implicit":
                # beside a template's move, or for the story's player unnamed in the sentence, only a
                # club said to want him ("Across the city, La Bombonera is fighting a similar battle.")
                targets = list(dict.fromkeys(flagged))
            elif flagged:
                targets = list(dict.fromkeys(flagged))
            elif recent_buyer and recent_buyer not in buyers and not seller_key and buyers:
                # "the club continue to look towards Anfield and indicate X is on their wishlist":
                # the unflagged club is his own; the buyer is the one the story was about
                seller_key = buyers[0]
                targets = [recent_buyer]
            else:
                targets = list(dict.fromkeys(buyers))
            if not targets and past and current and p.key not in covered \
                    and f"club:{current}" != seller_key_from_sentence(p_clubs, role):
                # "he arrived from Fluminense in 2023": the move that brought him to his club
                origin = seller_key_from_sentence(p_clubs, role)
                if origin:
                    targets, seller_key = [f"club:{current}"], origin
            if not targets and not past and explicit and p.key not in covered and all(
                    c.key == seller_key or any(_possessive_of(text, c, q) for q in ps) for c in p_clubs):
                # "Atletico already have an alternative list. At the top is Valencia's Mosquera.",
                # "Palace are preparing for life without him. Sporting's X has been watched."
                near = recent_buyer if last_buyer and si - last_buyer[1] <= 2 else None
                candidate = near or para_subject
                if candidate and candidate != seller_key and candidate not in former:
                    targets = [candidate]
            if not seller_key:
                sellers = [c.key for c in p_clubs if c.key not in targets and c.key not in former
                           and role.get(c.key) != "opponent"]
                seller_key = sellers[0] if sellers else None
            for t in targets:
                link = links.setdefault((p.key, t), Link(p.key, t))
                if seller_key and seller_key != t:
                    link.from_club = link.from_club or seller_key
                elif para_subject and para_subject != t and para_subject not in paired and para_subject not in former:
                    link.from_club = link.from_club or para_subject  # "Porto are bracing for interest in X"
                past = past_of_target
                at = next((c for c in p_clubs if c.key == t), None)
                if past and at is not None and not several and role.get(t) == "buyer":
                    # "X, who arrived from Bodø in 2026, could go out on loan, with Brugge keen":
                    # the done move is not the one to the club named in the live clause
                    a, b = _clause(masked, at.start - s.start)
                    here = _stages_in(masked[a:b])
                    past = "signed" in here or not any(x in here for x in ("interest", "monitoring", "talks", "bid"))
                link.stages.extend(st for st in stages if st != "signed" or past)
                link.renewed = link.renewed or _renewed(masked)
                link.history.append(stages)
                link.types.extend(_types_in(masked))
                link.explicit = link.explicit or explicit
                link.past = link.past or past
                if past:
                    link.done_in.append((s.start, s.end))
                if past and year_m:
                    link.year = int(year_m.group("y"))
                _attach(link, text, s, masked, fees, windows, outlets)
                last_buyer = (t, si)
    # a live move starts from where his last completed move took him ("X, who arrived from Bodø in
    # 2026, could go out on loan")
    arrived: dict[str, Link] = {}
    for lk in links.values():
        if lk.past and lk.stage == "signed":
            prev = arrived.get(lk.player)
            if prev is None or (lk.year or 0) >= (prev.year or 0):
                arrived[lk.player] = lk
    for lk in links.values():
        last = arrived.get(lk.player)
        # (a rival's bid told in the sentence of the move it lost to came before it)
        if not lk.past and last is not None and last.to_club != lk.to_club \
                and not set(lk.evidence) & set(last.done_in):
            lk.from_club = last.to_club
    # a live move starts from the player's own club, when the article says which it is
    for lk in links.values():
        own = entities[lk.player].current_club
        if own and not lk.past and f"club:{own}" != lk.to_club:
            lk.from_club = f"club:{own}"
    # a free agent comes from no club ("a free agent after his Juventus contract expired",
    # "without a club since his PSG contract ran out", "after leaving Real Madrid")
    free_agents = {p.key for s in sent_list for p in players_in(s)
                   if _FREE_AGENT.search(text[p.end:min(s.end, p.end + 120)])}
    for lk in links.values():
        if lk.player in free_agents and not lk.past:
            lk.from_club = None
            lk.types.append("free")
    # from-club still unknown: the club most often named beside the player that he is not joining
    for lk in links.values():
        if lk.player in free_agents and not lk.past:
            continue
        if lk.from_club is not None:
            continue
        ent = entities[lk.player]
        joining = {t for (p, t) in links if p == lk.player}
        former = {f"club:{c}" for c in ent.former_clubs}
        votes: dict[str, float] = {}
        for s in sent_list:
            at_player = [m.start for m in players_in(s) if m.key == lk.player]
            if at_player:
                for c in clubs_in(s):
                    if c.key not in joining and c.key not in former \
                            and not _FIXTURE_BEFORE.search(text[max(s.start, c.start - 30):c.start]):
                        gap = min(abs(c.start - h) for h in at_player)  # ties go to the club named nearer him
                        votes[c.key] = votes.get(c.key, 0.0) + 1 + 1 / (1 + gap / 50)
        if votes:
            lk.from_club = max(votes, key=lambda k: votes[k])
        elif home and home not in joining and not lk.past:
            lk.from_club = home  # "the club would accept £4m": the club the article is about
    # a player is never said to move to his own club (a completed move that brought him there aside)
    def own_club(lk: Link) -> str | None:
        own = entities[lk.player].current_club
        return f"club:{own}" if own else None

    for pair in [k for k, lk in links.items()
                 if lk.from_club == lk.to_club or (not lk.past and lk.to_club == own_club(lk))]:
        del links[pair]
    return list(links.values())


#: "Liverpool would want to have secured a replacement": the club losing the player
_REPLACING = Caseless(r"[^.;:]{0,50}?\b(?:replacement|replacements|replace him|replace her|successor|to replace)\b")


def _replacing(after: str) -> bool:
    """Whether the words after a club say it is looking for a replacement (so it sells)."""
    low = after.lower()
    if len(low) == len(after) and "replac" not in low and "successor" not in low:
        return False  # (every match holds one of these)
    return _REPLACING.match(after) is not None

_FIXTURE_BEFORE = Caseless(by_first_letter(
    [rf"{w}\s+to\s+(?:the\s+)?$"
     for w in ("trip", "visit", "visits", "visited", "travel", "travels", "travelled", "away")]
    + [rf"{w}\s+(?:the\s+)?$" for w in (
        "against", r"at\s+home\s+to", r"away\s+at", r"win\s+over", r"victory\s+over", r"defeat\s+(?:to|by)",
        r"loss\s+to", r"draw\s+(?:with|against)", r"clash\s+with", "visit", "visits", "host", "hosts", "face",
        "faces", "beat", r"derby\s+with")], word_start=True))
_TALKS_WORDS = ["talks", "deal", "agreement", "negotiations", "discussions", "negotiating", "talking"]
_WITH_BEFORE = Caseless(rf"{by_first_letter(_TALKS_WORDS, word_start=True)}\s+with\s+(?:the\s+)?$")


def _club_talks(c: Mention, cs: list[Mention], ps: list[Mention]) -> bool:
    """Whether the talks 'with' club ``c`` are a club's (the name before them is a club's, not a player's)."""
    before = [m for m in (*cs, *ps) if m.end <= c.start]
    return bool(before) and max(before, key=lambda m: m.end).kind == "club"


_DATELINE = re.compile(r"^[A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+){0,3}(?:,\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)?\s+[—–]\s+",
                       re.M)
_PAIRED = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+(?:the\s+)?")
_CLAUSE_BREAK = re.compile(r"[,;:()–—]|\b(?:but|while|whereas|although|though)\b")


def _is_heading(text: str, s: Segment) -> bool:
    """A line of its own, a few words without a sentence's full stop ("AL AHLI", "THE LOAN QUESTION")."""
    line = text[s.start:s.end].strip()
    before, after = text[max(0, s.start - 1):s.start], text[s.end:s.end + 1]
    return (before in ("", "\n") and after in ("", "\n") and 0 < len(line.split()) <= 5
            and line[-1] not in ".!?\"'”’:" and line.upper() == line)


def _clause(masked: str, pos: int) -> tuple[int, int]:
    """The clause of a sentence around ``pos`` (breaks at commas, dashes, 'but', 'while'...)."""
    start, end = 0, len(masked)
    for m in _CLAUSE_BREAK.finditer(masked):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def seller_key_from_sentence(cs: list[Mention], role: dict[str, str]) -> str | None:
    """The club a sentence says a player comes from ("from Ajax")."""
    return next((c.key for c in cs if role.get(c.key) == "seller"), None)


def _move_of(text: str, player: Mention, club: Mention) -> bool:
    """Whether the club is named as the destination of the player's own move ("Depay's Barcelona move")."""
    return (player.end <= club.start and bool(_MOVE_OF_GAP.fullmatch(text, player.end, club.start))
            and bool(_MOVE_OF_AFTER.match(text, club.end)))


_MOVE_OF_GAP = re.compile(r"[’']s?\s+(?:[\w-]+\s+)?")
_MOVE_OF_AFTER = re.compile(r"\s+(?:move|switch|transfer|deal|bid|loan|return|exit|medical|talks)\b", re.I)


def _possessive_of(text: str, club: Mention, player: Mention) -> bool:
    gap = text[club.end:player.start] if club.end <= player.start else None
    return gap is not None and bool(re.fullmatch(r"[’'](?:s)?\s+(?:[\w-]+\s+){0,2}", gap))


@lru_cache(maxsize=64)  # every link of a sentence asks
def _source_match(masked: str) -> re.Match[str] | None:
    if not any(w in masked for w in _SOURCE_WORDS):
        return None  # every match of the source pattern holds one of these
    return _rx().source.search(masked)


# "according to", a verb of reporting ("reports", "claimed", "says", "understands", "revealed"),
# "sources", or "we understand / have been told / can reveal": the source pattern needs one
_SOURCE_WORDS = ("according to", "report", "claim", "says", "understand", "revealed", "source", "been told",
                 "can reveal")


def _source(text: str, s: Segment, masked: str, outlets: list[tuple[int, int, str, str]]) -> str | None:
    for a, _, cat, name in outlets:
        if s.start <= a < s.end and cat in ("outlet", "agency", "journalist"):
            return name
    m = _source_match(masked)
    if not m:
        return None
    if m.group("d"):
        return "the outlet itself"
    val = m.group("a") or m.group("b") or m.group("c")
    return val.strip() if val else None
