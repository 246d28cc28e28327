"""Helpers for the real-browser tests: a private JupyterLab server and Debian's Chromium."""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import psutil

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_or_skip() -> str:
    """Returns the chromium binary; skips the test without it (fails under CI)."""
    from tests.conftest import skip_without_chromium

    return skip_without_chromium()


def free_port() -> int:
    """Returns a free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Lab:
    """A running JupyterLab: where it is and its token; `root` is the folder it serves, or one
    folder inside it (`prefix`, that folder's path from the served one, ending in "/")."""

    url: str
    token: str
    root: Path
    prefix: str = ""

    def notebook_url(self, name: str) -> str:
        """Returns the address that opens a notebook (its path from `root`) in JupyterLab."""
        return f"{self.url}/lab/tree/{self.prefix}{name}?token={self.token}&reset"

    def folder(self, path: str) -> Lab:
        """Returns the same server seen from one folder under `root` (`path`, "/"-separated)."""
        return Lab(self.url, self.token, self.root / path, f"{self.prefix}{path.strip('/')}/")


@contextmanager
def run_jupyterlab(root: Path, *, env: dict[str, str], log: Path) -> Iterator[Lab]:
    """Starts JupyterLab on 127.0.0.1 with a random port and token; stops it and its kernels.

    Args:
        root: The folder JupyterLab serves.
        env: Extra environment for the server and its kernels.
        log: Where the server's output goes.

    Yields:
        The running server.
    """
    port, token = free_port(), secrets.token_hex(16)
    settings = root.parent / "lab-settings"
    notification = (
        settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    )
    notification.parent.mkdir(parents=True, exist_ok=True)
    notification.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    # Render every cell (no windowing), so prompts and charts of off-screen cells exist.
    tracker = settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True, exist_ok=True)
    tracker.write_text(json.dumps({"windowingMode": "none"}))
    command = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        f"--LabApp.user_settings_dir={settings}",
        f"--LabApp.workspaces_dir={root.parent / 'lab-workspaces'}",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    with log.open("w") as out:
        server = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **env}, cwd=root
        )
    lab = Lab(f"http://127.0.0.1:{port}", token, root)
    try:
        _wait_until_up(lab, server, log)
        yield lab
    finally:
        _stop(server)


def _wait_until_up(lab: Lab, server: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"JupyterLab exited early:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{lab.url}/api/status?token={lab.token}", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"JupyterLab did not start in {timeout} s:\n{log.read_text()[-3000:]}")


def _stop(server: subprocess.Popen) -> None:
    try:
        family = psutil.Process(server.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        family = []
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    for process in family:
        with suppress(psutil.NoSuchProcess):
            process.kill()
    psutil.wait_procs(family, timeout=10)


#: JavaScript: for every Plotly chart on the page, the pairs of rendered SVG text boxes that
#: overlap and the texts that stick out of the chart (clipped), with the chart's title and size.
LAYOUT_PROBLEMS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map((gd, i) => {
    const frame = gd.getBoundingClientRect();
    const texts = Array.from(gd.querySelectorAll('svg.main-svg text'))
        .filter(t => !t.closest('.hoverlayer') && t.textContent.trim() !== '')
        .map(t => ({text: t.textContent.trim().slice(0, 60), box: t.getBoundingClientRect(),
                    cls: (t.getAttribute('class') || '') + ' ' +
                         (t.parentNode.getAttribute('class') || '')}))
        .filter(t => t.box.width > 0 && t.box.height > 0);
    const overlaps = [];
    for (let a = 0; a < texts.length; a++) {
        for (let b = a + 1; b < texts.length; b++) {
            const p = texts[a].box, q = texts[b].box;
            const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
            const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
            if (w > 1 && h > 1) overlaps.push([texts[a].text, texts[b].text]);
        }
    }
    const clipped = texts.filter(t => t.box.left < frame.left - 1 || t.box.right > frame.right + 1
        || t.box.top < frame.top - 1 || t.box.bottom > frame.bottom + 1).map(t => t.text);
    const title = gd.querySelector('.gtitle');
    const cell = gd.closest('.jp-OutputArea-output') || gd.parentElement;
    return {index: i, title: title ? title.textContent : '', width: frame.width,
            height: frame.height, cellWidth: cell.getBoundingClientRect().width,
            texts: texts.length, overlaps, clipped};
})"""


#: JavaScript: the i-th Plotly chart as drawn on the page (its SVG layers, text where the browser
#: put it) rasterised to a PNG data URL, whatever its height in the notebook's scrolling panel.
CHART_PNG = """async (i) => {
    const gd = document.querySelectorAll('.js-plotly-plot')[i];
    const layers = Array.from(gd.querySelectorAll('svg.main-svg'));
    const {width, height} = layers[0].getBoundingClientRect();
    const canvas = document.createElement('canvas');
    canvas.width = width; canvas.height = height;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = 'white'; ctx.fillRect(0, 0, width, height);
    const defs = layers.map(svg => Array.from(svg.querySelectorAll('defs'))).flat();
    for (const svg of layers) {
        const copy = svg.cloneNode(true);
        copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
        defs.forEach(d => copy.insertBefore(d.cloneNode(true), copy.firstChild));
        const data = new XMLSerializer().serializeToString(copy);
        const img = new Image();
        await new Promise((ok, fail) => { img.onload = ok; img.onerror = fail;
            img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(data); });
        ctx.drawImage(img, 0, 0);
    }
    return canvas.toDataURL('image/png');
}"""
