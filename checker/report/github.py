"""GitHub Actions workflow commands: each finding becomes an annotation on its file and line."""

from __future__ import annotations

from checker.pipeline import CheckRun
from checker.report.base import Reporter

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


class GithubReporter(Reporter):
    name = "github"

    def render(self, run: CheckRun) -> str:
        lines = []
        for f in run.findings:
            body = f.message
            if f.source:
                body += f"\n{f.source_lang.upper()}: {f.source}"
            if f.target:
                body += f"\n{(f.target_lang or f.lang).upper()}: {f.target}"
            lines.append(
                f"::{_LEVEL[f.severity.value]} file={_escape(f.file, True)},line={f.line},col={f.column},"
                f"title={_escape(f.code + ' ' + f.category, True)}::{_escape(body)}"
            )
        for problem in run.input_problems:
            lines.append(f"::error file={_escape(problem.path, True)}::{_escape(problem.message)}")
        return "\n".join(lines) + ("\n" if lines else "")
