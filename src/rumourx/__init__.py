"""rumourx: structured data from football transfer news.

>>> import rumourx
>>> result = rumourx.extract("Arsenal have had a £40m bid for Brighton winger Kaoru Mitoma rejected.",
...                          published="2025-09-23")
>>> [(f.amount, f.currency) for f in result.fees]
[(40000000, 'GBP')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Extractor", "Result", "__version__", "extract", "result_from_doc"]

if TYPE_CHECKING:  # pragma: no cover
    from .api import Extractor, extract, result_from_doc
    from .results import Result


def __getattr__(name: str) -> Any:
    # Heavy modules (spaCy) load on first use, so `import rumourx` stays cheap.
    if name in ("Extractor", "extract", "result_from_doc"):
        from . import api

        return getattr(api, name)
    if name == "Result":
        from .results import Result

        return Result
    raise AttributeError(f"module 'rumourx' has no attribute {name!r}")
