"""The money grammar, as a table of transfer-writing cases (positives and negatives)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from rumourx.money import find_money

# (text, [(amount, currency, kind, qualifier)])
CASES = {
    "glued-m": ("a fee of £105m", [(105_000_000, "GBP", "fee", "exact")]),
    "glued-million": ("worth €120million to them", [(120_000_000, "EUR", "fee", "exact")]),
    "spaced-million": ("a $20 million deal", [(20_000_000, "USD", "fee", "exact")]),
    "decimal-m": ("$141.5m", [(141_500_000, "USD", "fee", "exact")]),
    "bn": ("the £1.2bn bid for the player", [(1_200_000_000, "GBP", "fee", "exact")]),
    "k-wage": ("he earns £80k a week", [(80_000, "GBP", "wage", "exact")]),
    "thousands-sep-wage": ("a £300,000-a-week contract", [(300_000, "GBP", "wage", "exact")]),
    "per-season-net": ("€8m per season net", [(8_000_000, "EUR", "wage", "exact")]),
    "us-dollar-prefix": ("a US$20m offer", [(20_000_000, "USD", "fee", "exact")]),
    "real-prefix": ("R$50m (€8m) from Europe", [(50_000_000, "BRL", "fee", "exact"), (8_000_000, "EUR", "fee", "exact")]),
    "iso-before": ("EUR 50m for the winger", [(50_000_000, "EUR", "fee", "exact")]),
    "iso-after": ("a 50m EUR offer", [(50_000_000, "EUR", "fee", "exact")]),
    "word-currency": ("50 million euros", [(50_000_000, "EUR", "fee", "exact")]),
    "number-words": ("fifty million pounds", [(50_000_000, "GBP", "fee", "exact")]),
    "number-words-hundred": ("one hundred and fifty million pounds", [(150_000_000, "GBP", "fee", "exact")]),
    "riyals": ("a salary of 200 million riyals a year", [(200_000_000, "SAR", "wage", "exact")]),
    "swiss-francs": ("15 million Swiss francs", [(15_000_000, "CHF", "fee", "exact")]),
    "approx-around": ("a fee of around €60m", [(60_000_000, "EUR", "fee", "approx")]),
    "approx-reported": ("a reported £45m", [(45_000_000, "GBP", "fee", "approx")]),
    "min-in-excess": ("would cost in excess of £100m", [(100_000_000, "GBP", "fee", "min")]),
    "min-more-than": ("more than €70m", [(70_000_000, "EUR", "fee", "min")]),
    "max-up-to": ("up to £30m", [(30_000_000, "GBP", "fee", "max")]),
    "max-rising-to": ("£40m, rising to £55m with add-ons", [(40_000_000, "GBP", "fee", "exact"), (55_000_000, "GBP", "fee", "max")]),
    "range-dash": ("valued at £40m-£50m", [(40_000_000, "GBP", "fee", "min"), (50_000_000, "GBP", "fee", "max")]),
    "range-shared-multiplier": ("a £40-50m deal", [(40_000_000, "GBP", "fee", "min"), (50_000_000, "GBP", "fee", "max")]),
    "range-between": ("between €60m and €70m", [(60_000_000, "EUR", "fee", "min"), (70_000_000, "EUR", "fee", "max")]),
    "addon": ("£50m plus £10m in add-ons", [(50_000_000, "GBP", "fee", "exact"), (10_000_000, "GBP", "addon", "exact")]),
    "release-clause": ("his release clause of €1bn", [(1_000_000_000, "EUR", "clause", "exact")]),
    "clause-after": ("a €60m buyout clause", [(60_000_000, "EUR", "clause", "exact")]),
    "equivalents": ("€120million (£105m, $141.5m)", [(120_000_000, "EUR", "fee", "exact"), (105_000_000, "GBP", "fee", "exact"), (141_500_000, "USD", "fee", "exact")]),
    "stadium-other": ("the £1.2bn stadium redevelopment", [(1_200_000_000, "GBP", "other", "exact")]),
    "neg-age": ("the 24-year-old striker", []),
    "neg-capped": ("the 39-times capped Argentina international", []),
    "neg-shirt": ("he wears the No.6 shirt", []),
    "neg-time": ("confirmed at 18:42 on Friday", []),
    "neg-score": ("they won 2-1 at home", []),
    "neg-weight": ("he carried a twenty-pound bag", []),
    "neg-year": ("he joined in 2019 and left in 2022", []),
    "neg-bare-m": ("he ran 105m in the warm-up", []),
    "neg-small-pounds": ("he lost ten pounds in pre-season", []),
}


@pytest.mark.parametrize("text,expected", list(CASES.values()), ids=list(CASES))
def test_money(text: str, expected: list[tuple[int, str, str, str]]) -> None:
    got = [(m.amount, m.currency, m.kind, m.qualifier) for m in find_money(text)]
    assert got == [(Decimal(a), c, k, q) for a, c, k, q in expected]


@pytest.mark.parametrize("text", [c[0] for c in CASES.values()], ids=list(CASES))
def test_offsets_give_back_the_text(text: str) -> None:
    for m in find_money(text):
        assert text[m.start:m.end] == m.text


def test_equivalents_share_a_group() -> None:
    ms = find_money("a fee of around €120million (£105m, $141.5m) for him")
    assert len({m.group for m in ms}) == 1
    assert all(m.qualifier == "approx" for m in ms)


def test_addon_links_to_its_base() -> None:
    base, addon = find_money("£50m plus £10m in add-ons")
    assert addon.addon_to == base.index


def test_range_bounds_point_at_each_other() -> None:
    lo, hi = find_money("between €60m and €70m")
    assert (lo.range_with, hi.range_with) == (hi.index, lo.index)


def test_a_repeated_amount_points_to_its_first_mention() -> None:
    a, b, c = find_money("Arsenal bid £60m. The £60m bid was rejected, and €72m is what they want.")
    assert (a.same_as, b.same_as, c.same_as) == (None, a.index, None)
