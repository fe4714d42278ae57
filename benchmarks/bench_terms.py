#!/usr/bin/env python3
"""Benchmark term matching: a 5,000-entry glossary on ~100k sentences, and inflection recall.

Two measurements, printed as figures:

1. Cost. A glossary of N generated entries (default 5,000, three languages, forms drawn
   from the corpora's own word sequences so that many of them really occur) plus the
   project glossary; the corpora's sentences repeated to ~100k sentences. Reports the
   matcher build time, patterns, sentences/s and MB/s of `Glossary.find`, and the same
   sentences through the aligner-free part of the pipeline for scale.
2. Inflection. A hand-written table of sentences with a glossary form that should or
   should not match (plurals, possessives, elision, compounds, multiword inflection,
   unrelated words). Compares exact matching, simplemma lemma matching and our variant
   generation, with precision and recall.

    python benchmarks/bench_terms.py                  # defaults: 5,000 entries, 100,000 sentences
    python benchmarks/bench_terms.py --entries 20000 --sentences 20000
"""

from __future__ import annotations

import argparse
import platform
import random
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import simplemma  # noqa: E402

from checker.glossary import Entry, Glossary, discover_glossaries, load_glossaries  # noqa: E402
from checker.glossary.variants import MAX_VARIANTS_PER_FORM, all_function_words  # noqa: E402

FUNCTION_WORDS = all_function_words()

LANGS = ("nl", "fr", "en")
_WORD = re.compile(r"\w+")


def corpus_sentences(corpora: Path) -> dict[str, list[str]]:
    """Sentences of the corpora per language (segmented by the project's own segmenter)."""
    from checker.corpus import discover_releases, read_release
    from checker.segment import build_document

    out: dict[str, list[str]] = {lang: [] for lang in LANGS}
    releases, _ = discover_releases(corpora, list(LANGS))
    for directory in releases:
        files, _ = read_release(directory, list(LANGS), corpora)
        for lang, source in files.files.items():
            out[lang].extend(s.text for s in build_document(files.release, lang, source).segments)
    return out


def generated_entries(sentences: dict[str, list[str]], count: int, seed: int = 0) -> list[Entry]:
    """`count` entries whose forms are 1-3 word sequences of the corpora (or made-up words)."""
    rng = random.Random(seed)
    words = {lang: [w for s in sentences[lang] for w in _WORD.findall(s) if w.isalpha()] for lang in LANGS}
    entries = []
    for i in range(count):
        forms = {}
        for lang in LANGS:
            size = rng.choice((1, 2, 2, 3))
            form = ""
            if words[lang] and rng.random() < 0.5:
                # Glossary terms are content words: no sequence opening or closing on a
                # function word, no short single word (`de`, `the` would match everywhere).
                start = rng.randrange(max(1, len(words[lang]) - size))
                sequence = words[lang][start : start + size]
                if (sequence[0].lower() not in FUNCTION_WORDS and sequence[-1].lower() not in FUNCTION_WORDS
                        and (size > 1 or len(sequence[0]) >= 8)):
                    form = " ".join(sequence)
            if not form:
                form = " ".join(f"term{lang}{i}x{k}" for k in range(size))
            forms[lang] = (form,)
        entries.append(Entry(id=f"gen-{i}", forms=forms, case_sensitive=rng.random() < 0.1,
                             accent_sensitive=rng.random() < 0.5))
    return entries


def bench_cost(args) -> None:
    sentences = corpus_sentences(args.corpora)
    total = sum(len(v) for v in sentences.values())
    if not total:
        print("no corpus sentences found; pass --corpora")
        return
    project = load_glossaries(discover_glossaries(REPO), LANGS).entries
    # Generated ids must not collide with the project's, and forms should not be the project's names.
    entries = tuple(project) + tuple(generated_entries(sentences, args.entries))
    glossary = Glossary(entries=entries, languages=LANGS)
    t0 = time.perf_counter()
    matcher = glossary.matcher
    build = time.perf_counter() - t0

    repeat = max(1, args.sentences // total)
    work = [(lang, s) for _ in range(repeat) for lang in LANGS for s in sentences[lang]]
    chars = sum(len(s) for _, s in work)
    t0 = time.perf_counter()
    hits = 0
    for lang, sentence in work:
        hits += len(glossary.find(sentence, lang))
    elapsed = time.perf_counter() - t0

    for lang in LANGS:
        simplemma.lemmatize("warm", lang=lang)  # loads the language's dictionary: not part of the rate
    t0 = time.perf_counter()
    lemma_tokens = 0
    for lang, sentence in work[: len(work) // 10]:
        lemma_tokens += len([simplemma.lemmatize(w, lang=lang) for w in _WORD.findall(sentence)])
    lemma_elapsed = (time.perf_counter() - t0) * 10

    print("## Term matching cost")
    print(f"python {platform.python_version()}, {platform.machine()}, entries {len(entries):,} "
          f"({len(project)} project + {args.entries:,} generated), max variants per form {MAX_VARIANTS_PER_FORM}")
    print(f"matcher build:        {build:.2f} s for {matcher.pattern_count:,} patterns (3 automata)")
    print(f"sentences matched:    {len(work):,} ({chars / 1e6:.1f} MB), {hits:,} matches")
    print(f"matching time:        {elapsed:.2f} s = {len(work) / elapsed:,.0f} sentences/s, "
          f"{chars / 1e6 / elapsed:.2f} MB/s, {1e6 * elapsed / len(work):.1f} µs/sentence")
    print(f"for scale, simplemma: {lemma_elapsed:.2f} s to lemmatise every token of the same sentences "
          f"(extrapolated from 10%), {len(work) / lemma_elapsed:,.0f} sentences/s")
    bench_share(args, glossary)


def bench_share(args, glossary: Glossary) -> None:
    """TERM001-003 against the rest of a run on the corpora: reading, segmentation, alignment."""
    import dataclasses

    from checker.checks.terms import forbidden_term, missing_approved_term, term_casing
    from checker.corpus import discover_releases, read_release
    from checker.pipeline import build_release_context
    from checker.segment import build_document

    rounds = args.rounds
    t0 = time.perf_counter()
    contexts = []
    for _ in range(rounds):
        releases, _ = discover_releases(args.corpora, list(LANGS))
        for directory in releases:
            files, _ = read_release(directory, list(LANGS), args.corpora)
            documents = {lang: build_document(files.release, lang, src) for lang, src in files.files.items()}
            contexts.append(build_release_context(files.release, documents, "nl"))
    pipeline = time.perf_counter() - t0
    pairs = sum(len(p) for ctx in contexts for p in ctx.pairs.values())
    print(f"share of a run:       read+segment+align {pipeline:.2f} s for {pairs:,} pairs "
          f"({rounds} rounds of the corpora, no MT)")
    project = Glossary(entries=tuple(e for e in glossary.entries if not e.id.startswith("gen-")), languages=LANGS)
    for name, used in (("project glossary", project), (f"{len(glossary):,}-entry glossary", glossary)):
        used.matcher  # built once per run, measured above
        t0 = time.perf_counter()
        found = 0
        for ctx in contexts:
            ctx = dataclasses.replace(ctx, glossary=used)
            for check in (missing_approved_term, forbidden_term, term_casing):
                found += len(list(check(ctx)))
        terms = time.perf_counter() - t0
        why = ": generated entries pair unrelated forms, and each costs a fuzzy search" if used is glossary else ""
        print(f"  TERM001-003, {name + ':':<24} {terms:.2f} s = {100 * terms / (pipeline + terms):.0f}% of "
              f"read+segment+align+terms ({found:,} findings{why})")
    from checker.checks.context import CorpusContext
    from checker.checks.drift import terminology_drift

    t0 = time.perf_counter()
    drift = list(terminology_drift(CorpusContext(releases=tuple(contexts), glossary=project)))
    elapsed = time.perf_counter() - t0
    print(f"  DRIFT001 (whole corpus, project glossary): {elapsed:.2f} s for {pairs:,} pairs = "
          f"{1e6 * elapsed / pairs:.0f} µs/pair ({len(drift)} findings)")


# (lang, sentence, glossary form, should match)
INFLECTION_CASES = [
    ("nl", "Het project telt twaalf werkpakketten.", "werkpakket", True),
    ("nl", "Het eerste werkpakket start.", "werkpakket", True),
    ("nl", "De ATMP's groeien snel.", "ATMP", True),
    ("nl", "De ATMP’s groeien snel.", "ATMP", True),
    ("nl", "De ATMP-sector groeit.", "ATMP", True),
    ("nl", "Twee Technologische Innovatiepartnerschappen.", "Technologisch Innovatiepartnerschap", True),
    ("nl", "In het kader van het Waalse Herstelplan.", "Waals Herstelplan", True),
    ("nl", "Beide gezondheidsclusters van Wallonië.", "gezondheidscluster van Wallonië", True),
    ("nl", "Nieuwe gentherapieën komen eraan.", "gentherapie", True),
    ("nl", "Vijf ziekenhuizen doen mee.", "ziekenhuis", True),
    ("nl", "De innovatieprogramma's lopen.", "innovatieprogramma", True),
    ("nl", "Drie steden doen mee.", "stad", True),  # irregular plurals: not designed for
    ("nl", "Twee musea openen.", "museum", True),
    ("nl", "De werkpakketbeheerder beslist.", "werkpakket", False),
    ("nl", "Het pitje van de vrucht.", "PIT", False),
    ("fr", "Il compte douze lots de travail.", "lot de travail", True),
    ("fr", "Le marché de l'ATMP croît.", "ATMP", True),
    ("fr", "Le marché d’ATMP croît.", "ATMP", True),
    ("fr", "Deux Partenariats d'Innovation Technologiques.", "Partenariat d'Innovation Technologique", True),
    ("fr", "Les pôles de compétitivité santé coopèrent.", "pôle de compétitivité santé", True),
    ("fr", "Les hôpitaux universitaires participent.", "hôpital universitaire", True),
    ("fr", "Les thérapies géniques progressent.", "thérapie génique", True),
    ("fr", "Des taux de croissance annuels composés élevés.", "taux de croissance annuel composé", True),
    ("fr", "Les travailleurs régionaux avancent.", "travail régional", False),
    ("fr", "Le PITCH des start-up.", "PIT", False),
    ("fr", "Le lotissement de travail.", "lot de travail", False),
    ("en", "It has twelve work packages.", "work package", True),
    ("en", "Two ATMPs were approved.", "ATMP", True),
    ("en", "The ATMP's value chain.", "ATMP", True),
    ("en", "Three Technological Innovation Partnerships.", "Technological Innovation Partnership", True),
    ("en", "Many companies joined.", "company", True),
    ("en", "New gene therapies arrive.", "gene therapy", True),
    ("en", "Both health clusters of Wallonia.", "health cluster of Wallonia", True),
    ("en", "The ATMP-hub opens.", "ATMP", True),
    ("en", "Two analyses agree.", "analysis", True),  # irregular plurals: not designed for
    ("en", "All criteria are met.", "criterion", True),
    ("en", "Shares of UCBX rose.", "UCB", False),
    ("en", "A PITCH to investors.", "PIT", False),
    ("en", "Workplace packages arrive.", "work package", False),
    ("en", "The packaged work.", "work package", False),
]


def _lemmas(text: str, lang: str) -> list[str]:
    return [simplemma.lemmatize(w, lang=lang).lower() for w in _WORD.findall(text)]


def _lemma_match(sentence: str, form: str, lang: str) -> bool:
    needle, hay = _lemmas(form, lang), _lemmas(sentence, lang)
    return any(hay[i : i + len(needle)] == needle for i in range(len(hay) - len(needle) + 1))


def _exact_match(sentence: str, form: str, lang: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(form.lower()) + r"(?!\w)", sentence.lower().replace("’", "'")) is not None


def _variant_match(sentence: str, form: str, lang: str) -> bool:
    entry = Entry(id="x", forms={lang: (form,)})
    return bool(Glossary(entries=(entry,), languages=LANGS).find(sentence, lang))


def _variant_then_lemma(sentence: str, form: str, lang: str) -> bool:
    from checker.glossary.lemmas import lemma_contains
    from checker.glossary.variants import is_acronym

    # What TERM001 does: the matcher, then simplemma before declaring a (non-acronym) term missing.
    return _variant_match(sentence, form, lang) or (not is_acronym(form) and lemma_contains(sentence, form, lang))


def bench_inflection() -> None:
    print("\n## Inflection and boundaries: which matching does better")
    print(f"{len(INFLECTION_CASES)} hand-written cases "
          f"({sum(c[3] for c in INFLECTION_CASES)} should match, {sum(not c[3] for c in INFLECTION_CASES)} should not)")
    print(f"{'method':<28} {'TP':>3} {'FP':>3} {'FN':>3} {'precision':>9} {'recall':>7}  wrong (+ false match, - missed)")
    for name, method in (("exact (word boundaries)", _exact_match), ("simplemma lemma sequence", _lemma_match),
                         ("variant generation (ours)", _variant_match),
                         ("variants, then simplemma", _variant_then_lemma)):
        tp = fp = fn = 0
        misses = []
        for lang, sentence, form, expected in INFLECTION_CASES:
            got = method(sentence, form, lang)
            tp += got and expected
            fp += got and not expected
            fn += expected and not got
            if got != expected:
                misses.append(f"{'+' if got else '-'}{sentence!r}")
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(f"{name:<28} {tp:>3} {fp:>3} {fn:>3} {precision:>9.2f} {recall:>7.2f}  {' '.join(misses)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--sentences", type=int, default=100_000)
    parser.add_argument("--corpora", type=Path, default=REPO / "corpora")
    parser.add_argument("--rounds", type=int, default=3, help="Times the corpora are run for the share of a run.")
    parser.add_argument("--skip-cost", action="store_true", help="Only the inflection table.")
    args = parser.parse_args()
    if not args.skip_cost:
        bench_cost(args)
    bench_inflection()


if __name__ == "__main__":
    main()
