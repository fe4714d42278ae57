"""`--format junit`: one test case per release and language pair, one failure per error."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main

NL = """# Nieuw partnerschap

Het project telt 26 partners uit heel Wallonië.

Het budget bedraagt €81 miljoen voor drie jaar.
"""
FR = """# Nouveau partenariat

Le projet compte 25 partenaires de toute la Wallonie.

Le budget s'élève à 18 millions d'euros pour trois ans.
"""
EN = """# New partnership

The project has 26 partners from across Wallonia.

The budget amounts to €81 million for three years.
"""


@pytest.fixture
def corpus(make_corpus, tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make_corpus({
        "2024-01-broken": {"nl": NL, "fr": FR, "en": EN},
        "2024-02-clean": {"nl": NL, "fr": FR.replace("25", "26").replace("18 millions", "81 millions"), "en": EN},
    })


def junit(corpus: Path, *options: str) -> tuple[int, ET.Element]:
    result = CliRunner().invoke(main, ["check", str(corpus), "--no-model", "--format", "junit", *options])
    return result.exit_code, ET.fromstring(result.stdout)


def test_one_case_per_release_and_pair_and_one_failure_per_error(corpus: Path) -> None:
    code, root = junit(corpus)
    assert code == 1
    cases = {(c.get("classname"), c.get("name")): c for c in root.iter("testcase")}
    assert sorted(cases) == [("2024-01-broken", "nl-en"), ("2024-01-broken", "nl-fr"),
                             ("2024-02-clean", "nl-en"), ("2024-02-clean", "nl-fr")]
    failures = cases[("2024-01-broken", "nl-fr")].findall("failure")
    assert [f.get("type") for f in failures] == ["NUM001", "NUM001"]
    assert "fr.md:3:" in failures[0].text and "25 partenaires" in failures[0].text
    assert not list(cases[("2024-02-clean", "nl-fr")]) and not list(cases[("2024-01-broken", "nl-en")])
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "2", "0")
    [broken] = [s for s in root.iter("testsuite") if s.get("name") == "2024-01-broken"]
    assert (broken.get("tests"), broken.get("failures")) == ("2", "2")


def test_warnings_are_output_not_failures(corpus: Path) -> None:
    path = corpus / "2024-02-clean" / "fr.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Le projet", "<!-- checker: ignore NUM001 -->\nLe projet"),
                    encoding="utf-8")
    _code, root = junit(corpus, "--select", "NUM,SUP")
    [case] = [c for c in root.iter("testcase") if c.get("classname") == "2024-02-clean" and c.get("name") == "fr"]
    assert not case.findall("failure") and "SUP001" in case.find("system-out").text


def test_an_input_problem_is_an_error_of_its_release(corpus: Path) -> None:
    (corpus / "2024-02-clean" / "en.md").unlink()
    code, root = junit(corpus)
    assert code == 2
    [read] = [c for c in root.iter("testcase") if c.get("name") == "read"]
    assert read.get("classname") == "2024-02-clean" and "no en version" in read.find("error").get("message")
    assert root.get("errors") == "1"


def test_control_characters_do_not_break_the_xml() -> None:
    from checker.pipeline import CheckRun
    from checker.records import Finding, Problem, Severity
    from checker.report.junit import JunitReporter

    problem = Problem(release="r", source_lang="nl", lang="fr", target_lang="fr", file="r/fr.md", line=1, column=1,
                      message="odd \x01 byte", source="a\x0bb", target="c\x1fd")
    run = CheckRun(findings=[Finding("NUM001", "number", Severity.ERROR, problem)])
    root = ET.fromstring(JunitReporter().render(run))
    [failure] = root.iter("failure")
    assert failure.get("message") == "odd \ufffd byte" and "a\ufffdb" in failure.text
