"""The golden fixture evaluation: per-category floors that may only go up."""

from __future__ import annotations

import json

import pytest

from rumourx.evaluate import evaluate_folder, find_pairs

from .conftest import FIXTURES, assert_offsets

#: F1 floors per category, pinned from the measured evaluation (raise them, never lower them).
FLOORS = {
    "players": 0.965,
    "clubs": 1.0,
    "fees": 0.995,
    "quotes": 0.988,
    "windows": 0.953,
    "transfers": 0.669,
}
ACCURACY_FLOORS = {"speaker": 0.882, "from_club": 0.757, "status": 0.708}


@pytest.fixture(scope="module")
def report(extractor):
    return evaluate_folder(FIXTURES, extractor)


def test_there_are_enough_fixtures() -> None:
    pairs = find_pairs(FIXTURES)
    assert len(pairs) >= 12
    styles = {json.loads(g.read_text(encoding="utf-8")).get("style", "") for _, g in pairs}
    assert len(styles) == len(pairs)


@pytest.mark.parametrize("category", list(FLOORS))
def test_f1_floor(report, category: str) -> None:
    assert report.totals[category].f1 >= FLOORS[category]


@pytest.mark.parametrize("measure", list(ACCURACY_FLOORS))
def test_accuracy_floor(report, measure: str) -> None:
    assert report.accuracies[measure].value >= ACCURACY_FLOORS[measure]


def test_gold_files_are_well_formed() -> None:
    for txt, gold_path in find_pairs(FIXTURES):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = txt.read_text(encoding="utf-8")
        assert gold["published"] in text, txt.name
        for q in gold["quotes"]:
            assert q["text"] in text, (txt.name, q["text"])
        for f in gold["fees"]:
            assert isinstance(f["amount"], int) and f["kind"] in ("fee", "wage", "clause", "addon", "other")
        names = {p["name"] for p in gold["players"]}
        for t in gold["transfers"]:
            assert t["player"] in names, (txt.name, t["player"])
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
