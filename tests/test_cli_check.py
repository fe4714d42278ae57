"""`checker check` end to end on corpora the tests write, with errors injected on purpose."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main

NL = """# Nieuw partnerschap voor ATMP's

**Namen, 17 januari 2024** – De Waalse regering trekt €81 miljoen uit voor het partnerschap.

Het project telt 26 partners en loopt drie jaar. Er komen 1.200 indirecte banen bij.

- Meer dan 2.100 directe banen.
- Ongeveer 60% overheidsgeld.

De infosessie begint om 9u30 in Namen en duurt tot 17u00 met een lange pauze.
"""
FR = """# Nouveau partenariat pour les ATMP

**Namur, 17 janvier 2024** – Le gouvernement wallon dégage 81 millions d'euros pour le partenariat.

Le projet compte 26 partenaires et dure trois ans. Il créera 1 200 emplois indirects.

- Plus de 2 100 emplois directs.
- Environ 60 % de fonds publics.

La séance d'information commence à 9h30 à Namur et dure jusqu'à 17h00 avec une longue pause.
"""
EN = """# New partnership for ATMPs

**Namur, 17 January 2024** – The Walloon government is setting aside €81 million for the partnership.

The project has 26 partners and runs for three years. It will create 1,200 indirect jobs.

- More than 2,100 direct jobs.
- Approximately 60% public money.

The information session starts at 9.30 am in Namur and lasts until 5 pm with a long break.
"""


@pytest.fixture
def corpus(make_corpus, tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no setup.cfg, no glossaries: defaults
    return make_corpus({"2024-01-17-pit": {"nl": NL, "fr": FR, "en": EN}})


def run(*args: str):
    return CliRunner().invoke(main, ["check", *args])


def findings(result) -> list[dict]:
    return json.loads(result.stdout)["findings"]


def test_correct_translations_give_no_finding_and_exit_0(corpus: Path) -> None:
    result = run(str(corpus))
    assert result.exit_code == 0, result.output
    assert "no problems found in 1 release (3 files" in result.stdout


def test_a_wrong_amount_is_one_error_at_its_line_and_column(corpus: Path) -> None:
    fr = corpus / "2024-01-17-pit" / "fr.md"
    fr.write_text(FR.replace("81 millions", "18 millions"), encoding="utf-8")
    result = run(str(corpus), "--format", "json")
    assert result.exit_code == 1
    (finding,) = findings(result)
    assert finding["code"] == "NUM001"
    assert finding["category"] == "number"
    assert finding["severity"] == "error"
    assert finding["lang"] == "fr" and finding["source_lang"] == "nl"
    assert finding["file"].endswith("2024-01-17-pit/fr.md")
    line = fr.read_text(encoding="utf-8").splitlines()[finding["line"] - 1]
    assert line[finding["column"] - 1 :].startswith("18 millions d'euros")
    assert finding["expected"] == "81 000 000 EUR" and finding["found"] == "18 000 000 EUR"
    assert "NL and EN agree" in finding["message"]
    assert "€81 miljoen" in finding["source"] and "18 millions" in finding["target"]


def test_text_report_shows_both_sentences_with_the_span_marked(corpus: Path) -> None:
    en = corpus / "2024-01-17-pit" / "en.md"
    en.write_text(EN.replace("1,200 indirect", "1.200 indirect"), encoding="utf-8")
    result = run(str(corpus), "--no-color")
    assert result.exit_code == 1
    assert "en.md:5:" in result.stdout
    assert "NUM002" in result.stdout
    assert "»1.200«" in result.stdout and "»1.200« indirecte banen" in result.stdout
    assert "write 1,200" in result.stdout


def test_source_is_the_odd_one_out_when_both_targets_agree(corpus: Path) -> None:
    nl = corpus / "2024-01-17-pit" / "nl.md"
    nl.write_text(NL.replace("26 partners", "62 partners"), encoding="utf-8")
    result = run(str(corpus), "--format", "json")
    (finding,) = findings(result)
    assert finding["lang"] == "nl"
    assert finding["file"].endswith("nl.md")
    assert "FR and EN agree on 26" in finding["message"]


def test_json_output_is_deterministic_and_complete(corpus: Path) -> None:
    fr = corpus / "2024-01-17-pit" / "fr.md"
    fr.write_text(FR.replace("9h30", "10h30").replace("26 partenaires", "25 partenaires"), encoding="utf-8")
    first, second = run(str(corpus), "--format", "json"), run(str(corpus), "--format", "json")
    assert first.stdout == second.stdout
    document = json.loads(first.stdout)
    assert document["summary"]["errors"] == 2
    keys = {"code", "category", "severity", "release", "source_lang", "lang", "file", "line", "column",
            "message", "source", "target"}
    assert all(keys <= set(f) for f in document["findings"])
    lines = [f["line"] for f in document["findings"]]
    assert lines == sorted(lines)


def test_qualifier_conflict_is_a_warning_and_does_not_fail_by_default(corpus: Path) -> None:
    en = corpus / "2024-01-17-pit" / "en.md"
    en.write_text(EN.replace("More than 2,100", "Almost 2,100"), encoding="utf-8")
    result = run(str(corpus), "--format", "json")
    (finding,) = findings(result)
    assert (finding["code"], finding["severity"]) == ("NUM003", "warning")
    assert result.exit_code == 0
    assert run(str(corpus), "--fail-on", "warning").exit_code == 1


def test_dropped_hedge_is_info(corpus: Path) -> None:
    fr = corpus / "2024-01-17-pit" / "fr.md"
    fr.write_text(FR.replace("Environ 60 %", "60 %"), encoding="utf-8")
    (finding,) = findings(run(str(corpus), "--format", "json"))
    assert (finding["code"], finding["severity"]) == ("NUM004", "info")


def test_an_untranslated_sentence_is_an_omission(corpus: Path) -> None:
    en = corpus / "2024-01-17-pit" / "en.md"
    en.write_text(EN.replace(" It will create 1,200 indirect jobs.", ""), encoding="utf-8")
    result = run(str(corpus), "--format", "json")
    codes = [f["code"] for f in findings(result)]
    assert codes == ["OMI001"]
    (finding,) = findings(result)
    assert finding["category"] == "omission" and finding["lang"] == "en"
    assert "1.200 indirecte banen" in finding["source"]


def test_github_format_writes_annotations(corpus: Path) -> None:
    fr = corpus / "2024-01-17-pit" / "fr.md"
    fr.write_text(FR.replace("26 partenaires", "25 partenaires"), encoding="utf-8")
    result = run(str(corpus), "--format", "github")
    assert result.stdout.startswith("::error file=")
    assert ",line=5," in result.stdout and "NUM001" in result.stdout


def test_output_file_and_the_corpus_is_never_written(corpus: Path, tmp_path: Path) -> None:
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in corpus.rglob("*") if p.is_file()}
    report = tmp_path / "out" / "report.json"
    result = run(str(corpus), "--format", "json", "--output", str(report))
    assert result.exit_code == 0
    assert json.loads(report.read_text())["summary"]["releases"] == 1
    refused = run(str(corpus), "--output", str(corpus / "2024-01-17-pit" / "fr.md"))
    assert refused.exit_code == 2 and "never writes into the corpus" in refused.stderr
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in corpus.rglob("*") if p.is_file()}
    assert before == after


def test_source_language_option(corpus: Path) -> None:
    result = run(str(corpus), "--source", "en", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["findings"] == []
    assert run(str(corpus), "--source", "de").exit_code == 2


def test_a_single_release_directory_can_be_checked(corpus: Path) -> None:
    result = run(str(corpus / "2024-01-17-pit"))
    assert result.exit_code == 0 and "1 release" in result.stdout


def test_says_in_one_line_what_it_skipped_without_a_model(corpus: Path) -> None:
    result = run(str(corpus), "--no-model")
    (skipped,) = [line for line in result.stderr.splitlines() if "skipped" in line]
    assert "ADQ001 and MT-assisted alignment (no translation model" in skipped
    assert result.exit_code == 0


def test_configuration_changes_severity_and_disables_checks(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "setup.cfg").write_text("[checker]\nlanguages = nl, fr, en\nseverity.NUM004 = error\n")
    fr = corpus / "2024-01-17-pit" / "fr.md"
    fr.write_text(FR.replace("Environ 60 %", "60 %"), encoding="utf-8")
    result = run(str(corpus), "--format", "json")
    (finding,) = findings(result)
    assert finding["severity"] == "error" and result.exit_code == 1
    (tmp_path / "setup.cfg").write_text("[checker]\nseverity.NUM004 = off\n")
    assert findings(run(str(corpus), "--format", "json")) == []


def test_select_and_ignore(corpus: Path) -> None:
    fr = corpus / "2024-01-17-pit" / "fr.md"
    fr.write_text(FR.replace("26 partenaires", "25 partenaires"), encoding="utf-8")
    assert run(str(corpus), "--ignore", "NUM").exit_code == 0
    assert run(str(corpus), "--select", "NUM001").exit_code == 1


def test_an_inline_comment_silences_a_reviewed_finding(corpus: Path) -> None:
    fr = corpus / "2024-01-17-pit" / "fr.md"
    broken = FR.replace("26 partenaires", "25 partenaires")
    fr.write_text(broken, encoding="utf-8")
    assert run(str(corpus)).exit_code == 1
    lines = broken.splitlines()
    index = next(i for i, line in enumerate(lines) if "25 partenaires" in line)
    fr.write_text("\n".join(lines[:index] + ["<!-- checker: ignore NUM001 -->"] + lines[index:]) + "\n", encoding="utf-8")
    assert run(str(corpus)).exit_code == 0
    fr.write_text("\n".join(lines[:index] + ["<!-- checker: ignore TERM -->"] + lines[index:]) + "\n", encoding="utf-8")
    assert run(str(corpus)).exit_code == 1  # another code is not silenced


SARIF_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "bench" / "sarif" / "sarif-schema-2.1.0.json"


@pytest.mark.skipif(not SARIF_SCHEMA.exists(), reason="the SARIF schema lives in ../shared")
def test_sarif_output_is_valid_and_points_at_the_finding(corpus: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    fr = corpus / "2024-01-17-pit" / "fr.md"
    fr.write_text(FR.replace("26 partenaires", "25 partenaires"), encoding="utf-8")
    result = run(str(corpus), "--format", "sarif")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    jsonschema.validate(document, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    (sarif_result,) = document["runs"][0]["results"]
    assert sarif_result["ruleId"] == "NUM001" and sarif_result["level"] == "error"
    region = sarif_result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 5
    rules = document["runs"][0]["tool"]["driver"]["rules"]
    assert rules[sarif_result["ruleIndex"]]["id"] == "NUM001"


def test_a_glossary_named_twice_is_loaded_once_and_checked(corpus: Path, tmp_path: Path) -> None:
    glossary = tmp_path / "glossaries" / "field.yaml"
    glossary.parent.mkdir()
    glossary.write_text("terms:\n  - id: namur\n    nl: Namen\n    fr: Namur\n    en: Namur\n", encoding="utf-8")
    assert run(str(corpus), "--glossary", str(glossary)).exit_code == 0  # also found by the default glob
    en = corpus / "2024-01-17-pit" / "en.md"
    en.write_text(EN.replace("**Namur, 17", "**Namen, 17"), encoding="utf-8")
    result = run(str(corpus), "--format", "json")
    (finding,) = findings(result)
    assert finding["code"] == "TERM001" and finding["lang"] == "en"


def test_a_dropped_list_item_is_an_omission_pointing_near_its_place(corpus: Path) -> None:
    en = corpus / "2024-01-17-pit" / "en.md"
    en.write_text(EN.replace("- Approximately 60% public money.\n", ""), encoding="utf-8")
    (finding,) = findings(run(str(corpus), "--format", "json"))
    assert finding["code"] == "OMI001" and finding["source"] == "Ongeveer 60% overheidsgeld."
    assert finding["line"] == 7  # next to the list item that is still there
