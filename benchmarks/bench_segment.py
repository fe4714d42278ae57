#!/usr/bin/env python3
"""Benchmark parsing and sentence segmentation on the bundled corpora (our own press releases).

Prints, with the settings that produced them:

- sentences/s of `split_sentences` on the blocks' text (segmentation alone), and of
  plain, unpatched pysbd (`char_span=True`, one call per line) on the same lines;
- whether our speed-up of pysbd's abbreviation pass changed any sentence (it must not);
- how many lines take the fast path (no possible boundary, pysbd not called);
- documents/s and sentences/s of `build_document` (parsing + segmentation).

    python benchmarks/bench_segment.py               # corpora/ of this repository
    python benchmarks/bench_segment.py --repeat 20 --corpus path/to/corpora
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import pysbd  # noqa: E402
from pysbd.abbreviation_replacer import AbbreviationReplacer  # noqa: E402

from checker import segment  # noqa: E402
from checker.markdown import parse_blocks  # noqa: E402
from checker.records import SourceFile  # noqa: E402
from checker.segment import build_document, split_sentences  # noqa: E402


def corpus_files(root: Path) -> list[tuple[str, str, SourceFile]]:
    """(release, lang, source) for every `<release>/<lang>.md|txt` under `root`."""
    files = []
    for path in sorted(root.glob("*/*")):
        if path.suffix in (".md", ".txt"):
            files.append((path.parent.name, path.stem, SourceFile.from_text(str(path), path.read_text(encoding="utf-8"))))
    return files


@contextmanager
def unpatched_pysbd() -> Iterator[None]:
    """pysbd's abbreviation pass as released, without our present-abbreviations filter."""
    patched = AbbreviationReplacer.search_for_abbreviations_in_string
    AbbreviationReplacer.search_for_abbreviations_in_string = segment._search_all_abbreviations
    try:
        yield
    finally:
        AbbreviationReplacer.search_for_abbreviations_in_string = patched


def best_of(runs: int, work: Callable[[], int]) -> tuple[float, int]:
    """Best wall time over `runs` calls of `work`, and what it returned (a count)."""
    best, count = float("inf"), 0
    for _ in range(runs):
        start = time.perf_counter()
        count = work()
        best = min(best, time.perf_counter() - start)
    return best, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO / "corpora")
    parser.add_argument("--repeat", type=int, default=10, help="passes over the corpus per timed run")
    parser.add_argument("--runs", type=int, default=3, help="timed runs; the best is reported")
    args = parser.parse_args()

    files = corpus_files(args.corpus)
    if not files:
        sys.exit(f"no <release>/<lang>.md|txt files under {args.corpus}")
    # (lang, line) pairs: the unit both segmenters see.
    lines = [
        (lang, line)
        for _, lang, source in files
        for block in parse_blocks(source)
        for line in block.text.split("\n")
        if line.strip()
    ]
    fast = sum(
        1 for lang, line in lines if not segment._POSSIBLE_BOUNDARY.search(segment.mask_abbreviations(line, lang))
    )

    def ours() -> int:
        return sum(len(split_sentences(line, lang)) for _ in range(args.repeat) for lang, line in lines)

    plain = {lang: pysbd.Segmenter(language=lang, char_span=True) for lang in {lang for lang, _ in lines}}

    def pysbd_only() -> int:
        return sum(len(plain[lang].segment(line)) for _ in range(args.repeat) for lang, line in lines)

    def documents() -> int:
        return sum(
            len(build_document(release, lang, source).segments)
            for _ in range(args.repeat)
            for release, lang, source in files
        )

    ours_s, ours_n = best_of(args.runs, ours)
    with unpatched_pysbd():
        pysbd_s, pysbd_n = best_of(args.runs, pysbd_only)
        unpatched = [split_sentences(line, lang) for lang, line in lines]
    changed = sum(split_sentences(line, lang) != spans for (lang, line), spans in zip(lines, unpatched))
    docs_s, docs_n = best_of(args.runs, documents)
    n_docs = len(files) * args.repeat

    print(
        f"settings: python {platform.python_version()}, pysbd {pysbd.__version__}, {os.cpu_count()} CPUs, "
        f"corpus {args.corpus.name}/ ({len(files)} files, {len(lines)} lines, "
        f"{sum(len(s.text) for _, _, s in files):,} chars), repeat {args.repeat}, best of {args.runs}"
    )
    print(f"abbreviation filter: {changed} of {len(lines)} lines split differently than with pysbd as released")
    print(f"fast path: {fast}/{len(lines)} lines ({fast / len(lines):.0%}) skip pysbd")
    print(f"split_sentences : {ours_n / args.repeat:6.0f} sentences/pass  {ours_n / ours_s:9,.0f} sentences/s")
    print(f"pysbd as is     : {pysbd_n / args.repeat:6.0f} sentences/pass  {pysbd_n / pysbd_s:9,.0f} sentences/s")
    print(
        f"build_document  : {docs_n / args.repeat:6.0f} sentences/pass  {docs_n / docs_s:9,.0f} sentences/s  "
        f"{n_docs / docs_s:7,.1f} documents/s  {1000 * docs_s / n_docs:.2f} ms/document"
    )


if __name__ == "__main__":
    main()
