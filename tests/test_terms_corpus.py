"""End to end on the project corpora: clean as shipped, and one wrong term gives exactly one term error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import checker.checks.drift  # noqa: F401  (registers DRIFT001)
import checker.checks.terms  # noqa: F401  (registers TERM001-003)
from checker.config import load_config
from checker.glossary import discover_glossaries, load_glossaries
from checker.pipeline import run_check

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"

pytestmark = pytest.mark.skipif(not any(CORPORA.glob("*/nl.md")), reason="no corpora yet")


@pytest.fixture(scope="module")
def setup():
    config = load_config(ROOT)
    return config, load_glossaries(discover_glossaries(ROOT), config.languages)


def findings(root: Path, setup) -> list[tuple[str, str, int]]:
    config, glossary = setup
    run = run_check(root, config, glossary=glossary)
    return [(f.code, Path(f.file).name, f.line) for f in run.findings]


@pytest.fixture(scope="module")
def baseline(setup):
    return findings(CORPORA, setup)


def test_corpora_have_no_term_or_drift_finding(baseline):
    assert [f for f in baseline if f[0].startswith(("TERM", "DRIFT"))] == []


@pytest.mark.parametrize(
    "lang, approved, replacement, code",
    [
        ("fr", "Partenariat d'Innovation Technologique", "partenariat technologique", "TERM001"),
        ("en", "Technological Innovation Partnership", "Technology Innovation Partnership", "TERM002"),
        ("en", "MEDVIA", "Medvia", "TERM003"),
        ("fr", "lots de travail", "lots de tâches", "TERM001"),
    ],
)
def test_one_replaced_term_gives_exactly_one_term_error_at_its_line(tmp_path, setup, baseline, lang, approved,
                                                                     replacement, code):
    corpus = tmp_path / "corpora"
    shutil.copytree(CORPORA, corpus)
    target = next(p for p in sorted(corpus.glob(f"*/{lang}.md")) if approved in p.read_text(encoding="utf-8"))
    text = target.read_text(encoding="utf-8")
    line = text[: text.index(approved)].count("\n") + 1
    target.write_text(text.replace(approved, replacement, 1), encoding="utf-8")
    new = [f for f in findings(corpus, setup) if f not in baseline]
    assert new == [(code, f"{lang}.md", line)]
