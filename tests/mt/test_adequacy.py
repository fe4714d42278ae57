"""ADQ001: pairs whose human translation is far from the machine translation, relative to their release."""

from __future__ import annotations

import pytest

from checker.checks.adequacy import MIN_PAIRS, low_adequacy
from checker.checks.context import ReleaseContext
from checker.records import AlignedPair, Block, Document, Segment, SourceFile

WORDS = {
    "de": "the", "het": "the", "stad": "city", "bouwt": "builds", "een": "a", "nieuwe": "new", "brug": "bridge",
    "over": "over", "rivier": "river", "werken": "works", "beginnen": "start", "in": "in", "mei": "May",
    "fietsers": "cyclists", "krijgen": "get", "eigen": "own", "strook": "lane", "school": "school", "opent": "opens",
    "park": "park", "sluit": "closes", "om": "at", "middernacht": "midnight", "bus": "bus", "rijdt": "runs",
    "elk": "every", "uur": "hour", "markt": "market", "verhuist": "moves", "naar": "to", "plein": "square",
    "bibliotheek": "library", "krijgt": "gets", "dak": "roof", "nieuw": "new", "zwembad": "pool", "blijft": "stays", "open": "open",
    "haven": "port", "groeit": "grows", "snel": "fast", "station": "station", "lift": "lift",
}

# (Dutch source, English human translation): close but not word-for-word, like real translations.
RELEASE = [
    ("De stad bouwt een nieuwe brug over de rivier.", "The city is building a new bridge over the river."),
    ("De werken beginnen in mei.", "Works on the bridge start in May."),
    ("Fietsers krijgen een eigen strook.", "Cyclists will get their own lane."),
    ("De nieuwe school opent in mei.", "The new school will open in May."),
    ("Het park sluit om middernacht.", "The park closes at midnight."),
    ("De bus rijdt elk uur.", "A bus runs every hour."),
    ("De markt verhuist naar het plein.", "The market is moving to the square."),
    ("De bibliotheek krijgt een nieuw dak.", "The library is getting a new roof."),
    ("Het zwembad blijft open in mei.", "The pool will stay open in May."),
    ("De haven groeit snel.", "The port is growing fast."),
]


def release_context(rows, translator=None, *, translations=True, lang="en"):
    source_file = SourceFile.from_text("r/nl.md", "\n".join(s for s, _ in rows))
    target_file = SourceFile.from_text(f"r/{lang}.md", "\n".join(t for _, t in rows))

    def segments(file, texts):
        out, offset = [], 0
        for index, text in enumerate(texts):
            out.append(Segment(text, file, tuple(range(offset, offset + len(text))), index, "paragraph", index))
            offset += len(text) + 1
        return out

    source = segments(source_file, [s for s, _ in rows])
    target = segments(target_file, [t for _, t in rows])
    documents = {
        "nl": Document("r", "nl", source_file, tuple(Block(i, "paragraph", (s,)) for i, s in enumerate(source))),
        lang: Document("r", lang, target_file, tuple(Block(i, "paragraph", (t,)) for i, t in enumerate(target))),
    }
    pairs = tuple(AlignedPair((s,), (t,), "nl", lang) for s, t in zip(source, target))
    machine = None
    if translations:
        machine = {lang: tuple(translator.translate([s.text for s in source]))}
    return ReleaseContext("r", "nl", documents, {lang: pairs}, translations=machine)


@pytest.fixture
def translator(dictionary_translator):
    return dictionary_translator("nl", "en", WORDS)


def test_faithful_release_has_no_findings(translator):
    assert list(low_adequacy(release_context(RELEASE, translator))) == []


@pytest.mark.parametrize(
    "index, wrong",
    [
        (6, "Parking in the city centre will be free on Sundays."),  # another sentence altogether
        (2, "Lorries may no longer use the old road."),  # left over from another draft
    ],
)
def test_a_translation_that_says_something_else_is_flagged(translator, index, wrong):
    rows = list(RELEASE)
    rows[index] = (rows[index][0], wrong)
    (problem,) = low_adequacy(release_context(rows, translator))
    assert (problem.lang, problem.line, problem.target, problem.source) == ("en", index + 1, wrong, rows[index][0])
    (label, machine), = problem.extra
    assert label == "machine translation" and machine == translator.translate([rows[index][0]])[0]
    assert "chrF" in problem.message


def test_a_free_but_faithful_rewording_is_not_flagged(translator):
    rows = list(RELEASE)
    rows[4] = (rows[4][0], "At midnight, the park closes its gates.")
    assert list(low_adequacy(release_context(rows, translator))) == []


def test_short_releases_are_not_judged(translator):
    rows = list(RELEASE[: MIN_PAIRS - 1])
    rows[0] = (rows[0][0], "Parking in the city centre will be free on Sundays.")
    assert list(low_adequacy(release_context(rows, translator))) == []


def test_short_sentences_are_not_judged(translator):
    rows = list(RELEASE) + [("Het station.", "Contact:")]
    assert list(low_adequacy(release_context(rows, translator))) == []


def test_without_translations_nothing_is_reported(translator):
    rows = list(RELEASE)
    rows[6] = (rows[6][0], "Parking in the city centre will be free on Sundays.")
    assert list(low_adequacy(release_context(rows, translations=False))) == []


def test_registered_as_a_model_warning():
    from checker.checks.registry import REGISTRY

    spec = REGISTRY["ADQ001"]
    assert (spec.name, spec.category, spec.severity.value, spec.needs_model) == ("low-adequacy", "adequacy", "warning", True)
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
        assert heading in spec.documentation


@pytest.mark.parametrize(
    "scores, flagged",
    [
        ([0.90] * 9 + [0.80], []),  # tiny spread: the MAD floor keeps a small dip quiet
        ([0.90] * 9 + [0.30], [9]),
        ([0.60, 0.40, 0.70, 0.50, 0.65, 0.45, 0.55, 0.62, 0.48, 0.35], []),  # wide but healthy
        ([0.60, 0.40, 0.70, 0.50, 0.65, 0.45, 0.55, 0.62, 0.48, 0.12], [9]),
        ([0.90] * 6 + [0.10], []),  # fewer than MIN_PAIRS
    ],
)
def test_outliers_are_relative_to_the_release(scores, flagged):
    from checker.checks.adequacy import ScoredPair, outliers

    scored = [ScoredPair(pair=None, machine_translation=str(i), score=x) for i, x in enumerate(scores)]
    assert [int(item.machine_translation) for item, _, _ in outliers(scored)] == flagged
