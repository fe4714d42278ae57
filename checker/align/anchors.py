"""Language-neutral clues of a sentence: numbers, capitalised words and names, sentence punctuation."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Sequence

from rapidfuzz import fuzz, process

from checker.align.params import DEFAULT_PARAMS, AlignParams

# Digit groups of three after a group of one to three digits ("1 200", "12.500.000"); a
# year followed by a count ("2024 300") stays two numbers.
_NUMBER = re.compile(r"(?:\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+)(?:[.,]\d+)?")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# Sentence punctuation that translations keep: questions, exclamations, colons, quotes,
# parentheses. Guillemets and curly quotes all count as one class.
_MARK_CLASSES = {
    "?": "?", "!": "!", ":": ":", ";": ";", "(": "(", ")": "(",
    "\"": "\"", "«": "\"", "»": "\"", "“": "\"", "”": "\"", "„": "\"", "‘": "\"",
}  # "’" is left out: it is the French and English apostrophe far more often than a quote.
# One scan in C instead of a dictionary look-up per character (1.4 million a 100-release run).
_MARK = re.compile("[" + re.escape("".join(_MARK_CLASSES)) + "]")


def normalize_number(token: str) -> str:
    """A digit string without group separators: `1.200`, `1 200`, `1,200` all give `1200`.

    A separator followed by other than three digits is a decimal mark; trailing zeros of
    the decimals are dropped so that `8847,60` and `8847.6` agree.
    """
    groups = re.split(r"[.,\u00a0\u202f ]", token)
    if len(groups) > 1 and len(groups[-1]) != 3:
        whole, decimals = "".join(groups[:-1]), groups[-1].rstrip("0")
        return f"{whole}.{decimals}" if decimals else whole
    return "".join(groups)


@lru_cache(maxsize=1 << 16)  # words repeat: 240,000 folds for 100 releases, most of them seen before
def fold(word: str) -> str:
    """Lowercase without accents, so that `Zürich` and `Zurich` compare equal."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Anchors:
    """The language-neutral clues of one sentence (or block)."""

    numbers: Counter = field(default_factory=Counter)
    names: tuple[str, ...] = ()  # folded capitalised words
    words: frozenset[str] = frozenset()  # every folded word, for names to be found in
    marks: Counter = field(default_factory=Counter)


def extract_anchors(text: str, params: AlignParams = DEFAULT_PARAMS) -> Anchors:
    """The anchors of `text` (shared, do not change them): a source sentence is aligned once per
    target language, and every block group's scorer asks again for its sentences."""
    return _anchors(text, params.name_min_length)


@lru_cache(maxsize=1 << 14)
def _anchors(text: str, name_min_length: int) -> Anchors:
    numbers = Counter(normalize_number(m.group()) for m in _NUMBER.finditer(text))
    words = [m.group() for m in _WORD.finditer(text)]
    names = tuple(fold(w) for w in words if len(w) >= name_min_length and w[0].isupper())
    marks = Counter(_MARK_CLASSES[ch] for ch in _MARK.findall(text))
    return Anchors(numbers=numbers, names=names, words=frozenset(fold(w) for w in words), marks=marks)


class _NameMatcher:
    """Which target words each source name may stand for (and vice versa), computed once per vocabulary.

    Whether a name and a word match depends on the two alone, so one matcher built over a whole
    document pair answers for every block group in it, as one built per group would.
    """

    def __init__(self, names: Iterable[str], words: Iterable[str], params: AlignParams) -> None:
        names = sorted(set(names))
        vocabulary = sorted(set(words))
        prefix = params.name_prefix
        by_prefix: dict[str, set[str]] = {}
        for word in vocabulary:
            if len(word) >= prefix:
                by_prefix.setdefault(word[:prefix], set()).add(word)
        self.partners: dict[str, frozenset[str]] = {}
        long_words = [w for w in vocabulary if len(w) >= prefix]
        scores = (process.cdist(names, long_words, scorer=fuzz.ratio, score_cutoff=params.name_min_ratio,
                                workers=1) if names and long_words else None)
        for row, name in enumerate(names):
            found = {name} if name in vocabulary else set()
            if len(name) >= prefix:
                found |= by_prefix.get(name[:prefix], set())
                if scores is not None:
                    found.update(long_words[col] for col in scores[row].nonzero()[0])
            self.partners[name] = frozenset(found)

    def found(self, names: Sequence[str], words: frozenset[str]) -> int:
        partners = self.partners
        return sum(1 for name in names if not partners[name].isdisjoint(words))



@dataclass(frozen=True)
class _SpanAnchors:
    """The anchors of consecutive units taken together, with their sizes precomputed."""

    numbers: dict[str, int]
    number_count: int
    names: tuple[str, ...]
    marks: dict[str, int]
    mark_count: int

    @classmethod
    def of(cls, anchors: Sequence[Anchors]) -> "_SpanAnchors":
        numbers = _merge(a.numbers for a in anchors)
        marks = _merge(a.marks for a in anchors)
        return cls(numbers=dict(numbers), number_count=sum(numbers.values()),
                   names=tuple(n for a in anchors for n in a.names),
                   marks=dict(marks), mark_count=sum(marks.values()))


def _matched(a: dict[str, int], b: dict[str, int]) -> int:
    # The key intersection runs in C; only shared keys reach the Python-level sum.
    return sum(min(a[key], b[key]) for key in a.keys() & b.keys())


def _merge(counters: Iterable[Counter]) -> Counter:
    counters = list(counters)
    if len(counters) == 1:
        return counters[0]
    merged: Counter = Counter()
    for counter in counters:
        merged.update(counter)
    return merged
