"""Glossary records: one `Entry` per concept, the `Glossary` that holds them, and `TermMatch`."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

if TYPE_CHECKING:
    from checker.glossary.matcher import TermMatcher


class GlossaryError(Exception):
    """A glossary that cannot be used: the run stops with its file, line and reason."""

    def __init__(self, path: str | Path, line: int, reason: str) -> None:
        self.path = str(path)
        self.line = line
        self.reason = reason
        super().__init__(f"{self.path}:{line}: {reason}")


def text_problem(text: str, limit: int, multiline: bool = False) -> str | None:
    """Why a glossary string cannot be used (too long, a control character), or None.

    Shared by the loader and the importers, so that a 1 MB term or a NUL byte is refused with
    its file and line wherever it comes from, before it can reach the matcher's C extension.
    """
    if len(text) > limit:
        return f"{len(text)} characters, more than {limit}"
    allowed = "\n\t" if multiline else ""  # a note may span lines; a form is matched on one line
    bad = next((ch for ch in text if unicodedata.category(ch) in ("Cc", "Cs") and ch not in allowed), None)
    if bad is not None:
        return f"contains the control character U+{ord(bad):04X}"
    return None


@dataclass(frozen=True)
class Entry:
    """One concept: its approved forms per language (preferred first) and its forbidden forms."""

    id: str
    forms: Mapping[str, tuple[str, ...]]
    forbidden: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    case_sensitive: bool = False
    accent_sensitive: bool = True
    note: str = ""
    label: str = ""
    path: str = ""
    line: int = 0

    @property
    def origin(self) -> str:
        return f"{self.path}:{self.line}"

    @property
    def name(self) -> str:
        """How findings name the concept: its label, else its first form."""
        if self.label:
            return self.label
        for forms in self.forms.values():
            if forms:
                return forms[0]
        return self.id

    def preferred(self, lang: str) -> str | None:
        forms = self.forms.get(lang, ())
        return forms[0] if forms else None


@dataclass(frozen=True)
class TermMatch:
    """A form of an entry found in a sentence; `start`/`end` index the original sentence text."""

    entry: Entry
    lang: str
    start: int
    end: int
    text: str  # the span as written
    form: str  # the glossary form it is a variant of
    forbidden: bool = False
    exact_case: bool = True  # False: matches only case-insensitively (for case-sensitive entries)

    @property
    def approved(self) -> bool:
        return not self.forbidden


@dataclass(frozen=True)
class Glossary:
    """All loaded entries; `find` runs one multi-pattern matcher per language, built once."""

    entries: tuple[Entry, ...]
    languages: tuple[str, ...]
    paths: tuple[str, ...] = ()
    overridden: tuple[str, ...] = ()  # one line per entry a later file replaced (load_glossaries)

    @cached_property
    def by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}

    @cached_property
    def matcher(self) -> "TermMatcher":
        from checker.glossary.matcher import TermMatcher

        return TermMatcher(self.entries, self.languages)

    def find(self, text: str, lang: str, overlapping: bool = False) -> list["TermMatch"]:
        """Every form (approved or forbidden) of every entry in `text`, in order.

        Overlapping hits are resolved leftmost-longest (`SPW Économie, Emploi, Recherche`
        hides the `SPW` inside it) unless `overlapping` asks for the nested ones too.
        """
        return self.matcher.find(text, lang, overlapping)

    def find_both(self, text: str, lang: str) -> tuple[list["TermMatch"], list["TermMatch"]]:
        """`find(text, lang)` and `find(text, lang, overlapping=True)` from one scan."""
        return self.matcher.find_both(text, lang)

    def __len__(self) -> int:
        return len(self.entries)


def empty_glossary(languages: Sequence[str]) -> Glossary:
    return Glossary(entries=(), languages=tuple(languages))
