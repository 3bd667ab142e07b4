"""rumourx's components in other people's spaCy pipelines: found through entry points, beside a
trained component, saved with ``nlp.to_disk`` and loaded back with ``spacy.load``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.training import Example

from rumourx import Extractor, result_from_doc
from rumourx.components import COMPONENTS
from rumourx.errors import DataFileError

from .conftest import FIXTURES

# a few sentences to train a small NER of the test's own (PERSON and ORG), as a user's pipeline would have
_TRAIN = [
    ("Arsenal have signed Declan Rice from West Ham.", [(0, 7, "ORG"), (20, 31, "PERSON"), (37, 45, "ORG")]),
    ("Mikel Arteta said the club wanted more.", [(0, 12, "PERSON")]),
    ("Chelsea and Liverpool both watched Pedro Neto.", [(0, 7, "ORG"), (12, 21, "ORG"), (35, 45, "PERSON")]),
    ("Napoli sold Victor Osimhen to Galatasaray.", [(0, 6, "ORG"), (12, 26, "PERSON"), (30, 41, "ORG")]),
    ("The agent Jorge Mendes met Benfica officials.", [(10, 22, "PERSON"), (27, 34, "ORG")]),
]


def _trained() -> spacy.language.Language:
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("en")
    nlp.add_pipe("ner")
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": ents}) for t, ents in _TRAIN]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(15):
        nlp.update(examples, sgd=optimizer, drop=0.1)
    return nlp


def _parts(data: dict, keys: tuple[str, ...] = ("fees", "windows", "quotes")) -> dict:
    return {k: data[k] for k in keys}


def test_components_load_through_entry_points_without_importing_rumourx() -> None:
    code = (
        "import spacy\n"  # and no import of rumourx: spaCy finds the factory by its entry point
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('rumourx_fees', config={'currency': 'GBP'})\n"
        "doc = nlp('Juventus want €30m for the defender.')\n"
        "print([(m.text, str(m.amount), m.currency, m.converted.currency) for m in doc._.rumourx_fees],"
        " [(s.text, s.label_) for s in doc.spans['rumourx_fees']])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[('€30m', '30000000', 'EUR', 'GBP')] [('€30m', 'FEE')]"


def test_a_trained_pipeline_with_rumourx_gives_rumourx_fees_windows_and_quotes(tmp_path: Path) -> None:
    """The user's pipeline (its own trained NER first, then rumourx's five components), saved and
    loaded back, gives on every fixture the fees, windows and quotes rumourx's own pipeline gives."""
    nlp = _trained()
    for name in COMPONENTS:
        nlp.add_pipe(name)
    assert nlp.pipe_names == ["ner", *COMPONENTS]
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["ner", *COMPONENTS]
    ex = Extractor()
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    for text, doc in zip(texts, loaded.pipe(texts), strict=True):
        ours = _parts(result_from_doc(doc).to_dict())
        assert ours == _parts(ex.extract(text).to_dict())
    assert len(texts) == 39
    # the trained NER did its part: its entities were candidates for rumourx's entity step
    ner_only = loaded.get_pipe("ner")(loaded.make_doc(texts[0]))
    assert {e.label_ for e in ner_only.ents} & {"PERSON", "ORG"}


def test_a_saved_pipeline_keeps_its_gazetteer_and_settings(tmp_path: Path) -> None:
    gaz = tmp_path / "mine.jsonl"
    gaz.write_text(json.dumps({"type": "player", "name": "Vinicius Junior", "aliases": ["Vini Jr"],
                               "club": "real-madrid"}) + "\n", encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("rumourx_entities", config={"gazetteer": str(gaz)})
    nlp.add_pipe("rumourx_fees", config={"currency": "GBP"})
    nlp.to_disk(tmp_path / "saved")
    data = nlp.to_bytes()
    gaz.unlink()  # the saved pipeline holds its own copy

    text = "date 2025-06-01\nAl-Hilal are preparing a €200m offer for Vini Jr."
    for again in (spacy.load(tmp_path / "saved"), _from_bytes(data, str(gaz))):
        res = result_from_doc(again(text))
        assert [(p.name, p.club) for p in res.players] == [("Vinicius Junior", "Real Madrid")]
        assert [(f.amount, f.currency, f.converted.currency) for f in res.fees] == [(200_000_000, "EUR", "GBP")]


def _from_bytes(data: bytes, gazetteer: str) -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("rumourx_entities", config={"gazetteer": gazetteer})
    nlp.add_pipe("rumourx_fees", config={"currency": "GBP"})
    return nlp.from_bytes(data)


def test_a_missing_gazetteer_is_an_error(tmp_path: Path) -> None:
    gone = tmp_path / "gone.jsonl"
    with pytest.raises(DataFileError, match=r"gone\.jsonl"):
        Extractor(gazetteer=str(gone))
    nlp = spacy.blank("en")
    nlp.add_pipe("rumourx_entities", config={"gazetteer": str(gone)})  # may be a saved pipeline's: wait
    with pytest.raises(DataFileError, match=r"gone\.jsonl"):
        nlp("Arsenal want a striker.")


def test_span_attributes_give_the_items() -> None:
    nlp = Extractor().nlp
    doc = nlp("date 2025-07-02\nAtalanta have rejected a €50m offer from Newcastle for Ademola Lookman, "
              "who could leave in January.\n\n“He stays,” said Gian Piero Gasperini.")
    assert [(s._.rumourx_fee.amount, s._.rumourx_fee.currency) for s in doc.spans["rumourx_fees"]] == [
        (50_000_000, "EUR")]
    assert [(s._.rumourx_window.window, s._.rumourx_window.year) for s in doc.spans["rumourx_windows"]] == [
        ("winter", 2026)]
    assert [s._.rumourx_speaker for s in doc.spans["rumourx_quotes"]] == ["Gian Piero Gasperini"]
    assert [(e.text, e._.rumourx_entity.kind) for e in doc.ents] == [
        ("Atalanta", "club"), ("Newcastle", "club"), ("Ademola Lookman", "player"), ("Gian Piero Gasperini", "person")]
    assert doc[0:2]._.rumourx_fee is None and doc[0:2]._.rumourx_entity is None
