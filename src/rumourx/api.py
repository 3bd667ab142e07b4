"""The library API: :func:`extract` for one text, :class:`Extractor` for many.

>>> from rumourx import Extractor
>>> ex = Extractor()
>>> res = ex.extract("date 2025-01-12\\nReal Madrid have rejected a €40m bid for Nico Paz.")
>>> str(res.published), [(f.amount, f.currency) for f in res.fees]
('2025-01-12', [(40000000, 'EUR')])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .results import ErrorInfo, ErrorRecord, Result
from .text import parse_iso_date

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

#: Articles longer than this (in characters) are refused: 2 million characters is far beyond
#: any news article and keeps memory bounded.
MAX_CHARS = 2_000_000


def build_pipeline(model: str | None = None, gazetteer: str | None = None, currency: str | None = "EUR") -> Language:
    """A spaCy pipeline with the rumourx components: ``spacy.blank("en")`` by default, or an
    installed pipeline (``model``) whose own components run first."""
    import spacy

    from . import components

    if gazetteer:  # a missing or unreadable file: its error now, not at the first article
        from pathlib import Path

        from .kb import read_gazetteer

        read_gazetteer(Path(gazetteer))
    nlp = spacy.load(model) if model else spacy.blank("en")
    config: dict[str, dict[str, Any]] = {"rumourx_entities": {"gazetteer": gazetteer},
                                         "rumourx_fees": {"currency": currency}}
    for name in components.COMPONENTS:
        nlp.add_pipe(name, config=config.get(name, {}))
    return nlp


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return parse_iso_date(value)
    except ValueError as exc:
        raise InputError(f"invalid publication date {value!r}: expected YYYY-MM-DD", "bad_date") from exc


class Extractor:
    """Loads the pipeline once; extracts from any number of texts.

    ``model``: an installed spaCy pipeline to run first (its PERSON/ORG entities are extra
    candidates). ``gazetteer``: a JSONL of your own clubs, players, people and club aliases.
    ``currency``: the base currency every fee is also given in (``None``: no conversion).
    """

    def __init__(self, *, model: str | None = None, gazetteer: str | None = None,
                 currency: str | None = "EUR") -> None:
        self.nlp = build_pipeline(model, gazetteer, currency)
        self.options: dict[str, Any] = {"model": model, "gazetteer": gazetteer, "currency": currency}
        from .tokens import warmer_for

        self._warm = warmer_for(self.nlp)

    def _doc(self, text: str, published: date | str | None) -> Any:
        if not text.strip():
            raise InputError("the article is empty", "empty")
        if len(text) > MAX_CHARS:
            raise InputError(f"the article has {len(text):,} characters; the limit is {MAX_CHARS:,}", "too_large")
        if self._warm is not None:
            self._warm(text)
        doc = self.nlp.make_doc(text)
        doc.user_data["rumourx_text"] = text  # spaCy would rebuild it from the tokens
        when = _as_date(published)
        if when is not None:
            doc._.rumourx_published = when
            doc._.rumourx_published_from = "option"
        return doc

    def extract(self, text: str, *, published: date | str | None = None, source: str = "-") -> Result:
        """Extract everything from one article. Raises :class:`~rumourx.errors.InputError`
        for empty or oversized text or a bad date."""
        from .convert import doc_to_result

        doc = self._doc(text, published)
        for _, proc in self.nlp.pipeline:
            doc = proc(doc)
        return doc_to_result(doc, source)

    def extract_record(self, text: str, *, published: date | str | None = None,
                       source: str = "-") -> Result | ErrorRecord:
        """Like :meth:`extract`, but an input error becomes an :class:`ErrorRecord`."""
        try:
            return self.extract(text, published=published, source=source)
        except InputError as exc:
            return ErrorRecord(source=source, error=ErrorInfo(code=exc.code, message=exc.message))

    def pipe(self, items: Iterable[str | dict[str, Any]], *, n_process: int = 1,
             batch_size: int = 8) -> Iterator[Result | ErrorRecord]:
        """Extract from a stream of texts or ``{"id", "text", "published"}`` records, one
        output record per input, in order (a text's source is its number in the stream).

        ``n_process`` > 1 runs that many processes (forked, they share this pipeline), each
        taking ``batch_size`` inputs at a time; the records are the same as with one. ``-1``
        means one per core. Memory stays flat on a stream of any length."""
        if n_process == -1:
            import os

            n_process = os.cpu_count() or 1
        numbered = enumerate(items)
        if n_process <= 1:
            for n, item in numbered:
                yield self._record(n, item)
            return
        from .batch import chunks, pool_map, start_method

        init = self if start_method() == "fork" else dict(self.options)  # a spawned worker builds its own
        for data in pool_map(_pipe_part, chunks(numbered, batch_size), n_process, _pipe_worker, (init,),
                             lost=_pipe_lost):
            yield (ErrorRecord if "error" in data else Result).model_validate(data)

    def _record(self, n: int, item: str | dict[str, Any]) -> Result | ErrorRecord:
        if isinstance(item, str):
            return self.extract_record(item, source=str(n))
        return self.extract_record(str(item.get("text", "")), published=item.get("published"),
                                   source=str(item.get("id", n)))


_WORKER: Extractor | None = None


def _pipe_worker(init: Extractor | dict[str, Any]) -> None:
    global _WORKER
    _WORKER = init if isinstance(init, Extractor) else Extractor(**init)


def _pipe_lost(numbered: tuple[int, str | dict[str, Any]], reason: str) -> dict[str, Any]:
    from .pool import given_up

    n, item = numbered
    source = str(n) if isinstance(item, str) else str(item.get("id", n))
    return ErrorRecord(source=source, error=ErrorInfo(code="worker_died", message=given_up(source, reason))).to_dict()


def _pipe_part(part: list[tuple[int, str | dict[str, Any]]]) -> list[dict[str, Any]]:
    assert _WORKER is not None
    return [_WORKER._record(n, item).to_dict() for n, item in part]


@lru_cache(maxsize=4)
def _default(model: str | None, gazetteer: str | None, currency: str | None) -> Extractor:
    return Extractor(model=model, gazetteer=gazetteer, currency=currency)


def extract(text: str, *, published: date | str | None = None, source: str = "-",
            model: str | None = None, gazetteer: str | None = None, currency: str | None = "EUR") -> Result:
    """Extract players, clubs, fees, quotes, windows and transfer links from one article.

    The pipeline is built on first use and reused.
    """
    return _default(model, gazetteer, currency).extract(text, published=published, source=source)


def result_from_doc(doc: Any, source: str = "-") -> Result:
    """The :class:`~rumourx.results.Result` of a ``Doc`` that went through rumourx's components in
    any spaCy pipeline (the parts of components that did not run are empty).

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("rumourx_fees", config={"currency": None})
    >>> res = result_from_doc(nlp("Napoli want €45m for the striker."))
    >>> [(f.text, f.amount, f.currency) for f in res.fees]
    [('€45m', 45000000, 'EUR')]
    """
    from .convert import doc_to_result

    return doc_to_result(doc, source)
