"""The dashboard's files: every vendored library unmodified (hashes in VENDOR.md) with its licence,
and nothing in the page that would load from another host."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from riftwatch.serve.app import static_dir

STATIC = static_dir()
VENDOR = STATIC / "vendor"


def _manifest() -> dict[str, str]:
    text = (VENDOR / "VENDOR.md").read_text(encoding="utf-8")
    return {path.removeprefix("./"): digest for digest, path in re.findall(r"^([0-9a-f]{64})  (\S+)$", text, re.MULTILINE)}


def test_every_vendored_file_is_listed_with_its_hash() -> None:
    listed = _manifest()
    present = {p.relative_to(VENDOR).as_posix() for p in VENDOR.rglob("*") if p.is_file() and p.name != "VENDOR.md"}
    assert present == set(listed)
    for rel, digest in listed.items():
        assert hashlib.sha256((VENDOR / rel).read_bytes()).hexdigest() == digest, rel


@pytest.mark.parametrize("lib", ["leaflet", "uplot", "topojson-client", "world-atlas"])
def test_each_library_ships_its_licence(lib: str) -> None:
    assert "Copyright" in (VENDOR / lib / "LICENSE").read_text(encoding="utf-8")


def _ours() -> list[Path]:
    return [p for p in STATIC.rglob("*") if p.suffix in {".html", ".js", ".css"} and VENDOR not in p.parents]


def test_page_loads_only_from_this_server() -> None:
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    refs = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html)
    assert refs and all(r.startswith(("/static/", "data:")) for r in refs), refs
    for r in refs:
        if r.startswith("/static/"):
            assert (STATIC / r.removeprefix("/static/")).is_file(), r


@pytest.mark.parametrize("path", _ours(), ids=lambda p: p.name)
def test_our_scripts_and_styles_name_no_other_host(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    hosts = set(re.findall(r"https?://([^/\"'`\s)]+)", text)) - {"www.w3.org"}  # the SVG namespace name
    assert not hosts, hosts
    assert "@import" not in text
    for imp in re.findall(r"""from ["'](\.[^"']+)["']""", text):
        assert (path.parent / imp).is_file(), imp
