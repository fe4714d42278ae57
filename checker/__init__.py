"""checker: translation-consistency checks for NL/FR/EN press releases."""

__version__ = "0.1.0"
