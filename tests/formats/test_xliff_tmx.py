"""XLIFF 1.2 / 2.x and TMX: units used as aligned, inline codes counted, states said, hostile XML refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.formats.base import FormatError, InlineTag
from checker.formats.tmx import release_names
from checker.formats.xliff import read_xliff
from tests.formats import builders as b
from tests.formats.conftest import findings_of, run_check

NL, FR, EN = b.RELEASE["nl"], b.RELEASE["fr"], b.RELEASE["en"]

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE xliff [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<xliff version="1.2"><file source-language="nl" target-language="fr"><body>
<trans-unit id="1"><source>&lol9;</source><target>&lol9;</target></trans-unit></body></file></xliff>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xliff version="1.2"><file source-language="nl" target-language="fr"><body>
<trans-unit id="1"><source>&secret;</source><target>x</target></trans-unit></body></file></xliff>
"""


def test_xliff_12_units_with_inline_codes_and_entities() -> None:
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            '<file source-language="nl-BE" target-language="fr-BE" datatype="x"><body><group id="g">\n'
            '<trans-unit id="1"><source>Het budget is <g id="1">€81 miljoen</g> &amp; <x id="2"/>meer'
            '<bpt id="3">{b}</bpt>!<ept id="3">{/b}</ept></source>\n'
            '<target state="final">Le budget est de <g id="1">81 millions d\'euros</g> &amp; plus</target></trans-unit>\n'
            '<trans-unit id="2" translate="no"><source>MEDVIA</source></trans-unit>\n'
            '</group></body></file></xliff>\n')
    found = read_xliff(text.encode(), "fr.xlf")
    assert (found.source_lang, found.target_lang) == ("nl", "fr")
    assert [blk.text for blk in found.source.blocks] == ["Het budget is €81 miljoen & meer!"]
    assert [blk.text for blk in found.target.blocks] == ["Le budget est de 81 millions d'euros & plus"]
    (source_unit,), (target_unit,) = found.source.units, found.target.units
    assert source_unit.tags == (InlineTag("g", "1"), InlineTag("x", "2"), InlineTag("bpt", "3"), InlineTag("ept", "3"))
    assert target_unit.tags == (InlineTag("g", "1"),) and target_unit.state == "final"
    block = found.target.blocks[0]
    line5 = text.splitlines()[4]
    assert found.target.position(block.offsets[block.text.index("81")]) == (5, line5.index("81") + 1)  # in the file
    assert found.target.position(block.offsets[block.text.index("&")]) == (5, line5.index("&amp;") + 1)


@pytest.mark.parametrize("content, message", [
    (BILLION_LAUGHS, "declares entities or external references"),
    (EXTERNAL, "declares entities or external references"),
    ("<xliff version='1.2'><file source-language='nl' target-language='fr'><body><trans-unit id='1'><source>x",
     "not valid XML (no element found at line 1"),
    ("<html/>", "not XLIFF (the root element is <html>)"),
    ("<xliff version='3.0'/>", "XLIFF version 3.0 is not read"),
    ("<xliff version='1.2'><file><body/></file></xliff>", "does not say its source and target languages"),
])
def test_hostile_or_damaged_xliff_is_one_clear_problem(content: str, message: str) -> None:
    with pytest.raises(FormatError) as caught:
        read_xliff(content.encode(), "fr.xlf")
    assert message in str(caught.value)


def test_a_billion_laughs_is_one_input_problem_and_the_rest_is_checked(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for release in ("a", "b"):
        for lang, blocks in (("fr", FR), ("en", EN)):
            b.write(corpus / release / f"{lang}.xlf", b.xliff12(NL, blocks, "nl", lang))
    b.write(corpus / "a" / "fr.xlf", BILLION_LAUGHS)
    report, result = findings_of(str(corpus))
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1 and "a/fr.xlf" in errors[0] and "declares entities" in errors[0]
    assert report["summary"]["releases"] == 2 and report["findings"] == []


@pytest.mark.parametrize("source_lang, target_lang, message", [
    ("nl", "de", "its target language is de, which is not one of the configured languages (nl, fr, en)"),
    ("fr", "en", "its source language is fr, but the run's source is nl"),
    ("nl", "fr", "its target language is fr, but its name says en"),
])
def test_an_xliff_with_other_languages_is_one_problem(tmp_path: Path, source_lang: str, target_lang: str,
                                                       message: str) -> None:
    corpus = tmp_path / "corpus"
    b.write(corpus / "a" / "fr.xlf", b.xliff12(NL, FR, "nl", "fr"))
    b.write(corpus / "a" / "en.xlf", b.xliff12(NL, EN, source_lang, target_lang))
    result = run_check(str(corpus))
    assert result.exit_code == 2
    (line,) = [line for line in result.stderr.splitlines() if "error:" in line]
    assert "a/en.xlf" in line and message in line


def test_untranslated_units_are_one_finding_each_with_their_state(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    b.write(corpus / "a" / "fr.xlf", b.xliff12(NL, FR, "nl", "fr"))
    b.write(corpus / "a" / "en.xlf", b.xliff12(NL, [EN[0], None, None], "nl", "en",
                                               states=["final", "needs-translation", "new"]))
    report, result = findings_of(str(corpus))
    assert [(f["code"], f["lang"], f["line"], f["message"]) for f in report["findings"]] == [
        ("FMT002", "en", 11, "unit 2 has no EN translation (state: needs-translation)"),
        ("FMT002", "en", 15, "unit 3 has no EN translation (state: new)"),
    ]  # and no OMI001 for the sentences of those units


def test_a_missing_inline_code_is_fmt001(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    nl = [(k, t.replace("€81 miljoen", '<g id="1">€81 miljoen</g>')) for k, t in NL]
    text = b.xliff12(NL, FR, "nl", "fr").replace("€81 miljoen", '<g id="1">€81 miljoen</g>')
    b.write(corpus / "a" / "fr.xlf", text)
    b.write(corpus / "a" / "en.xlf", b.xliff12(NL, EN, "nl", "en").replace("€81 miljoen", '<g id="1">€81 miljoen</g>')
            .replace("€81 million", '<g id="1">€81 million</g>'))
    assert nl
    report, result = findings_of(str(corpus))
    assert result.exit_code == 1
    (finding,) = report["findings"]
    assert finding["code"] == "FMT001" and finding["category"] == "format" and finding["lang"] == "fr"
    assert finding["message"] == "FR unit 2 lacks <g 1> of the NL source's inline codes (state: translated)"
    assert (finding["expected"], finding["found"]) == ("<g 1>", "no inline codes")


def test_tmx_units_are_grouped_into_releases(tmp_path: Path) -> None:
    memory = tmp_path / "memory.tmx"
    text = b.tmx({"2024-pit": b.RELEASE}).replace('<tu tuid="2024-pit/1">',
                                                   '<tu tuid="x"><prop type="x-release">other</prop>')
    text = text.replace("</body>", '<tu tuid="loose"><tuv xml:lang="nl"><seg>Alleen.</seg></tuv></tu>\n</body>')
    b.write(memory, text)
    assert release_names(memory, ["nl", "fr", "en"]) == (["2024-pit", "other"], None)
    b.write(tmp_path / "one.tmx", text.replace('tuid="2024-pit/', 'tuid="'))
    assert release_names(tmp_path / "one.tmx", ["nl", "fr", "en"])[0] == ["one", "other"]


def test_a_tmx_without_units_of_the_configured_languages_is_one_problem(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    b.write(corpus / "memory.tmx", b.tmx({"a": b.RELEASE}).replace("NL-BE", "DE").replace("FR-BE", "ES"))
    result = run_check(str(corpus))
    assert result.exit_code == 2
    assert "memory.tmx: has no translation unit with nl and another of the configured languages" in result.stderr


def test_a_tmx_missing_a_language_for_one_unit_is_fmt002(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    text = b.tmx({"a": b.RELEASE})
    b.write(corpus / "memory.tmx", text.replace('<tuv xml:lang="EN-BE"><seg>The first results are expected in 2025.</seg></tuv>', ""))
    report, result = findings_of(str(corpus))
    assert [(f["code"], f["lang"], f["message"]) for f in report["findings"]] == [
        ("FMT002", "en", "tu a/3 has no EN translation")]


def test_a_tmx_file_can_be_the_path_and_a_damaged_one_is_one_problem(tmp_path: Path) -> None:
    memory = b.write(tmp_path / "memory.tmx", b.tmx({"a": b.planted(), "b": b.RELEASE}))
    report, result = findings_of(str(memory))
    assert result.exit_code == 1 and report["summary"]["releases"] == 2
    assert [(f["code"], f["release"], f["file"]) for f in report["findings"]] == [("NUM001", "a", "memory.tmx")]
    memory.write_text(memory.read_text(encoding="utf-8")[:600], encoding="utf-8")
    result = run_check(str(memory))
    assert result.exit_code == 2
    (line,) = [line for line in result.stderr.splitlines() if "error:" in line]
    assert "memory.tmx: not valid XML" in line


def test_mrk_segments_and_sdlxliff_are_read_as_xliff_12(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    b.write(corpus / "a" / "fr.sdlxliff", b.xliff12(NL, b.planted()["fr"], "nl", "fr")
            .replace("<target state=\"translated\">", "<target state=\"translated\"><mrk mtype=\"seg\" mid=\"1\">")
            .replace("</target>", "</mrk></target>"))
    b.write(corpus / "a" / "en.sdlxliff", b.xliff12(NL, EN, "nl", "en"))
    report, result = findings_of(str(corpus))
    assert [(f["code"], f["lang"]) for f in report["findings"]] == [("NUM001", "fr")], result.output


def test_a_target_prefilled_with_its_source_and_not_yet_translated_is_fmt002(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    b.write(corpus / "a" / "fr.xlf", b.xliff12(NL, FR, "nl", "fr"))
    b.write(corpus / "a" / "en.xlf", b.xliff12(NL, [EN[0], NL[1], NL[2]], "nl", "en",
                                               states=["final", "needs-translation", "translated"]))
    report, result = findings_of(str(corpus))
    codes = [(f["code"], f["line"]) for f in report["findings"]]
    assert ("FMT002", 11) in codes  # the copied unit 2, once
    assert not any(code == "FMT002" and line == 15 for code, line in codes)  # unit 3 says it is translated
