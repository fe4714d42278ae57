"""Press-release files as blocks of plain inline text, each character mapped to its file offset.

Why our own line-based parser rather than markdown-it-py: markdown-it maps block
tokens to *lines* but keeps no column for inline text, and once emphasis, links and
entities are resolved its text no longer lines up with the file. A finding must point
at the line:col of a number inside a sentence, even in a soft-wrapped paragraph or
after a removed `**`, so every character we keep carries the offset of the character
it came from, and the markup we drop is simply absent.

The block rules follow CommonMark/GFM closely enough for press releases (headings,
paragraphs, nested lists, block quotes, tables, code, thematic breaks, HTML, front
matter); the places where we knowingly simplify are said where they happen. One of them:
containers (quotes, list items) nest at most `MAX_NESTING` deep and links `MAX_LINK_NESTING`
deep; deeper markers are kept as text. A file must not be able to exhaust the stack, and no
press release nests a quote in a list in a quote thirty times.

In `TextBlock.text`, a soft line break is a space and a hard break (two trailing
spaces, a trailing backslash, `<br>`) or a table-cell border is "\n": the segmenter
treats "\n" as a sentence boundary, so a contact block or a table row never merges
into one sentence.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Iterable, Sequence, Union

from checker.records import OffsetMap, SourceFile

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
MAX_NESTING = 32  # quotes and list items inside one another
MAX_LINK_NESTING = 8  # links inside link text (`[[a](b)](c)`)


@dataclass(frozen=True)
class TextBlock:
    """A heading, paragraph, list item, quote or table row, with markup removed.

    `offsets[i]` is the offset in the file of `text[i]`. Soft line breaks are spaces;
    hard breaks and table-cell borders are "\\n" (see `hard_breaks`).
    """

    kind: str  # "heading", "paragraph", "list_item", "quote", "table_row"
    level: int  # heading level, list depth or quote depth; 0 when not applicable
    text: str
    offsets: Sequence[int]  # an OffsetMap

    @property
    def hard_breaks(self) -> tuple[int, ...]:
        """Indices in `text` of the forced sentence boundaries."""
        return tuple(i for i, ch in enumerate(self.text) if ch == "\n")


def parse_blocks(source: SourceFile) -> list[TextBlock]:
    """Markdown rules for `.md` files, plain-text rules for anything else (`.txt`); a file read from
    another format (DOCX, HTML, XLIFF, TMX: `checker.formats`) brings its own blocks."""
    extracted = getattr(source, "blocks", None)
    if extracted is not None:
        return list(extracted)
    if PurePosixPath(source.path).suffix.lower() in MARKDOWN_SUFFIXES:
        return parse_markdown(source)
    return parse_plain_text(source)


# --------------------------------------------------------------------------- lines


@dataclass(frozen=True)
class _Line:
    """One physical line (or what a container left of it) and the file offset of its first character."""

    text: str
    start: int

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()

    @property
    def indent(self) -> int:
        """Leading whitespace in columns; a tab counts as 4 (close enough for press releases)."""
        width = len(self.text) - len(self.text.lstrip(" \t"))
        if "\t" not in self.text[:width]:
            return width  # the usual case, without a loop in Python over a long indent
        columns = 0
        for ch in self.text:
            if ch == " ":
                columns += 1
            elif ch == "\t":
                columns += 4 - columns % 4
            else:
                break
        return columns

    def sub(self, begin: int, end: int | None = None) -> "_Line":
        return _Line(self.text[begin:end], self.start + begin)

    def lstrip(self) -> "_Line":
        return self.sub(len(self.text) - len(self.text.lstrip(" \t")))

    def strip_columns(self, columns: int) -> "_Line":
        """Drop up to `columns` columns of leading whitespace (a list item's content indent)."""
        if "\t" not in self.text[:columns]:
            width = len(self.text) - len(self.text.lstrip(" \t"))
            return self.sub(min(columns, width))
        taken = 0
        i = 0
        while i < len(self.text) and taken < columns and self.text[i] in " \t":
            taken += 1 if self.text[i] == " " else 4 - taken % 4
            i += 1
        return self.sub(i)


def _split_lines(text: str) -> list[_Line]:
    lines = []
    start = 0
    for raw in text.split("\n"):
        line = raw[:-1] if raw.endswith("\r") else raw
        if start == 0 and line.startswith("\ufeff"):
            lines.append(_Line(line[1:], 1))
        else:
            lines.append(_Line(line, start))
        start += len(raw) + 1
    return lines


def _join_lines(lines: Iterable[_Line]) -> tuple[str, list[int]]:
    """Lines joined by "\\n", with the file offset of each character (a newline maps to the file's newline)."""
    parts: list[str] = []
    offsets: list[int] = []
    for line in lines:
        if parts:
            parts.append("\n")
            offsets.append(prev_end)
        parts.append(line.text)
        offsets.extend(range(line.start, line.start + len(line.text)))
        prev_end = line.start + len(line.text)
    return "".join(parts), offsets


# --------------------------------------------------------------------------- markdown blocks

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r" {0,3}(#{1,6})(?=[ \t]|$)")
_ATX_CLOSING = re.compile(r"(?:^|[ \t])#+[ \t]*$")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_THEMATIC = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r" {0,3}> ?")
_LIST_ITEM = re.compile(r"( {0,3})([-*+]|(\d{1,9})[.)])([ \t]+|$)")
_LINK_DEFINITION = re.compile(r" {0,3}\[((?:[^\]\\]|\\.){1,999})\]:[ \t]*\S")
_TABLE_DELIMITER = re.compile(r" {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_HTML_OPEN = re.compile(r" {0,3}</?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)")
_HTML_ONLY_TAG = re.compile(r" {0,3}</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>[ \t]*$")
_FRONT_MATTER_KEY = re.compile(r"[A-Za-z_][\w-]*[ \t]*:")
# CommonMark's "type 6" block tags: a line starting with one opens an HTML block.
_HTML_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center col colgroup dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link "
    "main menu nav ol optgroup option p pre script section style summary table tbody td tfoot th thead "
    "title tr ul".split()
)


def parse_markdown(source: SourceFile) -> list[TextBlock]:
    lines = _skip_front_matter(_split_lines(source.text))
    parser = _MarkdownBlocks(_link_labels(lines))
    return parser.parse(lines, container="", level=0)


def _skip_front_matter(lines: list[_Line]) -> list[_Line]:
    """YAML front matter: `---` on the first line, `key:` on the next, up to `---` or `...`.

    Requiring a `key:` line keeps a leading thematic break from swallowing the text.
    """
    if len(lines) < 3 or lines[0].text.rstrip() != "---" or not _FRONT_MATTER_KEY.match(lines[1].text):
        return lines
    for i in range(1, len(lines)):
        if lines[i].text.rstrip() in ("---", "..."):
            return lines[i + 1 :]
    return lines


def _normalize_label(label: str) -> str:
    return " ".join(label.split()).casefold()


def _link_labels(lines: list[_Line]) -> frozenset[str]:
    labels = set()
    for line in lines:
        match = _LINK_DEFINITION.match(line.text)
        if match:
            labels.add(_normalize_label(match.group(1)))
    return frozenset(labels)


class _MarkdownBlocks:
    def __init__(self, link_labels: frozenset[str]):
        self.link_labels = link_labels

    def parse(self, lines: list[_Line], container: str, level: int, depth: int = 0) -> list[TextBlock]:
        """Blocks of `lines`; `container` is "", "quote" or "list_item" (the innermost one).

        Paragraphs take their kind from the innermost container, so the paragraphs of
        a loose list item are list items and those of a quote are quotes. `depth` counts
        the containers around `lines`; at `MAX_NESTING` no further one is opened.
        """
        blocks: list[TextBlock] = []
        i, n = 0, len(lines)
        list_depth = level if container == "list_item" else 0
        nested = depth < MAX_NESTING
        while i < n:
            line = lines[i]
            if line.is_blank:
                i += 1
                continue
            if line.indent >= 4:  # indented code
                while i < n and (lines[i].is_blank or lines[i].indent >= 4):
                    i += 1
                continue
            fence = _FENCE.match(line.text)
            if fence and not (fence.group(1)[0] == "`" and "`" in line.text[fence.end() :]):
                i = self._skip_fenced_code(lines, i + 1, fence.group(1))
                continue
            if line.text.lstrip().startswith("<!--"):
                i = self._skip_html_comment(lines, i)
                continue
            if self._opens_html_block(line, interrupting=False):
                while i < n and not lines[i].is_blank:
                    i += 1
                continue
            if _THEMATIC.match(line.text):
                i += 1
                continue
            if _ATX.match(line.text):
                blocks.extend(self._atx_heading(line))
                i += 1
                continue
            if nested and _QUOTE.match(line.text):
                i = self._quote(lines, i, level if container == "quote" else 0, blocks, depth)
                continue
            if nested and _LIST_ITEM.match(line.text):
                i = self._list_item(lines, i, list_depth, blocks, depth)
                continue
            if _LINK_DEFINITION.match(line.text):
                i += 1
                continue
            if self._starts_table(lines, i):
                i = self._table(lines, i, blocks)
                continue
            i = self._paragraph(lines, i, container, level, blocks)
        return blocks

    # -- skipped blocks

    @staticmethod
    def _skip_fenced_code(lines: list[_Line], i: int, fence: str) -> int:
        closing = re.compile(r" {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")
        while i < len(lines) and not closing.match(lines[i].text):
            i += 1
        return i + 1

    @staticmethod
    def _skip_html_comment(lines: list[_Line], i: int) -> int:
        first = lines[i].text
        if "-->" in first[first.index("<!--") + 4 :]:
            return i + 1
        i += 1
        while i < len(lines) and "-->" not in lines[i].text:
            i += 1
        return i + 1

    @staticmethod
    def _opens_html_block(line: _Line, interrupting: bool) -> bool:
        match = _HTML_OPEN.match(line.text)
        if not match:
            return False
        if match.group(1).lower() in _HTML_BLOCK_TAGS:
            return True
        # Any other tag opens a block only when it is alone on its line, and never
        # interrupts a paragraph: "<b>Note</b> text" stays a paragraph.
        return not interrupting and bool(_HTML_ONLY_TAG.match(line.text))

    def _interrupts_paragraph(self, line: _Line) -> bool:
        text = line.text
        if line.indent >= 4:
            return False
        if _ATX.match(text) or _QUOTE.match(text) or _THEMATIC.match(text) or _FENCE.match(text):
            return True
        if text.lstrip().startswith("<!--") or self._opens_html_block(line, interrupting=True):
            return True
        item = _LIST_ITEM.match(text)
        if item and item.group(4):  # an empty item cannot interrupt a paragraph
            # CommonMark: an ordered list interrupts a paragraph only when it starts at 1,
            # which keeps a wrapped "... in\n2023. Het ..." a paragraph.
            return item.group(3) is None or item.group(3) == "1"
        return False

    # -- leaf blocks

    def _atx_heading(self, line: _Line) -> list[TextBlock]:
        match = _ATX.match(line.text)
        begin = match.end()
        end = len(line.text.rstrip(" \t"))
        closing = _ATX_CLOSING.search(line.text, begin, end)
        if closing and closing.end() >= end:
            end = closing.start()
        content = line.sub(begin, end).lstrip()
        return self._block("heading", len(match.group(1)), [content])

    def _paragraph(self, lines: list[_Line], i: int, container: str, level: int, blocks: list[TextBlock]) -> int:
        body = [lines[i].lstrip()]
        j = i + 1
        while j < len(lines):
            line = lines[j]
            if line.is_blank:
                break
            setext = _SETEXT.match(line.text)
            if setext and line.indent < 4:
                blocks.extend(self._block("heading", 1 if setext.group(1)[0] == "=" else 2, body))
                return j + 1
            if self._interrupts_paragraph(line):
                break
            body.append(line.lstrip())
            j += 1
        kind = container or "paragraph"
        blocks.extend(self._block(kind, level if container else 0, body))
        return j

    def _starts_table(self, lines: list[_Line], i: int) -> bool:
        text = lines[i].text.lstrip()
        if text.startswith("|"):
            return True
        return "|" in text and i + 1 < len(lines) and bool(_TABLE_DELIMITER.match(lines[i + 1].text))

    def _table(self, lines: list[_Line], i: int, blocks: list[TextBlock]) -> int:
        while i < len(lines) and not lines[i].is_blank and "|" in lines[i].text:
            row = lines[i]
            if not _TABLE_DELIMITER.match(row.text):
                blocks.extend(self._table_row(row))
            i += 1
        return i

    def _table_row(self, row: _Line) -> list[TextBlock]:
        parts: list[str] = []
        offsets: list[int] = []
        for border, cell_src, cell_offsets in _table_cells(row.lstrip()):
            cell_text, cell_kept = _Inline(cell_src, cell_offsets, self.link_labels).render(0, len(cell_src))
            if cell_text.strip():
                if parts:
                    parts.append("\n")
                    offsets.append(border)
                parts.append(cell_text)
                offsets.extend(cell_kept)
        return _text_block("table_row", 0, "".join(parts), offsets)

    # -- containers

    def _quote(self, lines: list[_Line], i: int, quote_depth: int, blocks: list[TextBlock], depth: int) -> int:
        inner: list[_Line] = []
        while i < len(lines):
            line = lines[i]
            if line.is_blank:
                break
            marker = _QUOTE.match(line.text)
            if marker:
                inner.append(line.sub(marker.end()))
            elif inner and not inner[-1].is_blank and not self._interrupts_paragraph(line):
                inner.append(line)  # lazy continuation of the quoted paragraph
            else:
                break
            i += 1
        blocks.extend(self.parse(inner, container="quote", level=quote_depth + 1, depth=depth + 1))
        return i

    def _list_item(self, lines: list[_Line], i: int, list_depth: int, blocks: list[TextBlock], depth: int) -> int:
        line = lines[i]
        match = _LIST_ITEM.match(line.text)
        marker_end = match.end(2)
        spacing = len(match.group(4).expandtabs(4))
        if not match.group(4) or spacing > 4:
            content_indent = marker_end + 1
        else:
            content_indent = marker_end + spacing
        inner = [line.sub(match.end())]
        j = i + 1
        while j < len(lines):
            current = lines[j]
            if current.is_blank:
                k = j
                while k < len(lines) and lines[k].is_blank:
                    k += 1
                if k < len(lines) and lines[k].indent >= content_indent:
                    inner.extend(lines[m].sub(len(lines[m].text)) for m in range(j, k))
                    j = k
                    continue
                break
            if current.indent >= content_indent:
                inner.append(current.strip_columns(content_indent))
            elif (
                not inner[-1].is_blank
                and not _LIST_ITEM.match(current.text)
                and not self._interrupts_paragraph(current)
            ):
                inner.append(current)  # lazy continuation line
            else:
                break
            j += 1
        blocks.extend(self.parse(inner, container="list_item", level=list_depth + 1, depth=depth + 1))
        return j

    def _block(self, kind: str, level: int, lines: list[_Line]) -> list[TextBlock]:
        lines = [line.lstrip() for line in lines]
        src, offsets = _join_lines(lines)
        return _text_block(kind, level, *_Inline(src, offsets, self.link_labels).render(0, len(src)))


def _text_block(kind: str, level: int, text: str, offsets: list[int]) -> list[TextBlock]:
    """A one-element list with the block, or an empty list when nothing but whitespace is left."""
    if not text.strip():
        return []
    return [TextBlock(kind, level, text, OffsetMap(offsets))]


def _table_cells(row: _Line) -> list[tuple[int, str, list[int]]]:
    """(offset of the `|` before the cell, cell text, offsets) for each cell of a table row.

    As in GFM, every `|` not escaped separates cells, inside code spans too, and `\\|`
    stands for a pipe wherever it is.
    """
    cells: list[tuple[int, str, list[int]]] = []
    text: list[str] = []
    offsets: list[int] = []
    border = row.start
    i = 0
    while i <= len(row.text):
        ch = row.text[i] if i < len(row.text) else "|"
        if ch == "\\" and row.text[i + 1 : i + 2] == "|":
            text.append("|")
            offsets.append(row.start + i + 1)
            i += 2
            continue
        if ch == "|":
            cells.append((border, "".join(text), offsets))
            text, offsets = [], []
            border = row.start + i
        else:
            text.append(ch)
            offsets.append(row.start + i)
        i += 1
    return cells


# --------------------------------------------------------------------------- inline

_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_AUTOLINK_URI = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>")
_AUTOLINK_EMAIL = re.compile(
    r"<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>"
)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HTML_TAG = re.compile(
    r"</?([A-Za-z][A-Za-z0-9-]*)(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>"
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Whitespace an entity may decode to that is not a line break: kept as it is, since
# a (narrow) no-break space is a thousands separator in French figures.
_LINE_BREAKING = frozenset("\n\r\t\v\f\u2028\u2029")


@dataclass
class _Delimiter:
    """A run of `*`, `_` or `~~` that may open or close emphasis; `lo:hi` is what is left of it."""

    char: str
    lo: int
    hi: int
    can_open: bool
    can_close: bool

    @property
    def count(self) -> int:
        return self.hi - self.lo


# Literal text with the file offset of each of its characters, or a delimiter run.
_Token = Union[tuple[str, Sequence[int]], _Delimiter]
# Where literal text may stop: any character that starts inline syntax.
_INLINE_SPECIAL = re.compile(r"[\\ \t\n`!\[<&*_~]")
# What makes a stretch more than plain text to `_Inline._tokens`: every special character but the space.
_MARKUP_OR_BREAK = re.compile(r"[\\\t\n`!\[<&*_~]")


def _is_punctuation(ch: str) -> bool:
    return ch in _ASCII_PUNCTUATION or unicodedata.category(ch)[0] in "PS"


class _Inline:
    """Inline markdown of one block: `src` with the file offset of each of its characters."""

    def __init__(self, src: str, offsets: list[int], link_labels: frozenset[str]):
        self.src = src
        self.offsets = offsets
        self.link_labels = link_labels
        self._brackets: dict[str, dict[int, int]] = {}  # opening char -> {opening index: closing index}

    def render(self, lo: int, hi: int) -> tuple[str, list[int]]:
        """The visible text of `src[lo:hi]` and the file offset of each of its characters."""
        if not _MARKUP_OR_BREAK.search(self.src, lo, hi):
            # Plain prose (most blocks): what the tokens below would give, the text as it is
            # without its trailing spaces, in one slice.
            text = self.src[lo:hi].rstrip(" ")
            return text, self.offsets[lo : lo + len(text)]
        tokens = self._tokens(lo, hi)
        _resolve_emphasis(tokens)
        parts: list[str] = []
        offsets: list[int] = []
        for token in tokens:
            if isinstance(token, _Delimiter):
                parts.append(self.src[token.lo : token.hi])
                offsets.extend(self.offsets[token.lo : token.hi])
            else:
                parts.append(token[0])
                offsets.extend(token[1])
        return "".join(parts), offsets

    def _literal(self, begin: int, end: int) -> list[_Token]:
        return [(self.src[begin:end], self.offsets[begin:end])]

    def _tokens(self, lo: int, hi: int, depth: int = 0) -> list[_Token]:
        src, offsets = self.src, self.offsets
        tokens: list[_Token] = []
        i = lo
        while i < hi:
            ch = src[i]
            if ch == "\\" and i + 1 < hi and src[i + 1] == "\n":
                tokens.append(("\n", (offsets[i + 1],)))
                i += 2
            elif ch == "\\" and i + 1 < hi and src[i + 1] in _ASCII_PUNCTUATION:
                tokens.append((src[i + 1], (offsets[i + 1],)))
                i += 2
            elif ch == " " or ch == "\t":
                end = i
                while end < hi and src[end] in " \t":
                    end += 1
                if end == hi:  # trailing spaces of the block
                    i = end
                elif src[end] == "\n":
                    # Two or more trailing spaces make a hard line break.
                    tokens.append(("\n" if end - i >= 2 else " ", (offsets[end],)))
                    i = end + 1
                else:
                    tokens.extend(self._literal(i, end))
                    i = end
            elif ch == "\n":
                tokens.append((" ", (offsets[i],)))
                i += 1
            elif ch == "`":
                i = self._code_span(i, hi, tokens)
            elif ch == "!" and i + 1 < hi and src[i + 1] == "[":
                link = self._link(i + 1, hi)
                if link is None:
                    tokens.append((ch, (offsets[i],)))
                    i += 1
                else:
                    i = link[2]  # an image: alt text and source are both dropped
            elif ch == "[":
                link = self._link(i, hi)
                if link is None:
                    tokens.append((ch, (offsets[i],)))
                    i += 1
                elif depth < MAX_LINK_NESTING:
                    tokens.extend(self._tokens(link[0], link[1], depth + 1))
                    i = link[2]
                else:  # links nested this deep are not prose: keep the text, stop descending
                    tokens.extend(self._literal(link[0], link[1]))
                    i = link[2]
            elif ch == "<":
                i = self._angle(i, hi, tokens)
            elif ch == "&":
                entity = _ENTITY.match(src, i, hi)
                decoded = html.unescape(entity.group()) if entity else ch
                if entity and decoded != entity.group():
                    decoded = "".join(" " if c in _LINE_BREAKING else c for c in decoded)
                    tokens.append((decoded, (offsets[i],) * len(decoded)))
                    i = entity.end()
                else:
                    tokens.append((ch, (offsets[i],)))
                    i += 1
            elif ch in "*_~":
                i = self._delimiter_run(i, hi, tokens)
            else:
                special = _INLINE_SPECIAL.search(src, i + 1, hi)
                end = special.start() if special else hi
                tokens.append((src[i:end], offsets[i:end]))
                i = end
        return tokens

    def _code_span(self, i: int, hi: int, tokens: list[_Token]) -> int:
        src = self.src
        run_end = i
        while run_end < hi and src[run_end] == "`":
            run_end += 1
        run = run_end - i
        j = run_end
        while j < hi:
            if src[j] != "`":
                j += 1
                continue
            k = j
            while k < hi and src[k] == "`":
                k += 1
            if k - j == run:
                begin, end = run_end, j
                content = src[begin:end]
                # CommonMark strips one space on each side when both are there.
                if len(content) >= 2 and content[0] in " \n" and content[-1] in " \n" and content.strip():
                    begin, end = begin + 1, end - 1
                tokens.append((src[begin:end].replace("\n", " "), self.offsets[begin:end]))
                return k
            j = k
        tokens.extend(self._literal(i, run_end))
        return run_end

    def _link(self, i: int, hi: int) -> tuple[int, int, int] | None:
        """For `[` at `i`: (text start, text end, end of the whole link), or None when it is no link."""
        close = self._matching(i, hi, "[", "]")
        if close is None:
            return None
        after = close + 1
        if after < hi and self.src[after] == "(":
            end = self._matching(after, hi, "(", ")")
            if end is not None:
                return i + 1, close, end + 1
        if after < hi and self.src[after] == "[":
            end = self._matching(after, hi, "[", "]")
            # A full reference link counts even when its definition is missing: a
            # bracketed pair glued to another is never prose, and the label would only pollute.
            if end is not None:
                return i + 1, close, end + 1
        if _normalize_label(self.src[i + 1 : close]) in self.link_labels:
            return i + 1, close, after  # shortcut reference; "[sic]" stays text unless defined
        return None

    def _matching(self, i: int, hi: int, opening: str, closing: str) -> int | None:
        """The `closing` that balances the `opening` at `i`, if it comes before `hi`.

        All pairs of the block are found in one pass and kept: scanning ahead from every
        bracket would cost the square of the block's length on a line of `[[[[`.
        """
        pairs = self._brackets.get(opening)
        if pairs is None:
            pairs = self._brackets[opening] = _bracket_pairs(self.src, opening, closing)
        j = pairs.get(i)
        return j if j is not None and j < hi else None

    def _angle(self, i: int, hi: int, tokens: list[_Token]) -> int:
        src = self.src
        for pattern in (_AUTOLINK_URI, _AUTOLINK_EMAIL):
            match = pattern.match(src, i, hi)
            if match:
                tokens.extend(self._literal(match.start(1), match.end(1)))
                return match.end()
        match = _HTML_COMMENT.match(src, i, hi)
        if match:
            return match.end()
        match = _HTML_TAG.match(src, i, hi)
        if match:
            if match.group(1).lower() == "br":
                tokens.append(("\n", (self.offsets[i],)))
            return match.end()
        tokens.append(("<", (self.offsets[i],)))
        return i + 1

    def _delimiter_run(self, i: int, hi: int, tokens: list[_Token]) -> int:
        src = self.src
        char = src[i]
        end = i
        while end < hi and src[end] == char:
            end += 1
        if char == "~" and end - i != 2:  # GFM strikethrough is exactly `~~`; "~5%" is text
            tokens.extend(self._literal(i, end))
            return end
        before = src[i - 1] if i > 0 else " "
        after = src[end] if end < len(src) else " "
        left = not after.isspace() and (
            not _is_punctuation(after) or before.isspace() or _is_punctuation(before)
        )
        right = not before.isspace() and (
            not _is_punctuation(before) or after.isspace() or _is_punctuation(after)
        )
        if char == "_":
            # No intraword emphasis with underscores: snake_case and a_b stay as written.
            can_open = left and (not right or _is_punctuation(before))
            can_close = right and (not left or _is_punctuation(after))
        else:
            can_open, can_close = left, right
        tokens.append(_Delimiter(char, i, end, can_open, can_close))
        return end


def _bracket_pairs(src: str, opening: str, closing: str) -> dict[int, int]:
    """{index of an `opening`: index of the `closing` that balances it}; backslash escapes skipped."""
    pairs: dict[int, int] = {}
    open_at: list[int] = []
    j, n = 0, len(src)
    while j < n:
        ch = src[j]
        if ch == "\\":
            j += 2
            continue
        if ch == opening:
            open_at.append(j)
        elif ch == closing and open_at:
            pairs[open_at.pop()] = j
        j += 1
    return pairs


def _resolve_emphasis(tokens: list[_Token]) -> None:
    """Pair openers and closers (CommonMark's delimiter algorithm, without the rule of three).

    Matched delimiter characters are removed from the runs; what is left stays text.
    """
    openers: list[_Delimiter] = []
    for token in tokens:
        if not isinstance(token, _Delimiter):
            continue
        if token.can_close:
            while token.count:
                k = len(openers) - 1
                while k >= 0 and openers[k].char != token.char:
                    k -= 1
                if k < 0:
                    break
                opener = openers[k]
                if token.char == "~":
                    used = 2
                else:
                    used = 2 if opener.count >= 2 and token.count >= 2 else 1
                opener.hi -= used
                token.lo += used
                del openers[k + 1 :]  # delimiters inside a matched pair can no longer match outside it
                if not opener.count:
                    openers.pop()
        if token.can_open and token.count:
            openers.append(token)


# --------------------------------------------------------------------------- plain text

_TEXT_LIST_ITEM = re.compile(r"([ \t]*)(?:[-*•]|\d{1,3}[.)])[ \t]+(?=\S)")
# A line this short that does not end a sentence or clause is a line of its own
# (a contact block, an address) rather than a soft wrap: text wrapped for email or a
# word processor runs to 60-80 characters before it breaks.
SHORT_LINE = 40
_LINE_END_PUNCTUATION = frozenset(".!?…:;,")
# A first line without final punctuation shorter than this share of the text's line width is a title.
TITLE_WIDTH = 0.85
_CLOSING_QUOTES = "\"'”’»)]"


def parse_plain_text(source: SourceFile) -> list[TextBlock]:
    """Plain-text rules, kept simple.

    - Blocks are separated by blank lines.
    - A line starting with `- `, `* `, `• ` or a number and `. `/`) ` starts a list
      item (level 1, plus one per 2 columns of indentation); the lines after it up
      to the next item or blank line continue it.
    - Inside a block, a line break is soft (a space) unless the line is shorter than
      `SHORT_LINE` characters and does not end in `.!?…:;,` (closing quotes aside):
      then it is a hard break, so "Media contact / Name / phone" stay apart.
    - A block of one line that does not end in such punctuation is a heading (level
      0: plain text has no levels); anything else is a paragraph.
    """
    blocks: list[TextBlock] = []
    group: list[_Line] = []
    for line in [*_split_lines(source.text), _Line("", len(source.text))]:
        if not line.is_blank:
            group.append(line)
            continue
        if group:
            blocks.extend(_plain_group(group))
            group = []
    return blocks


def _plain_group(lines: list[_Line]) -> list[TextBlock]:
    blocks: list[TextBlock] = []
    current: list[_Line] = []
    kind, level = "paragraph", 0

    def flush() -> None:
        if not current:
            return
        block_kind = kind
        if kind == "paragraph" and len(current) == 1 and not _ends_clause(current[0].text):
            block_kind = "heading"
        blocks.extend(_text_block(block_kind, level, *_plain_text(current)))

    for index, line in enumerate(lines):
        item = _TEXT_LIST_ITEM.match(line.text)
        if item:
            flush()
            current = [line.sub(item.end())]
            kind, level = "list_item", 1 + len(item.group(1).expandtabs(4)) // 2
        else:
            current.append(line.lstrip())
            if index == 0 and _is_title(lines):
                flush()  # a title right above its paragraph is a heading, not the paragraph's first words
                current = []
    flush()
    return blocks


@lru_cache(maxsize=1)
def _title_never_ends() -> frozenset[str]:
    """Articles and prepositions of every language: a title does not end on one, a wrapped line may."""
    from checker.locales import term_locales

    return frozenset().union(*(t.function_words for t in term_locales()))


def _is_title(lines: list[_Line]) -> bool:
    """Whether the first of these lines is a title with its paragraph right below (no blank line).

    It does not end a clause, the next line starts a sentence, and it is clearly shorter than
    the lines it would be wrapped with: wrapped text fills its lines to one width, a title does
    not (a short line is a hard break already, see `_plain_text`).
    """
    if len(lines) < 2 or _TEXT_LIST_ITEM.match(lines[1].text):
        return False
    first, second = lines[0].text.strip(), lines[1].text.strip()
    if _ends_clause(first) or len(first) < SHORT_LINE or not (second[:1].isupper() or second[:1].isdigit()
                                                               or second[:1] in "\"'“‘«"):
        return False
    if first.split()[-1].lower() in _title_never_ends():
        return False  # `... founded by the` / `BioWin ...`: wrapped text, not a title
    if len(lines) == 2:  # a title over a one-line paragraph, or a paragraph wrapped once: shorter means title
        return len(first) < TITLE_WIDTH * len(second)
    width = max(len(line.text.strip()) for line in lines[1:-1])
    # Longer than the wrap width of the lines below: it was never wrapped with them.
    return len(first) < TITLE_WIDTH * width or len(first) > width / TITLE_WIDTH


def _ends_clause(text: str) -> bool:
    stripped = text.rstrip().rstrip(_CLOSING_QUOTES)
    return bool(stripped) and stripped[-1] in _LINE_END_PUNCTUATION


def _plain_text(lines: list[_Line]) -> tuple[str, list[int]]:
    parts: list[str] = []
    offsets: list[int] = []
    for index, line in enumerate(lines):
        text = line.text.rstrip()
        if index:
            previous = lines[index - 1].text.strip()
            hard = len(previous) < SHORT_LINE and not _ends_clause(previous)
            parts.append("\n" if hard else " ")
            offsets.append(lines[index - 1].start + len(lines[index - 1].text))
        parts.append(text)
        offsets.extend(range(line.start, line.start + len(text)))
    return "".join(parts), offsets
