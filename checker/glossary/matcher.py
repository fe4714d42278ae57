"""The multi-pattern term matcher: one Aho-Corasick automaton per language, built once.

Every approved and forbidden form of every entry is expanded into its inflected variants
(`variants.py`), normalised like the text (`text.py`: typography, whitespace, case,
accents) and added to the automaton of each language it belongs to. A hit counts only
at Unicode word boundaries (`PIT` is not in `PITCH`), then overlapping hits are
resolved leftmost-longest so a nested shorter term never reports twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import re

import ahocorasick

from checker.glossary.entries import Entry, TermMatch
from checker.glossary.text import MatchView, fold_accents, lower_same_length, view
from checker.glossary.variants import form_variants


# Web addresses and e-mail addresses are not prose: `biowin` in `www.biowin.org` is no term.
_ADDRESS = re.compile(
    r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:[a-z]{2,6})\b(?:/\S*)?",
    re.IGNORECASE,
)
_MAYBE_ADDRESS = re.compile(r"[@/]|\w\.[a-z]", re.IGNORECASE)


@dataclass(frozen=True)
class _Pattern:
    entry: Entry
    form: str  # the glossary form, as written in the glossary
    cased: str  # this variant, typography-normalised but with its case
    lower: str  # this variant lowercased (accents kept) for accent-sensitive entries
    forbidden: bool
    inflected: bool = False  # a generated variant, not the form as written


class TermMatcher:
    def __init__(self, entries: Sequence[Entry], languages: Sequence[str]) -> None:
        self.languages = tuple(languages)
        self._automata: dict[str, ahocorasick.Automaton] = {}
        self.pattern_count = 0
        for lang in self.languages:
            automaton = ahocorasick.Automaton()
            patterns: dict[str, list[_Pattern]] = {}
            seen: set[tuple[str, str, bool, str]] = set()
            for entry in entries:
                for form in entry.forms.get(lang, ()):
                    self._add(patterns, seen, entry, form, lang, forbidden=False)
                for form in entry.forbidden.get(lang, ()):
                    self._add(patterns, seen, entry, form, lang, forbidden=True)
            for key, payload in patterns.items():
                automaton.add_word(key, (len(key), tuple(payload)))
            self.pattern_count += len(patterns)
            if patterns:
                automaton.make_automaton()
                self._automata[lang] = automaton

    @staticmethod
    def _add(patterns: dict[str, list[_Pattern]], seen: set, entry: Entry, form: str, lang: str,
             forbidden: bool) -> None:
        cased_form = view(form).cased.strip()
        # Forbidden forms are inflected too (`charging poles`); where an inflected forbidden
        # variant spells an approved one, the approved one wins (see `_matches`).
        for variant in form_variants(cased_form, lang, inflect=True):
            marker = (variant, entry.id, forbidden, lang)
            if marker in seen:
                continue
            seen.add(marker)
            lower = lower_same_length(variant)
            key = fold_accents(lower)
            patterns.setdefault(key, []).append(
                _Pattern(entry, form, variant, lower, forbidden, inflected=variant != cased_form))

    def find(self, text: str, lang: str, overlapping: bool = False) -> list[TermMatch]:
        """Matches in `text`; leftmost-longest unless `overlapping` (then nested hits too)."""
        longest, every = self.find_both(text, lang)
        return every if overlapping else longest

    def find_both(self, text: str, lang: str) -> tuple[list[TermMatch], list[TermMatch]]:
        """(leftmost-longest matches, all matches with nested ones) from one scan of `text`."""
        automaton = self._automata.get(lang)
        if automaton is None or not text:
            return [], []
        seen = view(text)
        folded = seen.folded
        hits: list[tuple[int, int, tuple[_Pattern, ...]]] = []
        for end_index, (length, payload) in automaton.iter(folded):
            start = end_index - length + 1
            end = end_index + 1
            if start > 0 and folded[start - 1].isalnum():
                continue
            if end < len(folded) and folded[end].isalnum():
                continue
            # Accents are checked before overlaps are resolved, so that a longer form
            # rejected for its accents does not hide a shorter one inside it.
            lower = seen.lower[start:end]
            # In capitals French drops its accents (`POMPES A CHALEUR`): no accent is missing there.
            capitals = seen.cased[start:end].isupper()
            payload = tuple(p for p in payload if not p.entry.accent_sensitive or capitals or lower == p.lower)
            if payload:
                hits.append((start, end, payload))
        if not hits:
            return [], []
        if _MAYBE_ADDRESS.search(text):
            hits = _outside_addresses(hits, seen)
        built = {(start, end): _matches(seen, start, end, payload, lang) for start, end, payload in hits}
        every = [m for start, end, _ in sorted(hits, key=lambda h: (h[0], -h[1])) for m in built[(start, end)]]
        if len(hits) == 1:
            return every, every
        longest = [m for start, end, _ in _leftmost_longest(hits) for m in built[(start, end)]]
        return longest, every


def _outside_addresses(hits: list, seen: MatchView) -> list:
    addresses = [m.span() for m in _ADDRESS.finditer(seen.original)]
    kept = []
    for hit in hits:
        start, end = seen.original_span(hit[0], hit[1])
        # A hit that is the whole address (`pharma.be`) is a name; one inside it is not.
        if not any(a <= start and end <= b and (a, b) != (start, end) for a, b in addresses):
            kept.append(hit)
    return kept


def _leftmost_longest(hits: list[tuple[int, int, tuple[_Pattern, ...]]]) -> list[tuple[int, int, tuple[_Pattern, ...]]]:
    kept: list[tuple[int, int, tuple[_Pattern, ...]]] = []
    for hit in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
        if all(hit[1] <= k[0] or hit[0] >= k[1] for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h[0])


def _matches(seen: MatchView, start: int, end: int, payload: tuple[_Pattern, ...], lang: str) -> list[TermMatch]:
    out: dict[tuple[str, bool], TermMatch] = {}
    o_start, o_end = seen.original_span(start, end)
    for pattern in payload:
        key = (pattern.entry.id, pattern.forbidden)
        if key in out and out[key].exact_case:
            continue
        exact_case = True
        if pattern.entry.case_sensitive:
            exact_case = _same_case(seen.cased[start:end], pattern.cased)
        out[key] = TermMatch(
            entry=pattern.entry,
            lang=lang,
            start=o_start,
            end=o_end,
            text=seen.original[o_start:o_end],
            form=pattern.form,
            forbidden=pattern.forbidden,
            exact_case=exact_case,
        )
    # A forbidden form as written wins over an approved variant that happens to spell the same;
    # a generated variant of a forbidden form does not (`charging points` approved plural).
    exact_forbidden = {p.entry.id for p in payload if p.forbidden and not p.inflected}
    approved = {entry_id for entry_id, forbidden in out if not forbidden}
    forbidden_ids = {entry_id for entry_id, forbidden in out if forbidden
                     and (entry_id in exact_forbidden or entry_id not in approved)}
    return [m for (entry_id, forbidden), m in out.items()
            if (forbidden and entry_id in forbidden_ids) or (not forbidden and entry_id not in forbidden_ids)]


def _same_case(found: str, expected: str) -> bool:
    """Compare the case of the glossary's letters only: `ATMPs` keeps the case of `ATMP`."""
    for found_word, expected_word in zip(found.split(" "), expected.split(" ")):
        if found_word == expected_word:
            continue
        stem = 0
        for a, b in zip(found_word.lower(), expected_word.lower()):
            if a != b:
                break
            stem += 1
        if found_word[:stem] != expected_word[:stem]:
            return False
    return True
