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
