"""Fixtures for the MT tests: a tiny Marian model built offline, its CTranslate2 conversion, a fake translator."""

from __future__ import annotations

import os

# Set before transformers/huggingface_hub are imported: nothing here may touch the network.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"
# The tiny model's operations are too small to share between threads: on a busy 2-core
# machine, two torch threads made a 3-sentence translation 20 times slower.
os.environ.setdefault("OMP_NUM_THREADS", "1")

import re
import shutil
import sys
from pathlib import Path
from typing import Sequence

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from checker.translate.base import Translator  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


class DictionaryTranslator(Translator):
    """Word-by-word translation through a small dictionary: deterministic, so expected alignments are known.

    Unknown words pass through unchanged, as names and numbers do in real MT.
    """

    def __init__(self, source_lang: str, target_lang: str, words: dict[str, str], revision: str = "1") -> None:
        self.source_lang, self.target_lang = source_lang, target_lang
        self.model_id = f"dictionary-{source_lang}-{target_lang}"
        self.revision = revision
        self.words = words
        self.calls: list[list[str]] = []  # every batch the "model" was asked to translate

    def translate_batch(self, sentences: Sequence[str]) -> list[str]:
        self.calls.append(list(sentences))
        return [re.sub(r"\w+", lambda m: self.words.get(m[0].lower(), m[0]), s) for s in sentences]

    @property
    def sentences_translated(self) -> int:
        return sum(len(c) for c in self.calls)


@pytest.fixture
def dictionary_translator():
    return DictionaryTranslator


@pytest.fixture(scope="session")
def tiny_model_root(tmp_path_factory) -> Path:
    """A model_dir with a tiny Marian model for nl-en and one for en-fr (a pivot route to nl-fr)."""
    pytest.importorskip("transformers")
    pytest.importorskip("sentencepiece")
    from tiny_marian import build_tiny_marian

    root = tmp_path_factory.mktemp("models")
    build_tiny_marian(root / "opus-mt-nl-en", "nl", "en", seed=0, corpus_dir=REPO / "corpora")
    build_tiny_marian(root / "en-fr", "en", "fr", seed=1, corpus_dir=REPO / "corpora")
    return root


@pytest.fixture(scope="session")
def tiny_nl_en(tiny_model_root) -> Path:
    return tiny_model_root / "opus-mt-nl-en"


@pytest.fixture
def model_copy(tiny_model_root, tmp_path) -> Path:
    """A writable copy of the model root, for tests that add or change models."""
    copy = tmp_path / "models"
    shutil.copytree(tiny_model_root, copy)
    return copy
