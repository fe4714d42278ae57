"""Corpus layouts: detected from the file names, or named with `layout =` in [checker]."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.corpus import discover_releases, read_release
from tests.formats.conftest import run_check

TEXT = {
    "nl": "# Titel\n\nHet project telt 26 partners.\n",
    "fr": "# Titre\n\nLe projet compte 62 partenaires.\n",  # planted: 62 for 26
    "en": "# Title\n\nThe project has 26 partners.\n",
}


def write(root: Path, names: dict[str, str]) -> Path:
    for name, text in names.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("layout, name", [
    ("{release}/{lang}.{ext}", "{release}/{lang}.md"),
    ("{release}.{lang}.{ext}", "{release}.{lang}.md"),
    ("{release}_{LANG}.{ext}", "{release}_{LANG}.md"),
    ("{lang}/{release}.{ext}", "{lang}/{release}.md"),
])
def test_every_layout_is_detected_and_gives_the_same_finding(tmp_path: Path, layout: str, name: str) -> None:
    files = {}
    for release in ("pit", "atmp"):
        for lang, text in TEXT.items():
            files[name.format(release=release, lang=lang, LANG=lang.upper())] = (
                text if release == "pit" else text.replace("62", "26"))
    corpus = write(tmp_path / "corpus", files)
    releases, problems = discover_releases(corpus, ["nl", "fr", "en"])
    assert not problems
    assert [r.name for r in releases] == ["atmp", "pit"] and {r.layout for r in releases} == {layout}
    result = run_check(str(corpus))
    assert result.exit_code == 1, result.output
    expected_file = name.format(release="pit", lang="fr", LANG="FR")
    assert f"{expected_file}:3:" in result.stdout and "NUM001" in result.stdout
    assert result.stdout.count("NUM001") == 1  # release atmp is clean


def test_a_corpus_mixing_layouts_is_one_problem(tmp_path: Path) -> None:
    corpus = write(tmp_path / "corpus", {
        **{f"a/{lang}.md": text for lang, text in TEXT.items()},
        **{f"b_{lang.upper()}.md": text for lang, text in TEXT.items()},
    })
    result = run_check(str(corpus))
    assert result.exit_code == 2
    (line,) = [l for l in result.stderr.splitlines() if "layouts" in l]
    assert "mixes corpus layouts" in line and "{release}/{lang}.{ext}" in line and "{release}_{LANG}.{ext}" in line


def test_a_corpus_mixing_formats_is_one_problem(tmp_path: Path) -> None:
    corpus = write(tmp_path / "corpus", {
        **{f"a/{lang}.md": text for lang, text in TEXT.items()},
        "b/nl.html": "<p>Het project telt 26 partners.</p>", "b/fr.html": "<p>x</p>", "b/en.html": "<p>y</p>",
    })
    result = run_check(str(corpus))
    assert result.exit_code == 2
    (line,) = [l for l in result.stderr.splitlines() if "formats" in l]
    assert "mixes formats" in line and "HTML" in line and "Markdown" in line


def test_a_configured_layout_is_used(tmp_path: Path) -> None:
    corpus = write(tmp_path / "corpus", {f"{lang}-{release}.md": TEXT[lang] for lang in TEXT for release in ("pit",)})
    (tmp_path / "setup.cfg").write_text("[checker]\nlayout = {lang}-{release}.{ext}\n", encoding="utf-8")
    result = run_check(str(corpus))
    assert result.exit_code == 1, result.output
    assert "fr-pit.md:3:" in result.stdout


@pytest.mark.parametrize("pattern, reason", [
    ("{release}.{ext}", "needs {release} once"),
    ("{release}/{language}.{ext}", "unknown placeholder {language}"),
    ("../{release}/{lang}.md", "without '..'"),
])
def test_a_bad_layout_is_one_configuration_error(tmp_path: Path, pattern: str, reason: str) -> None:
    corpus = write(tmp_path / "corpus", {f"a/{lang}.md": t for lang, t in TEXT.items()})
    (tmp_path / "setup.cfg").write_text(f"[checker]\nlayout = {pattern}\n", encoding="utf-8")
    result = run_check(str(corpus))
    assert result.exit_code == 2
    assert "setup.cfg:2: [checker] layout" in result.stderr and reason in result.stderr


def test_a_missing_version_names_the_file_the_layout_expects(tmp_path: Path) -> None:
    corpus = write(tmp_path / "corpus", {"pit_NL.md": TEXT["nl"], "pit_FR.md": TEXT["fr"]})
    releases, _ = discover_releases(corpus, ["nl", "fr", "en"])
    _files, problems = read_release(releases[0], ["nl", "fr", "en"], corpus)
    assert [p.message for p in problems] == ["release has no en version (expected pit_EN.md or pit_EN.txt)"]


@pytest.mark.parametrize("name", ["pit_FR.docx", "memory.tmx", "fr/pit.html", "notes.txt"])
def test_no_report_is_written_over_a_corpus_file_of_any_format(tmp_path: Path, name: str) -> None:
    corpus = write(tmp_path / "corpus", {f"pit_{lang.upper()}.md": t for lang, t in TEXT.items()})
    result = run_check(str(corpus), "--output", f"sarif={corpus / name}")
    assert result.exit_code == 2 and "never writes into the corpus" in result.stderr
    assert not (corpus / name).exists()
