"""Single-number corruptions of a correct target text, for the 'exactly one error' guarantee.

Each mutation changes one numeric expression the way real mistakes do: a digit, a scale
word, a separator, a month, a number word. Used by the corpus mutation tests and the
benchmark of precision on the bundled corpora.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from checker.numbers.extract import extract_values
from checker.numbers import values as v

SCALE_SWAPS = {
    "nl": {"miljoen": "miljard", "miljard": "miljoen", "duizend": "miljoen"},
    "fr": {"millions": "milliards", "million": "milliard", "milliards": "millions", "milliard": "million"},
    "en": {"million": "billion", "billion": "million", "thousand": "million"},
}
WORD_SWAPS = {
    "nl": {"twee": "drie", "drie": "vier", "vijf": "zes", "zes": "zeven", "zeven": "acht", "twaalf": "elf",
           "tweede": "derde", "derde": "vierde", "eerste": "tweede"},
    "fr": {"deux": "trois", "trois": "quatre", "cinq": "six", "six": "sept", "sept": "huit", "douze": "onze",
           "deuxième": "troisième", "troisième": "quatrième", "premier": "deuxième", "première": "deuxième"},
    "en": {"two": "three", "three": "four", "five": "six", "six": "seven", "seven": "eight", "twelve": "eleven",
           "second": "third", "third": "fourth", "first": "second"},
}
MONTH_SWAPS = {
    "nl": {"januari": "februari", "mei": "juni", "maart": "april", "november": "december", "september": "oktober"},
    "fr": {"janvier": "février", "mai": "juin", "mars": "avril", "novembre": "décembre", "septembre": "octobre"},
    "en": {"January": "February", "May": "June", "March": "April", "November": "December", "September": "October"},
}
# A separator that changes the value in this language: 1,200 -> 1.200 in English reads 1.2.
SEPARATOR_SWAPS = {"en": (",", "."), "fr": (" ", ","), "nl": (".", ",")}


@dataclass(frozen=True)
class Mutation:
    kind: str
    line: int  # 1-based line of the change
    start: int  # offset in the file text
    end: int
    replacement: str
    description: str

    def apply(self, text: str) -> str:
        return text[: self.start] + self.replacement + text[self.end :]


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _digit_change(literal: str) -> str | None:
    digits = [i for i, ch in enumerate(literal) if ch.isdigit()]
    if not digits:
        return None
    # change the first significant digit: 81 -> 91, 2024 -> 3024 is too odd for a year, so years change last digit
    index = digits[-1] if len(digits) == 4 and literal[:2] in ("19", "20") else digits[0]
    new = str((int(literal[index]) + 1) % 10)
    if new == "0" and index == digits[0]:
        new = "2"
    return literal[:index] + new + literal[index + 1 :]


def mutations(text: str, lang: str) -> Iterator[Mutation]:
    """One mutation per numeric expression and kind of mistake, over a whole file's text."""
    for line_start, line in _lines(text):
        if line.lstrip().startswith(("[", "http")) or "](" in line and "mailto:" in line:
            continue
        for value in extract_values(line, lang):
            if value.weak or value.conversion:
                continue
            start = line_start + value.start
            surface = value.text
            digits = re.search(r"\d[\d.,\u00a0\u202f ]*\d|\d", surface)
            if digits and value.kind != v.CODE:
                changed = _digit_change(digits.group(0))
                if changed:
                    a, b = start + digits.start(), start + digits.end()
                    yield Mutation("digit", _line_of(text, a), a, b, changed, f"{digits.group(0)} -> {changed}")
            for word, swap in SCALE_SWAPS[lang].items():
                m = re.search(rf"(?<!\w){word}(?!\w)", surface)
                if m:
                    a = start + m.start()
                    yield Mutation("scale", _line_of(text, a), a, a + len(word), swap, f"{word} -> {swap}")
                    break
            sep_from, sep_to = SEPARATOR_SWAPS[lang]
            grouped = re.search(rf"\d{{1,3}}[{re.escape(sep_from)}\u00a0\u202f]\d{{3}}(?!\d)", surface)
            if grouped and value.kind in v.QUANTITIES:
                a = start + grouped.start()
                literal = grouped.group(0)
                changed = re.sub(r"[^\d]", sep_to, literal)
                yield Mutation("separator", _line_of(text, a), a, a + len(literal), changed, f"{literal} -> {changed}")
            if value.kind == v.DATE:
                for month, swap in MONTH_SWAPS[lang].items():
                    m = re.search(rf"(?<!\w){month}(?!\w)", surface)
                    if m:
                        a = start + m.start()
                        yield Mutation("month", _line_of(text, a), a, a + len(month), swap, f"{month} -> {swap}")
                        break
            if not digits:
                lowered = surface.lower()
                for word, swap in WORD_SWAPS[lang].items():
                    m = re.search(rf"(?<!\w){word}(?!\w)", lowered)
                    if m:
                        a = start + m.start()
                        original = surface[m.start() : m.end()]
                        replacement = swap.capitalize() if original[0].isupper() else swap
                        yield Mutation("word", _line_of(text, a), a, a + len(word), replacement, f"{original} -> {replacement}")
                        break


def _lines(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1
