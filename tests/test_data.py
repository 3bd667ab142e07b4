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
    ('{"id": "x", "name": "X", "type": "player"}', "type"),
], ids=["missing-id", "aliases-not-list", "empty-nickname", "name-not-string", "unknown-type"])
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
