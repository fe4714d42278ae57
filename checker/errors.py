"""The one error layer of the command line: exit codes, and how a problem is shown.

Every command raises; nothing but this module prints a problem or picks exit code 2.
A problem is one line on standard error, `checker: error: <what>`: a usage mistake, a
setting that cannot be used (`ConfigError`), a glossary that cannot be loaded
(`GlossaryError`), a report that cannot be written. Per-file input problems of a check
run use the same line (`echo_error`), so every message of the checker reads alike.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2  # the run could not be completed as asked: usage, configuration, unreadable input


class InputError(click.ClickException):
    """Bad input, option or configuration: one clear line, exit code 2 (click's own default is 1)."""

    exit_code = EXIT_INPUT

    def show(self, file: Any = None) -> None:
        echo_error(self.format_message())


def echo_error(message: str) -> None:
    click.echo(f"checker: error: {message}", err=True)


def echo_warning(message: str) -> None:
    click.echo(f"checker: warning: {message}", err=True)


def write_output(path: Path, text: str, option: str) -> None:
    """Write a report, baseline or glossary the user asked for; a failure is one line, exit 2."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(f"{option} {path}: {error.strerror or error}") from None


def _domain_errors() -> tuple[type[Exception], ...]:
    # Imported late: the CLI's start-up stays light, and these modules never import click.
    from checker.config import ConfigError
    from checker.glossary.entries import GlossaryError

    return ConfigError, GlossaryError


_WRITE_ERRORS = frozenset({errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG})


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (a test runner's buffer)
        pass


def _write_failed(error: OSError) -> NoReturn:
    """A report that could not be written: a closed pipe (`| head`) is quiet, anything else one line."""
    _silence_stdout()
    if isinstance(error, BrokenPipeError) or error.errno == errno.EPIPE:
        sys.exit(EXIT_INPUT)
    where = error.filename or "standard output"  # a file only when a stage forgot to report its own
    echo_error(f"cannot write to {where}: {error.strerror or error}")
    sys.exit(EXIT_INPUT)


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except OSError as error:
        _write_failed(error)


class CheckerGroup(click.Group):
    """A click group whose errors all go through this module: one line each, exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except _domain_errors() as error:
            raise InputError(str(error)) from None

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as error:
            # click prints usage, a hint and the message on four lines; one is enough to act on.
            hint = f" (see '{error.ctx.command_path} --help')" if error.ctx is not None else ""
            echo_error(f"{error.format_message()}{hint}")
            sys.exit(EXIT_INPUT)
        except click.ClickException as error:
            error.show()
            sys.exit(error.exit_code)
        except click.exceptions.Abort:
            echo_error("interrupted")
            sys.exit(130)
        except OSError as error:
            # click itself quiets a closed pipe; a full disk or an I/O error while printing lands here.
            if error.errno in _WRITE_ERRORS:
                _write_failed(error)
            raise
        except SystemExit as done:
            _flush_stdout()
            raise done
        _flush_stdout()
        sys.exit(result if isinstance(result, int) else EXIT_CLEAN)
