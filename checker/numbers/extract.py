"""Find every numeric expression in a sentence and read it the way a native reader would.

The reading is driven by the tables in `checker.locales`; passes run from the most
specific shape to the least (URLs and phone numbers before dates, dates before times,
times before plain numbers, digits before number words) and each pass claims its
characters so that `17 januari 2024` is one date, not a day and a year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from checker.locales import NumberLocale, get_locale
from checker.numbers import values as v
from checker.numbers.values import NumericValue

_SPACES = " \u00a0\u202f\u2009"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
# Every separator any locale uses between digit groups or before decimals.
_ANY_SEPARATOR = ".,'" + _SPACES

_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>()]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+\.(?:be|com|org|eu|fr|nl|net|io|uk)\b(?:/[^\s<>()]*)?",
    re.IGNORECASE,
)
# +32 476 650 438, + 33 1 56 54 07 00, 0032 2 123 45 67, 02/123.45.67, 0476 65 04 38
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)[ \u00a0]?\d{1,3}(?:[ \u00a0.\-/]?\(0\))?|0\d{1,3})(?:[ \u00a0.\-/]\d{1,4}){2,}(?!\d)"
)
_CODE = re.compile(r"(?<![\w])[^\W\d_]+-?\d+(?:[\w]*)(?:-\d+)*(?![\w])")
_NUMERIC_DATE = re.compile(r"(?<![\w.,/])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\w.,/]\d)")
_ISO_DATE = re.compile(r"(?<![\w.,/-])(\d{4})-(\d{2})-(\d{2})(?![\w-])")
_CLOCK = re.compile(r"(?<![\w.,:])([01]?\d|2[0-3]):([0-5]\d)(?![\w:])")
_MERIDIEM = re.compile(
    r"(?<![\w.,:])(1[0-2]|0?[1-9])(?:[.:]([0-5]\d))?[ \u00a0]?([ap])\.?m\.?(?![\w])", re.IGNORECASE
)
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# Digits with any grouping or decimal separators; interpreted per locale in `_read_literal`.
_LITERAL = re.compile(
    r"(?<![\w])(?:\d{1,3}(?:[.,'" + _SPACES + r"]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\d])"
)


@dataclass(frozen=True)
class _Patterns:
    locale: NumberLocale
    day_month: re.Pattern
    month_day: re.Pattern | None
    month_year: re.Pattern
    hour: re.Pattern | None
    hour_word: re.Pattern | None
    qualifier_before: re.Pattern
    scale_after: re.Pattern
    currency_scale_after: re.Pattern
    currency_after: re.Pattern
    currency_before: re.Pattern
    percent_after: re.Pattern
    points_after: re.Pattern
    ordinal_suffix: re.Pattern
    months: dict[str, int]


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


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
    month = f"(?P<month>{_alternation(months)})\\.?"
    day_suffix = "(?:" + _alternation(loc.ordinal_digit_suffixes) + ")?"
    year = r"(?P<year>\d{4})"
    day_month = re.compile(
        rf"(?<![\w.,])(?P<day>[0-3]?\d){day_suffix}[ \u00a0]+{month}(?![\w])(?:,?[ \u00a0]+{year}(?!\d))?",
        re.IGNORECASE,
    )
    month_day = None
    if loc.month_before_day:
        month_day = re.compile(
            rf"(?<![\w])(?P<month>{_alternation(months)})\.?[ \u00a0]+(?P<day>[0-3]?\d){day_suffix}(?![\w])(?:,?[ \u00a0]+{year}(?!\d))?",
            re.IGNORECASE,
        )
    month_year = re.compile(rf"(?<![\w])(?P<month>{_alternation(months)})[ \u00a0]+{year}(?!\d)", re.IGNORECASE)
    hour = None
    if loc.hour_markers:
        markers = _alternation(loc.hour_markers)
        hour = re.compile(rf"(?<![\w.,:])([01]?\d|2[0-4])[ \u00a0]?(?:{markers})[ \u00a0]?([0-5]\d)?(?![\w])")
    hour_word = None
    if loc.hour_words:
        hour_word = re.compile(rf"(?<![\w.,:])([01]?\d|2[0-4])[ \u00a0]+(?:{_alternation(loc.hour_words)})(?![\w])", re.IGNORECASE)
    qualifier_before = re.compile(rf"(?:^|[^\w'’])(?P<q>{_alternation(loc.qualifiers)})[ \u00a0]*$", re.IGNORECASE)
    scale_after = re.compile(rf"[ \u00a0]*(?P<scale>{_alternation(loc.scale_words)})(?![\w])", re.IGNORECASE)
    currency_scale_after = re.compile(
        rf"[ \u00a0]?(?P<scale>{_alternation(loc.currency_scale_abbreviations)})(?![\w])", re.IGNORECASE
    )
    currency_words = [w for w in loc.currency_words if w.isalpha() or "'" in w]
    symbols = [w for w in loc.currency_words if not (w.isalpha() or "'" in w)]
    currency_after = re.compile(
        rf"[ \u00a0]*(?:(?:d['’]|de[ \u00a0]+)?(?P<word>{_alternation(currency_words)})(?![\w])|(?P<symbol>{_alternation(symbols)}))",
        re.IGNORECASE,
    )
    currency_before = re.compile(
        rf"(?:(?<![\w])(?P<word>{_alternation(currency_words)})|(?P<symbol>{_alternation(symbols)}))[ \u00a0]*$",
        re.IGNORECASE,
    )
    percent_after = re.compile(rf"[ \u00a0\u202f]*(?:{_alternation(loc.percent_words)})(?![\w])", re.IGNORECASE)
    points_after = re.compile(rf"[ \u00a0]*(?:{_alternation(loc.percentage_point_words)})(?![\w])", re.IGNORECASE)
    ordinal_suffix = re.compile(rf"(?:{_alternation(loc.ordinal_digit_suffixes)})(?![\w])")
    return _Patterns(
        loc, day_month, month_day, month_year, hour, hour_word, qualifier_before, scale_after,
        currency_scale_after, currency_after, currency_before, percent_after, points_after, ordinal_suffix, months,
    )


class _Claims:
    """Which characters of the sentence an earlier pass has already read."""

    def __init__(self, length: int) -> None:
        self._taken = bytearray(length)

    def free(self, start: int, end: int) -> bool:
        return not any(self._taken[start:end])

    def take(self, start: int, end: int) -> None:
        self._taken[start:end] = b"\x01" * (end - start)


def extract_values(text: str, lang: str) -> list[NumericValue]:
    """Every numeric expression in `text` (one sentence in language `lang`), in text order."""
    p = _patterns(lang)
    claims = _Claims(len(text))
    found: list[NumericValue] = []

    for match in _URL.finditer(text):
        claims.take(match.start(), match.end())
    _read_phones(text, claims, found)
    _read_dates(text, p, claims, found)
    _read_times(text, p, claims, found)
    _read_codes(text, claims, found)
    _read_digits(text, p, claims, found)
    _read_words(text, p, claims, found)

    found.sort(key=lambda value: value.start)
    found = _spread_range_units(text, found)
    return _mark_conversions(text, found)


# --- passes -----------------------------------------------------------------------------


def _read_phones(text: str, claims: _Claims, found: list[NumericValue]) -> None:
    for match in _PHONE.finditer(text):
        surface = match.group(0)
        digits = re.sub(r"\(0\)|\D", "", surface)
        if len(digits) < 8:
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
            if p.locale.month_before_day and not month_text[0].isupper():
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
    for match in _ISO_DATE.finditer(text):
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
            _add_time(found, claims, match, int(match.group(1)), 0)
    for match in _CLOCK.finditer(text):
        _add_time(found, claims, match, int(match.group(1)), int(match.group(2)))


def _read_codes(text: str, claims: _Claims, found: list[NumericValue]) -> None:
    for match in _CODE.finditer(text):
        if claims.free(match.start(), match.end()):
            claims.take(match.start(), match.end())
            found.append(NumericValue(v.CODE, match.group(0).upper(), match.start(), match.end(), match.group(0)))


def _read_literal(literal: str, loc: NumberLocale) -> tuple[Decimal, Decimal | None]:
    """The value of a digit string as a reader of `loc` reads it, and the foreign reading if any.

    `1.200` is 1200 in Dutch and French (Belgian) but 1.2 in English, where the writer
    most likely meant 1200: that second reading is returned so that a check can say so.
    """
    separators = [ch for ch in literal if not ch.isdigit()]
    if not separators:
        return Decimal(literal), None
    digits_only = re.sub(r"\D", "", literal)
    last_sep = separators[-1]
    head, _, tail = literal.rpartition(last_sep)
    distinct = set(separators)
    if len(distinct) == 2:
        # 1.200,50 or 1,200.50: the last separator is the decimal mark
        whole = re.sub(r"\D", "", head)
        return Decimal(f"{whole}.{tail}"), None
    sep = last_sep
    groups = literal.split(sep)
    looks_grouped = all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
    if len(separators) > 1:
        # 1.200.000: only grouping reads like this
        return Decimal(digits_only), None
    if sep in _SPACES or sep == "'":
        return Decimal(digits_only), None
    if sep == loc.decimal_separator:
        value = Decimal(literal.replace(sep, "."))
        # `1.200` in English is 1.2 to the reader; a Dutch writer meant 1200
        foreign = Decimal(digits_only) if looks_grouped else None
        return value, foreign
    if sep in loc.group_separators and looks_grouped:
        return Decimal(digits_only), None
    # A decimal mark from another locale with no grouping reading (`2.6` in Dutch): same value.
    return Decimal(literal.replace(sep, ".")), None


def _qualifier_before(text: str, start: int, end: int, p: _Patterns) -> str:
    """The meaning of the qualifier phrase right before `start` ("more", "approx"…), or ""."""
    window_start = max(0, start - 40)
    match = p.qualifier_before.search(text, window_start, start)
    if not match:
        return ""
    phrase = match.group("q").lower()
    if phrase in p.locale.duration_sensitive_qualifiers:
        following = text[end : end + 20].lower().split()
        if following and following[0].strip(".,;:") in p.locale.duration_words:
            return ""
    return p.locale.qualifiers[phrase]


def _currency_before(text: str, start: int, p: _Patterns) -> tuple[str, int]:
    match = p.currency_before.search(text, max(0, start - 8), start)
    if not match:
        return "", start
    token = match.group("word") or match.group("symbol")
    return p.locale.currency_words[token.lower()], match.start()


def _read_digits(text: str, p: _Patterns, claims: _Claims, found: list[NumericValue]) -> None:
    loc = p.locale
    for match in _LITERAL.finditer(text):
        start, end = match.start(), match.end()
        literal = match.group(0)
        if not claims.free(start, end):
            continue
        # "2025-2027": the dash is a range; "-5 %" after a space is a sign
        negative = start > 0 and text[start - 1] in "-\u2212" and (start == 1 or not text[start - 2].isalnum())
        try:
            number, foreign = _read_literal(literal, loc)
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
                if unit or (after and after.group("symbol")):
                    exponent = loc.currency_scale_abbreviations[scale.group("scale").lower()]
                    cursor = scale.end()
        currency = p.currency_after.match(text, cursor)
        if currency and not unit:
            token = currency.group("word") or currency.group("symbol")
            unit = loc.currency_words[token.lower()]
            kind = v.AMOUNT
            cursor = currency.end()
        percent = p.percent_after.match(text, cursor)
        points = p.points_after.match(text, cursor)
        if points:
            kind, cursor = v.PERCENTAGE_POINTS, points.end()
        elif percent and kind == v.NUMBER:
            kind, cursor = v.PERCENT, percent.end()
        if cursor < len(text) and text[cursor] == "+" and (cursor + 1 == len(text) or not text[cursor + 1].isdigit()):
            qualifier = "more"  # "15+ bedrijven"
            cursor += 1
        q = _qualifier_before(text, expr_start, cursor, p)
        qualifier = q or qualifier
        value = number.scaleb(exponent)
        if negative:
            value = -value
            expr_start = min(expr_start, start - 1)
        if foreign is not None:
            foreign = foreign.scaleb(exponent)
        claims.take(expr_start, cursor)
        found.append(NumericValue(kind, value, expr_start, cursor, text[expr_start:cursor],
                                  unit=unit, qualifier=qualifier, foreign_reading=foreign))


@lru_cache(maxsize=65536)
def _cardinal_word(word: str, lang: str) -> int | None:
    from text_to_num import text2num

    if len(word) < 2:
        return None
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


def _read_words(text: str, p: _Patterns, claims: _Claims, found: list[NumericValue]) -> None:
    loc = p.locale
    words = [m for m in _WORD.finditer(text) if claims.free(m.start(), m.end())]
    i = 0
    while i < len(words):
        word = words[i].group(0).lower().replace("’", "'")
        ordinal = _ordinal_word(word, loc.code)
        if ordinal is not None and _cardinal_word(word, loc.code) is None:
            m = words[i]
            q = _qualifier_before(text, m.start(), m.end(), p)
            claims.take(m.start(), m.end())
            found.append(NumericValue(v.ORDINAL, Decimal(ordinal), m.start(), m.end(), m.group(0),
                                      qualifier=q, weak=word in loc.ambiguous_words))
            i += 1
            continue
        if _cardinal_word(word, loc.code) is None or _plural_of_number(word, loc.code):
            i += 1
            continue
        # The longest run of number words (with connectors between them) that reads as one number.
        j = i + 1
        while j < len(words) and _adjacent(text, words[j - 1], words[j]):
            nxt = words[j].group(0).lower()
            if _cardinal_word(nxt, loc.code) is not None and nxt not in loc.scale_words:
                j += 1
            elif (nxt in loc.number_connectors and j + 1 < len(words) and _adjacent(text, words[j], words[j + 1])
                  and _cardinal_word(words[j + 1].group(0).lower(), loc.code) is not None):
                j += 2
            else:
                break
        run = words[i:j]
        phrase = " ".join(m.group(0).lower() for m in run)
        number = _cardinal_word(phrase, loc.code)
        if number is None:
            run, number = run[:1], _cardinal_word(word, loc.code)
            j = i + 1
        assert number is not None
        start, cursor = run[0].start(), run[-1].end()
        weak = len(run) == 1 and word in loc.ambiguous_words
        unit = ""
        kind = v.NUMBER
        exponent = 0
        scale = p.scale_after.match(text, cursor)
        if scale and scale.group("scale").lower() != word:
            exponent = loc.scale_words[scale.group("scale").lower()]
            cursor = scale.end()
            weak = False
        currency = p.currency_after.match(text, cursor)
        if currency and currency.group("word"):
            unit = loc.currency_words[currency.group("word").lower()]
            kind, cursor = v.AMOUNT, currency.end()
            weak = False
        percent = p.percent_after.match(text, cursor)
        if percent and kind == v.NUMBER:
            kind, cursor = v.PERCENT, percent.end()
            weak = False
        q = _qualifier_before(text, start, cursor, p)
        claims.take(start, cursor)
        found.append(NumericValue(kind, Decimal(number).scaleb(exponent), start, cursor,
                                  text[start:cursor], unit=unit, qualifier=q, weak=weak))
        while i < len(words) and words[i].start() < cursor:
            i += 1


def _plural_of_number(word: str, lang: str) -> bool:
    """`ones`, `hundreds`, `des millions`, `les uns`: a plural number word alone is not a count."""
    return "-" not in word and word.endswith("s") and _cardinal_word(word[:-1], lang) is not None


def _adjacent(text: str, left: re.Match, right: re.Match) -> bool:
    return text[left.end() : right.start()].strip(_SPACES) == ""


# --- post-processing -----------------------------------------------------------------------


def _spread_range_units(text: str, found: list[NumericValue]) -> list[NumericValue]:
    """`10-15%`, `2 à 3 millions`: the unit and scale written once belong to both ends."""
    out = list(found)
    for index in range(len(out) - 1):
        left, right = out[index], out[index + 1]
        between = text[left.end : right.start].strip(_SPACES)
        if left.kind != v.NUMBER or right.kind not in (v.PERCENT, v.AMOUNT, v.NUMBER):
            continue
        if between not in tuple(_DASHES) + ("à", "tot", "to"):
            continue
        scale = _scale_of(right)
        if right.kind == v.NUMBER and scale == 0:
            continue  # 2025-2027: two plain numbers already
        value = left.value
        if scale and _scale_of(left) == 0 and isinstance(value, Decimal) and value.scaleb(scale) <= right.value:
            value = value.scaleb(scale)
        out[index] = NumericValue(right.kind, value, left.start, left.end, left.text, unit=right.unit,
                                  qualifier=left.qualifier, weak=left.weak, foreign_reading=left.foreign_reading)
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
    """`€81 million ($88.9M)`: an amount in brackets right after an amount in another currency."""
    out = list(found)
    for index in range(1, len(out)):
        prev, cur = out[index - 1], out[index]
        if prev.kind != v.AMOUNT or cur.kind != v.AMOUNT or prev.unit == cur.unit:
            continue
        between = text[prev.end : cur.start]
        after = text[cur.end : cur.end + 3]
        if re.fullmatch(r"[ \u00a0]*[(\[][^()\[\]]{0,12}", between) and re.match(r"[^()\[\]]{0,12}[)\]]", after):
            out[index] = NumericValue(cur.kind, cur.value, cur.start, cur.end, cur.text, unit=cur.unit,
                                      qualifier=cur.qualifier, conversion=True)
    return out
