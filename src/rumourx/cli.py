"""The rumourx command line: each command is a few lines over the library."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from . import __version__

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator

    from .api import Extractor

app = typer.Typer(
    name="rumourx",
    help="Structured data from football transfer news: players, clubs, fees, quotes, windows "
    "and transfer links.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


class OutFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class BatchFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"


class CsvKind(StrEnum):
    transfers = "transfers"
    fees = "fees"
    quotes = "quotes"
    players = "players"
    people = "people"
    clubs = "clubs"
    windows = "windows"


class ReportFormat(StrEnum):
    table = "table"
    json = "json"


def _err(msg: str) -> None:
    typer.echo(f"rumourx: {msg}", err=True)


def _check_quiet_verbose(quiet: bool, verbose: bool) -> None:
    if quiet and verbose:
        _err("error: --quiet and --verbose exclude each other")
        raise typer.Exit(2)


def _found(res: Any) -> str:
    """One line on what an input gave (``--verbose``)."""
    parts = [f"{len(res.players)} players", f"{len(res.clubs)} clubs", f"{len(res.fees)} fees",
             f"{len(res.quotes)} quotes", f"{len(res.windows)} windows", f"{len(res.transfers)} transfer links"]
    line = f"{res.source}: " + ", ".join(parts)
    if res.warnings:
        line += "; warnings: " + ", ".join(w.code for w in res.warnings)
    return line


def _version(value: bool) -> None:
    if value:
        typer.echo(f"rumourx {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[bool | None, typer.Option("--version", callback=_version, is_eager=True,
                                                 help="Print the version and exit.")] = None,
) -> None:
    """rumourx reads transfer news and prints structured data."""


def _check_published(published: str | None) -> None:
    """A usage error (exit 2) unless ``--published`` is a YYYY-MM-DD date."""
    if published is not None:
        from .text import parse_iso_date

        try:
            parse_iso_date(published)
        except ValueError as exc:
            _err(f"error: --published {published!r} is not a YYYY-MM-DD date")
            raise typer.Exit(2) from exc


def _extractor(model: str | None, gazetteer: Path | None, currency: str | None = "EUR") -> Extractor:
    from .api import Extractor
    from .errors import RumourxError

    try:
        return Extractor(model=model, gazetteer=str(gazetteer) if gazetteer else None, currency=currency)
    except RumourxError as exc:
        _err(f"error: {exc.message}")
        raise typer.Exit(2) from exc
    except OSError as exc:  # spacy.load of an unknown --model
        _err(f"error: cannot load the spaCy pipeline {model!r}: {exc}")
        raise typer.Exit(2) from exc


@app.command()
def extract(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Article files: plain text, or HTML pages (.html, .htm; needs the html extra). '-' or nothing "
        "reads standard input.", show_default=False)] = None,
    format: Annotated[OutFormat | None, typer.Option(
        "--format", "-f", help="table (default on a terminal), json (default otherwise) or jsonl.",
        case_sensitive=False)] = None,
    published: Annotated[str | None, typer.Option(
        help="Publication date YYYY-MM-DD; overrides the article's 'date' header and a page's date.")] = None,
    model: Annotated[str | None, typer.Option(
        help="An installed spaCy pipeline (name or path) to run before rumourx's components.")] = None,
    gazetteer: Annotated[Path | None, typer.Option(
        help="A JSONL file of extra clubs, players, people and club aliases (see the README).")] = None,
    currency: Annotated[str, typer.Option(
        help="Base currency: every fee is also given in it, at the article's date (offline ECB rates).")] = "EUR",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No error lines on standard error "
                                        "(the records still hold the errors; the exit code still says).")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="A line per input on standard error: what was "
                                          "found, and its warnings.")] = False,
) -> None:
    """Extract players, clubs, fees, quotes, windows and transfer links from articles."""
    from .errors import InputError
    from .inputs import read_article
    from .render import print_tables, to_json, to_jsonl
    from .results import ErrorInfo, ErrorRecord, Result

    sources = paths or ["-"]
    fmt = format or (OutFormat.table if sys.stdout.isatty() else OutFormat.json)
    _check_published(published)
    _check_quiet_verbose(quiet, verbose)
    say = (lambda msg: None) if quiet else _err
    ex = _extractor(model, gazetteer, currency)
    records: list[Result | ErrorRecord] = []
    failed = False
    for src in sources:
        try:
            art = read_article(src)
            res = ex.extract(art.text, published=published or art.published, source=src)
            records.append(res.with_input_warnings(art.warnings, art.page))
            if verbose:
                _err(_found(records[-1]))
        except InputError as exc:
            failed = True
            say(f"error: {exc.message}")
            records.append(ErrorRecord(source=src, error=ErrorInfo(code=exc.code, message=exc.message)))
        except Exception as exc:  # a bug must not stop the other inputs
            failed = True
            say(f"error: {src}: internal error ({type(exc).__name__}: {exc})")
            records.append(ErrorRecord(source=src, error=ErrorInfo(code="internal", message=str(exc))))
    if fmt == OutFormat.table:
        from rich.console import Console

        print_tables(records, Console())
    elif fmt == OutFormat.jsonl:
        sys.stdout.write(to_jsonl(records))
    else:
        sys.stdout.write(to_json(records) + "\n")
    if failed:
        raise typer.Exit(1)


@app.command()
def batch(
    paths: Annotated[list[str], typer.Argument(
        help="Article files (.txt, .md, and .html/.htm pages with the html extra), folders (walked recursively), "
        "glob patterns, and JSONL files of "
        "{\"id\", \"text\", \"published\"} records.", show_default=False)],
    output: Annotated[str, typer.Option("--output", "-o", help="Output file; '-' writes to standard output.")],
    format: Annotated[BatchFormat, typer.Option(
        "--format", "-f", help="jsonl (one record per input) or csv (one row per item of --csv-kind).",
        case_sensitive=False)] = BatchFormat.jsonl,
    csv_kind: Annotated[CsvKind, typer.Option(
        "--csv-kind", help="The table a CSV holds: transfers, fees, quotes, players, people, clubs or windows.",
        case_sensitive=False)] = CsvKind.transfers,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1, help="Processes to run (default: the machine's cores).")] = None,
    resume: Annotated[bool, typer.Option(
        help="Continue an interrupted run: inputs already in --output are skipped, the rest appended.")] = False,
    published: Annotated[str | None, typer.Option(
        help="Publication date YYYY-MM-DD for every input; overrides headers and records.")] = None,
    model: Annotated[str | None, typer.Option(
        help="An installed spaCy pipeline (name or path) to run before rumourx's components.")] = None,
    gazetteer: Annotated[Path | None, typer.Option(
        help="A JSONL file of extra clubs, players, people and club aliases.")] = None,
    currency: Annotated[str, typer.Option(help="Base currency every fee is also given in.")] = "EUR",
    dask: Annotated[str | None, typer.Option(
        "--dask", metavar="ADDRESS", help="Run on a Dask cluster (its scheduler address, e.g. tcp://host:8786) "
        "instead of local processes; needs the dask extra.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Each failed input and each warned one on "
                                          "standard error as it is written.")] = False,
) -> None:
    """Extract from many articles with every core: one record per input, in input order."""
    import os
    import time
    from collections import Counter

    from .batch import csv_header, discover, done_sources

    _check_published(published)
    _check_quiet_verbose(quiet, verbose)
    if resume and output == "-":
        _err("error: --resume needs an --output file")
        raise typer.Exit(2)
    fmt, kind = format.value, csv_kind.value
    out_path = None if output == "-" else Path(output)
    skip: Counter[str] = Counter()
    if resume and out_path is not None and out_path.exists():
        skip.update(done_sources(out_path, fmt))
    items = (it for it in discover(paths, out_path) if not _take(skip, it.source))
    if dask is not None:
        import importlib.util

        if importlib.util.find_spec("distributed") is None:
            _err("error: --dask needs the dask extra: pip install 'rumourx[dask]'")
            raise typer.Exit(2)
    ex = _extractor(model, gazetteer, currency)  # here too: bad options fail at once, with their message
    n_workers = workers or os.cpu_count() or 1
    if out_path is not None:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        fresh = not (resume and out_path.exists() and out_path.stat().st_size)
        handle: TextIO = out_path.open("w" if fresh else "a", encoding="utf-8", newline="")
    else:
        fresh, handle = True, sys.stdout
    if fmt == "csv" and fresh:
        handle.write(",".join(csv_header(kind)) + "\n")
    started, n, failed, warned = time.perf_counter(), 0, 0, 0
    progress = None
    if not quiet and sys.stderr.isatty():
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        progress = Progress(TextColumn("rumourx batch"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                            transient=True)
        progress.start()
        task = progress.add_task("articles", total=None)
    try:
        options = {"model": model, "gazetteer": str(gazetteer) if gazetteer else None, "currency": currency}
        if dask is not None:
            from .batch import on_dask

            records: Iterator[tuple[str, int, bool]] = on_dask(items, dask, options, published, fmt=fmt, kind=kind)
        else:
            records = _run(items, ex, options, n_workers, published, fmt, kind)
        for text, n_warn, is_error in _reported(records):
            handle.write(text)
            handle.flush()
            n += 1
            failed += is_error
            warned += n_warn > 0
            if verbose and (is_error or n_warn):
                _err(_told(text, fmt))
            if progress is not None:
                progress.advance(task)
    finally:
        if progress is not None:
            progress.stop()
        if handle is not sys.stdout:
            handle.close()
    took = time.perf_counter() - started
    if not quiet:
        rate = n / took if took > 0 else 0.0
        _err(f"{n} articles ({n - failed} extracted, {failed} errors, {warned} with warnings) "
             f"in {took:.1f} s: {rate:.1f} articles/s "
             + (f"on the Dask cluster at {dask}" if dask else f"with {n_workers} worker{'s' * (n_workers > 1)}")
             + ("; resumed" if resume else ""))
    if failed:
        raise typer.Exit(1)


def _told(text: str, fmt: str) -> str:
    """A batch record's error or warnings, in one line (``--verbose``)."""
    if fmt == "csv":
        import csv
        import io

        row = next(csv.reader(io.StringIO(text)))
        return f"{row[0]}: " + (f"error {row[-1]}" if row[-1] else "warnings")
    rec = json.loads(text)
    if "error" in rec:
        return f"{rec['source']}: error {rec['error']['code']}: {rec['error']['message']}"
    return f"{rec['source']}: warnings: " + ", ".join(w["code"] for w in rec["warnings"])


def _reported(records: Iterator[Any]) -> Iterator[Any]:
    """The records, an option error raised while making them (a Dask scheduler out of reach)
    turned into its message and exit code 2."""
    from .errors import OptionError

    try:
        yield from records
    except OptionError as exc:
        _err(f"error: {exc.message}")
        raise typer.Exit(2) from exc


def _take(skip: dict[str, int], source: str) -> bool:
    """Whether an input was already written by the interrupted run (each written record skips one input)."""
    if skip.get(source, 0) > 0:
        skip[source] -= 1
        return True
    return False


def _run(items: Any, ex: Extractor, options: dict[str, Any], n_workers: int, published: str | None, fmt: str,
         kind: str) -> Iterator[tuple[str, int, bool]]:
    """Each input's serialised record, in input order: in this process, or in a pool of processes
    (forked workers share the loaded pipeline). At most a few inputs per worker are in flight,
    so memory stays flat however long the run."""
    from . import batch as b

    b.set_extractor(ex)
    jobs = ((item, published, fmt, kind) for item in items)
    if n_workers <= 1:
        yield from map(b._work, jobs)
        return
    # a few inputs per task (each task costs the pool a round trip)
    yield from b.pool_map(b._work_many, b.chunks(jobs, _PER_TASK), n_workers, b._init_worker, (options,),
                          lost=b._lost)


_PER_TASK = 4


@app.command()
def evaluate(
    folder: Annotated[Path, typer.Argument(help="Folder of articles (*.txt) with gold files (*.json).")],
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help="table or json.",
                                                 case_sensitive=False)] = ReportFormat.table,
    details: Annotated[bool, typer.Option(help="List each article's misses (+ extra, - missing).")] = False,
    model: Annotated[str | None, typer.Option(help="An installed spaCy pipeline to run first.")] = None,
) -> None:
    """Score the extractor on gold-annotated articles: precision, recall and F1 per category."""
    import json

    from .evaluate import evaluate_folder, find_pairs

    if not folder.is_dir():
        _err(f"error: {folder}: not a folder")
        raise typer.Exit(2)
    if not find_pairs(folder):
        _err(f"error: {folder}: no article (*.txt) with a gold file (*.json) beside it")
        raise typer.Exit(2)
    report = evaluate_folder(folder, _extractor(model, None)).to_dict(details=details)
    if format == ReportFormat.json:
        typer.echo(json.dumps(report, indent=2))
    else:
        from rich.console import Console

        from .render import print_report

        console = Console()
        print_report(report, console)
        if details:
            for art in report["details"]:
                for cat, miss in art["misses"].items():
                    console.print(f"[bold]{art['id']}[/] {cat}: " + "; ".join(map(str, miss)), highlight=False)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output records."""
    import json

    from .results import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


def main() -> None:
    """Console-script entry point (and ``python -m rumourx``)."""
    try:
        app()
    except SystemExit as exc:
        _exit(exc.code)
    _exit(0)


def _exit(code: object) -> None:
    """End the process with ``code``, without freeing the loaded pipeline's objects one by one
    (about 0.2 s the operating system does at once): the exit handlers run and the standard
    streams are flushed, as at a normal exit. A normal exit when other threads still run, or
    when ``code`` is a message rather than a number."""
    import atexit
    import contextlib
    import os
    import threading

    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if not (code is None or isinstance(code, int)) or threading.active_count() > 1 or run_exit_handlers is None:
        raise SystemExit(code)
    run_exit_handlers()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe or stream: nothing more to write
            stream.flush()
    os._exit(code or 0)


if __name__ == "__main__":  # pragma: no cover
    main()
