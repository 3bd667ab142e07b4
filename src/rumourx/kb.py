"""The knowledge base: clubs, nations, competitions, outlets and name lexicons from ``models/``.

Loaded once, validated line by line. A user gazetteer (JSONL) can add clubs, players, other
people and extra forms of known clubs; see :func:`load_gazetteer`.
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
    #: weak forms that mean this club when the article names no other club sharing them
    defaults: tuple[str, ...] = ()

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
    #: name key of any known form -> canonical name, for known players and people
    canonical: dict[str, str] = field(default_factory=dict)
    #: name keys of known players (from a gazetteer), with the club id they play for or None
    players: dict[str, str | None] = field(default_factory=dict)
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


    def add_person(self, name: str, aliases: list[str], role: str, club: str | None = None) -> None:
        """A known player (``role == "player"``) or other person, with the forms writers use."""
        from .names import name_key

        for form in (name, *aliases):
            key = name_key(form)
            self.canonical.setdefault(key, name)
            if role == "player":
                self.players[key] = club
                self.people.pop(key, None)
            else:
                self.people[key] = role
                self.players.pop(key, None)

    def add_forms(self, club_id: str, forms: list[str], kind: str) -> None:
        """Extra surface forms of a known club."""
        club = self.clubs[club_id]
        if kind == "nickname":  # "the Reds" is matched as "Reds" with its article
            forms = [f[4:] if f[:4].lower() == "the " else f for f in forms]
        from dataclasses import replace

        more = {k: tuple(forms) if k == kind else () for k in FORM_KINDS}
        self.add_club(replace(club, aliases=club.aliases + more["alias"], nicknames=club.nicknames + more["nickname"],
                              stadiums=club.stadiums + more["stadium"], weak=club.weak + more["weak"]))


def _ascii_variant(form: str) -> str:
    from anyascii import anyascii

    return anyascii(form).replace("'", "’") if "’" in form else anyascii(form)


def _club_from(obj: dict, path: str, lineno: int) -> Club:
    cid = require(obj, "id", str, path, lineno)
    name = require(obj, "name", str, path, lineno)
    lists = {k: tuple(require(obj, k, list, path, lineno, optional=True, default=[]))
             for k in ("aliases", "nicknames", "stadiums", "weak", "defaults")}
    stray = [d for d in lists["defaults"] if d not in lists["weak"]]
    if stray:
        raise DataFileError(path, lineno, "defaults", f"{stray[0]!r} is not one of the club's weak forms")
    return Club(
        id=cid, name=name,
        country=require(obj, "country", str, path, lineno, optional=True, default=""),
        league=require(obj, "league", str, path, lineno, optional=True, default=""),
        **lists,
    )


GAZETTEER_TYPES = ("club", "player", "person", "alias")
FORM_KINDS = ("alias", "nickname", "stadium", "weak")


def read_gazetteer(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), None, None, f"cannot read: {exc}") from exc


def load_gazetteer(kb: KnowledgeBase, path: Path, text: str | None = None) -> None:
    """Add a user's JSONL gazetteer to ``kb``, validating every line.

    One JSON object per line, its ``type`` one of:

    - ``club`` (the default): the fields of ``models/clubs`` (``id``, ``name``, ``country``,
      ``league``, ``aliases``, ``nicknames``, ``stadiums``, ``weak``); a new ``id``;
    - ``player``: ``name``, optional ``aliases`` and ``club`` (a club id): always a player;
    - ``person``: ``name``, ``role`` (manager, executive, agent or media), optional ``aliases``;
    - ``alias``: ``club`` (a club id), ``forms`` (list) and optional ``kind`` (alias, nickname,
      stadium or weak): more ways to write a known club.

    Errors name the file, the line and the field (:class:`~rumourx.errors.DataFileError`).
    ``text``, when given, is the file's content already read (a saved pipeline's copy).
    """
    if text is None:
        text = read_gazetteer(path)
    where = str(path)

    def club_id(obj: dict, lineno: int) -> str:
        cid = require(obj, "club", str, where, lineno)
        if cid not in kb.clubs:
            raise DataFileError(where, lineno, "club",
                                f"unknown club id {cid!r} (ids are in models/clubs or earlier lines)")
        return cid

    for lineno, obj in iter_jsonl(text, where):
        kind = require(obj, "type", str, where, lineno, optional=True, default="club")
        if kind not in GAZETTEER_TYPES:
            raise DataFileError(where, lineno, "type", f"unknown type {kind!r}; expected one of {GAZETTEER_TYPES}")
        if kind == "club":
            club = _club_from(obj, where, lineno)
            if club.id in kb.clubs:
                raise DataFileError(where, lineno, "id", f"club id {club.id!r} already exists; "
                                    "add forms to it with a line of type 'alias'")
            kb.add_club(club)
            continue
        allowed = {"player": ("type", "name", "aliases", "club"),
                   "person": ("type", "name", "aliases", "role"), "alias": ("type", "club", "forms", "kind")}[kind]
        for key in obj:
            if key not in allowed:
                raise DataFileError(where, lineno, key, f"unknown field for type {kind!r}; expected {allowed}")
        if kind == "alias":
            cid = club_id(obj, lineno)
            forms = require(obj, "forms", list, where, lineno)
            form_kind = require(obj, "kind", str, where, lineno, optional=True, default="alias")
            if form_kind not in FORM_KINDS:
                raise DataFileError(where, lineno, "kind", f"unknown kind {form_kind!r}; expected one of {FORM_KINDS}")
            kb.add_forms(cid, forms, form_kind)
            continue
        name = require(obj, "name", str, where, lineno)
        if not name.strip():
            raise DataFileError(where, lineno, "name", "must not be empty")
        aliases = require(obj, "aliases", list, where, lineno, optional=True, default=[])
        if kind == "player":
            kb.add_person(name, aliases, "player", club_id(obj, lineno) if "club" in obj else None)
        else:
            role = require(obj, "role", str, where, lineno)
            if role not in PEOPLE_ROLES:
                raise DataFileError(where, lineno, "role", f"unknown role {role!r}; expected one of {PEOPLE_ROLES}")
            kb.add_person(name, aliases, role)


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
    for form in read_lines("lexicon/places.txt"):
        kb.other_forms.setdefault(form, ("place", form))
    for lineno, obj in read_jsonl("lexicon/outlets.jsonl"):
        path = "models/lexicon/outlets.jsonl"
        name = require(obj, "name", str, path, lineno)
        kind = require(obj, "kind", str, path, lineno, optional=True, default="outlet")
        for form in (name, *require(obj, "aliases", list, path, lineno, optional=True, default=[])):
            kb.other_forms.setdefault(form, (kind, name))
    path = "models/lexicon/people.jsonl"
    for lineno, obj in read_jsonl("lexicon/people.jsonl"):
        name = require(obj, "name", str, path, lineno)
        role = require(obj, "role", str, path, lineno)
        if role not in PEOPLE_ROLES:
            raise DataFileError(path, lineno, "role", f"unknown role {role!r}; expected one of {PEOPLE_ROLES}")
        kb.add_person(name, require(obj, "aliases", list, path, lineno, optional=True, default=[]), role)
    kb.first_names = frozenset(fold(n) for n in read_lines("lexicon/first_names.txt"))
    kb.non_names = frozenset(fold(n) for n in read_lines("lexicon/non_names.txt"))
    return kb


@lru_cache(maxsize=1)
def cues() -> dict:
    """The cue lexicon (``models/cues.json``), checked for its required sections."""
    data = read_json("cues.json")
    for key in ("speech_verbs", "player_roles", "staff_roles", "descriptor_heads",
                "transfer_stages", "move_types", "former_words", "not_transfer", "place_context", "club_verbs",
                "move_before"):
        if key not in data:
            raise DataFileError("models/cues.json", None, key, "required field is missing")
    return data
