"""Terminology checks: approved renderings (TERM001), forbidden forms (TERM002), brand casing (TERM003).

One wrong term gives one finding: the three checks share one analysis of each aligned
pair, and an entry that a forbidden form or a miscased form already accounts for is not
reported as missing as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from rapidfuzz import fuzz, process

from checker.checks.context import ReleaseContext
from checker.checks.registry import check
from checker.glossary.entries import Entry, Glossary, TermMatch
from checker.glossary.lemmas import lemma_contains
from checker.glossary.mining import hyphenated_names, capitalised_names
from checker.glossary.text import fold_accents
from checker.glossary.variants import is_acronym
from checker.locales import TermLocale, get_term_locale
from checker.records import AlignedPair, Problem, Span, locate

# A near-miss this close to an approved form is reported even when the entry is also
# rendered correctly elsewhere in the sentence (source names it twice, target once right).
NEAR_MISS = 88.0
# Below this the closest stretch of the target is no real candidate: say nothing found.
CANDIDATE = 60.0

_WORD = re.compile(r"[^\s]+")
_EDGE_PUNCTUATION = "\"'“”‘’«»()[]{},.;:!?"


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
    unless the translation renders them right elsewhere in the release ("Trump said" /
    "a-t-il dit"), and a source-language form left in the target is named as such
    ("found 'NMBS' (the NL form)"). What is called "found" is a plausible rendering: it shares
    a word with the term or is close to it, never an unrelated short word ("sur" for a place
    name). A Dutch genitive ("Washingtons"), a name shortened to its last word ("Menga") and a
    possessive name rendered as an adjective ("nord-coréen") are the name.

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
        # Entries this translation renders with an approved form somewhere.
        rendered = {m.entry.id for terms in analysed for m in terms.target_all if not m.forbidden}
        for terms in analysed:
            if not terms.pair.target or not terms.source:
                continue
            yield from _missing_in_pair(context, terms, rendered)


def _missing_in_pair(context: ReleaseContext, terms: PairTerms, rendered: set[str]) -> Iterator[Problem]:
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
    locale = get_term_locale(target_lang)
    for entry_id, count in source_count.items():
        entry = entries[entry_id]
        present = target_count.get(entry_id, 0)
        if present >= count:
            continue
        if not present and not entry.case_sensitive and any(
            lemma_contains(pair.target_text, form, target_lang, entry.accent_sensitive) for form in entry.forms[target_lang]
        ):
            continue  # an irregular inflection the variants do not produce (`analyses`)
        forms = entry.forms[target_lang]
        if not present and _name_in_another_shape(pair, entry, source_spans[entry_id], locale):
            continue
        # Only a plausible stretch is a candidate: `found 'sur'` for a place name, a stretch that
        # looks like the term by letters only, would mislead.
        candidate = _closest(pair.target_text, forms, taken, locale)
        if not present and _name_like(entry, target_lang) and _last_word_of_name(pair.target_text, forms, target_lang) \
                and (candidate is None or candidate[2] < NEAR_MISS):
            continue  # `Menga` for `Dolly Menga`, `the Giants`: a name shortened to its last word
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
        elif candidate is not None and not (not _name_like(entry, target_lang) and _shortened(
                pair.target_text[candidate[0]:candidate[1]], entry.forms[target_lang], locale)):
            start, end = _tightened(pair.target_text, candidate[0], candidate[1], forms, locale)
            found = pair.target_text[start:end].strip()
            message = f"{entry.name}: expected '{expected}', found '{found}'"
        elif not _name_like(entry, target_lang):
            # "Omdat een warmtepomp ook kan koelen" / "Because it can also cool": a common noun with
            # no trace in the target was most likely replaced by a pronoun, not mistranslated.
            continue
        elif entry_id in rendered:
            # `Trump said` / `critiqua-t-il`: a name with no trace here that the translation renders
            # right elsewhere was referred to otherwise (a pronoun, a description), not mistranslated.
            continue
        else:
            start, end, found = 0, 0, None
            message = f"{entry.name}: expected '{expected}', found no rendering of it"
        yield _problem(context, pair, in_source=False, start=start, end=end, message=message, entry=entry,
                       expected=expected, found=found, source_spans=tuple(source_spans[entry_id]))


def _content_words(text: str, locale: TermLocale) -> list[str]:
    """The words of `text` that are not the language's function words, determiners or openers."""
    ignored = locale.function_words | locale.determiners | locale.sentence_openers
    words = [w.strip(_EDGE_PUNCTUATION).lower() for w in _WORD.findall(text)]
    return [w for w in words if w and w not in ignored and any(c.isalpha() for c in w)]


def _shares_a_word(stretch: str, forms: tuple[str, ...], locale: TermLocale) -> bool:
    """`lots de tâches` for `lot de travail`: a content word of the form is there, the rest changed."""
    stems = {w[:4] for form in forms for w in _content_words(form, locale) if len(w) >= 3}
    return any(w.startswith(stem) for w in _content_words(stretch, locale) for stem in stems)


def _plausible(stretch: str, score: float, forms: tuple[str, ...], locale: TermLocale) -> bool:
    """Whether a stretch of the target may be meant as a rendering of the term.

    It holds a content word, and shares a content word with a form or is close to one by
    letters; for an acronym or a short name, letters alone say little (`est` is two letters
    from `BST`): a lower-case word is no rendering of them.
    """
    content = _content_words(stretch, locale)
    if not content:
        return False
    if _shares_a_word(stretch, forms, locale):
        return True
    if score < CANDIDATE:
        return False
    short = all(is_acronym(form) or len(form.replace(" ", "")) <= 5 for form in forms)
    return not short or any(w[:1].isupper() for w in _WORD.findall(stretch))


def _name_in_another_shape(pair: AlignedPair, entry: Entry, source_spans: list[Span], locale: TermLocale) -> bool:
    """The name is there in a shape grammar gives it, not as a glossary form:

    - in the language's apostrophe-less possessive (`Washingtons beleid`);
    - as an adjective where the source has it in the possessive (`North Korea's minister` /
      `le ministre nord-coréen`, `de Noord-Koreaanse minister`);
    - by its initials (`de Algemene Vergadering van de VN`).
    """
    text, forms = pair.target_text, entry.forms[pair.target_lang]
    if _name_in_genitive(text, forms, locale):
        return True
    if _in_possessive(pair, source_spans) and _derived(text, forms, locale):
        return True
    return _name_like(entry, pair.target_lang) and _by_initials(text, forms, locale)


def _tightened(text: str, start: int, end: int, forms: tuple[str, ...], locale: TermLocale) -> tuple[int, int]:
    """A candidate longer than the term without its edge words that share nothing with it
    (`week voor de Justitie-commissie` -> `Justitie-commissie`)."""
    size = max(len(form.split()) for form in forms)
    edge_words = locale.function_words | locale.determiners | locale.sentence_openers
    words = [(m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end])]

    def foreign(span: tuple[int, int]) -> bool:
        return not _shares_a_word(text[span[0]:span[1]], forms, locale)

    while len(words) > size and foreign(words[0]):
        words.pop(0)
    while len(words) > size and foreign(words[-1]):
        words.pop()
    return _without_edge_words(text, words[0][0], words[-1][1], edge_words) if words else (start, end)


def _last_word_of_name(text: str, forms: tuple[str, ...], lang: str) -> bool:
    """The last word of a multiword name on its own, capitalised as in the glossary (a surname,
    a team): not inside a longer name (`Parliament of Wallonia` for `Walloon Parliament`)."""
    # A person's or a team's name: two or three capitalised words, nothing between them
    # (not `Science for Health`, `SPW Économie, Emploi, Recherche`, `cluster of Flanders`).
    lasts = {form.split()[-1] for form in forms if 2 <= len(form.split()) <= 3
             and all(w[:1].isupper() and w.isalpha() for w in form.split())}
    names = [(n.start, n.end) for n in capitalised_names(text, lang) + hyphenated_names(text)]
    for word in lasts:
        if len(word) < 3 or not word[:1].isupper():
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
            if not any(start <= m.start() and m.end() <= end for start, end in names):
                return True
    return False


_POSSESSIVE_AFTER = re.compile(r"['’]s?(?!\w)")


def _in_possessive(pair: AlignedPair, spans: list[Span]) -> bool:
    """Whether the source names the term in the possessive (`North Korea's`) somewhere in the pair."""
    possessives = get_term_locale(pair.source_lang).possessives
    return bool(possessives) and any(_POSSESSIVE_AFTER.match(pair.source_text, span.end) for span in spans)


def _derived(text: str, forms: tuple[str, ...], locale: TermLocale) -> bool:
    """The adjective made from a form, word for word (`nord-coréen` from `Corée du Nord`,
    `Noord-Koreaanse` from `Noord-Korea`), by the language's adjective endings."""
    tokens = [fold_accents(t.lower()) for t in re.findall(r"\w+", text)]
    for form in forms:
        words = [fold_accents(w) for w in _content_words(form.replace("-", " "), locale)]
        if not words:
            continue
        width = len(words) + 1
        for i in range(len(tokens)):
            window = tokens[i : i + width]
            if all(any(_adjective_of(t, w, locale) for t in window) for w in words):
                return True
    return False


def _adjective_of(token: str, word: str, locale: TermLocale) -> bool:
    """`coreen` of `coree`, `koreaanse` of `korea`: the word, or the word less its final vowels,
    with one of the language's adjective endings."""
    stems = {word, word[:-1] if word[-1:] in "aeiouy" else word, word.rstrip("aeiouy")}
    return any(len(stem) >= 3 and token.startswith(stem) and token[len(stem):] in locale.adjective_endings
               for stem in stems)


def _by_initials(text: str, forms: tuple[str, ...], locale: TermLocale) -> bool:
    """The acronym of a name of two words or more, from the initials of its content words
    (`VN` for `Verenigde Naties`), written in the text as a word of its own."""
    for form in forms:
        words = [w for w in form.replace("-", " ").split() if w.lower() not in locale.function_words]
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            continue
        initials = "".join(w[0] for w in words).upper()
        if re.search(rf"(?<![\w-]){re.escape(initials)}(?![\w-])", text):
            return True
    return False


def _name_in_genitive(text: str, forms: tuple[str, ...], locale: TermLocale) -> bool:
    """A capitalised name with the language's apostrophe-less possessive (`Washingtons`), as written."""
    return any(
        re.search(rf"(?<!\w){re.escape(form)}{re.escape(ending)}(?!\w)", text)
        for form in forms if form[:1].isupper() for ending in locale.name_genitives
    )


def _in_capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 8 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _shortened(stretch: str, forms: tuple[str, ...], locale: TermLocale) -> bool:
    """`la transition` for `transition énergétique`: only the term's own words, fewer of them."""
    own = {w.lower() for form in forms for w in _WORD.findall(form)}
    words = [w.lower() for w in _WORD.findall(stretch) if len(w) >= 3 and w.lower() not in locale.determiners]
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


def _closest(text: str, forms: tuple[str, ...], taken: list[tuple[int, int]],
             locale: TermLocale) -> tuple[int, int, float] | None:
    """The plausible stretch of `text` (whole words) most like one of `forms`: (start, end, score 0-100)."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    best: tuple[int, int, float] | None = None
    for form in forms:
        size = len(form.split())
        stretches = _stretches(text, words, range(max(1, size - 1), size + 2), taken, locale)
        if not stretches:
            continue
        choices = [text[a:b].lower() for a, b in stretches]
        wanted = form.lower()
        # Word order changes too (`Walloon Public Service` for `Public Service of Wallonia`).
        for scorer in (fuzz.ratio, fuzz.token_sort_ratio):
            for _, score, index in process.extract(wanted, choices, scorer=scorer, limit=None):
                if best is not None and score <= best[2]:
                    break  # sorted best first: nothing better follows
                start, end = stretches[index]
                if _plausible(text[start:end], score, forms, locale):
                    best = (start, end, score)
                    break
    return best


def _stretches(text: str, words: list[tuple[int, int]], widths: range,
               taken: list[tuple[int, int]], locale: TermLocale) -> list[tuple[int, int]]:
    elision = _elision_pattern(locale)
    edge_words = locale.function_words | locale.determiners | locale.sentence_openers
    out = []
    for width in widths:
        for i in range(0, len(words) - width + 1):
            start, end = words[i][0], words[i + width - 1][1]
            while start < end and text[start] in _EDGE_PUNCTUATION:
                start += 1
            while end > start and text[end - 1] in _EDGE_PUNCTUATION:
                end -= 1
            elided = elision.match(text[start:end])
            if elided:
                start += elided.end()  # `l'Economie`: the article is no part of the candidate
            start, end = _without_edge_words(text, start, end, edge_words)
            if end > start and not any(start < t_end and end > t_start for t_start, t_end in taken):
                out.append((start, end))
    return out


def _capitalised_to_open(text: str, match: TermMatch) -> bool:
    """A lower-case form written with only its first letter raised where a sentence or a
    heading starts (after a full stop, colon, quote or at the start): grammar, not a casing error."""
    form, found = match.form, match.text
    if not form[:1].islower() or found[:1] != form[:1].upper() or found[1:] != form[1:]:
        return False
    before = text[: match.start].rstrip(" \u00a0\"'“‘«(")
    return not before or before[-1] in ".!?:;…"


@lru_cache(maxsize=None)
def _elision_pattern(locale: TermLocale) -> re.Pattern[str]:
    if not locale.elisions:
        return re.compile(r"(?!)")
    alternatives = "|".join(re.escape(e[:-1]) for e in sorted(locale.elisions, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})['’](?=\w)", re.IGNORECASE)


def _without_edge_words(text: str, start: int, end: int, edge_words: frozenset[str]) -> tuple[int, int]:
    """`comme Parlement` -> `Parlement`: function words at the edges of a candidate are no part of it."""
    words = [(m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end])]
    while words and text[words[0][0]:words[0][1]].strip(_EDGE_PUNCTUATION).lower() in edge_words:
        words.pop(0)
    while words and text[words[-1][0]:words[-1][1]].strip(_EDGE_PUNCTUATION).lower() in edge_words:
        words.pop()
    if not words:
        return start, start
    first, last = words[0][0], words[-1][1]
    while first < last and text[first] in _EDGE_PUNCTUATION:
        first += 1
    while last > first and text[last - 1] in _EDGE_PUNCTUATION:
        last -= 1
    return first, last


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
    reported only when the source sentence names the entry, since it may be an ordinary word;
    a lower-case form with a capital only because it opens a sentence (`Bpost investit`) is
    not miscased.

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
                if _capitalised_to_open(terms.pair.target_text, match):
                    continue  # `Hiv heeft zich ...`, `Bpost investit`: a sentence starts with a capital
                expected = match.form
                yield _problem(context, terms.pair, in_source=False, start=match.start, end=match.end,
                               message=f"{match.entry.name}: casing '{match.text}', expected '{expected}'",
                               entry=match.entry, expected=expected, found=match.text)
