"""The aligner: bead decisions on small hand-written releases, anchors, block alignment, the CLI."""

from __future__ import annotations

import dataclasses

import pytest
from click.testing import CliRunner

from checker.align import (
    DEFAULT_PARAMS,
    align_documents,
    align_sentences,
    cognate_similarity,
    extract_anchors,
    fold,
    normalize_number,
    score_sentences,
)
from checker.cli import main
from checker.records import Bead, Block, Document, Segment, SourceFile

NL = [
    "Het Vlaamse Agentschap voor Innovatie investeert 12,5 miljoen euro in waterstofonderzoek.",
    "Het geld gaat naar vier consortia uit Gent, Leuven en Antwerpen.",
    "Volgens minister Peeters moet de eerste proefinstallatie tegen 2027 draaien.",
    "Wat betekent dit voor de Vlaamse industrie?",
    "De bedrijven verwachten samen 1.200 nieuwe banen te creëren.",
    "Meer informatie staat op de website van het agentschap.",
]
FR = [
    "L'Agence flamande pour l'innovation investit 12,5 millions d'euros dans la recherche sur l'hydrogène.",
    "L'argent ira à quatre consortiums de Gand, Louvain et Anvers.",
    "Selon le ministre Peeters, la première installation pilote devrait fonctionner d'ici 2027.",
    "Qu'est-ce que cela signifie pour l'industrie flamande ?",
    "Les entreprises prévoient de créer ensemble 1 200 nouveaux emplois.",
    "Plus d'informations sont disponibles sur le site web de l'agence.",
]


def beads(*pairs: tuple[tuple[int, ...], tuple[int, ...]]) -> list[Bead]:
    return [Bead(source, target) for source, target in pairs]


def one_to_one(n: int) -> list[Bead]:
    return beads(*(((i,), (i,)) for i in range(n)))


def test_parallel_sentences_align_one_to_one() -> None:
    assert align_sentences(NL, FR, source_lang="nl", target_lang="fr") == one_to_one(6)


def test_sentence_split_in_translation_is_one_to_two() -> None:
    source = NL[:2] + [
        "De minister wil dat de eerste proefinstallatie tegen 2027 draait, en de sector belooft "
        "daarvoor 300 ingenieurs op te leiden in Gent."
    ] + NL[3:]
    target = FR[:2] + [
        "Le ministre veut que la première installation pilote fonctionne d'ici 2027.",
        "Le secteur promet de former 300 ingénieurs à Gand à cet effet.",
    ] + FR[3:]
    assert align_sentences(source, target) == beads(
        ((0,), (0,)), ((1,), (1,)), ((2,), (2, 3)), ((3,), (4,)), ((4,), (5,)), ((5,), (6,))
    )


def test_two_sentences_merged_in_translation_is_two_to_one() -> None:
    source = NL[:1] + [
        "Het geld gaat naar vier consortia.",
        "Die komen uit Gent, Leuven en Antwerpen.",
    ] + NL[2:]
    target = FR
    assert align_sentences(source, target) == beads(
        ((0,), (0,)), ((1, 2), (1,)), ((3,), (2,)), ((4,), (3,)), ((5,), (4,)), ((6,), (5,))
    )


def test_omitted_sentence_of_substance_is_one_to_zero() -> None:
    source = NL[:3] + [
        "De Europese Commissie keurde de steunmaatregel vorige maand goed na een lang onderzoek "
        "naar mogelijke concurrentieverstoring op de Europese energiemarkt."
    ] + NL[3:]
    assert align_sentences(source, FR) == beads(
        ((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), ()), ((4,), (3,)), ((5,), (4,)), ((6,), (5,))
    )


def test_added_sentence_is_zero_to_one() -> None:
    target = FR[:4] + [
        "Cette annonce intervient quelques jours après la publication du plan climatique "
        "fédéral, qui prévoit lui aussi des investissements importants dans l'hydrogène."
    ] + FR[4:]
    assert align_sentences(NL, target) == beads(
        ((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,)), ((), (4,)), ((4,), (5,)), ((5,), (6,))
    )


def test_a_line_without_words_is_left_unaligned_rather_than_glued_to_a_sentence() -> None:
    # OCR debris between two sentences (Text+Berg has many): nothing to translate, so it is a 0-1
    # bead, not part of a 1-3 bead with the sentence before it.
    target = FR[:3] + [".:-- , .", "- _-"] + FR[3:]
    expected = beads(((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((), (3,)), ((), (4,)),
                     ((3,), (5,)), ((4,), (6,)), ((5,), (7,)))
    assert align_sentences(NL, target) == expected
    glued = align_sentences(NL, target, params=dataclasses.replace(DEFAULT_PARAMS, contentless_deletion_cost=None))
    assert Bead((2,), (2, 3, 4)) in glued


@pytest.mark.parametrize(
    "corrupted",
    [
        "Les entreprises prévoient de créer ensemble 2 100 nouveaux emplois.",
        "Les entreprises prévoient de créer ensemble 12 000 nouveaux emplois.",
        "L'Agence flamande pour l'innovation investit 21,5 millions d'euros dans la recherche sur l'hydrogène.",
    ],
)
def test_corrupted_number_keeps_the_one_to_one_bead(corrupted: str) -> None:
    target = list(FR)
    position = 4 if "emplois" in corrupted else 0
    target[position] = corrupted
    assert align_sentences(NL, target) == one_to_one(6)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (NL[4], "Les entreprises prévoient de créer ensemble 1 700 nouveaux emplois."),
        ("Budget: 12,5 miljoen euro", "Budget : 21,5 millions d'euros"),
        ("Looptijd: 4 jaar", "Durée : 5 ans"),
        ("4 jaar", "5 ans"),
        ("Van 2024 tot 2027: 3 fases, 12 partners, 1.200 banen.", "De 2023 à 2028 : 4 phases, 21 partenaires, 2 100 emplois."),
    ],
)
def test_corrupted_number_in_a_lone_pair_stays_paired(source: str, target: str) -> None:
    # No neighbours to lean on: only the bead costs decide, even for the shortest pairs.
    assert align_sentences([source], [target]) == beads(((0,), (0,)))


@pytest.mark.parametrize("position", range(6))
def test_every_number_corrupted_keeps_one_to_one(position: int) -> None:
    target = list(FR)
    target[position] = target[position].replace("12,5", "99,9").replace("2027", "1999").replace("1 200", "7 777")
    target[position] += " (7, 8, 9)"
    assert align_sentences(NL, target) == one_to_one(6)


def test_similarity_seam_changes_a_decision() -> None:
    # Two short sentences of equal length and no anchors: length alone pairs them in order,
    # a similarity that says the first source sentence is translated by the second target
    # sentence makes the aligner pair those two (and give up the others).
    source = ["Dat is goed nieuws.", "Wij zijn heel blij."]
    target = ["Nous sommes ravis.", "C'est une bonne nouvelle."]
    assert align_sentences(source, target) == one_to_one(2)

    def swapped(source_ids: tuple[int, ...], target_ids: tuple[int, ...]) -> float:
        return 1.0 if (source_ids, target_ids) in {((0,), (1,)), ((1,), (0,))} else 0.0

    params = dataclasses.replace(DEFAULT_PARAMS, default_similarity_baseline=0.5)
    assert align_sentences(source, target, similarity=swapped, params=params) == beads(
        ((), (0,)), ((0,), (1,)), ((1,), ())
    )


def test_similarity_is_asked_with_input_indices() -> None:
    asked: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()

    def recording(source_ids: tuple[int, ...], target_ids: tuple[int, ...]) -> float:
        asked.add((source_ids, target_ids))
        return 0.5

    align_sentences(NL, FR, similarity=recording)
    assert ((0,), (0,)) in asked and ((5,), (5,)) in asked
    assert all(max(s, default=0) < 6 and max(t, default=0) < 6 for s, t in asked)


def test_empty_sides_give_one_sided_beads() -> None:
    assert align_sentences(NL[:2], []) == beads(((0,), ()), ((1,), ()))
    assert align_sentences([], FR[:1]) == beads(((), (0,)))
    assert align_sentences([], []) == []


def test_scores_are_lower_for_true_pairs_than_for_one_sided_beads() -> None:
    source = NL[:3] + ["De Europese Commissie keurde de steunmaatregel vorige maand goed na een lang onderzoek."] + NL[3:]
    scored = score_sentences(source, FR)
    omitted = [cost for bead, cost in scored if not bead.target]
    paired = [cost for bead, cost in scored if bead.source and bead.target]
    assert omitted and max(paired) < min(omitted)


@pytest.mark.parametrize(
    ("written", "normalized"),
    [
        ("1.200", "1200"),
        ("1 200", "1200"),
        ("1,200", "1200"),
        ("1\u202f200", "1200"),
        ("12,5", "12.5"),
        ("12.5", "12.5"),
        ("8847,60", "8847.6"),
        ("3,0", "3"),
        ("2027", "2027"),
        ("1.250.000", "1250000"),
    ],
)
def test_numbers_are_normalized_across_locales(written: str, normalized: str) -> None:
    assert normalize_number(written) == normalized


@pytest.mark.parametrize(
    ("text", "numbers", "names", "marks"),
    [
        ("De stad Zürich telt 1 200 fietsen.", {"1200": 1}, ("zurich",), {}),
        ("Wat kost het?", {}, ("wat",), {"?": 1}),
        ("« Nous avons 3 projets » : Anvers.", {"3": 1}, ("nous", "anvers"), {'"': 2, ":": 1}),
        ("In 2024 300 nieuwe banen, 12.500.000 euro.", {"2024": 1, "300": 1, "12500000": 1}, (), {}),
    ],
)
def test_anchors_are_language_neutral(text: str, numbers: dict, names: tuple, marks: dict) -> None:
    anchors = extract_anchors(text)
    assert dict(anchors.numbers) == numbers
    assert anchors.names == names
    assert dict(anchors.marks) == marks


@pytest.mark.parametrize(("a", "b"), [("Zürich", "Zurich"), ("Liège", "LIEGE"), ("Çà", "ca")])
def test_fold_ignores_case_and_accents(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_name_spelled_differently_still_anchors() -> None:
    # "Kangchendzönga" / "Kanchenjunga": an edit-distance match, not a prefix one.
    source = ["Der Kangchendzönga ist 8586 m hoch.", "Das Wetter war schlecht.", "Wir kehrten um."]
    target = ["Le Kanchenjunga mesure 8586 m.", "Le temps était mauvais.", "Nous avons fait demi-tour."]
    assert align_sentences(source, target) == one_to_one(3)


def test_gold_format() -> None:
    assert Bead((0,), (0, 1)).gold_format() == "[0]:[0, 1]"
    assert Bead((13,), ()).gold_format() == "[13]:[]"
    assert Bead((), (51,)).gold_format() == "[]:[51]"


def test_cognate_similarity_prefers_the_translation() -> None:
    similarity = cognate_similarity(NL, FR)
    assert similarity((1,), (1,)) > similarity((1,), (3,))
    assert 0.0 <= similarity((0, 1), (0,)) <= 1.0


# ---------------------------------------------------------------------------
# Documents: blocks first, then sentences


def make_document(lang: str, blocks: list[tuple[str, list[str]]]) -> Document:
    source = SourceFile.from_text(f"release/{lang}.md", "\n\n".join(" ".join(s) for _, s in blocks))
    built, index = [], 0
    for number, (kind, sentences) in enumerate(blocks):
        segments = []
        for text in sentences:
            segments.append(Segment(text=text, source=source, offsets=tuple(range(len(text))), block=number,
                                    block_kind=kind, index=index))
            index += 1
        built.append(Block(index=number, kind=kind, segments=tuple(segments)))
    return Document(release="release", lang=lang, source=source, blocks=tuple(built))


NL_BLOCKS = [
    ("heading", ["Vlaanderen investeert 12,5 miljoen in waterstof"]),
    ("paragraph", NL[:3]),
    ("paragraph", [
        "Het onderzoek richt zich op opslag in de haven van Antwerpen.",
        "Daar staan al twee elektrolysers van elk 25 megawatt.",
    ]),
    ("list_item", ["Budget: 12,5 miljoen euro"]),
    ("list_item", ["Looptijd: 4 jaar"]),
    ("paragraph", NL[3:]),
]
FR_BLOCKS = [
    ("heading", ["La Flandre investit 12,5 millions dans l'hydrogène"]),
    ("paragraph", FR[:3]),
    ("paragraph", [
        "La recherche porte sur le stockage dans le port d'Anvers.",
        "Deux électrolyseurs de 25 mégawatts chacun s'y trouvent déjà.",
    ]),
    ("list_item", ["Budget : 12,5 millions d'euros"]),
    ("list_item", ["Durée : 4 ans"]),
    ("paragraph", FR[3:]),
]


def segment_indices(pairs) -> list[Bead]:
    return [Bead(tuple(s.index for s in p.source), tuple(t.index for t in p.target)) for p in pairs]


def test_documents_align_block_by_block() -> None:
    pairs = align_documents(make_document("nl", NL_BLOCKS), make_document("fr", FR_BLOCKS))
    assert segment_indices(pairs) == one_to_one(11)
    assert all(p.source_lang == "nl" and p.target_lang == "fr" for p in pairs)
    assert [p.source[0].block_kind for p in pairs[:1]] == ["heading"]


def test_missing_paragraph_becomes_omitted_sentences() -> None:
    target = FR_BLOCKS[:2] + FR_BLOCKS[3:]
    pairs = align_documents(make_document("nl", NL_BLOCKS), make_document("fr", target))
    got = segment_indices(pairs)
    assert got[:4] == one_to_one(4)
    assert got[4:6] == beads(((4,), ()), ((5,), ()))
    assert got[6:] == beads(*(((i,), (i - 2,)) for i in range(6, 11)))
    assert pairs[4].is_omission and pairs[4].target == ()


def test_added_paragraph_becomes_added_sentences() -> None:
    source = NL_BLOCKS[:2] + NL_BLOCKS[3:]
    pairs = align_documents(make_document("nl", source), make_document("fr", FR_BLOCKS))
    got = segment_indices(pairs)
    assert got[4:6] == beads(((), (4,)), ((), (5,)))
    assert all(p.is_addition for p in pairs[4:6])


def test_empty_translation_leaves_every_sentence_omitted() -> None:
    pairs = align_documents(make_document("nl", NL_BLOCKS), make_document("fr", []))
    assert segment_indices(pairs) == beads(*(((i,), ()) for i in range(11)))
    assert all(p.is_omission for p in pairs)


def test_document_similarity_gets_segment_indices() -> None:
    asked = []

    def recording(source_ids: tuple[int, ...], target_ids: tuple[int, ...]) -> float:
        asked.append((source_ids, target_ids))
        return 0.3

    # A list item fewer in French: the structures differ, so the blocks are searched.
    target = FR_BLOCKS[:4] + FR_BLOCKS[5:]
    align_documents(make_document("nl", NL_BLOCKS), make_document("fr", target), similarity=recording)
    # Block-level calls pass all segment indices of a block; sentence-level calls stay within one.
    assert ((1, 2, 3), (1, 2, 3)) in asked
    assert ((10,), (9,)) in asked
    # What unrelated sentences score is sampled across the document (sentence 0 against the
    # middle of the translation), not inside one small block group.
    assert ((0,), (5,)) in asked


# ---------------------------------------------------------------------------
# CLI


def test_cli_prints_beads_in_gold_format(tmp_path) -> None:
    source = NL[:3] + ["De Europese Commissie keurde de steunmaatregel vorige maand goed na een lang onderzoek "
                       "naar mogelijke concurrentieverstoring op de Europese energiemarkt."] + NL[3:]
    (tmp_path / "nl.txt").write_text("\n".join(source) + "\n", encoding="utf-8")
    (tmp_path / "fr.txt").write_text("\n".join(FR) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["align", str(tmp_path / "nl.txt"), str(tmp_path / "fr.txt"),
                                       "--presegmented", "--source-lang", "nl", "--target-lang", "fr"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[]", "[4]:[3]", "[5]:[4]", "[6]:[5]"]


def test_cli_scores_are_readable_by_the_gold_format(tmp_path) -> None:
    (tmp_path / "a").write_text("\n".join(NL), encoding="utf-8")
    (tmp_path / "b").write_text("\n".join(FR), encoding="utf-8")
    result = CliRunner().invoke(main, ["align", str(tmp_path / "a"), str(tmp_path / "b"), "--presegmented", "--scores"])
    assert result.exit_code == 0
    first = result.output.splitlines()[0]
    assert first.startswith("[0]:[0]:") and float(first.split(":")[2]) < 1.0


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "cannot read"), (b"\xff\xfeabc", "not valid UTF-8")],
)
def test_cli_input_errors_exit_2(tmp_path, content: bytes | None, message: str) -> None:
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Une phrase.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["align", str(bad), str(good), "--presegmented"])
    assert result.exit_code == 2
    assert message in result.output


def test_cli_without_presegmented_needs_languages(tmp_path) -> None:
    (tmp_path / "a.md").write_text("Een zin.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["align", str(tmp_path / "a.md"), str(tmp_path / "a.md")])
    assert result.exit_code == 2
    assert "--source-lang" in result.output


def test_cli_segments_documents(tmp_path) -> None:
    (tmp_path / "nl.md").write_text("# Goed nieuws\n\n" + " ".join(NL) + "\n", encoding="utf-8")
    (tmp_path / "fr.md").write_text("# Bonne nouvelle\n\n" + " ".join(FR) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["align", str(tmp_path / "nl.md"), str(tmp_path / "fr.md"),
                                       "--source-lang", "nl", "--target-lang", "fr"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [b.gold_format() for b in one_to_one(7)]


def test_long_insertion_far_off_the_diagonal_is_found() -> None:
    # 20 added sentences push the true path out of the initial search band, which must widen.
    source = [f"Het project nummer {k} krijgt {k * 137} euro steun van de stad." for k in range(1, 31)]
    added = [f"Note {k} : ce paragraphe ({k * 911} signes) n'existe qu'en français." for k in range(1, 21)]
    target = added + [f"Le projet numéro {k} reçoit {k * 137} euros de soutien de la ville." for k in range(1, 31)]
    got = align_sentences(source, target, params=dataclasses.replace(DEFAULT_PARAMS, band=4))
    assert got == beads(*(((), (j,)) for j in range(20)), *(((i,), (i + 20,)) for i in range(30)))


def test_heading_pairs_with_heading_rather_than_with_paragraph() -> None:
    # Both French blocks are about as long as the Dutch heading: the kind decides.
    source = make_document("nl", [("heading", ["Nieuwe brug over de Schelde"]),
                                  ("paragraph", ["De stad bouwt een brug voor fietsers en voetgangers."])])
    target = make_document("fr", [("paragraph", ["Un pont neuf sur l'Escaut."]),
                                  ("heading", ["Nouveau pont sur l'Escaut"]),
                                  ("paragraph", ["La ville construit un pont pour cyclistes et piétons."])])
    got = segment_indices(align_documents(source, target))
    assert got == beads(((), (0,)), ((0,), (1,)), ((1,), (2,)))


def test_same_structure_pairs_blocks_without_a_search_and_as_the_search_would() -> None:
    from dataclasses import replace

    from checker.align import DEFAULT_PARAMS

    asked = []

    def recording(source_ids: tuple[int, ...], target_ids: tuple[int, ...]) -> float:
        asked.append((source_ids, target_ids))
        return 0.3

    source, target = make_document("nl", NL_BLOCKS), make_document("fr", FR_BLOCKS)
    direct = align_documents(source, target, similarity=recording)
    block_of = {segment.index: segment.block for segment in source.segments}
    # no block-level scoring: every similarity asked stays inside one block of the source
    assert all(len({block_of[i] for i in source_ids}) == 1 for source_ids, _ in asked if source_ids)
    searched = align_documents(source, target, similarity=recording,
                               params=replace(DEFAULT_PARAMS, direct_block_min_length=0, direct_block_ratio_spread=0.01))
    assert segment_indices(direct) == segment_indices(searched) == one_to_one(11)


def test_a_block_out_of_proportion_is_searched_for() -> None:
    # Same kinds, same count, but the French second paragraph lost two of its three sentences:
    # the one-to-one shortcut must not hide that.
    target = FR_BLOCKS[:1] + [("paragraph", FR[:1])] + FR_BLOCKS[2:]
    pairs = align_documents(make_document("nl", NL_BLOCKS), make_document("fr", target))
    assert sum(p.is_omission for p in pairs) == 2


def test_an_endless_group_is_aligned_in_pieces_linearly_and_still_right() -> None:
    from dataclasses import replace

    from checker.align import DEFAULT_PARAMS

    source = [f"Zin nummer {i} telt {i % 7 + 3} woorden over het project in Vlaanderen." for i in range(240)]
    target = [f"La phrase numéro {i} compte {i % 7 + 3} mots sur le projet en Flandre." for i in range(240)]
    params = replace(DEFAULT_PARAMS, max_search_units=40, window_units=40)
    # as many sentences on both sides, in proportion: paired one to one without a search
    assert align_sentences(source, target, params=params) == [Bead((i,), (i,)) for i in range(240)]
    del target[130]  # one sentence left out, in the middle of a window
    beads = align_sentences(source, target, params=params)
    assert beads[130] == Bead((130,), ())
    assert all(b.source == (i,) and b.target == (i if i < 130 else i - 1,) for i, b in enumerate(beads) if i != 130)


def test_name_matchers_of_a_whole_document_answer_as_those_of_one_group() -> None:
    # align_documents builds the matchers once per document pair and shares them between the
    # block groups: a name/word match depends on the two alone, so a larger vocabulary must not
    # change what any group finds.
    from checker.align.scoring import name_matchers

    source = [extract_anchors(s) for s in NL + ["Minister Peeters bezocht Gent met Jan Vandenbroucke."]]
    target = [extract_anchors(t) for t in FR + ["Le ministre Peters a visité Gand avec Jan Vandenbrouck."]]
    whole = name_matchers(source, target, DEFAULT_PARAMS)
    for i in range(len(source)):
        for j in range(len(target)):
            one = name_matchers([source[i]], [target[j]], DEFAULT_PARAMS)
            for side in (0, 1):
                names, words = (source[i].names, target[j].words) if side == 0 else (target[j].names, source[i].words)
                assert whole[side].found(names, words) == one[side].found(names, words), (i, j, side)
    # and the test is not empty: the misspelt names are found
    last = len(source) - 1
    assert whole[0].found(source[last].names, target[last].words) >= 3
