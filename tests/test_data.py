"""Data files load and validate; broken ones give errors naming the file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from rumourx.errors import DataFileError
from rumourx.kb import KnowledgeBase, default_kb, load_gazetteer


def test_knowledge_base_loads() -> None:
    kb = default_kb()
    assert len(kb.clubs) >= 380
    assert {"Liverpool", "Real Madrid", "Bayern Munich", "Inter Miami", "Al-Hilal", "Flamengo"} <= {
        c.name for c in kb.clubs.values()}
    assert len(kb.first_names) > 2000


@pytest.mark.parametrize("line,field", [
    ('{"name": "No Id FC"}', "id"),
    ('{"id": "x", "name": "X", "aliases": "not a list"}', "aliases"),
    ('{"id": "x", "name": "X", "nicknames": [""]}', "nicknames"),
    ('{"id": "x", "name": 5}', "name"),
    ('{"id": "x", "name": "X", "type": "coach"}', "type"),
    ('{"id": "ok-fc", "name": "OK Again"}', "id"),
    ('{"type": "player", "aliases": ["Vini"]}', "name"),
    ('{"type": "player", "name": "  "}', "name"),
    ('{"type": "player", "name": "A B", "club": "no-such-club"}', "club"),
    ('{"type": "player", "name": "A B", "position": "winger"}', "position"),
    ('{"type": "person", "name": "A B"}', "role"),
    ('{"type": "person", "name": "A B", "role": "groundsman"}', "role"),
    ('{"type": "alias", "club": "ok-fc"}', "forms"),
    ('{"type": "alias", "club": "nope", "forms": ["N"]}', "club"),
    ('{"type": "alias", "club": "ok-fc", "forms": ["OK"], "kind": "mascot"}', "kind"),
    ('{"type": 3, "name": "X"}', "type"),
], ids=["missing-id", "aliases-not-list", "empty-nickname", "name-not-string", "unknown-type", "duplicate-club-id",
        "player-without-name", "player-blank-name", "player-unknown-club", "player-unknown-field",
        "person-without-role", "person-unknown-role", "alias-without-forms", "alias-unknown-club",
        "alias-unknown-kind", "type-not-string"])
def test_broken_gazetteer_names_file_line_and_field(tmp_path: Path, line: str, field: str) -> None:
    path = tmp_path / "extra.jsonl"
    path.write_text('{"id": "ok-fc", "name": "OK FC"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        load_gazetteer(KnowledgeBase(), path)
    assert (exc.value.path, exc.value.line, exc.value.field) == (str(path), 2, field)
    assert str(path) in str(exc.value) and "line 2" in str(exc.value)


def test_invalid_json_line_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "extra.jsonl"
    path.write_text('{"id": "a", "name": "A"}\n\n{"id": oops}\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="line 3"):
        load_gazetteer(KnowledgeBase(), path)


def test_gazetteer_adds_a_club(tmp_path: Path) -> None:
    from rumourx import Extractor

    path = tmp_path / "extra.jsonl"
    path.write_text('{"id": "harrow-borough", "name": "Harrow Borough", "country": "England", '
                    '"aliases": ["Harrow Boro"], "nicknames": ["Boro Reds"]}\n', encoding="utf-8")
    res = Extractor(gazetteer=str(path)).extract("Harrow Boro have signed a striker.", published="2025-01-02")
    assert [c.name for c in res.clubs] == ["Harrow Borough"]


def test_cli_reports_a_broken_gazetteer_without_traceback(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from rumourx.cli import app

    path = tmp_path / "bad.jsonl"
    path.write_text('{"name": "No Id"}\n', encoding="utf-8")
    res = CliRunner().invoke(app, ["extract", "--gazetteer", str(path), "-"], input="text")
    assert res.exit_code == 2
    assert f"{path}, line 1, field 'id'" in res.stderr and "Traceback" not in res.output


def test_gazetteer_clubs_are_found_in_headline_capitals(tmp_path: Path) -> None:
    """A user's club must reach every derived table, including the ALL-CAPS lookup."""
    from rumourx import Extractor

    Extractor().extract("ARSENAL want a striker.", published="2025-01-02")  # builds the default tables
    path = tmp_path / "extra.jsonl"
    path.write_text('{"id": "harrow-borough", "name": "Harrow Borough", "aliases": ["Harrow Borough"]}\n',
                    encoding="utf-8")
    res = Extractor(gazetteer=str(path)).extract("HARROW BOROUGH have signed a striker.", published="2025-01-02")
    assert [c.name for c in res.clubs] == ["Harrow Borough"]


GAZETTEER = "\n".join([
    '{"type": "player", "name": "Vinicius Junior", "aliases": ["Vini Jr", "Vini"], "club": "real-madrid"}',
    '{"type": "player", "name": "Rodri"}',
    '{"type": "person", "name": "Deco", "role": "executive"}',
    '{"type": "alias", "club": "liverpool", "forms": ["the Kop club"], "kind": "nickname"}',
])


@pytest.fixture(scope="module")
def gazetteer_extractor(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from rumourx import Extractor

    path = tmp_path_factory.mktemp("gaz") / "mine.jsonl"
    path.write_text(GAZETTEER + "\n", encoding="utf-8")
    return Extractor(gazetteer=str(path))


@pytest.mark.parametrize("text,players,people,clubs", [
    ("Vini Jr is wanted by Al-Hilal. Vini would cost €300m.", ["Vinicius Junior"], [], ["Al-Hilal"]),
    ("Vinicius Junior scored twice.", ["Vinicius Junior"], [], []),
    ("Manchester City are resigned to losing Rodri.", ["Rodri"], [], ["Manchester City"]),
    ("Barcelona director Deco wants Rodri back in Spain.", ["Rodri"], [("Deco", "executive")], ["Barcelona"]),
    ("The Kop club have bid for Rodri.", ["Rodri"], [], ["Liverpool"]),
], ids=["alias-merges-into-player", "full-name", "single-word-player", "known-person-not-player", "alias-of-a-club"])
def test_gazetteer_players_people_and_aliases(gazetteer_extractor, text, players, people, clubs) -> None:  # type: ignore[no-untyped-def]
    res = gazetteer_extractor.extract(text, published="2025-01-02")
    assert [p.name for p in res.players] == players
    assert [(p.name, p.role) for p in res.people] == people
    assert [c.name for c in res.clubs] == clubs


def test_gazetteer_player_club_is_his_club(gazetteer_extractor) -> None:  # type: ignore[no-untyped-def]
    res = gazetteer_extractor.extract("Vini Jr is wanted by Al-Hilal.", published="2025-01-02")
    assert res.players[0].club == "Real Madrid"
    assert [m.form for m in res.players[0].mentions] == ["alias"]


def test_the_default_extractor_does_not_know_gazetteer_players(extractor) -> None:  # type: ignore[no-untyped-def]
    res = extractor.extract("Manchester City are resigned to losing Rodri.", published="2025-01-02")
    assert [p.name for p in res.players] == []
