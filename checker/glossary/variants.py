"""Inflected variants of a glossary form, generated once when the matcher is built.

The matcher compares forms, not lemmas: each form is expanded into the plural and
agreement variants translators produce (`werkpakket` -> `werkpakketten`, `lot de travail`
-> `lots de travail`, `ATMP` -> `ATMPs`). Possessives (`ATMP's`), elision (`l'ATMP`) and
hyphenated compounds (`ATMP-sector`) need no variant: the word-boundary rule already
accepts an apostrophe or hyphen next to a term.

The rules themselves are data, per language, in `checker/locales/` (`TERMS`).

simplemma was measured against these rules (`benchmarks/bench_terms.py`): it leaves
acronyms and Dutch compounds (`ATMPs`, `werkpakketten`, `innovatiepartnerschappen`)
unlemmatised, so the matcher does not use it; TERM001 asks it (`lemmas.py`) only as a
second opinion for irregular plurals (`steden`, `analyses`) before reporting a term missing.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from checker.locales import TermLocale, get_term_locale, term_locales

# More variants per form than this and the matcher grows for little gain.
MAX_VARIANTS_PER_FORM = 32


def function_words(lang: str) -> frozenset[str]:
    """Words of `lang` that never inflect inside a multiword term (articles, prepositions)."""
    return get_term_locale(lang).function_words


def all_function_words() -> frozenset[str]:
    """The function words of every supported language (names and quotes cross languages)."""
    return frozenset().union(*(t.function_words for t in term_locales()))


def is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@lru_cache(maxsize=None)
def _compiled(locale: TermLocale) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern, re.IGNORECASE), replacement) for pattern, replacement in locale.inflections)


def _inflect(word: str, locale: TermLocale) -> list[str]:
    out = []
    for pattern, replacement in _compiled(locale):
        if pattern.search(word):
            out.append(pattern.sub(replacement, word, count=1))
            if locale.first_inflection_only:
                break
    return out


def word_variants(word: str, lang: str) -> list[str]:
    """`word` first, then its inflected forms in `lang` (no duplicates).

    Raises UnknownLanguage for a language with no table: another language's plurals would
    match wrong forms without a word said.
    """
    locale = get_term_locale(lang)
    if not any(c.isalpha() for c in word) or word.lower() in locale.function_words:
        return [word]
    if "'" in word[:-1]:
        # Elided article glued to the word (`d'Innovation`): inflect what follows it.
        head, _, tail = word.rpartition("'")
        return [head + "'" + v for v in word_variants(tail, lang)]
    if is_acronym(word):
        return [word, *(word + ending for ending in locale.acronym_plurals)]
    seen: dict[str, None] = {word: None}
    for variant in _inflect(word, locale):
        seen.setdefault(variant, None)
    return list(seen)


def form_variants(form: str, lang: str, inflect: bool = True) -> list[str]:
    """`form` first, then the multiword combinations of its words' variants, capped."""
    words = form.split()
    if not inflect or not words:
        return [form]
    if len(words) == 1 and words[0][:1].isupper() and not is_acronym(words[0]):
        # A lone capitalised word is a name (`Namen`, `Janssen`): inflecting it only
        # produces ordinary words (`Namens`).
        return [form]
    options = [word_variants(w, lang) for w in words]
    # Keep the product bounded: trim the longest option lists until it fits.
    while _product(options) > MAX_VARIANTS_PER_FORM:
        longest = max(range(len(options)), key=lambda i: len(options[i]))
        options[longest] = options[longest][:-1]
    seen: dict[str, None] = {}
    for combination in itertools.product(*options):
        seen.setdefault(" ".join(combination), None)
    return list(seen)


def _product(options: list[list[str]]) -> int:
    total = 1
    for option in options:
        total *= len(option)
    return total
