"""Sentence segmentation: a file's blocks cut into `Segment`s that know where they came from.

pysbd does the sentence splitting (see the scouting notes, §1), with four rules of
our own around it:

1. Lines first. "\\n" in a block's text (a hard break, a table-cell border) always
   ends a sentence, so headings, bullets and contact lines never merge.
2. Project abbreviations (`checker.data.abbreviations`) and initials are masked
   before pysbd sees a line: their periods become a private-use character of the
   same length, so offsets do not move, and pysbd cannot split there.
3. pysbd's Dutch and French "prepositive" lists are empty, so titles split
   ("Dhr. | Peeters"); they are extended once, at import. Its abbreviation pass is
   also made to skip abbreviations absent from the text (3x faster, same output),
   and its list detection no longer breaks inline enumerations ("1) ... 2) ...").
4. Fast path: a line with no `.`, `!`, `?` or `…` followed by a space (after
   masking) is one sentence, and pysbd is not called at all.

Spans come from our own walk over pysbd's sentences, not from its `char_span=True`:
that option looks every sentence up again with a regex over the whole text (quadratic)
and silently drops a sentence whose text pysbd changed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace
from typing import Sequence

import pysbd
import pysbd.processor
import pysbd.utils
from pysbd.abbreviation_replacer import AbbreviationReplacer
from pysbd.languages import LANGUAGE_CODES
from pysbd.lists_item_replacer import ListItemReplacer

from checker.data import abbreviations
from checker.markdown import TextBlock, parse_blocks
from checker.records import Block, Document, OffsetMap, Segment, SourceFile

# Stands in for a masked period: not a letter, digit, space or punctuation to pysbd.
_MASK = "\ue000"
_FALLBACK_LANGUAGE = "en"
# Single-character spaces kept as they are when whitespace is collapsed: a (narrow)
# no-break space is a thousands separator in French figures ("1 200").
_KEPT_SPACES = frozenset("\u00a0\u202f")
_WHITESPACE = re.compile(r"\s+")
_FIRST_WORD = re.compile(r"[^\W\d_]+")

# A possible sentence end: terminal punctuation, optional closing quotes or brackets,
# then a space and more text. A line without one is a single sentence.
_POSSIBLE_BOUNDARY = re.compile(r"[.!?…][\"'”’»)\]]*\s+\S")
# pysbd ends a sentence at "... Wat" but not at "… Wat"; translators use either, so
# the one-character ellipsis is shown to pysbd as a period (same length) before a capital.
_ELLIPSIS_BEFORE_CAPITAL = re.compile(r"…(?=[\"'”’»)\]]*\s+[A-ZÀ-ÖØ-Þ])")
# Initials before a name: "A. De Croo", "J.-M. Dupont", "J.M. Dupont". One capital and
# a period before a capitalised word is far more often an initial than a sentence end;
# it must start a word ("R&D. En" ends a sentence).
_INITIALS = re.compile(r"(?<![^\s(\"'“‘«])[A-ZÀ-ÖØ-Þ]\.(?:-?[A-ZÀ-ÖØ-Þ]\.)*(?=\s+[A-ZÀ-ÖØ-Þ])")


def _patch_pysbd() -> None:
    for lang, extra in abbreviations.PYSBD_PREPOSITIVE.items():
        table = LANGUAGE_CODES[lang].Abbreviation
        table.PREPOSITIVE_ABBREVIATIONS = sorted(set(table.PREPOSITIVE_ABBREVIATIONS) | set(extra))
    for lang, extra in abbreviations.PYSBD_ABBREVIATIONS.items():
        table = LANGUAGE_CODES[lang].Abbreviation
        table.ABBREVIATIONS = sorted(set(table.ABBREVIATIONS) | set(extra))
    AbbreviationReplacer.search_for_abbreviations_in_string = _search_present_abbreviations
    pysbd.processor.ListItemReplacer = _ProseEnumerations
    pysbd.utils.Text.apply = _apply_compiled


@lru_cache(maxsize=None)
def _compiled_rule(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _apply_compiled(self: str, *rules) -> str:
    """pysbd's `Text.apply` (`re.sub` with each rule in turn), with each rule's pattern compiled
    once: `re.sub` looks its pattern up in `re`'s cache on every call, a third of pysbd's time."""
    for rule in rules:
        self = _compiled_rule(rule.pattern).sub(rule.replacement, self)
    return self


class _ProseEnumerations(ListItemReplacer):
    """pysbd's list handling, minus the sentence breaks it puts before "1)", "a." or "ii.".

    Real lists are blocks by the time text reaches pysbd (the parser makes each item
    its own block), so an enumeration left inside a line is prose: "zijn 1) groei en
    2) banen" is one sentence, as it is when the fast path keeps pysbd out of it.
    """

    def add_line_break(self) -> str:
        return self.text


class _LanguageView:
    """A pysbd language whose abbreviation list is cut down to those present in one text."""

    def __init__(self, language: type, present: list[str]):
        self._language = language
        table = language.Abbreviation
        self.Abbreviation = SimpleNamespace(
            ABBREVIATIONS=present,
            PREPOSITIVE_ABBREVIATIONS=table.PREPOSITIVE_ABBREVIATIONS,
            NUMBER_ABBREVIATIONS=table.NUMBER_ABBREVIATIONS,
        )

    def __getattr__(self, name: str):
        return getattr(self._language, name)


# pysbd's own method, kept even if this module is imported again after patching.
_search_all_abbreviations = getattr(
    AbbreviationReplacer.search_for_abbreviations_in_string,
    "pysbd_original",
    AbbreviationReplacer.search_for_abbreviations_in_string,
)


@lru_cache(maxsize=None)
def _abbreviation_keys(language: type, size: int) -> tuple[tuple[str, str], ...]:
    return tuple((abbr.strip().lower() + ".", abbr) for abbr in language.Abbreviation.ABBREVIATIONS)


def _search_present_abbreviations(self: AbbreviationReplacer, text: str) -> str:
    """pysbd's own abbreviation pass, run only over the abbreviations followed by "." in `text`.

    pysbd tries each of its ~1,650 Dutch abbreviations that occurs as a mere substring
    ("a", "al", "c"...) and compiles fresh regexes for each, which overflows `re`'s cache:
    two thirds of its time on a press release. Every substitution it can make needs the
    abbreviation followed by a period, so skipping the others changes nothing but speed
    (the benchmark checks the sentences are the same).
    """
    language = self.lang
    lowered = text.lower()
    keys = _abbreviation_keys(language, len(language.Abbreviation.ABBREVIATIONS))
    present = sorted({i for _, found in _abbreviation_automaton(keys).iter(lowered) for i in found})
    self.lang = _LanguageView(language, [keys[i][1] for i in present])
    try:
        return _search_all_abbreviations(self, text)
    finally:
        self.lang = language


@lru_cache(maxsize=None)
def _abbreviation_automaton(keys: tuple[tuple[str, str], ...]):
    """One Aho-Corasick automaton over the keys (a scan of the text, not one search per key);
    each found key gives the positions in `keys` of the abbreviations it stands for."""
    import ahocorasick

    positions: dict[str, list[int]] = {}
    for i, (key, _) in enumerate(keys):
        positions.setdefault(key, []).append(i)
    automaton = ahocorasick.Automaton()
    for key, found in positions.items():
        automaton.add_word(key, tuple(found))
    automaton.make_automaton()
    return automaton


_search_present_abbreviations.pysbd_original = _search_all_abbreviations  # type: ignore[attr-defined]
_patch_pysbd()


def _variants(entries: tuple[str, ...]) -> list[str]:
    """Each entry as written and with a capital first letter ("bv." and "Bv." at a sentence start)."""
    seen: dict[str, None] = {}
    for entry in entries:
        seen[entry] = None
        seen[entry[0].upper() + entry[1:]] = None
    # Longest first, so "p. ex." wins over "p." in the alternation.
    return sorted(seen, key=len, reverse=True)


def _alternation(entries: tuple[str, ...]) -> str:
    return "|".join(re.escape(entry).replace(r"\ ", r"\s+") for entry in _variants(entries))


@lru_cache(maxsize=None)
def _abbreviation_pattern(lang: str) -> re.Pattern[str]:
    never = abbreviations.NEVER_FINAL.get(lang, ())
    number = abbreviations.BEFORE_NUMBER.get(lang, ())
    continued = abbreviations.FINAL_UNLESS_CONTINUED.get(lang, ())
    alternatives = []
    if never:
        alternatives.append(f"(?:{_alternation(never)})")
    if number:
        alternatives.append(rf"(?:{_alternation(number)})(?=\s*\d)")
    if continued:
        alternatives.append(rf"(?:{_alternation(continued)})(?=\s+[^\W\d_A-ZÀ-ÖØ-Þ]|\s*\d|\s*[,;:)])")
    # Not inside a longer word or abbreviation: "Mr." must not match in "Hmr.".
    return re.compile(rf"(?<![\w.])(?:{'|'.join(alternatives)})" if alternatives else r"(?!)")


def mask_abbreviations(line: str, lang: str) -> str:
    """`line` with the periods of known abbreviations and initials replaced, length unchanged."""

    def hide(match: re.Match[str]) -> str:
        return match.group().replace(".", _MASK)

    # Initials first: "J.-M." must be seen whole before "M." (Monsieur) is masked on its own.
    line = _INITIALS.sub(hide, line)
    return _abbreviation_pattern(lang).sub(hide, line)


@lru_cache(maxsize=None)
def _segmenter(lang: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=lang if lang in LANGUAGE_CODES else _FALLBACK_LANGUAGE, clean=False)


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences of a plain-text string, whitespace trimmed.

    Every "\\n" is a boundary; empty and whitespace-only stretches give no span.
    """
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line in text.split("\n"):
        if line.strip():
            spans.extend((line_start + s, line_start + e) for s, e in _line_sentences(line, lang))
        line_start += len(line) + 1
    return spans


# Releases repeat lines (boilerplate, contact blocks, the same sentence in another release): a
# line is cut once per process. Bounded, so that a huge corpus does not keep every line.
@lru_cache(maxsize=16384)
def _line_sentences(line: str, lang: str) -> tuple[tuple[int, int], ...]:
    return tuple(_cut_line(line, lang))


def _cut_line(line: str, lang: str) -> list[tuple[int, int]]:
    masked = _ELLIPSIS_BEFORE_CAPITAL.sub(".", mask_abbreviations(line, lang))
    if not _POSSIBLE_BOUNDARY.search(masked):
        return [_trim(line, 0, len(line))]
    sentences = _segmenter(lang).processor(masked).process()
    return _merge_fragments(line, _locate(masked, sentences))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _locate(text: str, sentences: list[str]) -> list[tuple[int, int]]:
    """Spans of pysbd's `sentences` in `text`, in order.

    pysbd returns the text it was given, so a sentence is normally found right at the
    cursor; if not, both are walked while ignoring whitespace. If pysbd changed a
    sentence so that it no longer matches, the rest of the line becomes one sentence:
    a missed split is better than a lost sentence.
    """
    spans: list[tuple[int, int]] = []
    cursor = 0
    for sentence in sentences:
        wanted = sentence.strip()
        if not wanted:
            continue
        start = _trim(text, cursor, len(text))[0]
        if text.startswith(wanted, start):
            span = (start, start + len(wanted))
        else:
            span = _walk(text, start, wanted)
            if span is None:
                break
        spans.append(span)
        cursor = span[1]
    rest = _trim(text, cursor, len(text))
    if rest[0] < rest[1]:
        spans.append(rest)
    return spans


def _walk(text: str, start: int, wanted: str) -> tuple[int, int] | None:
    """The span from `start` whose non-space characters are those of `wanted`, if there is one."""
    pos = start
    for ch in wanted:
        if ch.isspace():
            continue
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text) or text[pos] != ch:
            return None
        pos += 1
    return start, pos


def _merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Fold into the sentence before it a span that cannot start a sentence.

    That is a span with no letter or digit (a lone "»" or ")"), or one that starts with
    a lower-case word: pysbd sometimes splits before one ("axes : 1. | la recherche",
    "i. | growth"), and no sentence of ours starts so. A word with a capital inside
    ("bioMérieux", "iPhone") is a name and may start a sentence.
    """
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        piece = text[start:end]
        first_word = _FIRST_WORD.match(piece)
        cannot_start = not any(ch.isalnum() for ch in piece) or (first_word is not None and first_word.group().islower())
        if merged and cannot_start:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def build_document(release: str, lang: str, source: SourceFile) -> Document:
    """The file's blocks, each cut into sentences; blocks left empty are dropped."""
    blocks: list[Block] = []
    segment_index = 0
    for text_block in parse_blocks(source):
        segments = []
        block_offsets = list(text_block.offsets)  # one pass over the runs, then C-speed slices
        for start, end in split_sentences(text_block.text, lang):
            text, offsets = _collapse_whitespace(text_block, start, end, block_offsets)
            if not text:
                continue
            segments.append(
                Segment(
                    text=text,
                    source=source,
                    offsets=offsets,
                    block=len(blocks),
                    block_kind=text_block.kind,
                    index=segment_index,
                )
            )
            segment_index += 1
        if segments:
            blocks.append(Block(index=len(blocks), kind=text_block.kind, segments=tuple(segments), level=text_block.level))
    return Document(release=release, lang=lang, source=source, blocks=tuple(blocks))


def _collapse_whitespace(block: TextBlock, start: int, end: int,
                         offsets: Sequence[int] | None = None) -> tuple[str, OffsetMap]:
    """`block.text[start:end]` stripped, each whitespace run one space (mapped to the run's first
    character). `offsets`: the block's offsets as a list, when the caller has them."""
    text = block.text
    offsets = block.offsets if offsets is None else offsets
    start, end = _trim(text, start, end)
    parts: list[str] = []
    kept: list[int] = []
    cursor = start
    for run in _WHITESPACE.finditer(text, start, end):
        parts.append(text[cursor : run.start()])
        kept.extend(offsets[cursor : run.start()])
        space = run.group()
        parts.append(space if space in _KEPT_SPACES else " ")
        kept.append(offsets[run.start()])
        cursor = run.end()
    parts.append(text[cursor:end])
    kept.extend(offsets[cursor:end])
    return "".join(parts), OffsetMap(kept)
