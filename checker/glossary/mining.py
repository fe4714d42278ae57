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
from typing import Callable, Iterable

import simplemma
from rapidfuzz import fuzz

from checker.glossary.text import fold_accents, normalise
from checker.glossary.variants import FUNCTION_WORDS, is_acronym
from checker.records import AlignedPair

# How like a known rendering a target name must be to count as another rendering of the term.
RENDERING_SIMILARITY = 70.0

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|&")
_ACRONYM_IN_PARENS = re.compile(r"\(\s*([A-Z][A-Za-z0-9&]*[A-Z0-9])\s*\)")
# Words that may sit inside a name between capitalised words (`Agentschap Innoveren & Ondernemen`).
_CONNECTORS = frozenset("van voor en & of for and the de du des la le d l' d' à en pour".split())
# The second word of a two-word connector (`pour le`, `van de`, `of the`).
_ARTICLES = frozenset("de het la le les l' the".split())
# Capitalised only because they open a sentence or a quote: never the start of a name.
_OPENERS = FUNCTION_WORDS | frozenset(
    """het dit deze die dat ook met bij door als zo zij wij we ze hij onze ons
    ce cette ces il elle ils elles nous notre nos son sa ses leur leurs dans grâce selon
    this that these those it its our we they he she their his her with by as so thanks according
    over about propos""".split()
)


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


@dataclass(frozen=True)
class Phrase:
    text: str
    start: int
    end: int
    kind: str
    acronym: str = ""  # for expansions: the acronym in parentheses after them


def term_key(text: str, lang: str) -> str:
    """Case-, accent- and inflection-insensitive key: `Lots de travail` ~ `lot de travail`."""
    words = normalise(text).replace("'", " ").split()
    return " ".join(fold_accents(simplemma.lemmatize(w, lang=lang).lower()) if not w.isupper() else w for w in words)


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _is_capitalised(word: str) -> bool:
    bare = _ELIDED.sub("", word)
    return bare[:1].isupper() or is_acronym(word)


_ELIDED = re.compile(r"^[dl]['’]", re.IGNORECASE)
_CONJUNCTIONS = frozenset("en and et &".split())


def _is_brand(word: str) -> bool:
    return is_acronym(word) or any(c.isupper() for c in word[1:])


def capitalised_names(text: str) -> list[Phrase]:
    """Runs of two or more capitalised words, with at most one connector between two of them.

    A run stops at punctuation, and a conjunction never joins two brands or acronyms
    (`BioWin en MEDVIA` are two names).
    """
    tokens = _tokens(text)
    names: list[Phrase] = []
    i = 0
    while i < len(tokens):
        word = tokens[i][0]
        if not _is_capitalised(word) or word.lower() in _OPENERS:
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
            if _is_capitalised(nxt) and nxt.lower() not in _OPENERS:
                last = j
                j += 1
                continue
            # `pour le`: a connector and an article together still join two capitalised words.
            step = 2 if (
                j + 2 < len(tokens) and nxt.lower() in _CONNECTORS and nxt.lower() not in _CONJUNCTIONS
                and tokens[j + 1][0].lower() in _ARTICLES and not text[tokens[j][2] : tokens[j + 1][1]].strip()
            ) else 1
            after = j + step
            joinable = (
                nxt.lower() in _CONNECTORS
                and after < len(tokens)
                and not text[tokens[after - 1][2] : tokens[after][1]].strip()
                and _is_capitalised(tokens[after][0])
                and tokens[after][0].lower() not in _OPENERS
                # `voor MEDVIA`, `BioWin en MEDVIA`: a brand or acronym is a name of its own.
                and not _is_brand(tokens[after][0])
                and not (nxt.lower() in _CONJUNCTIONS and _is_brand(tokens[last][0]))
                # A conjunction after one word joins two names (`Namen en Gent`); a second
                # one lists names rather than naming one.
                and not (nxt.lower() in _CONJUNCTIONS and (conjunctions or last == i))
            )
            if not joinable:
                break
            j += step - 1
            conjunctions += nxt.lower() in _CONJUNCTIONS
            j += 1
        run = tokens[i : last + 1]
        capitals = [t for t in run if _is_capitalised(t[0])]
        if len(capitals) >= 2 and not all(is_acronym(t[0]) for t in capitals):
            names.append(Phrase(text[run[0][1] : run[-1][2]], run[0][1], run[-1][2], "name"))
        i = last + 1
    return names


def acronym_expansions(text: str) -> list[Phrase]:
    """`Long Name (LN)`: the words before a parenthesised acronym whose initials spell it."""
    found: list[Phrase] = []
    for m in _ACRONYM_IN_PARENS.finditer(text):
        acronym = m.group(1)
        expansion = _expansion_before(text[: m.start()], acronym)
        if expansion:
            start, end = expansion
            found.append(Phrase(text[start:end], start, end, "expansion", acronym))
    return found


def _expansion_before(before: str, acronym: str) -> tuple[int, int] | None:
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
        bare = _ELIDED.sub("", word)
        if word.lower() in FUNCTION_WORDS or word.lower() in _CONNECTORS:
            if not content:
                return None
        elif bare.lower() in _OPENERS:
            break
        else:
            content.insert(0, (bare, start, end))
        k -= 1
    initials = [w[0][0].lower() for w in content]
    if len(content) == len(letters) and (initials == letters or sorted(initials) == sorted(letters)):
        return content[0][1], content[-1][2]
    # Initials do not spell it (a translated name keeps the original acronym): take the
    # capitalised name that ends right before the parenthesis.
    names = capitalised_names(before)
    if names and names[-1].end == tokens[-1][2]:
        return names[-1].start, names[-1].end
    return None


def acronyms(text: str) -> list[Phrase]:
    """Acronyms (`PIT`) and one-word brands with inner capitals (`BioWin`)."""
    return [Phrase(w, s, e, "acronym") for w, s, e in _tokens(text) if len(w) >= 2 and w.isalnum() and _is_brand(w)]


def capitalised_words(text: str) -> list[Phrase]:
    """Single capitalised words inside a sentence (`Pfizer`): names, or ordinary words after a colon."""
    tokens = _tokens(text)
    return [
        Phrase(w, s, e, "word") for k, (w, s, e) in enumerate(tokens)
        if k > 0 and w[:1].isupper() and w.isalpha() and w.lower() not in _OPENERS
        and not text[tokens[k - 1][2] : s].strip(" ,")  # not after a full stop, colon or quote
    ]


def source_terms(text: str, words: bool = False) -> list[Phrase]:
    """The recurring-term candidates of one source sentence, longest first where they overlap.

    `words` adds single capitalised words: useful to suggest do-not-translate names, too
    ambiguous to judge drift by.
    """
    phrases = acronym_expansions(text) + capitalised_names(text) + acronyms(text)
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


def target_candidates(text: str) -> list[Phrase]:
    return acronym_expansions(text) + capitalised_names(text) + acronyms(text)


@dataclass
class RenderingStats:
    """Per source term key and target language: the renderings seen, with where."""

    term: str
    kind: str
    occurrences: list[TermOccurrence] = field(default_factory=list)

    def renderings(self) -> Counter:
        return Counter(o.rendering_key for o in self.occurrences if o.rendering_key)


def collect_occurrences(
    pairs: Iterable[tuple[str, AlignedPair]],
    extra_terms: Callable[[AlignedPair], list[Phrase]] | None = None,
    words: bool = False,
) -> dict[tuple[str, str], RenderingStats]:
    """Mine (release, pair) items: source terms and their renderings, per (term key, target lang).

    `extra_terms(pair)` adds source terms found otherwise (the glossary's, by its matcher).
    """
    items = list(pairs)
    # First pass: source terms and target candidates per pair.
    mined: list[tuple[str, AlignedPair, list[Phrase], list[Phrase]]] = []
    term_pairs: dict[tuple[str, str], set[int]] = defaultdict(set)
    candidate_pairs: dict[tuple[str, str], set[int]] = defaultdict(set)
    for index, (release, pair) in enumerate(items):
        if not pair.source or not pair.target:
            continue
        terms = source_terms(pair.source_text, words)
        if extra_terms is not None:
            terms.extend(extra_terms(pair))
        candidates = target_candidates(pair.target_text)
        mined.append((release, pair, terms, candidates))
        for phrase in terms:
            term_pairs[(pair.target_lang, term_key(phrase.text, pair.source_lang))].add(index)
        for phrase in candidates:
            candidate_pairs[(pair.target_lang, term_key(phrase.text, pair.target_lang))].add(index)
    stats: dict[tuple[str, str], RenderingStats] = {}
    candidates_of: dict[int, list[Phrase]] = {}
    for release, pair, terms, candidates in mined:
        candidates_of[id(pair)] = candidates
        for phrase in terms:
            key = term_key(phrase.text, pair.source_lang)
            rendering = _render(phrase, pair, candidates, term_pairs, candidate_pairs, key)
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
        for candidate in candidates_of.get(id(pair), []):
            if candidate.kind not in ("name", "expansion") or occurrence.kind == "acronym":
                continue
            score = max(fuzz.token_set_ratio(candidate.text.lower(), r.lower()) for r in known)
            if score > best_score:
                best, best_score = candidate, score
        if best is not None and best_score >= RENDERING_SIMILARITY:
            term.occurrences[index] = replace(
                occurrence, rendering=best.text, rendering_key=term_key(best.text, pair.target_lang),
                target_start=best.start, target_end=best.end,
            )


def _render(phrase: Phrase, pair: AlignedPair, candidates: list[Phrase],
            term_pairs: dict, candidate_pairs: dict, key: str) -> Phrase | None:
    target = pair.target_text
    # 1. Not translated: the same string in the target.
    m = re.search(r"(?<!\w)" + re.escape(phrase.text) + r"(?!\w)", target, re.IGNORECASE)
    if m:
        return Phrase(m.group(), m.start(), m.end(), "same")
    # 2. An expansion before the same (or the only) parenthesised acronym.
    if phrase.kind == "expansion":
        expansions = [c for c in candidates if c.kind == "expansion"]
        same_acronym = [c for c in expansions if c.acronym == phrase.acronym]
        if same_acronym:
            return same_acronym[0]
        if len(expansions) == 1:
            return expansions[0]
    # 3. The candidate of the same kind that co-occurs with the term most consistently.
    wanted = ("acronym",) if phrase.kind == "acronym" else ("expansion", "name")
    term_set = term_pairs.get((pair.target_lang, key), set())
    if len(term_set) < 2:
        return None  # one co-occurrence proves nothing
    best, best_score = None, 0.0
    for candidate in candidates:
        if candidate.kind not in wanted:
            continue
        cand_set = candidate_pairs.get((pair.target_lang, term_key(candidate.text, pair.target_lang)), set())
        both = len(term_set & cand_set)
        if both < 2:
            continue
        score = 2 * both / (len(term_set) + len(cand_set))
        if score > best_score:
            best, best_score = candidate, score
    return best if best_score >= 0.5 else None


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
