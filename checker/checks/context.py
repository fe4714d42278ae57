"""What a check gets to look at: one release (all its versions and aligned pairs) or the whole corpus."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from checker.records import AlignedPair, Document


@dataclass(frozen=True)
class ReleaseContext:
    release: str
    source_lang: str
    documents: Mapping[str, Document]  # lang -> document, the source included
    pairs: Mapping[str, tuple[AlignedPair, ...]]  # target lang -> aligned pairs, in document order
    glossary: Any = None  # checker.glossary.Glossary when one is loaded
    translations: Any = None  # MT results per target lang when a model is available
    options: Mapping[str, Any] = field(default_factory=dict)

    @property
    def target_langs(self) -> tuple[str, ...]:
        return tuple(self.pairs)


@dataclass(frozen=True)
class CorpusContext:
    releases: tuple[ReleaseContext, ...]
    glossary: Any = None
    options: Mapping[str, Any] = field(default_factory=dict)
