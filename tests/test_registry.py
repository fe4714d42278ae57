"""Every check is documented in the ruff shape and listed by `checker checks` / `checker explain`."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from checker.checks.registry import CATEGORIES, REGISTRY, all_checks, check
from checker.cli import main

SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead")


def test_codes_are_unique_and_well_formed() -> None:
    codes = [spec.code for spec in all_checks()]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{3,5}[0-9]{3}", code) for code in codes)


@pytest.mark.parametrize("spec", all_checks(), ids=lambda spec: spec.code)
def test_each_check_documents_itself(spec) -> None:
    assert spec.category in CATEGORIES
    for section in SECTIONS:
        assert section in spec.documentation, f"{spec.code} lacks {section}"


def test_registering_a_code_twice_is_refused() -> None:
    code = all_checks()[0].code
    with pytest.raises(ValueError, match="duplicate"):
        check(code, "again", "number", "error")(lambda ctx: iter(()))


def test_checks_command_lists_every_check() -> None:
    result = CliRunner().invoke(main, ["checks"])
    assert result.exit_code == 0
    for code, spec in REGISTRY.items():
        assert f"{code}  {spec.category}" in result.stdout


def test_explain_prints_the_documentation() -> None:
    result = CliRunner().invoke(main, ["explain", "num001"])
    assert result.exit_code == 0
    assert "NUM001 (number-mismatch)" in result.stdout and "## Use instead" in result.stdout
    unknown = CliRunner().invoke(main, ["explain", "XYZ999"])
    assert unknown.exit_code == 2 and "unknown check" in unknown.stderr
