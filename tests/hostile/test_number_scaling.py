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
