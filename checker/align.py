"""Alignment across languages: blocks first, then sentences within aligned blocks.

Both levels run the same dynamic program over beads (1-1, 1-0, 0-1, 2-1, 1-2, 2-2,
3-1, 1-3, 4-1, 1-4) in a band around the diagonal that widens when the path reaches
its edge, scored by a `BeadScorer`: a Gale-Church length cost, a language-neutral
anchor cost (numbers, capitalised words and names, sentence punctuation) and an
optional similarity term, the seam through which a translation model (chrF of
MT(source) against the target) or the cheap `cognate_similarity` can weigh in.
Every parameter lives in one frozen `AlignParams`.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Sequence

from rapidfuzz import fuzz, process

from checker.records import AlignedPair, Bead, Block, Document, Segment

Similarity = Callable[[tuple[int, ...], tuple[int, ...]], float]
"""(source indices, target indices) -> 0..1; higher means "more likely translations"."""

BeadShape = tuple[int, int]


@dataclass(frozen=True)
class AlignParams:
    """Every knob of the aligner in one place (tuned on the Text+Berg dev article only)."""

    # Prior probability of each bead shape (source count, target count), Gale-Church style.
    bead_priors: tuple[tuple[BeadShape, float], ...] = (
        ((1, 1), 0.89),
        ((1, 0), 0.005),
        ((0, 1), 0.005),
        ((2, 1), 0.045),
        ((1, 2), 0.045),
        ((2, 2), 0.011),
        ((3, 1), 0.003),
        ((1, 3), 0.003),
        ((4, 1), 0.001),
        ((1, 4), 0.001),
    )
    # A one-sided bead of a short unit (a caption, a page number) costs less than its prior:
    # its cost grows from `short_deletion_cost` to the prior over the first `deletion_length` characters.
    short_deletion_cost: float = 3.0
    deletion_length: int = 40
    # Variance of the target length per source character (Gale-Church's s^2).
    length_variance: float = 6.8
    # Used when the texts are too short to estimate target/source length ratio.
    default_length_ratio: float = 1.0
    # Anchor classes: cost weight, bonus factor for a matched anchor, and evidence smoothing.
    number_weight: float = 8.0
    name_weight: float = 2.0
    mark_weight: float = 1.0
    match_bonus: float = 2.0
    anchor_smoothing: float = 2.0
    # However badly the anchors disagree, a two-sided bead pays at most this much for them:
    # a corrupted number must not make two deletions look cheaper than the pair.
    anchor_penalty_cap: float = 6.0
    # ... and at most this share of what deleting all its units would cost.
    anchor_share: float = 0.6
    # Names of at least this many characters match when their prefixes of this length agree.
    name_prefix: int = 5
    name_min_ratio: float = 80.0
    # Weight of the similarity term, and the similarity expected of unrelated sentences
    # when there are too few sentences to estimate it.
    similarity_weight: float = 6.0
    default_similarity_baseline: float = 0.1
    # Block-level extra: cost of pairing blocks of different kinds (heading vs paragraph).
    kind_mismatch_cost: float = 3.0
    # Initial half-width of the search band around the diagonal (doubled when the path hits it).
    band: int = 30
    # The same for blocks: versions of a release keep their structure, so few blocks stray far.
    block_band: int = 8
    # Blocks are paired one to one without a search when both versions have the same kinds in the
    # same order and every block of this many characters or more is within this factor of the
    # document's length ratio.
    direct_block_ratio_spread: float = 1.8
    direct_block_min_length: int = 40
    # A group of more units than this (no real document: the longest benchmark article has fewer)
    # is aligned in overlapping windows of `window_units` units with a fixed band of `window_band`
    # (see _align_in_pieces): approximate, but linear for a hostile endless paragraph.
    max_search_units: int = 2000
    window_units: int = 400
    window_band: int = 8

    # Blocks only: a paragraph turned into a list of up to eight items, or the other way round.
    list_bead_priors: tuple[tuple[BeadShape, float], ...] = tuple(
        (shape, 0.0005) for n in range(5, 9) for shape in ((1, n), (n, 1))
    )

    def prior_costs(self) -> dict[BeadShape, float]:
        return {shape: -math.log(p) for shape, p in self.bead_priors}

    def for_blocks(self) -> "AlignParams":
        return replace(self, bead_priors=self.bead_priors + self.list_bead_priors)


DEFAULT_PARAMS = AlignParams()
# With a sentence encoder's cosine as the similarity. Only the weight of the new signal was tuned
# (on the Text+Berg dev article): tuning the bead priors and deletion costs too raised dev F1 from
# 0.879 to 0.889 but lowered the held-out test from 0.875 to 0.868, i.e. it fitted one article.
ENCODER_PARAMS = replace(DEFAULT_PARAMS, similarity_weight=4.0)


# ---------------------------------------------------------------------------
# Anchors


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


def extract_anchors(text: str) -> Anchors:
    numbers = Counter(normalize_number(m.group()) for m in _NUMBER.finditer(text))
    words = [m.group() for m in _WORD.finditer(text)]
    names = tuple(fold(w) for w in words if len(w) >= 3 and w[0].isupper())
    marks = Counter(c for ch in text if (c := _MARK_CLASSES.get(ch)))
    return Anchors(numbers=numbers, names=names, words=frozenset(fold(w) for w in words), marks=marks)


class _NameMatcher:
    """Which target words each source name may stand for (and vice versa), computed once per vocabulary."""

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


# ---------------------------------------------------------------------------
# Scoring


@dataclass(frozen=True)
class _Unit:
    """One alignable unit (a sentence, or a block) as the scorer sees it."""

    text: str
    members: tuple[int, ...]  # indices handed to the similarity function
    kind: str = ""

    @property
    def length(self) -> int:
        return len(self.text)


def _anchor_term(unmatched: float, matched: float, weight: float, params: AlignParams) -> float:
    total = unmatched + matched
    if not total:
        return 0.0
    return weight * (unmatched - params.match_bonus * matched) / (total + params.anchor_smoothing)


class BeadScorer:
    """Cost of a bead = prior of its shape + length cost + anchor cost + similarity cost.

    Lower is better. One-sided beads (1-0, 0-1) pay only their prior, less for very short
    units (captions, stray lines): that cost is what a pairing has to be worse than before a
    sentence is declared missing or added, and the anchor cost alone can never reach it.
    """

    def __init__(
        self,
        source: Sequence[_Unit],
        target: Sequence[_Unit],
        params: AlignParams = DEFAULT_PARAMS,
        similarity: Similarity | None = None,
        length_ratio: float | None = None,
        similarity_baseline: float | None = None,
    ) -> None:
        self.params = params
        self.source, self.target = source, target
        self.priors = params.prior_costs()
        self.source_lengths = [len(u.text) for u in source]
        self.target_lengths = [len(u.text) for u in target]
        self.source_prefix = list(itertools.accumulate(self.source_lengths, initial=0))
        self.target_prefix = list(itertools.accumulate(self.target_lengths, initial=0))
        # Prefix sums of what deleting each unit alone would cost.
        self.source_deletions = list(itertools.accumulate(
            (self._deletion_cost(self.priors[(1, 0)], n) for n in self.source_lengths), initial=0.0))
        self.target_deletions = list(itertools.accumulate(
            (self._deletion_cost(self.priors[(0, 1)], n) for n in self.target_lengths), initial=0.0))
        self.length_ratio = length_ratio or _length_ratio(self.source_lengths, self.target_lengths, params)
        self.source_anchors = [extract_anchors(u.text) for u in source]
        self.target_anchors = [extract_anchors(u.text) for u in target]
        self.source_matcher = _NameMatcher(
            (n for a in self.source_anchors for n in a.names), (w for a in self.target_anchors for w in a.words), params)
        self.target_matcher = _NameMatcher(
            (n for a in self.target_anchors for n in a.names), (w for a in self.source_anchors for w in a.words), params)
        self.source_name_counts = [len(a.names) for a in self.source_anchors]
        self.target_name_counts = [len(a.names) for a in self.target_anchors]
        self.kinds_matter = any(u.kind for u in source) or any(u.kind for u in target)
        self._found: dict[tuple[int, int], tuple[int, int]] = {}
        self._source_spans: dict[tuple[int, int], _SpanAnchors] = {}
        self._target_spans: dict[tuple[int, int], _SpanAnchors] = {}
        self.similarity = similarity
        if similarity is None:
            self.similarity_baseline = 0.0
        elif similarity_baseline is None:
            self.similarity_baseline = _similarity_baseline(similarity, [u.members for u in source],
                                                            [u.members for u in target], params)
        else:
            self.similarity_baseline = similarity_baseline

    # The DP asks for source[i0:i1] against target[j0:j1].
    def cost(self, i0: int, i1: int, j0: int, j1: int) -> float:
        shape = (i1 - i0, j1 - j0)
        total = self.priors[shape]
        if i1 == i0 or j1 == j0:
            length = self.source_prefix[i1] - self.source_prefix[i0] + self.target_prefix[j1] - self.target_prefix[j0]
            return self._deletion_cost(total, length)
        anchors = self.anchor_cost(i0, i1, j0, j1)
        if anchors > 0:
            # Anchors alone never make deleting every unit of the bead cheaper than pairing them:
            # a translation with a wrong number is still the translation.
            deletions = self.source_deletions[i1] - self.source_deletions[i0] + \
                self.target_deletions[j1] - self.target_deletions[j0]
            anchors = min(anchors, self.params.anchor_share * deletions)
        total += self.length_cost(i0, i1, j0, j1) + anchors
        if self.similarity is not None:
            total += self.similarity_cost(i0, i1, j0, j1)
        if self.kinds_matter:
            total += self.kind_cost(i0, i1, j0, j1)
        return total

    def _deletion_cost(self, prior: float, length: int) -> float:
        short = self.params.short_deletion_cost
        return short + (prior - short) * min(1.0, length / max(self.params.deletion_length, 1))

    def length_cost(self, i0: int, i1: int, j0: int, j1: int) -> float:
        source_length = self.source_prefix[i1] - self.source_prefix[i0] + (i1 - i0 - 1)
        target_length = self.target_prefix[j1] - self.target_prefix[j0] + (j1 - j0 - 1)
        ratio = self.length_ratio
        mean = max((source_length + target_length / ratio) / 2, 1.0)
        delta = (target_length - source_length * ratio) / math.sqrt(mean * self.params.length_variance)
        # -log of the two-sided tail probability of a standard normal.
        return -math.log(max(math.erfc(abs(delta) / math.sqrt(2)), 1e-12))

    def anchor_cost(self, i0: int, i1: int, j0: int, j1: int) -> float:
        params = self.params
        source, target = self._source_span(i0, i1), self._target_span(j0, j1)
        cost = 0.0
        if source.number_count or target.number_count:
            matched = _matched(source.numbers, target.numbers)
            cost += _anchor_term(source.number_count + target.number_count - 2 * matched, 2 * matched,
                                 params.number_weight, params)
        if source.names or target.names:
            found = self._names_found(i0, i1, j0, j1)
            cost += _anchor_term(len(source.names) + len(target.names) - found, found, params.name_weight, params)
        if source.mark_count or target.mark_count:
            matched = _matched(source.marks, target.marks)
            cost += _anchor_term(source.mark_count + target.mark_count - 2 * matched, 2 * matched,
                                 params.mark_weight, params)
        return min(cost, self.params.anchor_penalty_cap)

    def _names_found(self, i0: int, i1: int, j0: int, j1: int) -> int:
        """Names on either side with a partner word on the other, counted sentence pair by sentence pair.

        A name found in two sentences of the other side counts once (capped at the name count).
        """
        if i1 - i0 == 1 and j1 - j0 == 1:
            source_found, target_found = self._pair_found(i0, j0)
            return source_found + target_found
        pair_found, source_counts, target_counts = self._pair_found, self.source_name_counts, self.target_name_counts
        found = 0
        target_found = [0] * (j1 - j0)
        for i in range(i0, i1):
            source_found = 0
            for k in range(j1 - j0):
                pair = pair_found(i, j0 + k)
                source_found += pair[0]
                target_found[k] += pair[1]
            found += min(source_counts[i], source_found)
        for k in range(j1 - j0):
            found += min(target_counts[j0 + k], target_found[k])
        return found

    def _pair_found(self, i: int, j: int) -> tuple[int, int]:
        found = self._found.get((i, j))
        if found is None:
            source, target = self.source_anchors[i], self.target_anchors[j]
            found = self._found[(i, j)] = (self.source_matcher.found(source.names, target.words),
                                           self.target_matcher.found(target.names, source.words))
        return found

    def _source_span(self, start: int, end: int) -> "_SpanAnchors":
        span = self._source_spans.get((start, end))
        if span is None:
            span = self._source_spans[(start, end)] = _SpanAnchors.of(self.source_anchors[start:end])
        return span

    def _target_span(self, start: int, end: int) -> "_SpanAnchors":
        span = self._target_spans.get((start, end))
        if span is None:
            span = self._target_spans[(start, end)] = _SpanAnchors.of(self.target_anchors[start:end])
        return span

    def similarity_cost(self, i0: int, i1: int, j0: int, j1: int) -> float:
        if self.similarity is None:
            return 0.0
        source = tuple(m for u in self.source[i0:i1] for m in u.members)
        target = tuple(m for u in self.target[j0:j1] for m in u.members)
        baseline = self.similarity_baseline
        # Rescaled so that unrelated sentences score 0 and identical meaning 1: the weight then
        # means the same for chrF of MT output (unrelated ~0.15) and for a cognate score (~0.1).
        relative = (self.similarity(source, target) - baseline) / max(1.0 - baseline, 1e-6)
        return -self.params.similarity_weight * max(min(relative, 1.0), -1.0)

    def kind_cost(self, i0: int, i1: int, j0: int, j1: int) -> float:
        source_kinds = {u.kind for u in self.source[i0:i1]}
        target_kinds = {u.kind for u in self.target[j0:j1]}
        return 0.0 if source_kinds == target_kinds else self.params.kind_mismatch_cost



def _similarity_baseline(similarity: Similarity, source: Sequence[tuple[int, ...]],
                         target: Sequence[tuple[int, ...]], params: AlignParams) -> float:
    """Mean similarity of units far from the diagonal, i.e. of unrelated text."""
    n, m = len(source), len(target)
    if n < 6 or m < 6:
        return params.default_similarity_baseline
    samples = [similarity(tuple(source[i]), tuple(target[(round(i * m / n) + m // 2) % m]))
               for i in range(0, n, max(1, n // 20))]
    return sum(samples) / len(samples)


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


def _median_ratio(lengths: Sequence[tuple[int, int]]) -> float | None:
    """Median target/source length ratio of paired units: one merged or padded pair cannot move it."""
    ratios = sorted(t / s for s, t in lengths if s >= 20 and t >= 20)
    if len(ratios) < 3:
        return None
    middle = len(ratios) // 2
    median = ratios[middle] if len(ratios) % 2 else (ratios[middle - 1] + ratios[middle]) / 2
    return min(max(median, 0.5), 2.0)


def _length_ratio(source_lengths: Sequence[int], target_lengths: Sequence[int], params: AlignParams) -> float:
    source_total, target_total = sum(source_lengths), sum(target_lengths)
    if source_total < 200 or target_total < 200:
        return params.default_length_ratio
    return min(max(target_total / source_total, 0.5), 2.0)


# ---------------------------------------------------------------------------
# The dynamic program


@dataclass(frozen=True)
class _ScoredBead:
    source: range
    target: range
    cost: float


def _best_path(scorer: BeadScorer, n: int, m: int, band: int, widen: bool = True) -> list[_ScoredBead]:
    """Cheapest monotone sequence of beads covering both sides, searched in a band around the diagonal.

    The band starts at `band` and doubles while the best path runs along its edge
    (a sign that the true path lies outside), up to the full matrix; unless `widen` is off.
    """
    shapes = list(scorer.priors)
    half_width = max(band, 4)
    while True:
        path, touched_edge = _banded_path(scorer, shapes, n, m, half_width)
        if not widen or not touched_edge or half_width >= max(n, m):
            return path
        half_width *= 2


def _banded_path(scorer: BeadScorer, shapes: list[BeadShape], n: int, m: int,
                 half_width: int) -> tuple[list[_ScoredBead], bool]:
    inf = math.inf
    slope = m / n if n else 0.0
    # Band limits per row: target positions j allowed for prefix length i.
    low = [max(0, math.floor(i * slope) - half_width) for i in range(n + 1)]
    high = [min(m, math.ceil(i * slope) + half_width) for i in range(n + 1)]
    low[0], high[n] = 0, m
    for i in range(1, n + 1):  # keep the band connected even when it is narrower than the slope
        low[i] = min(low[i], high[i - 1])
    for i in range(n - 1, -1, -1):
        high[i] = max(high[i], low[i + 1])
    costs = [dict() for _ in range(n + 1)]
    back: list[dict[int, BeadShape]] = [dict() for _ in range(n + 1)]
    costs[0][0] = 0.0
    for i in range(n + 1):
        row_costs, row_back = costs[i], back[i]
        for j in range(low[i], high[i] + 1):
            if i == 0 and j == 0:
                continue
            best, best_shape = inf, None
            for shape in shapes:
                di, dj = shape
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                previous = costs[pi].get(pj)
                if previous is None:
                    continue
                total = previous + scorer.cost(pi, i, pj, j)
                if total < best:
                    best, best_shape = total, shape
            if best_shape is not None:
                row_costs[j] = best
                row_back[j] = best_shape
    path: list[_ScoredBead] = []
    i, j = n, m
    touched_edge = False
    while i or j:
        di, dj = back[i][j]
        pi, pj = i - di, j - dj
        path.append(_ScoredBead(range(pi, i), range(pj, j), costs[i][j] - costs[pi][pj]))
        if (j == low[i] and low[i] > 0) or (j == high[i] and high[i] < m):
            touched_edge = True
        i, j = pi, pj
    path.reverse()
    return path, touched_edge


def _split_one_sided(path: Iterable[_ScoredBead]) -> list[_ScoredBead]:
    """One 1-0 / 0-1 bead per unmatched unit, as in the gold files."""
    out: list[_ScoredBead] = []
    for bead in path:
        if bead.source and bead.target:
            out.append(bead)
        else:
            share = bead.cost / max(len(bead.source) + len(bead.target), 1)
            out.extend(_ScoredBead(range(i, i + 1), range(0), share) for i in bead.source)
            out.extend(_ScoredBead(range(0), range(j, j + 1), share) for j in bead.target)
    return out


# ---------------------------------------------------------------------------
# Public API


def align_sentences(
    source: Sequence[str],
    target: Sequence[str],
    *,
    source_lang: str = "",
    target_lang: str = "",
    similarity: Similarity | None = None,
    params: AlignParams = DEFAULT_PARAMS,
) -> list[Bead]:
    """Align two lists of sentences; beads in order, indices into the input lists.

    The languages are accepted for symmetry with the rest of the pipeline: every clue the
    aligner uses is language-neutral.
    """
    return [Bead(tuple(b.source), tuple(b.target))
            for b in _align_units(_sentence_units(source), _sentence_units(target), params, similarity)]


def score_sentences(
    source: Sequence[str],
    target: Sequence[str],
    *,
    similarity: Similarity | None = None,
    params: AlignParams = DEFAULT_PARAMS,
) -> list[tuple[Bead, float]]:
    """Like `align_sentences`, with each bead's cost (lower is more certain)."""
    return [(Bead(tuple(b.source), tuple(b.target)), b.cost)
            for b in _align_units(_sentence_units(source), _sentence_units(target), params, similarity)]


def _sentence_units(sentences: Sequence[str]) -> list[_Unit]:
    return [_Unit(text=s, members=(i,)) for i, s in enumerate(sentences)]


def _align_units(source: Sequence[_Unit], target: Sequence[_Unit], params: AlignParams,
                 similarity: Similarity | None, length_ratio: float | None = None,
                 similarity_baseline: float | None = None) -> list[_ScoredBead]:
    if not source or not target:
        return _split_one_sided([_ScoredBead(range(len(source)), range(len(target)), 0.0)])
    if max(len(source), len(target)) > params.max_search_units:
        ratio = length_ratio or _length_ratio([u.length for u in source], [u.length for u in target], params)
        return (_direct_path(source, target, ratio, params)
                or _align_in_pieces(source, target, params, similarity, length_ratio, similarity_baseline))
    return _search(source, target, params, similarity, length_ratio, similarity_baseline)


def _search(source: Sequence[_Unit], target: Sequence[_Unit], params: AlignParams, similarity: Similarity | None,
            length_ratio: float | None, similarity_baseline: float | None, *, window: bool = False) -> list[_ScoredBead]:
    if not source or not target:
        return _split_one_sided([_ScoredBead(range(len(source)), range(len(target)), 0.0)])
    scorer = BeadScorer(source, target, params, similarity, length_ratio, similarity_baseline)
    band = params.block_band if scorer.kinds_matter else params.band
    if window:  # one window of an endless group: a narrow band that does not widen keeps it linear
        return _split_one_sided(_best_path(scorer, len(source), len(target), params.window_band, widen=False))
    return _split_one_sided(_best_path(scorer, len(source), len(target), band))


def _align_in_pieces(source: Sequence[_Unit], target: Sequence[_Unit], params: AlignParams,
                     similarity: Similarity | None, length_ratio: float | None,
                     similarity_baseline: float | None) -> list[_ScoredBead]:
    """Thousands of units in one group (an endless paragraph): aligned window by window.

    The search band, and its doubling when a path runs along its edge, make one search grow
    faster than the group; no press release has a paragraph of hundreds of sentences, but a
    hostile file may. Each window spans `window_units` source units and the target units
    that the length ratio expects, with some slack; only the beads of its first half are kept,
    and the next window starts where they end, so no cut falls where the search had no context.
    """
    step = max(params.window_units // 2, 1)
    slack = max(step // 4, 2)
    source_ends = [0, *itertools.accumulate(u.length for u in source)]
    target_ends = [0, *itertools.accumulate(u.length for u in target)]
    ratio = target_ends[-1] / max(source_ends[-1], 1)
    out: list[_ScoredBead] = []
    s0 = t0 = 0
    while s0 < len(source) or t0 < len(target):
        s1 = min(len(source), s0 + 2 * step)
        if s1 == len(source):
            t1 = len(target)
        else:
            expected = target_ends[t0] + ratio * (source_ends[s1] - source_ends[s0])
            t1 = min(len(target), max(t0 + 1, bisect.bisect_left(target_ends, expected) + slack))
        piece = _search(source[s0:s1], target[t0:t1], params, similarity, length_ratio, similarity_baseline, window=True)
        last = s1 == len(source) and t1 == len(target)
        kept = piece if last else list(itertools.takewhile(lambda b: not b.source or b.source.start < step, piece))
        if not kept:  # nothing before the middle: keep the first bead, so the walk always advances
            kept = piece[:1]
        for bead in kept:
            out.append(_ScoredBead(range(bead.source.start + s0, bead.source.stop + s0) if bead.source else range(0),
                                   range(bead.target.start + t0, bead.target.stop + t0) if bead.target else range(0),
                                   bead.cost))
        if last:
            break
        s0 += max((b.source.stop for b in kept if b.source), default=0)
        t0 += max((b.target.stop for b in kept if b.target), default=0)
    return out


def align_documents(
    source: Document,
    target: Document,
    *,
    similarity: Similarity | None = None,
    params: AlignParams = DEFAULT_PARAMS,
) -> tuple[AlignedPair, ...]:
    """Align two language versions: blocks first, then the sentences of each aligned block group.

    Similarity indices are `Segment.index` values of the two documents. Pairs come in
    document order; a 1-0 pair has an empty target, a 0-1 pair an empty source.
    """
    source_blocks = [b for b in source.blocks if b.segments]
    target_blocks = [b for b in target.blocks if b.segments]
    # One length ratio for the whole document, so that a group holding an omission does not
    # hide it by lowering its own expectations; it is measured on the blocks that found a
    # partner, so that a missing paragraph does not skew it either.
    source_units, target_units = _block_units(source_blocks), _block_units(target_blocks)
    ratio = _length_ratio([len(b.text) for b in source_blocks], [len(b.text) for b in target_blocks], params)
    block_params = params.for_blocks()
    block_path = _direct_path(source_units, target_units, ratio, params)
    searched = block_path is None
    if searched:
        block_path = _align_units(source_units, target_units, block_params, similarity, ratio)
    paired_ratio = _median_ratio(
        [(sum(source_units[k].length for k in bead.source), sum(target_units[k].length for k in bead.target))
         for bead in block_path if bead.source and bead.target])
    if paired_ratio is not None and abs(paired_ratio - ratio) > 0.02:
        ratio = paired_ratio
        if searched:
            block_path = _align_units(source_units, target_units, block_params, similarity, ratio)
    # Block groups are too small to tell what unrelated sentences score: ask the whole document.
    sentence_baseline = None
    if similarity is not None:
        sentence_baseline = _similarity_baseline(similarity, [(s.index,) for s in source.segments],
                                                 [(t.index,) for t in target.segments], params)
    pairs: list[AlignedPair] = []
    for group in block_path:
        source_segments = [s for k in group.source for s in source_blocks[k].segments]
        target_segments = [s for k in group.target for s in target_blocks[k].segments]
        sentence_path = _align_units(_segment_units(source_segments), _segment_units(target_segments),
                                     params, similarity, ratio, sentence_baseline)
        for bead in sentence_path:
            pairs.append(AlignedPair(
                source=tuple(source_segments[i] for i in bead.source),
                target=tuple(target_segments[j] for j in bead.target),
                source_lang=source.lang,
                target_lang=target.lang,
                score=bead.cost,
            ))
    return tuple(pairs)


def _direct_path(source: Sequence[_Unit], target: Sequence[_Unit], ratio: float,
                 params: AlignParams) -> list[_ScoredBead] | None:
    """Units paired one to one when both versions keep the same structure, else None.

    Used for the blocks of a document, and for the sentences of an endless group.

    Most translations keep every heading, paragraph and list item: the same kinds in the same
    order with lengths in proportion. Then the block-level search (the costliest part of
    alignment, growing faster than the document) has nothing to find; the sentences inside each
    pair are still aligned, so a sentence left out is still seen. One block out of proportion,
    or a different count, and the full search runs.
    """
    if len(source) != len(target) or not source:
        return None
    low, high = ratio / params.direct_block_ratio_spread, ratio * params.direct_block_ratio_spread
    for s, t in zip(source, target):
        if s.kind != t.kind:
            return None
        if max(s.length, t.length) >= params.direct_block_min_length and not low <= t.length / max(s.length, 1) <= high:
            return None
    return [_ScoredBead(range(k, k + 1), range(k, k + 1), 0.0) for k in range(len(source))]


def _block_units(blocks: Sequence[Block]) -> list[_Unit]:
    return [_Unit(text=b.text, members=tuple(s.index for s in b.segments), kind=b.kind) for b in blocks]


def _segment_units(segments: Sequence[Segment]) -> list[_Unit]:
    # Within a block group the kinds agree by construction; sentences only differ in text.
    return [_Unit(text=s.text, members=(s.index,)) for s in segments]


# ---------------------------------------------------------------------------
# A cheap, model-free similarity


def cognate_similarity(source: Sequence[str], target: Sequence[str]) -> Similarity:
    """Character-trigram Dice of folded words, a stand-in for MT when no model is available.

    Catches names, numbers, cognates and loanwords; it knows nothing of either language.
    Trigrams are compared as sets: set intersection runs in C, and repeated trigrams add
    little evidence about which sentences are translations of each other.
    """
    def grams(text: str) -> frozenset[str]:
        out: set[str] = set()
        for word in _WORD.findall(text) + _NUMBER.findall(text):
            word = f" {fold(word)} "
            out.update(word[k:k + 3] for k in range(len(word) - 2))
        return frozenset(out)

    source_grams = [grams(s) for s in source]
    target_grams = [grams(t) for t in target]
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
