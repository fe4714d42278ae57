"""`checker glossary import|lint|suggest`: bring terminology in, keep it sound, mine the corpus for more."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from checker.errors import EXIT_CLEAN, CheckerGroup, InputError, echo_warning, write_output
from checker.glossary import GlossaryError, load_glossaries
from checker.glossary.entries import Entry
from checker.glossary.writer import glossary_yaml

EXIT_PROBLEMS = 1
GlossaryInputError = InputError  # one error layer for every command (checker.errors)


def _config(start: Path):
    from checker.config import load_config

    return load_config(start)  # a ConfigError is shown by the error layer: one line, exit 2


def _languages(option: str | None, start: Path) -> tuple[str, ...]:
    if option is not None:
        from checker.config import parse_languages

        return parse_languages(option, "--languages")
    return tuple(_config(start).languages)


languages_option = click.option(
    "--languages", metavar="LANGS", help="Comma-separated language codes (default: [checker] languages, else nl,fr,en)."
)


@click.group("glossary", cls=CheckerGroup)
def glossary_group() -> None:
    """Import, lint and mine glossaries (glossaries/*.yaml)."""


@glossary_group.command("import")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
              help="Write the YAML here (default: standard output).")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@languages_option
def import_command(source: Path, output: Path | None, force: bool, languages: str | None) -> None:
    """Convert a TBX (TBX-Basic, TBX v3, IATE) or CSV glossary to the native YAML format.

    Deprecated, superseded and obsolete terms become `forbidden` forms. CSV: one column
    per language (`nl`, `fr-BE`, `English`...), optional `id`, `note` and `<lang> forbidden`
    columns, several forms in one cell separated by `|`.
    """
    from checker.glossary.importers import import_file
    from checker.glossary.loader import parse_entries

    langs = _languages(languages, source.parent)
    if not source.is_file():
        raise GlossaryInputError(f"{source}: no such file")
    if output is not None and output.exists() and not force:
        raise GlossaryInputError(f"{output} exists; pass --force to overwrite it")
    try:
        result = import_file(source, langs)
    except GlossaryError as error:
        raise GlossaryInputError(str(error)) from None
    except UnicodeDecodeError:
        raise GlossaryInputError(f"{source}: not valid UTF-8") from None
    for warning in result.warnings:
        echo_warning(warning)
    text = glossary_yaml(result.entries, langs, header=f"Imported from {source.name} by `checker glossary import`.")
    # What we write must load: check it with the same loader as `checker check`.
    try:
        parse_entries(text, str(output or "<output>"), langs)
    except GlossaryError as error:
        raise GlossaryInputError(f"the imported glossary does not validate: {error}") from None
    if output is None:
        click.echo(text, nl=False)
    else:
        write_output(output, text, "-o")
        click.echo(f"wrote {len(result.entries)} entries to {output}", err=True)


@glossary_group.command("lint")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--show-nested", is_flag=True, help="Also list names nested in longer names (informational).")
@languages_option
def lint_command(paths: tuple[Path, ...], show_nested: bool, languages: str | None) -> None:
    """Validate glossaries and report overlapping or contradictory entries.

    Exit status: 0 clean, 1 overlaps or contradictions, 2 a glossary that cannot be loaded.
    Without PATHS, lints the configured glossaries (default glossaries/*.yaml).
    """
    from checker.glossary.lint import lint_glossary

    config = _config(Path.cwd())
    langs = _languages(languages, Path.cwd())
    files = list(paths) or config.glossary_paths()
    if not files:
        raise GlossaryInputError("no glossary found (glossaries/*.yaml); pass the files to lint")
    try:
        glossary = load_glossaries(files, langs)
    except GlossaryError as error:
        raise GlossaryInputError(str(error)) from None
    issues = lint_glossary(glossary)
    failing = [i for i in issues if i.fails]
    for issue in issues:
        if issue.fails or show_nested:
            click.echo(str(issue))
    click.echo(f"{len(glossary)} entries in {len(files)} file(s): "
               f"{len(failing)} problem(s)" + ("" if show_nested else f", {len(issues) - len(failing)} nested name(s)"),
               err=True)
    sys.exit(EXIT_PROBLEMS if failing else EXIT_CLEAN)


@glossary_group.command("suggest")
@click.argument("corpus", type=click.Path(path_type=Path, file_okay=False))
@click.option("--min-count", default=2, show_default=True, help="Occurrences a source term needs to be suggested.")
@click.option("--all", "include_known", is_flag=True, help="Also suggest terms the glossaries already have.")
@click.option("--source", "source_lang", metavar="LANG", help="Source language (default: [checker] source).")
@click.option("--glossary", "glossary_files", multiple=True, type=click.Path(path_type=Path, dir_okay=False),
              metavar="FILE", help="Glossary whose terms are known already (repeatable; default: the configured ones).")
@languages_option
def suggest_command(corpus: Path, min_count: int, include_known: bool, source_lang: str | None,
                    glossary_files: tuple[Path, ...], languages: str | None) -> None:
    """Mine the aligned CORPUS for glossary entries and print them as YAML to review and paste.

    Candidates are recurring acronyms and their expansions (`Long Name (LN)`), capitalised
    multiword names and brands, with the rendering each gets in every target language.
    A comment above each entry gives the evidence; several renderings mean drift.
    """
    from checker.corpus import discover_releases, read_release
    from checker.glossary.mining import suggest
    from checker.pipeline import build_release_context
    from checker.segment import build_document

    config = _config(corpus)
    langs = _languages(languages, corpus)
    source_lang = source_lang or (config.source if config.source in langs else langs[0])
    releases, problems = discover_releases(corpus, list(langs))
    if not releases:
        raise GlossaryInputError("; ".join(str(p) for p in problems) or f"{corpus}: no release found")
    known = None
    if not include_known:
        paths = list(glossary_files) or [p for p in config.glossary_paths() if p.exists()]
        try:
            glossary = load_glossaries(paths, langs) if paths else None
        except GlossaryError as error:
            raise GlossaryInputError(str(error)) from None
        if glossary is not None:
            def known(text: str, lang: str) -> bool:
                # Known when a glossary name covers most of it (`Waalse Overheidsdienst Economie`).
                return any(2 * (m.end - m.start) >= len(text) for m in glossary.find(text, lang, overlapping=True))
    # Aligned as `check` aligns: the same provider picks each pair's similarity (encoder, else cognates).
    from checker.encoder import EncoderError, encoder_for_check
    from checker.translate.similarity import SimilarityProvider

    encoder = encoder_for_check(config)
    provider = SimilarityProvider(None if isinstance(encoder, EncoderError) else encoder)
    items = []
    for directory in releases:
        files, read_problems = read_release(directory, list(langs), corpus, config.limits.max_file_size)
        for problem in read_problems:
            echo_warning(str(problem))
        if source_lang not in files.files or len(files.files) < 2:
            continue
        documents = {lang: build_document(files.release, lang, src) for lang, src in files.files.items()}
        context = build_release_context(files.release, documents, source_lang, similarity=provider)
        items.extend((context.release, pair) for pairs in context.pairs.values() for pair in pairs)
    suggestions = suggest(items, known, min_count=min_count)
    entries, comments, used = [], {}, set()
    for s in suggestions:
        entry, comment = _entry(s, langs, used)
        entries.append(entry)
        comments[entry.id] = comment
    click.echo(glossary_yaml(entries, langs, header=f"Suggested by `checker glossary suggest {corpus}`: "
                                                   f"{len(entries)} candidate(s). Review before pasting.",
                             comments=comments), nl=False)


def _entry(suggestion, langs: tuple[str, ...], used: set[str]) -> tuple[Entry, str]:
    from checker.glossary.importers import _unique_id
    from checker.glossary.variants import is_acronym

    forms = {suggestion.source_lang: (suggestion.term,)}
    evidence = [f"{suggestion.count}× in {len(suggestion.releases)} release(s)"]
    for lang in langs:
        counts: Counter = suggestion.renderings.get(lang, Counter())
        if lang == suggestion.source_lang or not counts:
            continue
        forms[lang] = tuple(text for text, _ in counts.most_common())[:1]
        if len(counts) > 1:
            evidence.append(f"{lang} renderings differ: " + ", ".join(f"'{t}' {n}×" for t, n in counts.most_common()))
    brand = suggestion.kind == "acronym" or is_acronym(suggestion.term) or any(c.isupper() for c in suggestion.term[1:])
    entry = Entry(
        id=_unique_id(suggestion.term, used),
        forms=forms,
        case_sensitive=brand and len(suggestion.term.split()) == 1,
        label=suggestion.acronym,
    )
    missing = [lang for lang in langs if lang not in forms]
    if missing:
        evidence.append(f"no rendering found in {', '.join(missing)}")
    return entry, "; ".join(evidence)
