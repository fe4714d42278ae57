"""Numeric meaning carried by phrases rather than by a plain number.

`24/7` says "always"; `een tiental` is "about ten"; `twee derde`, `un tiers`, `one in five`
are fractions; `jaren 90` is a decade; `Q3`, `T3` and `derde kwartaal` are one quarter;
`XXIe siècle` is an ordinal. Each pass reads such phrases from the locale's tables and
claims them before the general digit and word passes see their numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from typing import Callable, Protocol

from checker.locales import NumberLocale, get_locale
from checker.numbers import values as v
from checker.numbers.patterns import Gated, alternation, gated
from checker.numbers.values import NumericValue

_GAP = r"[ \u00a0]+"


class Claims(Protocol):
    def free(self, start: int, end: int) -> bool: ...

    def take(self, start: int, end: int) -> None: ...


CardinalReader = Callable[[str, str], "int | None"]


@dataclass(frozen=True)
class _PhrasePatterns:
    claimed: Gated | None
    both: Gated | None
    multiplier: Gated | None
    decade_noun: Gated | None
    compound: Gated | None
    ordinal_idioms: tuple[tuple[re.Pattern, int], ...]
    ordinal_adjective: Gated | None
    time_words: Gated | None
    approximate: Gated | None
    fraction: Gated | None
    half: Gated | None
    ratio: Gated | None
    decade: Gated | None
    period_code: re.Pattern | None
    roman_ordinal: re.Pattern | None
    weekday: Gated
    month: Gated
    night: Gated | None
    clock: tuple[tuple[Gated, int], ...]
    holiday: Gated | None
    rounds: tuple[Gated, ...]
    weekdays: dict[str, int]
    months: dict[str, int]


def _words_pattern(words, flags=re.IGNORECASE) -> Gated | None:
    """Any of `words` as whole words; None when the table is empty."""
    if not words:
        return None
    return gated(rf"(?<![\w\-])(?P<word>{alternation(words)})(?![\w])", alternation(words), flags)


@lru_cache(maxsize=None)
def phrase_patterns(lang: str) -> _PhrasePatterns:
    from babel.dates import get_day_names, get_month_names

    loc = get_locale(lang)
    flags = re.IGNORECASE
    # `24/7` says "always", `in het honderd lopen` "to go wrong": both are claimed, with no value
    claimed = None
    if loc.always_phrases or loc.numberless_idioms:
        phrases = "|".join(loc.always_phrases + loc.numberless_idioms)
        claimed = gated(rf"(?<![\w])(?:{phrases})(?![\w])", phrases, flags)
    # "noon", "12 noon", "à midi"; but not "après-midi", which is an afternoon
    time_words = (gated(rf"(?<![\w\-\u2010\u2011])(?:12[ \u00a0]+)?(?P<word>{alternation(loc.time_words)})(?![\w])",
                        alternation(loc.time_words), flags)
                  if loc.time_words else None)
    articles = rf"(?:(?:{alternation(loc.indefinite_articles)}){_GAP})?" if loc.indefinite_articles else ""
    approximate = None
    if loc.approximate_nouns:
        approximate = gated(rf"(?<![\w]){articles}(?P<noun>{alternation(loc.approximate_nouns)})(?![\w])",
                            alternation(loc.approximate_nouns), flags)
    fraction = None
    if loc.fraction_denominators:
        followers = alternation(loc.fraction_followers) if loc.fraction_followers else "(?!)"
        fraction = gated(
            rf"(?<![\w])(?P<num>\d++|[^\W\d_]++)(?:{_GAP}|-)(?P<den>{alternation(loc.fraction_denominators)})(?![\w])"
            rf"(?P<after>{_GAP}(?:{followers})(?![\w])|[ \u00a0]*(?=[.,;:!?)]|$))?",
            alternation(loc.fraction_denominators), flags,
        )
    half = None
    if loc.half_words and loc.half_followers:
        # "half of the budget", "half the partners"; "half a million" is a scale, "first half" a period
        not_after_ordinal = "".join(rf"(?<!{re.escape(word)} )" for word in loc.irregular_ordinals)
        half = gated(rf"(?<![\w]){not_after_ordinal}(?P<half>{alternation(loc.half_words)})"
                     rf"(?={_GAP}(?:{alternation(loc.half_followers)})(?![\w]))", alternation(loc.half_words), flags)
    elif loc.half_words and loc.half_articles:
        half = gated(rf"(?<![\w])(?:{alternation(loc.half_articles)}){_GAP}(?P<half>{alternation(loc.half_words)})(?![\w])",
                     alternation(loc.half_words), flags)
    ratio = None
    if loc.ratio_connectors:
        definite = rf"(?:{_GAP}(?:{alternation(loc.ratio_articles)}))?" if loc.ratio_articles else ""
        ratio = gated(
            rf"(?<![\w.,])(?P<a>\d++|[^\W\d_]++)(?P<noun>{_GAP}[^\W\d_]++)?{_GAP}(?:{alternation(loc.ratio_connectors)})"
            rf"{definite}{_GAP}(?P<b>\d++|[^\W\d_]++)(?![\w])(?![-–][ \u00a0]?\d)",  # not `in the 3-1 defeat`
            rf"[ \u00a0](?:{alternation(loc.ratio_connectors)})[ \u00a0]",  # a gap on both sides of the connector
            flags,
        )
    decade = None
    if loc.decade_words:
        decade = gated(rf"(?<![\w])(?:{alternation(loc.decade_words)}){_GAP}['’]?(?:(?P<century>19|20)?(?P<tens>\d)0|(?P<word>[^\W\d_]+))(?![\w])",
                       alternation(loc.decade_words), flags)
    elif loc.decade_suffix:
        decade = gated(rf"(?<![\w])(?:(?P<century>19|20)|['’])?(?P<tens>\d)0{re.escape(loc.decade_suffix)}(?![\w])",
                       rf"\d0{re.escape(loc.decade_suffix)}")
    period_code = None
    letters = tuple(loc.quarter_letters) + tuple(loc.half_year_letters)
    if letters:
        period_code = re.compile(rf"(?<![\w])(?P<letter>{alternation(letters)})(?P<n>[1-4])(?![\w])")
    roman_ordinal = None
    if loc.roman_ordinal_suffixes:
        # XXIe siècle, XIXe; single letters are words (`Le`, `Ce`) unless a century follows
        suffixes = alternation(loc.roman_ordinal_suffixes)
        century = alternation(loc.roman_century_words) if loc.roman_century_words else "(?!)"
        roman_ordinal = re.compile(rf"(?<![\w])(?P<roman>[IVX]{{2,}}|[IVX](?=(?:{suffixes})[ \u00a0]+(?:{century})))(?:{suffixes})(?![\w])")
    day_names = {name.lower(): number + 1 for number, name in get_day_names("wide", locale=loc.babel_locale).items()}
    compound = f"(?:{alternation(loc.weekday_compound_suffixes)})?" if loc.weekday_compound_suffixes else ""
    head_of = r"(?:[^\W\d_]+?)?" if loc.weekday_compound_heads else ""
    weekday = gated(rf"(?<![\w]){head_of}(?P<name>{alternation(day_names)}){compound}(?![\w])", alternation(day_names), flags)
    months = {name.lower(): number for number, name in get_month_names("wide", locale=loc.babel_locale).items()}
    abbreviated = {name.lower().rstrip("."): number
                   for number, name in get_month_names("abbreviated", locale=loc.babel_locale).items()}
    abbreviated.update({k.rstrip("."): n for k, n in loc.extra_month_names.items()})
    abbreviated = {k: n for k, n in abbreviated.items() if k not in months}
    # "in oktober", "en sept.": a wide name alone, or an abbreviation with its dot
    month = gated(rf"(?<![\w])(?:(?P<name>{alternation(months)})(?![\w])|(?P<abbr>{alternation(abbreviated)})\.)",
                  alternation([*months, *abbreviated]), flags)
    months = {**months, **abbreviated}
    both = _words_pattern(loc.both_words)
    multiplier = _words_pattern(loc.multiplier_number_words)
    decade_noun = None
    if loc.decade_nouns or loc.decade_plural_nouns:
        # `two decades`, `deux dernières décennies`: a count, perhaps an adjective, the noun
        nouns = alternation(loc.decade_nouns + loc.decade_plural_nouns)
        decade_noun = gated(rf"(?<![\w])(?:(?P<w1>\d++|[^\W\d_]++){_GAP})?(?:(?P<w2>\d++|[^\W\d_]++){_GAP})?"
                            rf"(?P<noun>{nouns})(?![\w])", nouns, flags)
    compound_number = None
    if loc.compound_number_suffixes:
        compound_number = gated(rf"(?<![\w\-])(?P<num>[^\W\d_]{{3,30}}?)(?P<suffix>{alternation(loc.compound_number_suffixes)})(?![\w])",
                                alternation(loc.compound_number_suffixes), flags)
    idioms = tuple((re.compile(rf"(?<![\w]){pattern}(?![\w])", flags), offset) for pattern, offset in loc.ordinal_idioms)
    # the adjective right after a word of four letters or more (`pays tiers`, not `les tiers`)
    ordinal_adjective = None
    if loc.ordinal_adjectives:
        ordinal_adjective = gated(rf"(?P<before>[^\W\d_]{{4,}}+)[ \u00a0](?P<word>{alternation(loc.ordinal_adjectives)})(?![\w])",
                                  alternation(loc.ordinal_adjectives), flags)
    night = None
    if loc.night_phrases:
        names = alternation(day_names)
        phrases = "|".join(f"(?:{phrase})".replace("{a}", f"(?P<a{k}>{names})").replace("{b}", f"(?P<b{k}>{names})")
                           for k, phrase in enumerate(loc.night_phrases))
        night = gated(rf"(?<![\w])(?:{phrases})(?![\w])", names, flags)
    hour = r"(?P<h>1[0-2]|[1-9]|[^\W\d_]{2,}+)"
    clock = tuple((gated(rf"(?<![\w]){phrase.replace('{h}', hour)}(?![\w]|[.,:]\d)", _literal_word(phrase), flags), minutes)
                  for phrase, minutes in loc.clock_phrases)
    holiday = None
    if loc.holidays:
        holiday = gated("|".join(f"(?P<h{k}>(?<![\\w]){name}(?![\\w]))" for k, name in enumerate(loc.holidays)),
                        "|".join(_literal_word(name) for name in loc.holidays), flags)
    rounds = tuple(gated(rf"(?<![\w]){phrase}(?![\w])", _literal_word(phrase), flags) for phrase in loc.knockout_rounds)
    return _PhrasePatterns(claimed, both, multiplier, decade_noun, compound_number, idioms, ordinal_adjective,
                           time_words, approximate, fraction, half, ratio, decade, period_code,
                           roman_ordinal, weekday, month, night, clock, holiday, rounds, day_names, months)


def _literal_word(phrase: str) -> str:
    """The first word of four letters or more that every match of a table regex contains, as a gate
    (`kwart` of `kwart over {h}`, `heure` of `… {h} heures? et quart`, `Year` of `New Year['’]s Day`)."""
    fixed = re.sub(r"\(\?P<\w+>[^)]*\)|\(\?:[^)]*\)|\{h\}|.\?", " ", phrase)
    return re.escape(re.findall(r"[^\W\d_]{4,}", fixed)[0])


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
    if token in get_locale(lang).indefinite_articles:
        return 1
    return cardinal(token, lang)


def _tens_word(word: str, lang: str, cardinal: CardinalReader) -> int | None:
    """The tens digit of `tachtig`, `quatre-vingt`, `eighties`: for decades written in words."""
    loc = get_locale(lang)
    candidates = [word.lower()]
    candidates += [word.lower()[: -len(suffix)] + restore for suffix, restore in loc.decade_word_suffixes
                   if word.lower().endswith(suffix)]
    for candidate in candidates:
        value = cardinal(candidate, lang)
        if value is not None and 10 <= value <= 90 and value % 10 == 0:
            return value // 10
    return None


def read_phrases(text: str, lang: str, claims: Claims, found: list[NumericValue], cardinal: CardinalReader,
                 ordinal: CardinalReader) -> None:
    """Claim every phrase of the tables in `text`, adding the values they carry to `found`.

    `cardinal` and `ordinal` read one number word (`huit`, `huitièmes`); they live with the word pass.
    """
    loc = get_locale(lang)
    p = phrase_patterns(lang)

    def add(match: re.Match, kind: str, value, **extra) -> None:
        claims.take(match.start(), match.end())
        found.append(NumericValue(kind, value, match.start(), match.end(), match.group(0), **extra))

    if p.claimed:
        for match in p.claimed.finditer(text):
            claims.take(match.start(), match.end())
    for pattern in p.rounds:  # `huitièmes de finale` = the round of 16
        for match in pattern.finditer(text):
            of_final = ordinal(match.group("n").lower(), lang)
            if of_final and claims.free(match.start(), match.end()):
                add(match, v.NUMBER, Decimal(2 * of_final), spelled=True)
    if p.holiday:  # `New Year's Day`, `1er janvier`
        dates = list(loc.holidays.values())
        for match in p.holiday.finditer(text):
            if claims.free(match.start(), match.end()):
                add(match, v.DATE, dates[int(match.lastgroup[1:])], weak=True, spelled=True)
    for pattern, minutes in p.clock:  # `half acht`, `a quarter past eight`
        for match in pattern.finditer(text):
            hour = _number(match.group("h"), lang, cardinal)
            if hour is None or not 1 <= hour <= 12 or not claims.free(match.start("h"), match.end()):
                continue
            total = (hour * 60 + minutes) % (12 * 60) or 12 * 60
            start = match.start("h") if match.groupdict().get("prep") else match.start()
            claims.take(start, match.end())
            found.append(NumericValue(v.TIME, f"{total // 60:02d}:{total % 60:02d}", start, match.end(),
                                      text[start:match.end()], spelled=not match.group("h").isdigit()))
    for pattern, offset in p.ordinal_idioms:  # `op één na hoogste`: the second highest
        for match in pattern.finditer(text):
            number = _number(match.group("n"), lang, cardinal)
            if number is not None and claims.free(match.start(), match.end()):
                add(match, v.ORDINAL, Decimal(number + offset), weak=True, spelled=True)
    if p.ordinal_adjective:
        for match in p.ordinal_adjective.finditer(text):
            start = match.start("word")
            if cardinal(match.group("before").lower(), lang) is None and claims.free(start, match.end()):
                claims.take(start, match.end())
                found.append(NumericValue(v.ORDINAL, Decimal(loc.ordinal_adjectives[match.group("word").lower()]), start,
                                          match.end(), match.group("word"), weak=True, spelled=True))
    if p.both:
        for match in p.both.finditer(text):
            if claims.free(match.start(), match.end()):
                add(match, v.NUMBER, Decimal(2), weak=True, spelled=True)
    if p.multiplier:
        for match in p.multiplier.finditer(text):
            if claims.free(match.start(), match.end()):
                add(match, v.NUMBER, Decimal(loc.multiplier_number_words[match.group("word").lower()]), weak=True, spelled=True)
    if p.decade_noun:
        # `two decades` is 20 years, `a decade` 10: translations write either
        plural_decades = {noun.lower() for noun in loc.decade_plural_nouns}
        for match in p.decade_noun.finditer(text):
            count, start = None, match.start("noun")
            # the word right before the noun, else the one before an adjective ("deux dernières")
            for group in ("w2", "w1"):
                word = match.group(group)
                number = _number(word, lang, cardinal) if word else None
                if number is not None and not (number == 1 and group == "w1"):  # "a record decade"
                    count, start = number, match.start(group)
                    break
            if count is None and match.group("noun").lower() in plural_decades:
                claims.take(match.start("noun"), match.end())  # `for decades`: many, not a figure
                continue
            if claims.free(start, match.end()):
                claims.take(start, match.end())
                found.append(NumericValue(v.QUANTITY, Decimal(10 * (count or 1)), start, match.end(), text[start : match.end()],
                                          unit="year",
                                          spelled=not text[start:start + 1].isdigit()))
    if p.compound:
        # `vijfjarige`, `drievoudig`: a number word glued to the rest of the word
        for match in p.compound.finditer(text):
            number = cardinal(match.group("num").lower(), lang)
            # `eenvoudig` is "simple": a compound of one is no count
            if number is not None and number > 1 and claims.free(match.start(), match.end()):
                add(match, v.NUMBER, Decimal(number), spelled=True)
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
            if match.group("noun") and not (small and (a == 1 or (loc.ratio_noun_after_any_numerator and a <= 10))):
                continue
            if claims.free(match.start(), match.end()):
                # the two counts as written, for a translation that writes them as counts
                add(match, v.FRACTION, (Decimal(a) / Decimal(b)).quantize(Decimal("0.0001")), parts=(Decimal(a), Decimal(b)),
                    spelled=not match.group("a").isdigit())
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
            denominator = loc.fraction_denominators[denominator_word]
            if denominator == 2 and not (match.group("after") or "").strip():
                continue  # "an hour and a half": only "half of" is a fraction
            value = (Decimal(numerator) / Decimal(denominator)).quantize(Decimal("0.0001"))
            end, kind = match.end("den"), v.FRACTION
            joiner = ""
            if loc.fraction_followers and loc.indefinite_articles:  # "a quarter of a million"
                joiner = rf"(?:{_GAP}(?:{alternation(loc.fraction_followers)}){_GAP}(?:{alternation(loc.indefinite_articles)}))?"
            scale = re.match(rf"{joiner}{_GAP}({alternation(loc.scale_words)})(?![\w])", text[end:], re.IGNORECASE)
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
            tens = match.group("tens")
            if tens is None:  # `jaren tachtig`, `années quatre-vingt`
                word_tens = _tens_word(match.group("word"), lang, cardinal)
                tens = str(word_tens) if word_tens else None
            if tens is not None and claims.free(match.start(), match.end()):
                add(match, v.DECADE, f"{tens}0s", spelled=match.group("tens") is None)
    if loc.decade_word_suffixes:  # `the eighties`
        for match in re.finditer(r"(?<![\w])[^\W\d_]+(?![\w])", text):
            word = match.group(0)
            if any(word.lower().endswith(suffix) for suffix, _ in loc.decade_word_suffixes):
                tens = _tens_word(word, lang, cardinal)
                if tens and claims.free(match.start(), match.end()):
                    add(match, v.DECADE, f"{tens}0s", spelled=True)
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


_PREVIOUS_WORD = re.compile(r"([^\W\d_][\w.'’-]*)[ \u00a0]+$")


_NEXT_WORD = re.compile(r"[^\W\d_][\w'’-]*[ \u00a0]+([^\W\d_][\w'’-]*)")


def _opens_sentence(text: str, position: int) -> bool:
    before = text[:position].rstrip()
    return not before or before[-1] in ".!?:;\"'‘“«(—–-"


_LONG_WORD = re.compile(r"(?<![\w'’-])[^\W\d_]{4,}(?![\w'’-])")


@lru_cache(maxsize=4096)  # asked once per capitalised number or calendar word of a sentence
def title_case(text: str) -> bool:
    """A headline in title case: no closing full stop, and every word of four letters or more,
    three at least, capitalised (`Why Trump Will Win a Second Term`)."""
    if text.rstrip().endswith("."):
        return False
    words = _LONG_WORD.findall(text)
    return len(words) >= 3 and all(word[0].isupper() for word in words)


def part_of_name(text: str, start: int, lang: str, next_word_capitalised: bool = False,
                 capitalised_before: bool = True) -> bool:
    """Whether the capitalised word at `start` belongs to a proper name (`Mrs May`, `Brian May`).

    A title before it is proof; so is, with `capitalised_before`, a capitalised word before it
    that does not open the sentence (`Theresa May` in mid-sentence) and, for number words, a
    capitalised word after it (`Three Lions`, `Fifth Avenue`). Names that open a sentence are
    left to the other versions, where a name stays untranslated (see `checker.numbers.compare`).
    In a title written in title case (`Why Trump Will Win a Second Term`) capitals say nothing.
    """
    if not text[start : start + 1].isupper():
        return False
    before = _PREVIOUS_WORD.search(text[max(0, start - 40) : start])
    if before and before.group(1).lower() in get_locale(lang).honorifics:
        return True
    if title_case(text):
        return False
    if next_word_capitalised and not _opens_sentence(text, start):
        following = _NEXT_WORD.match(text, start)
        if following and following.group(1)[0].isupper():
            return True
    if before is None or not capitalised_before:
        return False
    previous = before.group(1)
    patterns = phrase_patterns(lang)
    calendar = patterns.weekday.fullmatch(previous) or patterns.month.fullmatch(previous)
    return previous[0].isupper() and not _opens_sentence(text, start - len(before.group(0))) and not calendar


def _calendar_capital_tells(text: str, start: int, loc: NumberLocale) -> bool:
    """Whether the capital of the word at `start` marks a name of the calendar: it does in prose
    (`May was a record month`), and in a title in title case only after a preposition of time
    (`Rain Returns in May`)."""
    if not title_case(text):
        return True
    before = _PREVIOUS_WORD.search(text[max(0, start - 40) : start])
    return before is not None and before.group(1).lower() in loc.calendar_prepositions


def _read_nights(text: str, p: _PhrasePatterns, claims: Claims, found: list[NumericValue]) -> None:
    """`de nacht van vrijdag op zaterdag`: one value, the first day, that the second day matches too."""
    for match in p.night.finditer(text):
        a, b = next((name, f"b{name[1:]}") for name, day in match.groupdict().items()
                    if day is not None and name.startswith("a"))
        first, second = p.weekdays[match.group(a).lower()], p.weekdays[match.group(b).lower()]
        start, end = match.start(a), match.end(b)
        if second % 7 != (first + 1) % 7 or not claims.free(start, end):
            continue  # two days apart: not one night, each is read alone
        claims.take(start, end)
        night = NumericValue(v.WEEKDAY, str(first), start, end, text[start:end], spelled=True)
        found.append(replace(night, alternatives=(replace(night, value=str(second)),)))


def read_calendar_names(text: str, lang: str, claims: Claims, found: list[NumericValue]) -> None:
    """Weekdays, and months named without a day (`in oktober`); after the date passes, before number words."""
    p = phrase_patterns(lang)
    loc = get_locale(lang)
    capitalised_only = loc.calendar_names_capitalised
    if p.night:
        _read_nights(text, p, claims, found)
    for pattern, names, kind in ((p.weekday, p.weekdays, v.WEEKDAY), (p.month, p.months, v.MONTH)):
        for match in pattern.finditer(text):
            word = match.group("name") or match.groupdict().get("abbr")
            if capitalised_only and not word[0].isupper():
                continue  # "may", "march": English months and days are capitalised
            if word.lower() in loc.calendar_common_words and not _calendar_capital_tells(text, match.start(), loc):
                continue  # "Drought Areas May Benefit"
            # A month after a capitalised word is a name (`Theresa May`); a weekday is not: news
            # writes `the U.N. General Assembly Saturday`, `in Paris Monday`, and the weekday
            # names (`Black Friday`, `Sunday Telegraph`) stay untranslated, which the other
            # versions show (`checker.numbers.compare`).
            if part_of_name(text, match.start(), lang, capitalised_before=kind == v.MONTH):
                continue  # "Theresa May", "Mrs May"
            if claims.free(match.start(), match.end()):
                claims.take(match.start(), match.end())
                found.append(NumericValue(kind, str(names[word.lower()]), match.start(), match.end(), match.group(0),
                                          spelled=True))


_FOLLOWING_WORD = re.compile(r"[ \u00a0]*([^\W\d_]++(?:-[^\W\d_]++)*)")


def periods_from_ordinals(text: str, lang: str, found: list[NumericValue]) -> list[NumericValue]:
    """`derde kwartaal`, `3e trimestre`, `third quarter`, `first half`: an ordinal naming a period."""
    loc = get_locale(lang)
    out = []
    for value in found:
        if value.kind == v.ORDINAL:
            word = _FOLLOWING_WORD.match(text, value.end)
            word = word.group(1).lower() if word else ""
            if word in loc.quarter_words and 1 <= value.value <= 4:
                value = NumericValue(v.PERIOD, f"Q{value.value}", value.start, value.end, value.text)
            elif word in loc.half_year_words and 1 <= value.value <= 2:
                value = NumericValue(v.PERIOD, f"H{value.value}", value.start, value.end, value.text)
        out.append(value)
    return out
