"""Web pages as input: the main text and the date taken out with trafilatura (the html extra).

``tests/pages`` holds saved article pages written for these tests (fictional outlets, with
menus, sidebars of other stories, cookie banners and footers), each wrapping a fixture article.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rumourx import Extractor
from rumourx.cli import app
from rumourx.errors import InputError
from rumourx.inputs import read_article

from .conftest import FIXTURES, ROOT, assert_offsets

PAGES = sorted((ROOT / "tests" / "pages").glob("*.html"))

_SMALL = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Bid rejected | The Touchline</title>
<meta property="article:published_time" content="2025-07-02T09:30:00+00:00"></head>
<body><nav><a href="/">Home</a> <a href="/transfers">Transfers</a></nav>
<aside><h3>Most read</h3><ul><li><a href="/a">Chelsea close in on Jamie Gittens</a></li></ul></aside>
<article><h1>Atalanta turn down Newcastle</h1>
<p>Atalanta have rejected a €50m offer from Newcastle for Ademola Lookman, the Nigerian forward who
scored three times in the final.</p>
<p>“We have no intention of selling our best players,” said sporting director Tony D'Amico.</p>
</article><footer>© 2025 The Touchline</footer></body></html>
"""


def _invoke(args: list[str], stdin: str | None = None) -> tuple[int, str, str]:
    res = CliRunner().invoke(app, args, input=stdin, env={**os.environ, "COLUMNS": "120"})
    return res.exit_code, res.stdout, res.stderr


def _one(out: str) -> dict:
    data = json.loads(out)
    return data[0] if isinstance(data, list) else data


def _content(data: dict) -> dict:
    """What a page must share with its text: players, fees and quotes (offsets aside)."""
    return {"players": sorted(p["name"] for p in data["players"]),
            "fees": [(f["text"], f["amount"], f["currency"], f["kind"]) for f in data["fees"]],
            "quotes": [(q["text"], q["speaker"]) for q in data["quotes"]]}


@pytest.fixture(autouse=True)
def _needs_trafilatura(request: pytest.FixtureRequest) -> None:
    if "without_extra" not in request.node.name:
        pytest.importorskip("trafilatura", reason="the html extra is not installed")


def test_the_pages_are_there() -> None:
    assert len(PAGES) >= 4


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_a_saved_page_gives_what_its_text_gives(page: Path) -> None:
    """`rumourx extract page.html`: the same players, fees and quotes as the article's text, the
    page's own date, and offsets into the page's main text (given in the record)."""
    text = (FIXTURES / f"{page.stem}.txt").read_text(encoding="utf-8")
    gold = json.loads((FIXTURES / f"{page.stem}.json").read_text(encoding="utf-8"))
    code, out, err = _invoke(["extract", str(page), "--format", "json"])
    assert code == 0, err
    data = _one(out)
    assert data["page"]["format"] == "html" and data["warnings"][0]["code"] == "html"
    assert data["published"] == data["page"]["published"] == gold["published"]
    assert_offsets(data["page"]["text"], data)
    expected = Extractor().extract(text, published=gold["published"]).to_dict()
    assert _content(data) == _content(expected)
    assert data["page"]["title"] and data["page"]["text"].startswith(data["page"]["title"])


def test_boilerplate_stays_out() -> None:
    art = read_article_from(_SMALL)
    assert art.published == "2025-07-02"
    assert "Most read" not in art.text and "Gittens" not in art.text and "©" not in art.text
    assert art.text.split("\n\n")[0] == "Atalanta turn down Newcastle"
    res = Extractor().extract(art.text, published=art.published).with_input_warnings(art.warnings, art.page)
    assert [p.name for p in res.players] == ["Ademola Lookman"]
    assert res.page is not None and res.page.title == "Atalanta turn down Newcastle"
    assert [(q.speaker, q.text[:10]) for q in res.quotes] == [("Tony D'Amico", "We have no")]


def read_article_from(html: str, name: str = "page.html") -> object:
    import tempfile

    folder = Path(tempfile.mkdtemp())
    (folder / name).write_text(html, encoding="utf-8")
    return read_article(str(folder / name))


def test_a_page_on_standard_input_and_the_published_option() -> None:
    code, out, _ = _invoke(["extract", "-", "--format", "json", "--published", "2025-08-30"], stdin=_SMALL)
    assert code == 0
    data = _one(out)
    assert data["published"] == "2025-08-30" and data["page"]["published"] == "2025-07-02"


def test_a_page_without_an_article() -> None:
    with pytest.raises(InputError) as info:
        read_article_from("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert info.value.code == "no_main_text"


def test_pages_in_a_batch(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(_SMALL, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Lyon want a striker in January.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, _ = _invoke(["batch", str(tmp_path), "-o", str(out), "-w", "1", "-q"])
    assert code == 0
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(Path(r["source"]).name, r["page"] is not None) for r in recs] == [("a.html", True), ("b.txt", False)]
    assert recs[0]["published"] == "2025-07-02"


def test_a_page_without_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without trafilatura: a clear message naming the extra, and the record's error code."""
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails as if it were not installed
    page = tmp_path / "story.html"
    page.write_text(_SMALL, encoding="utf-8")
    code, out, err = _invoke(["extract", str(page), "--format", "json"])
    assert code == 1
    assert "pip install 'rumourx[html]'" in err
    assert _one(out)["error"]["code"] == "needs_html_extra"
