"""The seed article matches its gold annotation completely (../shared/seeds)."""

from __future__ import annotations

import json

import pytest

from rumourx.evaluate import score_article

from .conftest import SEED


@pytest.fixture(scope="module")
def seed_result(extractor, seed_text):
    return extractor.extract(seed_text, source=str(SEED)).to_dict()


@pytest.fixture(scope="module")
def seed_gold():
    return json.loads(SEED.with_name(SEED.stem + ".gold.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("category", ["players", "clubs", "fees", "quotes", "windows", "transfers"])
def test_seed_category_is_perfect(seed_result, seed_gold, category: str) -> None:
    score = score_article(seed_gold, seed_result)
    s = score.scores[category]
    assert (s.fp, s.fn) == (0, 0), score.misses[category]


def test_seed_speakers_from_clubs_and_statuses(seed_result, seed_gold) -> None:
    score = score_article(seed_gold, seed_result)
    assert score.accuracies["speaker"].value == 1.0
    assert score.accuracies["from_club"].value == 1.0, score.misses["transfers"]
    assert score.accuracies["status"].value == 1.0, score.misses["transfers"]


def test_seed_fee_equivalents_are_one_group(seed_result) -> None:
    groups = {}
    for f in seed_result["fees"]:
        groups.setdefault(f["group"], []).append(f["currency"])
    assert sorted(groups.values(), key=len)[-1] == ["EUR", "GBP", "USD"]


def test_seed_publication_date_from_header(seed_result) -> None:
    assert seed_result["published"] == "2025-09-23"


def test_seed_multi_paragraph_quote(seed_result) -> None:
    quotes = seed_result["quotes"]
    assert len(quotes) == 3
    assert quotes[1]["group"] == quotes[2]["group"] != quotes[0]["group"]
    assert {q["speaker"] for q in quotes} == {"Alexis Mac Allister"}


def test_no_data_file_names_the_seed_players() -> None:
    from rumourx.resources import models_root

    names = ["Alexander-Arnold", "Konate", "Konaté", "Mac Allister", "Baleba"]
    root = models_root()
    stack = [root]
    while stack:
        node = stack.pop()
        for child in node.iterdir():
            if child.is_dir():
                stack.append(child)
            elif child.name.endswith((".json", ".jsonl", ".txt")):
                text = child.read_text(encoding="utf-8")
                for n in names:
                    assert n not in text, f"{child.name} names {n}"
