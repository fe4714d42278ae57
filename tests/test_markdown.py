"""Markdown and plain-text blocks: what is kept, what is dropped, and where each kept character came from."""

from __future__ import annotations

import pytest

from checker.markdown import SHORT_LINE, TextBlock, parse_blocks
from checker.records import SourceFile


def md(text: str) -> tuple[SourceFile, list[TextBlock]]:
    source = SourceFile.from_text("nl.md", text)
    return source, parse_blocks(source)


def shapes(text: str, path: str = "nl.md") -> list[tuple[str, int, str]]:
    return [(b.kind, b.level, b.text) for b in parse_blocks(SourceFile.from_text(path, text))]


def position_of(source: SourceFile, block: TextBlock, word: str) -> tuple[int, int]:
    return source.position(block.offsets[block.text.index(word)])


# --------------------------------------------------------------------------- blocks


@pytest.mark.parametrize(
    "text, expected",
    [
        ("# Titel", [("heading", 1, "Titel")]),
        ("###### Diep", [("heading", 6, "Diep")]),
        ("## Titel met sluiting ##", [("heading", 2, "Titel met sluiting")]),
        ("## C# en F#", [("heading", 2, "C# en F#")]),  # a `#` glued to a word is not a closing sequence
        ("#Geen kop", [("paragraph", 0, "#Geen kop")]),
        ("####### Zeven", [("paragraph", 0, "####### Zeven")]),
        ("Grote kop\n=========", [("heading", 1, "Grote kop")]),
        ("Kleine kop\n---", [("heading", 2, "Kleine kop")]),
        ("Kop over\ntwee regels\n===", [("heading", 1, "Kop over twee regels")]),
    ],
)
def test_headings(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert shapes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Een zin die\nverder loopt\nop drie regels.", [("paragraph", 0, "Een zin die verder loopt op drie regels.")]),
        ("Eerste alinea.\n\nTweede alinea.", [("paragraph", 0, "Eerste alinea."), ("paragraph", 0, "Tweede alinea.")]),
        ("Met harde breuk  \nvolgende regel", [("paragraph", 0, "Met harde breuk\nvolgende regel")]),
        ("Met backslash\\\nvolgende regel", [("paragraph", 0, "Met backslash\nvolgende regel")]),
        ("Met html<br>volgende", [("paragraph", 0, "Met html\nvolgende")]),
        ("Eén spatie \nis zacht", [("paragraph", 0, "Eén spatie is zacht")]),
        ("Slot met spaties   ", [("paragraph", 0, "Slot met spaties")]),
        ("   ingesprongen\n      vervolg", [("paragraph", 0, "ingesprongen vervolg")]),
    ],
)
def test_paragraphs_and_line_breaks(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert shapes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("- een\n- twee", [("list_item", 1, "een"), ("list_item", 1, "twee")]),
        ("* een\n+ twee", [("list_item", 1, "een"), ("list_item", 1, "twee")]),
        ("1. een\n2. twee", [("list_item", 1, "een"), ("list_item", 1, "twee")]),
        ("1) een\n2) twee", [("list_item", 1, "een"), ("list_item", 1, "twee")]),
        ("- een\n  vervolg", [("list_item", 1, "een vervolg")]),
        ("- een\nlui vervolg", [("list_item", 1, "een lui vervolg")]),
        (
            "- een\n  - genest\n    - dieper\n- twee",
            [("list_item", 1, "een"), ("list_item", 2, "genest"), ("list_item", 3, "dieper"), ("list_item", 1, "twee")],
        ),
        (
            "1. een\n   - genest onder nummer",
            [("list_item", 1, "een"), ("list_item", 2, "genest onder nummer")],
        ),
        (
            "- losse alinea\n\n  tweede alinea van hetzelfde item\n- volgende",
            [("list_item", 1, "losse alinea"), ("list_item", 1, "tweede alinea van hetzelfde item"),
             ("list_item", 1, "volgende")],
        ),
        (
            "Dit zijn de partners:\n- Celyad\n- Univercells",
            [("paragraph", 0, "Dit zijn de partners:"), ("list_item", 1, "Celyad"), ("list_item", 1, "Univercells")],
        ),
        # Only an ordered list starting at 1 interrupts a paragraph: a wrapped year stays text.
        ("Het budget werd goedgekeurd in\n2023. Het loopt drie jaar.",
         [("paragraph", 0, "Het budget werd goedgekeurd in 2023. Het loopt drie jaar.")]),
        ("- **Vet:** uitleg", [("list_item", 1, "Vet: uitleg")]),
    ],
)
def test_list_items(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert shapes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("> Een citaat\n> over twee regels.", [("quote", 1, "Een citaat over twee regels.")]),
        ("> Een citaat\nlui vervolg.", [("quote", 1, "Een citaat lui vervolg.")]),
        ("> Eerste.\n>\n> Tweede.", [("quote", 1, "Eerste."), ("quote", 1, "Tweede.")]),
        ("> Buiten\n> > binnen", [("quote", 1, "Buiten"), ("quote", 2, "binnen")]),
        ("> - punt in citaat", [("list_item", 1, "punt in citaat")]),
        ("> Citaat\n\nGewone alinea.", [("quote", 1, "Citaat"), ("paragraph", 0, "Gewone alinea.")]),
    ],
)
def test_block_quotes(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert shapes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "| Jaar | Banen |\n|------|:-----:|\n| 2024 | 1.200 |\n| 2025 | 2.100 |",
            [("table_row", 0, " Jaar\n Banen"), ("table_row", 0, " 2024\n 1.200"), ("table_row", 0, " 2025\n 2.100")],
        ),
        ("Jaar | Banen\n--- | ---\n2024 | 470", [("table_row", 0, "Jaar\n Banen"), ("table_row", 0, "2024\n 470")]),
        ("| a \\| b | `c \\| d` |", [("table_row", 0, " a | b\n c | d")]),
        ("| **Vet** | [link](x) |", [("table_row", 0, " Vet\n link")]),
        ("|  | leeg |", [("table_row", 0, " leeg")]),
    ],
)
def test_table_rows(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert shapes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "```\ncode hier\n```",
        "```python\nx = 1\n\ny = 2\n```",
        "~~~~\nnog code\n~~~\nnog steeds\n~~~~",
        "    ingesprongen code\n\n    nog meer",
        "---",
        "***",
        "_ _ _",
        "<!-- commentaar -->",
        "<!-- commentaar\nover regels\n-->",
        "<div>\nrauwe html\n</div>",
        "<custom-tag>\n\n",
        "---\ntitle: Persbericht\nlang: nl\n---",
        "[ref]: https://example.org",
        "![logo](logo.png)",
        "",
        "\n\n   \n",
    ],
)
def test_skipped_blocks_leave_nothing(text: str) -> None:
    assert shapes(text) == []


def test_skipped_blocks_between_text() -> None:
    text = (
        "---\ntitle: x\n---\n"
        "Voor.\n\n```\n# geen kop\n```\n\n<!-- - geen item -->\n\n---\n\n"
        "    code\n\nNa.\n"
    )
    assert shapes(text) == [("paragraph", 0, "Voor."), ("paragraph", 0, "Na.")]


def test_thematic_break_at_the_top_is_not_front_matter() -> None:
    assert shapes("---\nEerste alinea.\n\n---\n\nTweede.") == [
        ("paragraph", 0, "Eerste alinea."),
        ("paragraph", 0, "Tweede."),
    ]


def test_unclosed_fence_runs_to_the_end() -> None:
    assert shapes("Tekst.\n\n```\ncode\nnog code") == [("paragraph", 0, "Tekst.")]


# --------------------------------------------------------------------------- inline


@pytest.mark.parametrize(
    "text, expected",
    [
        ("**vet** en __ook vet__", "vet en ook vet"),
        ("*schuin* en _ook schuin_", "schuin en ook schuin"),
        ("***beide***", "beide"),
        ("**vet met *schuin* erin**", "vet met schuin erin"),
        ("~~doorgehaald~~", "doorgehaald"),
        ("snake_case en a_b en __init__", "snake_case en a_b en init"),
        ("5 * 3 = 15 en 2 * 4", "5 * 3 = 15 en 2 * 4"),
        ("een *losse ster", "een *losse ster"),
        ("~5% en ~~ niets", "~5% en ~~ niets"),
        ("`code blijft` en ``met ` erin``", "code blijft en met ` erin"),
        ("`**geen vet**`", "**geen vet**"),
        ("[BioWin](https://www.biowin.org \"titel\")", "BioWin"),
        ("[tekst](https://x.be/a_(b))", "tekst"),
        ("[**vette** link](x)", "vette link"),
        ("[tekst][ref] en [tekst][]", "tekst en tekst"),
        ("[sic] en [ ... ]", "[sic] en [ ... ]"),
        ("![logo](logo.png) tekst", " tekst"),
        ("[![logo](img.png)](https://x)tekst", "tekst"),
        ("<https://www.biowin.org>", "https://www.biowin.org"),
        ("<info@biowin.be>", "info@biowin.be"),
        ("a <span class=\"x\">b</span> c", "a b c"),
        ("a <!-- verborgen --> b", "a  b"),
        ("R&amp;D &lt;3 &#8364;81 &#x20AC;5 &euro;", "R&D <3 €81 €5 €"),
        ("1&nbsp;200 en 2&#8239;500", "1\u00a0200 en 2\u202f500"),
        ("&bogus; en & los", "&bogus; en & los"),
        ("\\*geen nadruk\\* en \\# en \\[x\\]", "*geen nadruk* en # en [x]"),
        ("C:\\pad\\naar", "C:\\pad\\naar"),
        ("2 < 3 en a > b", "2 < 3 en a > b"),
    ],
)
def test_inline_markup(text: str, expected: str) -> None:
    assert shapes(text)[0][2] == expected


def test_reference_link_shortcut_needs_a_definition() -> None:
    assert shapes("Zie [BioWin].\n\n[BioWin]: https://www.biowin.org")[0][2] == "Zie BioWin."


# --------------------------------------------------------------------------- offsets


def test_every_kept_character_maps_to_itself() -> None:
    text = (
        "# Kop **vet** ##\n\n"
        "Een [link](https://x.be) en `code` met *nadruk*\n"
        "over twee regels, \\*ster\\*.  \n"
        "Na de breuk.\n\n"
        "- item *een*\n  - genest `x`\n\n"
        "> citaat [a][b]\n\n"
        "| cel **1** | cel 2 |\n"
        "|---|---|\n"
        "| <https://a.be> | x |\n"
    )
    source, blocks = md(text)
    for block in blocks:
        assert len(block.offsets) == len(block.text)
        for ch, offset in zip(block.text, block.offsets):
            if ch in " \n":
                assert text[offset] in " \n|", (block.text, ch, offset)
            else:
                assert text[offset] == ch, (block.text, ch, offset)
        assert list(block.offsets) == sorted(block.offsets)


@pytest.mark.parametrize(
    "text, word, line, column",
    [
        ("Een alinea die\nover twee regels 18.500 telt.", "18.500", 2, 18),  # soft-wrapped paragraph
        ("Zie [de website van BioWin](https://www.biowin.org).", "BioWin", 1, 21),  # inside a link text
        ("**Namen, 14 mei 2024** – tekst", "14", 1, 10),  # after a removed `**`
        ("**Namen** – 26 partners", "26", 1, 13),  # after the closing `**`
        ("- Eerste\n  - genest item 470", "470", 2, 17),  # nested list item
        ("> citaat\n> met 81 miljoen", "81", 2, 7),  # quote continuation
        ("| a | b | 2.100 |", "2.100", 1, 11),  # table cell
        ("Titel\n=====\n\nR&amp;D 5", "5", 4, 9),  # after an entity
        ("R&amp;D", "&", 1, 2),  # a decoded entity points at its `&`
        ("\ufeffBOM en 5", "5", 1, 9),  # a byte-order mark is not text
        ("Windows\r\nregels 7", "7", 2, 8),
    ],
)
def test_positions(text: str, word: str, line: int, column: int) -> None:
    source, blocks = md(text)
    block = next(b for b in blocks if word in b.text)
    assert position_of(source, block, word) == (line, column)


def test_hard_breaks_are_reported() -> None:
    _, blocks = md("Media contact  \n**Andrew Lloyd**  \n+44 1273 952 481")
    (block,) = blocks
    assert block.text == "Media contact\nAndrew Lloyd\n+44 1273 952 481"
    assert block.hard_breaks == (13, 26)


def test_table_cells_are_hard_breaks_at_their_border() -> None:
    source, blocks = md("| Jaar | Banen |")
    (block,) = blocks
    (border,) = block.hard_breaks
    assert source.text[block.offsets[border]] == "|"


# --------------------------------------------------------------------------- plain text


def txt(text: str) -> list[tuple[str, int, str]]:
    return shapes(text, path="nl.txt")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Eerste alinea.\n\nTweede alinea.", [("paragraph", 0, "Eerste alinea."), ("paragraph", 0, "Tweede alinea.")]),
        (
            "Een lange regel die netjes is afgebroken omdat het venster smal is en\ndaarna verder gaat.",
            [("paragraph", 0, "Een lange regel die netjes is afgebroken omdat het venster smal is en daarna verder gaat.")],
        ),
        ("Perscontact\nAndrew Lloyd\n+44 1273 952 481",
         [("paragraph", 0, "Perscontact\nAndrew Lloyd\n+44 1273 952 481")]),
        ("Kort, met komma,\nloopt door.", [("paragraph", 0, "Kort, met komma, loopt door.")]),
        ("Waalse regering investeert in ATMP's", [("heading", 0, "Waalse regering investeert in ATMP's")]),
        ("Eén zin als alinea.", [("paragraph", 0, "Eén zin als alinea.")]),
        (
            "De partners:\n- Celyad\n* Univercells\n• Mithra\n1. Eerste\n2) Tweede",
            [("paragraph", 0, "De partners:"), ("list_item", 1, "Celyad"), ("list_item", 1, "Univercells"),
             ("list_item", 1, "Mithra"), ("list_item", 1, "Eerste"), ("list_item", 1, "Tweede")],
        ),
        ("- item dat een erg lange regel heeft die doorloopt tot\n  op de volgende regel",
         [("list_item", 1, "item dat een erg lange regel heeft die doorloopt tot op de volgende regel")]),
        ("- hoofd\n  - sub", [("list_item", 1, "hoofd"), ("list_item", 2, "sub")]),
        ("**geen** markdown in _tekst_", [("heading", 0, "**geen** markdown in _tekst_")]),
        ("-geen item", [("heading", 0, "-geen item")]),
        ("\n\n  \n", []),
    ],
)
def test_plain_text_rules(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert txt(text) == expected


def test_plain_text_short_line_threshold() -> None:
    short = "x" * (SHORT_LINE - 1)
    long = "x" * SHORT_LINE
    assert txt(f"{short}\nvolgende.")[0][2] == f"{short}\nvolgende."
    assert txt(f"{long}\nvolgende.")[0][2] == f"{long} volgende."


def test_plain_text_positions() -> None:
    text = "Titel\n\nEen alinea die doorloopt op een tweede regel en nog\n  verder met 26 partners."
    source = SourceFile.from_text("release/fr.txt", text)
    blocks = parse_blocks(source)
    assert position_of(source, blocks[1], "26") == (4, 14)


@pytest.mark.parametrize("path", ["nl.md", "NL.MD", "x/nl.markdown"])
def test_markdown_is_chosen_by_suffix(path: str) -> None:
    assert shapes("**vet**", path=path)[0][2] == "vet"


@pytest.mark.parametrize("path", ["nl.txt", "nl", "nl.text"])
def test_other_suffixes_are_plain_text(path: str) -> None:
    assert shapes("**vet**", path=path)[0][2] == "**vet**"


_MARKUP_PIECES = [
    "Dhr.", "tekst", " ", "  ", "\n", "\n\n", "*", "**", "_", "~~", "`", "```", "[", "]", "(x)", "![", "<",
    ">", "&amp;", "&", "# ", "- ", "1. ", "> ", "|", "\\", "---", "    ", "<br>", "<!--", "-->", "é", "\t", "\r\n",
]


@pytest.mark.parametrize("path", ["x.md", "x.txt"])
def test_random_markup_keeps_every_offset_exact(path: str) -> None:
    import random

    rng = random.Random(20240517)
    for _ in range(400):
        text = "".join(rng.choice(_MARKUP_PIECES) for _ in range(rng.randint(0, 30)))
        for block in parse_blocks(SourceFile.from_text(path, text)):
            assert block.text.strip() and len(block.text) == len(block.offsets)
            for ch, offset in zip(block.text, block.offsets):
                # A kept character is itself in the file, or was decoded from the entity there.
                assert ch.isspace() or text[offset] in (ch, "&"), (text, block.text)
