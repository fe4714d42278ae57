"""What a check gets to look at: one release (all its versions and aligned pairs) or the whole corpus."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, TypeVar

from checker.records import AlignedPair, Document

T = TypeVar("T")


@dataclass(frozen=True)
class ReleaseContext:
    release: str
    source_lang: str
    documents: Mapping[str, Document]  # lang -> document, the source included
    pairs: Mapping[str, tuple[AlignedPair, ...]]  # target lang -> aligned pairs, in document order
    glossary: Any = None  # checker.glossary.Glossary when one is loaded
    translations: Any = None  # MT results per target lang when a model is available
    # target lang -> the encoder similarity of that pair (EncoderSimilarity), when an encoder ran
    semantic: Mapping[str, Any] = field(default_factory=dict)
    options: Mapping[str, Any] = field(default_factory=dict)
    # Work several checks share (e.g. the number comparison of every pair), done once per release.
    _memo: dict = field(default_factory=dict, compare=False, repr=False)

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @property
    def target_langs(self) -> tuple[str, ...]:
        return tuple(self.pairs)


@dataclass(frozen=True)
class CorpusContext:
    releases: tuple[ReleaseContext, ...] = ()  # releases handed over whole
    glossary: Any = None
    options: Mapping[str, Any] = field(default_factory=dict)
    # check code -> the records its `prepare` made of each release, in release order (the map step)
    prepared: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
