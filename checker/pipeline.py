"""The `check` job: corpus → documents → (translations) → alignment → checks → sorted findings.

Each stage lives in its own module; this one only passes records from one to the next
and applies the configuration (which checks run, at which severity).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from checker.align import align_documents
from checker.checks.context import CorpusContext, ReleaseContext
from checker.checks.registry import CheckSpec, all_checks
from checker.config import Config
from checker.corpus import InputProblem, discover_releases, read_release
from checker.records import Document, Finding, Severity
from checker.segment import build_document
from checker.suppress import without_suppressed


@dataclass
class CheckRun:
    """Everything one `check` produced: findings, input problems and what was skipped."""

    findings: list[Finding] = field(default_factory=list)
    input_problems: list[InputProblem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # what was not run and why, e.g. model checks
    translation: str = ""  # one line on what the model did, when one was used
    releases: int = 0
    documents: int = 0
    sentences: int = 0
    pairs: int = 0

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
    similarity_factory: Callable | None = None,
) -> ReleaseContext:
    """Align every target version of one release with its source version."""
    source = documents[source_lang]
    targets = [lang for lang in documents if lang != source_lang]
    translations = _translations(translation_service, source, targets) if translation_service else {}
    pairs = {}
    for lang in targets:
        similarity = None
        if lang in translations and similarity_factory is not None:
            similarity = similarity_factory(translations[lang], [s.text for s in documents[lang].segments])
        pairs[lang] = align_documents(source, documents[lang], similarity=similarity)
    return ReleaseContext(
        release=release,
        source_lang=source_lang,
        documents=documents,
        pairs=pairs,
        glossary=glossary,
        translations=translations or None,
    )


def run_check(
    path: Path,
    config: Config,
    *,
    source_lang: str | None = None,
    glossary: Any = None,
    translation_service: Any = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    progress: Callable[[int, int], None] | None = None,
) -> CheckRun:
    """Check every release under `path`; never raises on bad input (it becomes `input_problems`)."""
    run = CheckRun()
    source_lang = source_lang or config.source
    languages = list(config.languages)
    releases, problems = discover_releases(path, languages)
    run.input_problems.extend(problems)
    checks = selected_checks(config, select, ignore)

    model_available = False
    similarity_factory = None
    missing_reasons: list[str] = []
    if translation_service is not None:
        from checker.translate.similarity import mt_similarity

        similarity_factory = mt_similarity
        missing = translation_service.missing(source_lang, [l for l in languages if l != source_lang])
        model_available = len(missing) < len(languages) - 1
        missing_reasons = [str(m) for m in missing]
    model_checks = [spec.code for spec, _ in checks if spec.needs_model]
    if missing_reasons or not model_available:
        what = f"{', '.join(model_checks)} and MT-assisted alignment" if model_checks else "MT-assisted alignment"
        where = "" if not model_available else " for some pairs"
        why = "; ".join(missing_reasons) or "no translation model (pass --model-dir or see `checker model --help`)"
        run.skipped.append(f"{what}{where} ({why})")
    if glossary is None:
        glossary_checks = [spec.code for spec, _ in checks if spec.needs_glossary]
        if glossary_checks:
            run.skipped.append(f"{', '.join(glossary_checks)} (no glossary found)")

    contexts: list[ReleaseContext] = []
    sources: dict[str, Any] = {}  # corpus-scope findings are filtered against every file
    needs_corpus = any(spec.scope == "corpus" for spec, _ in checks)
    for number, directory in enumerate(releases, 1):
        files, problems = read_release(directory, languages, path)
        run.input_problems.extend(problems)
        if progress:
            progress(number, len(releases))
        if source_lang not in files.files:
            continue  # already reported: without the source there is nothing to compare
        documents = {lang: build_document(files.release, lang, source) for lang, source in files.files.items()}
        run.releases += 1
        run.documents += len(documents)
        run.sentences += sum(len(d.segments) for d in documents.values())
        if len(documents) < 2:
            continue
        release_findings: list[Finding] = []
        ctx = build_release_context(
            files.release, documents, source_lang, glossary=glossary,
            translation_service=translation_service if model_available else None,
            similarity_factory=similarity_factory,
        )
        run.pairs += sum(len(p) for p in ctx.pairs.values())
        for spec, severity in checks:
            if spec.scope != "release" or (spec.needs_model and not ctx.translations):
                continue
            if spec.needs_glossary and glossary is None:
                continue
            release_findings.extend(spec.run(ctx, severity))
        run.findings.extend(without_suppressed(release_findings, files.files.values()))
        if needs_corpus:
            contexts.append(ctx)
            sources.update({source.path: source for source in files.files.values()})

    if contexts:
        corpus = CorpusContext(releases=tuple(contexts), glossary=glossary)
        for spec, severity in checks:
            if spec.scope == "corpus" and not (spec.needs_glossary and glossary is None):
                run.findings.extend(without_suppressed(spec.run(corpus, severity), sources.values()))

    if translation_service is not None and model_available:
        # A model that failed to load while translating is missing now: say so, once.
        late = [str(m) for m in translation_service.missing(source_lang, [l for l in languages if l != source_lang])
                if str(m) not in missing_reasons]
        stats = getattr(translation_service, "stats", None)
        problem = getattr(stats, "cache_problem", None)
        if stats is not None:
            run.translation = (f"machine translation: {stats.translated} sentences translated, "
                               f"{stats.cached} from the cache")
        if late:
            run.skipped.append(f"MT for some pairs ({'; '.join(late)})")
        if problem:
            run.skipped.append(problem)
    run.findings.sort(key=Finding.sort_key)
    return run
