"""The reporter seam: a reporter turns a finished `CheckRun` into text and never computes."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar

from checker.pipeline import CheckRun


@dataclass(frozen=True)
class RunScope:
    """What the run was asked to check, which its findings cannot tell: a clean release has none."""

    releases: tuple[str, ...] = ()  # release ids (directory names), sorted
    source_lang: str = ""
    languages: tuple[str, ...] = ()  # every version, the source among them


class Reporter(ABC):
    name: ClassVar[str]
    # The report shows the aligned sentences (`CheckRun.aligned`): the run must keep them.
    needs_pairs: ClassVar[bool] = False

    def __init__(self, color: bool = False, scope: RunScope | None = None) -> None:
        self.color = color
        self.scope = scope

    @abstractmethod
    def render(self, run: CheckRun) -> str:
        """The whole report, ending with a newline."""


def summary_counts(run: CheckRun) -> dict[str, int]:
    return {
        "errors": sum(1 for f in run.findings if f.severity.value == "error"),
        "warnings": sum(1 for f in run.findings if f.severity.value == "warning"),
        "info": sum(1 for f in run.findings if f.severity.value == "info"),
        "releases": run.releases,
        "files": run.documents,
        "sentences": run.sentences,
        "aligned_pairs": run.pairs,
        "input_errors": len(run.input_problems),
    }
