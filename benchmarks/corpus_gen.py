"""Distinct, correctly translated NL/FR/EN press releases for the benchmarks.

Every release is written from templates whose slots (organisations, cities, sectors, people,
counts, amounts, percentages, dates, times) are filled per release from a seeded generator,
in the form each language writes them (`€4,5 miljoen` / `4,5 millions d'euros` /
`€4.5 million`; `1.250` / `1 250` / `1,250`; `12%` / `12 %` / `12%`), with several phrasings
of each sentence. The translations are right, so a check of the corpus should report nothing;
and the text differs from release to release, so no per-sentence cache flatters a benchmark
(`distinct_sentences` says how far that holds).
"""

from __future__ import annotations

import random
from pathlib import Path

LANGUAGES = ("nl", "fr", "en")

MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}
CITIES = [("Namen", "Namur", "Namur"), ("Luik", "Liège", "Liège"), ("Bergen", "Mons", "Mons"),
          ("Brussel", "Bruxelles", "Brussels"), ("Charleroi", "Charleroi", "Charleroi"), ("Gent", "Gand", "Ghent"),
          ("Antwerpen", "Anvers", "Antwerp"), ("Doornik", "Tournai", "Tournai"), ("Aarlen", "Arlon", "Arlon"),
          ("Nijvel", "Nivelles", "Nivelles"), ("Hasselt", "Hasselt", "Hasselt"), ("Kortrijk", "Courtrai", "Kortrijk")]
REGIONS = [("het Waals Gewest", "la Région wallonne", "the Walloon Region"),
           ("de Vlaamse overheid", "le gouvernement flamand", "the Flemish government"),
           ("de Europese Commissie", "la Commission européenne", "the European Commission"),
           ("de federale overheid", "l'État fédéral", "the federal government")]
# French with its article: `à la biotechnologie`, `de l'énergie`.
SECTORS = [("biotechnologie", "la biotechnologie", "biotechnology"), ("gezondheidszorg", "la santé", "healthcare"),
           ("logistiek", "la logistique", "logistics"), ("energie", "l'énergie", "energy"),
           ("luchtvaart", "l'aéronautique", "aerospace"), ("voeding", "l'agroalimentaire", "food"),
           ("digitale technologie", "la technologie numérique", "digital technology"),
           ("medische beeldvorming", "l'imagerie médicale", "medical imaging"),
           ("waterbeheer", "la gestion de l'eau", "water management"), ("recyclage", "le recyclage", "recycling")]
THINGS = [("projecten", "projets", "projects"), ("bedrijven", "entreprises", "companies"),
          ("onderzoekers", "chercheurs", "researchers"), ("start-ups", "start-ups", "start-ups"),
          ("laboratoria", "laboratoires", "laboratories"), ("partners", "partenaires", "partners"),
          ("studenten", "étudiants", "students"), ("patiënten", "patients", "patients")]
COMPANIES = ["Aerolux", "Biomatica", "Novaterra", "Cellvia", "Hydronix", "Pharmaline", "Medisys", "Greenpulse",
             "Logitrans", "Datavia", "Nutrigen", "Solarea", "Genovia", "Quantix", "Mecatech", "Ortholab",
             "Vitalis", "Kinetra", "Luminor", "Terravis"]
PROJECTS = ["HELIOS", "ORION", "VEGA", "ATLAS", "NOVA", "LYRA", "CASSIS", "DELTA", "PHOENIX", "TITAN", "ZEPHYR",
            "AURORA", "BOREAL", "CERES", "IRIS", "KAPPA"]
FIRST = ["Marie", "Luc", "Sophie", "Jan", "Anne", "Pieter", "Claire", "Thomas", "Nathalie", "Koen", "Isabelle",
         "Marc", "Els", "Julien", "Sarah", "Bart"]
LAST = ["Dupont", "Peeters", "Lambert", "Janssens", "Dubois", "Maes", "Leclercq", "Willems", "Renard", "Claes",
        "Simon", "Jacobs", "Martin", "Wouters", "Lejeune", "Goossens"]


class Values:
    """The slots of one release: each value as (nl, fr, en)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, options):
        return self.rng.choice(options)

    def count(self, low: int = 3, high: int = 95) -> tuple[str, str, str]:
        n = str(self.rng.randint(low, high))
        return n, n, n

    def thousands(self) -> tuple[str, str, str]:
        head, tail = self.rng.randint(1, 9), self.rng.randint(100, 999)
        return f"{head}.{tail}", f"{head} {tail}", f"{head},{tail}"

    def millions(self) -> tuple[str, str, str]:
        if self.rng.random() < 0.5:
            x = self.rng.randint(2, 480)
            return f"€{x} miljoen", f"{x} millions d'euros", f"€{x} million"
        a, b = self.rng.randint(1, 60), self.rng.randint(1, 9)
        return f"€{a},{b} miljoen", f"{a},{b} millions d'euros", f"€{a}.{b} million"

    def thousand_euros(self) -> tuple[str, str, str]:
        x = self.rng.randint(15, 950)
        return f"€{x}.000", f"{x} 000 euros", f"€{x},000"

    def percent(self) -> tuple[str, str, str]:
        if self.rng.random() < 0.7:
            p = self.rng.randint(3, 97)
            return f"{p}%", f"{p} %", f"{p}%"
        a, b = self.rng.randint(1, 40), self.rng.randint(1, 9)
        return f"{a},{b}%", f"{a},{b} %", f"{a}.{b}%"

    def date(self, year: int) -> tuple[str, str, str]:
        day, month = self.rng.randint(2, 28), self.rng.randint(0, 11)
        return tuple(f"{day} {MONTHS[lang][month]} {year}" for lang in LANGUAGES)  # type: ignore[return-value]

    def time(self) -> tuple[str, str, str]:
        hour, minute = self.rng.randint(9, 11), self.rng.choice(["15", "30", "45"])
        return f"{hour}u{minute}", f"{hour}h{minute}", f"{hour}.{minute} am"


# Sentence templates: (nl, fr, en), slots in braces. Several phrasings of each kind of sentence.
HEADINGS = [
    ("{company} haalt {money} op voor {sector}", "{company} lève {money} pour {sector}",
     "{company} raises {money} for {sector}"),
    ("Project {project} brengt {n} {things} samen", "Le projet {project} réunit {n} {things}",
     "Project {project} brings together {n} {things}"),
    ("Nieuw centrum voor {sector} in {city}", "Nouveau centre pour {sector} à {city}",
     "New {sector} centre in {city}"),
]
DATELINES = [
    ("**{city}, {date}** – {Region} trekt {money} uit voor {n} {things} in de {sector}.",
     "**{city}, le {date}** – {region} consacre {money} à {n} {things} dans {sector}.",
     "**{city}, {date}** – {Region} is setting aside {money} for {n} {things} in {sector}."),
    ("**{city}, {date}** – {company} en {company2} starten project {project}, goed voor {money}.",
     "**{city}, le {date}** – {company} et {company2} lancent le projet {project}, d'un montant de {money}.",
     "**{city}, {date}** – {company} and {company2} are launching project {project}, worth {money}."),
]
BODY = [
    ("Het project telt {n} partners en loopt {years} jaar.",
     "Le projet compte {n} partenaires et dure {years} ans.",
     "The project has {n} partners and runs for {years} years."),
    ("Het consortium verenigt {n} partners voor een periode van {years} jaar.",
     "Le consortium réunit {n} partenaires pour une période de {years} ans.",
     "The consortium brings together {n} partners for a period of {years} years."),
    ("Er komen {big} nieuwe banen bij in {city}.",
     "{big} nouveaux emplois seront créés à {city}.",
     "{big} new jobs will be created in {city}."),
    ("Tegen {year} verwacht {company} {big} klanten in {n} landen.",
     "D'ici {year}, {company} prévoit {big} clients dans {n} pays.",
     "By {year}, {company} expects {big} customers in {n} countries."),
    ("Ongeveer {pct} van het budget komt van de overheid.",
     "Environ {pct} du budget provient des pouvoirs publics.",
     "Approximately {pct} of the budget comes from the public sector."),
    ("Het aandeel van de export steeg vorig jaar tot {pct}.",
     "La part des exportations est passée à {pct} l'an dernier.",
     "The share of exports rose to {pct} last year."),
    ("{company} investeert daarnaast {money} in een nieuwe fabriek in {city}.",
     "{company} investit en outre {money} dans une nouvelle usine à {city}.",
     "{company} is also investing {money} in a new plant in {city}."),
    ("De eerste fase kost {money} en start op {date}.",
     "La première phase coûte {money} et démarre le {date}.",
     "The first phase costs {money} and starts on {date}."),
    ("Elk van de {n} {things} ontvangt een steun van {keuro}.",
     "Chacun des {n} {things} reçoit un soutien de {keuro}.",
     "Each of the {n} {things} receives support of {keuro}."),
    ("Sinds {year} heeft {company} al {n} {things} begeleid.",
     "Depuis {year}, {company} a déjà accompagné {n} {things}.",
     "Since {year}, {company} has already supported {n} {things}."),
    ("In {year} bedroeg de omzet van de sector {money}, een groei van {pct}.",
     "En {year}, le chiffre d'affaires du secteur s'élevait à {money}, soit une croissance de {pct}.",
     "In {year}, the sector's turnover amounted to {money}, an increase of {pct}."),
    ("De infosessie begint om {time} in {city}.",
     "La séance d'information commence à {time} à {city}.",
     "The information session starts at {time} in {city}."),
    ("Kandidaten kunnen hun dossier indienen tot {date}.",
     "Les candidats peuvent introduire leur dossier jusqu'au {date}.",
     "Applicants can submit their application until {date}."),
    ("De oproep staat open voor {things} uit {city} en omgeving.",
     "L'appel est ouvert aux {things} de {city} et environs.",
     "The call is open to {things} from {city} and the surrounding area."),
    ("Dankzij {project} kunnen {big} {things} sneller worden geholpen.",
     "Grâce à {project}, {big} {things} pourront être aidés plus rapidement.",
     "Thanks to {project}, {big} {things} can be helped more quickly."),
    ("Met {n} vestigingen is {company} een van de grootste spelers in de {sector}.",
     "Avec {n} sites, {company} est l'un des principaux acteurs de {sector}.",
     "With {n} sites, {company} is one of the largest players in {sector}."),
]
LIST_ITEMS = [
    ("Meer dan {big} directe banen.", "Plus de {big} emplois directs.", "More than {big} direct jobs."),
    ("Een budget van {money}.", "Un budget de {money}.", "A budget of {money}."),
    ("{n} deelnemende {things}.", "{n} {things} participants.", "{n} participating {things}."),
    ("Een groei van {pct} per jaar.", "Une croissance de {pct} par an.", "Growth of {pct} a year."),
    ("Een looptijd van {years} jaar.", "Une durée de {years} ans.", "A duration of {years} years."),
]
QUOTES = [
    ("“Met deze {money} geven we de {sector} in {city} een echte duw,” zegt {person}, CEO van {company}.",
     "« Avec ces {money}, nous donnons un véritable coup de pouce à {sector} à {city} », déclare {person}, CEO de {company}.",
     "“With this {money}, we are giving {sector} in {city} a real boost,” says {person}, CEO of {company}."),
    ("“Onze {n} {things} werken al {years} jaar samen,” aldus {person}.",
     "« Nos {n} {things} collaborent depuis {years} ans », explique {person}.",
     "“Our {n} {things} have been working together for {years} years,” says {person}."),
]
ABOUT = [
    ("{company} werd opgericht in {year} en telt vandaag {big} medewerkers in {n} landen.",
     "{company} a été fondée en {year} et compte aujourd'hui {big} collaborateurs dans {n} pays.",
     "{company} was founded in {year} and today employs {big} people in {n} countries."),
]

def _fill(template: tuple[str, str, str], values: Values, fixed: dict[str, tuple[str, str, str]]) -> tuple[str, ...]:
    """One sentence in the three languages, every slot filled the same way in each."""
    slots = dict(fixed)
    for name, make in (("n", lambda: values.count()), ("years", lambda: values.count(2, 12)),
                       ("big", values.thousands), ("money", values.millions), ("keuro", values.thousand_euros),
                       ("pct", values.percent), ("date", lambda: values.date(values.rng.randint(2024, 2027))),
                       ("year", lambda: (str(values.rng.randint(1995, 2023)),) * 3), ("time", values.time),
                       ("city", lambda: values.pick(CITIES)), ("things", lambda: values.pick(THINGS))):
        if "{" + name + "}" in "".join(template) and name not in fixed:
            slots[name] = make()
    out = []
    for index, text in enumerate(template):
        out.append(text.format(**{name: value[index] for name, value in slots.items()}))
    return tuple(out)


def release_texts(index: int) -> dict[str, str]:
    """The three versions of release number `index` (deterministic)."""
    rng = random.Random(index * 7919 + 13)
    values = Values(rng)
    company, company2 = rng.sample(COMPANIES, 2)
    region = rng.choice(REGIONS)
    sector = rng.choice(SECTORS)
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    fixed = {
        "company": (company,) * 3, "company2": (company2,) * 3, "project": (rng.choice(PROJECTS),) * 3,
        "person": (person,) * 3, "sector": sector,
        "region": region, "Region": tuple(r[:1].upper() + r[1:] for r in region),
        "date": values.date(2024 + index % 3), "city": rng.choice(CITIES),
    }
    lines: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}

    def add(sentences: list[tuple[str, ...]], prefix: str = "", joiner: str = " ") -> None:
        for i, lang in enumerate(LANGUAGES):
            lines[lang].append(prefix + joiner.join(s[i] for s in sentences))

    add([_fill(rng.choice(HEADINGS), values, fixed)], prefix="# ")
    add([_fill(rng.choice(DATELINES), values, fixed)])
    body_fixed = {k: v for k, v in fixed.items() if k not in ("date", "city")}
    for _ in range(rng.randint(6, 9)):
        add([_fill(t, values, body_fixed) for t in rng.sample(BODY, rng.randint(2, 4))])
    items = [_fill(t, values, body_fixed) for t in rng.sample(LIST_ITEMS, rng.randint(3, 5))]
    for i, lang in enumerate(LANGUAGES):
        lines[lang].append("\n".join(f"- {item[i]}" for item in items))
    add([_fill(rng.choice(QUOTES), values, body_fixed)])
    add([_fill(ABOUT[0], values, body_fixed)])
    return {lang: "\n\n".join(lines[lang]) + "\n" for lang in LANGUAGES}


def write_corpus(root: Path, releases: int, first: int = 0) -> int:
    """Write releases `first` .. `first + releases - 1` under `root`; returns the files written."""
    files = 0
    for index in range(first, first + releases):
        directory = root / f"release-{index:05d}"
        directory.mkdir(parents=True, exist_ok=True)
        for lang, text in release_texts(index).items():
            (directory / f"{lang}.md").write_text(text, encoding="utf-8")
            files += 1
    return files


def distinct_sentences(root: Path) -> tuple[int, int]:
    """(sentences, distinct sentences) of the corpus under `root`, as the checker segments it."""
    from checker.records import SourceFile
    from checker.segment import build_document

    total, seen = 0, set()
    for path in sorted(root.glob("*/*.md")):
        document = build_document(path.parent.name, path.stem, SourceFile.from_text(str(path), path.read_text("utf-8")))
        for segment in document.segments:
            total += 1
            seen.add((path.stem, segment.text))
    return total, len(seen)
