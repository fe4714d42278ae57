"""Mining the aligned corpus for names and their renderings (for `glossary suggest` and DRIFT001).

Three kinds of source terms are mined, the ones a press office names again and again:
acronyms with their expansion (`Technologisch Innovatiepartnerschap (PIT)`), capitalised
multiword names (`Waals Herstelplan`), and the glossary's own source-language terms.
Their rendering in an aligned target sentence is found, most certain first: the same
string (names that are not translated), the expansion in front of the matching
parenthesised acronym, or the target name that co-occurs with the source term most
consistently across the corpus (Dice coefficient over aligned pairs).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Callable, Iterable

from rapidfuzz import fuzz

from checker.glossary.text import fold_accents, view
from checker.glossary.variants import form_variants, is_acronym
from checker.locales import get_term_locale, term_locales
from checker.records import AlignedPair

# How like a known rendering a target name must be to count as another rendering of the term.
RENDERING_SIMILARITY = 70.0

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|&")
_ACRONYM_IN_PARENS = re.compile(r"\(\s*([A-Z][A-Za-z0-9&]*[A-Z0-9])\s*\)")


@dataclass(frozen=True)
class _NameWords:
    """The words that shape a name, from every language's table (see `_name_words`)."""

    connectors: frozenset[str]  # may sit inside a name between capitalised words
    articles: frozenset[str]  # the second word of a two-word connector (`pour le`, `van de`, `of the`)
    openers: frozenset[str]  # capitalised only because they open a sentence: never the start of a name
    conjunctions: frozenset[str]
    function_words: frozenset[str]
    elided: re.Pattern[str]  # an elided article glued to a word (`l'Europe`)
    possessive: re.Pattern[str]  # a possessive ending (`Korea's`)


@lru_cache(maxsize=None)
def _name_words(lang: str | None = None) -> _NameWords:
    """The words that shape a name in a sentence of `lang` (None: any language).

    Names cross languages (`Science for Health` in a Dutch release), so the words that join a
    name are every language's, except those that are ordinary words of the sentence's own:
    French `en` is "in" (`Rapid Wien en Ligue Europa` is two names), Dutch `en` is "and". Those
    that cannot start one (openers), elided articles and possessives are every language's: a
    French quote may open an English sentence.
    """
    locales = term_locales()
    own = get_term_locale(lang) if lang is not None else None

    def union(attribute: str) -> frozenset[str]:
        words = frozenset().union(*(getattr(t, attribute) for t in locales))
        if own is None:
            return words
        return getattr(own, attribute) | (words - own.function_words)

    function_words = union("function_words")
    elisions = sorted({e for t in locales for e in t.elisions}, key=len, reverse=True)
    possessives = sorted({p for t in locales for p in t.possessives}, key=len, reverse=True)
    return _NameWords(
        connectors=union("name_connectors"),
        articles=union("articles"),
        openers=function_words | frozenset().union(*(t.sentence_openers for t in locales)),  # every language's
        conjunctions=union("conjunctions"),
        function_words=function_words,
        elided=_alternation(elisions, r"^(?:{})(?=\w)"),
        possessive=_alternation(possessives, r"(?<=\w)(?:{})$"),
    )


def _alternation(words: list[str], shape: str) -> re.Pattern[str]:
    """`words` (apostrophes in any typography) as one case-insensitive regex of `shape`."""
    if not words:
        return re.compile(r"(?!)")
    alternatives = "|".join(re.escape(w).replace("'", "['’]") for w in words)
    return re.compile(shape.format(alternatives), re.IGNORECASE)


@dataclass(frozen=True)
class TermOccurrence:
    """A source term in one aligned pair, and how the target sentence renders it (if found)."""

    term: str  # the source term as written
    key: str  # its normalised key (case, accents, inflection)
    kind: str  # "expansion", "acronym", "name", "glossary"
    pair: AlignedPair
    release: str
    source_start: int
    source_end: int
    rendering: str | None = None
    rendering_key: str | None = None
    target_start: int = 0
    target_end: int = 0
    acronym: str = ""  # for expansions: the acronym defined with them


@dataclass(frozen=True, slots=True)  # kept per mined pair for the corpus-wide step: small
class Phrase:
    text: str
    start: int
    end: int
    kind: str
    acronym: str = ""  # for expansions: the acronym in parentheses after them


@lru_cache(maxsize=65536)
def term_key(text: str, lang: str) -> str:
    """Case-, accent- and inflection-insensitive key: `Lots de travail` ~ `lot de travail`.

    An article in front (`l'ATMP`, `the Walloon Recovery Plan`), a possessive (`Korea's`) and an
    acronym's plural (`ATMPs`) are no part of the key: they are grammar, not another rendering.
    """
    locale = get_term_locale(lang)
    words = view(text).cased.split()
    while len(words) > 1 and words[0].lower() in locale.articles:
        words = words[1:]
    if words:
        words[0] = _name_words().elided.sub("", words[0])
    out = []
    for word in words:
        word = _name_words().possessive.sub("", word)
        stem = _acronym_stem(word, locale.acronym_plurals)
        if stem:
            out.append(stem.lower())
            continue
        for piece in word.replace("'", " ").split():
            if piece.lower() in locale.function_words:  # simplemma reads French `des` as `un`
                out.append(piece.lower())
                continue
            lemma = _lemmatize(piece, locale.lemma_language) if locale.lemma_language else piece
            out.append(fold_accents(lemma.lower()))
    return " ".join(out)


def _lemmatize(word: str, language: str) -> str:
    # Imported here: simplemma's import and dictionaries are only paid by a run that mines terms
    # (DRIFT001 on two releases or more, `glossary suggest`), not by every `check`.
    import simplemma

    return simplemma.lemmatize(word, lang=language)


@lru_cache(maxsize=65536)
def inflection_keys(text: str, lang: str) -> frozenset[str]:
    """The keys of `text` and of its generated inflections (`werkpakket` -> `werkpakketten`):
    two renderings one of which inflects the other are one rendering."""
    return frozenset(term_key(v, lang) for v in _variants(text, lang))


@lru_cache(maxsize=65536)
def _variants(text: str, lang: str) -> tuple[str, ...]:
    return tuple(form_variants(text, lang))


def _acronym_stem(word: str, plurals: tuple[str, ...]) -> str:
    """`ATMP` for `ATMP` and `ATMPs`; "" for a word that is no acronym."""
    if is_acronym(word):
        return word
    for ending in plurals:
        if word.endswith(ending) and is_acronym(word[: -len(ending)]):
            return word[: -len(ending)]
    return ""


@lru_cache(maxsize=4096)  # each sentence is tokenised by several miners in a row
def _tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple((m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text))


# Pure functions of one word, asked for every token of every mined sentence: memoised (bounded).
@lru_cache(maxsize=65536)
def _is_capitalised(word: str) -> bool:
    bare = _name_words().elided.sub("", word)
    return bare[:1].isupper() or is_acronym(word)


@lru_cache(maxsize=65536)
def _is_brand(word: str) -> bool:
    word = _name_words().elided.sub("", word)  # `l'Exportation` is no brand
    return is_acronym(word) or any(c.isupper() for c in word[1:])


def capitalised_names(text: str, lang: str | None = None) -> list[Phrase]:
    """Runs of two or more capitalised words, with at most one connector between two of them.

    A run stops at punctuation, and a conjunction never joins two brands or acronyms
    (`BioWin en MEDVIA` are two names). An elided article in front (`d'Horizon Europe`) and a
    possessive at the end (`Dolly Menga's`) are no part of the name.
    """
    words = _name_words(lang)
    tokens = _tokens(text)
    names: list[Phrase] = []
    i = 0
    while i < len(tokens):
        word = tokens[i][0]
        if not _is_capitalised(word) or word.lower() in words.openers:
            i += 1
            continue
        gap = text[tokens[i - 1][2] : tokens[i][1]].strip(" ") if i else "."
        opens_sentence = bool(gap) and gap[-1] in ".:!?\"“«'‘(["
        if opens_sentence and not _is_brand(word) and i + 1 < len(tokens) and (
            not _is_capitalised(tokens[i + 1][0]) or _is_brand(tokens[i + 1][0])
        ):
            # Capitalised because it opens the sentence: `Steun van Flanders ...`, `Daarna HealthTech ...`.
            i += 1
            continue
        last = i
        j = i + 1
        conjunctions = 0
        while j < len(tokens):
            if text[tokens[j - 1][2] : tokens[j][1]].strip():
                break  # punctuation between the words
            nxt = tokens[j][0]
            if _is_capitalised(nxt) and nxt.lower() not in words.openers:
                last = j
                j += 1
                continue
            # `pour le`: a connector and an article together still join two capitalised words.
            step = 2 if (
                j + 2 < len(tokens) and nxt.lower() in words.connectors and nxt.lower() not in words.conjunctions
                and tokens[j + 1][0].lower() in words.articles and not text[tokens[j][2] : tokens[j + 1][1]].strip()
            ) else 1
            after = j + step
            joinable = (
                nxt.lower() in words.connectors
                and after < len(tokens)
                and not text[tokens[after - 1][2] : tokens[after][1]].strip()
                and _is_capitalised(tokens[after][0])
                and tokens[after][0].lower() not in words.openers
                # `voor MEDVIA`, `BioWin en MEDVIA`: a brand or acronym is a name of its own.
                and not _is_brand(tokens[after][0])
                and not (nxt.lower() in words.conjunctions and _is_brand(tokens[last][0]))
                # A conjunction after one word joins two names (`Namen en Gent`); a second
                # one lists names rather than naming one.
                and not (nxt.lower() in words.conjunctions and (conjunctions or last == i))
            )
            if not joinable:
                break
            j += step - 1
            conjunctions += nxt.lower() in words.conjunctions
            j += 1
        run = tokens[i : last + 1]
        capitals = [t for t in run if _is_capitalised(t[0])]
        if len(capitals) >= 2 and not all(is_acronym(t[0]) for t in capitals):
            names.append(_name_phrase(text, run[0][1], run[-1][2], words))
        i = last + 1
    return names


def _name_phrase(text: str, start: int, end: int, words: _NameWords, kind: str = "name") -> Phrase:
    """The phrase text[start:end] without an elided article in front or a possessive behind."""
    elided = words.elided.match(text[start:end])
    if elided:
        start += elided.end()
    possessive = words.possessive.search(text[start:end])
    if possessive:
        end = start + possessive.start()
    return Phrase(text[start:end], start, end, kind)


def acronym_expansions(text: str, lang: str | None = None) -> list[Phrase]:
    """`Long Name (LN)`: the words before a parenthesised acronym whose initials spell it."""
    found: list[Phrase] = []
    for m in _ACRONYM_IN_PARENS.finditer(text):
        acronym = m.group(1)
        expansion = _expansion_before(text[: m.start()], acronym, lang)
        if expansion:
            start, end = expansion
            found.append(Phrase(text[start:end], start, end, "expansion", acronym))
    return found


def _expansion_before(before: str, acronym: str, lang: str | None) -> tuple[int, int] | None:
    words = _name_words(lang)
    tokens = _tokens(before)
    letters = [c.lower() for c in acronym if c.isalpha()]
    if not tokens or not letters or before[tokens[-1][2] :].strip():
        return None
    # Walk back over content words until as many initials as the acronym has letters.
    content: list[tuple[str, int, int]] = []
    k = len(tokens) - 1
    while k >= 0 and len(content) < len(letters):
        word, start, end = tokens[k]
        if k < len(tokens) - 1 and before[end : tokens[k + 1][1]].strip():
            break  # punctuation: the expansion does not reach further back
        bare = words.elided.sub("", word)
        if word.lower() in words.function_words or word.lower() in words.connectors:
            if not content:
                return None
        elif bare.lower() in words.openers:
            break
        else:
            content.insert(0, (bare, start, end))
        k -= 1
    initials = [w[0][0].lower() for w in content]
    if len(content) == len(letters) and (initials == letters or sorted(initials) == sorted(letters)):
        return content[0][1], content[-1][2]
    # Initials do not spell it (a translated name keeps the original acronym): take the
    # capitalised name that ends right before the parenthesis.
    names = capitalised_names(before, lang)
    if names and names[-1].end == tokens[-1][2]:
        return names[-1].start, names[-1].end
    return None


def acronyms(text: str) -> list[Phrase]:
    """Acronyms (`PIT`) and one-word brands with inner capitals (`BioWin`)."""
    found = []
    possessives = _name_words().possessive
    for word, start, end in _tokens(text):
        possessive = possessives.search(word)  # `ATMP's`
        if possessive:
            word, end = word[: possessive.start()], start + possessive.start()
        if len(word) >= 2 and word.isalnum() and _is_brand(word):
            found.append(Phrase(word, start, end, "acronym"))
    return found


def capitalised_words(text: str) -> list[Phrase]:
    """Single capitalised words inside a sentence (`Pfizer`): names, or ordinary words after a colon."""
    tokens = _tokens(text)
    return [
        Phrase(w, s, e, "word") for k, (w, s, e) in enumerate(tokens)
        if k > 0 and w[:1].isupper() and w.isalpha() and w.lower() not in _name_words().openers
        and not text[tokens[k - 1][2] : s].strip(" ,")  # not after a full stop, colon or quote
    ]


def source_terms(text: str, words: bool = False, lang: str | None = None) -> list[Phrase]:
    """The recurring-term candidates of one source sentence, longest first where they overlap.

    `words` adds single capitalised words: useful to suggest do-not-translate names, too
    ambiguous to judge drift by.
    """
    phrases = acronym_expansions(text, lang) + capitalised_names(text, lang) + acronyms(text)
    if words:
        phrases += capitalised_words(text)
    kept: list[Phrase] = []
    for phrase in sorted(phrases, key=lambda p: (p.start - p.end, p.start)):
        same = [k for k in kept if k.start == phrase.start and k.end == phrase.end]
        if same:
            continue
        if phrase.kind in ("name", "word") and any(k.start <= phrase.start and phrase.end <= k.end for k in kept):
            continue
        kept.append(phrase)
    return sorted(kept, key=lambda p: p.start)


def target_candidates(text: str, lang: str | None = None) -> list[Phrase]:
    """Where a target sentence may render a source term: expansions, names, acronyms, and
    hyphenated names (`Noord-Korea`, `Rhein-Neckar-Arena`), one word to the tokenizer."""
    return (acronym_expansions(text, lang) + capitalised_names(text, lang) + acronyms(text)
            + hyphenated_names(text))


def hyphenated_names(text: str) -> list[Phrase]:
    """Single words of capitalised parts joined by hyphens (`Noord-Korea`): names too."""
    found = []
    for word, start, end in _tokens(text):
        parts = re.split(r"[-’']", word)
        if "-" in word and len(parts) >= 2 and all(p[:1].isupper() for p in parts) and not is_acronym(word):
            found.append(Phrase(word, start, end, "name"))
    return found


@dataclass
class RenderingStats:
    """Per source term key and target language: the renderings seen, with where."""

    term: str
    kind: str
    occurrences: list[TermOccurrence] = field(default_factory=list)

    def renderings(self) -> Counter:
        return Counter(o.rendering_key for o in self.occurrences if o.rendering_key)


@dataclass(frozen=True, slots=True)  # kept per mined pair for the corpus-wide step: small
class MinedPair:
    """What mining finds in one aligned pair on its own: its source terms and target candidates.

    `pair` is the `AlignedPair`, or any record with its `source_text`, `target_text`,
    `source_lang` and `target_lang` (all the corpus-wide step reads of a pair): DRIFT001 mines
    each release where it is checked and keeps only that much of its pairs.
    """

    pair: Any
    terms: tuple[Phrase, ...]
    candidates: tuple[Phrase, ...]


def mine_pair(pair: AlignedPair, extra_terms: Callable[[AlignedPair], list[Phrase]] | None = None,
              words: bool = False) -> MinedPair | None:
    """The source terms and target candidates of one pair; None for a pair with an empty side."""
    if not pair.source or not pair.target:
        return None
    terms = source_terms(pair.source_text, words, pair.source_lang)
    if extra_terms is not None:
        terms.extend(extra_terms(pair))
    return MinedPair(pair, tuple(terms), tuple(target_candidates(pair.target_text, pair.target_lang)))


def collect_occurrences(
    pairs: Iterable[tuple[str, AlignedPair]],
    extra_terms: Callable[[AlignedPair], list[Phrase]] | None = None,
    words: bool = False,
) -> dict[tuple[str, str], RenderingStats]:
    """Mine (release, pair) items: source terms and their renderings, per (term key, target lang).

    `extra_terms(pair)` adds source terms found otherwise (the glossary's, by its matcher).
    """
    mined = [(release, m) for release, pair in pairs if (m := mine_pair(pair, extra_terms, words)) is not None]
    return collect_mined(mined)


def collect_mined(
    mined: Iterable[tuple[str, MinedPair]],
    other_candidates: Iterable[tuple[str, Iterable[str]]] = (),
) -> dict[tuple[str, str], RenderingStats]:
    """The corpus-wide step of `collect_occurrences`, over pairs already mined (`mine_pair`).

    `other_candidates` are the (target lang, candidate texts) of pairs without a source term:
    they count in how often a candidate occurs (the association's denominator) and nowhere else,
    so a caller may keep only that much of them.
    """
    mined = list(mined)
    term_pairs: dict[tuple[str, str], set[int]] = defaultdict(set)
    candidate_pairs: dict[tuple[str, str], set[int]] = defaultdict(set)
    for index, (_, item) in enumerate(mined):
        pair = item.pair
        for phrase in item.terms:
            term_pairs[(pair.target_lang, term_key(phrase.text, pair.source_lang))].add(index)
        for phrase in item.candidates:
            candidate_pairs[(pair.target_lang, term_key(phrase.text, pair.target_lang))].add(index)
    for index, (lang, texts) in enumerate(other_candidates, start=len(mined)):
        for text in texts:
            candidate_pairs[(lang, term_key(text, lang))].add(index)
    stats: dict[tuple[str, str], RenderingStats] = {}
    candidates_of: dict[int, list[Phrase]] = {}
    for release, item in mined:
        pair, terms, candidates = item.pair, item.terms, item.candidates
        renderings = _render_pair(pair, terms, candidates, term_pairs, candidate_pairs)
        # The second pass may only take what no source term of this pair has taken.
        candidates_of[id(pair)] = [c for c in candidates
                                   if not any(c.start < r.end and r.start < c.end for r in renderings.values())]
        for phrase in terms:
            if phrase in renderings and renderings[phrase].kind == _INSIDE_KEPT_NAME:
                continue
            key = term_key(phrase.text, pair.source_lang)
            rendering = renderings.get(phrase)
            entry = stats.setdefault((key, pair.target_lang), RenderingStats(phrase.text, phrase.kind))
            entry.occurrences.append(TermOccurrence(
                term=phrase.text, key=key, kind=phrase.kind, pair=pair, release=release,
                source_start=phrase.start, source_end=phrase.end,
                rendering=rendering.text if rendering else None,
                rendering_key=term_key(rendering.text, pair.target_lang) if rendering else None,
                target_start=rendering.start if rendering else 0,
                target_end=rendering.end if rendering else 0,
                acronym=phrase.acronym,
            ))
    for term in stats.values():
        _render_from_known(term, candidates_of)
    return stats


def _render_from_known(term: RenderingStats, candidates_of: dict[int, list[Phrase]]) -> None:
    """Second pass: an occurrence with no certain rendering takes the target name most like
    a rendering this term gets elsewhere. A one-off variant (`Wallonia Recovery Plan`)
    co-occurs too rarely to be found by association, and is exactly the drift to report."""
    known = Counter(o.rendering for o in term.occurrences if o.rendering)
    if not known:
        return
    for index, occurrence in enumerate(term.occurrences):
        if occurrence.rendering:
            continue
        pair = occurrence.pair
        best, best_score = None, 0.0
        phrase = Phrase(occurrence.term, occurrence.source_start, occurrence.source_end, occurrence.kind)
        for candidate in candidates_of.get(id(pair), []):
            if candidate.kind not in ("name", "expansion") or occurrence.kind == "acronym":
                continue
            if _foreign_words(candidate.text, phrase, pair.source_text):
                continue
            score = max(fuzz.token_set_ratio(candidate.text.lower(), r.lower()) for r in known)
            if score > best_score:
                best, best_score = candidate, score
        if best is not None and best_score >= RENDERING_SIMILARITY:
            term.occurrences[index] = replace(
                occurrence, rendering=best.text, rendering_key=term_key(best.text, pair.target_lang),
                target_start=best.start, target_end=best.end,
            )


_INSIDE_KEPT_NAME = "inside-kept-name"


def _render_pair(pair: AlignedPair, terms: list[Phrase], candidates: list[Phrase],
                 term_pairs: dict, candidate_pairs: dict) -> dict[Phrase, Phrase]:
    """Each source term's rendering in the target sentence, where one is found.

    Certain renderings first (the same string, the expansion of the same acronym); then the
    candidates left over go by association, strongest first, one source term each: the
    target name that renders `Europa League` does not also render `Rapid Vienna` beside it.
    """
    found: dict[Phrase, Phrase] = {}
    taken: list[tuple[int, int]] = []
    # Longest first: `Toyota UK` kept whole is not also the rendering of `UK` beside it.
    for phrase in sorted(terms, key=lambda p: p.start - p.end):
        kept = [found[o] for o in found if found[o].kind == "same" and o.kind in ("name", "expansion")
                and o.start <= phrase.start and phrase.end <= o.end]
        if kept and phrase.kind == "acronym":
            # `UK` in `Toyota UK`, kept whole in the target: the name was carried over, and its
            # acronym says nothing of how the acronym alone is rendered.
            found[phrase] = Phrase(kept[0].text, kept[0].start, kept[0].end, _INSIDE_KEPT_NAME)
            continue
        certain = _certain_rendering(phrase, pair, candidates, taken)
        if certain is not None:
            found[phrase] = certain
            taken.append((certain.start, certain.end))
    offers: list[tuple[float, int, int, Phrase, Phrase]] = []
    for t, phrase in enumerate(terms):
        if phrase in found:
            continue
        key = term_key(phrase.text, pair.source_lang)
        for c, original in enumerate(candidates):
            if any(original.start < end and start < original.end for start, end in taken):
                continue
            candidate = _trim_source_names(original, phrase, terms, pair)
            if candidate is None:
                continue
            score = _association(phrase, candidate, pair, term_pairs, candidate_pairs, key)
            if score >= 0.5:
                offers.append((-score, t, c, phrase, candidate))
    used: set[int] = set()
    for _, _, c, phrase, candidate in sorted(offers, key=lambda o: o[:3]):
        if phrase in found or c in used:
            continue
        found[phrase] = candidate
        used.add(c)
    return found


def _certain_rendering(phrase: Phrase, pair: AlignedPair, candidates: list[Phrase],
                       taken: list[tuple[int, int]]) -> Phrase | None:
    target = pair.target_text
    # 1. Not translated: the same string in the target, or its plural (`ATMP` / `ATMPs`),
    # where no longer term's rendering already is.
    for m in _same_string(phrase.text, pair.target_lang).finditer(target):
        if not any(m.start() < end and start < m.end() for start, end in taken):
            return Phrase(m.group(), m.start(), m.end(), "same")
    # 2. An expansion before the same (or the only) parenthesised acronym.
    if phrase.kind == "expansion":
        expansions = [c for c in candidates if c.kind == "expansion"]
        same_acronym = [c for c in expansions if c.acronym == phrase.acronym]
        if same_acronym:
            return same_acronym[0]
        if len(expansions) == 1:
            return expansions[0]
    return None


@lru_cache(maxsize=16384)
def _same_string(text: str, lang: str) -> re.Pattern[str]:
    """`text` or one of its inflections (`ATMP`, `ATMPs`) as a whole word, any case."""
    alternatives = "|".join(re.escape(f) for f in sorted(_variants(text, lang), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _association(phrase: Phrase, candidate: Phrase, pair: AlignedPair, term_pairs: dict,
                 candidate_pairs: dict, key: str) -> float:
    """How consistently `candidate` co-occurs with the term across the corpus (Dice), 0 when
    it is of another kind or the evidence is one co-occurrence."""
    wanted = ("acronym",) if phrase.kind == "acronym" else ("expansion", "name")
    if candidate.kind not in wanted:
        return 0.0
    term_set = term_pairs.get((pair.target_lang, key), set())
    cand_set = candidate_pairs.get((pair.target_lang, term_key(candidate.text, pair.target_lang)), set())
    both = len(term_set & cand_set)
    if len(term_set) < 2 or both < 2:
        return 0.0  # one co-occurrence proves nothing
    return 2 * both / (len(term_set) + len(cand_set))


def _foreign_words(text: str, phrase: Phrase, source: str) -> list[str]:
    """Capitalised words of a target stretch that the source writes as they are, outside the term
    and not in it: a kept name of its own (`Ligue Europa` holds `Europa` of `Europa League`)."""
    outside = source[: phrase.start] + " " + source[phrase.end :]
    inside = {w.lower() for w, _, _ in _tokens(phrase.text)}
    return [w for w, _, _ in _tokens(text)
            if w[:1].isupper() and len(w) >= 2 and w.lower() not in inside
            and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", outside)]


def _trim_source_names(candidate: Phrase, phrase: Phrase, terms: list[Phrase], pair: AlignedPair) -> Phrase | None:
    """`candidate` as a rendering of `phrase`, or None when it holds another name.

    A target name that runs into the next name (`de Rangers Rapid Wenen` for `Rapid Vienna`)
    loses the edge words the source writes as they are outside the term, when those are no
    part of another source term; a name that still holds such a word renders something else.
    """
    source = pair.source_text
    other_terms = [t for t in terms if t is not phrase and " " in t.text]

    def in_other_term(word: str) -> bool:
        return any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", t.text) for t in other_terms)

    foreign = set(_foreign_words(candidate.text, phrase, source))
    if not foreign:
        return candidate
    tokens = _tokens(candidate.text)
    first, last = 0, len(tokens)
    while first < last and tokens[first][0] in foreign and not in_other_term(tokens[first][0]):
        first += 1
    while last > first and tokens[last - 1][0] in foreign and not in_other_term(tokens[last - 1][0]):
        last -= 1
    kept = tokens[first:last]
    if any(t[0] in foreign for t in kept) or sum(_is_capitalised(t[0]) for t in kept) < 2:
        return None
    start, end = candidate.start + kept[0][1], candidate.start + kept[-1][2]
    return Phrase(pair.target_text[start:end], start, end, candidate.kind, candidate.acronym)


@dataclass(frozen=True)
class Suggestion:
    """A candidate glossary entry mined from the corpus, with the evidence behind it."""

    term: str
    kind: str
    acronym: str
    source_lang: str
    renderings: dict[str, Counter]  # target lang -> Counter of surface renderings
    count: int  # occurrences in the source
    releases: tuple[str, ...]


def suggest(pairs: Iterable[tuple[str, AlignedPair]], already_known=None, min_count: int = 2) -> list[Suggestion]:
    """Recurring source terms and their renderings, most frequent first.

    `already_known(text, lang)` returns True for terms the glossary already has.
    """
    stats = collect_occurrences(pairs, words=True)
    by_term: dict[str, dict[str, RenderingStats]] = defaultdict(dict)
    for (key, lang), term in stats.items():
        by_term[key][lang] = term
    suggestions = []
    for key, per_lang in by_term.items():
        first = next(iter(per_lang.values()))
        # Every target language sees the same source sentences: count one language's occurrences.
        count = max(len(t.occurrences) for t in per_lang.values())
        if count < min_count:
            continue
        source_lang = first.occurrences[0].pair.source_lang
        if first.kind == "acronym" and len(first.term) <= 2:
            continue  # country codes in contact lines (BE, UK)
        if already_known is not None and already_known(first.term, source_lang):
            continue
        renderings = {lang: Counter(o.rendering for o in t.occurrences if o.rendering) for lang, t in per_lang.items()}
        if not any(renderings.values()):
            continue
        if first.kind == "word" and not all(
            o.rendering == o.term for t in per_lang.values() for o in t.occurrences
        ):
            continue  # a lone capitalised word is only suggested as a name kept in every language
        releases = tuple(sorted({o.release for t in per_lang.values() for o in t.occurrences}))
        acronyms = Counter(o.acronym for o in first.occurrences if o.acronym)
        acronym = acronyms.most_common(1)[0][0] if acronyms else ""
        kinds = Counter(o.kind for t in per_lang.values() for o in t.occurrences)
        suggestions.append(Suggestion(
            term=Counter(o.term for o in first.occurrences).most_common(1)[0][0],
            kind=kinds.most_common(1)[0][0], acronym=acronym, source_lang=source_lang,
            renderings=renderings, count=count, releases=releases,
        ))
    return sorted(suggestions, key=lambda s: (-s.count, s.term.lower()))
