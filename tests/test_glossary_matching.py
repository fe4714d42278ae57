"""The term matcher: inflection, casing, boundaries, elision, hyphens, apostrophes, whitespace, accents."""

from __future__ import annotations

import pytest

from checker.glossary import Glossary, parse_entries

GLOSSARY_YAML = """
terms:
  - id: pit
    label: PIT
    nl: Technologisch Innovatiepartnerschap
    fr: Partenariat d'Innovation Technologique
    en: Technological Innovation Partnership
    forbidden:
      en: [Technology Innovation Partnership]
  - id: pit-acronym
    all: PIT
    case_sensitive: true
  - id: atmp
    all: ATMP
    case_sensitive: true
  - id: ucb
    all: UCB
    case_sensitive: true
  - id: medvia
    all: MEDVIA
    case_sensitive: true
  - id: biowin
    all: BioWin
    case_sensitive: true
  - id: work-package
    nl: werkpakket
    fr: lot de travail
    en: work package
  - id: recovery-plan
    nl: Waals Herstelplan
    fr: Plan de relance de la Wallonie
    en: Walloon Recovery Plan
  - id: spw
    all: SPW
    case_sensitive: true
  - id: spw-eer
    fr: SPW Économie, Emploi, Recherche
    en: SPW Economy, Employment and Research
  - id: cluster
    fr: pôle de compétitivité santé
    accent_sensitive: false
  - id: namur
    nl: Namen
    fr: Namur
    case_sensitive: true
  - id: pharma
    all: pharma.be
"""


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary(entries=tuple(parse_entries(GLOSSARY_YAML, "test.yaml")), languages=("nl", "fr", "en"))


def found(glossary: Glossary, text: str, lang: str) -> list[tuple[str, str]]:
    return [(m.entry.id, m.text) for m in glossary.find(text, lang)]


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        # plurals and possessives of acronyms
        ("nl", "De ATMP's groeien.", [("atmp", "ATMP")]),
        ("nl", "De ATMP’s groeien.", [("atmp", "ATMP")]),
        ("en", "Two ATMPs were approved.", [("atmp", "ATMPs")]),
        ("en", "The ATMP's value chain.", [("atmp", "ATMP")]),
        # hyphenated compounds
        ("nl", "De ATMP-sector en een ATMP-hub.", [("atmp", "ATMP"), ("atmp", "ATMP")]),
        ("nl", "Het ATMP‑PIT start.", [("atmp", "ATMP"), ("pit-acronym", "PIT")]),
        # elision, straight and typographic apostrophes
        ("fr", "Le marché de l'ATMP et d’ATMP.", [("atmp", "ATMP"), ("atmp", "ATMP")]),
        ("fr", "Le Partenariat d’Innovation Technologique démarre.",
         [("pit", "Partenariat d’Innovation Technologique")]),
        # inflection inside words and multiword terms
        ("nl", "Het telt twaalf werkpakketten.", [("work-package", "werkpakketten")]),
        ("nl", "Het eerste werkpakket.", [("work-package", "werkpakket")]),
        ("fr", "Il compte douze lots de travail.", [("work-package", "lots de travail")]),
        ("en", "Twelve work packages.", [("work-package", "work packages")]),
        ("nl", "In het kader van het Waalse Herstelplan.", [("recovery-plan", "Waalse Herstelplan")]),
        ("nl", "Twee Technologische Innovatiepartnerschappen.",
         [("pit", "Technologische Innovatiepartnerschappen")]),
        # line-broken and non-breaking whitespace
        ("en", "the Technological\n   Innovation\u00a0Partnership", [("pit", "Technological\n   Innovation\u00a0Partnership")]),
        # case-insensitive entries match any case
        ("en", "the technological innovation partnership", [("pit", "technological innovation partnership")]),
        # leftmost-longest: the nested SPW is part of the longer name
        ("fr", "le SPW Économie, Emploi, Recherche", [("spw-eer", "SPW Économie, Emploi, Recherche")]),
        # accents: insensitive only where the entry says so
        ("fr", "le pole de competitivite sante", [("cluster", "pole de competitivite sante")]),
        ("fr", "le SPW Economie, Emploi, Recherche", [("spw", "SPW")]),
        # a web address is not prose, but a name that is an address still counts
        ("en", "see www.biowin.org/atmp-pit or mail info@biowin.org", []),
        ("en", "(source: pharma.be)", [("pharma", "pharma.be")]),
    ],
)
def test_forms_are_found_with_their_variants(glossary, lang, text, expected):
    assert found(glossary, text, lang) == expected


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "A PITCH to investors."),
        ("en", "Shares of UCBX rose."),
        ("nl", "Het SPWX-bestand."),
        ("nl", "De werkpakketbeheerder."),  # a longer compound is another word
        ("en", "Spitfire and capital."),
        ("nl", "Namens de regering."),  # a city name does not inflect into an ordinary word
    ],
)
def test_no_match_inside_unrelated_words(glossary, lang, text):
    assert found(glossary, text, lang) == []


def test_forms_of_another_language_do_not_match(glossary):
    assert found(glossary, "Les werkpakketten du Waals Herstelplan", "fr") == []


@pytest.mark.parametrize(
    "text, exact_case",
    [("MEDVIA signs.", True), ("Medvia signs.", False), ("medvia signs.", False),
     ("BioWin signs.", True), ("Biowin signs.", False), ("BIOWIN signs.", False),
     ("Two ATMPs.", True), ("Two Atmps.", False)],
)
def test_case_sensitive_entries_report_miscased_forms(glossary, text, exact_case):
    (match,) = glossary.find(text, "en")
    assert match.exact_case is exact_case


def test_forbidden_form_is_marked(glossary):
    (match,) = glossary.find("The Technology Innovation Partnership starts.", "en")
    assert (match.entry.id, match.forbidden) == ("pit", True)


def test_spans_point_into_the_original_text(glossary):
    text = "Le  Partenariat\nd’Innovation   Technologique (PIT)"
    matches = glossary.find(text, "fr")
    assert [text[m.start:m.end] for m in matches] == ["Partenariat\nd’Innovation   Technologique", "PIT"]


def test_overlapping_mode_keeps_nested_terms(glossary):
    ids = [m.entry.id for m in glossary.find("le SPW Économie, Emploi, Recherche", "fr", overlapping=True)]
    assert sorted(ids) == ["spw", "spw-eer"]
