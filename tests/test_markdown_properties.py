"""Property-based tests of the Markdown/plain-text parser and the segmenter on arbitrary Unicode.

No input may raise, and every character the parser keeps must point back at the file: an
offset inside the text, in file order, at the same character unless markup turned it into
another one (a soft break into a space, an entity into what it stands for).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.markdown import parse_blocks
from checker.records import SourceFile
from checker.segment import build_document, split_sentences

# Markdown's own characters, often, so that nesting, emphasis, links and tables are exercised.
MARKUP = st.lists(st.sampled_from(list("ab 1.*_`~[]()<>!&#;|\\-+=:>\n\t") + ["&amp;", "<br>", "\u00a0", "é", "€"]),
                  max_size=200).map("".join)
UNICODE = st.text(max_size=300)
TEXTS = st.one_of(MARKUP, UNICODE, st.lists(st.sampled_from(["> ", "- ", "1. ", "  ", "# ", "| a | b |\n", "\n", "x"]),
                                             max_size=80).map("".join))
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# What a kept character may differ from: markup that stands for another character.
_REPLACED_AT = set("&<|")


def _check_blocks(text: str, suffix: str) -> None:
    source = SourceFile.from_text(f"release/fr{suffix}", text)
    for block in parse_blocks(source):
        assert block.text.strip(), block
        assert len(block.offsets) == len(block.text)
        for char, offset in zip(block.text, block.offsets):
            assert 0 <= offset < len(text), (offset, len(text))
            original = text[offset]
            assert char == original or (char.isspace() and original.isspace()) or original in _REPLACED_AT, \
                (char, original, offset)


@FUZZ
@given(TEXTS)
def test_markdown_blocks_point_back_at_the_file(text: str) -> None:
    _check_blocks(text, ".md")


@FUZZ
@given(TEXTS)
def test_plain_text_blocks_point_back_at_the_file(text: str) -> None:
    _check_blocks(text, ".txt")


@FUZZ
@given(TEXTS)
def test_offsets_within_a_block_follow_the_file(text: str) -> None:
    for block in parse_blocks(SourceFile.from_text("r/fr.md", text)):
        assert list(block.offsets) == sorted(block.offsets), block


@FUZZ
@given(TEXTS, st.sampled_from(["nl", "fr", "en"]))
def test_sentence_spans_are_ordered_trimmed_and_inside_the_text(text: str, lang: str) -> None:
    spans = split_sentences(text, lang)
    end_of_previous = 0
    for start, end in spans:
        assert end_of_previous <= start < end <= len(text)
        sentence = text[start:end]
        assert sentence == sentence.strip() and "\n" not in sentence
        end_of_previous = end


@FUZZ
@given(TEXTS, st.sampled_from(["nl", "fr", "en"]))
def test_segments_round_trip_to_the_file(text: str, lang: str) -> None:
    source = SourceFile.from_text("r/fr.md", text)
    document = build_document("r", lang, source)
    for index, segment in enumerate(document.segments):
        assert segment.index == index
        assert segment.text and segment.text == segment.text.strip()
        assert len(segment.offsets) == len(segment.text)
        assert all(0 <= offset < len(text) for offset in segment.offsets)
        line, column = source.position(segment.offsets[0])
        assert 1 <= line <= text.count("\n") + 1 and column >= 1
