"""XML for the bilingual formats (XLIFF, TMX): parsed safely, with where each element starts.

The structure is parsed by defusedxml's ElementTree parser, which refuses entity declarations
(the billion-laughs attack: a few kilobytes that expand into gigabytes) and external entities
and references (which would read other files or the network); either is one input problem.
The parser also records the character offset of every element's start tag, so that the text
of a `<source>` or `<seg>` can be read from the file itself by `inline_content`, with the
offset of each character: line and column of a finding then point into the XML file. That
reading happens only on a document the parser has accepted, so it meets nothing but the five
predefined entities and character references.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from checker.formats.base import FormatError, InlineTag

_NAME = re.compile(r"[^\s/>]+")
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')""")
_SPACES = re.compile(r"[\t\n\r]")


@dataclass
class ParsedXml:
    root: Any
    text: str  # the decoded file, as offsets count it
    starts: dict[int, int] = field(default_factory=dict)  # id(element) -> offset of its "<"

    def start_of(self, element: Any) -> int:
        return self.starts[id(element)]


def parse_xml(data: bytes) -> ParsedXml:
    """The document, refusing entities, external references and anything but UTF-8."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FormatError(f"not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); save it as UTF-8") from None
    parser = DefusedXMLParser(forbid_dtd=False, forbid_entities=True, forbid_external=True)
    expat = parser.parser
    original = expat.StartElementHandler
    positions: list[tuple[Any, int]] = []

    def start(tag: str, attributes: Any) -> Any:
        element = original(tag, attributes)
        positions.append((element, expat.CurrentByteIndex))
        return element

    expat.StartElementHandler = start
    try:
        parser.feed(data)
        root = parser.close()
    except DefusedXmlException as error:
        raise FormatError(f"declares entities or external references ({type(error).__name__}), which could expand "
                          "into gigabytes or read other files; not read") from None
    except ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        reason = str(error).split(":", 1)[0]
        raise FormatError(f"not valid XML ({reason} at line {line}, column {column + 1})") from None
    starts: dict[int, int] = {}
    byte, char = 0, 0
    for element, index in positions:  # in document order: one pass over the bytes
        char += len(data[byte:index].decode("utf-8", errors="replace"))
        byte = index
        starts[id(element)] = char - (1 if bom else 0)
    return ParsedXml(root=root, text=text, starts=starts)


def local(tag: str) -> str:
    """`{urn:oasis:...}source` -> `source`."""
    return tag.rsplit("}", 1)[-1]


@dataclass
class Content:
    """The text of one element read from the file: characters, their offsets, the inline tags."""

    chars: list[str] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)
    tags: list[InlineTag] = field(default_factory=list)
    start: int = 0  # offset of the element's "<"
    end: int = 0  # offset just past its end tag

    @property
    def text(self) -> str:
        return "".join(self.chars)


def inline_content(text: str, start: int, counted: frozenset[str], opaque: frozenset[str],
                   characters: dict[str, Any] | None = None) -> Content:
    """The content of the element whose start tag begins at `start`, as text with offsets.

    Inline elements named in `counted` are recorded as tags (their content stays text unless
    they are also `opaque`: native codes such as `<bpt>{\\b}</bpt>` are not text). `characters`
    maps an element to a function of its attributes giving the text it stands for (XLIFF 2's
    `<cp hex="0009"/>`).
    """
    content = Content(start=start)
    position = _tag_end(text, start)
    if text[position - 2] == "/":  # <target/>
        content.end = position
        return content
    depth, hidden = 1, 0  # open elements; open opaque elements (their text is code)
    stack: list[bool] = []  # whether each open inline element is opaque
    length = len(text)
    while position < length:
        char = text[position]
        if char == "<":
            if text.startswith("<!--", position):
                position = text.index("-->", position) + 3
            elif text.startswith("<![CDATA[", position):
                end = text.index("]]>", position)
                if not hidden:
                    for offset in range(position + 9, end):
                        _add(content, text[offset], offset)
                position = end + 3
            elif text.startswith("<?", position):
                position = text.index("?>", position) + 2
            elif text.startswith("</", position):
                position = text.index(">", position) + 1
                depth -= 1
                if depth == 0:
                    content.end = position
                    return content
                if stack and stack.pop():
                    hidden -= 1
            else:
                end = _tag_end(text, position)
                name = local(_NAME.match(text, position + 1).group())
                name = name.split(":", 1)[-1]
                closed = text[end - 2] == "/"
                if not hidden and (name in counted or (characters and name in characters)):
                    attributes = {k.split(":", 1)[-1]: v[1:-1] for k, v in _ATTRIBUTE.findall(text, position, end)}
                    if name in counted:
                        ident = next((attributes[a] for a in ("id", "i", "x", "rid") if attributes.get(a)), "")
                        content.tags.append(InlineTag(name, ident))
                    if characters and name in characters:
                        for ch in characters[name](attributes):
                            _add(content, ch, position)
                if not closed:
                    depth += 1
                    is_opaque = name in opaque
                    stack.append(is_opaque)
                    hidden += is_opaque
                position = end
        elif char == "&":
            end = text.index(";", position) + 1
            if not hidden:
                for ch in html.unescape(text[position:end]):
                    _add(content, ch, position)
            position = end
        else:
            if not hidden:
                _add(content, char, position)
            position += 1
    content.end = position
    return content


def _add(content: Content, char: str, offset: int) -> None:
    content.chars.append(" " if char in "\t\n\r" else char)
    content.offsets.append(offset)


def _tag_end(text: str, start: int) -> int:
    """The offset just past the `>` of the tag opening at `start` (quotes respected)."""
    position, quote = start + 1, ""
    while True:
        char = text[position]
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == ">":
            return position + 1
        position += 1
