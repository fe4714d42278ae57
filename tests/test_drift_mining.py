"""Mining source terms for drift and suggestions: expansions, names, acronyms, per language."""

from __future__ import annotations

import pytest

from checker.glossary.mining import acronym_expansions, capitalised_names, source_terms, term_key


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Het Technologisch Innovatiepartnerschap (PIT) start.", [("Technologisch Innovatiepartnerschap", "PIT")]),
        ("Le Partenariat d'Innovation Technologique (PIT) démarre.",
         [("Partenariat d'Innovation Technologique", "PIT")]),
        ("coordinated by BioWin and the Public Service of Wallonia (SPW)", [("Public Service of Wallonia", "SPW")]),
        ("à un taux de croissance annuel composé (TCAC) de 36 %", [("taux de croissance annuel composé", "TCAC")]),
        # initials do not spell the acronym: the capitalised name right before it
        ("onder coördinatie van BioWin en de Waalse Overheidsdienst (SPW)", [("Waalse Overheidsdienst", "SPW")]),
        ("Le Fonds Flamand pour le Climat (VKF) investit.", [("Fonds Flamand pour le Climat", "VKF")]),
        # nothing that spells it and no name before it
        ("Het groeit met 36 procent (CAGR).", []),
    ],
)
def test_acronym_expansions(text, expected):
    assert [(p.text, p.acronym) for p in acronym_expansions(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Het Waals Herstelplan financiert het.", ["Waals Herstelplan"]),
        ("Steun van Flanders Innovation & Entrepreneurship voor MEDVIA.", ["Flanders Innovation & Entrepreneurship"]),
        ("BioWin en MEDVIA tekenen.", []),  # a conjunction never joins two brands
        ("Namen en Gent, 14 mei.", []),  # nor two single words
        ("Over BioWin", []),  # a heading word is no part of the name
        ("Ze kozen Science for Health. Daarna HealthTech Investor Summit.",
         ["Science for Health", "HealthTech Investor Summit"]),
        ("De SPW Economy, Employment and Research", ["SPW Economy"]),  # a comma ends a name
    ],
)
def test_capitalised_names(text, expected):
    assert [p.text for p in capitalised_names(text)] == expected


def test_source_terms_keep_the_longest_and_the_acronyms():
    terms = [(p.text, p.kind) for p in source_terms("Het Technologisch Innovatiepartnerschap (PIT) van BioWin.")]
    assert terms == [("Technologisch Innovatiepartnerschap", "expansion"), ("PIT", "acronym"), ("BioWin", "acronym")]


@pytest.mark.parametrize(
    "a, b, lang",
    [
        ("lots de travail", "Lot de Travail", "fr"),
        ("Public Services of Wallonia", "public service of Wallonia", "en"),
        ("SPW Économie", "SPW Economie", "fr"),
        ("Partenariat d’Innovation", "partenariat d'innovation", "fr"),
    ],
)
def test_term_keys_ignore_case_accents_typography_and_inflection(a, b, lang):
    assert term_key(a, lang) == term_key(b, lang)


def test_term_keys_keep_different_names_apart():
    assert term_key("Walloon Public Service", "en") != term_key("Public Service of Wallonia", "en")
