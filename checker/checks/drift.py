"""DRIFT001: one source term rendered in different ways across releases (no glossary needed)."""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterator, Sequence

from checker.checks.context import CorpusContext, ReleaseContext
from checker.checks.registry import check
from checker.glossary.entries import TermMatch
from checker.glossary.mining import MinedPair, Phrase, TermOccurrence, collect_mined, inflection_keys, mine_pair, term_key
from checker.locales import get_term_locale
from checker.records import AlignedPair, Problem, Segment, Span, offset_runs

# A term must recur in at least this many releases before its renderings are compared.
MIN_RELEASES = 2


@dataclass(frozen=True, slots=True)
class DriftPair:
    """What DRIFT001 keeps of one aligned pair: its joined texts, languages, where its target
    sentence starts in the document, how to turn a target character into line and column, and
    the glossary's say over its spans. No segment or file text: a release's part stays small."""

    source_text: str
    target_text: str
    source_lang: str
    target_lang: str
    target_index: int  # the first target segment's index in its document (for the majority's tie-break)
    target_file: str
    # Per target segment: where it starts in the joined text, its length, its number of offsets,
    # and the (character index in it, line, column) where each stretch of its characters that
    # stand one after another on one line of the file begins.
    target_positions: tuple[tuple[int, int, int, tuple[tuple[int, int, int], ...]], ...]
    fixed_spans: tuple[tuple[int, int], ...] = ()  # source spans of glossary entries with a target form
    forbidden_spans: tuple[tuple[int, int], ...] = ()  # target spans of forbidden glossary forms

    def locate(self, char_index: int) -> tuple[str, int, int]:
        """(file, line, column) of a character of the target text, as `records.locate` gives it."""
        last = len(self.target_positions) - 1
        for k, (start, length, count, stretches) in enumerate(self.target_positions):
            if char_index <= start + length or k == last:
                if not stretches:
                    return self.target_file, 1, 1
                index = min(max(char_index - start, 0), count - 1)
                at = bisect.bisect_right(stretches, (index, 1 << 62, 0)) - 1
                first, line, column = stretches[at]
                return self.target_file, line, column + index - first
        return self.target_file, 1, 1


@dataclass(frozen=True)
class DriftRelease:
    """One release as DRIFT001's corpus-wide step reads it, made where the release is checked.

    `pairs` are the mined pairs with a source term, in document order per target language;
    `other_candidates` the (target lang, candidate texts) of the pairs without one, which only
    count towards how often a target name occurs.
    """

    release: str
    pairs: tuple[MinedPair, ...]
    other_candidates: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def precompute(self) -> None:
        """Key every term and candidate of the release now (`term_key` is memoised; the lemma
        dictionaries load on the first call), so that the reduce finds them done: the pipeline
        calls this as each release's record arrives, while the others are still being checked."""
        for mined in self.pairs:
            pair = mined.pair
            for phrase in mined.terms:
                term_key(phrase.text, pair.source_lang)
            for phrase in mined.candidates:
                term_key(phrase.text, pair.target_lang)
        for lang, texts in self.other_candidates:
            for text in texts:
                term_key(text, lang)


def mine_release(ctx: ReleaseContext) -> DriftRelease:
    """The map step of DRIFT001: one release's terms, candidates and glossary spans."""
    glossary = ctx.glossary if ctx.glossary is not None and len(ctx.glossary) else None

    @lru_cache(maxsize=None)
    def matches(text: str, lang: str) -> tuple[tuple[TermMatch, ...], tuple[TermMatch, ...]]:
        longest, every = glossary.find_both(text, lang)
        return tuple(longest), tuple(every)

    def glossary_terms(pair: AlignedPair) -> list[Phrase]:
        # Entries with forms in the target language are the term checks' business.
        return [Phrase(m.text, m.start, m.end, "glossary") for m in matches(pair.source_text, pair.source_lang)[0]
                if not m.entry.forms.get(pair.target_lang)]

    kept: list[MinedPair] = []
    others: list[tuple[str, tuple[str, ...]]] = []
    for pairs in ctx.pairs.values():
        for pair in pairs:
            mined = mine_pair(pair, glossary_terms if glossary is not None else None)
            if mined is None:
                continue
            if not mined.terms:
                if mined.candidates:
                    others.append((pair.target_lang, tuple(dict.fromkeys(c.text for c in mined.candidates))))
                continue
            fixed, forbidden = (), ()
            if glossary is not None:
                fixed = tuple((m.start, m.end) for m in matches(pair.source_text, pair.source_lang)[1]
                              if m.entry.forms.get(pair.target_lang))
                forbidden = tuple((m.start, m.end) for m in matches(pair.target_text, pair.target_lang)[0] if m.forbidden)
            target = pair.target
            slim = DriftPair(pair.source_text, pair.target_text, pair.source_lang, pair.target_lang,
                             target[0].index, target[0].file, _positions(target), fixed, forbidden)
            kept.append(MinedPair(slim, mined.terms, mined.candidates))
    return DriftRelease(ctx.release, tuple(kept), tuple(others))


@check("DRIFT001", "terminology-drift", "drift", "warning", scope="corpus", prepare=mine_release)
def terminology_drift(corpus: CorpusContext) -> Iterator[Problem]:
    """A recurring source term is translated in two or more different ways across releases.

    ## What it does
    Mines the aligned corpus for recurring source terms (acronyms and their expansions,
    capitalised multiword names, the glossary's source-language terms) and the rendering
    each gets in the aligned target sentence. When a term has several renderings, reports
    every occurrence of the minority renderings, with the counts and releases of each.
    Renderings that differ by grammar only count as one: a plural (`ATMP` / `ATMPs`), an
    elided article (`l'Agence`), a derived adjective (`Noord-Korea` / `Noord-Koreaanse`), or
    another name run into the rendering (`Algemene Vergadering van de Verenigde Naties`).
    Terms the glossary already fixes for the target language are left to TERM001-TERM003.

    ## Why is this bad?
    Readers take two names for two things. Drift is how a glossary starts: pick one
    rendering and add it to `glossaries/`.

    ## Example
    ```
    2024-01 en: the Public Service of Wallonia (SPW)
    2024-06 en: the Walloon Public Service (SPW)
    ```

    ## Use instead
    ```
    2024-06 en: the Public Service of Wallonia (SPW)
    ```
    """
    parts = list(corpus.prepared.get("DRIFT001", ()))
    if corpus.releases:  # contexts handed over whole (tests, `glossary suggest`-like callers): mine them here
        parts += [mine_release(replace(ctx, glossary=corpus.glossary)) for ctx in corpus.releases]
    stats = collect_mined([(part.release, pair) for part in parts for pair in part.pairs],
                          (other for part in parts for other in part.other_candidates))
    for (key, lang), term in sorted(stats.items()):
        occurrences = [o for o in term.occurrences
                       if o.rendering_key and not _fixed_by_glossary(o)]
        if len({o.release for o in term.occurrences}) < MIN_RELEASES:
            continue
        variants: dict[str, list[TermOccurrence]] = defaultdict(list)
        for occurrence in occurrences:
            variants[occurrence.rendering_key].append(occurrence)
        variants = _merge_same_renderings(variants, lang)
        if len(variants) < 2:
            continue
        # The majority rendering: most occurrences, then most releases, then the first seen.
        first_seen = {k: min(_order(o) for o in v) for k, v in variants.items()}
        majority = min(variants, key=lambda k: (-len(variants[k]), -len({o.release for o in variants[k]}), first_seen[k]))
        summary = {k: _describe(v) for k, v in variants.items()}
        usual = Counter(o.rendering for o in variants[majority]).most_common(1)[0][0]
        for rendering_key, group in sorted(variants.items()):
            if rendering_key == majority:
                continue
            others = "; ".join(summary[k] for k in sorted(variants, key=lambda k: -len(variants[k])) if k != rendering_key)
            for occurrence in group:
                yield _problem(occurrence, usual, summary[rendering_key], others)


def _merge_same_renderings(variants: dict[str, list[TermOccurrence]], lang: str) -> dict[str, list[TermOccurrence]]:
    """Renderings that differ by grammar only are one rendering (see `_same_rendering`); the
    most frequent of a group names it."""
    if len(variants) < 2:
        return variants
    keys = sorted(variants, key=lambda k: (-len(variants[k]), k))
    expanded = {k: frozenset().union(*(inflection_keys(o.rendering, lang) for o in variants[k])) for k in keys}
    connectors = get_term_locale(lang).name_connectors | get_term_locale(lang).articles
    # Per key, the key words written with a capital in its renderings: the words of a name.
    capitalised = {k: frozenset(term_key(w, lang) for o in variants[k] for w in o.rendering.replace("-", " ").split()
                                if w[:1].isupper()) for k in keys}
    parent = {k: k for k in keys}

    def root(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if root(a) != root(b) and _same_rendering(a, b, expanded, connectors, capitalised):
                parent[root(b)] = root(a)
    merged: dict[str, list[TermOccurrence]] = {}
    for key in keys:  # most frequent first: each group is named by its most frequent rendering
        merged.setdefault(root(key), []).extend(variants[key])
    return merged


def _same_rendering(a: str, b: str, expanded: dict[str, frozenset[str]], connectors: frozenset[str],
                    capitalised: dict[str, frozenset[str]]) -> bool:
    """Whether two rendering keys name the term the same way.

    - one inflects the other (`ATMP` / `ATMPs`, `werkpakket` / `werkpakketten`): the number
      follows the sentence;
    - word for word, one word derives from the other (`Noord-Korea` / `Noord-Koreaanse` for
      `North Korea's`, `Noord-Koreaan` / `Noord-Koreaans`): the grammar of the sentence;
    - one is the other followed or preceded by another name, through a connector
      (`Algemene Vergadering van de Verenigde Naties` for `U.N. General Assembly`) or right
      beside it (`in Wales Mevrouw Davis`, a full stop missing): the span ran into the next name.
    """
    if a in expanded[b] or b in expanded[a]:
        return True
    words_a, words_b = a.split(), b.split()
    if len(words_a) == len(words_b) and all(
        x == y or (min(len(x), len(y)) >= 4 and (x.startswith(y) or y.startswith(x))) for x, y in zip(words_a, words_b)
    ):
        return True
    (short, _), (long, long_key) = sorted(((words_a, a), (words_b, b)), key=lambda k: len(k[0]))
    n = len(short)
    if len(long) > n:
        names = capitalised[long_key]
        if long[:n] == short and (long[n] in connectors and len(long) > n + 1 or all(w in names for w in long[n:])):
            return True
        if long[-n:] == short and (long[-n - 1] in connectors and len(long) > n + 1
                                   or all(w in names for w in long[:-n])):
            return True
    return False


def _order(occurrence: TermOccurrence) -> tuple[str, int]:
    return occurrence.release, occurrence.pair.target_index


def _describe(group: list[TermOccurrence]) -> str:
    releases = sorted({o.release for o in group})
    rendering = Counter(o.rendering for o in group).most_common(1)[0][0]
    return f"'{rendering}' {len(group)}× in {', '.join(releases)}"


def _fixed_by_glossary(occurrence: TermOccurrence) -> bool:
    """The glossary decides this term in this target language: TERM001-003 report it, not drift."""
    pair = occurrence.pair
    if any(start < occurrence.source_end and occurrence.source_start < end for start, end in pair.fixed_spans):
        return True
    return any(start < occurrence.target_end and occurrence.target_start < end for start, end in pair.forbidden_spans)


def _positions(segments: Sequence[Segment]) -> tuple[tuple[int, int, int, tuple[tuple[int, int, int], ...]], ...]:
    """`DriftPair.target_positions` of `segments`."""
    out = []
    pos = 0
    for seg in segments:
        line_starts = seg.source.line_starts
        stretches = []
        for index, origin, length in offset_runs(seg.offsets):
            # a run of consecutive offsets, cut where a line of the file begins inside it
            cuts = line_starts[bisect.bisect_right(line_starts, origin):bisect.bisect_left(line_starts, origin + length)]
            for at in (origin, *cuts):
                line, column = seg.source.position(at)
                stretches.append((index + at - origin, line, column))
        out.append((pos, len(seg.text), len(seg.offsets), tuple(stretches)))
        pos += len(seg.text) + 1
    return tuple(out)


def _problem(occurrence: TermOccurrence, usual: str, this: str, others: str) -> Problem:
    pair = occurrence.pair
    file, line, column = pair.locate(occurrence.target_start)
    return Problem(
        release=occurrence.release,
        source_lang=pair.source_lang,
        lang=pair.target_lang,
        file=file,
        line=line,
        column=column,
        message=f"'{occurrence.term}' is rendered {this}, but {others}",
        source=pair.source_text,
        target=pair.target_text,
        target_lang=pair.target_lang,
        expected=usual,
        found=occurrence.rendering,
        source_spans=(Span(occurrence.source_start, occurrence.source_end),),
        target_spans=(Span(occurrence.target_start, occurrence.target_end),),
    )
