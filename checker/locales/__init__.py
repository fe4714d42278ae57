"""Per-language number conventions. A new language is one module with a `LOCALE` table."""

from __future__ import annotations

import importlib
from functools import lru_cache

from checker.locales.base import QUALIFIER_DIRECTION, QUALIFIER_LABEL, NumberLocale

__all__ = ["NumberLocale", "QUALIFIER_DIRECTION", "QUALIFIER_LABEL", "get_locale", "supported_languages"]

_SUPPORTED = ("nl", "fr", "en")


def supported_languages() -> tuple[str, ...]:
    return _SUPPORTED


@lru_cache(maxsize=None)
def get_locale(lang: str) -> NumberLocale:
    """The number tables of `lang` (a two-letter code); KeyError if there is none."""
    if lang not in _SUPPORTED:
        raise KeyError(f"no number conventions for language {lang!r} (known: {', '.join(_SUPPORTED)})")
    return importlib.import_module(f"checker.locales.{lang}").LOCALE


# --------------------------------------------------------------------------- terms
from checker.locales.base import TermLocale  # noqa: E402  (appended after the number tables' lookup)

__all__ += ["TermLocale", "UnknownLanguage", "get_term_locale", "term_locales"]


class UnknownLanguage(ValueError):
    """A language with no table in `checker/locales/`: said plainly rather than guessed at."""


@lru_cache(maxsize=None)
def get_term_locale(lang: str) -> TermLocale:
    """The term rules of `lang` (inflection, elision, function words); UnknownLanguage if there are none.

    No language falls back to another's rules: English plurals on German words would match
    wrong forms silently.
    """
    if lang not in _SUPPORTED:
        raise UnknownLanguage(
            f"no term rules for language {lang!r} (known: {', '.join(_SUPPORTED)}): "
            f"add a TERMS table to checker/locales/{lang}.py")
    return importlib.import_module(f"checker.locales.{lang}").TERMS


def term_locales() -> tuple[TermLocale, ...]:
    """The term rules of every supported language."""
    return tuple(get_term_locale(lang) for lang in _SUPPORTED)
