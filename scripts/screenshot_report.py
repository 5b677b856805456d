"""Take the report's screenshots in docs/images/screenshots/ with headless Chromium.

Usage::

    coprod report --out reports && python scripts/screenshot_report.py reports/you-said-we-did.html

Chromium's headless window is at least 500 pixels wide, so the page is loaded in a
frame of the width wanted (390, a phone; 1280, a desktop) and the picture cropped.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

OUT = Path(__file__).resolve().parent.parent / "docs" / "images" / "screenshots"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]


def main(report: str) -> None:
    page = Path(report).resolve()
    for name, width, height in (("report-phone", 390, 3300), ("report-desktop", 1280, 2000)):
        with tempfile.TemporaryDirectory() as temp:
            frame = page.parent / f".frame-{width}.html"
            frame.write_text(f'<!DOCTYPE html><html><body style="margin:0"><iframe src='
                             f'"{page.name}" width="{width}" height="{height}" style="border:0;'
                             'display:block"></iframe></body></html>')
            shot = Path(temp) / "shot.png"
            subprocess.run(["chromium", *FLAGS, f"--user-data-dir={temp}/profile",
                            f"--window-size={max(width, 500)},{height}",
                            f"--screenshot={shot}", frame.as_uri()], check=True,
                           capture_output=True, timeout=180)
            frame.unlink()
            with Image.open(shot) as image:
                picture = image.crop((0, 0, width, height)).convert("RGB")
            picture.quantize(colors=128).save(OUT / f"{name}.png", optimize=True)


if __name__ == "__main__":
    main(sys.argv[1])
