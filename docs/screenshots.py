"""Regenerate the README's screenshots of the HTML reports (docs/*.png).

Run from the repository: ``uv run python docs/screenshots.py``. Needs
Chromium (Debian: ``apt-get install chromium``). The reports are made from
the invented documents in ``examples/`` (diff) and ``tests/fixtures/map/``
(map), with the CLI as a user runs it, and loaded in headless Chromium.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.support.browser import Browser, find_chromium, is_blank  # noqa: E402

SHOTS = [
    # (picture, qualcli arguments, script to run before the picture)
    ("diff-report.png", ["diff", "examples/salon-reception-2016.txt", "examples/salon-reception-2019.txt"],
     "document.getElementById('u1').scrollIntoView()"),
    ("map-report.png", ["map", "tests/fixtures/map/salon-old.yaml", "tests/fixtures/map/salon-new.yaml"],
     "document.getElementById('legend').scrollIntoView(); document.querySelector('details[data-pair]').open = true"),
]  # fmt: skip


def main() -> None:
    binary = find_chromium()
    if binary is None:
        sys.exit("screenshots.py: no Chromium on PATH (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory() as folder, Browser(binary, width=1200, height=900) as browser:
        for picture, args, script in SHOTS:
            page_path = Path(folder) / picture.replace(".png", ".html")
            subprocess.run([sys.executable, "-m", "qualcli", *args, "--format", "html", "-o", str(page_path)],
                           cwd=REPO, check=True)  # fmt: skip
            page = browser.open(page_path)
            page.evaluate(script)
            page.evaluate("new Promise(done => requestAnimationFrame(() => setTimeout(done, 50)))")
            png = page.screenshot()
            if is_blank(png) or page.errors():
                sys.exit(f"screenshots.py: {picture}: blank page or errors {page.errors()}")
            (REPO / "docs" / picture).write_bytes(png)
            print(f"docs/{picture}")


if __name__ == "__main__":
    main()
