"""The `check` job: corpus → documents → (translations) → alignment → checks → sorted findings.

Each stage lives in its own module; this one only passes records from one to the next
and applies the configuration (which checks run, at which severity).
"""

from __future__ import annotations

import collections
import gc
import itertools
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Collection, Iterable, Iterator, Sequence

from checker.align import align_documents
from checker.checks.context import CorpusContext, ReleaseContext
from checker.checks.registry import CheckSpec, all_checks
from checker.config import Config
from checker.corpus import InputProblem, ReleaseFiles, discover_releases, read_release
from checker.formats.aligned import given_pairs
from checker.records import AlignedPair, Document, Finding, Severity
from checker.releases import ReleaseJob, ReleaseRecord, runnable
from checker.suppress import without_suppressed
from checker.translate.similarity import SimilarityProvider

# Checks that read the sentence encoder's similarity; without an encoder they are skipped.
SEMANTIC_CHECKS = ("ADQ002",)


@dataclass
class CheckRun:
    """Everything one `check` produced: findings, input problems and what was skipped."""

    findings: list[Finding] = field(default_factory=list)
    input_problems: list[InputProblem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # what was not run and why, e.g. model checks
    notes: list[str] = field(default_factory=list)  # how an input was read, e.g. a DOCX's tracked changes accepted
    translation: str = ""  # one line on what the model did, when one was used
    encoder: str = ""  # one line naming the sentence encoder and what it embedded, when one ran
    results: str = ""  # one line on what the result cache served, when one was used
    releases: int = 0
    documents: int = 0
    sentences: int = 0
    pairs: int = 0
    # release -> target lang -> its aligned pairs (segments keep text, line and column, not the
    # file's text); filled only when run_check(keep_pairs=True) was asked, for the review page.
    aligned: dict[str, dict[str, tuple[AlignedPair, ...]]] = field(default_factory=dict)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


def selected_checks(config: Config, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[tuple[CheckSpec, Severity]]:
    """The checks to run with their effective severity: config overrides, then --select/--ignore."""
    chosen = []
    for spec in all_checks():
        if select and not any(spec.code.startswith(prefix.upper()) for prefix in select):
            continue
        if any(spec.code.startswith(prefix.upper()) for prefix in ignore):
            continue
        severity = config.severities.get(spec.code, spec.severity)
        if severity is None:
            continue
        chosen.append((spec, severity))
    return chosen


def _translations(service: Any, source: Document, target_langs: Sequence[str]) -> dict[str, tuple[str, ...]]:
    texts = [segment.text for segment in source.segments]
    out = {}
    for lang in target_langs:
        translated = service.translate(texts, source.lang, lang)
        if translated is not None:
            out[lang] = tuple(translated)
    return out


def build_release_context(
    release: str,
    documents: dict[str, Document],
    source_lang: str,
    *,
    glossary: Any = None,
    translation_service: Any = None,
    similarity: SimilarityProvider | None = None,
    similarity_factory: Any = None,
) -> ReleaseContext:
    """Align every target version of one release with its source version.

    `similarity` chooses the aligner's signal per pair (MT, encoder, cognates); without one,
    the model-free cognate score, as `check --no-model` uses.
    """
    # `similarity_factory` is the former spelling (a callable tested by identity); any value of it
    # now means the default provider, which is what its callers asked for.
    provider = similarity or SimilarityProvider()
    source = documents[source_lang]
    targets = [lang for lang in documents if lang != source_lang]
    translations = _translations(translation_service, source, targets) if translation_service else {}
    pairs, semantic = {}, {}
    for lang in targets:
        chosen = provider.for_documents(source, documents[lang], translations.get(lang))
        # XLIFF and TMX units were paired by the translator's tool: they are used as they are.
        given = given_pairs(source, documents[lang])
        pairs[lang] = given if given is not None else align_documents(
            source, documents[lang], similarity=chosen.similarity, params=chosen.params)
        if chosen.semantic is not None:
            chosen.semantic.forget_scores()
            semantic[lang] = chosen.semantic
    return ReleaseContext(
        release=release,
        source_lang=source_lang,
        documents=documents,
        pairs=pairs,
        glossary=glossary,
        translations=translations or None,
        semantic=semantic,
    )


def _model_plan(service: Any, source_lang: str, target_langs: Sequence[str], checks) -> tuple[bool, list[str], str]:
    """Whether any target can be translated, why the others cannot, and the skipped line (or "")."""
    available, reasons = False, []
    if service is not None:
        reasons = [str(m) for m in service.missing(source_lang, target_langs)]
        available = len(reasons) < len(target_langs)
    if available and not reasons:
        return True, [], ""
    model_checks = [spec.code for spec, _ in checks if spec.needs_model]
    what = f"{', '.join(model_checks)} and MT-assisted alignment" if model_checks else "MT-assisted alignment"
    where = " for some pairs" if available else ""
    why = "; ".join(reasons) or "no translation model; pass --model-dir or see `checker model --help`"
    return available, reasons, f"{what}{where} ({why})"


def _translation_report(run: CheckRun, service: Any, source_lang: str, target_langs: Sequence[str],
                        known_missing: Sequence[str]) -> None:
    """What the model did, and what went wrong while it ran (a model that failed to load, the cache)."""
    late = [str(m) for m in service.missing(source_lang, target_langs) if str(m) not in known_missing]
    if late:
        run.skipped.append(f"MT for some pairs ({'; '.join(late)})")
    stats = getattr(service, "stats", None)
    if stats is None:
        return
    run.translation = f"machine translation: {stats.translated} sentences translated, {stats.cached} from the cache"
    if stats.cache_problem:
        run.skipped.append(stats.cache_problem)


def run_check(
    path: Path,
    config: Config,
    *,
    source_lang: str | None = None,
    glossary: Any = None,
    translation_service: Any = None,
    encoder: Any = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    jobs: int = 1,
    executor: Executor | None = None,
    result_cache: Any = None,
    keep_pairs: bool = False,
    only_releases: Collection[str] | None = None,
) -> CheckRun:
    """Check every release under `path`; never raises on bad input (it becomes `input_problems`).

    Releases are checked one by one in this process with `jobs=1`, in a pool of `jobs` processes
    otherwise, or through `executor` (any `concurrent.futures.Executor`: a Dask or Ray cluster's
    executor spreads a large corpus over machines; `jobs` then says how many tasks it runs at
    once, and a few per job are sent out at a time); the corpus-wide checks then run here over
    the compact records the releases returned (`checker.releases`). The findings are the same
    whichever way the releases ran. With `result_cache` (a `checker.result_cache.ResultCache`), a
    release whose inputs are unchanged is read back instead of checked again (not with a
    translation model: its output is not part of the key). With `keep_pairs`, every release's
    aligned pairs are kept on `CheckRun.aligned` (the review page shows them); a stored release
    brings them back from the cache, or is checked again when they were not stored.
    With `only_releases` (release ids: `check --since`), only those releases are reported; the
    others are read only when a corpus-scope check (DRIFT001) compares every release.
    """
    run = CheckRun()
    source_lang = source_lang or config.source
    languages = list(config.languages)
    target_langs = [lang for lang in languages if lang != source_lang]
    releases, problems = discover_releases(path, languages, layout=config.layout, source_lang=source_lang,
                                           max_bytes=config.limits.max_file_size)
    run.input_problems.extend(problems)
    checks = selected_checks(config, select, ignore)

    model_available, missing_reasons, skipped = _model_plan(translation_service, source_lang, target_langs, checks)
    if skipped:
        run.skipped.append(skipped)
    glossary_checks = [spec.code for spec, _ in checks if spec.needs_glossary]
    if glossary is None and glossary_checks:
        run.skipped.append(f"{', '.join(glossary_checks)} (no glossary found)")
    # One provider picks each pair's signal: MT where a model serves it, else the sentence
    # encoder, else cognates (shared names, numbers and cognates still tell a merge from an omission).
    unavailable = None
    if encoder is not None:  # checker.encoder (and numpy with it) is imported only when one was asked for
        from checker.encoder import EncoderError

        unavailable = encoder if isinstance(encoder, EncoderError) else None
    encoder = None if unavailable is not None else encoder
    provider = SimilarityProvider(encoder)
    if encoder is None:
        semantic_checks = [spec.code for spec, _ in checks if spec.code in SEMANTIC_CHECKS]
        why = str(unavailable) if unavailable is not None else "no sentence encoder"
        what = " and ".join(([", ".join(semantic_checks)] if semantic_checks else []) + ["encoder-assisted alignment"])
        run.skipped.append(f"{what} ({why})")

    # Corpus-scope checks compare releases with each other: with one release there is nothing to
    # compare, so no release is kept for them (memory) and none of their mining runs (time).
    needs_corpus = len(releases) > 1 and any(spec.scope == "corpus" for spec, _ in checks)
    if only_releases is not None:  # the others are read for DRIFT001 only, and none of their findings shown
        releases = [d for d in releases if needs_corpus or d.name in only_releases]

    def reported(release: str) -> bool:
        return only_releases is None or release in only_releases
    job = ReleaseJob(config=config, source_lang=source_lang, checks=checks, glossary=glossary,
                     translation_service=translation_service if model_available else None,
                     provider=provider, keep_for_corpus=needs_corpus, keep_pairs=keep_pairs)
    cache = result_cache if job.translation_service is None else None
    run_key = None
    if cache is not None:
        from checker.result_cache import corpus_key as digest_of_corpus, release_key, run_digest

        run_key = run_digest(config=config, source_lang=source_lang, checks=checks, glossary=glossary,
                             encoder=encoder, keep_for_corpus=needs_corpus)
    keys: list[str] = []  # of the readable releases, in order
    directories = []

    def read(directory: Any, *, again: bool = False) -> ReleaseFiles | None:
        files, problems = read_release(directory, languages, path, config.limits.max_file_size,
                                       source_lang=source_lang, limits=config.limits)
        if not again:  # said once
            run.notes.extend(files.notes)
            run.input_problems.extend(problems if reported(directory.name) else ())
        # without the source there is nothing to compare (already reported)
        return files if source_lang in files.files else None

    def entries() -> Iterator[tuple[ReleaseFiles, ReleaseRecord | None]]:
        """The readable releases one by one, as the map step takes them, each with its stored record
        when the cache has one: a corpus's texts are never all in memory at once."""
        for directory in releases:
            files = read(directory)
            if files is None:
                continue
            directories.append(directory)
            stored = None
            if cache is not None:
                key = release_key(run_key, files)
                keys.append(key)
                # the review page shows the pairs: a release stored without them is checked again
                stored = cache.with_corpus_part(key, cache.get_record(key), corpus=False, pairs=keep_pairs)
            yield files, stored

    def arrived(index: int, record: ReleaseRecord) -> None:
        # While the other releases are still being checked: each record's corpus-wide part does
        # what it can on its own (DRIFT001 keys its terms; the lemma dictionaries load meanwhile),
        # and the record is stored.
        _precompute(record)
        if cache is not None and not record.encoder_problem:  # a fallback after an encoder failure is not kept
            cache.put_record(keys[index], record, corpus_part=needs_corpus, pairs=keep_pairs)

    mapped, elsewhere = _map_releases(job, entries(), jobs=jobs, executor=executor, expected=len(releases),
                                      on_record=arrived)
    records = [record for record, _ in mapped]
    fresh = [was_checked for _, was_checked in mapped]
    corpus_key, corpus_found = None, None
    if cache is not None:
        if needs_corpus:  # DRIFT001's findings depend on every release: stored under all their keys
            corpus_key = digest_of_corpus(run_key, keys)
            corpus_found = cache.get(corpus_key)
        if needs_corpus and corpus_found is None:
            _with_corpus_parts(job, records, fresh, keys, directories, read, cache, jobs=jobs, executor=executor,
                               on_record=arrived)
        checked = sum(fresh)
        cache.hits, cache.misses = cache.hits + len(records) - checked, cache.misses + checked
        run.results = (f"results: {checked} release{'s' if checked != 1 else ''} checked, "
                       f"{len(records) - checked} from the cache")
        if cache.problem:
            run.skipped.append(cache.problem)
    computed = [record for record, was_checked in zip(records, fresh) if was_checked]
    for record in records:
        if record.encoder_problem and not provider.problem:
            provider.problem = record.encoder_problem
        if not reported(record.release):
            continue
        run.input_problems.extend(record.problems)
        run.releases += record.checked
        run.documents += record.documents
        run.sentences += record.sentences
        run.pairs += record.pairs
        run.findings.extend(record.findings)
        if keep_pairs and record.pairs_by_lang:
            run.aligned[record.release] = dict(record.pairs_by_lang)

    # The reduce step: corpus-scope checks over what their map step (`CheckSpec.prepare`) kept of each release.
    kept = [record for record in records if record.prepared]
    if needs_corpus and (kept or corpus_found is not None):
        found = corpus_found
        if found is None:
            prepared: dict[str, list[Any]] = {}
            for record in kept:
                for code, part in record.prepared:
                    prepared.setdefault(code, []).append(part)
            corpus = CorpusContext(glossary=glossary, prepared={code: tuple(parts) for code, parts in prepared.items()})
            found = [f for spec, severity in checks if spec.scope == "corpus" and runnable(spec, None, glossary)
                     for f in spec.run(corpus, severity)]
            found = without_suppressed(found, [file for r in kept for file in r.commented_files])
            if corpus_key is not None and not any(r.encoder_problem for r in records):
                cache.put(corpus_key, found)
        run.findings.extend(f for f in found if reported(f.release))

    if model_available:
        _translation_report(run, translation_service, source_lang, target_langs, missing_reasons)
    if provider.problem:
        run.skipped.append(f"ADQ002 and encoder-assisted alignment for some pairs ({provider.problem})")
    if encoder is not None:
        if elsewhere:
            # The releases were embedded by the workers' copies of the encoder: count their work here.
            encoder.stats.embedded += sum(r.embedded for r in computed)
            encoder.stats.cached += sum(r.embedded_cached for r in computed)
        stats = encoder.stats
        run.encoder = (f"sentence encoder: {encoder.label} ({stats.embedded} texts embedded, "
                       f"{stats.cached} from the cache)")
        if stats.cache_problem:
            run.skipped.append(stats.cache_problem)
    run.findings.sort(key=Finding.sort_key)
    return run


def _pool_size(jobs: int, releases: int) -> int:
    """How many processes (or, with a caller's executor, tasks at once) the map step gets: one per
    job, never more than releases. (With a translation model the map step runs in this process:
    a loaded model belongs to it, and loading one per worker would cost its memory each time.)"""
    return max(1, min(jobs, releases))


def _precompute(record: ReleaseRecord) -> None:
    for _, part in record.prepared:
        precompute = getattr(part, "precompute", None)
        if precompute is not None:
            precompute()


def _with_corpus_parts(job: ReleaseJob, records: list[ReleaseRecord], fresh: list[bool], keys: Sequence[str],
                       directories: Sequence[Any], read: Callable[[Any], Any], cache: Any, *, jobs: int,
                       executor: Executor | None, on_record: Callable[[int, ReleaseRecord], None]) -> None:
    """DRIFT001 runs again: each stored release brings back what it kept for it, in place; one
    stored without it is read and checked again."""
    again = []
    for index, was_checked in enumerate(fresh):
        if not was_checked:
            with_part = cache.with_corpus_part(keys[index], records[index], corpus=True, pairs=job.keep_pairs)
            if with_part is None:
                again.append(index)
            else:
                records[index] = with_part
    reread = [(index, read(directories[index], again=True)) for index in again]
    reread = [(index, files) for index, files in reread if files is not None]  # gone since: kept as stored
    redone, _ = _map_releases(job, ((files, None) for _, files in reread), jobs=jobs, executor=executor,
                              expected=len(reread), on_record=lambda k, record: on_record(reread[k][0], record))
    for (index, _), (record, _) in zip(reread, redone):
        records[index], fresh[index] = record, True


def _map_releases(job: ReleaseJob, entries: Iterable[tuple[ReleaseFiles, ReleaseRecord | None]], *, jobs: int,
                  executor: Executor | None, expected: int,
                  on_record: Callable[[int, ReleaseRecord], None] | None = None,
                  ) -> tuple[list[tuple[ReleaseRecord, bool]], bool]:
    # What exists now (modules, locale tables, the glossary, the job) lives for the whole run: the
    # garbage collector need not walk it at every full collection while releases are checked, and
    # forked workers then share its pages instead of copying them (the pattern the `gc.freeze`
    # documentation gives for pre-fork servers). 100 releases in one process: 7 % less CPU.
    gc.freeze()
    try:
        return _map_in_order(job, entries, jobs=jobs, executor=executor, expected=expected, on_record=on_record)
    finally:
        gc.unfreeze()  # a caller's objects become collectable again


def _map_in_order(job: ReleaseJob, entries: Iterable[tuple[ReleaseFiles, ReleaseRecord | None]], *, jobs: int,
                  executor: Executor | None, expected: int,
                  on_record: Callable[[int, ReleaseRecord], None] | None = None,
                  ) -> tuple[list[tuple[ReleaseRecord, bool]], bool]:
    """The map step: each release's record, in order, with whether it was checked now (a release
    that comes with its stored record is not), through `executor`, a process pool or this process;
    also whether they ran elsewhere (their encoder work is then counted from the records).

    `entries` is read as the work goes: a few chunks of releases are out at a time, so the
    texts of a large corpus are never all in memory, and reading overlaps checking.
    `on_record(index, record)` is called here on each checked record as it arrives, in order.
    """
    from checker.releases import check_release, job_bytes, run_chunk_in_worker

    out: list[tuple[ReleaseRecord, bool]] = []

    def here() -> tuple[list[tuple[ReleaseRecord, bool]], bool]:
        for files, stored in entries:
            if stored is None:
                stored = check_release(job, files)
                if on_record is not None:
                    on_record(len(out), stored)
                out.append((stored, True))
            else:
                out.append((stored, False))
        return out, False

    workers = _pool_size(jobs, expected)
    if job.translation_service is not None or (executor is None and workers == 1):
        return here()
    pool = executor
    if pool is None:
        import concurrent.futures

        try:
            pool = concurrent.futures.ProcessPoolExecutor(max_workers=workers)
        except (OSError, NotImplementedError):
            # No process pool on this system (a sandbox without POSIX semaphores): the same work here.
            return here()
    payload = job_bytes(job)  # pickled once; each worker unpickles it once (run_chunk_in_worker)
    in_flight: collections.deque = collections.deque()  # (future, places in `out`), oldest first

    def settle_oldest() -> None:
        future, places = in_flight.popleft()
        for index, record in zip(places, future.result()):
            if on_record is not None:
                on_record(index, record)
            out[index] = (record, True)

    try:
        chunk: list[ReleaseFiles] = []
        places: list[int] = []
        for files, stored in itertools.chain(entries, [(None, None)]):  # the last item sends the last chunk
            if files is not None and stored is not None:
                out.append((stored, False))
                continue
            if files is not None:
                places.append(len(out))
                out.append((_PENDING, True))
                chunk.append(files)
            if chunk and (len(chunk) >= _CHUNK or files is None):
                in_flight.append((pool.submit(run_chunk_in_worker, job.token, payload, chunk), places))
                chunk, places = [], []
            # Enough chunks out that no worker waits while this process reads the next releases.
            while in_flight and (len(in_flight) > _IN_FLIGHT_PER_WORKER * workers or files is None):
                settle_oldest()
    finally:
        if executor is None:
            pool.shutdown(cancel_futures=True)
    return out, True


# A task is a few releases: fewer round trips, and the work still spreads evenly (a release
# costs tens of milliseconds; a short run of changed releases is not left to one worker).
_CHUNK = 4
_IN_FLIGHT_PER_WORKER = 3
_PENDING = ReleaseRecord(release="")
