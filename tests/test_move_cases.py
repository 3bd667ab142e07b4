"""Move templates (models/moves.json): one sentence, one move, with from-club and status."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]


def _fixture_sentences(*extra: str, lower: bool = False) -> list[str]:
    """Every sentence of the fixture articles (and of ``extra`` texts), lower-cased if asked."""
    from rumourx.text import sentences

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))] + list(extra)
    texts = [t.lower() for t in texts] if lower else texts
    return [t[seg.start:seg.end] for t in texts for seg in sentences(t)]

PUBLISHED = "2025-09-23"

# id -> (text, [(player, to_club, from_club, status)]) for the links of the named player
CASES = {
    "club-signed-player-from": (
        "Washington Spirit have signed Denmark midfielder Ida Søndergård from Barcelona for $1.9 million.",
        "Ida Søndergård", [("Washington Spirit", "Barcelona", "completed")]),
    "confirming-the-arrival-of": (
        "Leipzig moved quickly, confirming the arrival of Spanish defender Mateo Ruiz from Villarreal.",
        "Mateo Ruiz", [("RB Leipzig", "Villarreal", "completed")]),
    "club-paid-club-for-player": (
        "Chelsea paid San Diego Wave $1.1m for Naomi Girma in January 2025.",
        "Naomi Girma", [("Chelsea", "San Diego Wave", "completed")]),
    "spent-to-prise-away": (
        "Arsenal spent £1m to prise Olivia Smith away from Liverpool last summer.",
        "Olivia Smith", [("Arsenal", "Liverpool", "completed")]),
    "player-joined-from": (
        "Laia Ferrer Quintana joined Manchester City from Levante two years ago.",
        "Laia Ferrer Quintana", [("Manchester City", "Levante", "completed")]),
    "club-sold-player-to-club": (
        "Porto sold midfielder Otávio Monteiro to Al Nassr for €60m earlier this summer.",
        "Otávio Monteiro", [("Al-Nassr", "Porto", "completed")]),
    "leave-for-with-year": (
        "They watched Enzo Fernández leave River Plate for Benfica in 2022.",
        "Enzo Fernández", [("Benfica", "River Plate", "completed")]),
    "move-from-to": (
        "It was Alexander Isak's British-record move from Newcastle United to Liverpool that provided the final act.",
        "Alexander Isak", [("Liverpool", "Newcastle United", "completed")]),
    "banked-from-for": (
        "Benfica have banked an initial €65m from Paris Saint-Germain for striker Goncalo Ramos.",
        "Goncalo Ramos", [("Paris Saint-Germain", "Benfica", "completed")]),
    "arrived-from-to-his-club": (
        "Bayern Munich are weighing up a move for Bayer Leverkusen centre-back Jorrit de Kruijf, who has "
        "flourished since joining from Feyenoord in August 2024.",
        "Jorrit de Kruijf", [("Bayern Munich", "Bayer Leverkusen", "rumour"),
                             ("Bayer Leverkusen", "Feyenoord", "completed")]),
    "agreed-to-join": (
        "River Plate forward Claudio Echeverri has agreed to join Manchester City in January.",
        "Claudio Echeverri", [("Manchester City", "River Plate", "agreed")]),
    "club-agreed-fee-with-club": (
        "Al Ittihad have reached an agreement with Bologna for Croatia international Dario Ivančić.",
        "Dario Ivančić", [("Al-Ittihad", "Bologna", "agreed")]),
    "traded-to": (
        "Seattle Sounders last week traded Uruguayan forward Matías Irigoyen Sosa to Real Salt Lake.",
        "Matías Irigoyen Sosa", [("Real Salt Lake", "Seattle Sounders", "completed")]),
    "signing-after-a-list": (
        "Lukas Brandt becomes Manchester United's fourth senior signing of the window after goalkeeper Andre Onana, "
        "midfielder Mason Mount and striker Rasmus Hojlund.",
        "Mason Mount", [("Manchester United", None, "completed")]),
    "after-selling-to": (
        "Real Sociedad have had to rebuild after selling Robin Le Normand to Atletico Madrid last summer.",
        "Robin Le Normand", [("Atletico Madrid", "Real Sociedad", "completed")]),
    "paragraph-subject-is-the-buyer": (
        "Crystal Palace are already preparing for life without him. Sporting CP's Tiago Barros Moreira has been "
        "watched as a possible replacement.",
        "Tiago Barros Moreira", [("Crystal Palace", "Sporting CP", "rumour")]),
    "possessive-before-the-player": (
        "AC Milan have made Bologna's Joshua Zirkzee their priority in attack.",
        "Joshua Zirkzee", [("AC Milan", "Bologna", "rumour")]),
    "bid-seen-rejected-then-renewed": (
        "Chicago Fire midfielder Caleb Okafor saw a $7 million bid from Celtic rejected last week, and the Hoops "
        "are expected to return with an improved offer.",
        "Caleb Okafor", [("Celtic", "Chicago Fire", "rumour")]),
    "whose-move-is-edging-closer": (
        "Bayer Leverkusen see him as the heir to Florian Wirtz, whose move to Liverpool is edging closer.",
        "Florian Wirtz", [("Liverpool", "Bayer Leverkusen", "rumour")]),
    "turned-down-an-offer-from": (
        "Boca Juniors have turned down an offer of US$12m from Porto for 18-year-old centre-back Joaquín Benavídez.",
        "Joaquín Benavídez", [("Porto", "Boca Juniors", "rejected")]),
    "asked-about": (
        "Newcastle United have asked about Chelsea full-back Lewis Hargreaves-Boyd.",
        "Lewis Hargreaves-Boyd", [("Newcastle United", "Chelsea", "rumour")]),
    "accepted-a-proposal-from": (
        "São Paulo have accepted a proposal from Bayer Leverkusen for attacking midfielder Davi Nogueira.",
        "Davi Nogueira", [("Bayer Leverkusen", "Sao Paulo", "agreed")]),
    "chose-over-offers-from": (
        "Paris Saint-Germain midfielder Theo Lemarchand chose Borussia Dortmund over offers from Hertha Berlin and Lyon.",
        "Theo Lemarchand", [("Hertha Berlin", "Paris Saint-Germain", "rejected"),
                            ("Lyon", "Paris Saint-Germain", "rejected")]),
    "appositive-then-arrived-from": (
        "Sevilla have had a quiet summer. The only addition, the Uruguayan full-back Matías Olivera Sosa, "
        "arrived from Peñarol for €4m.",
        "Matías Olivera Sosa", [("Sevilla", "Penarol", "completed")]),
    "arrived-from-after-a-seller-sentence": (
        "Lyon sold Rayan Cherki to Manchester City. Ernest Nuamah, who arrived in January from Sturm Graz, has impressed.",
        "Ernest Nuamah", [("Lyon", "Sturm Graz", "completed")]),
    "round-up-heading-names-the-club": (
        "The Saudi clubs have spent heavily.\n\nAL ETTIFAQ\n\nThey already have a solid core: Dutch midfielder "
        "Georginio Wijnaldum arrived from Paris Saint-Germain two summers ago.",
        "Georginio Wijnaldum", [("Al-Ettifaq", "Paris Saint-Germain", "completed")]),
    "asked-to-be-kept-informed": (
        "Napoli have opened talks with Sporting CP over Ousmane Diomande. Inter Milan and Juventus have both asked "
        "to be kept informed.",
        "Ousmane Diomande", [("Napoli", "Sporting CP", "rumour"), ("Inter Milan", "Sporting CP", "rumour"),
                             ("Juventus", "Sporting CP", "rumour")]),
    "press-question-is-no-interest": (
        "Palmeiras have rejected an offer from Porto for Vitor Reis. Palmeiras coach Abel Ferreira smiled when "
        "asked about Reis.",
        "Vitor Reis", [("Porto", "Palmeiras", "rejected")]),
    "players-heading-to-in-a-swap": (
        "Roma have agreed a swap with Fulham that takes Rodrigo Muniz to Rome, with Tommaso Baldanzi and "
        "Niccolò Pisilli heading to Craven Cottage in the other direction.",
        "Niccolò Pisilli", [("Fulham", "Roma", "agreed")]),
    "appositive-bought-from": (
        "The first arrival was Yan Diomandé, a quick 19-year-old winger bought from Leganés for €9m.",
        "Yan Diomandé", []),
    "appositive-bought-from-in-a-club-story": (
        "RB Leipzig acted early. The first arrival was Yan Diomandé, a quick 19-year-old winger bought from "
        "Leganés for €9m.",
        "Yan Diomandé", [("RB Leipzig", "Leganes", "completed")]),
    "completed-his-move-from": (
        "Nice have been busy. Jonathan Clauss completed his move from Marseille earlier this month.",
        "Jonathan Clauss", [("Nice", "Marseille", "completed")]),
    "a-fixture-is-no-move": (
        "Kenji Watanabe has signed for Brentford and is expected to be available for the trip to Everton on Sunday.",
        "Kenji Watanabe", [("Brentford", None, "completed")]),
    "club-talks-with-the-seller": (
        "Tottenham have opened talks with Lille over defender Bafodé Diakité.",
        "Bafodé Diakité", [("Tottenham Hotspur", "Lille", "rumour")]),
    "player-talks-with-the-buyer": (
        "Andrea Belotti is in talks with Como over a one-year deal.",
        "Andrea Belotti", [("Como", None, "rumour")]),
    "another-player-s-club-move": (
        "Deadline day: Thomas Partey's Arsenal move done, Jadon Sancho deal agreed and Wout Weghorst's Burnley "
        "return confirmed.",
        "Jadon Sancho", []),
    "bare-united-means-manchester-united": (
        "Newcastle United and Manchester United have both asked about Everton midfielder Amadou Onana. With Everton "
        "holding out for £60m, United have drawn up a shortlist of cheaper options. Fulham midfielder João Palhinha "
        "is at the top of their list.",
        "João Palhinha", [("Manchester United", "Fulham", "rumour")]),
    "selling-the-demonym-to": (
        "Paris Saint-Germain kept a sell-on clause in Xavi Simons' contract after selling the Dutchman to "
        "RB Leipzig in 2024.",
        "Xavi Simons", [("RB Leipzig", "Paris Saint-Germain", "completed")]),
    "round-up-datelines-end-an-item": (
        "NICE — Nice have agreed a fee with Lorient for forward Bamba Dieng.\n\nLYON — Lyon are chasing a "
        "goalkeeper and have opened talks with Brest.",
        "Bamba Dieng", [("Nice", "Lorient", "agreed")]),
    "a-dateline-city-is-no-club": (
        "ROMA — Lazio are interested in midfielder Nicolò Rovella.",
        "Nicolò Rovella", [("Lazio", None, "rumour")]),
    "live-move-starts-where-the-last-one-ended": (
        "Fenerbahce are preparing an offer for Everton's Dwight McNeil to test the Toffees' resolve. "
        "McNeil joined from Burnley for £20m in 2022.",
        "Dwight McNeil", [("Fenerbahce", "Everton", "rumour"), ("Everton", "Burnley", "completed")]),
    "staff-of-the-selling-club-speaks": (
        "Lazio president Claudio Lotito has denied that captain Mattia Zaccagni is for sale, after reports claimed "
        "Newcastle United and Paris Saint-Germain were each preparing bids.",
        "Mattia Zaccagni", [("Newcastle United", "Lazio", "rumour"), ("Paris Saint-Germain", "Lazio", "rumour")]),
    "landed-in-the-city-from": (
        "Real Sociedad will sell Nemanja Radić. Radić, who landed in San Sebastián from Partizan in 2021, is 30.",
        "Nemanja Radić", [("Real Sociedad", "Partizan Belgrade", "completed")]),
    "a-letter-lowered-to-two": (  # "İ" lower-cases to two characters: the templates then ignore case instead
        "GALATASARAY HAVE SIGNED striker Victor Osimhen from Napoli, İstanbul's papers say.",
        "Victor Osimhen", [("Galatasaray", "Napoli", "completed")]),
}


@pytest.mark.parametrize("text,player,expected", list(CASES.values()), ids=list(CASES))
def test_move(extractor, text: str, player: str, expected: list[tuple[str, str | None, str]]) -> None:  # type: ignore[no-untyped-def]
    res = extractor.extract(text, published=PUBLISHED)
    got = sorted(((t.to_club, t.from_club, t.status) for t in res.transfers if t.player == player), key=str)
    assert got == sorted(expected, key=str)


@pytest.mark.parametrize("template,field", [
    ({"id": "x", "status": "maybe", "anchor": ["join"], "pattern": "{P} joined {TO}"}, "templates[0].status"),
    ({"id": "x", "status": "completed", "anchor": ["join"], "pattern": "joined"}, "templates[0].pattern"),
    ({"id": "x", "status": "completed", "anchor": ["join"], "pattern": "{P} (joined {TO}"}, "templates[0]"),
    ({"id": "x", "pattern": "{P} joined {TO}"}, "templates[0].status"),
    ({"id": "x", "status": "completed", "anchor": ["join"], "pattern": "{P} Joined {TO}"}, "templates[0].pattern"),
    ({"id": "x", "status": "completed", "anchor": ["jöin"], "pattern": "{P} jöined {TO}"}, "templates[0].anchor"),
], ids=["unknown-status", "no-player-or-club", "bad-regex", "missing-status", "capital-letters", "anchor-not-a-z"])
def test_broken_templates_name_the_field(monkeypatch: pytest.MonkeyPatch, template: dict, field: str) -> None:
    import re

    from rumourx import transfers
    from rumourx.errors import DataFileError

    monkeypatch.setattr(transfers, "read_json", lambda name: {"templates": [template]})
    transfers.templates.cache_clear()
    try:
        with pytest.raises(DataFileError, match=re.escape(field)):
            transfers.templates()
    finally:
        transfers.templates.cache_clear()


def test_anchors_lose_no_move(extractor, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Templates are tried only on sentences holding one of their anchor words: on every fixture
    that must give the same links as trying every template everywhere."""
    from pathlib import Path

    from rumourx import transfers

    texts = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[1] / "fixtures").glob("*.txt"))]

    def links() -> list[list[tuple[str, str, str | None, str]]]:
        return [[(t.player, t.to_club, t.from_club, t.status) for t in extractor.extract(x).transfers] for x in texts]

    anchored = links()
    monkeypatch.setattr(transfers, "_wanted", lambda masked: set(range(len(transfers.templates()))))
    assert links() == anchored


@pytest.mark.parametrize("text,expected", [
    ("Porto want €50m. The Portuguese club will not consider less.", ["club:porto"]),
    ("Real Madrid are watching. Carlo Ancelotti's club have him on their list.", ["club:real-madrid"]),
    ("Porto and Juventus talked. The Italian side made an offer.", ["club:juventus"]),
    ("Porto want €50m. The club will not budge.", []),
    ("Porto want €50m. The Champions League side will not budge.", []),
], ids=["nationality", "manager-s-club", "nationality-picks-among-two", "bare-the-club", "unknown-attribute"])
def test_club_descriptors(text: str, expected: list[str]) -> None:
    from rumourx.entities import Mention
    from rumourx.transfers import club_descriptors

    clubs = []
    for key, name in (("club:porto", "Porto"), ("club:juventus", "Juventus"), ("club:real-madrid", "Real Madrid")):
        at = text.find(name)
        if at >= 0:
            clubs.append(Mention(at, at + len(name), key, "club", "name"))
    countries = {"club:porto": "Portugal", "club:juventus": "Italy", "club:real-madrid": "Spain"}
    demonyms = {"portuguese": "Portugal", "italian": "Italy", "spanish": "Spain"}
    found = club_descriptors(text, clubs, countries, demonyms, {"club:porto": "Primeira Liga"})
    assert [m.key for m in found] == expected


@pytest.mark.parametrize("text,expected", [
    ("Porto won't sell him for less than the clause.", ["rejected", "interest"]),  # and "sell" alone
    ("Porto won’t sell him.", ["interest"]),  # "won't sell" is written with a straight apostrophe
    ("Arsenal are keen on him, and talks have opened.", ["interest", "talks"]),
    ("They rejected a bid after Chelsea's interest cooled.", ["interest", "stalled", "rejected", "bid"]),
], ids=["apostrophe-cue", "curly-apostrophe-is-another-gap", "two-stages-in-order", "after-clause-goes-first"])
def test_stage_cues_are_found_word_by_word(text: str, expected: list[str]) -> None:
    from rumourx.transfers import _stages_in

    assert _stages_in(text) == expected


def test_a_cue_with_other_punctuation_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from rumourx import transfers
    from rumourx.errors import DataFileError

    monkeypatch.setattr(transfers, "cues", lambda: {"transfer_stages": {"bid": ["bid (firm)"]}})
    transfers._stage_phrases.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"transfer_stages\.bid"):
            transfers._stage_phrases()
    finally:
        transfers._stage_phrases.cache_clear()


def _cues_word_by_word(s: str) -> dict[str, int]:
    """The plain reading of the stage cues, to check the indexed scan against: every word, every cue."""
    import re
    from itertools import pairwise

    from rumourx.kb import cues

    phrases = []
    for stage, cue_list in cues()["transfer_stages"].items():
        for ph in set(cue_list):
            ws = [m.group() for m in re.finditer(r"[\w-]+", ph.lower())]
            gaps = [g for g in re.split(r"[\w-]+", ph.lower())[1:-1]]
            phrases.append((ws, gaps, stage))
    phrases.sort(key=lambda x: -len(x[0]))
    by_first: dict[str, list[tuple[list[str], list[str], str]]] = {}
    for ph in phrases:
        by_first.setdefault(ph[0][0], []).append(ph)
    words = [(m.start(), m.end(), m.group().lower()) for m in re.finditer(r"[\w-]+", s)]
    last: dict[str, int] = {}
    free: dict[str, int] = {}
    for i, (a, _, w) in enumerate(words):
        for ws, gaps, stage in by_first.get(w, []):
            n = len(ws)
            if free.get(stage, 0) > a or i + n > len(words):
                continue
            if all(words[i + j][2] == ws[j] for j in range(n)) and all(
                    s[words[i + j][1]:words[i + j + 1][0]] == gaps[j] for j, _ in enumerate(pairwise(range(n)))):
                last[stage] = a
                free[stage] = words[i + n - 1][1]
    return last


def test_the_indexed_cue_scan_reads_every_fixture_sentence_as_the_plain_one() -> None:
    from rumourx.transfers import _last_cues

    checked = 0
    for s in _fixture_sentences("İBID İS a BID. Porto won't sell, AND WON'T SELL İ sell"):  # a letter lowered to two
        _last_cues.cache_clear()
        assert _last_cues(s) == _cues_word_by_word(s), s
        checked += 1
    assert checked > 1000


def test_templates_are_tried_on_every_sentence_with_an_anchor_word() -> None:
    """The anchor index finds the templates a plain scan finds: every anchor that begins a run
    of letters a-z (so "re-signing" brings the templates of "sign" and "signing")."""
    import re

    from rumourx.transfers import _wanted, templates

    def plain(s: str) -> set[int]:
        low = s.lower()
        return {i for i, t in enumerate(templates()) for a in t.anchor if re.search(rf"(?<![a-z]){a}", low)}

    checked = 0
    for s in _fixture_sentences("He RE-SIGNED; a re-signing, a signing-on fee, moves. Sign! İsign ésigned x2signs"):
        assert _wanted(s) == plain(s), s
        checked += 1
    assert checked > 1000


@pytest.mark.parametrize("sentence", [
    "Galatasaray have signed striker Victor Osimhen from Napoli.",
    "Galatasaray HAVE SIGNED STRIKER Victor Osimhen FROM Napoli.",
    "Galatasaray have signed İstanbul's favourite Victor Osimhen from Napoli.",  # "İ" lowers to two characters
], ids=["as-written", "capitals", "a-letter-lowered-to-two"])
def test_templates_read_any_case(sentence: str) -> None:
    from rumourx.entities import Entity, Mention
    from rumourx.transfers import _events

    def at(name: str, key: str, kind: str) -> Mention:
        start = sentence.index(name)
        return Mention(start, start + len(name), key, kind, "name")

    player = at("Victor Osimhen", "person:osimhen", "player")
    clubs = [at("Galatasaray", "club:galatasaray", "club"), at("Napoli", "club:napoli", "club")]
    entities = {"person:osimhen": Entity("person:osimhen", "Victor Osimhen", "player")}
    got = {(e.player, e.to, e.from_, e.status) for e in _events(sentence, 0, [player], clubs, entities, None)}
    assert got == {("person:osimhen", "club:galatasaray", "club:napoli", "completed")}


def test_phrase_lists_asked_by_first_word_find_what_their_patterns_find() -> None:
    """Move types and no-move phrases are searched only when one of their first words is among
    the sentence's words: the same as searching every sentence."""
    from rumourx.transfers import _may_hold, _rx, _types_in, _words_of

    rx = _rx()
    seen = 0
    for s in _fixture_sentences("He JOINED ON LOAN, a season-long loan; İstanbul: a Free transfer. He penned a new deal."):
        _types_in.cache_clear()
        assert _types_in(s) == tuple(k for k, _, p in rx.types if p.search(s)), s
        asked = _may_hold(rx.not_transfer_firsts, _words_of(s))
        assert asked or not rx.not_transfer.search(s), s
        seen += bool(_types_in(s))
    assert seen > 50


def _plain_role_patterns() -> list[tuple[str, str, str]]:
    """The buyer and seller patterns with their word lists as one plain alternation each."""
    from rumourx.transfers import _BUYER_AUX, _BUYER_WORDS, _SELLER_AUX, _SELLER_WORDS, _rx

    buyer = (rf"^[’']?s?\s*(?:[\w-]+\s+){{0,4}}?(?:{'|'.join(_BUYER_AUX)})?\s*"
             rf"(?:\w+\s+){{0,3}}?(?:{'|'.join(_BUYER_WORDS)})\b")
    seller = (rf"^[’']?s?\s*(?:\w+\s+){{0,3}}?(?:{'|'.join(_SELLER_AUX)})?\s*(?:\w+\s+){{0,2}}?"
              rf"(?:{'|'.join(_SELLER_WORDS)})\b")
    return [("buyer", buyer, _rx().buyer_after.pattern), ("seller", seller, _rx().seller_after.pattern)]


def test_role_words_grouped_by_first_letter_match_as_a_plain_alternation() -> None:
    """The buyer and seller words after a club are compiled grouped by their first letter: on
    every clause after a club in the fixtures, the same match as one plain alternation."""
    found = _fixture_sentences("s will not consider offers. 's want £50m; are set to bid, not accept anything less",
                               lower=True)
    for _, plain, grouped in _plain_role_patterns():
        a, b = re.compile(plain), re.compile(grouped)
        assert a.pattern != b.pattern
        checked = 0
        for s in found:
            for m in re.finditer(r"\s", s):  # each place a club might end
                after = s[m.start():]
                x, y = a.match(after), b.match(after)
                assert (x and x.span()) == (y and y.span()), after
                checked += 1
        assert checked > 10_000


@given(st.text(alphabet="aehilnorstwkdbp '’s£5", max_size=40))
def test_role_words_grouped_any_text(text: str) -> None:
    import re

    for _, plain, grouped in _plain_role_patterns():
        x, y = re.match(plain, text), re.match(grouped, text)
        assert (x and x.span()) == (y and y.span())


def _reduced_fixture_sentences() -> list[str]:
    """The fixtures' sentences as the templates read them (mentions replaced by tokens), lower-cased."""
    import rumourx.transfers as tr
    from rumourx import Extractor

    seen: list[str] = []
    real = tr._reduce

    def record(*args, **kwargs):  # type: ignore[no-untyped-def]
        out = real(*args, **kwargs)
        seen.append(out[0].lower())
        return out

    tr._reduce = record
    try:
        ex = Extractor()
        for path in sorted((ROOT / "fixtures").glob("*.txt")):
            ex.extract(path.read_text(encoding="utf-8"))
    finally:
        tr._reduce = real
    return seen


def test_templates_tried_at_their_leads_find_what_finditer_finds() -> None:
    """A template that starts with a mention is tried only where "⟦" (or "the") stands: the same
    matches as trying every position, on every fixture sentence a template reads."""
    from rumourx.transfers import _find_all, _matches_from, templates

    sentences = _reduced_fixture_sentences()
    assert len(sentences) > 300
    led = [t for t in templates() if t.leads]
    assert len(led) > len(templates()) // 2
    for t in led:
        for s in sentences:
            starts = sorted(k for lead in t.leads for k in _find_all(s, lead))
            assert [m.span() for m in _matches_from(t.rx, s, starts)] == [m.span() for m in t.rx.finditer(s)], (t.id, s)


@given(st.lists(st.sampled_from(["⟦p0⟧", "⟦c1⟧", "⟦h2⟧", "⟦c3⟧", " ", "the ", "has ", "signed ", "from ", "to ",
                                  "joined ", "move ", "'s ", ", ", "bid ", "for ", "x", "⟦", "the"]), max_size=30))
def test_templates_tried_at_their_leads_any_text(words: list[str]) -> None:
    from rumourx.transfers import _find_all, _matches_from, templates

    text = "".join(words)
    for t in templates():
        if t.leads:
            starts = sorted(k for lead in t.leads for k in _find_all(text, lead))
            assert [m.span() for m in _matches_from(t.rx, text, starts)] == [m.span() for m in t.rx.finditer(text)]


_PLAIN_CLUB_DESCRIPTOR = (
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:(?P<attr>[A-Z][\w-]+(?:\s+[A-Z0-9][\w-]*)?)\s+)?"
    r"(?:club|side|outfit|giants|team)\b(?!['’]s\s+(?:manager|boss|coach|president|director))"
    r"|\b(?P<person>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)['’]s\s+(?:club|side|team|men|women)\b")


def _club_descriptor_finds(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str | None, bool]]:
    return [(m.span(), m.group("attr"), bool(m.group("person"))) for m in rx.finditer(text)]


def test_club_descriptor_pattern_read_letter_first_finds_what_the_plain_one_finds() -> None:
    from rumourx.transfers import _CLUB_DESCRIPTOR

    plain = re.compile(_PLAIN_CLUB_DESCRIPTOR)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))]
    texts.append("This side; That Italian outfit. Mourinho's men, theThe club, Eto'o's team. The Xs's club T")
    assert sum(len(_club_descriptor_finds(plain, t)) for t in texts) > 150
    for text in texts:
        assert _club_descriptor_finds(_CLUB_DESCRIPTOR, text) == _club_descriptor_finds(plain, text)


@given(st.lists(st.sampled_from(["the ", "The ", "this ", "That ", "club", "side", " ", "'s ", "’s ", "Ajax",
                                 "X", "men", "t", "T", "team", "-", "2", "'s manager"]), max_size=20))
def test_club_descriptor_pattern_any_text(words: list[str]) -> None:
    from rumourx.transfers import _CLUB_DESCRIPTOR

    text = "".join(words)
    assert _club_descriptor_finds(_CLUB_DESCRIPTOR, text) == _club_descriptor_finds(re.compile(_PLAIN_CLUB_DESCRIPTOR), text)


def test_reduced_sentence_maps_each_character_back_to_the_sentence() -> None:
    """Each character of a reduced sentence maps to its offset in the sentence: text as it
    stands, a token's characters to its mention's start and its last one to the mention's end."""
    from rumourx.entities import Mention
    from rumourx.transfers import _reduce

    masked = "He said Arsenal want Bukayo Saka, and she agreed with Chelsea."
    at = {w: masked.index(w) for w in ("Arsenal", "Bukayo Saka", "Chelsea")}
    mentions = [Mention(100 + at["Arsenal"], 100 + at["Arsenal"] + 7, "club:arsenal", "club", "name"),
                Mention(100 + at["Bukayo Saka"], 100 + at["Bukayo Saka"] + 11, "person:saka", "player", "name"),
                Mention(100 + at["Chelsea"], 100 + at["Chelsea"] + 7, "club:chelsea", "club", "name")]
    reduced, table, where = _reduce(masked, 100, mentions)
    assert reduced == "⟦h0⟧ said ⟦c1⟧ want ⟦p2⟧, and ⟦h3⟧ agreed with ⟦c4⟧."
    expected: list[int] = []
    last = 0
    for token, (a, b) in zip(["⟦h0⟧", "⟦c1⟧", "⟦p2⟧", "⟦h3⟧", "⟦c4⟧"],
                             [(0, 2), (8, 15), (21, 32), (38, 41), (54, 61)], strict=True):
        assert masked[a:b] in ("He", "she", "Arsenal", "Bukayo Saka", "Chelsea") and token in table
        expected += [*range(last, a), *([a] * (len(token) - 1)), b - 1]
        last = b
    expected += list(range(last, len(masked)))
    assert [where[i] for i in range(len(reduced))] == expected


# the cue patterns as first written (one plain alternation, a leading \b): the compiled ones group
# their words by first letter and check the word boundary behind it, and must find the same
_PLAIN_CUES = {
    "seller_before": r"(?:\bpaid|\bspent\s+\w+\s+on\s+\w+\s+from|\bfrom|\bleave|\bleaving|\bleft|\bexit|\bquit|"
                     r"\bdepart(?:ure)?\s+from|\bprise\s+\w+\s+from|\bsold\s+by)\s+(?:the\s+)?$",
    "buyer_before": r"(?:\b(?:move|moves|switch|transfer|moving|moved|loan|loaned|go|going|defect|head|heading|way|sold|"
                    r"sell|selling|off|bound|route|return|returning|joined|join|joining|signing|sign|signed)\s+"
                    r"(?:him\s+|her\s+)?to|\b(?:closer|close|closing\s+in|edging|nearing|heading|headed|poised|set)\s+"
                    r"(?:to|on|towards)|\bjoin|\bjoining|\bjoined|\bsign\s+for|\bsigned\s+for|\bsigning\s+for|"
                    r"\binterest\s+(?:from|at)|\bbid\s+from|\boffer\s+from|\bapproach\s+from|\btarget\s+for|"
                    r"\bwanted\s+by|\blinked\s+with|\bsnapped\s+up\s+by|\bsigned\s+by|\bbought\s+by|"
                    r"\bon\s+loan\s+(?:at|with)|\bat)\s+(?:the\s+)?$",
    "past": r"\b(?:signed|joined|arrived|moved|completed|sealed|was sold|were sold|left|snapped up|managed to|prised|"
            r"bought|paid|spent|brought in|was|were|had|did|made|in (?:19|20)\d{2}|last (?:summer|season|year|january)|"
            r"after (?:completing|joining|signing)|since (?:joining|signing|arriving))\b|[’']s new (?:signing|striker|"
            r"midfielder|defender|winger|forward|goalkeeper|recruit|arrival)",
    "year": r"\b(?:in|of|since|back in|during)\s+(?:(?:the\s+)?(?:summer|january|winter)\s+(?:of\s+)?)?"
            r"(?P<y>(?:19|20)\d{2})\b",
    "_RENEWED": r"\b(?:improved|fresh|revised|renewed|second|third|another|new|higher|bigger)\s+(?:[\w-]+\s+)?"
                r"(?:bid|offer|approach|proposal)|\b(?:return|come back|go back)\s+(?:with|for)\b",
    "_EARLIER": r"\b(?:after|following|despite|since)\b[^,;.]*$",
    "_PRONOUN": r"\b(?:he|she)\b",
    "_FREE_AGENT": r"\b(?:is|has been|became|becomes|now)\s+(?:a\s+)?(?:free\s+agent|without\s+a\s+club|clubless)"
                   r"|\bafter\s+(?:leaving|being\s+released\s+by|his\s+release\s+from)\b",
    "_FIXTURE_BEFORE": r"\b(?:trip|visit|visits|visited|travel|travels|travelled|away)\s+to\s+(?:the\s+)?$|"
                       r"\b(?:against|at\s+home\s+to|away\s+at|win\s+over|victory\s+over|defeat\s+(?:to|by)|"
                       r"loss\s+to|draw\s+(?:with|against)|clash\s+with|visit|visits|host|hosts|face|faces|beat|"
                       r"derby\s+with)\s+(?:the\s+)?$",
    "_WITH_BEFORE": r"\b(?:talks|deal|agreement|negotiations|discussions|negotiating|talking)\s+with\s+(?:the\s+)?$",
}


def _compiled_cue(name: str) -> re.Pattern[str]:
    import rumourx.transfers as tr

    got = getattr(tr._rx(), name) if hasattr(tr._rx(), name) else getattr(tr, name)
    return re.compile(got.pattern)


def _cue_finds(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


def test_cue_patterns_grouped_by_first_letter_find_what_the_plain_ones_find() -> None:
    """On every fixture sentence and on each of its beginnings up to a space (the text before a
    club), each cue pattern finds what its plain form finds."""
    pieces = []
    for s in _fixture_sentences(lower=True):
        pieces.append(s)
        pieces += [s[:m.start() + 1] for m in re.finditer(r"\s", s)]
    assert len(pieces) > 10_000
    for name, plain in _PLAIN_CUES.items():
        a, b = re.compile(plain), _compiled_cue(name)
        assert a.pattern != b.pattern
        for piece in pieces:
            assert _cue_finds(a, piece) == _cue_finds(b, piece), (name, piece)


@given(st.lists(st.sampled_from(["he ", "she", "from ", "the ", "paid ", "to ", "a", " ", "signed", "in 2024",
                                 "after ", "talks with ", "trip to ", "new bid", "x", "-", "free agent", "is ",
                                 "return with", "'s new signing"]), max_size=14))
def test_cue_patterns_grouped_any_text(words: list[str]) -> None:
    text = "".join(words)
    for name, plain in _PLAIN_CUES.items():
        assert _cue_finds(_compiled_cue(name), text) == _cue_finds(re.compile(plain), text), name


def test_source_pattern_is_asked_only_of_sentences_with_a_word_it_needs() -> None:
    """A sentence without "according to", a verb of reporting, "sources" or "we understand"
    is not searched for a source: the source pattern finds nothing in it."""
    from rumourx.transfers import _SOURCE_WORDS, _rx, _source_match

    checked = 0
    for s in _fixture_sentences():
        full = _rx().source.search(s)
        assert (full and full.span()) == ((m := _source_match(s)) and m.span()), s
        if full is None and not any(w in s for w in _SOURCE_WORDS):
            checked += 1
    assert checked > 500


@given(st.lists(st.sampled_from(["According to ", "according to ", "Sky Sports ", "reports", "claimed ", "sources ",
                                 "close to ", "the club ", "We ", "we ", "understand", "have been told", "'ve been told",
                                 "can reveal", "says", "revealed", "x", ", ", "say"]), max_size=10))
def test_source_words_any_text(words: list[str]) -> None:
    from rumourx.transfers import _rx, _source_match

    text = "".join(words)
    full = _rx().source.search(text)
    _source_match.cache_clear()
    assert (full and full.span()) == ((m := _source_match(text)) and m.span())


@given(st.lists(st.sampled_from(["Replacement", " for him", "to replace", "successor", ". ", "REPLACE HER", "x",
                                 "İ", "ſucceſſor", " ", "replacements"]), max_size=10))
def test_replacement_words_asked_first_any_text(words: list[str]) -> None:
    from rumourx.transfers import _REPLACING, _replacing

    text = "".join(words)
    assert _replacing(text) == (_REPLACING.match(text) is not None)


@given(st.lists(st.sampled_from(["An improved ", "fresh ", "bid", "OFFER", " ", "return with", "come back for",
                                 "in ", "the summer of ", "2019", "1999", "20", "x", "İ", "since ", "Proposal"]),
                max_size=10))
def test_renewed_bid_and_year_asked_first_for_their_words_any_text(words: list[str]) -> None:
    from rumourx.transfers import _RENEWED, _renewed, _rx, _year_in

    text = "".join(words)
    _renewed.cache_clear()
    _year_in.cache_clear()
    assert _renewed(text) == (_RENEWED.search(text) is not None)
    full = _rx().year.search(text)
    assert (full and full.span()) == ((m := _year_in(text)) and m.span())
