"""Scoring extraction against gold annotations (``../shared/gold-format.md``).

Matching rules: names match case- and accent-insensitively against the gold name or any alias,
one predicted entity per gold entity (a predicted entity also matches through the full names it
was written with in the text: a club the knowledge base calls "Braga" that the article names
"Sporting Braga"); fees match on currency and amount within 0.5%; a gold
quote is found when its first 40 characters (marks and case ignored) lie inside a predicted
quote; windows compare as sets of (window, year) (and, stricter, phrase by phrase:
``window_phrases`` is the share of gold window phrases found and resolved to the same window and
year); transfers as sets of (player, to_club).
A fee that repeats an earlier mention (``same_as``) is counted when the gold lists the amount
again and ignored otherwise (annotators may list a repeated amount once or every time).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .text import fold

CATEGORIES = ("players", "clubs", "fees", "quotes", "windows", "transfers")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0

    def add(self, other: Accuracy) -> None:
        self.right += other.right
        self.total += other.total


@dataclass
class ArticleScore:
    id: str
    scores: dict[str, Score] = field(default_factory=dict)
    accuracies: dict[str, Accuracy] = field(default_factory=dict)
    misses: dict[str, list[Any]] = field(default_factory=dict)


_CLUB_AFFIXES = frozenset({"fc", "cf", "afc", "sc", "ac"})


def _key(s: str | None) -> str:
    """A name for comparison: accents, case, hyphens and a club's 'FC'/'CF' ignored ("FC Midtjylland")."""
    words = fold(s or "").replace("-", " ").replace(".", " ").split()
    core = [w for w in words if w not in _CLUB_AFFIXES]
    return " ".join(core or words)


def _names(gold: dict[str, Any]) -> set[str]:
    return {_key(gold["name"]), *(_key(a) for a in gold.get("aliases", []))}


def _resolver(golds: list[dict[str, Any]]) -> dict[str, str]:
    """Any gold name or alias -> the gold canonical name."""
    out: dict[str, str] = {}
    for g in golds:
        for n in _names(g):
            out.setdefault(n, g["name"])
    return out


_FULL_FORMS = ("name", "alias")


def _written(entity: dict[str, Any]) -> list[str]:
    """A predicted entity's keys: its name first, then the full names the text wrote it with."""
    keys = [_key(entity["name"])]
    for m in entity.get("mentions", []):
        k = _key(m.get("text"))
        if m.get("form") in _FULL_FORMS and k not in keys:
            keys.append(k)
    return keys


def _gold_index(gold: list[dict[str, Any]], keys: list[str],
                taken: set[int] | frozenset[int] = frozenset()) -> int | None:
    """The gold entity a predicted one stands for: by its name, else by a full name it was written with."""
    for k in keys:
        hit = next((i for i, g in enumerate(gold) if i not in taken and k in _names(g)), None)
        if hit is not None:
            return hit
    return None


def score_entities(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> tuple[Score, list[Any]]:
    matched: set[int] = set()
    s = Score()
    extra = []
    for entity in pred:
        name = entity["name"]
        hit = _gold_index(gold, _written(entity), matched)
        if hit is None:
            s.fp += 1
            extra.append(f"+{name}")
        else:
            matched.add(hit)
            s.tp += 1
    missed = [f"-{g['name']}" for i, g in enumerate(gold) if i not in matched]
    s.fn = len(missed)
    return s, extra + missed


def score_fees(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> tuple[Score, list[Any]]:
    """Fees with an amount and a currency, matched one to one (a vague size such as "an
    eight-figure offer" states no currency, and the gold format lists stated amounts only). A
    repeat of an earlier amount (``same_as``) matches a gold entry when the gold lists the amount
    again, and is not an error otherwise."""
    matched: set[int] = set()
    s = Score()
    extra = []

    def find(f: dict[str, Any]) -> int | None:
        return next((i for i, g in enumerate(gold) if i not in matched and g["currency"] == f["currency"]
                     and abs(float(g["amount"]) - float(f["amount"])) <= 0.005 * float(g["amount"])), None)

    stated = [f for f in pred if f.get("amount") is not None and f.get("currency") is not None]
    firsts = [f for f in stated if f.get("same_as") is None]
    repeats = [f for f in stated if f.get("same_as") is not None]
    for f in firsts:
        hit = find(f)
        if hit is None:
            s.fp += 1
            extra.append(f"+{f['text']} {f['amount']} {f['currency']}")
        else:
            matched.add(hit)
            s.tp += 1
    for f in repeats:
        hit = find(f)
        if hit is not None:
            matched.add(hit)
            s.tp += 1
    missed = [f"-{g.get('text')} {g['amount']} {g['currency']}" for i, g in enumerate(gold) if i not in matched]
    s.fn = len(missed)
    return s, extra + missed


_MARKS = re.compile(r"[\"“”‘’'«»„]")


def _qnorm(s: str) -> str:
    return " ".join(_MARKS.sub("", fold(s)).split())


def score_quotes(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> tuple[Score, Accuracy, list[Any]]:
    s, acc = Score(), Accuracy()
    used: set[int] = set()
    misses = []
    pnorm = [_qnorm(p["text"]) for p in pred]
    for g in gold:
        head = _qnorm(g["text"])[:40]
        hit = next((i for i, p in enumerate(pnorm) if head and head in p), None)
        if hit is None:
            s.fn += 1
            misses.append(f"-{g['text'][:50]}")
            continue
        s.tp += 1
        used.add(hit)
        acc.total += 1
        if _key(pred[hit].get("speaker")) == _key(g.get("speaker")):
            acc.right += 1
        else:
            misses.append(f"~speaker {g['text'][:30]!r}: {pred[hit].get('speaker')} != {g.get('speaker')}")
    for i, p in enumerate(pred):
        if i not in used:
            s.fp += 1
            misses.append(f"+{p['text'][:50]}")
    return s, acc, misses


def score_sets(gold: set[tuple[Any, ...]], pred: set[tuple[Any, ...]]) -> tuple[Score, list[Any]]:
    s = Score(tp=len(gold & pred), fp=len(pred - gold), fn=len(gold - pred))
    return s, [f"+{x}" for x in sorted(pred - gold, key=str)] + [f"-{x}" for x in sorted(gold - pred, key=str)]


def score_window_phrases(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> Accuracy:
    """Phrase by phrase: the gold windows found (a predicted window whose text holds the gold
    text or lies inside it, taken in order, each once) with the same window and year."""
    acc = Accuracy(total=len(gold))
    used: set[int] = set()
    for g in gold:
        gt = fold(g["text"])
        for k, p in enumerate(pred):
            pt = fold(p["text"])
            if k not in used and (pt in gt or gt in pt):
                used.add(k)
                acc.right += (p["window"], p["year"]) == (g["window"], g["year"])
                break
    return acc


def score_article(gold: dict[str, Any], pred: dict[str, Any]) -> ArticleScore:
    """Score one prediction (the JSON output contract) against one gold annotation."""
    out = ArticleScore(id=str(gold.get("id", pred.get("source"))))
    for cat in ("players", "clubs"):
        out.scores[cat], out.misses[cat] = score_entities(gold.get(cat, []), pred.get(cat, []))
    out.scores["fees"], out.misses["fees"] = score_fees(gold.get("fees", []), pred.get("fees", []))
    q, acc, miss = score_quotes(gold.get("quotes", []), pred.get("quotes", []))
    out.scores["quotes"], out.accuracies["speaker"], out.misses["quotes"] = q, acc, miss
    out.scores["windows"], out.misses["windows"] = score_sets(
        {(w["window"], w["year"]) for w in gold.get("windows", [])},
        {(w["window"], w["year"]) for w in pred.get("windows", [])})
    out.accuracies["window_phrases"] = score_window_phrases(gold.get("windows", []), pred.get("windows", []))
    players, clubs = _resolver(gold.get("players", [])), _resolver(gold.get("clubs", []))
    for cat, table in (("players", players), ("clubs", clubs)):  # predicted names the gold spells otherwise
        golds = gold.get(cat, [])
        for entity in pred.get(cat, []):
            hit = _gold_index(golds, _written(entity))
            if hit is not None:
                table.setdefault(_key(entity["name"]), golds[hit]["name"])

    def canon(table: dict[str, str], name: str | None) -> str | None:
        return table.get(_key(name), name) if name else None

    gold_links = {(canon(players, t["player"]), canon(clubs, t["to_club"])): t for t in gold.get("transfers", [])}
    pred_links: dict[tuple[str | None, str | None], dict[str, Any]] = {}
    for t in pred.get("transfers", []):
        pred_links.setdefault((canon(players, t["player"]), canon(clubs, t["to_club"])), t)
    out.scores["transfers"], out.misses["transfers"] = score_sets(set(gold_links), set(pred_links))
    fa, sa = Accuracy(), Accuracy()
    for k in set(gold_links) & set(pred_links):
        g, p = gold_links[k], pred_links[k]
        fa.total += 1
        sa.total += 1
        if _key(canon(clubs, p.get("from_club"))) == _key(canon(clubs, g.get("from_club"))):
            fa.right += 1
        else:
            out.misses["transfers"].append(f"~from {k}: {p.get('from_club')} != {g.get('from_club')}")
        if p.get("status") == g.get("status"):
            sa.right += 1
        else:
            out.misses["transfers"].append(f"~status {k}: {p.get('status')} != {g.get('status')}")
    out.accuracies["from_club"], out.accuracies["status"] = fa, sa
    return out


@dataclass
class Report:
    articles: list[ArticleScore]
    totals: dict[str, Score]
    accuracies: dict[str, Accuracy]

    def subset(self, ids: set[str]) -> Report:
        """The same report over the articles whose id is in ``ids``."""
        articles = [a for a in self.articles if a.id in ids]
        totals = {c: Score() for c in CATEGORIES}
        accs = {k: Accuracy() for k in self.accuracies}
        for a in articles:
            for c in CATEGORIES:
                totals[c].add(a.scores[c])
            for k in accs:
                accs[k].add(a.accuracies[k])
        return Report(articles, totals, accs)

    def to_dict(self, *, details: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "articles": len(self.articles),
            "categories": {c: {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                               "f1": round(s.f1, 4), "tp": s.tp, "fp": s.fp, "fn": s.fn}
                           for c, s in self.totals.items()},
            "accuracy": {k: {"value": round(a.value, 4), "right": a.right, "total": a.total}
                         for k, a in self.accuracies.items()},
        }
        if details:
            d["details"] = [{"id": a.id, "misses": {k: v for k, v in a.misses.items() if v}} for a in self.articles]
        return d


def find_pairs(folder: Path) -> list[tuple[Path, Path]]:
    """(article, gold) pairs: every ``*.txt`` under ``folder`` with a ``*.json`` of the same stem
    beside it (sub-folders are searched too)."""
    pairs = []
    for txt in sorted(folder.rglob("*.txt")):
        gold = txt.with_suffix(".json")
        if not gold.exists():
            gold = txt.with_name(txt.stem + ".gold.json")
        if gold.exists():
            pairs.append((txt, gold))
    return pairs


def evaluate_folder(folder: Path, extractor: Any) -> Report:
    """Run ``extractor`` over every article of ``folder`` and score it."""
    from .inputs import read_input

    articles = []
    totals = {c: Score() for c in CATEGORIES}
    accs: dict[str, Accuracy] = {k: Accuracy() for k in ("speaker", "window_phrases", "from_club", "status")}
    for txt, gold_path in find_pairs(folder):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text, _ = read_input(str(txt))
        res = extractor.extract(text, source=str(txt))
        if res.published is None and gold.get("published"):
            res = extractor.extract(text, published=gold["published"], source=str(txt))
        a = score_article(gold, res.to_dict())
        a.id = gold.get("id", txt.stem)
        articles.append(a)
        for c in CATEGORIES:
            totals[c].add(a.scores[c])
        for k in accs:
            accs[k].add(a.accuracies[k])
    return Report(articles, totals, accs)
