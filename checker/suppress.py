"""Inline suppressions: `<!-- checker: ignore NUM001 -->` in a corpus file.

A reviewed false positive should not block a CI gate forever, and the place to say so
is next to the sentence: the comment applies to its own line, or, alone on a line, to
the next line with text. Without codes it silences every check there.
"""

from __future__ import annotations

import re
from typing import Iterable

from checker.records import Finding, SourceFile

_COMMENT = re.compile(r"<!--\s*checker:\s*ignore(?P<codes>(?:[\s,]+[A-Za-z]+\d*)*)\s*-->")
ALL = "*"


def suppressions(source: SourceFile) -> dict[int, frozenset[str]]:
    """Line number -> codes (or `*`) silenced on that line."""
    lines = source.text.split("\n")
    out: dict[int, set[str]] = {}
    for number, line in enumerate(lines, 1):
        for match in _COMMENT.finditer(line):
            codes = {c.upper() for c in re.split(r"[\s,]+", match.group("codes")) if c} or {ALL}
            target = number
            if not _COMMENT.sub("", line).strip():
                # alone on its line: it speaks about the next line with text
                target = next((n for n in range(number + 1, len(lines) + 1) if lines[n - 1].strip()), number)
            out.setdefault(target, set()).update(codes)
    return {line: frozenset(codes) for line, codes in out.items()}


def is_suppressed(finding: Finding, rules: dict[int, frozenset[str]]) -> bool:
    codes = rules.get(finding.line, frozenset())
    return ALL in codes or any(finding.code.startswith(code) for code in codes)


def without_suppressed(findings: Iterable[Finding], sources: Iterable[SourceFile]) -> list[Finding]:
    rules = {source.path: suppressions(source) for source in sources if "checker:" in source.text}
    return [f for f in findings if not (f.file in rules and is_suppressed(f, rules[f.file]))]
