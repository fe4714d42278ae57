"""Compare the numeric values of two aligned sentences as multisets of facts.

Matching runs from strict to lenient: the same kind, value and unit first; then the
same quantity where one side leaves the unit implicit (`81 millions` for `81 millions
d'euros`), a date without its year, an hour written as a duration. What is left
unmatched is paired up by closeness, so that one wrong number is one mismatch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Callable, Sequence

from checker.locales import QUALIFIER_DIRECTION
from checker.numbers import values as v
from checker.numbers.values import NumericValue

VALUE = "value"  # both sides have a number here, and they differ
MISSING = "missing"  # the source has a number the target lacks
EXTRA = "extra"  # the target has a number the source lacks
FOREIGN_FORMAT = "foreign format"  # same number, written in a format that changes its value


@dataclass(frozen=True)
class Mismatch:
    reason: str
    source: NumericValue | None
    target: NumericValue | None
    # For FOREIGN_FORMAT: which side is written in another locale's format.
    foreign_side: str = ""


@dataclass(frozen=True)
class QualifierDifference:
    source: NumericValue
    target: NumericValue
    conflicting: bool  # opposite directions ("more than" vs "almost"), not just a dropped hedge


@dataclass(frozen=True)
class Comparison:
    matched: tuple[tuple[NumericValue, NumericValue], ...]
    mismatches: tuple[Mismatch, ...]
    qualifier_differences: tuple[QualifierDifference, ...]
    added_conversions: tuple[NumericValue, ...]  # target-only amounts converting another currency


def _exact(s: NumericValue, t: NumericValue) -> bool:
    return s.key == t.key


def _weak_numbers_differ(s: NumericValue, t: NumericValue) -> bool:
    if s.kind != t.kind or s.value == t.value:
        return False
    return s.kind == v.ORDINAL or (s.kind == v.NUMBER and s.value != 1 and t.value != 1)


def _other_ordinal(s: NumericValue, t: NumericValue) -> bool:
    # Ordinal words are the ambiguous ones worth naming ("second"); "een"/"one" are mostly articles.
    return s.kind == t.kind == v.ORDINAL and s.value != t.value


def _same_quantity(s: NumericValue, t: NumericValue) -> bool:
    """The same amount with the currency written on one side only (`81 millions` for `€81 miljoen`)."""
    if s.kind not in v.QUANTITIES or t.kind not in v.QUANTITIES or s.value != t.value:
        return False
    if s.kind == t.kind:
        return not (s.unit and t.unit and s.unit != t.unit)
    # A percentage is never a bare number: "met 4%" translated "by 4" lost its unit.
    return {s.kind, t.kind} == {v.AMOUNT, v.NUMBER}


def _digits(value: NumericValue) -> str:
    return re.sub(r"\D", "", str(value.value))


def _compatible_other(s: NumericValue, t: NumericValue) -> bool:
    kinds = {s.kind, t.kind}
    if kinds == {v.DATE} and (str(s.value).startswith("--") or str(t.value).startswith("--")):
        # "14 mei" and "14 May 2024": the year is left implicit in one version
        return str(s.value)[-5:] == str(t.value)[-5:]
    if kinds == {v.MONTH, v.DATE}:
        month, date = (s, t) if s.kind == v.MONTH else (t, s)
        return str(date.value)[5:7] == f"{int(month.value):02d}" or str(date.value)[2:4] == f"{int(month.value):02d}"
    if kinds == {v.PERCENTAGE_POINTS, v.NUMBER}:
        return s.value == t.value  # "2,1 procentpunt" = "2.1 points"
    if kinds == {v.TIME, v.NUMBER}:
        time, number = (s, t) if s.kind == v.TIME else (t, s)
        return str(time.value).endswith(":00") and number.value == Decimal(int(str(time.value)[:2]))
    if kinds == {v.ORDINAL, v.NUMBER}:
        return s.value == t.value
    if kinds == {v.FRACTION}:
        return abs(s.value - t.value) <= Decimal("0.01")
    if kinds == {v.FRACTION, v.PERCENT}:
        # "de helft" = "50%", "six sur dix" = "60 %", "een derde" = "33%"
        fraction, percent = (s, t) if s.kind == v.FRACTION else (t, s)
        return abs(fraction.value * 100 - percent.value) <= 1
    if kinds in ({v.CODE, v.NUMBER}, {v.CODE, v.PHONE}, {v.CODE}):
        # "EU-27-lidstaten" = "27 EU member states"; "BE0123456789" = "BE 0123.456.789"
        return _digits(s) == _digits(t) and bool(_digits(s))
    if kinds == {v.PHONE}:
        # +32 476 65 04 38 written as 0476 65 04 38 in one version: the national number agrees
        a, b = str(s.value).lstrip("+"), str(t.value).lstrip("+")
        return a.endswith(b.lstrip("0")) or b.endswith(a.lstrip("0"))
    return False


def _match(
    sources: list[NumericValue], targets: list[NumericValue], same: Callable[[NumericValue, NumericValue], bool]
) -> list[tuple[NumericValue, NumericValue]]:
    pairs = []
    for s in list(sources):
        for t in targets:
            if same(s, t):
                pairs.append((s, t))
                sources.remove(s)
                targets.remove(t)
                break
    return pairs


def _distance(s: NumericValue, t: NumericValue) -> tuple:
    """How unlike two leftover values are, to pair a wrong number with the one it replaced."""
    kind_penalty = 0 if s.kind == t.kind else (1 if {s.kind, t.kind} <= v.QUANTITIES else 3)
    if isinstance(s.value, Decimal) and isinstance(t.value, Decimal) and s.value and t.value:
        ratio = abs(float(max(abs(s.value), abs(t.value)) / min(abs(s.value), abs(t.value))))
    else:
        ratio = 0.0 if str(s.value)[:4] == str(t.value)[:4] else 1.0
    return (kind_penalty, ratio)


def _absorb_fragments(mismatches: list[Mismatch], extras: list[NumericValue]) -> list[Mismatch]:
    """A target value touching another mismatch's target is a piece of the same broken expression.

    `28 février 2025` mistyped as `38 février 2025` reads as the number 38 and the month
    `février 2025`; both belong to one mistake, reported once with the whole span.
    """
    out = list(mismatches)
    for extra in extras:
        for index, mismatch in enumerate(out):
            other = mismatch.target
            if other is not None and (0 <= extra.start - other.end <= 1 or 0 <= other.start - extra.end <= 1):
                first, second = sorted((other, extra), key=lambda value: value.start)
                joined = first.text + " " * (second.start - first.end) + second.text
                merged = replace(other, start=first.start, end=second.end, text=joined)
                out[index] = replace(mismatch, target=merged)
                break
        else:
            out.append(Mismatch(EXTRA, None, extra))
    return out


def _merge_ranges(mismatches: list[Mismatch]) -> list[Mismatch]:
    """`10 tot 15 miljoen` as `10 to 15 billion`: the scale written once is one mistake."""
    out: list[Mismatch] = []
    seen_groups: dict[int, int] = {}
    for mismatch in mismatches:
        group = mismatch.target.group if mismatch.target is not None else -1
        if group >= 0 and mismatch.reason == VALUE and group in seen_groups:
            first = out[seen_groups[group]]
            target = replace(first.target, start=min(first.target.start, mismatch.target.start),
                             end=max(first.target.end, mismatch.target.end))
            out[seen_groups[group]] = replace(first, target=target)
            continue
        if group >= 0 and mismatch.reason == VALUE:
            seen_groups[group] = len(out)
        out.append(mismatch)
    return out


def compare_values(source: Sequence[NumericValue], target: Sequence[NumericValue]) -> Comparison:
    """Match the source's numeric values against the target's and describe every difference."""
    sources = list(source)
    targets = list(target)
    matched = _match(sources, targets, _exact)
    matched += _match(sources, targets, _same_quantity)
    matched += _match(sources, targets, _compatible_other)

    # Ambiguous words ("een", "one", "neuf") count when they match and are silent when not,
    # except to name what a wrong value was replaced by ("derde" translated as "second").
    weak_sources = [s for s in sources if s.weak]
    weak_targets = [t for t in targets if t.weak]
    sources = [s for s in sources if not s.weak]
    targets = [t for t in targets if not t.weak]

    conversions = tuple(t for t in targets if t.conversion)
    targets = [t for t in targets if not t.conversion]

    mismatches: list[Mismatch] = []
    for s in list(sources):
        for t in targets:
            if t.foreign_reading is not None and t.foreign_reading == s.value and t.kind == s.kind:
                mismatches.append(Mismatch(FOREIGN_FORMAT, s, t, foreign_side="target"))
            elif s.foreign_reading is not None and s.foreign_reading == t.value and t.kind == s.kind:
                mismatches.append(Mismatch(FOREIGN_FORMAT, s, t, foreign_side="source"))
            else:
                continue
            sources.remove(s)
            targets.remove(t)
            break

    # One wrong number is one mismatch even when the mistake changed its kind
    # (`17h00` typed as `27h00` is no longer a time): pair leftovers by closeness.
    while sources and targets:
        s, t = min(((s, t) for s in sources for t in targets), key=lambda pair: _distance(*pair))
        mismatches.append(Mismatch(VALUE, s, t))
        sources.remove(s)
        targets.remove(t)
    # Only ordinals left without a counterpart may be paired with an ambiguous ordinal word.
    mismatches += [Mismatch(VALUE, s, t) for s, t in _match(sources, weak_targets, _other_ordinal)]
    mismatches += [Mismatch(VALUE, s, t) for s, t in _match(weak_sources, targets, _other_ordinal)]
    # Two ambiguous words left over that are both clearly numbers ("acht" / "neuf", "eerste" /
    # "second"): articles ("een", "un", "one") are never paired.
    mismatches += [Mismatch(VALUE, s, t) for s, t in _match(weak_sources, weak_targets, _weak_numbers_differ)]
    mismatches += [Mismatch(MISSING, s, None) for s in sources]
    mismatches = _merge_ranges(_absorb_fragments(mismatches, targets))

    differences = []
    for s, t in matched:
        if s.qualifier == t.qualifier or s.weak or t.weak:
            continue
        if s.qualifier and t.qualifier:
            # "ongeveer 40%" vs "more than 40%" claims something else, as does "more than" vs "almost"
            if QUALIFIER_DIRECTION[s.qualifier] != QUALIFIER_DIRECTION[t.qualifier]:
                differences.append(QualifierDifference(s, t, conflicting=True))
        else:
            differences.append(QualifierDifference(s, t, conflicting=False))
    mismatches.sort(key=lambda m: (m.source or m.target).start)
    return Comparison(tuple(matched), tuple(mismatches), tuple(differences), conversions)
