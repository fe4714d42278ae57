"""The review page in headless Chromium (Debian's `chromium`): each finding of the JSON report is
highlighted in the right row and column, the filters, the search and the keyboard do what they
say, and the documented screenshot command works.

Chromium runs the page's own script and `--dump-dom` returns the page as that script left it
(no debugging protocol): the starting view comes from the address (`review.html#sev=error`), and
the script writes what it shows into the page (`hidden`, `data-shown`, `data-current`).
Without Chromium the set-up installs it (`apt-get install chromium`, as root); only where that
cannot be done are these tests skipped, with the reason.
"""

from __future__ import annotations

import fcntl
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import REPO


def _script():
    spec = importlib.util.spec_from_file_location("review_page", REPO / "scripts" / "review_page.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


review_page = _script()


def _install_chromium() -> str | None:
    """Why Chromium cannot be had here, or None once it is on PATH."""
    if review_page.find_chromium():
        return None
    if shutil.which("apt-get") is None:
        return "no chromium on PATH and no apt-get to install it (install Chromium to run these tests)"
    if os.geteuid() != 0:
        return "no chromium on PATH; installing it needs root (apt-get install chromium)"
    with open("/tmp/checker-chromium-install.lock", "w") as lock:  # one installer among the test workers
        fcntl.flock(lock, fcntl.LOCK_EX)
        if review_page.find_chromium() is None:
            env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
            for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
                done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900)
                if done.returncode != 0:
                    return f"chromium could not be installed: {' '.join(command)}: {done.stderr.strip()[-300:]}"
    return None if review_page.find_chromium() else "apt-get installed no chromium binary"


@pytest.fixture(scope="module")
def chromium() -> None:
    reason = _install_chromium()
    if reason:
        pytest.skip(reason)


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: "Node | None") -> None:
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def walk(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.walk()

    def find(self, tag: str, **attrs: str) -> list["Node"]:
        return [n for n in self.walk() if n.tag == tag and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())]

    def text(self, skip: tuple[str, ...] = ()) -> str:
        out = []
        for child in self.children:
            if isinstance(child, str):
                out.append(child)
            elif not (child.classes & set(skip)):
                out.append(child.text(skip))
        return "".join(out)

    @property
    def hidden(self) -> bool:
        return "hidden" in self.attrs


class _Tree(HTMLParser):
    VOID = {"meta", "input", "br", "img", "link", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.at = Node("#document", {}, None)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.at)
        self.at.children.append(node)
        if tag not in self.VOID:
            self.at = node

    def handle_endtag(self, tag):
        node = self.at
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.at = node.parent

    def handle_data(self, data):
        self.at.children.append(data)


def dom(page: Path, fragment: str = "") -> Node:
    tree = _Tree()
    tree.feed(review_page.dump_dom(page, fragment))
    body = tree.root.find("body")[0]
    assert body.attrs.get("data-ready") == "1", "the page's script did not finish"
    return tree.root


@pytest.fixture(scope="module")
def page(tmp_path_factory, chromium) -> tuple[Path, dict]:
    work = tmp_path_factory.mktemp("review")
    os.environ.setdefault("XDG_CACHE_HOME", str(work / "cache"))
    corpus = review_page.demo_corpus(work)
    html = work / "review.html"
    done = review_page.review_page(corpus, html, "--output", f"json={work / 'report.json'}")
    assert done.returncode == 1, done.stderr
    return html, json.loads((work / "report.json").read_text(encoding="utf-8"))


def _finding_node(root: Node, finding: dict) -> Node:
    (node,) = root.find("li", data_code=finding["code"], data_file=finding["file"],
                        data_line=str(finding["line"]), data_column=str(finding["column"]))
    return node


def _marked(cell: Node, fid: str) -> str:
    return "".join(m.text() for m in cell.find("mark") if fid in m.attrs.get("data-f", "").split())


def test_every_finding_is_highlighted_in_its_row_and_columns(page) -> None:
    html, report = page
    root = dom(html)
    assert report["findings"] and {f["code"] for f in report["findings"]} == {"NUM001", "NUM002", "OMI002"}
    for finding in report["findings"]:
        node = _finding_node(root, finding)
        fid = node.attrs["id"]
        (row,) = root.find("tr", id=node.attrs["data-row"])
        assert node in row.walk()  # the finding is listed in its own row
        cells = {td.attrs["data-lang"]: td for td in row.find("td") if "lang" in td.classes}
        source, target = cells[finding["source_lang"]], cells[finding["target_lang"]]
        plain = {lang: cell.text(skip=("loc", "note")) for lang, cell in cells.items()}
        if finding["source"]:
            assert finding["source"] in plain[finding["source_lang"]]
        if finding["target"]:
            assert finding["target"] in plain[finding["target_lang"]]
        for cell, text, spans in ((source, finding["source"], finding["source_spans"]),
                                  (target, finding["target"], finding["target_spans"])):
            expected = "".join(text[a:b] for a, b in spans).replace(" ", "")
            if spans:
                assert _marked(cell, fid).replace(" ", "") == expected, (finding["code"], finding["message"])
        if not finding["source"]:  # an addition: alone in its row, the whole sentence marked
            assert row.attrs.get("data-alone") == "addition"
            assert _marked(target, fid) == finding["target"]
            assert all(not plain[lang].strip() for lang in cells if lang != finding["target_lang"])


def test_the_odd_one_out_is_said_in_every_version(page) -> None:
    html, report = page
    root = dom(html)
    (french,) = [f for f in report["findings"] if f["code"] == "NUM001" and f["lang"] == "fr"]
    node = _finding_node(root, french)
    assert "odd one out: FR; NL and EN agree" in node.text()
    (row,) = root.find("tr", id=node.attrs["data-row"])
    notes = {td.attrs["data-lang"]: [n.text() for n in td.find("span") if "note" in n.classes
                                     and node.attrs["id"] in n.attrs["data-f"].split()]
             for td in row.find("td") if "lang" in td.classes}
    assert notes == {"nl": ["agrees"], "fr": ["odd one out"], "en": ["agrees"]}


def _shown(root: Node) -> list[Node]:
    return [n for n in root.find("li") if "finding" in n.classes and not n.hidden]


@pytest.mark.parametrize("fragment, wanted", [
    ("", lambda f: True),
    ("sev=error", lambda f: f["severity"] == "error"),
    ("sev=warning,info", lambda f: f["severity"] != "error"),
    ("cat=omission", lambda f: f["category"] == "omission"),
    ("code=NUM001", lambda f: f["code"] == "NUM001"),
    ("lang=fr", lambda f: f["lang"] == "fr"),
    ("lang=en&code=NUM001,NUM002", lambda f: f["lang"] == "en" and f["code"] != "OMI002"),
    ("q=indirect", lambda f: "indirect" in f["source"] + f["target"] + f["message"]),
])
def test_filters_hide_and_show_the_findings_and_their_highlights(page, fragment, wanted) -> None:
    html, report = page
    root = dom(html, fragment)
    expected = sorted(f["message"] for f in report["findings"] if wanted(f))
    shown = _shown(root)
    assert sorted(next(p for p in n.find("p") if "msg" in p.classes).text() for n in shown) == expected
    assert root.find("body")[0].attrs["data-shown"] == str(len(expected))
    on = {n.attrs["id"] for n in shown}
    for mark in root.find("mark"):  # a highlight is lit exactly when one of its findings is shown
        lit = bool(set(mark.attrs["data-f"].split()) & on)
        assert ("off" not in mark.classes) == lit
    status = root.find("p", id="status")[0].text()
    assert status == f"{len(expected)} of {len(report['findings'])} findings shown"


def test_only_rows_with_findings_and_the_search_hide_rows(page) -> None:
    html, report = page
    everything = [r for r in dom(html).find("tr") if "row" in r.classes]
    assert not any(r.hidden for r in everything)
    rows = [r for r in dom(html, "only=1").find("tr") if "row" in r.classes and not r.hidden]
    assert len(rows) == len({(f["release"], f["source"], f["target"]) for f in report["findings"]}) < len(everything)
    found = [r for r in dom(html, "q=Walloon%20Recovery%20Plan").find("tr") if "row" in r.classes and not r.hidden]
    assert len(found) == 1 and "Walloon Recovery Plan" in found[0].text()


def test_keys_move_from_finding_to_finding_in_page_order(page) -> None:
    html, _ = page
    order = [n.attrs["id"] for n in _shown(dom(html))]
    assert len(order) >= 3
    for keys, at in (("j", 0), ("jj", 1), ("jjk", 0), ("nnp", 0), ("k", len(order) - 1), ("j" * (len(order) + 1), 0)):
        root = dom(html, f"keys={keys}")
        body = root.find("body")[0]
        assert body.attrs.get("data-current") == order[at], keys
        (current,) = [n for n in root.find("li") if "current" in n.classes]
        assert current.attrs["id"] == order[at] and current.attrs.get("aria-current") == "true"
    errors = [n.attrs["id"] for n in _shown(dom(html, "sev=warning"))]
    assert dom(html, "sev=warning&keys=j").find("body")[0].attrs["data-current"] == errors[0]


def test_accessible_markup(page) -> None:
    html, _ = page
    root = dom(html)
    assert root.find("html")[0].attrs.get("lang") == "en"
    assert len(root.find("h1")) == 1 and root.find("h2")
    for table in root.find("table"):
        assert table.find("caption") and table.find("th", scope="col")
    for box in root.find("input"):
        assert box.parent.tag == "label" or root.find("label", **{"for": box.attrs.get("id", "-")})
    assert {td.attrs.get("lang") for td in root.find("td") if "lang" in td.classes} == {"nl", "fr", "en"}


def test_the_documented_screenshot_command(tmp_path: Path, chromium) -> None:
    png = tmp_path / "review-page.png"
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "review_page.py"), "--png", str(png)],
                          capture_output=True, text=True, timeout=600,
                          env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert done.returncode == 0, done.stderr
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    assert "scripts/review_page.py" in (REPO / "README.md").read_text(encoding="utf-8")


def _first_pixel(png: bytes) -> tuple[int, int, int]:
    """The top-left pixel of an 8-bit RGB(A) PNG: whatever a first row's filter, its first pixel is stored as is."""
    import struct
    import zlib

    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    position, data, header = 8, b"", b""
    while position < len(png):
        (length,), kind = struct.unpack(">I", png[position:position + 4]), png[position + 4:position + 8]
        body = png[position + 8:position + 8 + length]
        header = body if kind == b"IHDR" else header
        data += body if kind == b"IDAT" else b""
        position += 12 + length
    assert header[8] == 8 and header[9] in (2, 6), "an 8-bit RGB or RGBA image"
    row = zlib.decompressobj().decompress(data, 8)
    return row[1], row[2], row[3]


def test_dark_mode_and_print(page, tmp_path: Path) -> None:
    html, _ = page
    light, dark = tmp_path / "light.png", tmp_path / "dark.png"
    review_page.screenshot(html, light, 800, 600)
    review_page.screenshot(html, dark, 800, 600, dark=True)
    assert sum(_first_pixel(light.read_bytes())) > 600 and sum(_first_pixel(dark.read_bytes())) < 150
    pdf = tmp_path / "review.pdf"
    review_page.print_pdf(html, pdf)
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 20_000

