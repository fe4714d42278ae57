"""Readable output for translators: findings grouped by release and file, both sentences side by side."""

from __future__ import annotations

from itertools import groupby

from checker.pipeline import CheckRun
from checker.records import Finding, Span
from checker.report.base import Reporter, summary_counts

_COLORS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m"}
_MARK = "\033[1;4m"
_RESET = "\033[0m"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class TextReporter(Reporter):
    name = "text"

    def _mark(self, text: str, spans: tuple[Span, ...]) -> str:
        """The sentence with the offending spans marked: »…« in plain text, underlined in colour."""
        opening, closing = (_MARK, _RESET) if self.color else ("»", "«")
        out, position = [], 0
        for span in sorted(spans, key=lambda s: s.start):
            if span.start < position:
                continue
            out += [text[position : span.start], opening, text[span.start : span.end], closing]
            position = span.end
        out.append(text[position:])
        return "".join(out)

    def _severity(self, finding: Finding) -> str:
        label = finding.severity.value
        return f"{_COLORS[label]}{label}{_RESET}" if self.color else label

    def _finding(self, finding: Finding) -> list[str]:
        lines = [
            f"  {finding.file}:{finding.line}:{finding.column}: {self._severity(finding)} "
            f"{finding.code} [{finding.category}] {finding.message}"
        ]
        source_label = finding.source_lang.upper()
        target_label = (finding.target_lang or finding.lang).upper()
        width = max(len(source_label), len(target_label), *(len(label) for label, _ in finding.extra)) if finding.extra else max(len(source_label), len(target_label))
        if finding.source:
            lines.append(f"      {source_label:<{width}}  {self._mark(finding.source, finding.source_spans)}")
        if finding.target:
            lines.append(f"      {target_label:<{width}}  {self._mark(finding.target, finding.target_spans)}")
        for label, text in finding.extra:
            lines.append(f"      {label:<{width}}  {text}")
        if finding.expected is not None or finding.found is not None:
            lines.append(f"      expected: {finding.expected or '-'}   found: {finding.found or '-'}")
        return lines

    def render(self, run: CheckRun) -> str:
        lines: list[str] = []
        for release, in_release in groupby(run.findings, key=lambda f: f.release):
            lines.append(f"{release}")
            for _file, in_file in groupby(in_release, key=lambda f: f.file):
                for finding in in_file:
                    lines.extend(self._finding(finding))
            lines.append("")
        counts = summary_counts(run)
        status = "no problems found" if not run.findings else (
            f"{_plural(counts['errors'], 'error')}, {_plural(counts['warnings'], 'warning')}, {counts['info']} info"
        )
        lines.append(
            f"{status} in {_plural(run.releases, 'release')} "
            f"({_plural(run.documents, 'file')}, {_plural(run.sentences, 'sentence')})"
        )
        return "\n".join(lines) + "\n"
