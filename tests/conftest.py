"""Shared fixtures: small corpora written by the tests themselves."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPO = Path(__file__).resolve().parent.parent


def write_file(path: Path, content: str | bytes) -> Path:
    """Write text (UTF-8) or bytes to `path`, making its folders; return `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def write_corpus(root: Path, releases: dict[str, dict[str, str]]) -> Path:
    """Write `{release: {lang: markdown}}` under `root` and return `root`."""
    for release, versions in releases.items():
        directory = root / release
        directory.mkdir(parents=True, exist_ok=True)
        for lang, text in versions.items():
            (directory / f"{lang}.md").write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def make_corpus(tmp_path: Path) -> Callable[[dict[str, dict[str, str]]], Path]:
    def make(releases: dict[str, dict[str, str]]) -> Path:
        return write_corpus(tmp_path / "corpus", releases)

    return make
