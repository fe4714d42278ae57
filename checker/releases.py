"""One release checked on its own — the map step of `check` — and the compact record it returns.

Every check but the corpus-scope ones (DRIFT001) reads one release only, so releases can be
checked in any order, in any process. Each returns a `ReleaseRecord`: its findings (suppressions
already applied), its input problems and counts, and — when a corpus-scope check runs — what
that check reads of the release, made here by the check's own `prepare` (DRIFT001: the terms and
candidate renderings of the pairs that have a term, with their texts and positions, not the
pairs), and the files that hold an inline comment. The reduce step (`checker.pipeline.run_check`)
runs the corpus-scope checks over those records, so the main process holds a few kilobytes per
release, not its pairs. The aligned pairs themselves come back only when asked (`keep_pairs`).

The map step runs through any `concurrent.futures.Executor`: `ProcessPoolExecutor` by default
(`check --jobs N`), or one handed to `run_check(executor=...)`, such as Dask's
`distributed.Client(...).get_executor()` for a corpus that outgrows one machine. Only
`Executor.submit` is called, and a task is one call of a module-level function on picklable
arguments (a few releases); the job (configuration, glossary, encoder) travels pickled with each
task and is unpickled once per worker process. Releases are read as tasks are sent out, a few
tasks per worker at a time, so the main process never holds the whole corpus's text.
"""

from __future__ import annotations

import pickle
import uuid
from dataclasses import dataclass, field
from typing import Any, Sequence

from checker.checks.context import ReleaseContext
from checker.checks.registry import CheckSpec
from checker.config import Config
from checker.corpus import InputProblem, ReleaseFiles
from checker.records import AlignedPair, Finding, Segment, Severity, SourceFile
from checker.formats.locations import with_format_locations
from checker.suppress import without_suppressed


@dataclass(frozen=True)
class ReleaseRecord:
    """What checking one release produced, small enough to pickle and to cache."""

    release: str
    checked: bool = False  # the source version was readable: the release counts as checked
    documents: int = 0
    sentences: int = 0
    pairs: int = 0
    findings: tuple[Finding, ...] = ()  # release-scope findings, suppressions applied
    problems: tuple[InputProblem, ...] = ()  # versions over the limits
    # For the corpus-scope checks, when they run: check code -> what its `prepare` made of the
    # release, and the files with an inline `checker:` comment (whole: the comments silence
    # corpus-scope findings too).
    prepared: tuple[tuple[str, Any], ...] = ()
    commented_files: tuple[SourceFile, ...] = ()
    # target lang -> aligned pairs, when the job asked for them (`keep_pairs`)
    pairs_by_lang: tuple[tuple[str, tuple[AlignedPair, ...]], ...] = ()
    # What the sentence encoder did for this release (added to the caller's encoder's stats when
    # the release ran in another process), and why it stopped, when it did.
    embedded: int = 0
    embedded_cached: int = 0
    encoder_problem: str | None = None


@dataclass
class ReleaseJob:
    """Everything one release's check needs besides its files; sent once to each worker."""

    config: Config
    source_lang: str
    checks: Sequence[tuple[CheckSpec, Severity]]
    glossary: Any = None
    translation_service: Any = None  # only in-process: a loaded model stays in one process
    provider: Any = None  # checker.translate.similarity.SimilarityProvider
    keep_for_corpus: bool = False  # a corpus-scope check runs: return what it needs and the suppressions
    keep_pairs: bool = False  # return the aligned pairs too (slim: no file text)
    token: str = field(default_factory=lambda: uuid.uuid4().hex)


def runnable(spec: CheckSpec, ctx: ReleaseContext | None, glossary: Any) -> bool:
    if spec.needs_glossary and glossary is None:
        return False
    return not (ctx is not None and spec.needs_model and not ctx.translations)


def check_release(job: ReleaseJob, files: ReleaseFiles) -> ReleaseRecord:
    """Segment, align and check one release whose source version was read."""
    from checker.pipeline import build_release_context
    from checker.segment import build_document

    config, source_lang = job.config, job.source_lang
    documents = {lang: build_document(files.release, lang, source) for lang, source in files.files.items()}
    problems = []
    for lang, document in list(documents.items()):  # a version over the limits is a problem, not a run of hours
        too_large = config.limits.document_problem(document)
        if too_large:
            problems.append(InputProblem(document.source.path, too_large))
            del documents[lang]
    if source_lang not in documents:
        return ReleaseRecord(files.release, problems=tuple(problems))
    counts = dict(checked=True, documents=len(documents),
                  sentences=sum(len(d.segments) for d in documents.values()), problems=tuple(problems))
    if len(documents) < 2:
        return ReleaseRecord(files.release, **counts)
    encoder = getattr(job.provider, "encoder", None)
    before = (encoder.stats.embedded, encoder.stats.cached) if encoder is not None else (0, 0)
    ctx = build_release_context(files.release, documents, source_lang, glossary=job.glossary,
                                translation_service=job.translation_service, similarity=job.provider)
    found = [f for spec, severity in job.checks if spec.scope == "release" and runnable(spec, ctx, job.glossary)
             for f in spec.run(ctx, severity)]
    found = with_format_locations(found, documents)  # DOCX paragraph and heading, XLIFF/TMX unit and state
    record = ReleaseRecord(
        files.release, pairs=sum(len(p) for p in ctx.pairs.values()),
        # propose_unused: the release step is where a comment's own checks ran (SUP001, checker.suppress)
        findings=tuple(without_suppressed(found, files.files.values(), propose_unused=True)), **counts,
    )
    if encoder is not None:
        record = _with_encoder_stats(record, encoder, before)
    if job.provider is not None and job.provider.problem:
        record = _replace(record, encoder_problem=job.provider.problem)
    if job.keep_for_corpus:
        record = _replace(
            record,
            prepared=tuple((spec.code, spec.prepare(ctx)) for spec, _ in job.checks
                           if spec.scope == "corpus" and spec.prepare is not None and runnable(spec, None, job.glossary)),
            commented_files=tuple(s for s in files.files.values() if "checker:" in s.text),
        )
    if job.keep_pairs:
        slim_files: dict[str, SourceFile] = {}
        record = _replace(
            record,
            pairs_by_lang=tuple((lang, tuple(_slim_pair(p, slim_files) for p in pairs)) for lang, pairs in ctx.pairs.items()),
        )
    return record


# --- running the map step in other processes -------------------------------------------------

_WORKER_JOB: tuple[str, ReleaseJob] | None = None  # the job this worker process last unpickled


def run_chunk_in_worker(token: str, job_bytes: bytes, releases: Sequence[ReleaseFiles]) -> list[ReleaseRecord]:
    """One task of the map step, a few releases, as an executor runs it: the job is unpickled once
    per worker (its encoder then loads once, on its first cache miss), whatever the executor."""
    global _WORKER_JOB
    if _WORKER_JOB is None or _WORKER_JOB[0] != token:
        _WORKER_JOB = (token, pickle.loads(job_bytes))
    return [check_release(_WORKER_JOB[1], files) for files in releases]


def job_bytes(job: ReleaseJob) -> bytes:
    return pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)


# --- helpers ------------------------------------------------------------------------------------

def _replace(record: ReleaseRecord, **changes: Any) -> ReleaseRecord:
    from dataclasses import replace

    return replace(record, **changes)


def _with_encoder_stats(record: ReleaseRecord, encoder: Any, before: tuple[int, int]) -> ReleaseRecord:
    return _replace(record, embedded=encoder.stats.embedded - before[0], embedded_cached=encoder.stats.cached - before[1])


def _slim_pair(pair: AlignedPair, slim_files: dict[str, SourceFile]) -> AlignedPair:
    """The pair with segments that point at a file without its text: line and column still work."""
    return AlignedPair(tuple(_slim_segment(s, slim_files) for s in pair.source),
                       tuple(_slim_segment(s, slim_files) for s in pair.target),
                       pair.source_lang, pair.target_lang, pair.score)


def _slim_segment(segment: Segment, slim_files: dict[str, SourceFile]) -> Segment:
    source = segment.source
    slim = slim_files.get(source.path)
    if slim is None:  # one per file, so that a pickle holds each file's line starts once
        slim = slim_files[source.path] = SourceFile(path=source.path, text="", line_starts=source.line_starts)
    return Segment(text=segment.text, source=slim, offsets=segment.offsets, block=segment.block,
                   block_kind=segment.block_kind, index=segment.index)
