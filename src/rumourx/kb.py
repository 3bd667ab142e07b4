"""The knowledge base: clubs, nations, competitions, outlets and name lexicons from ``models/``.

Loaded once, validated line by line. A user gazetteer (JSONL) can add clubs and aliases.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import DataFileError
from .resources import iter_jsonl, jsonl_names, read_json, read_jsonl, read_lines, require
from .text import fold

#: Leagues in the order used to break ties between clubs sharing a nickname.
LEAGUE_PRIORITY = (
    "Premier League", "LaLiga", "Serie A", "Bundesliga", "Ligue 1", "Primeira Liga",
    "Eredivisie", "Scottish Premiership", "Championship", "Saudi Pro League", "MLS",
    "Super Lig", "Belgian Pro League", "Brasileirao Serie A", "Argentine Primera Division",
)

PEOPLE_ROLES = ("manager", "executive", "agent", "media")


@dataclass(frozen=True)
class Club:
    """A club of the knowledge base."""

    id: str
    name: str
    country: str
    league: str
    aliases: tuple[str, ...]
    nicknames: tuple[str, ...]
    stadiums: tuple[str, ...]
    weak: tuple[str, ...]

    @property
    def priority(self) -> int:
        try:
            return LEAGUE_PRIORITY.index(self.league)
        except ValueError:
            return len(LEAGUE_PRIORITY)


@dataclass
class KnowledgeBase:
    """Everything the entity step knows, indexed by surface form."""

    clubs: dict[str, Club] = field(default_factory=dict)
    #: surface form -> [(club id, form kind)]
    club_forms: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    #: surface form -> (category, canonical name) for nations, demonyms, competitions, outlets
    other_forms: dict[str, tuple[str, str]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    first_names: frozenset[str] = frozenset()
    #: name key -> role, for well-known people who are not players
    people: dict[str, str] = field(default_factory=dict)
    #: tables derived from the above by the entity step; cleared whenever clubs are added
    derived: dict[str, Any] = field(default_factory=dict)
    non_names: frozenset[str] = frozenset()

    def add_club(self, club: Club) -> None:
        self.derived.clear()
        self.clubs[club.id] = club
        for kind, forms in (("name", (club.name,)), ("alias", club.aliases),
                            ("nickname", club.nicknames), ("stadium", club.stadiums),
                            ("weak", club.weak)):
            for form in forms:
                for variant in {form, _ascii_variant(form)}:
                    entry = (club.id, kind)
                    if entry not in self.club_forms[variant]:
                        self.club_forms[variant].append(entry)


def _ascii_variant(form: str) -> str:
    from anyascii import anyascii

    return anyascii(form).replace("'", "’") if "’" in form else anyascii(form)


def _club_from(obj: dict, path: str, lineno: int) -> Club:
    cid = require(obj, "id", str, path, lineno)
    name = require(obj, "name", str, path, lineno)
    lists = {k: tuple(require(obj, k, list, path, lineno, optional=True, default=[]))
             for k in ("aliases", "nicknames", "stadiums", "weak")}
    return Club(
        id=cid, name=name,
        country=require(obj, "country", str, path, lineno, optional=True, default=""),
        league=require(obj, "league", str, path, lineno, optional=True, default=""),
        **lists,
    )


def load_gazetteer(kb: KnowledgeBase, path: Path) -> None:
    """Add a user's JSONL of clubs (same fields as ``models/clubs``) to ``kb``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), None, None, f"cannot read: {exc}") from exc
    for lineno, obj in iter_jsonl(text, str(path)):
        kind = obj.get("type", "club")
        if kind != "club":
            raise DataFileError(str(path), lineno, "type", f"unknown type {kind!r} (expected 'club')")
        kb.add_club(_club_from(obj, str(path), lineno))


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The knowledge base shipped in ``models/`` (validated, cached)."""
    kb = KnowledgeBase()
    seen: dict[str, str] = {}
    for name in jsonl_names("clubs"):
        path = f"models/{name}"
        for lineno, obj in read_jsonl(name):
            club = _club_from(obj, path, lineno)
            if club.id in seen:
                raise DataFileError(path, lineno, "id", f"duplicate id {club.id!r} (first in {seen[club.id]})")
            seen[club.id] = f"{path}, line {lineno}"
            kb.add_club(club)
    for lineno, obj in read_jsonl("lexicon/nations.jsonl"):
        path = "models/lexicon/nations.jsonl"
        name = require(obj, "name", str, path, lineno)
        for form in (name, *require(obj, "aliases", list, path, lineno, optional=True, default=[])):
            kb.other_forms.setdefault(form, ("nation", name))
        for form in require(obj, "team_nicknames", list, path, lineno, optional=True, default=[]):
            kb.other_forms.setdefault(form, ("national_team", name))
        for form in require(obj, "demonyms", list, path, lineno, optional=True, default=[]):
            kb.other_forms.setdefault(form, ("demonym", name))
            kb.demonyms[fold(form)] = name
    for form in read_lines("lexicon/competitions.txt"):
        kb.other_forms.setdefault(form, ("competition", form))
    for lineno, obj in read_jsonl("lexicon/outlets.jsonl"):
        path = "models/lexicon/outlets.jsonl"
        name = require(obj, "name", str, path, lineno)
        kind = require(obj, "kind", str, path, lineno, optional=True, default="outlet")
        for form in (name, *require(obj, "aliases", list, path, lineno, optional=True, default=[])):
            kb.other_forms.setdefault(form, (kind, name))
    from .names import name_key

    path = "models/lexicon/people.jsonl"
    for lineno, obj in read_jsonl("lexicon/people.jsonl"):
        name = require(obj, "name", str, path, lineno)
        role = require(obj, "role", str, path, lineno)
        if role not in PEOPLE_ROLES:
            raise DataFileError(path, lineno, "role", f"unknown role {role!r}; expected one of {PEOPLE_ROLES}")
        for form in (name, *require(obj, "aliases", list, path, lineno, optional=True, default=[])):
            kb.people[name_key(form)] = role
    kb.first_names = frozenset(fold(n) for n in read_lines("lexicon/first_names.txt"))
    kb.non_names = frozenset(fold(n) for n in read_lines("lexicon/non_names.txt"))
    return kb


@lru_cache(maxsize=1)
def cues() -> dict:
    """The cue lexicon (``models/cues.json``), checked for its required sections."""
    data = read_json("cues.json")
    for key in ("speech_verbs", "player_roles", "staff_roles", "descriptor_heads",
                "transfer_stages", "move_types", "former_words", "not_transfer"):
        if key not in data:
            raise DataFileError("models/cues.json", None, key, "required field is missing")
    return data
