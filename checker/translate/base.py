"""The translation seam: one `Translator` per direction, whatever engine sits behind it.

Marian through transformers and CTranslate2 implement it; tests plug in a dictionary
translator. Everything that is the same for every engine (normalising the input, batching
by length, the progress hook) lives here, so an engine only has to translate one batch.
"""

from __future__ import annotations

import re
import unicodedata
from abc import ABC, abstractmethod
from typing import Callable, Iterator, Sequence

# Reports how many sentences of the current call are done; the CLI turns it into a bar.
ProgressCallback = Callable[[int], None]

_SPACE = re.compile(r"\s+")


def normalize_sentence(sentence: str) -> str:
    """The form a sentence is translated and cached in.

    NFC and collapsed whitespace (NBSP and narrow NBSP included): two spellings that the
    model's own `nmt_nfkc` normaliser treats alike must not cost two translations.
    """
    return _SPACE.sub(" ", unicodedata.normalize("NFC", sentence)).strip()


def batches_by_length(
    lengths: Sequence[int], batch_size: int, max_tokens: int | None = None
) -> Iterator[list[int]]:
    """Indices grouped into batches of similar length, longest first.

    Sorting by length keeps padding (wasted work for both engines) small; the token budget
    keeps one batch of long sentences from needing much more memory than a batch of short ones.
    """
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    batch: list[int] = []
    for i in order:
        if batch:
            # Longest first: the batch pads to the length of its first sentence.
            over_budget = max_tokens is not None and lengths[batch[0]] * (len(batch) + 1) > max_tokens
            if len(batch) >= batch_size or over_budget:
                yield batch
                batch = []
        batch.append(i)
    if batch:
        yield batch


class Translator(ABC):
    """Translates sentences in one direction (source_lang -> target_lang).

    `model_id`, `revision` and `settings` together name what produced a translation:
    the cache keys on them, so a new model or a different decoding setting never serves
    stale translations.
    """

    model_id: str
    revision: str
    source_lang: str
    target_lang: str
    settings: str = ""  # decoding settings that change the output (engine, beam size)
    batch_size: int = 16
    max_batch_tokens: int | None = None  # padded tokens per batch; None: only batch_size limits

    def _identify(self, location, *, batch_size: int, num_beams: int, settings: str,
                  max_new_tokens: int | None) -> None:
        """Set what names this engine's output (the cache key) and how it batches; shared by the engines."""
        self.model_id = location.model_id
        self.revision = location.revision
        self.source_lang, self.target_lang = location.pair.split("-")
        self.batch_size = batch_size
        self.max_batch_tokens = batch_size * 64
        self.num_beams = num_beams
        self.fixed_new_tokens = max_new_tokens
        # tests and benchmarks pin the output length, which changes the output: part of the key
        self.settings = settings + (f",len{max_new_tokens}" if max_new_tokens else "")

    @property
    def cache_key(self) -> str:
        key = f"{self.model_id}@{self.revision}"
        return f"{key}#{self.settings}" if self.settings else key

    @property
    def direction(self) -> str:
        return f"{self.source_lang}-{self.target_lang}"

    def translate(self, sentences: Sequence[str], progress: ProgressCallback | None = None) -> list[str]:
        """Translations of `sentences`, in order; empty sentences stay empty."""
        texts = [normalize_sentence(s) for s in sentences]
        results = [""] * len(texts)
        todo = [i for i, t in enumerate(texts) if t]
        lengths = self.lengths([texts[i] for i in todo])
        for batch in batches_by_length(lengths, self.batch_size, self.max_batch_tokens):
            indices = [todo[b] for b in batch]
            for i, translation in zip(indices, self.translate_batch([texts[i] for i in indices])):
                results[i] = translation
            if progress is not None:
                progress(len(indices))
        return results

    def lengths(self, sentences: Sequence[str]) -> list[int]:
        """Length of each sentence for batching; engines override this with token counts."""
        return [len(s.split()) for s in sentences]

    @abstractmethod
    def translate_batch(self, sentences: Sequence[str]) -> list[str]:
        """Translations of one batch of normalised, non-empty sentences."""
