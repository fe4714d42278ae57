"""`checker model …`, `checker cache …`, and `checker check` with a local model, end to end on the tiny Marian model."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main

RELEASE = {
    "nl": """# De stad bouwt een nieuwe brug

**Gent, 3 maart 2025** – De stad bouwt een nieuwe brug over de Leie voor 12 miljoen euro.

De werken beginnen in mei en duren twee jaar. Fietsers krijgen een eigen strook van 3 meter.

Buurtbewoners kunnen de plannen tot 30 juni inkijken in het stadhuis.
""",
    "fr": """# La ville construit un nouveau pont

**Gand, 3 mars 2025** – La ville construit un nouveau pont sur la Lys pour 12 millions d'euros.

Les travaux commencent en mai et durent deux ans. Les cyclistes auront leur propre bande de 3 mètres.

Les riverains peuvent consulter les plans à l'hôtel de ville jusqu'au 30 juin.
""",
    "en": """# The city is building a new bridge

**Ghent, 3 March 2025** – The city is building a new bridge over the Lys for 12 million euros.

Works start in May and last two years. Cyclists get their own 3-metre lane.

Residents can consult the plans at the town hall until 30 June.
""",
}


@pytest.fixture
def corpus(tmp_path) -> Path:
    release = tmp_path / "corpus" / "2025-03-03-brug"
    release.mkdir(parents=True)
    for lang, text in RELEASE.items():
        (release / f"{lang}.md").write_text(text, encoding="utf-8")
    return tmp_path / "corpus"


@pytest.fixture
def model_calls(monkeypatch) -> list[int]:
    """How many sentences reached a real model, whichever engine."""
    calls: list[int] = []
    from checker.translate.marian import MarianTranslator

    original = MarianTranslator.translate_batch

    def counted(self, sentences):
        calls.append(len(sentences))
        return original(self, sentences)

    monkeypatch.setattr(MarianTranslator, "translate_batch", counted)
    return calls


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_check_with_a_local_model_translates_once(corpus, tiny_model_root, tmp_path, model_calls):
    args = ["check", str(corpus), "--model-dir", str(tiny_model_root), "--cache-dir", str(tmp_path / "cache"),
            "--backend", "transformers", "--format", "json"]
    first = run(*args)
    assert first.exit_code in (0, 1), first.output
    assert "skipped" not in first.stderr
    assert sum(model_calls) > 0
    translated = sum(model_calls)
    second = run(*args)
    assert second.exit_code == first.exit_code
    assert sum(model_calls) == translated  # the second run is served by the cache
    assert "machine translation: 0 sentences translated" in second.stderr
    assert second.stdout == first.stdout
    info = run("cache", "info", "--cache-dir", str(tmp_path / "cache"))
    assert "opus-mt-nl-en@" in info.output and "en-fr@" in info.output


def test_check_without_a_model_says_what_it_skipped(corpus, tmp_path):
    result = run("check", str(corpus), "--model-dir", str(tmp_path / "empty"), "--cache-dir", str(tmp_path / "cache"))
    assert result.exit_code in (0, 1)
    assert "skipped ADQ001" in result.stderr
    assert "checker model download nl-en" in result.stderr


def test_model_list_shows_direct_pivot_and_missing(tiny_model_root, tmp_path):
    result = run("model", "list", "--model-dir", str(tiny_model_root), "--cache-dir", str(tmp_path), "--backend", "transformers")
    lines = {line.split()[0]: line for line in result.output.splitlines()}
    assert "transformers" in lines["nl-en"] and "opus-mt-nl-en@" in lines["nl-en"]
    assert "via en" in lines["nl-fr"]
    assert "missing" in lines["fr-nl"] and "checker model download fr-en en-nl" in lines["fr-nl"]


def test_convert_then_check_uses_ctranslate2(model_copy, tmp_path):
    pytest.importorskip("ctranslate2")
    result = run("model", "convert", "nl-en", "--model-dir", str(model_copy), "--cache-dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert (model_copy / "opus-mt-nl-en-ct2" / "model.bin").is_file()
    listed = run("model", "list", "--model-dir", str(model_copy), "--cache-dir", str(tmp_path)).output
    assert "nl-en  ctranslate2" in listed


def test_convert_without_a_model_fails_with_exit_2(tmp_path):
    result = run("model", "convert", "nl-en", "--model-dir", str(tmp_path), "--cache-dir", str(tmp_path))
    assert result.exit_code == 2
    assert "no model for nl-en" in result.output and "checker model download nl-en" in result.output


def test_download_offline_fails_with_exit_2(tmp_path):
    result = run("model", "download", "nl-en", "--model-dir", str(tmp_path))
    assert result.exit_code == 2
    assert "HF_HUB_OFFLINE" in result.output


def test_download_rejects_a_bad_pair(tmp_path):
    result = run("model", "download", "dutch", "--model-dir", str(tmp_path))
    assert result.exit_code == 2 and "not a language pair" in result.output


def test_cache_clear(tmp_path):
    from checker.translate.cache import TranslationCache

    TranslationCache.in_directory(tmp_path).put_many("m@1", "nl-en", {"een": "one"})
    result = run("cache", "clear", "--cache-dir", str(tmp_path))
    assert "deleted 1 cached translation " in result.output
    assert TranslationCache.in_directory(tmp_path).info().entries == 0
