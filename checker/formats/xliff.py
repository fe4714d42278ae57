"""XLIFF 1.2 and 2.x: bilingual files whose segments a CAT tool has already aligned.

A release in XLIFF has one file per target language, named by the corpus layout after that
language (`corpora/2024-pit/fr.xlf`, `2024-pit_EN.xliff`); the file's own languages
(`source-language` / `target-language` in 1.2, `srcLang` / `trgLang` in 2.x) must agree with
the name and with the run's source language. The source version of the release is read from
the first target file (in the order of `languages`); the others must hold the same source text.

Units: every 1.2 `<trans-unit>` (nested in `<group>`s or not; `translate="no"` ones are
skipped) and every 2.x `<segment>` of a `<unit>` (`<ignorable>` is skipped). Each is paired as
the tool paired it, with no aligner in between (`checker.formats.aligned`). A unit without a
target, or with an empty one, or with its source copied in while its state says it is not
translated yet (`new`, `needs-translation`, `initial`), is one FMT002 finding, never a run of
omissions; its state
(`new`, `needs-translation`, `translated`, `final`; 2.x: `initial`, `translated`, `reviewed`,
`final`) is said in the finding. Inline codes (1.2: `<g>`, `<x/>`, `<bx/>`, `<ex/>`, `<bpt>`,
`<ept>`, `<ph>`, `<it>`; 2.x: `<ph/>`, `<pc>`, `<sc/>`, `<ec/>`) are not compared text; a target
that lacks one of its source's is FMT001. `<mrk>` annotations are text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from checker.formats.base import BlockText, ExtractedFile, FormatError, Unit, primary_language
from checker.formats.xml import ParsedXml, inline_content, local, parse_xml

COUNTED = frozenset({"g", "x", "bx", "ex", "bpt", "ept", "ph", "it", "pc", "sc", "ec"})
OPAQUE = frozenset({"bpt", "ept", "ph", "it"})  # their content is the original's code, not text
CHARACTERS = {"cp": lambda attributes: _code_point(attributes.get("hex", ""))}
# States that say a target is not a translation yet (1.2: new, needs-translation; 2.x: initial).
UNTRANSLATED_STATES = frozenset({"new", "needs-translation", "initial"})


def _code_point(value: str) -> str:
    try:
        return chr(int(value, 16))
    except (ValueError, OverflowError):
        return ""


@dataclass(frozen=True)
class Bilingual:
    source_lang: str
    target_lang: str
    source: ExtractedFile  # the source side: blocks and units of every <source>
    target: ExtractedFile  # the target side


def read_xliff(data: bytes, path: str) -> Bilingual:
    parsed = parse_xml(data)
    root = parsed.root
    if local(root.tag) != "xliff":
        raise FormatError(f"not XLIFF (the root element is <{local(root.tag)}>)")
    version = (root.get("version") or "").strip()
    if version.startswith("1."):
        source_lang, target_lang, units = _units_1(root)
    elif version.startswith("2."):
        source_lang, target_lang = root.get("srcLang") or "", root.get("trgLang") or ""
        units = list(_units_2(root))
    else:
        raise FormatError(f"XLIFF version {version or '(none)'} is not read (1.2 and 2.x are)")
    if not source_lang or not target_lang:
        raise FormatError("does not say its source and target languages (source-language/target-language, srcLang/trgLang)")
    if not units:
        raise FormatError("has no translation units")
    source, target = build_sides(parsed, path, [(key, label, s, t, state) for key, label, s, t, state in units],
                                 kind="xliff")
    if not source.blocks:
        raise FormatError("has no source text in any unit")
    return Bilingual(primary_language(source_lang), primary_language(target_lang), source, target)


def _units_1(root: Any) -> tuple[str, str, list]:
    units = []
    source_lang = target_lang = ""
    for file_index, file in enumerate(e for e in root.iter() if local(e.tag) == "file"):
        source_lang = source_lang or file.get("source-language") or ""
        target_lang = target_lang or file.get("target-language") or ""
        for unit in file.iter():
            if local(unit.tag) != "trans-unit" or (unit.get("translate") or "").lower() == "no":
                continue
            source = next((c for c in unit if local(c.tag) == "source"), None)
            target = next((c for c in unit if local(c.tag) == "target"), None)
            if source is None:
                continue
            state = (target.get("state") if target is not None else None) or ("new" if target is None else "")
            ident = unit.get("id") or str(len(units) + 1)
            units.append((f"{file_index}/{ident}", f"unit {ident}", source, target, state))
    return source_lang, target_lang, units


def _units_2(root: Any):
    for file_index, file in enumerate(e for e in root if local(e.tag) == "file"):
        for unit in file.iter():
            if local(unit.tag) != "unit" or (unit.get("translate") or "").lower() == "no":
                continue
            ident = unit.get("id") or "?"
            segments = [c for c in unit if local(c.tag) == "segment"]
            for index, segment in enumerate(segments):
                source = next((c for c in segment if local(c.tag) == "source"), None)
                target = next((c for c in segment if local(c.tag) == "target"), None)
                if source is None:
                    continue
                label = f"unit {ident}" + (f" segment {segment.get('id') or index + 1}" if len(segments) > 1 else "")
                yield (f"{file_index}/{ident}/{segment.get('id') or index}", label, source, target,
                       segment.get("state") or "initial")


def build_sides(parsed: ParsedXml, path: str, units: Sequence[tuple], *, kind: str,
                shift: int = 0, text: str | None = None) -> tuple[ExtractedFile, ExtractedFile]:
    """Source and target files of (key, label, source element, target element or None, state) units.

    Offsets are those of `parsed.text` less `shift`, counted in `text` (TMX reads one release's
    stretch of a larger file).
    """
    text = parsed.text if text is None else text
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    sides = []
    source_texts: dict[str, str] = {}
    for side in (2, 3):
        blocks, records = [], []
        for unit in units:
            key, label, element, state = unit[0], unit[1], unit[side], unit[4]
            side_state = state if side == 3 else ""
            if element is None:  # no target element: the unit's source element stands for it
                at = parsed.start_of(unit[2]) - shift
                records.append(_unit(line_starts, key, label, at, at, side_state, (), True))
                continue
            content = inline_content(parsed.text, parsed.start_of(element), COUNTED, OPAQUE, CHARACTERS)
            normalized = " ".join(content.text.split())
            if side == 2:
                source_texts[key] = normalized
            # A tool pre-fills a target with its source; a state that says it is not translated yet
            # makes that copy an untranslated unit (FMT002), not a translation to compare.
            copied = side == 3 and state in UNTRANSLATED_STATES and normalized == source_texts.get(key)
            empty = not normalized or copied
            start = (content.offsets[0] if content.offsets else content.start) - shift
            end = (content.offsets[-1] + 1 if content.offsets else content.start) - shift
            records.append(_unit(line_starts, key, label, start, end, side_state, tuple(content.tags), empty))
            if not empty:
                block = BlockText()
                for char, offset in zip(content.chars, content.offsets):
                    block.add_char(char, offset - shift)
                blocks.append(block.block("paragraph"))
        sides.append(ExtractedFile.build(path, text, blocks, units=tuple(records), kind=kind))
    return sides[0], sides[1]


def _unit(line_starts: list[int], key: str, label: str, start: int, end: int, state: str, tags: tuple,
          empty: bool) -> Unit:
    import bisect

    line = bisect.bisect_right(line_starts, start)
    column = start - line_starts[line - 1] + 1
    return Unit(key=key, start=start, end=end, line=line, column=column, state=state, tags=tags, empty=empty, label=label)


def read_xliff_release(release: Any, candidates: dict[str, list[Path]], languages: Sequence[str], source_lang: str,
                       base: Path, root: Path, limits: Any, where: str):
    """The release's versions from its XLIFF files: the source from the first, a target from each."""
    from checker.corpus import InputProblem, ReleaseFiles, _expected, display_path, read_file_bytes

    problems: list[InputProblem] = []
    files: dict[str, Any] = {}
    for path in candidates.get(source_lang, []):
        problems.append(InputProblem(display_path(path, base), f"{source_lang} is the source language: an XLIFF file is "
                                     f"named after its target language ({_expected(release, languages[-1], 'xliff')})"))
    first: tuple[str, Bilingual] | None = None
    for lang in languages:
        if lang == source_lang:
            continue
        paths = candidates.get(lang, [])
        if not paths:
            problems.append(InputProblem(where, f"release has no {lang} version (expected {_expected(release, lang, 'xliff')})"))
            continue
        if len(paths) > 1:
            problems.append(InputProblem(where, f"two {lang} versions ({' and '.join(p.name for p in paths)}): keep one"))
            continue
        shown = display_path(paths[0], base)
        data, problem = read_file_bytes(paths[0], shown, root, limits.max_file_size)
        if data is None:
            problems.append(problem)
            continue
        try:
            bilingual = read_xliff(data, shown)
        except FormatError as error:
            problems.append(InputProblem(shown, str(error)))
            continue
        wrong = _language_problem(bilingual, lang, source_lang, languages)
        if wrong:
            problems.append(InputProblem(shown, wrong))
            continue
        if first is None:
            first = (shown, bilingual)
            files[source_lang] = bilingual.source
        else:
            differs = _source_difference(first[1].source, bilingual.source)
            if differs:
                problems.append(InputProblem(shown, f"its {source_lang.upper()} source differs from {first[0]}'s in {differs}; "
                                                    f"its units are paired with {first[0]}'s source by id"))
        files[lang] = bilingual.target
    return ReleaseFiles(release.name, release.directory, files), problems


def _language_problem(bilingual: Bilingual, lang: str, source_lang: str, languages: Sequence[str]) -> str | None:
    for role, found in (("source", bilingual.source_lang), ("target", bilingual.target_lang)):
        if found not in languages:
            return f"its {role} language is {found}, which is not one of the configured languages ({', '.join(languages)})"
    if bilingual.source_lang != source_lang:
        return f"its source language is {bilingual.source_lang}, but the run's source is {source_lang} (--source, [checker] source)"
    if bilingual.target_lang != lang:
        return f"its target language is {bilingual.target_lang}, but its name says {lang}"
    return None


def _source_difference(first: ExtractedFile, other: ExtractedFile) -> str | None:
    """The first unit whose source text differs between two XLIFF files of one release, or None."""
    def texts(source: ExtractedFile) -> dict[str, str]:
        return {unit.key: " ".join(source.text[unit.start:unit.end].split()) for unit in source.units}

    mine, theirs = texts(first), texts(other)
    for unit in other.units:
        if unit.key not in mine:
            return f"{unit.label} (not in the other file)"
        if mine[unit.key] != theirs[unit.key]:
            return unit.label
    return None
