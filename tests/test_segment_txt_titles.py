"""Plain text: a title right above its paragraph (no blank line) is its own heading, not glued to
the first sentence; a paragraph wrapped at a width stays one paragraph."""

from __future__ import annotations

import pytest

from checker.records import SourceFile
from checker.segment import build_document


def blocks(lang: str, text: str) -> list[tuple[str, list[str]]]:
    document = build_document("r", lang, SourceFile.from_text(f"r/{lang}.txt", text))
    return [(block.kind, [segment.text for segment in block.segments]) for block in document.blocks]


@pytest.mark.parametrize(
    "lang, title, body",
    [
        ("en", "Rangers beat Rapid Vienna in a thrilling Europa League night",
         "Rangers won 3-1 on Thursday. The fans celebrated until late in the night in Glasgow."),
        ("nl", "Rangers verslaat Rapid Wien in een spannende Europa League-avond",
         "Rangers won donderdag met 3-1. De fans vierden tot laat in de nacht feest in Glasgow."),
        ("fr", "Les Rangers battent le Rapid Vienne lors d'une soirée palpitante",
         "Les Rangers ont gagné 3-1 jeudi. Les supporters ont fait la fête tard dans la nuit."),
        # a paragraph wrapped below the title, narrower than it
        ("en", "Rangers beat Rapid Vienna in a thrilling Europa League night",
         "Rangers won 3-1 on Thursday and the\nfans celebrated until late in the\nnight."),
    ],
)
def test_a_title_right_above_its_paragraph_is_a_heading(lang, title, body):
    found = blocks(lang, f"{title}\n{body}\n")
    assert found[0] == ("heading", [title])
    assert " ".join(" ".join(s) for _, s in found[1:]) == " ".join(body.split())


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "The Technological Innovation Partnership was founded by the\nBioWin cluster in 2020 and counts 26"
               " partners from\nindustry and research across Wallonia.\n"),
        ("nl", "Het Technologisch Innovatiepartnerschap werd in 2020 opgericht door\nBioWin en telt vandaag 26 partners"
               " uit de industrie.\n"),
        ("fr", "Le Partenariat d'Innovation Technologique a été fondé en 2020 par\nBioWin et compte aujourd'hui"
               " 26 partenaires industriels.\n"),
    ],
)
def test_a_wrapped_paragraph_is_not_split_at_a_capital(lang, text):
    assert blocks(lang, text) == [("paragraph", [" ".join(text.split())])]
