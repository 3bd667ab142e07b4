"""Raise the fixture floors in tests/floors.json to the measured figures (never lowers them).

    python scripts/raise_floors.py

Each floor becomes the measured value floored to three decimals (minus 0.001 of slack), or
stays where it is if that is higher.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from rumourx import Extractor
from rumourx.evaluate import evaluate_folder, find_pairs

ROOT = Path(__file__).resolve().parents[1]


def _floor(x: float) -> float:
    return round(math.floor(x * 1000 - 1e-9) / 1000 - 0.001, 3)


def main() -> None:
    path = ROOT / "tests" / "floors.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    full = evaluate_folder(ROOT / "fixtures", Extractor())
    numbers = {json.loads(g.read_text(encoding="utf-8")).get("id", t.stem): int(t.stem.split("_", 1)[0])
               for t, g in find_pairs(ROOT / "fixtures")}
    for name, spec in data["sets"].items():
        report = full.subset({i for i, n in numbers.items() if spec["first"] <= n <= spec["last"]})
        for cat, score in report.totals.items():  # a new set starts from its measured figures
            spec["f1"][cat] = max(spec["f1"].get(cat, 0.0), _floor(score.f1))
        for measure, acc in report.accuracies.items():
            spec["accuracy"][measure] = max(spec["accuracy"].get(measure, 0.0), _floor(acc.value))
        print(name, spec["f1"], spec["accuracy"])
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
