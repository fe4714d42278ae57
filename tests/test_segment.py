"""Sentence segmentation: per-language traps, spans, and whole documents with their positions."""

from __future__ import annotations

import pytest

from checker import segment
from checker.records import SourceFile
from checker.segment import build_document, mask_abbreviations, split_sentences


def sentences(text: str, lang: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, lang)]


DUTCH = [
    ("Dhr. Peeters opent de zitting. Daarna volgt het debat.",
     ["Dhr. Peeters opent de zitting.", "Daarna volgt het debat."]),
    ("Volgens mevr. Janssens is het een succes. Ze is tevreden.",
     ["Volgens mevr. Janssens is het een succes.", "Ze is tevreden."]),
    ("Het team van dr. Smet en prof. Claes werkt samen. Dat is nieuw.",
     ["Het team van dr. Smet en prof. Claes werkt samen.", "Dat is nieuw."]),
    ("De partners zijn o.a. Celyad en Univercells. Er zijn er nog meer.",
     ["De partners zijn o.a. Celyad en Univercells.", "Er zijn er nog meer."]),
    ("Sommige therapieën, bv. Gentherapie, zijn duur. Andere niet.",
     ["Sommige therapieën, bv. Gentherapie, zijn duur.", "Andere niet."]),
    ("Het budget stijgt, d.w.z. Wallonië investeert meer. Dat is goed.",
     ["Het budget stijgt, d.w.z. Wallonië investeert meer.", "Dat is goed."]),
    ("De groei is 36% t.o.v. Vorig jaar, m.a.w. Een record. Klaar.",
     ["De groei is 36% t.o.v. Vorig jaar, m.a.w. Een record.", "Klaar."]),
    ("De vzw. Biotech Vlaanderen en de vzw MEDVIA tekenen. Ook de nv Celyad.",
     ["De vzw. Biotech Vlaanderen en de vzw MEDVIA tekenen.", "Ook de nv Celyad."]),
    ("Zie nr. 5 op blz. 12 van het verslag. Het kost ca. 3 miljoen.",
     ["Zie nr. 5 op blz. 12 van het verslag.", "Het kost ca. 3 miljoen."]),
    ("Minister A. De Croo was aanwezig. Hij sprak kort.",
     ["Minister A. De Croo was aanwezig.", "Hij sprak kort."]),
    ("België heeft 2,6% van de bevolking en 1.200 banen. Dat is 2.6 keer meer.",
     ["België heeft 2,6% van de bevolking en 1.200 banen.", "Dat is 2.6 keer meer."]),
    ("Het budget bedraagt €81 miljoen. Bijna 23 miljoen is vrijgemaakt.",
     ["Het budget bedraagt €81 miljoen.", "Bijna 23 miljoen is vrijgemaakt."]),
    ("België staat eerste in Europa (Bron pharma.be). Meer info op www.biowin.org vandaag.",
     ["België staat eerste in Europa (Bron pharma.be).", "Meer info op www.biowin.org vandaag."]),
    ("Mail naar info@biowin.be voor meer uitleg. We antwoorden snel.",
     ["Mail naar info@biowin.be voor meer uitleg.", "We antwoorden snel."]),
    ('"Dit is een mijlpaal voor de sector", zegt Willy Borsus. Hij is tevreden.',
     ['"Dit is een mijlpaal voor de sector", zegt Willy Borsus.', "Hij is tevreden."]),
    ("“Dit is een mijlpaal. We gaan verder,” zegt hij. Klaar.",
     ["“Dit is een mijlpaal. We gaan verder,” zegt hij.", "Klaar."]),
    ("De resultaten… die komen later. Wat nu? Afwachten!",
     ["De resultaten… die komen later.", "Wat nu?", "Afwachten!"]),
    ("Het was lang wachten… Nu is het zover.",
     ["Het was lang wachten…", "Nu is het zover."]),
    ("Er zijn 1 200 leden, enz. Volgende zin.",
     ["Er zijn 1 200 leden, enz.", "Volgende zin."]),
    ("De conferentie om 9.30 uur in Namen. De tweede om 14 uur.",
     ["De conferentie om 9.30 uur in Namen.", "De tweede om 14 uur."]),
    ("Het ATMP-PIT telt 26 partners", ["Het ATMP-PIT telt 26 partners"]),
    ("De doelen zijn 1) groei en 2) banen. Dat is alles.",  # an inline enumeration is prose
     ["De doelen zijn 1) groei en 2) banen.", "Dat is alles."]),
    ("Het gebeurde in 2023. Het werkt.", ["Het gebeurde in 2023.", "Het werkt."]),
]

FRENCH = [
    ("M. Dupont ouvre la séance. Le débat suit.",
     ["M. Dupont ouvre la séance.", "Le débat suit."]),
    ("MM. Dupont et Martin ont signé. Mme Leroy aussi.",
     ["MM. Dupont et Martin ont signé.", "Mme Leroy aussi."]),
    ("Selon le Dr. Peeters, c'est un succès. Il est ravi.",
     ["Selon le Dr. Peeters, c'est un succès.", "Il est ravi."]),
    ("Le Pr Claes et J.-M. Dupont étaient présents. Ils ont parlé.",
     ["Le Pr Claes et J.-M. Dupont étaient présents.", "Ils ont parlé."]),
    ("Certaines thérapies, p. ex. Les thérapies géniques, coûtent cher. D'autres non.",
     ["Certaines thérapies, p. ex. Les thérapies géniques, coûtent cher.", "D'autres non."]),
    ("Certaines thérapies, p.ex. Les thérapies cellulaires, coûtent cher. D'autres non.",
     ["Certaines thérapies, p.ex. Les thérapies cellulaires, coûtent cher.", "D'autres non."]),
    ("Voir le rapport, cf. Annexe 2, pour le détail. Merci.",
     ["Voir le rapport, cf. Annexe 2, pour le détail.", "Merci."]),
    ("Le budget atteint env. 81 millions d'euros. C'est beaucoup.",
     ["Le budget atteint env. 81 millions d'euros.", "C'est beaucoup."]),
    ("Les biotechs, les medtechs, etc. sont membres. Ils sont 260.",
     ["Les biotechs, les medtechs, etc. sont membres.", "Ils sont 260."]),
    ("Voir la page n° 5 du rapport. Le tableau suit.",
     ["Voir la page n° 5 du rapport.", "Le tableau suit."]),
    ("Voir p. 12 du rapport. Le tableau suit.",
     ["Voir p. 12 du rapport.", "Le tableau suit."]),
    ("« Nous sommes ravis », déclare M. Dupont. La suite viendra.",
     ["« Nous sommes ravis », déclare M. Dupont.", "La suite viendra."]),
    ("« C'est une étape. Nous continuons », dit-il. Fin.",
     ["« C'est une étape. Nous continuons », dit-il.", "Fin."]),
    ("La Belgique pèse 2,6 % de la population. Elle compte 1 200 emplois.",
     ["La Belgique pèse 2,6 % de la population.", "Elle compte 1 200 emplois."]),
    ("La Belgique compte 1.200 emplois indirects. Le budget est de 81 M€.",
     ["La Belgique compte 1.200 emplois indirects.", "Le budget est de 81 M€."]),
    ("Les activités de R&D. En unissant leurs forces, ils avancent.",
     ["Les activités de R&D.", "En unissant leurs forces, ils avancent."]),
    ("Plus d'infos sur www.biowin.org ou à info@biowin.be aujourd'hui. Merci.",
     ["Plus d'infos sur www.biowin.org ou à info@biowin.be aujourd'hui.", "Merci."]),
    ("Le marché croît (source : pharma.be). Il double.",
     ["Le marché croît (source : pharma.be).", "Il double."]),
    ("Est-ce possible ? Oui ! Nous y arrivons.",
     ["Est-ce possible ?", "Oui !", "Nous y arrivons."]),
    ("Il y a trois axes : 1. la recherche, 2. la production. Fin.",  # no sentence starts in lower case
     ["Il y a trois axes : 1. la recherche, 2. la production.", "Fin."]),
    ("Le test est prêt. bioMérieux le produit.",  # a name with a capital inside may start one
     ["Le test est prêt.", "bioMérieux le produit."]),
]

ENGLISH = [
    ("Mr. Smith opened the meeting. The debate followed.",
     ["Mr. Smith opened the meeting.", "The debate followed."]),
    ("Mrs. Jones and Dr. Lee agreed. Prof. Claes did not.",
     ["Mrs. Jones and Dr. Lee agreed.", "Prof. Claes did not."]),
    ("Some therapies, e.g. Gene therapy, are costly. Others are not.",
     ["Some therapies, e.g. Gene therapy, are costly.", "Others are not."]),
    ("The sector, i.e. Biotech and medtech, is growing. It is strong.",
     ["The sector, i.e. Biotech and medtech, is growing.", "It is strong."]),
    ("Acme Inc. announced a deal. The Biotech Ltd. Board agreed.",
     ["Acme Inc. announced a deal.", "The Biotech Ltd.", "Board agreed."]),
    ("The U.S. Food and Drug Administration approved it. Sales rose.",
     ["The U.S. Food and Drug Administration approved it.", "Sales rose."]),
    ("It costs approx. 3.5 million euros. That is a lot.",
     ["It costs approx. 3.5 million euros.", "That is a lot."]),
    ("See No. 5 in the annex. It lists the partners.",
     ["See No. 5 in the annex.", "It lists the partners."]),
    ("Biotech vs. Medtech is an old debate. Both grow.",
     ["Biotech vs. Medtech is an old debate.", "Both grow."]),
    ("The call closes on Jan. 17 at 9.30 am. Apply early.",
     ["The call closes on Jan. 17 at 9.30 am.", "Apply early."]),
    ("Minister A. De Croo attended. He spoke briefly.",
     ["Minister A. De Croo attended.", "He spoke briefly."]),
    ("Belgium has 2.6% of the population and 1,200 jobs. Growth is 36%.",
     ["Belgium has 2.6% of the population and 1,200 jobs.", "Growth is 36%."]),
    ("The budget is €81 million. Almost €23 million is available.",
     ["The budget is €81 million.", "Almost €23 million is available."]),
    ("“This is a milestone,” says Willy Borsus. He is pleased.",
     ["“This is a milestone,” says Willy Borsus.", "He is pleased."]),
    ('"We are ready. We will grow," he said. Done.',
     ['"We are ready. We will grow," he said.', "Done."]),
    ("Visit www.biowin.org or write to info@biowin.be today. Thanks.",
     ["Visit www.biowin.org or write to info@biowin.be today.", "Thanks."]),
    ("Is it possible? Yes! We are on track.",
     ["Is it possible?", "Yes!", "We are on track."]),
    ("The results… they come later. We waited... Then it came.",
     ["The results… they come later.", "We waited...", "Then it came."]),
    ("Cell therapies, gene therapies, etc. are covered. That is all.",
     ["Cell therapies, gene therapies, etc. are covered.", "That is all."]),
    ("The goals are (i) growth and (ii) jobs. Done.", ["The goals are (i) growth and (ii) jobs.", "Done."]),
    ("Goals: i. growth, ii. jobs. That is all.", ["Goals: i. growth, ii. jobs.", "That is all."]),
]


@pytest.mark.parametrize("text, expected", DUTCH)
def test_dutch_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text, "nl") == expected


@pytest.mark.parametrize("text, expected", FRENCH)
def test_french_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text, "fr") == expected


@pytest.mark.parametrize("text, expected", ENGLISH)
def test_english_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text, "en") == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Contactpersoon\nAndrew Lloyd", "nl", ["Contactpersoon", "Andrew Lloyd"]),
        ("Dhr.\nPeeters", "nl", ["Dhr.", "Peeters"]),  # a hard break wins over an abbreviation
        ("  Eerste zin.   Tweede zin.  \n\n  ", "nl", ["Eerste zin.", "Tweede zin."]),
        ("", "en", []),
        ("   \n ", "en", []),
    ],
)
def test_line_breaks_always_end_a_sentence(text: str, lang: str, expected: list[str]) -> None:
    assert sentences(text, lang) == expected


def test_spans_are_exact_and_trimmed() -> None:
    text = "  Eerste zin.  Tweede zin!\nDerde"
    assert split_sentences(text, "nl") == [(2, 13), (15, 26), (27, 32)]


def test_unknown_language_falls_back_to_english_rules() -> None:
    assert sentences("Mr. Smith came. He left.", "de") == ["Mr. Smith came.", "He left."]


@pytest.mark.parametrize(
    "text, lang, masked_words",
    [
        ("zie o.a. de bijlage", "nl", ["o\ue000a\ue000"]),
        ("Bv. dit", "nl", ["Bv\ue000"]),  # the capitalised variant at a sentence start
        ("J.-M. Dupont", "fr", ["J\ue000-M\ue000"]),
        ("p. ex. ceci", "fr", ["p\ue000", "ex\ue000"]),
        ("No. 5", "en", ["No\ue000"]),
    ],
)
def test_masking_keeps_length_and_hides_only_abbreviation_periods(text: str, lang: str, masked_words: list[str]) -> None:
    masked = mask_abbreviations(text, lang)
    assert len(masked) == len(text)
    for word in masked_words:
        assert word in masked


@pytest.mark.parametrize(
    "text, lang",
    [
        ("We said no. Then we left.", "en"),  # "no." before a word is not "No. 5"
        ("Het was de laatste nr. Dat klopt niet.", "en"),  # a Dutch abbreviation means nothing in English
        ("Zo gaat het, enz. Daarna volgt meer.", "nl"),  # "enz." may end a sentence before a capital
    ],
)
def test_conditional_abbreviations_still_end_sentences(text: str, lang: str) -> None:
    assert len(split_sentences(text, lang)) == 2


def test_fast_path_skips_pysbd(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(lang: str):  # pragma: no cover - only called if the fast path is broken
        raise AssertionError("pysbd called")

    monkeypatch.setattr(segment, "_segmenter", fail)
    text = "Dhr. Peeters en o.a. prof. Claes tekenen vandaag het akkoord"
    assert split_sentences(text, "nl") == [(0, len(text))]


def test_a_sentence_pysbd_rewrote_is_not_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    class Rewriting:
        def processor(self, text: str):
            class Processor:
                def process(self):
                    return ["Eerste zin.", "TWEEDE zin."]

            return Processor()

    monkeypatch.setattr(segment, "_segmenter", lambda lang: Rewriting())
    text = "Eerste zin. Tweede zin."
    assert sentences(text, "nl") == ["Eerste zin.", "Tweede zin."]


def test_a_lone_closing_quote_joins_the_sentence_before_it(monkeypatch: pytest.MonkeyPatch) -> None:
    class QuoteSplitting:
        def processor(self, text: str):
            class Processor:
                def process(self):
                    return ["« Oui.", "»", "Non."]

            return Processor()

    monkeypatch.setattr(segment, "_segmenter", lambda lang: QuoteSplitting())
    assert sentences("« Oui. » Non.", "fr") == ["« Oui. »", "Non."]


RELEASE_MD = """\
# BioWin en **MEDVIA** tekenen

**Namen, 14 mei 2024** – BioWin telt 260 leden
met samen 18.500 werknemers. Dhr. Peeters
is tevreden.

- Eerste punt
- Tweede punt met [een link](https://x.be). En nog een zin.

| Jaar | Banen |
|------|-------|
| 2024 | 1&nbsp;200 |

Media contact  
**Andrew Lloyd**  
+44 1273 952 481
"""


@pytest.fixture()
def release() -> SourceFile:
    return SourceFile.from_text("corpus/2024-05-14/nl.md", RELEASE_MD)


def test_build_document_blocks_and_segments(release: SourceFile) -> None:
    doc = build_document("2024-05-14", "nl", release)
    assert doc.release == "2024-05-14" and doc.lang == "nl" and doc.path == "corpus/2024-05-14/nl.md"
    assert [(b.kind, b.level, [s.text for s in b.segments]) for b in doc.blocks] == [
        ("heading", 1, ["BioWin en MEDVIA tekenen"]),
        ("paragraph", 0, [
            "Namen, 14 mei 2024 – BioWin telt 260 leden met samen 18.500 werknemers.",
            "Dhr. Peeters is tevreden.",
        ]),
        ("list_item", 1, ["Eerste punt"]),
        ("list_item", 1, ["Tweede punt met een link.", "En nog een zin."]),
        ("table_row", 0, ["Jaar", "Banen"]),
        ("table_row", 0, ["2024", "1\u00a0200"]),
        ("paragraph", 0, ["Media contact", "Andrew Lloyd", "+44 1273 952 481"]),
    ]


def test_build_document_indices(release: SourceFile) -> None:
    doc = build_document("r", "nl", release)
    assert [s.index for s in doc.segments] == list(range(len(doc.segments)))
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))
    for block in doc.blocks:
        assert all(s.block == block.index and s.block_kind == block.kind for s in block.segments)


def test_every_segment_character_points_at_itself_in_the_file(release: SourceFile) -> None:
    doc = build_document("r", "nl", release)
    for seg in doc.segments:
        assert len(seg.offsets) == len(seg.text)
        assert seg.text == seg.text.strip() and "  " not in seg.text
        for ch, offset in zip(seg.text, seg.offsets):
            if ch == " ":
                assert release.text[offset].isspace()
            elif ch != "\u00a0":  # decoded from &nbsp;: points at the entity
                assert release.text[offset] == ch


@pytest.mark.parametrize(
    "word, line, column",
    [
        ("18.500", 4, 11),  # second line of a soft-wrapped paragraph
        ("tevreden", 5, 4),  # the sentence starts on one line and ends on the next
        ("link", 8, 24),  # inside a link text
        ("Lloyd", 15, 10),  # after a removed `**`
        ("MEDVIA", 1, 15),  # in a heading, after `**`
        ("1\u00a0200", 12, 10),  # an entity maps to where it starts
    ],
)
def test_positions_of_words(release: SourceFile, word: str, line: int, column: int) -> None:
    doc = build_document("r", "nl", release)
    seg = next(s for s in doc.segments if word in s.text)
    assert seg.position(seg.text.index(word)) == (line, column)


def test_segment_line_and_column_are_its_first_character(release: SourceFile) -> None:
    doc = build_document("r", "nl", release)
    second = doc.blocks[1].segments[1]
    assert second.text.startswith("Dhr.")
    assert (second.line, second.column) == (4, 30)


def test_plain_text_document() -> None:
    text = (
        "Waalse regering investeert in ATMP's\n"
        "\n"
        "Namen, 17 januari 2024 – Het partnerschap telt 26 partners en\n"
        "beschikt over een budget van €81 miljoen. Bijna 23 miljoen is al vrijgemaakt.\n"
        "\n"
        "Perscontact\n"
        "Andrew Lloyd\n"
        "+44 1273 952 481\n"
    )
    doc = build_document("r", "nl", SourceFile.from_text("nl.txt", text))
    assert [(b.kind, [s.text for s in b.segments]) for b in doc.blocks] == [
        ("heading", ["Waalse regering investeert in ATMP's"]),
        ("paragraph", [
            "Namen, 17 januari 2024 – Het partnerschap telt 26 partners en beschikt over een budget van €81 miljoen.",
            "Bijna 23 miljoen is al vrijgemaakt.",
        ]),
        ("paragraph", ["Perscontact", "Andrew Lloyd", "+44 1273 952 481"]),
    ]
    budget = doc.blocks[1].segments[0]
    assert budget.position(budget.text.index("€81")) == (4, 30)


def test_empty_file_gives_an_empty_document() -> None:
    doc = build_document("r", "en", SourceFile.from_text("en.md", "\n\n<!-- nothing -->\n"))
    assert doc.blocks == () and doc.segments == ()


@pytest.mark.parametrize(
    "text, lang",
    [(text, "nl") for text, _ in DUTCH] + [(text, "fr") for text, _ in FRENCH] + [(text, "en") for text, _ in ENGLISH],
)
def test_abbreviation_filter_changes_only_speed(monkeypatch: pytest.MonkeyPatch, text: str, lang: str) -> None:
    from pysbd.abbreviation_replacer import AbbreviationReplacer

    filtered = split_sentences(text, lang)
    monkeypatch.setattr(AbbreviationReplacer, "search_for_abbreviations_in_string", segment._search_all_abbreviations)
    assert split_sentences(text, lang) == filtered
