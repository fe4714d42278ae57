"""Find every numeric expression in a sentence and read it the way a native reader would.

The reading is driven by the tables in `checker.locales`; passes run from the most
specific shape to the least (URLs and phone numbers before dates, dates before times,
times before plain numbers, digits before number words) and each pass claims its
characters so that `17 januari 2024` is one date, not a day and a year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from checker.locales import NumberLocale, get_locale
from checker.locales.base import COMPOUND_UNITS, INTERNATIONAL_UNITS, TIME_ZONES
from checker.numbers import values as v
from checker.numbers.phrases import part_of_name, periods_from_ordinals, read_calendar_names, read_phrases
from checker.numbers.patterns import Gated, alternation, gated
from checker.numbers.values import NumericValue

_SPACES = " \u00a0\u202f\u2009"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
# Every separator any locale uses between digit groups or before decimals.
_ANY_SEPARATOR = ".,'" + _SPACES

_DOMAINS = r"\.(?:be|com|org|eu|fr|nl|net|io|uk)\b"
_URL = gated(
    # possessive runs that start where a run starts: a 5 MB word costs one pass, not its square
    r"(?:https?://|www\.)[^\s<>()]++|(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+"
    rf"|(?<![\w-])[\w-]++{_DOMAINS}(?:/[^\s<>()]*+)?",
    rf"://|www\.|@|{_DOMAINS}",
    re.IGNORECASE,
)
# +32 476 650 438, + 33 1 56 54 07 00, 0032 2 123 45 67, 02/123.45.67, 0476 65 04 38
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)[ \u00a0]?\d{1,3}(?:[ \u00a0]?\(0\)[ \u00a0]?\d{1,4})?|0\d{1,3})(?:[ \u00a0.\-/]\d{1,4}){2,}(?!\d)"
)
# ", 1000 Brussel", "; 75008 Paris": a postal code in an address, an identifier rather than a count
_POSTAL_CODE = re.compile(r"(?<=[,;][ \u00a0])(?:[A-Z]{1,2}-)?\d{4,5}(?=[ \u00a0][^\W\d_])")
_CALLING_CODE = re.compile(r"(?<![\w+])\+\d{1,3}(?![\d \u00a0(./-]*\d)")
# The gate: a digit right after a letter, or after a letter and a hyphen; led by the digit.
_CODE = gated(r"(?<![\w])[^\W\d_]+-?\d+(?:[\w]*)(?:-\d+)*(?![\w])", r"\d(?:(?<=[^\W\d_]\d)|(?<=[^\W\d_]-\d))")
# 12/06/2024, 12.06.2024 and, in Dutch and Belgian text, 12-06-2024 (the year last: not ISO)
_NUMERIC_DATE = gated(r"(?<![\w.,/-])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\w.,/-]\d)", r"\d[./-]\d{1,2}[./-]\d{4}")
_ISO_DATE = re.compile(r"(?<![\w.,/-])(\d{4})-(\d{2})-(\d{2})(?![\w-])")
_CLOCK = re.compile(r"(?<![\w.,:])([01]?\d|2[0-3]):([0-5]\d)(?![\w:])")
# 0900 GMT: four digits and a time zone
_ZONE_TIME = gated(rf"(?<![\w.,:])([01]\d|2[0-3])([0-5]\d)[ \u00a0]?(?:{'|'.join(TIME_ZONES)})(?![\w])", "|".join(TIME_ZONES))
# Race times and durations: 2:05.12, 2:05,12 (minutes, seconds, hundredths), 1:59:40 (h:mm:ss)
_DURATION = re.compile(r"(?<![\w.,:])(\d{1,2}):([0-5]\d)(?::([0-5]\d))?(?:[.,](\d{1,3}))?(?![\w:]|[.,]\d)")
# Match results: 2-0, 4-1, 3&2, 2:2, `1 à 0` (the winner's figure first; an ascending pair is a range)
_SCORE_TAIL = r"(?![\w:/%\-–]|[.,]\d|[ \u00a0]?%)"
_MERIDIEM = re.compile(
    r"(?<![\w.,:])(1[0-2]|0?[1-9])(?:[.:]([0-5]\d))?[ \u00a0]?([ap])\.?m\.?(?![\w])", re.IGNORECASE
)
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_JOINER = re.compile(r"[-'’]")  # inside a word: three-year, d'un
_LETTERS = re.compile(r"[^\W\d_]+")
_NEXT_LETTERS = re.compile(r"[ \u00a0]+([^\W\d_]+)")
# Digits with any grouping or decimal separators; interpreted per locale in `_read_literal`.
_LITERAL = re.compile(
    r"(?<![\w])(?:\d{1,3}(?:[.,'" + _SPACES + r"]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\d])"
)


@dataclass(frozen=True)
class _Patterns:
    locale: NumberLocale
    day_month: Gated
    month_day: Gated | None
    month_year: Gated
    hour: re.Pattern | None
    hour_word: Gated | None
    clock_range: Gated | None
    qualifier_before: re.Pattern
    scale_after: re.Pattern
    currency_scale_after: re.Pattern
    currency_after: re.Pattern
    currency_before: re.Pattern
    percent_after: re.Pattern
    points_after: re.Pattern
    ordinal_suffix: re.Pattern
    months: dict[str, int]
    unit_word_after: re.Pattern | None
    unit_symbol_after: re.Pattern
    article_unit: Gated | None
    units: dict[str, str]
    score: re.Pattern
    compound_rest: re.Pattern  # the inches of `6-foot-6`, `5 ft 11 in`
    half_after_number: re.Pattern | None
    half_after_noun: re.Pattern | None
    afternoon: re.Pattern | None
    basis_points_after: re.Pattern | None
    subunit_after: re.Pattern | None
    decline_before: re.Pattern | None


def _month_names(locale: NumberLocale) -> dict[str, int]:
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context=context, locale=locale.babel_locale).items():
                name = name.lower()
                names[name] = number
                names[name.rstrip(".")] = number
    names.update(locale.extra_month_names)
    return names


@lru_cache(maxsize=None)
def _patterns(lang: str) -> _Patterns:
    loc = get_locale(lang)
    months = _month_names(loc)
    month = f"(?P<month>{alternation(months)})\\.?"
    day_suffix = "(?:" + alternation(loc.ordinal_digit_suffixes) + ")?"
    year = r"(?P<year>\d{4})"
    month_names = alternation(months)  # what every date pattern needs: the gate of each
    day_month = gated(
        rf"(?<![\w.,])(?P<day>[0-3]?\d){day_suffix}[ \u00a0]+{month}(?![\w])(?:,?[ \u00a0]+{year}(?!\d))?",
        month_names, re.IGNORECASE,
    )
    month_day = None
    if loc.month_before_day:
        month_day = gated(
            rf"(?<![\w])(?P<month>{month_names})\.?[ \u00a0]+(?P<day>[0-3]?\d){day_suffix}(?![\w])(?:,?[ \u00a0]+{year}(?!\d))?",
            month_names, re.IGNORECASE,
        )
    month_year = gated(rf"(?<![\w])(?P<month>{month_names})[ \u00a0]+{year}(?!\d)", month_names, re.IGNORECASE)
    hour = None
    if loc.hour_markers:
        markers = alternation(loc.hour_markers)
        hour = re.compile(rf"(?<![\w.,:])([01]?\d|2[0-4])[ \u00a0]?(?:{markers})[ \u00a0]?([0-5]\d)?(?![\w])")
    hour_word = clock_range = None
    if loc.hour_words:
        words = alternation(loc.hour_words)
        # What both need: a digit right before an hour word (led by the digit, so a fast scan).
        digit_before_word = rf"\d[ \u00a0]*(?:{words})(?![\w])"
        prep = rf"(?:(?<![\w])(?P<prep>{alternation(loc.time_prepositions)})[ \u00a0]+)?" if loc.time_prepositions else "(?P<prep>)"
        hour_word = gated(
            rf"{prep}(?<![\w.,:])(?P<hour>[01]?\d|2[0-4])(?:[.:](?P<minute>[0-5]\d))?[ \u00a0]*(?:{words})(?![\w])",
            digit_before_word, re.IGNORECASE,
        )
        markers = "".join(loc.hour_markers)
        connectors = alternation(loc.range_connectors + loc.between_connectors + ("-", "–"))
        clock_range = gated(
            rf"{prep}(?<![\w.,:])(?P<h1>[01]?\d|2[0-4])(?:[.:{markers}](?P<m1>[0-5]\d))?[ \u00a0]*(?:{connectors})[ \u00a0]*"
            rf"(?P<h2>[01]?\d|2[0-4])(?:[.:{markers}](?P<m2>[0-5]\d))?[ \u00a0]*(?:{words})(?![\w])",
            digit_before_word, re.IGNORECASE,
        )
    articles = rf"(?:(?:{alternation(loc.indefinite_articles)})[ \u00a0]+)?" if loc.indefinite_articles else ""
    qualifier_before = re.compile(rf"(?:^|[^\w])(?P<q>{alternation(loc.qualifiers)})[ \u00a0-]*{articles}$", re.IGNORECASE)
    gap = rf"(?:(?:{alternation(loc.scale_gap_words)})[ \u00a0]+)?" if loc.scale_gap_words else ""
    scale_after = re.compile(rf"[ \u00a0]*{gap}(?P<scale>{alternation(loc.scale_words)})(?![\w])", re.IGNORECASE)
    currency_scale_after = re.compile(
        rf"[ \u00a0]?(?P<scale>{alternation(loc.currency_scale_abbreviations)})(?![\w])", re.IGNORECASE
    )
    currency_words = [w for w in loc.currency_words if w.isalpha() or "'" in w]
    symbols = [w for w in loc.currency_words if not (w.isalpha() or "'" in w)]
    prepositions = ""
    if loc.currency_prepositions:  # "millions d'euros", "millions de dollars"
        glued = [w for w in loc.currency_prepositions if w[-1] in "'’"]
        spaced = [w for w in loc.currency_prepositions if w[-1] not in "'’"]
        parts = ([alternation(glued)] if glued else []) + ([rf"(?:{alternation(spaced)})[ \u00a0]+"] if spaced else [])
        prepositions = rf"(?:{'|'.join(parts)})?"
    currency_after = re.compile(
        rf"[ \u00a0]*(?:{prepositions}(?P<word>{alternation(currency_words)})(?![\w])|(?P<symbol>{alternation(symbols)}))",
        re.IGNORECASE,
    )
    currency_before = re.compile(
        rf"(?:(?<![\w])(?P<word>{alternation(currency_words)})|(?P<symbol>{alternation(symbols)}))[ \u00a0]*$",
        re.IGNORECASE,
    )
    percent_after = re.compile(rf"[ \u00a0\u202f]*(?:{alternation(loc.percent_words)})(?![\w])", re.IGNORECASE)
    points_after = re.compile(rf"[ \u00a0]*(?:{alternation(loc.percentage_point_words)})(?![\w])", re.IGNORECASE)
    decline_before = (re.compile(rf"(?<![\w])(?:{'|'.join(loc.decline_words)})[ \u00a0]*$", re.IGNORECASE)
                      if loc.decline_words else None)

    def after(body, lead: str = r"[ \u00a0]*") -> re.Pattern | None:
        """A table's words right after a position; None for a table the locale leaves empty."""
        return re.compile(rf"{lead}(?:{body})(?![\w])", re.IGNORECASE) if body else None

    subunit_after = after(loc.currency_subunit_words and rf"(?P<word>{alternation(loc.currency_subunit_words)})")
    basis_points_after = after(loc.basis_point_words and alternation(loc.basis_point_words))
    ordinal_suffix = re.compile(rf"(?:{alternation(loc.ordinal_digit_suffixes)})(?![\w])")
    units = {**INTERNATIONAL_UNITS, **{word.lower(): unit for word, unit in loc.unit_words.items()}}
    unit_word_after = article_unit = None
    if loc.unit_words:
        # "300 mijl", "a 30-mile stretch", "60 miles per hour"
        unit_word_after = re.compile(rf"[ \u00a0]*-?(?P<unit>{alternation(loc.unit_words)})(?![\w])", re.IGNORECASE)
        if loc.indefinite_articles:  # "about a mile away": one of the unit
            article_unit = gated(rf"(?<![\w])(?:{alternation(loc.indefinite_articles)})[ \u00a0]+"
                                 rf"(?P<unit>{alternation(loc.unit_words)})(?![\w])", alternation(loc.unit_words), re.IGNORECASE)
    unit_symbol_after = re.compile(rf"[ \u00a0]?-?(?P<unit>{alternation(INTERNATIONAL_UNITS)})(?![\w/²])")
    smaller_units = [surface for surface, unit in units.items() if unit in COMPOUND_UNITS.values()] + ["in", '"', "”", "″"]
    compound_rest = re.compile(rf"[- \u00a0]?(\d{{1,2}})(?:[- \u00a0]?(?:{alternation(smaller_units)}))?(?![\w.,])", re.IGNORECASE)
    words = rf"|[ \u00a0]+(?:{alternation(loc.range_connectors)})[ \u00a0]+" if loc.range_connectors else ""
    score = re.compile(rf"(?<![\w.,:/\-–])(\d{{1,2}})(?P<sep>[ \u00a0]?[-–&][ \u00a0]?|:(?=\d(?!\d)){words})(\d{{1,2}}){_SCORE_TAIL}",
                       re.IGNORECASE)
    half_after_number = after(loc.half_after_number, r"[ \u00a0]+")
    half_after_noun = after(loc.half_after_noun, r"(?P<noun>[ \u00a0]+[^\W\d_]+)?[ \u00a0]+")
    afternoon = after("|".join(loc.afternoon_markers))
    return _Patterns(
        loc, day_month, month_day, month_year, hour, hour_word, clock_range, qualifier_before, scale_after,
        currency_scale_after, currency_after, currency_before, percent_after, points_after, ordinal_suffix, months,
        unit_word_after, unit_symbol_after, article_unit, units, score, compound_rest, half_after_number,
        half_after_noun, afternoon, basis_points_after, subunit_after, decline_before,
    )


class _Claims:
    """Which characters of the sentence an earlier pass has already read."""

    def __init__(self, length: int) -> None:
        self._taken = bytearray(length)

    def free(self, start: int, end: int) -> bool:
        return self._taken.find(1, start, end) < 0

    def take(self, start: int, end: int) -> None:
        self._taken[start:end] = b"\x01" * (end - start)


def extract_values(text: str, lang: str) -> list[NumericValue]:
    """Every numeric expression in `text` (one sentence in language `lang`), in text order."""
    p = _patterns(lang)
    claims = _Claims(len(text))
    found: list[NumericValue] = []

    for match in _URL.finditer(text):
        claims.take(match.start(), match.end())
    # Each pass whose pattern needs a character the sentence lacks is skipped: the scan costs
    # about as much as a pattern that finds something.
    if "+" in text:
        for match in _CALLING_CODE.finditer(text):  # "+44 voor GB": a country code, no count
            claims.take(match.start(), match.end())
    read_phrases(text, lang, claims, found, _cardinal_word, _ordinal_word)
    _read_dates(text, p, claims, found)  # before phones: 03/04/2025 is a date
    _read_phones(text, claims, found)
    _read_times(text, p, claims, found)
    _read_scores(text, p, claims, found)
    _read_codes(text, claims, found)
    read_calendar_names(text, lang, claims, found)  # before number words: "sept." is September
    _read_digits(text, p, claims, found)
    _read_words(text, p, claims, found)
    _read_article_units(text, p, claims, found)

    found.sort(key=lambda value: value.start)
    if p.afternoon:
        found = _after_noon(text, found, p.afternoon)
    if p.decline_before:
        found = _declines(text, found, p.decline_before)
    found = periods_from_ordinals(text, lang, found)
    found = _expand_short_years(text, found)
    found = _spread_date_ranges(text, found, p.locale)
    found = _spread_range_units(text, found, p.locale)
    return _mark_conversions(text, found)


# --- passes -----------------------------------------------------------------------------


def _read_phones(text: str, claims: _Claims, found: list[NumericValue]) -> None:
    for match in _PHONE.finditer(text):
        surface = match.group(0)
        digits = re.sub(r"\(0\)|\D", "", surface)
        if len(digits) < 8 or not claims.free(match.start(), match.end()):
            continue
        international = surface.startswith("+") or surface.startswith("00")
        if surface.startswith("00"):
            digits = digits[2:]
        value = ("+" if international else "") + digits
        claims.take(match.start(), match.end())
        found.append(NumericValue(v.PHONE, value, match.start(), match.end(), surface))


def _read_dates(text: str, p: _Patterns, claims: _Claims, found: list[NumericValue]) -> None:
    patterns = [p.day_month] + ([p.month_day] if p.month_day else []) + [p.month_year]
    for pattern in patterns:
        for match in pattern.finditer(text):
            if not claims.free(match.start(), match.end()):
                continue
            month_text = match.group("month")
            # English "May"/"March" are months only when written as names (capitalised).
            if p.locale.calendar_names_capitalised and not month_text[0].isupper():
                continue
            month = p.months[month_text.lower()]
            day = match.groupdict().get("day")
            year = match.group("year")
            if day is not None and not 1 <= int(day) <= 31:
                continue
            if day is None:
                value = f"{year}-{month:02d}"
            else:
                value = f"{year or '-'}-{month:02d}-{int(day):02d}"
            claims.take(match.start(), match.end())
            found.append(NumericValue(v.DATE, value, match.start(), match.end(), match.group(0)))
    for match in _ISO_DATE.finditer(text) if "-" in text else ():
        year, month, day = (int(g) for g in match.groups())
        if 1 <= month <= 12 and 1 <= day <= 31 and claims.free(match.start(), match.end()):
            claims.take(match.start(), match.end())
            found.append(NumericValue(v.DATE, f"{year:04d}-{month:02d}-{day:02d}", match.start(), match.end(), match.group(0)))
    for match in _NUMERIC_DATE.finditer(text):
        first, _, second, year = match.groups()
        day, month = int(first), int(second)
        if month > 12 and day <= 12:  # US order written by mistake or by habit: still one date
            day, month = month, day
        if 1 <= month <= 12 and 1 <= day <= 31 and claims.free(match.start(), match.end()):
            claims.take(match.start(), match.end())
            found.append(NumericValue(v.DATE, f"{int(year):04d}-{month:02d}-{day:02d}", match.start(), match.end(), match.group(0)))


def _add_time(found: list[NumericValue], claims: _Claims, match: re.Match, hour: int, minute: int) -> None:
    if hour > 24 or minute > 59 or not claims.free(match.start(), match.end()):
        return
    claims.take(match.start(), match.end())
    found.append(NumericValue(v.TIME, f"{hour % 24:02d}:{minute:02d}", match.start(), match.end(), match.group(0)))


def _read_times(text: str, p: _Patterns, claims: _Claims, found: list[NumericValue]) -> None:
    colon = ":" in text
    for match in _DURATION.finditer(text) if colon else ():
        minutes_seconds, hours_form = match.group(4), match.group(3)
        if not (minutes_seconds or hours_form) or not claims.free(match.start(), match.end()):
            continue  # 9:30 alone is a clock time
        a, b, c, fraction = match.groups()
        value = f"{int(a)}:{b}" + (f":{c}" if c else "") + (f".{fraction}" if fraction else "")
        claims.take(match.start(), match.end())
        found.append(NumericValue(v.DURATION, value, match.start(), match.end(), match.group(0)))
    for match in _ZONE_TIME.finditer(text):
        _add_time(found, claims, match, int(match.group(1)), int(match.group(2)))
    if p.clock_range:
        # van 8.30 tot 16.30 uur, de 9 à 17 heures: both ends are clock times
        for match in p.clock_range.finditer(text):
            if not claims.free(match.start(), match.end()) or int(match.group("h1")) > 24 or int(match.group("h2")) > 24:
                continue
            if not (match.group("m1") or match.group("m2") or match.group("prep")):
                continue  # "8 tot 10 uur per week" is a duration
            for h, m, start, end in (("h1", "m1", match.start("h1"), match.end("m1") if match.group("m1") else match.end("h1")),
                                     ("h2", "m2", match.start("h2"), match.end())):
                claims.take(start, end)
                hour, minute = int(match.group(h)), int(match.group(m) or 0)
                found.append(NumericValue(v.TIME, f"{hour % 24:02d}:{minute:02d}", start, end, text[start:end]))
    if p.locale.meridiem:
        for match in _MERIDIEM.finditer(text):
            hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3).lower()
            hour = hour % 12 + (12 if half == "p" else 0)
            _add_time(found, claims, match, hour, minute)
    if p.hour:
        for match in p.hour.finditer(text):
            hour = int(match.group(1))
            if hour == 24 and not match.group(2):  # "24h/24", "24u op 24": a duration, not a time
                continue
            _add_time(found, claims, match, hour, int(match.group(2) or 0))
    if p.hour_word:
        for match in p.hour_word.finditer(text):
            # "10.30 uur" is always a clock time; "12 uur" only after "om", "à" or before "'s avonds":
            # else a duration
            if match.group("minute") or match.group("prep") or (p.afternoon and p.afternoon.match(text, match.end())):
                start = match.start("hour")
                hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
                if hour < 24 and minute < 60 and claims.free(start, match.end()):
                    claims.take(start, match.end())
                    found.append(NumericValue(v.TIME, f"{hour:02d}:{minute:02d}", start, match.end(), text[start : match.end()]))
    for match in _CLOCK.finditer(text) if colon else ():
        _add_time(found, claims, match, int(match.group(1)), int(match.group(2)))


def _read_scores(text: str, p: _Patterns, claims: _Claims, found: list[NumericValue]) -> None:
    for match in p.score.finditer(text):
        a, sign, b = match.groups()
        if "&" not in sign and ":" not in sign and int(a) < int(b):
            continue  # 5-10: a range
        if int(a) > 30 or not claims.free(match.start(), match.end()):
            continue
        claims.take(match.start(), match.end())
        found.append(NumericValue(v.SCORE, f"{int(a)}-{int(b)}", match.start(), match.end(), match.group(0)))


def _read_codes(text: str, claims: _Claims, found: list[NumericValue]) -> None:
    for match in _POSTAL_CODE.finditer(text):
        if text[match.end() + 1 : match.end() + 2].isupper() and claims.free(match.start(), match.end()):
            claims.take(match.start(), match.end())
            found.append(NumericValue(v.CODE, match.group(0), match.start(), match.end(), match.group(0)))
    for match in _CODE.finditer(text):
        letters = _LETTERS.match(match.group(0)).group(0)
        if not any(ch.isupper() for ch in letters):
            continue  # mid-2025, over-65s: a word and a number, not an identifier
        if claims.free(match.start(), match.end()):
            claims.take(match.start(), match.end())
            found.append(NumericValue(v.CODE, match.group(0).upper(), match.start(), match.end(), match.group(0)))


def _read_literal(literal: str, loc: NumberLocale) -> tuple[Decimal, Decimal | None, bool]:
    """The value of a digit string as a reader of `loc` reads it, and the foreign reading if any.

    `1.200` is 1200 in Dutch and French (Belgian) but 1.2 in English, where the writer
    most likely meant 1200: that second reading is returned so that a check can say so.
    The flag says the literal uses another locale's decimal mark (`2,5` in English).
    """
    separators = [ch for ch in literal if not ch.isdigit()]
    if not separators:
        return Decimal(literal), None, False
    digits_only = re.sub(r"\D", "", literal)
    last_sep = separators[-1]
    head, _, tail = literal.rpartition(last_sep)
    if len(set(separators)) == 2:
        # 1.200,50 or 1,200.50: the last separator is the decimal mark
        whole = re.sub(r"\D", "", head)
        return Decimal(f"{whole}.{tail}"), None, False
    sep = last_sep
    groups = literal.split(sep)
    looks_grouped = all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
    if len(separators) > 1 or sep in _SPACES or sep == "'":
        # 1.200.000, 1 200: only grouping reads like this
        return Decimal(digits_only), None, False
    if sep == loc.decimal_separator:
        value = Decimal(literal.replace(sep, "."))
        # `1.200` in English is 1.2 to the reader; a Dutch writer meant 1200
        foreign = Decimal(digits_only) if looks_grouped else None
        return value, foreign, False
    if sep in loc.group_separators and looks_grouped:
        return Decimal(digits_only), None, False
    # A decimal mark from another locale (`2.6` in Dutch, `2,5` in English).
    return Decimal(literal.replace(sep, ".")), None, True


def _qualifier_before(text: str, start: int, end: int, p: _Patterns) -> str:
    """The meaning of the qualifier phrase right before `start` ("more", "approx"…), or ""."""
    window_start = max(0, start - 40)
    match = p.qualifier_before.search(text, window_start, start)
    if not match:
        return ""
    phrase = match.group("q").lower()
    if phrase in p.locale.range_qualifiers and re.search(r"\w[ \u00a0%]*$", text[max(0, match.start("q") - 12) : match.start("q")]):
        return ""  # "van 5 tot 8": the end of a range, not "up to 8"
    if phrase in p.locale.duration_sensitive_qualifiers:
        # the duration word after the number, or the unit that the value already took in
        written = text[start:end].lower().split()
        following = text[end : end + 20].lower().split()
        words = [w.strip(".,;:") for w in written[-1:] + following[:1]]
        if any(w in p.locale.duration_words for w in words):
            return ""
    return p.locale.qualifiers[phrase]


def _currency_before(text: str, start: int, p: _Patterns) -> tuple[str, int]:
    match = p.currency_before.search(text, max(0, start - 8), start)
    if not match:
        return "", start
    token = match.group("word") or match.group("symbol")
    return p.locale.currency_words[token.lower()], match.start()


def _multiplier(text: str, start: int, cursor: int, loc: NumberLocale) -> bool:
    """`twee keer`, `deux fois`, `multiplié par six`: often translated without the number (`twice`)."""
    following = _NEXT_LETTERS.match(text[cursor : cursor + 20])
    if following and following.group(1).lower() in loc.multiplier_words:
        return True
    before = text[max(0, start - 20) : start].lower().rstrip(" \u00a0")
    return any(before.endswith(phrase) for phrase in loc.multiplier_before)


def _negated(text: str, start: int, loc: NumberLocale) -> bool:
    if not loc.negative_words:
        return False
    before = text[max(0, start - 10) : start].lower().rstrip(" \u00a0")
    return _negative_words(loc.negative_words).search(before) is not None


@lru_cache(maxsize=None)
def _negative_words(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(rf"(?<![\w])(?:{word})$" for word in words))


def _unit_after(text: str, cursor: int, p: _Patterns) -> tuple[list[str], int] | None:
    """The unit right after a number (`km`, `miles per hour`, `graden`): its pint readings and end."""
    for pattern in (p.unit_word_after, p.unit_symbol_after):
        match = pattern.match(text, cursor) if pattern else None
        if match:
            surface = match.group("unit")
            unit = p.units.get(surface) or p.units.get(surface.lower())
            if unit:
                return unit.split("|"), match.end()
    return None




def _quantity(kind_value: Decimal, units: list[str], start: int, end: int, text: str, **extra) -> NumericValue:
    """A quantity in its first unit, the other units as alternative readings (`80 degrees`)."""
    readings = [NumericValue(v.QUANTITY, kind_value, start, end, text[start:end], unit=unit, **extra) for unit in units]
    return replace(readings[0], alternatives=tuple(readings[1:]))


def _with_compound(text: str, value: Decimal, units: list[str], end: int, p: _Patterns) -> tuple[Decimal, list[str], int]:
    """`6-foot-6`, `5 ft 11 in`: the second number is in the smaller unit; both as one length."""
    smaller = COMPOUND_UNITS.get(units[0])
    if smaller and len(units) == 1:
        rest = p.compound_rest.match(text, end)
        if rest:
            from checker.numbers.units import in_unit

            combined = in_unit(value, units[0], smaller)
            if combined is not None:
                return combined + Decimal(rest.group(1)), [smaller], rest.end()
    return value, units, end


def _read_digits(text: str, p: _Patterns, claims: _Claims, found: list[NumericValue]) -> None:
    loc = p.locale
    for match in _LITERAL.finditer(text):
        start, end = match.start(), match.end()
        literal = match.group(0)
        if not claims.free(start, end):
            continue
        # "2025-2027": the dash is a range; "-5 %" after a space is a sign
        signed = start > 0 and text[start - 1] in "-\u2212" and (start == 1 or not text[start - 2].isalnum())
        # "min 0,5%" is negative; "au moins 5" is a qualifier
        negative = signed or (_negated(text, start, loc) and not _qualifier_before(text, start, end, p))
        try:
            number, foreign, foreign_decimal = _read_literal(literal, loc)
        except InvalidOperation:
            continue
        unit, expr_start = _currency_before(text, start, p)
        kind = v.AMOUNT if unit else v.NUMBER
        qualifier = ""
        exponent = 0
        cursor = end

        ordinal = p.ordinal_suffix.match(text, cursor)
        if ordinal and not any(ch in literal for ch in _ANY_SEPARATOR):
            claims.take(start, ordinal.end())
            q = _qualifier_before(text, start, ordinal.end(), p)
            found.append(NumericValue(v.ORDINAL, Decimal(literal), start, ordinal.end(),
                                      text[start : ordinal.end()], qualifier=q))
            continue

        scale = p.scale_after.match(text, cursor)
        if scale:
            exponent = loc.scale_words[scale.group("scale").lower()]
            cursor = scale.end()
        else:
            # €81m, 81 M€, $88.9M: abbreviations that are scales only next to a currency
            scale = p.currency_scale_after.match(text, cursor)
            if scale:
                after = p.currency_after.match(text, scale.end())
                # "1.5m visitors": attached to a decimal number it is a scale even without a currency
                attached_decimal = scale.start("scale") == cursor and any(ch in literal for ch in ".,") and scale.group("scale").lower() in ("m", "bn", "mn")
                if unit or (after and after.group("symbol")) or attached_decimal:
                    exponent = loc.currency_scale_abbreviations[scale.group("scale").lower()]
                    cursor = scale.end()
        if exponent and p.half_after_noun and (et_demi := p.half_after_noun.match(text, cursor)) \
                and not et_demi.group("noun"):  # `2 millions et demi`
            number, cursor = number + Decimal("0.5"), et_demi.end()
        currency = p.currency_after.match(text, cursor)
        measure: list[str] = []  # units of measure this number may be in, first one preferred
        if currency and not unit:
            token = currency.group("word") or currency.group("symbol")
            unit = loc.currency_words[token.lower()]
            kind = v.AMOUNT
            cursor = currency.end()
            if currency.group("word") and not exponent and currency.group("word").lower() in loc.currency_words_also_units:
                measure = [loc.currency_words_also_units[currency.group("word").lower()]]  # "550 pounds" may weigh
        percent = p.percent_after.match(text, cursor)
        points = p.points_after.match(text, cursor)
        basis_points = p.basis_points_after.match(text, cursor) if p.basis_points_after and kind == v.NUMBER else None
        if points:
            kind, cursor = v.PERCENTAGE_POINTS, points.end()
        elif basis_points:  # `25 basis points` is 0.25 of a percentage point
            kind, cursor, number = v.PERCENTAGE_POINTS, basis_points.end(), number / 100
        elif kind == v.NUMBER and not exponent and p.subunit_after and (cents := p.subunit_after.match(text, cursor)):
            # `85 cents` is €0.85: an amount, in the currency the word names or, if it does not, in
            # whichever the other version writes
            kind, cursor, number = v.AMOUNT, cents.end(), number / 100
            unit = loc.currency_subunit_words[cents.group("word").lower()]
        elif percent and kind == v.NUMBER:
            kind, cursor = v.PERCENT, percent.end()
        elif kind == v.NUMBER:
            after_unit = _unit_after(text, cursor, p)
            if after_unit:  # "300 mijl", "3 million miles", "6-foot-6"
                units, unit_end = after_unit
                number, measure, cursor = _with_compound(text, number.scaleb(exponent), units, unit_end, p)
                kind, exponent = v.QUANTITY, 0
        if cursor < len(text) and text[cursor] == "+" and (cursor + 1 == len(text) or not text[cursor + 1].isdigit()):
            qualifier = "more"  # "15+ bedrijven"
            cursor += 1
        for suffix in loc.plus_suffixes:
            if text[cursor : cursor + len(suffix)].lower() == suffix:
                qualifier = "at_least"  # "65-plussers"
                break
        q = _qualifier_before(text, expr_start, cursor, p)
        qualifier = q or qualifier
        if foreign_decimal and (unit or exponent or kind in (v.PERCENT, v.PERCENTAGE_POINTS)):
            # "€2,5 billion" in English: the reader's grouping comma makes it 25; the writer meant 2.5.
            # Only flagged next to a scale, currency or percent: "Industrie 4.0" is a name.
            number, foreign = Decimal(re.sub(r"\D", "", literal)), number
        value = number.scaleb(exponent)
        if negative:
            value = -value
            if signed:
                expr_start = min(expr_start, start - 1)
        if foreign is not None:
            foreign = foreign.scaleb(exponent)
        claims.take(expr_start, cursor)
        if kind == v.QUANTITY:
            found.append(_quantity(value, measure, expr_start, cursor, text, qualifier=qualifier, foreign_reading=foreign))
            continue
        reading = NumericValue(kind, value, expr_start, cursor, text[expr_start:cursor],
                               unit=unit, qualifier=qualifier, foreign_reading=foreign,
                               weak=kind == v.NUMBER and _multiplier(text, expr_start, cursor, loc))
        alternatives = []
        if measure:  # money first, weight second
            alternatives.append(_quantity(value, measure, expr_start, cursor, text, qualifier=qualifier))
        if exponent == 6 and scale is not None and p.units.get(scale.group("scale")) == "meter" and scale.start() == end:
            # "1.98m": a million to a reader of figures, a height to one of sports news
            alternatives.append(_quantity(number, ["meter"], expr_start, cursor, text, qualifier=qualifier))
        found.append(replace(reading, alternatives=tuple(alternatives)) if alternatives else reading)


MAX_NUMBER_WORDS = 12


@lru_cache(maxsize=65536)
def _cardinal_word(word: str, lang: str) -> int | Decimal | None:
    from text_to_num import text2num

    if len(word) < 2:
        return None
    loc = get_locale(lang)
    extra = loc.extra_number_words.get(word)
    if extra is not None:  # `anderhalf`
        return Decimal(extra)
    for suffix in loc.half_compound_suffixes:  # `tweeënhalf`
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            whole = _cardinal_word(word[: -len(suffix)], lang)
            return None if whole is None else Decimal(whole) + Decimal("0.5")
    try:
        return int(text2num(word, lang))
    except (ValueError, TypeError):
        return None


@lru_cache(maxsize=65536)
def _ordinal_word(word: str, lang: str) -> int | None:
    loc = get_locale(lang)
    if word in loc.irregular_ordinals:
        return loc.irregular_ordinals[word]
    # twenty-first, vingt-et-unième: tens as a cardinal, the last part as an ordinal
    if "-" in word:
        head, _, last = word.rpartition("-")
        last_value = _ordinal_word(last, lang) if last != word else None
        head_words = [w for w in head.split("-") if w not in loc.number_connectors]
        head_value = _cardinal_word("-".join(head_words), lang) if head_words else None
        if last_value is not None and head_value is not None:
            return head_value + last_value
        if last == "unième" and head_value is not None:
            return head_value + 1
    for suffix, restore in loc.ordinal_word_suffixes:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)] + restore
            value = _cardinal_word(stem, lang)
            if value is not None and value > 0:
                return value
    return None


def _word_tokens(text: str, lang: str, claims: _Claims) -> list[tuple[int, int, str]]:
    """Words not yet claimed, with hyphenated words split unless they are one number.

    `vingt-et-un` and `twenty-first` stay whole; `three-year` and `two-day` become
    `three` + `year`, so that the number in them is read.
    """
    tokens = []
    for match in _WORD.finditer(text):
        if not claims.free(match.start(), match.end()):
            continue
        word = match.group(0)
        lowered = word.lower()
        if _JOINER.search(word) and _cardinal_word(lowered, lang) is None and _ordinal_word(lowered, lang) is None:
            # three-year, d'un, l'une: the number is one of the parts
            position = match.start()
            for part in _JOINER.split(word):
                tokens.append((position, position + len(part), part))
                position += len(part) + 1
        else:
            tokens.append((match.start(), match.end(), word))
    return tokens


def _read_words(text: str, p: _Patterns, claims: _Claims, found: list[NumericValue]) -> None:
    loc = p.locale
    words = _word_tokens(text, loc.code, claims)
    i = 0
    while i < len(words):
        w_start, w_end, surface = words[i]
        word = surface.lower().replace("’", "'")
        ordinal = _ordinal_word(word, loc.code)
        if ordinal is not None and _cardinal_word(word, loc.code) is None:
            if part_of_name(text, w_start, loc.code, next_word_capitalised=True):
                i += 1
                continue  # "Fifth Avenue"
            q = _qualifier_before(text, w_start, w_end, p)
            claims.take(w_start, w_end)
            found.append(NumericValue(v.ORDINAL, Decimal(ordinal), w_start, w_end, surface,
                                      qualifier=q, weak=word in loc.ambiguous_words, spelled=True))
            i += 1
            continue
        if _cardinal_word(word, loc.code) is None or _plural_of_number(word, loc.code):
            i += 1
            continue
        spaced = _spaced_ordinal(text, words, i, loc)
        if spaced is not None:  # `vingt et unième`, written without hyphens
            end, ordinal = spaced
            claims.take(w_start, end)
            found.append(NumericValue(v.ORDINAL, Decimal(ordinal), w_start, end, text[w_start:end],
                                      qualifier=_qualifier_before(text, w_start, end, p), spelled=True))
            i += 3
            continue
        # The longest run of number words (with connectors and scale words between them) that reads
        # as one number: `deux mille vingt-cinq`, `one hundred and twenty`, `tien miljard`.
        j = i + 1
        # No number is written in more than a dozen words; a longer run (a hostile list of number
        # words) is read piecewise, so the cost stays linear in its length.
        while j < len(words) and j - i < MAX_NUMBER_WORDS and _adjacent(text, words[j - 1], words[j]):
            nxt = words[j][2].lower()
            if _cardinal_word(nxt, loc.code) is not None:  # `deux cents`: plurals belong inside a run
                j += 1
            elif (nxt in loc.number_connectors and j + 1 < len(words) and _adjacent(text, words[j], words[j + 1])
                  and _cardinal_word(words[j + 1][2].lower(), loc.code) is not None):
                j += 2
            else:
                break
        # Shrink until the run reads as one number (`zes op tien` is two).
        number = None
        while j > i:
            phrase = " ".join(t[2].lower() for t in words[i:j])
            number = _cardinal_word(phrase, loc.code)
            if number is not None:
                break
            j -= 1
        if number is None:
            i += 1
            continue
        run = words[i:j]
        # A trailing scale word text2num does not know is read below, with the locale's table.
        start, cursor = run[0][0], run[-1][1]
        weak = len(run) == 1 and word in loc.ambiguous_words
        unit = ""
        kind = v.NUMBER
        exponent = 0
        half = Decimal(0)
        if p.half_after_number and (and_a_half := p.half_after_number.match(text, cursor)):
            half, cursor, weak = Decimal("0.5"), and_a_half.end(), False  # `two and a half million`
        scale = p.scale_after.match(text, cursor)
        if scale:
            exponent = loc.scale_words[scale.group("scale").lower()]
            cursor = scale.end()
            weak = False
        if not half and p.half_after_noun and (et_demi := p.half_after_noun.match(text, cursor)) \
                and not et_demi.group("noun"):  # `deux millions et demi d'euros`
            half, cursor, weak = _half_of(run, number, loc.code), et_demi.end(), False
        currency = p.currency_after.match(text, cursor)
        if currency and currency.group("word"):
            unit = loc.currency_words[currency.group("word").lower()]
            kind, cursor = v.AMOUNT, currency.end()
            weak = False
        percent = p.percent_after.match(text, cursor)
        measure: list[str] = []
        if percent and kind == v.NUMBER:
            kind, cursor = v.PERCENT, percent.end()
            weak = False
        elif kind == v.NUMBER and (after_unit := _unit_after(text, cursor, p)):  # "ten miles", "two-foot"
            measure, cursor = after_unit
            kind = v.QUANTITY
        if kind == v.NUMBER and _multiplier(text, start, cursor, loc):
            weak = True
        if len(run) == 1 and part_of_name(text, start, loc.code, next_word_capitalised=True):
            i += 1
            continue  # "Three Lions", "Fifth Avenue": a name, not a count
        if not half and p.half_after_noun and (et_demi := p.half_after_noun.match(text, cursor)):
            half, cursor, weak = _half_of(run, number, loc.code), et_demi.end(), False  # `deux ans et demi`
        number = Decimal(number) + half
        q = _qualifier_before(text, start, cursor, p)
        claims.take(start, cursor)
        if kind == v.QUANTITY:
            found.append(_quantity(Decimal(number).scaleb(exponent), measure, start, cursor, text, qualifier=q,
                                   weak=weak, spelled=True))
        else:
            found.append(NumericValue(kind, Decimal(number).scaleb(exponent), start, cursor,
                                      text[start:cursor], unit=unit, qualifier=q, weak=weak, spelled=True))
        while i < len(words) and words[i][0] < cursor:
            i += 1


def _spaced_ordinal(text: str, words: list[tuple[int, int, str]], i: int, loc: NumberLocale) -> tuple[int, int] | None:
    """(end, value) of `vingt et unième`, `soixante et onzième`: tens, a connector, an ordinal word."""
    if i + 2 >= len(words) or words[i + 1][2].lower() not in loc.number_connectors:
        return None
    if not (_adjacent(text, words[i], words[i + 1]) and _adjacent(text, words[i + 1], words[i + 2])):
        return None
    joined = "-".join(w[2].lower() for w in words[i : i + 3])
    ordinal = _ordinal_word(joined, loc.code)
    return None if ordinal is None or _ordinal_word(words[i + 2][2].lower(), loc.code) is None else (words[i + 2][1], ordinal)


def _half_of(run: list[tuple[int, int, str]], number: int | Decimal, lang: str) -> Decimal:
    """Half of what the last word of a run counts: `deux ans et demi` is 2.5, `deux millions et demi` 2.5 million."""
    last = run[-1][2].lower()
    unit = _cardinal_word(last, lang) or (_cardinal_word(last[:-1], lang) if last.endswith("s") else None)
    if unit and unit >= 100 and Decimal(number) % Decimal(unit) == 0:
        return Decimal(unit) / 2
    return Decimal("0.5")


def _read_article_units(text: str, p: _Patterns, claims: _Claims, found: list[NumericValue]) -> None:
    """`about a mile away`, `un kilomètre`: one of the unit, weak (the article is mostly not a count)."""
    if p.article_unit is None:
        return
    for match in p.article_unit.finditer(text):
        if claims.free(match.start(), match.end()):
            units = p.units[match.group("unit").lower()].split("|")
            end, value, weak = match.end(), Decimal(1), True
            if p.half_after_number and (and_a_half := p.half_after_number.match(text, end)):
                end, value, weak = and_a_half.end(), Decimal("1.5"), False  # `an hour and a half`
            claims.take(match.start(), end)
            found.append(_quantity(value, units, match.start(), end, text, weak=weak, spelled=True,
                                   qualifier=_qualifier_before(text, match.start(), end, p)))


def _plural_of_number(word: str, lang: str) -> bool:
    """`ones`, `hundreds`, `des millions`, `les uns`: a plural number word alone is not a count."""
    return "-" not in word and word.endswith("s") and _cardinal_word(word[:-1], lang) is not None


def _adjacent(text: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    return text[left[1] : right[0]].strip(_SPACES) in ("", "-")


# --- post-processing -----------------------------------------------------------------------


def _spread_range_units(text: str, found: list[NumericValue], loc: NumberLocale) -> list[NumericValue]:
    """`10-15%`, `2 à 3 millions`, `van 5,2 naar 6,8 miljoen`: what is written once belongs to both ends."""
    out = list(found)
    connectors = tuple(_DASHES) + loc.range_connectors
    for index in range(len(out) - 1):
        left, right = out[index], out[index + 1]
        between = text[left.end : right.start].strip(_SPACES).lower()
        if between not in connectors and between not in loc.between_connectors:
            continue
        if left.weak or right.weak:
            continue  # "doubled to 3 million": a multiplier is no end of a range
        if right.kind == v.QUANTITY and left.kind == v.NUMBER and isinstance(left.value, Decimal):
            # "1 to 2 inches", "3 tot 5 cm": the unit is written once, after the second
            measured = replace(right, value=left.value, start=left.start, end=left.end, text=left.text,
                               weak=left.weak, spelled=left.spelled, alternatives=())
            alternatives = tuple(replace(a, value=left.value, start=left.start, end=left.end, text=left.text)
                                 for a in right.alternatives)
            out[index] = replace(measured, alternatives=alternatives, group=left.start)
            out[index + 1] = replace(right, group=left.start)
            continue
        if left.kind not in (v.NUMBER, v.AMOUNT) or right.kind not in (v.PERCENT, v.AMOUNT, v.NUMBER):
            continue
        if not isinstance(left.value, Decimal) or not isinstance(right.value, Decimal):
            continue
        scale = _scale_of(right)
        if left.kind == right.kind and left.unit == right.unit and scale == 0:
            continue  # 2025-2027: two plain numbers already
        if between in loc.between_connectors and scale == 0 and not (
                right.kind != v.NUMBER and _after_between_word(text, left.start, loc)):
            continue  # "tussen 2019 en 2025": a scale, or a unit after "tussen", is what makes "en" a range
        value = left.value
        if scale and _scale_of(left) == 0 and abs(value) < 1000:
            value = value.scaleb(scale)
        unit = left.unit or right.unit
        kind = right.kind if right.kind != v.NUMBER else left.kind
        if unit and kind == v.NUMBER:
            kind = v.AMOUNT
        group = left.start
        out[index] = replace(left, kind=kind, value=value, unit=unit, group=group)
        right_kind = v.AMOUNT if unit and right.kind == v.NUMBER else right.kind
        out[index + 1] = replace(right, kind=right_kind, unit=right.unit or unit, group=group)
    return out


def _after_between_word(text: str, start: int, loc: NumberLocale) -> bool:
    before = text[max(0, start - 20) : start].rstrip(_SPACES).lower()
    return any(before.endswith(word) and (len(before) == len(word) or not before[-len(word) - 1].isalnum())
               for word in loc.between_words)


def _spread_date_ranges(text: str, found: list[NumericValue], loc: NumberLocale) -> list[NumericValue]:
    """`van 1 tot 3 oktober`, `October 1-3`: a day next to a date in a range is a date too.

    So is a day in a list of days written with one month: before a date that opens with its day
    (`12 en 13 juni`, `5, 6 et 7 juin`), or after one that opens with its month (`June 12 and 13`)
    where the list ends there (`June 3 and 12 others` is no list). The days of a list rise.
    """
    out = list(found)
    connectors = tuple(_DASHES) + loc.range_connectors + loc.date_range_connectors
    changed = True
    while changed:  # a list hands its month on from day to day: `5, 6 en 7 juni`
        changed = False
        for index in range(len(out) - 1):
            left, right = out[index], out[index + 1]
            between = text[left.end : right.start].strip(_SPACES).lower()
            for day, date in ((left, right), (right, left)):
                has_day = date.kind == v.DATE and re.fullmatch(r"(?:\d{4}|-)-\d{2}-\d{2}", str(date.value))
                if not (day.kind in (v.NUMBER, v.ORDINAL) and has_day and isinstance(day.value, Decimal)
                        and 1 <= day.value <= 31):
                    continue
                date_day = int(str(date.value)[-2:])
                if between in connectors:
                    pass
                elif day is left and (between in loc.between_connectors or between == ",") and date.text[:1].isdigit():
                    if not day.value < date_day:
                        continue
                elif day is right and between in loc.between_connectors and date.text[:1].isalpha():
                    if not (day.value > date_day and _LIST_END.match(text, day.end)):
                        continue
                else:
                    continue
                month_part = str(date.value)[:-2]
                out[out.index(day)] = replace(day, kind=v.DATE, value=f"{month_part}{int(day.value):02d}")
                changed = True
    return out


# After the last day of a list: the end of the clause, or its year (`June 12 and 13, 2024`).
_LIST_END = re.compile(r"[ \u00a0]*(?:$|[.,;:)!?]|\d{4}(?!\d))")


def _declines(text: str, found: list[NumericValue], decline_before: re.Pattern) -> list[NumericValue]:
    """`shrank by 0.2%`, `daalde met 3 %`: a figure after a word of decline may be read as negative too."""
    out = []
    for value in found:
        if (value.kind in (v.PERCENT, v.PERCENTAGE_POINTS, v.NUMBER, v.AMOUNT) and isinstance(value.value, Decimal)
                and value.value > 0 and decline_before.search(text[max(0, value.start - 40) : value.start])):
            value = replace(value, alternatives=(*value.alternatives, replace(value, value=-value.value, alternatives=())))
        out.append(value)
    return out


def _after_noon(text: str, found: list[NumericValue], afternoon: re.Pattern) -> list[NumericValue]:
    """`8 uur 's avonds`, `8h du soir`: a clock time of 1 to 11 followed by an evening word is 20:00."""
    out = []
    for value in found:
        marker = afternoon.match(text, value.end) if value.kind == v.TIME else None
        hour = int(str(value.value)[:2]) if marker else 0
        if marker and 1 <= hour <= 11:
            value = replace(value, value=f"{hour + 12:02d}{str(value.value)[2:]}", end=marker.end(),
                            text=text[value.start : marker.end()])
        out.append(value)
    return out


def _expand_short_years(text: str, found: list[NumericValue]) -> list[NumericValue]:
    """`2025-26`, `2024/25`: the second year is written with its last two digits."""
    out = list(found)
    for index in range(len(out) - 1):
        left, right = out[index], out[index + 1]
        if left.kind != v.NUMBER or right.kind != v.NUMBER or text[left.end : right.start] not in tuple(_DASHES) + ("/",):
            continue
        if isinstance(left.value, Decimal) and 1900 <= left.value <= 2100 and len(right.text) == 2:
            year = left.value - left.value % 100 + right.value
            if left.value < year <= left.value + 10:
                out[index + 1] = replace(right, value=year)
    return out


def _scale_of(value: NumericValue) -> int:
    """The power of ten a scale word added to `value` (0 when it was written in full)."""
    surface = re.findall(r"\d+(?:[.,]\d+)?", value.text)
    if not surface or not isinstance(value.value, Decimal):
        return 0
    written = Decimal(surface[-1].replace(",", "."))
    if written == 0:
        return 0
    ratio = abs(value.value) / written
    exponent = 0
    while ratio >= 10 and exponent < 15:
        ratio /= 10
        exponent += 1
    return exponent if exponent in (3, 6, 9, 12) else 0


def _mark_conversions(text: str, found: list[NumericValue]) -> list[NumericValue]:
    """`€81 million ($88.9M)`, `30 meters (100 feet)`: the same amount or length again, in brackets,
    in another currency or unit. Both ends of a converted range in brackets are marked, and a
    hedge before the amount holds for its conversion too (`environ 16 km (10 milles)`)."""
    out = list(found)
    for index in range(1, len(out)):
        prev, cur = out[index - 1], out[index]
        if prev.kind != cur.kind or cur.kind not in (v.AMOUNT, v.QUANTITY) or prev.unit == cur.unit:
            continue
        if cur.kind == v.QUANTITY:
            from checker.numbers.units import same_dimension

            if not same_dimension(prev.unit, cur.unit):
                continue
        between = text[prev.end : cur.start]
        after = text[cur.end : cur.end + 3]
        if re.fullmatch(r"[ \u00a0]*[(\[][^()\[\]]{0,12}", between) and re.match(r"[^()\[\]]{0,12}[)\]]", after):
            out[index] = replace(cur, conversion=True, qualifier=cur.qualifier or prev.qualifier)
            if cur.group >= 0:
                out = [replace(value, conversion=True) if value.group == cur.group else value for value in out]
    return out
