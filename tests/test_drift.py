"""DRIFT001 on a temporary multi-release set of aligned pairs."""

from __future__ import annotations

from checker.checks.context import CorpusContext, ReleaseContext
from checker.checks.drift import terminology_drift
from checker.checks.registry import REGISTRY
from checker.checks.terms import missing_approved_term
from checker.glossary import Glossary, parse_entries
from checker.records import AlignedPair, Segment, SourceFile


def segment(path: str, text: str) -> Segment:
    return Segment(text=text, source=SourceFile.from_text(path, text), offsets=tuple(range(len(text))),
                   block=0, block_kind="paragraph")


def release(name: str, sentences: list[tuple[str, str]], glossary=None) -> ReleaseContext:
    pairs = tuple(
        AlignedPair((segment(f"{name}/nl.md", nl),), (segment(f"{name}/en.md", en),), "nl", "en")
        for nl, en in sentences
    )
    return ReleaseContext(release=name, source_lang="nl", documents={}, pairs={"en": pairs}, glossary=glossary)


def corpus(renderings: list[str], glossary=None) -> CorpusContext:
    releases = tuple(
        release(f"2024-0{i + 1}", [
            ("De Waalse Overheidsdienst (SPW) steunt het project.", f"The {r} (SPW) supports the project."),
            ("Het Waals Herstelplan financiert BioWin.", "The Walloon Recovery Plan funds BioWin."),
        ], glossary)
        for i, r in enumerate(renderings)
    )
    return CorpusContext(releases=releases, glossary=glossary)


def test_consistent_renderings_are_not_drift():
    assert list(terminology_drift(corpus(["Public Service of Wallonia"] * 3))) == []


def test_minority_rendering_is_reported_with_counts_and_releases():
    problems = list(terminology_drift(corpus(["Public Service of Wallonia", "Walloon Public Service",
                                               "Public Service of Wallonia"])))
    (problem,) = problems
    assert (problem.release, problem.file, problem.line, problem.column) == ("2024-02", "2024-02/en.md", 1, 5)
    assert (problem.expected, problem.found) == ("Public Service of Wallonia", "Walloon Public Service")
    assert problem.message == (
        "'Waalse Overheidsdienst' is rendered 'Walloon Public Service' 1× in 2024-02, "
        "but 'Public Service of Wallonia' 2× in 2024-01, 2024-03"
    )
    (span,) = problem.target_spans
    assert problem.target[span.start:span.end] == "Walloon Public Service"


def test_inflected_renderings_are_the_same_rendering():
    assert list(terminology_drift(corpus(["Public Service of Wallonia", "Public Services of Wallonia"]))) == []


def test_capitalised_name_drift_without_acronym():
    releases = tuple(
        release(f"2024-0{i + 1}", [("Het Waals Herstelplan financiert BioWin.", f"The {r} funds BioWin.")])
        for i, r in enumerate(["Walloon Recovery Plan", "Walloon Recovery Plan", "Wallonia Recovery Plan"])
    )
    (problem,) = terminology_drift(CorpusContext(releases=releases))
    assert (problem.release, problem.found, problem.expected) == ("2024-03", "Wallonia Recovery Plan",
                                                                  "Walloon Recovery Plan")


def test_a_term_seen_in_one_release_only_is_not_drift():
    single = CorpusContext(releases=(release("2024-01", [
        ("De Waalse Overheidsdienst (SPW) steunt.", "The Public Service of Wallonia (SPW) supports."),
        ("De Waalse Overheidsdienst (SPW) helpt.", "The Walloon Public Service (SPW) helps."),
    ]),))
    assert list(terminology_drift(single)) == []


def test_glossary_terms_are_left_to_the_term_checks():
    glossary = Glossary(entries=tuple(parse_entries(
        "terms:\n  - id: spw\n    nl: Waalse Overheidsdienst\n    en: Public Service of Wallonia\n", "g.yaml")),
        languages=("nl", "fr", "en"))
    drifting = corpus(["Public Service of Wallonia", "Walloon Public Service", "Public Service of Wallonia"], glossary)
    assert list(terminology_drift(drifting)) == []
    # ... which report the wrong rendering exactly once.
    term_problems = [p for ctx in drifting.releases for p in missing_approved_term(ctx)]
    assert [(p.release, p.found) for p in term_problems] == [("2024-02", "Walloon Public Service")]


def test_drift_is_a_registered_corpus_warning():
    spec = REGISTRY["DRIFT001"]
    assert (spec.category, spec.severity.value, spec.scope) == ("drift", "warning", "corpus")


def test_glossary_source_terms_without_a_target_form_are_watched_for_drift():
    # The glossary knows the Dutch name but has not fixed its English rendering yet.
    glossary = Glossary(entries=tuple(parse_entries(
        "terms:\n  - id: plan\n    nl: herstelplan\n    fr: plan de relance\n", "g.yaml")), languages=("nl", "fr", "en"))
    releases = tuple(
        release(f"2024-0{i + 1}", [("Het herstelplan van Wallonië steunt BioWin.", f"The {r} supports BioWin.")], glossary)
        for i, r in enumerate(["Walloon Recovery Plan", "Walloon Recovery Plan", "Recovery Plan for Wallonia"])
    )
    (problem,) = terminology_drift(CorpusContext(releases=releases, glossary=glossary))
    assert (problem.release, problem.found, problem.expected) == ("2024-03", "Recovery Plan for Wallonia",
                                                                  "Walloon Recovery Plan")
    assert problem.message.startswith("'herstelplan' is rendered 'Recovery Plan for Wallonia' 1× in 2024-03")
