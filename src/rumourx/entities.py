"""Players, people and clubs: recognise, resolve and merge them in one article.

Clubs come from the knowledge base through a PhraseMatcher, ambiguous forms ("Madrid",
"United", "the Reds") are resolved against the clubs the article names in full. Person names
are name-shaped token runs judged by a given-name lexicon and by context (roles, ages,
possessive clubs), then merged (surname-only mentions join the full name). Descriptors ("the
Brighton star", "the 24-year-old") are resolved to a person for the later steps.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from operator import add
from typing import TYPE_CHECKING, Any

from .attributes import doc_text
from .kb import Club, KnowledgeBase, cues
from .names import PARTICLES, first_name_key, name_key, surname_keys
from .text import by_first_letter, fold

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True)
class Mention:
    """One mention of an entity: offsets into the article and how it was written."""

    start: int
    end: int
    key: str
    kind: str  # player | person | club | descriptor | other
    form: str  # name | surname | first | alias | nickname | stadium | weak | descriptor | ...


@dataclass
class Entity:
    """A real-world player, person or club of one article."""

    key: str
    name: str
    kind: str  # player | person | club
    role: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    #: (club id, offset, "current" | "former") for people: who they play for, per the text
    clubs: list[tuple[str, int, str]] = field(default_factory=list)
    ages: set[int] = field(default_factory=set)  # "Baleba, 21,", "the 21-year-old Baleba"
    nations: set[str] = field(default_factory=set)  # "Argentina midfielder Mac Allister"

    @property
    def current_club(self) -> str | None:
        """The club the text most often says he plays for (the first named, on a tie)."""
        votes: dict[str, int] = {}
        for c, _, rel in self.clubs:
            if rel == "current":
                votes[c] = votes.get(c, 0) + 1
        return max(votes, key=votes.__getitem__) if votes else None

    @property
    def former_clubs(self) -> set[str]:
        return {c for c, _, rel in self.clubs if rel == "former"}


@dataclass
class EntityResult:
    entities: dict[str, Entity]
    mentions: list[Mention]  # people and clubs, in text order
    descriptors: list[Mention]  # resolved descriptors, in text order
    others: list[tuple[int, int, str, str]]  # (start, end, category, name): nations, outlets...
    clubs: dict[str, Club] = field(default_factory=dict)  # the knowledge base's clubs, by id


# ---------------------------------------------------------------------------------------------
# cue regexes built from models/cues.json

def _alts(words: list[str]) -> list[str]:
    """The words escaped for a regex alternation, longest first."""
    return [re.escape(w) for w in sorted(set(words), key=len, reverse=True)]


def _alt(words: list[str]) -> str:
    return "|".join(_alts(words))


def _at_word_start(words: list[str]) -> str:
    """``\\b(?:w1|w2|...)`` for words that start with a word character, written so that each
    alternative opens with its letter and checks the boundary behind it: a pattern whose every
    alternative starts with a literal lets the regex engine skip to the positions where one of
    those letters stands, where a leading ``\\b`` has it try every position. Same matches.

    >>> [m.span() for m in re.finditer(_at_word_start(["the", "The"]), "The other theme, bathe")]
    [(0, 3), (10, 13)]
    """
    return "|".join(rf"{re.escape(w[0])}(?<!\w{re.escape(w[0])}){re.escape(w[1:])}"
                    for w in sorted(set(words), key=lambda w: (-len(w), w)))


class _TailMatch:
    def __init__(self, phrase: str) -> None:
        self.phrase = phrase

    def group(self, _name: str = "role") -> str:
        return self.phrase


class _Tail:
    """Finds a phrase of a word list at the very end of a text, before its trailing space
    ("... Brighton midfielder " ends with "midfielder"), the role word or phrase being preceded
    by a space, "(" or ",", by looking up the last words in a set rather than by a regex."""

    def __init__(self, phrases: list[str]) -> None:
        self.phrases = frozenset(" ".join(p.lower().split()) for p in phrases)
        self.longest = max((len(p.split()) for p in self.phrases), default=1)

    def search(self, text: str) -> _TailMatch | None:
        if not text or not text[-1].isspace():
            return None
        words = text.split()[-self.longest:]
        if words:
            words[-1] = words[-1].removesuffix(",")
        for n in range(len(words), 0, -1):
            tail = words[-n:]
            first = tail[0].lstrip("(,")
            if not first:
                continue
            phrase = " ".join([first, *tail[1:]]).lower()
            if phrase in self.phrases:
                return _TailMatch(phrase)
        return None


@dataclass(frozen=True)
class _Cues:
    staff_before: _Tail
    staff_after: re.Pattern[str]
    staff_possessive: re.Pattern[str]
    player_before: _Tail
    player_after: re.Pattern[str]
    move_before: _Tail
    descriptor: re.Pattern[str]
    staff_role_of: dict[str, str]
    staff_heads: frozenset[str]
    former: frozenset[str]


_DETERMINERS = ["The", "the", "This", "this", "That", "that", "His", "his", "Her", "her"]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    c = cues()
    staff_role_of = {w.lower(): role for role, ws in c["staff_roles"].items() for w in ws}
    staff = _alt(list(staff_role_of))
    player = _alt(c["player_roles"])
    heads = by_first_letter(_alts(c["descriptor_heads"] + c["player_roles"]))  # (the same matches, found faster)
    return _Cues(
        staff_before=_Tail(list(staff_role_of)),
        staff_after=re.compile(
            rf"^(?:,|\s+-|\s+–)\s+(?:the|a|an|his|her|their|its|our|who\s+(?:is|was)\s+(?:the|a|an|his|her))\s+"
            rf"(?:[\w’'.&-]+\s+){{0,4}}?(?P<role>{staff})\b", re.I),
        staff_possessive=re.compile(rf"^[’']s\s+(?:[\w-]+\s+)?(?:{_alt(c['staff_possessive_nouns'])})\b", re.I),
        player_before=_Tail(c["player_roles"]),
        player_after=re.compile(
            rf"^(?:,\s*\d{{2}}\s*,|\s*\(\d{{2}}\)|,\s+(?:the|a|an|who\s+(?:is|was)\s+(?:the|a|an))\s+"
            rf"(?:[\w’'.&-]+\s+){{0,4}}?(?:{player})\b"
            rf"|,\s+(?:who\s+(?:joined|signed\s+for|moved\s+to|scored)|sold\s+to|signed\s+from|bought\s+from|"
            rf"on\s+loan\s+(?:from|at))\s)", re.I),
        move_before=_Tail(c["move_before"]),
        descriptor=re.compile(
            rf"(?P<det>{_at_word_start(_DETERMINERS)})[ ]+"
            rf"(?P<mods>(?:(?!(?:is|are|was|were|has|have|a|an|the|and|or|of|to|in|for|who|that)[ ])[\w’'-]+[ ]+){{0,5}}?)"  # noqa: E501
            rf"(?P<head>{heads}|\d+-year-old)\b"
            rf"(?![ ]+[A-Z][\w’'-]+\b)(?![-’'])(?![ ]+of[ ])"),  # "the signing of X" names no one
        staff_role_of=staff_role_of,
        staff_heads=frozenset(staff_role_of),
        former=frozenset(w.lower() for w in c["former_words"]),
    )


# ---------------------------------------------------------------------------------------------
# clubs


class FormMatcher:
    """Every place where a known form (a club's name, alias, nickname, stadium; a nation,
    outlet...) covers whole tokens of a Doc: (first token, end token, label), as spaCy's
    PhraseMatcher on ORTH (or LOWER) would find them. The forms are compared as text, so
    building it tokenises nothing (the PhraseMatcher's patterns took half a second to make)."""

    _KEY = 5  # forms are filed under their first five characters (all of them when shorter)

    def __init__(self, labels: dict[str, list[str]], *, ignore_case: bool = False) -> None:
        self.ignore_case = ignore_case
        self.by_prefix: dict[str, list[tuple[str, list[str]]]] = {}
        for form, labs in labels.items():
            if len(form) < 2:
                continue
            f = form.lower() if ignore_case else form
            self.by_prefix.setdefault(f[:self._KEY], []).append((f, labs))
        self.key_lengths = sorted({len(k) for k in self.by_prefix}, reverse=True)
        # a quick refusal: the first three characters of the keys, and the keys of two characters
        self.firsts3 = frozenset(k[:3] for k in self.by_prefix if len(k) >= 3)
        self.keys2 = frozenset(k for k in self.by_prefix if len(k) == 2)
        # the characters a form may start with (both cases when case is ignored)
        self.firsts = frozenset(c for k in self.by_prefix for c in (k[0], k[0].upper()) if ignore_case or c == k[0])
        # where a form may start: a capital or digit it starts with, or the key (first five characters)
        # of one in lower case ("the Athletic", "l'OM"); found by one scan of the text instead of token
        # by token (a shorter head would stop at every "the" and "in")
        caps = "".join(sorted(re.escape(c) for c in self.firsts if not c.islower()))
        heads = sorted({k for k in self.by_prefix if k[0].islower()}, key=lambda h: (-len(h), h))
        low = "|".join(re.escape(h) for h in heads)
        # a lookahead: a matched key must not hide a capital inside it ("the Anfield" is not "the Athletic")
        alts = [f"[{caps}]"] * bool(caps) + [rf"(?<!\w)(?:{low})"] * bool(heads)
        self._lead_source = f"(?={'|'.join(alts)})" if alts else "(?!)"
        # the same places found faster, case being kept: each capital by a scan for the class (a
        # lookahead has the regex engine try every position), each key in lower case by a text search
        self._caps_source = f"[{caps}]" if caps else ""
        groups: dict[str, list[str]] = {}
        for h in heads:
            groups.setdefault(h[0], []).append(re.escape(h[1:]))
        # (each key's first letter read, the word boundary checked behind it, the rest looked ahead)
        self._low_source = "|".join(f"{re.escape(k)}(?<!\\w{re.escape(k)})(?={'|'.join(rest)})"
                                    for k, rest in groups.items())
        # all capitals: not a capital with a lower-case letter after it (its span would not be all capitals)
        self._upper_source = f"[{caps}](?![a-z])" if caps else "(?!)"
        # each compiled when first needed: a matcher uses the case-kept scans or the others, not both
        self._compiled: dict[str, re.Pattern[str] | None] = {}

    def __call__(self, doc: Doc, *, only_upper: bool = False) -> list[tuple[int, int, str]]:
        """The matches; ``only_upper``: only those starting at an all-capitals token ("ARSENAL")."""
        text = doc_text(doc)
        _, lengths, ends = _token_bounds(doc)
        index = _token_index(doc)
        out: list[tuple[int, int, str]] = []
        find = self.by_prefix.get
        lower = self.ignore_case
        key_lengths = self.key_lengths
        firsts3, keys2 = self.firsts3, self.keys2
        for at in self._leads(text, only_upper):
            head = text[at:at + self._KEY]
            if lower:
                head = head.lower()
            if head[:3] not in firsts3 and head[:2] not in keys2:
                continue  # no key starts the text here
            i = index.get(at)
            if i is None or (only_upper and not text[at:at + lengths[i]].isupper()):
                continue
            for k in key_lengths:
                # a form shorter than the key is filed whole: it must end where a token ends
                if k > len(head) or (k < self._KEY and at + k not in ends):
                    continue
                for form, labs in find(head[:k], ()):
                    n = len(form)
                    piece = text[at:at + n]
                    end = ends.get(at + n)
                    if end is not None and end > i and (piece.lower() if lower else piece) == form:
                        out.extend((i, end, lab) for lab in labs)
        return out


    def _pattern(self, name: str) -> re.Pattern[str] | None:
        """One of the scans, compiled at its first use (``None``: it has nothing to find)."""
        if name not in self._compiled:
            source = {"lead": self._lead_source, "caps": self._caps_source, "low": self._low_source,
                      "upper": self._upper_source}[name]
            self._compiled[name] = re.compile(source, re.I if name == "lead" and self.ignore_case else 0) \
                if source else None
        return self._compiled[name]

    def _leads(self, text: str, only_upper: bool) -> list[int]:
        """The places a form may start, in order: where the lead pattern finds them (all
        capitals' with ``only_upper``), or found by the two faster scans when case is kept."""
        if only_upper or self.ignore_case:
            lead = self._pattern("upper" if only_upper else "lead")
            return [m.start() for m in lead.finditer(text)] if lead is not None else []
        caps, low = self._pattern("caps"), self._pattern("low")
        out = [m.start() for m in caps.finditer(text)] if caps is not None else []
        if low is not None:
            out = sorted([*out, *(m.start() for m in low.finditer(text))])
        return out


def _token_index(doc: Doc) -> dict[int, int]:
    """Token start offset -> token index (once per Doc)."""
    cached = doc.user_data.get("rumourx_token_index")
    if cached is None:
        starts = _token_bounds(doc)[0]
        cached = dict(zip(starts, range(len(starts)), strict=True))
        doc.user_data["rumourx_token_index"] = cached
    return cached


def _token_bounds(doc: Doc) -> tuple[list[int], list[int], dict[int, int]]:
    """Each token's start offset and length, and token end offset -> index of the token after it
    (read from the Doc's arrays once per Doc: making Token objects costs more than the matching)."""
    cached = doc.user_data.get("rumourx_token_bounds")
    if cached is None:
        from spacy.attrs import IDX, LENGTH

        # one attribute at a time: a two-column array's tolist() costs several times more
        starts: list[int] = doc.to_array(IDX).tolist() if len(doc) else []
        lengths: list[int] = doc.to_array(LENGTH).tolist() if len(doc) else []
        cached = (starts, lengths, dict(zip(map(add, starts, lengths), range(1, len(starts) + 1), strict=True)))
        doc.user_data["rumourx_token_bounds"] = cached
    return cached

def resolve_clubs(doc: Doc, kb: KnowledgeBase, matches: list[tuple[int, int, str]]) -> tuple[
        list[Mention], list[tuple[int, int, str, str]], set[int]]:
    """Club mentions, other named things (nations, outlets...) and the tokens they cover.

    ``matches`` are (start token, end token, "club" | "other") from the PhraseMatcher.
    """
    text = doc_text(doc)
    starts, lengths, _ = _token_bounds(doc)
    # as spaCy's filter_spans: the longest (then first) of overlapping spans, in text order; read
    # as (start token, end token, start char, end char, text), a Span made only where one is needed
    taken: set[int] = set()
    spans: list[tuple[int, int, int, int, str]] = []
    for s, e in sorted({(s, e) for s, e, _ in matches}, key=lambda t: (t[1] - t[0], -t[0]), reverse=True):
        if s not in taken and e - 1 not in taken:
            a, b = starts[s], starts[e - 1] + lengths[e - 1]
            spans.append((s, e, a, b, text[a:b]))
            taken.update(range(s, e))
    spans.sort()

    lower_forms: dict[str, list[tuple[str, str]]] | None = None

    def forms_of(surface: str) -> list[tuple[str, str]]:
        nonlocal lower_forms
        found = kb.club_forms.get(surface) or kb.club_forms.get(" ".join(surface.split()))
        if found or not surface.isupper():
            return found or []
        if lower_forms is None:
            lower_forms = _lower_forms(kb)
        return [f for f in lower_forms.get(surface.lower(), []) if f[1] in ("name", "alias")]

    # pass 1: forms that name exactly one club, strongly
    named: set[str] = set()
    for *_, surface in spans:
        forms = forms_of(surface)
        ids = {cid for cid, _ in forms}
        if len(ids) == 1 and all(k in ("name", "alias", "stadium") for _, k in forms) \
                and surface not in kb.other_forms:
            named |= ids
    # nations the article names: "the Red Devils" is Belgium's team in an article about Belgium
    nation_at: dict[str, int] = {}
    for _, _, start, _, surface in spans:
        o = kb.other_forms.get(surface)
        if o and o[0] in ("nation", "demonym") and not forms_of(surface):
            nation_at[o[1]] = start
    clubs: list[Mention] = []
    others: list[tuple[int, int, str, str]] = []
    covered: set[int] = set()  # tokens of resolved clubs and of other named things
    last_seen: dict[str, int] = {}
    for first, last, start, end, surface in spans:
        forms = forms_of(surface)
        other = kb.other_forms.get(surface)
        chosen = _choose_club(forms, named, last_seen, kb.clubs, surface)
        if other and chosen:
            cid, kind = chosen
            if other[0] == "national_team":
                if other[1] in nation_at and (cid not in named or nation_at[other[1]] > last_seen.get(cid, -1)):
                    chosen = None
            elif cid not in named and (kind in ("weak", "nickname") or other[0] == "nation"):
                chosen = None
        if chosen and chosen[1] == "weak" and chosen[0] not in named and not _default_reading(doc, doc[first:last]):
            chosen = None
        if chosen and _not_the_club(text, start, end, chosen[1], surface):
            others.append((start, end, "place", surface))
            covered.update(range(first, last))
            continue
        if other and not forms and other[0] in ("nation", "demonym") and last < len(doc) \
                and fold(surface) in kb.first_names and text[end:end + 1] == " " \
                and text[starts[last]:starts[last] + 1].isupper():
            continue  # "Jordan Henderson", "Georgia Stanway"
        sp = doc[first:last]
        if _inside_a_name(doc, sp, kb, covered) or _first_name_club(doc, sp, kb):
            continue  # "Iling-Junior", "Bruno Guimaraes": a surname, not a club
        if chosen is None:
            if other:
                others.append((start, end, other[0], other[1]))
                covered.update(range(first, last))
            continue
        cid, kind = chosen
        if kind == "nickname" and start >= 4 and text[start - 4:start].lower() == "the ":
            start -= 4
        clubs.append(Mention(start, end, f"club:{cid}", "club", kind))
        covered.update(range(first, last))
        last_seen[cid] = start
    return clubs, others, covered


def _default_reading(doc: Doc, sp: Span) -> bool:
    """May a weak form with a default club ("United", "Real", "Milan") mean that club here?
    Not inside a longer name ("Buckingham Palace", "City of London", "Madrid-based"), and at
    the start of a sentence only before a verb ("United are...", not "Real progress...")."""
    prev = doc[sp.start - 1] if sp.start > 0 else None
    nxt = doc[sp.end] if sp.end < len(doc) else None
    if nxt is not None and ((nxt.text in ("-", "‑") and not sp[-1].whitespace_) or nxt.lower_ == "of"):
        return False
    if prev is not None and prev.whitespace_ and prev.text[:1].isupper() and not prev.is_sent_start \
            and prev.text not in (".", "The") and doc[sp.start - 2:sp.start - 1].text not in (".", "\n"):
        return False
    starts = prev is None or prev.text in (".", "!", "?", "\n", "\n\n") or "\n" in prev.text
    return not starts or (nxt is not None and (nxt.lower_ in _club_verbs() or nxt.lower_.endswith("ed")))


@lru_cache(maxsize=1)
def _club_verbs() -> frozenset[str]:
    return frozenset(cues()["club_verbs"])


@lru_cache(maxsize=1)
def _place_rx() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str],
                         frozenset[str], int]:
    pc = cues()["place_context"]
    before = re.compile(rf"\b(?:{_alt(pc['before'])})\s+$", re.I)
    after = re.compile(rf"^\s+(?:{_alt(pc['after'])})\b")
    venue = re.compile(rf"\b(?:{_alt(pc['venue_words'])})\b", re.I)
    club_at = re.compile(rf"\b(?:{_alt(pc['club_before_at'])})\s+at\s+(?:the\s+)?$", re.I)
    sponsor = re.compile(rf"\b(?:{_alt(pc['sponsor_words'])})\b")
    reach = max(len(w) for w in pc["before"])  # the longest 'before' phrase
    return before, after, venue, club_at, sponsor, frozenset(pc["company_stadiums"]), reach


def _not_the_club(text: str, start: int, end: int, kind: str, surface: str) -> bool:
    """A club form that names a place here: a city after travel or birth words ("flew to
    Lyon", "born in Brighton", "in Madrid on Monday", "Liverpool city centre"), a stadium as
    the venue of a match or event ("beat Chelsea at Stamford Bridge", "a concert at
    Anfield"), a stadium's sponsor ("a shirt deal with Emirates")."""
    before_rx, after_rx, venue_rx, club_at_rx, sponsor_rx, companies, reach = _place_rx()
    before = text[max(0, start - 40):start]
    if kind == "stadium":
        sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
        if surface in companies and not before.lower().endswith("the "):
            return bool(sponsor_rx.search(text[sentence_start:start]))
        at = re.search(r"\bat\s+(?:the\s+)?$", before, re.I)
        return bool(at) and not club_at_rx.search(before) and bool(venue_rx.search(text[sentence_start:start]))
    if kind == "nickname" or " " in surface:
        return False
    # a phrase then spaces, at the end: it starts at most its length before the trailing spaces
    trail = len(before) - len(before.rstrip())
    if trail and before_rx.search(before, max(0, len(before) - trail - reach)):
        return True
    after = text[end:end + 20]
    if after_rx.match(after):
        return bool(re.search(r"\bin\s+$", before)) or after.lstrip().lower().startswith(("city", "airport"))
    return False


def _inside_a_name(doc: Doc, sp: Span, kb: KnowledgeBase, covered: set[int]) -> bool:
    """A one-word club form that continues a person's name: glued by a hyphen to a capitalised
    word ("Iling-Junior"), or right after a given name ("Bruno Guimaraes")."""
    if len(sp) != 1 or sp.start == 0:
        return False
    prev = doc[sp.start - 1]
    if prev.text == "-" and not prev.whitespace_ and sp.start > 1:
        before = doc[sp.start - 2]
        return not before.whitespace_ and before.text[:1].isupper()
    if prev.whitespace_ and prev.lower_ in _NAME_PARTICLES and sp.start > 1 and prev.i not in covered:
        two_back = doc[sp.start - 2]  # "Rafael dos Santos", "Dos Santos, 19," (not "La Real")
        return prev.text[:1].isupper() or bool(two_back.whitespace_ and two_back.text[:1].isupper())
    if not (prev.whitespace_ and prev.text[:1].isupper() and fold(prev.text) in kb.first_names
            and prev.i not in covered and sp.text not in kb.other_forms):
        return False
    if not any(k == "name" for _, k in kb.club_forms.get(sp.text, [])):
        return True
    # a club's own name after a given name ("Diego Porto") only when the given name opens the
    # name: "Joao Felix Chelsea" in a headline is a player and a club
    opener = doc[sp.start - 2] if sp.start > 1 else None
    return opener is None or not opener.text[:1].isupper() or opener.text in (".", ":")


_NAME_PARTICLES = frozenset(PARTICLES - {"e", "y", "el", "al", "la", "le", "lo", "st", "st."})


def _first_name_club(doc: Doc, sp: Span, kb: KnowledgeBase) -> bool:
    """A one-word club form that is a given name opening a person's name ("Everton Soares")."""
    if len(sp) != 1 or sp.end >= len(doc) or not sp[-1].whitespace_ or fold(sp.text) not in kb.first_names:
        return False
    nxt = doc[sp.end]
    prev = doc[sp.start - 1] if sp.start > 0 else None
    if prev is not None and prev.whitespace_ and prev.text[:1].isupper() and prev.text not in (".", ":"):
        return False
    return bool(_name_like(nxt, kb) and nxt.text not in kb.club_forms and nxt.text not in kb.other_forms
                and fold(nxt.text) not in _role_words())


def _lower_forms(kb: KnowledgeBase) -> dict[str, list[tuple[str, str]]]:
    cached: dict[str, list[tuple[str, str]]] | None = kb.derived.get("lower_forms")
    if cached is None:
        cached = defaultdict(list)
        for form, owners in kb.club_forms.items():
            cached[form.lower()].extend(owners)
        kb.derived["lower_forms"] = cached
    return cached


def _choose_club(forms: list[tuple[str, str]], named: set[str], last_seen: dict[str, int],
                 clubs: dict[str, Club], surface: str) -> tuple[str, str] | None:
    if not forms:
        return None
    ids = {cid for cid, _ in forms}
    kind_of = {cid: k for cid, k in forms}
    if len(ids) == 1:
        cid = next(iter(ids))
        if kind_of[cid] != "weak" or cid in named or surface in clubs[cid].defaults:
            return cid, kind_of[cid]
        return None
    in_text = [cid for cid in ids if cid in named]
    if len(in_text) == 1:
        return in_text[0], kind_of[in_text[0]]
    if in_text:  # the club this form means by default ("United": Manchester United), else the last named
        # (a tie, as when none was named yet, goes to the more prominent club, then by id: never
        # to the order of a set, which changes from one process to the next)
        best = max(in_text, key=lambda c: (surface in clubs[c].defaults, last_seen.get(c, -1), -clubs[c].priority,
                                           c))
        return best, kind_of[best]
    strong = [cid for cid in ids if kind_of[cid] != "weak"]
    if not strong:
        defaults = [cid for cid in ids if surface in clubs[cid].defaults]
        return (defaults[0], "weak") if len(defaults) == 1 else None
    if len(strong) > 1 and all(kind_of[c] in ("name", "alias") for c in strong):
        return None  # a full alias shared by two clubs: nothing to prefer
    best = min(strong, key=lambda c: (clubs[c].priority, c))
    return best, kind_of[best]


# ---------------------------------------------------------------------------------------------
# people

def _name_like(tok: Token, kb: KnowledgeBase) -> bool:
    return _name_like_text(tok.text, kb, tok.is_stop)


def _name_like_text(t: str, kb: KnowledgeBase, is_stop: bool) -> bool:
    if not t[:1].isupper():
        return False
    cache: dict[tuple[str, bool], bool] = kb.derived.setdefault("name_like", {})
    hit = cache.get((t, is_stop))
    if hit is None:
        f = fold(t)
        hit = (any(ch.isalpha() for ch in t) and not (len(t) > 2 and t.isupper())
               and not any(ch.isdigit() for ch in t)
               and not (f in kb.non_names or (is_stop and f not in kb.first_names)))
        if len(cache) > 200_000:
            cache.clear()  # bounded: memory stays flat on long runs
        cache[(t, is_stop)] = hit
    return hit


def name_runs(doc: Doc, kb: KnowledgeBase, blocked: set[int]) -> list[tuple[int, int]]:
    """Token ranges that look like person names."""
    from spacy.attrs import IS_STOP, SPACY

    text = doc_text(doc)
    starts, lengths, _ = _token_bounds(doc)
    texts = [text[a:a + k] for a, k in zip(starts, lengths, strict=True)]  # the tokens' texts, without a Token each
    spaces: list[int] = []  # whitespace and stop-word flags, read when a run needs them
    stops: list[int] = []

    def ws(k: int) -> bool:
        if not spaces:
            spaces.extend(doc.to_array(SPACY).tolist())
        return bool(spaces[k])

    def like(k: int) -> bool:
        if not stops:
            stops.extend(doc.to_array(IS_STOP).tolist())
        return _name_like_text(texts[k], kb, bool(stops[k]))

    runs: list[tuple[int, int]] = []
    n = len(texts)
    heads = [k for k, a in enumerate(starts) if text[a].isupper()]  # a name starts with a capital
    i = 0
    for h in heads:
        if h < i:
            continue
        i = h
        if i in blocked or not like(i):
            continue
        j = i + 1
        while j < n and j not in blocked:
            t, prev = texts[j], texts[j - 1]
            if t in ("-", "‑") and not ws(j - 1) and not ws(j) and j + 1 < n \
                    and j + 1 not in blocked and texts[j + 1].isalpha() and (
                        texts[j + 1][:1].isupper() or (prev[:1].isupper() and texts[j + 1].islower()
                                                       and len(texts[j + 1]) <= 4 and len(prev) <= 6)):
                j += 2  # "Alexander-Arnold", "Heung-min"
                continue
            if not ws(j - 1):
                break  # glued tokens such as possessives
            if like(j):
                j += 1
                continue
            if texts[j].lower() in PARTICLES:  # "van Dijk", "van der Heijden", "dos Santos"
                k = j
                while k < n and k not in blocked and texts[k].lower() in PARTICLES and ws(k) and k - j < 3:
                    k += 1
                if k < n and k not in blocked and like(k):
                    j = k
                    continue
            break
        runs.append((i, j))
        i = j
    return runs


@dataclass
class _Cand:
    start: int
    end: int
    text: str
    words: list[str]


def _cands(doc: Doc, kb: KnowledgeBase, blocked: set[int]) -> list[_Cand]:
    text = doc_text(doc)
    out = []
    for s, e in name_runs(doc, kb, blocked):
        a, b = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
        words = text[a:b].split()
        # trim a leading role word before a given name ("Veteran Jordan Henderson")
        while len(words) >= 2 and fold(words[0]) in _role_words() and fold(words[1]) in kb.first_names:
            a = text.index(words[1], a + len(words[0]))
            words = words[1:]
        if text[b - 1] == "." and name_key(text[a:b - 1]) in kb.canonical:
            b -= 1  # "a bid for Vini Jr." at the end of a sentence
            words = text[a:b].split()
        out.append(_Cand(a, b, text[a:b], words))
    return out


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    c = cues()
    words = [*c["player_roles"], *c["descriptor_heads"], *(w for ws in c["staff_roles"].values() for w in ws)]
    extra = ["veteran", "experienced", "young", "former", "ex", "new", "record", "loan", "summer", "january",
             "star", "ace", "teenager", "teen", "wonderkid", "youngster", "skipper", "captain", "boss"]
    return frozenset(fold(w) for w in [*words, *extra] if " " not in w)


_Seen = dict[tuple[int, int, str], Any]  # (start, end, kind) of a name -> what the role cues around it found


def _staff_cue(text: str, start: int, end: int, seen: _Seen) -> tuple[_TailMatch | re.Match[str] | None, bool]:
    """The staff role named around a name ("manager X", "X, the club's sporting director") and
    whether it stands before the name; each name's cues are read once (``seen``)."""
    key = (start, end, "staff")
    got = seen.get(key)
    if got is None:
        cs = _cues()
        sb = cs.staff_before.search(text[max(0, start - 60):start])
        got = seen[key] = (sb or cs.staff_after.search(text[end:end + 80]), sb is not None)
    return got


def _player_cue(text: str, start: int, end: int, seen: _Seen) -> bool:
    """Whether a player's role is named around a name ("striker X", "X, the Brazil winger")."""
    key = (start, end, "player")
    got = seen.get(key)
    if got is None:
        cs = _cues()
        got = seen[key] = bool(cs.player_before.search(text[max(0, start - 60):start])
                               or cs.player_after.search(text[end:end + 80]))
    return got


def _context_cue(text: str, c: _Cand, club_ends: set[int], seen: _Seen) -> str | None:
    cs = _cues()
    before = text[max(0, c.start - 60):c.start]
    if _staff_cue(text, c.start, c.end, seen)[0]:
        return "staff"
    if _player_cue(text, c.start, c.end, seen):
        return "player"
    poss = _POSSESSIVE_END.search(before)
    if poss and (c.start - len(poss.group(0))) in club_ends:
        return "player"
    if cs.move_before.search(before):
        return "player"
    return None


_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{2,4}")


def recognise_people(doc: Doc, kb: KnowledgeBase, blocked: set[int], club_mentions: list[Mention],
                     model_people: list[tuple[int, int]] | None = None) -> tuple[dict[str, Entity], list[Mention]]:
    """Person entities and their mentions. ``model_people``: character spans a statistical
    pipeline labelled PERSON, which count as a context cue."""
    text = doc_text(doc)
    club_ends = {m.end for m in club_mentions}
    cands = _cands(doc, kb, blocked)
    model_people = model_people or []
    if model_people:
        cands = _with_model_people(text, cands, model_people)
    cap_words = Counter(fold(w) for c in cands for w in c.words)
    entities: dict[str, Entity] = {}
    cue_of: dict[int, str | None] = {}
    seen: _Seen = {}  # the role cues around each name, read once for the candidates and the mentions
    full: list[_Cand] = []
    for c in cands:
        cue_of[c.start] = _context_cue(text, c, club_ends, seen) or (
            "model" if any(a < c.end and c.start < b for a, b in model_people) else None)
        main = [w for w in c.words if fold(w) not in PARTICLES]
        if len(main) < 2:
            continue
        reused = any(cap_words[fold(w)] > 1 for w in c.words[1:])
        asian = any(_HYPHENATED_GIVEN.fullmatch(w) for w in c.words)  # "Son Heung-min", "Lee Kang-in"
        if fold(c.words[0]) in kb.first_names or cue_of[c.start] or reused or asian \
                or name_key(c.text) in kb.canonical:
            full.append(c)
    full += [c for c in cands if name_key(c.text) in kb.canonical and c not in full]  # "Rodri", "Vini"
    # one entity per full name; shorter full names that are tails of longer ones merge in
    by_key: dict[str, Entity] = {}
    for c in sorted(full, key=lambda c: (name_key(c.text) not in kb.canonical, -len(c.words))):
        k = name_key(c.text)
        known = kb.canonical.get(k)
        target = by_key.get(name_key(known)) if known else by_key.get(k)
        if target is None and not known:
            target = next((e for e in by_key.values() if k in surname_keys(e.name)
                           or k == _without_second_surname(e.name, kb)
                           or _given_names_of(c.words, e.name, kb)), None)
        if target is None:
            name = known or c.text
            target = Entity(key=f"person:{name_key(name)}", name=name, kind="player")
            by_key[name_key(name)] = target
            entities[target.key] = target
        by_key.setdefault(k, target)
    surname_index: dict[str, set[str]] = defaultdict(set)
    first_index: dict[str, set[str]] = defaultdict(set)
    for e in entities.values():
        for sk in surname_keys(e.name) + _first_surname(e.name, kb):
            surname_index[sk].add(e.key)
        fk = first_name_key(e.name)
        if fk:
            first_index[fk].add(e.key)
    mentions: list[Mention] = []
    for c in cands:
        k = name_key(c.text)
        if k in by_key:
            ent = by_key[k]
            form = "name" if name_key(ent.name) == k else "alias" if k in kb.canonical else "surname"
        else:
            keys = surname_index.get(k) or (first_index.get(k) if k not in surname_index else None)
            if keys:
                ent = _nearest(keys, entities, mentions, c.start)
                form = "surname" if k in surname_index else "first"
            elif cue_of[c.start] and len(c.words) <= 3:
                ent = Entity(key=f"person:{k}", name=c.text, kind="player")
                entities[ent.key] = ent
                by_key[k] = ent
                for sk in surname_keys(ent.name):
                    surname_index[sk].add(ent.key)
                form = "name"
            else:
                continue
        m = Mention(c.start, c.end, ent.key, "player", form)
        ent.mentions.append(m)
        mentions.append(m)
    _assign_roles(text, entities, seen)
    for e in entities.values():
        key = name_key(e.name)
        known = kb.people.get(key)
        if known:
            e.kind, e.role = "person", known
        elif key in kb.players:
            e.kind, e.role = "player", "player"
            if kb.players[key]:
                e.clubs.append((kb.players[key] or "", -1, "current"))
    for e in entities.values():
        e.mentions = [Mention(m.start, m.end, m.key, e.kind, m.form) for m in e.mentions]
    mentions = sorted((m for e in entities.values() for m in e.mentions), key=lambda m: m.start)
    _club_links(text, entities, club_mentions)
    return entities, mentions


def _given_names_of(words: list[str], full: str, kb: KnowledgeBase) -> bool:
    """Whether ``words`` are the given names a longer full name starts with ("Jon Ander" of "Jon Ander
    Ibarguren", "Maria Jose" of "Maria Jose Alvarez"): Spanish and Basque writing calls a player so."""
    names = full.split()
    return (1 < len(words) < len(names) and all(fold(w) in kb.first_names for w in words)
            and [fold(w) for w in names[:len(words)]] == [fold(w) for w in words])


def _with_model_people(text: str, cands: list[_Cand], spans: list[tuple[int, int]]) -> list[_Cand]:
    """Add the model's PERSON spans that no name-shaped run covers ("de Bruyne" in lower case)."""
    out = list(cands)
    for a, b in spans:
        if any(c.start < b and a < c.end for c in cands):
            continue
        surface = re.sub(r"[’']s$", "", text[a:b])
        if surface.strip():
            out.append(_Cand(a, a + len(surface), surface, surface.split()))
    return sorted(out, key=lambda c: c.start)


def _nearest(keys: set[str], entities: dict[str, Entity], mentions: list[Mention], pos: int) -> Entity:
    if len(keys) == 1:
        return entities[next(iter(keys))]
    last = {m.key: m.start for m in mentions if m.start < pos and m.key in keys}
    if last:
        return entities[max(last, key=lambda k: last[k])]
    return entities[sorted(keys)[0]]


def _assign_roles(text: str, entities: dict[str, Entity], seen: _Seen) -> None:
    cs = _cues()
    for e in entities.values():
        staff: Counter[str] = Counter()
        player = 0
        for m in e.mentions:
            hit, sb = _staff_cue(text, m.start, m.end, seen)
            if hit:
                role = hit.group("role").lower()
                staff[cs.staff_role_of.get(role, "staff")] += 2 if sb else 1
            elif cs.staff_possessive.search(text[m.end:m.end + 80]):
                staff["manager"] += 1
            if _player_cue(text, m.start, m.end, seen):
                player += 1
        if staff and sum(staff.values()) > player:
            e.kind = "person"
            e.role = staff.most_common(1)[0][0]
        else:
            e.role = "player"


_GAP_POSSESSIVE = re.compile(r"[’']s\s+")  # "Brighton's Mitoma"
_GAP_POSSESSIVE_WORDS = re.compile(r"[’']s\s+(?:[\w-]+\s+){1,3}")  # "Brighton's Japanese winger Mitoma"
_GAP_WORDS = re.compile(r"\s+(?:(?!(?:for|to|from|with|and|at|of|by|on|in|as|than)\s)[\w-]+\s+){1,3}")
_GAP_BRACKET_OF = re.compile(r"\s*\(|(?:\s*,\s*\d{2}\s*,)?\s+of\s+")  # "Mitoma (Brighton)", "Mitoma of Brighton"
_GAP_APPOSITION = re.compile(r"\s*(?:,|–|-)\s+(?:the|a|an)\s+(?:[\w.-]+\s+){0,2}?")  # "Mitoma, the Brighton winger"


@lru_cache(maxsize=1)
def _roles_after() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:[\w-]+\s+)?(?:{_alt(cues()['player_roles'])})\b", re.I)


def _club_links(text: str, entities: dict[str, Entity], clubs: list[Mention]) -> None:
    """Record which club each player plays (or played) for, from attributive phrasing:
    "Brighton's Kaoru Mitoma", "Brighton winger Kaoru Mitoma", "Mitoma, the Brighton
    winger", "Mitoma (Brighton)"; a preceding "former"/"ex-" makes the club a former one."""
    cs = _cues()
    roles = _roles_after()
    # only the clubs that start near a name can stand next to it: found by their starts, kept in order
    order = sorted(range(len(clubs)), key=lambda i: clubs[i].start)
    starts = [clubs[i].start for i in order]
    longest = max((c.end - c.start for c in clubs), default=0)
    for e in entities.values():
        if e.kind != "player":
            continue
        for m in e.mentions:
            if m.form == "descriptor":
                continue  # "Getafe forward Álex Pedraza Ruiz": the club is the name's, not the descriptor's
            near = order[bisect_left(starts, m.start - 40 - longest):bisect_right(starts, m.end + 50)]
            for cm in (clubs[i] for i in sorted(near)):
                if cm.end <= m.start and m.start - cm.end <= 40:
                    gap = text[cm.end:m.start]
                    ok = bool(_GAP_POSSESSIVE.fullmatch(gap)) or (
                        bool(_GAP_POSSESSIVE_WORDS.fullmatch(gap)) and bool(cs.player_before.search(gap))
                    ) or (
                        bool(_GAP_WORDS.fullmatch(gap))
                        and bool(cs.player_before.search(gap))
                    )
                elif cm.start >= m.end and cm.start - m.end <= 50:
                    gap = text[m.end:cm.start]
                    ok = bool(_GAP_BRACKET_OF.fullmatch(gap)) or (
                        bool(_GAP_APPOSITION.fullmatch(gap))
                        and bool(roles.match(text[cm.end:cm.end + 40]))
                    )
                else:
                    continue
                lo, hi = (cm.end, m.start) if cm.end <= m.start else (m.end, cm.start)
                if ok and not any(lo <= o.start < hi for o in clubs if o is not cm):
                    rel = "former" if _former_before(text, cm.start) else "current"
                    e.clubs.append((cm.key.split(":", 1)[1], m.start, rel))


_AGE_AFTER = re.compile(r"\s*(?:,\s*|\()(\d{2})\s*[,)]")
_AGE_BEFORE = re.compile(r"\b(\d{2})-year-old\s+(?:[\w-]+\s+){0,2}$")
_NATION_BEFORE = re.compile(r"([A-Z][\w-]+(?: [A-Z][\w-]+)?)\s+(?:[a-z][\w-]+\s+){0,2}$")
_POSSESSIVE_END = re.compile(r"[’']s\s+$")
_CLUB_WORD_BEFORE = re.compile(r"\b(?:from|to|at|for|with|joins?|joined|joining|against|by|over|beat)\s+$", re.I)


def _ages_and_nations(text: str, kb: KnowledgeBase, entities: dict[str, Entity]) -> None:
    """Ages ("Baleba, 21,", "21-year-old Baleba", "Baleba (21)") and nations ("Argentina
    midfielder Mac Allister", "the Brazilian forward X") stated next to a person's name."""
    for e in entities.values():
        for m in e.mentions:
            if m.form == "descriptor":
                continue
            after = _AGE_AFTER.match(text[m.end:m.end + 8])
            before = text[max(0, m.start - 60):m.start]
            aged = _AGE_BEFORE.search(before) if "-year-old" in before else None
            for hit in (after, aged):
                if hit and 15 <= int(hit.group(1)) <= 45:
                    e.ages.add(int(hit.group(1)))
            lead = _NATION_BEFORE.search(before)
            if lead:
                other = kb.other_forms.get(lead.group(1))
                if other and other[0] in ("nation", "demonym", "national_team"):
                    e.nations.add(other[1])


def _former_before(text: str, pos: int) -> bool:
    words = re.findall(r"[\w-]+", text[max(0, pos - 20):pos].lower())
    return bool(words) and (words[-1] in _cues().former or words[-1].startswith("ex-"))


# ---------------------------------------------------------------------------------------------
# descriptors

@dataclass(frozen=True)
class Descriptor:
    start: int
    end: int
    club: str | None
    nation: str | None
    former: bool
    staff: bool | None  # None: a demonym, which may be a player or a manager
    incoming: bool = False  # "the Blues' new signing": the club is the one he joins
    age: int | None = None  # "the 24-year-old"
    role: str | None = None  # a staff head's role: "the agent" is an agent


def find_descriptors(text: str, kb: KnowledgeBase, clubs: list[Mention],
                     taken: list[tuple[int, int]]) -> list[Descriptor]:
    """Descriptor phrases ("the Brighton star", "the 24-year-old", "the Spaniard")."""
    cs = _cues()
    out = []
    matches = list(cs.descriptor.finditer(text)) + list(_demonym_rx(kb).finditer(text))
    for m in sorted(matches, key=lambda m: m.start()):
        s, e = m.start(), m.end()
        if any(not (e <= a or s >= b) for a, b in taken if not (s <= a and b <= e)):
            continue
        head = m.group("head")
        mods = m.group("mods") or ""
        if fold(head) in kb.demonyms:
            nxt = re.match(r"[ ]+([a-z][\w’'-]*)", text[e:e + 30])
            if nxt and nxt.group(1) not in _VERBISH:
                continue  # an adjective: "the Spanish giants"
        if head[0].isupper() and fold(head) not in kb.demonyms and not head.endswith(("man", "woman")):
            continue
        club = next((c.key.split(":", 1)[1] for c in clubs if s <= c.start and c.end <= e), None)
        nation = None
        for w in re.findall(r"[A-Z][\w-]+", mods + " " + head):
            other = kb.other_forms.get(w)
            if other and other[0] in ("nation", "demonym"):
                nation = other[1]
        if fold(head) in kb.demonyms:
            nation = kb.demonyms[fold(head)]
        former = any(w.lower() in cs.former or w.lower().startswith("ex-") for w in mods.split())
        staff: bool | None = head.lower() in cs.staff_heads
        if fold(head) in kb.demonyms:
            staff = None
        if m.group("det").lower() in ("his", "her") and not staff:
            continue  # "his midfielder" is someone else
        incoming = head.lower() in ("signing", "target", "loanee", "arrival", "recruit", "capture")
        age = re.match(r"(\d+)-year-old", head)
        out.append(Descriptor(s, e, club, nation, former, staff, incoming, int(age.group(1)) if age else None,
                              cs.staff_role_of.get(head.lower()) if staff else None))
    return out


_VERBISH = frozenset(["said", "says", "added", "insisted", "admitted", "explained", "replied", "told", "is", "was", "has", "had", "will", "would", "could", "can", "may", "might", "has", "have", "does", "did", "remains", "remained", "joined", "signed", "moved", "arrived", "left,", "though", "however", "also", "still", "to", "from", "for", "in", "on", "at", "with", "and", "but", "who", "as", "into", "after", "before", "since", "while", "because", "than", "over", "about", "by"])  # noqa: E501


def _demonym_rx(kb: KnowledgeBase) -> re.Pattern[str]:
    """'the Cameroonian', 'the Spaniard', 'the Dutchman' (not adjectives: 'the Spanish giants')."""
    cached: re.Pattern[str] | None = kb.derived.get("demonym_rx")
    if cached is None:
        nouns = [d for d, _ in kb.other_forms.items() if kb.other_forms[d][0] == "demonym"
                 and not d.endswith(("ish", "ch", "sh")) and d[:1].isupper()]
        det = _at_word_start(["The", "the"])
        cached = re.compile(rf"(?P<det>{det})[ ]+(?P<mods>(?:\d+-year-old[ ]+|young[ ]+|veteran[ ]+|former[ ]+)?)"
                            rf"(?P<head>{by_first_letter(_alts(nouns)) if nouns else 'a^'})\b(?![-’'])"
                            rf"(?![ ]+[A-Z][\w’'-]+\b)")
        kb.derived["demonym_rx"] = cached
    return cached


def resolve_descriptor(d: Descriptor, entities: dict[str, Entity], mentions: list[Mention],
                       since: int = 0) -> tuple[str | None, bool]:
    """The entity a descriptor refers to (the latest fitting person mentioned before it), and
    whether that reading is unambiguous: the descriptor's age, nation or club fits only this
    person, or no other fitting person is mentioned since ``since`` (the previous paragraph)."""
    fits = []
    for m in mentions:
        if m.start >= d.start:
            break
        ent = entities.get(m.key)
        if ent is None or ent.kind == "club":
            continue
        if d.staff is not None and d.staff != (ent.kind == "person") and not d.former:
            continue  # "the former Netherlands midfielder" may now be a coach
        fits.append((m.start, ent))
    if not fits:
        return None, False
    same_role = [(p, e) for p, e in fits if d.role and e.role == d.role]
    fits = same_role or fits  # "the agent" is the agent when the article names one
    unique: set[str] = set()  # the one person whose stated age, nation or club fits
    for known, fitting in ((lambda e: e.ages, d.age), (lambda e: e.nations, d.nation)):
        if fitting is None:
            continue
        clash = {e.key for _, e in fits if known(e) and fitting not in known(e)}
        if len(clash) < len({e.key for _, e in fits}):
            fits = [(p, e) for p, e in fits if e.key not in clash]  # a stated different age/nation rules out
        match = {e.key for _, e in fits if fitting in known(e)}
        unique |= match if len(match) == 1 else set()
    if d.club and not d.former and not d.staff:
        match = {e.key for _, e in fits if e.current_club == d.club}
        unique |= match if len(match) == 1 else set()
    key = _resolve_by_position(d, fits)
    near = {e.key for p, e in fits if p >= since}
    return key, key in unique or near == {key}


def _resolve_by_position(d: Descriptor, fits: list[tuple[int, Entity]]) -> str:
    if d.club and not d.former and not d.staff:
        same = [(p, e) for p, e in fits if e.current_club == d.club]
        if same:
            return same[-1][1].key
        others_known = [(p, e) for p, e in fits if e.current_club is None or d.club in e.former_clubs]
        if others_known:
            return others_known[-1][1].key
    if d.club and d.former:
        same = [(p, e) for p, e in fits if d.club in e.former_clubs or e.current_club != d.club]
        if same:
            return same[-1][1].key
    return fits[-1][1].key


def _first_surname(full: str, kb: KnowledgeBase) -> list[str]:
    """The first of two surnames, which Spanish and Portuguese writing uses alone ("Begoña
    Etxaniz Ruiz" ... "Etxaniz"): the middle word of a three-word name that is neither a particle
    nor a given name."""
    words = full.split()
    if len(words) == 3 and fold(words[1]) not in PARTICLES and fold(words[1]) not in kb.first_names \
            and fold(words[2]) not in PARTICLES:
        return [name_key(words[1])]
    return []


def _without_second_surname(full: str, kb: KnowledgeBase) -> str | None:
    """ "Ainhoa Gutiérrez" for "Ainhoa Gutiérrez Lezama" (the name without its second surname)."""
    return name_key(" ".join(full.split()[:2])) if _first_surname(full, kb) else None


def _club_words_of_people(text: str, clubs: list[Mention], people: dict[str, Entity]) -> tuple[
        list[Mention], list[Mention]]:
    """One-word club mentions that are only ever a person's surname or given name in this
    article ("Marcos Villa ... Villa scored", "Everton Soares ... Everton wants"): the club is
    not otherwise mentioned, so they are the person's."""
    owners: dict[str, set[str]] = defaultdict(set)
    for e in people.values():
        if e.kind != "player" or not any(m.form == "name" for m in e.mentions):
            continue
        for k in [*surname_keys(e.name), first_name_key(e.name)]:
            if k:
                owners[k].add(e.key)
    by_club: dict[str, list[Mention]] = defaultdict(list)
    for m in clubs:
        by_club[m.key].append(m)
    keys = {(m.start, m.end): name_key(text[m.start:m.end]) for m in clubs}
    forms_of = {club: {keys[c.start, c.end] for c in ms} for club, ms in by_club.items()}  # the forms naming each club
    keep, moved = [], []
    for m in clubs:
        forms = forms_of[m.key]
        k = keys[m.start, m.end]
        who = owners.get(k, set())
        if len(forms) == 1 and len(who) == 1 and " " not in k and m.form in ("weak", "name", "alias") \
                and not _CLUB_WORD_BEFORE.search(text[max(0, m.start - 20):m.start]):
            ent = people[next(iter(who))]
            pm = Mention(m.start, m.end, ent.key, ent.kind, "surname" if k in surname_keys(ent.name) else "first")
            ent.mentions.append(pm)
            moved.append(pm)
        else:
            keep.append(m)
    return keep, moved


def _model_clubs(doc: Doc, kb: KnowledgeBase, spans: list[tuple[int, int]], covered: set[int]) -> list[Mention]:
    """ORG entities of a statistical pipeline that our knowledge does not explain: clubs
    unknown to the knowledge base ("Dunmore Athletic"). Known names keep our reading."""
    out = []
    for s, e in spans:
        if any(i in covered for i in range(s, e)):
            continue
        sp = doc[s:e]
        if sp[-1].text in ("'s", "’s") and len(sp) > 1:
            sp = sp[:-1]
        words = [fold(t.text) for t in sp]
        if not words or all(w in kb.non_names or not t.text[:1].isupper() for w, t in zip(words, sp, strict=True)):
            continue
        if sp.text in kb.other_forms or name_key(sp.text) in kb.canonical:
            continue
        slug = re.sub(r"[^a-z0-9]+", "-", fold(sp.text)).strip("-")
        out.append(Mention(sp.start_char, sp.end_char, f"club:model-{slug}", "club", "model"))
        covered.update(range(sp.start, sp.end))
    return out


def extract_entities(doc: Doc, kb: KnowledgeBase, matches: list[tuple[int, int, str]],
                     model: list[tuple[int, int, str]] | None = None) -> EntityResult:
    """Run the whole entity step on a tokenised Doc and PhraseMatcher matches.

    ``model``: (start token, end token, "person" | "org") entities of a statistical pipeline,
    used as extra candidates where the knowledge base and the rules have no reading.
    """
    clubs, others, covered = resolve_clubs(doc, kb, matches)
    model = model or []
    extra_clubs = _model_clubs(doc, kb, [(s, e) for s, e, label in model if label == "org"], covered)
    model_people = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e, label in model
                    if label == "person" and not any(i in covered for i in range(s, e))]
    people, person_mentions = recognise_people(doc, kb, covered, clubs, model_people)
    clubs, moved = _club_words_of_people(doc_text(doc), clubs, people)
    person_mentions = sorted([*person_mentions, *moved], key=lambda m: m.start)
    clubs = sorted([*clubs, *extra_clubs], key=lambda m: m.start)
    entities: dict[str, Entity] = dict(people)
    for m in clubs:
        cid = m.key.split(":", 1)[1]
        name = kb.clubs[cid].name if cid in kb.clubs else doc_text(doc)[m.start:m.end]
        ent = entities.setdefault(m.key, Entity(m.key, name, "club"))
        ent.mentions.append(m)
    mentions = sorted([*person_mentions, *clubs], key=lambda m: m.start)
    for start, end, category, name in others:  # journalists are people too ("Fabrizio Romano reports")
        if category == "journalist":
            jkey = f"person:{name_key(name)}"
            journalist = entities.setdefault(jkey, Entity(jkey, name, "person", role="media"))
            journalist.mentions.append(Mention(start, end, jkey, "person", "name"))
    text = doc_text(doc)
    _ages_and_nations(text, kb, entities)
    taken = [(m.start, m.end) for m in person_mentions]
    resolved: list[Mention] = []
    all_mentions = list(mentions)
    para_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n|\n", text)]
    name_starts = {a for a, _ in taken}
    for d in find_descriptors(text, kb, clubs, taken):
        gap_end = d.end + len(text[d.end:d.end + 3]) - len(text[d.end:d.end + 3].lstrip())
        if gap_end in name_starts and gap_end > d.end:
            continue  # "Getafe forward Álex Pedraza Ruiz": a role before a name, not a descriptor
        opened = [p for p in para_starts if p <= d.start]
        since = opened[-2] if len(opened) >= 2 else 0
        key, sure = resolve_descriptor(d, entities, all_mentions, since)
        if key and d.club and not d.staff and not d.incoming:
            entities[key].clubs.append((d.club, d.start, "former" if d.former else "current"))
        if key:
            dm = Mention(d.start, d.end, key, "descriptor", "descriptor")
            resolved.append(dm)
            all_mentions.append(dm)
            all_mentions.sort(key=lambda m: m.start)
            if sure:
                entities[key].mentions.append(dm)
    return EntityResult(entities, mentions, resolved, others, kb.clubs)
