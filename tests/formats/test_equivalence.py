"""The same release in every format gives the same findings, each located where it is in that format.

One small release (a heading and two paragraphs in NL, FR and EN) with one planted error — the
French budget is 18 million instead of 81 — written as Markdown, DOCX, HTML, XLIFF 1.2 and 2.0
(one file per target language: NL→FR and NL→EN) and TMX. Each must give exactly one finding:
NUM001 with the same message, expected and found values, pointing at the French file's line
and column where `18` is written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.formats import builders as b
from tests.formats.conftest import findings_of, tree_bytes

RELEASE = b.planted()
CLEAN = b.RELEASE


def _position(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _write_markdown(root: Path) -> tuple[str, tuple[int, int]]:
    for lang, blocks in RELEASE.items():
        b.write(root / "pit" / f"{lang}.md", b.markdown(blocks))
    return "pit/fr.md", _position(b.markdown(RELEASE["fr"]), "18 millions")


def _write_docx(root: Path) -> tuple[str, tuple[int, int]]:
    for lang, blocks in RELEASE.items():
        b.write(root / f"pit_{lang.upper()}.docx", b.docx_bytes(blocks))
    paragraph = RELEASE["fr"][1][1]
    return "pit_FR.docx", (2, paragraph.index("18 millions") + 1)  # paragraph 2, its column


def _write_html(root: Path) -> tuple[str, tuple[int, int]]:
    for lang, blocks in RELEASE.items():
        b.write(root / lang / "pit.html", b.html_page(blocks, lang))
    return "fr/pit.html", _position(b.html_page(RELEASE["fr"], "fr"), "18 millions")


def _write_xliff12(root: Path) -> tuple[str, tuple[int, int]]:
    for lang in ("fr", "en"):
        b.write(root / f"pit.{lang}.xlf", b.xliff12(RELEASE["nl"], RELEASE[lang], "nl-BE", f"{lang}-BE"))
    return "pit.fr.xlf", _position(b.xliff12(RELEASE["nl"], RELEASE["fr"], "nl-BE", "fr-BE"), "18 millions")


def _write_xliff20(root: Path) -> tuple[str, tuple[int, int]]:
    for lang in ("fr", "en"):
        b.write(root / "pit" / f"{lang}.xliff", b.xliff20(RELEASE["nl"], RELEASE[lang], "nl", lang))
    return "pit/fr.xliff", _position(b.xliff20(RELEASE["nl"], RELEASE["fr"], "nl", "fr"), "18 millions")


def _write_tmx(root: Path) -> tuple[str, tuple[int, int]]:
    text = b.tmx({"atmp": CLEAN, "pit": RELEASE})  # a second, clean release in the same memory
    b.write(root / "memory.tmx", text)
    return "memory.tmx", _position(text, "18 millions")


FORMATS = {"markdown": _write_markdown, "docx": _write_docx, "html": _write_html, "xliff-1.2": _write_xliff12,
           "xliff-2.0": _write_xliff20, "tmx": _write_tmx}


EXTRA = {
    "markdown": {}, "html": {},
    "docx": {"paragraph": "¶ 2, under the heading \u201cNouveau partenariat pour la thérapie cellulaire\u201d"},
    "xliff-1.2": {"unit": "unit 2, state: translated"},
    "xliff-2.0": {"unit": "unit u2, state: final"},
    "tmx": {"unit": "tu pit/2"},
}


def _essence(finding: dict) -> tuple:
    return (finding["code"], finding["release"], finding["lang"], finding["message"], finding["expected"],
            finding["found"], finding["source"], finding["target"])


@pytest.fixture(scope="module")
def markdown_findings(tmp_path_factory) -> list[dict]:
    root = tmp_path_factory.mktemp("md") / "corpus"
    _write_markdown(root)
    import os

    here = os.getcwd()
    os.chdir(root.parent)
    try:
        report, result = findings_of(str(root))
    finally:
        os.chdir(here)
    assert result.exit_code == 1, result.output
    return report["findings"]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_gives_the_same_finding_at_its_place(tmp_path: Path, fmt: str, markdown_findings) -> None:
    corpus = tmp_path / "corpus"
    expected_file, (line, column) = FORMATS[fmt](corpus)
    before = tree_bytes(corpus)
    report, result = findings_of(str(corpus))
    assert result.exit_code == 1, result.output
    assert [_essence(f) for f in report["findings"]] == [_essence(f) for f in markdown_findings]
    (finding,) = report["findings"]
    assert finding["message"].startswith("NL has '€81 miljoen' (81 000 000 EUR), FR has '18 millions d'euros'")
    assert (finding["file"], finding["line"], finding["column"]) == (f"corpus/{expected_file}", line, column)
    assert finding["extra"] == EXTRA[fmt]  # the location as each format's users look for it
    assert report["summary"]["input_errors"] == 0
    assert tree_bytes(corpus) == before  # nothing was written next to the input


@pytest.mark.parametrize("fmt, name, before", [
    ("html", "fr/pit.html", "<p>Le partenariat"),
    ("xliff-1.2", "pit.fr.xlf", '        <target state="translated">Le partenariat'),
    ("tmx", "memory.tmx", '      <tuv xml:lang="FR-BE"><seg>Le partenariat compte 26 partenaires et dispose d\'un budget de 18'),
])
def test_an_inline_suppression_works_by_the_files_lines(tmp_path: Path, fmt: str, name: str, before: str) -> None:
    corpus = tmp_path / "corpus"
    FORMATS[fmt](corpus)
    path = corpus / name
    text = path.read_text(encoding="utf-8")
    assert text.count(before) == 1
    path.write_text(text.replace(before, "<!-- checker: ignore NUM001 -->\n" + before), encoding="utf-8")
    report, result = findings_of(str(corpus))
    assert result.exit_code == 0 and report["findings"] == [], result.output
