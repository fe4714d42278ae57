"""Bad settings and options: one line naming the file, line or option, exit 2, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "setting, expected",
    [
        # Before: KeyError traceback (exit 1).
        ("languages = nl, de", "setup.cfg:2: [checker] languages: language 'de' is not supported (supported: nl, fr, en)"),
        # Before: accepted silently (the defaults were used).
        ("languages =", "setup.cfg:2: [checker] languages is empty"),
        ("languages = nl", "at least two languages are needed"),
        ("languages = nl, fr, nl", "nl given twice"),
        # Before: ValueError traceback (exit 1), only once a model was found.
        ("mt_beam = lots", "setup.cfg:2: [checker] mt_beam = lots: must be a whole number of 1 or more"),
        ("mt_threads = 0", "mt_threads = 0: must be a whole number of 1 or more"),
        # Before: ValueError traceback.
        ("mt_backend = magic", "mt_backend = magic: unknown backend; choose auto, transformers, ctranslate2"),
        # Before: NotImplementedError traceback.
        ("glossaries = /etc/*.yaml", "'/etc/*.yaml' is an absolute path"),
        # Before: accepted silently, so the gate kept its default.
        ("fial_on = warning", "setup.cfg:2: unknown key 'fial_on' in [checker] (did you mean 'fail_on'?)"),
        ("severity.NUM999 = off", "no check has the code NUM999"),
        ("severity.NUM004 = loud", "must be error, warning, info or off"),
        ("model.nlen = models/x", "'nlen' is not a language pair"),
        ("max_file_size = lots", "max_file_size = lots: must be a size such as 10MB"),
        ("max_segments = -3", "max_segments = -3: must be a whole number of 1 or more"),
    ],
)
def test_a_bad_setting_is_one_line_with_file_and_line(repo, one_error, setting: str, expected: str) -> None:
    repo.config(setting)
    one_error(repo.run("check", "corpus", "--no-model"), expected)


def test_the_line_of_an_unknown_key_is_its_own(repo, one_error) -> None:
    repo.config("languages = nl, fr, en\nsource = nl\n\n# a comment\nfail_onn = warning")
    one_error(repo.run("check", "corpus", "--no-model"), "setup.cfg:6: unknown key 'fail_onn'")


@pytest.mark.parametrize(
    "args, expected",
    [
        # Before: ran no check at all and exited 0.
        (["--select", "BOGUS"], "--select BOGUS: no check has this code"),
        (["--ignore", "NUM", "--ignore", "NUMX"], "--ignore NUMX: no check has this code"),
        (["--select", "NUM00"], ""),  # a prefix naming checks is fine: exit 0 below
        # Before: KeyError traceback.
        (["--languages", "nl,de"], "--languages: language 'de' is not supported"),
        (["--languages", ","], "--languages is empty"),
        # click's own usage errors were four lines; now one.
        (["--format", "xml"], "Invalid value for '--format'"),
        (["--fail-on", "never"], "Invalid value for '--fail-on'"),
    ],
)
def test_a_bad_option_is_one_line(repo, one_error, args: list[str], expected: str) -> None:
    result = repo.run("check", "corpus", "--no-model", *args)
    if expected:
        one_error(result, expected)
    else:
        assert result.returncode == 0, result


def test_a_full_disk_on_standard_output_is_one_line(repo, one_error) -> None:
    # Before: an OSError traceback (exit 1).
    with open("/dev/full", "wb") as full:
        result = repo.run("check", "corpus", "--no-model", stdout=full.fileno())
    one_error(result, "cannot write to standard output: No space left on device")


def test_a_full_disk_for_the_report_file_is_one_line(repo, one_error) -> None:
    one_error(repo.run("check", "corpus", "--no-model", "--output", "/dev/full"), "--output /dev/full: No space left")


def test_a_closed_pipe_stays_quiet(repo) -> None:
    repo.release("b", {lang: text * 400 for lang, text in {
        "nl": "Het project telt 26 partners.\n\n", "fr": "Le projet compte 62 partenaires.\n\n",
        "en": "The project has 26 partners.\n\n"}.items()})
    reader = subprocess.Popen(
        [sys.executable, "-m", "checker", "check", "corpus", "--no-model", "--no-color"], cwd=repo.root,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1"},
    )
    reader.stdout.read(10)
    reader.stdout.close()  # like `| head -c 10`
    stderr = reader.stderr.read().decode()
    reader.wait(timeout=120)  # a hang detector
    assert "Traceback" not in stderr and "Exception ignored" not in stderr
    assert not [line for line in stderr.splitlines() if line.startswith("checker: error:")]


@pytest.mark.parametrize("command", [["glossary", "lint"], ["model", "list"], ["cache", "info"]])
def test_every_command_reads_the_same_validated_configuration(repo, one_error, command: list[str]) -> None:
    repo.config("mt_beam = lots")
    one_error(repo.run(*command), "setup.cfg:2: [checker] mt_beam = lots")
