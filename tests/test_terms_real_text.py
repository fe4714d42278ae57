"""TERM001 on the false-alarm classes seen on real translations: the correct pair is silent, a
corrupted one is still an error, and what a finding calls "found" is a plausible rendering or nothing.
"""

from __future__ import annotations

import pytest

from checker.checks.context import ReleaseContext
from checker.checks.terms import missing_approved_term, term_casing
from checker.glossary import Glossary, parse_entries
from checker.records import AlignedPair, Segment, SourceFile

GLOSSARY = Glossary(
    entries=tuple(parse_entries("""
terms:
  - id: mons
    all: Mons
  - id: sart-tilman
    all: Sart Tilman
  - id: bst
    all: BST
    case_sensitive: true
  - id: parliament
    nl: Waals Parlement
    fr: Parlement de Wallonie
    en: Walloon Parliament
  - id: committee
    nl: Senaatscommissie voor Justitie
    fr: Commission judiciaire du Sénat
    en: Senate Judiciary Committee
  - id: washington
    all: Washington
  - id: menga
    all: Dolly Menga
  - id: science-for-health
    all: Science for Health
  - id: united-nations
    nl: Verenigde Naties
    fr: Organisation des Nations Unies
    en: United Nations
  - id: north-korea
    nl: Noord-Korea
    fr: Corée du Nord
    en: North Korea
""", "real.yaml")),
    languages=("nl", "fr", "en"),
)


def segment(path: str, text: str) -> Segment:
    return Segment(text=text, source=SourceFile.from_text(path, text), offsets=tuple(range(len(text))),
                   block=0, block_kind="paragraph")


def term_findings(source_lang: str, source: str, target_lang: str, target: str) -> list[tuple[str | None, str]]:
    pair = AlignedPair((segment(f"r/{source_lang}.md", source),), (segment(f"r/{target_lang}.md", target),),
                       source_lang, target_lang)
    ctx = ReleaseContext(release="r", source_lang=source_lang, documents={}, pairs={target_lang: (pair,)},
                         glossary=GLOSSARY)
    return [(p.found, p.message) for p in missing_approved_term(ctx)]


# A short name or acronym is never "found" as an unrelated lower-case word that shares letters
# with it (`mois` for `Mons`, `est` for `BST`): the finding says no rendering was found.
@pytest.mark.parametrize(
    "source_lang, source, target_lang, target, corrupted",
    [
        ("nl", "Het congres vindt plaats in Mons, over twee maanden.", "fr",
         "Le congrès a lieu dans deux mois.", "Le congrès a lieu à Mous dans deux mois."),
        ("fr", "Le congrès a lieu à Mons dans deux mois.", "en",
         "The congress is held in two months.", "The congress is held in Mops in two months."),
        ("en", "The congress is held in Mons in two months.", "nl",
         "Het congres vindt over twee maanden plaats.", "Het congres vindt over twee maanden plaats in Mins."),
        ("nl", "De campus ligt op de Sart Tilman.", "fr", "Le campus se trouve sur la colline.",
         "Le campus se trouve sur le Sart Tilmann."),
        ("en", "The crash happened at about 10:15 BST.", "fr",
         "L'accident s'est produit vers 10h15, heure locale, est-il dit.",
         "L'accident s'est produit vers 10h15 BTS."),
    ],
)
def test_found_is_never_an_unrelated_short_word(source_lang, source, target_lang, target, corrupted):
    (found, message), = term_findings(source_lang, source, target_lang, target)
    assert found is None and message.endswith("found no rendering of it")
    (found, _), = term_findings(source_lang, source, target_lang, corrupted)
    assert found is not None and found[:1].isupper() and found in corrupted


# A candidate does not start or end with the sentence's function words or words that share nothing
# with the term (`comme Parlement`, `week voor de Justitie-commissie`).
@pytest.mark.parametrize(
    "source_lang, source, target_lang, target, found",
    [
        ("nl", "Het Waals Parlement stemt.", "fr", "On parle de lui comme Parlement wallon.", "Parlement wallon"),
        ("fr", "Le Parlement de Wallonie vote.", "nl", "Men spreekt over het parlement.", "parlement"),
        ("nl", "Het Waals Parlement stemt.", "en", "It votes as the Parliament of Wallonia.", "Parliament of Wallonia"),
        ("en", "Ford testified before the Senate Judiciary Committee last week.", "nl",
         "Ford getuigde vorige week voor de Justitie-commissie.", "Justitie-commissie"),
    ],
)
def test_found_is_trimmed_to_the_rendering(source_lang, source, target_lang, target, found):
    assert [f for f, _ in term_findings(source_lang, source, target_lang, target)] == [found]


# Dutch writes the possessive of a name without an apostrophe (`Washingtons beleid`).
def test_dutch_name_in_the_possessive_is_the_name():
    source = "Washington's policy changed."
    assert term_findings("en", source, "nl", "Washingtons beleid veranderde.") == []
    assert [f for f, _ in term_findings("en", source, "nl", "Washingtowns beleid veranderde.")] == ["Washingtowns"]


# A person named again by the last word of the name (`Menga`) is the name, in every language.
@pytest.mark.parametrize(
    "source_lang, source, target_lang, target, corrupted",
    [
        ("en", "Dolly Menga's strike won the game.", "fr", "Le but de Menga a fait la différence.",
         "Le but de Mengo a fait la différence."),
        ("en", "Dolly Menga's strike won the game.", "nl", "Het doelpunt van Menga besliste de wedstrijd.",
         "Het doelpunt van Manga besliste de wedstrijd."),
        ("fr", "Le but de Dolly Menga a fait la différence.", "en", "Menga's goal made the difference.",
         "Mengo's goal made the difference."),
    ],
)
def test_a_name_shortened_to_its_last_word_is_the_name(source_lang, source, target_lang, target, corrupted):
    assert term_findings(source_lang, source, target_lang, target) == []
    assert len(term_findings(source_lang, source, target_lang, corrupted)) == 1


# ... but a longer name is no person's: its last word alone does not stand for it, and a misspelt
# first name beside the right surname is still a near-miss.
@pytest.mark.parametrize(
    "source_lang, source, target_lang, target, found",
    [
        ("nl", "Ze kozen Science for Health.", "fr", "Ils ont choisi Sceince for Health.", "Sceince for Health"),
        ("fr", "Ils ont choisi Science for Health.", "en", "They chose Sceince for Health.", "Sceince for Health"),
        ("en", "They chose Science for Health.", "nl", "Ze kozen Sceince for Health.", "Sceince for Health"),
        ("en", "Dolly Menga scored.", "nl", "Dolli Menga scoorde.", "Dolli Menga"),
    ],
)
def test_a_longer_name_or_a_misspelt_first_name_is_still_caught(source_lang, source, target_lang, target, found):
    assert [f for f, _ in term_findings(source_lang, source, target_lang, target)] == [found]


# A name in the possessive becomes an adjective in Dutch and French (`North Korea's minister` /
# `de Noord-Koreaanse minister`, `le ministre nord-coréen`).
@pytest.mark.parametrize(
    "target_lang, target, corrupted",
    [
        ("fr", "Le ministre nord-coréen a parlé.", "Le ministre sud-coréen a parlé."),
        ("nl", "De Noord-Koreaanse minister sprak.", "De Zuid-Koreaanse minister sprak."),
    ],
)
def test_a_possessive_name_rendered_as_an_adjective_is_the_name(target_lang, target, corrupted):
    source = "North Korea's minister spoke."
    assert term_findings("en", source, target_lang, target) == []
    assert len(term_findings("en", source, target_lang, corrupted)) == 1


def release_findings(source_lang: str, target_lang: str, pairs: list[tuple[str, str]]) -> list[str | None]:
    aligned = tuple(AlignedPair((segment(f"r/{source_lang}.md", s),), (segment(f"r/{target_lang}.md", t),),
                                source_lang, target_lang) for s, t in pairs)
    ctx = ReleaseContext(release="r", source_lang=source_lang, documents={}, pairs={target_lang: aligned},
                         glossary=GLOSSARY)
    return [p.found for p in missing_approved_term(ctx)]


# A name the translation renders right in one sentence and refers to otherwise in the next
# (`Washington said` / `a-t-il dit`) is no terminology error there; nowhere rendered, it is.
@pytest.mark.parametrize(
    "source_lang, target_lang, first, second, corrupted",
    [
        ("en", "fr", ("Washington agreed on Monday.", "Washington a accepté lundi."),
         ("Washington said so on Tuesday.", "C'est ce qu'a-t-il dit mardi."),
         ("Washington said so on Tuesday.", "C'est ce qu'a dit Washingtown mardi.")),
        ("en", "nl", ("Washington agreed on Monday.", "Washington stemde maandag in."),
         ("Washington said so on Tuesday.", "Dat zei hij dinsdag."),
         ("Washington said so on Tuesday.", "Dat zei Washingtown dinsdag.")),
        ("fr", "en", ("Washington a accepté lundi.", "Washington agreed on Monday."),
         ("Washington l'a dit mardi.", "It said so on Tuesday."),
         ("Washington l'a dit mardi.", "Washingtown said so on Tuesday.")),
    ],
)
def test_a_name_rendered_elsewhere_and_referred_to_otherwise_is_no_error(source_lang, target_lang, first, second,
                                                                       corrupted):
    assert release_findings(source_lang, target_lang, [first, second]) == []
    assert release_findings(source_lang, target_lang, [first, corrupted]) == ["Washingtown"]
    assert release_findings(source_lang, target_lang, [second]) == [None]  # rendered nowhere: still an error


CASED = Glossary(entries=tuple(parse_entries("terms:\n  - id: bpost\n    all: bpost\n    case_sensitive: true\n",
                                             "cased.yaml")), languages=("nl", "fr", "en"))


# A lower-case brand opens a sentence with a capital (`Bpost investit`): no casing error there,
# still one inside the sentence or with other letters raised.
@pytest.mark.parametrize(
    "lang, target, found",
    [
        ("fr", "Bpost investit dans la logistique.", []),
        ("nl", "« Bpost investeert in logistiek », zei hij.", []),
        ("en", "It said so. Bpost invests in logistics.", []),
        ("fr", "Selon Bpost, la logistique croît.", ["Bpost"]),
        ("nl", "BPost investeert in logistiek.", ["BPost"]),
        ("en", "It said that Bpost invests in logistics.", ["Bpost"]),
    ],
)
def test_a_lower_case_brand_opening_a_sentence_is_not_miscased(lang, target, found):
    source_lang = "en" if lang != "en" else "nl"
    source = "bpost invests in logistics." if source_lang == "en" else "bpost investeert in logistiek."
    pair = AlignedPair((segment(f"r/{source_lang}.md", source),), (segment(f"r/{lang}.md", target),), source_lang, lang)
    ctx = ReleaseContext(release="r", source_lang=source_lang, documents={}, pairs={lang: (pair,)}, glossary=CASED)
    assert [p.found for p in term_casing(ctx)] == found


# A name of two words or more given by its initials (`de VN`, `l'ONU`, `the UN`) is the name.
@pytest.mark.parametrize(
    "source_lang, source, target_lang, target, corrupted",
    [
        ("en", "The United Nations met.", "nl", "De VN kwam samen.", "De VS kwam samen."),
        ("nl", "De Verenigde Naties kwamen samen.", "fr", "L'ONU s'est réunie.", "L'OTAN s'est réunie."),
        ("fr", "L'Organisation des Nations Unies s'est réunie.", "en", "The UN met.", "The EU met."),
    ],
)
def test_a_name_by_its_initials_is_the_name(source_lang, source, target_lang, target, corrupted):
    assert term_findings(source_lang, source, target_lang, target) == []
    assert len(term_findings(source_lang, source, target_lang, corrupted)) == 1
