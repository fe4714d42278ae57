"""`checker check` imports what the run uses: simplemma only when a check needs a lemma."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

# In this process and computed (no stored result answers for the checks), so that the imports show.
_RUN = ("import sys; from click.testing import CliRunner; from checker.cli import main; "
        "CliRunner().invoke(main, ['check', sys.argv[1], '--no-model', '--no-cache', '--jobs', '1']); "
        "print('simplemma' in sys.modules)")


def _loads_simplemma(path: Path) -> bool:
    result = subprocess.run([sys.executable, "-c", _RUN, str(path)], capture_output=True, text=True, check=True, cwd=REPO)
    return result.stdout.strip() == "True"


def test_one_correct_release_does_not_import_simplemma() -> None:
    # One release: no DRIFT001 mining; every glossary term found by the matcher: no lemma asked.
    assert not _loads_simplemma(REPO / "corpora" / "2024-01-17-atmp-pit")


def test_drift_over_several_releases_does_import_it() -> None:
    assert _loads_simplemma(REPO / "corpora")
