"""Batch extraction: many inputs, every core, one record per input, in input order.

Inputs are article files (``.txt``, ``.md``, and web pages ``.html``/``.htm``), folders (walked
recursively, sorted), glob patterns and JSONL files of ``{"id", "text", "published"}`` records.
Each input gives exactly one record: a result, or an error with a code (see
:data:`rumourx.errors.ERROR_CODES`). Records stream out as they are made (nothing accumulates),
as JSONL or as CSV rows (:func:`csv_rows`).

The work is pure functions of an input (:func:`run_item`), so a pool of processes, a Dask
cluster or a Spark ``mapPartitions`` can run it alike.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import os
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError, OptionError
from .inputs import HTML_SUFFIXES
from .pool import given_up, pool_map, start_method

#: Suffixes read as articles when a folder is walked; ``.jsonl`` files are read as records.
ARTICLE_SUFFIXES = (".txt", ".md", *HTML_SUFFIXES)
RECORD_SUFFIXES = (".jsonl",)


@dataclass(frozen=True)
class Item:
    """One input: a file to read, a JSONL record's text, or an error found while listing."""

    source: str
    path: str | None = None  # read (and decoded) by the worker
    text: str | None = None  # a JSONL record's text
    published: str | None = None
    error: tuple[str, str] | None = None  # (code, message) known before extraction
    warnings: tuple[str, ...] = ()  # from reading the file (a file read before it travels to a worker)
    page: dict[str, Any] | None = None  # the web page the text was taken from


def discover(paths: Iterable[str], output: Path | None = None) -> Iterator[Item]:
    """The inputs named by ``paths``, in order: folders walked recursively (sorted), globs
    expanded (sorted), JSONL files expanded to their records. A path that names nothing is an
    error item, so that it too gives a record. ``output``, the file the records go to, is never
    read: a folder walk or a glob passes over it, and naming it is an error item."""
    mine = output.resolve() if output is not None else None

    def items_of(path: Path, named: bool) -> Iterator[Item]:
        if mine is not None and path.resolve() == mine:
            if named:
                yield Item(source=str(path), error=("is_output", f"{path}: is the output file of this run"))
            return
        yield from _items_of(path)

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(_walk(p)):
                yield from items_of(f, False)
        elif not p.exists() and not p.is_symlink() and glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield Item(source=raw, error=("not_found", f"{raw}: no file matches this pattern"))
            for m in matches:
                if Path(m).is_dir():
                    for f in sorted(_walk(Path(m))):
                        yield from items_of(f, False)
                else:
                    yield from items_of(Path(m), False)
        else:
            yield from items_of(p, True)


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in files:
            if name.endswith(ARTICLE_SUFFIXES + RECORD_SUFFIXES) and not name.startswith("."):
                yield Path(root) / name


def _items_of(path: Path) -> Iterator[Item]:
    if path.name.endswith(RECORD_SUFFIXES) and path.is_file():
        yield from _records_of(path)
    else:
        yield Item(source=str(path), path=str(path))


def _records_of(path: Path) -> Iterator[Item]:
    """The records of a JSONL file; a line that is not a record is an error item with its line number."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Item(source=str(path), error=("unreadable", f"{path}: cannot be read ({exc.strerror or exc})"))
        return
    with handle:
        for n, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            where = f"{path}:{n}"
            try:
                rec = json.loads(raw.decode("utf-8-sig"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield Item(source=where, error=("bad_record", f"{where}: not a JSON object ({exc})"))
                continue
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                yield Item(source=where, error=("bad_record", f"{where}: expected an object with a 'text' string"))
                continue
            source = str(rec["id"]) if rec.get("id") is not None else where
            published = rec.get("published")
            yield Item(source=source, text=rec["text"], published=str(published) if published else None)


# ---------------------------------------------------------------------------------------------
# the work on one input


_EXTRACTOR: Any = None


def set_extractor(extractor: Any) -> None:
    """Use this extractor in this process (a pool's workers inherit it when forked)."""
    global _EXTRACTOR
    _EXTRACTOR = extractor


def _init_worker(options: dict[str, Any]) -> None:
    if _EXTRACTOR is None:  # a spawned (not forked) worker builds its own
        from .api import Extractor

        set_extractor(Extractor(**options))


def run_item(item: Item, published: str | None = None, extractor: Any = None) -> dict[str, Any]:
    """The output record of one input, as a JSON-ready dict (never raises). ``extractor``: the
    :class:`~rumourx.Extractor` to use (by default, this process's)."""
    from .results import ErrorInfo, ErrorRecord

    def error(code: str, message: str) -> dict[str, Any]:
        return ErrorRecord(source=item.source, error=ErrorInfo(code=code, message=message)).to_dict()

    if item.error is not None:
        return error(*item.error)
    try:
        item = read_here(item, raise_errors=True)
        text = item.text or ""
        if not text.strip():
            raise InputError(f"{item.source}: the article is empty", "empty")
        ex = extractor if extractor is not None else _EXTRACTOR
        res = ex.extract(text, published=published or item.published, source=item.source)
        out: dict[str, Any] = res.with_input_warnings(item.warnings, item.page).to_dict()
        return out
    except InputError as exc:
        return error(exc.code, _sourced(item.source, exc.message))
    except Exception as exc:  # a bug must not stop the batch
        return error("internal", f"{item.source}: internal error ({type(exc).__name__}: {exc})")


def _sourced(source: str, message: str) -> str:
    return message if message.startswith(source) else f"{source}: {message}"


def _work(args: tuple[Item, str | None, str, str]) -> tuple[str, int, bool]:
    """Run one input in a worker: (its serialised output, its number of warnings, whether it failed)."""
    item, published, fmt, kind = args
    return _written(run_item(item, published), fmt, kind)


def _written(rec: dict[str, Any], fmt: str, kind: str) -> tuple[str, int, bool]:
    """A record as the batch writes it: (its serialised text, its number of warnings, whether it failed)."""
    return serialise(rec, fmt, kind), len(rec.get("warnings", [])), "error" in rec


def _lost(job: tuple[Item, str | None, str, str], reason: str) -> tuple[str, int, bool]:
    """The record of an input given up because the worker processes running it died (see :mod:`rumourx.pool`)."""
    from .results import ErrorInfo, ErrorRecord

    item, _, fmt, kind = job
    error = ErrorInfo(code="worker_died", message=given_up(item.source, reason))
    return _written(ErrorRecord(source=item.source, error=error).to_dict(), fmt, kind)


def _work_many(jobs: list[tuple[Item, str | None, str, str]]) -> list[tuple[str, int, bool]]:
    """:func:`_work` for a few inputs at once (one round trip to a pool's worker for them all)."""
    return [_work(job) for job in jobs]


def chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def serialise(rec: dict[str, Any], fmt: str, kind: str = "transfers") -> str:
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerows(csv_rows(rec, kind))
        return buf.getvalue()
    return json.dumps(rec, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------------------------------------
# clusters: Dask, and the same partition function for Spark


def read_here(item: Item, *, raise_errors: bool = False) -> Item:
    """The item with its file read and decoded in this process (its text, or its reading error),
    so that it can travel to a worker that does not see this machine's files. A web page's own
    date stands when the item has none."""
    if item.path is None or item.error is not None:
        return item
    from .inputs import read_article

    try:
        art = read_article(item.path)
    except InputError as exc:
        if raise_errors:
            raise
        return Item(source=item.source, published=item.published, error=(exc.code, _sourced(item.source, exc.message)))
    return Item(source=item.source, text=art.text, published=item.published or art.published,
                warnings=art.warnings, page=art.page)


_BUILT: dict[tuple[tuple[str, Any], ...], Any] = {}
_ONE_AT_A_TIME = threading.Lock()  # an extractor's per-article caches are not shared between threads


def extractor_for(options: dict[str, Any]) -> Any:
    """The :class:`~rumourx.Extractor` with these options in this process, built on first use
    (a cluster worker builds it once and keeps it)."""
    key = tuple(sorted(options.items()))
    ex = _BUILT.get(key)
    if ex is None:
        from .api import Extractor

        ex = _BUILT[key] = Extractor(**options)
    return ex


def extract_partition(items: Iterable[Item | dict[str, Any]], options: dict[str, Any] | None = None,
                      published: str | None = None) -> list[dict[str, Any]]:
    """The records of a partition of inputs, in order: what a Dask task or a Spark
    ``mapPartitions`` runs. Inputs are :class:`Item` s or ``{"id", "text", "published"}`` dicts;
    ``options`` are :class:`~rumourx.Extractor`'s (``model``, ``gazetteer``, ``currency``). Never
    raises for an input: a bad one gives an error record.

    >>> recs = extract_partition([{"id": "a", "text": "Lazio want €12m for the winger.", "published": "2025-06-01"},
    ...                           {"id": "b", "text": ""}], {"currency": None})
    >>> [(r["source"], [f["amount"] for f in r.get("fees", [])], r.get("error", {}).get("code")) for r in recs]
    [('a', [12000000], None), ('b', [], 'empty')]
    """
    ex = extractor_for(options or {})
    out = []
    for n, it in enumerate(items):
        if isinstance(it, dict):
            pub = it.get("published")
            it = Item(source=str(it.get("id", n)), text=str(it.get("text") or ""), published=str(pub) if pub else None)
        with _ONE_AT_A_TIME:
            out.append(run_item(it, published, ex))
    return out


def _partition_serialised(items: list[Item], options: dict[str, Any], published: str | None, fmt: str,
                          kind: str) -> list[tuple[str, int, bool]]:
    return [_written(rec, fmt, kind) for rec in extract_partition(items, options, published)]


def on_dask(items: Iterable[Item], cluster: Any, options: dict[str, Any] | None = None, published: str | None = None,
            *, fmt: str | None = None, kind: str = "transfers", per_task: int = 8,
            connect_timeout: float = 10) -> Iterator[Any]:
    """Run extraction over a Dask cluster: one record per input, in input order, equal to the
    local run's. ``cluster``: a scheduler address (``"tcp://host:8786"``) or a
    ``distributed.Client``. Files are read here and travel as text, so workers need not see them.
    Yields record dicts, or with ``fmt`` ("jsonl"/"csv") ``(text, warnings, failed)`` tuples.
    At most a few tasks per worker thread are in flight, so memory stays flat."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise OptionError("the Dask engine needs the dask extra: pip install 'rumourx[dask]'") from exc
    from collections import deque

    own = not isinstance(cluster, Client)
    try:
        client = Client(cluster, timeout=connect_timeout) if own else cluster
    except (OSError, TimeoutError, ValueError) as exc:
        raise OptionError(f"cannot reach the Dask scheduler at {cluster}: {exc}") from exc
    try:
        threads = max(1, sum(client.nthreads().values()))
        options = dict(options or {})
        pending: deque[Any] = deque()

        def submit(chunk: list[Item]) -> None:
            if fmt is None:
                pending.append(client.submit(extract_partition, chunk, options, published, pure=False))
            else:
                pending.append(client.submit(_partition_serialised, chunk, options, published, fmt, kind, pure=False))

        chunk: list[Item] = []
        for item in items:
            chunk.append(read_here(item))
            if len(chunk) == per_task:
                submit(chunk)
                chunk = []
                if len(pending) >= 3 * threads:
                    yield from pending.popleft().result()
        if chunk:
            submit(chunk)
        while pending:
            yield from pending.popleft().result()
    finally:
        if own:
            client.close()


# ---------------------------------------------------------------------------------------------
# CSV

#: The columns of each CSV table; every table starts with the input's source and date and
#: ends with its error (empty for a result).
CSV_COLUMNS: dict[str, list[str]] = {
    "transfers": ["player", "from_club", "to_club", "status", "stage", "type", "confidence", "fee_amount",
                  "fee_currency", "fee_text", "window", "window_year", "year", "reported_by"],
    "fees": ["text", "start", "end", "amount", "currency", "kind", "qualifier", "period", "player",
             "converted_amount", "converted_currency"],
    "quotes": ["text", "start", "end", "speaker", "group"],
    "players": ["name", "club", "mentions"],
    "people": ["name", "role", "mentions"],
    "clubs": ["name", "id", "country", "mentions"],
    "windows": ["text", "start", "end", "window", "year", "tense", "calendar"],
}


def csv_header(kind: str) -> list[str]:
    return ["source", "published", *CSV_COLUMNS[kind], "error"]


def csv_rows(rec: dict[str, Any], kind: str) -> list[list[Any]]:
    """One row per item of the chosen table; an input with none (or an error) gives one row
    holding only its source (and its error), so that every input has a row."""
    head = [rec.get("source"), rec.get("published") or ""]
    width = len(CSV_COLUMNS[kind])
    if "error" in rec:
        err = rec["error"]
        return [[*head, *([""] * width), f"{err['code']}: {err['message']}"]]
    rows = [[*head, *("" if v is None else v for v in values), ""] for values in _values(rec, kind)]
    return rows or [[*head, *([""] * width), ""]]


def _values(rec: dict[str, Any], kind: str) -> Iterator[list[Any]]:
    if kind == "transfers":
        fees = {f["id"]: f for f in rec["fees"]}
        for t in rec["transfers"]:
            fee = next((fees[i] for i in t["fees"] if i in fees and fees[i]["kind"] == "fee"), None)
            win = rec["windows"][t["windows"][0]] if t["windows"] else None
            yield [t["player"], t["from_club"], t["to_club"], t["status"], t["stage"], t["type"], t["confidence"],
                   fee and fee["amount"], fee and fee["currency"], fee and fee["text"], win and win["window"],
                   win and win["year"], t["year"], t["source"]]
    elif kind == "fees":
        for f in rec["fees"]:
            conv = f.get("converted") or {}
            yield [f["text"], f["start"], f["end"], f["amount"], f["currency"], f["kind"], f["qualifier"],
                   f["period"], f["player"], conv.get("amount"), conv.get("currency")]
    elif kind == "quotes":
        for q in rec["quotes"]:
            yield [q["text"], q["start"], q["end"], q["speaker"], q["group"]]
    elif kind in ("players", "people"):
        for p in rec[kind]:
            yield [p["name"], p.get("club") if kind == "players" else p.get("role"), len(p["mentions"])]
    elif kind == "clubs":
        for c in rec["clubs"]:
            yield [c["name"], c["id"], c["country"], len(c["mentions"])]
    elif kind == "windows":
        for w in rec["windows"]:
            yield [w["text"], w["start"], w["end"], w["window"], w["year"], w["tense"], w["calendar"]]


# ---------------------------------------------------------------------------------------------
# resuming


def done_sources(path: Path, fmt: str) -> list[str]:
    """The sources an interrupted run has fully written to ``path``, in order. The file is cut
    back to them: a half-written last line, and for CSV the rows of the last input (which may be
    partial), are removed so that they are written again."""
    data = path.read_bytes()
    keep = data[: data.rfind(b"\n") + 1]  # whole lines only
    sources: list[str] = []
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(keep.decode("utf-8"))))
        if not rows or rows[0][:1] != ["source"]:
            rows = []
        body = rows[1:]
        last = body[-1][0] if body else None
        body = [r for r in body if r and r[0] != last]
        for r in body:
            if not sources or sources[-1] != r[0]:
                sources.append(r[0])
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        if rows:
            w.writerow(rows[0])
        w.writerows(body)
        keep = buf.getvalue().encode("utf-8")
    else:
        for line in keep.splitlines():
            try:
                sources.append(str(json.loads(line)["source"]))
            except (ValueError, KeyError, TypeError):
                continue
    if keep != data:
        path.write_bytes(keep)
    return sources


__all__ = ["CSV_COLUMNS", "Item", "chunks", "csv_header", "csv_rows", "discover", "done_sources", "extract_partition",
           "extractor_for", "on_dask", "pool_map", "read_here", "run_item", "serialise", "set_extractor",
           "start_method"]
