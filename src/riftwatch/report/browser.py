"""Headless Chromium: screenshots of the report (PNG charts) and checks that it renders offline."""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

from riftwatch.errors import RiftwatchError

log = logging.getLogger(__name__)

NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def find_chromium() -> str | None:
    """Path of a Chromium-family browser on PATH, or None."""
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    exe = find_chromium()
    if exe is None:
        raise RiftwatchError("chromium is not installed (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="riftwatch-chromium-") as profile:
        cmd = [
            exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            # no network: anything the page tried to fetch would fail instead of silently loading
            "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            f"--user-data-dir={profile}", *args,
        ]  # fmt: skip
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise RiftwatchError(f"chromium did not finish within {timeout:.0f} s") from exc


def screenshot(html: Path, png: Path, width: int = 1200, height: int = 2600, timeout: float = 90) -> Path:
    """Render ``html`` offline in headless Chromium and save a PNG of the page."""
    png.parent.mkdir(parents=True, exist_ok=True)
    done = _run(
        [f"--window-size={width},{height}", f"--screenshot={png.resolve()}", html.resolve().as_uri()], timeout
    )
    if not png.exists():
        raise RiftwatchError(f"chromium wrote no screenshot: {done.stderr.strip()[-500:]}")
    return png


def dump_dom(html: Path, timeout: float = 90) -> str:
    """The page's DOM after Chromium rendered it (to check what a browser really shows)."""
    done = _run(["--dump-dom", html.resolve().as_uri()], timeout)
    return done.stdout
