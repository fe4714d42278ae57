"""Hostile corpus files: deep nesting and files over the limits; one problem each, the rest still checked."""

from __future__ import annotations

import json

import pytest

from hostile.conftest import GOOD

WRONG_FR = {**GOOD, "fr": GOOD["fr"].replace("26", "62")}  # release b has one finding: the rest is checked


@pytest.mark.parametrize(
    "markdown",
    [
        "> " * 10_000 + "Le projet compte 26 partenaires.\n",  # before: RecursionError
        "".join("  " * i + "- item\n" for i in range(2_000)) + "\nLe projet compte 26 partenaires.\n",
        "- " * 10_000 + "Le projet compte 26 partenaires.\n",  # before: RecursionError
        "> - " * 5_000 + "Le projet compte 26 partenaires.\n",
        "[" * 10_000 + "Le projet" + "](x)" * 10_000 + " compte 26 partenaires.\n",
        "[" * 100_000 + "\n\nLe projet compte 26 partenaires.\n",
    ],
    ids=["quotes-10000", "indented-lists-2000", "lists-10000", "quote-list-5000", "links-10000", "brackets-100000"],
)
def test_deep_nesting_in_markdown_is_checked_without_recursion(repo, markdown: str) -> None:
    repo.release("a", {**GOOD, "fr": "# Titre\n\n" + markdown})
    repo.release("b", WRONG_FR)
    result = repo.run("check", "corpus", "--no-model", "--format", "json")
    assert result.returncode in (1, 2), result  # release b's wrong figure is always found
    report = json.loads(result.stdout)
    assert report["summary"]["releases"] == 2
    assert any(f["code"] == "NUM001" and "b/fr.md" in f["file"] for f in report["findings"]), report["findings"][:3]


def test_a_file_over_max_file_size_is_one_problem_and_not_read(repo, one_error) -> None:
    repo.config("max_file_size = 1KB")
    repo.release("a", {**GOOD, "en": GOOD["en"] + "The project has 26 partners.\n\n" * 100})
    repo.release("b", WRONG_FR)
    result = repo.run("check", "corpus", "--no-model", "--no-color")
    one_error(result, "a/en.md: file is 3038 bytes, more than max_file_size = 1024; not read")
    assert "NUM001" in result.stdout  # release b was still checked


def test_too_many_sentences_is_one_problem(repo, one_error) -> None:
    repo.config("max_segments = 50")
    repo.release("a", {**GOOD, "nl": "".join(f"Zin {i} telt woorden.\n\n" for i in range(60))})
    repo.release("b", WRONG_FR)
    result = repo.run("check", "corpus", "--no-model", "--no-color")
    one_error(result, "a/nl.md: 60 sentences, more than max_segments = 50; not checked")
    assert "NUM001" in result.stdout


def test_a_sentence_over_max_segment_length_is_one_problem(repo, one_error) -> None:
    repo.config("max_segment_length = 200")
    repo.release("a", {**GOOD, "en": "# Title\n\nThe project has " + "very " * 60 + "many partners.\n"})
    repo.release("b", WRONG_FR)
    result = repo.run("check", "corpus", "--no-model", "--no-color")
    one_error(result, "a/en.md: the sentence at line 3, column 1 is 330 characters long, more than max_segment_length = 200")
    assert "NUM001" in result.stdout


def test_the_default_limits_leave_an_ordinary_corpus_alone(repo) -> None:
    result = repo.run("check", "corpus", "--no-model")
    assert result.returncode == 0, result
