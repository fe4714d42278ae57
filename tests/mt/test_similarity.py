"""The aligner's MT similarity: chrF of the translated source against target sentences."""

from __future__ import annotations

import pytest

from checker.records import Bead
from checker.translate.service import TranslationService
from checker.translate.similarity import chrf, mt_similarity

WORDS = {
    "de": "the", "het": "the", "een": "a", "stad": "city", "bouwt": "builds", "nieuwe": "new",
    "brug": "bridge", "over": "over", "rivier": "river", "werken": "works", "beginnen": "start",
    "in": "in", "mei": "May", "duren": "last", "twee": "two", "jaar": "years", "kost": "costs",
    "miljoen": "million", "euro": "euros", "fietsers": "cyclists", "krijgen": "get", "eigen": "own",
    "strook": "lane", "op": "on", "buurtbewoners": "residents", "kunnen": "can", "plannen": "plans",
    "inkijken": "consult", "stadhuis": "town hall", "tot": "until", "juni": "June", "brug.": "bridge.",
}


def test_similarity_ranks_the_translation_highest():
    similarity = mt_similarity(
        ["the city builds a new bridge", "the works start in May"],
        ["The works start in May.", "The city is building a new bridge."],
    )
    assert similarity((0,), (1,)) > similarity((0,), (0,))
    assert similarity((1,), (0,)) > similarity((1,), (1,))
    assert 0.0 <= similarity((0,), (0,)) <= 1.0


@pytest.mark.parametrize("source, target", [((), (0,)), ((0,), ()), ((), ())])
def test_one_sided_beads_score_zero(source, target):
    assert mt_similarity(["a b c"], ["a b c"])(source, target) == 0.0


def test_joined_sides_score_a_split_sentence():
    similarity = mt_similarity(
        ["the works start in May and last for two years"], ["The works start in May", "and will last for two years."]
    )
    assert similarity((0,), (0, 1)) > max(similarity((0,), (0,)), similarity((0,), (1,)))


def test_scores_are_cached_per_index_pair(monkeypatch):
    from checker.translate import similarity as module

    calls = []
    monkeypatch.setattr(module, "chrf_of_profiles", lambda h, r: calls.append((h, r)) or 0.5)
    similarity = module.mt_similarity(["x"], ["y"])
    assert similarity((0,), (0,)) == similarity((0,), (0,)) == 0.5
    assert len(calls) == 1


def test_chrf_is_zero_for_empty_text():
    assert chrf("", "The bridge.") == 0.0 and chrf("The bridge.", " ") == 0.0
    assert chrf("The bridge.", "The bridge.") == pytest.approx(1.0)


def test_mt_similarity_fixes_a_split_that_lengths_get_wrong(dictionary_translator):
    from checker.align import align_sentences

    source = [
        "De stad bouwt een nieuwe brug over de rivier.",
        "De werken beginnen in mei en duren twee jaar.",
        "Fietsers krijgen een eigen strook.",
        "Buurtbewoners kunnen de plannen inkijken in het stadhuis tot juni.",
    ]
    # The translator split the second sentence and merged nothing; the third is very short
    # in English, so sentence lengths alone point at the wrong bead.
    target = [
        "The city builds a new bridge over the river.",
        "The works start in May.",
        "They will last two years.",
        "Cyclists get their own lane.",
        "Residents can consult the plans in the town hall until June.",
    ]
    translator = dictionary_translator("nl", "en", WORDS)
    translations = TranslationService.from_translators([translator]).translate(source, "nl", "en")
    beads = align_sentences(source, target, similarity=mt_similarity(translations, target))
    assert beads == [Bead((0,), (0,)), Bead((1,), (1, 2)), Bead((2,), (3,)), Bead((3,), (4,))]


def test_mt_similarity_finds_which_sentence_was_left_out(dictionary_translator):
    from checker.align import align_sentences

    source = [
        "De stad bouwt een nieuwe brug over de rivier.",
        "De werken beginnen in mei en duren twee jaar.",
        "Fietsers krijgen een eigen strook op de brug.",
        "Buurtbewoners kunnen de plannen inkijken in het stadhuis tot juni.",
    ]
    # Sentences 1 and 2 have the same length, so length and anchors cannot tell which one the
    # translation lacks (without a similarity, the aligner drops sentence 2 when this was written).
    target = [
        "The city builds a new bridge over the river.",
        "Cyclists get their own lane on the bridge.",
        "Residents can consult the plans in the town hall until June.",
    ]
    translations = dictionary_translator("nl", "en", WORDS).translate(source)
    beads = align_sentences(source, target, similarity=mt_similarity(translations, target))
    assert beads == [Bead((0,), (0,)), Bead((1,), ()), Bead((2,), (1,)), Bead((3,), (2,))]


@pytest.mark.parametrize(
    "hypothesis, reference",
    [
        ("The government invests €81 million in innovation.", "The government is investing €81 million in innovation."),
        ("le chat dort", "Le chat dort sur le canapé."),
        ("a", "abcdefgh"),
        ("2024", "2023"),
        ("Growth reached 2.6% in 2023.", "Unemployment fell."),
    ],
)
def test_chrf_equals_sacrebleu(hypothesis, reference):
    from sacrebleu.metrics import CHRF

    assert chrf(hypothesis, reference) == pytest.approx(CHRF().sentence_score(hypothesis, [reference]).score / 100, abs=1e-12)
