"""A cheap, model-free similarity: character trigrams of folded words."""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from checker.align.anchors import _NUMBER, _WORD, fold
from checker.align.params import Similarity


def cognate_similarity(source: Sequence[str], target: Sequence[str]) -> Similarity:
    """Character-trigram Dice of folded words, a stand-in for MT when no model is available.

    Catches names, numbers, cognates and loanwords; it knows nothing of either language.
    Trigrams are compared as sets: set intersection runs in C, and repeated trigrams add
    little evidence about which sentences are translations of each other.
    """
    source_grams = [_grams(s) for s in source]
    target_grams = [_grams(t) for t in target]
    spans: dict[tuple[str, tuple[int, ...]], frozenset[str]] = {}

    def span(side: str, ids: tuple[int, ...]) -> frozenset[str]:
        found = spans.get((side, ids))
        if found is None:
            grams_of = source_grams if side == "s" else target_grams
            found = spans[(side, ids)] = frozenset().union(*(grams_of[k] for k in ids))
        return found

    def similarity(source_ids: tuple[int, ...], target_ids: tuple[int, ...]) -> float:
        a, b = span("s", source_ids), span("t", target_ids)
        size = len(a) + len(b)
        return 2 * len(a & b) / size if size else 0.0

    return similarity


# A source sentence is scored against each target language in turn: its trigrams are read once.
# Bounded well below the other caches: a trigram set is kilobytes (16,384 of them were 90 MB a worker).
@lru_cache(maxsize=4096)
def _grams(text: str) -> frozenset[str]:
    out: set[str] = set()
    for word in _WORD.findall(text) + _NUMBER.findall(text):
        word = f" {fold(word)} "
        out.update(word[k:k + 3] for k in range(len(word) - 2))
    return frozenset(out)
