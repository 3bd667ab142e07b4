"""The examples in the docstrings of rumourx's modules run and hold."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["rumourx", "rumourx.api", "rumourx.money", "rumourx.windows", "rumourx.quotes", "rumourx.names",
           "rumourx.text", "rumourx.dates", "rumourx.batch"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0
