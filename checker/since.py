"""`check --since REV`: the releases whose files changed since a git revision.

Read through the git command line (`git diff --name-only BASE --` for what was committed, staged
or edited since BASE, the point where this branch left REV (`git merge-base REV HEAD`; REV itself
when it is an ancestor), and `git ls-files --others --exclude-standard` for new files), so
that the answer is git's own, with its rename and ignore rules. A release is changed when one of
its files is; every release is when the run's configuration file or one of its glossaries
changed (each finding may depend on them).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence


class SinceError(Exception):
    """`--since` cannot be answered: no git, not a repository, an unknown revision."""


@dataclass(frozen=True)
class Changed:
    releases: frozenset[str]  # release ids (directory names) to check
    everything: str = ""  # why every release is checked, when a shared input changed


def _git(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=120)
    except FileNotFoundError:
        raise SinceError("--since needs git, and no `git` command was found") from None
    except subprocess.TimeoutExpired:
        raise SinceError(f"--since: git {' '.join(args)} did not answer within 120 s") from None


def _lines(output: str) -> list[str]:
    return [line for line in output.split("\0") if line]


def changed_files(path: Path, revision: str) -> list[Path]:
    """Every file under git's work tree of `path` that differs from `revision` or is new (resolved)."""
    where = path if path.is_dir() else path.parent
    top = _git(["rev-parse", "--show-toplevel"], where)
    if top.returncode != 0:
        raise SinceError(f"--since {revision}: {path} is not in a git repository")
    root = Path(top.stdout.strip())
    if revision.startswith("-") or _git(["rev-parse", "--verify", "--quiet", "--end-of-options",
                                        f"{revision}^{{commit}}"], root).returncode != 0:
        raise SinceError(f"--since {revision}: unknown revision in {root}")
    # Since where this branch left REV: on a pull request whose target branch moved on, the target's
    # newer commits are not this branch's changes. Without a common ancestor, REV itself.
    base = _git(["merge-base", revision, "HEAD"], root)
    since = base.stdout.strip() if base.returncode == 0 and base.stdout.strip() else revision
    # No rename detection: a file moved into or out of a release changes both places.
    diff = _git(["-c", "core.quotePath=false", "diff", "--name-only", "--no-renames", "-z", since, "--"], root)
    if diff.returncode != 0:
        raise SinceError(f"--since {revision}: git diff failed: {diff.stderr.strip().splitlines()[-1:] or ['?']}")
    new = _git(["ls-files", "--others", "--exclude-standard", "-z"], root)
    return [(root / name).resolve() for name in [*_lines(diff.stdout), *_lines(new.stdout)]]


def _inputs_of(release: Any) -> tuple[list[Path], Path | None]:
    """A release's own files, and the directory that is the release's alone (one per release)."""
    if isinstance(release, Path):  # a release directory
        return [], release
    files = [path for _lang, path in getattr(release, "files", ())]
    if getattr(release, "tmx", None) is not None:
        files.append(release.tmx)
    layout = getattr(release, "layout", "{release}/{lang}.{ext}")
    return files, release.directory if layout.startswith("{release}/") else None


def changed_releases(releases: Iterable[Any], files: Sequence[Path], shared: Iterable[Path] = ()) -> Changed:
    """The releases one of `files` belongs to; all of them when a file in `shared` changed.

    A release is a directory of its own (`<release>/nl.md`: any file in it counts, a deleted one
    too) or the files a flat layout names (`<release>_NL.md`, a TMX file holding several).
    """
    releases = list(releases)
    changed = set(files)
    for item in shared:
        if item.resolve() in changed:
            return Changed(frozenset(r.name for r in releases), everything=f"{item} changed")
    hit = set()
    for release in releases:
        own, directory = _inputs_of(release)
        if any(path.resolve() in changed for path in own):
            hit.add(release.name)
        elif directory is not None and any(directory.resolve() in f.parents for f in changed):
            hit.add(release.name)
    return Changed(frozenset(hit))
