"""Aligned pairs whose human translation matches the machine translation far worse than the rest of the release."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Iterator, Mapping, Sequence

from checker.checks.context import ReleaseContext
from checker.checks.registry import check
from checker.records import AlignedPair, Problem

# The threshold is relative to the release itself: how close MT gets to a human translation
# depends on the model, the language pair and the text type far more than on quality, so
# a fixed chrF cut-off would either flood one release or stay silent on another.
#
# Flag a pair when both hold:
# - its robust z-score (distance to the median in units of 1.4826 MAD, one standard deviation
#   for normally distributed scores) is at or below -2. Sentence chrF is noisy: faithful
#   translations of 5-15 word sentences spread with a deviation of 0.10-0.20 in our test
#   releases, and a translation of another sentence altogether lands only 2-2.5 deviations
#   below the median, so the customary -3 would miss the clearest cases;
# - its score is at most half the release's median, which keeps -2 from flagging the low
#   tail of a wide but healthy distribution (about 2% of pairs for normal scores).
Z_THRESHOLD = -2.0
MAX_SHARE_OF_MEDIAN = 0.5
# A release of uniformly close translations has a tiny MAD, and any ordinary rewording would
# then score -2. The floor of 0.05 chrF (0..1) on the MAD means a flagged pair is always at
# least 2 x 1.4826 x 0.05 = 0.15 chrF below the release's median.
MIN_MAD = 0.05
MAD_TO_SIGMA = 1.4826
# With fewer pairs the median and MAD are too unstable to call anything an outlier.
MIN_PAIRS = 8
# Short units (headings, "Perscontact", a name) have erratic chrF and little to omit.
MIN_WORDS = 4


@dataclass(frozen=True)
class ScoredPair:
    pair: AlignedPair
    machine_translation: str
    score: float  # chrF of the MT against the human translation, 0..1


def scored_pairs(pairs: Sequence[AlignedPair], translations: Sequence[str]) -> list[ScoredPair]:
    """The two-sided pairs long enough to judge, each with its MT and chrF."""
    from checker.translate.similarity import chrf  # numpy: only imported when a model ran

    scored = []
    for pair in pairs:
        if not pair.source or not pair.target:
            continue
        if min(len(pair.source_text.split()), len(pair.target_text.split())) < MIN_WORDS:
            continue
        if any(s.index >= len(translations) for s in pair.source):
            continue
        machine = " ".join(translations[s.index] for s in pair.source if translations[s.index])
        if machine:
            scored.append(ScoredPair(pair, machine, chrf(machine, pair.target_text)))
    return scored


def outliers(scored: Sequence[ScoredPair]) -> list[tuple[ScoredPair, float, float]]:
    """(pair, robust z, median) for every pair far below the others; nothing when too few pairs."""
    if len(scored) < MIN_PAIRS:
        return []
    scores = [s.score for s in scored]
    median = statistics.median(scores)
    mad = max(statistics.median(abs(x - median) for x in scores), MIN_MAD)
    found = []
    for item in scored:
        z = (item.score - median) / (MAD_TO_SIGMA * mad)
        if z <= Z_THRESHOLD and item.score <= MAX_SHARE_OF_MEDIAN * median:
            found.append((item, z, median))
    return found


@check("ADQ001", "low-adequacy", "adequacy", "warning", needs_model=True)
def low_adequacy(ctx: ReleaseContext) -> Iterator[Problem]:
    """A translated sentence matches the machine translation of its source far worse than the rest of the release.

    ## What it does
    Translates every source sentence with the configured model and scores each aligned
    pair by chrF of that machine translation against the human translation. A pair of at
    least four words per side is reported, with the machine translation as a hint, when its
    score is two robust standard deviations (1.4826 × median absolute deviation, at least
    0.05 chrF) below the release's median and at most half that median. Releases with fewer
    than eight such pairs are not judged. Needs a model (`checker model download`); the finding is a hint, not proof:
    a free but faithful translation can score low too.

    ## Why is this bad?
    A clause left out, a negation lost or a sentence translated from an older draft carries
    no number and no glossary term, so no rule sees it; a translation that says something
    else reads very differently from what a model makes of the source.

    ## Example
    ```
    nl: De subsidie geldt niet voor bedrijven met meer dan 250 werknemers.
    en: The grant is open to all companies.
    ```

    ## Use instead
    ```
    en: The grant is not available to companies with more than 250 employees.
    ```
    """
    translations: Mapping[str, Sequence[str]] | None = ctx.translations
    if not translations:
        return
    for lang, pairs in ctx.pairs.items():
        machine = translations.get(lang)
        if machine is None:
            continue
        for item, z, median in outliers(scored_pairs(pairs, machine)):
            first = item.pair.target[0]
            yield Problem(
                release=ctx.release,
                source_lang=ctx.source_lang,
                lang=lang,
                file=first.file,
                line=first.line,
                column=first.column,
                message=(
                    f"{lang.upper()} translation differs from the machine translation far more than the rest of "
                    f"this release (chrF {item.score * 100:.0f}, median {median * 100:.0f}, robust z {z:.1f}): "
                    "check for an omission or a change of meaning"
                ),
                source=item.pair.source_text,
                target=item.pair.target_text,
                target_lang=lang,
                extra=(("machine translation", item.machine_translation),),
            )


# ---------------------------------------------------------------------------
# ADQ002: the same question asked of a sentence encoder, which needs no translation model.
#
# Cosine of multilingual sentence embeddings (USE: translations about 0.8, unrelated sentences
# about 0.1) drops when a translation leaves a clause out (0.85 -> 0.66 in our notes) and barely
# moves for a changed number, which the number checks see anyway. As for chrF, the threshold is
# relative to the document: each pair is compared with the other pairs of the same language
# version. Both rules below were calibrated on real professional translations
# (../shared/data/ntrex-dev, 62 documents, EN -> NL/FR: at most 2 warnings per 1,000 pairs) and
# measured on omissions injected into the same documents (benchmarks/bench_omissions.py).
# A pair is reported when its cosine is at least SEMANTIC_MIN_DROP below the document's median
# and one of its target sentences matches some *other* source sentence better than its own by
# SEMANTIC_MARGIN (a sentence from elsewhere: pasted twice, or from an older draft), or when its
# cosine is SEMANTIC_FAR_DROP below the median whatever else it matches. Free but faithful
# translations fall 0.3-0.5 below the median too, so a low cosine alone is not enough.
SEMANTIC_MIN_DROP = 0.25
SEMANTIC_MARGIN = 0.25
SEMANTIC_FAR_DROP = 0.6
# A source sentence of a merged bead "adds nothing" when the bead without it matches the target
# clearly better (keeping it costs at least 0.1 cosine) and on its own it matches the target
# SEMANTIC_ALONE_DROP below the document's median. Only the source side is judged: translators
# split long sentences all the time, and each half alone matches poorly by nature.
SEMANTIC_MAX_GAIN = -0.1
SEMANTIC_ALONE_DROP = 0.45
SEMANTIC_MIN_WORDS = 5


@dataclass(frozen=True)
class SemanticFinding:
    pair: AlignedPair
    score: float  # cosine of the whole bead
    median: float
    elsewhere: float = 0.0  # how much better a target sentence matches another source sentence
    idle: tuple[int, ...] = ()  # Segment.index of a merged sentence that adds nothing (either side)
    idle_side: str = ""  # "source" or "target"


def _words(text: str) -> int:
    return len(text.split())


def semantic_outliers(pairs: Sequence[AlignedPair], similarity) -> list[SemanticFinding]:
    """Pairs that read far from their source by the encoder, and merged sentences that add nothing.

    `similarity` is an `EncoderSimilarity` over the two documents (indices are `Segment.index`).
    """
    scored = []
    for pair in pairs:
        if not pair.source or not pair.target:
            continue
        if min(_words(pair.source_text), _words(pair.target_text)) < MIN_WORDS:
            continue
        source = tuple(s.index for s in pair.source)
        target = tuple(t.index for t in pair.target)
        scored.append((pair, source, target, similarity(source, target)))
    if len(scored) < MIN_PAIRS:
        return []
    median = statistics.median(score for *_, score in scored)
    cosines = similarity.matrix()  # source sentence x target sentence
    found = []
    for pair, source, target, score in scored:
        if score <= median - SEMANTIC_MIN_DROP:
            own = max(float(cosines[i, j]) for i in source for j in target)
            others = [float(cosines[i, j]) for i in range(cosines.shape[0]) if i not in source for j in target]
            elsewhere = max(others, default=0.0) - own
            if elsewhere >= SEMANTIC_MARGIN or score <= median - SEMANTIC_FAR_DROP:
                found.append(SemanticFinding(pair, score, median, elsewhere))
                continue
        idle = _idle_sentence(pair, source, target, score, median, similarity)
        if idle is not None:
            found.append(SemanticFinding(pair, score, median, idle=idle[0], idle_side=idle[1]))
    return found


def _idle_sentence(pair: AlignedPair, source: tuple[int, ...], target: tuple[int, ...], score: float,
                   median: float, similarity) -> tuple[tuple[int, ...], str] | None:
    """A sentence of a merged bead whose removal leaves the match as good: it was probably not translated."""
    for side, ids, segments in (("source", source, pair.source),):
        if len(ids) < 2:
            continue
        for k, segment in enumerate(segments):
            if _words(segment.text) < SEMANTIC_MIN_WORDS:
                continue
            rest = ids[:k] + ids[k + 1:]
            without = similarity(rest, target) if side == "source" else similarity(source, rest)
            alone = similarity((ids[k],), target) if side == "source" else similarity(source, (ids[k],))
            if score - without <= SEMANTIC_MAX_GAIN and alone <= median - SEMANTIC_ALONE_DROP:
                return (ids[k],), side
    return None


@check("ADQ002", "low-semantic-similarity", "adequacy", "warning")
def low_semantic_similarity(ctx: ReleaseContext) -> Iterator[Problem]:
    """A translated sentence reads far from its source by a multilingual sentence encoder.

    ## What it does
    Embeds every aligned pair with the sentence encoder (by default the embedded USE
    multilingual model: no download, no translation model) and reports, with both texts:
    a pair of at least four words per side whose cosine is 0.25 below the median of its
    document while one of its target sentences matches some *other* source sentence better
    than its own by 0.25 (a sentence from elsewhere), or whose cosine is 0.6 below the median;
    and a merged pair (two source sentences aligned with one target sentence) where one source
    sentence of five words or more adds nothing: the pair matches better without it, and on
    its own it matches far worse than the document's median, so it was probably not
    translated. Documents with fewer than eight pairs are not judged. A hint, not proof:
    free but faithful translations read far from their source too, so a low cosine alone is
    never enough. Numbers and negations are left to the rule-based checks, which the encoder
    does not see reliably. With a translation model configured, ADQ001 judges the same pairs by
    chrF of the machine translation; the two are independent opinions and either may report.

    ## Why is this bad?
    A clause or a sentence left out, or a sentence pasted from the wrong place, carries no
    number and no glossary term, so no rule sees it.

    ## Example
    ```
    en: The grant is open to companies with fewer than 250 employees. It runs until 2026.
    fr: La subvention est ouverte aux entreprises.
    ```

    ## Use instead
    ```
    fr: La subvention est ouverte aux entreprises de moins de 250 salariés. Elle court jusqu'en 2026.
    ```
    """
    for lang, pairs in ctx.pairs.items():
        similarity = ctx.semantic.get(lang) if ctx.semantic else None
        if similarity is None:
            continue
        for item in semantic_outliers(pairs, similarity):
            if item.idle:
                segments = item.pair.source if item.idle_side == "source" else item.pair.target
                idle = next(s for s in segments if s.index == item.idle[0])
                where = item.pair.target[0]
                if item.idle_side == "source":
                    message = (f"{lang.upper()} seems to leave out a sentence merged into this pair: "
                               f"'{_clip(idle.text)}' adds nothing to how well it matches "
                               f"(cosine {item.score:.2f}, median {item.median:.2f})")
                else:
                    where = idle
                    message = (f"{lang.upper()} has a sentence in this pair that adds nothing to how well it matches "
                               f"{ctx.source_lang.upper()} (cosine {item.score:.2f}, median {item.median:.2f}): "
                               "check for an addition or a sentence from elsewhere")
            else:
                where = item.pair.target[0]
                elsewhere = (f"; it matches another {ctx.source_lang.upper()} sentence better"
                             if item.elsewhere >= SEMANTIC_MARGIN else "")
                message = (f"{lang.upper()} translation reads far from its source by the sentence encoder "
                           f"(cosine {item.score:.2f}, median {item.median:.2f}{elsewhere}): "
                           "check for an omission, a sentence from elsewhere or a change of meaning")
            yield Problem(
                release=ctx.release, source_lang=ctx.source_lang, lang=lang, file=where.file,
                line=where.line, column=where.column, message=message,
                source=item.pair.source_text, target=item.pair.target_text, target_lang=lang,
            )


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
