"""The [checker] section: every key validated when it is read, each mistake one ConfigError with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import DEFAULT_LANGUAGES, KEYS, Config, ConfigError, Limits, load_config, parse_codes, parse_languages
from checker.records import Severity


def config_file(tmp_path: Path, body: str) -> Path:
    (tmp_path / ".git").mkdir(exist_ok=True)  # nothing above tmp_path is read
    path = tmp_path / "setup.cfg"
    path.write_text("[metadata]\nname = x\n\n[checker]\n" + body + "\n", encoding="utf-8")
    return path


def test_no_configuration_gives_the_defaults(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    config = load_config(tmp_path)
    assert config.languages == DEFAULT_LANGUAGES and config.limits == Limits()


def test_every_documented_key_is_accepted(tmp_path: Path) -> None:
    config_file(tmp_path, """\
languages = fr, en
source = fr
glossaries = terms/*.yaml
fail_on = warning
severity.NUM004 = off
severity.term001 = warning
model.fr-en = models/fr-en
model_dir = models
cache_dir = .cache
mt_backend = ctranslate2
mt_beam = 4
mt_batch_size = 8
mt_threads = 2
encoder = use
max_file_size = 512KB
max_segment_length = 5000
max_segments = 1000
max_term_length = 80
max_glossary_entries = 10""")
    config = load_config(tmp_path)
    assert config.languages == ("fr", "en") and config.fail_on is Severity.WARNING
    assert config.severities == {"NUM004": None, "TERM001": Severity.WARNING}
    assert config.limits == Limits(max_file_size=512 * 1024, max_segment_length=5000, max_segments=1000,
                                   max_term_length=80, max_glossary_entries=10)


@pytest.mark.parametrize("value, size", [("1048576", 1048576), ("10MB", 10 * 1024**2), ("2 mib", 2 * 1024**2), ("64k", 65536)])
def test_file_sizes_take_units(tmp_path: Path, value: str, size: int) -> None:
    config_file(tmp_path, f"max_file_size = {value}")
    assert load_config(tmp_path).limits.max_file_size == size


@pytest.mark.parametrize(
    "body, expected",
    [
        ("fial_on = warning", "setup.cfg:5: unknown key 'fial_on' in [checker] (did you mean 'fail_on'?)"),
        ("severty.NUM004 = off", "setup.cfg:5: unknown key 'severty.num004' in [checker] (did you mean 'severity.'?)"),
        ("languages = nl, fr\n\nmt_bean = 2", "setup.cfg:7: unknown key 'mt_bean' in [checker] (did you mean 'mt_beam'?)"),
        ("languages = nl, de", "setup.cfg:5: [checker] languages: language 'de' is not supported"),
        ("languages = ", "setup.cfg:5: [checker] languages is empty"),
        ("source = de", "setup.cfg:5: [checker] source = de is not one of languages = nl, fr, en"),
        ("mt_beam = 1.5", "setup.cfg:5: [checker] mt_beam = 1.5: must be a whole number of 1 or more"),
        ("mt_backend = magic", "[checker] mt_backend = magic: unknown backend"),
        ("glossaries = /srv/terms/*.yaml", "'/srv/terms/*.yaml' is an absolute path"),
        ("glossaries = ~/terms.yaml", "'~/terms.yaml' is an absolute path"),
        ("glossaries =", "[checker] glossaries: empty: give a glob"),
        ("severity.XYZ001 = off", "no check has the code XYZ001"),
        ("fail_on = never", "fail_on = never: must be error, warning or info"),
        ("model. = x", "unknown key 'model.'"),
        ("model.nl-nl = x", "'nl-nl' is not a language pair"),
        ("model_dir =", "[checker] model_dir: empty"),
        ("max_term_length = 0", "max_term_length = 0: must be a whole number of 1 or more"),
        ("max_file_size = 10 parsecs", "must be a size such as 10MB"),
    ],
)
def test_a_bad_setting_names_file_line_and_what_is_expected(tmp_path: Path, body: str, expected: str) -> None:
    config_file(tmp_path, body)
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert expected in str(caught.value)
    assert str(caught.value).startswith(str(tmp_path / "setup.cfg"))


def test_a_broken_file_is_one_config_error(tmp_path: Path) -> None:
    (tmp_path / "setup.cfg").write_text("[checker\nlanguages = nl\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="setup.cfg"):
        load_config(tmp_path, tmp_path / "setup.cfg")
    (tmp_path / "setup.cfg").write_bytes(b"[checker]\nsource = \xe9\n")
    with pytest.raises(ConfigError, match="not valid UTF-8"):
        load_config(tmp_path, tmp_path / "setup.cfg")


def test_every_key_has_a_description() -> None:
    assert all(description for description in KEYS.values())


@pytest.mark.parametrize(
    "value, expected",
    [("nl,fr", ("nl", "fr")), (" en , fr ", ("en", "fr")), ("nl\nfr\nen", ("nl", "fr", "en"))],
)
def test_languages_are_read_in_order(value: str, expected: tuple[str, ...]) -> None:
    assert parse_languages(value, "--languages") == expected


@pytest.mark.parametrize("value, expected", [("", "is empty"), ("nl", "at least two"), ("nl,xx", "'xx' is not supported"),
                                             ("en,fr,en", "en given twice")])
def test_bad_languages_are_refused(value: str, expected: str) -> None:
    with pytest.raises(ConfigError, match=expected):
        parse_languages(value, "--languages")


def test_check_codes_must_name_a_check() -> None:
    assert parse_codes(["NUM", "term001,DRIFT"], "--select") == ("NUM", "TERM001", "DRIFT")
    with pytest.raises(ConfigError, match="--select NUM0001: no check has this code"):
        parse_codes(["NUM0001"], "--select")


def test_an_absolute_glob_built_in_code_is_globbed(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("terms: []\n", encoding="utf-8")
    config = Config(glossary_patterns=(str(tmp_path / "*.yaml"),), root=Path("/nonexistent"))
    assert config.glossary_paths() == [tmp_path / "a.yaml"]
