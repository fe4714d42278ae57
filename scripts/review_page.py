"""The review page of the README's example release, and its screenshot in headless Chromium.

    python scripts/review_page.py                      # docs/review-page.png (and /tmp's review.html)
    python scripts/review_page.py --html review.html --png shot.png [--width 1400 --height 1600] [--dark]

It copies `corpora/2024-01-17-atmp-pit` (and one clean release) into a temporary directory, puts
in the README's three mistakes (the French budget `18 M€`, the English `1.200` and `second`) and
one sentence added to the English version only, runs `checker check --no-model --format html`,
and has Debian's `chromium` (`apt-get install chromium`) draw the page. The same corpus and the
same Chromium calls serve the page's tests (`tests/test_report_html_chromium.py`).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RELEASE = "2024-01-17-atmp-pit"
CLEAN = "2024-05-14-biowin-medvia"
ADDED = "This sentence was added to the English version only, after the review."


def demo_corpus(root: Path) -> Path:
    """The example corpus under `root/corpora`: the README's mistakes, an addition, one clean release."""
    corpus = root / "corpora"
    for name in (RELEASE, CLEAN):
        shutil.copytree(REPO / "corpora" / name, corpus / name)
    fr = corpus / RELEASE / "fr.md"
    text = fr.read_text(encoding="utf-8")
    changed = re.sub(r"budget de 81(\s)M€", r"budget de 18\1M€", text)
    assert changed != text, "the French budget sentence changed: update scripts/review_page.py"
    fr.write_text(changed, encoding="utf-8")
    en = corpus / RELEASE / "en.md"
    text = en.read_text(encoding="utf-8")
    changed = (text.replace(" 1,200 indirect", " 1.200 indirect").replace("country third, second", "country second, second")
               .rstrip("\n") + f"\n\n{ADDED}\n")
    assert changed.count("1.200") and "country second, second" in changed, "the English example changed"
    en.write_text(changed, encoding="utf-8")
    return corpus


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _chromium(*arguments: str, timeout: int = 120) -> subprocess.CompletedProcess:
    binary = find_chromium()
    if binary is None:
        raise RuntimeError("no chromium on PATH (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="checker-chromium-") as profile:
        # --no-sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
        command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                   "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                   f"--user-data-dir={profile}", *arguments]
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, "TZ": "UTC"}, check=False)


def dump_dom(page: Path, fragment: str = "") -> str:
    """The page's DOM after its script ran, opened at `page#fragment` (the page's starting view)."""
    url = page.resolve().as_uri() + (f"#{fragment}" if fragment else "")
    done = _chromium("--dump-dom", url)
    if done.returncode != 0 or "<html" not in done.stdout:
        raise RuntimeError(f"chromium --dump-dom failed ({done.returncode}): {done.stderr[-2000:]}")
    return done.stdout


def screenshot(page: Path, png: Path, width: int = 1400, height: int = 1600, fragment: str = "",
               dark: bool = False) -> None:
    """A PNG of the page; `dark`: as a browser set to a dark colour scheme shows it."""
    url = page.resolve().as_uri() + (f"#{fragment}" if fragment else "")
    png.parent.mkdir(parents=True, exist_ok=True)
    scheme = ["--blink-settings=preferredColorScheme=0", "--force-dark-mode"] if dark else []
    done = _chromium(*scheme, f"--window-size={width},{height}", f"--screenshot={png.resolve()}", url)
    if done.returncode != 0 or not png.is_file():
        raise RuntimeError(f"chromium --screenshot failed ({done.returncode}): {done.stderr[-2000:]}")


def print_pdf(page: Path, pdf: Path) -> None:
    """The page as Chromium prints it (its print style: no controls, marks underlined)."""
    done = _chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf.resolve()}", page.resolve().as_uri())
    if done.returncode != 0 or not pdf.is_file():
        raise RuntimeError(f"chromium --print-to-pdf failed ({done.returncode}): {done.stderr[-2000:]}")


def review_page(corpus: Path, html: Path, *extra: str) -> subprocess.CompletedProcess:
    """`checker check CORPUS --no-model --format html -o HTML` with this working tree's checker."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "checker", "check", str(corpus), "--no-model", "--no-cache",
                           "--format", "html", "-o", str(html), *extra],
                          cwd=corpus.parent, env=env, capture_output=True, text=True, timeout=600)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--png", type=Path, default=REPO / "docs" / "review-page.png")
    parser.add_argument("--html", type=Path, help="keep the page here (default: a temporary file)")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1600)
    parser.add_argument("--dark", action="store_true", help="as a browser in dark mode shows it")
    parser.add_argument("--fragment", default="only=1",
                        help="the page's starting view (default: only the rows with findings; e.g. 'sev=error&keys=j')")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="checker-review-") as work:
        corpus = demo_corpus(Path(work))
        html = options.html or Path(work) / "review.html"
        done = review_page(corpus, html)
        if done.returncode not in (0, 1):
            sys.stderr.write(done.stderr)
            return 2
        screenshot(html, options.png, options.width, options.height, options.fragment, options.dark)
    print(f"{options.png}" + (f" ({options.html})" if options.html else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
