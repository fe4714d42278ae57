"""Which pairs the service serves, the one-line reasons for those it cannot, and the pivot through English."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from checker.translate.models import MissingModel, choose_location, parse_pair, weight_files
from checker.translate.service import TranslationService


@pytest.fixture
def nl_en_en_fr(dictionary_translator):
    nl_en = dictionary_translator("nl", "en", {"de": "the", "kat": "cat", "slaapt": "sleeps"})
    en_fr = dictionary_translator("en", "fr", {"the": "le", "cat": "chat", "sleeps": "dort"})
    return nl_en, en_fr


def test_pivot_through_english(nl_en_en_fr):
    service = TranslationService.from_translators(nl_en_en_fr)
    assert service.translate(["De kat slaapt."], "nl", "fr") == ["le chat dort."]
    assert service.translate(["De kat slaapt."], "nl", "en") == ["the cat sleeps."]


def test_direct_model_wins_over_pivot(nl_en_en_fr, dictionary_translator):
    nl_fr = dictionary_translator("nl", "fr", {"kat": "minou"})
    service = TranslationService.from_translators([*nl_en_en_fr, nl_fr])
    assert service.translate(["kat"], "nl", "fr") == ["minou"]
    assert nl_en_en_fr[0].sentences_translated == 0


@pytest.mark.parametrize(
    "available, source, target, expected",
    [
        ((), "nl", "en", "no model for nl-en: run `checker model download nl-en` or pass --model-dir"),
        ((), "nl", "fr", "no model for nl-fr: run `checker model download nl-en en-fr` or pass --model-dir"),
        (("nl-en",), "nl", "fr", "no model for nl-fr: run `checker model download en-fr` or pass --model-dir"),
        (("en-fr",), "fr", "en", "no model for fr-en: run `checker model download fr-en` or pass --model-dir"),
    ],
)
def test_missing_pair_says_which_models_to_get(dictionary_translator, available, source, target, expected):
    translators = [dictionary_translator(*pair.split("-"), {}) for pair in available]
    service = TranslationService.from_translators(translators)
    assert service.translate(["zin"], source, target) is None
    assert [str(m) for m in service.missing(source, [target])] == [expected]
    assert service.available_pairs(source, [target]) == []


def test_available_and_missing_split_the_targets(nl_en_en_fr):
    service = TranslationService.from_translators(nl_en_en_fr)
    assert service.available_pairs("nl", ["en", "fr"]) == [("nl", "en"), ("nl", "fr")]
    assert [(m.source_lang, m.target_lang) for m in service.missing("fr", ["nl", "en"])] == [("fr", "nl"), ("fr", "en")]


def test_empty_sentences_are_not_translated(dictionary_translator):
    translator = dictionary_translator("nl", "en", {"kat": "cat"})
    assert TranslationService.from_translators([translator]).translate(["", "kat", " "], "nl", "en") == ["", "cat", ""]
    assert translator.sentences_translated == 1


@pytest.mark.parametrize("pair, expected", [("nl-en", ("nl", "en")), (" FR-en ", ("fr", "en"))])
def test_parse_pair(pair, expected):
    assert parse_pair(pair) == expected


@pytest.mark.parametrize("pair", ["nl", "nl-nl", "nl_en", "1-2"])
def test_parse_pair_rejects(pair):
    with pytest.raises(ValueError):
        parse_pair(pair)


@pytest.mark.parametrize(
    "files, expected",
    [
        (["config.json", "pytorch_model.bin", "model.safetensors", "tf_model.h5"], ["model.safetensors"]),
        (["config.json", "pytorch_model.bin", "tf_model.h5", "rust_model.ot"], ["pytorch_model.bin"]),
    ],
)
def test_download_prefers_safetensors(files, expected):
    assert weight_files(files) == expected


def test_nothing_found_is_a_missing_model(tmp_path):
    found = choose_location("nl-en", {}, model_dir=tmp_path, cache_dir=tmp_path / "cache")
    assert found == MissingModel("nl-en", "no model for nl-en")


def test_a_non_marian_config_is_not_loaded(tmp_path):
    # Only Marian: any other architecture could ask for code from the hub.
    (tmp_path / "nl-en").mkdir()
    (tmp_path / "nl-en" / "config.json").write_text(json.dumps({"model_type": "custom", "auto_map": {}}))
    assert isinstance(choose_location("nl-en", {}, model_dir=tmp_path, cache_dir=tmp_path / "c"), MissingModel)


def test_missing_transformers_reads_like_a_missing_model(tmp_path, monkeypatch):
    from checker.translate import models

    (tmp_path / "nl-en").mkdir()
    (tmp_path / "nl-en" / "config.json").write_text(json.dumps({"model_type": "marian"}))
    monkeypatch.setattr(models, "engine_installed", lambda engine: False)
    service = TranslationService.from_config({"languages": "nl, en"}, model_dir=str(tmp_path), cache_dir=str(tmp_path / "c"))
    assert service.translate(["zin"], "nl", "en") is None
    (reason,) = service.missing("nl", ["en"])
    assert "needs transformers, which is not installed: pip install 'checker[mt]'" in str(reason)
    assert "checker model download nl-en" in str(reason)


def test_importing_the_package_imports_no_engine():
    code = (
        "import sys, checker.translate, checker.translate.service, checker.translate.similarity;"
        "print([m for m in ('torch', 'transformers', 'ctranslate2') if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "lengths, batch_size, max_tokens, expected",
    [
        ([3, 9, 5, 7], 2, None, [[1, 3], [2, 0]]),  # longest first, so padding stays small
        ([3, 9, 5, 7], 8, None, [[1, 3, 2, 0]]),
        ([3, 9, 5, 7], 8, 20, [[1, 3], [2, 0]]),  # 3 x 9 padded tokens would exceed 20
        ([50, 2], 8, 20, [[0], [1]]),  # a sentence longer than the budget still gets its own batch
        ([], 4, None, []),
    ],
)
def test_batches_by_length(lengths, batch_size, max_tokens, expected):
    from checker.translate.base import batches_by_length

    assert list(batches_by_length(lengths, batch_size, max_tokens)) == expected


def test_a_model_that_fails_to_load_is_reported_like_a_missing_one(tmp_path):
    (tmp_path / "nl-en").mkdir()
    (tmp_path / "nl-en" / "config.json").write_text(json.dumps({"model_type": "marian"}))  # and nothing else
    service = TranslationService.from_config({"languages": "nl, en", "mt_backend": "transformers"},
                                             model_dir=str(tmp_path), cache_dir=str(tmp_path / "c"))
    assert service.available_pairs("nl", ["en"]) == [("nl", "en")]
    assert service.translate(["De stad."], "nl", "en") is None
    (missing,) = service.missing("nl", ["en"])
    assert "the model for nl-en could not be loaded" in str(missing)


def test_an_unusable_cache_costs_speed_not_the_run(tmp_path, dictionary_translator):
    from checker.translate.cache import TranslationCache

    (tmp_path / "not-a-directory").write_text("")
    cache = TranslationCache.in_directory(tmp_path / "not-a-directory")
    service = TranslationService.from_translators([dictionary_translator("nl", "en", {"kat": "cat"})], cache)
    assert service.translate(["kat"], "nl", "en") == ["cat"]
    assert "not used" in service.stats.cache_problem
