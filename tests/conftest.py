"""Shared fixtures: paths, one extractor for the whole session, the shared folder if present."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import settings

# property tests check behaviour, not speed (speed is the benchmark's): no per-example deadline,
# which a first example paying for a module's start-up, or a busy machine, would break
settings.register_profile("rumourx", deadline=None)
settings.load_profile("rumourx")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_61b3b55719026876.txt"


def bent_copies(text: str, rng: random.Random) -> list[str]:
    """An article as written and bent out of shape: other cases, cut short, paragraphs in
    another order, sentences dropped, closing quote marks lost."""
    paras = text.split("\n\n")
    shuffled = paras[:]
    rng.shuffle(shuffled)
    sentences = text.split(". ")
    return [text, text.upper(), text.lower(), text[: len(text) // 3], text[len(text) // 2:],
            "\n\n".join(shuffled), ". ".join(s for i, s in enumerate(sentences) if i % 3 != 1),
            text.replace("\u201d", "").replace("\"", "", 3)]


def assert_offsets(text: str, data: dict) -> None:
    """Every extracted item's offsets give back its text; evidence lies inside the input."""
    for key in ("fees", "quotes", "windows"):
        for item in data[key]:
            assert text[item["start"]:item["end"]] == item["text"]
    for key in ("players", "people", "clubs"):
        for ent in data[key]:
            for m in ent["mentions"]:
                assert text[m["start"]:m["end"]] == m["text"]
    for t in data["transfers"]:
        for ev in t["evidence"]:
            assert 0 <= ev["start"] <= ev["end"] <= len(text)


@pytest.fixture(scope="session")
def extractor():
    from rumourx import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("../shared/seeds is not beside the repository")
    return SEED.read_text(encoding="utf-8")
