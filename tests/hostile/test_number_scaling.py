"""Number reading and comparison stay linear on hostile sentences (a hang detector, not a timing test)."""

from __future__ import annotations

import signal

import pytest

from checker.numbers.compare import compare_values
from checker.numbers.extract import extract_values


@pytest.fixture
def hang_detector():
    def expire(signum, frame):
        raise TimeoutError("number reading took far longer than a linear pass")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(60)  # generous: each case takes well under a few seconds
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("lang, text, expected", [
    ("en", " ".join(["twenty one"] * 500), 500),
    ("nl", " ".join(["eenentwintig"] * 1000), 1000),
    ("nl", "a" * 1_000_000, 0),  # one endless word: no URL or e-mail scan of its square
    ("fr", "x" * 200_000 + "@example.com", 0),
    ("en", " ".join(["the third"] * 5000), 5000),
])
def test_reading_a_hostile_sentence_is_linear(hang_detector, lang: str, text: str, expected: int) -> None:
    assert len(extract_values(text, lang)) == expected


def test_comparing_thousands_of_unrelated_values_is_bounded(hang_detector) -> None:
    source = extract_values(" ".join(f"{i}." for i in range(3000)), "fr")
    target = extract_values(" ".join(f"{i + 5000}." for i in range(3000)), "en")
    comparison = compare_values(source, target)
    assert len(source) == len(target) == 3000
    assert len(comparison.mismatches) >= 3000  # every value still accounted for


def test_an_endless_paragraph_is_one_input_problem(tmp_path) -> None:
    import subprocess
    import sys

    release = tmp_path / "corpus" / "r"
    release.mkdir(parents=True)
    lines = {"nl": "Het project telt 26 partners. ", "fr": "Le projet compte 26 partenaires. ", "en": "The project has 26 partners. "}
    for lang, sentence in lines.items():
        (release / f"{lang}.md").write_text(sentence * 3000 + "\n", encoding="utf-8")
    (release.parent / "other").mkdir()
    for lang, sentence in lines.items():
        (release.parent / "other" / f"{lang}.md").write_text(sentence + "\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in release.parent.rglob("*.md")}
    result = subprocess.run([sys.executable, "-m", "checker", "check", str(release.parent), "--no-model", "--no-cache"],
                            capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    problems = [line for line in result.stderr.splitlines() if "max_block_segments" in line]
    assert len(problems) == 3 and all("3000 sentences" in line for line in problems), result.stderr
    assert "Traceback" not in result.stderr
    assert "1 release" in result.stdout or "other" not in result.stderr  # the other release is still checked
    assert {p: p.read_bytes() for p in release.parent.rglob("*.md")} == before
