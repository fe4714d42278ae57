"""DOCX: paragraphs, headings, lists, tables, footnotes; tracked changes accepted; hostile archives refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from checker.config import Limits
from checker.formats.base import FormatError
from checker.formats.docx import read_docx
from tests.formats.builders import RELEASE, docx_bytes, write
from tests.formats.conftest import run_check, tree_bytes

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def blocks_of(data: bytes) -> list[tuple[str, int, str]]:
    source, _note = read_docx(data, "nl.docx", Limits())
    return [(b.kind, b.level, b.text) for b in source.blocks]


def test_headings_paragraphs_list_items_and_table_rows() -> None:
    data = docx_bytes([("heading", "Titel"), ("paragraph", "Het project telt 26 partners."),
                       ("list_item", "eerste punt")], table=[["Partners", "26"]])
    assert blocks_of(data) == [("heading", 1, "Titel"), ("paragraph", 0, "Het project telt 26 partners."),
                               ("list_item", 1, "eerste punt"), ("table_row", 0, "Partners\n26")]


def test_the_line_of_a_finding_is_the_paragraph_number() -> None:
    source, _ = read_docx(docx_bytes(RELEASE["nl"]), "nl.docx", Limits())
    block = source.blocks[2]
    assert source.position(block.offsets[block.text.index("2025")]) == (3, block.text.index("2025") + 1)


def _with_body_xml(data: bytes, paragraphs_xml: str) -> bytes:
    """The document with extra paragraphs written as WordprocessingML (tracked changes, comments)."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    for xml in paragraphs_xml.split("\n\n"):
        body.insert(len(body) - 1, parse_xml(f'<w:p xmlns:w="{W_NS}">{xml}</w:p>'))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_tracked_changes_are_read_as_accepted_and_said() -> None:
    data = _with_body_xml(docx_bytes([("heading", "Titel")]),
                          '<w:r><w:t xml:space="preserve">Het project telt </w:t></w:r>'
                          '<w:del w:id="1" w:author="a"><w:r><w:delText>62</w:delText></w:r></w:del>'
                          '<w:ins w:id="2" w:author="a"><w:r><w:t>26</w:t></w:r></w:ins>'
                          '<w:r><w:t xml:space="preserve"> partners.</w:t></w:r>'
                          '<w:commentRangeStart w:id="3"/><w:r><w:t xml:space="preserve"> Zeker.</w:t></w:r>'
                          '<w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r>')
    source, note = read_docx(data, "nl.docx", Limits())
    assert source.blocks[1].text == "Het project telt 26 partners. Zeker."
    assert note == "tracked changes read as accepted (1 insertion kept, 1 deletion left out); 1 comment not read as text"


def test_footnotes_are_text_after_the_body() -> None:
    data = docx_bytes([("paragraph", "Het project telt 26 partners.")])
    footnotes = (f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
                 f'</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Bron: 2024.</w:t></w:r></w:p></w:footnote></w:footnotes>')
    # Add the part to the package the way Word does: a member, a content type and a relationship.
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item)
            if item.filename == "[Content_Types].xml":
                content = content.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                                          b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            if item.filename == "word/_rels/document.xml.rels":
                content = content.replace(b"</Relationships>", b'<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/'
                                          b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>')
            dst.writestr(item, content)
        dst.writestr("word/footnotes.xml", footnotes)
    assert [text for _k, _l, text in blocks_of(out.getvalue())] == ["Het project telt 26 partners.", "Bron: 2024."]


def _zip(members: dict[str, bytes], base: bytes | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if base is not None:
            source = zipfile.ZipFile(io.BytesIO(base))
            for item in source.infolist():
                archive.writestr(item, source.read(item))
        for name, content in members.items():
            archive.writestr(zipfile.ZipInfo(name), content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


GOOD = docx_bytes(RELEASE["nl"])


HOSTILE = {
    "truncated": (lambda: GOOD[: len(GOOD) // 2], "not a valid DOCX: the ZIP archive is damaged or truncated"),
    "no-archive": (lambda: b"PK\x03\x04" + b"\x00" * 40, "not a valid DOCX"),
    "zip-bomb": (lambda: _zip({"word/padding.xml": b"\x00" * 30_000_000}, GOOD),
                 "times its size, more than max_compression_ratio = 100"),
    "path-out": (lambda: _zip({"../../etc/evil.xml": b"<a/>"}, GOOD), "a member with a path outside it ('../../etc/evil.xml')"),
    "absolute": (lambda: _zip({"/abs.xml": b"<a/>"}, GOOD), "a member with a path outside it"),
    "not-word": (lambda: _zip({"hello.txt": b"hi"}), "no word/document.xml"),
    "dtd": (lambda: _zip({"word/bomb.xml": b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY a "aaaa">]><a>&a;</a>'}, GOOD),
            "declares a DTD"),
    "no-text": (lambda: docx_bytes([]), "has no text"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_or_damaged_docx_is_one_clear_problem(case: str) -> None:
    make, message = HOSTILE[case]
    data = make()
    with pytest.raises(FormatError) as caught:
        read_docx(data, "fr.docx", Limits())
    assert message in str(caught.value)


def test_the_unpacked_size_limit_is_configurable(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="more than max_unpacked_size = 1000"):
        read_docx(GOOD, "fr.docx", Limits(max_unpacked_size=1000))


def test_a_damaged_docx_is_one_input_problem_and_the_rest_is_checked(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for release in ("a", "b"):
        for lang, blocks in RELEASE.items():
            write(corpus / release / f"{lang}.docx", docx_bytes(blocks))
    (corpus / "a" / "fr.docx").write_bytes(GOOD[:300])
    before = tree_bytes(corpus)
    result = run_check(str(corpus), "--format", "json")
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(lines) == 1 and "a/fr.docx" in lines[0] and "damaged or truncated" in lines[0]
    import json

    assert json.loads(result.stdout)["summary"]["releases"] == 2
    assert tree_bytes(corpus) == before  # nothing written next to the input


def test_the_tracked_changes_note_is_one_line_on_standard_error(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for lang, blocks in RELEASE.items():
        write(corpus / "a" / f"{lang}.docx", docx_bytes(blocks))
    write(corpus / "a" / "en.docx", _with_body_xml(docx_bytes(RELEASE["en"]),
                                                   '<w:ins w:id="2" w:author="a"><w:r><w:t>See you there.</w:t></w:r></w:ins>'))
    result = run_check(str(corpus))
    assert "a/en.docx: tracked changes read as accepted (1 insertion kept, 0 deletions left out)" in result.stderr


def test_a_paragraph_restyled_as_a_heading_is_checked_again_not_read_from_the_cache() -> None:
    from checker.corpus import ReleaseFiles
    from checker.result_cache import release_key

    as_paragraph, _ = read_docx(docx_bytes([("paragraph", "Titel")]), "nl.docx", Limits())
    as_heading, _ = read_docx(docx_bytes([("heading", "Titel")]), "nl.docx", Limits())
    assert as_paragraph.text == as_heading.text
    keys = {release_key("run", ReleaseFiles("a", Path("a"), {"nl": source})) for source in (as_paragraph, as_heading)}
    assert len(keys) == 2
