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
    ("en", "a 5 m wall", ["number:5"]),  # metres, not millions: no currency
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
    ("en", "you may 2 times", ["number:2"]),  # not a month: lower case
    ("nl", "17/01/2024", ["date:2024-01-17"]),
    ("fr", "17.01.2024", ["date:2024-01-17"]),
    ("en", "2024-01-17", ["date:2024-01-17"]),
    ("fr", "mercredi 17 janvier 2024", ["date:2024-01-17"]),
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
    ("fr", "ouvert 24h/24", ["number:24", "number:24"]),
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
    ("fr", "nonante jours", ["number:90"]),
    ("fr", "quatre-vingt-dix jours", ["number:90"]),
    ("en", "one hundred and twenty days", ["number:120"]),
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
    ("en", "over three years", ["number:3"]),  # a duration, not "more than"
    ("nl", "maximaal 24 maanden", ["number:24:at_most"]),
    ("fr", "jusqu'à 24 mois", ["number:24:at_most"]),
    ("en", "up to 24 months", ["number:24:at_most"]),
    # --- conversions, codes, things that are not numbers --------------------------------
    ("en", "€81 million ($88.9M)", ["amount:81000000:EUR", "amount:88900000:USD(conversion)"]),
    ("en", "COVID-19 vaccines", ["code:COVID-19"]),
    ("nl", "CD19-therapie", ["code:CD19"]),
    ("nl", "zie www.biowin.org of mail info@biowin.org", []),
    ("en", "see https://example.org/2024/report-81", []),
    ("nl", "daling van -5%", ["percent:-5"]),
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
