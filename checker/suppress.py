"""Inline suppressions: `<!-- checker: ignore NUM001 -->` and blocks in a corpus file.

A reviewed false positive should not block a CI gate forever, and the place to say so
is next to the sentence. Two forms:

- `<!-- checker: ignore CODE ... -->` applies to its own line, or, alone on a line, to the
  next line with text.
- `<!-- checker: disable CODE ... -->` ... `<!-- checker: enable CODE ... -->` applies to every
  line from the one comment to the other, both included; `enable` ends the blocks of the codes
  it names (without codes: every open block), and a block never enabled again runs to the end
  of the file.

Without codes a comment silences every check; a code may be a prefix (`TERM`).

A comment that silences nothing is itself reported, as SUP001 (a warning): the finding it was
written for is gone, and a stale comment would silence the next, unrelated one. The release
step (`without_suppressed(..., propose_unused=True)`) proposes such a finding for each comment that silenced nothing
there; `settle_unused` then keeps only those it can judge — every check the comment names ran
(a skipped check, one without a model or a glossary, cannot have found anything), and none of
them compares releases (DRIFT001 findings are silenced in the corpus step, where this module
is not told what they were). A comment without codes is judged only when every selected check
ran and none compared releases: name the codes to have it checked everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Iterable, Sequence

from checker.records import Finding, Problem, Severity, SourceFile

_CODES = r"(?P<codes>(?:[\s,]+[A-Za-z]+\d*)*)"
_COMMENT = re.compile(r"<!--\s*checker:\s*(?P<kind>ignore|disable|enable)" + _CODES + r"\s*-->")
ALL = "*"

UNUSED_CODE = "SUP001"
UNUSED_CATEGORY = "suppression"
_SILENCES = "silences"  # the label of the line that says what an unused comment names


@dataclass(frozen=True)
class Comment:
    """One `ignore` or `disable` comment and the lines it covers, per code it names."""

    line: int  # where the comment is, 1-based
    column: int
    text: str
    spans: tuple[tuple[str, int, int], ...]  # (code or `*`, first line, last line), inclusive

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(sorted({code for code, _, _ in self.spans}))

    def silences(self, finding: Finding) -> bool:
        return any(first <= finding.line <= last and (code == ALL or finding.code.startswith(code))
                   for code, first, last in self.spans)


def _codes(match: re.Match) -> list[str]:
    return sorted({c.upper() for c in re.split(r"[\s,]+", match.group("codes")) if c}) or [ALL]


def comments(source: SourceFile) -> list[Comment]:
    """Every `ignore` and `disable` comment of a file, in order, with the lines it covers."""
    lines = source.text.split("\n")
    found: list[Comment] = []
    open_blocks: dict[str, tuple[int, re.Match, int]] = {}  # code -> (line, match, index in `found`)
    spans: dict[int, list[tuple[str, int, int]]] = {}

    def close(code: str, last: int) -> None:
        line, _match, index = open_blocks.pop(code)
        spans[index].append((code, line, last))

    for number, line in enumerate(lines, 1):
        if "checker:" not in line:
            continue
        for match in _COMMENT.finditer(line):
            kind, codes = match.group("kind"), _codes(match)
            if kind == "enable":
                names = list(open_blocks) if codes == [ALL] else [c for c in codes if c in open_blocks]
                for code in names:
                    close(code, number)
                continue
            index = len(found)
            found.append(Comment(number, match.start() + 1, match.group(0), ()))
            spans[index] = []
            if kind == "disable":
                for code in codes:
                    if code in open_blocks:  # disabled twice: the first block goes on
                        continue
                    open_blocks[code] = (number, match, index)
                continue
            target = number
            if not _COMMENT.sub("", line).strip():
                # alone on its line: it speaks about the next line with text
                target = next((n for n in range(number + 1, len(lines) + 1) if lines[n - 1].strip()), number)
            spans[index].extend((code, target, target) for code in codes)
    for code in list(open_blocks):
        close(code, len(lines))
    return [Comment(c.line, c.column, c.text, tuple(spans[i])) for i, c in enumerate(found) if spans[i]]


def suppressions(source: SourceFile) -> dict[int, frozenset[str]]:
    """Line number -> codes (or `*`) silenced on that line."""
    out: dict[int, set[str]] = {}
    for comment in comments(source):
        for code, first, last in comment.spans:
            for line in range(first, last + 1):
                out.setdefault(line, set()).add(code)
    return {line: frozenset(codes) for line, codes in out.items()}


def is_suppressed(finding: Finding, rules: dict[int, frozenset[str]]) -> bool:
    codes = rules.get(finding.line, frozenset())
    return ALL in codes or any(finding.code.startswith(code) for code in codes)


def without_suppressed(findings: Iterable[Finding], sources: Iterable[SourceFile], *,
                       propose_unused: bool = False) -> list[Finding]:
    """The findings no comment silences; with `propose_unused` (the release step), also a proposed
    SUP001 for each comment that silenced none of them."""
    by_file = {source.path: comments(source) for source in sources if "checker:" in source.text}
    kept: list[Finding] = []
    used: set[tuple[str, int]] = set()
    for finding in findings:
        silencing = [(finding.file, c.line) for c in by_file.get(finding.file, ()) if c.silences(finding)]
        if silencing:
            used.update(silencing)
        else:
            kept.append(finding)
    for path, in_file in by_file.items() if propose_unused else ():
        kept.extend(_unused(path, comment) for comment in in_file if (path, comment.line) not in used)
    return kept


def _unused(path: str, comment: Comment) -> Finding:
    codes = comment.codes
    what = "every check" if codes == (ALL,) else ", ".join(codes)
    lines = sorted({(first, last) for _, first, last in comment.spans})
    where = ", ".join(f"line {a}" if a == b else f"lines {a}-{b}" for a, b in lines)
    file = PurePath(path)
    problem = Problem(
        release=file.parent.name, source_lang=file.stem, lang=file.stem, target_lang=file.stem,
        file=path, line=comment.line, column=comment.column,
        message=f"'{comment.text}' silences nothing: no {what} finding on {where}; remove the comment",
        source="", target="", found=comment.text, extra=((_SILENCES, what),),
    )
    return Finding(code=UNUSED_CODE, category=UNUSED_CATEGORY, severity=Severity.WARNING, problem=problem)


def settle_unused(findings: Sequence[Finding], checks: Sequence[tuple], skipped: Sequence[str],
                  releases: int) -> list[Finding]:
    """Keep the proposed SUP001 findings that can be judged (see the module docstring), at the
    configured severity; drop them all when SUP001 is not selected.

    `checks` is the run's `(CheckSpec, Severity)` list (`pipeline.selected_checks`), `skipped`
    the run's lines on what did not run, which name the skipped codes.
    """
    severity = next((sev for spec, sev in checks if spec.code == UNUSED_CODE), None)
    not_run = set(re.findall(r"\b[A-Z]{3,5}\d{3}\b", " ".join(skipped)))
    compares_releases = {spec.code for spec, _ in checks if spec.scope == "corpus"}
    ran = {spec.code for spec, _ in checks
           if spec.scope == "release" and spec.code not in not_run}
    every_check_ran = all(spec.code in ran for spec, _ in checks if spec.scope == "release")
    corpus_ran = releases > 1 and bool(compares_releases - not_run)

    def judged(finding: Finding) -> bool:
        named = dict(finding.extra)[_SILENCES]
        if named == "every check":
            return every_check_ran and not corpus_ran
        for code in named.split(", "):
            meant = [spec.code for spec, _ in checks if spec.code.startswith(code)]
            if not meant or any(c not in ran for c in meant):
                return False
        return True

    out = []
    for finding in findings:
        if finding.code != UNUSED_CODE:
            out.append(finding)
        elif severity is not None and judged(finding):
            out.append(Finding(finding.code, finding.category, severity, finding.problem))
    return out
