"""A fuller tokenizer cache: the same tokens as spaCy's, found several times faster.

spaCy's tokenizer remembers how it split each whitespace-separated chunk of text, but within a
document it stops remembering once it has met a special case ("don't", "'s", "a.m."), which nearly
every article has in its first lines; so in practice it splits every later chunk afresh with its
affix regexes. :class:`TokenizerWarmer` tokenizes each chunk it has not seen before on its own
(where no earlier special case stops the caching) just before the whole text is tokenized, so the
text's chunks come from spaCy's own cache. The tokenizer's code path and result are unchanged; only
its cache is filled. Chunks are remembered up to the size of spaCy's cache (10,000 by default),
after which the warmer does nothing.
"""

from __future__ import annotations

from typing import Any


class TokenizerWarmer:
    """Fills ``tokenizer``'s chunk cache with the chunks of a text before it is tokenized."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        # spaCy's cache stops growing at max_cache_size; specials are never cached, so allow for them
        self.limit = 2 * int(getattr(tokenizer, "max_cache_size", 0) or 0)
        self.seen: set[str] = set()

    def __call__(self, text: str) -> None:
        if len(self.seen) >= self.limit:
            return
        seen = self.seen
        new = {chunk for chunk in text.split() if chunk not in seen}
        tokenize = self.tokenizer
        for chunk in new:
            tokenize(chunk)
        seen |= new


def warmer_for(nlp: Any) -> TokenizerWarmer | None:
    """A warmer for ``nlp``'s tokenizer when it is spaCy's own (a custom tokenizer gets none)."""
    from spacy.tokenizer import Tokenizer

    return TokenizerWarmer(nlp.tokenizer) if type(nlp.tokenizer) is Tokenizer else None
