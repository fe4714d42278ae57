"""The real engines on the tiny Marian model, loaded through the production code from a directory, offline."""

from __future__ import annotations

import pytest

from checker.translate.models import choose_location, convert, location_of
from checker.translate.service import TranslationService

SENTENCES = [
    "De werkloosheid daalde in 2021 tot 5,4 procent.",
    "Meer informatie vindt u op de website.",
    "Het agentschap verdeelt 30 miljoen euro over 4 projecten in Limburg.",
]


@pytest.fixture(scope="module")
def ct2_root(tiny_model_root, tmp_path_factory):
    """CT2 conversions of the tiny nl-en model: float32 (compared token by token) and int8 (the default)."""
    pytest.importorskip("ctranslate2")
    root = tmp_path_factory.mktemp("ct2")
    marian = location_of("nl-en", tiny_model_root / "opus-mt-nl-en")
    convert(marian, root / "float32" / "opus-mt-nl-en-ct2", "float32")
    convert(marian, root / "int8" / "opus-mt-nl-en-ct2", "int8")
    return root


def test_service_loads_the_directory_and_caches(tiny_model_root, tmp_path):
    config = {"languages": "nl, en, fr", "mt_backend": "transformers"}
    service = TranslationService.from_config(config, model_dir=str(tiny_model_root), cache_dir=str(tmp_path))
    assert service.available_pairs("nl", ["en", "fr"]) == [("nl", "en"), ("nl", "fr")]
    english = service.translate(SENTENCES, "nl", "en")
    assert len(english) == 3 and all(isinstance(t, str) and t for t in english)
    assert service.stats.translated == 3
    assert service.stats.loaded[0].startswith("opus-mt-nl-en@")
    french = service.translate(SENTENCES, "nl", "fr")  # nl-en from the cache, then en-fr
    assert len(french) == 3 and service.stats.translated == 3 + len(set(english))

    rerun = TranslationService.from_config(config, model_dir=str(tiny_model_root), cache_dir=str(tmp_path))
    assert rerun.translate(SENTENCES, "nl", "en") == english
    assert rerun.translate(SENTENCES, "nl", "fr") == french
    assert (rerun.stats.translated, rerun.stats.loaded) == (0, [])


def test_translation_is_deterministic_and_batch_independent(tiny_model_root):
    from checker.translate.marian import MarianTranslator

    translator = MarianTranslator(location_of("nl-en", tiny_model_root / "opus-mt-nl-en"), batch_size=8)
    one_batch = translator.translate(SENTENCES)
    translator.batch_size = 1
    assert translator.translate(SENTENCES) == one_batch
    assert len(set(one_batch)) > 1  # the tiny model does tell its inputs apart


def test_changed_weights_change_the_revision(model_copy):
    before = location_of("nl-en", model_copy / "opus-mt-nl-en").revision
    weights = model_copy / "opus-mt-nl-en" / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[-1] ^= 1
    weights.write_bytes(bytes(data))
    assert location_of("nl-en", model_copy / "opus-mt-nl-en").revision != before


def test_configured_directory_wins(model_copy, tmp_path):
    config = {"model.nl-en": str(model_copy / "en-fr")}
    found = choose_location("nl-en", config, model_dir=model_copy, cache_dir=tmp_path, backend="transformers")
    assert found.path == model_copy / "en-fr"


def test_ct2_matches_transformers_up_to_the_forced_end(ct2_root, tiny_model_root):
    from checker.translate.ct2 import CT2Translator
    from checker.translate.marian import MarianTranslator

    marian = MarianTranslator(location_of("nl-en", tiny_model_root / "opus-mt-nl-en"), max_new_tokens=10)
    fast = CT2Translator(location_of("nl-en", ct2_root / "float32" / "opus-mt-nl-en-ct2"), max_new_tokens=10)
    # transformers forces </s> as the last of the 10 tokens (forced_eos_token_id) and CTranslate2
    # does not; both translators drop that position, so the first n-1 tokens must agree.
    for hf_text, ct2_text in zip(marian.translate(SENTENCES), fast.translate(SENTENCES)):
        assert hf_text and ct2_text == hf_text


def test_auto_backend_prefers_the_converted_model(ct2_root, tiny_model_root, tmp_path):
    model_dir = ct2_root / "int8"
    (model_dir / "opus-mt-nl-en").symlink_to(tiny_model_root / "opus-mt-nl-en")
    found = choose_location("nl-en", {}, model_dir=model_dir, cache_dir=tmp_path)
    assert (found.engine, found.model_id) == ("ct2", "opus-mt-nl-en")
    # Same model and revision, other engine: a separate cache entry, as the outputs may differ slightly.
    marian = choose_location("nl-en", {}, model_dir=model_dir, cache_dir=tmp_path, backend="transformers")
    assert marian.revision == found.revision
    service = TranslationService.from_config({"languages": "nl, en"}, model_dir=str(model_dir), cache_dir=str(tmp_path))
    translations = service.translate(SENTENCES, "nl", "en")
    assert len(translations) == 3 and all(translations)
    assert "ctranslate2-int8" in service.stats.loaded[0]
