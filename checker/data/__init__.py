"""Locale data tables read by the pipeline stages (abbreviations, and the like)."""
