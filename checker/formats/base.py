"""What every format reader produces: a `SourceFile` that brings its own blocks.

A reader turns a DOCX, HTML, XLIFF or TMX file into an `ExtractedFile`: the text that line
and column are counted in (the HTML or XML source itself; for DOCX, one line per paragraph, so
that the "line" of a finding is the paragraph number) and the `TextBlock`s the segmenter cuts
into sentences, each character mapped to its offset in that text. `checker.markdown.parse_blocks`
hands these blocks on unchanged, so segmentation, checks and reports need nothing new.

Bilingual formats (XLIFF, TMX) also carry their `Unit`s: the segments a CAT tool already
aligned, with their state and inline tags, so that the pipeline pairs them as they are
(`checker.formats.aligned`) instead of running the aligner.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.markdown import TextBlock
from checker.records import OffsetMap, SourceFile


class FormatError(Exception):
    """The file cannot be read as its format says; the message is one line, without the path."""


@dataclass(frozen=True)
class InlineTag:
    """An inline code of a bilingual unit (`<g id="1">`, `<x/>`, `<bpt i="1">`, `<ph>`, `<pc>`):
    not part of the compared text, but a target that lacks one breaks the document it goes back into."""

    name: str  # the element's local name
    ident: str = ""  # its id / i / x / rid attribute, when it has one

    def __str__(self) -> str:
        return f"<{self.name} {self.ident}>" if self.ident else f"<{self.name}>"


@dataclass(frozen=True)
class Unit:
    """One side of one aligned segment of a bilingual file."""

    key: str  # unique in the release: file, unit and segment ids
    start: int  # offset in the file's text of the segment's first character (or of its element, when empty)
    end: int  # offset just past its last character
    line: int  # of `start`, for findings about a unit without text
    column: int
    state: str = ""  # the CAT tool's state: new, needs-translation, translated, final, ...
    tags: tuple[InlineTag, ...] = ()
    empty: bool = False  # no target text (or no target element at all)
    label: str = ""  # how the unit is named in messages: `unit 3` or `tu 2024-pit/3`


@dataclass(frozen=True)
class ExtractedFile(SourceFile):
    """A corpus file of another format, read into blocks (see the module docstring)."""

    blocks: tuple[TextBlock, ...] = field(default=(), repr=False)
    units: tuple[Unit, ...] = field(default=(), repr=False)  # bilingual formats only, in file order
    kind: str = ""  # "docx", "html", "xliff", "tmx"
    location_unit: str = "line"  # what `line` counts: "line", or "paragraph" for DOCX

    @property
    def structure(self) -> str:
        """What the reader made of the file beyond its text (block kinds, unit states), for cache keys."""
        blocks = ";".join(f"{b.kind}{b.level}:{b.offsets[0] if len(b.offsets) else ''}" for b in self.blocks)
        units = ";".join(f"{u.key}={u.state}/{len(u.tags)}/{u.empty}" for u in self.units)
        return f"{self.kind}|{blocks}|{units}"

    @classmethod
    def build(cls, path: str, text: str, blocks: list[TextBlock], **extra) -> "ExtractedFile":
        starts = [0]
        starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
        return cls(path=path, text=text, line_starts=tuple(starts), blocks=tuple(blocks), **extra)


class BlockText:
    """Collects one block's text character by character with the offset each came from."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offsets: list[int] = []

    def add(self, text: str, start: int) -> None:
        """`text` copied from the file at `start` (one offset per character)."""
        self.parts.append(text)
        self.offsets.extend(range(start, start + len(text)))

    def add_char(self, char: str, offset: int) -> None:
        """A character that stands for something else in the file (an entity, a tab, a break)."""
        self.parts.append(char)
        self.offsets.append(offset)

    def hard_break(self, offset: int) -> None:
        """A forced sentence boundary (a line break, a table-cell border)."""
        if self.parts and not self.text.endswith("\n"):
            self.add_char("\n", offset)

    @property
    def text(self) -> str:
        if len(self.parts) > 1:
            self.parts = ["".join(self.parts)]
        return self.parts[0] if self.parts else ""

    def __bool__(self) -> bool:
        return bool(self.text.strip())

    def block(self, kind: str, level: int = 0) -> TextBlock:
        text = self.text
        # Trailing breaks would only make empty sentences.
        while text.endswith("\n"):
            text = text[:-1]
        return TextBlock(kind=kind, level=level, text=text, offsets=OffsetMap(self.offsets[: len(text)]))


def primary_language(tag: str) -> str:
    """`fr-BE` / `nl_NL` / `EN` -> `fr` / `nl` / `en`."""
    return tag.replace("_", "-").split("-", 1)[0].strip().lower()
