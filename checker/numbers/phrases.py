"""Numeric meaning carried by phrases rather than by a plain number.

`24/7` says "always"; `een tiental` is "about ten"; `twee derde`, `un tiers`, `one in five`
are fractions; `jaren 90` is a decade; `Q3`, `T3` and `derde kwartaal` are one quarter;
`XXIe siècle` is an ordinal. Each pass reads such phrases from the locale's tables and
claims them before the general digit and word passes see their numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Callable, Protocol

from checker.locales import get_locale
from checker.numbers import values as v
from checker.numbers.values import NumericValue

_GAP = r"[ \u00a0]+"


# After `een derde`, `a third`: a preposition or a comparison makes it a fraction ("een derde naar
# de eerstelijnszorg", "a third to primary care"); a noun makes it an ordinal ("een derde editie").
_FRACTION_FOLLOWERS = "|".join([
    "van", "naar", "voor", "aan", "op", "uit", "met", "bij", "minder", "meer", "kleiner", "groter",
    "of", "to", "for", "on", "from", "less", "more", "fewer", "smaller", "larger",
    "de", "des", "du", "d['’]", "à", "aux", "pour", "moins", "plus",
])


class Claims(Protocol):
    def free(self, start: int, end: int) -> bool: ...

    def take(self, start: int, end: int) -> None: ...


CardinalReader = Callable[[str, str], "int | None"]


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class _PhrasePatterns:
    always: re.Pattern | None
    time_words: re.Pattern | None
    approximate: re.Pattern | None
    fraction: re.Pattern | None
    half: re.Pattern | None
    ratio: re.Pattern | None
    decade: re.Pattern | None
    period_code: re.Pattern | None
    roman_ordinal: re.Pattern | None
    weekday: re.Pattern
    month: re.Pattern
    weekdays: dict[str, int]
    months: dict[str, int]


@lru_cache(maxsize=None)
def phrase_patterns(lang: str) -> _PhrasePatterns:
    from babel.dates import get_day_names, get_month_names

    loc = get_locale(lang)
    flags = re.IGNORECASE
    always = re.compile(r"(?<![\w])(?:" + "|".join(loc.always_phrases) + r")(?![\w])", flags) if loc.always_phrases else None
    # "noon", "12 noon", "à midi"
    time_words = (re.compile(rf"(?<![\w])(?:12[ \u00a0]+)?(?P<word>{_alternation(loc.time_words)})(?![\w])", flags)
                  if loc.time_words else None)
    articles = r"(?:(?:een|één|eén|un|une|a|an|one)" + _GAP + r")?"
    approximate = None
    if loc.approximate_nouns:
        approximate = re.compile(rf"(?<![\w]){articles}(?P<noun>{_alternation(loc.approximate_nouns)})(?![\w])", flags)
    fraction = None
    if loc.fraction_denominators:
        fraction = re.compile(
            rf"(?<![\w])(?P<num>\d+|[^\W\d_]+)(?:{_GAP}|-)(?P<den>{_alternation(loc.fraction_denominators)})(?![\w])"
            rf"(?P<after>{_GAP}(?:{_FRACTION_FOLLOWERS})(?![\w])|[ \u00a0]*(?=[.,;:!?)]|$))?",
            flags,
        )
    half = None
    if lang == "en":  # "half of the budget", "half the partners"; "half a million" is a scale
        half = re.compile(r"(?<![\w])(?<!first )(?<!second )(?P<half>half)(?=[ \u00a0]+(?:of|the|its|their|our|all)(?![\w]))", flags)
    elif loc.half_words:
        half = re.compile(rf"(?<![\w])(?:de|la|het){_GAP}(?P<half>{_alternation(loc.half_words)})(?![\w])", flags)
    ratio = None
    if loc.ratio_connectors:
        ratio = re.compile(
            rf"(?<![\w.,])(?P<a>\d+|[^\W\d_]+)(?P<noun>{_GAP}[^\W\d_]+)?{_GAP}(?:{_alternation(loc.ratio_connectors)})"
            rf"(?:{_GAP}(?:de|the))?{_GAP}(?P<b>\d+|[^\W\d_]+)(?![\w])",
            flags,
        )
    decade = None
    if loc.decade_words:
        decade = re.compile(rf"(?<![\w])(?:{_alternation(loc.decade_words)}){_GAP}['’]?(?P<century>19|20)?(?P<tens>\d)0(?![\w])", flags)
    elif lang == "en":
        decade = re.compile(r"(?<![\w])(?:(?P<century>19|20)|['’])?(?P<tens>\d)0s(?![\w])")
    period_code = None
    letters = tuple(loc.quarter_letters) + tuple(loc.half_year_letters)
    if letters:
        period_code = re.compile(rf"(?<![\w])(?P<letter>{_alternation(letters)})(?P<n>[1-4])(?![\w])")
    roman_ordinal = None
    if lang == "fr":
        # XXIe siècle, XIXe; single letters are words (`Le`, `Ce`) unless a century follows
        roman_ordinal = re.compile(r"(?<![\w])(?P<roman>[IVX]{2,}|[IVX](?=(?:e|ème|er|ᵉ)[ \u00a0]+siècle))(?:e|ème|er|ᵉ)(?![\w])")
    weekdays = {name.lower(): number + 1 for number, name in get_day_names("wide", locale=loc.babel_locale).items()}
    weekday = re.compile(rf"(?<![\w])(?P<name>{_alternation(weekdays)})(?![\w])", flags)
    months = {name.lower(): number for number, name in get_month_names("wide", locale=loc.babel_locale).items()}
    abbreviated = {name.lower().rstrip("."): number
                   for number, name in get_month_names("abbreviated", locale=loc.babel_locale).items()}
    abbreviated.update({k.rstrip("."): n for k, n in loc.extra_month_names.items()})
    abbreviated = {k: n for k, n in abbreviated.items() if k not in months}
    # "in oktober", "en sept.": a wide name alone, or an abbreviation with its dot
    month = re.compile(rf"(?<![\w])(?:(?P<name>{_alternation(months)})(?![\w])|(?P<abbr>{_alternation(abbreviated)})\.)", flags)
    months = {**months, **abbreviated}
    return _PhrasePatterns(always, time_words, approximate, fraction, half, ratio, decade, period_code,
                           roman_ordinal, weekday, month, weekdays, months)


def _roman(numeral: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for index, ch in enumerate(numeral):
        value = values[ch]
        if index + 1 < len(numeral) and values[numeral[index + 1]] > value:
            total -= value
        else:
            total += value
    return total if 0 < total < 400 else None


def _number(token: str, lang: str, cardinal: CardinalReader) -> int | None:
    if token.isdigit():
        return int(token)
    token = token.lower()
    if token in ("a", "an", "un", "une", "een", "één", "eén", "one"):
        return 1
    return cardinal(token, lang)


def read_phrases(text: str, lang: str, claims: Claims, found: list[NumericValue], cardinal: CardinalReader) -> None:
    """Claim every phrase of the tables in `text`, adding the values they carry to `found`."""
    loc = get_locale(lang)
    p = phrase_patterns(lang)

    def add(match: re.Match, kind: str, value, **extra) -> None:
        claims.take(match.start(), match.end())
        found.append(NumericValue(kind, value, match.start(), match.end(), match.group(0), **extra))

    if p.always:
        for match in p.always.finditer(text):
            claims.take(match.start(), match.end())
    if p.time_words:
        for match in p.time_words.finditer(text):
            if claims.free(match.start(), match.end()):
                add(match, v.TIME, loc.time_words[match.group("word").lower()])
    if p.approximate:
        for match in p.approximate.finditer(text):
            if claims.free(match.start(), match.end()):
                count = loc.approximate_nouns[match.group("noun").lower()]
                # a dozen is twelve; a tiental, a dizaine, is "about ten"
                add(match, v.NUMBER, Decimal(count), qualifier="" if count == 12 else "approx")
    if p.ratio:
        for match in p.ratio.finditer(text):
            a, b = _number(match.group("a"), lang, cardinal), _number(match.group("b"), lang, cardinal)
            if a is None or b is None or not 0 < a < b <= 100:
                continue
            # A noun between the numbers: "one Belgian in ten", and in French "six travailleurs sur
            # dix"; but "11 partners in 12 work packages" is two counts.
            small = b <= 10 or b in (20, 100)
            if match.group("noun") and not (small and (a == 1 or (lang == "fr" and a <= 10))):
                continue
            if claims.free(match.start(), match.end()):
                add(match, v.FRACTION, (Decimal(a) / Decimal(b)).quantize(Decimal("0.0001")))
    if p.fraction:
        for match in p.fraction.finditer(text):
            numerator = _number(match.group("num"), lang, cardinal)
            denominator_word = match.group("den").lower()
            if numerator is None or not claims.free(match.start("num"), match.end("den")):
                continue
            singular = denominator_word.rstrip("sn") if denominator_word.endswith(("s", "n")) else denominator_word
            ordinal_like = denominator_word in loc.fraction_ordinal_like or singular in loc.fraction_ordinal_like
            if ordinal_like and numerator < 2 and match.group("after") is None:
                continue  # `een derde keer`, `a third time`: an ordinal before its noun
            if denominator_word in ("half", "halves") and not (match.group("after") or "").strip():
                continue  # "an hour and a half": only "half of" is a fraction
            denominator = loc.fraction_denominators[denominator_word]
            value = (Decimal(numerator) / Decimal(denominator)).quantize(Decimal("0.0001"))
            end, kind = match.end("den"), v.FRACTION
            scale = re.match(rf"(?:{_GAP}of{_GAP}an?)?{_GAP}({_alternation(loc.scale_words)})(?![\w])", text[end:], re.IGNORECASE)
            if scale:  # een kwart miljoen = 250 000
                value = (Decimal(numerator) / Decimal(denominator)).scaleb(loc.scale_words[scale.group(1).lower()])
                end, kind = end + scale.end(), v.NUMBER
            claims.take(match.start("num"), end)
            found.append(NumericValue(kind, value, match.start("num"), end, text[match.start("num") : end]))
    if p.half:
        for match in p.half.finditer(text):
            if claims.free(match.start("half"), match.end("half")):
                claims.take(match.start("half"), match.end("half"))
                found.append(NumericValue(v.FRACTION, Decimal("0.5000"), match.start("half"), match.end("half"),
                                          match.group("half")))
    if p.decade:
        for match in p.decade.finditer(text):
            if claims.free(match.start(), match.end()):
                add(match, v.DECADE, f"{match.group('tens')}0s")
    if p.period_code:
        for match in p.period_code.finditer(text):
            letter = match.group("letter")
            n = int(match.group("n"))
            if letter in loc.half_year_letters and letter not in loc.quarter_letters:
                if n > 2:
                    continue
                value = f"H{n}"
            else:
                value = f"Q{n}"
            if claims.free(match.start(), match.end()):
                add(match, v.PERIOD, value)
    if p.roman_ordinal:
        for match in p.roman_ordinal.finditer(text):
            number = _roman(match.group("roman"))
            if number and claims.free(match.start(), match.end()):
                add(match, v.ORDINAL, Decimal(number))


def read_calendar_names(text: str, lang: str, claims: Claims, found: list[NumericValue]) -> None:
    """Weekdays, and months named without a day (`in oktober`); after the date passes, before number words."""
    p = phrase_patterns(lang)
    english = lang == "en"
    for pattern, names, kind in ((p.weekday, p.weekdays, v.WEEKDAY), (p.month, p.months, v.MONTH)):
        for match in pattern.finditer(text):
            word = match.group("name") or match.groupdict().get("abbr")
            if english and not word[0].isupper():
                continue  # "may", "march": English months and days are capitalised
            if claims.free(match.start(), match.end()):
                claims.take(match.start(), match.end())
                found.append(NumericValue(kind, str(names[word.lower()]), match.start(), match.end(), word))


def periods_from_ordinals(text: str, lang: str, found: list[NumericValue]) -> list[NumericValue]:
    """`derde kwartaal`, `3e trimestre`, `third quarter`, `first half`: an ordinal naming a period."""
    loc = get_locale(lang)
    out = []
    for value in found:
        if value.kind == v.ORDINAL:
            following = text[value.end :].lstrip(" \u00a0")
            word = re.match(r"[^\W\d_]+", following)
            word = word.group(0).lower() if word else ""
            if word in loc.quarter_words and 1 <= value.value <= 4:
                value = NumericValue(v.PERIOD, f"Q{value.value}", value.start, value.end, value.text)
            elif word in loc.half_year_words and 1 <= value.value <= 2:
                value = NumericValue(v.PERIOD, f"H{value.value}", value.start, value.end, value.text)
        out.append(value)
    return out
