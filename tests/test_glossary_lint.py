"""`checker glossary lint`: overlapping and contradictory entries, and its exit codes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.commands.glossary import glossary_group
from checker.glossary import load_glossaries
from checker.glossary.lint import lint_glossary

LANGS = ("nl", "fr", "en")


def lint(tmp_path: Path, text: str) -> list[tuple[str, int]]:
    path = tmp_path / "g.yaml"
    path.write_text(text, encoding="utf-8")
    return [(issue.kind, issue.line) for issue in lint_glossary(load_glossaries([path], LANGS))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the same form approved in two entries
        ("terms:\n  - id: a\n    en: work package\n  - id: b\n    en: Work Packages\n",
         [("overlap", 4)]),
        # approved in one entry, forbidden in another
        ("terms:\n  - id: a\n    en: work package\n  - id: b\n    en: task\n    forbidden:\n      en: [work package]\n",
         [("contradiction", 2)]),
        # a name inside a longer name is informational only
        ("terms:\n  - id: spw\n    all: SPW\n  - id: eer\n    fr: SPW Économie, Emploi, Recherche\n",
         [("nested", 4)]),
        # distinct entries: nothing to say
        ("terms:\n  - id: a\n    en: work package\n  - id: b\n    en: package deal\n", []),
    ],
)
def test_lint_finds_overlaps_and_contradictions(tmp_path, text, expected):
    assert lint(tmp_path, text) == expected


@pytest.mark.parametrize(
    "text, exit_code, shown",
    [
        ("terms:\n  - id: a\n    en: x\n", 0, ""),
        ("terms:\n  - id: a\n    en: x\n  - id: b\n    en: X\n", 1, "g.yaml:2: overlap: 'x' (en) of 'a'"),
        ("terms:\n  - id: a\n    en: [x\n", 2, "g.yaml:4: invalid YAML"),
        ("terms:\n  - id: a\n    xx: x\n", 2, "g.yaml:3: entry: unknown language 'xx'"),
    ],
)
def test_lint_command_exit_codes(tmp_path, text, exit_code, shown):
    path = tmp_path / "g.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(glossary_group, ["lint", str(path), "--languages", "nl,fr,en"])
    assert result.exit_code == exit_code
    assert shown in result.output


def test_lint_command_defaults_to_the_configured_glossaries(tmp_path):
    (tmp_path / "glossaries").mkdir()
    (tmp_path / "glossaries" / "a.yaml").write_text("terms:\n  - id: a\n    en: x\n", encoding="utf-8")
    (tmp_path / "setup.cfg").write_text("[checker]\nlanguages = nl, fr, en\n", encoding="utf-8")
    cwd = os.getcwd()
    try:
        os.chdir(tmp_path)
        result = CliRunner().invoke(glossary_group, ["lint"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0
    assert "1 entries in 1 file(s)" in result.output


def test_project_glossary_lints_clean():
    root = Path(__file__).resolve().parent.parent
    result = CliRunner().invoke(glossary_group, ["lint", *map(str, sorted((root / "glossaries").glob("*.yaml"))),
                                                 "--languages", "nl,fr,en"])
    assert result.exit_code == 0, result.output
