"""Speed of rumourx against spaCy's tokenizer-only pass, measured in one run on one corpus.

    python benchmarks/bench.py --docs 1000

The corpus is the fixture articles repeated to N documents. Prints articles per second for
spaCy ``blank("en")`` tokenisation and for rumourx's full extraction (one worker), and their
ratio (rumourx time / tokenizer time), then the time of each rumourx component alone as a
ratio to the same tokenizer pass.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus(n: int, folder: Path = ROOT / "fixtures") -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return [texts[i % len(texts)] for i in range(n)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=600, help="documents in the corpus")
    ap.add_argument("--fixtures", type=Path, default=ROOT / "fixtures", help="folder of articles (*.txt)")
    args = ap.parse_args()
    docs = corpus(args.docs, args.fixtures)

    import spacy

    from rumourx import Extractor

    nlp = spacy.blank("en")
    ex = Extractor()
    ex.extract(docs[0])  # warm up (lazy data, regex compilation)

    t0 = time.perf_counter()
    for _ in nlp.tokenizer.pipe(docs):
        pass
    tok = time.perf_counter() - t0

    t0 = time.perf_counter()
    for d in docs:
        ex.extract(d)
    full = time.perf_counter() - t0

    words = sum(len(d.split()) for d in docs) / len(docs)
    print(f"corpus: {len(docs)} articles, {words:.0f} words on average")
    print("| pass | articles/s | time (s) |")
    print("| --- | --- | --- |")
    print(f"| spaCy blank('en') tokenizer only | {len(docs) / tok:,.0f} | {tok:.2f} |")
    print(f"| rumourx full extraction, 1 worker | {len(docs) / full:,.0f} | {full:.2f} |")
    print(f"ratio (rumourx time / tokenizer time): {full / tok:.1f}x")

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


if __name__ == "__main__":
    main()
