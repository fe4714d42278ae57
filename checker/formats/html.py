"""HTML pages: the visible text of the article, with the line and column of the HTML source.

What is read: the `main` element (or `role="main"`) when the page has one, else its `article`
elements, else the `body`. Inside it, nothing that a reader does not see as the article: no
`script`, `style`, `template`, `noscript`, `nav`, `aside`, `form`, `button`, `iframe` or `svg`;
nothing `hidden`, `aria-hidden="true"` or `display: none`; no cookie or consent banner (an id or
class naming cookie, consent or GDPR); no `header` or `footer` of the site (those inside the
article, where its title and byline live, are read). Headings `h1`-`h6`, paragraphs, list
items, quotes and table rows become the same blocks as in Markdown; `<br>` and table cells
are sentence boundaries.

Why the standard library's `html.parser` rather than lxml.html or selectolax: those build a
tree and keep at most the line of an element, never where a piece of text or an entity
stands, and a finding must point at the column of a number inside a paragraph. `html.parser`
reports the position of every tag, text run and character reference as it reads them; it is
maintained with Python, tolerant of broken markup, and does not recurse on the page's
nesting. The implied end tags that matter for text (`p`, `li`, table cells) are applied here.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from checker.formats.base import BlockText, ExtractedFile, FormatError

_HIDDEN_TAGS = frozenset({"script", "style", "template", "noscript", "nav", "aside", "form", "button", "select",
                          "textarea", "iframe", "svg", "math", "object", "head", "title", "dialog", "menu"})
_CHROME_TAGS = frozenset({"header", "footer"})  # the site's, unless inside the article
_HIDDEN_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search"})
_BANNER = re.compile(r"cookie|consent|gdpr", re.IGNORECASE)
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr", "keygen"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCKS = frozenset({"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
                     "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "caption", "pre", "address",
                     "details", "summary", "hr", "body", *_HEADINGS, *_HIDDEN_TAGS, *_CHROME_TAGS})
_CELLS = frozenset({"td", "th"})
_SPACES = re.compile(r"[\t\n\r\f]")
MAX_DEPTH = 512  # open elements kept; deeper ones are read as their parent (a page cannot exhaust memory)


def read_html(text: str, path: str) -> ExtractedFile:
    """The page's visible article text as blocks; FormatError when there is none."""
    scan = _Scan()
    scan.feed(text)
    scan.close()
    scope = "main" if scan.has_main else ("article" if scan.has_article else None)
    reader = _Visible(text, scope)
    reader.feed(text)
    reader.close()
    reader.flush()
    if not reader.blocks:
        where = f"<{scope}>" if scope else "the page"
        raise FormatError(f"has no visible text in {where} (scripts, navigation and banners are not read)")
    return ExtractedFile.build(path, text, reader.blocks, kind="html")


class _Scan(HTMLParser):
    """First pass: whether the page has a `main` (or role=main) or an `article` element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.has_main = self.has_article = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "main" or dict(attrs).get("role") == "main":
            self.has_main = True
        elif tag == "article":
            self.has_article = True


class _Visible(HTMLParser):
    def __init__(self, text: str, scope: str | None) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        self.scope = scope
        # open elements: (tag, hidden, in scope, inside an article or main)
        self.stack: list[tuple[str, bool, bool, bool]] = []
        self.blocks = []
        self.current = BlockText()
        self.kind, self.level = "paragraph", 0

    # -- where we are
    def here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def visible(self) -> bool:
        if not self.stack:
            return self.scope is None
        _tag, hidden, in_scope, _article = self.stack[-1]
        return not hidden and in_scope

    # -- blocks
    def flush(self) -> None:
        if self.current:
            self.blocks.append(self.current.block(self.kind, self.level))
        self.current = BlockText()

    def start_block(self, tag: str) -> None:
        self.flush()
        tags = [entry[0] for entry in self.stack]
        if tag in _HEADINGS:
            self.kind, self.level = "heading", _HEADINGS[tag]
        elif tag == "li" or tag == "dd" or tag == "dt":
            self.kind, self.level = "list_item", max(1, sum(1 for t in tags if t in ("ul", "ol", "dl")))
        elif tag == "tr":
            self.kind, self.level = "table_row", 0
        elif tag == "blockquote" or "blockquote" in tags:
            self.kind, self.level = "quote", 1
        else:
            self.kind, self.level = "paragraph", 0

    # -- parser events
    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _VOID:
            if tag == "br" and self.visible():
                self.current.hard_break(self.here())
            elif tag == "hr":
                self.flush()
            return
        self.implied_end(tag)
        values = {name: value or "" for name, value in attrs}
        parent_hidden, parent_scope, parent_article = (self.stack[-1][1:] if self.stack
                                                       else (False, self.scope is None, False))
        is_scope = (self.scope == "main" and (tag == "main" or values.get("role") == "main")) or \
                   (self.scope == "article" and tag == "article")
        hidden = parent_hidden or self.hides(tag, values, parent_article)
        article = parent_article or tag in ("main", "article") or values.get("role") == "main"
        if tag in _BLOCKS or tag in _CELLS:
            if tag in _CELLS:
                self.current.hard_break(self.here())
            else:
                self.start_block(tag)
        if len(self.stack) < MAX_DEPTH:
            self.stack.append((tag, hidden, parent_scope or is_scope, article))

    def hides(self, tag: str, values: dict[str, str], inside_article: bool) -> bool:
        if tag in _HIDDEN_TAGS or (tag in _CHROME_TAGS and not inside_article):
            return True
        if "hidden" in values or values.get("aria-hidden", "").lower() == "true":
            return True
        if values.get("role", "").lower() in _HIDDEN_ROLES and tag not in ("main", "article"):
            return True
        if _DISPLAY_NONE.search(values.get("style", "")):
            return True
        return bool(_BANNER.search(values.get("id", "") + " " + values.get("class", "")))

    def implied_end(self, tag: str) -> None:
        """The end tags HTML lets a page leave out, where they change what is one block."""
        if not self.stack:
            return
        top = self.stack[-1][0]
        if (top == "p" and tag in _BLOCKS) or (tag in _CELLS and top in _CELLS) or (tag == "li" and top == "li") \
                or (tag in ("dt", "dd") and top in ("dt", "dd")) or (tag == "tr" and top in ("tr", *_CELLS)):
            self.handle_endtag(top)
            if tag == "tr" and self.stack and self.stack[-1][0] == "tr":
                self.handle_endtag("tr")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag == "br" and self.visible():
            self.current.hard_break(self.here())

    def handle_endtag(self, tag: str) -> None:
        tags = [entry[0] for entry in self.stack]
        if tag not in tags:
            return
        while self.stack:
            popped = self.stack.pop()[0]
            if popped in _BLOCKS:
                self.flush()
                self.kind, self.level = "paragraph", 0
                if self.stack:  # text after a nested block belongs to the enclosing one
                    tags_left = [entry[0] for entry in self.stack]
                    if "li" in tags_left:
                        self.kind, self.level = "list_item", max(1, sum(1 for t in tags_left if t in ("ul", "ol")))
                    elif "tr" in tags_left:
                        self.kind = "table_row"
            if popped == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.visible() and data:
            self.current.add(_SPACES.sub(" ", data), self.here())

    def handle_entityref(self, name: str) -> None:
        if self.visible():
            self.add_reference(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        if self.visible():
            self.add_reference(html.unescape(f"&#{name};"))

    def add_reference(self, value: str) -> None:
        at = self.here()
        for char in _SPACES.sub(" ", value):
            self.current.add_char(char, at)
