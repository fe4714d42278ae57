"""The bundled corpora are correct, and any single corrupted number in them is exactly one error."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import load_config
from checker.pipeline import build_release_context, run_check, selected_checks
from checker.records import SourceFile
from checker.segment import build_document
from mutations import mutations

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO / "corpora"
RELEASES = sorted(p for p in CORPORA.iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def config():
    return load_config(CORPORA)


@pytest.fixture(scope="module")
def glossary(config):
    from checker.glossary import load_glossaries

    paths = config.glossary_paths()
    return load_glossaries(paths, config.languages) if paths else None


def test_bundled_corpora_have_no_finding(config, glossary) -> None:
    run = run_check(CORPORA, config, glossary=glossary)
    assert run.input_problems == []
    assert run.releases == len(RELEASES) >= 3
    assert [f"{f.file}:{f.line} {f.code} {f.message}" for f in run.findings] == []


def _documents(release: Path, config) -> dict:
    return {
        lang: build_document(release.name, lang, SourceFile.from_text(f"{release.name}/{lang}.md", (release / f"{lang}.md").read_text(encoding="utf-8")))
        for lang in config.languages
    }


def _cases():
    for release in RELEASES:
        for lang in ("fr", "en"):
            text = (release / f"{lang}.md").read_text(encoding="utf-8")
            for mutation in mutations(text, lang):
                yield pytest.param(release, lang, mutation, id=f"{release.name}/{lang}:{mutation.line}:{mutation.kind}:{mutation.description}")


@pytest.mark.parametrize("release, lang, mutation", list(_cases()))
def test_one_corrupted_number_is_exactly_one_error_on_its_line(release, lang, mutation, config, glossary) -> None:
    documents = _documents(release, config)
    text = (release / f"{lang}.md").read_text(encoding="utf-8")
    documents[lang] = build_document(release.name, lang, SourceFile.from_text(f"{release.name}/{lang}.md", mutation.apply(text)))
    ctx = build_release_context(release.name, documents, config.source, glossary=glossary)
    found = [f for spec, severity in selected_checks(config) if spec.scope == "release" and not spec.needs_model
             for f in spec.run(ctx, severity)]
    summary = [f"{f.severity.value} {f.code} {f.lang}:{f.line} {f.message}" for f in found]
    assert len(found) == 1, summary
    (finding,) = found
    assert finding.severity.value == "error", summary
    assert (finding.lang, finding.line) == (lang, mutation.line), summary
