"""The factored word alternation matches what the plain longest-first alternation matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.numbers.patterns import alternation


def plain(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def matches(alternatives: str, text: str, flags: int = re.IGNORECASE) -> list[tuple[int, int]]:
    # The shape the number passes use: a whole word, or one glued to a following word.
    pattern = re.compile(rf"(?<![\w\-])(?P<word>{alternatives})(?![\w])", flags)
    return [match.span("word") for match in pattern.finditer(text)]


@pytest.mark.parametrize("words, text, expected", [
    # the longest word that fits wins, as with the plain alternation
    (["drie", "dertig", "dertien", "der"], "dertien of dertig of der drie", ["dertien", "dertig", "der", "drie"]),
    (["half", "halve"], "een halve euro, half werk, halfway", ["halve", "half"]),
    # a word that is a prefix of another is still found alone, and the longer one is not cut
    (["l'un", "l"], "l'un et l autre", ["l'un", "l"]),
    (["mi", "mille", "milliard"], "mille ou milliard, mi-temps", ["mille", "milliard", "mi"]),
    # case is the pattern's flag's business
    (["mei"], "MEI en Mei en meir", ["MEI", "Mei"]),
    # characters that mean something to `re` are literals
    (["a.b", "a+", "a"], "a.b a+ a ab", ["a.b", "a+", "a"]),
])
def test_factored_alternation_reads_words(words, text, expected):
    found = [text[s:e] for s, e in matches(alternation(words), text)]
    assert found == expected
    assert matches(alternation(words), text) == matches(plain(words), text)


def test_factored_alternation_shares_prefixes():
    assert alternation(["drie", "dertig", "dertien"]) == "d(?:erti(?:en|g)|rie)"
    assert alternation([]) == ""


_LETTERS = st.text(alphabet="abdeEil'- .", min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(_LETTERS, min_size=1, max_size=8), text=st.text(alphabet="abdeEil'- .x", max_size=40))
def test_factored_alternation_matches_as_the_plain_one(words, text):
    for flags in (0, re.IGNORECASE):
        assert matches(alternation(words), text, flags) == matches(plain(words), text, flags)
