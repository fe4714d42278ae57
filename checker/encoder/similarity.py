"""The aligner's similarity from a sentence encoder: cosine of real embeddings, merged beads included.

A 2-1 bead is scored by the embedding of the two sentences written one after the other, not
by an average of their vectors: a merged translation reads like the concatenation, and on
Text+Berg that was worth about two F1 points over averaging. Concatenations of up to
`max_concat` consecutive sentences (of the same block, when blocks are given) are embedded
up front in one batched call per side, so the dynamic program only takes dot products;
longer or scattered spans (whole blocks at the block level) fall back to the normalised
sum of their sentence vectors. Three, so that the 2-3 and 3-2 beads of `ENCODER_PARAMS` are
judged by real embeddings too: with two, those beads fall back to summed vectors and Text+Berg
dev scores 0.878 strict F1 instead of 0.893 (TransRead 0.944 either way, ParIce 0.924 for 0.926;
four gave dev 0.892). Three embeds about
1.5 times as many texts.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from checker.encoder.base import SentenceEncoder

DEFAULT_MAX_CONCAT = 3
# The longest span the aligner's post-pass embeds as it is (a paragraph cut into list items: 1-8).
MAX_EXACT = 8


class _Side:
    def __init__(self, encoder: SentenceEncoder, texts: Sequence[str], lang: str,
                 groups: Sequence[object] | None, max_concat: int) -> None:
        self.encoder, self.texts, self.lang = encoder, texts, lang
        self.exact_rows: dict[tuple[int, ...], np.ndarray] = {}
        spans: list[tuple[int, ...]] = [(i,) for i in range(len(texts))]
        for size in range(2, max_concat + 1):
            for start in range(len(texts) - size + 1):
                ids = tuple(range(start, start + size))
                if groups is None or len({groups[i] for i in ids}) == 1:
                    spans.append(ids)
        vectors = encoder.encode([" ".join(texts[i] for i in ids) for ids in spans], lang)
        self.rows = {ids: vectors[k] for k, ids in enumerate(spans)}
        self.embedded = frozenset(spans)
        self.singles = vectors[: len(texts)]
        # Longer sentences carry more of a merged span's meaning.
        self.weights = np.array([max(len(t), 1) for t in texts], dtype=np.float32)
        self.dim = vectors.shape[1] if len(vectors) else encoder.dim

    def vector(self, ids: tuple[int, ...]) -> np.ndarray:
        row = self.rows.get(ids)
        if row is None:
            index = list(ids)
            summed = (self.singles[index] * self.weights[index, None]).sum(axis=0)
            row = self.rows[ids] = summed / max(float(np.linalg.norm(summed)), 1e-12)
        return row

    def exact_vector(self, ids: tuple[int, ...]) -> np.ndarray:
        """The embedding of the concatenation itself, embedded on demand when it was not up front.

        Up to `MAX_EXACT` sentences: a longer span (a hostile run of one-sided lines merged one by
        one) keeps the summed vector, so that no text is embedded again and again as it grows."""
        if len(ids) > MAX_EXACT:
            return self.vector(ids)
        row = self.rows[ids] if ids in self.embedded else self.exact_rows.get(ids)
        if row is None:
            row = self.exact_rows[ids] = self.encoder.encode([" ".join(self.texts[i] for i in ids)], self.lang)[0]
        return row


# The source version is aligned with each target language in turn: its side (the embeddings of its
# sentences and their concatenations) is looked up once, not once per target language.
_LAST_SOURCE: list[tuple[tuple[SentenceEncoder, tuple], _Side]] = []


def _side(encoder: SentenceEncoder, texts: Sequence[str], lang: str, groups: Sequence[object] | None,
          max_concat: int) -> _Side:
    key = (encoder.cache_key, lang, tuple(texts), tuple(groups) if groups is not None else None, max_concat)
    for (known_encoder, known_key), side in _LAST_SOURCE:
        if known_encoder is encoder and known_key == key:
            return side
    side = _Side(encoder, texts, lang, groups, max_concat)
    _LAST_SOURCE[:] = [((encoder, key), side)]
    return side


class EncoderSimilarity:
    """Callable `(source ids, target ids) -> cosine` over one source and one target text list.

    `cosine` is the raw cosine (about 0.8 for translations and 0.1 for unrelated sentences with
    USE); the aligner rescales it against the document's own baseline.
    """

    kind = "encoder"

    def __init__(self, encoder: SentenceEncoder, source: Sequence[str], target: Sequence[str], *,
                 source_lang: str = "", target_lang: str = "",
                 source_groups: Sequence[object] | None = None, target_groups: Sequence[object] | None = None,
                 max_concat: int = DEFAULT_MAX_CONCAT) -> None:
        self.encoder = encoder
        self.source = _side(encoder, source, source_lang, source_groups, max_concat)
        self.target = _Side(encoder, target, target_lang, target_groups, max_concat)
        self._scores: dict[tuple[tuple[int, ...], tuple[int, ...]], float] = {}

    def __call__(self, source_ids: tuple[int, ...], target_ids: tuple[int, ...]) -> float:
        key = (source_ids, target_ids)
        score = self._scores.get(key)
        if score is None:
            if not source_ids or not target_ids:
                score = 0.0
            else:
                score = float(self.source.vector(source_ids) @ self.target.vector(target_ids))
            self._scores[key] = score
        return score

    def exact(self, source_ids: tuple[int, ...], target_ids: tuple[int, ...]) -> float:
        """Like calling it, but spans longer than `max_concat` are embedded as they are, not summed:
        for the few beads the aligner's post-pass weighs, not for every bead of the search."""
        if not source_ids or not target_ids:
            return 0.0
        return float(self.source.exact_vector(source_ids) @ self.target.exact_vector(target_ids))

    def forget_scores(self) -> None:
        """Drop the per-bead scores the aligner asked for: tens of thousands per pair, and a corpus
        keeps every release's similarity for the corpus-wide checks."""
        self._scores.clear()

    def matrix(self) -> np.ndarray:
        """Cosine of every source sentence against every target sentence."""
        return self.source.singles @ self.target.singles.T


def encoder_similarity(encoder: SentenceEncoder, source: Sequence[str], target: Sequence[str], *,
                       source_lang: str = "", target_lang: str = "", max_concat: int = DEFAULT_MAX_CONCAT,
                       source_groups: Sequence[object] | None = None,
                       target_groups: Sequence[object] | None = None) -> EncoderSimilarity:
    return EncoderSimilarity(encoder, source, target, source_lang=source_lang, target_lang=target_lang,
                             source_groups=source_groups, target_groups=target_groups, max_concat=max_concat)
