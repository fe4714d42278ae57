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

        self.model_id = location.model_id
        self.revision = location.revision
        self.source_lang, self.target_lang = location.pair.split("-")
        self.batch_size = batch_size
        self.max_batch_tokens = batch_size * 64
        self.num_beams = num_beams
        self.settings = engine_settings(location, num_beams)
        self.fixed_new_tokens = max_new_tokens
        if max_new_tokens:
            self.settings += f",len{max_new_tokens}"  # tests and benchmarks pin the output length
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

    def lengths(self, sentences: Sequence[str]) -> list[int]:
        return [len(ids) for ids in self._tokenizer(list(sentences))["input_ids"]]

    def translate_batch(self, sentences: Sequence[str]) -> list[str]:
        batch = self._tokenizer(list(sentences), return_tensors="pt", padding=True, truncation=True, max_length=512)
        batch = batch.to(self.device)
        if self.fixed_new_tokens:
            lengths = {"max_new_tokens": self.fixed_new_tokens, "min_new_tokens": self.fixed_new_tokens}
        else:
            # Translations rarely run past twice the source; this stops a degenerate loop early.
            lengths = {"max_new_tokens": min(512, 2 * batch["input_ids"].shape[1] + 10)}
        with self._torch.inference_mode():
            output = self._model.generate(**batch, num_beams=self.num_beams, do_sample=False, **lengths)
        return [text.strip() for text in self._tokenizer.batch_decode(output, skip_special_tokens=True)]
