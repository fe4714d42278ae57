"""Comparing the numbers of aligned sentences: equal facts are silent, different ones are reported once."""

from __future__ import annotations

import pytest

from checker.numbers import extract_values
from checker.numbers.compare import EXTRA, FOREIGN_FORMAT, MISSING, VALUE, compare_values


def compare(source: str, target: str, source_lang: str = "nl", target_lang: str = "en"):
    return compare_values(extract_values(source, source_lang), extract_values(target, target_lang))


# (source nl, target, target language): correct translations, nothing to report
EQUIVALENT = [
    ("Het budget bedraagt €81 miljoen.", "Le budget s'élève à 81 millions d'euros.", "fr"),
    ("Het budget bedraagt €81 miljoen.", "The budget is €81 million.", "en"),
    ("Het budget bedraagt 81 miljoen euro.", "The budget is EUR 81 million.", "en"),
    ("Het budget bedraagt €81 miljoen.", "Le budget s'élève à 81 M€.", "fr"),
    ("Het budget bedraagt €81.000.000.", "The budget is €81 million.", "en"),
    ("Er komen 1.200 banen bij.", "1 200 emplois seront créés.", "fr"),
    ("Er komen 1.200 banen bij.", "1\u202f200 emplois seront créés.", "fr"),
    ("Er komen 1.200 banen bij.", "1,200 jobs will be created.", "en"),
    ("De markt bereikt 10 miljard euro.", "Le marché atteint 10 milliards d'euros.", "fr"),
    ("De markt bereikt 10 miljard euro.", "The market reaches €10 billion.", "en"),
    ("Dat is 60% overheidsgeld.", "Il s'agit de 60 % de fonds publics.", "fr"),
    ("Dat is 60 procent overheidsgeld.", "That is 60 per cent public money.", "en"),
    ("Dat is 60% overheidsgeld.", "Il s'agit de 60 pour cent de fonds publics.", "fr"),
    ("Gepubliceerd op 17 januari 2024.", "Published on January 17, 2024.", "en"),
    ("Gepubliceerd op 17 januari 2024.", "Publié le 17 janvier 2024.", "fr"),
    ("De sessie start om 9u30.", "La session commence à 9h30.", "fr"),
    ("De sessie start om 9u30.", "The session starts at 9.30 am.", "en"),
    ("De sessie eindigt om 17u00.", "The session ends at 5 pm.", "en"),
    ("Er zijn vijf regio's.", "There are 5 regions.", "en"),  # a digit for a word
    ("Er zijn 5 regio's.", "Il y a cinq régions.", "fr"),
    ("Voor de derde keer.", "For the third time.", "en"),
    ("De 2e editie.", "La deuxième édition.", "fr"),
    ("De 2e editie.", "The second edition.", "en"),
    ("De tweede editie.", "The 2nd edition.", "en"),
    ("Het plan loopt van 2025-2027.", "Le plan couvre 2025–2027.", "fr"),
    ("Bel +32 476 650 438.", "Appelez le +32 476 65 04 38.", "fr"),
    ("Het eerste akkoord van een cluster.", "The agreement is a first.", "en"),  # weak words may vanish
    ("Op 14 mei werd het akkoord getekend.", "The agreement was signed on 14 May 2024.", "en"),
    ("Het partnerschap loopt drie jaar.", "The partnership runs for 3 years.", "en"),
    ("De helft van de Belgen.", "50% of Belgians.", "en"),
    ("60% van de werknemers werkt thuis.", "Six travailleurs sur dix travaillent à domicile.", "fr"),
    ("Een derde van de gemeenten.", "Un tiers des communes.", "fr"),
    ("Een derde van de gemeenten.", "33% of municipalities.", "en"),
    ("Een tiental ziekenhuizen.", "Around ten hospitals.", "en"),
    ("Een team van 12 onderzoekers.", "A dozen researchers.", "en"),
    ("Het aantal is twee keer zo hoog.", "The number is twice as high.", "en"),
    ("De sessie loopt van 9 tot 17 uur.", "The session runs from 9 am to 5 pm.", "en"),
    ("De sessie begint om 10.30 uur.", "La séance commence à 10h30.", "fr"),
    ("Om 12 uur.", "At noon.", "en"),
    ("Binnen 24 uur.", "Within 24 hours.", "en"),
    ("24 uur op 24 bereikbaar.", "Available 24/7.", "en"),
    ("In de jaren 90.", "In the 1990s.", "en"),
    ("In het derde kwartaal.", "In Q3.", "en"),
    ("In de 21e eeuw.", "Au XXIe siècle.", "fr"),
    ("De EU-27-lidstaten.", "The 27 EU member states.", "en"),
    ("Het seizoen 2025-2026.", "The 2025-26 season.", "en"),
    ("Van 1 tot 3 oktober.", "October 1-3.", "en"),
    ("Van 1 tot 3 oktober.", "Du 1er au 3 octobre.", "fr"),
    ("De schuld steeg met 2,1 procentpunt.", "Debt rose 2.1 points.", "en"),
    ("Er waren 1,5 miljoen bezoekers.", "There were 1.5m visitors.", "en"),
    ("Bel +32 (0)2 123 45 67.", "Appelez le 02 123 45 67.", "fr"),
    ("Op 03/04/2025.", "Le 3 avril 2025.", "fr"),
    ("Het centrum opent in september.", "Le centre ouvrira en sept.", "fr"),
    ("Er zijn 200 deelnemers.", "Il y a deux cents participants.", "fr"),
    ("Het ziekenhuis heeft 1 MRI-scanner.", "L'hôpital dispose d'un scanner IRM.", "fr"),
    ("Het vaccin wordt bewaard bij min 70 graden.", "Le vaccin est conservé à moins 70 degrés.", "fr"),
]


@pytest.mark.parametrize("source, target, lang", EQUIVALENT)
def test_equivalent_numbers_are_not_reported(source: str, target: str, lang: str) -> None:
    comparison = compare(source, target, "nl", lang)
    assert comparison.mismatches == ()
    assert comparison.qualifier_differences == ()


# (source nl, target, target lang, reason, source value, target value)
DIFFERENT = [
    ("Het budget bedraagt €81 miljoen.", "Le budget s'élève à 18 millions d'euros.", "fr", VALUE, "81 000 000 EUR", "18 000 000 EUR"),
    ("Het budget bedraagt €81 miljoen.", "The budget is €81 billion.", "en", VALUE, "81 000 000 EUR", "81 000 000 000 EUR"),
    ("De markt bereikt 10 miljard euro.", "Le marché atteint 10 billions d'euros.", "fr", VALUE, "10 000 000 000 EUR", "10 000 000 000 000 EUR"),
    ("Dat is 60% overheidsgeld.", "That is 6% public money.", "en", VALUE, "60 %", "6 %"),
    ("Gepubliceerd op 17 januari 2024.", "Publié le 17 février 2024.", "fr", VALUE, "date 2024-01-17", "date 2024-02-17"),
    ("De sessie start om 9u30.", "The session starts at 10.30 am.", "en", VALUE, "time 09:30", "time 10:30"),
    ("Er zijn vijf regio's.", "Il y a six régions.", "fr", VALUE, "5", "6"),
    ("Voor de derde keer.", "For the fourth time.", "en", VALUE, "ordinal 3", "ordinal 4"),
    ("Bel +32 476 650 438.", "Call +32 476 650 483.", "en", VALUE, "phone +32476650438", "phone +32476650483"),
    ("Het budget bedraagt €81 miljoen.", "Le budget s'élève à 81 millions de dollars.", "fr", VALUE, "81 000 000 EUR", "81 000 000 USD"),
    ("Er zijn 26 partners.", "There are partners.", "en", MISSING, "26", None),
    ("Er zijn partners.", "There are 26 partners.", "en", EXTRA, None, "26"),
    ("Er komen 1.200 banen bij.", "1.200 jobs will be created.", "en", FOREIGN_FORMAT, "1200", "1.2"),
    ("Er komen 1.200 banen bij.", "1,200 emplois seront créés.", "fr", FOREIGN_FORMAT, "1200", "1.2"),
    ("Het budget bedraagt €2,5 miljard.", "The budget is €2,5 billion.", "en", FOREIGN_FORMAT, "2 500 000 000 EUR", "25 000 000 000 EUR"),
    ("De groei bedroeg 4%.", "Growth was 4.", "en", VALUE, "4 %", "4"),
    ("De helft van de patiënten.", "Un tiers des patients.", "fr", VALUE, "fraction 1/2", "fraction 1/3"),
    ("Drie op de vier ondervraagden.", "Three in five respondents.", "en", VALUE, "fraction 3/4", "fraction 3/5"),
    ("Acht ziekenhuizen doen mee.", "Neuf hôpitaux participent.", "fr", VALUE, "8", "9"),
    ("In het eerste kwartaal.", "In the second quarter.", "en", VALUE, "period Q1", "period Q2"),
    ("In oktober.", "En septembre.", "fr", VALUE, "month 10", "month 9"),
    ("Op maandag 3 maart 2025.", "On Tuesday 3 March 2025.", "en", VALUE, "weekday 1", "weekday 2"),
    ("Bel +32 (0)2 123 45 67.", "Call +33 2 123 45 67.", "en", VALUE, "phone +3221234567", "phone +3321234567"),
]


@pytest.mark.parametrize("source, target, lang, reason, expected, found", DIFFERENT)
def test_each_difference_is_one_mismatch(source, target, lang, reason, expected, found) -> None:
    (mismatch,) = compare(source, target, "nl", lang).mismatches
    assert mismatch.reason == reason
    assert (mismatch.source.describe() if mismatch.source else None) == expected
    assert (mismatch.target.describe() if mismatch.target else None) == found


@pytest.mark.parametrize(
    "source, target, conflicting",
    [
        ("meer dan 470 banen", "almost 470 jobs", True),
        ("bijna 470 banen", "more than 470 jobs", True),
        ("minder dan 5%", "at least 5%", True),
        ("ongeveer 60%", "60%", False),  # dropped hedge
        ("60%", "around 60%", False),  # added hedge
        # a hedge made sharper: worth a note (NUM004), no conflict, since "about" fits "more than"
        ("ongeveer 60%", "more than 60%", False),
        ("environ 200", "more than 200", False),
    ],
)
def test_qualifier_differences(source: str, target: str, conflicting: bool) -> None:
    comparison = compare(source, target)
    assert comparison.mismatches == ()
    (difference,) = comparison.qualifier_differences
    assert difference.conflicting is conflicting


@pytest.mark.parametrize(
    "source, target",
    [
        ("meer dan 470 banen", "more than 470 jobs"),
        ("15+ bedrijven", "more than 15 companies"),
        ("meer dan 15 bedrijven", "at least 15 companies"),
        ("bijna 23 miljoen", "nearly 23 million"),
    ],
)
def test_qualifiers_that_agree_are_silent(source: str, target: str) -> None:
    assert compare(source, target).qualifier_differences == ()


def test_added_conversion_is_set_apart_not_a_mismatch() -> None:
    comparison = compare("Het budget bedraagt €81 miljoen.", "The budget is €81 million ($88.9M).")
    assert comparison.mismatches == ()
    (conversion,) = comparison.added_conversions
    assert conversion.unit == "USD"


def test_a_scale_written_once_for_a_range_is_one_mismatch() -> None:
    (mismatch,) = compare("10 tot 15 miljoen euro", "10 to 15 billion euros").mismatches
    assert mismatch.reason == VALUE


def test_one_broken_date_is_one_mismatch() -> None:
    (mismatch,) = compare("op 28 februari 2025", "le 38 février 2025", "nl", "fr").mismatches
    assert mismatch.reason == VALUE
    assert mismatch.target.text == "38 février 2025"


def test_a_typo_that_changes_the_kind_is_still_one_mismatch() -> None:
    (mismatch,) = compare("om 17u00", "à 27h00", "nl", "fr").mismatches
    assert mismatch.source.describe() == "time 17:00"
