"""The check registry: every check is a small function registered with one decorator line.

A check has a stable code (`NUM001`), a category, a default severity and a docstring
in the ruff shape (*What it does*, *Why is this bad?*, *Example*, *Use instead*) that
`checker checks` and `checker explain CODE` print. Checks yield `Problem`s and never
print; the runner stamps them into `Finding`s here.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Literal

from checker.records import Finding, Problem, Severity

CATEGORIES = ("number", "term", "omission", "adequacy", "drift", "suppression", "format")

# "run": judged after the whole run from what it did (SUP001), never run by the release or corpus step.
Scope = Literal["release", "corpus", "run"]


@dataclass(frozen=True)
class CheckSpec:
    code: str
    name: str
    category: str
    severity: Severity
    scope: Scope
    function: Callable[..., Iterable[Problem]]
    needs_model: bool = False
    needs_glossary: bool = False
    # A corpus-scope check's map step: what it needs of one release (ReleaseContext -> a small,
    # picklable record), made where the release is checked; the check reads the records back
    # from `CorpusContext.prepared[code]`, so no release's pairs travel or stay whole.
    prepare: Callable[..., Any] | None = None

    @property
    def documentation(self) -> str:
        return inspect.cleandoc(self.function.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.documentation.splitlines()[0] if self.documentation else self.name

    def run(self, context, severity: Severity | None = None) -> Iterator[Finding]:
        stamped = severity or self.severity
        for problem in self.function(context):
            yield Finding(code=self.code, category=self.category, severity=stamped, problem=problem)


REGISTRY: dict[str, CheckSpec] = {}


def check(
    code: str,
    name: str,
    category: str,
    severity: Severity | str,
    *,
    scope: Scope = "release",
    needs_model: bool = False,
    needs_glossary: bool = False,
    prepare: Callable[..., Any] | None = None,
) -> Callable:
    """Register the decorated function as a check (one line per check)."""

    def register(function: Callable[..., Iterable[Problem]]) -> Callable[..., Iterable[Problem]]:
        if code in REGISTRY:
            raise ValueError(f"duplicate check code {code}")
        if category not in CATEGORIES:
            raise ValueError(f"unknown category {category!r} for {code}")
        REGISTRY[code] = CheckSpec(
            code=code,
            name=name,
            category=category,
            severity=Severity(severity),
            scope=scope,
            function=function,
            needs_model=needs_model,
            needs_glossary=needs_glossary,
            prepare=prepare,
        )
        return function

    return register


def all_checks() -> list[CheckSpec]:
    """Every registered check, by code (importing the check modules registers them)."""
    import checker.checks  # noqa: F401  (registers the built-in checks)

    return [REGISTRY[c] for c in sorted(REGISTRY)]
