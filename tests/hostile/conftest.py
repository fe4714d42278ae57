"""Hostile input, run as a user would: the real CLI in a subprocess, with a hang detector.

Every case builds its own repository (a corpus, maybe a setup.cfg and a glossary), runs
`python -m checker ...` with a generous timeout (a hang fails the test, no timing is asserted),
and checks the exit code, the one-line message, that no traceback was printed and that the
tree is byte for byte what it was before.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from tests.conftest import write_file

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 120  # seconds: a hang detector, far above what any case needs

GOOD = {
    "nl": "# Titel\n\nHet project telt 26 partners.\n",
    "fr": "# Titre\n\nLe projet compte 26 partenaires.\n",
    "en": "# Title\n\nThe project has 26 partners.\n",
}


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str

    @property
    def errors(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("checker: error:")]


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink()}


class Repository:
    """A throw-away repository (it has a .git marker, so nothing above it is configuration)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / ".git").mkdir(parents=True)
        self.corpus = root / "corpus"
        self.release("a", GOOD)

    def release(self, name: str, versions: dict[str, str]) -> Path:
        directory = self.corpus / name
        directory.mkdir(parents=True, exist_ok=True)
        for lang, text in versions.items():
            (directory / f"{lang}.md").write_text(text, encoding="utf-8")
        return directory

    def config(self, body: str) -> Path:
        path = self.root / "setup.cfg"
        path.write_text(f"[checker]\n{body}\n", encoding="utf-8")
        return path

    def write(self, relative: str, content: str | bytes) -> Path:
        return write_file(self.root / relative, content)

    def run(self, *args: str, stdout: int | None = None) -> Result:
        """`checker ARGS` in the repository; the tree must be unchanged afterwards."""
        before = tree_bytes(self.root)
        env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONPATH": str(REPO),
               "XDG_CACHE_HOME": str(self.root.parent / "cache")}
        completed = subprocess.run(
            [sys.executable, "-m", "checker", *args], cwd=self.root, env=env, timeout=TIMEOUT,
            stdout=stdout if stdout is not None else subprocess.PIPE, stderr=subprocess.PIPE,
        )
        result = Result(completed.returncode,
                        completed.stdout.decode("utf-8", "replace") if completed.stdout else "",
                        completed.stderr.decode("utf-8", "replace"))
        assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, result.stderr
        assert result.returncode in (0, 1, 2), result  # never a crash (139), never an interpreter error
        assert tree_bytes(self.root) == before, "the run changed the repository"
        return result


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    return Repository(tmp_path / "repo")


@pytest.fixture
def one_error() -> Callable[[Result, str], str]:
    """Assert exit code 2 and exactly one error line containing `expected`; return that line."""

    def check(result: Result, expected: str) -> str:
        assert result.returncode == 2, result
        assert len(result.errors) == 1, result.stderr
        assert expected in result.errors[0], result.errors[0]
        return result.errors[0]

    return check
