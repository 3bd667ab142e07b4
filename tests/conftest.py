"""Shared fixtures: paths, one extractor for the whole session, the shared folder if present."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_61b3b55719026876.txt"


@pytest.fixture(scope="session")
def extractor():
    from rumourx import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("../shared/seeds is not beside the repository")
    return SEED.read_text(encoding="utf-8")
