"""The term rules live in the locale tables: every language has one, an unknown language is an
error, and the term modules hold no words of any language."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from checker.glossary.variants import form_variants, word_variants
from checker.locales import UnknownLanguage, get_term_locale, supported_languages, term_locales

ROOT = Path(__file__).resolve().parent.parent
TERM_MODULES = ["checker/glossary/variants.py", "checker/glossary/mining.py", "checker/glossary/matcher.py",
                "checker/glossary/text.py", "checker/glossary/lemmas.py", "checker/checks/terms.py",
                "checker/checks/drift.py"]


@pytest.mark.parametrize("lang", supported_languages())
def test_every_language_has_term_rules(lang):
    locale = get_term_locale(lang)
    assert locale.code == lang and locale.inflections and locale.function_words


def test_an_unknown_language_is_a_clear_error_not_english_rules():
    with pytest.raises(UnknownLanguage, match="no term rules for language 'de'"):
        word_variants("Werkpaket", "de")
    with pytest.raises(UnknownLanguage):
        form_variants("Technische Partnerschaft", "de")


@pytest.mark.parametrize(
    "word, lang, variants",
    [
        ("werkpakket", "nl", ["werkpakketten"]),
        ("taak", "nl", ["taken"]),
        ("energie", "nl", ["energieën"]),
        ("réseau", "fr", ["réseaux"]),
        ("lot", "fr", ["lots"]),
        ("policy", "en", ["policies"]),
        ("ATMP", "en", ["ATMPs"]),
    ],
)
def test_inflections_come_from_the_locale_table(word, lang, variants):
    assert set(variants) <= set(word_variants(word, lang))


def _code_strings(path: Path) -> list[str]:
    """String constants of a module, less docstrings and the f-strings of messages (English UI text)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {id(node.body[0].value) for node in ast.walk(tree)
               if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
               and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    skipped |= {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
            and isinstance(node.value, str) and id(node) not in skipped]


@pytest.mark.parametrize("module", TERM_MODULES)
def test_term_modules_hold_no_words_of_a_language(module):
    words = frozenset().union(*(t.function_words | t.sentence_openers | t.determiners | t.articles
                                for t in term_locales()))
    found = {w for text in _code_strings(ROOT / module) for w in text.split() if w.lower() in words}
    assert not found, f"{module} holds language words {sorted(found)}: put them in checker/locales/"
