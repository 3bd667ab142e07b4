"""Result objects: the output contract (schema version 1), as immutable pydantic models.

``Result.model_json_schema()`` is what ``rumourx schema`` prints. Every extracted item carries
its surface text and character offsets into the input (``text == input[start:end]``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Model):
    """A piece of the input: its text and [start, end) character offsets."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Mention(Span):
    """One mention of an entity. ``form`` says how it was written (name, surname, nickname...)."""

    form: str


class Player(_Model):
    """A footballer, once per article, with every mention."""

    name: str = Field(description="canonical full name")
    club: str | None = Field(None, description="the club he plays for, per the article's wording")
    mentions: list[Mention]


class Person(_Model):
    """Someone who is not a player: a manager, agent, executive or journalist."""

    name: str
    role: str
    mentions: list[Mention]


class Club(_Model):
    """A club, once per article, with every mention (names, nicknames, stadiums...)."""

    name: str
    id: str
    country: str | None = None
    mentions: list[Mention]


class Converted(_Model):
    """An amount converted into the base currency (``--currency``, EUR by default)."""

    amount: int | float
    currency: str = Field(description="ISO 4217 code of the base currency")
    rate: float = Field(description="units of the base currency per unit of the fee's currency")
    rate_date: date = Field(description="the day whose rate was used")
    method: str = Field(description="ecb, fixed (a peg or a euro fixed rate), ecb+fixed or same; "
                                    "'-interpolated' when the ECB published no rate that day")


class Fee(Span):
    """An amount of money, exact, in full units of an ISO 4217 currency."""

    id: int
    amount: int | float | None = Field(description="full units (105000000 for '£105m'); exact")
    currency: str | None = Field(description="ISO 4217 code")
    kind: Literal["fee", "wage", "clause", "addon", "other"]
    qualifier: Literal["exact", "approx", "min", "max"] = "exact"
    qualifier_text: str | None = None
    period: str | None = Field(None, description="for wages: week, month, year or season")
    group: int = Field(description="equivalents of one amount in several currencies share a group")
    range_with: int | None = Field(None, description="id of the other bound of a range")
    addon_to: int | None = Field(None, description="id of the base fee an add-on belongs to")
    same_as: int | None = Field(None, description="id of an earlier mention of the same amount")
    detail: Literal["loan_fee", "option_to_buy", "obligation_to_buy", "undisclosed", "free", "vague"] | None = Field(
        None, description="what the fee is: a loan fee, an option or obligation to buy, an undisclosed fee, a free "
                          "transfer (no amount), a vague size ('a nine-figure sum': the lower bound)")
    player: str | None = Field(None, description="the player the amount is about, when clear")
    converted: Converted | None = Field(None, description="the amount in the base currency, at the article's date")


class Quote(Span):
    """A direct quote (text without the marks) and who said it."""

    speaker: str | None = Field(description="full name of the speaker; null for a club statement or unknown")
    cue: str | None = None
    medium: str | None = Field(None, description="the outlet it was said to ('told Sky Sports')")
    source: str | None = Field(None, description="the club, when a club statement speaks")
    group: int = Field(description="paragraphs of one multi-paragraph quote share a group")
    part: int = 0


class Window(Span):
    """A transfer-window phrase resolved against the publication date."""

    window: Literal["summer", "winter"]
    year: int | None
    tense: Literal["past", "future"]
    opens: date | None = Field(None, description="the window's usual opening day in the article's league calendar")
    closes: date | None = Field(None, description="its usual closing day (deadline day)")
    calendar: str = Field("europe", description="the league calendar: europe, mls, brazil, saudi or scandinavia, "
                                                 "chosen when most of the article's clubs play by it")


class Evidence(_Model):
    start: int
    end: int


class Transfer(_Model):
    """One player's (possible) move to one club."""

    player: str
    from_club: str | None
    to_club: str
    status: Literal["rumour", "agreed", "completed", "rejected"]
    stage: str
    type: str
    fees: list[int] = Field(default_factory=list, description="ids of the fees about this move")
    windows: list[int] = Field(default_factory=list, description="indices into windows")
    year: int | None = None
    source: str | None = None
    confidence: float = Field(ge=0, le=1)
    evidence: list[Evidence] = Field(default_factory=list)


class Warning(_Model):
    code: str
    message: str


class Page(_Model):
    """A web page the article was taken from: its main text is what the offsets refer to."""

    format: Literal["html"] = "html"
    title: str | None = None
    published: date | None = Field(None, description="the publication date the page states")
    text: str = Field(description="the page's main text, as extracted (paragraphs a blank line apart)")


class Result(_Model):
    """Everything rumourx extracted from one article."""

    schema_version: Literal[1] = 1
    source: str
    published: date | None
    page: Page | None = Field(None, description="for an HTML input: the page's title, date and main text")
    players: list[Player]
    people: list[Person] = Field(default_factory=list)
    clubs: list[Club]
    fees: list[Fee]
    quotes: list[Quote]
    windows: list[Window]
    transfers: list[Transfer]
    warnings: list[Warning]

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready Python data (exactly what the CLI prints)."""
        return self.model_dump(mode="json")

    def to_json(self, indent: int | None = None) -> str:
        """The result as a JSON string."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def with_input_warnings(self, codes: Iterable[str], page: dict[str, Any] | None = None) -> Result:
        """The result with warnings about how its input was read ("cp1252", "html") put first,
        and the web page it came from."""
        codes = list(codes)
        if not codes and page is None:
            return self
        from .errors import WARNING_CODES

        extra = [Warning(code=c, message=WARNING_CODES[c]) for c in codes]
        update: dict[str, Any] = {"warnings": [*extra, *self.warnings]}
        if page is not None:
            update["page"] = Page.model_validate(page)
        return self.model_copy(update=update)


class ErrorInfo(_Model):
    code: str
    message: str


class ErrorRecord(_Model):
    """In place of a result, for an input that could not be extracted."""

    schema_version: Literal[1] = 1
    source: str
    error: ErrorInfo

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one output record: a result or an error record."""
    from pydantic.json_schema import models_json_schema

    _, defs = models_json_schema([(Result, "serialization"), (ErrorRecord, "serialization")],
                                 ref_template="#/$defs/{model}")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "rumourx output record",
        "description": f"One article's extraction (schema version {SCHEMA_VERSION}) or an error record.",
        "oneOf": [{"$ref": "#/$defs/Result"}, {"$ref": "#/$defs/ErrorRecord"}],
        "$defs": defs["$defs"],
    }
