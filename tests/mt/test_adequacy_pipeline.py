"""ADQ001 through the real pipeline: segmentation, MT-assisted alignment, translations indexed by segment."""

from __future__ import annotations

from checker.config import Config
from checker.pipeline import run_check
from checker.translate.service import TranslationService
from test_adequacy import RELEASE, WORDS

WRONG = "Parking in the city centre will be free on Sundays."


def test_check_reports_the_translation_that_says_something_else(tmp_path, dictionary_translator):
    rows = list(RELEASE)
    rows[6] = (rows[6][0], WRONG)
    release = tmp_path / "corpus" / "2025-05-01-stad"
    release.mkdir(parents=True)
    # One paragraph per sentence, so the line of a finding is easy to predict.
    (release / "nl.md").write_text("\n\n".join(s for s, _ in rows) + "\n", encoding="utf-8")
    (release / "en.md").write_text("\n\n".join(t for _, t in rows) + "\n", encoding="utf-8")
    translator = dictionary_translator("nl", "en", WORDS)
    service = TranslationService.from_translators([translator])

    run = run_check(tmp_path / "corpus", Config(languages=("nl", "en"), source="nl"), translation_service=service)

    assert not any("ADQ001" in line for line in run.skipped)
    adequacy = [f for f in run.findings if f.code == "ADQ001"]
    assert [(f.file.endswith("en.md"), f.line, f.target) for f in adequacy] == [(True, 13, WRONG)]
    assert adequacy[0].extra == (("machine translation", "the market moves to the square."),)
    assert translator.sentences_translated == len(rows)
