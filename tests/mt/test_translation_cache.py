"""The SQLite translation cache: hits, misses, model changes, two writers at once."""

from __future__ import annotations

import multiprocessing
import threading

import pytest

from checker.translate.cache import TranslationCache
from checker.translate.service import TranslationService


@pytest.fixture
def cache(tmp_path):
    return TranslationCache.in_directory(tmp_path / "cache")


def test_miss_then_hit(cache):
    assert cache.get_many("m@1", "nl-en", ["Goedemorgen."]) == {}
    cache.put_many("m@1", "nl-en", {"Goedemorgen.": "Good morning."})
    assert cache.get_many("m@1", "nl-en", ["Goedemorgen.", "Dag."]) == {"Goedemorgen.": "Good morning."}


@pytest.mark.parametrize(
    "model, direction",
    [("m@2", "nl-en"), ("other@1", "nl-en"), ("m@1", "nl-fr")],
    ids=["new revision", "other model", "other direction"],
)
def test_entries_do_not_leak_across_models_or_directions(cache, model, direction):
    cache.put_many("m@1", "nl-en", {"Dag.": "Bye."})
    assert cache.get_many(model, direction, ["Dag."]) == {}


def test_info_counts_per_model_and_clear_empties(cache):
    cache.put_many("a@1", "nl-en", {"een": "one", "twee": "two"})
    cache.put_many("b@1", "fr-en", {"trois": "three"})
    info = cache.info()
    assert info.entries == 3
    assert [(m.model, m.entries) for m in info.models] == [("a@1", 2), ("b@1", 1)]
    assert info.file_bytes > 0
    assert cache.clear() == 3
    assert cache.info().entries == 0


def test_many_sentences_beyond_one_query_chunk(cache):
    pairs = {f"zin {i}": f"sentence {i}" for i in range(1200)}
    cache.put_many("m@1", "nl-en", pairs)
    assert cache.get_many("m@1", "nl-en", list(pairs)) == pairs


def test_rerun_translates_nothing(tmp_path, dictionary_translator):
    translator = dictionary_translator("nl", "en", {"de": "the", "kat": "cat"})
    sentences = ["De kat.", "De  kat.", "Kat de."]  # the first two normalise alike
    first = TranslationService.from_translators([translator], TranslationCache.in_directory(tmp_path))
    assert first.translate(sentences, "nl", "en") == ["the cat.", "the cat.", "cat the."]
    assert translator.sentences_translated == 2
    second = TranslationService.from_translators([translator], TranslationCache.in_directory(tmp_path))
    assert second.translate(sentences, "nl", "en") == ["the cat.", "the cat.", "cat the."]
    assert translator.sentences_translated == 2
    assert (second.stats.translated, second.stats.cached) == (0, 2)


def test_model_change_invalidates(tmp_path, dictionary_translator):
    old = dictionary_translator("nl", "en", {"kat": "cat"}, revision="1")
    new = dictionary_translator("nl", "en", {"kat": "kitty"}, revision="2")
    cache = TranslationCache.in_directory(tmp_path)
    TranslationService.from_translators([old], cache).translate(["kat"], "nl", "en")
    assert TranslationService.from_translators([new], cache).translate(["kat"], "nl", "en") == ["kitty"]
    assert new.sentences_translated == 1


def _write_many(path: str, worker: int, count: int) -> None:
    cache = TranslationCache(path)
    for i in range(count):
        # Half the sentences are shared between workers: both insert them, neither may fail.
        source = f"gedeelde zin {i}" if i % 2 else f"zin {worker}-{i}"
        cache.put_many("m@1", "nl-en", {source: f"sentence {i}"})
        assert cache.get_many("m@1", "nl-en", [source])[source] == f"sentence {i}"


def test_two_processes_write_at_once(tmp_path):
    path = str(tmp_path / "translations.sqlite3")
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write_many, args=(path, w, 40)) for w in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    assert [w.exitcode for w in workers] == [0, 0]
    assert TranslationCache(path).info().entries == 20 + 2 * 20


def test_two_threads_translate_at_once(tmp_path, dictionary_translator):
    errors: list[BaseException] = []

    def run(worker: int) -> None:
        try:
            translator = dictionary_translator("nl", "en", {"zin": "sentence"})
            service = TranslationService.from_translators([translator], TranslationCache.in_directory(tmp_path))
            for i in range(30):
                assert service.translate([f"zin {i}", f"zin {worker} {i}"], "nl", "en") == [
                    f"sentence {i}",
                    f"sentence {worker} {i}",
                ]
        except BaseException as error:  # surfaced in the main thread below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(w,)) for w in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert TranslationCache.in_directory(tmp_path).info().entries == 30 + 3 * 30


def _put_in_child(cache: TranslationCache) -> None:
    cache.put_many("m@1", "nl-en", {"Tot ziens.": "Goodbye."})


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_a_used_store_works_in_a_child_process_and_the_parent_sees_its_writes(cache, method):
    # The store keeps its connection open; a child (forked, or given the store pickled) must open
    # its own instead of writing through the parent's.
    cache.put_many("m@1", "nl-en", {"Goedemorgen.": "Good morning."})
    child = multiprocessing.get_context(method).Process(target=_put_in_child, args=(cache,))
    child.start()
    child.join(60)
    assert child.exitcode == 0
    assert cache.get_many("m@1", "nl-en", ["Goedemorgen.", "Tot ziens."]) == {
        "Goedemorgen.": "Good morning.", "Tot ziens.": "Goodbye."}


def test_a_store_used_from_two_threads_gives_each_its_own_connection(cache):
    cache.put_many("m@1", "nl-en", {"Goedemorgen.": "Good morning."})
    seen: list[dict] = []
    worker = threading.Thread(target=lambda: seen.append(cache.get_many("m@1", "nl-en", ["Goedemorgen."])))
    worker.start()
    worker.join(30)
    assert seen == [{"Goedemorgen.": "Good morning."}]
