"""Abbreviations whose period must not end a sentence, per language.

The segmenter masks the periods of these abbreviations before pysbd sees the text
and puts them back afterwards, so the decision lives here, in data, and is the same
for every file of a language. Entries are written as they appear in text; the
segmenter also accepts each with a capital first letter (sentence start: "Bv.").

Three kinds, because a period after an abbreviation is ambiguous in different ways:

- `NEVER_FINAL`: titles and connectives that always have words after them
  ("Dhr. Peeters", "o.a. de partners", "p. ex. des tests").
- `BEFORE_NUMBER`: periods that belong to the abbreviation only when a number
  follows ("nr. 5", "Jan. 17", "p. 12"); "No." alone may well end a sentence.
- `FINAL_UNLESS_CONTINUED`: may end a sentence ("... and partners Ltd."), so the
  period is kept as a boundary unless the next word is lower case, a digit, or the
  abbreviation is followed by `,;:)` ("etc. ont été", "Acme Inc. announced").

Initials ("A. De Croo", "J.-M. Dupont") are a pattern, not a list: see
`checker.segment`.
"""

from __future__ import annotations

# Spelled in every language's text: company forms and the like.
_COMMON_FINAL_UNLESS_CONTINUED = ("Inc.", "Ltd.", "Corp.", "Co.", "Jr.", "Sr.", "et al.")

NEVER_FINAL: dict[str, tuple[str, ...]] = {
    "nl": (
        # connectives
        "o.a.", "bv.", "bijv.", "d.w.z.", "m.a.w.", "t.o.v.", "i.p.v.", "m.b.t.", "i.v.m.",
        "a.d.h.v.", "m.i.v.", "t.e.m.", "t.a.v.", "i.s.m.", "zgn.", "resp.", "vnl.", "evt.",
        "ca.", "cf.", "vgl.", "vs.", "incl.", "excl.", "art.", "blz.", "nr.",
        # titles
        "dhr.", "Dhr.", "mevr.", "Mevr.", "dr.", "Dr.", "prof.", "Prof.", "mr.", "Mr.",
        "ir.", "Ir.", "ing.", "Ing.", "drs.", "Drs.", "St.",
        # legal forms are usually written without a period; with one they precede the name
        "vzw.", "nv.", "bvba.",
    ),
    "fr": (
        "p. ex.", "p.ex.", "c.-à-d.", "c-à-d.", "cf.", "env.", "resp.", "vs.", "art.",
        "M.", "MM.", "Mme.", "Mmes.", "Mlle.", "Dr.", "Pr.", "Me.", "St.", "Ste.",
        "av.", "bd.",
    ),
    "en": (
        "e.g.", "i.e.", "cf.", "vs.", "approx.", "viz.", "incl.", "excl.",
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Gen.", "Sen.", "Rep.", "Gov.",
        "U.S.", "Fig.", "fig.", "Dept.",
    ),
}

BEFORE_NUMBER: dict[str, tuple[str, ...]] = {
    "nl": (
        "p.", "pp.", "no.", "jan.", "feb.", "mrt.", "apr.", "jun.", "jul.", "aug.",
        "sep.", "sept.", "okt.", "nov.", "dec.",
    ),
    "fr": (
        "p.", "pp.", "n.", "no.", "vol.", "chap.", "janv.", "févr.", "avr.", "juil.",
        "sept.", "oct.", "nov.", "déc.",
    ),
    "en": (
        "p.", "pp.", "No.", "Nos.", "no.", "Art.", "art.", "Vol.", "vol.", "ch.",
        "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.",
        "Oct.", "Nov.", "Dec.",
    ),
}

FINAL_UNLESS_CONTINUED: dict[str, tuple[str, ...]] = {
    "nl": ("enz.", "etc.", "e.a.", "e.d.", *_COMMON_FINAL_UNLESS_CONTINUED),
    "fr": ("etc.", "Cie.", "hab.", *_COMMON_FINAL_UNLESS_CONTINUED),
    "en": ("etc.", "a.m.", "p.m.", *_COMMON_FINAL_UNLESS_CONTINUED),
}

# pysbd keeps a period as part of a word before a capital only for "prepositive"
# abbreviations; its Dutch and French lists are empty, so titles split ("Dhr. | Peeters").
# These are added to pysbd's own tables once, as a second line of defence for
# spellings our masks do not cover (lower case keys, no period, as pysbd stores them).
PYSBD_PREPOSITIVE: dict[str, tuple[str, ...]] = {
    "nl": ("dr", "dhr", "mevr", "prof", "vzw", "mr", "ir", "ing", "drs"),
    "fr": ("dr", "pr", "me", "mme", "mlle"),
}
PYSBD_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "nl": ("mevr", "vzw"),
}
