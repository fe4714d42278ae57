"""Sub-commands load when used; the command list says what each one's own help says."""

from __future__ import annotations

import importlib
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from checker.cli import LAZY_COMMANDS, main


@pytest.mark.parametrize("name", sorted(LAZY_COMMANDS))
def test_the_listed_help_is_the_commands_own(name: str) -> None:
    module, attribute, listed = LAZY_COMMANDS[name]
    command = getattr(importlib.import_module(module), attribute)
    assert command.name == name
    assert command.get_short_help_str(limit=1000) == listed


def test_help_lists_every_command_and_imports_no_sub_command_module() -> None:
    code = ("import sys; from click.testing import CliRunner; from checker.cli import main; "
            "out = CliRunner().invoke(main, ['--help']).output; "
            "print(sorted(m for m in sys.modules if m.startswith('checker.commands') or m in ('checker.align', 'numpy'))); "
            "print(out)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded, _, help_text = result.stdout.partition("\n")
    assert loaded == "[]"
    for name in ("align", "cache", "check", "checks", "explain", "glossary", "model"):
        assert f"\n  {name} " in help_text


def test_a_lazy_command_runs() -> None:
    result = CliRunner().invoke(main, ["glossary", "--help"])
    assert result.exit_code == 0 and "lint" in result.output
    assert isinstance(main.get_command(click.Context(main), "model"), click.Group)
