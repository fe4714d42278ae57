"""What a numeric expression means, independent of how a language writes it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# Kinds of values. Two values are the same fact only if their kinds agree
# (with a few relaxations in `checker.numbers.compare`).
NUMBER = "number"
AMOUNT = "amount"  # a number with a currency
PERCENT = "percent"
PERCENTAGE_POINTS = "percentage points"
DATE = "date"  # value "2024-01-17", "--01-17" (no year) or "2024-01" (no day)
TIME = "time"  # value "09:30"
PHONE = "phone"  # value: the digits, with a leading "+" for international numbers
ORDINAL = "ordinal"
CODE = "code"  # an identifier with digits: COVID-19, CD19, H2020
FRACTION = "fraction"  # value: the fraction as a Decimal (een derde, un tiers, one in five)
DECADE = "decade"  # value "90s"
PERIOD = "period"  # quarter or half-year: value "Q3", "H1"
MONTH = "month"  # a month named without a day: value "10"
WEEKDAY = "weekday"  # value "1" (Monday) .. "7"
QUANTITY = "quantity"  # a number with a unit of measure: value in that unit, `unit` its pint name
DURATION = "duration"  # a race or clock duration: value "2:05.12" (h:mm:ss or m:ss.hh)
SCORE = "score"  # a match result: value "2-0"

QUANTITIES = frozenset({NUMBER, AMOUNT, PERCENT, PERCENTAGE_POINTS, QUANTITY})

# Kinds a value may be compared with when a mistake could have turned one into the other
# (`17h00` typed `27h00` no longer reads as a time). Values of kinds with no such link are
# never paired into one message: a date against a count says nothing.
RELATED_KINDS = {
    frozenset({NUMBER, AMOUNT}), frozenset({NUMBER, PERCENT}), frozenset({NUMBER, PERCENTAGE_POINTS}),
    frozenset({AMOUNT, PERCENT}), frozenset({PERCENT, PERCENTAGE_POINTS}), frozenset({NUMBER, QUANTITY}),
    frozenset({NUMBER, TIME}), frozenset({NUMBER, DATE}), frozenset({TIME, DATE}), frozenset({DATE, MONTH}), frozenset({NUMBER, ORDINAL}),
    frozenset({NUMBER, DECADE}), frozenset({PERIOD, ORDINAL}), frozenset({FRACTION, PERCENT}),
    frozenset({NUMBER, CODE}), frozenset({NUMBER, PHONE}), frozenset({NUMBER, DURATION}), frozenset({TIME, DURATION}),
    frozenset({NUMBER, SCORE}), frozenset({ORDINAL, QUANTITY}), frozenset({TIME, QUANTITY}),  # `21st` / `21 ans`
}


def related(kind_a: str, kind_b: str) -> bool:
    """Whether values of these kinds may be one fact written wrongly (see RELATED_KINDS)."""
    return kind_a == kind_b or frozenset({kind_a, kind_b}) in RELATED_KINDS


@dataclass(frozen=True)
class NumericValue:
    """One numeric expression found in a sentence, with its normalized meaning.

    `value` is a Decimal for quantities and ordinals and a string for dates, times,
    phone numbers and codes, so that equal facts compare equal across languages.
    """

    kind: str
    value: Decimal | str
    start: int  # span of the whole expression in the sentence
    end: int
    text: str
    unit: str = ""  # ISO currency code for amounts
    qualifier: str = ""  # "more", "at_least", "less", "almost", "at_most", "approx" (see locales.base)
    weak: bool = False  # a word that is a number only sometimes ("een", "one", "neuf")
    conversion: bool = False  # an amount in brackets converting the amount before it
    # The value a reader of another locale's convention would see (`1.200` read as 1200 in
    # English text, where it means 1.2); set only when the writing is foreign to the language.
    foreign_reading: Decimal | None = None
    # Values written as one range (`10 tot 15 miljoen`) share a group: one mistake in the
    # written-once scale is one finding.
    group: int = -1
    # The numbers a ratio was written with (`trois points sur quatre`: 3 and 4), which another
    # version may write as two counts.
    parts: tuple[Decimal, ...] = ()
    spelled: bool = False  # written in words (`vijf`, `Saturday`), not digits: weaker evidence alone
    # Other readings of the same words (`550 pounds`: money or weight; `80 degrees`: °F or °C),
    # tried when matching; messages use the first reading.
    alternatives: tuple["NumericValue", ...] = ()

    def readings(self) -> tuple["NumericValue", ...]:
        return (self, *self.alternatives)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.kind, canonical(self.value), self.unit)

    def describe(self) -> str:
        """The normalized value as shown in messages: `81 000 000 EUR`, `60 %`, `2024-01-17`."""
        return describe(self.kind, self.value, self.unit)


def canonical(value: Decimal | str) -> str:
    if isinstance(value, Decimal):
        normalized = value.normalize()
        # normalize() writes 1200 as 1.2E+3; comparisons want plain digits
        return format(normalized, "f")
    return value


def group_digits(value: Decimal) -> str:
    text = canonical(value)
    sign = "-" if text.startswith("-") else ""
    text = text.lstrip("-")
    whole, _, fraction = text.partition(".")
    if len(whole) <= 4:  # 1200 and years read better ungrouped
        return sign + whole + (f".{fraction}" if fraction else "")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + " ".join(groups) + (f".{fraction}" if fraction else "")


def describe(kind: str, value: Decimal | str, unit: str = "") -> str:
    if kind in (NUMBER, AMOUNT) and isinstance(value, Decimal):
        return group_digits(value) + (f" {unit}" if unit else "")
    if kind == PERCENT and isinstance(value, Decimal):
        return f"{group_digits(value)} %"
    if kind == PERCENTAGE_POINTS and isinstance(value, Decimal):
        return f"{group_digits(value)} percentage points"
    if kind == ORDINAL and isinstance(value, Decimal):
        return f"ordinal {canonical(value)}"
    if kind == FRACTION and isinstance(value, Decimal):
        from fractions import Fraction

        return f"fraction {Fraction(value).limit_denominator(100)}"
    if kind == DATE:
        return f"date {value}"
    if kind == QUANTITY and isinstance(value, Decimal):
        return f"{group_digits(value)} {unit}"
    if kind in (DECADE, PERIOD, MONTH, WEEKDAY, DURATION, SCORE):
        return f"{kind} {value}"
    if kind == TIME:
        return f"time {value}"
    if kind == PHONE:
        return f"phone {value}"
    return str(value)
