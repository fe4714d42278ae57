"""Glossaries: approved and forbidden renderings of the field's terms, and the matcher that finds them."""

from checker.glossary.entries import Entry, Glossary, GlossaryError, TermMatch, empty_glossary
from checker.glossary.loader import DEFAULT_LANGUAGES, discover_glossaries, load_glossaries, parse_entries

__all__ = [
    "DEFAULT_LANGUAGES",
    "Entry",
    "Glossary",
    "GlossaryError",
    "TermMatch",
    "discover_glossaries",
    "empty_glossary",
    "load_glossaries",
    "parse_entries",
]
