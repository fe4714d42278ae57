"""`checker baseline write` and `check --baseline`: accepted findings stay quiet, new ones do not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.baseline import normalise
from checker.cli import main

NL = """# Nieuw partnerschap

Het partnerschap beschikt over een budget van €81 miljoen voor drie jaar.

Het project telt 26 partners uit heel Wallonië.

De infosessie begint om 9u30 in Namen.
"""
FR = """# Nouveau partenariat

Le partenariat dispose d'un budget de 18 millions d'euros pour trois ans.

Le projet compte 26 partenaires de toute la Wallonie.

La séance d'information commence à 9h30 à Namur.
"""
EN = """# New partnership

The partnership has a budget of €81 million for three years.

The project has 26 partners from across Wallonia.

The information session starts at 9.30 am in Namur.
"""
RELEASE = "2024-01-17-pit"


@pytest.fixture
def corpus(make_corpus, tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no setup.cfg, no glossaries: defaults
    return make_corpus({RELEASE: {"nl": NL, "fr": FR, "en": EN}})


def invoke(*args: str):
    return CliRunner().invoke(main, [*args])


def write_baseline(corpus: Path, tmp_path: Path) -> Path:
    out = tmp_path / "baseline.json"
    result = invoke("baseline", "write", str(corpus), "--no-model", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "checker: baseline: 1 finding written to" in result.stderr
    return out


def check(corpus: Path, baseline: Path):
    return invoke("check", str(corpus), "--no-model", "--format", "json", "--baseline", str(baseline))


def codes(result) -> list[tuple[str, str]]:
    return [(f["code"], f["found"]) for f in json.loads(result.stdout)["findings"]]


def edit(corpus: Path, lang: str, old: str, new: str) -> None:
    path = corpus / RELEASE / f"{lang}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_file_is_sorted_readable_and_holds_no_line_numbers(corpus, tmp_path):
    document = json.loads(write_baseline(corpus, tmp_path).read_text(encoding="utf-8"))
    [entry] = document["findings"]
    assert entry["code"] == "NUM001" and entry["release"] == RELEASE and entry["languages"] == "nl-fr"
    assert "line" not in entry and "column" not in entry
    assert list(entry) == sorted(entry, key=["fingerprint", "code", "release", "languages", "file", "message"].index)


def test_accepted_findings_are_not_reported_and_the_run_says_so(corpus, tmp_path):
    result = check(corpus, write_baseline(corpus, tmp_path))
    assert result.exit_code == 0, result.output
    assert codes(result) == []
    assert "checker: baseline: 1 finding baselined, 0 baseline entries no longer match anything" in result.stderr


def test_unrelated_edits_and_moved_lines_keep_the_fingerprint(corpus, tmp_path):
    baseline = write_baseline(corpus, tmp_path)
    # A new paragraph above the finding in every version moves its line; so does swapping paragraphs.
    edit(corpus, "fr", "# Nouveau partenariat\n", "# Nouveau partenariat\n\nUne introduction ajoutée.\n")
    edit(corpus, "nl", "# Nieuw partnerschap\n", "# Nieuw partnerschap\n\nEen toegevoegde inleiding.\n")
    edit(corpus, "en", "# New partnership\n", "# New partnership\n\nAn added introduction.\n")
    for lang, first, second in (("nl", "Het partnerschap beschikt", "Het project telt"),
                                ("fr", "Le partenariat dispose", "Le projet compte"),
                                ("en", "The partnership has", "The project has")):
        path = corpus / RELEASE / f"{lang}.md"
        blocks = path.read_text(encoding="utf-8").split("\n\n")
        i = next(n for n, b in enumerate(blocks) if b.startswith(first))
        j = next(n for n, b in enumerate(blocks) if b.startswith(second))
        blocks[i], blocks[j] = blocks[j], blocks[i]
        path.write_text("\n\n".join(blocks), encoding="utf-8")
    # White space and curly quotes inside the flagged sentence are not a change of its text either.
    edit(corpus, "fr", "dispose d'un budget de", "dispose  d\u2019un budget de")
    plain = invoke("check", str(corpus), "--no-model", "--format", "json")
    assert [f["line"] for f in json.loads(plain.stdout)["findings"]] == [7]  # it did move (line 3 before)
    result = check(corpus, baseline)
    assert result.exit_code == 0, result.output
    assert codes(result) == []


def test_a_change_of_the_flagged_value_is_reported_again(corpus, tmp_path):
    baseline = write_baseline(corpus, tmp_path)
    edit(corpus, "fr", "18 millions", "19 millions")
    result = check(corpus, baseline)
    assert result.exit_code == 1
    assert codes(result) == [("NUM001", "19 000 000 EUR")]
    assert "0 findings baselined, 1 baseline entry no longer matches anything" in result.stderr


def test_a_change_of_the_flagged_sentence_is_reported_again(corpus, tmp_path):
    baseline = write_baseline(corpus, tmp_path)
    edit(corpus, "fr", "pour trois ans", "sur trois ans")
    result = check(corpus, baseline)
    assert result.exit_code == 1 and [code for code, _ in codes(result)] == ["NUM001"]


def test_a_fixed_finding_leaves_an_entry_that_matches_nothing_and_new_findings_fail(corpus, tmp_path):
    baseline = write_baseline(corpus, tmp_path)
    edit(corpus, "fr", "18 millions", "81 millions")
    edit(corpus, "fr", "26 partenaires", "62 partenaires")
    result = check(corpus, baseline)
    assert result.exit_code == 1
    assert [code for code, _ in codes(result)] == ["NUM001"]
    assert json.loads(result.stdout)["findings"][0]["target"].startswith("Le projet compte 62")
    assert "0 findings baselined, 1 baseline entry no longer matches anything" in result.stderr


@pytest.mark.parametrize("content, says", [
    ("{not json", "not valid JSON"),
    ('{"findings": [{"code": "NUM001"}]}', "not a checker baseline"),
    ("[]", "not a checker baseline"),
])
def test_an_unusable_baseline_is_one_line_and_exit_2(corpus, tmp_path, content, says):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = check(corpus, bad)
    assert result.exit_code == 2
    assert result.stderr.startswith("checker: error: --baseline") and says in result.stderr
    missing = check(corpus, tmp_path / "missing.json")
    assert missing.exit_code == 2 and "no such file" in missing.stderr


def test_the_same_finding_twice_needs_two_entries(make_corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    corpus = make_corpus({RELEASE: {"nl": NL, "fr": FR, "en": EN}})
    baseline = write_baseline(corpus, tmp_path)
    for lang, sentence in (("nl", "Het partnerschap beschikt over een budget van €81 miljoen voor drie jaar.\n"),
                           ("fr", "Le partenariat dispose d'un budget de 18 millions d'euros pour trois ans.\n"),
                           ("en", "The partnership has a budget of €81 million for three years.\n")):
        path = corpus / RELEASE / f"{lang}.md"
        path.write_text(path.read_text(encoding="utf-8") + "\n" + sentence, encoding="utf-8")
    result = check(corpus, baseline)
    assert result.exit_code == 1 and len(codes(result)) == 1
    assert "1 finding baselined, 0 baseline entries" in result.stderr


def test_writing_refuses_a_corpus_with_input_problems(corpus, tmp_path):
    (corpus / RELEASE / "fr.md").write_bytes(b"\xff\xfe broken")
    out = tmp_path / "baseline.json"
    result = invoke("baseline", "write", str(corpus), "--no-model", "-o", str(out))
    assert result.exit_code == 2 and "baseline not written" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("a, b", [
    ("d'un  budget", "d\u2019un budget"),
    ("81\u00a0millions", "81 millions"),
    (" 26 partners\n", "26 partners"),
])
def test_normalise_ignores_typography(a, b):
    assert normalise(a) == normalise(b)


def test_normalise_keeps_case_and_words():
    assert normalise("Medvia") != normalise("MEDVIA")
    assert normalise("pour trois ans") != normalise("sur trois ans")
