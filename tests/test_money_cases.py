"""Money expressions from transfer writing: a case table (amount, currency, kind, qualifier, and
period/detail where they matter). Expectations follow the meaning of the text."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from rumourx.money import find_money

M = 1_000_000
BN = 1_000_000_000

# id -> (text, [(amount, currency, kind, qualifier), ...] or with a 5th dict {"period": ..., "detail": ...})
CASES: dict[str, tuple[str, list[tuple[Any, ...]]]] = {
    # ------------------------------------------------------------------ positives: plain fees, currencies
    "glued-m-bid": ("Chelsea have lodged a £45m bid for the winger.", [(45 * M, "GBP", "fee", "exact")]),
    "euro-spaced-million-offer": (
        "Bayern have tabled an offer of €75 million for the Dutch defender, according to Kicker.",
        [(75 * M, "EUR", "fee", "exact")],
    ),
    "euro-glued-million-fee": (
        "Real Madrid will pay €120million to complete the signing.",
        [(120 * M, "EUR", "fee", "exact")],
    ),
    "dollar-fee-mls": (
        "Inter Miami agreed to pay $9m for the Argentine midfielder.",
        [(9 * M, "USD", "fee", "exact")],
    ),
    "us-dollar-prefix-fee": (
        "Atlanta United have accepted a US$12m offer from a Serie A club for their playmaker.",
        [(12 * M, "USD", "fee", "exact")],
    ),
    "brl-symbol-fee": (
        "Flamengo sold the forward to Benfica for R$90m, O Globo reports.",
        [(90 * M, "BRL", "fee", "exact")],
    ),
    "brl-reais-words": (
        "Palmeiras are demanding 150 million reais for their teenage striker.",
        [(150 * M, "BRL", "fee", "exact")],
    ),
    "sar-riyals-words": (
        "Al-Hilal are ready to pay two hundred million riyals to land the Brazilian.",
        [(200 * M, "SAR", "fee", "exact")],
    ),
    "sar-code-before": (
        "Al-Nassr submitted a formal bid of SAR 180m for the Liverpool forward.",
        [(180 * M, "SAR", "fee", "exact")],
    ),
    "chf-code-before": (
        "Young Boys received CHF 15m from the Bundesliga side for the centre-back.",
        [(15 * M, "CHF", "fee", "exact")],
    ),
    "chf-swiss-francs-words": (
        "Basel will demand 20 million Swiss francs for their captain.",
        [(20 * M, "CHF", "fee", "exact")],
    ),
    "jpy-yen-symbol": (
        "Vissel Kobe paid ¥400m to bring the striker back to the J.League.",
        [(400 * M, "JPY", "fee", "exact")],
    ),
    "jpy-yen-words": (
        "Kawasaki Frontale turned down a bid of 300 million yen for the winger.",
        [(300 * M, "JPY", "fee", "exact")],
    ),
    "aud-symbol-fee": (
        "Melbourne City sold the young defender for a club-record A$2.5m.",
        [(2_500_000, "AUD", "fee", "exact")],
    ),
    "cad-symbol-fee": (
        "Toronto FC have agreed a C$4m fee with CF Montreal for the midfielder.",
        [(4 * M, "CAD", "fee", "exact")],
    ),
    "sek-swedish-kronor": (
        "Swedish champions Malmö sold him for 40m kr, their biggest sale of the decade.",
        [(40 * M, "SEK", "fee", "exact")],
    ),
    "iso-eur-before": (
        "The agency report puts the transfer at EUR 50m.",
        [(50 * M, "EUR", "fee", "exact")],
    ),
    "iso-eur-after": (
        "Club officials confirmed the striker was sold for 50m EUR.",
        [(50 * M, "EUR", "fee", "exact")],
    ),
    "iso-meur-after": (
        "Rosenborg sold the midfielder to Ajax for 12 MEUR, the Norwegian club said.",
        [(12 * M, "EUR", "fee", "exact")],
    ),
    "iso-usd-before": (
        "Seattle Sounders paid USD 7.5m in a deal for the Colombian.",
        [(7_500_000, "USD", "fee", "exact")],
    ),
    "mn-multiplier-fee": (
        "Juventus sold the winger to Saudi Arabia for €35mn, the club said in a filing.",
        [(35 * M, "EUR", "fee", "exact")],
    ),
    "decimal-m-fee": (
        "Brighton sold him to Arsenal for £27.5m last August.",
        [(27_500_000, "GBP", "fee", "exact")],
    ),
    "full-digits-fee": (
        "The Championship side paid £3,500,000 for the goalkeeper.",
        [(3_500_000, "GBP", "fee", "exact")],
    ),
    "words-fifty-million-pounds": (
        "United are prepared to spend fifty million pounds on a new striker.",
        [(50 * M, "GBP", "fee", "exact")],
    ),
    "words-one-hundred-and-fifty-million": (
        "City's valuation of one hundred and fifty million pounds has scared off suitors.",
        [(150 * M, "GBP", "fee", "exact")],
    ),
    "words-a-million-euros": (
        "Lens paid a million euros for the teenager from the Ligue 2 side.",
        [(1 * M, "EUR", "fee", "exact")],
    ),
    "asking-price": (
        "Napoli's asking price for the Georgian remains £100m.",
        [(100 * M, "GBP", "fee", "exact")],
    ),
    "valuation-per-club": (
        "Benfica value the midfielder at €80m and will not negotiate.",
        [(80 * M, "EUR", "fee", "exact")],
    ),
    # ------------------------------------------------------------------ qualifiers
    "approx-reported": (
        "Newcastle have agreed a reported £60m fee for the Sweden striker.",
        [(60 * M, "GBP", "fee", "approx")],
    ),
    "approx-in-the-region": (
        "Villa want a fee in the region of £30m before sanctioning a sale.",
        [(30 * M, "GBP", "fee", "approx")],
    ),
    "approx-around": (
        "Dortmund are asking for around €25m for the full-back.",
        [(25 * M, "EUR", "fee", "approx")],
    ),
    "approx-roughly-dollars": (
        "The MLS club paid roughly $10m to bring him from Mexico.",
        [(10 * M, "USD", "fee", "approx")],
    ),
    "approx-about-euros": (
        "Marca says the deal is worth about €40m.",
        [(40 * M, "EUR", "fee", "approx")],
    ),
    "min-in-excess-of": (
        "Liverpool would want in excess of £80m for the Egyptian.",
        [(80 * M, "GBP", "fee", "min")],
    ),
    "min-more-than": (
        "PSG are willing to offer more than €100m for the forward.",
        [(100 * M, "EUR", "fee", "min")],
    ),
    "min-at-least": (
        "Sporting will demand at least €60m for their Swedish striker.",
        [(60 * M, "EUR", "fee", "min")],
    ),
    "min-north-of": (
        "Any bid would need to be north of £70m to tempt West Ham.",
        [(70 * M, "GBP", "fee", "min")],
    ),
    "min-over": (
        "Barcelona want over €50m for the Uruguayan defender.",
        [(50 * M, "EUR", "fee", "min")],
    ),
    "min-plus-suffix": (
        "Arsenal are preparing a £100m-plus offer for the Spain midfielder.",
        [(100 * M, "GBP", "fee", "min")],
    ),
    "max-up-to": (
        "Tottenham could pay up to £65m for the Brazilian.",
        [(65 * M, "GBP", "fee", "max")],
    ),
    "max-as-much-as": (
        "Real Madrid are ready to spend as much as €90m on a new centre-back.",
        [(90 * M, "EUR", "fee", "max")],
    ),
    "max-nearly": (
        "Chelsea's final offer was worth nearly £60m.",
        [(60 * M, "GBP", "fee", "max")],
    ),
    "max-almost": (
        "Atletico spent almost €100m on the Portuguese forward.",
        [(100 * M, "EUR", "fee", "max")],
    ),
    "max-under": (
        "Everton hope to land the midfielder for under £20m.",
        [(20 * M, "GBP", "fee", "max")],
    ),
    "rising-to-total": (
        "Brentford have agreed an initial £50m, rising to £60m, with Bayer Leverkusen.",
        [(50 * M, "GBP", "fee", "exact"), (60 * M, "GBP", "fee", "max")],
    ),
    # ------------------------------------------------------------------ ranges
    "range-hyphen-both-symbols": (
        "The winger is valued at £40m-£50m by his club.",
        [(40 * M, "GBP", "fee", "min"), (50 * M, "GBP", "fee", "max")],
    ),
    "range-hyphen-shared-symbol": (
        "Gazzetta says Milan want €40-50m for their French full-back.",
        [(40 * M, "EUR", "fee", "min"), (50 * M, "EUR", "fee", "max")],
    ),
    "range-between-euros": (
        "Inter expect offers between €60m and €70m for the Argentine.",
        [(60 * M, "EUR", "fee", "min"), (70 * M, "EUR", "fee", "max")],
    ),
    "range-to-pounds": (
        "Scouts believe he would cost £40m to £50m next summer.",
        [(40 * M, "GBP", "fee", "min"), (50 * M, "GBP", "fee", "max")],
    ),
    # ------------------------------------------------------------------ add-ons
    "addon-plus-in-addons": (
        "The deal is £50m plus £10m in add-ons.",
        [(50 * M, "GBP", "fee", "exact"), (10 * M, "GBP", "addon", "exact")],
    ),
    "addon-further-bonuses": (
        "Roma will pay €25m with a further €5m in bonuses.",
        [(25 * M, "EUR", "fee", "exact"), (5 * M, "EUR", "addon", "exact")],
    ),
    "addon-up-front-performance": (
        "Wolves will receive £40m up front and £8m in performance-related add-ons.",
        [(40 * M, "GBP", "fee", "exact"), (8 * M, "GBP", "addon", "exact")],
    ),
    "addon-variables-up-to": (
        "Bayern pay €70m plus variables of up to €10m, Sky Germany reports.",
        [(70 * M, "EUR", "fee", "exact"), (10 * M, "EUR", "addon", "max")],
    ),
    # ------------------------------------------------------------------ equivalents
    "equiv-three-currencies": (
        "Real Madrid agreed to pay €120million (£105m, $141.5m) for the midfielder.",
        [
            (120 * M, "EUR", "fee", "exact"),
            (105 * M, "GBP", "fee", "exact"),
            (141_500_000, "USD", "fee", "exact"),
        ],
    ),
    "equiv-reported-qualifier-shared": (
        "PSG sold the striker for a reported €90m (£78m, $98m).",
        [(90 * M, "EUR", "fee", "approx"), (78 * M, "GBP", "fee", "approx"), (98 * M, "USD", "fee", "approx")],
    ),
    "equiv-brl-to-gbp": (
        "Santos accepted R$300m (£45m) from the English club.",
        [(300 * M, "BRL", "fee", "exact"), (45 * M, "GBP", "fee", "exact")],
    ),
    "equiv-min-shared": (
        "Espanyol want in excess of €80m (£70m) for the teenager.",
        [(80 * M, "EUR", "fee", "min"), (70 * M, "GBP", "fee", "min")],
    ),
    # ------------------------------------------------------------------ wages
    "wage-per-week": (
        "He earns £250,000 a week at the Etihad.",
        [(250_000, "GBP", "wage", "exact", {"period": "week"})],
    ),
    "wage-a-week-hyphenated": (
        "The forward has signed a £350,000-a-week contract until 2029.",
        [(350_000, "GBP", "wage", "exact", {"period": "week"})],
    ),
    "wage-k-a-week": (
        "The academy graduate will be on £80k-a-week after his new deal.",
        [(80_000, "GBP", "wage", "exact", {"period": "week"})],
    ),
    "wage-thousand-per-week": (
        "His current salary is £150 thousand per week.",
        [(150_000, "GBP", "wage", "exact", {"period": "week"})],
    ),
    "wage-words-thousand-week": (
        "The defender was offered ninety thousand pounds a week to stay.",
        [(90_000, "GBP", "wage", "exact", {"period": "week"})],
    ),
    "wage-approx-week": (
        "He is understood to be earning around £200,000 per week.",
        [(200_000, "GBP", "wage", "approx", {"period": "week"})],
    ),
    "wage-net-per-season": (
        "Juventus have offered the midfielder €12m net per season.",
        [(12 * M, "EUR", "wage", "exact", {"period": "season"})],
    ),
    "wage-gross-a-year": (
        "Bayern's proposal is worth €20m gross a year to the Canadian.",
        [(20 * M, "EUR", "wage", "exact", {"period": "year"})],
    ),
    "wage-net-per-month": (
        "Le Parisien says he will earn €500,000 net per month.",
        [(500_000, "EUR", "wage", "exact", {"period": "month"})],
    ),
    "wage-annual-salary": (
        "Saudi Pro League side Al-Ittihad have promised an annual salary of €100m.",
        [(100 * M, "EUR", "wage", "exact", {"period": "year"})],
    ),
    "wage-dollars-per-year-mls": (
        "The Designated Player will make $20m per year in Miami.",
        [(20 * M, "USD", "wage", "exact", {"period": "year"})],
    ),
    "wage-brl-per-month": (
        "Corinthians will pay him R$1.5m per month, the highest salary in Brazil.",
        [(1_500_000, "BRL", "wage", "exact", {"period": "month"})],
    ),
    "wage-aud-per-season": (
        "The Socceroo will earn A$1.2m a season at Sydney FC.",
        [(1_200_000, "AUD", "wage", "exact", {"period": "season"})],
    ),
    "wage-per-annum": (
        "He currently earns £6m per annum, roughly half what Arsenal are offering.",
        [(6 * M, "GBP", "wage", "exact", {"period": "year"})],
    ),
    # ------------------------------------------------------------------ clauses
    "clause-after-amount": (
        "Manchester United have triggered his €60m release clause.",
        [(60 * M, "EUR", "clause", "exact")],
    ),
    "clause-before-amount-bn": (
        "His new contract contains a release clause of €1bn.",
        [(1 * BN, "EUR", "clause", "exact")],
    ),
    "clause-buyout-spanish": (
        "As reported by AS, the buyout clause is set at €500 million.",
        [(500 * M, "EUR", "clause", "exact")],
    ),
    "clause-exit-approx": (
        "Leicester's exit clause of around £40m becomes active in July.",
        [(40 * M, "GBP", "clause", "approx")],
    ),
    "clause-with-equivalent": (
        "Athletic Club confirmed a release clause of €100m (£87m) has been paid in full.",
        [(100 * M, "EUR", "clause", "exact"), (87 * M, "GBP", "clause", "exact")],
    ),
    # ------------------------------------------------------------------ loans, options, obligations
    "loan-fee-option-to-buy": (
        "Marseille get him for a €5m loan fee with an option to buy for €30m.",
        [
            (5 * M, "EUR", "fee", "exact", {"detail": "loan_fee"}),
            (30 * M, "EUR", "fee", "exact", {"detail": "option_to_buy"}),
        ],
    ),
    "loan-fee-of-pounds": (
        "Crystal Palace will pay a loan fee of £2m for the season.",
        [(2 * M, "GBP", "fee", "exact", {"detail": "loan_fee"})],
    ),
    "obligation-to-buy": (
        "The loan includes an obligation to buy worth €25m if Lazio qualify for Europe.",
        [(25 * M, "EUR", "fee", "exact", {"detail": "obligation_to_buy"})],
    ),
    "loan-fee-and-obligation": (
        "Sevilla pay €2m for the loan and there is an obligation to buy of €18m next summer.",
        [
            (2 * M, "EUR", "fee", "exact", {"detail": "loan_fee"}),
            (18 * M, "EUR", "fee", "exact", {"detail": "obligation_to_buy"}),
        ],
    ),
    # ------------------------------------------------------------------ undisclosed, free, vague
    "undisclosed": (
        "Bournemouth have signed the Ghanaian from Feyenoord for an undisclosed fee.",
        [(None, None, "fee", "exact", {"detail": "undisclosed"})],
    ),
    "free": ("He joins on a free transfer.", [(None, None, "fee", "exact", {"detail": "free"})]),
    "free-agent-move": (
        "The veteran completed a free agent move to Inter after his Bayern deal expired.",
        [(None, None, "fee", "exact", {"detail": "free"})],
    ),
    "vague-nine-figure": (
        "City will demand a nine-figure sum for their academy graduate.",
        [(100 * M, None, "fee", "min", {"detail": "vague"})],
    ),
    "vague-eight-figure": (
        "Fulham paid an eight-figure fee to sign the Portuguese winger.",
        [(10 * M, None, "fee", "min", {"detail": "vague"})],
    ),
    "vague-seven-figure": (
        "Leeds paid a seven-figure sum to sign the 16-year-old from Hull.",
        [(1 * M, None, "fee", "min", {"detail": "vague"})],
    ),
    # ------------------------------------------------------------------ other money
    "other-stadium-cost": (
        "Everton's new stadium on the docks cost £800m to build.",
        [(800 * M, "GBP", "other", "exact")],
    ),
    "other-stadium-bn": (
        "The club's plans for a £1.2bn stadium were approved by the council.",
        [(1_200_000_000, "GBP", "other", "exact")],
    ),
    "other-fine": (
        "The FA fined the manager £25,000 for his comments about the referee.",
        [(25_000, "GBP", "other", "exact")],
    ),
    "other-fine-words-half-million": (
        "The club were fined half a million pounds for breaching financial rules.",
        [(500_000, "GBP", "other", "exact")],
    ),
    "other-revenue": (
        "Real Madrid reported record revenue of €1.07bn for the season.",
        [(1_070_000_000, "EUR", "other", "exact")],
    ),
    "other-tv-deal-billion": (
        "The Premier League's domestic TV deal is worth £6.7 billion over four years.",
        [(6_700_000_000, "GBP", "other", "exact")],
    ),
    "other-takeover-dollars": (
        "The consortium completed a $2.5bn takeover of the club on Friday.",
        [(2_500_000_000, "USD", "other", "exact")],
    ),
    # ------------------------------------------------------------------ negatives
    "neg-age": ("The 24-year-old has scored nine goals.", []),
    "neg-date-january": ("The deal must be registered on 31 January before the window shuts.", []),
    "neg-year-signed": ("He signed for the Bavarians in 2019 and has won four league titles since.", []),
    "neg-time-of-day": ("The club announced the signing at 18:42 on deadline day.", []),
    "neg-caps": ("The 39-times capped defender is out of contract in the summer.", []),
    "neg-no-dot-shirt": ("He will wear No.6 after the departure of the captain.", []),
    "neg-shirt-number-words": ("The new arrival has been handed the number 10 shirt.", []),
    "neg-score": ("Villa won 2-1 at the Emirates on Sunday.", []),
    "neg-the-win": ("He scored the only goal in the 1-0 win over Everton.", []),
    "neg-the-2-1-win": ("After the 2-1 win, the manager praised his back four.", []),
    "neg-weight-lost-pounds": ("The striker lost ten pounds over the summer to regain his sharpness.", []),
    "neg-weight-bag": ("Each player carried a twenty-pound bag of equipment up the hill at pre-season camp.", []),
    "neg-percent-sell-on": ("Sporting have inserted a 20 per cent sell-on clause into the deal.", []),
    "neg-100m-sprint": ("He was timed at 10.8 seconds over the 100m sprint at the training ground.", []),
    "neg-euro-2024": ("He was one of the standout players at Euro 2024.", []),
    "neg-euro-2028": ("The midfielder hopes to captain his country at Euro 2028.", []),
    "neg-pound-sign-no-number": ("Ticket prices are listed in £ on the club website.", []),
    "neg-distance-km": ("He covered 12.4km against Bayern, more than any other player.", []),
    "neg-distance-m-shot": ("He curled the free-kick in from 25m to seal the points.", []),
    "neg-league-position": ("Girona sit 3rd, five points clear of 5th-placed Betis with 8 games left.", []),
    "neg-minutes-played": ("He has played 1,530 minutes in the league this season.", []),
    "neg-minute-of-goal": ("The substitute equalised in the 87th minute.", []),
    "neg-formation": ("The coach switched to a 4-3-3 at half-time.", []),
    "neg-contract-length": ("He has signed a five-year contract running until June 2030.", []),
    "neg-under-21": ("The Under-21 international has made 14 appearances this term.", []),
    "neg-followers-m": ("The winger has 3m followers on Instagram.", []),
    "neg-tv-viewers": ("The derby was watched by 1.5 million viewers in the UK.", []),
    "neg-stadium-capacity": ("The stadium's capacity will rise to 62,000 next year.", []),
    "neg-height": ("The 6ft 4in centre-back won every aerial duel.", []),
    "kr-danish-context": ("The Danish side sold him to Brentford for 40m kr.", [(40_000_000, "DKK", "fee", "exact")]),
    "neg-fifty-plus-one": ("The Bundesliga's 50+1 rule blocks outside investors from taking control.", []),
    "neg-goals-in-games": ("He has 15 goals in 34 games since arriving from Ajax.", []),
    # ------------------------------------------------------------------ mixed: one real amount among distractors
    "mixed-age-and-fee": (
        "The 22-year-old cost Arsenal £30m in 2019.",
        [(30 * M, "GBP", "fee", "exact")],
    ),
    "mixed-date-age-shirt": (
        "On 31 January, Benfica paid €65m for the 21-year-old, who will wear No.8.",
        [(65 * M, "EUR", "fee", "exact")],
    ),
    "mixed-score-and-fee": (
        "After the 2-1 win, the club confirmed a £15m deal for the 27-year-old.",
        [(15 * M, "GBP", "fee", "exact")],
    ),
    "mixed-percent-and-fee": (
        "Sporting will keep a 20 per cent sell-on on the £40m deal.",
        [(40 * M, "GBP", "fee", "exact")],
    ),
    "mixed-euro-tournament-and-valuation": (
        "The Euro 2024 winner is valued at €50m by Real Sociedad.",
        [(50 * M, "EUR", "fee", "exact")],
    ),
    "mixed-time-and-fee": (
        "At 18:42 the club confirmed a €35m fee had been agreed.",
        [(35 * M, "EUR", "fee", "exact")],
    ),
    "mixed-wage-and-expiry-year": (
        "His current deal, worth £120,000 a week, expires in 2026.",
        [(120_000, "GBP", "wage", "exact", {"period": "week"})],
    ),
    "mixed-caps-goals-and-fee": (
        "The 39-times capped striker, who has 12 goals in 20 games, joined for £12m.",
        [(12 * M, "GBP", "fee", "exact")],
    ),
    "mixed-weight-and-fee": (
        "He has lost ten pounds since his £25m move from Lyon.",
        [(25 * M, "GBP", "fee", "exact")],
    ),
    "mixed-minutes-and-clause": (
        "Despite playing only 450 minutes, he has a €40m release clause.",
        [(40 * M, "EUR", "clause", "exact")],
    ),
}


def _row(m: Any, extra: dict[str, Any]) -> tuple[Any, ...]:
    row: tuple[Any, ...] = (m.amount, m.currency, m.kind, m.qualifier)
    return (*row, {k: getattr(m, k) for k in extra}) if extra else row


@pytest.mark.parametrize("text,expected", list(CASES.values()), ids=list(CASES))
def test_money_case(text: str, expected: list[tuple[Any, ...]]) -> None:
    got = find_money(text)
    assert len(got) == len(expected), [m.text for m in got]
    for m, exp in zip(got, expected, strict=True):
        amount, currency, kind, qualifier, *rest = exp
        extra: dict[str, Any] = rest[0] if rest else {}
        want: tuple[Any, ...] = (None if amount is None else Decimal(str(amount)), currency, kind, qualifier)
        assert _row(m, extra) == ((*want, extra) if extra else want)


@pytest.mark.parametrize("text", [c[0] for c in CASES.values()], ids=list(CASES))
def test_offsets(text: str) -> None:
    for m in find_money(text):
        assert text[m.start : m.end] == m.text
