"""MarianMT (Opus-MT) through transformers: the reference engine, and the one CTranslate2 is converted from.

transformers 5 dropped the translation `pipeline`, so this calls the tokenizer,
`generate` and `batch_decode` directly (which also works on transformers 4).
"""

from __future__ import annotations

import os
from typing import Sequence

from checker.translate.base import Translator
from checker.translate.models import ModelLocation, engine_settings


def usable_threads() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class MarianTranslator(Translator):
    def __init__(
        self,
        location: ModelLocation,
        *,
        batch_size: int = 16,
        num_beams: int = 1,
        threads: int | None = None,
        device: str | None = None,
        max_new_tokens: int | None = None,
    ) -> None:
        import torch
        from transformers import MarianMTModel, MarianTokenizer
        from transformers.utils import logging as transformers_logging

        self._identify(location, batch_size=batch_size, num_beams=num_beams,
                       settings=engine_settings(location, num_beams), max_new_tokens=max_new_tokens)
        # The loading bar would land in reports and CI logs; the service shows its own progress.
        transformers_logging.disable_progress_bar()
        # torch's default ignores CPU affinity (containers, taskset); an explicit setting wins.
        if threads or not os.environ.get("OMP_NUM_THREADS"):
            torch.set_num_threads(threads or usable_threads())
        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        self._torch = torch
        self._tokenizer = MarianTokenizer.from_pretrained(str(location.path), local_files_only=True)
        self._model = MarianMTModel.from_pretrained(
            str(location.path),
            local_files_only=True,
            use_safetensors=True if location.has_safetensors else None,
        )
        self._model.to(self.device).eval()
        # Opus-MT has 512 positions; inputs and outputs past them would index out of range.
        self.max_positions = int(getattr(self._model.config, "max_position_embeddings", 512) or 512)

    def lengths(self, sentences: Sequence[str]) -> list[int]:
        return [len(ids) for ids in self._tokenizer(list(sentences))["input_ids"]]

    def translate_batch(self, sentences: Sequence[str]) -> list[str]:
        batch = self._tokenizer(
            list(sentences), return_tensors="pt", padding=True, truncation=True, max_length=self.max_positions
        )
        source_lengths = batch["attention_mask"].sum(dim=1).tolist()
        limits = [self.fixed_new_tokens or output_limit(n, self.max_positions) for n in source_lengths]
        batch = batch.to(self.device)
        lengths = {"max_new_tokens": max(limits)}
        if self.fixed_new_tokens:
            lengths["min_new_tokens"] = self.fixed_new_tokens
        with self._torch.inference_mode():
            output = self._model.generate(**batch, num_beams=self.num_beams, do_sample=False, **lengths)
        # Row 0 is the decoder start token. Cutting each row at its own limit keeps a
        # sentence's translation independent of the batch it happened to be in.
        rows = [cut_at_limit(row[1:], limit) for row, limit in zip(output.tolist(), limits)]
        return [text.strip() for text in self._tokenizer.batch_decode(rows, skip_special_tokens=True)]


def cut_at_limit(tokens: list, limit: int) -> list:
    """A translation that ran into its limit loses its last token.

    Opus-MT forces `</s>` as the token at the limit, but only at the batch's limit; dropping
    that position for every row that reached its own limit gives the same text in any batch,
    and the same text from both engines.
    """
    return tokens[: limit - 1] if len(tokens) >= limit else tokens


def output_limit(source_tokens: int, max_positions: int = 512) -> int:
    """Most tokens a translation may take: translations rarely pass twice the source, loops do.

    The decoder start token takes the first position, so at most `max_positions - 1` remain.
    """
    return min(max_positions - 1, 2 * source_tokens + 10)
