"""Where a finding is, said the way each format's users look for it.

A DOCX has no lines: its findings carry the paragraph number as their line, and this adds a
`paragraph` line such as `¶ 7, under the heading "Budget"` (the nearest heading above). A
finding in an XLIFF or TMX file gets the unit it is in and that unit's state (`unit 4, state:
translated`), so that a reviewer finds it in the CAT tool. Every reporter prints these lines
(`extra`); the text, JSON, SARIF and review page alike.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Iterable, Mapping

from checker.records import Document, Finding


def with_format_locations(findings: Iterable[Finding], documents: Mapping[str, Document]) -> list[Finding]:
    by_file = {(document.path, lang): document for lang, document in documents.items()}
    out = []
    for finding in findings:
        document = by_file.get((finding.file, finding.lang))
        kind = getattr(document.source, "kind", "") if document is not None else ""
        label = None
        if kind == "docx":
            label = ("paragraph", _paragraph(document, finding.line))
        elif kind in ("xliff", "tmx") and finding.category != "format":  # FMT findings name their unit
            unit = _unit_at(document, finding.line, finding.column)
            if unit is not None:
                label = ("unit", f"{unit.label}, state: {unit.state}" if unit.state else unit.label)
        if label is None:
            out.append(finding)
        else:
            out.append(replace(finding, problem=replace(finding.problem, extra=(*finding.problem.extra, label))))
    return out


def _paragraph(document: Document, number: int) -> str:
    heading = None
    for block in document.blocks:
        if block.kind == "heading" and block.segments and block.segments[0].line < number:
            heading = block.text
    said = f"¶ {number}"
    return f"{said}, under the heading \u201c{heading}\u201d" if heading else said


def _unit_at(document: Document, line: int, column: int):
    source = document.source
    if not 0 < line <= len(source.line_starts):
        return None
    offset = source.line_starts[line - 1] + column - 1
    units = sorted(source.units, key=lambda unit: unit.start)
    index = bisect.bisect_right([unit.start for unit in units], offset) - 1
    if index >= 0 and offset <= units[index].end:
        return units[index]
    return None
