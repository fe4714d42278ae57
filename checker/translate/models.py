"""Where the model for a language pair lives, found without importing torch or transformers.

A pair (`nl-en`) is served by a Marian directory (transformers) or by a CTranslate2
directory converted from one. Both are found, in this order, through

1. the `model.<pair>` config key: a local directory, or a Hugging Face hub id looked up
   in the local HF cache only (never the network: `checker model download` fetches);
2. `model_dir`: a sub-directory named `opus-mt-<pair>` or `<pair>` (CTranslate2: with `-ct2`);
3. `<cache_dir>/models/`, where `checker model convert` writes CTranslate2 models;
4. the Opus-MT hub id `Helsinki-NLP/opus-mt-<pair>` in the local HF cache.

Every location carries a revision (the hub commit, or a digest of the directory's files)
so that the translation cache never serves translations from another model.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

DEFAULT_HUB_ID = "Helsinki-NLP/opus-mt-{pair}"
CONVERSION_RECORD = "checker-conversion.json"  # written by `checker model convert`
BACKENDS = ("auto", "transformers", "ctranslate2")
# The files a Marian model needs; weights are chosen separately (safetensors first).
MARIAN_FILES = (
    "config.json",
    "generation_config.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "vocab.json",
    "source.spm",
    "target.spm",
)


@dataclass(frozen=True)
class ModelLocation:
    """A model on disk that can serve one pair with one engine."""

    pair: str
    engine: str  # "marian" (transformers) or "ct2" (CTranslate2)
    path: Path
    model_id: str  # the hub id, or the directory name when the model is not from the hub
    revision: str  # hub commit or digest of the files

    @property
    def has_safetensors(self) -> bool:
        return any(self.path.glob("*.safetensors"))


@dataclass(frozen=True)
class MissingModel:
    pair: str
    reason: str  # one line for humans


def parse_pair(pair: str) -> tuple[str, str]:
    source, sep, target = pair.strip().lower().partition("-")
    if not sep or not source.isalpha() or not target.isalpha() or source == target:
        raise ValueError(f"not a language pair: {pair!r} (expected e.g. nl-en)")
    return source, target


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "checker"


def directory_names(pair: str, engine: str) -> tuple[str, ...]:
    suffix = "-ct2" if engine == "ct2" else ""
    return (f"opus-mt-{pair}{suffix}", f"{pair}{suffix}")


def detect_engine(path: Path) -> str | None:
    """'marian', 'ct2' or None, from the files in `path` (nothing is loaded)."""
    if (path / "model.bin").is_file() and (path / "source.spm").is_file():
        return "ct2"
    config = path / "config.json"
    if not config.is_file():
        return None
    try:
        model_type = json.loads(config.read_text(encoding="utf-8")).get("model_type")
    except (OSError, ValueError):
        return None
    # Only Marian: loading an arbitrary architecture from a config is how remote code sneaks in.
    return "marian" if model_type == "marian" else None


def directory_digest(path: Path) -> str:
    """A short digest of the files in `path`: names, sizes and contents.

    Files above 64 MiB are sampled (size plus first and last 4 MiB) so that finding the
    revision of a 300 MB model stays well under a second.
    """
    digest = hashlib.sha256()
    for file in sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")):
        size = file.stat().st_size
        digest.update(f"{file.name}\0{size}\0".encode())
        with file.open("rb") as handle:
            if size <= 64 << 20:
                digest.update(handle.read())
            else:
                digest.update(handle.read(4 << 20))
                handle.seek(size - (4 << 20))
                digest.update(handle.read())
    return digest.hexdigest()[:16]


def engine_installed(engine: str) -> bool:
    needed = ("ctranslate2", "sentencepiece") if engine == "ct2" else ("torch", "transformers", "sentencepiece")
    return all(importlib.util.find_spec(name) is not None for name in needed)


def engine_install_hint(engine: str) -> str:
    return "pip install 'checker[fast]'" if engine == "ct2" else "pip install 'checker[mt]'"


def hub_snapshot(repo_id: str) -> Path | None:
    """The local HF-cache snapshot of `repo_id`, or None; never touches the network."""
    if importlib.util.find_spec("huggingface_hub") is None:
        return None
    from huggingface_hub import constants

    # No folder for it in the cache, no snapshot: said without importing the hub client, whose
    # HTTP stack took 0.6 s of a one-release check that has no model to find.
    if not (Path(constants.HF_HUB_CACHE) / f"models--{repo_id.replace('/', '--')}").is_dir():
        return None
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import LocalEntryNotFoundError

    try:
        return Path(snapshot_download(repo_id, local_files_only=True))
    except (LocalEntryNotFoundError, OSError, ValueError):
        return None


def location_of(pair: str, path: Path, model_id: str | None = None, revision: str | None = None) -> ModelLocation | None:
    """The model in `path`, if it holds one."""
    engine = detect_engine(path)
    if engine is None:
        return None
    if engine == "ct2":
        record = conversion_record(path)
        model_id = model_id or record.get("model_id")
        revision = revision or record.get("revision")
    return ModelLocation(
        pair=pair,
        engine=engine,
        path=path,
        # The directory name, not its path: the digest already identifies the files, and
        # moving a model directory should not throw its cached translations away.
        model_id=model_id or path.resolve().name,
        revision=revision or directory_digest(path),
    )


def candidate_locations(
    pair: str,
    config: Mapping[str, str],
    *,
    model_dir: str | os.PathLike | None,
    cache_dir: str | os.PathLike | None,
) -> list[ModelLocation]:
    """Every model found for `pair`, in order of preference (config, model_dir, cache, hub cache)."""
    found: list[ModelLocation] = []
    configured = (config.get(f"model.{pair}") or "").strip()
    if configured:
        if Path(configured).expanduser().is_dir():
            location = location_of(pair, Path(configured).expanduser())
        else:
            snapshot = hub_snapshot(configured)
            location = snapshot and location_of(pair, snapshot, configured, snapshot.name)
        if location:
            found.append(location)
        # An explicit choice is not silently replaced by some other model of the pair.
        return found
    roots = [Path(model_dir).expanduser()] if model_dir else []
    roots.append(Path(cache_dir or default_cache_dir()) / "models")
    for root in roots:
        for engine in ("ct2", "marian"):
            for name in directory_names(pair, engine):
                location = (root / name).is_dir() and location_of(pair, root / name)
                if location and location.engine == engine:
                    found.append(location)
    hub_id = DEFAULT_HUB_ID.format(pair=pair)
    snapshot = hub_snapshot(hub_id)
    if snapshot is not None:
        location = location_of(pair, snapshot, hub_id, snapshot.name)
        if location:
            found.append(location)
    return found


def choose_location(
    pair: str,
    config: Mapping[str, str],
    *,
    model_dir: str | os.PathLike | None,
    cache_dir: str | os.PathLike | None,
    backend: str = "auto",
) -> ModelLocation | MissingModel:
    """The location that will serve `pair` with `backend`, or why none can."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown MT backend {backend!r} (choose from {', '.join(BACKENDS)})")
    candidates = candidate_locations(pair, config, model_dir=model_dir, cache_dir=cache_dir)
    wanted = {"auto": ("ct2", "marian"), "transformers": ("marian",), "ctranslate2": ("ct2",)}[backend]
    not_installed: list[ModelLocation] = []
    # auto prefers CTranslate2: same translations up to decoding noise, 2-3x faster, no torch.
    for engine in wanted:
        for location in candidates:
            if location.engine != engine:
                continue
            if engine_installed(engine):
                return location
            not_installed.append(location)
    if not_installed:
        location = not_installed[0]
        package = "ctranslate2" if location.engine == "ct2" else "transformers"
        return MissingModel(
            pair,
            f"the model for {pair} at {location.path} needs {package}, which is not installed: "
            f"{engine_install_hint(location.engine)}",
        )
    if candidates:
        return MissingModel(pair, f"no {backend} model for {pair} (found only {candidates[0].engine} at {candidates[0].path})")
    return MissingModel(pair, f"no model for {pair}")


def engine_settings(location: ModelLocation, num_beams: int, compute_type: str = "default") -> str:
    """The part of a cache key that names how translations were decoded (engine, quantization, beam)."""
    if location.engine != "ct2":
        return f"transformers,beam{num_beams}"
    quantization = conversion_record(location.path).get("quantization", "")
    return f"ctranslate2-{quantization or 'model'}-{compute_type},beam{num_beams}"


def conversion_record(path: Path) -> dict:
    """What `convert` wrote next to a CTranslate2 model (empty for a model converted by hand)."""
    record = path / CONVERSION_RECORD
    return json.loads(record.read_text(encoding="utf-8")) if record.is_file() else {}


def hub_id_for(pair: str, config: Mapping[str, str]) -> str:
    configured = (config.get(f"model.{pair}") or "").strip()
    if configured and not Path(configured).expanduser().is_dir():
        return configured
    return DEFAULT_HUB_ID.format(pair=pair)


def weight_files(repo_files: list[str]) -> list[str]:
    """Which weight file to fetch: safetensors when the repository has it, else the PyTorch file."""
    safetensors = [f for f in repo_files if f.endswith(".safetensors")]
    if safetensors:
        return safetensors
    return [f for f in repo_files if f == "pytorch_model.bin"]


def download(pair: str, config: Mapping[str, str], *, model_dir: str | os.PathLike | None) -> Path:
    """Fetch the Marian model for `pair` (HF cache, or `model_dir/opus-mt-<pair>`); returns its directory.

    Only the tokenizer, config and one weights file are fetched: no TensorFlow/Rust weights,
    and no code, since nothing is ever loaded with `trust_remote_code`.
    """
    from huggingface_hub import HfApi, snapshot_download
    from huggingface_hub.constants import HF_HUB_OFFLINE

    if HF_HUB_OFFLINE:
        raise RuntimeError("HF_HUB_OFFLINE is set: downloading a model needs the network")
    repo_id = hub_id_for(pair, config)
    files = HfApi().list_repo_files(repo_id)
    wanted = [f for f in files if f in MARIAN_FILES] + weight_files(files)
    local_dir = Path(model_dir).expanduser() / directory_names(pair, "marian")[0] if model_dir else None
    return Path(snapshot_download(repo_id, allow_patterns=wanted, local_dir=local_dir))


def convert(location: ModelLocation, output: Path, quantization: str = "int8") -> Path:
    """Convert a Marian model to CTranslate2 in `output`, with its tokenizer files and provenance."""
    import shutil

    from ctranslate2.converters import TransformersConverter

    if location.engine != "marian":
        raise ValueError(f"{location.path} is not a Marian model")
    TransformersConverter(str(location.path)).convert(str(output), quantization=quantization, force=True)
    for name in ("source.spm", "target.spm"):
        shutil.copyfile(location.path / name, output / name)
    config = json.loads((location.path / "config.json").read_text(encoding="utf-8"))
    record = {
        "model_id": location.model_id,
        "revision": location.revision,
        "quantization": quantization,
        "max_positions": int(config.get("max_position_embeddings") or 512),
    }
    (output / CONVERSION_RECORD).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return output
