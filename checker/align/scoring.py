"""The cost of one bead: shape prior, Gale-Church length cost, anchor cost, similarity, kind."""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from typing import Sequence

from checker.align.anchors import Anchors, _matched, _NameMatcher, _SpanAnchors, extract_anchors
from checker.align.params import DEFAULT_PARAMS, AlignParams, Similarity

_CONTENT_WORD = re.compile(r"[^\W\d_]{2}")


@dataclass(frozen=True)
class _Unit:
    """One alignable unit (a sentence, or a block) as the scorer sees it."""

    text: str
    members: tuple[int, ...]  # indices handed to the similarity function
    kind: str = ""

    @property
    def length(self) -> int:
        return len(self.text)


NameMatchers = tuple[_NameMatcher, _NameMatcher]
"""(source names against target words, target names against source words)."""


def name_matchers(source: Sequence[Anchors], target: Sequence[Anchors], params: AlignParams) -> NameMatchers:
    """The name matchers of every unit of two texts, to share between the scorers of their parts."""
    return (_NameMatcher((n for a in source for n in a.names), (w for a in target for w in a.words), params),
            _NameMatcher((n for a in target for n in a.names), (w for a in source for w in a.words), params))


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
        matchers: "NameMatchers | None" = None,
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
            (self._unit_deletion_cost(self.priors[(1, 0)], u) for u in source), initial=0.0))
        self.target_deletions = list(itertools.accumulate(
            (self._unit_deletion_cost(self.priors[(0, 1)], u) for u in target), initial=0.0))
        self.length_ratio = length_ratio or _length_ratio(self.source_lengths, self.target_lengths, params)
        self.source_anchors = [extract_anchors(u.text, params) for u in source]
        self.target_anchors = [extract_anchors(u.text, params) for u in target]
        if matchers is None:
            matchers = name_matchers(self.source_anchors, self.target_anchors, params)
        self.source_matcher, self.target_matcher = matchers
        self.source_name_counts = [len(a.names) for a in self.source_anchors]
        self.target_name_counts = [len(a.names) for a in self.target_anchors]
        self.kinds_matter = any(u.kind for u in source) or any(u.kind for u in target)
        self._found: dict[tuple[int, int], tuple[int, int]] = {}
        self._source_spans: dict[tuple[int, int], _SpanAnchors] = {}
        self._target_spans: dict[tuple[int, int], _SpanAnchors] = {}
        # The similarity's indices of each span the search asks for: one span is part of many beads.
        self._source_members: dict[tuple[int, int], tuple[int, ...]] = {}
        self._target_members: dict[tuple[int, int], tuple[int, ...]] = {}
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
            if i1 - i0 + j1 - j0 == 1 and shape in ((1, 0), (0, 1)):
                deletions = self.source_deletions if i1 > i0 else self.target_deletions
                start = i0 if i1 > i0 else j0
                return deletions[start + 1] - deletions[start]
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

    def _unit_deletion_cost(self, prior: float, unit: _Unit) -> float:
        contentless = self.params.contentless_deletion_cost
        if contentless is not None and not _CONTENT_WORD.search(unit.text):
            return min(contentless, self._deletion_cost(prior, unit.length))
        return self._deletion_cost(prior, unit.length)

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
        return -math.log(max(math.erfc(abs(delta) / math.sqrt(2)), self.params.length_tail_floor))

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

    def source_members(self, start: int, end: int) -> tuple[int, ...]:
        """The similarity's indices of source units start..end (what a bead of them is scored by)."""
        members = self._source_members.get((start, end))
        if members is None:
            members = self._source_members[(start, end)] = tuple(m for u in self.source[start:end] for m in u.members)
        return members

    def target_members(self, start: int, end: int) -> tuple[int, ...]:
        members = self._target_members.get((start, end))
        if members is None:
            members = self._target_members[(start, end)] = tuple(m for u in self.target[start:end] for m in u.members)
        return members

    def similarity_cost(self, i0: int, i1: int, j0: int, j1: int) -> float:
        if self.similarity is None:
            return 0.0
        source, target = self.source_members(i0, i1), self.target_members(j0, j1)
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
    if n < params.baseline_min_units or m < params.baseline_min_units:
        return params.default_similarity_baseline
    samples = [similarity(tuple(source[i]), tuple(target[(round(i * m / n) + m // 2) % m]))
               for i in range(0, n, max(1, n // params.baseline_samples))]
    return sum(samples) / len(samples)


def _median_ratio(lengths: Sequence[tuple[int, int]], params: AlignParams) -> float | None:
    """Median target/source length ratio of paired units: one merged or padded pair cannot move it."""
    shortest = params.median_min_length
    ratios = sorted(t / s for s, t in lengths if s >= shortest and t >= shortest)
    if len(ratios) < params.median_min_pairs:
        return None
    middle = len(ratios) // 2
    median = ratios[middle] if len(ratios) % 2 else (ratios[middle - 1] + ratios[middle]) / 2
    low, high = params.length_ratio_bounds
    return min(max(median, low), high)


def _length_ratio(source_lengths: Sequence[int], target_lengths: Sequence[int], params: AlignParams) -> float:
    source_total, target_total = sum(source_lengths), sum(target_lengths)
    if source_total < params.min_ratio_characters or target_total < params.min_ratio_characters:
        return params.default_length_ratio
    low, high = params.length_ratio_bounds
    return min(max(target_total / source_total, low), high)
