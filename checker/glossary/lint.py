"""Glossary lint: entries that overlap or contradict each other.

Validation (bad YAML, unknown language, ...) is the loader's job and stops at the first
error; lint looks at a valid glossary as a whole, using the matcher itself so that what
it reports is exactly what the checks would see.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.glossary.entries import Glossary


@dataclass(frozen=True)
class LintIssue:
    path: str
    line: int
    kind: str  # "contradiction", "overlap" (both fail the lint) or "nested" (informational)
    message: str

    @property
    def fails(self) -> bool:
        return self.kind != "nested"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.kind}: {self.message}"


def lint_glossary(glossary: Glossary) -> list[LintIssue]:
    issues: dict[tuple[str, str, str], LintIssue] = {}
    for entry in glossary.entries:
        for lang in glossary.languages:
            for status, forms in (("approved", entry.forms.get(lang, ())), ("forbidden", entry.forbidden.get(lang, ()))):
                for form in forms:
                    for match in glossary.find(form, lang, overlapping=True):
                        other = match.entry
                        if other.id == entry.id:
                            continue
                        whole = match.start == 0 and match.end == len(form)
                        other_status = "forbidden" if match.forbidden else "approved"
                        pair = tuple(sorted((entry.id, other.id)))
                        if whole and status != other_status:
                            kind = "contradiction"
                            message = (f"'{form}' ({lang}) is {status} in '{entry.id}' but '{match.text}' "
                                       f"is {other_status} in '{other.id}' ({other.origin})")
                        elif whole:
                            kind = "overlap"
                            message = (f"'{form}' ({lang}) of '{entry.id}' is also a form of '{other.id}' "
                                       f"({other.origin}): merge them or remove one")
                        else:
                            kind = "nested"
                            message = (f"'{form}' ({lang}) of '{entry.id}' contains '{match.text}' of "
                                       f"'{other.id}'; the longer name wins where both match")
                        key = (kind, *pair) if kind != "nested" else (kind, entry.id, other.id)
                        issues.setdefault(key, LintIssue(entry.path, entry.line, kind, message))
    return sorted(issues.values(), key=lambda i: (i.path, i.line, i.kind))
