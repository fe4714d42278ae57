"""The dynamic program: the cheapest monotone path of beads in a band that widens when the path reaches its edge."""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
from dataclasses import dataclass
from typing import Iterable, Sequence

from checker.align.params import AlignParams, BeadShape, Similarity
from checker.align.scoring import BeadScorer, NameMatchers, _Unit


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
    half_width = max(band, scorer.params.min_band)
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
    # Row i holds the cells low[i]..high[i]; inf marks a cell no path reaches (a reached cell's
    # cost is finite). Lists indexed from the band's edge, not dicts: this loop is most of
    # the aligner's time.
    cost = scorer.cost
    costs: list[list[float]] = []
    back: list[list[BeadShape | None]] = []
    for i in range(n + 1):
        row_low, row_high = low[i], high[i]
        row_costs = [inf] * (row_high - row_low + 1)
        row_back: list[BeadShape | None] = [None] * (row_high - row_low + 1)
        costs.append(row_costs)
        back.append(row_back)
        # The shapes that fit above this row, with the row they start from and its band.
        steps = [(shape, i - shape[0], shape[1], costs[i - shape[0]], low[i - shape[0]], high[i - shape[0]])
                 for shape in shapes if shape[0] <= i]
        for j in range(row_low, row_high + 1):
            if i == 0 and j == 0:
                row_costs[0] = 0.0
                continue
            best, best_shape = inf, None
            for shape, pi, dj, previous_row, previous_low, previous_high in steps:
                pj = j - dj
                if pj < previous_low or pj > previous_high:
                    continue
                previous = previous_row[pj - previous_low]
                if previous == inf:
                    continue
                total = previous + cost(pi, i, pj, j)
                if total < best:
                    best, best_shape = total, shape
            if best_shape is not None:
                row_costs[j - row_low] = best
                row_back[j - row_low] = best_shape
    path: list[_ScoredBead] = []
    i, j = n, m
    touched_edge = False
    while i or j:
        di, dj = back[i][j - low[i]]
        pi, pj = i - di, j - dj
        path.append(_ScoredBead(range(pi, i), range(pj, j), costs[i][j - low[i]] - costs[pi][pj - low[pi]]))
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


def _absorb_one_sided(path: list[_ScoredBead], scorer: BeadScorer, margin: float) -> list[_ScoredBead]:
    """One-sided beads merged into a neighbouring two-sided bead whose similarity they raise.

    The search prices a merge by its shape prior and lengths, and a bead's similarity reward does
    not grow with the bead, so a sentence that the other side folded into its neighbour (or that
    OCR cut off it) is often cheaper left out. Whether the other side carries it is what the
    similarity of the concatenation tells: adding a sentence that is really missing lowers it.
    Best gain first (ties: the earlier unit, its left neighbour first); a merged bead can take a
    further unit, as long as the similarity keeps rising. A heap keeps this linear in the path:
    a merge changes only the gains of the units beside the merged bead.
    """
    beads = list(path)
    if scorer.similarity is None or all(b.source and b.target for b in beads):
        return beads
    # An encoder's similarity embeds a long concatenation as it is (the search sums its vectors).
    similarity = getattr(scorer.similarity, "exact", scorer.similarity)
    count = len(beads)
    left, right = list(range(-1, count - 1)), list(range(1, count + 1))
    alive, version = [True] * count, [0] * count
    heap: list[tuple[float, int, int, int, int, int]] = []

    def score(source: range, target: range) -> float:
        return similarity(scorer.source_members(source.start, source.stop),
                          scorer.target_members(target.start, target.stop))

    def two_sided(k: int) -> bool:
        return 0 <= k < count and bool(beads[k].source) and bool(beads[k].target)

    def joined(one: _ScoredBead, other: _ScoredBead) -> tuple[range, range]:
        source = range(min(other.source.start, one.source.start if one.source else other.source.start),
                       max(other.source.stop, one.source.stop if one.source else other.source.stop))
        target = range(min(other.target.start, one.target.start if one.target else other.target.start),
                       max(other.target.stop, one.target.stop if one.target else other.target.stop))
        return source, target

    def offer(k: int) -> None:
        if k in held:
            return
        for side, n in enumerate((left[k], right[k])):
            if two_sided(n):
                gain = score(*joined(beads[k], beads[n])) - score(beads[n].source, beads[n].target)
                if gain > margin:
                    heapq.heappush(heap, (-gain, k, side, version[k], n, version[n]))

    def opposite(k: int, n: int) -> bool:
        return 0 <= n < count and not two_sided(n) and bool(beads[n].source) != bool(beads[k].source)

    # A unit left out beside a unit of the other side left out is the search saying that the two do
    # not translate each other (a sentence replaced, a pair rewritten): the omission checks must
    # see that pair as it is, so neither joins a neighbour. Neither can be absorbed, so no other
    # unit ever comes between them: they stay held for the whole pass.
    held = {k for k in range(count) if not two_sided(k) and (opposite(k, k - 1) or opposite(k, k + 1))}
    for k in range(count):
        if not two_sided(k):
            offer(k)
    while heap:
        _, k, _, k_version, n, n_version = heapq.heappop(heap)
        if not (alive[k] and alive[n]) or version[k] != k_version or version[n] != n_version:
            continue  # a bead merged since this gain was measured
        beads[n] = _ScoredBead(*joined(beads[k], beads[n]), beads[k].cost + beads[n].cost)
        version[n] += 1
        alive[k] = False
        if left[k] >= 0:
            right[left[k]] = right[k]
        if right[k] < count:
            left[right[k]] = left[k]
        for neighbour in (left[n], right[n]):
            if 0 <= neighbour < count and not two_sided(neighbour):
                version[neighbour] += 1
                offer(neighbour)
    return [bead for bead, kept in zip(beads, alive) if kept]


def _search(source: Sequence[_Unit], target: Sequence[_Unit], params: AlignParams, similarity: Similarity | None,
            length_ratio: float | None, similarity_baseline: float | None, *, window: bool = False,
            matchers: NameMatchers | None = None) -> list[_ScoredBead]:
    if not source or not target:
        return _split_one_sided([_ScoredBead(range(len(source)), range(len(target)), 0.0)])
    scorer = BeadScorer(source, target, params, similarity, length_ratio, similarity_baseline, matchers)
    band = params.block_band if scorer.kinds_matter else params.band
    if window:  # one window of an endless group: a narrow band that does not widen keeps it linear
        path = _best_path(scorer, len(source), len(target), params.window_band, widen=False)
    else:
        path = _best_path(scorer, len(source), len(target), band)
    if params.absorb_margin is not None:
        path = _absorb_one_sided(_split_one_sided(path), scorer, params.absorb_margin)
    return _split_one_sided(path)


def _align_in_pieces(source: Sequence[_Unit], target: Sequence[_Unit], params: AlignParams,
                     similarity: Similarity | None, length_ratio: float | None,
                     similarity_baseline: float | None, matchers: NameMatchers | None = None) -> list[_ScoredBead]:
    """Thousands of units in one group (an endless paragraph): aligned window by window.

    The search band, and its doubling when a path runs along its edge, make one search grow
    faster than the group; no press release has a paragraph of hundreds of sentences, but a
    hostile file may. Each window spans `window_units` source units and the target units
    that the length ratio expects, with some slack; only the beads of its first half are kept,
    and the next window starts where they end, so no cut falls where the search had no context.
    """
    step = max(params.window_units // 2, 1)
    slack = max(int(step * params.window_slack), params.window_min_slack)
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
        piece = _search(source[s0:s1], target[t0:t1], params, similarity, length_ratio, similarity_baseline,
                        window=True, matchers=matchers)
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
