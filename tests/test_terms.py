"""TERM001-TERM003: each fires once on a wrong term, at the right place, and stays silent on correct text."""

from __future__ import annotations

import pytest

from checker.checks.context import ReleaseContext
from checker.checks.registry import REGISTRY
from checker.checks.terms import forbidden_term, missing_approved_term, term_casing
from checker.glossary import Glossary, parse_entries
from checker.records import AlignedPair, Segment, SourceFile

GLOSSARY = Glossary(
    entries=tuple(parse_entries("""
terms:
  - id: pit
    label: PIT
    nl: Technologisch Innovatiepartnerschap
    fr: Partenariat d'Innovation Technologique
    en: Technological Innovation Partnership
    forbidden:
      en: [Technology Innovation Partnership]
    note: Walloon funding instrument
  - id: pit-acronym
    all: PIT
    case_sensitive: true
  - id: atmp-expansion
    all: Advanced Therapy Medicinal Products
    forbidden:
      all: [Advanced Therapy Medical Products]
  - id: medvia
    all: MEDVIA
    case_sensitive: true
  - id: work-package
    nl: werkpakket
    fr: lot de travail
    en: work package
  - id: borsus
    all: [Willy Borsus, Borsus]
""", "field.yaml")),
    languages=("nl", "fr", "en"),
)

TERM_CHECKS = (missing_approved_term, forbidden_term, term_casing)


def segment(path: str, text: str, line: int = 1) -> Segment:
    prefix = "\n" * (line - 1)
    source = SourceFile.from_text(path, prefix + text)
    return Segment(text=text, source=source, offsets=tuple(range(len(prefix), len(prefix) + len(text))),
                   block=0, block_kind="paragraph")


def context(nl: str, target: str, lang: str = "en", line: int = 3) -> ReleaseContext:
    pair = AlignedPair(source=(segment("r/nl.md", nl, line),), target=(segment(f"r/{lang}.md", target, line),),
                       source_lang="nl", target_lang=lang)
    return ReleaseContext(release="r", source_lang="nl", documents={}, pairs={lang: (pair,)}, glossary=GLOSSARY)


def findings(ctx: ReleaseContext) -> list[tuple[str, str, int, int, str]]:
    out = []
    for fn in TERM_CHECKS:
        code = next(c for c, spec in REGISTRY.items() if spec.function is fn)
        out += [(code, p.file, p.line, p.column, p.message) for p in fn(ctx)]
    return out


NL = "Het Technologisch Innovatiepartnerschap (PIT) van MEDVIA telt twaalf werkpakketten."


@pytest.mark.parametrize(
    "lang, target",
    [
        ("en", "MEDVIA's Technological Innovation Partnership (PIT) has twelve work packages."),
        ("fr", "Le Partenariat d’Innovation Technologique (PIT) de MEDVIA compte douze lots de travail."),
        ("en", "The technological innovation partnership (PIT) of MEDVIA has 12 work packages."),
    ],
)
def test_correct_translation_is_silent(lang, target):
    assert findings(context(NL, target, lang)) == []


@pytest.mark.parametrize(
    "lang, target, expected",
    [
        # a variant: TERM001 at the variant, naming it
        ("fr", "Le partenariat technologique (PIT) de MEDVIA compte douze lots de travail.",
         ("TERM001", 4, "PIT: expected 'Partenariat d'Innovation Technologique', found 'partenariat technologique'")),
        # nothing close: TERM001 at the sentence start
        ("en", "MEDVIA's programme (PIT) has twelve work packages.",
         ("TERM001", 1, "PIT: expected 'Technological Innovation Partnership', found no rendering of it")),
        # a forbidden form: TERM002 only, not also TERM001
        ("en", "MEDVIA's Technology Innovation Partnership (PIT) has twelve work packages.",
         ("TERM002", 10, "PIT: forbidden form 'Technology Innovation Partnership': use "
                         "'Technological Innovation Partnership'")),
        # wrong casing: TERM003 only
        ("en", "Medvia's Technological Innovation Partnership (PIT) has twelve work packages.",
         ("TERM003", 1, "MEDVIA: casing 'Medvia', expected 'MEDVIA'")),
        ("en", "MEDVIA's Technological Innovation Partnership (Pit) has twelve work packages.",
         ("TERM003", 48, "PIT: casing 'Pit', expected 'PIT'")),
        # inflected term missing
        ("en", "MEDVIA's Technological Innovation Partnership (PIT) has twelve work packets.",
         ("TERM001", 64, "werkpakket: expected 'work package', found 'work packets'")),
    ],
)
def test_one_wrong_term_gives_exactly_one_finding(lang, target, expected):
    code, column, message = expected
    assert findings(context(NL, target, lang)) == [(code, f"r/{lang}.md", 3, column, message)]


def test_forbidden_form_in_source_points_at_the_source_once():
    nl = "De Advanced Therapy Medical Products groeien."
    pair_en = AlignedPair((segment("r/nl.md", nl),), (segment("r/en.md", "Advanced Therapy Medicinal Products grow."),),
                          "nl", "en")
    pair_fr = AlignedPair((pair_en.source[0],), (segment("r/fr.md", "Les Advanced Therapy Medicinal Products croissent."),),
                          "nl", "fr")
    ctx = ReleaseContext("r", "nl", {}, {"en": (pair_en,), "fr": (pair_fr,)}, glossary=GLOSSARY)
    problems = list(forbidden_term(ctx))
    assert [(p.file, p.lang, p.column, p.found) for p in problems] == [
        ("r/nl.md", "nl", 4, "Advanced Therapy Medical Products")
    ]
    assert list(missing_approved_term(ctx)) == []


def test_fewer_mentions_in_target_is_not_an_error():
    nl = "Willy Borsus sprak. Borsus zei dat het PIT werkt."
    assert findings(context(nl, "Willy Borsus spoke. He said the PIT works.")) == []


def test_fewer_mentions_with_a_near_miss_is_reported():
    nl = "Willy Borsus sprak. Minister Borsus zei dat het PIT werkt."
    result = findings(context(nl, "Willy Borsus spoke. Minister Borsu said the PIT works."))
    assert [(code, column) for code, _, _, column, _ in result] == [("TERM001", 30)]


def test_problem_carries_spans_expected_found_and_note():
    (problem,) = missing_approved_term(context(NL, "Le partenariat technologique (PIT) de MEDVIA compte douze lots de travail.", "fr"))
    assert (problem.lang, problem.target_lang, problem.expected, problem.found) == (
        "fr", "fr", "Partenariat d'Innovation Technologique", "partenariat technologique")
    (span,) = problem.target_spans
    assert problem.target[span.start:span.end] == "partenariat technologique"
    (source_span,) = problem.source_spans
    assert problem.source[source_span.start:source_span.end] == "Technologisch Innovatiepartnerschap"
    assert problem.extra == (("note", "Walloon funding instrument"),)


def test_lowercase_ordinary_word_is_no_casing_error_unless_the_source_names_the_entry():
    assert findings(context("De kern van de zaak.", "The pit of the matter.")) == []


def test_omitted_target_is_left_to_the_omission_checks():
    pair = AlignedPair((segment("r/nl.md", NL),), (), "nl", "en")
    ctx = ReleaseContext("r", "nl", {}, {"en": (pair,)}, glossary=GLOSSARY)
    assert findings(ctx) == []


def test_no_glossary_no_findings():
    ctx = ReleaseContext("r", "nl", {}, context(NL, "x").pairs, glossary=None)
    assert findings(ctx) == []


@pytest.mark.parametrize(
    "nl, en, codes",
    [
        # a common noun replaced by a pronoun is no terminology error
        ("Omdat een warmtepomp ook kan koelen, is ze populair.", "Because it can also cool, it is popular.", []),
        # a variant sharing a word with the approved form is
        ("De warmtepomp is stil.", "The heating pump is quiet.", ["TERM001"]),
        # a name left in the source language is, with the form named
        ("De NMBS investeert.", "NMBS is investing.", ["TERM001"]),
        # a shortened reference to a common-noun term is not ("the transition" for "energy transition")
        ("Zonder eiland geen energietransitie.", "Without the island, there is no transition.", []),
    ],
)
def test_pronouns_pass_variants_and_leftovers_do_not(nl, en, codes):
    glossary = Glossary(entries=tuple(parse_entries(
        "terms:\n  - id: hp\n    nl: warmtepomp\n    en: heat pump\n"
        "  - id: et\n    nl: energietransitie\n    en: energy transition\n"
        "  - id: sncb\n    nl: NMBS\n    fr: SNCB\n    en: SNCB\n", "g.yaml")), languages=("nl", "fr", "en"))
    ctx = ReleaseContext("r", "nl", {}, context(nl, en).pairs, glossary=glossary)
    problems = list(missing_approved_term(ctx))
    assert ["TERM001"] * len(problems) == codes
    if en.startswith("NMBS"):
        assert "found 'NMBS' (the NL form)" in problems[0].message


def test_term_checks_are_registered_with_ruff_shaped_docs():
    for code in ("TERM001", "TERM002", "TERM003"):
        spec = REGISTRY[code]
        assert (spec.category, spec.severity.value, spec.needs_glossary) == ("term", "error", True)
        for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
            assert heading in spec.documentation


@pytest.mark.parametrize(
    "nl, en, silent",
    [
        ("Twee analyses bevestigen het.", "Two analyses confirm it.", True),  # irregular: found by lemma
        ("Twee analyses bevestigen het.", "Two analytical studies confirm it.", False),  # a variant, not the term
        ("Twee analyses bevestigen het.", "Two studies confirm it.", True),  # a paraphrase of a common noun: silent
    ],
)
def test_irregular_inflection_is_checked_by_lemma_before_reporting(nl, en, silent):
    glossary = Glossary(entries=tuple(parse_entries("terms:\n  - id: a\n    nl: analyse\n    en: analysis\n", "g.yaml")),
                        languages=("nl", "fr", "en"))
    ctx = context(nl, en)
    ctx = ReleaseContext("r", "nl", {}, ctx.pairs, glossary=glossary)
    assert (list(missing_approved_term(ctx)) == []) is silent


def test_lemma_second_opinion_keeps_accents_of_accent_sensitive_entries():
    glossary = Glossary(entries=tuple(parse_entries(
        "terms:\n  - id: eer\n    nl: Economie\n    fr: Économie\n", "g.yaml")), languages=("nl", "fr", "en"))
    ctx = ReleaseContext("r", "nl", {}, context("De Economie groeit.", "L'Economie croît.", "fr").pairs, glossary=glossary)
    assert [p.found for p in missing_approved_term(ctx)] == ["Economie"]


@pytest.mark.parametrize(
    "en, codes",
    [
        ("There are 500 charging poles.", ["TERM002"]),  # a forbidden form, inflected
        ("There is one charging pole.", ["TERM002"]),
        ("There are 500 charging points.", []),
    ],
)
def test_forbidden_forms_are_found_inflected(en, codes):
    glossary = Glossary(entries=tuple(parse_entries(
        "terms:\n  - id: cp\n    nl: laadpaal\n    en: charging point\n    forbidden:\n      en: [charging pole]\n",
        "g.yaml")), languages=("nl", "fr", "en"))
    ctx = ReleaseContext("r", "nl", {}, context("Er zijn 500 laadpalen.", en).pairs, glossary=glossary)
    assert ["TERM002" for _ in forbidden_term(ctx)] == codes


def test_headings_in_capitals_are_not_casing_or_accent_errors():
    glossary = Glossary(entries=tuple(parse_entries(
        "terms:\n  - id: elia\n    all: Elia\n    case_sensitive: true\n"
        "  - id: hp\n    nl: warmtepomp\n    fr: pompe à chaleur\n    en: heat pump\n", "g.yaml")),
        languages=("nl", "fr", "en"))
    ctx = ReleaseContext("r", "nl", {}, context("ELIA EN DE WARMTEPOMP", "ELIA ET LES POMPES A CHALEUR", "fr").pairs,
                         glossary=glossary)
    assert list(term_casing(ctx)) == [] and list(missing_approved_term(ctx)) == []
