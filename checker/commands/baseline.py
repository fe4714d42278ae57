"""`checker baseline write`: accept today's findings, so that `check --baseline` fails on new ones only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from checker.errors import CheckerGroup

# The options of `check` that only shape its report or exit code; everything else that decides
# which findings a run has (languages, glossaries, checks, models) is taken over unchanged.
_REPORT_ONLY = ("path", "output_format", "output", "fail_on", "color", "baseline_file", "write_baseline")


@click.group("baseline", cls=CheckerGroup)
def baseline_group() -> None:
    """Accepted findings: write a baseline so that `check --baseline` reports only new ones."""


def _check_command() -> click.Command:
    from checker.cli import check_command

    return check_command


def _write(ctx: click.Context, path: Path, output: Path, **options: Any) -> None:
    """Run `check` with the same options and write its findings as the baseline (exit 0)."""
    ctx.invoke(_check_command(), path=path, write_baseline=output, **options)


write_command = click.Command(
    "write",
    callback=click.pass_context(_write),
    help=("Write the fingerprints of the findings under PATH (default: .) to a sorted, reviewable JSON file.\n\n"
          "A fingerprint is the release, the languages, the code, the normalised source and target "
          "sentences and the values involved, never the line: it survives edits elsewhere and moved "
          "lines, and breaks when the flagged text changes. Takes the options of `checker check` that "
          "decide which findings there are."),
    params=[
        click.Argument(["path"], required=False, default=Path("."), type=click.Path(path_type=Path)),
        click.Option(["--output", "-o"], type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
                     default=Path(".checker-baseline.json"), show_default=True, help="The baseline file to write."),
        *(param for param in _check_command().params if param.name not in _REPORT_ONLY),
    ],
)
baseline_group.add_command(write_command)
