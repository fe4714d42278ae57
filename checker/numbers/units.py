"""Quantities with units of measure compared by value: `300 mijl` = `480 km`, `86 °F` = `30 °C`.

Conversions come from pint's unit definitions rather than a hand-typed table; the unit
words of each language live in `checker.locales`. pint is loaded on the first comparison
of two different units, so a corpus without conversions never pays for it.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from checker.locales.base import TIME_UNITS

# Translators round a converted figure: `300 miles` becomes `480 km` (482.8), `1 to 2 inches`
# `3 tot 5 cm` (2.54 and 5.08). A converted value agrees when it is within this share of the
# other, or within half a unit of its last written digit (`3 cm` for 2.54).
RELATIVE_TOLERANCE = 0.08


@lru_cache(maxsize=1)
def _registry():
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=4096)
def _convert(value: float, unit: str, to_unit: str) -> float | None:
    registry = _registry()
    try:
        return float(registry.Quantity(value, unit).to(to_unit).magnitude)
    except Exception:  # pint's DimensionalityError, UndefinedUnitError, OffsetUnitCalculusError
        return None


def in_unit(value: Decimal, unit: str, to_unit: str) -> Decimal | None:
    """`value` `unit` expressed in `to_unit`, or None when the two measure different things."""
    if unit == to_unit:
        return value
    converted = _convert(float(value), unit, to_unit)
    return None if converted is None else Decimal(repr(converted))


def _half_unit_of_last_digit(written: Decimal) -> Decimal:
    """The rounding a writer of `written` allows: 0.5 for `3` and for `300`, 0.05 for `1,5`."""
    sign, digits, exponent = written.as_tuple()
    return Decimal(5).scaleb(exponent - 1) if isinstance(exponent, int) else Decimal(0)


# With a hedge on either side (`about 30 yards`, `environ 30 mètres`) rounding goes further.
HEDGED_TOLERANCE = 0.15


def same_measure(value: Decimal, unit: str, other: Decimal, other_unit: str, hedged: bool = False,
                 both_rounded: bool = False) -> bool:
    """Whether two quantities say the same once converted, with the rounding translation calls for.

    In one unit the figures must be equal (`480 km` is no `490 km`), unless `both_rounded`: two
    translations that each rounded a conversion (`200 km` and `209 km` for `130 miles`).
    """
    if unit == other_unit and not both_rounded:
        return value == other
    # A duration is converted in whole calendar units, which are approximate (`anderhalve maand`
    # for six weeks, `huit jours` for a week): the hedged share, but not the rounding of a last
    # digit (`3 cm` for 2.54), which would let `twee jaar` pass for 18 months.
    durations = unit in TIME_UNITS and other_unit in TIME_UNITS
    share = Decimal(str(HEDGED_TOLERANCE if hedged or durations else RELATIVE_TOLERANCE))
    converted = in_unit(value, unit, other_unit)
    if converted is None:
        return False
    difference = abs(converted - other)
    allowed = max(abs(other) * share, Decimal(0) if durations else _half_unit_of_last_digit(other))
    back = in_unit(other, other_unit, unit)  # and the other way round: `480 km` read as `300 miles`
    if back is not None:
        allowed_back = max(abs(value) * share, Decimal(0) if durations else _half_unit_of_last_digit(value))
        if abs(back - value) <= allowed_back:
            return True
    return difference <= allowed


def same_dimension(unit: str, other_unit: str) -> bool:
    return unit == other_unit or _convert(1.0, unit, other_unit) is not None
