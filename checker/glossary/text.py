"""Normalised views of a sentence for term matching, with a map back to the original characters.

Translators legitimately vary typography: typographic apostrophes, non-breaking and
line-broken whitespace, hyphens and dashes, capitals, and (where an entry allows it)
accents. Matching runs on a normalised view whose every character points back into the
original text, so a match can always be reported at the exact span the user wrote.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

APOSTROPHES = "\u2019\u2018\u02bc\u00b4\u0060\u2032"
# A hyphen inside a term and a space are the same for matching (`ATMP-sector`, `e-health`):
# folding both to a space lets one pattern cover both spellings.
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
SPACES = "\t\n\r\v\f\u00a0\u2007\u2009\u202f\u200a\u3000"

_TYPOGRAPHY = str.maketrans(
    {**{c: "'" for c in APOSTROPHES}, **{c: " " for c in DASHES}, **{c: " " for c in SPACES}}
)
_SPACE_RUN = re.compile(r" {2,}")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch)
    base = decomposed[0]
    return base if len(base) == 1 and base.isalpha() else ch


class _AccentTable(dict):
    """str.translate table that strips diacritics one character for one character."""

    def __missing__(self, code: int) -> int:
        folded = _fold_char(chr(code))
        self[code] = ord(folded)
        return self[code]


_ACCENTS = _AccentTable()


def fold_accents(text: str) -> str:
    """`Économie` -> `Economie`; always the same length as `text`."""
    if text.isascii():
        return text
    return text.translate(_ACCENTS)


def lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters (`İ`) grow when lowercased; keep those as they are.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@dataclass(frozen=True)
class MatchView:
    """A sentence as the matcher sees it.

    `cased` has typography normalised and whitespace runs collapsed; `lower` is its
    lowercase and `folded` also has accents removed. All three have the same length, and
    `offsets[i]` is the index in the original text of character `i` (None: identity).
    """

    original: str
    cased: str
    lower: str
    folded: str
    offsets: tuple[int, ...] | None

    def original_index(self, index: int) -> int:
        if self.offsets is None:
            return index
        if index >= len(self.offsets):
            return len(self.original)
        return self.offsets[index]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalised span [start, end)."""
        if end <= start:
            begin = self.original_index(start)
            return begin, begin
        return self.original_index(start), self.original_index(end - 1) + 1


def normalise(text: str) -> str:
    """The matching key of a glossary form: same rules as `view(text).folded` minus the map."""
    return view(text).folded.strip()


def view(text: str) -> MatchView:
    cased = text.translate(_TYPOGRAPHY)
    offsets: tuple[int, ...] | None = None
    if "  " in cased:
        kept: list[int] = []
        pieces: list[str] = []
        last = 0
        for run in _SPACE_RUN.finditer(cased):
            pieces.append(cased[last : run.start() + 1])
            kept.extend(range(last, run.start() + 1))
            last = run.end()
        pieces.append(cased[last:])
        kept.extend(range(last, len(cased)))
        cased = "".join(pieces)
        offsets = tuple(kept)
    lower = lower_same_length(cased)
    return MatchView(original=text, cased=cased, lower=lower, folded=fold_accents(lower), offsets=offsets)
