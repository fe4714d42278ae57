"""Wall time, throughput and peak memory of whole `checker check` runs on generated corpora.

    python benchmarks/bench_check.py                          # 10, 100, 1,000 releases; --jobs 1 and 2
    python benchmarks/bench_check.py --releases 100 --jobs 2  # one cell
    python benchmarks/bench_check.py --encoder                # as users run it (the embedded encoder);
                                                              # also with the embeddings cached, results not

Each corpus is written by `corpus_gen.py`: distinct releases (several phrasings, every slot and
figure drawn per release, translations right), so that the check should report nothing and
no per-sentence cache flatters it; the script prints how many of the sentences are distinct.
Every run is `python -m checker check CORPUS --format json` in a fresh process, timed from
outside (wall time, and the CPU seconds of the check and its workers with the load average
when it started: on a shared machine the wall time also says how busy the machine was), with
its own cache directory: *cold* is the first run on an empty cache, *warm* the
same command again (the result cache serves every unchanged release). Peak memory is the
checking process's own maximum resident set, and the largest worker's beside it.

With `translate-toolkit` installed (`pip install translate-toolkit`), the same paragraph pairs
(NL source, FR and EN targets) also go through `pofilter --test=numbers`, timed the same way,
and the ratio of the two is printed: pofilter only compares digit strings, so it is the floor
a user will compare a number check with.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from corpus_gen import LANGUAGES, distinct_sentences, release_texts, write_corpus  # noqa: E402

# Runs the CLI and reports the process's own peak RSS and its largest child's (the workers).
CHILD = (
    "import resource, runpy, sys\n"
    "sys.argv = ['checker'] + sys.argv[1:]\n"
    "try:\n"
    "    runpy.run_module('checker', run_name='__main__')\n"
    "except SystemExit:\n"
    "    pass\n"
    "print('peak_kib', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,\n"
    "      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
)


def run_check(corpus: Path, cache: Path, jobs: int, encoder: bool, report: Path, *, results: bool = True) -> dict:
    command = [sys.executable, "-c", CHILD, "check", str(corpus), "--format", "json", "--output", str(report),
               "--cache-dir", str(cache), "--jobs", str(jobs)]
    if not encoder:
        command.append("--no-model")
    if not results:  # every release checked again; the embeddings still come from the cache
        command.append("--no-cache")
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    # The checker of this tree, whatever is installed: the figures belong to the code beside them.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    completed = subprocess.run(command, cwd=corpus.parent, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds of the check and its workers: on a shared machine, wall time says how busy it was too.
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if completed.returncode == 2 or not report.exists():
        sys.exit(f"check failed ({completed.returncode}): {completed.stderr}")
    summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
    peak = re.search(r"peak_kib (\d+) (\d+)", completed.stderr)
    cached = re.search(r"results: (\d+) releases? checked, (\d+) from the cache", completed.stderr)
    return {"seconds": elapsed, "cpu": cpu, "load": load, "summary": summary, "main_mib": int(peak.group(1)) / 1024 if peak else 0,
            "worker_mib": int(peak.group(2)) / 1024 if peak else 0,
            "from_cache": int(cached.group(2)) if cached else 0}


def pofilter_numbers(corpus: Path, work: Path) -> tuple[float, int, int] | None:
    """Seconds `pofilter --test=numbers` takes on the corpus's paragraph pairs, units, units flagged."""
    if shutil.which("pofilter") is None:
        return None
    po_dir, out_dir = work / "po", work / "po-out"
    units = 0
    for release in sorted(p for p in corpus.iterdir() if p.is_dir()):
        paragraphs = {lang: (release / f"{lang}.md").read_text(encoding="utf-8").split("\n\n") for lang in LANGUAGES}
        for target in LANGUAGES[1:]:
            if len(paragraphs[target]) != len(paragraphs["nl"]):
                continue
            entries = [f'msgid "{_po(s)}"\nmsgstr "{_po(t)}"\n' for s, t in zip(paragraphs["nl"], paragraphs[target])]
            units += len(entries)
            path = po_dir / target / f"{release.name}.po"
            path.parent.mkdir(parents=True, exist_ok=True)
            header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            path.write_text(header + "\n".join(entries), encoding="utf-8")
    started = time.perf_counter()
    subprocess.run(["pofilter", "--progress=none", "--test=numbers", "-i", str(po_dir), "-o", str(out_dir)],
                   capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - started
    flagged = sum(text.count("(pofilter) numbers") for text in
                  (p.read_text(encoding="utf-8") for p in out_dir.rglob("*.po")))
    return elapsed, units, flagged


def _po(text: str) -> str:
    return text.strip().replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--releases", type=int, nargs="*", default=[10, 100, 1000])
    parser.add_argument("--jobs", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--encoder", action="store_true",
                        help="run as users do (the embedded sentence encoder) instead of --no-model")
    parser.add_argument("--no-pofilter", action="store_true", help="skip the pofilter comparison")
    parser.add_argument("--keep", type=Path, help="write the corpora here and keep them")
    args = parser.parse_args()

    mode = "default configuration (embedded sentence encoder)" if args.encoder else "--no-model"
    print(f"checker check benchmark — python {platform.python_version()}, {os.cpu_count()} cores, "
          f"{platform.machine()}, {mode}, bundled glossaries, generated corpora (benchmarks/corpus_gen.py)")
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        # The bundled configuration and glossary, as a repository would have them.
        largest = max(args.releases)
        for releases in sorted(args.releases):
            root = work / f"releases-{releases}"
            shutil.rmtree(root, ignore_errors=True)
            (root / "corpus").mkdir(parents=True)
            shutil.copy(REPO / "setup.cfg", root / "setup.cfg")
            shutil.copytree(REPO / "glossaries", root / "glossaries")
            files = write_corpus(root / "corpus", releases)
            sentences, distinct = distinct_sentences(root / "corpus")
            print(f"\n{releases} releases: {files} files, {sentences:,} sentences, {distinct:,} distinct "
                  f"({distinct / sentences:.0%})")
            for jobs in args.jobs:
                cache = root / f"cache-jobs{jobs}"
                for label in ("cold", "warm"):
                    result = run_check(root / "corpus", cache, jobs, args.encoder, root / "report.json")
                    s = result["summary"]
                    findings = s["errors"] + s["warnings"] + s["info"]
                    print(f"  --jobs {jobs} {label}: {result['seconds']:6.1f} s  (CPU {result['cpu']:.1f} s, "
                          f"load {result['load']:.1f})  {s['sentences'] / result['seconds']:8,.0f} sentences/s  "
                          f"peak RSS {result['main_mib']:.0f} MiB (largest worker {result['worker_mib']:.0f} MiB)  "
                          f"{result['from_cache']} releases from the cache  {findings} findings")
                    if releases == largest and jobs == args.jobs[-1] and label == "cold":
                        largest_cold = result["seconds"]
                if args.encoder:
                    # What the budgets are about: the embeddings cached, every release checked again.
                    result = run_check(root / "corpus", cache, jobs, args.encoder, root / "report.json", results=False)
                    print(f"  --jobs {jobs} embeddings cached, results not (--no-cache): {result['seconds']:6.1f} s  "
                          f"(CPU {result['cpu']:.1f} s, load {result['load']:.1f})  peak RSS {result['main_mib']:.0f} MiB "
                          f"(largest worker {result['worker_mib']:.0f} MiB)")
                if releases == largest and jobs == args.jobs[-1]:
                    # One release rewritten (other text, still correct): it alone is checked again,
                    # and DRIFT001 runs again over every release.
                    changed = sorted((root / "corpus").iterdir())[0]
                    for lang, text in release_texts(10**6).items():
                        (changed / f"{lang}.md").write_text(text, encoding="utf-8")
                    result = run_check(root / "corpus", cache, jobs, args.encoder, root / "report.json")
                    s = result["summary"]
                    print(f"  --jobs {jobs} one release changed: {result['seconds']:6.1f} s  (CPU {result['cpu']:.1f} s)  "
                          f"peak RSS {result['main_mib']:.0f} MiB  {result['from_cache']} releases from the cache  "
                          f"{s['errors'] + s['warnings'] + s['info']} findings")
            if releases == largest and not args.no_pofilter:
                measured = pofilter_numbers(root / "corpus", root)
                if measured is None:
                    print("  pofilter: not installed (pip install translate-toolkit)")
                else:
                    seconds, units, flagged = measured
                    print(f"  pofilter --test=numbers on the same {units:,} paragraph pairs: {seconds:.1f} s "
                          f"({flagged:,} flagged, all on correct translations); checker cold --jobs "
                          f"{args.jobs[-1]} / pofilter = {largest_cold / seconds:.1f}x")

        one = work / "releases-1"
        shutil.rmtree(one, ignore_errors=True)
        (one / "corpus").mkdir(parents=True)
        shutil.copy(REPO / "setup.cfg", one / "setup.cfg")
        shutil.copytree(REPO / "glossaries", one / "glossaries")
        write_corpus(one / "corpus", 1)
        release = next((one / "corpus").iterdir())
        for label in ("cold", "warm"):
            result = run_check(release, one / "cache", 1, args.encoder, one / "report.json")
            print(f"\none release ({result['summary']['sentences']} sentences), {label}: {result['seconds']:.2f} s wall "
                  f"(CPU {result['cpu']:.2f} s), "
                  f"start-up included; peak RSS {result['main_mib']:.0f} MiB")


if __name__ == "__main__":
    main()
