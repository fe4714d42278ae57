"""The result cache serves unchanged releases with the same report, and never a stale one."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from tests.test_parallel_check import corpus  # noqa: F401  (the fixture: findings, drift, a suppression)

GLOSSARY = """terms:
  - id: walloon-government
    nl: Waalse regering
    fr: gouvernement wallon
    en: {en}
"""


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    path = tmp_path / "terms.yaml"
    path.write_text(GLOSSARY.format(en="Walloon government"), encoding="utf-8")
    return path


def check(corpus: Path, cache: Path, glossary: Path, *options: str) -> tuple[str, tuple[int, int] | None]:
    result = CliRunner().invoke(main, ["check", str(corpus), "--no-model", "--format", "json", "--cache-dir",
                                       str(cache), "--glossary", str(glossary), *options])
    assert result.exit_code == 2, result.output  # the fixture's release without English
    served = re.search(r"results: (\d+) releases? checked, (\d+) from the cache", result.stderr)
    return result.stdout, (int(served.group(1)), int(served.group(2))) if served else None


def test_an_unchanged_corpus_is_served_from_the_cache_with_the_same_json(corpus: Path, tmp_path: Path,
                                                                         glossary: Path) -> None:
    cold, counts = check(corpus, tmp_path / "cache", glossary)
    assert counts == (6, 0)
    codes = {f["code"] for f in json.loads(cold)["findings"]}
    assert {"NUM001", "DRIFT001"} <= codes
    warm, counts = check(corpus, tmp_path / "cache", glossary)
    assert counts == (0, 6)
    assert warm == cold
    assert check(corpus, tmp_path / "cache", glossary, "--jobs", "2")[0] == cold
    uncached, counts = check(corpus, tmp_path / "other", glossary, "--no-cache")
    assert counts is None and uncached == cold


def test_one_changed_byte_recomputes_that_release_only(corpus: Path, tmp_path: Path, glossary: Path) -> None:
    check(corpus, tmp_path / "cache", glossary)
    english = corpus / "2024-03-c" / "en.md"
    english.write_text(english.read_text(encoding="utf-8").replace("€81 million", "€82 million"), encoding="utf-8")
    changed, counts = check(corpus, tmp_path / "cache", glossary)
    assert counts == (1, 5)
    assert changed == check(corpus, tmp_path / "fresh", glossary, "--no-cache")[0]
    assert any(f["code"] == "NUM001" and f["release"] == "2024-03-c" for f in json.loads(changed)["findings"])


def test_a_changed_drift_rendering_reaches_the_corpus_wide_findings(corpus: Path, tmp_path: Path,
                                                                    glossary: Path) -> None:
    before, _ = check(corpus, tmp_path / "cache", glossary)
    english = corpus / "2024-02-b" / "en.md"  # its drift is corrected: DRIFT001 must disappear there
    english.write_text(english.read_text(encoding="utf-8").replace("Walloon Public Service", "Public Service of Wallonia"),
                       encoding="utf-8")
    after, counts = check(corpus, tmp_path / "cache", glossary)
    assert counts == (1, 5)
    assert after == check(corpus, tmp_path / "fresh", glossary, "--no-cache")[0] != before


def test_a_changed_glossary_or_configuration_recomputes_every_release(corpus: Path, tmp_path: Path,
                                                                      glossary: Path) -> None:
    cold, _ = check(corpus, tmp_path / "cache", glossary)
    glossary.write_text(GLOSSARY.format(en="Government of Wallonia"), encoding="utf-8")
    changed, counts = check(corpus, tmp_path / "cache", glossary)
    assert counts == (6, 0)
    assert any(f["code"] == "TERM001" for f in json.loads(changed)["findings"]) and changed != cold
    (corpus / "setup.cfg").write_text("[checker]\nseverity.NUM001 = warning\n", encoding="utf-8")
    configured, counts = check(corpus, tmp_path / "cache", glossary)
    assert counts == (6, 0)
    assert {f["severity"] for f in json.loads(configured)["findings"] if f["code"] == "NUM001"} == {"warning"}


def test_cache_info_and_clear_cover_the_results(corpus: Path, tmp_path: Path, glossary: Path) -> None:
    check(corpus, tmp_path / "cache", glossary)
    info = CliRunner().invoke(main, ["cache", "info", "--cache-dir", str(tmp_path / "cache")])
    assert "check results: 7 stored" in info.output  # six releases and the corpus-wide findings
    cleared = CliRunner().invoke(main, ["cache", "clear", "--cache-dir", str(tmp_path / "cache")])
    assert "deleted 7 stored check results" in cleared.output
    assert check(corpus, tmp_path / "cache", glossary)[1] == (6, 0)


def test_a_cache_that_cannot_be_written_does_not_stop_the_check(corpus: Path, tmp_path: Path, glossary: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "results").write_text("a file where the results directory should be", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(corpus), "--no-model", "--format", "json", "--cache-dir",
                                       str(blocked), "--glossary", str(glossary)])
    assert result.exit_code == 2 and "results: 6 releases checked, 0 from the cache" in result.stderr
    assert "the result cache (" in result.stderr  # said once, in the skipped line
    report = result.stdout
    fresh = json.loads(check(corpus, tmp_path / "fresh", glossary, "--no-cache")[0])
    assert json.loads(report)["findings"] == fresh["findings"]


def test_a_release_whose_stored_pairs_are_gone_is_checked_again(corpus: Path, tmp_path: Path, glossary: Path) -> None:
    # The pairs DRIFT001 needs are stored apart from the findings; without them a stored release
    # cannot take part in a new DRIFT001 run, so it is checked again rather than left out.
    check(corpus, tmp_path / "cache", glossary)
    for part in (tmp_path / "cache" / "results").glob("*/*-corpus.pickle"):
        part.unlink()
    english = corpus / "2024-01-a" / "en.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nThe Walloon Public Service (SPW) helps.\n",
                       encoding="utf-8")
    changed, counts = check(corpus, tmp_path / "cache", glossary)
    assert counts == (6, 0)
    assert changed == check(corpus, tmp_path / "fresh", glossary, "--no-cache")[0]


class _Marker:
    """Leaves a file behind when it is unpickled: unpickling an entry runs code."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __setstate__(self, state: dict) -> None:
        Path(state["path"]).write_text("unpickled", encoding="utf-8")


def test_an_entry_this_user_did_not_write_is_never_unpickled(corpus: Path, tmp_path: Path, glossary: Path,
                                                              monkeypatch) -> None:
    # A pull request can point cache_dir into the repository and commit entries there: only
    # entries signed with the key in this user's own cache home are read.
    import pickle

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    check(corpus, tmp_path / "cache", glossary)
    assert (tmp_path / "home-cache" / "checker" / "result-cache.key").stat().st_mode & 0o077 == 0
    marker = tmp_path / "marker"
    forged = pickle.dumps(_Marker(str(marker)))
    entries = list((tmp_path / "cache" / "results").glob("*/*.pickle"))
    for entry in entries:
        entry.write_bytes(b"\0" * 32 + forged)  # a guessed signature
    again, counts = check(corpus, tmp_path / "cache", glossary)
    assert counts == (6, 0) and not marker.exists()
    assert again == check(corpus, tmp_path / "fresh", glossary, "--no-cache")[0]
