"""`check --since REV`: only the releases changed since a git revision are reported, DRIFT001 still
compares every release, and git's answer comes from a real temporary repository."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from tests.conftest import write_corpus
from tests.test_parallel_check import release

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]


def git(root: Path, *args: str) -> str:
    return subprocess.run([*GIT, "-C", str(root), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    """Four committed releases; `2024-04-d` has a wrong amount that was there before (a backlog)."""
    monkeypatch.chdir(tmp_path)  # no setup.cfg: the defaults
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = tmp_path / "repo"
    write_corpus(root / "corpora", {
        "2024-01-a": release("Public Service of Wallonia"),
        "2024-02-b": release("Public Service of Wallonia"),
        "2024-03-c": release("Public Service of Wallonia"),
        "2024-04-d": release("Public Service of Wallonia", amount="€18 million"),
    })
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "releases")
    return root


def check(root: Path, *options: str):
    return CliRunner().invoke(main, ["check", str(root / "corpora"), "--no-model", "--format", "json", *options])


def reported(result) -> set[tuple[str, str]]:
    return {(f["code"], f["release"]) for f in json.loads(result.stdout)["findings"]}


def test_only_the_changed_release_is_reported_and_drift_sees_every_release(repo: Path) -> None:
    english = repo / "corpora" / "2024-02-b" / "en.md"
    english.write_text(release("Walloon Public Service", amount="€18 million")["en"], encoding="utf-8")

    everything = check(repo)
    assert {("NUM001", "2024-02-b"), ("DRIFT001", "2024-02-b"), ("NUM001", "2024-04-d")} <= reported(everything)

    since = check(repo, "--since", "HEAD")
    # DRIFT001 in 2024-02-b exists only because a, c and d render the name the other way: they were compared
    assert reported(since) == {("NUM001", "2024-02-b"), ("DRIFT001", "2024-02-b")}
    assert json.loads(since.stdout)["summary"]["releases"] == 1
    assert "checker: since HEAD: 1 of 4 releases changed" in since.stderr
    assert since.exit_code == 1


def test_committed_changes_count_from_the_revision_on(repo: Path) -> None:
    base = git(repo, "rev-parse", "HEAD").strip()
    french = repo / "corpora" / "2024-03-c" / "fr.md"
    french.write_text(french.read_text(encoding="utf-8").replace("81 millions", "18 millions"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "a wrong French amount")

    assert reported(check(repo, "--since", base)) == {("NUM001", "2024-03-c")}
    clean = check(repo, "--since", "HEAD")  # nothing changed since the last commit: nothing checked
    assert clean.exit_code == 0 and reported(clean) == set()
    assert "0 of 4 releases changed" in clean.stderr


def test_a_target_branch_that_moved_on_is_not_the_branch_s_change(repo: Path) -> None:
    git(repo, "branch", "-M", "main")
    git(repo, "checkout", "-q", "-b", "feature")
    french = repo / "corpora" / "2024-02-b" / "fr.md"
    french.write_text(french.read_text(encoding="utf-8").replace("81 millions", "18 millions"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "the branch's change")
    git(repo, "checkout", "-q", "main")
    english = repo / "corpora" / "2024-03-c" / "en.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nA sentence main added later.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "main moves on")
    git(repo, "checkout", "-q", "feature")
    result = check(repo, "--since", "main", "--select", "NUM")
    assert reported(result) == {("NUM001", "2024-02-b")}
    assert "1 of 4 releases changed" in result.stderr  # 2024-03-c differs from main, but the branch did not touch it


def test_a_new_release_not_yet_added_counts(repo: Path) -> None:
    write_corpus(repo / "corpora", {"2024-05-e": release("Public Service of Wallonia", amount="€18 million")})
    assert reported(check(repo, "--since", "HEAD", "--select", "NUM")) == {("NUM001", "2024-05-e")}


def test_a_changed_configuration_checks_every_release(repo: Path) -> None:
    (repo / "corpora" / "setup.cfg").write_text("[checker]\nfail_on = error\n", encoding="utf-8")
    result = check(repo, "--since", "HEAD", "--select", "NUM")
    assert reported(result) == {("NUM001", "2024-04-d")}
    assert "4 of 4 releases changed" in result.stderr and "setup.cfg changed" in result.stderr


def test_without_drift_the_unchanged_releases_are_not_read(repo: Path, monkeypatch) -> None:
    import checker.pipeline

    read = []
    read_release = checker.pipeline.read_release

    def spy(directory, *args, **kwargs):
        read.append(directory.name)  # a release directory, or what discovery found of a release
        return read_release(directory, *args, **kwargs)

    monkeypatch.setattr(checker.pipeline, "read_release", spy)
    (repo / "corpora" / "2024-01-a" / "nl.md").write_text(release("x")["nl"] + "\nEen zin erbij.\n", encoding="utf-8")
    check(repo, "--since", "HEAD", "--select", "NUM", "--no-cache")
    assert read == ["2024-01-a"]


def _one_error_line(result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("checker: error: --since "), lines
    return lines[0]


def test_outside_a_git_repository_is_one_line_and_exit_2(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # never find a repository above the test
    corpus = write_corpus(tmp_path / "corpora", {"2024-01-a": release("Public Service of Wallonia")})
    result = CliRunner().invoke(main, ["check", str(corpus), "--no-model", "--since", "HEAD"])
    assert "is not in a git repository" in _one_error_line(result)


@pytest.mark.parametrize("revision", ["no-such-branch", "HEAD~5", "--output=x", "0" * 40])
def test_an_unknown_revision_is_one_line_and_exit_2(repo: Path, revision: str) -> None:
    assert "unknown revision" in _one_error_line(check(repo, "--since", revision))


def test_a_flat_layout_counts_a_release_by_its_own_files(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = tmp_path / "repo"
    corpus = root / "corpora"
    corpus.mkdir(parents=True)
    for name in ("2024-01-a", "2024-02-b"):  # <release>_<LANG>.md, every release in one directory
        for lang, text in release("Public Service of Wallonia").items():
            (corpus / f"{name}_{lang.upper()}.md").write_text(text, encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "releases")
    french = corpus / "2024-02-b_FR.md"
    french.write_text(french.read_text(encoding="utf-8").replace("81 millions", "18 millions"), encoding="utf-8")
    result = check(root, "--since", "HEAD", "--select", "NUM")
    assert reported(result) == {("NUM001", "2024-02-b")}
    assert "1 of 2 releases changed" in result.stderr
