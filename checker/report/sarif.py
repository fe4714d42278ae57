"""SARIF 2.1.0, for code-scanning dashboards: every finding a result, every check a rule."""

from __future__ import annotations

import json

from checker import __version__
from checker.checks.registry import all_checks
from checker.pipeline import CheckRun
from checker.report.base import Reporter

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


class SarifReporter(Reporter):
    name = "sarif"

    def render(self, run: CheckRun) -> str:
        specs = all_checks()
        index = {spec.code: position for position, spec in enumerate(specs)}
        rules = [
            {
                "id": spec.code,
                "name": spec.name,
                "shortDescription": {"text": spec.summary},
                "fullDescription": {"text": spec.documentation},
                "defaultConfiguration": {"level": _LEVEL[spec.severity.value]},
                "properties": {"category": spec.category},
            }
            for spec in specs
        ]
        results = []
        for f in run.findings:
            result = {
                "ruleId": f.code,
                "level": _LEVEL[f.severity.value],
                "message": {"text": f.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.file},
                        "region": {"startLine": f.line, "startColumn": f.column},
                    }
                }],
                "properties": {
                    "category": f.category, "release": f.release, "source_lang": f.source_lang, "lang": f.lang,
                    "source": f.source, "target": f.target, "expected": f.expected, "found": f.found,
                },
            }
            if f.code in index:
                result["ruleIndex"] = index[f.code]
            results.append(result)
        notifications = [
            {"level": "error", "message": {"text": p.message},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": p.path}}}]}
            for p in run.input_problems
        ]
        document = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "checker", "version": __version__, "rules": rules}},
                "invocations": [{"executionSuccessful": not run.input_problems,
                                 "toolExecutionNotifications": notifications}],
                "results": results,
            }],
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
