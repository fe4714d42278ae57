"""The `[checker]` section of the checked repository's setup.cfg.

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
"""

from __future__ import annotations

import configparser
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from checker.records import Severity

DEFAULT_LANGUAGES = ("nl", "fr", "en")
DEFAULT_GLOSSARIES = ("glossaries/*.yaml", "glossaries/*.yml")


class ConfigError(Exception):
    """The configuration cannot be used; the message names the file and the key."""


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

    def glossary_paths(self) -> list[Path]:
        base = self.root or Path.cwd()
        paths: list[Path] = []
        for pattern in self.glossary_patterns:
            if any(ch in pattern for ch in "*?["):
                paths.extend(sorted(base.glob(pattern)))
            else:
                paths.append(base / pattern)
        return paths


def _split(value: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in value.replace("\n", ",").split(",") if item.strip())


def find_config_file(start: Path) -> Path | None:
    """The nearest setup.cfg with a [checker] section, from `start` up to the repository root."""
    start = start.resolve()
    directory = start if start.is_dir() else start.parent
    for candidate in (directory, *directory.parents):
        cfg = candidate / "setup.cfg"
        if cfg.is_file():
            parser = configparser.ConfigParser()
            try:
                parser.read(cfg, encoding="utf-8")
            except (configparser.Error, UnicodeDecodeError):
                return cfg  # let load_config report it
            if parser.has_section("checker"):
                return cfg
        if (candidate / ".git").exists():
            break
    return None


def load_config(start: Path, explicit: Path | None = None) -> Config:
    """Read the configuration that applies to `start` (a corpus path), or the defaults."""
    path = explicit or find_config_file(start)
    if path is None:
        return Config()
    parser = configparser.ConfigParser(interpolation=None)
    try:
        with open(path, encoding="utf-8") as handle:
            parser.read_file(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid UTF-8") from None
    except configparser.Error as error:
        raise ConfigError(f"{path}: {error}") from None
    if not parser.has_section("checker"):
        return Config(root=path.parent, path=path)
    settings = dict(parser.items("checker"))
    languages = _split(settings.get("languages", "")) or DEFAULT_LANGUAGES
    source = settings.get("source", "").strip() or languages[0]
    if source not in languages:
        raise ConfigError(f"{path}: [checker] source = {source} is not one of languages = {', '.join(languages)}")
    try:
        fail_on = Severity(settings.get("fail_on", "error").strip())
    except ValueError:
        raise ConfigError(f"{path}: [checker] fail_on must be error, warning or info") from None
    severities: dict[str, Severity | None] = {}
    for key, value in settings.items():
        if key.startswith("severity."):
            code = key.split(".", 1)[1].upper()
            value = value.strip().lower()
            if value == "off":
                severities[code] = None
                continue
            try:
                severities[code] = Severity(value)
            except ValueError:
                raise ConfigError(f"{path}: [checker] {key} must be error, warning, info or off") from None
    glossaries = _split(settings.get("glossaries", "")) or DEFAULT_GLOSSARIES
    return Config(
        languages=languages,
        source=source,
        glossary_patterns=glossaries,
        fail_on=fail_on,
        severities=severities,
        settings=settings,
        root=path.parent,
        path=path,
    )
