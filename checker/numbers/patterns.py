"""Regex building blocks shared by the number passes."""

from __future__ import annotations

import re
import sys
from typing import Iterable, Iterator


def alternation(words: Iterable[str]) -> str:
    """Any of `words` as literals, the longest that fits first, factored by common prefix.

    `drie|dertig|dertien` becomes `d(?:erti(?:en|g)|rie)`. It matches what the plain
    longest-first alternation matches: at one position the words that fit are prefixes of one
    another, and the factored form tries them longest first too (a word's continuations before
    the word itself). It is faster because `re` tries the branches of an alternation one by one
    at every position of the text: factored, most branches fail on their first character
    together. The number passes scan each sentence with some forty such patterns.

    Two words that differ only in case where they branch (`E`, `e.`) would be tried shortest
    first by a case-insensitive pattern, so such a list keeps the plain form.
    """
    words = set(words)
    trie: dict = {}
    for word in words:
        node = trie
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}
    if _case_variants_branch(trie):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return _factored(trie)


def _case_variants_branch(node: dict) -> bool:
    characters = [c for c in node if c]
    lower, upper = {c.lower() for c in characters}, {c.upper() for c in characters}
    if len(lower) < len(characters) or len(upper) < len(characters):
        return True
    return any(_case_variants_branch(child) for child in node.values())


def _factored(node: dict) -> str:
    branches = [re.escape(character) + _factored(child) for character, child in sorted(node.items()) if character]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here: its continuations first, then the word itself
        return f"(?:{body})?"
    return body


class Gated:
    """A pattern that scans a text only when a cheaper pattern, a part every match contains, occurs in it.

    The number passes' patterns open with a look-behind (`(?<![\\w])`), which keeps `re` from
    skipping ahead to where a match could start: each scan tries every position of the
    sentence, and most sentences hold no month name, no fraction word, no decade. The gate
    is the part a match cannot do without (the alternation of month names), written without
    the look-behind, so that `re` skips to its first characters: about a tenth of the cost.
    `gate` must be a necessary part of `pattern` (same flags); `match` and `fullmatch` are
    anchored and cheap, so they go straight to the pattern.
    """

    __slots__ = ("pattern", "gate")

    def __init__(self, pattern: re.Pattern[str], gate: re.Pattern[str]) -> None:
        self.pattern, self.gate = pattern, gate

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        if self.gate.search(text, pos, endpos) is None:
            return iter(())
        return self.pattern.finditer(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self.gate.search(text, pos, endpos) is None:
            return None
        return self.pattern.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.fullmatch(text, pos, endpos)


def gated(pattern: str, gate: str, flags: int = 0) -> Gated:
    """`pattern`, scanned only where `gate` (a part every match of it contains) occurs."""
    return Gated(re.compile(pattern, flags), re.compile(gate, flags))
