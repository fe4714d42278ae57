"""Symbolic links in a corpus: nothing outside the checked tree is ever read or printed."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

# The corpus, the CLI runner and the no-configuration fixture of the other input-error tests.
from test_cli_input_errors import GOOD, _no_config, check  # noqa: F401  (_no_config is autouse)

SECRET = "The deploy token is 7391-SECRET-4410 and must never be printed.\n"


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_a_file_linked_out_of_the_tree_is_refused_and_never_printed(make_corpus, tmp_path: Path, fmt: str) -> None:
    secret = tmp_path / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    corpus = make_corpus({"a": {"nl": GOOD["nl"], "fr": GOOD["fr"]}, "b": dict(GOOD)})
    os.symlink(secret, corpus / "a" / "en.md")
    before = tree_bytes(corpus)
    result = check(str(corpus), "--format", fmt)
    assert result.exit_code == 2
    assert "SECRET" not in result.output and "secret.md" not in result.output
    (line,) = [l for l in result.stderr.splitlines() if "en.md" in l]
    assert "a/en.md" in line and "outside the checked tree" in line
    assert tree_bytes(corpus) == before
    if fmt == "json":
        assert json.loads(result.stdout)["summary"]["releases"] == 2  # the rest is still checked


def test_a_release_directory_linked_out_of_the_tree_is_refused(make_corpus, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    for lang in ("nl", "fr"):
        (outside / f"{lang}.md").write_text(GOOD[lang], encoding="utf-8")
    (outside / "en.md").write_text(SECRET, encoding="utf-8")
    corpus = make_corpus({"b": dict(GOOD)})
    os.symlink(outside, corpus / "a", target_is_directory=True)
    result = check(str(corpus))
    assert result.exit_code == 2
    assert "SECRET" not in result.output
    assert any("outside the checked tree" in l and l.rstrip().find("a:") >= 0 for l in result.stderr.splitlines())


def test_a_link_inside_the_tree_is_followed(make_corpus) -> None:
    corpus = make_corpus({"a": {"nl": GOOD["nl"], "fr": GOOD["fr"]}})
    (corpus / ".assets").mkdir()
    (corpus / ".assets" / "en.txt").write_text(GOOD["en"], encoding="utf-8")
    os.symlink(corpus / ".assets" / "en.txt", corpus / "a" / "en.md")
    result = check(str(corpus))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("kind", ["loop", "dangling"])
def test_a_broken_link_is_one_clear_problem(make_corpus, kind: str) -> None:
    corpus = make_corpus({"a": {"nl": GOOD["nl"], "fr": GOOD["fr"]}})
    link = corpus / "a" / "en.md"
    if kind == "loop":
        os.symlink(corpus / "a" / "loop.md", link)
        os.symlink(link, corpus / "a" / "loop.md")
    else:
        os.symlink(corpus / "a" / "missing.md", link)
    result = check(str(corpus))
    assert result.exit_code == 2
    (line,) = [l for l in result.stderr.splitlines() if "en.md" in l]
    assert "cannot be resolved" in line
