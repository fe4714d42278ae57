"""Terminology checks: approved renderings (TERM001), forbidden forms (TERM002), brand casing (TERM003).

One wrong term gives one finding: the three checks share one analysis of each aligned
pair, and an entry that a forbidden form or a miscased form already accounts for is not
reported as missing as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from rapidfuzz import fuzz, process

from checker.checks.context import ReleaseContext
from checker.checks.registry import check
from checker.glossary.entries import Entry, Glossary, TermMatch
from checker.glossary.lemmas import lemma_contains
from checker.records import AlignedPair, Problem, Span, locate

# A near-miss this close to an approved form is reported even when the entry is also
# rendered correctly elsewhere in the sentence (source names it twice, target once right).
NEAR_MISS = 88.0
# Below this the closest stretch of the target is no real candidate: say nothing found.
CANDIDATE = 60.0

_WORD = re.compile(r"[^\s]+")
_EDGE_PUNCTUATION = "\"'“”‘’«»()[]{},.;:!?"
# Words that do not change what a shortened term refers to ("pas de transition", "no transition").
_FUNCTION_WORDS = frozenset({"the", "this", "that", "these", "not", "les", "des", "une", "cette", "ces", "pas",
                             "het", "een", "deze", "dit", "die", "geen", "niet"})
_ELISION = re.compile(r"[cdjlmnst]['’](?=\w)", re.IGNORECASE)


@dataclass(frozen=True)
class PairTerms:
    """The glossary's view of one aligned pair."""

    pair: AlignedPair
    source: tuple[TermMatch, ...]  # leftmost-longest
    target: tuple[TermMatch, ...]  # leftmost-longest
    target_all: tuple[TermMatch, ...]  # nested hits included, to tell whether an entry is there at all


def analyse(context: ReleaseContext) -> dict[str, list[PairTerms]]:
    """Glossary matches of every pair of the release, per target language (computed once)."""
    return context.memo("glossary-matches", lambda: _match_release(context))


def _match_release(context: ReleaseContext) -> dict[str, list[PairTerms]]:
    glossary: Glossary = context.glossary
    result: dict[str, list[PairTerms]] = {}
    # Every target language is aligned with the same source sentences: match those once.
    source_matches: dict[tuple[str, str], tuple[TermMatch, ...]] = {}
    for lang, pairs in context.pairs.items():
        analysed = []
        for pair in pairs:
            key = (pair.source_text, pair.source_lang)
            if key not in source_matches:
                source_matches[key] = tuple(glossary.find(pair.source_text, pair.source_lang))
            target, target_all = glossary.find_both(pair.target_text, pair.target_lang)
            analysed.append(PairTerms(pair=pair, source=source_matches[key], target=tuple(target),
                                      target_all=tuple(target_all)))
        result[lang] = analysed
    return result


def _has_glossary(context: ReleaseContext) -> bool:
    return context.glossary is not None and len(context.glossary) > 0


def _problem(context: ReleaseContext, pair: AlignedPair, *, in_source: bool, start: int, end: int, message: str,
             entry: Entry, expected: str | None, found: str | None,
             source_spans: tuple[Span, ...] = ()) -> Problem:
    segments = pair.source if in_source else pair.target
    file, line, column = locate(segments, start)
    spans = (Span(start, end),) if end > start else ()  # nothing to mark when the term is absent
    return Problem(
        release=context.release,
        source_lang=pair.source_lang,
        lang=pair.source_lang if in_source else pair.target_lang,
        file=file,
        line=line,
        column=column,
        message=message,
        source=pair.source_text,
        target=pair.target_text,
        target_lang=pair.target_lang,
        expected=expected,
        found=found,
        source_spans=spans if in_source else source_spans,
        target_spans=() if in_source else spans,
        extra=(("note", entry.note),) if entry.note else (),
    )


@check("TERM001", "missing-approved-term", "term", "error", needs_glossary=True)
def missing_approved_term(context: ReleaseContext) -> Iterator[Problem]:
    """Source sentence names a glossary term; its translation lacks every approved rendering.

    ## What it does
    For each glossary entry found in a source sentence (inflected, hyphenated and elided
    forms included), checks that the aligned target sentence contains one of the entry's
    forms in the target language; an irregular inflection is checked by lemma (simplemma)
    before the term is called missing. The finding points at the closest stretch of the
    target (fuzzy match) when there is one, else at the start of the target sentence.
    Naming a term fewer times than the source is not an error on its own (pronouns), only
    when a near-miss of the term stands in for it. A common noun with no trace in the target
    ("warmtepomp" / "it") is taken for a pronoun and not reported; names and acronyms are,
    and a source-language form left in the target is named as such ("found 'NMBS' (the NL form)").

    ## Why is this bad?
    A concept rendered differently from release to release reads as two different things:
    partners, journalists and funders search for the official name.

    ## Example
    ```
    nl: Het Technologisch Innovatiepartnerschap (PIT) telt 26 partners.
    fr: Le partenariat technologique (PIT) compte 26 partenaires.
    ```

    ## Use instead
    ```
    fr: Le Partenariat d'Innovation Technologique (PIT) compte 26 partenaires.
    ```
    """
    if not _has_glossary(context):
        return
    for lang, analysed in analyse(context).items():
        for terms in analysed:
            if not terms.pair.target or not terms.source:
                continue
            yield from _missing_in_pair(context, terms)


def _missing_in_pair(context: ReleaseContext, terms: PairTerms) -> Iterator[Problem]:
    pair = terms.pair
    target_lang = pair.target_lang
    source_count: dict[str, int] = {}
    source_spans: dict[str, list[Span]] = {}
    entries: dict[str, Entry] = {}
    for match in terms.source:
        # A miscased source form of a case-sensitive entry may be an ordinary word (`namen`).
        if not match.entry.forms.get(target_lang) or not match.exact_case:
            continue
        source_count[match.entry.id] = source_count.get(match.entry.id, 0) + 1
        source_spans.setdefault(match.entry.id, []).append(Span(match.start, match.end))
        entries[match.entry.id] = match.entry
    target_count: dict[str, int] = {}
    for match in terms.target:
        target_count[match.entry.id] = target_count.get(match.entry.id, 0) + 1
    for match in terms.target_all:
        # Nested inside another entry's name (`SPW` in `SPW Économie, Emploi, Recherche`): present once.
        target_count.setdefault(match.entry.id, 1)
    # Stretches already accounted for by some entry are no candidate for another one.
    taken = [(m.start, m.end) for m in terms.target_all]
    for entry_id, count in source_count.items():
        entry = entries[entry_id]
        present = target_count.get(entry_id, 0)
        if present >= count:
            continue
        if not present and not entry.case_sensitive and any(
            lemma_contains(pair.target_text, form, target_lang, entry.accent_sensitive) for form in entry.forms[target_lang]
        ):
            continue  # an irregular inflection the variants do not produce (`analyses`)
        candidate = _closest(pair.target_text, entry.forms[target_lang], taken)
        if present:
            # Fewer mentions than in the source is normal (pronouns): only a near-miss counts.
            if candidate is None or candidate[2] < NEAR_MISS:
                continue
        expected = entry.forms[target_lang][0]
        leftover = _untranslated(pair.target_text, entry, pair.source_lang, target_lang)
        if leftover is not None:
            start, end = leftover
            found = pair.target_text[start:end]
            message = f"{entry.name}: expected '{expected}', found '{found}' (the {pair.source_lang.upper()} form)"
        elif candidate is not None and (candidate[2] >= CANDIDATE or
                                        _shares_a_word(pair.target_text[candidate[0]:candidate[1]], entry.forms[target_lang])) \
                and not (not _name_like(entry, target_lang)
                         and _shortened(pair.target_text[candidate[0]:candidate[1]], entry.forms[target_lang])):
            start, end, _ = candidate
            found = pair.target_text[start:end].strip()
            message = f"{entry.name}: expected '{expected}', found '{found}'"
        elif not _name_like(entry, target_lang):
            # "Omdat een warmtepomp ook kan koelen" / "Because it can also cool": a common noun with
            # no trace in the target was most likely replaced by a pronoun, not mistranslated.
            continue
        else:
            start, end, found = 0, 0, None
            message = f"{entry.name}: expected '{expected}', found no rendering of it"
        yield _problem(context, pair, in_source=False, start=start, end=end, message=message, entry=entry,
                       expected=expected, found=found, source_spans=tuple(source_spans[entry_id]))


def _shares_a_word(stretch: str, forms: tuple[str, ...]) -> bool:
    """`lots de tâches` for `lot de travail`: a content word of the form is there, the rest changed."""
    stems = {w.lower()[:4] for form in forms for w in _WORD.findall(form) if len(w) >= 3}
    return any(w.lower().startswith(stem) for w in _WORD.findall(stretch) for stem in stems)


def _in_capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 8 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _shortened(stretch: str, forms: tuple[str, ...]) -> bool:
    """`la transition` for `transition énergétique`: only the term's own words, fewer of them."""
    own = {w.lower() for form in forms for w in _WORD.findall(form)}
    words = [w.lower() for w in _WORD.findall(stretch) if len(w) >= 3 and w.lower() not in _FUNCTION_WORDS]
    return bool(words) and all(w in own for w in words) and len(words) < max(len(_WORD.findall(f)) for f in forms)


def _name_like(entry: Entry, lang: str) -> bool:
    """Names and acronyms (capitals, do-not-translate, case-sensitive) are not replaced by pronouns."""
    return entry.case_sensitive or any(any(ch.isupper() for ch in form) for form in entry.forms.get(lang, ()))


def _untranslated(text: str, entry: Entry, source_lang: str, target_lang: str) -> tuple[int, int] | None:
    """Where the target keeps a source-language form that is not also a target form (`la NMBS`)."""
    target_forms = {form.lower() for form in entry.forms.get(target_lang, ())}
    for form in entry.forms.get(source_lang, ()):
        if form.lower() in target_forms:
            continue
        match = re.search(rf"(?<![\w]){re.escape(form)}(?![\w])", text, re.IGNORECASE)
        if match:
            return match.start(), match.end()
    return None


def _closest(text: str, forms: tuple[str, ...], taken: list[tuple[int, int]]) -> tuple[int, int, float] | None:
    """The stretch of `text` (whole words) most like one of `forms`: (start, end, score 0-100)."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    best: tuple[int, int, float] | None = None
    for form in forms:
        size = len(form.split())
        stretches = _stretches(text, words, range(max(1, size - 1), size + 2), taken)
        if not stretches:
            continue
        choices = [text[a:b].lower() for a, b in stretches]
        wanted = form.lower()
        # Word order changes too (`Walloon Public Service` for `Public Service of Wallonia`).
        for scorer in (fuzz.ratio, fuzz.token_sort_ratio):
            _, score, index = process.extractOne(wanted, choices, scorer=scorer)
            if best is None or score > best[2]:
                best = (*stretches[index], score)
    return best


def _stretches(text: str, words: list[tuple[int, int]], widths: range,
               taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for width in widths:
        for i in range(0, len(words) - width + 1):
            start, end = words[i][0], words[i + width - 1][1]
            while start < end and text[start] in _EDGE_PUNCTUATION:
                start += 1
            while end > start and text[end - 1] in _EDGE_PUNCTUATION:
                end -= 1
            if _ELISION.match(text, start, end):
                start += 2  # `l'Economie`: the article is no part of the candidate
            if end > start and not any(start < t_end and end > t_start for t_start, t_end in taken):
                out.append((start, end))
    return out


@check("TERM002", "forbidden-term", "term", "error", needs_glossary=True)
def forbidden_term(context: ReleaseContext) -> Iterator[Problem]:
    """A form the glossary forbids appears in a sentence.

    ## What it does
    Reports every forbidden form of a glossary entry, wherever it appears: in a target
    sentence (pointing at the translation) and in a source sentence (pointing at the
    source file, once, however many languages it is aligned with).

    ## Why is this bad?
    Forbidden forms are the known wrong renderings: a near-miss name
    (`Advanced Therapy Medical Products`) or a superseded one that must not come back.

    ## Example
    ```
    en: The Technology Innovation Partnership brings together 26 partners.
    ```

    ## Use instead
    ```
    en: The Technological Innovation Partnership brings together 26 partners.
    ```
    """
    if not _has_glossary(context):
        return
    reported_source: set[tuple[str, int, int]] = set()
    for lang, analysed in analyse(context).items():
        for terms in analysed:
            pair = terms.pair
            for match in terms.source:
                if not match.forbidden:
                    continue
                where = locate(pair.source, match.start)
                if where in reported_source:
                    continue
                reported_source.add(where)
                yield _forbidden(context, pair, match, in_source=True)
            for match in terms.target:
                if match.forbidden:
                    yield _forbidden(context, pair, match, in_source=False)


def _forbidden(context: ReleaseContext, pair: AlignedPair, match: TermMatch, in_source: bool) -> Problem:
    entry = match.entry
    expected = entry.preferred(match.lang)
    advice = f": use '{expected}'" if expected else ""
    return _problem(context, pair, in_source=in_source, start=match.start, end=match.end,
                    message=f"{entry.name}: forbidden form '{match.text}'{advice}",
                    entry=entry, expected=expected, found=match.text)


@check("TERM003", "term-casing", "term", "error", needs_glossary=True)
def term_casing(context: ReleaseContext) -> Iterator[Problem]:
    """A case-sensitive glossary term (brand, acronym) is written with the wrong capitals.

    ## What it does
    For entries marked `case_sensitive: true`, reports a target form that matches the
    glossary only when case is ignored. A miscased form that is all lowercase (`pit`) is
    reported only when the source sentence names the entry, since it may be an ordinary word.

    ## Why is this bad?
    Brand names and acronyms have one spelling: `MEDVIA`, `BioWin`, `ATMP`.

    ## Example
    ```
    en: Medvia represents 150 members.
    ```

    ## Use instead
    ```
    en: MEDVIA represents 150 members.
    ```
    """
    if not _has_glossary(context):
        return
    for lang, analysed in analyse(context).items():
        for terms in analysed:
            in_source = {m.entry.id for m in terms.source if m.exact_case}
            for match in terms.target:
                if match.exact_case or match.forbidden:
                    continue
                if match.text.islower() and match.entry.id not in in_source:
                    continue
                if _in_capitals(terms.pair.target_text):
                    continue  # a heading in capitals: `ELIA` there says nothing about the brand's casing
                expected = match.form
                yield _problem(context, terms.pair, in_source=False, start=match.start, end=match.end,
                               message=f"{match.entry.name}: casing '{match.text}', expected '{expected}'",
                               entry=match.entry, expected=expected, found=match.text)
