"""The public entry points: align two sentence lists, or two documents (blocks first, then sentences)."""

from __future__ import annotations

from typing import Sequence

from checker.align.params import DEFAULT_PARAMS, AlignParams, Similarity
from checker.align.anchors import extract_anchors
from checker.align.scoring import NameMatchers, _length_ratio, _median_ratio, _similarity_baseline, _Unit, name_matchers
from checker.align.search import _align_in_pieces, _direct_path, _ScoredBead, _search, _split_one_sided
from checker.records import AlignedPair, Bead, Block, Document, Segment


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
                 similarity_baseline: float | None = None, matchers: NameMatchers | None = None) -> list[_ScoredBead]:
    if not source or not target:
        return _split_one_sided([_ScoredBead(range(len(source)), range(len(target)), 0.0)])
    if max(len(source), len(target)) > params.max_search_units:
        ratio = length_ratio or _length_ratio([u.length for u in source], [u.length for u in target], params)
        return (_direct_path(source, target, ratio, params)
                or _align_in_pieces(source, target, params, similarity, length_ratio, similarity_baseline, matchers))
    return _search(source, target, params, similarity, length_ratio, similarity_baseline, matchers=matchers)


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
         for bead in block_path if bead.source and bead.target], params)
    if paired_ratio is not None and abs(paired_ratio - ratio) > params.ratio_update:
        ratio = paired_ratio
        if searched:
            block_path = _align_units(source_units, target_units, block_params, similarity, ratio)
    # Block groups are too small to tell what unrelated sentences score: ask the whole document.
    sentence_baseline = None
    if similarity is not None:
        sentence_baseline = _similarity_baseline(similarity, [(s.index,) for s in source.segments],
                                                 [(t.index,) for t in target.segments], params)
    # Names are matched to words once for the whole document, not once per block group.
    matchers = name_matchers([extract_anchors(s.text, params) for s in source.segments],
                             [extract_anchors(t.text, params) for t in target.segments], params)
    pairs: list[AlignedPair] = []
    for group in block_path:
        source_segments = [s for k in group.source for s in source_blocks[k].segments]
        target_segments = [s for k in group.target for s in target_blocks[k].segments]
        sentence_path = _align_units(_segment_units(source_segments), _segment_units(target_segments),
                                     params, similarity, ratio, sentence_baseline, matchers)
        for bead in sentence_path:
            pairs.append(AlignedPair(
                source=tuple(source_segments[i] for i in bead.source),
                target=tuple(target_segments[j] for j in bead.target),
                source_lang=source.lang,
                target_lang=target.lang,
                score=bead.cost,
            ))
    return tuple(pairs)


def _block_units(blocks: Sequence[Block]) -> list[_Unit]:
    return [_Unit(text=b.text, members=tuple(s.index for s in b.segments), kind=b.kind) for b in blocks]


def _segment_units(segments: Sequence[Segment]) -> list[_Unit]:
    # Within a block group the kinds agree by construction; sentences only differ in text.
    return [_Unit(text=s.text, members=(s.index,)) for s in segments]
