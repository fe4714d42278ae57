"""Helpers shared by the format tests: the CLI run as a user runs it, and a copy of the tree to
prove that nothing was written next to the input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main


@pytest.fixture(autouse=True)
def _no_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no repository setup.cfg applies


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def run_check(*args: str):
    result = CliRunner().invoke(main, ["check", "--no-model", "--no-cache", "--no-color", *args])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def findings_of(*args: str) -> tuple[dict, object]:
    result = run_check("--format", "json", *args)
    return json.loads(result.stdout), result
