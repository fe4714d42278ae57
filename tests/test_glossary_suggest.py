"""`checker glossary suggest`: candidate entries mined from a corpus the test writes."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from checker.commands.glossary import glossary_group
from checker.glossary import parse_entries

RELEASES = {
    "2024-03-01-launch": {
        "nl": "# Start van het Vlaams Klimaatfonds\n\nHet Vlaams Klimaatfonds (VKF) steunt Greenbridge.\n\n"
              "Volgens Greenbridge groeit het Vlaams Klimaatfonds snel.\n",
        "fr": "# Lancement du Fonds flamand pour le climat\n\nLe Fonds Flamand pour le Climat (VKF) soutient Greenbridge.\n\n"
              "Selon Greenbridge, le Fonds Flamand pour le Climat croît vite.\n",
        "en": "# Launch of the Flemish Climate Fund\n\nThe Flemish Climate Fund (VKF) supports Greenbridge.\n\n"
              "According to Greenbridge, the Flemish Climate Fund is growing fast.\n",
    },
    "2024-09-12-results": {
        "nl": "# Resultaten\n\nHet Vlaams Klimaatfonds (VKF) investeerde in Greenbridge.\n",
        "fr": "# Résultats\n\nLe Fonds Flamand pour le Climat (VKF) a investi dans Greenbridge.\n",
        "en": "# Results\n\nThe Flanders Climate Fund (VKF) invested in Greenbridge.\n",
    },
}


def write_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    for release, versions in RELEASES.items():
        (corpus / release).mkdir(parents=True)
        for lang, text in versions.items():
            (corpus / release / f"{lang}.md").write_text(text, encoding="utf-8")
    return corpus


def suggest(tmp_path: Path, *extra: str):
    corpus = write_corpus(tmp_path)
    return CliRunner().invoke(glossary_group, ["suggest", str(corpus), "--languages", "nl,fr,en", *extra])


def test_suggest_prints_valid_yaml_with_expansions_acronyms_and_brands(tmp_path):
    result = suggest(tmp_path)
    assert result.exit_code == 0, result.output
    entries = {e.id: e for e in parse_entries(result.output, "<suggest>", ("nl", "fr", "en"))}
    fund = entries["vlaams-klimaatfonds"]
    assert fund.label == "VKF"
    assert fund.forms["nl"] == ("Vlaams Klimaatfonds",)
    assert fund.forms["fr"] == ("Fonds Flamand pour le Climat",)
    assert fund.forms["en"] == ("Flemish Climate Fund",)  # the majority rendering comes first
    assert entries["vkf"].case_sensitive and entries["vkf"].forms["fr"] == ("VKF",)
    assert entries["greenbridge"].forms == {lang: ("Greenbridge",) for lang in ("nl", "fr", "en")}


def test_suggest_comments_give_the_evidence_and_the_drift(tmp_path):
    output = suggest(tmp_path).output
    assert "# 4× in 2 release(s); en renderings differ: 'Flemish Climate Fund' 3×, 'Flanders Climate Fund' 1×" in output
    assert yaml.safe_load(output)["terms"]


def test_suggest_skips_what_the_glossaries_already_have(tmp_path, monkeypatch):
    (tmp_path / "glossaries").mkdir()
    (tmp_path / "glossaries" / "known.yaml").write_text("terms:\n  - id: greenbridge\n    all: Greenbridge\n",
                                                        encoding="utf-8")
    (tmp_path / "setup.cfg").write_text("[checker]\nlanguages = nl, fr, en\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    output = suggest(tmp_path).output
    assert "Greenbridge" not in output and "VKF" in output
    (tmp_path / "again").mkdir()
    assert "Greenbridge" in suggest(tmp_path / "again", "--all").output


def test_suggest_on_a_folder_without_releases_exits_2(tmp_path):
    result = CliRunner().invoke(glossary_group, ["suggest", str(tmp_path), "--languages", "nl,fr,en"])
    assert result.exit_code == 2
    assert "no release found" in result.output


def test_suggest_skips_the_terms_of_a_glossary_given_on_the_command_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no configured glossary here
    known = tmp_path / "mine.yaml"
    known.write_text("terms:\n  - id: greenbridge\n    all: Greenbridge\n", encoding="utf-8")
    assert "Greenbridge" in suggest(tmp_path / "without").output
    output = suggest(tmp_path / "with", "--glossary", str(known)).output
    assert "Greenbridge" not in output and "VKF" in output
