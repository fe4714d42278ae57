"""Lemma matching with simplemma: the second opinion before a term is declared missing.

The matcher's generated variants cover regular inflection and the forms translators
produce around acronyms and compounds, which simplemma leaves alone; simplemma knows
irregular plurals (`steden` -> `stad`, `analyses` -> `analysis`) that no suffix rule
produces. TERM001 asks this module only when the matcher found nothing, so its
dictionaries are loaded (about a second per language) only on a run that needs them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.glossary.text import fold_accents, view
from checker.locales import get_term_locale

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=65536)
def _lemma(word: str, lang: str) -> str:
    code = get_term_locale(lang).lemma_language
    if not code:  # a language simplemma does not know: compare words as they are
        return word
    import simplemma  # here, not at the top: only a run whose TERM001 needs a lemma pays its import

    return simplemma.lemmatize(word, lang=code).lower()


def lemmas(text: str, lang: str, accents: bool = True) -> list[str]:
    """Lowercase lemmas of the words of `text`; with `accents=False`, without their accents."""
    words = _WORD.findall(view(text).lower)
    found = [_lemma(w, lang) for w in words]
    return found if accents else [fold_accents(w) for w in found]


def lemma_contains(text: str, form: str, lang: str, accents: bool = True) -> bool:
    """True when the lemmas of `form` occur in a row among the lemmas of `text`."""
    needle = lemmas(form, lang, accents)
    if not needle:
        return False
    hay = lemmas(text, lang, accents)
    return any(hay[i : i + len(needle)] == needle for i in range(len(hay) - len(needle) + 1))
