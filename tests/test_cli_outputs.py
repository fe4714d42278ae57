"""Several reports from one run: `--output FORMAT=FILE` next to the report on standard output."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main

NL = "# Titel\n\nHet project telt 26 partners uit heel Wallonië.\n"
FR = "# Titre\n\nLe projet compte 25 partenaires de toute la Wallonie.\n"
EN = "# Title\n\nThe project has 26 partners from across Wallonia.\n"


@pytest.fixture
def corpus(make_corpus, tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make_corpus({"2024-01-pit": {"nl": NL, "fr": FR, "en": EN}})


def run(corpus: Path, *options: str):
    return CliRunner().invoke(main, ["check", str(corpus), "--no-model", *options])


def test_typed_outputs_are_written_and_the_text_stays_on_the_terminal(corpus: Path, tmp_path: Path) -> None:
    result = run(corpus, "--output", "sarif=out/results.sarif", "--output", "junit=out/junit.xml",
                 "--output", "json=report.json")
    assert result.exit_code == 1
    assert "NUM001 [number]" in result.stdout and "1 error, 0 warnings" in result.stdout
    sarif = json.loads((tmp_path / "out" / "results.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["NUM001"]
    assert ET.parse(tmp_path / "out" / "junit.xml").getroot().get("failures") == "1"
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["summary"]["errors"] == 1


def test_a_plain_output_still_takes_the_format_instead_of_standard_output(corpus: Path, tmp_path: Path) -> None:
    result = run(corpus, "--format", "json", "--output", "report.json", "--output", "github=annotations.txt")
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["findings"][0]["code"] == "NUM001"
    assert (tmp_path / "annotations.txt").read_text(encoding="utf-8").startswith("::error file=")


@pytest.mark.parametrize("options, says", [
    (("--output", "a.txt", "--output", "b.txt"), "given more than once"),
    (("--output", "sarif=a.sarif", "--output", "json=a.sarif"), "named twice"),
    (("--output", "junit="), "give a file after 'junit='"),
    (("--output", "sarif=corpus/2024-01-pit/fr.md"), "would overwrite a corpus file"),
])
def test_outputs_that_cannot_be_written_as_asked_are_one_line_and_exit_2(corpus: Path, options, says) -> None:
    result = run(corpus, *options)
    assert result.exit_code == 2 and result.stderr.startswith("checker: error: --output") and says in result.stderr
    assert (corpus / "2024-01-pit" / "fr.md").read_text(encoding="utf-8") == FR
