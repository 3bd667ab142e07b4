"""The custom attributes rumourx sets on spaCy objects, registered once, all prefixed ``rumourx_``."""

from __future__ import annotations

from spacy.tokens import Doc

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


def register() -> None:
    """Register the Doc attributes (idempotent; never overrides someone else's attribute)."""
    for name in DOC_ATTRIBUTES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
