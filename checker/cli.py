"""Command-line interface: wires the pipeline stages together and owns the exit codes.

Exit codes: 0 no finding at or above the fail level, 1 findings at or above it,
2 the run could not be completed as asked (usage, configuration, unreadable input).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from checker import __version__

from checker.errors import EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT, CheckerGroup, InputError, echo_error, write_output

__all__ = ["EXIT_CLEAN", "EXIT_FINDINGS", "EXIT_INPUT", "InputError", "main"]


# Sub-commands that live in their own modules, loaded when used: `checker --help` and `check`
# import nothing they do not run. The one-line help is repeated here for the command list (a
# test keeps it equal to the command's own).
LAZY_COMMANDS = {
    "align": ("checker.commands.align", "align_command",
              "Align SOURCE_FILE with TARGET_FILE and print one bead per line: `[0]:[0, 1]`, `[13]:[]`."),
    "baseline": ("checker.commands.baseline", "baseline_group",
                 "Accepted findings: write a baseline so that `check --baseline` reports only new ones."),
    "cache": ("checker.commands.model", "cache_group", "The translation cache: what it holds, and emptying it."),
    "glossary": ("checker.commands.glossary", "glossary_group", "Import, lint and mine glossaries (glossaries/*.yaml)."),
    "model": ("checker.commands.model", "model_group",
              "Translation models: download Opus-MT models, convert them for CTranslate2, list what is available."),
}


class _LazyGroup(CheckerGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY_COMMANDS and name not in self.commands:
            import importlib

            module, attribute, _help = LAZY_COMMANDS[name]
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return super().get_command(ctx, name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from click.utils import make_default_short_help

        rows = []
        for name in self.list_commands(ctx):
            limit = formatter.width - 6 - max(len(n) for n in self.list_commands(ctx))
            if name in LAZY_COMMANDS and name not in self.commands:
                rows.append((name, make_default_short_help(LAZY_COMMANDS[name][2], limit)))
            elif (command := self.get_command(ctx, name)) is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="checker")
def main() -> None:
    """Translation-consistency checker for NL/FR/EN press releases."""


# The report formats (checker.report.REPORTERS, named here so that the CLI starts without importing them).
FORMATS = ("text", "json", "github", "sarif", "junit", "html")


def _outputs(values: tuple[str, ...], output_format: str) -> tuple[list[tuple[str, Path]], bool]:
    """The (format, file) of each --output, and whether standard output still gets the report.

    `--output FILE` is today's form: the --format report goes there instead of standard output.
    `--output FORMAT=FILE` adds a file in that format, and standard output keeps its report.
    """
    outputs, plain = [], 0
    for value in values:
        name, sep, file = value.partition("=")
        if sep and name in FORMATS:
            if not file:
                raise InputError(f"--output {value}: give a file after '{name}='")
            outputs.append((name, Path(file)))
        else:
            plain += 1
            outputs.append((output_format, Path(value)))
    if plain > 1:
        raise InputError("--output FILE given more than once: name the format of the others (--output sarif=FILE)")
    seen: dict[Path, str] = {}
    for _name, file in outputs:
        if file.resolve() in seen:
            raise InputError(f"--output {file} named twice")
        seen[file.resolve()] = _name
        if file.is_dir():
            raise InputError(f"--output {file}: is a directory")
    return outputs, plain == 0


def _is_corpus_file(output: Path, corpus: Path, languages) -> bool:
    output = output.resolve()
    corpus = corpus.resolve()
    inside = output == corpus or corpus in output.parents
    if not inside:
        return False
    from checker.formats import family_of

    # Any layout's name (`pit_FR.docx`, `fr/pit.html`, `memory.tmx`) or a file already there.
    return output.exists() or family_of(output.suffix) is not None


@main.command("check")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--source", "source_lang", metavar="LANG", help="Source language (default: [checker] source, or the first language).")
@click.option("--languages", metavar="LIST", help="Comma-separated languages of every release (default: nl,fr,en or [checker] languages).")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--output", "-o", multiple=True, metavar="[FORMAT=]FILE",
              help="Write the report to FILE instead of standard output; FORMAT=FILE (repeatable, e.g. "
                   "sarif=results.sarif) writes that format to FILE too, next to the report on standard output.")
@click.option("--glossary", "glossary_files", multiple=True, type=click.Path(path_type=Path), metavar="FILE",
              help="Glossary to use in addition to the configured ones (repeatable).")
@click.option("--no-default-glossaries", is_flag=True, help="Use only the --glossary files, not the configured ones.")
@click.option("--model-dir", type=click.Path(path_type=Path, file_okay=False), help="Directory with one translation model per language pair.")
@click.option("--no-model", is_flag=True, help="Do not use a translation model even if one is available.")
@click.option("--backend", type=click.Choice(["auto", "transformers", "ctranslate2"]), default="auto", show_default=True,
              help="Translation engine.")
@click.option("--cache-dir", type=click.Path(path_type=Path, file_okay=False), help="Translation cache directory.")
@click.option("--select", multiple=True, metavar="CODE", help="Run only these checks (code or prefix, e.g. NUM).")
@click.option("--ignore", multiple=True, metavar="CODE", help="Skip these checks (code or prefix).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), help="Lowest severity that makes the exit code 1 (default: error).")
@click.option("--config", "config_file", type=click.Path(path_type=Path, dir_okay=False), help="setup.cfg to read [checker] from, or pyproject.toml to read [tool.checker] from (default: the nearest one).")
@click.option("--color/--no-color", default=None, help="Colour the text report (default: when writing to a terminal).")
@click.option("--baseline", "baseline_file", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
              help="Report only findings that are not in this baseline (`checker baseline write`).")
# `checker baseline write` runs this same command, so that a baseline is written from exactly the
# findings `check` would report with the same options.
@click.option("--write-baseline", type=click.Path(path_type=Path, dir_okay=False), hidden=True)
@click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
              help="Check releases in N processes (default: one per core; 1: in this process). "
                   "With a translation model, always 1.")
@click.option("--no-cache", is_flag=True,
              help="Check every release again instead of reusing the stored results of unchanged ones.")
@click.option("--since", "since", metavar="REV",
              help="Check only the releases whose files changed since the git revision REV (committed, staged, "
                   "edited or new); DRIFT001 still compares every release.")
def check_command(path: Path, source_lang, languages, output_format, output, glossary_files, no_default_glossaries,
                  model_dir, no_model, backend, cache_dir, select, ignore, fail_on, config_file, color,
                  baseline_file=None, write_baseline=None, jobs=None, no_cache=False, since=None) -> None:
    """Check every release under PATH (a corpus directory or one release directory)."""
    from dataclasses import replace

    from checker.config import load_config, parse_codes, parse_languages
    from checker.pipeline import run_check, selected_checks
    from checker.records import Severity
    from checker.report import REPORTERS

    # A ConfigError from here on is shown by the error layer (checker.errors): one line, exit 2.
    config = load_config(path, config_file)
    if languages is not None:
        config = replace(config, languages=parse_languages(languages, "--languages"))
    # A code that names no check would silently turn the gate off.
    select, ignore = parse_codes(select, "--select"), parse_codes(ignore, "--ignore")
    source_lang = source_lang or (config.source if config.source in config.languages else config.languages[0])
    if source_lang not in config.languages:
        raise InputError(f"--source {source_lang} is not one of the languages ({', '.join(config.languages)})")
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    outputs, to_stdout = _outputs(output, output_format)
    for _name, file in outputs:
        if _is_corpus_file(file, path, config.languages):
            raise InputError(f"--output {file} would overwrite a corpus file; the checker never writes into the corpus")
    if write_baseline is not None and _is_corpus_file(write_baseline, path, config.languages):
        raise InputError(f"-o {write_baseline} would overwrite a corpus file; the checker never writes into the corpus")
    baseline = _read_baseline(baseline_file) if baseline_file is not None else None  # a bad file fails before the run

    glossary = _load_glossary(config, glossary_files, no_default_glossaries)
    only = _since(path, since, config, glossary_files) if since is not None else None
    service = None if no_model else _translation_service(config, model_dir, cache_dir, backend)
    encoder = None
    if not no_model:  # the encoder package (numpy with it) is imported only when it may run
        from checker.encoder import encoder_for_check

        encoder = encoder_for_check(config, str(cache_dir) if cache_dir else None)

    run = run_check(path, config, source_lang=source_lang, glossary=glossary, translation_service=service,
                    encoder=encoder, select=select, ignore=ignore, jobs=jobs or _cores(),
                    result_cache=None if no_cache else _result_cache(config, cache_dir),
                    # a report that shows the aligned sentences (the review page): the pairs are kept for it
                    keep_pairs=any(REPORTERS[name].needs_pairs
                                   for name in {name for name, _ in outputs} | ({output_format} if to_stdout else set())),
                    only_releases=only)
    from checker.suppress import settle_unused

    # The release step proposes SUP001 for comments that silenced nothing; only this run knows which
    # checks ran, so it decides which of them can be judged.
    run = replace(run, findings=settle_unused(run.findings, selected_checks(config, select, ignore),
                                              run.skipped, run.releases))
    for problem in run.input_problems:
        echo_error(str(problem))
    for note in run.notes:
        click.echo(f"checker: {note}", err=True)
    if run.skipped:
        click.echo(f"checker: skipped {'; '.join(run.skipped)}", err=True)
    if run.translation:
        click.echo(f"checker: {run.translation}", err=True)
    if run.encoder:
        click.echo(f"checker: {run.encoder}", err=True)
    if run.results:
        click.echo(f"checker: {run.results}", err=True)
    if write_baseline is not None:
        _write_baseline(write_baseline, run)
    if baseline is not None:
        from checker.baseline import apply_baseline

        accepted = apply_baseline(run.findings, baseline)
        run = replace(run, findings=accepted.new)
        click.echo(f"checker: {accepted.summary()}", err=True)

    scope = _run_scope(path, config, source_lang, only)
    for name, file in outputs:  # files first: a closed pipe on standard output must not lose them
        write_output(file, REPORTERS[name](color=bool(color), scope=scope).render(run), "--output")
    if to_stdout:
        use_color = color if color is not None else sys.stdout.isatty()
        click.echo(REPORTERS[output_format](color=use_color, scope=scope).render(run), nl=False)

    if run.input_problems:
        sys.exit(EXIT_INPUT)
    threshold = Severity(fail_on) if fail_on else config.fail_on
    failing = any(f.severity.rank >= threshold.rank for f in run.findings)
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


def _run_scope(path: Path, config, source_lang: str, only=None):
    """The releases and languages asked for, for the reporters that list clean ones too (junit)."""
    from checker.corpus import discover_releases
    from checker.report import RunScope

    directories, _problems = discover_releases(path, config.languages, layout=config.layout)  # the run's already
    return RunScope(releases=tuple(sorted(d.name for d in directories if only is None or d.name in only)),
                    source_lang=source_lang,
                    languages=tuple(config.languages))


def _since(path: Path, revision: str, config, glossary_files) -> frozenset[str]:
    """The releases changed since `revision` (`--since`), said in one line; exit 2 when git cannot tell."""
    from checker.corpus import discover_releases
    from checker.since import SinceError, changed_files, changed_releases

    try:
        files = changed_files(path, revision)
    except SinceError as error:
        raise InputError(str(error)) from None
    directories, _problems = discover_releases(path, config.languages, layout=config.layout)  # the run's
    shared = [p for p in [config.path, *config.glossary_paths(), *glossary_files] if p is not None]
    changed = changed_releases(directories, files, shared)
    why = f" ({changed.everything})" if changed.everything else ""
    click.echo(f"checker: since {revision}: {len(changed.releases)} of {len(directories)} "
               f"release{'' if len(directories) == 1 else 's'} changed{why}", err=True)
    return changed.releases


def _read_baseline(path: Path):
    from checker.baseline import Baseline, BaselineError

    try:
        return Baseline.read(path)
    except BaselineError as error:
        raise InputError(str(error)) from None


def _write_baseline(path: Path, run) -> None:
    """Write the run's findings as a baseline and stop: exit 0, or 2 when part of the corpus was unreadable."""
    from checker.baseline import baseline_json

    if run.input_problems:
        # A baseline of part of the corpus would accept too little, and hide nothing it should.
        raise InputError(f"baseline not written: {len(run.input_problems)} input problem(s) above")
    write_output(path, baseline_json(run.findings), "-o")
    click.echo(f"checker: baseline: {len(run.findings)} finding{'' if len(run.findings) == 1 else 's'} "
               f"written to {path}", err=True)
    sys.exit(EXIT_CLEAN)


def _result_cache(config, cache_dir: Path | None):
    """Stored results of unchanged releases, beside the translation cache (`cache_dir`)."""
    from checker.result_cache import ResultCache
    from checker.translate.models import default_cache_dir
    from checker.translate.service import settings_from_config

    return ResultCache.in_directory(cache_dir or settings_from_config(config).get("cache_dir") or default_cache_dir())


def _cores() -> int:
    """The cores this process may run on (a container's CPU set, not the host's)."""
    import os

    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _load_glossary(config, extra_files, no_default: bool):
    from checker.glossary import load_glossaries

    paths = [] if no_default else [p for p in config.glossary_paths() if p.exists() or not any(c in str(p) for c in "*?[")]
    paths += list(extra_files)
    unique: dict[Path, Path] = {}
    for path in paths:
        unique.setdefault(path.resolve(), path)  # a file named twice is loaded once
    paths = list(unique.values())
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: glossary not found")
    if not paths:
        return None
    # A GlossaryError is one line, exit 2; a --glossary entry replacing a configured one is said, once each.
    glossary = load_glossaries(paths, config.languages, limits=config.limits, overriding=list(extra_files))
    for line in glossary.overridden:
        click.echo(f"checker: {line}", err=True)
    return glossary


def _translation_service(config, model_dir, cache_dir, backend):
    from checker.translate.service import TranslationService, settings_from_config, terminal_progress

    return TranslationService.from_config(
        settings_from_config(config), model_dir=str(model_dir) if model_dir else None,
        cache_dir=str(cache_dir) if cache_dir else None, backend=backend, progress=terminal_progress,
    )


@main.command("checks")
@click.option("--verbose", "-v", is_flag=True, help="Print each check's full documentation.")
def checks_command(verbose: bool) -> None:
    """List every check with its code, category, default severity and documentation."""
    from checker.checks.registry import all_checks

    for spec in all_checks():
        needs = " (needs a translation model)" if spec.needs_model else (" (needs a glossary)" if spec.needs_glossary else "")
        click.echo(f"{spec.code}  {spec.category:<9} {spec.severity.value:<8} {spec.name}: {spec.summary}{needs}")
        if verbose:
            click.echo("")
            click.echo("\n".join("    " + line if line else "" for line in spec.documentation.splitlines()[1:]).strip("\n"))
            click.echo("")


@main.command("explain")
@click.argument("code")
def explain_command(code: str) -> None:
    """Print the documentation of one check (e.g. `checker explain NUM001`)."""
    from checker.checks.registry import REGISTRY, all_checks

    all_checks()
    spec = REGISTRY.get(code.upper())
    if spec is None:
        raise InputError(f"unknown check {code}; `checker checks` lists them")
    click.echo(f"{spec.code} ({spec.name}) — category {spec.category}, default severity {spec.severity.value}")
    click.echo("")
    click.echo(spec.documentation)


