"""`checker model download|convert|list` and `checker cache info|clear`: getting models and managing the translation cache."""

from __future__ import annotations

from pathlib import Path

import click

from checker.errors import CheckerGroup, InputError
from checker.translate.models import BACKENDS

# Bad input for a model or cache command: one line, exit code 2, like every input error (checker.errors).
ModelCommandError = InputError


def _settings(config_file: Path | None) -> dict[str, str]:
    from checker.config import load_config
    from checker.translate.service import settings_from_config

    return settings_from_config(load_config(Path.cwd(), config_file))  # a ConfigError: shown by the error layer


def _pairs(pairs: tuple[str, ...]) -> list[str]:
    from checker.translate.models import parse_pair

    try:
        return ["-".join(parse_pair(p)) for p in pairs]
    except ValueError as error:
        raise ModelCommandError(str(error)) from None


def _cache_dir(settings: dict[str, str], cache_dir: Path | None) -> Path:
    from checker.translate.models import default_cache_dir

    return Path(cache_dir or settings.get("cache_dir") or default_cache_dir())


config_option = click.option(
    "--config", "config_file", type=click.Path(path_type=Path, dir_okay=False), help="setup.cfg with a [checker] section."
)
model_dir_option = click.option(
    "--model-dir", type=click.Path(path_type=Path, file_okay=False), help="Directory with one model folder per language pair."
)
cache_dir_option = click.option(
    "--cache-dir", type=click.Path(path_type=Path, file_okay=False), help="Translation cache (and converted models) directory."
)


@click.group("model", cls=CheckerGroup)
def model_group() -> None:
    """Translation models: download Opus-MT models, convert them for CTranslate2, list what is available."""


@model_group.command("list")
@model_dir_option
@cache_dir_option
@click.option("--backend", type=click.Choice(BACKENDS), default="auto", show_default=True)
@config_option
def list_command(model_dir: Path | None, cache_dir: Path | None, backend: str, config_file: Path | None) -> None:
    """Show which language pairs can be translated, with which model, and how to get the missing ones."""
    from checker.translate.models import MissingModel, choose_location
    from checker.translate.service import TranslationService, configured_languages, language_pairs

    settings = _settings(config_file)
    model_dir_text = str(model_dir) if model_dir else settings.get("model_dir")
    cache_dir_text = str(_cache_dir(settings, cache_dir))
    service = TranslationService.from_config(settings, model_dir=model_dir_text, cache_dir=cache_dir_text, backend=backend)
    for source, target in language_pairs(configured_languages(settings)):
        pair = f"{source}-{target}"
        found = choose_location(pair, settings, model_dir=model_dir_text, cache_dir=cache_dir_text, backend=backend)
        if not isinstance(found, MissingModel):
            engine = "ctranslate2" if found.engine == "ct2" else "transformers"
            click.echo(f"{pair}  {engine:<12}  {found.model_id}@{found.revision}  {found.path}")
        elif service.can_translate(source, target):
            click.echo(f"{pair}  via en        {source}-en + en-{target}")
        else:
            click.echo(f"{pair}  missing       {service.missing_reason(source, target)}")


@model_group.command("download")
@click.argument("pairs", nargs=-1, required=True)
@model_dir_option
@config_option
def download_command(pairs: tuple[str, ...], model_dir: Path | None, config_file: Path | None) -> None:
    """Download the Opus-MT model of each PAIR (e.g. `nl-en en-fr`) from the Hugging Face hub.

    Without --model-dir the files go to the Hugging Face cache, where `checker check` finds
    them by hub id; only the tokenizer, the config and one weights file (safetensors when
    the repository has one) are fetched.
    """
    from checker.translate.models import download, hub_id_for

    settings = _settings(config_file)
    target_dir = model_dir or settings.get("model_dir")
    for pair in _pairs(pairs):
        click.echo(f"downloading {hub_id_for(pair, settings)} for {pair}", err=True)
        try:
            path = download(pair, settings, model_dir=target_dir)
        except Exception as error:  # network, unknown repository, offline mode: one line, exit 2
            raise ModelCommandError(f"{pair}: {type(error).__name__}: {error}") from None
        click.echo(f"{pair}  {path}")


@model_group.command("convert")
@click.argument("pairs", nargs=-1, required=True)
@click.option("--quantization", type=click.Choice(["int8", "int8_float32", "float16", "float32"]), default="int8", show_default=True)
@click.option("--output-dir", type=click.Path(path_type=Path, file_okay=False),
              help="Where the converted models go (default: --model-dir, else <cache-dir>/models).")
@model_dir_option
@cache_dir_option
@config_option
def convert_command(
    pairs: tuple[str, ...],
    quantization: str,
    output_dir: Path | None,
    model_dir: Path | None,
    cache_dir: Path | None,
    config_file: Path | None,
) -> None:
    """Convert the Marian model of each PAIR to CTranslate2 (the fast backend), next to where `check` looks."""
    from checker.translate.models import MissingModel, choose_location, convert, directory_names, engine_installed

    if not engine_installed("ct2"):
        raise ModelCommandError("converting needs ctranslate2: pip install 'checker[fast]'")
    settings = _settings(config_file)
    model_dir_text = str(model_dir) if model_dir else settings.get("model_dir")
    cache_dir_path = _cache_dir(settings, cache_dir)
    root = output_dir or (Path(model_dir_text) if model_dir_text else cache_dir_path / "models")
    for pair in _pairs(pairs):
        found = choose_location(pair, settings, model_dir=model_dir_text, cache_dir=str(cache_dir_path), backend="transformers")
        if isinstance(found, MissingModel):
            raise ModelCommandError(f"{found.reason}: run `checker model download {pair}` first")
        output = root / directory_names(pair, "ct2")[0]
        click.echo(f"converting {found.path} to {output} ({quantization})", err=True)
        convert(found, output, quantization)
        click.echo(f"{pair}  {output}")


@click.group("cache", cls=CheckerGroup)
def cache_group() -> None:
    """The translation cache: what it holds, and emptying it."""
    # The one-line help is repeated in checker.cli.LAZY_COMMANDS; the group also covers the stored
    # results of `check` (checker.result_cache), which live in the same directory.


@cache_group.command("info")
@cache_dir_option
@config_option
def cache_info_command(cache_dir: Path | None, config_file: Path | None) -> None:
    """Print the cache's path, its number of entries and its size per model."""
    from checker.translate.cache import TranslationCache

    info = TranslationCache.in_directory(_cache_dir(_settings(config_file), cache_dir)).info()
    click.echo(f"path: {info.path}")
    click.echo(f"entries: {info.entries}")
    click.echo(f"size: {_size(info.file_bytes)} on disk")
    for usage in info.models:
        click.echo(f"  {usage.model}: {usage.entries} entries, {_size(usage.text_bytes)} of text")
    from checker.encoder.cache import EmbeddingCache

    embeddings = EmbeddingCache.in_directory(_cache_dir(_settings(config_file), cache_dir)).info()
    click.echo(f"embeddings: {sum(entries for _, entries, _ in embeddings)}")
    for model, entries, vector_bytes in embeddings:
        click.echo(f"  {model}: {entries} entries, {_size(vector_bytes or 0)} of vectors")
    from checker.result_cache import ResultCache

    results = ResultCache.in_directory(_cache_dir(_settings(config_file), cache_dir)).info()
    click.echo(f"check results: {results.entries} stored, {_size(results.file_bytes)} in {results.path}")


@cache_group.command("clear")
@click.option("--model", help="Only the entries of this model (a key as `checker cache info` prints it).")
@cache_dir_option
@config_option
def cache_clear_command(model: str | None, cache_dir: Path | None, config_file: Path | None) -> None:
    """Delete cached translations and embeddings (all, or one model's) and, without --model, the stored check results."""
    from checker.result_cache import ResultCache
    from checker.translate.cache import TranslationCache

    directory = _cache_dir(_settings(config_file), cache_dir)
    cache = TranslationCache.in_directory(directory)
    deleted = cache.clear(model)
    click.echo(f"deleted {deleted} cached translation{'s' if deleted != 1 else ''} from {cache.path}")
    from checker.encoder.cache import EmbeddingCache

    embedded = EmbeddingCache.in_directory(directory).clear(model)
    click.echo(f"deleted {embedded} cached embedding{'s' if embedded != 1 else ''} from {cache.path}")
    if model is None:
        results = ResultCache.in_directory(directory)
        count = results.clear()
        click.echo(f"deleted {count} stored check result{'s' if count != 1 else ''} from {results.directory}")


def _size(count: int) -> str:
    for unit in ("B", "KiB", "MiB"):
        if count < 1024 or unit == "MiB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1024
    raise AssertionError("unreachable")
