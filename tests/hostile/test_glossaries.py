"""Hostile glossaries (YAML, CSV, TBX): one error with file and line, bounded time, no crash."""

from __future__ import annotations

import pytest

ENTRY = "terms:\n  - id: pit\n    nl: Innovatiepartnerschap\n    fr: Partenariat d'Innovation\n    en: Innovation Partnership\n"


def alias_bomb(width: int = 2000, levels: int = 10) -> str:
    """10 levels of 10 aliases over a list of 2,000 forms: 10**13 forms once expanded."""
    lines = [f"a0: &a0 [{', '.join(['x'] * width)}]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, levels)]
    lines.append(f"terms: *a{levels - 1}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "glossary, expected",
    [
        # Before: a segmentation fault in pyahocorasick (exit 139).
        (f"terms:\n  - id: big\n    en: partners\n    fr: {'x' * 1_000_000}\n",
         "glossaries/g.yaml:4: fr: 1000000 characters, more than 500 (max_term_length in [checker])"),
        # Before: stopped after 400 s at 9.7 GB.
        (alias_bomb(), "glossaries/g.yaml:2: invalid YAML: aliases (*a0) are not allowed in a glossary"),
        # Before: RecursionError traceback in PyYAML's composer.
        ("terms: " + "[" * 10_000 + "]" * 10_000 + "\n", "invalid YAML: nested more than 16 levels deep"),
        # Below the depth at which libyaml (PyYAML >= 6.0.4) refuses on its own: our bound says it.
        ("terms: " + "[" * 20 + "]" * 20 + "\n", "glossaries/g.yaml:1: invalid YAML: nested more than 16 levels deep"),
        ("terms:\n  - id: x\n    en: \"a\\tb\"\n", "glossaries/g.yaml:3: en: contains the control character U+0009"),
        ("terms:\n  - id: x\n    en: [" + ", ".join(f"f{i}" for i in range(150)) + "]\n", "en: 150 forms, more than 100"),
        ("terms:\n  - id: x\n    nk: y\n", "glossaries/g.yaml:3: entry: unknown language 'nk'"),
    ],
    ids=["1MB-term", "alias-bomb", "nested-10000", "nested-20", "control-character", "too-many-forms",
         "unknown-language"],
)
def test_a_hostile_yaml_glossary_is_one_error_with_file_and_line(repo, one_error, glossary: str, expected: str) -> None:
    repo.write("glossaries/g.yaml", glossary)
    one_error(repo.run("check", "corpus", "--no-model"), expected)


def test_the_entry_count_is_limited(repo, one_error) -> None:
    repo.config("max_glossary_entries = 2")
    body = "".join(f"  - id: e{i}\n    all: Name{i}\n" for i in range(3))
    repo.write("glossaries/g.yaml", "terms:\n" + body)
    one_error(repo.run("check", "corpus", "--no-model"), "glossaries/g.yaml:2: 3 entries, more than 2")


def test_a_longer_term_limit_can_be_configured(repo) -> None:
    repo.config("max_term_length = 2000")
    long_name = "Partenariat " + "tres " * 300
    repo.write("glossaries/g.yaml", f"terms:\n  - id: long\n    fr: {long_name.strip()}\n    en: Partnership\n")
    assert repo.run("check", "corpus", "--no-model").returncode == 0


def test_entries_in_a_language_the_run_does_not_check_are_ignored(repo) -> None:
    # Before: "unknown language 'nl'" stopped a French/English repository's run.
    repo.config("languages = fr, en")
    (repo.corpus / "a" / "nl.md").unlink()
    repo.write("glossaries/g.yaml", ENTRY + "  - id: only-nl\n    nl: alleen\n    forbidden:\n      nl: [niet]\n"
               "  - id: partners\n    nl: partners\n    fr: partenaires\n    en: partners\n")
    result = repo.run("check", "corpus", "--no-model")
    assert result.returncode == 0, result
    assert "no problems found in 1 release (2 files" in result.stdout


def test_a_csv_cell_over_128k_is_one_error(repo, one_error) -> None:
    # Before: a `_csv.Error: field larger than field limit` traceback.
    repo.write("terms.csv", "nl,fr,en\nPIT," + "x" * 200_000 + ",PIT\n")
    one_error(repo.run("glossary", "import", "terms.csv"), "terms.csv:2: invalid CSV: a cell is longer than 131072 characters")


def test_a_csv_term_over_the_term_limit_is_one_error(repo, one_error) -> None:
    repo.write("terms.csv", "nl,fr,en\nPIT,PIT,PIT\nPIT," + "x" * 2000 + ",PIT\n")
    one_error(repo.run("glossary", "import", "terms.csv"), "terms.csv:3: a fr term: 2000 characters, more than 500")


def test_a_csv_with_a_nul_byte_is_one_error(repo, one_error) -> None:
    repo.write("terms.csv", "nl,fr,en\nPIT,P\x00IT,PIT\n")
    one_error(repo.run("glossary", "import", "terms.csv"), "terms.csv:2: a fr term: contains the control character U+0000")


def test_a_deeply_nested_tbx_is_read_without_recursion(repo) -> None:
    # Before: RecursionError traceback in the element walk.
    depth = 100_000
    concept = ("<termEntry id='pit'><langSet xml:lang='en'><tig><term>PIT</term></tig></langSet>"
               "<langSet xml:lang='fr'><tig><term>PIT</term></tig></langSet></termEntry>")
    repo.write("terms.tbx", "<martif><text><body>" + "<x>" * depth + concept + "</x>" * depth + "</body></text></martif>")
    result = repo.run("glossary", "import", "terms.tbx")
    assert result.returncode == 0, result
    assert "id: pit" in result.stdout


def test_a_tbx_term_over_the_term_limit_is_one_error(repo, one_error) -> None:
    repo.write("terms.tbx", "<martif><text><body>\n<termEntry><langSet xml:lang='en'><tig><term>"
               + "x" * 5000 + "</term></tig></langSet></termEntry></body></text></martif>")
    one_error(repo.run("glossary", "import", "terms.tbx"), "terms.tbx:2: a en term: 5000 characters, more than 500")


def test_a_tbx_entity_bomb_is_still_refused(repo, one_error) -> None:
    repo.write("terms.tbx", '<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY a "aaaaaaaaaa">'
               '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<martif>&b;</martif>\n')
    one_error(repo.run("glossary", "import", "terms.tbx"), "refusing TBX with a DOCTYPE declaring its own content")


@pytest.mark.parametrize("setting", ["glossaries = ../outside/*.yaml", "glossaries = glossaries/*.yaml"])
def test_a_configured_glossary_outside_the_repository_is_not_read(repo, one_error, setting: str) -> None:
    outside = repo.root.parent / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text("terms:\n  - id: TOKEN-7391-SECRET\n    en: x\n    xx: y\n", encoding="utf-8")
    (repo.root / "glossaries").mkdir()
    (repo.root / "glossaries" / "linked.yaml").symlink_to(outside / "secret.yaml")
    repo.config(setting)
    result = repo.run("check", "corpus", "--no-model")
    one_error(result, "lies outside the repository")
    assert "SECRET" not in result.stderr + result.stdout  # the file's content is never quoted
