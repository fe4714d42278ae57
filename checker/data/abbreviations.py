"""Abbreviations whose period must not end a sentence, per language, as the segmenter reads them.

The words live in each language's `SEGMENTATION` table in `checker.locales` (see
`SegmentationLocale` for the three kinds); this module only gathers them by language. The
segmenter masks these periods before pysbd sees the text and puts them back afterwards, and
also accepts each entry with a capital first letter (sentence start: "Bv."). Initials
("A. De Croo", "J.-M. Dupont") are a pattern, not a list: see `checker.segment`.
"""

from __future__ import annotations

import importlib

from checker.locales import supported_languages


def _tables():
    return {lang: importlib.import_module(f"checker.locales.{lang}").SEGMENTATION for lang in supported_languages()}


_TABLES = _tables()
NEVER_FINAL: dict[str, tuple[str, ...]] = {lang: t.never_final for lang, t in _TABLES.items()}
BEFORE_NUMBER: dict[str, tuple[str, ...]] = {lang: t.before_number for lang, t in _TABLES.items()}
FINAL_UNLESS_CONTINUED: dict[str, tuple[str, ...]] = {lang: t.final_unless_continued for lang, t in _TABLES.items()}
PYSBD_PREPOSITIVE: dict[str, tuple[str, ...]] = {lang: t.pysbd_prepositive for lang, t in _TABLES.items() if t.pysbd_prepositive}
PYSBD_ABBREVIATIONS: dict[str, tuple[str, ...]] = {lang: t.pysbd_abbreviations for lang, t in _TABLES.items() if t.pysbd_abbreviations}
