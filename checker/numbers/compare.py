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
from checker.locales.base import TIME_UNITS
from checker.numbers import values as v
from checker.numbers.values import NumericValue, canonical

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


def _any_reading(same: Callable[[NumericValue, NumericValue], bool]) -> Callable[[NumericValue, NumericValue], bool]:
    """`same`, tried on every reading of both values (`550 pounds` as money and as weight)."""
    def matches(s: NumericValue, t: NumericValue) -> bool:
        if not s.alternatives and not t.alternatives:
            return same(s, t)
        return any(same(a, b) for a in s.readings() for b in t.readings())

    return matches


def _exact(s: NumericValue, t: NumericValue) -> bool:
    return s.key == t.key


def _converted(s: NumericValue, t: NumericValue) -> bool:
    """`300 mijl` = `480 km`, `86 °F` = `30 °C`: the same measure in other units, rounded as translators do."""
    if s.kind != v.QUANTITY or t.kind != v.QUANTITY:
        return False
    from checker.numbers.units import same_measure

    return same_measure(s.value, s.unit, t.value, t.unit, hedged=bool(s.qualifier or t.qualifier))


def is_year(value: NumericValue) -> bool:
    return (value.kind == v.NUMBER and isinstance(value.value, Decimal) and value.text.isdigit()
            and len(value.text) == 4 and 1000 <= value.value <= 2100)


def is_strong(value: NumericValue) -> bool:
    """Whether a value alone, with nothing to compare it with, is evidence enough for an error.

    Digits with a currency, a unit, a scale word or a percent sign, a year, a full date, a clock
    time, a phone number, a score: a translation that drops or adds one has changed the facts.
    A bare count, a number word, a weekday, a month, an ordinal or a fraction is often written
    implicitly by a good translator (`both`, `a decade`, `the far post`), and 100 % is mostly
    "completely".
    """
    if value.weak or value.spelled:
        return False
    if _is_duration(value):
        return False  # `for three years` is often left implicit, like a bare count
    if value.kind in (v.AMOUNT, v.PERCENTAGE_POINTS, v.QUANTITY, v.PHONE, v.TIME, v.DURATION, v.SCORE):
        return True
    if value.kind == v.PERCENT:
        return value.value != 100
    if value.kind == v.DATE:
        return True
    if value.kind == v.ORDINAL:
        return True  # `25th`, `3e`: an ordinal in digits (words are `spelled`)
    if value.kind == v.NUMBER:
        return is_year(value) or _written_scale(value)
    return False


def _is_duration(value: NumericValue) -> bool:
    return value.kind == v.QUANTITY and value.unit in TIME_UNITS


def _written_scale(value: NumericValue) -> bool:
    digits = re.findall(r"\d+(?:[.,]\d+)?", value.text)
    return bool(digits) and any(ch.isalpha() for ch in value.text)


def _best_readings(s: NumericValue, t: NumericValue) -> tuple[NumericValue, NumericValue] | None:
    """The readings of two leftovers that can be one fact written wrongly (`550 pounds` as a weight
    against `350 kg`), closest first; None when no reading of one fits any of the other."""
    candidates = [(a, b) for a in s.readings() for b in t.readings() if _pairable(a, b)]
    return min(candidates, key=lambda pair: _distance(*pair)) if candidates else None


def _pairable(s: NumericValue, t: NumericValue) -> bool:
    """Whether two leftover values can be one fact written wrongly, and so one finding."""
    if not v.related(s.kind, t.kind):
        return False
    exact_kinds = {v.DATE, v.TIME, v.AMOUNT, v.PERCENT, v.PHONE, v.CODE, v.QUANTITY, v.SCORE, v.DURATION}
    counted_duration = {s.kind, t.kind} == {v.NUMBER, v.QUANTITY} and (_is_duration(s) or _is_duration(t))
    if s.kind != t.kind and (s.spelled or t.spelled) and {s.kind, t.kind} & exact_kinds and not counted_duration:
        return False  # a number word is no garbled date; `vijfjarig` may be a garbled `six-year`
    if {s.kind, t.kind} & {v.AMOUNT, v.PERCENT} and (is_year(s) or is_year(t)):
        return False  # an amount against a year says nothing
    if s.kind == t.kind == v.QUANTITY:
        from checker.numbers.units import same_dimension

        return same_dimension(s.unit, t.unit)
    return True


def _weak_numbers_differ(s: NumericValue, t: NumericValue) -> bool:
    if s.kind != t.kind or s.value == t.value:
        return False
    return s.kind == v.ORDINAL or (s.kind == v.NUMBER and s.value != 1 and t.value != 1)


def _weak_against_word(s: NumericValue, t: NumericValue) -> bool:
    return (s.kind == t.kind == v.NUMBER and s.spelled and t.spelled and s.value != t.value
            and s.value != 1 and t.value != 1)


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
    if kinds == {v.ORDINAL, v.QUANTITY}:
        # "25 jaar" = "25e anniversaire"
        duration = s if s.kind == v.QUANTITY else t
        return _is_duration(duration) and s.value == t.value
    if kinds == {v.TIME, v.QUANTITY}:
        # "8 uur" written without "om" is read as eight hours; "at 8 o'clock" is 08:00
        time, duration = (s, t) if s.kind == v.TIME else (t, s)
        return (duration.unit == "hour" and str(time.value).endswith(":00")
                and duration.value == Decimal(int(str(time.value)[:2])))
    if kinds == {v.PERIOD, v.ORDINAL}:
        # "second half" read as a half-year in one language, as an ordinal in another
        period, ordinal = (s, t) if s.kind == v.PERIOD else (t, s)
        return str(period.value)[1:] == canonical(ordinal.value)
    if kinds == {v.PERIOD, v.FRACTION}:
        # "the top half" = "de eerste helft": one of two halves, read as a half-year in one
        # language and as a fraction in the other
        period, fraction = (s, t) if s.kind == v.PERIOD else (t, s)
        return str(period.value) in ("H1", "H2") and fraction.value == Decimal("0.5")
    if kinds == {v.DECADE, v.NUMBER}:
        # "in his 40s" = "la quarantaine", "the 1980s" = "jaren tachtig"
        decade, number = (s, t) if s.kind == v.DECADE else (t, s)
        tens = int(str(decade.value)[:-2]) * 10
        return number.value in (tens, 1900 + tens, 2000 + tens)
    if kinds == {v.CODE, v.ORDINAL}:
        return _digits(s) == _digits(t)  # "WW1" = "Eerste Wereldoorlog"
    if kinds == {v.WEEKDAY, v.DATE}:
        return _weekday_of_date(s, t)
    if kinds == {v.SCORE, v.NUMBER}:
        return False  # paired as two numbers, below
    if kinds == {v.QUANTITY, v.NUMBER}:
        # the unit written once: "1 to 2 inches" against "3 tot 5 cm" is paired by range; a
        # bare number with the same value as a quantity is the quantity with its unit implied
        quantity, number = (s, t) if s.kind == v.QUANTITY else (t, s)
        return quantity.value == number.value
    if kinds == {v.FRACTION}:  # "one in five" = "un cinquième"
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


def _converted_by(value: NumericValue, conversions: Sequence[NumericValue]) -> bool:
    """Whether a matched conversion in brackets right after `value` restates it (a length is
    checked against it; an exchange rate cannot be)."""
    for conversion in conversions:
        if 0 < conversion.start - value.end <= 3 and conversion.kind == value.kind:
            return value.kind != v.QUANTITY or _converted(value, conversion)
    return False


def _weekday_of_date(s: NumericValue, t: NumericValue) -> bool:
    """"Saturday" written as "29 septembre": true when the date has no year to check it by."""
    import datetime

    weekday, date = (s, t) if s.kind == v.WEEKDAY else (t, s)
    parts = str(date.value).split("-")
    if str(date.value).startswith("--"):
        return True
    if len(parts) != 3:
        return False
    try:
        return datetime.date(int(parts[0]), int(parts[1]), int(parts[2])).isoweekday() == int(weekday.value)
    except ValueError:
        return False


def _split_as_numbers(sources: list[NumericValue], targets: list[NumericValue]) -> list[tuple[NumericValue, NumericValue]]:
    """`trois points sur quatre` = `three points from four`, `2-0` = `2 à 0`: one value on one
    side is two plain numbers on the other. Each side's pieces are matched to the whole."""
    pairs = []
    for whole_side, parts_side in ((sources, targets), (targets, sources)):
        for whole in list(whole_side):
            if whole.kind == v.FRACTION and whole.parts:  # "trois points sur quatre"
                wanted = list(whole.parts)
            elif whole.kind == v.SCORE:
                wanted = [Decimal(n) for n in str(whole.value).split("-")]
            else:
                continue
            numbers = [p for p in parts_side if p.kind == v.NUMBER]
            found, unmatched = [], []
            for number in wanted:
                part = next((p for p in numbers if p.value == number and p not in found), None)
                if part is not None:
                    found.append(part)
                else:
                    unmatched.append(number)
            if found and len(numbers) >= len(wanted):
                # matched as numbers; a piece without its counterpart is left to be compared alone
                # ("deux points sur quatre" against "three points from four": 2 against 3)
                index = whole_side.index(whole)
                whole_side[index : index + 1] = [replace(whole, kind=v.NUMBER, value=n) for n in unmatched]
                for part in found:
                    parts_side.remove(part)
                    pairs.append((whole, part) if whole_side is sources else (part, whole))
    return pairs


def without_untranslated_names(source: Sequence[NumericValue], source_text: str,
                               target: Sequence[NumericValue], target_text: str) -> tuple[list, list]:
    """Drop month, weekday and number words that are names, seen by being left untranslated.

    `Theresa May`, `Saturday Night Live`, `the Sunday Telegraph` keep their capitalised word
    in every version, while a real month or weekday is translated (`May` -> `mei`, `mai`).
    A word written alike in both sentences but read as the same value by both (`Six` in English
    and French) is kept: it matches either way.
    """
    def names(values: Sequence[NumericValue], other_text: str, other_values: Sequence[NumericValue]) -> set[str]:
        out = set()
        for value in values:
            word = value.text
            if not value.spelled or not word[:1].isupper() or any(ch.isdigit() for ch in word):
                continue
            if re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", other_text) and not any(
                    o.text == word and o.key == value.key for o in other_values):
                out.add(word)
        return out

    shared = names(source, target_text, target) | names(target, source_text, source)
    if not shared:
        return list(source), list(target)
    return [s for s in source if s.text not in shared], [t for t in target if t.text not in shared]


def _match_exact(sources: list[NumericValue], targets: list[NumericValue]) -> list[tuple[NumericValue, NumericValue]]:
    """`_match` with `_exact` on any reading, through an index: linear in the number of values."""
    by_key: dict[tuple, list[int]] = {}
    for j, t in enumerate(targets):
        for reading in t.readings():
            by_key.setdefault(reading.key, []).append(j)
    taken: set[int] = set()
    pairs, unmatched = [], []
    for s in sources:
        first = min((j for reading in s.readings() for j in by_key.get(reading.key, ()) if j not in taken), default=None)
        if first is None:
            unmatched.append(s)
        else:
            taken.add(first)
            pairs.append((s, targets[first]))
    sources[:] = unmatched
    targets[:] = [t for j, t in enumerate(targets) if j not in taken]
    return pairs


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


def _repeats_matched_calendar(value: NumericValue, matched_on_its_side: Sequence[NumericValue]) -> bool:
    return value.kind in (v.WEEKDAY, v.MONTH) and any(
        other.kind == value.kind and other.value == value.value for other in matched_on_its_side)


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


MAX_PAIRINGS = 40_000
MAX_LENIENT = 300


def compare_values(source: Sequence[NumericValue], target: Sequence[NumericValue]) -> Comparison:
    """Match the source's numeric values against the target's and describe every difference."""
    sources = list(source)
    targets = list(target)
    matched = _match_exact(sources, targets)
    # The lenient passes try every pair; past a few hundred leftovers (a hostile sentence, no real
    # one) the rest is left unmatched rather than paid for quadratically.
    sources, source_rest = sources[:MAX_LENIENT], sources[MAX_LENIENT:]
    targets, target_rest = targets[:MAX_LENIENT], targets[MAX_LENIENT:]
    matched += _match(sources, targets, _any_reading(_converted))
    matched += _match(sources, targets, _any_reading(_same_quantity))
    matched += _match(sources, targets, _any_reading(_compatible_other))
    matched += _split_as_numbers(sources, targets)
    sources += source_rest
    targets += target_rest
    # A conversion the source adds (`30 meters (100 feet)`) may be dropped by the translation; and
    # when the translation's conversion is what matched (`209 km (130 miles)`), the figure it
    # converts says the same.
    sources = [s for s in sources if not s.conversion]
    matched_conversions = [value for pair in matched for value in pair if value.conversion]
    sources = [s for s in sources if not _converted_by(s, matched_conversions)]
    targets = [t for t in targets if not _converted_by(t, matched_conversions)]

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
    # Closest pairs first, each value used once. Past a few hundred leftovers (no real sentence
    # has them; a hostile one may) only neighbours in text order are tried, so the cost stays linear.
    if len(sources) * len(targets) <= MAX_PAIRINGS:
        pairs = ((i, j) for i in range(len(sources)) for j in range(len(targets)))
    else:
        pairs = ((i, j) for i in range(len(sources)) for j in range(max(0, i - 2), min(len(targets), i + 3)))
    candidates = sorted(
        ((_distance(*best), i, j, best) for i, j in pairs if (best := _best_readings(sources[i], targets[j]))),
        key=lambda item: item[:3],
    )
    used_sources, used_targets = set(), set()
    for _distance_key, i, j, (shown_s, shown_t) in candidates:
        if i in used_sources or j in used_targets:
            continue
        used_sources.add(i)
        used_targets.add(j)
        mismatches.append(Mismatch(VALUE, shown_s, shown_t))
    sources = [s for i, s in enumerate(sources) if i not in used_sources]
    targets = [t for j, t in enumerate(targets) if j not in used_targets]
    # Only ordinals left without a counterpart may be paired with an ambiguous ordinal word.
    mismatches += [Mismatch(VALUE, s, t) for s, t in _match(sources, weak_targets, _other_ordinal)]
    mismatches += [Mismatch(VALUE, s, t) for s, t in _match(weak_sources, targets, _other_ordinal)]
    # Two ambiguous words left over that are both clearly numbers ("acht" / "neuf", "eerste" /
    # "second"): articles ("een", "un", "one") are never paired.
    mismatches += [Mismatch(VALUE, s, t) for s, t in _match(weak_sources, weak_targets, _weak_numbers_differ)]
    # A weak word against a number word of the same kind ("both" / "trois"): a clash only if a
    # third version confirms the weak one (the check decides); articles are never paired.
    mismatches += [Mismatch(VALUE, s, t) for s, t in _match(weak_sources, targets, _weak_against_word)]
    mismatches += [Mismatch(VALUE, s, t) for s, t in _match(sources, weak_targets, _weak_against_word)]
    # A day or month named again on one side (`lundi après-midi ou lundi soir` for `Monday
    # afternoon or evening`) adds no fact when the other side names it too; only left over
    # after the pairing above, so that a second day changed into another is still a mismatch.
    matched_sources, matched_targets = [pair[0] for pair in matched], [pair[1] for pair in matched]
    sources = [s for s in sources if not _repeats_matched_calendar(s, matched_sources)]
    targets = [t for t in targets if not _repeats_matched_calendar(t, matched_targets)]
    mismatches += [Mismatch(MISSING, s, None) for s in sources]
    mismatches = _merge_ranges(_absorb_fragments(mismatches, targets))

    differences = []
    for s, t in matched:
        if s.qualifier == t.qualifier or s.weak or t.weak:
            continue
        if s.qualifier and t.qualifier:
            # "more than 40%" vs "almost 40%" claim different things; "about" fits either
            directions = {QUALIFIER_DIRECTION[s.qualifier], QUALIFIER_DIRECTION[t.qualifier]}
            conflicting = len(directions) == 2 and "neutral" not in directions
            if conflicting or "neutral" in directions:
                differences.append(QualifierDifference(s, t, conflicting=conflicting))
        else:
            differences.append(QualifierDifference(s, t, conflicting=False))
    mismatches.sort(key=lambda m: (m.source or m.target).start)
    return Comparison(tuple(matched), tuple(mismatches), tuple(differences), conversions)
