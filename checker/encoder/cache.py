"""Embeddings in the translation cache's SQLite file, keyed by model name + version, language and text.

Same file, same rules as `checker.translate.cache`: WAL and a busy timeout so that two runs
can share it, inserts only, so a race costs one duplicate embedding, never a wrong one.
A second run on an unchanged corpus then embeds nothing. Vectors are stored as raw float32
bytes; a row whose size does not match is treated as a miss (a damaged or foreign entry).
"""

from __future__ import annotations

import time
from typing import Mapping, Sequence

import numpy as np

from checker.translate.cache import SqliteStore

_SCHEMA = """
CREATE TABLE IF NOT EXISTS embedding (
    model TEXT NOT NULL,        -- SentenceEncoder.cache_key: name @ version
    lang TEXT NOT NULL,
    text TEXT NOT NULL,         -- normalised sentence
    vector BLOB NOT NULL,       -- float32, native byte order
    created REAL NOT NULL,
    PRIMARY KEY (model, lang, text)
) WITHOUT ROWID
"""
_CHUNK = 500  # stays below SQLite's limit on bound parameters


class EmbeddingCache(SqliteStore):
    schema = _SCHEMA
    table = "embedding"

    def get_many(self, model: str, lang: str, texts: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        unique = list(dict.fromkeys(texts))
        with self._connect() as connection:
            for start in range(0, len(unique), _CHUNK):
                chunk = unique[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT text, vector FROM embedding WHERE model = ? AND lang = ? AND text IN ({marks})",
                    (model, lang, *chunk))
                for text, blob in rows:
                    if blob and len(blob) % 4 == 0:
                        found[text] = np.frombuffer(blob, dtype=np.float32).copy()
        return found

    def put_many(self, model: str, lang: str, vectors: Mapping[str, np.ndarray]) -> None:
        if not vectors:
            return
        now = time.time()
        rows = [(model, lang, text, np.asarray(v, dtype=np.float32).tobytes(), now) for text, v in vectors.items()]
        self._insert(("model", "lang", "text", "vector", "created"), rows)

    def count(self, model: str | None = None) -> int:
        if not self.path.exists():
            return 0
        with self._connect() as connection:
            if model is None:
                return connection.execute("SELECT COUNT(*) FROM embedding").fetchone()[0]
            return connection.execute("SELECT COUNT(*) FROM embedding WHERE model = ?", (model,)).fetchone()[0]

    def info(self) -> tuple[tuple[str, int, int], ...]:
        """(model, entries, vector bytes) per encoder, for `checker cache info`."""
        if not self.path.exists():
            return ()
        with self._connect() as connection:
            return tuple(connection.execute(
                "SELECT model, COUNT(*), SUM(LENGTH(vector)) FROM embedding GROUP BY model ORDER BY model").fetchall())
