"""MT similarity for the aligner: how well the machine translation of source sentences matches target sentences.

This is the Bleualign idea: once the source is in the target language, a character n-gram
score tells translations apart from neighbours far better than sentence length can, which
is what keeps alignment right when the translator split, merged or reordered sentences.

The score is sacrebleu's sentence chrF (chrF2: character 1- to 6-grams, whitespace removed,
beta 2, effective-order averaging), computed here from n-gram counts kept per sentence as
sorted id arrays: the aligner asks for tens of thousands of beads that share their
sentences, and sacrebleu would count the n-grams of both texts again on every call (4 ms a
call; 45 s for one release). A side of several sentences sums its sentences' counts, so
n-grams across a sentence boundary are left out; with one sentence per side the score
equals sacrebleu's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:
    import numpy as np


# (source sentence indices, target sentence indices) -> 0..1, the aligner's scoring seam.
Similarity = Callable[[tuple[int, ...], tuple[int, ...]], float]

CHAR_ORDER = 6
BETA = 2.0


@dataclass(frozen=True)
class NgramProfile:
    """The character n-grams of a text: sorted unique gram ids, their counts, their order (0-based), totals per order."""

    ids: np.ndarray
    counts: np.ndarray
    orders: np.ndarray
    totals_list: list[float]  # n-grams per order; a list, as it is read six numbers at a time


class NgramVocabulary:
    """Gives every n-gram string an integer id, so that profiles compare as sorted arrays."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def profile(self, text: str) -> NgramProfile:
        import numpy as np  # here and below, not at the top: a run without MT never imports numpy for chrF

        line = "".join(text.split())
        counts = Counter(line[i : i + n] for n in range(1, CHAR_ORDER + 1) for i in range(len(line) - n + 1))
        ids = np.fromiter((self.ids.setdefault(g, len(self.ids)) for g in counts), dtype=np.int64, count=len(counts))
        values = np.fromiter(counts.values(), dtype=np.int64, count=len(counts))
        orders = np.fromiter((len(g) - 1 for g in counts), dtype=np.int64, count=len(counts))
        order = np.argsort(ids)
        return _profile(ids[order], values[order], orders[order])


def _profile(ids: np.ndarray, counts: np.ndarray, orders: np.ndarray) -> NgramProfile:
    import numpy as np

    totals = np.bincount(orders, weights=counts, minlength=CHAR_ORDER).tolist()
    return NgramProfile(ids, counts, orders, totals)


def merged(profiles: Sequence[NgramProfile]) -> NgramProfile:
    import numpy as np

    if len(profiles) == 1:
        return profiles[0]
    ids = np.concatenate([p.ids for p in profiles])
    unique, first, inverse = np.unique(ids, return_index=True, return_inverse=True)
    counts = np.bincount(inverse, weights=np.concatenate([p.counts for p in profiles])).astype(np.int64)
    orders = np.concatenate([p.orders for p in profiles])[first]
    return _profile(unique, counts, orders)


def chrf_of_profiles(hypothesis: NgramProfile, reference: NgramProfile) -> float:
    """sacrebleu's sentence chrF (effective-order averaging, beta 2), in 0..1."""
    import numpy as np

    if not len(hypothesis.ids) or not len(reference.ids):
        return 0.0
    positions = np.searchsorted(reference.ids, hypothesis.ids)
    np.minimum(positions, len(reference.ids) - 1, out=positions)
    found = reference.ids[positions] == hypothesis.ids
    matched = np.minimum(hypothesis.counts[found], reference.counts[positions[found]])
    matches = np.bincount(hypothesis.orders[found], weights=matched, minlength=CHAR_ORDER).tolist()
    precision = recall = 0.0
    effective = 0
    for match, n_hyp, n_ref in zip(matches, hypothesis.totals_list, reference.totals_list):
        if n_hyp > 0 and n_ref > 0:
            precision += match / n_hyp
            recall += match / n_ref
            effective += 1
    if effective == 0 or precision + recall == 0:
        return 0.0
    precision, recall = precision / effective, recall / effective
    factor = BETA**2
    return (1 + factor) * precision * recall / (factor * precision + recall)


def chrf(hypothesis: str, reference: str) -> float:
    """Sentence chrF in 0..1 (equal to `CHRF().sentence_score(hyp, [ref]).score / 100`); 0 when a side is empty."""
    if not hypothesis.strip() or not reference.strip():
        return 0.0
    vocabulary = NgramVocabulary()
    return chrf_of_profiles(vocabulary.profile(hypothesis), vocabulary.profile(reference))


def mt_similarity(source_translations: Sequence[str], target_sentences: Sequence[str]) -> Similarity:
    """The aligner's similarity callable: chrF of the joined MT of the source indices against the joined targets.

    `source_translations[i]` is the machine translation of source sentence `i` into the target
    language. N-gram profiles are kept per sentence and per side, scores per index pair: the
    aligner asks for the same sides and beads many times.
    """
    vocabulary = NgramVocabulary()
    source_profiles = [vocabulary.profile(t) for t in source_translations]
    target_profiles = [vocabulary.profile(t) for t in target_sentences]

    @lru_cache(maxsize=4096)
    def source_side(indices: tuple[int, ...]) -> NgramProfile:
        return merged([source_profiles[i] for i in indices])

    @lru_cache(maxsize=4096)
    def target_side(indices: tuple[int, ...]) -> NgramProfile:
        return merged([target_profiles[j] for j in indices])

    @lru_cache(maxsize=None)
    def similarity(source: tuple[int, ...], target: tuple[int, ...]) -> float:
        if not source or not target:
            return 0.0
        return chrf_of_profiles(source_side(source), target_side(target))

    return similarity


# ---------------------------------------------------------------------------
# One provider decides, per language pair, which similarity the aligner gets.


@dataclass(frozen=True)
class PairSimilarity:
    """What the aligner and the model-based checks get for one source/target document pair.

    `kind` is "mt", "encoder", "cognate" or "none"; `params` are the aligner settings tuned for
    that kind. `semantic` is the encoder similarity whenever an encoder ran (also when MT
    aligned the pair): ADQ002 reads it.
    """

    kind: str
    similarity: Similarity | None
    params: object  # checker.align.AlignParams
    semantic: object | None = None  # checker.encoder.similarity.EncoderSimilarity


class SimilarityProvider:
    """The best signal available for each pair, chosen here and nowhere else.

    Machine translation where a model serves the pair (chrF of MT(source) against the target,
    the strongest signal), else the sentence encoder (cosine of multilingual embeddings), else
    the model-free cognate score. Every command that aligns (`check`, `glossary suggest`,
    `align`) asks this class, so they all align the same way.
    """

    def __init__(self, encoder=None, *, cognates: bool = True) -> None:
        self.encoder = encoder  # checker.encoder.SentenceEncoder or None
        self.cognates = cognates
        self.problem: str | None = None  # why the encoder stopped being used, when it failed mid-run

    def kind_for(self, has_translation: bool) -> str:
        if has_translation:
            return "mt"
        if self.encoder is not None:
            return "encoder"
        return "cognate" if self.cognates else "none"

    def for_texts(self, source: Sequence[str], target: Sequence[str], *, source_lang: str = "",
                  target_lang: str = "", translations: Sequence[str] | None = None,
                  source_groups: Sequence[object] | None = None,
                  target_groups: Sequence[object] | None = None) -> PairSimilarity:
        from checker.align import DEFAULT_PARAMS, ENCODER_PARAMS, cognate_similarity

        semantic = None
        if self.encoder is not None:
            from checker.encoder import EncoderError
            from checker.encoder.similarity import encoder_similarity

            try:
                semantic = encoder_similarity(self.encoder, source, target, source_lang=source_lang,
                                              target_lang=target_lang, source_groups=source_groups,
                                              target_groups=target_groups)
            except EncoderError as error:
                # A damaged install shows when the weights are first read: go on without it.
                self.problem, self.encoder = str(error), None
        kind = self.kind_for(translations is not None)
        if kind == "mt":
            return PairSimilarity(kind, mt_similarity(translations, target), DEFAULT_PARAMS, semantic)
        if kind == "encoder":
            return PairSimilarity(kind, semantic, ENCODER_PARAMS, semantic)
        if kind == "cognate":
            return PairSimilarity(kind, cognate_similarity(source, target), DEFAULT_PARAMS, semantic)
        return PairSimilarity(kind, None, DEFAULT_PARAMS, semantic)

    def for_documents(self, source, target, translations: Sequence[str] | None = None) -> PairSimilarity:
        """The similarity over two `Document`s, indexed by `Segment.index` as `align_documents` expects."""
        return self.for_texts([s.text for s in source.segments], [t.text for t in target.segments],
                              source_lang=source.lang, target_lang=target.lang, translations=translations,
                              source_groups=[s.block for s in source.segments],
                              target_groups=[t.block for t in target.segments])
