"""Bad input: one clear message, exit code 2, never a traceback, the rest still checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main

GOOD = {
    "nl": "# Titel\n\nHet project telt 26 partners.\n",
    "fr": "# Titre\n\nLe projet compte 26 partenaires.\n",
    "en": "# Title\n\nThe project has 26 partners.\n",
}


@pytest.fixture(autouse=True)
def _no_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def check(*args: str):
    result = CliRunner().invoke(main, ["check", *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


def test_path_that_does_not_exist(tmp_path: Path) -> None:
    result = check(str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert "nope: no such file or directory" in result.stderr


def test_directory_without_releases(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = check(str(tmp_path / "empty"))
    assert result.exit_code == 2
    assert "no release found" in result.stderr


def test_release_with_a_language_missing_is_reported_and_the_rest_checked(make_corpus) -> None:
    corpus = make_corpus({"a": dict(GOOD), "b": {"nl": GOOD["nl"], "fr": GOOD["fr"].replace("26", "62")}})
    result = check(str(corpus), "--no-color")
    assert result.exit_code == 2
    assert "release has no en version (expected en.md or en.txt)" in result.stderr
    assert "NUM001" in result.stdout  # release b's French was still compared


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "file is empty"),
        (b"  \n\n", "file is empty"),
        ("Le projet compte 26 partenaires à Liège.\n".encode("latin-1"), "not valid UTF-8 (byte 0xe0 at line 1)"),
        (b"\x00\x01\x02binary", "looks like a binary file"),
    ],
)
def test_unusable_files_get_one_message_naming_the_file(make_corpus, content: bytes, message: str) -> None:
    corpus = make_corpus({"a": dict(GOOD)})
    (corpus / "a" / "fr.md").write_bytes(content)
    result = check(str(corpus))
    assert result.exit_code == 2
    (line,) = [l for l in result.stderr.splitlines() if "fr.md" in l]
    assert message in line


def test_utf8_with_bom_and_crlf_is_fine(make_corpus) -> None:
    corpus = make_corpus({"a": dict(GOOD)})
    (corpus / "a" / "fr.md").write_bytes("\ufeff".encode() + GOOD["fr"].replace("\n", "\r\n").encode())
    result = check(str(corpus))
    assert result.exit_code == 0, result.output


def test_txt_versions_are_read_too(make_corpus) -> None:
    corpus = make_corpus({"a": {"nl": GOOD["nl"], "fr": GOOD["fr"]}})
    (corpus / "a" / "en.txt").write_text("Title\n\nThe project has 26 partners.\n", encoding="utf-8")
    assert check(str(corpus)).exit_code == 0


def test_two_versions_of_one_language_are_ambiguous(make_corpus) -> None:
    corpus = make_corpus({"a": dict(GOOD)})
    (corpus / "a" / "en.txt").write_text("The project has 26 partners.\n", encoding="utf-8")
    result = check(str(corpus))
    assert result.exit_code == 2 and "two en versions (en.md and en.txt)" in result.stderr


def test_broken_configuration_names_the_file(make_corpus, tmp_path: Path) -> None:
    corpus = make_corpus({"a": dict(GOOD)})
    (tmp_path / "setup.cfg").write_text("[checker]\nsource = de\n")
    result = check(str(corpus))
    assert result.exit_code == 2
    assert "setup.cfg" in result.stderr and "source = de" in result.stderr


def test_unknown_format_is_a_usage_error(make_corpus) -> None:
    corpus = make_corpus({"a": dict(GOOD)})
    assert check(str(corpus), "--format", "xml").exit_code == 2


# -- one error layer: every command shows a problem the same way, on one line, with exit code 2


@pytest.mark.parametrize(
    "args, expected",
    [
        (["check"], "checker: error: Missing argument 'PATH'."),
        (["check", ".", "--format", "xml"], "checker: error: Invalid value for '--format'"),
        (["explain", "NUM999"], "checker: error: unknown check NUM999"),
        (["align", "missing-a.txt", "missing-b.txt", "--presegmented"], "checker: error: missing-a.txt: cannot read"),
        (["model", "download", "nl"], "checker: error: not a language pair: 'nl'"),
        (["glossary", "import", "missing.tbx"], "checker: error: missing.tbx: no such file"),
        (["glossary", "lint", "--languages", "nl,xx"], "checker: error: --languages: language 'xx' is not supported"),
        (["no-such-command"], "checker: error: No such command 'no-such-command'."),
    ],
)
def test_every_command_reports_a_problem_in_the_same_one_line_form(args: list[str], expected: str) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    (line,) = result.stderr.splitlines()
    assert line.startswith(expected), line


def test_a_bad_setting_stops_every_command_the_same_way(tmp_path: Path) -> None:
    (tmp_path / "setup.cfg").write_text("[checker]\nmt_beam = lots\n")
    for args in (["check", "."], ["glossary", "lint"], ["model", "list"], ["cache", "info"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.splitlines() == [
            f"checker: error: {tmp_path / 'setup.cfg'}:2: [checker] mt_beam = lots: must be a whole number of 1 or more"
        ], args


def test_select_of_no_check_is_refused_rather_than_running_nothing(make_corpus) -> None:
    corpus = make_corpus({"a": dict(GOOD)})
    result = check(str(corpus), "--select", "BOGUS")
    assert result.exit_code == 2 and "--select BOGUS: no check has this code" in result.stderr


def test_a_report_file_that_cannot_be_written_is_one_line(make_corpus, tmp_path: Path) -> None:
    corpus = make_corpus({"a": dict(GOOD)})
    (tmp_path / "blocker").write_text("a file, not a directory")
    result = check(str(corpus), "--no-model", "--output", str(tmp_path / "blocker" / "report.txt"))
    assert result.exit_code == 2
    (line,) = [l for l in result.stderr.splitlines() if l.startswith("checker: error:")]
    assert line.startswith(f"checker: error: --output {tmp_path / 'blocker' / 'report.txt'}: ")
