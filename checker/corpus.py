"""Finding releases on disk and reading their language versions, read-only.

A corpus is a directory of release directories (`corpora/<release-id>/<lang>.md`),
or a single release directory. Every problem with the input becomes an `InputProblem`
with a one-line message; nothing here raises on bad input and nothing is ever written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from checker.records import SourceFile

EXTENSIONS = (".md", ".txt")


@dataclass(frozen=True)
class InputProblem:
    """Something in the input that stops part of the corpus from being checked."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class ReleaseFiles:
    release: str
    directory: Path
    files: dict[str, SourceFile]  # lang -> decoded file (only the readable ones)


def display_path(path: Path, base: Path) -> str:
    """The path as the user should see it: relative to the working directory when possible."""
    # The link itself is shown, never where it points: a refused link must not print its target.
    shown = path.parent.resolve() / path.name
    for root in (Path.cwd(), base):
        try:
            return str(shown.relative_to(root.resolve()))
        except ValueError:
            continue
    return str(path)


def tree_root(path: Path) -> Path:
    """The directory no input may leave: the enclosing git work tree, else the checked path itself.

    A pull request can turn `en.md` into a symbolic link to a runner's secret; whatever it points
    at must stay inside the tree the user asked to check, or it is never opened.
    """
    start = _resolved(path) or path.absolute()
    if not start.is_dir():
        start = start.parent
    for candidate in (start, *start.parents):
        if (candidate / ".git").exists():
            return candidate
    return start


def _resolved(path: Path) -> Path | None:
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError):  # a dangling link, a loop (RuntimeError before Python 3.13)
        return None


def outside_tree(path: Path, root: Path) -> str | None:
    """Why `path` may not be read (a link out of the tree, a link loop), or None when it may."""
    if not path.is_symlink() and not any(p.is_symlink() for p in path.parents if p != p.parent):
        return None
    target = _resolved(path)
    if target is None:
        return "symbolic link that cannot be resolved (dangling or a loop); not read"
    if target != root and root not in target.parents:
        return "symbolic link pointing outside the checked tree; not read"
    return None


def _language_files(directory: Path, languages: Sequence[str]) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for lang in languages:
        for ext in EXTENSIONS:
            candidate = directory / f"{lang}{ext}"
            if candidate.is_file() or candidate.is_symlink():
                found.setdefault(lang, []).append(candidate)
    return found


def discover_releases(path: Path, languages: Sequence[str]) -> tuple[list[Path], list[InputProblem]]:
    """The release directories under `path`, sorted; or problems if there are none."""
    if not path.exists():
        return [], [InputProblem(str(path), "no such file or directory")]
    if not path.is_dir():
        return [], [InputProblem(str(path), "not a directory: pass a corpus directory or a release directory")]
    if _language_files(path, languages):
        return [path], []
    root = tree_root(path)
    releases, problems = [], []
    for directory in sorted(path.iterdir()):
        if directory.name.startswith(".") or not (directory.is_dir() or directory.is_symlink()):
            continue
        refused = outside_tree(directory, root)
        if refused:
            problems.append(InputProblem(str(directory), refused))
        elif directory.is_dir() and _language_files(directory, languages):
            releases.append(directory)
    if not releases and not problems:
        names = ", ".join(f"{lang}.md" for lang in languages)
        return [], [InputProblem(str(path), f"no release found: expected <release>/{{{names}}} files")]
    return releases, problems


def read_source_file(path: Path, shown_as: str, root: Path | None = None,
                     max_bytes: int | None = None) -> tuple[SourceFile | None, InputProblem | None]:
    """Decode one file as UTF-8 (a BOM is allowed); report, never raise, when it cannot be used.

    With `root`, a file that is (or lies under) a symbolic link leading out of `root` is refused unread;
    with `max_bytes`, so is a larger file (`max_file_size` in [checker]).
    """
    refused = outside_tree(path, root) if root is not None else None
    if refused:
        return None, InputProblem(shown_as, refused)
    if not path.is_file() and path.exists():
        return None, InputProblem(shown_as, "not a regular file")
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            return None, InputProblem(shown_as, f"file is {size} bytes, more than max_file_size = {max_bytes}; not read")
        data = path.read_bytes()
    except OSError as error:
        return None, InputProblem(shown_as, f"cannot read: {error.strerror or error}")
    if not data.strip():
        return None, InputProblem(shown_as, "file is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, InputProblem(
            shown_as,
            f"not valid UTF-8 (byte 0x{data[error.start]:02x} at line {line}); save the file as UTF-8",
        )
    if "\x00" in text:
        return None, InputProblem(shown_as, "looks like a binary file, not text")
    if not text.strip():
        return None, InputProblem(shown_as, "file is empty")
    # Offsets are kept per character; a lone CR is not a line break anywhere else in the pipeline.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceFile.from_text(shown_as, text), None


def read_release(directory: Path, languages: Sequence[str], base: Path,
                 max_bytes: int | None = None) -> tuple[ReleaseFiles, list[InputProblem]]:
    """Read every language version of one release directory (files over `max_bytes` are problems)."""
    problems: list[InputProblem] = []
    files: dict[str, SourceFile] = {}
    candidates = _language_files(directory, languages)
    shown_dir = display_path(directory, base)
    root = tree_root(base)
    for lang in languages:
        paths = candidates.get(lang, [])
        if not paths:
            problems.append(
                InputProblem(shown_dir, f"release has no {lang} version (expected {lang}.md or {lang}.txt)")
            )
            continue
        if len(paths) > 1:
            names = " and ".join(p.name for p in paths)
            problems.append(InputProblem(shown_dir, f"two {lang} versions ({names}): keep one"))
            continue
        source, problem = read_source_file(paths[0], display_path(paths[0], base), root, max_bytes)
        if problem:
            problems.append(problem)
        else:
            files[lang] = source
    return ReleaseFiles(directory.name, directory, files), problems
