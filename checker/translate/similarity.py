"""MT similarity for the aligner: how well the machine translation of source sentences matches target sentences.

This is the Bleualign idea: once the source is in the target language, a character n-gram
score tells translations apart from neighbours far better than sentence length can, which
is what keeps alignment right when the translator split, merged or reordered sentences.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Sequence

from sacrebleu.metrics import CHRF

# (source sentence indices, target sentence indices) -> 0..1, the aligner's scoring seam.
Similarity = Callable[[tuple[int, ...], tuple[int, ...]], float]

_CHRF = CHRF()  # chrF2, character 6-grams: robust to inflection and to MT's word choice


def chrf(hypothesis: str, reference: str) -> float:
    """Sentence chrF in 0..1; 0 when either side is empty."""
    if not hypothesis.strip() or not reference.strip():
        return 0.0
    return _CHRF.sentence_score(hypothesis, [reference]).score / 100


def mt_similarity(source_translations: Sequence[str], target_sentences: Sequence[str]) -> Similarity:
    """The aligner's similarity callable: chrF of the joined MT of the source indices against the joined targets.

    `source_translations[i]` is the machine translation of source sentence `i` into the target
    language. Scores are cached per index pair: the aligner asks for the same beads many times.
    """
    translations = tuple(source_translations)
    targets = tuple(target_sentences)

    @lru_cache(maxsize=None)
    def similarity(source: tuple[int, ...], target: tuple[int, ...]) -> float:
        if not source or not target:
            return 0.0
        hypothesis = " ".join(translations[i] for i in source)
        reference = " ".join(targets[j] for j in target)
        return chrf(hypothesis, reference)

    return similarity
