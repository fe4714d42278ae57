"""The shape of a language's number conventions: everything the number parser knows is data here."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class NumberLocale:
    """Per-language tables for reading numeric expressions.

    Adding a language means writing one of these (see `nl.py`, `fr.py`, `en.py`);
    the parser in `checker.numbers` has no language-specific code.
    """

    code: str
    name: str
    decimal_separator: str
    # Characters that may separate groups of three digits. Order does not matter.
    group_separators: str
    # Scale words and abbreviations, lower case, to their power of ten.
    scale_words: dict[str, int]
    # Scale abbreviations that are only a scale next to a currency (`€81m`; `5 m` alone is metres).
    currency_scale_abbreviations: dict[str, int]
    # Currency words and symbols (lower case) to ISO codes; symbols are matched case-sensitively.
    currency_words: dict[str, str]
    percent_words: tuple[str, ...]  # lower case, may contain spaces
    percentage_point_words: tuple[str, ...]
    # Qualifier phrases (lower case) before a number, to their meaning (see QUALIFIER_DIRECTION).
    qualifiers: dict[str, str]
    # Words that connect two parts of one spelled-out number (`vingt et un`, `hundred and ten`).
    number_connectors: tuple[str, ...]
    # Ordinal words that cannot be derived from the cardinal by the suffix rules.
    irregular_ordinals: dict[str, int]
    # Suffixes that turn a cardinal word into an ordinal, with the letters to restore on the stem.
    ordinal_word_suffixes: tuple[tuple[str, str], ...]
    # Suffixes after digits that mark an ordinal (`2e`, `1er`, `2nd`).
    ordinal_digit_suffixes: tuple[str, ...]
    # Words that are numbers only sometimes (`een` is also "a", `neuf` also "new"): such values may
    # satisfy a match with the other version but are never reported on their own.
    ambiguous_words: frozenset[str]
    # Words around time expressions: `9u30`, `9h30`, `9.30 am`; `uur`/`heures`/`o'clock` after an hour.
    hour_markers: tuple[str, ...]  # letters between hour and minutes: `u`, `h`
    hour_words: tuple[str, ...]  # words after an hour: `uur`, `heures`, `o'clock`
    meridiem: bool = False  # am/pm times (English)
    # Month names beyond CLDR's wide and abbreviated forms (lower case, to month number).
    extra_month_names: dict[str, int] = field(default_factory=dict)
    # Whether the month may come before the day (`January 17, 2024`).
    month_before_day: bool = False
    babel_locale: str = ""  # CLDR locale for month and weekday names
    # Phrases that say "always", not a count or a time: `24/7`, `24 uur op 24`, `7j/7` (regexes).
    always_phrases: tuple[str, ...] = ()
    # Words that name a time of day: `noon`, `midi`.
    time_words: dict[str, str] = field(default_factory=dict)
    # Words before `N uur` / `N heures` that make it a clock time rather than a duration.
    time_prepositions: tuple[str, ...] = ()
    # Nouns of approximate quantity: `tiental`, `dizaine`, `dozen` (read as "about N").
    approximate_nouns: dict[str, int] = field(default_factory=dict)
    # Fractions: denominators after a numerator (`twee derde`, `deux tiers`, `two thirds`) ...
    fraction_denominators: dict[str, int] = field(default_factory=dict)
    # ... of which these are also ordinals, and read as fractions only before `van`/`of` or after a
    # numerator above one (`een derde van`, `twee derde`, but `een derde keer`).
    fraction_ordinal_like: frozenset[str] = frozenset()
    # Words for one half on their own (`de helft`, `la moitié`).
    half_words: tuple[str, ...] = ()
    # `één op de vijf`, `un sur cinq`, `one in five`: the word between the two numbers.
    ratio_connectors: tuple[str, ...] = ()
    # Words after a number that make it a multiplier (`twee keer`), which translations often
    # express without the number (`twice`): such numbers are never reported on their own.
    multiplier_words: tuple[str, ...] = ()
    # Decades: `jaren 90`, `années 80` (word before), `1990s` (English suffix).
    decade_words: tuple[str, ...] = ()
    # Quarter and half-year: letters before a digit (`Q3`, `T3`) and the words after an ordinal.
    quarter_letters: tuple[str, ...] = ()
    quarter_words: tuple[str, ...] = ()
    half_year_letters: tuple[str, ...] = ()
    half_year_words: tuple[str, ...] = ()
    # Suffix after a number meaning "and more": `65-plussers`.
    plus_suffixes: tuple[str, ...] = ()
    # Qualifiers that are the second half of a range after a number (`van 5 tot 8`): there not a qualifier.
    range_qualifiers: tuple[str, ...] = ()
    # Words before a number that make it a multiplier too (`multiplié par six`).
    multiplier_before: tuple[str, ...] = ()
    # Words that make the number after them negative (`min 0,5%`).
    negative_words: tuple[str, ...] = ()
    # Qualifiers that read as a qualifier only when the number is not a duration
    # (English `over 60 investors` is "more than", `over three years` is "during").
    duration_sensitive_qualifiers: tuple[str, ...] = ()
    duration_words: tuple[str, ...] = ()


# Symbols and ISO codes read the same in every language; each locale adds its currency words.
INTERNATIONAL_CURRENCIES = {
    "€": "EUR", "eur": "EUR", "euro": "EUR",
    "$": "USD", "usd": "USD",
    "£": "GBP", "gbp": "GBP",
    "chf": "CHF",
}

# How a qualifier bends the number it stands before: two versions whose qualifiers point in
# opposite directions ("more than" vs "almost") say different things.
QUALIFIER_DIRECTION = {
    "more": "up",
    "at_least": "up",
    "less": "down",
    "almost": "down",
    "at_most": "down",
    "approx": "neutral",
}

QUALIFIER_LABEL = {
    "more": "more than",
    "at_least": "at least",
    "less": "less than",
    "almost": "almost",
    "at_most": "at most",
    "approx": "approximately",
}
