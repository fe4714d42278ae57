"""How time and memory grow with the size of one release, whatever its shape.

    python benchmarks/bench_scaling.py                      # 0.1, 1, 5, 20 MB and 1k, 10k, 50k paragraphs
    python benchmarks/bench_scaling.py --sizes 0.1 1 --paragraphs 1000 --timeout 120

Each case is one release (nl/fr/en) written from the bundled releases' paragraphs, with every
figure shifted per copy so that the text stays distinct and the translations stay correct. It
is checked by `checker check RELEASE --no-model --format json` in a fresh process (limits raised
in a `[checker]` section written next to it, so that no input limit cuts the case short), timed
from outside; peak memory is the child's own maximum resident set. The growth factor per
tenfold is how much the time and the memory multiply when the input grows ten times: 10 is
linear.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO / "corpora"
LANGUAGES = ("nl", "fr", "en")
_FIGURE = re.compile(r"(?<![\w.,:/+-])(\d{2})(?= [^\W\d_])")

CHILD = (
    "import resource, runpy, sys\n"
    "sys.argv = ['checker'] + sys.argv[1:]\n"
    "try:\n"
    "    runpy.run_module('checker', run_name='__main__')\n"
    "except SystemExit as stop:\n"
    "    code = stop.code\n"
    "print('peak_kib', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)


def _paragraphs() -> list[dict[str, str]]:
    """Aligned paragraphs of the bundled releases: the ones with the same number of blocks."""
    out = []
    for release in sorted(p for p in CORPORA.iterdir() if p.is_dir()):
        blocks = {lang: [b for b in (release / f"{lang}.md").read_text(encoding="utf-8").split("\n\n") if b.strip()]
                  for lang in LANGUAGES}
        if len({len(b) for b in blocks.values()}) == 1:
            out += [{lang: blocks[lang][i] for lang in LANGUAGES} for i in range(len(blocks["nl"]))]
    return out


def _shift(paragraph: dict[str, str], offset: int) -> dict[str, str]:
    def shift(match: re.Match) -> str:
        return str(10 + (int(match.group(1)) - 10 + offset) % 90)

    figures = [tuple(_FIGURE.findall(text)) for text in paragraph.values()]
    if len(set(figures)) != 1:  # written differently per language: keep as is
        return paragraph
    return {lang: _FIGURE.sub(shift, text) for lang, text in paragraph.items()}


def write_release(directory: Path, *, megabytes: float | None = None, paragraphs: int | None = None,
                  one_line: bool = False) -> int:
    """One release of about `megabytes` of French, or of `paragraphs` paragraphs; returns paragraphs."""
    pool = _paragraphs()
    directory.mkdir(parents=True)
    chunks: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    size, count = 0, 0
    while (megabytes is not None and size < megabytes * 1_000_000) or (paragraphs is not None and count < paragraphs):
        paragraph = _shift(pool[count % len(pool)], count // len(pool))
        if one_line:  # many tiny paragraphs: the first sentence only
            paragraph = {lang: re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0] for lang, text in paragraph.items()}
        for lang in LANGUAGES:
            chunks[lang].append(paragraph[lang])
        size += len(paragraph["fr"].encode()) + 2
        count += 1
    for lang in LANGUAGES:
        (directory / f"{lang}.md").write_text("\n\n".join(chunks[lang]) + "\n", encoding="utf-8")
    return count


def run_case(directory: Path, timeout: float) -> dict:
    (directory.parent / "setup.cfg").write_text(
        "[checker]\nlanguages = nl, fr, en\nsource = nl\n"
        "max_file_size = 100000000\nmax_segments = 10000000\nmax_segment_length = 10000000\n",
        encoding="utf-8",
    )
    command = [sys.executable, "-c", CHILD, "check", str(directory), "--no-model", "--no-cache", "--format", "json",
               "--output", str(directory.parent / "report.json")]
    started = time.perf_counter()
    try:
        completed = subprocess.run(command, cwd=directory.parent, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"seconds": None, "peak_mib": None, "status": f"stopped after {timeout:.0f} s"}
    elapsed = time.perf_counter() - started
    peak = re.search(r"peak_kib (\d+)", completed.stderr)
    report = directory.parent / "report.json"
    status = "ok"
    if not report.exists():
        status = "failed: " + (completed.stderr.strip().splitlines() or ["no report"])[0][:80]
    else:
        summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
        status = f"{summary['sentences']} sentences, {summary['errors']} errors"
    return {"seconds": elapsed, "peak_mib": int(peak.group(1)) / 1024 if peak else None, "status": status}


def _growth(small: dict, large: dict, factor: float) -> str:
    if not small["seconds"] or not large["seconds"]:
        return "—"
    per_tenfold = lambda a, b: (b / a) ** (1 / math.log10(factor))  # noqa: E731
    time_growth = per_tenfold(small["seconds"], large["seconds"])
    memory_growth = per_tenfold(small["peak_mib"], large["peak_mib"]) if small["peak_mib"] and large["peak_mib"] else float("nan")
    return f"time ×{time_growth:.1f}, memory ×{memory_growth:.1f} per tenfold"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=float, nargs="*", default=[0.1, 1, 5, 20], help="megabytes of French")
    parser.add_argument("--paragraphs", type=int, nargs="*", default=[1000, 10000, 50000],
                        help="paragraphs (each on one line)")
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    print(f"checker scaling benchmark — python {platform.python_version()}, {platform.machine()}, no model")
    with tempfile.TemporaryDirectory() as tmp:
        for label, values, make in (("MB", args.sizes, lambda d, x: write_release(d, megabytes=x)),
                                    ("paragraphs", args.paragraphs, lambda d, x: write_release(d, paragraphs=x))):
            previous = None
            for value in values:
                case = Path(tmp) / f"{label}-{value}"
                count = make(case / "release", value)
                result = run_case(case / "release", args.timeout)
                seconds = f"{result['seconds']:.1f} s" if result["seconds"] else "—"
                memory = f"{result['peak_mib']:.0f} MiB" if result["peak_mib"] else "—"
                growth = _growth(previous[1], result, value / previous[0]) if previous else ""
                print(f"  {value:>8g} {label:10s} ({count} paragraphs): {seconds:>9s} {memory:>9s}  {result['status']}  {growth}")
                previous = (value, result) if result["seconds"] else previous


if __name__ == "__main__":
    main()
