"""Import terminology from the formats a new user brings: TBX (TBX-Basic, TBX v3) and CSV.

TBX is read with expat, refusing internal DTD subsets and entity declarations: a glossary file from
elsewhere must not be able to expand entities ("billion laughs") or reach external files.
Deprecated and superseded terms become `forbidden` forms; everything else is approved,
preferred terms first.

Nothing here recurses on the file's structure (a TBX nested 100,000 deep is read like a flat
one), and every term is held to `checker.config.Limits`: one error with the file and line.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import xml.parsers.expat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

from checker.config import Limits
from checker.glossary.entries import Entry, GlossaryError, text_problem
from checker.glossary.text import normalise
from checker.glossary.variants import is_acronym

# Status values (TBX administrativeStatus / normativeAuthorization, IATE) that mean "do not use".
FORBIDDEN_STATUS = ("deprecated", "superseded", "obsolete", "rejected", "forbidden", "notrecommended")
PREFERRED_STATUS = ("preferred",)
LANGUAGE_NAMES = {
    "dutch": "nl", "nederlands": "nl", "néerlandais": "nl", "flemish": "nl",
    "french": "fr", "français": "fr", "francais": "fr", "frans": "fr",
    "english": "en", "anglais": "en", "engels": "en",
    "german": "de", "deutsch": "de", "allemand": "de", "duits": "de",
}


@dataclass
class ImportResult:
    entries: list[Entry]
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Term:
    text: str
    status: str = ""

    @property
    def forbidden(self) -> bool:
        status = self.status.lower().replace(" ", "").replace("-", "")
        return any(word in status for word in FORBIDDEN_STATUS)

    @property
    def preferred(self) -> bool:
        return any(word in self.status.lower() for word in PREFERRED_STATUS)


@dataclass
class _Concept:
    id: str
    line: int
    terms: dict[str, list[_Term]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def import_file(path: Path, languages: Sequence[str], limits: Limits | None = None) -> ImportResult:
    limits = limits or Limits()
    suffix = path.suffix.lower()
    if suffix not in (".tbx", ".xml", ".csv", ".tsv", ".txt"):
        raise GlossaryError(path, 0, f"cannot import '{path.suffix}' files (expected .tbx or .csv)")
    try:
        size = path.stat().st_size
    except OSError as error:
        raise GlossaryError(path, 0, f"cannot read: {error.strerror or error}") from None
    if size > limits.max_file_size:
        raise GlossaryError(path, 0, f"file is {size} bytes, more than max_file_size = {limits.max_file_size}")
    if suffix in (".tbx", ".xml"):
        return import_tbx(path.read_bytes(), str(path), languages, limits)
    return import_csv(path.read_text(encoding="utf-8-sig"), str(path), languages, limits)


def language_code(name: str, languages: Sequence[str]) -> str | None:
    """`en-GB`, `EN`, `English` -> `en` when `en` is one of `languages`."""
    cleaned = name.strip().lower()
    code = LANGUAGE_NAMES.get(cleaned, re.split(r"[-_ ]", cleaned)[0] if cleaned else "")
    return code if code in languages else None


# ---------------------------------------------------------------- TBX


class _Element:
    __slots__ = ("tag", "attrs", "children", "parts", "line")

    def __init__(self, tag: str, attrs: dict[str, str], line: int) -> None:
        self.tag = tag.rsplit(":", 1)[-1]  # local name: `basic:administrativeStatus` -> `administrativeStatus`
        # `xml:lang` -> `lang`, `basic:type` -> `type`: prefixes vary between exporters.
        self.attrs = {k.rsplit(":", 1)[-1]: v for k, v in attrs.items()}
        self.children: list[_Element] = []
        self.parts: list[str] = []  # character data directly inside (a list: expat delivers it in pieces)
        self.line = line

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def descendants(self) -> Iterator["_Element"]:
        """Every element below this one in document order, with an explicit stack (no recursion)."""
        stack = list(reversed(self.children))
        while stack:
            element = stack.pop()
            yield element
            stack.extend(reversed(element.children))

    def iter(self, tag: str) -> Iterator["_Element"]:
        return (element for element in self.descendants() if element.tag == tag)

    def full_text(self) -> str:
        return (self.text + "".join(e.text for e in self.descendants())).strip()


def parse_xml_safely(data: bytes, path: str) -> _Element:
    """Parse XML with expat, refusing DOCTYPE, entity declarations and external entities."""
    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[_Element] = []
    root: list[_Element] = []

    def refuse(what: str):
        def handler(*_args):
            raise GlossaryError(path, parser.CurrentLineNumber, f"refusing TBX with {what} (entities are not expanded)")
        return handler

    refuse_internal_subset = refuse("a DOCTYPE declaring its own content")

    def doctype(_name, _system_id, _public_id, has_internal_subset) -> None:
        # CAT tools write `<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">`: a reference that
        # expat never fetches is harmless; an internal subset is where entity bombs live.
        if has_internal_subset:
            refuse_internal_subset()

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = refuse("an entity declaration")
    parser.ExternalEntityRefHandler = refuse("an external entity")

    def start(tag: str, attrs: dict[str, str]) -> None:
        element = _Element(tag, attrs, parser.CurrentLineNumber)
        if stack:
            stack[-1].children.append(element)
        else:
            root.append(element)
        stack.append(element)

    def end(_tag: str) -> None:
        stack.pop()

    def text(data: str) -> None:
        if stack:
            stack[-1].parts.append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as error:
        raise GlossaryError(path, error.lineno, f"invalid XML: {xml.parsers.expat.ErrorString(error.code)}") from None
    if not root:
        raise GlossaryError(path, 1, "empty XML document")
    return root[0]


def import_tbx(data: bytes, path: str, languages: Sequence[str], limits: Limits | None = None) -> ImportResult:
    root = parse_xml_safely(data, path)
    if root.tag not in ("martif", "tbx"):
        raise GlossaryError(path, root.line, f"not a TBX file (root element <{root.tag}>, expected <martif> or <tbx>)")
    warnings: list[str] = []
    concepts: list[_Concept] = []
    skipped_languages: set[str] = set()
    for concept_node in [*root.iter("termEntry"), *root.iter("conceptEntry")]:
        concept = _Concept(id=concept_node.attrs.get("id", ""), line=concept_node.line)
        for note in [*concept_node.iter("descrip"), *concept_node.iter("note"), *concept_node.iter("definition")]:
            kind = note.attrs.get("type", note.tag)
            if kind in ("definition", "note", "context") and note.full_text():
                concept.notes.append(note.full_text())
        for lang_node in [*concept_node.iter("langSet"), *concept_node.iter("langSec")]:
            lang = language_code(lang_node.attrs.get("lang", ""), languages)
            if lang is None:
                skipped_languages.add(lang_node.attrs.get("lang", "?"))
                continue
            for term_node in [*lang_node.iter("tig"), *lang_node.iter("ntig"), *lang_node.iter("termSec")]:
                concept.terms.setdefault(lang, []).append(_tbx_term(term_node))
        concepts.append(concept)
    if skipped_languages:
        warnings.append(f"{path}: skipped languages not configured: {', '.join(sorted(skipped_languages))}")
    return _entries_from_concepts(concepts, path, languages, warnings, limits or Limits())


def _tbx_term(node: _Element) -> _Term:
    term_node = next(node.iter("term"), None)
    term = _Term(text=" ".join(term_node.full_text().split()) if term_node else "")
    # TBX 2 and IATE: <termNote type="administrativeStatus">; TBX 3 DCT style: <administrativeStatus>.
    for note in node.iter("termNote"):
        if note.attrs.get("type", "") in ("administrativeStatus", "normativeAuthorization", "usageStatus"):
            term.status = note.full_text()
    for tag in ("administrativeStatus", "normativeAuthorization"):
        for status in node.iter(tag):
            term.status = status.full_text()
    return term


# ---------------------------------------------------------------- CSV

_FORBIDDEN_COLUMN = re.compile(
    r"^(?:(?P<a>[\w\- ]+?)[\s_:(\[]+(?:forbidden|deprecated|do not use|avoid)[)\]]?|(?:forbidden|deprecated|avoid)[\s_:(\[]+(?P<b>[\w\- ]+?)[)\]]?)$",
    re.IGNORECASE,
)


def import_csv(text: str, path: str, languages: Sequence[str], limits: Limits | None = None) -> ImportResult:
    """One column per language (header `nl`, `fr-BE`, `English`...); optional `id`, `note`
    and `<lang> forbidden` columns; several forms in one cell separated by `|`."""
    limits = limits or Limits()
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0][:CSV_SNIFF_CHARS], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = _CheckedRows(csv.reader(io.StringIO(text), dialect), path)
    header = next(reader, None)
    if header is None:
        raise GlossaryError(path, 1, "empty CSV file")
    columns: list[tuple[str, str | None]] = []  # (role, lang)
    warnings: list[str] = []
    for name in header:
        label = name.strip()
        lowered = label.lower()
        forbidden = _FORBIDDEN_COLUMN.match(label)
        if lowered in ("id", "concept", "concept id", "entry"):
            columns.append(("id", None))
        elif lowered in ("note", "notes", "definition", "comment", "comments"):
            columns.append(("note", None))
        elif forbidden and language_code(forbidden.group("a") or forbidden.group("b"), languages):
            columns.append(("forbidden", language_code(forbidden.group("a") or forbidden.group("b"), languages)))
        elif language_code(label, languages):
            columns.append(("form", language_code(label, languages)))
        else:
            columns.append(("ignored", None))
            if label:
                warnings.append(f"{path}:1: ignored column '{label}' (not a configured language)")
    if not any(role == "form" for role, _ in columns):
        raise GlossaryError(path, 1, f"no language column in the header (expected some of: {', '.join(languages)})")
    concepts: list[_Concept] = []
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        concept = _Concept(id="", line=line)
        for (role, lang), cell in zip(columns, row):
            values = [v.strip() for v in re.split(r"[|\n]", cell) if v.strip()]
            if role == "id" and values:
                concept.id = values[0]
            elif role == "note" and values:
                concept.notes.append(cell.strip())
            elif role in ("form", "forbidden") and lang:
                status = "deprecatedTerm" if role == "forbidden" else ""
                concept.terms.setdefault(lang, []).extend(_Term(v, status) for v in values)
        concepts.append(concept)
    return _entries_from_concepts(concepts, path, languages, warnings, limits)


CSV_SNIFF_CHARS = 4096  # the dialect is guessed from the start of the header line


class _CheckedRows:
    """csv rows, with the reader's own failures (a cell over its 128 KiB limit, a NUL) as GlossaryErrors."""

    def __init__(self, reader, path: str) -> None:  # type: ignore[no-untyped-def]
        self.reader = reader
        self.path = path

    @property
    def line_num(self) -> int:
        return self.reader.line_num

    def __iter__(self) -> "_CheckedRows":
        return self

    def __next__(self) -> list[str]:
        try:
            return next(self.reader)
        except csv.Error as error:
            reason = str(error)
            if "field larger than field limit" in reason:
                reason = f"a cell is longer than {csv.field_size_limit()} characters"
            raise GlossaryError(self.path, max(1, self.reader.line_num), f"invalid CSV: {reason}") from None


# ---------------------------------------------------------------- shared


def _entries_from_concepts(concepts: list[_Concept], path: str, languages: Sequence[str],
                           warnings: list[str], limits: Limits) -> ImportResult:
    if len(concepts) > limits.max_glossary_entries:
        raise GlossaryError(path, concepts[limits.max_glossary_entries].line,
                            f"more than {limits.max_glossary_entries} concepts (max_glossary_entries in [checker])")
    entries: list[Entry] = []
    used: set[str] = set()
    for concept in concepts:
        for lang, terms in concept.terms.items():
            unusable = [t.text for t in terms if t.text and not any(ch.isalnum() for ch in t.text)]
            if unusable:
                warnings.append(f"{path}:{concept.line}: skipped {lang} term(s) with no letter or digit: "
                                + ", ".join(repr(text) for text in unusable))
                terms[:] = [t for t in terms if t.text not in unusable]
            for term in terms:
                problem = text_problem(term.text, limits.max_term_length)
                if problem is not None:
                    hint = " (max_term_length in [checker])" if len(term.text) > limits.max_term_length else ""
                    raise GlossaryError(path, concept.line, f"a {lang} term: {problem}{hint}")
        forms: dict[str, tuple[str, ...]] = {}
        forbidden: dict[str, tuple[str, ...]] = {}
        for lang in languages:
            terms = [t for t in concept.terms.get(lang, []) if t.text]
            approved = sorted((t for t in terms if not t.forbidden), key=lambda t: not t.preferred)
            approved_keys = {normalise(t.text) for t in approved}
            banned = []
            for t in terms:
                if t.forbidden and normalise(t.text) in approved_keys:
                    warnings.append(f"{path}:{concept.line}: '{t.text}' ({lang}) is both approved and deprecated; kept as approved")
                elif t.forbidden:
                    banned.append(t.text)
            if approved:
                forms[lang] = tuple(dict.fromkeys(t.text for t in approved))
            if banned:
                forbidden[lang] = tuple(dict.fromkeys(banned))
        if not forms:
            warnings.append(f"{path}:{concept.line}: skipped a concept with no approved term in {', '.join(languages)}")
            continue
        entry_id = _unique_id(concept.id or _slug(next(iter(forms.values()))[0]), used)
        all_forms = [f for fs in forms.values() for f in fs]
        # Only an entry made of acronyms and brands (`MEDVIA`, `BioWin`) is case-sensitive: a
        # full form in it would turn every sentence-initial capital into a casing error.
        case_sensitive = all(is_acronym(f) or (" " not in f and any(c.isupper() for c in f[1:])) for f in all_forms)
        entries.append(Entry(
            id=entry_id, forms=forms, forbidden=forbidden, case_sensitive=case_sensitive,
            note=" ".join(concept.notes), path=path, line=concept.line,
        ))
    return ImportResult(entries=entries, warnings=warnings)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "term"


def _unique_id(base: str, used: set[str]) -> str:
    candidate = base = _slug(base)
    number = 2
    while candidate in used:
        candidate = f"{base}-{number}"
        number += 1
    used.add(candidate)
    return candidate
