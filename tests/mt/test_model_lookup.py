"""Finding models: the Hugging Face cache by hub id, config paths relative to setup.cfg, progress reporting."""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

from checker.translate.models import MissingModel, choose_location
from checker.translate.service import TranslationService, settings_from_config, terminal_progress

COMMIT = "0123456789abcdef0123456789abcdef01234567"


@pytest.fixture
def hf_cache(tmp_path, tiny_nl_en, monkeypatch) -> Path:
    """A Hugging Face hub cache holding the tiny model as if downloaded as Helsinki-NLP/opus-mt-nl-en."""
    from huggingface_hub import constants

    cache = tmp_path / "hub"
    repo = cache / "models--Helsinki-NLP--opus-mt-nl-en"
    shutil.copytree(tiny_nl_en, repo / "snapshots" / COMMIT)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(COMMIT)
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(cache))
    return cache


@pytest.mark.parametrize("config", [{}, {"model.nl-en": "Helsinki-NLP/opus-mt-nl-en"}], ids=["default id", "configured id"])
def test_hub_id_found_in_the_local_cache(hf_cache, tmp_path, config):
    found = choose_location("nl-en", config, model_dir=None, cache_dir=tmp_path / "c", backend="transformers")
    assert (found.model_id, found.revision, found.engine) == ("Helsinki-NLP/opus-mt-nl-en", COMMIT, "marian")


def test_configured_hub_id_not_in_the_cache_is_missing(hf_cache, tmp_path):
    config = {"model.nl-en": "someone/other-model"}
    found = choose_location("nl-en", config, model_dir=None, cache_dir=tmp_path / "c")
    assert isinstance(found, MissingModel)


def test_translate_from_the_hub_cache(hf_cache, tmp_path):
    service = TranslationService.from_config({"languages": "nl, en"}, model_dir=None, cache_dir=str(tmp_path / "c"))
    assert len(service.translate(["De stad bouwt een brug."], "nl", "en")) == 1
    assert service.stats.loaded[0].startswith(f"Helsinki-NLP/opus-mt-nl-en@{COMMIT}#")


def test_config_paths_are_relative_to_setup_cfg(tmp_path):
    from checker.config import Config

    (tmp_path / "models" / "nl-en").mkdir(parents=True)
    settings = {
        "model_dir": "models",
        "cache_dir": ".cache/checker",
        "model.nl-en": "models/nl-en",
        "model.en-fr": "Helsinki-NLP/opus-mt-en-fr",
    }
    resolved = settings_from_config(Config(settings=settings, root=tmp_path))
    assert resolved["model_dir"] == str(tmp_path / "models")
    assert resolved["cache_dir"] == str(tmp_path / ".cache/checker")
    assert resolved["model.nl-en"] == str(tmp_path / "models/nl-en")
    assert resolved["model.en-fr"] == "Helsinki-NLP/opus-mt-en-fr"
    assert resolved["languages"] == "nl, fr, en"


def test_progress_is_reported_per_batch(dictionary_translator):
    reported: list[tuple[str, int, int]] = []

    @contextmanager
    def progress(total, label):
        yield lambda done: reported.append((label, total, done))

    translator = dictionary_translator("nl", "en", {})
    translator.batch_size = 2
    service = TranslationService.from_translators([translator], progress=progress)
    service.translate(["een", "twee", "drie"], "nl", "en")
    assert reported == [("translating nl-en", 3, 2), ("translating nl-en", 3, 1)]


def test_no_progress_bar_when_not_a_terminal(capsys):
    with terminal_progress(1000, "translating nl-en") as advance:
        assert advance is None
    assert capsys.readouterr().err == ""


def test_pivot_models_are_found_when_english_is_not_a_corpus_language(tiny_model_root, tmp_path):
    service = TranslationService.from_config({"languages": "nl, fr"}, model_dir=str(tiny_model_root), cache_dir=str(tmp_path))
    assert service.available_pairs("nl", ["fr"]) == [("nl", "fr")]


def test_download_fetches_tokenizer_config_and_safetensors_only(monkeypatch, tmp_path):
    import huggingface_hub
    from huggingface_hub import constants

    from checker.translate import models

    requested = {}
    repo_files = ["README.md", "config.json", "generation_config.json", "model.safetensors", "pytorch_model.bin",
                  "tf_model.h5", "rust_model.ot", "source.spm", "target.spm", "tokenizer_config.json", "vocab.json"]
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(huggingface_hub.HfApi, "list_repo_files", lambda self, repo_id: repo_files)

    def snapshot_download(repo_id, allow_patterns, local_dir):
        requested.update(repo_id=repo_id, files=sorted(allow_patterns), local_dir=local_dir)
        return str(local_dir)

    monkeypatch.setattr(huggingface_hub, "snapshot_download", snapshot_download)
    path = models.download("nl-en", {}, model_dir=tmp_path)
    assert path == tmp_path / "opus-mt-nl-en"
    assert requested["repo_id"] == "Helsinki-NLP/opus-mt-nl-en"
    assert requested["files"] == ["config.json", "generation_config.json", "model.safetensors", "source.spm",
                                  "target.spm", "tokenizer_config.json", "vocab.json"]


def test_a_model_absent_from_the_hub_cache_is_missing_without_loading_the_hub_client(tmp_path):
    import subprocess
    import sys

    probe = ("import sys; from checker.translate.models import hub_snapshot; "
             "print(hub_snapshot('Helsinki-NLP/opus-mt-nl-en'), 'huggingface_hub.hf_api' in sys.modules)")
    env = {"HF_HUB_CACHE": str(tmp_path / "hub"), "PATH": "", "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.split() == ["None", "False"]
