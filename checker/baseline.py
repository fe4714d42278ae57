"""Accepted findings: a baseline file of fingerprints, so that a gate fails on new findings only.

A repository with a backlog of reviewed findings writes them once
(`checker baseline write PATH -o .checker-baseline.json`) and checks with `--baseline FILE`.
A fingerprint names what was flagged, not where: the release, the languages, the code, the
source and target sentences (normalised) and the values involved. It never holds a line or a
column, so an edit elsewhere in the file, or moving the paragraph, keeps it; changing the
flagged sentence or the value breaks it, and the finding is reported again.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from checker.records import Finding

FORMAT_VERSION = 1

# Typographic variants an editor may swap without changing the sentence (curly quotes, NBSPs
# are handled by NFKC and the whitespace rule); they must not break an accepted finding.
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})
_SPACE = re.compile(r"\s+")


class BaselineError(Exception):
    """A baseline file that cannot be used; the message names the file."""


def normalise(text: str | None) -> str:
    """The text as compared: NFKC, straight quotes, runs of white space as one space.

    Case and letters are kept: a casing change is a change of the flagged text (TERM003).
    """
    if not text:
        return ""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).translate(_QUOTES)).strip()


def fingerprint(finding: Finding) -> str:
    """A stable hash of what a finding flags; see the module docstring for what goes in."""
    parts = (
        finding.release,
        finding.source_lang,
        finding.target_lang or finding.lang,
        finding.lang,
        finding.code,
        normalise(finding.source),
        normalise(finding.target),
        normalise(finding.expected),
        normalise(finding.found),
    )
    # Unit separators keep ("ab", "c") and ("a", "bc") apart.
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def _entry(finding: Finding) -> dict:
    # The readable fields are for the reviewer of the file; only `fingerprint` is matched.
    return {
        "fingerprint": fingerprint(finding),
        "code": finding.code,
        "release": finding.release,
        "languages": f"{finding.source_lang}-{finding.target_lang or finding.lang}",
        "file": finding.file,
        "message": finding.message,
    }


def baseline_json(findings: Iterable[Finding]) -> str:
    """The baseline file: entries sorted by release, code and fingerprint, one per finding."""
    entries = sorted((_entry(f) for f in findings),
                     key=lambda e: (e["release"], e["file"], e["code"], e["fingerprint"], e["message"]))
    document = {"version": FORMAT_VERSION, "tool": "checker", "findings": entries}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class Baseline:
    """Accepted fingerprints, with how many times each was accepted (the same sentence may repeat)."""

    counts: Counter

    @classmethod
    def read(cls, path: Path) -> "Baseline":
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BaselineError(f"--baseline {path}: no such file (write one with `checker baseline write`)") from None
        except OSError as error:
            raise BaselineError(f"--baseline {path}: cannot read: {error.strerror or error}") from None
        except UnicodeDecodeError:
            raise BaselineError(f"--baseline {path}: not valid UTF-8") from None
        except json.JSONDecodeError as error:
            raise BaselineError(f"--baseline {path}:{error.lineno}: not valid JSON ({error.msg})") from None
        entries = document.get("findings") if isinstance(document, dict) else None
        if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("fingerprint"), str)
                                                    for e in entries):
            raise BaselineError(f"--baseline {path}: not a checker baseline "
                                "(expected {\"findings\": [{\"fingerprint\": ...}, ...]})")
        return cls(Counter(e["fingerprint"] for e in entries))


@dataclass(frozen=True)
class BaselineResult:
    new: list[Finding]  # findings the baseline does not accept, in their order
    baselined: int  # findings it accepted
    unmatched: int  # baseline entries that matched no finding (fixed, or their text changed)

    def summary(self) -> str:
        return (f"baseline: {self.baselined} finding{'' if self.baselined == 1 else 's'} baselined, "
                f"{self.unmatched} baseline entr{'y' if self.unmatched == 1 else 'ies'} no longer "
                f"match{'es' if self.unmatched == 1 else ''} anything")


def apply_baseline(findings: Sequence[Finding], baseline: Baseline) -> BaselineResult:
    """Drop the accepted findings; each baseline entry accepts as many findings as it was written for."""
    left = Counter(baseline.counts)
    new = []
    for finding in findings:
        key = fingerprint(finding)
        if left[key] > 0:
            left[key] -= 1
        else:
            new.append(finding)
    return BaselineResult(new=new, baselined=len(findings) - len(new), unmatched=sum(left.values()))
