"""The golden fixture evaluation: per-set, per-category floors (``tests/floors.json``) that may
only go up. A set of fixtures keeps its floors when new fixtures are added."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rumourx.evaluate import Report, evaluate_folder, find_pairs
from rumourx.text import find_header, fold

from .conftest import FIXTURES, assert_offsets

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))["sets"]
F1_CASES = [(s, c) for s, f in FLOORS.items() for c in f["f1"]]
ACCURACY_CASES = [(s, m) for s, f in FLOORS.items() for m in f["accuracy"]]


def _number(stem: str) -> int:
    return int(stem.split("_", 1)[0])


@pytest.fixture(scope="module")
def reports(extractor) -> dict[str, Report]:
    full = evaluate_folder(FIXTURES, extractor)
    ids = {json.loads(g.read_text(encoding="utf-8")).get("id", t.stem): _number(t.stem) for t, g in find_pairs(FIXTURES)}
    out = {}
    for name, spec in FLOORS.items():
        members = {i for i, n in ids.items() if spec["first"] <= n <= spec["last"]}
        assert len(members) == spec["last"] - spec["first"] + 1, f"fixture set {name} is incomplete"
        out[name] = full.subset(members)
    return out


def test_there_are_enough_fixtures() -> None:
    pairs = find_pairs(FIXTURES)
    assert len(pairs) >= 25
    styles = {json.loads(g.read_text(encoding="utf-8")).get("style", "") for _, g in pairs}
    assert len(styles) == len(pairs)


@pytest.mark.parametrize("fixture_set,category", F1_CASES, ids=[f"{s}-{c}" for s, c in F1_CASES])
def test_f1_floor(reports, fixture_set: str, category: str) -> None:
    assert reports[fixture_set].totals[category].f1 >= FLOORS[fixture_set]["f1"][category]


@pytest.mark.parametrize("fixture_set,measure", ACCURACY_CASES, ids=[f"{s}-{m}" for s, m in ACCURACY_CASES])
def test_accuracy_floor(reports, fixture_set: str, measure: str) -> None:
    assert reports[fixture_set].accuracies[measure].value >= FLOORS[fixture_set]["accuracy"][measure]


@pytest.mark.parametrize("txt,gold_path", find_pairs(FIXTURES), ids=[t.stem for t, _ in find_pairs(FIXTURES)])
def test_gold_file_is_well_formed(txt: Path, gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = txt.read_text(encoding="utf-8")
    header = find_header(text)
    assert header is not None and str(header.published) == gold["published"]
    for key in ("players", "clubs"):
        for ent in gold[key]:
            for alias in ent["aliases"]:
                assert fold(alias) in fold(text) or alias == ent["name"] or key == "clubs", alias
    for q in gold["quotes"]:
        assert q["text"][:40] in text, q["text"]
    for f in gold["fees"]:
        assert isinstance(f["amount"], int) and f["kind"] in ("fee", "wage", "clause", "addon", "other")
        assert f.get("text") is None or f["text"] in text
    for w in gold["windows"]:
        assert w["window"] in ("summer", "winter") and w["text"] in text
    names = {p["name"] for p in gold["players"]}
    for t in gold["transfers"]:
        assert t["player"] in names, t["player"]
        assert t["status"] in ("rumour", "agreed", "completed", "rejected")


def test_every_fixture_output_validates_against_the_schema(extractor) -> None:
    import jsonschema

    from rumourx.results import json_schema

    validator = jsonschema.Draft202012Validator(json_schema())
    for txt, _ in find_pairs(FIXTURES):
        text = txt.read_text(encoding="utf-8")
        data = extractor.extract(text, source=txt.name).to_dict()
        validator.validate(data)
        assert_offsets(text, data)


@pytest.mark.parametrize("pred_name,mention,expected_tp", [
    ("Braga", {"text": "Sporting Braga", "form": "name"}, 1),
    ("Braga", {"text": "Sporting Braga", "form": "alias"}, 1),
    ("Braga", {"text": "the Arsenalistas", "form": "nickname"}, 0),
    ("Braga", {"text": "Vitoria", "form": "name"}, 0),
], ids=["by-full-name-written", "by-alias-written", "not-by-nickname", "not-by-another-name"])
def test_scoring_matches_a_club_by_the_names_the_text_wrote(pred_name: str, mention: dict, expected_tp: int) -> None:
    from rumourx.evaluate import score_article

    gold = {"id": "x", "clubs": [{"name": "Sporting Braga", "aliases": ["Sporting Braga"]}],
            "players": [{"name": "Ana Vaz", "aliases": ["Ana Vaz"]}],
            "transfers": [{"player": "Ana Vaz", "from_club": "Sporting Braga", "to_club": "Benfica", "status": "rumour"}]}
    pred = {"clubs": [{"name": pred_name, "mentions": [mention]}], "players": [{"name": "Ana Vaz", "mentions": []}],
            "transfers": [{"player": "Ana Vaz", "from_club": pred_name, "to_club": "Benfica", "status": "rumour"}]}
    out = score_article(gold, pred)
    assert out.scores["clubs"].tp == expected_tp
    assert out.accuracies["from_club"].right == expected_tp
