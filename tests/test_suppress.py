"""Inline suppressions: line and block forms, and SUP001 for a comment that silences nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.records import SourceFile
from checker.suppress import comments, suppressions

NL = """# Nieuw partnerschap

Het project telt 26 partners uit heel Wallonië.

Het budget bedraagt €81 miljoen voor drie jaar.

De infosessie begint om 9u30 in Namen.
"""
FR = """# Nouveau partenariat

Le projet compte 25 partenaires de toute la Wallonie.

Le budget s'élève à 18 millions d'euros pour trois ans.

La séance d'information commence à 9h30 à Namur.
"""
EN = """# New partnership

The project has 26 partners from across Wallonia.

The budget amounts to €81 million for three years.

The information session starts at 9.30 am in Namur.
"""
RELEASE = "2024-01-17-pit"


def rules(text: str) -> dict[int, frozenset[str]]:
    return suppressions(SourceFile.from_text("fr.md", text))


@pytest.mark.parametrize("text, expected", [
    ("a <!-- checker: ignore NUM001 -->\nb\n", {1: {"NUM001"}}),
    ("<!-- checker: ignore num001, term -->\n\nb\n", {3: {"NUM001", "TERM"}}),
    ("<!-- checker: ignore -->\nb\n", {2: {"*"}}),
    ("a\n<!-- checker: disable NUM -->\nb\nc\n<!-- checker: enable NUM -->\nd\n", {2: {"NUM"}, 3: {"NUM"}, 4: {"NUM"}, 5: {"NUM"}}),
    ("<!-- checker: disable -->\nb\n<!-- checker: enable -->\nd\n", {1: {"*"}, 2: {"*"}, 3: {"*"}}),
    ("<!-- checker: disable NUM001 OMI001 -->\nb\n<!-- checker: enable NUM001 -->\nd", {1: {"NUM001", "OMI001"}, 2: {"NUM001", "OMI001"}, 3: {"NUM001", "OMI001"}, 4: {"OMI001"}}),
    ("a\n<!-- checker: disable TERM001 -->\nb", {2: {"TERM001"}, 3: {"TERM001"}}),  # never enabled: to the end
    ("a <!-- checker: enable NUM001 -->\nb\n", {}),  # nothing was disabled
])
def test_which_lines_a_comment_covers(text: str, expected: dict[int, set[str]]) -> None:
    assert rules(text) == {line: frozenset(codes) for line, codes in expected.items()}


def test_a_block_is_one_comment_at_its_disable_line() -> None:
    [block] = comments(SourceFile.from_text("fr.md", "a\n\n<!-- checker: disable NUM001 -->\nb\n<!-- checker: enable -->\n"))
    assert (block.line, block.column, block.spans) == (3, 1, (("NUM001", 3, 5),))


@pytest.fixture
def corpus(make_corpus, tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no setup.cfg, no glossaries: defaults
    return make_corpus({RELEASE: {"nl": NL, "fr": FR, "en": EN}})


def check(corpus: Path, *options: str):
    return CliRunner().invoke(main, ["check", str(corpus), "--no-model", "--format", "json", *options])


def found(result) -> list[tuple[str, int]]:
    return [(f["code"], f["line"]) for f in json.loads(result.stdout)["findings"]]


def edit_fr(corpus: Path, old: str, new: str) -> None:
    path = corpus / RELEASE / "fr.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_block_silences_the_lines_inside_it_only(corpus: Path) -> None:
    assert found(check(corpus)) == [("NUM001", 3), ("NUM001", 5)]
    edit_fr(corpus, "Le projet", "<!-- checker: disable NUM001 -->\nLe projet")
    edit_fr(corpus, "Le budget", "<!-- checker: enable NUM001 -->\n\nLe budget")
    result = check(corpus)
    assert found(result) == [("NUM001", 8)] and result.exit_code == 1


def test_a_block_never_enabled_runs_to_the_end_of_the_file(corpus: Path) -> None:
    edit_fr(corpus, "Le projet", "<!-- checker: disable NUM -->\nLe projet")
    result = check(corpus)
    assert found(result) == [] and result.exit_code == 0


def test_a_comment_that_silences_nothing_is_a_warning(corpus: Path) -> None:
    edit_fr(corpus, "25 partenaires", "26 partenaires")
    edit_fr(corpus, "Le projet", "<!-- checker: ignore NUM001 -->\nLe projet")
    result = check(corpus)
    assert result.exit_code == 1  # the budget is still wrong
    [unused] = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "SUP001"]
    assert (unused["severity"], unused["line"], unused["column"]) == ("warning", 3, 1)
    assert unused["file"].endswith("fr.md") and "silences nothing: no NUM001 finding on line 4" in unused["message"]
    text = CliRunner().invoke(main, ["check", str(corpus), "--no-model", "--select", "NUM,SUP"]).stdout
    assert "warning SUP001 [suppression]" in text and "silences  NUM001" in text


def test_a_used_comment_is_not_reported(corpus: Path) -> None:
    edit_fr(corpus, "Le projet", "<!-- checker: ignore NUM001 -->\nLe projet")
    assert found(check(corpus)) == [("NUM001", 6)]


def test_an_unused_block_is_reported_at_its_disable_line(corpus: Path) -> None:
    edit_fr(corpus, "# Nouveau partenariat", "<!-- checker: disable OMI -->\n# Nouveau partenariat")
    edit_fr(corpus, "Le projet", "<!-- checker: enable OMI -->\nLe projet")
    assert ("SUP001", 1) in found(check(corpus))


@pytest.mark.parametrize("comment, options", [
    ("<!-- checker: ignore TERM001 -->", ()),  # no glossary: TERM001 did not run
    ("<!-- checker: ignore ADQ002 -->", ()),  # --no-model: no encoder, ADQ002 did not run
    ("<!-- checker: ignore OMI001 -->", ("--select", "NUM,SUP")),  # not selected
    ("<!-- checker: ignore -->", ()),  # every check, while some were skipped
    ("<!-- checker: ignore DRIFT001 -->", ()),  # compares releases: silenced where this is not told
    ("<!-- checker: ignore NUM001 -->", ("--ignore", "SUP")),  # SUP001 itself not selected
])
def test_a_comment_is_not_judged_when_what_it_names_did_not_run(corpus: Path, comment: str, options) -> None:
    edit_fr(corpus, "La séance", f"{comment}\nLa séance")
    assert "SUP001" not in [code for code, _ in found(check(corpus, *options))]


def test_a_comment_without_codes_is_judged_when_every_selected_check_ran(corpus: Path) -> None:
    edit_fr(corpus, "La séance", "<!-- checker: ignore -->\nLa séance")
    assert ("SUP001", 7) in found(check(corpus, "--select", "NUM,SUP"))


def test_unused_comments_are_found_the_same_in_worker_processes(make_corpus, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    fr = FR.replace("La séance", "<!-- checker: ignore NUM001 -->\nLa séance")
    corpus = make_corpus({f"2024-0{n}-pit": {"nl": NL, "fr": fr, "en": EN} for n in (1, 2, 3)})
    serial = check(corpus, "--jobs", "1")
    assert [code for code, _ in found(serial)].count("SUP001") == 3
    assert check(corpus, "--jobs", "2").stdout == serial.stdout


def test_severity_off_in_the_configuration_turns_it_off(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "setup.cfg").write_text("[checker]\nseverity.SUP001 = off\n", encoding="utf-8")
    edit_fr(corpus, "La séance", "<!-- checker: ignore NUM001 -->\nLa séance")
    assert "SUP001" not in [code for code, _ in found(check(corpus))]
