"""What only a bilingual file (XLIFF, TMX) can get wrong: inline codes lost, units left untranslated."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from checker.checks.context import ReleaseContext
from checker.checks.registry import check
from checker.formats.aligned import units_of
from checker.records import Problem


def _unit_text(ctx: ReleaseContext, lang: str, unit) -> str:
    source = ctx.documents[lang].source
    return " ".join(source.text[unit.start:unit.end].split()) if source.text else ""


def _state(unit) -> str:
    return f" (state: {unit.state})" if unit.state else ""


def _unit_pairs(ctx: ReleaseContext) -> Iterator[tuple]:
    """(language, target document, source unit, target unit) for each target unit whose source has text."""
    source_units = {unit.key: unit for unit in units_of(ctx.documents[ctx.source_lang])}
    for lang in ctx.target_langs:
        document = ctx.documents.get(lang)
        if document is None:
            continue
        for unit in units_of(document):
            origin = source_units.get(unit.key)
            if origin is not None and not origin.empty:
                yield lang, document, origin, unit


@check("FMT001", "inline-tag-mismatch", "format", "error")
def inline_tag_mismatch(ctx: ReleaseContext) -> Iterator[Problem]:
    """A translated unit lacks an inline code of its source, or has one the source has not.

    ## What it does
    In XLIFF and TMX, inline codes (`<g>`, `<x/>`, `<bpt>`/`<ept>`, `<ph>`, `<pc>`, `<sc/>`/`<ec/>`)
    stand for the formatting, links and fields of the original document. They are left out of
    the compared text but counted, by element and id, in each unit's source and target; a unit
    whose target misses one (or adds one) is reported once, with the codes that differ.

    ## Why is this bad?
    The CAT tool rebuilds the translated document from the codes: a missing one loses a link,
    a bold figure or a footnote reference, or stops the export altogether.

    ## Example
    ```
    <source>Het budget is <g id="1">€81 miljoen</g>.</source>
    <target>Le budget est de 81 millions d'euros.</target>
    ```

    ## Use instead
    ```
    <target>Le budget est de <g id="1">81 millions d'euros</g>.</target>
    ```
    """
    for lang, document, origin, unit in _unit_pairs(ctx):
        if unit.empty:
            continue
        wanted, found = Counter(origin.tags), Counter(unit.tags)
        missing, extra = wanted - found, found - wanted
        if not missing and not extra:
            continue
        said = []
        if missing:
            said.append("lacks " + ", ".join(str(tag) for tag in sorted(missing.elements(), key=str)))
        if extra:
            said.append("adds " + ", ".join(str(tag) for tag in sorted(extra.elements(), key=str)))
        yield Problem(
            release=ctx.release, source_lang=ctx.source_lang, lang=lang, file=document.path, line=unit.line,
            column=unit.column, target_lang=lang,
            message=f"{lang.upper()} {unit.label} {' and '.join(said)} of the {ctx.source_lang.upper()} source's inline codes{_state(unit)}",
            source=_unit_text(ctx, ctx.source_lang, origin), target=_unit_text(ctx, lang, unit),
            expected=" ".join(str(t) for t in origin.tags) or "no inline codes",
            found=" ".join(str(t) for t in unit.tags) or "no inline codes",
        )


@check("FMT002", "untranslated-unit", "format", "warning")
def untranslated_unit(ctx: ReleaseContext) -> Iterator[Problem]:
    """A unit of a bilingual file has no translation: its target is missing or empty.

    ## What it does
    Reports each XLIFF unit or TMX translation unit whose source has text and whose target (in a
    configured language) is absent, empty, or the source copied in while the unit's state says it
    is not translated yet; once per unit and with the unit's state
    (`needs-translation`, `new`, `initial`). Such units make no aligned pair, so they are never
    also reported as omitted sentences.

    ## Why is this bad?
    The translated document will show the source text, or nothing, where this unit belongs.

    ## Example
    ```
    <trans-unit id="7"><source>De resultaten volgen in 2025.</source>
      <target state="needs-translation"/></trans-unit>
    ```

    ## Use instead
    ```
    <target state="translated">Les résultats suivront en 2025.</target>
    ```
    """
    for lang, document, origin, unit in _unit_pairs(ctx):
        if not unit.empty:
            continue
        yield Problem(
            release=ctx.release, source_lang=ctx.source_lang, lang=lang, file=document.path, line=unit.line,
            column=unit.column, target_lang=lang,
            message=f"{unit.label} has no {lang.upper()} translation{_state(unit)}",
            source=_unit_text(ctx, ctx.source_lang, origin), target="",
            expected="a translation", found=f"an empty target{_state(unit)}" if unit.state else "an empty target",
        )
