"""`check --jobs N` and a caller's executor give byte-identical reports to the in-process run."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.config import load_config
from checker.pipeline import run_check
from checker.report import REPORTERS
from tests.test_cli_check import EN, FR, NL

SPW = {"nl": "De Waalse Overheidsdienst (SPW) steunt het project.",
       "fr": "Le Service public de Wallonie (SPW) soutient le projet."}


def release(en_spw: str, *, amount: str = "€81 million", note: str = "") -> dict[str, str]:
    return {
        "nl": NL + "\n" + SPW["nl"] + "\n",
        "fr": FR + "\n" + SPW["fr"] + "\n",
        "en": EN.replace("€81 million", amount) + f"\nThe {en_spw} (SPW) supports the project.{note}\n",
    }


@pytest.fixture
def corpus(make_corpus, tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no setup.cfg, no glossaries: defaults
    releases = {
        "2024-01-a": release("Public Service of Wallonia"),
        "2024-02-b": release("Walloon Public Service", amount="€18 million"),  # NUM001 and DRIFT001
        "2024-03-c": release("Public Service of Wallonia"),
        # a reviewed drift finding, silenced in its file: the reduce step must still see the comment
        "2024-04-d": release("Walloon Public Service", note=" <!-- checker: ignore DRIFT001 -->"),
        "2024-05-e": release("Public Service of Wallonia"),
    }
    root = make_corpus(releases)
    (root / "2024-06-no-english").mkdir()
    (root / "2024-06-no-english" / "nl.md").write_text(NL, encoding="utf-8")  # an input problem
    return root


def check(corpus: Path, *options: str) -> str:
    # --no-cache: every run computes (a stored result would answer the second run whatever --jobs says).
    result = CliRunner().invoke(main, ["check", str(corpus), "--no-model", "--format", "json", "--no-cache", *options])
    assert result.exit_code == 2, result.output  # the release without English
    return result.stdout


def test_two_processes_give_the_same_json_as_one(corpus: Path, monkeypatch) -> None:
    import checker.pipeline

    ran_elsewhere = []  # whether each run's releases went through the process pool
    map_releases = checker.pipeline._map_releases

    def spy(*args, **kwargs):
        mapped, elsewhere = map_releases(*args, **kwargs)
        ran_elsewhere.append(elsewhere)
        return mapped, elsewhere

    monkeypatch.setattr(checker.pipeline, "_map_releases", spy)
    serial = check(corpus, "--jobs", "1")
    codes = sorted({(f["code"], f["release"]) for f in json.loads(serial)["findings"]})
    assert ("NUM001", "2024-02-b") in codes and ("DRIFT001", "2024-02-b") in codes
    assert ("DRIFT001", "2024-04-d") not in codes  # suppressed in its file
    assert json.loads(serial)["input_errors"]
    assert check(corpus, "--jobs", "2") == serial
    assert check(corpus, "--jobs", "3") == serial
    assert ran_elsewhere == [False, True, True]


def test_any_executor_can_run_the_map_step(corpus: Path) -> None:
    # A thread pool stands in for a Dask or Ray executor: only `Executor.submit` is used.
    config = load_config(corpus, None)
    serial = run_check(corpus, config, jobs=1)
    with ThreadPoolExecutor(max_workers=2) as executor:
        handed = run_check(corpus, config, executor=executor)
    render = REPORTERS["json"](color=False).render
    assert render(handed) == render(serial)
    assert (handed.releases, handed.sentences, handed.pairs) == (serial.releases, serial.sentences, serial.pairs)
    assert serial.releases == 6 and serial.pairs > 0


def test_without_a_process_pool_the_releases_are_checked_here(corpus: Path, monkeypatch) -> None:
    import concurrent.futures

    serial = check(corpus, "--jobs", "1")

    def no_pool(*args, **kwargs):
        raise PermissionError(13, "no semaphores here")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    assert check(corpus, "--jobs", "2") == serial


def test_a_release_returns_only_what_drift_reads(corpus: Path) -> None:
    """The map step sends back DRIFT001's compact part, not the release's pairs: memory stays flat."""
    from checker.checks.drift import DriftPair, DriftRelease
    from checker.corpus import discover_releases, read_release
    from checker.pipeline import selected_checks
    from checker.releases import ReleaseJob, check_release

    config = load_config(corpus, None)
    job = ReleaseJob(config=config, source_lang=config.source, checks=selected_checks(config), keep_for_corpus=True)
    directory = next(d for d in discover_releases(corpus, list(config.languages))[0] if d.name == "2024-02-b")
    record = check_release(job, read_release(directory, list(config.languages), corpus, config.limits.max_file_size)[0])
    assert record.pairs_by_lang == ()
    ((code, part),) = record.prepared
    assert code == "DRIFT001" and isinstance(part, DriftRelease) and part.pairs
    assert all(isinstance(mined.pair, DriftPair) for mined in part.pairs)


def test_a_drift_pair_locates_like_its_segments(tmp_path: Path) -> None:
    # A target sentence over two lines of its file, after a heading: line and column of every character.
    from checker.checks.drift import DriftPair, _positions
    from checker.records import SourceFile, locate
    from checker.segment import build_document

    text = "# Kop\n\nThe *Walloon*\n  Public Service of\nWallonia (SPW) helps. It   also funds BioWin.\n"
    document = build_document("r", "en", SourceFile.from_text("r/en.md", text))
    segments = document.segments[1:]
    pair = DriftPair("", " ".join(s.text for s in segments), "nl", "en", segments[0].index, segments[0].file,
                     _positions(segments))
    joined = len(pair.target_text)
    assert [pair.locate(i) for i in range(-1, joined + 2)] == [locate(segments, i) for i in range(-1, joined + 2)]


def test_releases_are_read_as_the_work_goes_not_all_first(make_corpus, tmp_path, monkeypatch) -> None:
    """Memory stays flat in the number of releases: the main process reads a release only when a
    task is about to take it, so at most a few chunks' texts are held at once."""
    import checker.pipeline
    from checker.pipeline import _CHUNK, _IN_FLIGHT_PER_WORKER

    monkeypatch.chdir(tmp_path)
    releases = 60
    root = make_corpus({f"2024-{i:03d}": release("Public Service of Wallonia") for i in range(releases)})
    read_release = checker.pipeline.read_release
    counts = {"read": 0, "done": 0, "ahead": 0}

    def counting_read(*args, **kwargs):
        counts["read"] += 1
        return read_release(*args, **kwargs)

    class LazyFuture:  # runs its task only when asked for the result, as a busy cluster would
        def __init__(self, fn, args):
            self.fn, self.args = fn, args

        def result(self):
            counts["ahead"] = max(counts["ahead"], counts["read"] - counts["done"])
            records = self.fn(*self.args)
            counts["done"] += len(records)
            return records

    class LazyExecutor:
        def submit(self, fn, *args):
            return LazyFuture(fn, args)

    monkeypatch.setattr(checker.pipeline, "read_release", counting_read)
    config = load_config(root, None)
    run = run_check(root, config, executor=LazyExecutor(), jobs=2)
    assert run.releases == releases and counts["done"] == releases
    assert counts["ahead"] <= (_IN_FLIGHT_PER_WORKER * 2 + 1) * _CHUNK < releases
    assert not [f for f in run.findings if f.code != "DRIFT001"]
