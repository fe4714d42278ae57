"""Throughput and peak memory of a whole `checker check` run on a large generated corpus.

    python benchmarks/bench_check.py                 # 1,000 releases x 3 languages
    python benchmarks/bench_check.py --releases 200  # quicker

The corpus is made from the bundled releases, copied under new release ids with every
figure shifted consistently in all three versions, so that it is correct (no findings
expected) and no two releases are byte-identical. The check runs in a child process
(`python -m checker check … --no-model --format json`), timed from outside; its peak
resident memory comes from the kernel (`getrusage(RUSAGE_CHILDREN)`).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO / "corpora"
LANGUAGES = ("nl", "fr", "en")


_COUNT = re.compile(r"(?<![\w.,:/+-])(\d{2})(?= [^\W\d_])")


def _shift_counts(versions: dict[str, str], offset: int) -> dict[str, str]:
    """Shift the two-digit counts ("26 partners") that all versions write alike, by `offset`.

    Only numbers written as the same digits, as often, in every version are changed, so
    the generated release stays a correct translation (no findings expected).
    """
    counts = [Counter(_COUNT.findall(text)) for text in versions.values()]
    shared = {n for n in counts[0] if all(c[n] == counts[0][n] for c in counts[1:])}

    def shift(match: re.Match) -> str:
        n = match.group(1)
        return str(10 + (int(n) - 10 + offset) % 90) if n in shared else n

    return {lang: _COUNT.sub(shift, text) for lang, text in versions.items()}


def generate(root: Path, releases: int) -> int:
    sources = sorted(p for p in CORPORA.iterdir() if p.is_dir())
    files = 0
    for index in range(releases):
        template = sources[index % len(sources)]
        target = root / f"{template.name}-{index:05d}"
        target.mkdir(parents=True)
        versions = {lang: (template / f"{lang}.md").read_text(encoding="utf-8") for lang in LANGUAGES}
        for lang, text in _shift_counts(versions, index // len(sources)).items():
            (target / f"{lang}.md").write_text(text, encoding="utf-8")
            files += 1
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--releases", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="generate the corpus here and keep it")
    parser.add_argument("--encoder", action="store_true",
                        help="run as users do (the embedded sentence encoder, no --no-model), twice: "
                             "cold and then warm embedding cache")
    args = parser.parse_args()
    if args.encoder:
        return _encoder_runs(args)

    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp) / "corpus"
        started = time.perf_counter()
        files = generate(root, args.releases)
        generated = time.perf_counter() - started

        report = Path(tmp) / "report.json"
        command = [sys.executable, "-m", "checker", "check", str(root), "--no-model", "--format", "json",
                   "--output", str(report)]
        started = time.perf_counter()
        completed = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if completed.returncode == 2 or not report.exists():
            sys.exit(f"check failed ({completed.returncode}): {completed.stderr}")
        summary = json.loads(report.read_text(encoding="utf-8"))["summary"]

    sentences = summary["sentences"]
    print(f"checker check benchmark — python {platform.python_version()}, {os.cpu_count()} cores, "
          f"{platform.machine()}, no model, bundled glossaries")
    print(f"  corpus:     {args.releases} releases, {files} files, {sentences} sentences, "
          f"{summary['aligned_pairs']} aligned pairs (generated in {generated:.1f} s)")
    print(f"  wall time:  {elapsed:.1f} s  ({sentences / elapsed:,.0f} sentences/s, "
          f"{args.releases / elapsed:.1f} releases/s)")
    print(f"  peak RSS:   {peak_kib / 1024:.0f} MiB")
    print(f"  findings:   {summary['errors']} errors, {summary['warnings']} warnings, {summary['info']} info "
          f"(expected 0 on a correct corpus)")


def _encoder_runs(args) -> None:
    """The same corpus checked with the default sentence encoder: cold cache, then warm."""
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp) / "corpus"
        generate(root, args.releases)
        for label in ("cold cache", "warm cache"):
            report = Path(tmp) / "report.json"
            command = [sys.executable, "-m", "checker", "check", str(root), "--cache-dir", str(Path(tmp) / "cache"),
                       "--format", "json", "--output", str(report)]
            started = time.perf_counter()
            completed = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
            elapsed = time.perf_counter() - started
            if completed.returncode == 2 or not report.exists():
                sys.exit(f"check failed ({completed.returncode}): {completed.stderr}")
            summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
            encoder_line = next((line for line in completed.stderr.splitlines() if "sentence encoder" in line), "")
            print(f"  {label}: {args.releases} releases, {summary['sentences']} sentences, {elapsed:.1f} s "
                  f"({summary['sentences'] / elapsed:,.0f} sentences/s); {summary['errors']} errors, "
                  f"{summary['warnings']} warnings; {encoder_line}")
    print(f"  peak RSS (largest run): {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
