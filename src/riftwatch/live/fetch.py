"""Polite HTTP: conditional requests, a rate limit per host, timeouts, retries with backoff, robots.txt.

``Fetcher.get`` returns a ``Page`` or raises ``FetchError`` naming the URL and the reason, so the
caller can report one failing feed or page and go on with the rest. Transport (connections,
TLS, redirects, decompression) is httpx's; what is ours is the manners:

* *robots.txt* is read once per site (``urllib.robotparser``) and obeyed, with its Crawl-delay.
  As RFC 9309 says: a robots.txt that is missing (4xx) allows everything; one that cannot be read
  (5xx, no answer) disallows everything until it can be.
* *Rate limit*: at least ``min_interval`` seconds (or the site's Crawl-delay) between two requests
  to one host, whatever asks for them.
* *Retries*: a timeout, a dropped connection, 429 or a 5xx is tried again ``retries`` times,
  waiting ``backoff`` seconds, then twice that, ... (a Retry-After of a few seconds is honoured).
* *Conditional requests*: the ETag and Last-Modified of the last answer go back as If-None-Match
  and If-Modified-Since; a 304 is a ``Page`` with ``not_modified``.
* A body over ``max_bytes`` is refused while it is read, not after.
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit

import httpx

from riftwatch import __version__
from riftwatch.errors import InputError

USER_AGENT = f"riftwatch/{__version__} (news event coder; polite: robots.txt, rate-limited)"
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER_S = 60.0
"""A Retry-After longer than this is not waited for: the URL fails this time, the run goes on."""


class FetchError(InputError):
    """A URL could not be fetched; ``where`` is the URL, ``reason`` why. ``transient`` when asking
    again later may well work (timeouts, 5xx, 429, an unreadable robots.txt)."""

    def __init__(self, where: str, reason: str, transient: bool = False) -> None:
        super().__init__(where, reason)
        self.transient = transient


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """How politely and how patiently to fetch."""

    timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0
    min_interval: float = 1.0
    max_bytes: int = 20_000_000
    user_agent: str = USER_AGENT
    robots: bool = True


@dataclass(frozen=True, slots=True)
class Page:
    """An answer: the body and what the next conditional request needs."""

    url: str
    final_url: str
    status: int
    content: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    retry_after: float = 0.0  # seconds the server asked us to wait (429/503 Retry-After)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def is_url(name: str) -> bool:
    """True for an http(s) URL (what ``run`` and ``follow`` fetch).

    >>> is_url("https://example.org/a"), is_url("notes/https.txt")
    (True, False)
    """
    return name.lower().startswith(("http://", "https://"))


def check_url(url: str, where: str) -> str:
    """``url`` if it is an http(s) URL with a host; InputError naming ``where`` otherwise."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(where, f"{url!r} is not an http(s) URL")
    return url.strip()


ROBOTS_TTL_S = 24 * 3600.0
"""robots.txt is read again after this long (RFC 9309 asks crawlers not to cache it for more than a day)."""


@dataclass
class _Host:
    next_at: float = 0.0
    robots: urllib.robotparser.RobotFileParser | None = None
    robots_error: str = ""
    robots_at: float = 0.0
    delay: float = 0.0


class Fetcher:
    """One HTTP client with per-host manners; use as a context manager (closes its connections).

    ``sleep`` and ``clock`` are injectable so tests can run backoff and rate limits without waiting.
    """

    def __init__(
        self,
        cfg: FetchConfig | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.cfg = cfg or FetchConfig()
        self._client = httpx.Client(
            timeout=self.cfg.timeout,
            follow_redirects=True,
            headers={"User-Agent": self.cfg.user_agent},
            transport=transport,
        )
        self._sleep = sleep
        self._clock = clock
        self._hosts: dict[str, _Host] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    # -- manners ------------------------------------------------------------------------------
    def _host(self, url: str) -> tuple[str, _Host]:
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        return origin, self._hosts.setdefault(origin, _Host())

    def _wait_turn(self, host: _Host) -> None:
        now = self._clock()
        if host.next_at > now:
            self._sleep(host.next_at - now)
        host.next_at = max(now, host.next_at) + max(self.cfg.min_interval, host.delay)

    def forget_failed_robots(self) -> None:
        """Ask again, at the next request, sites whose robots.txt could not be read (a new cycle)."""
        for host in self._hosts.values():
            host.robots_error = ""

    def _robots(self, origin: str, host: _Host) -> None:
        if (host.robots is not None and self._clock() - host.robots_at < ROBOTS_TTL_S) or host.robots_error:
            return
        host.robots_at = self._clock()
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            answer = self._request(origin + "/robots.txt", {}, host)
        except FetchError as exc:
            host.robots_error = f"robots.txt could not be read ({exc.reason}); not fetching from this site"
            return
        if answer.status >= 500 or answer.status == 429:
            host.robots_error = f"robots.txt answered HTTP {answer.status}; not fetching from this site"
            return
        if answer.status >= 400:
            parser.parse([])  # no robots.txt: everything allowed
        else:
            parser.parse(answer.content.decode("utf-8", errors="replace").splitlines())
        host.robots = parser
        delay = parser.crawl_delay(self.cfg.user_agent)
        host.delay = float(delay) if delay else 0.0

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets us fetch ``url`` (reads the site's robots.txt once)."""
        if not self.cfg.robots:
            return True
        origin, host = self._host(url)
        self._robots(origin, host)
        return host.robots is not None and host.robots.can_fetch(self.cfg.user_agent, url)

    # -- requests -----------------------------------------------------------------------------
    def get(self, url: str, etag: str = "", last_modified: str = "") -> Page:
        """GET ``url`` politely; FetchError with the reason when it cannot be had."""
        origin, host = self._host(url)
        if self.cfg.robots:
            self._robots(origin, host)
            if host.robots_error:
                raise FetchError(url, host.robots_error, transient=True)
            if host.robots is not None and not host.robots.can_fetch(self.cfg.user_agent, url):
                raise FetchError(url, "robots.txt disallows it; not fetched")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        page = self._request(url, headers, host)
        if page.status == 304 or 200 <= page.status < 300:
            return page
        raise FetchError(url, f"HTTP {page.status}", transient=page.status in RETRY_STATUS)

    def _request(self, url: str, headers: dict[str, str], host: _Host) -> Page:
        """One GET with retries; a Page for any final status, FetchError when nothing answered."""
        attempt = 0
        while True:
            self._wait_turn(host)
            try:
                page = self._once(url, headers)
            except (httpx.TimeoutException, httpx.TransportError) as exc:
                problem = "timed out" if isinstance(exc, httpx.TimeoutException) else f"connection failed ({exc})"
                if attempt >= self.cfg.retries:
                    tries = f" after {attempt + 1} tries" if attempt else ""
                    raise FetchError(url, problem + tries, transient=True) from exc
                wait = self.cfg.backoff * 2**attempt
            else:
                if page.status not in RETRY_STATUS or attempt >= self.cfg.retries:
                    return page
                wait = max(self.cfg.backoff * 2**attempt, page.retry_after)
                if wait > MAX_RETRY_AFTER_S:
                    return page
            attempt += 1
            self._sleep(wait)

    def _once(self, url: str, headers: dict[str, str]) -> Page:
        with self._client.stream("GET", url, headers=headers) as response:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > self.cfg.max_bytes:
                raise FetchError(url, f"too large: {int(declared):,} bytes > {self.cfg.max_bytes:,}")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > self.cfg.max_bytes:
                    raise FetchError(url, f"too large: over {self.cfg.max_bytes:,} bytes")
            return Page(
                url=url,
                final_url=str(response.url),
                status=response.status_code,
                content=bytes(body),
                content_type=response.headers.get("Content-Type", ""),
                etag=response.headers.get("ETag", ""),
                last_modified=response.headers.get("Last-Modified", ""),
                retry_after=_seconds(response.headers.get("Retry-After", "")),
            )


def _seconds(value: str) -> float:
    """A Retry-After given in seconds (an HTTP date is rare and read as 0: the backoff applies)."""
    value = value.strip()
    return float(value) if value.isdigit() else 0.0


def post_json(client_cfg: FetchConfig, url: str, payload: object, *, transport: httpx.BaseTransport | None = None) -> None:
    """POST ``payload`` as JSON to ``url`` (a webhook); FetchError when it is not accepted."""
    try:
        with httpx.Client(timeout=client_cfg.timeout, headers={"User-Agent": client_cfg.user_agent},
                          transport=transport) as client:  # fmt: skip
            response = client.post(url, json=payload)
    except httpx.HTTPError as exc:
        raise FetchError(url, f"webhook not reached: {exc}") from exc
    if not 200 <= response.status_code < 300:
        raise FetchError(url, f"webhook answered HTTP {response.status_code}")
