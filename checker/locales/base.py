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
    # Idioms whose number or calendar word carries no figure (`in het honderd lopen`: to go wrong;
    # `se mettre en quatre`: to go out of one's way; `on cloud nine`): the other versions say it
    # with other words or other numbers (regexes).
    numberless_idioms: tuple[str, ...] = ()
    # Words that name a time of day: `noon`, `midi`.
    time_words: dict[str, str] = field(default_factory=dict)
    # Words before `N uur` / `N heures` that make it a clock time rather than a duration.
    time_prepositions: tuple[str, ...] = ()
    # Hundredths of a percentage point (`25 basis points` = 0,25 procentpunt).
    basis_point_words: tuple[str, ...] = ()
    # Hundredths of a currency (`85 cents`, `85 eurocent`, `85 centimes` = €0.85), to the currency
    # they are a part of ("" when the word does not say which).
    currency_subunit_words: dict[str, str] = field(default_factory=dict)
    # Knockout rounds named by an ordinal of the final (`huitièmes de finale`, `achtste finales`),
    # which English names by the teams left (`round of 16`): regexes with a (?P<n>…) ordinal word,
    # read as the count 2n.
    knockout_rounds: tuple[str, ...] = ()
    # Holidays on a fixed date, which another version may name by the date (`New Year's Day`,
    # `1er janvier`): regexes to the date (`--01-01`), read as weak dates (a holiday also names a
    # season: `Christmas shopping` is no date another version must repeat).
    holidays: dict[str, str] = field(default_factory=dict)
    # Clock times said with a quarter or a half (`half acht` = 7:30, `kwart over acht`, `huit heures
    # et quart`, `half past seven`): regexes with `{h}` for the hour (1 to 12, in digits or words)
    # and perhaps a `(?P<prep>…)` the time must follow (not part of it), and the minutes to add to
    # that hour (negative: before it).
    clock_phrases: tuple[tuple[str, int], ...] = ()
    # Words after a clock time of 1 to 11 that put it after noon (`8 uur 's avonds`, `8 heures du
    # soir`, `8 o'clock in the evening` are 20:00): regexes.
    afternoon_markers: tuple[str, ...] = ()
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
    # Words of decline right before a figure (`shrank by 0.2%`, `daalde met`, `recul de`): the figure
    # may also be read as negative, as another version writes it (`-0,2 %`). Regexes.
    decline_words: tuple[str, ...] = ()
    # Qualifiers that read as a qualifier only when the number is not a duration
    # (English `over 60 investors` is "more than", `over three years` is "during").
    duration_sensitive_qualifiers: tuple[str, ...] = ()
    duration_words: tuple[str, ...] = ()
    # Units of measure after a number (lower case) to their pint unit; `a|b` gives two readings
    # (`degrees`: °F or °C), the first shown in messages. Symbols shared by every language are
    # in INTERNATIONAL_UNITS.
    unit_words: dict[str, str] = field(default_factory=dict)
    # Currency words that also name a unit (`pounds`: money or weight), to that unit.
    currency_words_also_units: dict[str, str] = field(default_factory=dict)
    # Indefinite articles (and `one`), read as 1 before a unit or a fraction (`a mile`, `een derde`).
    indefinite_articles: tuple[str, ...] = ()
    # Endings glued to a weekday in a compound (`maandagavond`): still that weekday.
    weekday_compound_suffixes: tuple[str, ...] = ()
    # Whether a weekday that closes a compound names that day (Dutch `Paasmaandag`, `koopzondag`:
    # the head of a compound is what it is; `Easter Monday`, `lundi de Pâques`).
    weekday_compound_heads: bool = False
    # One night named by the two days around it (`de nacht van vrijdag op zaterdag`, `la nuit de
    # vendredi à samedi`), which another version names by either (`overnight on Friday`, `early
    # Saturday`): regexes with `{a}` and `{b}` for the two day names.
    night_phrases: tuple[str, ...] = ()
    # Titles before a surname (`Mrs`, `M.`, `mevrouw`): the capitalised word after one is a name
    # (`Mrs May`), never a month, weekday or number.
    honorifics: tuple[str, ...] = ()
    # Number words text2num does not read (`anderhalf` = 1.5).
    extra_number_words: dict[str, str] = field(default_factory=dict)
    # And a half: endings of a number word (`tweeënhalf`, `vijfenhalve`), words right after the
    # number words (`two and a half million`), or after the number's noun or unit (`deux ans et
    # demi`, `trois kilos et demi`): regexes for the last two.
    half_compound_suffixes: tuple[str, ...] = ()
    half_after_number: str = ""
    half_after_noun: str = ""
    # Words that say "N times" on their own (`driemaal`, `twice`, `double`): weak numbers.
    multiplier_number_words: dict[str, int] = field(default_factory=dict)
    # Nouns of ten years (`decade`, `décennie`): `two decades` is 20 (years), `a decade` 10. The
    # plurals count only after a number: a bare `decades ago`, `depuis des décennies` is no figure.
    decade_nouns: tuple[str, ...] = ()
    decade_plural_nouns: tuple[str, ...] = ()
    # Words for "the two" (`both`, `beide`, `les deux`, `a pair of`): a weak 2, since translations
    # often write it as a plain count or leave it out.
    both_words: tuple[str, ...] = ()
    # Endings that make a compound of a number word (`vijfjarige`, `drievoudig`): a weak number.
    compound_number_suffixes: tuple[str, ...] = ()
    # Idioms that are an ordinal (`op één na hoogste` = second highest): regexes with a (?P<n>…)
    # number word or digits, and what to add to it.
    ordinal_idioms: tuple[tuple[str, int], ...] = ()
    # Adjectives that are an ordinal after a noun (French `pays tiers`: third countries, where
    # `tiers` after a number or an article is a fraction): a weak ordinal.
    ordinal_adjectives: dict[str, int] = field(default_factory=dict)
    # After `een derde`, `a third`: a preposition or a comparison makes it a fraction ("een derde
    # naar de eerstelijnszorg"); a noun makes it an ordinal ("een derde editie").
    fraction_followers: tuple[str, ...] = ()
    # Articles before a word for one half (`de helft`, `la moitié`), or, where the half word
    # stands alone (`half the budget`), the words that must follow it.
    half_articles: tuple[str, ...] = ()
    half_followers: tuple[str, ...] = ()
    # A suffix that makes a decade of tens (`1990s`, `80s`), and one on a tens word (`eighties`).
    decade_suffix: str = ""
    decade_word_suffixes: tuple[tuple[str, str], ...] = ()
    # Roman numerals as ordinals (`XXIe siècle`): their suffixes, and the word that makes a
    # single letter one (`Xe siècle`, while `Le` is a word).
    roman_ordinal_suffixes: tuple[str, ...] = ()
    roman_century_words: tuple[str, ...] = ()
    # Month and weekday names count only when capitalised (English `may`, `march`).
    calendar_names_capitalised: bool = False
    # Of those, the names that are common words too (`May`, `March`): in a title in title case,
    # where a capital says nothing, they count only after one of `calendar_prepositions`
    # (`Drought Areas May Benefit`, but `Rain Returns in May`).
    calendar_common_words: tuple[str, ...] = ()
    calendar_prepositions: tuple[str, ...] = ()
    # Words between two numbers that make them one range (`5 tot 8`, `2 à 3 millions`); those that
    # do only with a scale after the second (`tussen 5 en 10 miljoen`), or with a unit after the
    # second and `between_words` before the first (`tussen 5 en 10 procent`; `3% in 2019 en 12%`
    # is no range); and between two days.
    range_connectors: tuple[str, ...] = ()
    between_connectors: tuple[str, ...] = ()
    between_words: tuple[str, ...] = ()
    date_range_connectors: tuple[str, ...] = ()
    # An article between the connector and the second number of a ratio (`één op de vijf`), and
    # whether a noun may follow any small numerator (`six travailleurs sur dix`), not only one.
    ratio_articles: tuple[str, ...] = ()
    ratio_noun_after_any_numerator: bool = False
    # Words that may stand between a number and its scale word (`six autres millions`).
    scale_gap_words: tuple[str, ...] = ()
    # Words between a scale and its currency (`millions d'euros`).
    currency_prepositions: tuple[str, ...] = ()


# Symbols and ISO codes read the same in every language; each locale adds its currency words.
INTERNATIONAL_CURRENCIES = {
    "€": "EUR", "eur": "EUR", "euro": "EUR",
    "$": "USD", "usd": "USD",
    "£": "GBP", "gbp": "GBP",
    "chf": "CHF",
}

# Unit symbols written the same in every language, to their pint unit.
# Matched case-sensitively (`5G` is no weight); `in` and `t` are left out: `3 in 10` is a ratio.
# The pint units of time the unit words map to: a duration in one of them (`36 months`, `drie
# jaar`) is compared by value across them like a length, but is no stronger evidence alone than a
# bare count (`for three years` is often left implicit).
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "fortnight", "month", "year"})

INTERNATIONAL_UNITS = {
    "km": "kilometer", "m": "meter", "cm": "centimeter", "mm": "millimeter", "mi": "mile",
    "ft": "foot", "yd": "yard",
    "kg": "kilogram", "g": "gram", "lb": "pound", "lbs": "pound", "oz": "ounce",
    "km/h": "kilometer/hour", "km/u": "kilometer/hour", "kph": "kilometer/hour", "mph": "mile/hour", "m/s": "meter/second",
    "km²": "kilometer**2", "km2": "kilometer**2", "m²": "meter**2", "m2": "meter**2", "ha": "hectare",
    "sq mi": "mile**2",
    "l": "liter", "ml": "milliliter", "cl": "centiliter",
    "°C": "degC", "°F": "degF", "ºC": "degC", "ºF": "degF", "° C": "degC", "° F": "degF", "°": "degC|degF",
    "kWh": "kilowatt_hour", "MW": "megawatt", "kW": "kilowatt", "GW": "gigawatt", "MWh": "megawatt_hour",
}

# Unit pairs written as one length (`6-foot-6`, `5 ft 11 in`): a number after the first is in the second.
COMPOUND_UNITS = {"foot": "inch"}

# Time zones after a four-digit clock time (`0900 GMT`).
TIME_ZONES = ("GMT", "UTC", "CET", "CEST", "BST", "EST", "EDT", "CST", "CDT", "PST", "PDT", "ET", "PT", "IST")

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


# Vowels, for the inflection rules' character classes (`[^{VOWELS}]`: a consonant).
VOWELS = "aeiouyàâäéèêëîïôöùûü"


@dataclass(frozen=True)
class TermLocale:
    """What the term matcher, the term checks and the drift miner know of one language.

    Read by `checker.glossary` (variants, mining, lemmas) and `checker.checks.terms`,
    which hold no words of their own: a new language is one `TERMS` table next to `LOCALE`.
    """

    code: str
    # Plural and agreement endings of an ordinary word, each a (regex on the word's end,
    # replacement) pair applied case-insensitively, each giving one variant
    # (`werkpakket` -> `werkpakketten`, `lot` -> `lots`).
    inflections: tuple[tuple[str, str], ...]
    # Only the first matching inflection applies (English has one plural per word).
    first_inflection_only: bool = False
    # Endings an acronym takes in the plural (`ATMPs`); `ATMP's` needs none (see variants.py).
    acronym_plurals: tuple[str, ...] = ("s",)
    # Endings of a name in the possessive (`Korea's`): no part of the name.
    possessives: tuple[str, ...] = ()
    # Possessive endings glued to a name without an apostrophe (Dutch `Washingtons beleid`).
    name_genitives: tuple[str, ...] = ()
    # Endings that make a place name an adjective, after the name or the name less its final
    # vowels (`Korea` -> `Koreaanse`, `Corée` -> `coréen`, `Wallonie` -> `wallon`): how a
    # possessive (`North Korea's minister`) is often translated.
    adjective_endings: tuple[str, ...] = ()
    # Articles, prepositions and conjunctions: never inflected inside a multiword term, and no
    # content word of a stretch of text.
    function_words: frozenset[str] = frozenset()
    # Articles (lower case), elided ones included: `the`, `de`, `la`, `l'`.
    articles: frozenset[str] = frozenset()
    # Elided words glued to the next one by an apostrophe (`l'`, `d'`, `qu'`): no part of a term.
    elisions: tuple[str, ...] = ()
    # Words that may sit inside a name between capitalised words (`Agentschap Innoveren & Ondernemen`).
    name_connectors: frozenset[str] = frozenset()
    # Of those, the ones that join two names rather than name one (`en`, `and`).
    conjunctions: frozenset[str] = frozenset()
    # Words capitalised only because they open a sentence or a quote (pronouns, demonstratives,
    # sentence adverbs): never the start of a name.
    sentence_openers: frozenset[str] = frozenset()
    # Determiners and negations that do not change what a shortened term refers to
    # (`pas de transition` for `transition énergétique`).
    determiners: frozenset[str] = frozenset()
    # simplemma's code for the language's lemmas; "" when simplemma has none.
    lemma_language: str = ""


# Company forms and the like, abbreviated alike in every language.
INTERNATIONAL_ABBREVIATIONS = ("Inc.", "Ltd.", "Corp.", "Co.", "Jr.", "Sr.", "et al.")


@dataclass(frozen=True)
class SegmentationLocale:
    """Abbreviations whose period must not end a sentence (read by `checker.data.abbreviations`).

    Three kinds, because a period after an abbreviation is ambiguous in different ways:
    `never_final` titles and connectives always have words after them ("Dhr. Peeters");
    `before_number` periods belong to the abbreviation only when a number follows ("nr. 5");
    `final_unless_continued` may end a sentence ("... and partners Ltd.") unless the next word
    is lower case or a digit. Entries are written as they appear in text.
    """

    code: str
    never_final: tuple[str, ...] = ()
    before_number: tuple[str, ...] = ()
    final_unless_continued: tuple[str, ...] = ()
    # Added to pysbd's own tables (lower case, no period, as pysbd stores them): titles that keep
    # their period before a capital, and abbreviations pysbd does not know.
    pysbd_prepositive: tuple[str, ...] = ()
    pysbd_abbreviations: tuple[str, ...] = ()
