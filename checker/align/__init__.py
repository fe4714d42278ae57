"""Alignment across languages: blocks first, then sentences within aligned blocks.

Both levels run the same dynamic program over beads (1-1, 1-0, 0-1, 2-1, 1-2, 2-2,
3-1, 1-3, 4-1, 1-4) in a band around the diagonal that widens when the path reaches
its edge, scored by a `BeadScorer`: a Gale-Church length cost, a language-neutral
anchor cost (numbers, capitalised words and names, sentence punctuation) and an
optional similarity term, the seam through which a translation model (chrF of
MT(source) against the target), a sentence encoder or the cheap `cognate_similarity`
can weigh in. Every parameter lives in one frozen `AlignParams`.

Modules: `params` (the knobs), `anchors` (clues of one sentence), `scoring` (cost of a
bead), `search` (the dynamic program), `api` (the entry points), `cognates` (the
model-free similarity).
"""

from checker.align.anchors import Anchors, extract_anchors, fold, normalize_number
from checker.align.api import align_documents, align_sentences, score_sentences
from checker.align.cognates import cognate_similarity
from checker.align.params import DEFAULT_PARAMS, ENCODER_PARAMS, AlignParams, BeadShape, Similarity
from checker.align.scoring import BeadScorer

__all__ = [
    "DEFAULT_PARAMS", "ENCODER_PARAMS", "AlignParams", "Anchors", "BeadScorer", "BeadShape", "Similarity",
    "align_documents", "align_sentences", "cognate_similarity", "extract_anchors", "fold", "normalize_number",
    "score_sentences",
]
