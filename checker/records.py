"""The plain, immutable records that flow through the pipeline.

parsing/segmentation produce `Document`s of `Block`s of `Segment`s; alignment
produces `AlignedPair`s; checks produce `Finding`s; reporters only read them.
"""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass, field
from enum import Enum
from typing import Iterable, Iterator, Sequence


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True)
class SourceFile:
    """A decoded corpus file; knows how to turn a character offset into line and column."""

    path: str  # as shown to the user (relative to the checked root when possible)
    text: str
    line_starts: tuple[int, ...] = field(repr=False, default=())

    @classmethod
    def from_text(cls, path: str, text: str) -> "SourceFile":
        starts = [0]
        newline = text.find("\n")
        while newline != -1:  # str.find runs in C; a loop over the characters took a third of reading a corpus
            starts.append(newline + 1)
            newline = text.find("\n", newline + 1)
        return cls(path=path, text=text, line_starts=tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        line_index = bisect.bisect_right(self.line_starts, offset) - 1
        return line_index + 1, offset - self.line_starts[line_index] + 1


class OffsetMap(Sequence[int]):
    """Where each character of a text came from in its file, kept as runs of consecutive offsets.

    Text is mostly copied from the file as it is, so the offsets climb by one for long stretches;
    one (index, offset) pair per stretch instead of one integer per character keeps a large
    release's memory near the size of its text. Reads like the tuple of offsets it replaces.
    """

    __slots__ = ("_starts", "_origins", "_length")

    def __init__(self, offsets: Iterable[int] = ()) -> None:
        starts, origins = array("q"), array("q")
        length, previous = 0, None
        for offset in offsets:
            if previous is None or offset != previous + 1:
                starts.append(length)
                origins.append(offset)
            previous = offset
            length += 1
        self._starts, self._origins, self._length = starts, origins, length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("offset index out of range")
        run = bisect.bisect_right(self._starts, index) - 1
        return self._origins[run] + index - self._starts[run]

    def runs(self) -> Iterator[tuple[int, int, int]]:
        """(index, offset, length) of each stretch of consecutive offsets."""
        bounds = list(self._starts[1:]) + [self._length]
        for start, origin, end in zip(self._starts, self._origins, bounds):
            yield start, origin, end - start

    def __iter__(self) -> Iterator[int]:
        bounds = list(self._starts[1:]) + [self._length]
        for start, origin, end in zip(self._starts, self._origins, bounds):
            yield from range(origin, origin + end - start)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OffsetMap):
            return (self._length, self._starts, self._origins) == (other._length, other._starts, other._origins)
        return isinstance(other, Sequence) and len(other) == self._length and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"OffsetMap({list(self)!r})" if self._length <= 20 else f"OffsetMap(<{self._length} offsets>)"


@dataclass(frozen=True)
class Segment:
    """One sentence of one language version, as plain text with a map back to the file.

    `offsets[i]` is the offset in `source.text` of `text[i]`; markdown syntax that was
    removed (emphasis, link targets) is simply absent from `text`.
    """

    text: str
    source: SourceFile = field(repr=False, compare=False)
    offsets: Sequence[int] = field(repr=False, compare=False)  # an OffsetMap from the segmenter
    block: int  # index of the block in its document
    block_kind: str  # "heading", "paragraph", "list_item", "quote", "table_row"
    index: int = 0  # position of the segment in its document's flat segment list

    @property
    def file(self) -> str:
        return self.source.path

    def position(self, char_index: int = 0) -> tuple[int, int]:
        """1-based (line, column) in the file of character `char_index` of `text`."""
        if not self.offsets:
            return 1, 1
        char_index = min(max(char_index, 0), len(self.offsets) - 1)
        return self.source.position(self.offsets[char_index])

    @property
    def line(self) -> int:
        return self.position(0)[0]

    @property
    def column(self) -> int:
        return self.position(0)[1]


@dataclass(frozen=True)
class Block:
    """A structural unit of a document: heading, paragraph, list item, quote, table row."""

    index: int
    kind: str
    segments: tuple[Segment, ...]
    level: int = 0  # heading level or list depth

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)


@dataclass(frozen=True)
class Document:
    """One language version of one release."""

    release: str
    lang: str
    source: SourceFile = field(repr=False)
    blocks: tuple[Block, ...]

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def segments(self) -> tuple[Segment, ...]:
        return tuple(s for b in self.blocks for s in b.segments)


@dataclass(frozen=True)
class Bead:
    """One alignment unit: source sentence indices and target sentence indices (either may be empty)."""

    source: tuple[int, ...]
    target: tuple[int, ...]

    def gold_format(self) -> str:
        """The bead as written in the benchmark gold files: `[0]:[0, 1]`."""
        return f"[{', '.join(map(str, self.source))}]:[{', '.join(map(str, self.target))}]"


@dataclass(frozen=True)
class AlignedPair:
    """Source sentence(s) and their counterpart(s) in one target language."""

    source: tuple[Segment, ...]
    target: tuple[Segment, ...]
    source_lang: str
    target_lang: str
    score: float = 0.0  # alignment cost of the bead (lower is more certain)

    @property
    def source_text(self) -> str:
        return " ".join(s.text for s in self.source)

    @property
    def target_text(self) -> str:
        return " ".join(s.text for s in self.target)

    @property
    def is_omission(self) -> bool:
        return bool(self.source) and not self.target

    @property
    def is_addition(self) -> bool:
        return bool(self.target) and not self.source


@dataclass(frozen=True)
class Span:
    """A marked stretch of a sentence: (start, end) character indices into a segment's joined text."""

    start: int
    end: int


@dataclass(frozen=True)
class Problem:
    """What a check found, where, and why; the registry turns it into a `Finding`.

    Checks build problems and never choose their own code: that keeps codes unique
    and lets the configuration change a check's severity in one place.
    """

    release: str
    source_lang: str
    lang: str  # language of the file the problem points at
    file: str
    line: int
    column: int
    message: str
    source: str  # source sentence text (in the source language)
    target: str  # target sentence text (in `target_lang`)
    target_lang: str = ""
    expected: str | None = None
    found: str | None = None
    source_spans: tuple[Span, ...] = ()
    target_spans: tuple[Span, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()  # extra labelled lines, e.g. ("machine translation", "...")
    # How sure the check is, 0..1 (see CONFIDENCE); None takes the default of the severity.
    confidence: float | None = None
    # The versions that agree with each other against `lang`, the odd one out (NUM001 with three
    # versions); empty when no third version took a side.
    agreeing: tuple[str, ...] = ()


# What a finding's confidence says, for users who gate on it (`confidence >= 0.8`).
CONFIDENCE = {
    "certain": 0.95,  # two versions agree against the third, or a value of one kind differs
    "strong": 0.8,  # a strong value (digits with a unit, currency, scale, %; a date) on one side only
    "weak": 0.4,  # one-sided weak evidence: a number word, a weekday, an ordinal, a bare count
}
DEFAULT_CONFIDENCE = {"error": 0.8, "warning": 0.5, "info": 0.3}


@dataclass(frozen=True)
class Finding:
    """A `Problem` stamped with the code, category and severity of the check that found it."""

    code: str
    category: str
    severity: Severity
    problem: Problem

    @property
    def confidence(self) -> float:
        if self.problem.confidence is not None:
            return self.problem.confidence
        return DEFAULT_CONFIDENCE[self.severity.value]

    def __getattr__(self, name: str):
        # Reporters read location and texts straight off the finding. A name starting with `__`
        # (pickle asks for `__setstate__` before `problem` is set) is never the problem's.
        if name.startswith("__") or name == "problem":
            raise AttributeError(name)
        return getattr(self.problem, name)

    def sort_key(self) -> tuple:
        p = self.problem
        return (p.release, p.file, p.line, p.column, self.code, p.lang, p.message)


def offset_runs(offsets: Sequence[int]) -> Iterator[tuple[int, int, int]]:
    """(index, offset, length) of each stretch of consecutive offsets, of an `OffsetMap` or any sequence."""
    if isinstance(offsets, OffsetMap):
        yield from offsets.runs()
        return
    start = 0
    for index in range(1, len(offsets) + 1):
        if index == len(offsets) or offsets[index] != offsets[index - 1] + 1:
            yield start, offsets[start], index - start
            start = index


def locate(segments: Sequence[Segment], char_index: int) -> tuple[str, int, int]:
    """(file, line, column) of `char_index` in the space-joined text of `segments`."""
    if not segments:
        return "", 1, 1
    pos = 0
    for seg in segments:
        end = pos + len(seg.text)
        if char_index <= end or seg is segments[-1]:
            line, column = seg.position(char_index - pos)
            return seg.file, line, column
        pos = end + 1
    raise AssertionError("unreachable")
