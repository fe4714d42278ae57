"""SUP001: an inline suppression comment that silences nothing (judged in `checker.suppress`)."""

from __future__ import annotations

from typing import Iterator

from checker.checks.registry import check
from checker.records import Problem
from checker.suppress import UNUSED_CATEGORY, UNUSED_CODE


@check(UNUSED_CODE, "unused-suppression", UNUSED_CATEGORY, "warning", scope="run")
def unused_suppression(_run: object) -> Iterator[Problem]:
    """An inline `checker: ignore` or `checker: disable` comment silences no finding.

    ## What it does
    Reports a suppression comment under which the checks it names found nothing: the finding
    it was written for was fixed, or the sentence moved away from the comment. It is judged
    only when every check the comment names ran in this run (not one skipped for want of a
    model or a glossary) and none of them compares releases (DRIFT001); a comment without
    codes only when every selected check ran. `severity.SUP001 = off` turns it off.

    ## Why is this bad?
    A stale comment silently swallows the next, unrelated finding on its line: the gate
    stays green on a new mistake.

    ## Example
    ```
    <!-- checker: ignore NUM001 -->
    Le projet compte 26 partenaires.
    ```
    (the version that said 25 was corrected)

    ## Use instead
    ```
    Le projet compte 26 partenaires.
    ```
    """
    # The comments are judged by `checker.suppress.settle_unused` from what the release step
    # silenced; this function only carries the check's registration and documentation.
    return iter(())
