"""The review page as HTML text: self-contained, escaped, every finding on the page, built from the
pairs the run kept (also when they come from the result cache). Its behaviour in a browser is
tested in test_report_html_chromium.py."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.config import load_config
from checker.pipeline import run_check
from checker.report import REPORTERS, RunScope
from tests.test_cli_check import EN, FR, NL

# As Markdown writes it (escaped brackets, an entity, code): the sentence's text holds the tags.
HOSTILE_MD = '\\<script\\>alert("x")\\</script\\> &amp; &lt;img src=x onerror=alert(1)&gt; `"quoted"` \x07'
HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)> "quoted"'


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


@pytest.fixture
def corpus(make_corpus, tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return make_corpus({
        "2024-01-a": {"nl": NL, "fr": FR.replace("81 millions", "18 millions"),
                      "en": EN + f"\nThe minister added a sentence of her own to the English text: {HOSTILE_MD}.\n"},
        "2024-02-b": {"nl": NL, "fr": FR, "en": EN},
    })


def render(corpus: Path, **options) -> tuple[str, dict]:
    config = load_config(corpus, None)
    run = run_check(corpus, config, keep_pairs=True, **options)
    scope = RunScope(releases=("2024-01-a", "2024-02-b"), source_lang="nl", languages=("nl", "fr", "en"))
    return REPORTERS["html"](scope=scope).render(run), json.loads(REPORTERS["json"]().render(run))


def test_the_page_loads_nothing_and_runs_only_its_own_script(corpus: Path) -> None:
    page, _ = render(corpus)
    tags = parse(page)
    assert [tag for tag, _ in tags.tags].count("script") == 1
    assert not any(tag in ("link", "img", "iframe", "object", "embed") for tag, _ in tags.tags)
    assert not any(name in ("src", "srcset") for _, attrs in tags.tags for name in attrs)
    assert not any((attrs.get("href") or "#").split("#")[0] for _, attrs in tags.tags)  # in-page links only
    assert "default-src 'none'" in page  # and the browser is told so


def test_hostile_text_is_escaped(corpus: Path) -> None:
    page, report = render(corpus)
    assert any("<script>" in f["target"] for f in report["findings"])  # the finding carries it
    assert "<script>alert" not in page and "<img src=x" not in page and "\x07" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert HOSTILE in "".join(parse(page).text)  # shown as text


def test_every_finding_is_on_the_page_with_its_values(corpus: Path) -> None:
    page, report = render(corpus)
    findings = [attrs for tag, attrs in parse(page).tags if tag == "li" and "finding" in (attrs.get("class") or "")]
    on_page = sorted((a["data-code"], a["data-file"], int(a["data-line"]), int(a["data-column"])) for a in findings)
    assert on_page == sorted((f["code"], f["file"], f["line"], f["column"]) for f in report["findings"])
    assert {f["code"] for f in report["findings"]} >= {"NUM001", "OMI002"}
    assert all(a["data-row"] for a in findings)  # each sits in a row of aligned sentences
    assert "18 000 000 EUR" in page and "81 000 000 EUR" in page  # expected / found


def test_an_addition_stands_alone_in_its_row(corpus: Path) -> None:
    page, _ = render(corpus)
    alone = [attrs for tag, attrs in parse(page).tags if tag == "tr" and attrs.get("data-alone")]
    assert [a["data-alone"] for a in alone] == ["addition"]


def test_the_pairs_come_back_from_the_result_cache(corpus: Path, tmp_path: Path) -> None:
    from checker.result_cache import ResultCache

    def page_with(cache: ResultCache) -> str:
        page, _ = render(corpus, result_cache=cache)
        return page

    without_pairs = ResultCache(tmp_path / "results")
    run_check(corpus, load_config(corpus, None), result_cache=without_pairs)  # stored without the pairs
    fresh = page_with(ResultCache(tmp_path / "fresh"))
    assert page_with(without_pairs) == fresh  # checked again: the stored records had no pairs
    assert page_with(without_pairs) == fresh  # now read back, pairs and all
    assert without_pairs.hits >= 2


def test_html_by_the_command_line_next_to_the_terminal_report(corpus: Path, tmp_path: Path) -> None:
    review = tmp_path / "out" / "review.html"
    result = CliRunner().invoke(main, ["check", str(corpus), "--no-model", "--output", f"html={review}"])
    assert result.exit_code == 1, result.output
    assert "NUM001" in result.stdout  # the text report still on the terminal
    page = review.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "2024-01-a" in page and "2024-02-b" in page


def test_the_page_is_the_same_from_a_process_pool_and_drift_sits_in_its_row(make_corpus, tmp_path, monkeypatch) -> None:
    from tests.test_parallel_check import release

    monkeypatch.chdir(tmp_path)
    corpus = make_corpus({
        "2024-01-a": release("Public Service of Wallonia"),
        "2024-02-b": release("Walloon Public Service", amount="€18 million"),  # NUM001 and DRIFT001
        "2024-03-c": release("Public Service of Wallonia"),
    })
    config = load_config(corpus, None)
    pages = [REPORTERS["html"]().render(run_check(corpus, config, keep_pairs=True, jobs=jobs)) for jobs in (1, 2)]
    assert pages[0] == pages[1]  # the workers' pairs (their segments without the files' text) show the same
    drift = [attrs for tag, attrs in parse(pages[0]).tags if tag == "li" and attrs.get("data-code") == "DRIFT001"]
    assert drift and all(a["data-row"] for a in drift)
