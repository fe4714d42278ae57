"""Machine-readable output: `{"findings": [...], "summary": {...}}`, deterministic."""

from __future__ import annotations

import json

from checker import __version__
from checker.pipeline import CheckRun
from checker.records import Finding
from checker.report.base import Reporter, summary_counts


def finding_record(finding: Finding) -> dict:
    return {
        "code": finding.code,
        "category": finding.category,
        "severity": finding.severity.value,
        "confidence": finding.confidence,
        "release": finding.release,
        "source_lang": finding.source_lang,
        "lang": finding.lang,
        "target_lang": finding.target_lang or finding.lang,
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "message": finding.message,
        "source": finding.source,
        "target": finding.target,
        "expected": finding.expected,
        "found": finding.found,
        "source_spans": [[s.start, s.end] for s in finding.source_spans],
        "target_spans": [[s.start, s.end] for s in finding.target_spans],
        "extra": {label: text for label, text in finding.extra},
    }


class JsonReporter(Reporter):
    name = "json"

    def render(self, run: CheckRun) -> str:
        document = {
            "version": __version__,
            "findings": [finding_record(f) for f in run.findings],
            "summary": summary_counts(run),
            "input_errors": [{"path": p.path, "message": p.message} for p in run.input_problems],
            "skipped": list(run.skipped),
        }
        return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
