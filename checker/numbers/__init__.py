"""Numeric expressions: reading them per language (`extract`) and comparing versions (`compare`)."""

from checker.numbers.extract import extract_values
from checker.numbers.values import NumericValue

__all__ = ["NumericValue", "extract_values"]
