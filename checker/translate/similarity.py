"""MT similarity for the aligner: how well the machine translation of source sentences matches target sentences.

This is the Bleualign idea: once the source is in the target language, a character n-gram
score tells translations apart from neighbours far better than sentence length can, which
is what keeps alignment right when the translator split, merged or reordered sentences.

The score is sacrebleu's sentence chrF (chrF2: character 1- to 6-grams, whitespace removed,
beta 2), computed here from n-gram counts kept per sentence: the aligner asks for thousands
of beads that share their sentences, and sacrebleu would count the n-grams of both texts
again on every call (4 ms a call on our corpora, 45 s per release). A side of several
sentences sums its sentences' counts, so n-grams across a sentence boundary (five at most
per boundary and order) are left out; for one sentence per side the score is sacrebleu's.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Callable, Sequence

# (source sentence indices, target sentence indices) -> 0..1, the aligner's scoring seam.
Similarity = Callable[[tuple[int, ...], tuple[int, ...]], float]

CHAR_ORDER = 6
BETA = 2.0
_EPS = 1e-16

NgramCounts = tuple[Counter, ...]  # one Counter per order 1..CHAR_ORDER


def char_ngrams(text: str) -> NgramCounts:
    """Character n-grams of `text` without its whitespace, as sacrebleu's chrF counts them."""
    line = "".join(text.split())
    return tuple(Counter(line[i : i + n] for i in range(len(line) - n + 1)) for n in range(1, CHAR_ORDER + 1))


def merged(counts: Sequence[NgramCounts]) -> NgramCounts:
    if len(counts) == 1:
        return counts[0]
    total = tuple(Counter() for _ in range(CHAR_ORDER))
    for sentence in counts:
        for order, counter in zip(total, sentence):
            order.update(counter)
    return total


def chrf_from_counts(hypothesis: NgramCounts, reference: NgramCounts) -> float:
    """sacrebleu's sentence chrF (effective-order averaging, beta 2), in 0..1."""
    factor = BETA**2
    precision_sum = recall_sum = 0.0
    effective_order = 0
    for hyp, ref in zip(hypothesis, reference):
        n_hyp, n_ref = hyp.total(), ref.total()
        if n_hyp == 0 or n_ref == 0:
            continue
        small, large = (hyp, ref) if len(hyp) <= len(ref) else (ref, hyp)
        matches = sum(min(count, large[gram]) for gram, count in small.items() if gram in large)
        precision_sum += matches / n_hyp
        recall_sum += matches / n_ref
        effective_order += 1
    if effective_order == 0:
        return 0.0
    precision, recall = precision_sum / effective_order, recall_sum / effective_order
    if precision + recall <= _EPS:
        return 0.0
    return (1 + factor) * precision * recall / (factor * precision + recall)


def chrf(hypothesis: str, reference: str) -> float:
    """Sentence chrF in 0..1 (equal to `CHRF().sentence_score(hyp, [ref]).score / 100`); 0 when a side is empty."""
    if not hypothesis.strip() or not reference.strip():
        return 0.0
    return chrf_from_counts(char_ngrams(hypothesis), char_ngrams(reference))


def mt_similarity(source_translations: Sequence[str], target_sentences: Sequence[str]) -> Similarity:
    """The aligner's similarity callable: chrF of the joined MT of the source indices against the joined targets.

    `source_translations[i]` is the machine translation of source sentence `i` into the target
    language. N-gram counts are kept per sentence and per side, scores per index pair: the
    aligner asks for the same sides and beads many times.
    """
    source_sentences = [char_ngrams(t) for t in source_translations]
    target_sentences_counts = [char_ngrams(t) for t in target_sentences]

    @lru_cache(maxsize=4096)
    def source_counts(indices: tuple[int, ...]) -> NgramCounts:
        return merged([source_sentences[i] for i in indices])

    @lru_cache(maxsize=4096)
    def target_counts(indices: tuple[int, ...]) -> NgramCounts:
        return merged([target_sentences_counts[j] for j in indices])

    @lru_cache(maxsize=None)
    def similarity(source: tuple[int, ...], target: tuple[int, ...]) -> float:
        if not source or not target:
            return 0.0
        return chrf_from_counts(source_counts(source), target_counts(target))

    return similarity
