"""``--model``: a statistical pipeline's PERSON/ORG entities become extra candidates, and
rumourx's knowledge overrides its labels. The pipeline is trained here, in seconds, on a few
sentences (no downloads)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

TRAIN = [
    ("Kowalczyk scored twice for Dunmore Athletic on Saturday.",
     [("Kowalczyk", "PERSON"), ("Dunmore Athletic", "ORG")]),
    ("Dunmore Athletic want to keep Kowalczyk until the summer.",
     [("Dunmore Athletic", "ORG"), ("Kowalczyk", "PERSON")]),
    ("Fans at Anfield cheered as Kowalczyk walked out.", [("Anfield", "PERSON"), ("Kowalczyk", "PERSON")]),
    ("Anfield saw Kowalczyk score again for Dunmore Athletic.",
     [("Anfield", "PERSON"), ("Kowalczyk", "PERSON"), ("Dunmore Athletic", "ORG")]),
    ("The Sun says Dunmore Athletic rejected a bid.", [("The Sun", "ORG"), ("Dunmore Athletic", "ORG")]),
]

ARTICLE = "date 2025-01-10\nKowalczyk scored twice for Dunmore Athletic on Saturday. Anfield saw it all.\n"


def _offsets(text: str, spans: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for surface, label in spans:
        start = text.index(surface, pos if text.find(surface, pos) >= 0 else 0)
        out.append((start, start + len(surface), label))
        pos = start + len(surface)
    return out


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed

    fix_random_seed(0)
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    for label in ("PERSON", "ORG"):
        ner.add_label(label)  # type: ignore[attr-defined]
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": _offsets(t, s)}) for t, s in TRAIN]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    path = tmp_path_factory.mktemp("model") / "tiny_ner"
    nlp.to_disk(path)
    return path


def test_the_tiny_model_labels_as_trained(trained: Path) -> None:
    import spacy

    doc = spacy.load(trained)(ARTICLE)
    assert {(e.text, e.label_) for e in doc.ents} >= {("Kowalczyk", "PERSON"), ("Dunmore Athletic", "ORG")}


def test_without_a_model_the_rules_do_not_know_them(extractor) -> None:  # type: ignore[no-untyped-def]
    res = extractor.extract(ARTICLE)
    assert [p.name for p in res.players] == []
    assert [c.name for c in res.clubs] == ["Liverpool"]


def test_model_entities_become_candidates_and_our_knowledge_wins(trained: Path) -> None:
    from rumourx import Extractor

    res = Extractor(model=str(trained)).extract(ARTICLE)
    assert [p.name for p in res.players] == ["Kowalczyk"]
    assert [(c.name, c.country) for c in res.clubs] == [("Dunmore Athletic", None), ("Liverpool", "England")]
    anfield = next(c for c in res.clubs if c.name == "Liverpool")
    assert [m.form for m in anfield.mentions] == ["stadium"]  # the model said PERSON; the knowledge base wins


def test_cli_model_option(trained: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from rumourx.cli import app

    res = CliRunner().invoke(app, ["extract", "--model", str(trained), "--format", "json", "-"], input=ARTICLE)
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert [p["name"] for p in data["players"]] == ["Kowalczyk"]
    assert "Dunmore Athletic" in [c["name"] for c in data["clubs"]]
