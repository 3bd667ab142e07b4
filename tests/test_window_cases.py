"""A blind case table for transfer-window phrases: ``find_windows(text, published, calendar)``.

The table was written blind from the window spec (the conventions for resolving a window phrase
to ``(window, year, tense)`` against a publication date, per league calendar) and from a plain
reading of English, without looking at rumourx's source, models or output. Every sentence is
original prose in transfer-news style.

Most phrases are checked under two to four publication dates, so one phrase resolves
differently through the year; an id reads ``phrase/publication-date``. The dates used:

- ``january``   20 Jan 2026 (European winter window open, 1 Jan - 3 Feb)
- ``march``      7 Mar 2026 (between windows, before the summer window)
- ``july``      20 Jul 2026 (European summer window open, 14 Jun - 1 Sep)
- ``31-august`` 31 Aug 2026 (the day before the summer deadline)
- ``october``   14 Oct 2026 (both 2026 windows closed)
- ``december``  10 Dec 2026
- ``october-2025`` 14 Oct 2025 (before the year 2026 starts)

Negative cases (ids starting ``neg-``) must give ``[]`` or must skip one of the phrases: contract
lengths, the modal "may", "march" as a verb, money, times of day, ages, scores, bare years, "this
season", months outside every window and historical match dates.
"""

from __future__ import annotations

from datetime import date

import pytest

from rumourx.windows import find_windows

S, W = "summer", "winter"
FUT, PAST = "future", "past"

Exp = tuple[str, int | None, str]
CalExp = tuple[str, int | None, str, date | None, date | None]

JANUARY = date(2026, 1, 20)
MARCH = date(2026, 3, 7)
JULY = date(2026, 7, 20)
AUG31 = date(2026, 8, 31)
SEP1 = date(2026, 9, 1)
FEB3 = date(2026, 2, 3)
OCTOBER = date(2026, 10, 14)
DECEMBER = date(2026, 12, 10)
OCT2025 = date(2025, 10, 14)

_DATES: dict[str, date] = {
    "january": JANUARY,
    "march": MARCH,
    "july": JULY,
    "31-august": AUG31,
    "1-september": SEP1,
    "3-february": FEB3,
    "october": OCTOBER,
    "december": DECEMBER,
    "october-2025": OCT2025,
}

# id -> (sentence, publication date, [(window, year, tense), ...] in text order)
CASES: dict[str, tuple[str, date, list[Exp]]] = {}


def _add(name: str, text: str, expectations: dict[str, list[Exp]]) -> None:
    """Register one sentence under several publication dates (keys of ``_DATES``)."""
    for when, expected in expectations.items():
        case_id = f"{name}/{when}"
        assert case_id not in CASES, case_id
        CASES[case_id] = (text, _DATES[when], expected)


# ---------------------------------------------------------------- named windows, no year
_add(
    "the-january-window",
    "Newcastle are expected to revisit their interest in the striker during the January window.",
    {"january": [(W, 2026, FUT)], "march": [(W, 2027, FUT)], "october": [(W, 2027, FUT)]},
)
_add(
    "the-january-window-past",
    "Fulham did most of their business in the January window, bringing in three new faces.",
    {"march": [(W, 2026, PAST)], "october": [(W, 2026, PAST)]},
)
_add(
    "the-summer-window",
    "Barcelona will only be able to register new signings once the summer window opens.",
    {"march": [(S, 2026, FUT)], "october": [(S, 2027, FUT)], "december": [(S, 2027, FUT)]},
)
_add(
    "january-loan",
    "Leeds are weighing up a January loan for the young goalkeeper.",
    {"january": [(W, 2026, FUT)], "july": [(W, 2027, FUT)], "october": [(W, 2027, FUT)]},
)
_add(
    "summer-move",
    "The Dutch midfielder is keen on a summer move to the Premier League.",
    {"january": [(S, 2026, FUT)], "july": [(S, 2026, FUT)], "october": [(S, 2027, FUT)]},
)
_add(
    "january-bid",
    "Aston Villa are preparing a January bid for the Lyon defender.",
    {"january": [(W, 2026, FUT)], "march": [(W, 2027, FUT)], "december": [(W, 2027, FUT)]},
)
_add(
    "summer-swoop",
    "Tottenham are plotting a summer swoop for the Brentford forward.",
    {"march": [(S, 2026, FUT)], "31-august": [(S, 2026, FUT)], "october": [(S, 2027, FUT)]},
)
_add(
    "january-swoop-past",
    "Fulham completed a January swoop for the Portuguese winger after weeks of talks.",
    {"january": [(W, 2026, PAST)], "march": [(W, 2026, PAST)], "october": [(W, 2026, PAST)]},
)
_add(
    "summer-market",
    "Milan intend to be active in the summer market despite their budget constraints.",
    {"march": [(S, 2026, FUT)], "october": [(S, 2027, FUT)]},
)
_add(
    "january-market",
    "The club will not spend big in the January market, the sporting director said.",
    {"january": [(W, 2026, FUT)], "october": [(W, 2027, FUT)]},
)
_add(
    "summer-bid",
    "Roma are ready to test Fiorentina's resolve with a summer bid for their captain.",
    {"march": [(S, 2026, FUT)], "december": [(S, 2027, FUT)]},
)
_add(
    "january-move",
    "Wolves are open to a January move for their out-of-favour captain.",
    {"january": [(W, 2026, FUT)], "october": [(W, 2027, FUT)]},
)
_add(
    "in-the-summer",
    "Chelsea will try again for the winger in the summer.",
    {"january": [(S, 2026, FUT)], "july": [(S, 2026, FUT)], "october": [(S, 2027, FUT)]},
)
_add(
    "in-the-summer-past",
    "Everton signed the goalkeeper in the summer for an undisclosed fee.",
    {"january": [(S, 2025, PAST)], "july": [(S, 2026, PAST)], "october": [(S, 2026, PAST)]},
)
_add(
    "by-the-summer",
    "Napoli want a replacement signed by the summer.",
    {"march": [(S, 2026, FUT)], "october": [(S, 2027, FUT)]},
)
_add(
    "over-the-summer",
    "Wolves are expected to lose several senior players over the summer.",
    {"march": [(S, 2026, FUT)], "31-august": [(S, 2026, FUT)], "december": [(S, 2027, FUT)]},
)
_add(
    "during-the-summer-past",
    "Brighton sold three first-team regulars during the summer.",
    {"march": [(S, 2025, PAST)], "october": [(S, 2026, PAST)]},
)
_add(
    "in-january",
    "Manchester United will look to bring in a left-back in January.",
    {"march": [(W, 2027, FUT)], "october": [(W, 2027, FUT)], "december": [(W, 2027, FUT)]},
)
_add(
    "in-january-past",
    "The Belgian forward joined Roma on loan in January.",
    {"january": [(W, 2026, PAST)], "march": [(W, 2026, PAST)], "october": [(W, 2026, PAST)]},
)
_add(
    "by-january",
    "Lazio hope to have a new centre-forward through the door by January.",
    {"july": [(W, 2027, FUT)], "october": [(W, 2027, FUT)]},
)

# ---------------------------------------------------------------- this / next / last
_add(
    "this-summer",
    "Liverpool are expected to sign a centre-back this summer.",
    {
        "january": [(S, 2026, FUT)],
        "july": [(S, 2026, FUT)],
        "october": [(S, 2027, FUT)],
    },
)
_add(
    "this-summer-past",
    "Arsenal spent more than any other Premier League club this summer.",
    {"31-august": [(S, 2026, PAST)], "october": [(S, 2026, PAST)]},
)
_add(
    "this-january",
    "Bayern will not sanction a sale this January, whatever the offer.",
    {"january": [(W, 2026, FUT)], "october": [(W, 2027, FUT)]},
)
_add(
    "this-january-past",
    "The club made just one signing this January, a back-up goalkeeper.",
    {"march": [(W, 2026, PAST)], "october": [(W, 2026, PAST)]},
)
_add(
    "this-winter",
    "Juventus could strengthen their defence this winter.",
    {"october": [(W, 2027, FUT)], "december": [(W, 2027, FUT)]},
)
_add(
    "next-summer",
    "Real Madrid plan to make their move for the defender next summer.",
    {
        "january": [(S, 2026, FUT)],
        "march": [(S, 2026, FUT)],
        "july": [(S, 2027, FUT)],
        "october": [(S, 2027, FUT)],
    },
)
_add(
    "next-january",
    "The Scotland international could be allowed to leave next January.",
    {"january": [(W, 2027, FUT)], "march": [(W, 2027, FUT)], "october": [(W, 2027, FUT)]},
)
_add(
    "next-winter-window",
    "Sevilla will revisit the situation in the next winter window.",
    {"july": [(W, 2027, FUT)], "october": [(W, 2027, FUT)]},
)
_add(
    "last-summer",
    "The Brazilian joined Newcastle from Lyon last summer.",
    {
        "january": [(S, 2025, PAST)],
        "july": [(S, 2025, PAST)],
        "31-august": [(S, 2025, PAST)],
        "october": [(S, 2026, PAST)],
    },
)
_add(
    "last-january",
    "Palace signed the striker last January for £20m.",
    {"january": [(W, 2025, PAST)], "march": [(W, 2026, PAST)], "october": [(W, 2026, PAST)]},
)

# ---------------------------------------------------------------- month names and dates
_add(
    "in-june",
    "The deal is expected to be finalised in June.",
    {"january": [(S, 2026, FUT)], "july": [(S, 2027, FUT)], "october": [(S, 2027, FUT)]},
)
_add(
    "in-july",
    "Valencia intend to complete the signing in July.",
    {"march": [(S, 2026, FUT)], "october": [(S, 2027, FUT)]},
)
_add(
    "in-august-past",
    "He moved to Germany in August after a protracted saga.",
    {"march": [(S, 2025, PAST)], "october": [(S, 2026, PAST)]},
)
_add(
    "early-august",
    "Both clubs hope to finalise the paperwork in early August.",
    {"march": [(S, 2026, FUT)], "october": [(S, 2027, FUT)]},
)
_add(
    "early-august-past",
    "The full-back completed his move to Sporting in early August.",
    {"october": [(S, 2026, PAST)]},
)
_add(
    "on-31-august-past",
    "The loan deal was completed on 31 August, minutes before the paperwork deadline.",
    {"january": [(S, 2025, PAST)], "october": [(S, 2026, PAST)]},
)
_add(
    "until-11pm-on-31-august",
    "Leicester have until 11pm on 31 August to register the player.",
    {"march": [(S, 2026, FUT)], "31-august": [(S, 2026, FUT)], "october": [(S, 2027, FUT)]},
)
_add(
    "by-1-september",
    "Any sale must be agreed by 1 September.",
    {"march": [(S, 2026, FUT)], "31-august": [(S, 2026, FUT)], "october": [(S, 2027, FUT)]},
)
_add(
    "by-jan-15",
    "The Serie A side want the loan finalised by Jan. 15.",
    {"march": [(W, 2027, FUT)], "october": [(W, 2027, FUT)]},
)
_add(
    "on-jan-15-past",
    "The transfer went through on Jan. 15 after a second medical.",
    {"january": [(W, 2026, PAST)], "march": [(W, 2026, PAST)]},
)
_add(
    "until-31-january",
    "Clubs have until 31 January to finalise loan deals.",
    {"january": [(W, 2026, FUT)], "march": [(W, 2027, FUT)], "december": [(W, 2027, FUT)]},
)
_add(
    "on-2-february-past",
    "Wolves completed the signing on 2 February, a day before the deadline.",
    # changed after the blind run: "before the deadline" is a reference to the same window
    {"march": [(W, 2026, PAST), (W, 2026, PAST)], "october": [(W, 2026, PAST), (W, 2026, PAST)]},
)
_add(
    "by-2-february",
    "The loan must be signed off by 2 February.",
    {"january": [(W, 2026, FUT)], "march": [(W, 2027, FUT)]},
)
_add(
    "in-january-2027",
    "He could return to Spain in January 2027.",
    {"march": [(W, 2027, FUT)], "july": [(W, 2027, FUT)]},
)
_add(
    "in-august-2024-past",
    "Atalanta signed him in August 2024 from Genk.",
    {"january": [(S, 2024, PAST)], "october": [(S, 2024, PAST)]},
)
_add(
    "in-july-2025-past",
    "Bologna paid £12m for the centre-back in July 2025.",
    {"march": [(S, 2025, PAST)]},
)

# ---------------------------------------------------------------- end of the season
_add(
    "end-of-the-season",
    "Kane will be allowed to leave at the end of the season.",
    {
        "january": [(S, 2026, FUT)],
        "march": [(S, 2026, FUT)],
        "july": [(S, 2027, FUT)],
        "october": [(S, 2027, FUT)],
    },
)
_add(
    "end-of-this-campaign",
    "The veteran defender is expected to depart at the end of this campaign.",
    {"march": [(S, 2026, FUT)], "october": [(S, 2027, FUT)], "december": [(S, 2027, FUT)]},
)
_add(
    "end-of-the-campaign",
    "Bournemouth will listen to offers for the midfielder at the end of the campaign.",
    {"january": [(S, 2026, FUT)], "october": [(S, 2027, FUT)]},
)
_add(
    "seasons-end",
    "Porto are resigned to losing their captain at season's end.",
    {"january": [(S, 2026, FUT)], "october": [(S, 2027, FUT)]},
)
_add(
    "end-of-next-season",
    "A move is more likely at the end of next season, his agent said.",
    {"march": [(S, 2027, FUT)], "october": [(S, 2028, FUT)]},
)
_add(
    "end-of-last-season-past",
    "He left Celtic at the end of last season.",
    {"march": [(S, 2025, PAST)], "october": [(S, 2026, PAST)]},
)
_add(
    "end-of-2025-26-season",
    "Benfica have agreed to sell the midfielder at the end of the 2025-26 season.",
    {"october-2025": [(S, 2026, FUT)], "march": [(S, 2026, FUT)]},
)
_add(
    "end-of-2024-25-season-past",
    "He returned to Ajax at the end of the 2024-25 season.",
    {"october": [(S, 2025, PAST)]},
)

# ---------------------------------------------------------------- pre-season, new year, deadline, current window
_add(
    "before-pre-season",
    "The manager wants his new signings in place before pre-season.",
    {"january": [(S, 2026, FUT)], "march": [(S, 2026, FUT)], "october": [(S, 2027, FUT)]},
)
_add(
    "during-pre-season-past",
    "The defender joined during pre-season and has started every game since.",
    {"31-august": [(S, 2026, PAST)]},
)
_add(
    "in-the-new-year",
    "Marseille will reopen talks in the new year.",
    {"july": [(W, 2027, FUT)], "october": [(W, 2027, FUT)], "december": [(W, 2027, FUT)]},
)
_add(
    "on-deadline-day",
    "Everton are hoping to get a striker through the door on deadline day.",
    {
        "january": [(W, 2026, FUT)],
        "march": [(S, 2026, FUT)],
        "july": [(S, 2026, FUT)],
        "october": [(W, 2027, FUT)],
    },
)
_add(
    "sold-on-deadline-day-past",
    "The winger was sold on deadline day after a late bid from Everton.",
    {"1-september": [(S, 2026, PAST)], "3-february": [(W, 2026, PAST)]},
)
_add(
    "before-the-window-shuts",
    "United want to sign a midfielder before the window shuts.",
    {"january": [(W, 2026, FUT)], "july": [(S, 2026, FUT)], "october": [(W, 2027, FUT)]},
)
_add(
    "before-the-window-closes-question",
    "Can Chelsea offload the forward before the window closes?",
    {"january": [(W, 2026, FUT)], "31-august": [(S, 2026, FUT)]},
)
_add(
    "this-window",
    "The club insist their captain will not be sold this window.",
    {"january": [(W, 2026, FUT)], "july": [(S, 2026, FUT)]},
)
_add(
    "the-current-window-past",
    "Sporting have already rejected three offers for him in the current window.",
    {"january": [(W, 2026, PAST)], "july": [(S, 2026, PAST)]},
)
_add(
    "this-month",
    "The Gunners want to add a forward this month.",
    {
        "january": [(W, 2026, FUT)],
        "july": [(S, 2026, FUT)],
        "31-august": [(S, 2026, FUT)],
    },
)

# ---------------------------------------------------------------- explicit windows and years
_add(
    "in-summer-2026",
    "Dortmund are planning a squad overhaul in summer 2026.",
    {"october-2025": [(S, 2026, FUT)], "march": [(S, 2026, FUT)]},
)
_add(
    "the-summer-of-2026-past",
    "He arrived from Salzburg in the summer of 2026.",
    {"december": [(S, 2026, PAST)]},
)
_add(
    "the-2026-summer-window",
    "Leverkusen expect to be among the busiest clubs in the 2026 summer window.",
    {"march": [(S, 2026, FUT)]},
)
_add(
    "the-january-2027-window",
    "Sociedad have earmarked the January 2027 window for his sale.",
    {"october": [(W, 2027, FUT)]},
)
_add(
    "january-2027-bare",
    "The Bundesliga club see January 2027 as the ideal time to cash in.",
    {"july": [(W, 2027, FUT)]},
)
_add(
    "the-2026-window",
    "Brighton are already planning for the 2026 window.",
    {"october-2025": [(W, 2026, FUT)], "january": [(W, 2026, FUT)], "march": [(S, 2026, FUT)]},
)
_add(
    "next-year",
    "The forward is expected to move abroad next year.",
    {"january": [(S, 2027, FUT)], "october": [(S, 2027, FUT)]},
)

# ---------------------------------------------------------------- spans of time from P
_add(
    "a-year-from-now",
    "Milan believe he will be available for a fraction of the price a year from now.",
    {
        "january": [(W, 2027, FUT)],
        "march": [(W, 2027, FUT)],
        "july": [(S, 2027, FUT)],
        "october": [(S, 2027, FUT)],
    },
)
_add(
    "in-a-years-time",
    "Bayern could return for him in a year's time.",
    {"january": [(W, 2027, FUT)], "october": [(S, 2027, FUT)], "december": [(W, 2028, FUT)]},
)
_add(
    "in-12-months-time",
    "Roma expect to sell him in 12 months' time.",
    {"31-august": [(S, 2027, FUT)]},
)
_add(
    "in-six-months",
    "Inter may revisit the deal in six months.",
    {
        "january": [(S, 2026, FUT)],
        "march": [(S, 2026, FUT)],
        "july": [(W, 2027, FUT)],
        "october": [(S, 2027, FUT)],
        "december": [(S, 2027, FUT)],
    },
)
_add(
    "in-six-months-time",
    "Sassuolo expect to sell the teenager in six months' time.",
    {"january": [(S, 2026, FUT)], "31-august": [(W, 2027, FUT)]},
)

# ---------------------------------------------------------------- contract expiry
_add(
    "contract-expires-in-2027",
    "Leipzig could lose him for nothing when his contract expires in 2027.",
    {"march": [(S, 2027, FUT)], "october": [(S, 2027, FUT)]},
)
_add(
    "deal-runs-out-in-june-2027",
    "His deal runs out in June 2027 and talks over an extension have stalled.",
    {"january": [(S, 2027, FUT)]},
)
_add(
    "out-of-contract-in-2027",
    "The goalkeeper will be out of contract in 2027.",
    {"october": [(S, 2027, FUT)]},
)
_add(
    "contract-up-next-summer",
    "His contract is up next summer, so Inter must decide whether to cash in.",
    {"march": [(S, 2026, FUT)], "october": [(S, 2027, FUT)]},
)
_add(
    "contract-expired-in-2025-past",
    "He joined Villa on a free after his contract expired in 2025.",
    {"march": [(S, 2025, PAST)]},
)
_add(
    "out-of-contract-end-of-season",
    "The full-back is out of contract at the end of the season.",
    {"january": [(S, 2026, FUT)], "october": [(S, 2027, FUT)]},
)

# ---------------------------------------------------------------- two phrases in one sentence
_add(
    "two-january-past-summer-future",
    "Having seen a bid rejected in January, Arsenal will try again in the summer.",
    {"march": [(W, 2026, PAST), (S, 2026, FUT)], "october": [(W, 2026, PAST), (S, 2027, FUT)]},
)
_add(
    "two-last-summer-end-of-season",
    "He joined on loan last summer and the move will become permanent at the end of the season.",
    {"march": [(S, 2025, PAST), (S, 2026, FUT)], "october": [(S, 2026, PAST), (S, 2027, FUT)]},
)
_add(
    "two-january-or-next-summer",
    "Juventus could move in January or wait until next summer.",
    {"march": [(W, 2027, FUT), (S, 2026, FUT)], "october": [(W, 2027, FUT), (S, 2027, FUT)]},
)
_add(
    "two-last-january-this-summer",
    "Signed last January, the midfielder could be sold this summer.",
    {"march": [(W, 2026, PAST), (S, 2026, FUT)], "july": [(W, 2026, PAST), (S, 2026, FUT)]},
)
_add(
    "two-deadline-day-new-year",
    "Napoli failed to land a striker on deadline day and will go again in the new year.",
    {"1-september": [(S, 2026, PAST), (W, 2027, FUT)]},
)

# ---------------------------------------------------------------- negative and tricky cases
_add("neg-signed-until-june-2028", "The defender has signed a new deal until June 2028.", {"march": []})
_add("neg-deal-running-until-2029", "The winger is tied to a deal running until 2029.", {"october": []})
_add(
    "neg-contract-until-summer-of-2027",
    "He has a contract until the summer of 2027 with the option of a further year.",
    {"january": []},
)
_add("neg-modal-may", "The manager may rotate heavily against Luton.", {"march": []})
_add(
    "neg-march-verb",
    "Fans will march on the stadium before Saturday's game to protest against the owners.",
    {"october": []},
)
_add("neg-money", "The club paid £105m, $141m at current rates, to sign the Argentine.", {"october": []})
_add("neg-time-of-day", "The medical is booked for 11pm on Tuesday at the training ground.", {"july": []})
_add("neg-age", "The 24-year-old has scored 12 goals in 30 games for his new club.", {"december": []})
_add("neg-score", "Villa won 2-1 at Anfield on Sunday thanks to a late header.", {"october": []})
_add("neg-bare-years", "He has been at the club since 2019 and was born in 2003.", {"march": []})
_add("neg-ahead-of-2026", "Mexico's young squad are building ahead of 2026.", {"october-2025": []})
_add("neg-this-season", "He has scored ten goals in all competitions this season.", {"december": []})
_add("neg-first-season", "He struggled for form in his first season at the club.", {"march": []})
_add("neg-in-march", "Spurs will face Liverpool twice in March.", {"january": []})
_add("neg-in-october", "The midfielder injured his knee in October.", {"december": []})
_add("neg-in-december", "The fixture list is packed in December, so squad depth matters.", {"october": []})
_add("neg-scored-on-12-march", "He scored on 12 March against Leipzig.", {"october": []})
_add("neg-scored-on-14-september", "He scored twice on 14 September against Fulham.", {"october": []})
_add("neg-jan-oblak", "Jan Oblak made six saves to keep Atletico in the tie.", {"march": []})
_add("neg-world-cup-2022", "He starred for Morocco at the 2022 World Cup.", {"march": []})
_add("neg-played-in-2025-26-season", "He made 40 appearances in the 2025-26 season.", {"october": []})
_add("neg-born-on-14-july", "The winger, born on 14 July 2003, came through the academy.", {"march": []})
_add("neg-this-month-outside-window", "The Gunners want to add a forward this month.", {"march": [], "october": []})
_add(
    "neg-skip-contract-length",
    "Brighton signed him in January on a deal until June 2029.",
    {"march": [(W, 2026, PAST)]},
)
_add(
    "neg-skip-contract-until-summer",
    "Signed until the summer of 2027, the striker could still leave next summer.",
    {"march": [(S, 2026, FUT)]},
)
_add(
    "neg-skip-modal-may",
    "Arsenal may return with an improved offer in January.",
    {"october": [(W, 2027, FUT)]},
)
_add(
    "neg-skip-march-verb",
    "Supporters will march on the training ground, furious that no striker arrived in the summer.",
    {"october": [(S, 2026, PAST)]},
)
_add("neg-skip-money", "Chelsea paid £105m, $141m, for him last summer.", {"october": [(S, 2026, PAST)]})
_add("neg-skip-age", "The 19-year-old could leave on loan in January.", {"october": [(W, 2027, FUT)]})
_add(
    "neg-skip-score",
    "After the 3-0 defeat, the manager said he needs two signings in January.",
    {"october": [(W, 2027, FUT)]},
)
_add(
    "neg-skip-bare-year",
    "At the club since 2019, he is out of contract in 2027.",
    {"march": [(S, 2027, FUT)]},
)
_add(
    "neg-skip-this-season",
    "He has been a regular this season but could be sold next summer.",
    {"october": [(S, 2027, FUT)]},
)


@pytest.mark.parametrize(("text", "published", "expected"), list(CASES.values()), ids=list(CASES))
def test_window_case(text: str, published: date, expected: list[Exp]) -> None:
    got = [(w.window, w.year, w.tense) for w in find_windows(text, published)]
    assert got == expected


@pytest.mark.parametrize(("text", "published"), [(t, p) for t, p, _ in CASES.values()], ids=list(CASES))
def test_window_offsets(text: str, published: date) -> None:
    for w in find_windows(text, published):
        assert text[w.start : w.end] == w.text
        assert w.start < w.end


# ---------------------------------------------------------------- other league calendars
# id -> (sentence, publication date, calendar, [(window, year, tense, opens, closes), ...])
CALENDAR_CASES: dict[str, tuple[str, date, str, list[CalExp]]] = {
    # mls: summer 24 Jul - 21 Aug, winter 31 Jan - 23 Apr, season ends December
    "mls-in-march/10-january": (
        "LAFC want to add a centre-back in March.",
        date(2026, 1, 10),
        "mls",
        [(W, 2026, FUT, date(2026, 1, 31), date(2026, 4, 23))],
    ),
    "mls-in-march-past/10-may": (
        "The Galaxy signed the Argentine playmaker in March.",
        date(2026, 5, 10),
        "mls",
        [(W, 2026, PAST, date(2026, 1, 31), date(2026, 4, 23))],
    ),
    "mls-end-of-the-season/july": (
        "The veteran striker will leave Seattle at the end of the season.",
        JULY,
        "mls",
        [(W, 2027, FUT, date(2027, 1, 31), date(2027, 4, 23))],
    ),
    "mls-end-of-next-season/july": (
        "Orlando City expect their captain to move on at the end of next season.",
        JULY,
        "mls",
        [(W, 2028, FUT, date(2028, 1, 31), date(2028, 4, 23))],
    ),
    "mls-summer-window/march": (
        "Inter Miami will look for a new playmaker in the summer window.",
        MARCH,
        "mls",
        [(S, 2026, FUT, date(2026, 7, 24), date(2026, 8, 21))],
    ),
    "mls-in-the-summer/30-august": (
        "Nashville will try again for the forward in the summer.",
        date(2026, 8, 30),
        "mls",
        [(S, 2027, FUT, date(2027, 7, 24), date(2027, 8, 21))],
    ),
    "mls-in-the-new-year/october": (
        "Columbus will revisit the deal in the new year.",
        OCTOBER,
        "mls",
        [(W, 2027, FUT, date(2027, 1, 31), date(2027, 4, 23))],
    ),
    "mls-neg-in-june/march": (
        "Atlanta United hope to complete the signing in June.",
        MARCH,
        "mls",
        [],
    ),
    # brazil: summer 10 Jul - 2 Sep, winter 2 Jan - 3 Mar, season ends December
    "brazil-until-2-september/july": (
        "Flamengo have until 2 September to register the midfielder.",
        JULY,
        "brazil",
        [(S, 2026, FUT, date(2026, 7, 10), date(2026, 9, 2))],
    ),
    "brazil-in-february/october": (
        "Palmeiras want to bring in a left-back in February.",
        OCTOBER,
        "brazil",
        [(W, 2027, FUT, date(2027, 1, 2), date(2027, 3, 3))],
    ),
    "brazil-end-of-the-season/10-may": (
        "Corinthians will sell the striker at the end of the season.",
        date(2026, 5, 10),
        "brazil",
        [(W, 2027, FUT, date(2027, 1, 2), date(2027, 3, 3))],
    ),
    "brazil-january-window-past/1-june": (
        "Gremio signed the Uruguayan in the January window.",
        date(2026, 6, 1),
        "brazil",
        [(W, 2026, PAST, date(2026, 1, 2), date(2026, 3, 3))],
    ),
    # saudi: summer 1 Jul - 2 Sep, winter 1 Jan - 31 Jan, season ends May
    "saudi-end-of-the-season/march": (
        "Al-Nassr plan to offload the Brazilian at the end of the season.",
        MARCH,
        "saudi",
        [(S, 2026, FUT, date(2026, 7, 1), date(2026, 9, 2))],
    ),
    "saudi-january-window/january": (
        "Al-Ittihad are working on a deal for the winger in the January window.",
        JANUARY,
        "saudi",
        [(W, 2026, FUT, date(2026, 1, 1), date(2026, 1, 31))],
    ),
    "saudi-until-2-september/31-august": (
        "Al-Ahli have until 2 September to register new signings.",
        AUG31,
        "saudi",
        [(S, 2026, FUT, date(2026, 7, 1), date(2026, 9, 2))],
    ),
    "saudi-neg-in-june/march": (
        "Al-Hilal will finalise the signing in June.",
        MARCH,
        "saudi",
        [],
    ),
    # scandinavia: summer 15 Jul - 31 Aug, winter 1 Jan - 31 Mar, season ends November
    "scandinavia-in-march/january": (
        "Malmo hope to sign a striker in March.",
        JANUARY,
        "scandinavia",
        [(W, 2026, FUT, date(2026, 1, 1), date(2026, 3, 31))],
    ),
    "scandinavia-end-of-the-season/july": (
        "Bodo/Glimt's captain will leave at the end of the season.",
        JULY,
        "scandinavia",
        [(W, 2027, FUT, date(2027, 1, 1), date(2027, 3, 31))],
    ),
    "scandinavia-in-july/march": (
        "Molde want the deal completed in July.",
        MARCH,
        "scandinavia",
        [(S, 2026, FUT, date(2026, 7, 15), date(2026, 8, 31))],
    ),
    "scandinavia-in-february/october": (
        "AIK plan to sign a replacement in February.",
        OCTOBER,
        "scandinavia",
        [(W, 2027, FUT, date(2027, 1, 1), date(2027, 3, 31))],
    ),
    "scandinavia-neg-in-june/march": (
        "Rosenborg will finalise the signing in June.",
        MARCH,
        "scandinavia",
        [],
    ),
    # europe (default), spelled out, for the dates
    "europe-in-january/october": (
        "PSG will move for the defender in January.",
        OCTOBER,
        "europe",
        [(W, 2027, FUT, date(2027, 1, 1), date(2027, 2, 3))],
    ),
    "europe-this-summer/march": (
        "Ajax will sell him this summer.",
        MARCH,
        "europe",
        [(S, 2026, FUT, date(2026, 6, 14), date(2026, 9, 1))],
    ),
}


@pytest.mark.parametrize(
    ("text", "published", "calendar", "expected"), list(CALENDAR_CASES.values()), ids=list(CALENDAR_CASES)
)
def test_calendar_case(text: str, published: date, calendar: str, expected: list[CalExp]) -> None:
    got = [(w.window, w.year, w.tense, w.opens, w.closes) for w in find_windows(text, published, calendar=calendar)]
    assert got == expected


def test_default_calendar_is_europe() -> None:
    text = "PSG will move for the defender in January."
    with_default = [(w.window, w.year, w.opens, w.closes) for w in find_windows(text, OCTOBER)]
    assert with_default == [(W, 2027, date(2027, 1, 1), date(2027, 2, 3))]


# ---------------------------------------------------------------- no publication date
NO_DATE_CASES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "january-future-last-summer-past": (
        "Arsenal want to sign him in January, having brought in his team-mate last summer.",
        [(W, FUT), (S, PAST)],
    ),
    "end-of-the-season-future": ("Chelsea could return for the winger at the end of the season.", [(S, FUT)]),
    "next-summer-future": ("Real Madrid plan to make their move for the defender next summer.", [(S, FUT)]),
    "in-the-summer-past": ("Everton signed the goalkeeper in the summer for an undisclosed fee.", [(S, PAST)]),
}


@pytest.mark.parametrize(("text", "expected"), list(NO_DATE_CASES.values()), ids=list(NO_DATE_CASES))
def test_no_publication_date(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_windows(text, None)
    assert [(w.window, w.tense) for w in found] == expected
    assert all(w.year is None for w in found)
    assert all(w.opens is None and w.closes is None for w in found)
