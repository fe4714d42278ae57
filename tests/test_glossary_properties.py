"""Property-based tests of glossary loading, matching and the TBX/CSV importers on arbitrary Unicode.

Whatever the file holds, loading either gives entries or raises `GlossaryError` (file, line,
reason) — never another exception; a loaded glossary's matches are spans of the sentence;
and what `glossary import` writes loads back to the same entries.
"""

from __future__ import annotations

import csv
import io
from xml.sax.saxutils import escape

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from checker.config import Limits
from checker.glossary import Glossary, GlossaryError, parse_entries
from checker.glossary.importers import import_csv, import_tbx
from checker.glossary.writer import glossary_yaml

LANGS = ("nl", "fr", "en")
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SMALL = Limits(max_term_length=60, max_glossary_entries=20)

# Terms with the characters that matter to matching: apostrophes, hyphens, accents, digits, capitals.
TERM = st.text(alphabet=st.sampled_from(list("aAeéÉ-’' 1.&/ĳœ")), min_size=1, max_size=20) | st.text(min_size=1, max_size=20)
# A form the loader accepts: printable, with a letter or digit somewhere (the matcher's anchor).
PRINTABLE = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=8)
FORM = st.tuples(PRINTABLE, st.characters(whitelist_categories=("L", "N")), PRINTABLE).map("".join) | \
    st.text(alphabet=st.sampled_from(list("aAeéÉ’' 1ĳœ")), max_size=12).map(lambda t: t + "a")
YAML_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | TERM,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["id", "nl", "fr", "en", "all", "de",
                                                                                  "forbidden", "note", "terms", "x"]),
                                                               inner, max_size=5),
    max_leaves=20,
)


def _loads_or_refuses(text: str) -> list:
    try:
        return parse_entries(text, "g.yaml", LANGS, SMALL)
    except GlossaryError as error:
        assert error.path == "g.yaml" and error.line >= 0 and error.reason
        return []


@FUZZ
@given(st.text(max_size=400))
def test_any_text_loads_or_is_refused_with_a_line(text: str) -> None:
    _loads_or_refuses(text)


@FUZZ
@given(st.dictionaries(st.just("terms"), st.lists(YAML_VALUE, max_size=5), max_size=1))
def test_any_yaml_structure_loads_or_is_refused_with_a_line(document: dict) -> None:
    _loads_or_refuses(yaml.safe_dump(document, allow_unicode=True))


@FUZZ
@given(st.lists(st.tuples(FORM, FORM, FORM), min_size=1, max_size=5), st.booleans(), st.text(max_size=120), st.sampled_from(LANGS))
def test_matches_are_spans_of_the_sentence(forms: list[tuple[str, str, str]], case_sensitive: bool, sentence: str,
                                           lang: str) -> None:
    entries = [{"id": f"e{i}", "nl": nl, "fr": fr, "en": en, "case_sensitive": case_sensitive}
               for i, (nl, fr, en) in enumerate(forms)]
    loaded = _loads_or_refuses(yaml.safe_dump({"terms": entries}, allow_unicode=True))
    assume(loaded)
    glossary = Glossary(entries=tuple(loaded), languages=LANGS)
    # The glossary's own forms inside the sentence, so that matches happen.
    text = sentence + " " + " ".join(e.forms[lang][0] for e in loaded if lang in e.forms) + "."
    for overlapping in (False, True):
        for match in glossary.find(text, lang, overlapping=overlapping):
            assert 0 <= match.start <= match.end <= len(text)
            assert match.text == text[match.start:match.end]


def _csv_text(rows: list[list[str]], delimiter: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows([["id", "nl", "fr", "en", "en forbidden"], *rows])
    return out.getvalue()


@FUZZ
@given(st.text(max_size=400))
def test_any_csv_text_imports_or_is_refused(text: str) -> None:
    try:
        import_csv(text, "g.csv", LANGS, SMALL)
    except GlossaryError as error:
        assert error.path == "g.csv" and error.reason


@FUZZ
@given(st.lists(st.lists(TERM, min_size=5, max_size=5), min_size=1, max_size=6), st.sampled_from([",", ";", "\t"]))
def test_an_imported_csv_writes_a_glossary_that_loads_back(rows: list[list[str]], delimiter: str) -> None:
    try:
        result = import_csv(_csv_text(rows, delimiter), "g.csv", LANGS, SMALL)
    except GlossaryError:
        return
    written = glossary_yaml(result.entries, LANGS)
    loaded = parse_entries(written, "out.yaml", LANGS, SMALL)
    assert [(e.id, dict(e.forms)) for e in loaded] == [(e.id, dict(e.forms)) for e in result.entries]


@FUZZ
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda t: f"<martif>{t}</martif>".encode()))
def test_any_bytes_import_as_tbx_or_are_refused(data: bytes) -> None:
    try:
        import_tbx(data, "g.tbx", LANGS, SMALL)
    except GlossaryError as error:
        assert error.path == "g.tbx" and error.reason


@FUZZ
@given(st.lists(st.dictionaries(st.sampled_from(["nl", "fr", "en", "de", "en-GB"]),
                                st.lists(st.tuples(TERM, st.sampled_from(["", "preferred", "deprecatedTerm"])),
                                         min_size=1, max_size=3),
                                min_size=1, max_size=3),
                min_size=1, max_size=5))
def test_a_generated_tbx_imports_and_writes_a_glossary_that_loads_back(concepts: list[dict]) -> None:
    body = []
    for number, concept in enumerate(concepts):
        lang_sets = []
        for lang, terms in concept.items():
            tigs = "".join(
                f"<tig><term>{escape(text)}</term>"
                + (f'<termNote type="administrativeStatus">{status}</termNote>' if status else "") + "</tig>"
                for text, status in terms
            )
            lang_sets.append(f'<langSet xml:lang="{lang}">{tigs}</langSet>')
        body.append(f'<termEntry id="c{number}">{"".join(lang_sets)}</termEntry>')
    data = f"<martif><text><body>{''.join(body)}</body></text></martif>".encode()
    try:
        result = import_tbx(data, "g.tbx", LANGS, SMALL)
    except GlossaryError as error:
        assert error.path == "g.tbx"
        return
    loaded = parse_entries(glossary_yaml(result.entries, LANGS), "out.yaml", LANGS, SMALL)
    assert [e.id for e in loaded] == [e.id for e in result.entries]


def _shape(node: yaml.Node | None):
    """A node as plain data: tag, value and position, for comparing two composers."""
    if node is None:
        return None
    if isinstance(node, yaml.ScalarNode):
        return node.tag, node.value, node.start_mark.line, node.start_mark.column
    if isinstance(node, yaml.SequenceNode):
        return node.tag, [_shape(item) for item in node.value], node.start_mark.line
    return node.tag, [(_shape(key), _shape(value)) for key, value in node.value], node.start_mark.line


@FUZZ
@given(YAML_VALUE, st.booleans())
def test_the_glossary_composer_builds_the_nodes_pyyaml_builds(value, flow: bool) -> None:
    from checker.glossary.loader import compose

    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=flow)
    try:
        ours = compose(text)
    except yaml.YAMLError as error:  # only ever for nesting past MAX_DEPTH, which PyYAML would accept
        assert "nested more than" in str(error)
        return
    assert _shape(ours) == _shape(yaml.compose(text, Loader=yaml.SafeLoader))
