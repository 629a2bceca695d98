"""The dashboard end to end in headless Chromium (Debian's /usr/bin/chromium driven by Playwright),
served by a real uvicorn on 127.0.0.1: it loads with every request refused that does not go to
this server, every panel renders, a filter changes the map and the series, an evidence link opens
the article with its parts marked, and the page follows a process writing the store.

Screenshots go to the test's temporary folder, or to $RIFTWATCH_SCREENSHOTS when set.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Self
from urllib.parse import urlsplit

import pytest

from riftwatch.report.browser import find_chromium
from riftwatch.serve import create_app
from serve_store import ALL_PLACES, build_store

playwright = pytest.importorskip("playwright.sync_api", reason="playwright not installed (pip install -e '.[test]')")
uvicorn = pytest.importorskip("uvicorn")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(find_chromium() is None, reason="chromium not installed (make install-browser)"),
]

ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


class Server:
    """uvicorn serving ``create_app(store)`` on a free loopback port, in a thread."""

    def __init__(self, store: Path, **kw: Any) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = int(s.getsockname()[1])
        cfg = uvicorn.Config(create_app(store, **kw), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(cfg)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Self:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=find_chromium(), args=ARGS)
        yield b
        b.close()


class Page:
    """A page that refuses, and records, every request leaving 127.0.0.1, and records script errors."""

    def __init__(self, browser: Any, width: int = 1400, height: int = 1300) -> None:
        self.ctx = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.ctx.new_page()
        self.outside: list[str] = []
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.ctx.route("**/*", self._route)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def _route(self, route: Any) -> None:
        url = route.request.url
        self.requests.append(url)
        if urlsplit(url).hostname != "127.0.0.1":
            self.outside.append(url)
            route.abort()
        else:
            route.continue_()

    def loaded(self, times: int = 1) -> None:
        self.page.wait_for_function(f"() => Number(document.body.dataset.loaded || 0) >= {times}", timeout=30_000)


def shot(page: Any, tmp_path: Path, name: str) -> Path:
    folder = Path(os.environ.get("RIFTWATCH_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    page.screenshot(path=str(path), full_page=True)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return path


@pytest.fixture(scope="module")
def store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("browser") / "events.duckdb")


@pytest.fixture(scope="module")
def server(store_file: Path) -> Iterator[Server]:
    with Server(store_file) as s:
        yield s


def test_every_panel_renders_with_the_network_off(browser: Any, server: Server, tmp_path: Path) -> None:
    p = Page(browser)
    p.page.goto(server.url("/#coalition=RUS,IRN,SYR"))
    p.loaded()
    page = p.page
    page.wait_for_selector(".leaflet-overlay-pane path", state="attached")  # the country outlines
    assert page.locator(".leaflet-overlay-pane path").count() > 200
    assert page.locator("path.leaflet-interactive").count() == len(ALL_PLACES)  # one circle per place
    assert page.locator("#series canvas").count() >= 1
    assert page.locator("#dyad-select option").count() == 3
    assert page.locator("#network line.edge").count() == 3 and page.locator("#network line.edge.rift").count() >= 1
    alerts = page.locator("#alerts li.alert")
    assert alerts.count() == 2
    assert "IRN\u2013SYR:" in page.locator("#alerts").inner_text()
    assert page.locator("#events tbody tr").count() == 52
    shot(page, tmp_path, "serve-dashboard.png")
    assert p.errors == []
    assert p.outside == []  # nothing asked of any host but this server
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in p.requests) and len(p.requests) > 15


def test_a_filter_changes_the_map_and_the_series(browser: Any, server: Server, tmp_path: Path) -> None:
    p = Page(browser)
    page = p.page
    page.goto(server.url("/#coalition=RUS,IRN,SYR&dyad=IRN-SYR"))
    p.loaded()
    markers = page.locator("path.leaflet-interactive").count()
    option = page.locator("#dyad-select option:checked").inner_text()
    page.select_option("select[name=quad]", "3,4")
    page.click("#filters button[type=submit]")
    p.loaded(2)
    assert page.locator("path.leaflet-interactive").count() < markers
    after = page.locator("#dyad-select option:checked").inner_text()
    assert after.startswith("IRN\u2013SYR") and after != option
    assert "quad=3%2C4" in page.url or "quad=3,4" in page.url  # the filter is in the address
    assert "quad=3%2C4" in page.locator("#dl-csv").get_attribute("href")
    shot(page, tmp_path, "serve-filtered.png")
    # a bad parameter is named next to the filters, and the panels keep what they showed
    page.fill("input[name=dyad]", "IRN")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#filter-error:not([hidden])")
    assert "dyad" in page.locator("#filter-error").inner_text()
    assert page.locator("input[name=dyad].bad").count() == 1
    assert p.outside == []


def test_an_evidence_link_opens_the_article_with_its_parts_marked(browser: Any, server: Server, tmp_path: Path) -> None:
    p = Page(browser)
    page = p.page
    page.goto(server.url("/#article=rift-1"))
    p.loaded()
    page.click("#events a.open[data-event='rift-1-0-0']")
    page.wait_for_selector("#evidence[open] #ev-text mark")
    assert page.locator("#ev-title").inner_text().startswith("Allies at odds")
    marked = {m.get_attribute("data-kind"): m.inner_text() for m in page.locator("#ev-text mark").all()}
    assert marked == {"source": "Damascus", "trigger": "asked", "target": "Tehran", "date": "on Wednesday", "place": "Aleppo"}
    shot(page, tmp_path, "serve-evidence.png")
    # another event's trigger switches the marks to that event
    page.locator("#ev-text .other", has_text="rejected").click()
    assert page.locator("#ev-text mark.k-trigger").inner_text() == "rejected"
    assert page.locator("#ev-text mark.k-attribution").inner_text() == "officials said"
    page.click("#evidence .close button")
    assert page.locator("#evidence[open]").count() == 0
    # the alerts' evidence opens the article too
    page.goto(server.url("/#coalition=RUS,IRN,SYR"))  # only the fragment changes: no reload
    p.loaded(2)
    page.locator("#alerts details summary").first.click()
    page.locator("#alerts a.open").first.click()
    page.wait_for_selector("#evidence[open] #ev-text mark.k-trigger")
    assert p.outside == [] and p.errors == []


WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[2])
    from riftwatch.store.duck import Store
    from serve_store import RIFT_DAY, Spec, coded_article
    import time
    for attempt in range(200):  # the dashboard's requests hold the file for milliseconds
        try:
            store = Store(sys.argv[1])
            break
        except Exception as exc:
            if "locked" not in str(exc):
                raise
            time.sleep(0.05)
    store.write_many([coded_article("live-1", "Aid convoy reaches Damascus", RIFT_DAY, [
        ("Tehran sent an aid convoy to Damascus.",
         [Spec("sent", "AID", [("IRN GOV", "Tehran")], [("SYR GOV", "Damascus")], "Damascus")]),
    ])])
    print("written", flush=True)
    sys.stdin.read()  # hold the lock until the test says so
    store.close()
    """
)


def test_the_page_follows_a_writer(browser: Any, store_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "live.duckdb"
    path.write_bytes(store_file.read_bytes())
    with Server(path, lock_wait=0.2) as srv:
        p = Page(browser)
        page = p.page
        page.goto(srv.url("/?poll=300"))
        p.loaded()
        assert page.locator("#events-count").inner_text().endswith("of 52")
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(Path(__file__).parent)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            assert writer.stdout is not None and writer.stdout.readline().strip() == "written"
            # the writer still holds the file: the page says so and keeps what it shows
            page.wait_for_selector("#banner:not([hidden])", timeout=15_000)
            assert "being written by another process" in page.locator("#banner").inner_text()
            assert page.locator("#events tbody tr").count() == 52
            shot(page, tmp_path, "serve-busy.png")
        finally:
            assert writer.stdin is not None
            writer.stdin.close()
            writer.wait(timeout=60)
        page.wait_for_function("() => document.querySelector('#events-count').textContent.endsWith('of 53')", timeout=15_000)
        page.wait_for_selector("#banner", state="hidden", timeout=15_000)
        assert "aid convoy" in page.locator("#events tbody").inner_text()
        assert p.outside == []
