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
