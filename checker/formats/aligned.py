"""Pairs that a CAT tool already made: XLIFF and TMX units become `AlignedPair`s as they are.

The aligner exists to find which sentences of two free documents correspond; in a bilingual
file the translator's tool has said so, unit by unit, and a second opinion could only move a
sentence away from the unit it was translated in. So a target version read from XLIFF or TMX
is paired with the source by unit key: the sentences of a unit's source with the sentences
of the same unit's target. A unit whose target is empty or absent makes no pair (FMT002 says
it once); a source unit that the target file does not have at all is a 1-0 pair, so OMI001
reports it as for any other format.
"""

from __future__ import annotations

import bisect

from checker.records import AlignedPair, Block, Document


def units_of(document: Document):
    """The units of a version read from a bilingual file, or () for any other version."""
    return getattr(document.source, "units", ()) or ()


def blocks_by_unit(document: Document) -> dict[str, Block]:
    """Unit key -> the block the unit's text became (units without text have none)."""
    units = sorted((u for u in units_of(document) if not u.empty), key=lambda u: u.start)
    starts = [u.start for u in units]
    found: dict[str, Block] = {}
    for block in document.blocks:
        if not block.segments or not block.segments[0].offsets:
            continue
        index = bisect.bisect_right(starts, block.segments[0].offsets[0]) - 1
        if index >= 0:
            found.setdefault(units[index].key, block)
    return found


def given_pairs(source: Document, target: Document) -> tuple[AlignedPair, ...] | None:
    """The pairs the bilingual file's units make, or None when `target` is not from one (align it)."""
    if not units_of(target) or not units_of(source):
        return None
    source_blocks, target_blocks = blocks_by_unit(source), blocks_by_unit(target)
    in_target = {unit.key for unit in units_of(target)}
    pairs = []
    for unit in units_of(source):
        block = source_blocks.get(unit.key)
        if block is None:
            continue  # no source text: nothing to compare
        if unit.key not in in_target:
            pairs.append(AlignedPair(block.segments, (), source.lang, target.lang))
        elif unit.key in target_blocks:
            pairs.append(AlignedPair(block.segments, target_blocks[unit.key].segments, source.lang, target.lang))
    return tuple(pairs)
