"""What the pipeline talks to: translate sentences from one language into another, cached.

The service knows which directions it can serve (a model per pair, or two through English),
says in one line why it cannot serve the others, and loads a model only the first time a
sentence misses the cache, so a run on an unchanged corpus imports neither torch nor
transformers.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Callable, ContextManager, Iterable, Iterator, Mapping, Sequence

from checker.translate.base import ProgressCallback, Translator, normalize_sentence
from checker.translate.cache import TranslationCache
from checker.translate.models import (
    ModelLocation,
    MissingModel,
    choose_location,
    default_cache_dir,
    engine_settings,
)

PIVOT_LANG = "en"


class ModelLoadError(Exception):
    """A model was found but could not be loaded (corrupt files, incompatible version)."""

# (total sentences, label) -> a context yielding the callback that advances the bar.
ProgressFactory = Callable[[int, str], ContextManager[ProgressCallback]]


@dataclass
class _Direction:
    """One direction a single model serves; the model is loaded on the first cache miss."""

    pair: str
    cache_key: str
    load: Callable[[], Translator]
    translator: Translator | None = None

    def get(self) -> Translator:
        if self.translator is None:
            self.translator = self.load()
        return self.translator


@dataclass
class TranslationStats:
    translated: int = 0  # sentences sent to a model
    cached: int = 0  # sentences answered by the cache
    loaded: list[str] = field(default_factory=list)  # models loaded in this run
    cache_problem: str | None = None  # one line when the cache could not be used


@dataclass(frozen=True)
class MissingPair:
    source_lang: str
    target_lang: str
    reason: str

    def __str__(self) -> str:
        return self.reason


class TranslationService:
    def __init__(
        self,
        directions: Mapping[str, _Direction | MissingModel],
        cache: TranslationCache | None,
        *,
        progress: ProgressFactory | None = None,
        missing_hint: str = "pass --model-dir",
    ) -> None:
        self._directions = dict(directions)
        self.cache = cache
        self.progress = progress
        self.missing_hint = missing_hint
        self.stats = TranslationStats()

    @classmethod
    def from_config(
        cls,
        config: Mapping[str, str],
        *,
        model_dir: str | None,
        cache_dir: str | None,
        backend: str = "auto",
        progress: ProgressFactory | None = None,
    ) -> "TranslationService":
        """The service for the `[checker]` config keys (see `CONFIG_KEYS`); finds models, loads none."""
        backend = config.get("mt_backend", backend) if backend == "auto" else backend
        model_dir = model_dir or config.get("model_dir") or None
        cache_dir = cache_dir or config.get("cache_dir") or str(default_cache_dir())
        options = engine_options(config)
        languages = configured_languages(config)
        if PIVOT_LANG not in languages:
            languages.append(PIVOT_LANG)  # the pivot's models serve pairs that have no model of their own
        directions: dict[str, _Direction | MissingModel] = {}
        for source, target in language_pairs(languages):
            pair = f"{source}-{target}"
            found = choose_location(pair, config, model_dir=model_dir, cache_dir=cache_dir, backend=backend)
            directions[pair] = found if isinstance(found, MissingModel) else _direction_for(found, options)
        return cls(directions, TranslationCache.in_directory(cache_dir), progress=progress)

    @classmethod
    def from_translators(
        cls, translators: Iterable[Translator], cache: TranslationCache | None = None, **kwargs
    ) -> "TranslationService":
        """A service over translators already built (tests, benchmarks, other engines)."""
        directions = {
            t.direction: _Direction(t.direction, t.cache_key, load=lambda t=t: t, translator=t) for t in translators
        }
        return cls(directions, cache, **kwargs)

    # -- what can be served ------------------------------------------------------------

    def _served(self, pair: str) -> _Direction | None:
        found = self._directions.get(pair)
        return found if isinstance(found, _Direction) else None

    def route(self, source_lang: str, target_lang: str) -> list[_Direction] | None:
        """The model(s) a translation goes through: direct, else through English."""
        direct = self._served(f"{source_lang}-{target_lang}")
        if direct is not None:
            return [direct]
        if PIVOT_LANG not in (source_lang, target_lang):
            legs = [self._served(f"{source_lang}-{PIVOT_LANG}"), self._served(f"{PIVOT_LANG}-{target_lang}")]
            if all(legs):
                return legs  # type: ignore[return-value]
        return None

    def can_translate(self, source_lang: str, target_lang: str) -> bool:
        return source_lang == target_lang or self.route(source_lang, target_lang) is not None

    def available_pairs(self, source_lang: str, target_langs: Sequence[str]) -> list[tuple[str, str]]:
        return [(source_lang, t) for t in target_langs if t != source_lang and self.can_translate(source_lang, t)]

    def missing(self, source_lang: str, target_langs: Sequence[str]) -> list[MissingPair]:
        """The pairs that cannot be served, each with one line saying how to get a model."""
        return [
            MissingPair(source_lang, t, self.missing_reason(source_lang, t))
            for t in target_langs
            if not self.can_translate(source_lang, t)
        ]

    def missing_reason(self, source_lang: str, target_lang: str) -> str:
        pair = f"{source_lang}-{target_lang}"
        if PIVOT_LANG in (source_lang, target_lang):
            needed = [pair]
        else:
            # A direct Opus-MT model does not exist for every pair; the English ones do.
            needed = [p for p in (f"{source_lang}-{PIVOT_LANG}", f"{PIVOT_LANG}-{target_lang}") if not self._served(p)]
        explained = [
            d.reason for p in needed if isinstance(d := self._directions.get(p), MissingModel) and d.reason != f"no model for {p}"
        ]
        hint = f"run `checker model download {' '.join(needed)}` or {self.missing_hint}"
        return f"no model for {pair}: " + "; ".join([*explained, hint])

    # -- translating ---------------------------------------------------------------------

    def translate(self, sentences: Sequence[str], source_lang: str, target_lang: str) -> list[str] | None:
        """Machine translations of `sentences`, in order; None when no model serves the pair."""
        if source_lang == target_lang:
            return list(sentences)
        route = self.route(source_lang, target_lang)
        if route is None:
            return None
        texts = [normalize_sentence(s) for s in sentences]
        for direction in route:
            try:
                texts = self._translate_with(direction, texts)
            except ModelLoadError as error:
                # A broken model is reported like a missing one: the checks that need no model still run.
                self._directions[direction.pair] = MissingModel(direction.pair, str(error))
                return None
        return texts

    def _translate_with(self, direction: _Direction, texts: list[str]) -> list[str]:
        unique = [t for t in dict.fromkeys(texts) if t]
        known = self._cached(direction, unique)
        todo = [t for t in unique if t not in known]
        self.stats.cached += len(unique) - len(todo)
        if todo:
            try:
                translator = direction.get()
            except Exception as error:  # transformers and CTranslate2 raise many types on bad files
                detail = f"{type(error).__name__}: {error}".splitlines()[0]
                raise ModelLoadError(f"the model for {direction.pair} could not be loaded ({detail})") from error
            if direction.cache_key not in self.stats.loaded:
                self.stats.loaded.append(direction.cache_key)
            with self._progress(len(todo), f"translating {direction.pair}") as advance:
                fresh = translator.translate(todo, progress=advance)
            new = dict(zip(todo, fresh))
            self._store(direction, new)
            known.update(new)
            self.stats.translated += len(todo)
        return [known.get(t, "") for t in texts]

    def _cached(self, direction: _Direction, sentences: list[str]) -> dict[str, str]:
        if self.cache is None:
            return {}
        try:
            return self.cache.get_many(direction.cache_key, direction.pair, sentences)
        except (sqlite3.Error, OSError) as error:
            self._drop_cache(error)
            return {}

    def _store(self, direction: _Direction, translations: dict[str, str]) -> None:
        if self.cache is None:
            return
        try:
            self.cache.put_many(direction.cache_key, direction.pair, translations)
        except (sqlite3.Error, OSError) as error:
            self._drop_cache(error)

    def _drop_cache(self, error: Exception) -> None:
        # An unusable cache (read-only disk, corrupt file) costs speed, never the run.
        self.stats.cache_problem = f"translation cache {self.cache.path} not used: {error}"
        self.cache = None

    def _progress(self, total: int, label: str) -> ContextManager[ProgressCallback | None]:
        if self.progress is None:
            return nullcontext(None)
        return self.progress(total, label)


def configured_languages(settings: Mapping[str, str]) -> list[str]:
    """The `languages` setting as a list (default nl, fr, en)."""
    return [lang.strip() for lang in settings.get("languages", "nl, fr, en").split(",") if lang.strip()]


def language_pairs(languages: Sequence[str]) -> list[tuple[str, str]]:
    """Every translation direction between the languages, in a stable order."""
    return [(source, target) for source in languages for target in languages if source != target]


def settings_from_config(config) -> dict[str, str]:
    """The `[checker]` keys of a `checker.config.Config` with paths made relative to its setup.cfg."""
    from pathlib import Path

    settings = dict(config.settings)
    settings.setdefault("languages", ", ".join(config.languages))
    base = config.root or Path.cwd()
    for key, value in list(settings.items()):
        if key in ("model_dir", "cache_dir") or key.startswith("model."):
            path = Path(value.strip()).expanduser()
            # `model.<pair>` may also be a hub id (`Helsinki-NLP/opus-mt-nl-en`): only existing directories are paths.
            if not path.is_absolute() and (key in ("model_dir", "cache_dir") or (base / path).is_dir()):
                settings[key] = str(base / path)
    return settings


def engine_options(config: Mapping[str, str]) -> dict[str, int | None]:
    def number(key: str) -> int | None:
        value = (config.get(key) or "").strip()
        return int(value) if value else None

    return {"num_beams": number("mt_beam") or 1, "batch_size": number("mt_batch_size"), "threads": number("mt_threads")}


def _direction_for(location: ModelLocation, options: Mapping[str, int | None]) -> _Direction:
    num_beams = int(options.get("num_beams") or 1)
    cache_key = f"{location.model_id}@{location.revision}#{engine_settings(location, num_beams)}"

    def load() -> Translator:
        kwargs = {k: v for k, v in options.items() if v is not None}
        if location.engine == "ct2":
            from checker.translate.ct2 import CT2Translator

            translator: Translator = CT2Translator(location, **kwargs)
        else:
            from checker.translate.marian import MarianTranslator

            translator = MarianTranslator(location, **kwargs)
        if translator.cache_key != cache_key:
            raise AssertionError(f"cache key drift: {translator.cache_key} != {cache_key}")
        return translator

    return _Direction(location.pair, cache_key, load)


@contextmanager
def terminal_progress(total: int, label: str, *, minimum: int = 32) -> Iterator[ProgressCallback | None]:
    """A progress bar on stderr for long runs; nothing when stderr is not a terminal (CI logs)."""
    import sys

    import click

    if total < minimum or not sys.stderr.isatty() or os.environ.get("CI"):
        yield None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        yield bar.update


CONFIG_KEYS = {
    "model.<src>-<tgt>": "local Marian/CTranslate2 directory, or a hub id looked up in the local HF cache",
    "model_dir": "directory with one sub-directory per pair: opus-mt-nl-en or nl-en (-ct2 for CTranslate2)",
    "cache_dir": "translation cache and converted models (default $XDG_CACHE_HOME/checker or ~/.cache/checker)",
    "mt_backend": "auto (CTranslate2 when converted and installed, else transformers), transformers or ctranslate2",
    "mt_beam": "beam size (default 1, greedy)",
    "mt_batch_size": "sentences per batch (default 16 transformers, 32 CTranslate2)",
    "mt_threads": "CPU threads (default: the CPUs this process may use)",
    "languages": "languages to find models between (default nl, fr, en)",
}
