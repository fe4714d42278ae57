"""Numeric checks: every aligned pair's numbers compared as facts, using all three versions.

With more than one target language, a value on which two versions agree and the third
differs is reported once, on the odd one out, even when that is the source.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Iterator

from checker.checks.context import ReleaseContext
from checker.checks.registry import check
from checker.locales import QUALIFIER_LABEL, get_locale
from checker.numbers import values as kinds
from checker.numbers.compare import (EXTRA, FOREIGN_FORMAT, MISSING, VALUE, Comparison, Mismatch, compare_values,
                                     is_strong, without_untranslated_names)
from checker.numbers.extract import extract_values
from checker.numbers.values import NumericValue
from checker.records import CONFIDENCE, AlignedPair, Problem, Span, locate


@lru_cache(maxsize=16384)
def values_of(text: str, lang: str) -> tuple[NumericValue, ...]:
    return tuple(extract_values(text, lang))


@dataclass(frozen=True)
class _PairComparison:
    lang: str
    pair: AlignedPair
    comparison: Comparison


def _comparisons(ctx: ReleaseContext) -> list[_PairComparison]:
    return ctx.memo("number-comparisons", lambda: _compare_release(ctx))


def _compare_release(ctx: ReleaseContext) -> list[_PairComparison]:
    out = []
    for lang, pairs in ctx.pairs.items():
        for pair in pairs:
            if not pair.source or not pair.target:
                continue  # omissions are the omission checks' business
            source_values, target_values = without_untranslated_names(
                values_of(pair.source_text, ctx.source_lang), pair.source_text,
                values_of(pair.target_text, lang), pair.target_text,
            )
            comparison = compare_values(source_values, target_values)
            out.append(_PairComparison(lang, pair, comparison))
    return out


def _source_index(pair: AlignedPair, value: NumericValue) -> int:
    """The index of the source segment that holds `value` (pairs may join several)."""
    position = 0
    for segment in pair.source:
        if value.start < position + len(segment.text) + 1:
            return segment.index
        position += len(segment.text) + 1
    return pair.source[-1].index


def _quote(value: NumericValue | None) -> str:
    return f"'{value.text}' ({value.describe()})" if value else "nothing"


def _lang_name(lang: str) -> str:
    return lang.upper()


def _target_problem(ctx: ReleaseContext, item: _PairComparison, value: NumericValue | None,
                    source_value: NumericValue | None, message: str, expected: str | None,
                    found: str | None, confidence: float | None = None, agreeing: tuple[str, ...] = ()) -> Problem:
    pair = item.pair
    if value is not None:
        file, line, column = locate(pair.target, value.start)
    else:
        file, line, column = pair.target[0].file, pair.target[0].line, pair.target[0].column
    return Problem(
        release=ctx.release, source_lang=ctx.source_lang, lang=item.lang, file=file, line=line, column=column,
        message=message, source=pair.source_text, target=pair.target_text, target_lang=item.lang,
        expected=expected, found=found,
        source_spans=(Span(source_value.start, source_value.end),) if source_value else (),
        target_spans=(Span(value.start, value.end),) if value else (),
        confidence=confidence, agreeing=agreeing,
    )


STRONG, WEAK = "strong", "weak"


# Two ordinal words this far apart (as a share of their sentences' lengths) are more likely two
# different things in a merged or reworded pair than one mistranslated ordinal.
ORDINAL_POSITION_GAP = 0.3


def _evidence(mismatch: Mismatch, agreeing: bool, pair: AlignedPair) -> str:
    """How much a mismatch proves: errors need a clash of like with like or a strong value.

    A value on one side only is strong evidence when it is digits with a unit, a currency, a
    scale word or a percent sign, a year or a date (`is_strong`); a number word, a weekday, an
    ordinal adjective or a bare count alone is weak. Two ordinal words that differ prove little
    on their own (`the far post` is `de tweede paal`) unless a third version agrees with one,
    or they stand at about the same place in their sentences.
    """
    if mismatch.reason == FOREIGN_FORMAT:
        return STRONG
    if mismatch.reason == MISSING:
        return STRONG if is_strong(mismatch.source) else WEAK
    if mismatch.reason == EXTRA:
        return STRONG if is_strong(mismatch.target) else WEAK
    s, t = mismatch.source, mismatch.target
    loose = {kinds.ORDINAL, kinds.PERIOD, kinds.FRACTION}
    if not agreeing and s.kind in loose and t.kind in loose and (s.spelled or s.weak) and (t.spelled or t.weak):
        gap = abs(s.start / max(len(pair.source_text), 1) - t.start / max(len(pair.target_text), 1))
        if gap > ORDINAL_POSITION_GAP:
            return WEAK
    if s.weak != t.weak and not agreeing and s.kind == t.kind == kinds.NUMBER:
        return WEAK  # "both" left over against a number word: only a third version makes it a clash
    return STRONG


def _confidence(mismatch: Mismatch, evidence: str, agreeing: bool) -> float:
    if evidence == WEAK:
        return CONFIDENCE["weak"]
    if agreeing or mismatch.reason in (VALUE, FOREIGN_FORMAT):
        return CONFIDENCE["certain"]
    return CONFIDENCE["strong"]


@dataclass
class _OddSource:
    """The source disagrees with every target, and the targets agree with each other."""

    items: list[tuple[_PairComparison, Mismatch]]


def _relaxed_key(value: NumericValue) -> tuple[str, str]:
    # Two targets "agree" when they carry the same fact, however each language writes it.
    # (a count and an ordinal of one number too: `60e verjaardag`, `60 ans`)
    return (value.kind if value.kind not in ("number", "amount", "ordinal") else "quantity", str(value.key[1]))


def _group_by_source(ctx: ReleaseContext, items: list[_PairComparison]) -> tuple[list, dict]:
    """Find mismatches on which all targets agree against the source; return the rest per target."""
    by_key: dict[tuple, dict[str, tuple[_PairComparison, Mismatch]]] = defaultdict(dict)
    matched_langs: dict[tuple, set[str]] = defaultdict(set)
    for item in items:
        for s, _t in item.comparison.matched:
            matched_langs[(_source_index(item.pair, s), s.key)].add(item.lang)
        for mismatch in item.comparison.mismatches:
            if mismatch.reason == EXTRA:
                first = item.pair.source[0].index
                key = ("extra", first, _relaxed_key(mismatch.target))
            else:
                key = ("source", _source_index(item.pair, mismatch.source), mismatch.source.key)
            by_key[key].setdefault(item.lang, (item, mismatch))
    odd_sources = []
    singles: dict[tuple[str, int], dict] = {}
    target_langs = [lang for lang in ctx.pairs]
    for key, per_lang in by_key.items():
        entries = list(per_lang.values())
        if len(target_langs) >= 2 and set(per_lang) == set(target_langs) and _targets_agree(entries):
            odd_sources.append(_OddSource(entries))
            continue
        for lang, (item, mismatch) in per_lang.items():
            agree = sorted(matched_langs.get(key[1:], set()) - {lang}) if key[0] == "source" else []
            singles[(lang, id(mismatch))] = (item, mismatch, agree)
    return odd_sources, singles


def _targets_agree(entries: list[tuple[_PairComparison, Mismatch]]) -> bool:
    measures = [m.target for _i, m in entries if m.target is not None and m.target.kind == kinds.QUANTITY]
    if len(measures) == len(entries) >= 2:  # "40 mijl" and "64 km" agree against "50 miles"
        from checker.numbers.units import same_measure

        first = measures[0]
        return all(same_measure(first.value, first.unit, other.value, other.unit, both_rounded=True)
                   for other in measures[1:])
    keys = set()
    for _item, mismatch in entries:
        if mismatch.reason in (MISSING,):
            keys.add(("missing",))
        elif mismatch.target is not None:
            keys.add(_relaxed_key(mismatch.target))
        else:
            return False
    return len(keys) == 1


def _format_for(value: Decimal, lang: str) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=get_locale(lang).babel_locale, group_separator=True)


def _mismatch_problems(ctx: ReleaseContext, reasons: set[str], evidence: str = STRONG) -> Iterator[Problem]:
    items = _comparisons(ctx)
    odd_sources, singles = _group_by_source(ctx, items)
    src = _lang_name(ctx.source_lang)

    for odd in odd_sources:
        item, mismatch = odd.items[0]
        if mismatch.reason not in reasons or _evidence(mismatch, True, item.pair) != evidence:
            continue
        confidence = _confidence(mismatch, evidence, agreeing=True)
        others = " and ".join(_lang_name(i.lang) for i, _ in odd.items)
        pair = item.pair
        if mismatch.reason == EXTRA:
            value = mismatch.target
            message = (f"{src} lacks {_quote(value)}: {others} both have it here; "
                       f"the source may have dropped a number")
            file, line, column = pair.source[0].file, pair.source[0].line, pair.source[0].column
            spans, expected, found = (), value.describe(), "nothing"
        else:
            value = mismatch.source
            theirs = mismatch.target.describe() if mismatch.target else "nothing"
            message = f"{src} has {_quote(value)} where {others} agree on {theirs}: check the source"
            if mismatch.reason == FOREIGN_FORMAT and mismatch.foreign_side == "source":
                message = (f"{src} writes {_quote(value)}, which reads as {value.describe()} in {get_locale(ctx.source_lang).name}; "
                           f"{others} agree on {theirs}: write {_format_for(mismatch.target.value, ctx.source_lang)}")
            file, line, column = locate(pair.source, value.start)
            spans, expected, found = (Span(value.start, value.end),), theirs, value.describe()
        yield Problem(
            release=ctx.release, source_lang=ctx.source_lang, lang=ctx.source_lang, file=file, line=line,
            column=column, message=message, source=pair.source_text, target=pair.target_text,
            target_lang=item.lang, expected=expected, found=found, source_spans=spans,
            target_spans=tuple(Span(m.target.start, m.target.end) for i, m in odd.items[:1] if m.target),
            extra=tuple((_lang_name(i.lang), i.pair.target_text) for i, _ in odd.items[1:]),
            confidence=confidence, agreeing=tuple(i.lang for i, _ in odd.items),
        )

    for (lang, _), (item, mismatch, agree) in sorted(singles.items(), key=lambda kv: _order(kv[1])):
        if mismatch.reason not in reasons or _evidence(mismatch, bool(agree), item.pair) != evidence:
            continue
        confidence = _confidence(mismatch, evidence, agreeing=bool(agree))
        tgt = _lang_name(lang)
        s, t = mismatch.source, mismatch.target
        agreement = f" ({src} and {' and '.join(_lang_name(a) for a in agree)} agree on {s.describe()})" if agree and s else ""
        agreeing = (ctx.source_lang, *agree) if agreement else ()
        if mismatch.reason == VALUE:
            message = f"{src} has {_quote(s)}, {tgt} has {_quote(t)}{agreement}"
            yield _target_problem(ctx, item, t, s, message, s.describe(), t.describe(), confidence, agreeing)
        elif mismatch.reason == MISSING:
            message = f"{src} has {_quote(s)}, {tgt} has no matching number{agreement}"
            yield _target_problem(ctx, item, None, s, message, s.describe(), "nothing", confidence, agreeing)
        elif mismatch.reason == EXTRA:
            message = f"{tgt} has {_quote(t)}, which the {src} source does not have"
            yield _target_problem(ctx, item, t, None, message, "nothing", t.describe(), confidence)
        elif mismatch.reason == FOREIGN_FORMAT and mismatch.foreign_side == "target":
            name = get_locale(lang).name
            message = (f"{tgt} writes '{t.text}', which reads as {t.describe()} in {name}; "
                       f"{src} has {_quote(s)}: write {_format_for(s.value, lang)}")
            yield _target_problem(ctx, item, t, s, message, _format_for(s.value, lang), t.text, confidence)
        elif mismatch.reason == FOREIGN_FORMAT:
            message = (f"{src} writes '{s.text}', which reads as {s.describe()} in {get_locale(ctx.source_lang).name}; "
                       f"{tgt} has {_quote(t)}")
            file, line, column = locate(item.pair.source, s.start)
            yield Problem(
                release=ctx.release, source_lang=ctx.source_lang, lang=ctx.source_lang, file=file, line=line,
                column=column, message=message, source=item.pair.source_text, target=item.pair.target_text,
                target_lang=lang, expected=_format_for(t.value, ctx.source_lang), found=s.text,
                source_spans=(Span(s.start, s.end),), target_spans=(Span(t.start, t.end),),
                confidence=confidence,
            )


def _order(entry) -> tuple:
    item, mismatch, _agree = entry
    value = mismatch.target or mismatch.source
    return (item.lang, item.pair.target[0].index, value.start)


@check("NUM001", "number-mismatch", "number", "error")
def number_mismatch(ctx: ReleaseContext) -> Iterator[Problem]:
    """A number, amount, percentage, date, time, phone number or ordinal differs between versions.

    ## What it does
    Reads every numeric expression of an aligned source and target sentence the way a
    reader of each language would (`€81 miljoen` = `81 millions d'euros` = `€81 million`;
    `1.200` (nl) = `1 200` (fr) = `1,200` (en); `miljard` = `milliard` = `billion`;
    `vijf` = `cinq` = `five`; `derde` = `troisième` = `third`; `9u30` = `9h30` = `9.30 am`)
    and compares them as facts. A value that differs, is missing or is added is reported.
    With several target languages, when two versions agree and the third differs, the
    finding points at the odd one out — the source included — and says that the others agree.

    ## Why is this bad?
    A wrong figure in a press release is a factual error in public, in one language only.

    ## Example
    ```
    nl: Het budget bedraagt €81 miljoen.
    fr: Le budget s'élève à 18 millions d'euros.
    ```

    ## Use instead
    ```
    fr: Le budget s'élève à 81 millions d'euros.
    ```
    """
    yield from _mismatch_problems(ctx, {VALUE, MISSING, EXTRA})


@check("NUM006", "number-unconfirmed", "number", "warning")
def number_unconfirmed(ctx: ReleaseContext) -> Iterator[Problem]:
    """A number word, weekday, ordinal or bare count is in one version only, or two ordinal words differ.

    ## What it does
    Reports the differences NUM001 does not call errors because the evidence is weak: a value
    that only one version states and that a careful translator may leave implicit or add
    (`les deux` for `both`, `il y a dix ans` for `a decade ago`, `the final third`, a weekday
    added to a date line), and two ordinal words that differ while no third version agrees with
    either. Each is worth a look; none blocks a gate at the default fail level.

    ## Why is this bad?
    Sometimes it is a dropped or invented fact; often it is good translation. The finding
    carries a low `confidence` in the JSON report so that a pipeline can gate on it.

    ## Example
    ```
    en: Saturday afternoon's event in Holyoke was her 36th meeting.
    fr: L'événement de samedi après-midi à Holyoke était sa 36e réunion, a-t-on appris lundi.
    ```

    ## Use instead
    Check that the added or missing value is intended; suppress the finding if it is.
    """
    yield from _mismatch_problems(ctx, {VALUE, MISSING, EXTRA}, evidence=WEAK)


@check("NUM002", "foreign-number-format", "number", "error")
def foreign_number_format(ctx: ReleaseContext) -> Iterator[Problem]:
    """A number is written in another language's format, which changes its value.

    ## What it does
    Finds numbers whose separators follow another locale's convention where that changes
    what a reader understands: `1.200 jobs` in English reads as 1.2, `1,200 emplois` in
    French as 1,2. The source's value, read in its own language, shows what was meant.

    ## Why is this bad?
    The reader of that language sees a different number from the one the release states.

    ## Example
    ```
    nl: 1.200 indirecte banen
    en: 1.200 indirect jobs
    ```

    ## Use instead
    ```
    en: 1,200 indirect jobs
    ```
    """
    yield from _mismatch_problems(ctx, {FOREIGN_FORMAT})


def _qualifier_text(value: NumericValue) -> str:
    return f"{QUALIFIER_LABEL[value.qualifier]} {value.describe()}" if value.qualifier else value.describe()


def _qualifier_problems(ctx: ReleaseContext, conflicting: bool) -> Iterator[Problem]:
    src = _lang_name(ctx.source_lang)
    for item in _comparisons(ctx):
        for difference in item.comparison.qualifier_differences:
            if difference.conflicting != conflicting:
                continue
            s, t = difference.source, difference.target
            if conflicting:
                message = f"{src} says {_qualifier_text(s)} ('{s.text}'), {_lang_name(item.lang)} says {_qualifier_text(t)} ('{t.text}')"
            elif s.qualifier and not t.qualifier:
                message = f"{src} hedges '{s.text}' ({_qualifier_text(s)}); {_lang_name(item.lang)} states '{t.text}' without it"
            elif t.qualifier and not s.qualifier:
                message = f"{_lang_name(item.lang)} adds a qualifier: '{t.text}' ({_qualifier_text(t)}) for {src} '{s.text}'"
            else:
                message = f"{src} says {_qualifier_text(s)}, {_lang_name(item.lang)} says {_qualifier_text(t)}"
            yield _target_problem(ctx, item, t, s, message, _qualifier_text(s), _qualifier_text(t))


@check("NUM003", "qualifier-changes-meaning", "number", "warning")
def qualifier_conflict(ctx: ReleaseContext) -> Iterator[Problem]:
    """A qualifier before a number points the other way in the translation.

    ## What it does
    Compares the qualifiers in front of matching numbers: `meer dan` / `plus de` /
    `more than` / `15+` point up, `bijna` / `près de` / `almost` and `minder dan` /
    `moins de` / `less than` point down. Opposite directions are reported.

    ## Why is this bad?
    "More than 470 jobs" and "almost 470 jobs" are different claims about the same number.

    ## Example
    ```
    nl: meer dan 470 directe banen
    en: almost 470 direct jobs
    ```

    ## Use instead
    ```
    en: more than 470 direct jobs
    ```
    """
    yield from _qualifier_problems(ctx, conflicting=True)


@check("NUM004", "hedge-dropped", "number", "info")
def hedge_dropped(ctx: ReleaseContext) -> Iterator[Problem]:
    """A number is hedged in one version and stated exactly (or hedged differently) in another.

    ## What it does
    Reports matching numbers where one version says `ongeveer` / `environ` / `around`
    (or `more than`, `almost`) and the other states the bare number.

    ## Why is this bad?
    Usually harmless, but "around 60 %" stated as "60 %" claims more precision than the
    source; worth a glance before publishing.

    ## Example
    ```
    nl: ongeveer 60% overheidsgeld
    fr: 60 % de fonds publics
    ```

    ## Use instead
    ```
    fr: environ 60 % de fonds publics
    ```
    """
    yield from _qualifier_problems(ctx, conflicting=False)


@check("NUM005", "added-conversion", "number", "info")
def added_conversion(ctx: ReleaseContext) -> Iterator[Problem]:
    """A translation adds a currency conversion in brackets.

    ## What it does
    Reports an amount in brackets right after an amount in another currency
    (`€81 million ($88.9M)`) that the source does not have.

    ## Why is this bad?
    It is often deliberate for an international audience; it is listed so that the
    conversion rate and date can be checked, never as an error.

    ## Example
    ```
    nl: €81 miljoen
    en: €81 million ($88.9M)
    ```

    ## Use instead
    Keep it if intended, with the rate's date in a note; or drop it.
    """
    src = _lang_name(ctx.source_lang)
    for item in _comparisons(ctx):
        for value in item.comparison.added_conversions:
            message = f"{_lang_name(item.lang)} adds a conversion '{value.text}' ({value.describe()}) that {src} does not have"
            yield _target_problem(ctx, item, value, None, message, "nothing", value.describe())
