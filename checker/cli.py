"""Command-line interface: wires the pipeline stages together and owns the exit codes."""

from __future__ import annotations

import click

from checker import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="checker")
def main() -> None:
    """Translation-consistency checker for NL/FR/EN press releases."""


# Sub-command groups that live in their own modules are registered below, one line each.
