"""Small files of each format, written by the tests: DOCX through python-docx, the rest as text."""

from __future__ import annotations

import html
import io
from typing import Sequence

from tests.conftest import write_file

# One release, as (kind, text) blocks per language; the equivalence test plants an error in it.
RELEASE = {
    "nl": [("heading", "Nieuw partnerschap voor celtherapie"),
           ("paragraph", "Het partnerschap telt 26 partners en beschikt over een budget van €81 miljoen."),
           ("paragraph", "De eerste resultaten worden in 2025 verwacht.")],
    "fr": [("heading", "Nouveau partenariat pour la thérapie cellulaire"),
           ("paragraph", "Le partenariat compte 26 partenaires et dispose d'un budget de 81 millions d'euros."),
           ("paragraph", "Les premiers résultats sont attendus en 2025.")],
    "en": [("heading", "New partnership for cell therapy"),
           ("paragraph", "The partnership has 26 partners and a budget of €81 million."),
           ("paragraph", "The first results are expected in 2025.")],
}


def planted(release: dict = RELEASE) -> dict:
    """The release with one number error: the French budget is 18 million, not 81."""
    out = {lang: list(blocks) for lang, blocks in release.items()}
    kind, text = out["fr"][1]
    out["fr"][1] = (kind, text.replace("81 millions", "18 millions"))
    return out


def markdown(blocks: Sequence[tuple[str, str]]) -> str:
    return "".join(("# " if kind == "heading" else "") + text + "\n\n" for kind, text in blocks)


def docx_bytes(blocks: Sequence[tuple[str, str]], *, table: Sequence[Sequence[str]] = ()) -> bytes:
    import docx

    document = docx.Document()
    for kind, text in blocks:
        if kind == "heading":
            document.add_heading(text, level=1)
        elif kind == "list_item":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def html_page(blocks: Sequence[tuple[str, str]], lang: str) -> str:
    body = "\n".join((f"<h1>{html.escape(t)}</h1>" if k == "heading" else f"<p>{html.escape(t)}</p>") for k, t in blocks)
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><title>x</title>\n<script>var partners = 99;</script>\n</head>\n'
            f'<body>\n<nav><a href="/">Home 2024</a></nav>\n<div id="cookie-consent">We use 7 cookies.</div>\n'
            f'<main>\n{body}\n</main>\n<footer>© 2024</footer>\n</body>\n</html>\n')


def xliff12(source: Sequence[tuple[str, str]], target: Sequence[tuple[str, str]] | None, src: str, tgt: str,
            states: Sequence[str] | None = None) -> str:
    units = []
    for i, (_kind, text) in enumerate(source):
        state = states[i] if states else "translated"
        t = "" if target is None or target[i] is None else target[i][1]
        units.append(f'      <trans-unit id="{i + 1}">\n        <source>{html.escape(text, quote=False)}</source>\n'
                     f'        <target state="{state}">{html.escape(t, quote=False)}</target>\n      </trans-unit>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            f'  <file source-language="{src}" target-language="{tgt}" datatype="plaintext" original="release.docx">\n'
            '    <body>\n' + "\n".join(units) + '\n    </body>\n  </file>\n</xliff>\n')


def xliff20(source: Sequence[tuple[str, str]], target: Sequence[tuple[str, str]], src: str, tgt: str) -> str:
    units = []
    for i, ((_k, s), (_k2, t)) in enumerate(zip(source, target)):
        units.append(f'    <unit id="u{i + 1}">\n      <segment state="final">\n'
                     f'        <source>{html.escape(s, quote=False)}</source>\n'
                     f'        <target>{html.escape(t, quote=False)}</target>\n      </segment>\n    </unit>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="{src}" trgLang="{tgt}">\n'
            '  <file id="f1">\n' + "\n".join(units) + '\n  </file>\n</xliff>\n')


def tmx(releases: dict[str, dict[str, Sequence[tuple[str, str]]]], srclang: str = "nl") -> str:
    units = []
    for release, versions in releases.items():
        langs = list(versions)
        for i in range(len(versions[langs[0]])):
            tuvs = "".join(f'\n      <tuv xml:lang="{lang.upper()}-BE"><seg>{html.escape(versions[lang][i][1], quote=False)}</seg></tuv>'
                           for lang in langs)
            units.append(f'    <tu tuid="{release}/{i + 1}">{tuvs}\n    </tu>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
            f'  <header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" '
            f'srclang="{srclang}" datatype="plaintext"/>\n  <body>\n' + "\n".join(units) + '\n  </body>\n</tmx>\n')


write = write_file  # the tests of each format call it as builders.write
