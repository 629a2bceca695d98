"""A programmable news site on 127.0.0.1 for the live-input tests (feeds, pages, robots.txt, webhook).

``Site`` serves what a test puts in ``routes``: a path maps to a ``Route`` (status, body, headers,
an ETag honoured with 304, a delay to provoke timeouts, failures to serve before succeeding). It
records every request (method, path, headers, body) so a test can see what the client asked.
Nothing leaves the machine: the server binds 127.0.0.1 on a free port.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from xml.sax.saxutils import escape


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str = ""
    last_modified: str = ""
    delay: float = 0.0
    fail_first: int = 0  # answer 500 to this many requests first
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def _serve(self, method: str) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                with site._lock:
                    site.requests.append(Request(method, self.path, dict(self.headers), body))
                    route = site.routes.get(self.path)
                    failing = route is not None and route.fail_first > 0
                    if failing:
                        route.fail_first -= 1  # type: ignore[union-attr]
                if route is None:
                    self._answer(404, b"not found", "text/plain")
                    return
                if route.delay:
                    time.sleep(route.delay)
                if failing:
                    self._answer(500, b"server error", "text/plain")
                    return
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self._answer(304, b"", route.content_type, route)
                    return
                if route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified:
                    self._answer(304, b"", route.content_type, route)
                    return
                self._answer(route.status, route.body, route.content_type, route)

            def _answer(self, status: int, body: bytes, ctype: str, route: Route | None = None) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    if route is not None:
                        if route.etag:
                            self.send_header("ETag", route.etag)
                        if route.last_modified:
                            self.send_header("Last-Modified", route.last_modified)
                        for k, v in route.headers.items():
                            self.send_header(k, v)
                    if status != 304:
                        self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if status != 304:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
                    pass

            def do_GET(self) -> None:
                self._serve("GET")

            def do_POST(self) -> None:
                self._serve("POST")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str, method: str = "GET") -> int:
        return sum(1 for r in self.requests if r.path == path and r.method == method)

    def start(self) -> Site:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def news_page(title: str, paragraphs: list[str], published: str = "", byline_date: str = "") -> bytes:
    """A news page with the furniture real ones have: menu, share buttons, related links, footer."""
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    byline = f'<p class="byline">By Staff Reporter, {escape(byline_date)}</p>' if byline_date else ""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{escape(title)} | Test Courier</title>{meta}</head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav></header>"
        f"<main><article><h1>{escape(title)}</h1>{byline}"
        "<div class='share-buttons'><a href='#'>Share on Facebook</a> <a href='#'>Share on X</a></div>"
        f"<div class='article-body'>{body}</div>"
        "<aside class='related'><h2>Related</h2><ul><li><a href='/x'>Other story</a></li></ul></aside>"
        "</article></main><footer><p>Copyright Test Courier. All rights reserved.</p></footer></body></html>"
    ).encode()


def rss(items: list[tuple[str, str, str]], title: str = "Test Courier") -> bytes:
    """An RSS 2.0 feed of (link, title, RFC 2822 date) items."""
    parts = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link><pubDate>{escape(d)}</pubDate></item>"
        for link, t, d in items
    )
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>http://127.0.0.1/</link><description>test</description>{parts}</channel></rss>").encode()  # fmt: skip


def rfc2822(day: dt.date) -> str:
    return format_datetime(dt.datetime(day.year, day.month, day.day, 9, 0, tzinfo=dt.UTC))
