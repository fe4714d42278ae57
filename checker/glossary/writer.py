"""Write entries in the native YAML format, readable and ready to review."""

from __future__ import annotations

from typing import Iterable, Sequence

import yaml

from checker.glossary.entries import Entry


def _scalar(value: str) -> str:
    return yaml.safe_dump(value, allow_unicode=True, width=10_000).removesuffix("\n...\n").strip()


def _flow(values: Sequence[str]) -> str:
    # Quoted for a flow sequence, where `?0` or `a, b` would not survive as plain scalars.
    return yaml.safe_dump(list(values), allow_unicode=True, width=10_000, default_flow_style=True).strip()


def _forms(values: Sequence[str]) -> str:
    if len(values) == 1:
        return _scalar(values[0])
    return _flow(values)


def entry_yaml(entry: Entry, languages: Sequence[str], comment: str = "") -> str:
    lines = []
    if comment:
        lines += [f"  # {line}" for line in comment.splitlines()]
    lines.append(f"  - id: {_scalar(entry.id)}")
    if entry.label:
        lines.append(f"    label: {_scalar(entry.label)}")
    shared = [entry.forms.get(lang) for lang in languages]
    if len(entry.forms) == len(languages) and len(set(shared)) == 1 and shared[0]:
        lines.append(f"    all: {_forms(shared[0])}")
    else:
        lines += [f"    {lang}: {_forms(entry.forms[lang])}" for lang in languages if entry.forms.get(lang)]
    if entry.forbidden:
        lines.append("    forbidden:")
        lines += [f"      {lang}: {_flow(entry.forbidden[lang])}"
                  for lang in languages if entry.forbidden.get(lang)]
    if entry.case_sensitive:
        lines.append("    case_sensitive: true")
    if not entry.accent_sensitive:
        lines.append("    accent_sensitive: false")
    if entry.note:
        lines.append(f"    note: {_scalar(entry.note)}")
    return "\n".join(lines) + "\n"


def glossary_yaml(entries: Iterable[Entry], languages: Sequence[str], header: str = "",
                  comments: dict[str, str] | None = None) -> str:
    comments = comments or {}
    out = [f"# {line}\n" for line in header.splitlines()] if header else []
    out.append("terms:\n")
    for entry in entries:
        out.append(entry_yaml(entry, languages, comments.get(entry.id, "")))
    return "".join(out)
