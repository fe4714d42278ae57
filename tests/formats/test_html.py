"""HTML: the visible article text, with the source's line and column."""

from __future__ import annotations

import pytest

from checker.formats.base import FormatError
from checker.formats.html import read_html

PAGE = """<!doctype html>
<html><head><title>Nieuws 2024</title><style>p { color: red }</style></head>
<body>
<header><nav><a href="/">Home</a> <a href="/2024">2024</a></nav></header>
<div class="cookie-banner">Wij gebruiken 3 cookies.</div>
<aside>Lees ook: 5 tips</aside>
<main>
<article><header><h1>Titel van het bericht</h1></header>
<p>Het project telt 26 partners.
Het budget is &euro;81&nbsp;miljoen.</p>
<p hidden>Verborgen 99.</p><p style="display:none">Ook 98.</p>
<ul><li>eerste punt<li>tweede punt</ul>
<table><tr><th>Partners<td>26<tr><td>Budget<td>81</table>
<script>var x = 12;</script>
<p>Contact<br>Jan Peeters</p>
</article></main><footer>© 2024 · 12 rue</footer></body></html>"""


def test_only_the_visible_article_text_is_read_with_source_positions() -> None:
    source = read_html(PAGE, "nl.html")
    assert [(b.kind, b.level, b.text) for b in source.blocks] == [
        ("heading", 1, "Titel van het bericht"),
        ("paragraph", 0, "Het project telt 26 partners. Het budget is €81\xa0miljoen."),
        ("list_item", 1, "eerste punt"), ("list_item", 1, "tweede punt"),
        ("table_row", 0, "Partners\n26"), ("table_row", 0, "Budget\n81"),
        ("paragraph", 0, "Contact\nJan Peeters"),
    ]
    paragraph = source.blocks[1]
    euro = paragraph.text.index("€")
    assert source.position(paragraph.offsets[euro]) == (10, 15)  # the `&euro;` in the source
    assert source.position(paragraph.offsets[paragraph.text.index("26")]) == (9, 21)  # `<p>Het project telt ` is 20 characters


def test_without_main_or_article_the_body_is_read_without_the_site_chrome() -> None:
    page = "<html><body><header>Menu 1</header><p>Het project telt 26 partners.</p><footer>2024</footer></body></html>"
    assert [b.text for b in read_html(page, "nl.html").blocks] == ["Het project telt 26 partners."]


@pytest.mark.parametrize("page", ["<html><body><nav>Home</nav><script>x = 1</script></body></html>", "<main>  </main>"])
def test_a_page_without_visible_text_is_one_problem(page: str) -> None:
    with pytest.raises(FormatError, match="has no visible text"):
        read_html(page, "nl.html")


def test_deep_nesting_is_read_without_recursion() -> None:
    page = "<main>" + "<div>" * 5000 + "<p>Het project telt 26 partners.</p>" + "</div>" * 5000 + "</main>"
    assert [b.text for b in read_html(page, "nl.html").blocks] == ["Het project telt 26 partners."]


def test_a_page_without_text_or_not_utf8_is_one_input_problem_and_the_rest_is_checked(tmp_path) -> None:
    import json

    from tests.formats import builders as b
    from tests.formats.conftest import run_check

    corpus = tmp_path / "corpus"
    for release in ("a", "b"):
        for lang, blocks in b.RELEASE.items():
            b.write(corpus / release / f"{lang}.html", b.html_page(blocks, lang))
    b.write(corpus / "a" / "fr.html", "<html><body><nav>Accueil</nav></body></html>")
    b.write(corpus / "b" / "en.html", "<p>Caf\u00e9 26</p>".encode("latin-1"))
    result = run_check(str(corpus), "--format", "json")
    assert result.exit_code == 2
    lines = sorted(line for line in result.stderr.splitlines() if "error:" in line)
    assert len(lines) == 2
    assert "a/fr.html: has no visible text in the page" in lines[0]
    assert "b/en.html: not valid UTF-8" in lines[1]
    assert json.loads(result.stdout)["summary"]["releases"] == 2
