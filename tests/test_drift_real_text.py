"""DRIFT001 on the false-alarm classes seen on real translations: silent when renderings differ by
grammar only, still reported when a rendering really differs.

Each case is five releases of one sentence pair: three render the term the usual way, two the
way under test (two, so that the rendering is found by association as a real one would be).
"""

from __future__ import annotations

import pytest

from checker.checks.context import CorpusContext, ReleaseContext
from checker.checks.drift import terminology_drift
from checker.glossary.mining import capitalised_names
from checker.records import AlignedPair, Segment, SourceFile


def segment(path: str, text: str) -> Segment:
    return Segment(text=text, source=SourceFile.from_text(path, text), offsets=tuple(range(len(text))),
                   block=0, block_kind="paragraph")


def corpus(source_lang: str, target_lang: str, pairs: list[tuple[str, str]]) -> CorpusContext:
    releases = []
    for i, (source, target) in enumerate(pairs):
        name = f"2024-0{i + 1}"
        pair = AlignedPair((segment(f"{name}/{source_lang}.md", source),),
                           (segment(f"{name}/{target_lang}.md", target),), source_lang, target_lang)
        releases.append(ReleaseContext(release=name, source_lang=source_lang, documents={},
                                       pairs={target_lang: (pair,)}))
    return CorpusContext(releases=tuple(releases))


def drift(langs: str, source: str, usual: str, this: str, this_source: str | None = None) -> list[str]:
    """What DRIFT001 reports when three releases render `source` as `usual` and two as `this`."""
    source_lang, target_lang = langs.split("-")
    pairs = [(source, usual)] * 3 + [(this_source or source, this)] * 2
    return [p.found for p in terminology_drift(corpus(source_lang, target_lang, pairs))]


# An acronym in the plural is the same rendering: the number follows the sentence.
@pytest.mark.parametrize(
    "langs, source, usual, silent, drifting",
    [
        ("en-fr", "Wallonia counts ATMPs.", "La Wallonie compte des ATMP.", "La Wallonie compte des ATMPs.",
         "La Wallonie compte des MTPA."),
        ("en-nl", "Wallonia counts ATMPs.", "Wallonië telt ATMP.", "Wallonië telt ATMPs.", "Wallonië telt TMPA."),
        ("nl-en", "Wallonië telt ATMP's.", "Wallonia counts ATMP.", "Wallonia counts ATMPs.",
         "Wallonia counts TMPAs."),
    ],
)
def test_acronym_plural_is_no_drift(langs, source, usual, silent, drifting):
    assert drift(langs, source, usual, silent) == []
    assert drift(langs, source, usual, drifting) == [drifting.split()[-1].rstrip(".")] * 2


# An elided article glued to a translated name (`l'Agence`, `d'Agence`) is no part of the rendering.
@pytest.mark.parametrize(
    "silent, drifting",
    [
        ("L'Agence Wallonne à l'Exportation soutient BioWin.", "L'Agence Wallonne pour l'Export soutient BioWin."),
        ("Le soutien d'Agence Wallonne à l'Exportation va à BioWin.",
         "Le soutien d'Agence Wallonne pour l'Export va à BioWin."),
    ],
)
def test_elided_article_is_no_part_of_a_rendering(silent, drifting):
    source, usual = "Het Waals Exportagentschap steunt BioWin.", "Agence Wallonne à l'Exportation soutient BioWin."
    assert drift("nl-fr", source, usual, silent) == []
    assert drift("nl-fr", source, usual, drifting) == ["Agence Wallonne pour l'Export"] * 2


# A rendering that runs on into the next name (`... van de Verenigde Naties` for `U.N. General
# Assembly`) is the usual rendering followed by another name.
@pytest.mark.parametrize(
    "langs, source, usual, silent, drifting",
    [
        ("en-nl", "The U.N. General Assembly meets.", "De Algemene Vergadering komt samen.",
         "De Algemene Vergadering van de Verenigde Naties komt samen.", "De Algemene Raad komt samen."),
        ("en-fr", "The U.N. General Assembly meets.", "L'Assemblée Générale se réunit.",
         "L'Assemblée Générale des Nations Unies se réunit.", "Le Conseil Général se réunit."),
        ("nl-en", "De VN Algemene Vergadering komt samen.", "The General Assembly meets.",
         "The General Assembly of the United Nations meets.", "The General Council meets."),
    ],
)
def test_a_rendering_running_into_the_next_name_is_no_drift(langs, source, usual, silent, drifting):
    assert drift(langs, source, usual, silent) == []
    assert len(drift(langs, source, usual, drifting)) == 2


# A name in the possessive becomes a derived adjective in Dutch (`North Korea's minister` /
# `de Noord-Koreaanse minister`): grammar, not another rendering.
def test_derived_adjective_of_a_name_is_no_drift():
    source, usual = "North Korea's minister spoke.", "De minister van Noord-Korea sprak."
    assert drift("en-nl", source, usual, "De Noord-Koreaanse minister sprak.") == []
    assert drift("en-nl", source, usual, "De minister van Zuid-Korea sprak.") == ["Zuid-Korea"] * 2


# A possessive is no part of the source name (`Dolly Menga's strike`): the name kept as it is is
# its rendering, and the other name of the sentence is not.
@pytest.mark.parametrize(
    "langs, usual, silent, drifting",
    [
        ("en-nl", "Dolly Menga scoorde tegen Steven Gerrard.", "Een doelpunt van Dolly Menga versloeg Steven Gerrard.",
         "Een doelpunt van Dolly Mengo versloeg Steven Gerrard."),
        ("en-fr", "Dolly Menga a marqué contre Steven Gerrard.", "Un but de Dolly Menga a battu Steven Gerrard.",
         "Un but de Dolly Mengo a battu Steven Gerrard."),
    ],
)
def test_possessive_is_no_part_of_a_name(langs, usual, silent, drifting):
    source = "Dolly Menga's strike beat Steven Gerrard's side."
    assert drift(langs, source, usual, silent) == []
    assert drift(langs, source, usual, drifting) == ["Dolly Mengo"] * 2


# An acronym inside a name kept whole (`Toyota UK`) says nothing of how the acronym alone is rendered.
@pytest.mark.parametrize(
    "langs, usual, silent, drifting",
    [
        ("en-nl", "Het VK verlaat de EU.", "Toyota UK zegt dat het VK de EU verlaat.",
         "Toyota UK zegt dat het UK de EU verlaat."),
        ("en-fr", "Le RU quitte l'UE.", "Toyota UK dit que le RU quitte l'UE.", "Toyota UK dit que le UK quitte l'UE."),
    ],
)
def test_acronym_inside_a_kept_name_is_no_rendering(langs, usual, silent, drifting):
    usual_source, this_source = "The UK leaves the EU.", "He said Toyota UK sees the UK leave the EU."
    assert drift(langs, usual_source, usual, silent, this_source) == []
    assert drift(langs, usual_source, usual, drifting, this_source) == ["UK"] * 2


# The name that renders `Europa League` (`Ligue Europa`) is not also taken for `Rapid Vienna`
# beside it, when the team's own rendering is no name (`les Viennois`).
@pytest.mark.parametrize(
    "langs, usual, silent, drifting",
    [
        ("en-fr", "Les Rangers reçoivent le Rapid Vienne en Ligue Europa.",
         "Les Rangers reçoivent les Viennois en Ligue Europa.",
         "Les Rangers reçoivent le Rapid Wienne en Ligue Europa."),
        ("en-nl", "De Rangers ontvangen Rapid Wenen in de Europa League.",
         "De Rangers ontvangen de Weners in de Europa League.",
         "De Rangers ontvangen Rapid Weenen in de Europa League."),
    ],
)
def test_a_neighbouring_name_is_not_taken_for_the_rendering(langs, usual, silent, drifting):
    source = "Rangers host Rapid Vienna in the Europa League."
    assert drift(langs, source, usual, silent) == []
    assert drift(langs, source, usual, drifting) == [drifting.split(" Rapid ")[1].split(" ")[0] and
                                                     "Rapid " + drifting.split(" Rapid ")[1].split(" ")[0]] * 2


# A full stop missing before a name (`op een brug in Wales Mevrouw Davis zei`) runs the place name
# into the rendering: the usual rendering beside another name is no other rendering.
@pytest.mark.parametrize(
    "langs, source, usual, silent, drifting",
    [
        ("en-nl", "He said that Ms Davis was right.", "Hij zei dat Mevrouw Davis gelijk had.",
         "Hij zei dat in Wales Mevrouw Davis gelijk had.", "Hij zei dat Mevrouw Davids gelijk had."),
        ("en-fr", "He said that Ms Davis was right.", "Il a dit que Madame Davis avait raison.",
         "Il a dit qu'au Pays Galles Madame Davis avait raison.", "Il a dit que Madame Davids avait raison."),
        ("nl-en", "Hij zei dat Mevrouw Davis gelijk had.", "He said that Ms Davis was right.",
         "He said that in Wales Ms Davis was right.", "He said that Ms Davids was right."),
    ],
)
def test_a_name_run_into_the_rendering_is_no_drift(langs, source, usual, silent, drifting):
    assert drift(langs, source, usual, silent) == []
    assert len(drift(langs, source, usual, drifting)) == 2


# The words that join a name are every language's (names cross languages), except those that are
# ordinary words of the sentence's own: French `en` is "in", Dutch `en` is "and".
@pytest.mark.parametrize(
    "lang, text, names",
    [
        ("fr", "Les Rangers reçoivent le Rapid Vienne en Ligue Europa.", ["Rapid Vienne", "Ligue Europa"]),
        ("nl", "De clusters organiseerden Science for Health en de HealthTech Investor Summit.",
         ["Science for Health", "HealthTech Investor Summit"]),
        ("nl", "Steun van het Agentschap Innoveren en Ondernemen.", ["Agentschap Innoveren en Ondernemen"]),
        ("en", "Support from the Agentschap Innoveren en Ondernemen.", ["Agentschap Innoveren en Ondernemen"]),
    ],
)
def test_name_connectors_follow_the_sentence_language(lang, text, names):
    assert [p.text for p in capitalised_names(text, lang)] == names
