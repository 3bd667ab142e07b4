"""Pure helpers for person names: particles, name keys and surname forms.

>>> surname_keys("Virgil van Dijk")
['van dijk', 'dijk']
>>> surname_keys("Emile Smith-Rowe")
['smith-rowe']
>>> name_key("Martin Ødegaard") == name_key("Martin Odegaard")
True
"""

from __future__ import annotations

from functools import lru_cache

from .text import fold

#: Lower-case words that sit inside names ("van Dijk", "dos Santos", "de Jong").
PARTICLES = frozenset({
    "van", "von", "de", "der", "den", "di", "da", "dos", "das", "do", "del", "della", "dello",
    "le", "la", "du", "des", "ter", "ten", "bin", "ibn", "el", "al", "y", "e", "af", "zu",
    "degli", "dei", "mac", "st", "st.", "ben", "abu", "lo",
})


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Accent- and case-insensitive identity key for a name."""
    return " ".join(fold(name).replace("’", "'").split())


def surname_keys(full: str) -> list[str]:
    """Keys of the shorter forms a writer may use for ``full`` after first mention.

    Every tail of the name after the first word (longest first), stopping at a tail that
    is only a particle.
    """
    return list(_surname_keys(full))


@lru_cache(maxsize=1 << 14)
def _surname_keys(full: str) -> tuple[str, ...]:
    words = full.split()
    keys = []
    for i in range(1, len(words)):
        tail = words[i:]
        if len(tail) == 1 and fold(tail[0]) in PARTICLES:
            continue
        keys.append(name_key(" ".join(tail)))
    return tuple(keys)


def first_name_key(full: str) -> str | None:
    """The first word of a multi-word name, as a key."""
    words = full.split()
    return name_key(words[0]) if len(words) > 1 else None
