"""A language is described once, in `checker/locales/`: no word lists of a language elsewhere.

The test gathers every word of every locale table (number and term tables alike) and looks
through the rest of the package for word lists written into the code: collection literals of
short strings, and regular expressions that alternate words. A word of a language found there
means that knowledge lives outside its locale, where a new language would not find it.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest

import checker.locales as locales

PACKAGE = Path(locales.__file__).resolve().parent.parent
WORD = re.compile(r"[^\W\d_]{2,}(?:['’][^\W\d_]+)?")


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, item in value.items() for s in _strings(k) + _strings(item)]
    if isinstance(value, (tuple, list, set, frozenset)):
        return [s for item in value for s in _strings(item)]
    return []


def _tables(lang: str) -> list:
    module = __import__(f"checker.locales.{lang}", fromlist=["LOCALE"])
    return [getattr(module, name) for name in ("LOCALE", "TERMS", "SEGMENTATION") if hasattr(module, name)]


def _vocabulary() -> dict[str, set[str]]:
    """Each language's words, from every string field of its tables (not codes, names or regex syntax)."""
    out = {}
    for lang in locales.supported_languages():
        words = set()
        for table in _tables(lang):
            for field in dataclasses.fields(table):
                if field.name in ("code", "name", "babel_locale"):
                    continue
                for text in _strings(getattr(table, field.name)):
                    words.update(w.lower() for w in WORD.findall(text) if len(w) >= 3)
        out[lang] = words
    return out


def _word_lists(tree: ast.AST):
    """(line, text) of each string that is data about words: an item of a literal collection of short
    strings, or a regular expression alternating words."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            items = node.elts
        elif isinstance(node, ast.Dict):
            items = [k for k in node.keys if k is not None]
        else:
            items = []
        strings = [i for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)
                   and not re.fullmatch(r"\w*_\w*", i.value)]  # identifiers (`__all__`) are no words
        if len(strings) >= 2 and len(strings) == len(items) and all(len(s.value.split()) <= 3 for s in strings):
            for s in strings:
                yield s.lineno, s.value
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and "|" in node.value:
            alternatives = re.findall(r"(?:^|[|(:])([^\W\d_]{3,})(?=[|)])", node.value)
            if len(alternatives) >= 2:
                for word in alternatives:
                    yield node.lineno, word


# Strings in the code that happen to be words of a language but are not about it.
NOT_LANGUAGE = {
    "error", "warning", "info", "text", "json", "github", "sarif", "number", "term", "omission", "adequacy",
    "drift", "release", "corpus", "heading", "paragraph", "list_item", "quote", "table_row", "source", "target",
    "auto", "transformers", "ctranslate2", "none", "cognate", "encoder", "model", "value", "missing", "extra",
    "off", "all", "forbidden", "note", "case_sensitive", "id", "terms", "languages", "strong", "weak", "certain",
    "base",  # the HTML element, beside the French of `points de base`
    "new",  # an XLIFF segment state, beside the English of `New Year's Day`
}


def _offenders() -> list[str]:
    vocabulary = _vocabulary()
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "locales":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, text in _word_lists(tree):
            for word in WORD.findall(text):
                lowered = word.lower()
                if lowered in NOT_LANGUAGE or len(lowered) < 3:
                    continue
                langs = [lang for lang, words in vocabulary.items() if lowered in words]
                if langs:
                    found.append(f"checker/{relative}:{line}: {word!r} ({', '.join(langs)})")
    return found


def test_the_vocabulary_is_not_empty() -> None:
    vocabulary = _vocabulary()
    assert {"miljoen", "mijl", "beide"} <= vocabulary["nl"]
    assert {"milliard", "mètres", "décennie"} <= vocabulary["fr"]
    assert {"billion", "miles", "both"} <= vocabulary["en"]


def test_the_detector_finds_a_word_list_in_code() -> None:
    tree = ast.parse('CONNECTORS = ("tot", "naar", "jusqu\'à")\nPATTERN = r"(?:van|vanaf)"\n')
    assert {text for _line, text in _word_lists(tree)} == {"tot", "naar", "jusqu'à", "van", "vanaf"}


def test_no_language_words_outside_the_locales() -> None:
    offenders = _offenders()
    assert offenders == [], "language words outside checker/locales/:\n" + "\n".join(offenders)


@pytest.mark.parametrize("lang", ["de", "es"])
def test_a_language_without_tables_is_refused(lang: str) -> None:
    with pytest.raises((KeyError, ValueError)):
        locales.get_locale(lang)
