"""CTranslate2: the fast engine (int8 on CPU), converted from the same Marian model.

Needs only `ctranslate2` and `sentencepiece` at run time: no torch import, a 0.1 s load,
and 2-3x the throughput of transformers at Opus-MT size (see benchmarks/bench_mt.py).
"""

from __future__ import annotations

from typing import Sequence

from checker.translate.base import Translator
from checker.translate.marian import cut_at_limit, output_limit, usable_threads
from checker.translate.models import ModelLocation, conversion_record, engine_settings


class CT2Translator(Translator):
    def __init__(
        self,
        location: ModelLocation,
        *,
        batch_size: int = 32,
        num_beams: int = 1,
        threads: int | None = None,
        device: str | None = None,
        compute_type: str = "default",
        max_new_tokens: int | None = None,
    ) -> None:
        import ctranslate2
        import sentencepiece

        self._identify(location, batch_size=batch_size, num_beams=num_beams,
                       settings=engine_settings(location, num_beams, compute_type), max_new_tokens=max_new_tokens)
        if device is None:
            device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
        self._translator = ctranslate2.Translator(
            str(location.path), device=device, compute_type=compute_type, intra_threads=threads or usable_threads()
        )
        self.max_positions = conversion_record(location.path).get("max_positions", 512)
        self._source = sentencepiece.SentencePieceProcessor(model_file=str(location.path / "source.spm"))
        self._target = sentencepiece.SentencePieceProcessor(model_file=str(location.path / "target.spm"))

    def _pieces(self, sentences: Sequence[str]) -> list[list[str]]:
        # Marian's tokenizer appends </s>; CTranslate2 expects the same input pieces.
        keep = self.max_positions - 1
        return [pieces[:keep] + ["</s>"] for pieces in self._source.encode(list(sentences), out_type=str)]

    def lengths(self, sentences: Sequence[str]) -> list[int]:
        return [len(p) for p in self._pieces(sentences)]

    def translate_batch(self, sentences: Sequence[str]) -> list[str]:
        pieces = self._pieces(sentences)
        limits = [self.fixed_new_tokens or output_limit(len(p), self.max_positions) for p in pieces]
        lengths = {"max_decoding_length": max(limits)}
        if self.fixed_new_tokens:
            lengths["min_decoding_length"] = self.fixed_new_tokens
        results = self._translator.translate_batch(pieces, beam_size=self.num_beams, **lengths)
        # Each hypothesis cut at its own limit, as in MarianTranslator: batch-independent output.
        return [self._target.decode(cut_at_limit(r.hypotheses[0], limit)).strip() for r, limit in zip(results, limits)]
