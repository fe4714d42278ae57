"""Precision and recall of the number checks on real, professionally translated documents.

    python benchmarks/bench_real.py                       # ../shared/data/ntrex-dev, source en
    python benchmarks/bench_real.py --data DIR --source en --seed 7 --list

1. Checks every document of the data set as `checker check --source en --no-model` would
   and prints errors, warnings and info per 1,000 aligned sentence pairs. On correct
   professional translations every error is a false alarm unless a reviewer says otherwise
   (`--list` prints them for that review).
2. Injects one number corruption per document (fixed seed; digit, year, percent, scale word,
   separator group, month, number word; in the FR or EN version) and prints, per kind, how
   many were caught as an error on the corrupted line, and how many findings appeared
   elsewhere in the document that the clean run did not have.

The data is read where it lies (`../shared/data/`); nothing is copied into the project.
"""

from __future__ import annotations

import argparse
import re
import platform
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))  # the corruptions the mutation tests use

from checker.config import load_config  # noqa: E402
from checker.corpus import discover_releases, read_release  # noqa: E402
from checker.pipeline import build_release_context, selected_checks  # noqa: E402
from checker.records import Finding, SourceFile  # noqa: E402
from checker.segment import build_document  # noqa: E402
from mutations import mutations  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "ntrex-dev"
NUMBER_CHECKS = ("NUM",)


def _file_offset(segments, char_index: int) -> int | None:
    position = 0
    for segment in segments:
        if char_index < position + len(segment.text):
            return segment.offsets[char_index - position] if segment.offsets else None
        position += len(segment.text) + 1
    return None


def _stated_elsewhere(ctx, lang: str, offset: int) -> bool:
    """Whether the value at `offset` of `lang`'s file matched a value of another version (clean run)."""
    from checker.checks.numbers import values_of
    from checker.numbers.compare import compare_values, without_untranslated_names

    for target_lang, pairs in ctx.pairs.items():
        for pair in pairs:
            if not pair.source or not pair.target or lang not in (ctx.source_lang, target_lang):
                continue
            source_values, target_values = without_untranslated_names(
                values_of(pair.source_text, ctx.source_lang), pair.source_text,
                values_of(pair.target_text, target_lang), pair.target_text)
            comparison = compare_values(source_values, target_values)
            side = 0 if lang == ctx.source_lang else 1
            segments = pair.source if side == 0 else pair.target
            for matched in comparison.matched:
                value = matched[side]
                start, end = _file_offset(segments, value.start), _file_offset(segments, max(value.end - 1, value.start))
                if start is not None and end is not None and start <= offset <= end:
                    return True
    return False


def _findings(release: str, texts: dict[str, str], source: str, checks, keep: dict | None = None) -> tuple[list[Finding], int]:
    documents = {lang: build_document(release, lang, SourceFile.from_text(f"{release}/{lang}.md", text))
                 for lang, text in texts.items()}
    ctx = build_release_context(release, documents, source)
    found = []
    for spec, severity in checks:
        if spec.scope != "release" or spec.needs_model or spec.needs_glossary:
            continue
        for problem in spec.run(ctx, severity):
            found.append(problem)
    pairs = sum(len(p) for p in ctx.pairs.values())
    if keep is not None:
        keep["ctx"] = ctx
    return found, pairs


def _kind(mutation, text: str) -> str:
    if mutation.kind != "digit":
        return mutation.kind
    before = mutation.description.split(" -> ")[0]
    if len(before) == 4 and before[:2] in ("19", "20"):
        return "year"
    after = text[mutation.end : mutation.end + 14].lower()
    if re.match(r"[ \u00a0\u202f]*(?:%|per ?cent|pour cent|procent)", after):
        return "percent"
    return "digit"


def _signature(finding) -> tuple:
    return (finding.code, finding.lang, finding.line, finding.message)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--source", default="en")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--list", action="store_true", help="print every error on the clean documents")
    parser.add_argument("--injections", type=int, default=3, help="corrupted copies per document (one corruption each)")
    args = parser.parse_args()

    config = load_config(REPO / "corpora")
    languages = ("nl", "fr", "en")
    checks = selected_checks(config)
    releases, problems = discover_releases(args.data, languages)
    if problems:
        sys.exit("; ".join(str(p) for p in problems))

    started = time.perf_counter()
    totals: Counter = Counter()
    pairs_total = 0
    clean: dict[str, tuple[dict[str, str], set]] = {}
    contexts: dict = {}
    errors_listed = []
    for directory in releases:
        files, _ = read_release(directory, languages, args.data)
        texts = {lang: source.text for lang, source in files.files.items()}
        kept: dict = {}
        found, pairs = _findings(files.release, texts, args.source, checks, kept)
        contexts[files.release] = kept["ctx"]
        pairs_total += pairs
        for finding in found:
            totals[finding.severity.value] += 1
            if finding.severity.value == "error":
                errors_listed.append(f"{finding.file}:{finding.line} {finding.code} {finding.message}")
        clean[files.release] = (texts, {_signature(f) for f in found})
    elapsed = time.perf_counter() - started

    print(f"data: {args.data} ({len(releases)} documents, {pairs_total} aligned pairs, source {args.source}); "
          f"python {platform.python_version()}, {elapsed:.1f} s")
    per_k = {sev: 1000 * totals[sev] / max(pairs_total, 1) for sev in ("error", "warning", "info")}
    print(f"clean: {totals['error']} errors, {totals['warning']} warnings, {totals['info']} info "
          f"= {per_k['error']:.1f} / {per_k['warning']:.1f} / {per_k['info']:.1f} per 1,000 pairs")
    if args.list:
        for line in errors_listed:
            print("  " + line)

    rng = random.Random(args.seed)
    caught: Counter = Counter()
    seen: Counter = Counter()  # any finding, warnings included, on the corrupted line
    tried: Counter = Counter()
    verifiable = verifiable_caught = 0  # corruptions of a value another version states too
    extra = 0
    missed, extras_listed = [], []
    for release, (texts, clean_signatures) in sorted(clean.items()):
        candidates = []
        for lang in ("fr", "en"):
            candidates += [(lang, m) for m in mutations(texts[lang], lang)]
        if not candidates:
            continue
        by_kind = defaultdict(list)
        for lang, mutation in candidates:
            by_kind[_kind(mutation, texts[lang])].append((lang, mutation))
        kinds = sorted(by_kind)
        chosen = []
        for _ in range(args.injections):  # distinct corruptions, of kinds drawn at random
            kind = rng.choice(kinds)
            left = [c for c in by_kind[kind] if c not in chosen] or [c for k in kinds for c in by_kind[k] if c not in chosen]
            if not left:
                break
            lang, mutation = rng.choice(left)
            chosen.append((lang, mutation))
            kind = _kind(mutation, texts[lang])
            corrupted = dict(texts)
            corrupted[lang] = mutation.apply(texts[lang])
            found, _ = _findings(release, corrupted, args.source, checks)
            tried[kind] += 1
            hit = [f for f in found if f.severity.value == "error" and f.lang == lang and f.line == mutation.line]
            if hit:
                caught[kind] += 1
            if _stated_elsewhere(contexts[release], lang, mutation.start):
                verifiable += 1
                verifiable_caught += bool(hit)
            if any(f.lang == lang and f.line == mutation.line and _signature(f) not in clean_signatures for f in found):
                seen[kind] += 1
            else:
                missed.append(f"{release}/{lang}.md:{mutation.line} {kind} {mutation.description}")
            new = [f for f in found if _signature(f) not in clean_signatures and f not in hit]
            extra += len(new)
            if args.list:
                extras_listed.extend(f"{release}/{lang}.md:{mutation.line} {mutation.description}: "
                                     f"{f.code} {f.lang}:{f.line} {f.message}" for f in new)
    injected = sum(tried.values())
    print(f"injected: {injected} corruptions (seed {args.seed}); an error on their line: {sum(caught.values())} "
          f"= {100 * sum(caught.values()) / max(injected, 1):.1f} %; any finding on their line: "
          f"{100 * sum(seen.values()) / max(injected, 1):.1f} %; extra findings elsewhere per injection: "
          f"{extra / max(injected, 1):.2f}")
    print(f"  of which {verifiable} change a value that another version states too: an error on their line for "
          f"{verifiable_caught} = {100 * verifiable_caught / max(verifiable, 1):.1f} %")
    print(f"  {'kind':10s} {'error':>9s} {'any':>5s}")
    for kind in sorted(tried):
        print(f"  {kind:10s} {caught[kind]:3d} / {tried[kind]:3d} {seen[kind]:5d}")
    if args.list and missed:
        print("missed:")
        for line in missed:
            print("  " + line)
    if args.list and extras_listed:
        print("findings elsewhere that the clean run did not have:")
        for line in extras_listed:
            print("  " + line)


if __name__ == "__main__":
    main()
