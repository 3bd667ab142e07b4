"""The one converter from an annotated spaCy Doc to a :class:`~rumourx.results.Result`."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from . import results as r
from .attributes import doc_text

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


def _amount(d: Decimal | None) -> int | float | None:
    if d is None:
        return None
    return int(d) if d == d.to_integral_value() else float(d)


def _fee_players(doc: Doc, money: list[Any], entities: dict[str, Any]) -> dict[int, str]:
    """The player each amount is about, when clear: the one transfer link that cites it, else the
    one player named in its sentence (an equivalent or a range bound takes its head's player)."""
    by_fee: dict[int, set[str]] = {}
    for lk in doc._.rumourx_transfers or []:
        for i in lk.fees:
            by_fee.setdefault(i, set()).add(entities[lk.player].name)
    sentences = doc._.rumourx_sentences or []
    sent_starts = [s.start for s in sentences]
    named = sorted((m.start, e.name) for e in entities.values() if e.kind == "player" for m in e.mentions)
    starts = [start for start, _ in named]
    out: dict[int, str] = {}
    for i, m in enumerate(money):
        who = by_fee.get(i)
        if not who:
            k = bisect_right(sent_starts, m.start) - 1  # the sentence the amount stands in, if any
            sent = sentences[k] if k >= 0 and m.start < sentences[k].end else None
            if sent is not None:
                who = {name for _, name in named[bisect_left(starts, sent.start):bisect_left(starts, sent.end)]}
        if who and len(who) == 1:
            out[i] = next(iter(who))
    for i, m in enumerate(money):  # equivalents and bounds share one player
        head = m.range_with if m.range_with is not None and m.range_with < i else m.group
        if i not in out and head in out and head != i:
            out[i] = out[head]
    return out


def doc_to_result(doc: Doc, source: str) -> r.Result:
    """Build the result object from the rumourx annotations on ``doc``: as plain data, validated
    into the result models in one call (a model built per item costs three times as much)."""
    text = doc_text(doc)
    ents = doc._.rumourx_entities
    entities = ents.entities if ents else {}

    def mentions(key: str) -> list[dict[str, Any]]:
        e = entities[key]
        return [{"text": text[m.start:m.end], "start": m.start, "end": m.end, "form": m.form} for m in
                sorted(e.mentions, key=lambda m: m.start)]

    kb_clubs = ents.clubs if ents else {}
    players: list[dict[str, Any]] = []
    people: list[dict[str, Any]] = []
    clubs: list[dict[str, Any]] = []
    for key, e in entities.items():
        if not e.mentions:
            continue
        if e.kind == "player":
            cc = e.current_club
            players.append({"name": e.name, "club": kb_clubs[cc].name if cc in kb_clubs else None,
                            "mentions": mentions(key)})
        elif e.kind == "person":
            people.append({"name": e.name, "role": e.role or "unknown", "mentions": mentions(key)})
        else:
            cid = key.split(":", 1)[1]
            club = kb_clubs.get(cid)
            clubs.append({"name": e.name, "id": cid, "country": club.country if club else None,
                          "mentions": mentions(key)})
    for lst in (players, people, clubs):
        lst.sort(key=lambda x: x["mentions"][0]["start"])

    from .transfers import STATUS_OF_STAGE

    links = doc._.rumourx_transfers or []
    money = doc._.rumourx_fees or []
    fee_player = _fee_players(doc, money, entities)
    fees: list[dict[str, Any]] = []
    for i, m in enumerate(money):
        who = fee_player.get(i)
        same_as = m.same_as
        if same_as is not None and who and fee_player.get(same_as) not in (None, who):
            same_as = None  # the same figure for another player is another fee
        fees.append({
            "id": i, "text": m.text, "start": m.start, "end": m.end, "amount": _amount(m.amount),
            "currency": m.currency, "kind": m.kind, "qualifier": m.qualifier, "qualifier_text": m.qualifier_text,
            "period": m.period, "group": m.group, "range_with": m.range_with, "addon_to": m.addon_to,
            "same_as": same_as, "detail": m.detail, "player": who,
            "converted": None if m.converted is None else {
                "amount": _amount(m.converted.amount) or 0, "currency": m.converted.currency,
                "rate": float(m.converted.rate), "rate_date": m.converted.rate_date, "method": m.converted.method}})
    quotes: list[dict[str, Any]] = []
    for q, a in doc._.rumourx_quotes or []:
        quotes.append({
            "text": q.text, "start": q.start, "end": q.end,
            "speaker": entities[a.speaker].name if a.speaker in entities else None,
            "cue": a.cue, "medium": a.medium,
            "source": entities[a.source].name if a.source in entities else None,
            "group": q.group, "part": q.part})
    calendar = doc._.rumourx_calendar or "europe"
    windows = [{"text": w.text, "start": w.start, "end": w.end, "window": w.window, "year": w.year,
                "tense": w.tense, "opens": w.opens, "closes": w.closes, "calendar": calendar}
               for w in doc._.rumourx_windows or []]
    transfers: list[dict[str, Any]] = []
    for lk in links:
        stage = lk.stage
        transfers.append({
            "player": entities[lk.player].name,
            "from_club": entities[lk.from_club].name if lk.from_club in entities else None,
            "to_club": entities[lk.to_club].name,
            "status": STATUS_OF_STAGE[stage], "stage": stage, "type": lk.type, "fees": lk.fees,
            "windows": lk.windows, "year": lk.year, "source": lk.sources[0] if lk.sources else None,
            "confidence": lk.confidence_at(stage), "evidence": [{"start": s, "end": e} for s, e in lk.evidence]})
    warnings = [{"code": w.code, "message": w.message} for w in doc._.rumourx_warnings or []]
    return r.Result.model_validate({
        "source": source, "published": doc._.rumourx_published, "players": players, "people": people,
        "clubs": clubs, "fees": fees, "quotes": quotes, "windows": windows, "transfers": transfers,
        "warnings": warnings})
