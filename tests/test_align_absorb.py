"""The aligner's post-pass: a one-sided unit joins the neighbouring bead whose similarity it raises."""

from __future__ import annotations

import zlib

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.align.scoring import BeadScorer, _Unit
from checker.align.search import _absorb_one_sided, _ScoredBead


def scorer_with(similarity, n: int, m: int) -> BeadScorer:
    units = lambda count: [_Unit(text=f"u{k}", members=(k,)) for k in range(count)]  # noqa: E731
    return BeadScorer(units(n), units(m), similarity=similarity, similarity_baseline=0.0)


def bead(source: tuple[int, ...], target: tuple[int, ...], cost: float = 1.0) -> _ScoredBead:
    as_range = lambda ids: range(ids[0], ids[-1] + 1) if ids else range(0)  # noqa: E731
    return _ScoredBead(as_range(source), as_range(target), cost)


def shape(path) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(tuple(b.source), tuple(b.target)) for b in path]


def test_a_unit_the_other_side_carries_joins_its_bead_and_a_missing_one_stays():
    # source 1 was folded into target 0 (the pair scores higher with it); source 3 is missing
    scores = {((0,), (0,)): 0.60, ((0, 1), (0,)): 0.75, ((2,), (1,)): 0.80, ((2, 3), (1,)): 0.55,
              ((1, 2), (1,)): 0.40}
    similarity = lambda s, t: scores.get((s, t), 0.0)  # noqa: E731
    path = [bead((0,), (0,)), bead((1,), ()), bead((2,), (1,)), bead((3,), ())]
    result = _absorb_one_sided(path, scorer_with(similarity, 4, 2), 0.0)
    assert shape(result) == [((0, 1), (0,)), ((2,), (1,)), ((3,), ())]
    assert result[0].cost == 2.0  # the merged bead carries both costs


def test_the_larger_gain_wins_and_a_merged_bead_takes_a_further_unit():
    # target 1 raises bead 2 more than bead 0; then target 3 raises the grown bead further
    gains = {((0,), (0,)): 0.5, ((0,), (0, 1)): 0.55, ((1,), (2,)): 0.5, ((1,), (1, 2)): 0.7,
             ((1,), (1, 2, 3)): 0.72}
    similarity = lambda s, t: gains.get((s, t), 0.0)  # noqa: E731
    path = [bead((0,), (0,)), bead((), (1,)), bead((1,), (2,)), bead((), (3,))]
    assert shape(_absorb_one_sided(path, scorer_with(similarity, 2, 4), 0.0)) == [((0,), (0,)), ((1,), (1, 2, 3))]
    # a margin keeps the small gain out
    assert shape(_absorb_one_sided(path, scorer_with(similarity, 2, 4), 0.05)) == [((0,), (0,)), ((1,), (1, 2)), ((), (3,))]


def _greedy(path, similarity, margin):
    """The rule as first written: rescan every unit after each merge (quadratic)."""
    beads = list(path)

    def score(source, target):
        return similarity(tuple(source), tuple(target))

    def joined(one, other):
        source = range(min(other.source.start, one.source.start if one.source else other.source.start),
                       max(other.source.stop, one.source.stop if one.source else other.source.stop))
        target = range(min(other.target.start, one.target.start if one.target else other.target.start),
                       max(other.target.stop, one.target.stop if one.target else other.target.stop))
        return source, target

    def opposite(k, n):
        return 0 <= n < len(beads) and not (beads[n].source and beads[n].target) and \
            bool(beads[n].source) != bool(beads[k].source)

    while True:
        best = None
        for k, one in enumerate(beads):
            if (one.source and one.target) or opposite(k, k - 1) or opposite(k, k + 1):
                continue
            for n in (k - 1, k + 1):
                if 0 <= n < len(beads) and beads[n].source and beads[n].target:
                    source, target = joined(one, beads[n])
                    gain = score(source, target) - score(beads[n].source, beads[n].target)
                    if gain > margin and (best is None or gain > best[0]):
                        best = (gain, k, n, source, target)
        if best is None:
            return beads
        _, k, n, source, target = best
        beads[min(k, n)] = _ScoredBead(source, target, beads[k].cost + beads[n].cost)
        del beads[max(k, n)]


@settings(max_examples=200, deadline=None)
@given(shapes=st.lists(st.sampled_from([(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)]), min_size=1, max_size=25),
       seed=st.integers(0, 1000), margin=st.sampled_from([0.0, 0.05]))
def test_the_heap_merges_as_the_plain_greedy_rule_does(shapes, seed, margin):
    path, i, j = [], 0, 0
    for di, dj in shapes:
        path.append(_ScoredBead(range(i, i + di) if di else range(0), range(j, j + dj) if dj else range(0), 1.0))
        i, j = i + di, j + dj

    def similarity(source, target):  # any deterministic score of the two spans, with ties
        return (zlib.crc32(repr((source, target, seed)).encode()) % 7) / 7

    expected = _greedy(path, similarity, margin)
    assert shape(_absorb_one_sided(path, scorer_with(similarity, i, j), margin)) == shape(expected)


def test_a_unit_left_out_beside_one_of_the_other_side_stays_for_the_omission_checks():
    # source 1 and target 1 do not translate each other (a sentence replaced): both would raise
    # their neighbours' similarity, and neither joins them
    similarity = lambda s, t: 0.9 if len(s) + len(t) > 2 else 0.5  # noqa: E731
    path = [bead((0,), (0,)), bead((1,), ()), bead((), (1,)), bead((2,), (2,))]
    assert shape(_absorb_one_sided(path, scorer_with(similarity, 3, 3), 0.0)) == shape(path)


def test_without_a_similarity_the_path_is_kept():
    path = [bead((0,), (0,)), bead((1,), ())]
    assert shape(_absorb_one_sided(path, scorer_with(None, 2, 1), 0.0)) == shape(path)
