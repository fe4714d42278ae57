"""Readers for the formats translation teams have besides Markdown: one module per format.

| extension | reader | what becomes text |
|---|---|---|
| `.md`, `.markdown`, `.txt` | `checker.markdown` | as before |
| `.docx` | `checker.formats.docx` | paragraphs, headings, list items, tables, footnotes; tracked changes accepted |
| `.html`, `.htm` | `checker.formats.html` | the visible text of `main` / `article` (else `body`) |
| `.xlf`, `.xliff`, `.sdlxliff` | `checker.formats.xliff` | XLIFF 1.2 and 2.x units, source and target, already aligned |
| `.tmx` | `checker.formats.tmx` | translation units with two or more configured languages, already aligned |

Every reader takes the file's bytes (already bounded by `max_file_size`) and returns an
`ExtractedFile`, or raises `FormatError` with a one-line reason; `checker.corpus` turns that
into an input problem naming the file. Nothing here writes anything.
"""

from __future__ import annotations

# extension -> format family: a corpus holds one family (Markdown and plain text are one).
FAMILIES = {
    ".md": "text", ".markdown": "text", ".txt": "text",
    ".docx": "docx",
    ".html": "html", ".htm": "html",
    ".xlf": "xliff", ".xliff": "xliff", ".sdlxliff": "xliff",  # Trados's SDLXLIFF is XLIFF 1.2
    ".tmx": "tmx",
}
BILINGUAL = frozenset({"xliff", "tmx"})  # one file holds the source and a translation
# How each family is named in messages.
FAMILY_NAMES = {"text": "Markdown/text", "docx": "DOCX", "html": "HTML", "xliff": "XLIFF", "tmx": "TMX"}


def family_of(suffix: str) -> str | None:
    return FAMILIES.get(suffix.lower())
