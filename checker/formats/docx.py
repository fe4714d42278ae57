"""Word documents (.docx) through python-docx, read as the text reads with tracked changes accepted.

What is text: the body's paragraphs (headings by style or outline level, list items by
numbering or list style), table rows (cells apart, like a Markdown table row), content controls,
then footnotes and endnotes. Insertions (`w:ins`, `w:moveTo`) are kept and deletions
(`w:del`, `w:moveFrom`) left out, as if every change were accepted; the run says so in one
line. Comments, field codes, text boxes and the separator footnotes are not text.

DOCX has no lines, so a finding's "line" is the paragraph number: every paragraph of the body,
empty ones and those in table cells included, counted from 1 in document order, then the
footnotes' and endnotes' paragraphs; the column counts characters in that paragraph. The text
that line and column are counted in has one paragraph per line, so `en.docx:12:5` is
paragraph 12, character 5.

A DOCX is a ZIP that a pull request may have crafted: before python-docx opens it, the archive
must list members whose paths stay inside it, unpack to at most `max_unpacked_size` and at
most `max_compression_ratio` times its own size (a zip bomb is thousands of times), pass its
CRC checks, and hold no DTD (WordprocessingML never has one; a DTD is how entity bombs start).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePosixPath
from typing import Any

from checker.formats.base import BlockText, ExtractedFile, FormatError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
MAX_MEMBERS = 10_000
# Not text: deletions, field codes, comment and note references, properties, text boxes (drawn
# apart from the flow, and repeated in a fallback), a compatibility fallback's second copy.
_SKIPPED = {W + name for name in ("del", "moveFrom", "delText", "instrText", "delInstrText", "pPr", "rPr",
                                  "commentReference", "footnoteReference", "endnoteReference", "txbxContent",
                                  "sym", "fldChar", "annotationRef", "footnoteRef", "endnoteRef")} | {MC_FALLBACK}
_HEADING_NAME = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)


def read_docx(data: bytes, path: str, limits: Any) -> tuple[ExtractedFile, str | None]:
    """The document's text as blocks, and a note on what was accepted or left out (or None)."""
    _check_archive(data, limits)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a damaged package; each is one problem
        raise FormatError(f"not a readable Word document ({type(error).__name__}: {_short(error)})") from None
    reader = _Reader(document)
    reader.container(document.element.body)
    for name in ("/word/footnotes.xml", "/word/endnotes.xml"):
        notes = _part_element(document, name)
        if notes is not None:
            for note in notes:
                if note.get(W + "type") not in ("separator", "continuationSeparator", "continuationNotice"):
                    reader.container(note)
    if not reader.blocks:
        raise FormatError("has no text (an empty document, or only images or text boxes)")
    source = ExtractedFile.build(path, "\n".join(reader.lines) + "\n", reader.blocks, kind="docx",
                                 location_unit="paragraph")
    return source, reader.note()


def _short(error: Exception) -> str:
    return " ".join(str(error).split())[:120] or "no details"


def _check_archive(data: bytes, limits: Any) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise FormatError("not a valid DOCX: the ZIP archive is damaged or truncated") from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise FormatError(f"the archive has {len(members)} members, more than {MAX_MEMBERS}; not read")
        for member in members:
            name = member.filename
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if name.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
                raise FormatError(f"the archive has a member with a path outside it ({name!r}); not read")
        unpacked = sum(member.file_size for member in members)
        if unpacked > limits.max_unpacked_size:
            raise FormatError(f"unpacks to {unpacked} bytes, more than max_unpacked_size = {limits.max_unpacked_size}; "
                              "not read (a zip bomb?)")
        ratio = unpacked / max(len(data), 1)
        if ratio > limits.max_compression_ratio:
            raise FormatError(f"unpacks to {ratio:.0f} times its size, more than max_compression_ratio = "
                              f"{limits.max_compression_ratio}; not read (a zip bomb?)")
        if "word/document.xml" not in archive.namelist():
            raise FormatError("not a Word document (the archive has no word/document.xml)")
        try:
            for member in members:  # sizes are bounded above; this also checks every CRC
                content = archive.read(member)
                if member.filename.endswith((".xml", ".rels")) and b"<!DOCTYPE" in content[:4096].upper():
                    raise FormatError(f"{member.filename} declares a DTD, which Word never writes; not read")
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
            raise FormatError(f"not a valid DOCX: the ZIP archive is damaged ({_short(error)})") from None


def _part_element(document: Any, partname: str) -> Any:
    from docx.oxml.parser import parse_xml

    for part in document.part.package.iter_parts():
        if str(part.partname) == partname:
            try:
                return parse_xml(part.blob)
            except Exception as error:
                raise FormatError(f"{partname.lstrip('/')} is not valid XML ({_short(error)})") from None
    return None


class _Reader:
    """Walks the body (and the notes) in document order, one text line per paragraph."""

    def __init__(self, document: Any) -> None:
        self.styles = _paragraph_styles(document)
        self.lines: list[str] = []
        self.offset = 0  # where the next paragraph's line starts in the joined text
        self.blocks = []
        self.insertions = self.deletions = self.comments = 0

    def note(self) -> str | None:
        said = []
        if self.insertions or self.deletions:
            said.append(f"tracked changes read as accepted ({self.insertions} insertion{'s' * (self.insertions != 1)} "
                        f"kept, {self.deletions} deletion{'s' * (self.deletions != 1)} left out)")
        if self.comments:
            said.append(f"{self.comments} comment{'s' * (self.comments != 1)} not read as text")
        return "; ".join(said) or None

    def container(self, element: Any) -> None:
        """Paragraphs and tables of a body, a cell, a content control or a note, in order."""
        pending = list(reversed(list(element)))
        while pending:
            child = pending.pop()
            if child.tag == W + "p":
                kind, level = self.paragraph_kind(child)
                text = self.paragraph(child)
                if text:
                    self.blocks.append(text.block(kind, level))
            elif child.tag == W + "tbl":
                for row in child.iter(W + "tr"):
                    if _inside_nested_table(row, child):
                        continue
                    self.row(row)
            elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
                pending.extend(reversed([c for c in child if c.tag != W + "sdtPr"]))

    def row(self, row: Any) -> None:
        text = BlockText()
        for cell in row.iter(W + "tc"):
            if _inside_nested_table(cell, row):
                continue
            for paragraph in cell.iter(W + "p"):
                if _inside_nested_table(paragraph, row):
                    continue
                before = len(text.text)
                self.paragraph(paragraph, into=text)
                if len(text.text) > before:
                    text.hard_break(self.offset - 1)
        if text:
            self.blocks.append(text.block("table_row"))

    def paragraph(self, paragraph: Any, into: BlockText | None = None) -> BlockText:
        """Add the paragraph's line; its text (breaks as "\\n") goes to `into` or a new block."""
        text = into if into is not None else BlockText()
        line: list[str] = []
        start = self.offset
        self.count_changes(paragraph)
        pending = [paragraph]
        while pending:
            element = pending.pop()
            tag = element.tag
            if tag in _SKIPPED and element is not paragraph:
                continue
            if tag == W + "t":
                value = element.text or ""
                text.add(value, start + len(line))
                line.extend(value)
            elif tag in (W + "tab", W + "ptab"):
                text.add_char(" ", start + len(line))
                line.append(" ")
            elif tag in (W + "br", W + "cr"):
                text.hard_break(start + len(line))
                line.append(" ")
            elif tag == W + "noBreakHyphen":
                text.add_char("-", start + len(line))
                line.append("-")
            else:
                pending.extend(reversed(list(element)))
        self.lines.append("".join(line))
        self.offset += len(line) + 1
        return text

    def count_changes(self, paragraph: Any) -> None:
        for element in paragraph.iter(W + "ins", W + "moveTo"):
            if any(child.tag == W + "r" for child in element):
                self.insertions += 1
        self.deletions += sum(1 for _ in paragraph.iter(W + "del", W + "moveFrom") if _.getparent().tag != W + "rPr")
        self.comments += sum(1 for _ in paragraph.iter(W + "commentRangeStart"))

    def paragraph_kind(self, paragraph: Any) -> tuple[str, int]:
        properties = paragraph.find(W + "pPr")
        style_id = None
        if properties is not None:
            style = properties.find(W + "pStyle")
            style_id = style.get(W + "val") if style is not None else None
            outline = properties.find(W + "outlineLvl")
            if outline is not None and (outline.get(W + "val") or "").isdigit() and int(outline.get(W + "val")) < 9:
                return "heading", int(outline.get(W + "val")) + 1
            numbering = properties.find(W + "numPr")
            if numbering is not None:
                level = numbering.find(W + "ilvl")
                value = level.get(W + "val") if level is not None else "0"
                return "list_item", (int(value) if (value or "").isdigit() else 0) + 1
        return self.styles.get(style_id or "", ("paragraph", 0))


def _inside_nested_table(element: Any, table: Any) -> bool:
    """Whether `element` belongs to a table inside `table` (read as part of the cell holding it)."""
    parent = element.getparent()
    while parent is not None and parent is not table:
        if parent.tag == W + "tbl":
            return True
        parent = parent.getparent()
    return False


def _paragraph_styles(document: Any) -> dict[str, tuple[str, int]]:
    """style id -> (block kind, level) for every paragraph style, following `based on`."""
    from docx.enum.style import WD_STYLE_TYPE

    kinds: dict[str, tuple[str, int]] = {}
    for style in document.styles:
        if style.type != WD_STYLE_TYPE.PARAGRAPH:
            continue
        kind: tuple[str, int] = ("paragraph", 0)
        current, seen = style, 0
        while current is not None and seen < 16:  # `based on` chains are short; a loop must not hang
            name = (current.name or "").strip().lower()
            heading = _HEADING_NAME.match(name)
            element = current.element
            outline = element.find(f"{W}pPr/{W}outlineLvl")
            if heading:
                kind = ("heading", int(heading.group(1)))
            elif name in ("title", "subtitle"):
                kind = ("heading", 1 if name == "title" else 2)
            elif outline is not None and (outline.get(W + "val") or "").isdigit() and int(outline.get(W + "val")) < 9:
                kind = ("heading", int(outline.get(W + "val")) + 1)
            elif name.startswith("list") or element.find(f"{W}pPr/{W}numPr") is not None:
                kind = ("list_item", 1)
            else:
                current, seen = current.base_style, seen + 1
                continue
            break
        kinds[style.style_id] = kind
    return kinds
