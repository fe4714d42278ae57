"""Finding releases on disk and reading their language versions, read-only.

A corpus is a directory of releases in one of `LAYOUTS` (`corpora/<release-id>/<lang>.md`,
`<release>.<lang>.docx`, `<release>_<LANG>.html`, `<lang>/<release>.xlf`), or a single release
directory, or TMX files (`checker.formats.tmx`). Every problem with the input becomes an `InputProblem`
with a one-line message; nothing here raises on bad input and nothing is ever written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

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
    # What the reader did that the user should know, one line each (tracked changes accepted).
    notes: tuple[str, ...] = ()


def display_path(path: Path, base: Path) -> str:
    """The path as the user should see it: relative to the working directory when possible."""
    # The link itself is shown, never where it points: a refused link must not print its target.
    shown = path.parent.resolve() / path.name
    for root in _resolved_roots(str(Path.cwd()), str(base)):
        try:
            return str(shown.relative_to(root))
        except ValueError:
            continue
    return str(path)


@lru_cache(maxsize=8)
def _resolved_roots(cwd: str, base: str) -> tuple[Path, Path]:
    # Every file of a corpus is shown against the same two roots: resolved once, not per file.
    return Path(cwd).resolve(), Path(base).resolve()


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


# The layouts a corpus may use, tried in this order when none is configured (`layout =` in
# [checker]). `{lang}` and `{LANG}` match a configured language in either case.
LAYOUTS = ("{release}/{lang}.{ext}", "{release}.{lang}.{ext}", "{release}_{LANG}.{ext}", "{lang}/{release}.{ext}")
DIRECTORY_LAYOUT = LAYOUTS[0]
SINGLE_RELEASE = "{lang}.{ext}"  # PATH is one release directory
PLACEHOLDER = re.compile(r"(\{[A-Za-z]+\})")


@dataclass(frozen=True)
class ReleaseInput:
    """One release as discovery found it: its name and each language's file(s), not yet read."""

    name: str
    directory: Path  # the release directory, or the corpus directory for the flat layouts
    files: tuple[tuple[str, Path], ...] = ()  # (lang, path); a language twice is reported when read
    layout: str = DIRECTORY_LAYOUT
    tmx: Path | None = None  # a TMX file holding this release's units (`checker.formats.tmx`)


class Layout:
    """A layout pattern such as `{release}_{LANG}.{ext}`, matched against paths relative to the corpus."""

    def __init__(self, pattern: str, languages: Sequence[str]) -> None:
        self.pattern = pattern
        regex = ""
        for piece in PLACEHOLDER.split(pattern):
            if piece == "{release}":
                regex += r"(?P<release>[^/]+?)"
            elif piece in ("{lang}", "{LANG}"):
                regex += "(?P<lang>(?i:" + "|".join(map(re.escape, languages)) + "))"
            elif piece == "{ext}":
                regex += r"(?P<ext>[A-Za-z]+)"
            else:
                regex += re.escape(piece)
        self.regex = re.compile(regex + "$")
        self.depth = pattern.count("/") + 1

    def match(self, relative: str) -> tuple[str, str] | None:
        """(release, lang) of a relative path in this layout, or None."""
        found = self.regex.match(relative)
        return (found.group("release"), found.group("lang").lower()) if found else None

    def expected(self, release: str, lang: str, ext: str) -> str:
        name = self.pattern.replace("{release}", release).replace("{lang}", lang).replace("{LANG}", lang.upper())
        return name.replace("{ext}", ext.lstrip("."))


def validate_layout(pattern: str) -> str | None:
    """Why a configured layout cannot be used, or None (`checker.config` reports it with its line)."""
    names = PLACEHOLDER.findall(pattern)
    unknown = [n for n in names if n not in ("{release}", "{lang}", "{LANG}", "{ext}")]
    if unknown:
        return f"unknown placeholder {unknown[0]} (use {{release}}, {{lang}} or {{LANG}}, {{ext}})"
    if names.count("{release}") != 1 or names.count("{lang}") + names.count("{LANG}") != 1:
        return "needs {release} once and {lang} (or {LANG}) once, e.g. {release}_{LANG}.{ext}"
    parts = pattern.split("/")
    if pattern.startswith("/") or "\\" in pattern or any(part in ("", ".", "..") for part in parts) or len(parts) > 3:
        return "must be a relative path inside the corpus, at most three levels deep, without '..'"
    return None


def _scan(path: Path, depth: int, root: Path, problems: list[InputProblem]) -> list[tuple[str, Path]]:
    """Files under `path` down to `depth` levels whose extension a reader knows, as (relative path, path).

    Hidden names are skipped; a directory that is a link out of the tree is a problem, never entered.
    A link that cannot be resolved is kept as a file when its name says it is one (reading it
    reports it), else reported here.
    """
    from checker.formats import family_of

    found: list[tuple[str, Path]] = []
    pending = [(path, "", 1)]
    while pending:
        directory, prefix, level = pending.pop()
        try:
            entries = sorted(directory.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            relative = prefix + entry.name
            is_file_name = family_of(entry.suffix) is not None
            if entry.is_symlink() and not (is_file_name and not entry.is_dir()):
                refused = outside_tree(entry, root)
                if refused:
                    problems.append(InputProblem(str(entry), refused))
                    continue
            if entry.is_dir():
                if level < depth:
                    pending.append((entry, relative + "/", level + 1))
            elif is_file_name and (entry.is_file() or entry.is_symlink()):
                found.append((relative, entry))
    return sorted(found)


def _language_files(directory: Path, languages: Sequence[str]) -> dict[str, list[Path]]:
    """The `<lang>.<ext>` files of one release directory, per language."""
    from checker.formats import family_of

    found: dict[str, list[Path]] = {}
    try:
        entries = sorted(directory.iterdir())
    except OSError:
        return found
    wanted = {lang.lower(): lang for lang in languages}
    for candidate in entries:
        family = family_of(candidate.suffix)
        if family is None or family == "tmx" or candidate.stem.lower() not in wanted:
            continue
        if candidate.is_file() or candidate.is_symlink():
            found.setdefault(wanted[candidate.stem.lower()], []).append(candidate)
    return found


def _single_release(directory: Path, languages: Sequence[str]) -> ReleaseInput:
    files = _language_files(directory, languages)
    return ReleaseInput(directory.name, directory, tuple((lang, p) for lang in languages for p in files.get(lang, [])),
                        layout=SINGLE_RELEASE)


def discover_releases(path: Path, languages: Sequence[str], layout: str | None = None, *,
                      source_lang: str | None = None,
                      max_bytes: int | None = None) -> tuple[list[ReleaseInput], list[InputProblem]]:
    """The releases under `path`, sorted by name; or problems if there are none.

    `layout` is the configured pattern (`layout =` in [checker]); without one, the layout is the
    one of `LAYOUTS` that the files follow. A corpus whose files follow several layouts, or that
    mixes formats (DOCX and Markdown), is one problem: which file belongs to which release
    would be a guess. TMX files lie in the corpus directory itself (or are PATH): their units are
    grouped into releases by `checker.formats.tmx.release_of`, read with `source_lang` (default: the
    first language) and at most `max_bytes`.
    """
    if not path.exists() and not path.is_symlink():
        return [], [InputProblem(str(path), "no such file or directory")]
    if path.is_file() and path.suffix.lower() == ".tmx":
        return _tmx_releases([path], languages, source_lang, max_bytes, tree_root(path))
    if not path.is_dir():
        return [], [InputProblem(str(path), "not a directory: pass a corpus directory or a release directory")]
    if (layout is None or layout == DIRECTORY_LAYOUT) and _language_files(path, languages):
        return [_single_release(path, languages)], []
    root = tree_root(path)
    problems: list[InputProblem] = []
    layouts = [Layout(layout, languages)] if layout else [Layout(p, languages) for p in LAYOUTS]
    candidates = _scan(path, max(l.depth for l in layouts), root, problems)
    tmx_files = [p for relative, p in candidates if "/" not in relative and p.suffix.lower() == ".tmx"]
    candidates = [(relative, p) for relative, p in candidates if p.suffix.lower() != ".tmx"]
    matches = {l.pattern: [(relative, p, m) for relative, p in candidates if (m := l.match(relative))] for l in layouts}
    used = [pattern for pattern, found in matches.items() if found]
    if len(used) > 1:
        everything = {relative for pattern in used for relative, _p, _m in matches[pattern]}
        covering = [pattern for pattern in used if len(matches[pattern]) == len(everything)]
        if len(covering) == 1:
            used = covering
        else:
            parts = ", ".join(f"{len(matches[p])} file{'s' if len(matches[p]) != 1 else ''} as {p} (e.g. {matches[p][0][0]})"
                              for p in used)
            return [], problems + [InputProblem(str(path), f"mixes corpus layouts: {parts}; keep one layout, or name "
                                                           "it with layout = ... in [checker]")]
    matched = matches[used[0]] if used else []
    mixed = _mixed_formats([p for _r, p, _m in matched] + tmx_files)
    if mixed:
        return [], problems + [InputProblem(str(path), mixed)]
    if tmx_files:
        releases, tmx_problems = _tmx_releases(tmx_files, languages, source_lang, max_bytes, root)
        return releases, problems + tmx_problems
    if not matched:
        if problems:
            return [], problems
        names = ", ".join(f"{lang}.md" for lang in languages)
        return [], [InputProblem(str(path), f"no release found: expected <release>/{{{names}}} files "
                                            f"(or another layout: {', '.join(LAYOUTS[1:])})")]
    by_release: dict[str, list[tuple[str, Path]]] = {}
    for relative, file, (release, lang) in matched:
        by_release.setdefault(release, []).append((lang, file))
    releases = []
    for release in sorted(by_release):
        files = sorted(by_release[release], key=lambda item: (list(languages).index(item[0]), str(item[1])))
        directory = files[0][1].parent if used[0] == DIRECTORY_LAYOUT else path
        releases.append(ReleaseInput(release, directory, tuple(files), layout=used[0]))
    return releases, problems


def _mixed_formats(files: Sequence[Path]) -> str | None:
    from checker.formats import FAMILY_NAMES, family_of

    families: dict[str, list[Path]] = {}
    for file in files:
        families.setdefault(family_of(file.suffix) or "", []).append(file)
    if len(families) < 2:
        return None
    parts = ", ".join(f"{len(found)} {FAMILY_NAMES[family]} file{'s' if len(found) != 1 else ''} (e.g. {found[0].name})"
                      for family, found in sorted(families.items()))
    return f"mixes formats: {parts}; keep one format per corpus"


def _tmx_releases(files: Sequence[Path], languages: Sequence[str], source_lang: str | None,
                  max_bytes: int | None, root: Path) -> tuple[list[ReleaseInput], list[InputProblem]]:
    from checker.formats.tmx import release_names

    releases, problems = [], []
    for file in files:
        names, problem = release_names(file, languages, source_lang, max_bytes, root)
        if problem:
            problems.append(InputProblem(str(file), problem))
        releases.extend(ReleaseInput(name, file.parent, layout="tmx", tmx=file) for name in names)
    return sorted(releases, key=lambda r: r.name), problems


def read_file_bytes(path: Path, shown_as: str, root: Path | None = None,
                    max_bytes: int | None = None) -> tuple[bytes | None, InputProblem | None]:
    """The file's bytes, or why it may not be read: a link out of `root`, not a file, over `max_bytes`."""
    refused = outside_tree(path, root) if root is not None else None
    if refused:
        return None, InputProblem(shown_as, refused)
    if not path.is_file() and path.exists():
        return None, InputProblem(shown_as, "not a regular file")
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            return None, InputProblem(shown_as, f"file is {size} bytes, more than max_file_size = {max_bytes}; not read")
        return path.read_bytes(), None
    except OSError as error:
        return None, InputProblem(shown_as, f"cannot read: {error.strerror or error}")


def read_source_file(path: Path, shown_as: str, root: Path | None = None,
                     max_bytes: int | None = None) -> tuple[SourceFile | None, InputProblem | None]:
    """Decode one file as UTF-8 (a BOM is allowed); report, never raise, when it cannot be used.

    With `root`, a file that is (or lies under) a symbolic link leading out of `root` is refused unread;
    with `max_bytes`, so is a larger file (`max_file_size` in [checker]).
    """
    data, problem = read_file_bytes(path, shown_as, root, max_bytes)
    if data is None:
        return None, problem
    text, problem = decode_text(data, shown_as)
    if text is None:
        return None, problem
    return SourceFile.from_text(shown_as, text), None


def decode_text(data: bytes, shown_as: str) -> tuple[str | None, InputProblem | None]:
    """UTF-8 text with line breaks made "\n", or why the bytes are not usable text."""
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
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def read_release(release: "ReleaseInput | Path", languages: Sequence[str], base: Path,
                 max_bytes: int | None = None, *, source_lang: str | None = None,
                 limits: Any = None) -> tuple[ReleaseFiles, list[InputProblem]]:
    """Read every language version of one release (files over `max_bytes` are problems).

    `release` is what `discover_releases` found, or a release directory (`<lang>.<ext>` files).
    DOCX and HTML versions are read into blocks by `checker.formats`; an XLIFF release has one
    file per target language, the source version coming from the first of them; a TMX release
    comes from its units. `limits` (`checker.config.Limits`) bounds what a DOCX may unpack to.
    """
    from checker.config import Limits

    if isinstance(release, Path):
        release = _single_release(release, languages)
    limits = limits or Limits()
    if max_bytes is not None:
        limits = replace(limits, max_file_size=max_bytes)
    source_lang = source_lang or languages[0]
    root = tree_root(base)
    if release.tmx is not None:
        from checker.formats.tmx import read_tmx_release

        return read_tmx_release(release, languages, source_lang, base, root, limits)
    problems: list[InputProblem] = []
    files: dict[str, SourceFile] = {}
    notes: list[str] = []
    candidates: dict[str, list[Path]] = {}
    for lang, path in release.files:
        candidates.setdefault(lang, []).append(path)
    flat = release.layout not in (DIRECTORY_LAYOUT, SINGLE_RELEASE)
    shown_dir = display_path(release.directory, base)
    where = f"{shown_dir}/{release.name}" if flat else shown_dir
    from checker.formats import family_of

    family = next((family_of(p.suffix) for _lang, p in release.files), "text")
    if family == "xliff":
        from checker.formats.xliff import read_xliff_release

        return read_xliff_release(release, candidates, languages, source_lang, base, root, limits, where)
    for lang in languages:
        paths = candidates.get(lang, [])
        if not paths:
            problems.append(InputProblem(where, f"release has no {lang} version (expected {_expected(release, lang, family)})"))
            continue
        if len(paths) > 1:
            names = " and ".join(p.name for p in paths)
            problems.append(InputProblem(where, f"two {lang} versions ({names}): keep one"))
            continue
        shown = display_path(paths[0], base)
        if family == "text":
            source, problem = read_source_file(paths[0], shown, root, limits.max_file_size)
        else:
            source, problem = read_formatted(paths[0], shown, root, limits, family, notes)
        if problem:
            problems.append(problem)
        else:
            files[lang] = source
    return ReleaseFiles(release.name, release.directory, files, tuple(notes)), problems


def read_formatted(path: Path, shown: str, root: Path, limits: Any, family: str,
                   notes: list[str]) -> tuple[SourceFile | None, InputProblem | None]:
    """A DOCX or HTML version, read into blocks; a damaged file is one problem naming it."""
    from checker.formats.base import FormatError

    data, problem = read_file_bytes(path, shown, root, limits.max_file_size)
    if data is None:
        return None, problem
    try:
        if family == "docx":
            from checker.formats.docx import read_docx

            source, note = read_docx(data, shown, limits)
            if note:
                notes.append(f"{shown}: {note}")
            return source, None
        from checker.formats.html import read_html

        text, problem = decode_text(data, shown)
        if text is None:
            return None, problem
        return read_html(text, shown), None
    except FormatError as error:
        return None, InputProblem(shown, str(error))


def _expected(release: ReleaseInput, lang: str, family: str) -> str:
    """The file name(s) a missing version would have, for the message."""
    from checker.formats import FAMILIES

    extensions = [ext for ext, f in FAMILIES.items() if f == family][:2] if family != "text" else [".md", ".txt"]
    pattern = SINGLE_RELEASE if release.layout in (DIRECTORY_LAYOUT, SINGLE_RELEASE) else release.layout
    names = [Layout(pattern, [lang]).expected(release.name, lang, ext) for ext in extensions]
    return " or ".join(names)
