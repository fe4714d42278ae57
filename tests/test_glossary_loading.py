"""Loading glossaries: the YAML format, and every error naming its file, line and reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.glossary import GlossaryError, discover_glossaries, load_glossaries

LANGS = ("nl", "fr", "en")


def write(tmp_path: Path, text: str, name: str = "g.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_entry_forms_flags_and_all(tmp_path):
    path = write(tmp_path, """\
terms:
  - id: pit
    label: PIT
    nl: Technologisch Innovatiepartnerschap
    fr: [Partenariat d'Innovation Technologique, PIT wallon]
    en: Technological Innovation Partnership
    forbidden:
      en: [Technology Innovation Partnership]
    note: Walloon instrument
  - id: medvia
    all: MEDVIA
    case_sensitive: true
    accent_sensitive: false
""")
    glossary = load_glossaries([path], LANGS)
    pit, medvia = glossary.entries
    assert pit.forms["fr"] == ("Partenariat d'Innovation Technologique", "PIT wallon")
    assert pit.preferred("fr") == "Partenariat d'Innovation Technologique"
    assert pit.forbidden == {"en": ("Technology Innovation Partnership",)}
    assert (pit.name, pit.note, pit.line) == ("PIT", "Walloon instrument", 2)
    assert medvia.forms == {"nl": ("MEDVIA",), "fr": ("MEDVIA",), "en": ("MEDVIA",)}
    assert (medvia.case_sensitive, medvia.accent_sensitive) == (True, False)


def test_language_forms_come_before_shared_ones(tmp_path):
    path = write(tmp_path, "terms:\n  - id: a\n    all: ATMP\n    fr: médicament de thérapie innovante\n")
    (entry,) = load_glossaries([path], LANGS).entries
    assert entry.forms["fr"] == ("médicament de thérapie innovante", "ATMP")
    assert entry.forms["en"] == ("ATMP",)


def test_empty_file_is_an_empty_glossary(tmp_path):
    assert len(load_glossaries([write(tmp_path, "")], LANGS)) == 0


@pytest.mark.parametrize(
    "text, line, reason",
    [
        ("terms:\n  - id: a\n    nl: [x\n", 4, "invalid YAML"),
        ("terms:\n  - id: a\n    de: Wort\n", 3, "unknown language 'de'"),
        ("terms:\n  - id: a\n    forbidden:\n      es: [x]\n    nl: y\n", 4, "unknown language 'es'"),
        ("terms:\n  - id: a\n    note: no forms here\n", 2, "has no forms"),
        ("terms:\n  - id: a\n    nl: x\n  - id: a\n    nl: y\n", 4, "duplicate id 'a'"),
        ("terms:\n  - id: a\n    en: Work Package\n    forbidden:\n      en: [work package]\n", 5,
         "both approved and forbidden"),
        ("terms:\n  - id: a\n    all: x\n    forbidden:\n      en: [X]\n", 5, "both approved and forbidden"),
        ("terms:\n  - id: a\n    nl: x\n    synonyms: y\n", 4, "unknown key 'synonyms'"),
        ("terms:\n  - id: a\n    nl: x\n    case_sensitive: maybe\n", 4, "must be true or false"),
        ("terms:\n  - nl: x\n", 2, "has no 'id'"),
        ("terms:\n  - id: a\n    nl: ''\n", 3, "is empty"),
        ("terms:\n  - id: a\n    nl: []\n", 3, "empty list"),
        ("entries:\n  - id: a\n", 1, "unknown top-level key"),
        ("terms: [1, 2]\n", 1, "must be a mapping"),
        ("terms:\n  - id: a\n    nl: x\n    nl: y\n", 4, "given twice"),
    ],
)
def test_errors_name_file_line_and_reason(tmp_path, text, line, reason):
    path = write(tmp_path, text)
    with pytest.raises(GlossaryError) as caught:
        load_glossaries([path], LANGS)
    error = caught.value
    assert (error.path, error.line) == (str(path), line)
    assert reason in error.reason
    assert str(error).startswith(f"{path}:{line}: ")


def test_duplicate_id_across_files_names_both(tmp_path):
    first = write(tmp_path, "terms:\n  - id: pit\n    nl: a\n", "a.yaml")
    second = write(tmp_path, "terms:\n  - id: x\n    nl: b\n  - id: pit\n    nl: c\n", "b.yaml")
    with pytest.raises(GlossaryError) as caught:
        load_glossaries([first, second], LANGS)
    assert (caught.value.path, caught.value.line) == (str(second), 4)
    assert f"{first}:2" in caught.value.reason


def test_languages_come_from_the_configuration(tmp_path):
    path = write(tmp_path, "terms:\n  - id: a\n    de: Arbeitspaket\n")
    assert load_glossaries([path], ("nl", "de")).entries[0].forms == {"de": ("Arbeitspaket",)}


def test_unreadable_file_is_a_glossary_error(tmp_path):
    with pytest.raises(GlossaryError, match="cannot read"):
        load_glossaries([tmp_path / "missing.yaml"], LANGS)


def test_discovery_finds_yaml_files_in_order(tmp_path):
    (tmp_path / "glossaries").mkdir()
    for name in ("b.yaml", "a.yml", "notes.txt"):
        (tmp_path / "glossaries" / name).write_text("terms: []\n")
    assert [p.name for p in discover_glossaries(tmp_path)] == ["a.yml", "b.yaml"]


def test_project_glossary_is_valid():
    root = Path(__file__).resolve().parent.parent
    glossary = load_glossaries(discover_glossaries(root), LANGS)
    assert {"pit", "atmp-expansion", "medvia", "vlaio-name", "cagr", "work-package"} <= set(glossary.by_id)


# -- defensive reading: limits, aliases, nesting, languages the run does not check

from checker.config import Limits  # noqa: E402


@pytest.mark.parametrize(
    "text, line, reason",
    [
        ("a: &x [1, 2]\nterms: *x\n", 2, "aliases (*x) are not allowed"),
        ("terms:\n  - id: a\n    nl: &n x\n    fr: *n\n", 4, "aliases (*n) are not allowed"),
        ("terms: " + "[" * 40 + "]" * 40 + "\n", 1, "nested more than 16 levels deep"),
        ("terms:\n  - id: a\n    nl: " + "x" * 61 + "\n", 3, "nl: 61 characters, more than 60 (max_term_length"),
        ("terms:\n  - id: " + "x" * 61 + "\n    nl: y\n", 2, "id: 61 characters, more than 60"),
        ("terms:\n  - id: a\n    nl: y\n    note: " + "x" * 1201 + "\n", 4, "note: 1201 characters, more than 1200"),
        ("terms:\n  - id: a\n    nl: \"x\\0y\"\n", 3, "contains the control character U+0000"),
        ("terms:\n  - id: a\n    nl: '-'\n", 3, "'-' has no letter or digit to match"),
        ("terms:\n" + "".join(f"  - id: e{i}\n    nl: x{i}\n" for i in range(4)), 2, "4 entries, more than 3"),
    ],
)
def test_hostile_glossaries_are_refused_with_file_and_line(tmp_path, text, line, reason):
    path = write(tmp_path, text)
    with pytest.raises(GlossaryError) as caught:
        load_glossaries([path], LANGS, limits=Limits(max_term_length=60, max_glossary_entries=3))
    assert (caught.value.line, reason in caught.value.reason) == (line, True), caught.value


def test_the_entry_limit_counts_every_file(tmp_path):
    first = write(tmp_path, "terms:\n  - id: a\n    nl: x\n  - id: b\n    nl: y\n", "a.yaml")
    second = write(tmp_path, "terms:\n  - id: c\n    nl: z\n", "b.yaml")
    with pytest.raises(GlossaryError, match="more than 2 glossary entries"):
        load_glossaries([first, second], LANGS, limits=Limits(max_glossary_entries=2))


def test_a_file_over_the_size_limit_is_not_read(tmp_path):
    path = write(tmp_path, "terms:\n  - id: a\n    nl: x\n" + "# padding\n" * 200)
    with pytest.raises(GlossaryError, match="more than max_file_size = 1000"):
        load_glossaries([path], LANGS, limits=Limits(max_file_size=1000))


def test_languages_the_run_does_not_check_are_ignored(tmp_path):
    path = write(tmp_path, """\
terms:
  - id: pit
    nl: Innovatiepartnerschap
    fr: Partenariat d'Innovation
    forbidden:
      nl: [Innovatie Partnerschap]
      fr: [Partenariat Innovation]
  - id: only-dutch
    nl: werkpakket
""")
    glossary = load_glossaries([path], ("fr", "en"))
    (pit,) = glossary.entries
    assert pit.forms == {"fr": ("Partenariat d'Innovation",)}
    assert pit.forbidden == {"fr": ("Partenariat Innovation",)}


def test_an_ignored_language_is_still_validated(tmp_path):
    path = write(tmp_path, "terms:\n  - id: a\n    fr: x\n    nl: ''\n")
    with pytest.raises(GlossaryError, match="nl is empty"):
        load_glossaries([path], ("fr", "en"))


def test_a_glossary_passed_for_the_run_overrides_a_configured_entry(tmp_path):
    configured = write(tmp_path, "terms:\n  - id: pit\n    nl: a\n  - id: x\n    nl: b\n", "a.yaml")
    extra = write(tmp_path, "terms:\n  - id: pit\n    nl: c\n", "extra.yaml")
    glossary = load_glossaries([configured, extra], LANGS, overriding=[extra])
    assert [(e.id, e.forms["nl"]) for e in glossary.entries] == [("pit", ("c",)), ("x", ("b",))]
    assert glossary.overridden == (f"glossary entry 'pit' of {extra}:2 overrides the one of {configured}:2",)


def test_the_check_says_which_entry_was_overridden(tmp_path, monkeypatch):
    import json

    from click.testing import CliRunner

    from checker.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "glossaries").mkdir()
    write(tmp_path / "glossaries", "terms:\n  - id: pit\n    nl: partnerschap\n    fr: partenariat\n", "terms.yaml")
    extra = write(tmp_path, "terms:\n  - id: pit\n    nl: partnerschap\n    fr: association\n"
                             "    forbidden:\n      fr: [partenariat]\n", "extra.yaml")
    release = tmp_path / "corpus" / "r"
    release.mkdir(parents=True)
    for lang, text in (("nl", "Het partnerschap start."), ("fr", "Le partenariat démarre.")):
        (release / f"{lang}.md").write_text(text + "\n", encoding="utf-8")
    (tmp_path / "setup.cfg").write_text("[checker]\nlanguages = nl, fr\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "corpus", "--no-model", "--format", "json", "--glossary", str(extra)])
    assert f"checker: glossary entry 'pit' of {extra}:2 overrides the one of " in result.stderr
    assert "glossaries/terms.yaml:2" in result.stderr
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["TERM002"]  # the later entry is used
    alone = CliRunner().invoke(main, ["check", "corpus", "--no-model", "--format", "json"])
    assert json.loads(alone.stdout)["findings"] == [] and "overrides" not in alone.stderr
