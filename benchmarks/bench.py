"""Speed and memory of rumourx against spaCy's tokenizer-only pass, measured in one run on one corpus.

    python3 -m venv /tmp/rx && /tmp/rx/bin/pip install . && /tmp/rx/bin/python benchmarks/bench.py --docs 1000
    python benchmarks/bench.py --docs 600 --memory 2000,20000

Run it with the rumourx that ``pip install .`` installs (its extraction modules compiled by mypyc), as
the first line does; an editable install runs them as pure Python, slower. The output says which
one it measured.

The corpus is the fixture articles repeated to N documents. Prints, all measured in this run:
articles per second for spaCy ``blank("en")`` tokenisation and for rumourx's full extraction
with one worker, and their ratio (rumourx time / tokenizer time), each pass the fastest of
``--rounds`` rounds taken in turn; the time of each rumourx component alone as a ratio to the
same tokenizer pass; ``rumourx batch`` on the corpus with one worker and with every core (the
speed-up, counted from the process's start and from the pipeline built as the batch's own
summary counts it; the fastest of ``--rounds`` runs taken in turn); the cold start of ``rumourx
extract`` on one article next to ``python -c "import spacy; spacy.blank('en')"``; and with
``--memory``, the peak memory of ``rumourx batch`` (its largest process) on corpora of each
size, to show it stays flat.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "sample.txt"


def corpus(n: int, folder: Path = ROOT / "fixtures") -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return [texts[i % len(texts)] for i in range(n)]


def write_jsonl(docs: list[str], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i, d in enumerate(docs):
            f.write(json.dumps({"id": f"doc-{i}", "text": d}, ensure_ascii=False) + "\n")


# the parent of each batch run: times it (its own start-up not counted) and reports the peak
# memory of the largest of the batch's processes
_PEAK = ("import resource, subprocess, sys, time; t0 = time.perf_counter(); subprocess.run(sys.argv[1:], check=True); "
         "print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def run_batch(jsonl: Path, workers: int) -> tuple[float, float, float]:
    """Seconds and peak RSS (MB, of the largest of its processes) of ``rumourx batch`` in a fresh
    process, measured by a parent of its own so that runs do not mask each other; and the seconds
    the batch itself reports (from its pipeline built to its last record written)."""
    out = jsonl.with_suffix(f".w{workers}.out")
    done = subprocess.run([sys.executable, "-c", _PEAK, sys.executable, "-m", "rumourx", "batch", str(jsonl),
                           "-o", str(out), "-w", str(workers)], check=True, capture_output=True, text=True)
    out.unlink()
    took, peak = done.stdout.split()[-2:]
    # its summary line: "rumourx: N articles (...) in 16.1 s: 93.2 articles/s with ..." (the rate has more digits)
    reported = re.search(r"(\d+) articles \(.* ([\d.]+) articles/s", done.stderr)
    if reported is None:
        raise SystemExit(f"rumourx batch printed no summary: {done.stderr!r}")
    return float(took), int(peak) / 1024, int(reported.group(1)) / float(reported.group(2))


def cold(cmd: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def build_kind() -> str:
    """Which rumourx this run measures: the compiled modules of ``pip install .`` or pure Python
    (an editable install, or a wheel built with ``RUMOURX_PURE_PYTHON=1`` or without a C compiler)."""
    import rumourx.transfers

    where = Path(rumourx.transfers.__file__)
    if where.suffix == ".py":
        return f"pure Python ({where.parent}); `pip install .` compiles it and runs faster"
    return f"compiled with mypyc ({where.parent})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=600, help="documents in the corpus")
    ap.add_argument("--fixtures", type=Path, default=ROOT / "fixtures", help="folder of articles (*.txt)")
    ap.add_argument("--memory", default="", help="corpus sizes for the peak-memory runs, e.g. 2000,20000")
    ap.add_argument("--no-batch", action="store_true", help="skip the batch, cold-start and memory runs")
    ap.add_argument("--rounds", type=int, default=3,
                    help="rounds of the tokenizer and rumourx passes, taken in turn; the best of each is kept")
    args = ap.parse_args()
    docs = corpus(args.docs, args.fixtures)

    import spacy

    from rumourx import Extractor

    nlp = spacy.blank("en")
    ex = Extractor()
    ex.extract(docs[0])  # warm up (lazy data, regex compilation)

    # the two passes in turn, several rounds, the fastest of each kept: a slow spell of a shared
    # machine then weighs on neither side alone (as timeit keeps the best of its repeats)
    tok = full = float("inf")
    for _ in range(max(1, args.rounds)):
        t0 = time.perf_counter()
        for _ in nlp.tokenizer.pipe(docs):
            pass
        tok = min(tok, time.perf_counter() - t0)

        t0 = time.perf_counter()
        for d in docs:
            ex.extract(d)
        full = min(full, time.perf_counter() - t0)

    # the same tokenizer as rumourx runs it: its chunk cache filled first (rumourx.tokens)
    from rumourx.tokens import TokenizerWarmer

    nlp2 = spacy.blank("en")
    warm = TokenizerWarmer(nlp2.tokenizer)
    t0 = time.perf_counter()
    for d in docs:
        warm(d)
        nlp2.tokenizer(d)
    warmed = time.perf_counter() - t0

    words = sum(len(d.split()) for d in docs) / len(docs)
    print(f"corpus: {len(docs)} articles, {words:.0f} words on average; {os.cpu_count()} cores; "
          f"best of {max(1, args.rounds)} rounds")
    print(f"rumourx build: {build_kind()}")
    print("| pass | articles/s | time (s) |")
    print("| --- | --- | --- |")
    print(f"| spaCy blank('en') tokenizer only | {len(docs) / tok:,.0f} | {tok:.2f} |")
    print(f"| rumourx full extraction, 1 worker | {len(docs) / full:,.0f} | {full:.2f} |")
    print(f"| spaCy blank('en') tokenizer, cache filled as rumourx does | {len(docs) / warmed:,.0f} | {warmed:.2f} |")
    print(f"ratio (rumourx time / tokenizer time): {full / tok:.2f}x")
    print(f"ratio to the cache-filled tokenizer (rumourx time / that time): {full / warmed:.2f}x")

    spent = dict.fromkeys(ex.nlp.pipe_names, 0.0)
    for d in docs:
        doc = ex.nlp.make_doc(d)
        for name, proc in ex.nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            spent[name] += time.perf_counter() - t0
    print("| component | time (s) | ratio to the tokenizer pass |")
    print("| --- | --- | --- |")
    for name, secs in spent.items():
        print(f"| {name} | {secs:.2f} | {secs / tok:.2f}x |")
    if args.no_batch:
        return

    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "corpus.jsonl"
        write_jsonl(docs, jsonl)
        # one worker and all cores in turn, the fastest run of each kept, as for the passes above
        one = many = one_in = many_in = float("inf")
        for _ in range(max(1, args.rounds)):
            took, _, inside = run_batch(jsonl, 1)
            one, one_in = min(one, took), min(one_in, inside)
            took, _, inside = run_batch(jsonl, cores)
            many, many_in = min(many, took), min(many_in, inside)
        print(f"| rumourx batch (fresh process; best of {max(1, args.rounds)}) | articles/s | "
              "time (s), start-up included | time (s) the batch reports, from its pipeline built |")
        print("| --- | --- | --- | --- |")
        print(f"| 1 worker | {len(docs) / one:,.0f} | {one:.2f} | {one_in:.2f} |")
        print(f"| {cores} workers | {len(docs) / many:,.0f} | {many:.2f} | {many_in:.2f} |")
        print(f"speed-up with all cores: {one / many:.2f}x (start-up included); "
              f"{one_in / many_in:.2f}x (as the batch reports it)")
        if args.memory:
            print("| corpus | peak memory of the largest process (MB) | time (s) |")
            print("| --- | --- | --- |")
            for n in (int(x) for x in args.memory.split(",")):
                big = Path(tmp) / f"corpus-{n}.jsonl"
                write_jsonl(corpus(n, args.fixtures), big)
                took, peak, _ = run_batch(big, 1)
                print(f"| {n:,} articles | {peak:,.0f} | {took:.1f} |")
                big.unlink()

    # rumourx's modules byte-compiled first, as pip does when it installs a package (spaCy's were,
    # at its install); an editable install run with PYTHONDONTWRITEBYTECODE would otherwise
    # compile every module again at each start
    import rumourx

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(rumourx.__file__).parent)], check=True)
    bare = cold([sys.executable, "-c", "import spacy; spacy.blank('en')"])
    ours = cold([sys.executable, "-m", "rumourx", "extract", str(SAMPLE), "--format", "json"])
    print("| cold start (median of 5; rumourx byte-compiled as an install leaves it) | time (s) |")
    print("| --- | --- |")
    print(f"| python -c \"import spacy; spacy.blank('en')\" | {bare:.2f} |")
    print(f"| rumourx extract examples/sample.txt | {ours:.2f} |")
    print(f"ratio: {ours / bare:.2f}x")


if __name__ == "__main__":
    main()
