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


def test_a_gated_pattern_scans_only_where_its_gate_occurs():
    from checker.numbers.patterns import gated

    decade = gated(r"(?<![\w])(?:(?P<count>\w+) )?(?P<noun>decades?)(?![\w])", r"decades?", re.IGNORECASE)
    assert [m.group("count") for m in decade.finditer("two decades, a Decade")] == ["two", "a"]
    assert list(decade.finditer("two years")) == []
    assert decade.search("in two decades", 3).group(0) == "two decades"
    assert decade.search("two decades", 0, 8) is None  # the gate looks in the same window
    assert decade.fullmatch("Decade") is not None


def _corpus_lines(lang: str) -> list[str]:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "corpora"
    lines = [line for path in sorted(root.glob(f"*/{lang}.md")) for line in path.read_text(encoding="utf-8").splitlines()]
    # and the sentences of the locale tables, where every phrase the passes read occurs
    from tests.test_numbers_extract import CASES

    return lines + [text for case_lang, text, *_ in CASES if case_lang == lang]


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_every_gated_number_pattern_finds_what_its_pattern_finds(lang):
    import dataclasses

    from checker.numbers import extract
    from checker.numbers.patterns import Gated
    from checker.numbers.phrases import phrase_patterns

    gated_patterns = [value for table in (phrase_patterns(lang), extract._patterns(lang)) for field in dataclasses.fields(table)
                      if isinstance(value := getattr(table, field.name), Gated)]
    gated_patterns += [value for value in vars(extract).values() if isinstance(value, Gated)]  # URLs, codes, dates
    assert len(gated_patterns) >= 15
    lines = _corpus_lines(lang)
    for pattern in gated_patterns:
        for line in lines:
            assert [m.span() for m in pattern.finditer(line)] == [m.span() for m in pattern.pattern.finditer(line)], (
                pattern.pattern.pattern, line)
