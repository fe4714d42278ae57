"""Table-driven tests of reading numbers per language: what a native reader understands."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checker.numbers import extract_values


def facts(text: str, lang: str) -> list[str]:
    """Each value as `kind:normalized[:unit][:qualifier]`, weak ones marked with `?`."""
    out = []
    for value in extract_values(text, lang):
        parts = [value.kind, str(value.key[1])]
        if value.unit:
            parts.append(value.unit)
        if value.qualifier:
            parts.append(value.qualifier)
        out.append(":".join(parts) + ("?" if value.weak else "") + ("(conversion)" if value.conversion else ""))
    return out


# (language, text, expected facts)
CASES = [
    # --- separators --------------------------------------------------------------------
    ("nl", "1.200 banen", ["number:1200"]),
    ("fr", "1 200 emplois", ["number:1200"]),
    ("fr", "1\u00a0200 emplois", ["number:1200"]),
    ("fr", "1\u202f200 emplois", ["number:1200"]),
    ("fr", "1.200 emplois", ["number:1200"]),  # Belgian French grouping
    ("en", "1,200 jobs", ["number:1200"]),
    ("en", "1 200 jobs", ["number:1200"]),
    ("nl", "18.500 werknemers", ["number:18500"]),
    ("fr", "18 500 salariés", ["number:18500"]),
    ("en", "18,500 employees", ["number:18500"]),
    ("nl", "1.200.000 inwoners", ["number:1200000"]),
    ("fr", "1 200 000 habitants", ["number:1200000"]),
    ("en", "1,200,000 inhabitants", ["number:1200000"]),
    ("nl", "groei van 2,6", ["number:2.6"]),
    ("fr", "croissance de 2,6", ["number:2.6"]),
    ("en", "growth of 2.6", ["number:2.6"]),
    ("nl", "1.200,50 euro", ["amount:1200.5:EUR"]),
    ("en", "EUR 1,200.50", ["amount:1200.5:EUR"]),
    ("fr", "1 200,50 €", ["amount:1200.5:EUR"]),
    # --- the traps: the same digits mean something else in another language ----------
    ("en", "1.200 jobs", ["number:1.2"]),
    ("fr", "1,200 emploi", ["number:1.2"]),
    ("nl", "1,200 banen", ["number:1.2"]),
    ("en", "a rate of 2,6", ["number:2.6"]),  # foreign decimal comma, still 2.6
    ("nl", "rente van 2.6", ["number:2.6"]),
    # --- scale words ------------------------------------------------------------------
    ("nl", "€81 miljoen", ["amount:81000000:EUR"]),
    ("nl", "81 miljoen euro", ["amount:81000000:EUR"]),
    ("fr", "81 millions d'euros", ["amount:81000000:EUR"]),
    ("fr", "81 millions d’euros", ["amount:81000000:EUR"]),
    ("fr", "81 M€", ["amount:81000000:EUR"]),
    ("en", "€81 million", ["amount:81000000:EUR"]),
    ("en", "EUR 81 million", ["amount:81000000:EUR"]),
    ("en", "€81m", ["amount:81000000:EUR"]),
    ("en", "€81 mn", ["amount:81000000:EUR"]),
    ("nl", "10 miljard", ["number:10000000000"]),
    ("fr", "10 milliards", ["number:10000000000"]),
    ("en", "10 billion", ["number:10000000000"]),
    ("fr", "10 billions", ["number:10000000000000"]),  # French billion = 10^12
    ("nl", "2 biljoen", ["number:2000000000000"]),
    ("en", "2 trillion", ["number:2000000000000"]),
    ("en", "$3bn", ["amount:3000000000:USD"]),
    ("nl", "5 mln euro", ["amount:5000000:EUR"]),
    ("nl", "5 mrd euro", ["amount:5000000000:EUR"]),
    ("fr", "5 Mds €", ["amount:5000000000:EUR"]),
    ("nl", "1,5 miljoen euro", ["amount:1500000:EUR"]),
    ("fr", "1,5 million d'euros", ["amount:1500000:EUR"]),
    ("en", "€1.5 million", ["amount:1500000:EUR"]),
    ("nl", "tien miljard euro", ["amount:10000000000:EUR"]),
    ("fr", "dix milliards d'euros", ["amount:10000000000:EUR"]),
    ("en", "ten billion euros", ["amount:10000000000:EUR"]),
    ("nl", "3 duizend", ["number:3000"]),
    ("en", "a 5 m wall", ["quantity:5:meter"]),  # metres, not millions: no currency
    ("en", "£2 million", ["amount:2000000:GBP"]),
    # --- percentages --------------------------------------------------------------------
    ("nl", "60%", ["percent:60"]),
    ("fr", "60 %", ["percent:60"]),
    ("fr", "60\u00a0%", ["percent:60"]),
    ("fr", "60\u202f%", ["percent:60"]),
    ("en", "60%", ["percent:60"]),
    ("nl", "60 procent", ["percent:60"]),
    ("fr", "60 pour cent", ["percent:60"]),
    ("en", "60 per cent", ["percent:60"]),
    ("en", "60 percent", ["percent:60"]),
    ("nl", "2,6%", ["percent:2.6"]),
    ("fr", "2,6 %", ["percent:2.6"]),
    ("en", "2.6%", ["percent:2.6"]),
    ("nl", "vijf procent", ["percent:5"]),
    ("fr", "cinq pour cent", ["percent:5"]),
    ("en", "five per cent", ["percent:5"]),
    ("nl", "3 procentpunt", ["percentage points:3"]),
    ("en", "3 percentage points", ["percentage points:3"]),
    ("nl", "10-15%", ["percent:10", "percent:15"]),
    ("fr", "2 à 3 millions d'euros", ["amount:2000000:EUR", "amount:3000000:EUR"]),
    # --- dates --------------------------------------------------------------------------
    ("nl", "17 januari 2024", ["date:2024-01-17"]),
    ("fr", "17 janvier 2024", ["date:2024-01-17"]),
    ("en", "17 January 2024", ["date:2024-01-17"]),
    ("en", "January 17, 2024", ["date:2024-01-17"]),
    ("en", "on Jan. 17, 2024", ["date:2024-01-17"]),
    ("nl", "14 mei, 2024", ["date:2024-05-14"]),
    ("fr", "le 1er mars 2025", ["date:2025-03-01"]),
    ("en", "March 1st, 2025", ["date:2025-03-01"]),
    ("nl", "op 1 maart", ["date:--03-01"]),
    ("nl", "in mei 2024", ["date:2024-05"]),
    ("fr", "en mai 2024", ["date:2024-05"]),
    ("en", "in May 2024", ["date:2024-05"]),
    ("en", "you may 2 times", ["number:2?"]),  # not a month: lower case; a multiplier
    ("nl", "17/01/2024", ["date:2024-01-17"]),
    ("fr", "17.01.2024", ["date:2024-01-17"]),
    ("en", "2024-01-17", ["date:2024-01-17"]),
    ("fr", "mercredi 17 janvier 2024", ["weekday:3", "date:2024-01-17"]),
    ("nl", "tussen 2019 en 2025", ["number:2019", "number:2025"]),
    ("nl", "2025-2027", ["number:2025", "number:2027"]),
    ("fr", "2025–2027", ["number:2025", "number:2027"]),
    ("en", "2025—2027", ["number:2025", "number:2027"]),
    # --- times --------------------------------------------------------------------------
    ("nl", "om 9u30", ["time:09:30"]),
    ("fr", "à 9h30", ["time:09:30"]),
    ("fr", "à 9 h 30", ["time:09:30"]),
    ("en", "at 9.30 am", ["time:09:30"]),
    ("en", "at 9:30 a.m.", ["time:09:30"]),
    ("nl", "om 17u00", ["time:17:00"]),
    ("fr", "à 17h00", ["time:17:00"]),
    ("fr", "à 17h", ["time:17:00"]),
    ("en", "at 5 pm", ["time:17:00"]),
    ("en", "at 5pm", ["time:17:00"]),
    ("en", "at 12.30 pm", ["time:12:30"]),
    ("en", "at 17:00", ["time:17:00"]),
    ("nl", "om 9 uur", ["time:09:00"]),
    ("fr", "à 9 heures", ["time:09:00"]),
    ("en", "at 9 o'clock", ["time:09:00"]),
    ("fr", "ouvert 24h/24", []),  # "always", not a number
    # --- phone numbers ------------------------------------------------------------------
    ("nl", "BE: +32 476 650 438", ["phone:+32476650438"]),
    ("fr", "BE : +32 476 65 04 38", ["phone:+32476650438"]),
    ("en", "FR: + 33 1 56 54 07 00", ["phone:+33156540700"]),
    ("en", "UK: + 44 1273 952 481", ["phone:+441273952481"]),
    ("nl", "bel 0476 65 04 38", ["phone:0476650438"]),
    ("nl", "0032 476 650 438", ["phone:+32476650438"]),
    # --- number words -------------------------------------------------------------------
    ("nl", "vijf regio's", ["number:5"]),
    ("fr", "cinq régions", ["number:5"]),
    ("en", "five regions", ["number:5"]),
    ("nl", "twaalf werkpakketten", ["number:12"]),
    ("fr", "douze lots de travail", ["number:12"]),
    ("en", "twelve work packages", ["number:12"]),
    ("nl", "eenentwintig partners", ["number:21"]),
    ("fr", "vingt et un partenaires", ["number:21"]),
    ("fr", "vingt-et-un partenaires", ["number:21"]),
    ("en", "twenty-one partners", ["number:21"]),
    ("fr", "septante-cinq entrepreneurs", ["number:75"]),
    ("fr", "soixante-quinze entrepreneurs", ["number:75"]),
    ("fr", "nonante jours", ["quantity:90:day"]),
    ("fr", "quatre-vingt-dix jours", ["quantity:90:day"]),
    ("en", "one hundred and twenty days", ["quantity:120:day"]),
    ("nl", "twee clusters", ["number:2"]),
    ("fr", "deux pôles", ["number:2"]),
    ("en", "two clusters", ["number:2"]),
    ("nl", "drie miljoen", ["number:3000000"]),
    ("en", "three thousand", ["number:3000"]),
    ("en", "hundreds of patients", []),
    ("fr", "des millions de patients", []),
    ("en", "470 additional ones", ["number:470"]),
    ("fr", "les uns et les autres", []),
    # ambiguous words: numbers only sometimes
    ("nl", "een nieuw plan", ["number:1?"]),
    ("fr", "un nouveau plan", ["number:1?"]),
    ("fr", "un bâtiment neuf", ["number:1?", "number:9?"]),
    ("en", "one of the partners", ["number:1?"]),
    # --- ordinals -----------------------------------------------------------------------
    ("nl", "de derde keer", ["ordinal:3"]),
    ("fr", "la troisième fois", ["ordinal:3"]),
    ("en", "the third time", ["ordinal:3"]),
    ("nl", "de 2e editie", ["ordinal:2"]),
    ("fr", "la 2e édition", ["ordinal:2"]),
    ("fr", "la 2ème édition", ["ordinal:2"]),
    ("en", "the 2nd edition", ["ordinal:2"]),
    ("nl", "de tweede editie", ["ordinal:2"]),
    ("fr", "la deuxième édition", ["ordinal:2"]),
    ("en", "the second edition", ["ordinal:2?"]),
    ("nl", "het eerste akkoord", ["ordinal:1?"]),
    ("fr", "le premier accord", ["ordinal:1?"]),
    ("en", "the first agreement", ["ordinal:1?"]),
    ("nl", "de 1ste plaats", ["ordinal:1"]),
    ("fr", "la 1re place", ["ordinal:1"]),
    ("en", "the 1st place", ["ordinal:1"]),
    ("nl", "de vierde plaats", ["ordinal:4?"]),  # also "celebrated"
    ("fr", "la quatrième place", ["ordinal:4"]),
    ("en", "the fourth place", ["ordinal:4"]),
    ("nl", "de twintigste editie", ["ordinal:20"]),
    ("fr", "la vingtième édition", ["ordinal:20"]),
    ("en", "the twentieth edition", ["ordinal:20"]),
    ("nl", "de eenentwintigste eeuw", ["ordinal:21"]),
    ("fr", "le vingt-et-unième siècle", ["ordinal:21"]),
    ("en", "the twenty-first century", ["ordinal:21"]),
    ("fr", "la cinquième fois", ["ordinal:5"]),
    ("en", "the fifth time", ["ordinal:5"]),
    ("nl", "de achtste keer", ["ordinal:8"]),
    ("en", "the eighth time", ["ordinal:8"]),
    ("en", "the month of growth", []),
    # --- qualifiers ---------------------------------------------------------------------
    ("nl", "meer dan 470 banen", ["number:470:more"]),
    ("fr", "plus de 470 emplois", ["number:470:more"]),
    ("en", "more than 470 jobs", ["number:470:more"]),
    ("nl", "bijna 23 miljoen euro", ["amount:23000000:EUR:almost"]),
    ("fr", "près de 23 millions d'euros", ["amount:23000000:EUR:almost"]),
    ("en", "almost €23 million", ["amount:23000000:EUR:almost"]),
    ("nl", "ongeveer 60%", ["percent:60:approx"]),
    ("fr", "environ 60 %", ["percent:60:approx"]),
    ("en", "approximately 60%", ["percent:60:approx"]),
    ("en", "around 60%", ["percent:60:approx"]),
    ("nl", "minstens 5 partners", ["number:5:at_least"]),
    ("fr", "au moins 5 partenaires", ["number:5:at_least"]),
    ("en", "at least 5 partners", ["number:5:at_least"]),
    ("nl", "minder dan 5%", ["percent:5:less"]),
    ("fr", "moins de 5 %", ["percent:5:less"]),
    ("en", "fewer than 5 partners", ["number:5:less"]),
    ("nl", "15+ bedrijven", ["number:15:more"]),
    ("en", "15+ companies", ["number:15:more"]),
    ("en", "over 60 investors", ["number:60:more"]),
    ("en", "over three years", ["quantity:3:year"]),  # a duration, not "more than"
    ("nl", "maximaal 24 maanden", ["quantity:24:month:at_most"]),
    ("fr", "jusqu'à 24 mois", ["quantity:24:month:at_most"]),
    ("en", "up to 24 months", ["quantity:24:month:at_most"]),
    # --- conversions, codes, things that are not numbers --------------------------------
    ("en", "€81 million ($88.9M)", ["amount:81000000:EUR", "amount:88900000:USD(conversion)"]),
    ("en", "COVID-19 vaccines", ["code:COVID-19"]),
    ("nl", "CD19-therapie", ["code:CD19"]),
    ("nl", "zie www.biowin.org of mail info@biowin.org", []),
    ("en", "see https://example.org/2024/report-81", []),
    ("nl", "daling van -5%", ["percent:-5"]),
    ("nl", "groei van min 0,5%", ["percent:-0.5"]),
    ("fr", "à moins 70 degrés", ["quantity:-70:degC"]),
    ("fr", "au moins 70 degrés", ["quantity:70:degC:at_least"]),
    # --- phrases: times of day, durations, "always" ----------------------------------------
    ("nl", "om 10.30 uur", ["time:10:30"]),
    ("nl", "van 8.30 tot 16.30 uur", ["time:08:30", "time:16:30"]),
    ("nl", "van 9 tot 17 uur", ["time:09:00", "time:17:00"]),
    ("fr", "de 9 à 17 heures", ["time:09:00", "time:17:00"]),
    ("nl", "binnen 24 uur", ["quantity:24:hour"]),  # a duration
    ("fr", "dans les 24 heures", ["quantity:24:hour"]),
    ("nl", "om 12 uur", ["time:12:00"]),
    ("fr", "à midi", ["time:12:00"]),
    ("en", "at noon", ["time:12:00"]),
    ("en", "open 24/7", []),
    ("nl", "24 uur op 24 bereikbaar", []),
    ("fr", "joignable 24h/24 et 7j/7", []),
    # --- approximate nouns, fractions, ratios, multipliers ---------------------------------
    ("nl", "een tiental ziekenhuizen", ["number:10:approx"]),
    ("fr", "une dizaine d'hôpitaux", ["number:10:approx"]),
    ("fr", "un millier de personnes", ["number:1000:approx"]),
    ("en", "a dozen researchers", ["number:12"]),
    ("nl", "een derde van de gemeenten", ["fraction:0.3333"]),
    ("nl", "twee derde van de middelen", ["fraction:0.6667"]),
    ("nl", "stijgt met een derde.", ["fraction:0.3333"]),
    ("nl", "een derde naar de eerstelijnszorg", ["fraction:0.3333"]),
    ("en", "a third to primary care", ["fraction:0.3333"]),
    ("nl", "een derde editie", ["number:1?", "ordinal:3"]),
    ("fr", "un tiers des communes", ["fraction:0.3333"]),
    ("fr", "les trois quarts des entreprises", ["fraction:0.75"]),
    ("en", "two thirds of the funds", ["fraction:0.6667"]),
    ("en", "two-thirds of the funds", ["fraction:0.6667"]),
    ("en", "a third time", ["ordinal:3"]),
    ("nl", "de helft van de Belgen", ["fraction:0.5"]),
    ("fr", "la moitié des Belges", ["fraction:0.5"]),
    ("en", "half of Belgians", ["fraction:0.5"]),
    ("en", "an hour and a half", ["quantity:1.5:hour"]),
    ("nl", "één op de vijf Belgen", ["fraction:0.2"]),
    ("nl", "Eén op de vijf Belgen", ["fraction:0.2"]),
    ("fr", "un Belge sur cinq", ["fraction:0.2"]),
    ("en", "one in five Belgians", ["fraction:0.2"]),
    ("en", "six out of ten workers", ["fraction:0.6"]),
    ("en", "11 partners in 12 work packages", ["number:11", "number:12"]),
    ("en", "one Belgian in ten", ["fraction:0.1"]),
    ("fr", "11 partenaires sur 12 sites", ["number:11", "number:12"]),
    ("nl", "een kwart miljoen keer", ["number:250000"]),
    ("en", "a quarter of a million times", ["number:250000"]),
    ("nl", "twee keer zo hoog", ["number:2?"]),
    ("fr", "multiplié par six", ["number:6?"]),
    # --- decades, quarters, centuries, months and weekdays ----------------------------------
    ("nl", "in de jaren 90", ["decade:90s"]),
    ("fr", "dans les années 1990", ["decade:90s"]),
    ("en", "in the 1990s", ["decade:90s"]),
    ("en", "in the '90s", ["decade:90s"]),
    ("nl", "in Q3 2024", ["period:Q3", "number:2024"]),
    ("fr", "au T3 2024", ["period:Q3", "number:2024"]),
    ("nl", "in het derde kwartaal", ["period:Q3"]),
    ("fr", "au troisième trimestre", ["period:Q3"]),
    ("en", "in the third quarter", ["period:Q3"]),
    ("en", "in the first half of 2024", ["period:H1", "number:2024"]),
    ("fr", "au XXIe siècle", ["ordinal:21"]),
    ("fr", "Le projet", []),
    ("nl", "in oktober", ["month:10"]),
    ("fr", "en sept.", ["month:9"]),
    ("en", "in October", ["month:10"]),
    ("nl", "op maandag", ["weekday:1"]),
    ("en", "on Tuesday", ["weekday:2"]),
    # --- ranges and short years -------------------------------------------------------------
    ("nl", "van 5,2 naar 6,8 miljoen", ["number:5200000", "number:6800000"]),
    ("en", "€1.5 to 2 billion", ["amount:1500000000:EUR", "amount:2000000000:EUR"]),
    ("nl", "tussen 5 en 10 miljoen euro", ["amount:5000000:EUR", "amount:10000000:EUR"]),
    ("en", "the 2025-26 season", ["number:2025", "number:2026"]),
    ("nl", "van 1 tot 3 oktober", ["date:--10-01", "date:--10-03"]),
    ("en", "October 1-3", ["date:--10-01", "date:--10-03"]),
    ("fr", "du 1er au 3 octobre", ["date:--10-01", "date:--10-03"]),
    # --- words and compounds ----------------------------------------------------------------
    ("en", "a three-year project", ["quantity:3:year"]),
    ("fr", "deux cents participants", ["number:200"]),
    ("fr", "deux mille vingt-cinq patients", ["number:2025"]),
    ("fr", "d'un scanner", ["number:1?"]),
    ("en", "1.5m visitors", ["number:1500000"]),
    ("en", "mid-2025", ["number:2025"]),
    ("en", "over-65s", ["number:65:more"]),
    ("nl", "65-plussers", ["number:65:at_least"]),
    ("en", "Industry 4.0", ["number:4"]),
    ("en", "€2,5 billion", ["amount:25000000000:EUR"]),  # read as an English reader would
    ("nl", "op 03/04/2025", ["date:2025-04-03"]),
    ("nl", "bel +32 (0)2 123 45 67", ["phone:+3221234567"]),
]


@pytest.mark.parametrize("lang, text, expected", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_reads_numbers_like_a_native_reader(lang: str, text: str, expected: list[str]) -> None:
    assert facts(text, lang) == expected


@pytest.mark.parametrize(
    "lang, text, foreign",
    [
        ("en", "1.200 jobs", Decimal(1200)),
        ("fr", "1,200 emplois", Decimal(1200)),
        ("nl", "1,200 banen", Decimal(1200)),
        ("en", "1,200 jobs", None),
        ("nl", "1.200 banen", None),
        ("en", "€1.200 million", Decimal(1200000000)),
    ],
)
def test_remembers_the_foreign_reading_of_an_ambiguous_separator(lang, text, foreign) -> None:
    (value,) = extract_values(text, lang)
    assert value.foreign_reading == foreign


def test_spans_cover_the_expression_in_the_sentence() -> None:
    text = "Het partnerschap kreeg meer dan €81 miljoen in 2023."
    amount, year = extract_values(text, "nl")
    assert text[amount.start : amount.end] == "€81 miljoen"
    assert text[year.start : year.end] == "2023"
    assert amount.text == "€81 miljoen"


def test_describes_values_in_a_locale_neutral_way() -> None:
    (amount,) = extract_values("81 millions d'euros", "fr")
    (date,) = extract_values("17 janvier 2024", "fr")
    assert amount.describe() == "81 000 000 EUR"
    assert date.describe() == "date 2024-01-17"
