"""JUnit XML, for GitLab and Jenkins: one test suite per release, one test case per language pair.

A test case fails once per error-level finding of its pair (a `<failure>` each); warnings and
info go to its `<system-out>`, where they are read without failing the job. A finding about a
file alone (SUP001) counts for a test case named after that file's language. A release with an
input problem gets a `read` test case with an `<error>` per problem. With the run's scope the
clean releases and pairs are listed too, as passing test cases.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from checker.pipeline import CheckRun
from checker.records import Finding
from checker.report.base import Reporter

# XML 1.0 cannot hold most control characters, even escaped; a corpus file may contain them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_READ = "read"


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _pair(finding: Finding) -> str:
    target = finding.target_lang or finding.lang
    return finding.source_lang if target == finding.source_lang else f"{finding.source_lang}-{target}"


def _details(finding: Finding) -> str:
    lines = [f"{finding.file}:{finding.line}:{finding.column}: {finding.severity.value} {finding.code} "
             f"[{finding.category}] {finding.message}"]
    if finding.source:
        lines.append(f"{finding.source_lang.upper()}: {finding.source}")
    if finding.target:
        lines.append(f"{(finding.target_lang or finding.lang).upper()}: {finding.target}")
    lines.extend(f"{label}: {text}" for label, text in finding.extra)
    if finding.expected is not None or finding.found is not None:
        lines.append(f"expected: {finding.expected or '-'}   found: {finding.found or '-'}")
    return _clean("\n".join(lines))


class JunitReporter(Reporter):
    name = "junit"

    def _cases(self, run: CheckRun) -> dict[str, dict[str, list]]:
        """release -> test case name -> what it holds (findings; input problems under `read`)."""
        cases: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        if self.scope is not None:
            targets = [lang for lang in self.scope.languages if lang != self.scope.source_lang]
            for release in self.scope.releases:
                for target in targets:
                    cases[release][f"{self.scope.source_lang}-{target}"]
        for finding in run.findings:
            cases[finding.release][_pair(finding)].append(finding)
        for problem in run.input_problems:
            parts = problem.path.replace("\\", "/").split("/")
            release = next((r for r in cases if r in parts), "checker")
            cases[release][_READ].append(problem)
        return cases

    def render(self, run: CheckRun) -> str:
        root = ET.Element("testsuites", name="checker")
        totals = {"tests": 0, "failures": 0, "errors": 0}
        for release, in_release in sorted(self._cases(run).items()):
            suite = ET.SubElement(root, "testsuite", name=release)
            counts = {"tests": 0, "failures": 0, "errors": 0}
            for name, items in sorted(in_release.items()):
                case = ET.SubElement(suite, "testcase", classname=release, name=name, time="0")
                counts["tests"] += 1
                if name == _READ:
                    for problem in items:
                        ET.SubElement(case, "error", type="input", message=_clean(problem.message)).text = \
                            _clean(str(problem))
                        counts["errors"] += 1
                    continue
                errors = [f for f in items if f.severity.value == "error"]
                for finding in errors:
                    failure = ET.SubElement(case, "failure", type=finding.code, message=_clean(finding.message))
                    failure.text = _details(finding)
                    counts["failures"] += 1
                others = [f for f in items if f.severity.value != "error"]
                if others:
                    ET.SubElement(case, "system-out").text = "\n\n".join(_details(f) for f in others)
            for key, value in counts.items():
                suite.set(key, str(value))
                totals[key] += value
        for key, value in totals.items():
            root.set(key, str(value))
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
