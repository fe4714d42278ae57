#!/usr/bin/env python3
"""Translation-model figures: engine throughput, `check` time with MT, aligner F1 with an MT score.

    python benchmarks/bench_mt.py                       # throughput and check (about 5 minutes on 2 cores)
    python benchmarks/bench_mt.py --part all            # and the aligner on Text+Berg (3 more minutes)
    python benchmarks/bench_mt.py --part throughput --batches 1,8,32 --threads 2
    python benchmarks/bench_mt.py --part check          # cold vs warm cache on corpora/
    python benchmarks/bench_mt.py --part align          # Text+Berg strict F1 (needs ../shared/bench/align)

Throughput: a Marian model with the real Opus-MT shape (d_model 512, 6+6 layers, 8 heads,
FFN 2048, vocabulary 58,101 as opus-mt-en-de) and random weights, run through the
production translators (`MarianTranslator`, `CT2Translator` on an int8 conversion of the
same directory), greedy, every translation exactly `--new-tokens` long, side by side in one
process. Weights do not change the cost of a forward pass, so the timing holds for real
models; the outputs are nonsense.

`check`: `python -m checker check corpora/` in a subprocess with the tiny test model, first
with an empty translation cache, then again (nothing to translate), and with `--no-model`.
The tiny random model runs every translation to its length limit, so the cold figure is a
worst case for its size; the throughput table says what a real model costs.

Align: the aligner (`checker.align`) on the Text+Berg test set (de-fr), scored by the
benchmark's own scorer. No German-French model exists here, so two stand-ins are measured:
`identity` (chrF of the German sentence itself against the French: names, numbers and
cognates only) and `simulated MT` (the French gold counterpart of each German sentence
with 40% of its words dropped and 20% replaced by other words of the document: mean chrF
0.45 against the gold counterparts, where the identity stand-in gets 0.20 and a real
Opus-MT model should do better than both; it uses the gold, so it shows what the similarity
seam can do with a mediocre model, not what a given model achieves).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "mt"))  # the model builder the tests use
sys.path.insert(0, str(REPO / "benchmarks"))

OPUS_SHAPE = dict(d_model=512, layers=6, heads=8, ffn=2048, max_positions=512, init_std=0.02)
OPUS_VOCAB = 58101

WORDS = (
    "de regering investeert miljoen euro in een nieuw partnerschap voor innovatie en onderzoek met "
    "partners uit de sector ziekenhuizen bedrijven universiteiten het project loopt drie jaar en telt "
    "werkpakketten onder coördinatie van de cluster"
).split()


def versions() -> str:
    import ctranslate2
    import torch
    import transformers

    return (
        f"python {platform.python_version()}, torch {torch.__version__}, transformers {transformers.__version__}, "
        f"ctranslate2 {ctranslate2.__version__}, {platform.machine()} {os.cpu_count()} CPUs"
    )


def source_sentences(count: int, tokenizer_dir: Path, target_tokens: int, seed: int = 0) -> tuple[list[str], float]:
    """Sentences of about `target_tokens` source pieces (</s> included), and their mean length."""
    import sentencepiece

    pieces = sentencepiece.SentencePieceProcessor(model_file=str(tokenizer_dir / "source.spm"))
    rng = random.Random(seed)
    sentences, lengths = [], []
    for _ in range(count):
        words: list[str] = []
        while len(pieces.encode(" ".join(words))) + 1 < target_tokens:
            words.append(rng.choice(WORDS))
        sentence = " ".join(words)
        sentences.append(sentence)
        lengths.append(len(pieces.encode(sentence)) + 1)
    return sentences, statistics.mean(lengths)


def throughput(args) -> None:
    from tiny_marian import build_tiny_marian

    from checker.translate.ct2 import CT2Translator
    from checker.translate.marian import MarianTranslator
    from checker.translate.models import convert, location_of

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        model_dir = build_tiny_marian(Path(tmp) / "opus-mt-nl-en", pad_vocab_to=args.vocab, **OPUS_SHAPE)
        built = time.perf_counter() - started
        marian_location = location_of("nl-en", model_dir)
        started = time.perf_counter()
        ct2_location = location_of("nl-en", convert(marian_location, Path(tmp) / "opus-mt-nl-en-ct2", "int8"))
        converted = time.perf_counter() - started
        batches = [int(b) for b in args.batches.split(",")]
        sentences, mean_tokens = source_sentences(max(batches) * 2, model_dir, args.source_tokens)
        engines = {
            "transformers fp32": MarianTranslator(marian_location, threads=args.threads, max_new_tokens=args.new_tokens),
            "ctranslate2 int8": CT2Translator(ct2_location, threads=args.threads, max_new_tokens=args.new_tokens),
        }
        print(f"# Throughput ({versions()})")
        print(
            f"model: Opus-MT shape, random weights, vocab {args.vocab}; built in {built:.1f} s, "
            f"converted to CTranslate2 int8 in {converted:.1f} s"
        )
        print(
            f"input: {mean_tokens:.1f} source tokens per sentence; output: exactly {args.new_tokens} new tokens, "
            f"greedy; threads {args.threads}; best of {args.repeats}\n"
        )
        print("| batch | engine | sentences/s | new tokens/s | speed-up |")
        print("|---|---|---|---|---|")
        for batch in batches:
            count = max(batch * 2, 8) if batch == 1 else batch * 2
            chunk = sentences[:count]
            results = {}
            for name, engine in engines.items():
                engine.batch_size = batch
                engine.translate(chunk[:batch])  # warm-up: first-call allocations
                best = min(_timed(engine.translate, chunk) for _ in range(args.repeats))
                results[name] = count / best
            base = results["transformers fp32"]
            for name, per_second in results.items():
                print(
                    f"| {batch} | {name} | {per_second:.1f} | {per_second * args.new_tokens:.0f} | "
                    f"×{per_second / base:.2f} |"
                )
        print()


def _timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def check_time(args) -> None:
    from tiny_marian import build_tiny_marian

    from checker.translate.models import convert, location_of

    corpus = REPO / "corpora"
    with tempfile.TemporaryDirectory() as tmp:
        models = Path(tmp) / "models"
        build_tiny_marian(models / "opus-mt-nl-en", "nl", "en", seed=0, corpus_dir=corpus)
        build_tiny_marian(models / "opus-mt-en-fr", "en", "fr", seed=1, corpus_dir=corpus)
        for pair in ("nl-en", "en-fr"):
            convert(location_of(pair, models / f"opus-mt-{pair}"), models / f"opus-mt-{pair}-ct2", "int8")
        env = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONPATH=str(REPO))
        base = [sys.executable, "-m", "checker", "check", str(corpus), "--format", "json"]
        runs = [("no model", [*base, "--no-model"])]
        for backend in args.check_backends.split(","):
            cache = str(Path(tmp) / f"cache-{backend}")
            command = [*base, "--model-dir", str(models), "--cache-dir", cache, "--backend", backend]
            runs += [(f"{backend}, cold cache", command), (f"{backend}, warm cache", command)]
        print(f"# `check` on corpora/ (4 releases, 466 sentences) with the tiny model ({versions()})\n")
        print("| run | wall time (s) |")
        print("|---|---|")
        for label, command in runs:
            started = time.perf_counter()
            result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
            elapsed = time.perf_counter() - started
            if result.returncode not in (0, 1):
                raise SystemExit(f"{label}: exit {result.returncode}\n{result.stderr[-2000:]}")
            print(f"| {label} | {elapsed:.1f} |")
        print()


def simulated_translations(source: list[str], target: list[str], gold: list, seed: int) -> list[str]:
    """A noisy stand-in for MT: each source sentence's gold counterpart, with words dropped and swapped."""
    rng = random.Random(seed)
    vocabulary = [w for line in target for w in line.split()] or ["x"]
    out = [""] * len(source)
    for source_ids, target_ids in gold:
        counterpart = " ".join(target[j] for j in target_ids).split()
        for i in source_ids:
            words = [w for w in counterpart if rng.random() >= 0.4]
            out[i] = " ".join(rng.choice(vocabulary) if rng.random() < 0.2 else w for w in words)
    return out


def align(args) -> None:
    from bench_align import DEFAULT_DATA, SETS, load_scorer

    from checker.align import align_sentences, cognate_similarity
    from checker.translate.similarity import mt_similarity

    data = Path(args.data) if args.data else DEFAULT_DATA
    if not data.is_dir():
        print(f"# Align: skipped, no benchmark data at {data}\n")
        return
    scorer = load_scorer(data)
    documents = list(SETS["textberg-test"][2](data))
    golds = [scorer.read_beads(gold_path) for *_, gold_path in documents]
    variants = {
        "none (lengths and anchors)": lambda s, t, g: None,
        "cognate trigrams (align.py)": lambda s, t, g: cognate_similarity(s, t),
        "MT chrF, identity 'MT'": lambda s, t, g: mt_similarity(s, t),
        "MT chrF, simulated MT": lambda s, t, g: mt_similarity(simulated_translations(s, t, g, args.seed), t),
    }
    print("# Aligner on Text+Berg test (de-fr, 7 articles), vecalign metric\n")
    print("| similarity | strict P | strict R | strict F1 | lax F1 | seconds |")
    print("|---|---|---|---|---|---|")
    for label, make in variants.items():
        predicted = []
        started = time.perf_counter()
        for (_, source, target, _), gold in zip(documents, golds):
            beads = align_sentences(source, target, similarity=make(source, target, gold))
            predicted.append([(b.source, b.target) for b in beads])
        elapsed = time.perf_counter() - started
        r = scorer.score(golds, predicted)
        print(
            f"| {label} | {r['precision_strict']:.3f} | {r['recall_strict']:.3f} | {r['f1_strict']:.3f} | "
            f"{r['f1_lax']:.3f} | {elapsed:.1f} |"
        )
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", default="throughput,check", help="comma-separated: throughput, check, align, or all")
    parser.add_argument("--batches", default="1,8,32")
    parser.add_argument("--threads", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--source-tokens", type=int, default=24)
    parser.add_argument("--new-tokens", type=int, default=40)
    parser.add_argument("--vocab", type=int, default=OPUS_VOCAB)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--check-backends", default="transformers,ctranslate2",
                        help="engines for the check part, comma-separated (the tiny model is converted for both)")
    parser.add_argument("--data", help="benchmark data folder (default ../shared/bench/align)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    parts = {p.strip() for p in args.part.split(",")}
    if "all" in parts:
        parts = {"throughput", "check", "align"}
    if "throughput" in parts:
        throughput(args)
    if "check" in parts:
        check_time(args)
    if "align" in parts:
        align(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
