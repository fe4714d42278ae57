"""Reporters, one small class per output format. A new format is one module and one line here."""

from checker.report.base import Reporter, RunScope
from checker.report.github import GithubReporter
from checker.report.html import HtmlReporter
from checker.report.json import JsonReporter
from checker.report.junit import JunitReporter
from checker.report.sarif import SarifReporter
from checker.report.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {r.name: r for r in (TextReporter, JsonReporter, GithubReporter, SarifReporter, JunitReporter,
                                                             HtmlReporter)}

__all__ = ["REPORTERS", "Reporter", "RunScope"]
