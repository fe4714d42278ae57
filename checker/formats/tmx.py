"""TMX translation memories: every `<tu>` with two or more configured languages is an aligned unit.

A TMX file lies in the corpus directory (or is PATH itself). Its units are grouped into
releases by this rule, first match wins:

1. a `<prop type="x-release">2024-01-17-pit</prop>` in the `<tu>`;
2. the `tuid` up to its last `/` (`tuid="2024-01-17-pit/3"` -> `2024-01-17-pit`);
3. the file's name without `.tmx` (a memory of one document).

In each unit, the `<tuv>` of the source language is paired with the `<tuv>` of each other
configured language (`xml:lang="fr-BE"` is `fr`). A unit without a `<tuv>` in a target language,
or with an empty `<seg>`, is FMT002 for that language; a unit without the source language is
not compared (the run says how many). Inline codes `<bpt>`, `<ept>`, `<it>`, `<ph>`, `<ut>`
(native code, not text) and `<hi>` (its content is text) are counted for FMT001. Locations are
the TMX file's lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from checker.formats.base import FormatError, primary_language
from checker.formats.xml import ParsedXml, local, parse_xml

COUNTED = frozenset({"bpt", "ept", "it", "ph", "ut", "hi"})
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class _Memory:
    parsed: ParsedXml
    # release -> [(key, label, tu element, {lang: seg element})], in file order
    releases: dict[str, list[tuple[str, str, Any, dict[str, Any]]]] = field(default_factory=dict)
    without_source: int = 0  # units with two configured languages but not the source: not compared


def release_of(tu: Any, fallback: str) -> str:
    """The release a `<tu>` belongs to (the rule in the module docstring)."""
    for prop in tu:
        if local(prop.tag) == "prop" and prop.get("type") == "x-release" and (prop.text or "").strip():
            return prop.text.strip()
    tuid = (tu.get("tuid") or "").strip()
    if "/" in tuid.strip("/"):
        return tuid.rsplit("/", 1)[0].strip("/")
    return fallback


def _read(path: Path, languages: tuple[str, ...], source_lang: str, max_bytes: int | None, root: Path | None) -> _Memory:
    from checker.corpus import read_file_bytes

    data, problem = read_file_bytes(path, str(path), root, max_bytes)
    if data is None:
        raise FormatError(problem.message)
    return _memory(data, path.stem, languages, source_lang)


@lru_cache(maxsize=4)
def _cached(path: str, stamp: tuple, languages: tuple[str, ...], source_lang: str, max_bytes: int | None,
            root: str | None) -> _Memory | FormatError:
    try:
        return _read(Path(path), languages, source_lang, max_bytes, Path(root) if root else None)
    except FormatError as error:
        return error


def memory(path: Path, languages: Sequence[str], source_lang: str, max_bytes: int | None = None,
           root: Path | None = None) -> _Memory:
    """The parsed TMX, read once per run for discovery and for each of its releases."""
    try:
        status = path.stat()
        stamp = (status.st_mtime_ns, status.st_size)
    except OSError:
        stamp = ()
    found = _cached(str(path), stamp, tuple(languages), source_lang, max_bytes, str(root) if root else None)
    if isinstance(found, FormatError):
        raise found
    return found


def _memory(data: bytes, name: str, languages: tuple[str, ...], source_lang: str) -> _Memory:
    parsed = parse_xml(data)
    if local(parsed.root.tag) != "tmx":
        raise FormatError(f"not TMX (the root element is <{local(parsed.root.tag)}>)")
    body = next((e for e in parsed.root if local(e.tag) == "body"), None)
    if body is None:
        raise FormatError("has no <body>")
    found = _Memory(parsed)
    for index, tu in enumerate(e for e in body if local(e.tag) == "tu"):
        segs: dict[str, Any] = {}
        for tuv in tu:
            if local(tuv.tag) != "tuv":
                continue
            lang = primary_language(tuv.get(XML_LANG) or tuv.get("lang") or "")
            seg = next((e for e in tuv if local(e.tag) == "seg"), None)
            if lang in languages and seg is not None:
                segs.setdefault(lang, seg)
        if len(segs) < 2:
            continue
        if source_lang not in segs:
            found.without_source += 1
            continue
        tuid = tu.get("tuid") or str(index + 1)
        release = release_of(tu, name)
        found.releases.setdefault(release, []).append((f"tu/{tuid}/{index}", f"tu {tuid}", tu, segs))
    if not found.releases:
        raise FormatError(f"has no translation unit with {source_lang} and another of the configured languages "
                          f"({', '.join(languages)})")
    return found


def release_names(path: Path, languages: Sequence[str], source_lang: str | None = None,
                  max_bytes: int | None = None, root: Path | None = None) -> tuple[list[str], str | None]:
    """The releases a TMX file holds, or a problem reading it."""
    try:
        return sorted(memory(path, languages, source_lang or languages[0], max_bytes, root).releases), None
    except FormatError as error:
        return [], str(error)


def read_tmx_release(release: Any, languages: Sequence[str], source_lang: str, base: Path, root: Path, limits: Any):
    """One release's versions from its TMX units: the source side and one target side per language."""
    from checker.corpus import InputProblem, ReleaseFiles, display_path
    from checker.formats.xliff import build_sides

    shown = display_path(release.tmx, base)
    try:
        found = memory(release.tmx, languages, source_lang, limits.max_file_size, root)
    except FormatError as error:
        return ReleaseFiles(release.name, release.directory, {}), [InputProblem(shown, str(error))]
    units = found.releases.get(release.name, [])
    parsed = found.parsed
    text = parsed.text
    first = min(parsed.start_of(tu) for _k, _l, tu, _s in units)
    last = max(parsed.start_of(seg) for _k, _l, _tu, segs in units for seg in segs.values())
    end = text.find("</tu>", last)
    end = len(text) if end < 0 else end + len("</tu>")
    line_start = text.rfind("\n", 0, first) + 1
    lines_before = text.count("\n", 0, line_start)
    # This release's stretch of the file, after as many empty lines as come before it: lines
    # stay the file's, and no release carries the whole memory.
    stretch = "\n" * lines_before + text[line_start:end]
    shift = line_start - lines_before
    files: dict[str, Any] = {}
    problems = []
    notes = []
    for lang in languages:
        if lang == source_lang:
            continue
        if not any(lang in segs for _k, _l, _tu, segs in units):
            problems.append(InputProblem(f"{shown}: {release.name}", f"release has no {lang} version "
                                         f"(no <tuv xml:lang=\"{lang}\"> in its units)"))
            continue
        rows = [(key, label, segs[source_lang], segs.get(lang), "") for key, label, _tu, segs in units]
        source, target = build_sides(parsed, shown, rows, kind="tmx", shift=shift, text=stretch)
        files.setdefault(source_lang, source)
        files[lang] = target
    if found.without_source and release.name == min(found.releases):
        notes.append(f"{shown}: {found.without_source} translation unit{'s' * (found.without_source != 1)} without "
                     f"{source_lang} not compared")
    return ReleaseFiles(release.name, release.directory, files, tuple(notes)), problems
