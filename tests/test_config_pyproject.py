"""`[tool.checker]` in pyproject.toml: read like `[checker]`, validated with the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import ConfigError, load_config
from checker.records import Severity

GOOD = """[project]
name = "releases"

[tool.checker]
languages = ["nl", "fr", "en"]
source = "nl"
fail_on = "warning"
max_segments = 5000
severity.NUM005 = "warning"
severity.NUM004 = "off"

[tool.checker.model]
"nl-en" = "models/opus-mt-nl-en"

[tool.other]
fial_on = "not ours"
"""


def write(tmp_path: Path, text: str, name: str = "pyproject.toml") -> Path:
    (tmp_path / ".git").mkdir(exist_ok=True)  # the repository root: the search stops here
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_kind_of_value_is_read_like_setup_cfg(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    config = load_config(tmp_path)
    assert config.path == path and config.root == tmp_path
    assert config.languages == ("nl", "fr", "en") and config.fail_on is Severity.WARNING
    assert config.limits.max_segments == 5000
    assert config.severities == {"NUM005": Severity.WARNING, "NUM004": None}
    assert config.settings["model.nl-en"] == "models/opus-mt-nl-en"


def test_a_pyproject_without_the_table_is_not_a_configuration(tmp_path: Path) -> None:
    write(tmp_path, "[project]\nname = 'x'\n")
    assert load_config(tmp_path).path is None


@pytest.mark.parametrize("text, message", [
    ("[tool.checker]\nfial_on = 'warning'\n", "pyproject.toml:2: unknown key 'fial_on' in [tool.checker] (did you mean 'fail_on'?)"),
    ("[tool.checker]\nlanguages = ['nl']\nfail_on = 'warn'\n", "pyproject.toml:2: [tool.checker] languages: at least two"),
    ("[tool.checker]\n\nfail_on = 'warn'\n", "pyproject.toml:3: [tool.checker] fail_on = warn: must be error, warning or info"),
    ("[tool.checker.severity]\n# reviewed\nNUM044 = 'off'\n", "pyproject.toml:3: [tool.checker] severity.num044 = off: no check has the code NUM044"),
    ("[tool.checker]\nseverity.NUM044 = 'off'\n", "pyproject.toml:2: [tool.checker] severity.num044 = off: no check has the code NUM044"),
    ("[tool.checker]\nmt_beam = 0\n", "pyproject.toml:2: [tool.checker] mt_beam = 0: must be a whole number"),
    ("[tool.checker]\nlanguages = [['nl']]\n", "[tool.checker] languages: expected a string, number or list of strings"),
    ("[tool.checker]\nfail_on = \n", "not valid TOML"),
    ("[tool]\nchecker = 3\n", "tool.checker must be a table"),
])
def test_a_mistake_names_the_file_and_the_line(tmp_path: Path, text: str, message: str) -> None:
    write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert message in str(caught.value)


def test_both_files_configuring_the_checker_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "[tool.checker]\nfail_on = 'info'\n")
    write(tmp_path, "[checker]\nfail_on = error\n", "setup.cfg")
    with pytest.raises(ConfigError, match="keep one"):
        load_config(tmp_path)


def test_a_setup_cfg_without_the_section_leaves_the_pyproject(tmp_path: Path) -> None:
    write(tmp_path, "[tool.checker]\nfail_on = 'info'\n")
    write(tmp_path, "[metadata]\nname = x\n", "setup.cfg")
    assert load_config(tmp_path / "corpus").fail_on is Severity.INFO


def test_the_check_command_reads_it(tmp_path: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    from checker.cli import main

    monkeypatch.chdir(tmp_path)
    write(tmp_path, "[tool.checker]\nlanguages = ['nl', 'fr']\nfial_on = 'x'\n")
    release = tmp_path / "corpus" / "r"
    release.mkdir(parents=True)
    result = CliRunner().invoke(main, ["check", "corpus", "--no-model"])
    assert result.exit_code == 2
    assert result.stderr == f"checker: error: {tmp_path / 'pyproject.toml'}:3: unknown key 'fial_on' in [tool.checker] (did you mean 'fail_on'?)\n"
