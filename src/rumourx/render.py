"""Renderers: results to JSON, JSONL and rich tables. They never see a spaCy Doc."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .results import ErrorRecord, Result

Record = Result | ErrorRecord


def to_json(records: Sequence[Record], *, indent: int | None = 2) -> str:
    """One object for one input, an array for several."""
    data: Any = [r.to_dict() for r in records]
    if len(records) == 1:
        data = data[0]
    return json.dumps(data, ensure_ascii=False, indent=indent)


def to_jsonl(records: Sequence[Record]) -> str:
    """One object per line."""
    return "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in records)


def _money(amount: int | float | None, currency: str | None) -> str:
    if amount is None:
        return "-"
    return f"{currency or ''} {amount:,.0f}" if float(amount).is_integer() else f"{currency or ''} {amount:,.2f}"


def print_tables(records: Sequence[Record], console: Any) -> None:
    """A rich view of each result: transfer links first, then the rest."""
    from rich.table import Table

    for rec in records:
        if isinstance(rec, ErrorRecord):
            console.print(f"[bold red]{rec.source}[/]: {rec.error.message} ({rec.error.code})")
            continue
        console.rule(f"[bold]{rec.source}[/]  published {rec.published or 'unknown'}")
        t = Table(title="Transfer links", show_lines=False)
        for col in ("player", "from", "to", "status", "stage", "type", "fee", "window", "source", "conf."):
            t.add_column(col)
        for tr in rec.transfers:
            fee = ", ".join(_money(rec.fees[i].amount, rec.fees[i].currency) for i in tr.fees[:2]) or "-"
            win = ", ".join(f"{rec.windows[i].window} {rec.windows[i].year or '?'}" for i in tr.windows[:2]) or "-"
            t.add_row(tr.player, tr.from_club or "-", tr.to_club, tr.status, tr.stage, tr.type, fee, win,
                      tr.source or "-", f"{tr.confidence:.2f}")
        console.print(t)
        t = Table(title="Fees")
        for col in ("text", "amount", "kind", "qualifier", "group", "player"):
            t.add_column(col)
        for f in rec.fees:
            t.add_row(f.text, _money(f.amount, f.currency), f.kind + (f"/{f.period}" if f.period else ""),
                      f.qualifier, str(f.group), f.player or "-")
        console.print(t)
        t = Table(title="Quotes")
        t.add_column("speaker")
        t.add_column("quote", overflow="fold")
        for q in rec.quotes:
            t.add_row(q.speaker or (q.source and f"({q.source})") or "?", q.text)
        console.print(t)
        t = Table(title="People and clubs")
        for col in ("kind", "name", "mentions"):
            t.add_column(col)
        for p in rec.players:
            t.add_row("player", p.name, ", ".join(sorted({m.text for m in p.mentions})))
        for pe in rec.people:
            t.add_row(pe.role, pe.name, ", ".join(sorted({m.text for m in pe.mentions})))
        for c in rec.clubs:
            t.add_row("club", c.name, ", ".join(sorted({m.text for m in c.mentions})))
        console.print(t)
        if rec.windows:
            console.print("Windows: " + "; ".join(f"{w.text!r} → {w.window} {w.year or '?'}" for w in rec.windows))
        for w in rec.warnings:
            console.print(f"[yellow]warning[/] {w.code}: {w.message}")


def print_report(report: dict[str, Any], console: Any) -> None:
    """The evaluation table: precision, recall and F1 per category, and accuracies."""
    from rich.table import Table

    t = Table(title=f"rumourx evaluation on {report['articles']} articles")
    for col in ("category", "precision", "recall", "F1", "TP", "FP", "FN"):
        t.add_column(col, justify="right" if col != "category" else "left")
    for cat, s in report["categories"].items():
        t.add_row(cat, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}",
                  str(s["tp"]), str(s["fp"]), str(s["fn"]))
    console.print(t)
    a = Table(title="Accuracy on matched items")
    for col in ("measure", "accuracy", "right", "total"):
        a.add_column(col)
    for k, v in report["accuracy"].items():
        a.add_row(k, f"{v['value']:.3f}", str(v["right"]), str(v["total"]))
    console.print(a)
