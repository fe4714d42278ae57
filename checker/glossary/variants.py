"""Inflected variants of a glossary form, generated once when the matcher is built.

The matcher compares forms, not lemmas: each form is expanded into the plural and
agreement variants translators produce (`werkpakket` -> `werkpakketten`, `lot de travail`
-> `lots de travail`, `ATMP` -> `ATMPs`). Possessives (`ATMP's`), elision (`l'ATMP`) and
hyphenated compounds (`ATMP-sector`) need no variant: the word-boundary rule already
accepts an apostrophe or hyphen next to a term.

simplemma was measured against these rules (`benchmarks/bench_terms.py`): it leaves
acronyms and Dutch compounds (`ATMPs`, `werkpakketten`, `innovatiepartnerschappen`)
unlemmatised, so the matcher does not use it; TERM001 asks it (`lemmas.py`) only as a
second opinion for irregular plurals (`steden`, `analyses`) before reporting a term missing.
"""

from __future__ import annotations

import itertools

# Words that never inflect inside a multiword term.
FUNCTION_WORDS = frozenset(
    """de het een van en voor in op met of & d' l' la le les du des et à au aux pour en sur
    the a an of and for in on to by with""".split()
)

VOWELS = set("aeiouyàâäéèêëîïôöùûü")

# More variants per form than this and the matcher grows for little gain.
MAX_VARIANTS_PER_FORM = 32


def is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _dutch(word: str) -> list[str]:
    lower = word.lower()
    out = []
    # Plural -s after an unstressed ending or a vowel (clusters, sectors); -en elsewhere.
    if lower.endswith(("el", "er", "em", "en", "je", "or", "um")) or lower[-1] in VOWELS:
        out.append(word + "s")
    if lower[-1] not in VOWELS:
        out += [word + "en", word + "e"]  # -e: inflected adjective (technologische)
    if lower.endswith("e"):
        out.append(word + "n")
    if lower.endswith("ie"):
        out.append(word + "ën")
    if lower.endswith("heid"):
        out.append(word[:-4] + "heden")
    if lower.endswith("f"):
        out.append(word[:-1] + "ven")
    if lower.endswith("s") and not lower.endswith("ss"):
        out.append(word[:-1] + "zen")
    # A short vowel before a final consonant doubles it: pakket -> pakketten, plan -> plannen.
    if (
        len(lower) >= 3
        and lower[-1] not in VOWELS
        and lower[-1] not in "wxy"
        and lower[-2] in VOWELS
        and lower[-3] not in VOWELS
    ):
        out.append(word + word[-1] + "en")
    # A long vowel written double in the singular loses a letter: programma stays, taak -> taken.
    if len(lower) >= 3 and lower[-2] == lower[-3] and lower[-2] in "aeou" and lower[-1] not in VOWELS:
        out.append(word[:-2] + word[-1] + "en")
    return out


def _french(word: str) -> list[str]:
    lower = word.lower()
    out = [word + "s", word + "e", word + "es"]
    if lower.endswith(("eau", "au", "eu")):
        out.append(word + "x")
    if lower.endswith("al"):
        out.append(word[:-2] + "aux")
    if lower.endswith("ail"):
        out.append(word[:-3] + "aux")
    return out


def _english(word: str) -> list[str]:
    lower = word.lower()
    if lower.endswith("y") and len(lower) > 2 and lower[-2] not in VOWELS:
        return [word[:-1] + "ies"]
    if lower.endswith(("s", "x", "z", "ch", "sh", "o")):
        return [word + "es"]
    return [word + "s"]


_RULES = {"nl": _dutch, "fr": _french, "en": _english}


def word_variants(word: str, lang: str) -> list[str]:
    """`word` first, then its inflected forms in `lang` (no duplicates)."""
    if not any(c.isalpha() for c in word) or word.lower() in FUNCTION_WORDS:
        return [word]
    if "'" in word[:-1]:
        # Elided article glued to the word (`d'Innovation`): inflect what follows it.
        head, _, tail = word.rpartition("'")
        return [head + "'" + v for v in word_variants(tail, lang)]
    if is_acronym(word):
        return [word, word + "s"]
    rule = _RULES.get(lang, _english)
    seen: dict[str, None] = {word: None}
    for variant in rule(word):
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
