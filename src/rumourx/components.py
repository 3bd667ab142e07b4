"""rumourx's spaCy components, registered as factories named ``rumourx_*``.

Each component matches, then sets its annotations on the Doc (``doc._.rumourx_*``, and
``doc.ents`` for players, people and clubs). They only read what earlier components wrote, so
they work in any English pipeline, a statistical one included.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from .attributes import doc_text, register
from .errors import WARNING_CODES, Warn
from .text import find_header, paragraphs, sentences

register()


def _warn(doc: Doc, code: str, detail: str = "") -> None:
    msg = WARNING_CODES[code] + (f": {detail}" if detail else "")
    doc._.rumourx_warnings = [*(doc._.rumourx_warnings or []), Warn(code, msg)]


def _without_overlaps(spans: list[Any]) -> list[Any]:
    """spaCy's ``filter_spans`` (the longest, then first, of overlapping spans, in order), which
    for spans that do not overlap, as the mentions mostly are, is only a sort by start."""
    ordered = sorted(spans, key=lambda sp: (sp.start, -sp.end))
    if all(a.end <= b.start for a, b in pairwise(ordered)):
        return ordered
    return filter_spans(spans)


def _ensure_segments(doc: Doc) -> None:
    if doc._.rumourx_paragraphs is None:
        paras = paragraphs(doc_text(doc))
        doc._.rumourx_paragraphs = paras
        doc._.rumourx_sentences = sentences(doc_text(doc), paras)


def _published(doc: Doc) -> date | None:
    if doc._.rumourx_published_from is None:
        header = find_header(doc_text(doc))
        if header:
            doc._.rumourx_published = header.published
            doc._.rumourx_published_from = "header"
            doc._.rumourx_header = (header.start, header.end)
        else:
            doc._.rumourx_published_from = "none"
            _warn(doc, "no_date")
    return doc._.rumourx_published


class Entities:
    """Clubs (knowledge base + context), players and other people (name shape + context).

    ``gazetteer``: a JSONL file of the user's clubs, players, people and aliases. Its content is
    saved with the pipeline (``nlp.to_disk``) and read back by ``spacy.load``, so a saved
    pipeline does not need the file any more.
    """

    def __init__(self, nlp: Language, name: str, gazetteer: str | None = None) -> None:
        from pathlib import Path

        from .kb import read_gazetteer

        self.name = name
        self.gazetteer = gazetteer
        self._gazetteer_text: str | None = None
        # a file that is gone may be a saved pipeline's: from_disk brings its copy, else the first
        # article raises the error reading it would have raised
        self._missing: Path | None = None
        if gazetteer:
            path = Path(gazetteer)
            if path.exists():
                self._gazetteer_text = read_gazetteer(path)
            else:
                self._missing = path
        self._build()

    def _build(self) -> None:
        from pathlib import Path

        from .entities import FormMatcher
        from .kb import default_kb, load_gazetteer

        kb = default_kb()
        if self._gazetteer_text is not None:
            import copy

            kb = copy.deepcopy(kb)
            load_gazetteer(kb, Path(self.gazetteer or "gazetteer.jsonl"), self._gazetteer_text)
        self.kb = kb
        labels: dict[str, list[str]] = {}
        for f in kb.club_forms:
            labels.setdefault(f, []).append("club")
        for f in kb.other_forms:
            labels.setdefault(f, []).append("other")
        self.matcher = FormMatcher(labels)
        # headline capitals ("ARSENAL are ready..."): full names and aliases only, matched ignoring case
        strong = {f: ["club"] for f, owners in kb.club_forms.items() if len(f) > 3
                  and any(k in ("name", "alias") for _, k in owners)}
        self.caps_matcher = FormMatcher(strong, ignore_case=True)

    # serialisation (nlp.to_disk / spacy.load, nlp.to_bytes / from_bytes): the gazetteer's content

    def to_disk(self, path: Any, *, exclude: Any = ()) -> None:
        from pathlib import Path

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self._gazetteer_text is not None:
            (path / "gazetteer.jsonl").write_text(self._gazetteer_text, encoding="utf-8")

    def from_disk(self, path: Any, *, exclude: Any = ()) -> Entities:
        from pathlib import Path

        from .kb import read_gazetteer

        saved = Path(path) / "gazetteer.jsonl"
        if saved.exists():
            self._gazetteer_text = read_gazetteer(saved)
            self._missing = None
            self._build()
        return self

    def to_bytes(self, *, exclude: Any = ()) -> bytes:
        import srsly

        return bytes(srsly.msgpack_dumps({"gazetteer": self._gazetteer_text}))

    def from_bytes(self, data: bytes, *, exclude: Any = ()) -> Entities:
        import srsly

        text = srsly.msgpack_loads(data).get("gazetteer")
        if text is not None:
            self._gazetteer_text = text
            self._missing = None
            self._build()
        return self

    def __call__(self, doc: Doc) -> Doc:
        from .entities import extract_entities

        if self._missing is not None:
            from .kb import read_gazetteer

            read_gazetteer(self._missing)  # raises DataFileError, naming the file

        _ensure_segments(doc)
        _published(doc)
        matches = self.matcher(doc)
        for s, e, label in self.caps_matcher(doc, only_upper=True):
            span = doc[s:e]
            if span.text.isupper() and len(span.text) > 3:
                matches.append((s, e, label))
        # a statistical pipeline's PERSON/ORG entities are extra candidates; our knowledge wins
        earlier = list(doc.ents) if doc.has_annotation("ENT_IOB") else []  # (reading ents walks every token)
        model = [(e.start, e.end, "person" if e.label_ in ("PERSON", "PER") else "org")
                 for e in earlier if e.label_ in ("PERSON", "PER", "ORG")]
        result = extract_entities(doc, self.kb, matches, model)
        doc._.rumourx_entities = result
        spans = []
        for m in result.mentions:
            ent = result.entities[m.key]
            label = {"player": "PLAYER", "person": "PERSON", "club": "CLUB"}[ent.kind]
            found = doc.char_span(m.start, m.end, label=label, kb_id=m.key, alignment_mode="expand")
            if found is not None:
                spans.append(found)
        keep = [e for e in earlier if e.label_ not in ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")]
        doc.set_ents(_without_overlaps([*spans, *keep]), default="outside")  # as `doc.ents = ...` does
        return doc


class Fees:
    """Money amounts with currency, kind, qualifier, equivalence groups and add-on links, each
    also converted into ``currency`` at the rates of the article's date (offline ECB rates)."""

    def __init__(self, nlp: Language, name: str, currency: str | None = "EUR") -> None:
        from .errors import OptionError

        self.name = name
        self.currency = currency.upper() if currency else None
        if self.currency:
            from .fx import supported

            if not supported(self.currency):
                raise OptionError(f"unknown currency {currency!r}: expected an ISO 4217 code with ECB or fixed rates "
                                  "(EUR, GBP, USD, CHF, BRL, SAR...)")

    def __call__(self, doc: Doc) -> Doc:
        from .money import find_money, with_changes

        found = find_money(doc_text(doc))
        if self.currency and found:
            from .fx import convert, latest_rate_date

            on = _published(doc) or latest_rate_date()
            found = [m if m.amount is None or m.currency is None
                     else with_changes(m, converted=convert(m.amount, m.currency, self.currency, on)) for m in found]
        doc._.rumourx_fees = found
        spans = [doc.char_span(m.start, m.end, label="FEE", alignment_mode="expand") for m in doc._.rumourx_fees]
        doc.spans["rumourx_fees"] = [s for s in spans if s is not None]
        return doc


class Windows:
    """Transfer-window phrases resolved against the publication date."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from .windows import find_windows, grammar

        _ensure_segments(doc)
        published = _published(doc)
        header = doc._.rumourx_header
        ents = doc._.rumourx_entities
        countries = []
        if ents is not None:
            ids = [m.key.removeprefix("club:") for m in ents.mentions if m.kind == "club"]
            countries = [ents.clubs[i].country for i in ids if i in ents.clubs]
        doc._.rumourx_calendar = grammar().calendar_for(countries)
        found = find_windows(doc_text(doc), published, doc._.rumourx_calendar)
        if header:
            found = [w for w in found if w.start >= header[1]]
        doc._.rumourx_windows = found
        spans = [doc.char_span(w.start, w.end, label="WINDOW", alignment_mode="expand") for w in found]
        doc.spans["rumourx_windows"] = [s for s in spans if s is not None]
        return doc


_VERBS: dict[int, tuple[Any, frozenset[str]]] = {}


def _speech_verbs(c: dict[str, Any]) -> frozenset[str]:
    """The speech verbs of the cues (made a set once per cue data)."""
    got = _VERBS.get(id(c))
    if got is None or got[0] is not c:
        got = _VERBS[id(c)] = (c, frozenset(c["speech_verbs"]))
    return got[1]


class Quotes:
    """Direct quotes and their speakers."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from .attribution import attribute_quotes
        from .kb import cues
        from .quotes import is_speech, repeated_as_speech, scan_quotes

        _ensure_segments(doc)
        text = doc_text(doc)
        scan = scan_quotes(text, doc._.rumourx_paragraphs)
        for pos in scan.unbalanced:
            _warn(doc, "unbalanced_quote", f"at offset {pos}")
        for pos in scan.stray:
            _warn(doc, "stray_quote_mark", f"at offset {pos}")
        verbs = _speech_verbs(cues())
        speech = [is_speech(q, text, verbs) for q in scan.quotes]
        speech = repeated_as_speech(scan.quotes, speech)
        ents = doc._.rumourx_entities
        if ents is None:
            people: list[Any] = []
            clubs: list[Any] = []
            others: list[Any] = []
            entities: dict[str, Any] = {}
        else:
            entities = ents.entities
            people = sorted([m for m in ents.mentions if m.kind != "club"] + ents.descriptors, key=lambda m: m.start)
            clubs = [m for m in ents.mentions if m.kind == "club"]
            others = ents.others
        attrs = attribute_quotes(text, scan.quotes, speech, doc._.rumourx_sentences,
                                 doc._.rumourx_paragraphs, people, clubs, others, entities)
        doc._.rumourx_quotes = [(q, a) for q, a, sp in zip(scan.quotes, attrs, speech, strict=True) if sp]
        spans = [doc.char_span(q.start, q.end, label="QUOTE", alignment_mode="expand") for q, _ in doc._.rumourx_quotes]
        doc.spans["rumourx_quotes"] = [s for s in spans if s is not None]
        return doc


class Transfers:
    """Transfer links: player, from-club, to-club, stage, type, fee, window, evidence."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self._club_maps: dict[int, tuple[Any, dict[str, str], dict[str, str]]] = {}

    def __call__(self, doc: Doc) -> Doc:
        from .transfers import build_links

        _ensure_segments(doc)
        ents = doc._.rumourx_entities
        if ents is None:
            doc._.rumourx_transfers = []
            return doc
        people = sorted([m for m in ents.mentions if m.kind != "club"] + ents.descriptors, key=lambda m: m.start)
        clubs = [m for m in ents.mentions if m.kind == "club"]
        from .kb import default_kb
        from .transfers import club_descriptors

        kb_clubs = ents.clubs
        maps = self._club_maps.get(id(kb_clubs))
        if maps is None or maps[0] is not kb_clubs:  # the knowledge base's clubs: the same for every article
            maps = (kb_clubs, {f"club:{k}": c.country for k, c in kb_clubs.items()},
                    {f"club:{k}": c.league for k, c in kb_clubs.items()})
            self._club_maps = {id(kb_clubs): maps}
        _, countries, leagues = maps
        clubs = sorted(clubs + club_descriptors(doc_text(doc), clubs, countries, default_kb().demonyms, leagues),
                       key=lambda m: m.start)
        quotes = [(q.open_mark, (q.close_mark if q.close_mark is not None else q.end) + 1)
                  for q, _ in (doc._.rumourx_quotes or [])]
        doc._.rumourx_transfers = build_links(
            doc_text(doc), doc._.rumourx_sentences, ents.entities, people, clubs,
            doc._.rumourx_fees or [], doc._.rumourx_windows or [], quotes, ents.others)
        return doc


@Language.factory("rumourx_entities", default_config={"gazetteer": None})
def make_entities(nlp: Language, name: str, gazetteer: str | None) -> Entities:
    return Entities(nlp, name, gazetteer)


@Language.factory("rumourx_fees", default_config={"currency": "EUR"})
def make_fees(nlp: Language, name: str, currency: str | None) -> Fees:
    return Fees(nlp, name, currency)


@Language.factory("rumourx_windows")
def make_windows(nlp: Language, name: str) -> Windows:
    return Windows(nlp, name)


@Language.factory("rumourx_quotes")
def make_quotes(nlp: Language, name: str) -> Quotes:
    return Quotes(nlp, name)


@Language.factory("rumourx_transfers")
def make_transfers(nlp: Language, name: str) -> Transfers:
    return Transfers(nlp, name)


COMPONENTS = ("rumourx_entities", "rumourx_fees", "rumourx_windows", "rumourx_quotes", "rumourx_transfers")
