"""The custom attributes rumourx sets on spaCy objects, registered once, all prefixed ``rumourx_``:
on the ``Doc`` what each component found, on a ``Span`` (an entity, or one of the span groups
``rumourx_fees``, ``rumourx_windows``, ``rumourx_quotes``) the item it stands for."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

#: Doc attributes and what they hold (set by the rumourx components, read by the converter).
DOC_ATTRIBUTES = {
    "rumourx_published": "publication date (datetime.date) or None",
    "rumourx_published_from": "where the date came from: 'header', 'option' or None",
    "rumourx_header": "(start, end) of the date header, or None",
    "rumourx_paragraphs": "paragraph segments",
    "rumourx_sentences": "sentence segments",
    "rumourx_entities": "EntityResult: players, people, clubs and their mentions",
    "rumourx_fees": "list of money.Money",
    "rumourx_windows": "list of windows.WindowMatch",
    "rumourx_calendar": "the league calendar the windows were resolved with ('europe', 'mls', ...)",
    "rumourx_quotes": "list of (quotes.QuoteSpan, attribution.Attribution) for speech",
    "rumourx_transfers": "list of transfers.Link",
    "rumourx_warnings": "list of errors.Warn",
}


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get("rumourx_text")
    if text is None:
        text = doc.user_data["rumourx_text"] = doc.text
    return str(text)


def _inside(span: Span, items: list[Any] | None, start: Any = lambda x: x.start, end: Any = lambda x: x.end) -> Any:
    """The first item whose character offsets lie inside ``span`` (whose tokens cover it)."""
    for it in items or ():
        if span.start_char <= start(it) and end(it) <= span.end_char:
            return it
    return None


def _span_fee(span: Span) -> Any:
    return _inside(span, span.doc._.rumourx_fees)


def _span_window(span: Span) -> Any:
    return _inside(span, span.doc._.rumourx_windows)


def _span_speaker(span: Span) -> str | None:
    found = _inside(span, span.doc._.rumourx_quotes, lambda qa: qa[0].start, lambda qa: qa[0].end)
    ents = span.doc._.rumourx_entities
    if found is None or found[1].speaker is None or ents is None:
        return None
    return str(ents.entities[found[1].speaker].name)


def _span_entity(span: Span) -> Any:
    ents = span.doc._.rumourx_entities
    return ents.entities.get(span.kb_id_) if ents is not None and span.kb_id_ else None


#: Span attributes (read from the Doc's annotations, for the spans rumourx made).
SPAN_ATTRIBUTES = {
    "rumourx_fee": (_span_fee, "a FEE span's money.Money (amount, currency, kind, conversion...)"),
    "rumourx_window": (_span_window, "a WINDOW span's windows.WindowMatch (window, year, tense)"),
    "rumourx_speaker": (_span_speaker, "a QUOTE span's speaker, by name, or None"),
    "rumourx_entity": (_span_entity, "a PLAYER, PERSON or CLUB entity's entities.Entity (name, role, mentions)"),
}


def register() -> None:
    """Register the Doc and Span attributes (idempotent; never overrides someone else's attribute)."""
    for name in DOC_ATTRIBUTES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name, (getter, _) in SPAN_ATTRIBUTES.items():
        if not Span.has_extension(name):
            Span.set_extension(name, getter=getter)
