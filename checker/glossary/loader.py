"""Load YAML glossaries with line numbers, so every error names its file, line and reason.

The YAML is composed into nodes (`compose`, below) rather than loaded into plain objects:
nodes keep their position, and a glossary error the user cannot locate is of no use.

A glossary may come from a pull request, so it is read defensively: aliases (`*name`) are
refused, since they let a few kilobytes expand into gigabytes; nesting is bounded; and every
field is validated against `checker.config.Limits` (a 1 MB term is an error with its line,
never a crash in the matcher's C extension). Entries in a supported language that the run does
not check (`nl` forms in a French/English repository) are ignored, not an error.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import yaml

from checker.config import Limits, supported_languages
from checker.glossary.entries import Entry, Glossary, GlossaryError, text_problem
from checker.glossary.text import normalise

DEFAULT_LANGUAGES = ("nl", "fr", "en")
ALL = "all"  # the same form in every language (do-not-translate names)
FLAGS = ("case_sensitive", "accent_sensitive")
TEXT_KEYS = ("note", "label")
ENTRY_KEYS = ("id", ALL, "forbidden", *FLAGS, *TEXT_KEYS)
TOP_LEVEL_KEYS = ("terms",)
_LANGUAGE_LIKE = re.compile(r"^[a-z]{2,3}([-_][A-Za-z]{2,4})?$")
MAX_DEPTH = 16  # a glossary is three levels deep; anything far deeper is not a glossary
MAX_FORMS = 100  # approved or forbidden forms of one entry in one language
NOTE_FACTOR = 20  # a note or label may be this many times longer than a term


_RESOLVER = yaml.resolver.Resolver()


def compose(text: str) -> yaml.Node | None:
    """`yaml.compose` with the safe loader's tags, built from parser events with an explicit stack.

    PyYAML's own composer recurses once per level (RecursionError on `[[[[...`) and shares
    aliased nodes, so that a reader walking them meets a few kilobytes of `*a` as gigabytes.
    Here aliases are refused, nesting is bounded by `MAX_DEPTH`, and libyaml's parser is used
    when it is installed (three times faster than the pure-Python one).
    """
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    root: yaml.Node | None = None
    open_nodes: list[yaml.Node] = []  # collections being filled, innermost last
    pending_keys: list[yaml.Node | None] = []  # per open mapping: a key waiting for its value
    documents = 0

    def attach(node: yaml.Node) -> None:
        nonlocal root
        if not open_nodes:
            root = node
        elif isinstance(open_nodes[-1], yaml.SequenceNode):
            open_nodes[-1].value.append(node)
        elif pending_keys[-1] is None:
            pending_keys[-1] = node
        else:
            open_nodes[-1].value.append((pending_keys[-1], node))
            pending_keys[-1] = None

    for event in _events(text, loader):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, f"aliases (*{event.anchor}) are not allowed in a glossary: write the forms out",
                event.start_mark)
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise yaml.composer.ComposerError(None, None, "expected a single document", event.start_mark)
        elif isinstance(event, yaml.ScalarEvent):
            tag = event.tag if event.tag not in (None, "!") else _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
            attach(yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style))
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            kind = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
            tag = event.tag if event.tag not in (None, "!") else _RESOLVER.resolve(kind, None, event.implicit)
            node = kind(tag, [], event.start_mark, event.end_mark, flow_style=event.flow_style)
            attach(node)
            open_nodes.append(node)
            pending_keys.append(None)
            if len(open_nodes) > MAX_DEPTH:
                raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep",
                                                  event.start_mark)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            open_nodes.pop().end_mark = event.end_mark
            pending_keys.pop()
    return root


def _events(text: str, loader: type) -> Iterator[yaml.Event]:
    """The parser's events; a nesting the scanner refuses is reported as `compose` reports its own."""
    try:
        yield from yaml.parse(text, Loader=loader)
    except yaml.scanner.ScannerError as error:
        # libyaml (in PyYAML 6.0.4 and later) refuses flow collections nested a thousand deep while
        # it scans ahead, before `compose` has seen the seventeenth level: the same fault, said the same way.
        if "nesting depth" not in str(error.problem) and "flow level" not in str(error.context):
            raise
        raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep",
                                          error.problem_mark) from None


def discover_glossaries(root: Path) -> list[Path]:
    """`glossaries/*.yaml` (and `.yml`) under `root`, in a stable order."""
    folder = Path(root) / "glossaries"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load_glossaries(paths: Sequence[Path], languages: Sequence[str] = DEFAULT_LANGUAGES,
                    limits: Limits | None = None, overriding: Sequence[Path] = ()) -> Glossary:
    """Read and validate every glossary file, in order; ids must be unique across them, except that
    an entry of an `overriding` file (`check --glossary`) replaces an earlier file's entry with its
    id, which `Glossary.overridden` says in one line each.

    Two configured glossaries sharing an id stay an error: the repository contradicts itself. A file
    passed for one run is how a reviewer tries other renderings without editing the repository's.
    """
    limits = limits or Limits()
    later = {Path(p).resolve() for p in overriding}
    entries: dict[str, Entry] = {}  # by id, in the order first defined
    overridden: list[str] = []
    for path in paths:
        for entry in load_entries(Path(path), languages, limits):
            first = entries.get(entry.id)
            if first is not None:
                if Path(path).resolve() not in later or first.path == entry.path:
                    raise GlossaryError(entry.path, entry.line,
                                        f"duplicate id '{entry.id}' (first defined at {first.origin})")
                overridden.append(f"glossary entry '{entry.id}' of {entry.origin} overrides the one of {first.origin}")
            entries[entry.id] = entry
            if len(entries) > limits.max_glossary_entries:
                raise GlossaryError(entry.path, entry.line, f"more than {limits.max_glossary_entries} glossary entries "
                                                            "(max_glossary_entries in [checker])")
    return Glossary(entries=tuple(entries.values()), languages=tuple(languages), paths=tuple(str(p) for p in paths),
                    overridden=tuple(overridden))


def load_entries(path: Path, languages: Sequence[str] = DEFAULT_LANGUAGES, limits: Limits | None = None) -> list[Entry]:
    limits = limits or Limits()
    try:
        size = path.stat().st_size
        if size > limits.max_file_size:
            raise GlossaryError(path, 0, f"glossary is {size} bytes, more than max_file_size = {limits.max_file_size}")
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise GlossaryError(path, 0, f"cannot read glossary: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise GlossaryError(path, 0, "glossary is not UTF-8 text") from None
    return parse_entries(text, str(path), languages, limits)


def parse_entries(text: str, path: str, languages: Sequence[str] = DEFAULT_LANGUAGES,
                  limits: Limits | None = None) -> list[Entry]:
    try:
        root = compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark else 0
        problem = getattr(error, "problem", None) or str(error)
        raise GlossaryError(path, line, f"invalid YAML: {problem}") from None
    if root is None:
        return []
    reader = _NodeReader(path, tuple(languages), limits or Limits())
    return reader.read_root(root)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


class _NodeReader:
    def __init__(self, path: str, languages: tuple[str, ...], limits: Limits) -> None:
        self.path = path
        self.languages = languages
        self.limits = limits
        # Languages the checker reads but this run does not check: their forms are skipped.
        self.ignored = tuple(lang for lang in supported_languages() if lang not in languages)

    def fail(self, node: yaml.Node, reason: str) -> GlossaryError:
        return GlossaryError(self.path, _line(node), reason)

    def mapping(self, node: yaml.Node, what: str) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping")
        keys: dict[str, int] = {}
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode):
                raise self.fail(key, f"{what}: keys must be plain words")
            if key.value in keys:
                raise self.fail(key, f"{what}: key '{key.value}' given twice (first on line {keys[key.value]})")
            keys[key.value] = _line(key)
        return list(node.value)

    def scalar(self, node: yaml.Node, what: str, longest: int | None = None) -> str:
        """A non-empty string of at most `longest` characters (default: a term's limit), on one line."""
        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith((":null", ":map", ":seq")):
            raise self.fail(node, f"{what} must be a string")
        value = node.value.strip()
        if not value:
            raise self.fail(node, f"{what} is empty")
        limit = longest or self.limits.max_term_length
        problem = text_problem(value, limit, multiline=longest is not None)
        if problem is not None:
            hint = " (max_term_length in [checker])" if longest is None and len(value) > limit else ""
            raise self.fail(node, f"{what}: {problem}{hint}")
        return value

    def flag(self, node: yaml.Node, what: str) -> bool:
        if not isinstance(node, yaml.ScalarNode) or not node.tag.endswith(":bool"):
            raise self.fail(node, f"{what} must be true or false")
        return node.value.lower() in ("true", "yes", "on", "y")

    def forms(self, node: yaml.Node, what: str) -> list[tuple[str, int]]:
        """A string or a list of strings, with the line of each."""
        if isinstance(node, yaml.SequenceNode):
            if not node.value:
                raise self.fail(node, f"{what}: empty list of forms")
            if len(node.value) > MAX_FORMS:
                raise self.fail(node, f"{what}: {len(node.value)} forms, more than {MAX_FORMS}")
            return [(self.form(item, what), _line(item)) for item in node.value]
        return [(self.form(node, what), _line(node))]

    def form(self, node: yaml.Node, what: str) -> str:
        value = self.scalar(node, what)
        if not any(ch.isalnum() for ch in value):  # nothing the matcher could anchor on (`-`, `’`)
            raise self.fail(node, f"{what}: '{value}' has no letter or digit to match")
        return value

    def language(self, key: yaml.ScalarNode, allowed: tuple[str, ...], what: str) -> str | None:
        """The language a key names, or None for a language this run does not check."""
        name = key.value
        if name == ALL or name in self.languages:
            return name
        if name in self.ignored:
            return None
        if _LANGUAGE_LIKE.match(name):
            raise self.fail(key, f"{what}: unknown language '{name}' (languages: {', '.join(self.languages)})")
        raise self.fail(key, f"{what}: unknown key '{name}' (expected one of: {', '.join(allowed)})")

    def read_root(self, root: yaml.Node) -> list[Entry]:
        terms_node = None
        for key, value in self.mapping(root, "glossary"):
            if key.value not in TOP_LEVEL_KEYS:
                raise self.fail(key, f"unknown top-level key '{key.value}' (expected: terms)")
            terms_node = value
        if terms_node is None or (isinstance(terms_node, yaml.ScalarNode) and terms_node.tag.endswith(":null")):
            return []
        if not isinstance(terms_node, yaml.SequenceNode):
            raise self.fail(terms_node, "'terms' must be a list of entries")
        if len(terms_node.value) > self.limits.max_glossary_entries:
            raise self.fail(terms_node, f"{len(terms_node.value)} entries, more than {self.limits.max_glossary_entries} "
                                        "(max_glossary_entries in [checker])")
        entries: list[Entry] = []
        ids: dict[str, int] = {}
        for node in terms_node.value:
            entry_id, entry = self.read_entry(node)
            if entry_id in ids:
                raise self.fail(node, f"duplicate id '{entry_id}' (first defined on line {ids[entry_id]})")
            ids[entry_id] = _line(node)
            if entry is not None:
                entries.append(entry)
        return entries

    def read_entry(self, node: yaml.Node) -> tuple[str, Entry | None]:
        """The entry's id and the entry, or None when all its forms are in languages not checked."""
        pairs = self.mapping(node, "entry")
        entry_id = None
        approved: dict[str, list[tuple[str, int]]] = {}
        forbidden: dict[str, list[tuple[str, int]]] = {}
        flags = {"case_sensitive": False, "accent_sensitive": True}
        texts = {"note": "", "label": ""}
        skipped = False
        allowed = (*ENTRY_KEYS, *self.languages)
        for key, value in pairs:
            name = key.value
            if name == "id":
                entry_id = self.scalar(value, "id")
            elif name in FLAGS:
                flags[name] = self.flag(value, name)
            elif name in TEXT_KEYS:
                texts[name] = self.scalar(value, name, longest=NOTE_FACTOR * self.limits.max_term_length)
            elif name == "forbidden":
                for lang_key, forms in self.mapping(value, "forbidden"):
                    lang = self.language(lang_key, (ALL, *self.languages), "forbidden")
                    found = self.forms(forms, f"forbidden {lang or lang_key.value}")  # validated even if unused
                    if lang is not None:
                        forbidden.setdefault(lang, []).extend(found)
            else:
                lang = self.language(key, allowed, "entry")
                found = self.forms(value, lang or name)
                if lang is not None:
                    approved.setdefault(lang, []).extend(found)
                else:
                    skipped = True
        what = f"entry '{entry_id}'" if entry_id else "entry"
        if entry_id is None:
            raise self.fail(node, "entry has no 'id'")
        if not approved and skipped:
            return entry_id, None  # an entry only about languages this run does not check
        if not approved:
            raise self.fail(node, f"{what} has no forms (give 'all' or at least one of: {', '.join(self.languages)})")
        forms = self._per_language(approved)
        bans = self._per_language(forbidden)
        for lang, banned in bans.items():
            allowed_keys = {normalise(f): f for f, _ in forms.get(lang, [])}
            for form, line in banned:
                if normalise(form) in allowed_keys:
                    raise GlossaryError(
                        self.path, line, f"{what}: '{form}' is both approved and forbidden in {lang}"
                    )
        return entry_id, Entry(
            id=entry_id,
            forms={lang: tuple(_unique(f for f, _ in fs)) for lang, fs in forms.items()},
            forbidden={lang: tuple(_unique(f for f, _ in fs)) for lang, fs in bans.items()},
            case_sensitive=flags["case_sensitive"],
            accent_sensitive=flags["accent_sensitive"],
            note=texts["note"],
            label=texts["label"],
            path=self.path,
            line=_line(node),
        )

    def _per_language(self, forms: dict[str, list[tuple[str, int]]]) -> dict[str, list[tuple[str, int]]]:
        # Language-specific forms come first (they are the preferred ones), then the shared ones.
        out = {lang: list(forms.get(lang, [])) for lang in self.languages}
        for lang in self.languages:
            out[lang].extend(forms.get(ALL, []))
        return {lang: fs for lang, fs in out.items() if fs}


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
