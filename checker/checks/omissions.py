"""Sentences that one version has and another lacks, from the aligner's 1-0 and 0-1 beads."""

from __future__ import annotations

from typing import Iterator

from checker.checks.context import ReleaseContext
from checker.checks.registry import check
from checker.records import AlignedPair, Problem, Segment

# Below this, a lone sentence is a label ("Perscontact:", a name) whose absence is style, not
# content; a list item says its piece in fewer words ("knelpuntberoepen aantrekkelijker maken;").
MIN_WORDS = 4
MIN_WORDS_LIST_ITEM = 2


def _substantial(segments: tuple[Segment, ...]) -> bool:
    words = sum(len(s.text.split()) for s in segments)
    return words >= (MIN_WORDS_LIST_ITEM if segments[0].block_kind == "list_item" else MIN_WORDS)


def _anchor(pairs: tuple[AlignedPair, ...], index: int) -> Segment | None:
    """The target sentence nearest to where the missing translation of pair `index` belongs.

    A neighbour whose source is in the same block comes first: the first sentence of a
    paragraph belongs before the paragraph's next sentence, not after the heading above.
    """
    block = pairs[index].source[0].block if pairs[index].source else None
    for same_block_only in (True, False):
        for step in range(1, len(pairs)):
            for neighbour in (index - step, index + step):
                if not 0 <= neighbour < len(pairs) or not pairs[neighbour].target:
                    continue
                if same_block_only and not (pairs[neighbour].source and pairs[neighbour].source[0].block == block):
                    continue
                segments = pairs[neighbour].target
                return segments[-1] if neighbour < index else segments[0]
    return None


def _omitted_everywhere(ctx: ReleaseContext) -> set[int]:
    """Source sentences that no target has: the source probably added them."""
    per_lang = []
    for pairs in ctx.pairs.values():
        per_lang.append({s.index for p in pairs if p.is_omission for s in p.source})
    if len(per_lang) < 2:
        return set()
    return set.intersection(*per_lang)


@check("OMI001", "untranslated-sentence", "omission", "warning")
def untranslated_sentence(ctx: ReleaseContext) -> Iterator[Problem]:
    """A source sentence has no counterpart in a translation.

    ## What it does
    After aligning the versions block by block and sentence by sentence, reports every
    source sentence of four words or more (list items: two) that the aligner could not
    match with anything in a target version. When every target lacks the same sentence, one finding points at
    the source instead ("only the source has this sentence").

    ## Why is this bad?
    A sentence left out of a translation is information the readers of that language never get.

    ## Example
    ```
    nl: Het project loopt drie jaar. Er zijn 26 partners.
    fr: Le projet dure trois ans.
    ```

    ## Use instead
    ```
    fr: Le projet dure trois ans. Il réunit 26 partenaires.
    ```
    """
    only_in_source = _omitted_everywhere(ctx)
    reported_source: set[int] = set()
    for lang, pairs in ctx.pairs.items():
        for index, pair in enumerate(pairs):
            if not pair.is_omission or not _substantial(pair.source):
                continue
            first = pair.source[0]
            if first.index in only_in_source:
                if first.index in reported_source:
                    continue
                reported_source.add(first.index)
                others = " and ".join(l.upper() for l in ctx.pairs)
                yield Problem(
                    release=ctx.release, source_lang=ctx.source_lang, lang=ctx.source_lang, file=first.file,
                    line=first.line, column=first.column,
                    message=f"only {ctx.source_lang.upper()} has this sentence: {others} have no counterpart",
                    source=pair.source_text, target="", target_lang=lang, expected=None, found=None,
                )
                continue
            anchor = _anchor(pairs, index)
            document = ctx.documents[lang]
            file = anchor.file if anchor else document.path
            line, column = (anchor.line, anchor.column) if anchor else (1, 1)
            yield Problem(
                release=ctx.release, source_lang=ctx.source_lang, lang=lang, file=file, line=line, column=column,
                message=f"sentence not translated into {lang.upper()} (expected near here)",
                source=pair.source_text, target="", target_lang=lang,
                expected=pair.source_text, found="nothing",
            )


@check("OMI002", "added-sentence", "omission", "warning")
def added_sentence(ctx: ReleaseContext) -> Iterator[Problem]:
    """A translation has a sentence with no counterpart in the source.

    ## What it does
    Reports every target sentence of four words or more that the aligner could not match
    with anything in the source.

    ## Why is this bad?
    An added sentence is a claim the source does not make, or a leftover from an older
    version of the release.

    ## Example
    ```
    nl: Het project loopt drie jaar.
    en: The project runs for three years. It is the largest in Europe.
    ```

    ## Use instead
    Add the sentence to the source too, or remove it from the translation.
    """
    for lang, pairs in ctx.pairs.items():
        for pair in pairs:
            if not pair.is_addition or not _substantial(pair.target):
                continue
            first = pair.target[0]
            yield Problem(
                release=ctx.release, source_lang=ctx.source_lang, lang=lang, file=first.file, line=first.line,
                column=first.column, message=f"{lang.upper()} has a sentence with no counterpart in {ctx.source_lang.upper()}",
                source="", target=pair.target_text, target_lang=lang, expected="nothing", found=pair.target_text,
            )
