"""Make the README's picture of a notebook as JupyterLab shows it.

Runs the notebook on the sample, hides the inputs of its parameters and setup
cells (as an officer might), starts JupyterLab on a loopback port with no
token, opens the notebook in headless Chromium, saves a screenshot, crops it
and stops the server. Needs the ``workbook`` extra and Debian's ``chromium``.

    python scripts/screenshot_notebook.py [--notebook 02-ladder] [--out docs/images/workbook]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from PIL import Image

REPO = Path(__file__).resolve().parent.parent
WIDGET = "application/vnd.jupyter.widget-view+json"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def executed_copy(name: str, folder: Path) -> Path:
    """The notebook run on the sample, its progress bars (closed widgets) dropped."""
    notebook = nbformat.read(REPO / "notebooks" / f"{name}.ipynb", as_version=4)
    NotebookClient(notebook, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(REPO / "notebooks")}}).execute()
    code = [c for c in notebook.cells if c.cell_type == "code"]
    for cell in code:
        cell.outputs = [o for o in cell.outputs if WIDGET not in o.get("data", {})]
    for cell in code[:2]:  # the parameters and setup cells, folded
        cell.metadata.setdefault("jupyter", {})["source_hidden"] = True
    notebook.metadata.pop("widgets", None)
    target = folder / f"{name}.ipynb"
    nbformat.write(notebook, target)
    subprocess.run([sys.executable, "-m", "jupyter", "trust", str(target)], check=True,
                   capture_output=True)  # trusted: its tables' styles are kept
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notebook", default="02-ladder")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "images" / "workbook")
    parser.add_argument("--height", type=int, default=1650, help="crop to this many pixels")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="coprod-shot-"))
    settings = work / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(
        '{"fetchNews": "false", "checkForUpdates": false}')  # no news pop-up in the picture
    lab = work / "lab"
    lab.mkdir()
    executed_copy(args.notebook, lab)
    port = free_port()
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(work / "settings")}
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--allow-root", "--no-browser",
         "--ServerApp.token=", "--ServerApp.password=", "--ip=127.0.0.1", f"--port={port}",
         f"--ServerApp.root_dir={lab}"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api", timeout=2)
                break
            except OSError:
                time.sleep(1)
        shot = work / "shot.png"
        subprocess.run(
            ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-quic", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", f"--user-data-dir={work / 'c'}",
             "--window-size=1300,2400", "--virtual-time-budget=30000",
             f"--screenshot={shot}", f"http://127.0.0.1:{port}/doc/tree/{args.notebook}.ipynb"],
            check=True, capture_output=True, timeout=180)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"{args.notebook}.png"
    with Image.open(shot) as image:
        image.crop((0, 0, image.width, min(args.height, image.height))).save(target,
                                                                             optimize=True)
    shutil.rmtree(work, ignore_errors=True)
    print(target)


if __name__ == "__main__":
    main()
