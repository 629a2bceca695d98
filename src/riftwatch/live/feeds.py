"""Feeds: RSS and Atom read by feedparser, JSON Feed (jsonfeed.org) read here, and lists of feeds.

Each feed item becomes an ``Entry``: the link to its page, its title, its date as written, and
any text the feed carries (used when the page itself cannot be had as text).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from riftwatch.errors import InputError

from .fetch import check_url, is_url

_COMMENT = re.compile(r"(?:^|\s)#")


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a feed."""

    feed: str
    url: str
    title: str = ""
    published: str = ""  # as written; read with ``ingest.dates.parse_date``
    summary: str = ""  # text or HTML the feed gives for the item


def _looks_like_json_feed(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def parse_feed(data: bytes, feed_url: str) -> list[Entry]:
    """The entries of an RSS, Atom or JSON feed, in feed order; InputError when it is none of them.

    >>> rss = b'<rss version="2.0"><channel><title>T</title><item><title>Talks</title>'
    >>> rss += b'<link>https://news.example/a</link><pubDate>Fri, 13 May 2016 09:30:00 GMT</pubDate></item></channel></rss>'
    >>> [(e.url, e.title, e.published) for e in parse_feed(rss, "https://news.example/rss")]
    [('https://news.example/a', 'Talks', 'Fri, 13 May 2016 09:30:00 GMT')]
    """
    if _looks_like_json_feed(data):
        return _json_feed(data, feed_url)
    import feedparser

    parsed = feedparser.parse(data, sanitize_html=False)
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.get("version"):
            problem = parsed.get("bozo_exception")
            raise InputError(feed_url, f"not an RSS, Atom or JSON feed ({problem})")
        if not parsed.get("version"):
            raise InputError(feed_url, "not an RSS, Atom or JSON feed")
    entries = []
    for item in parsed.entries:
        link = _first(item.get("link"), *(lk.get("href") for lk in item.get("links", []) if isinstance(lk, dict)))
        if not link or not is_url(link):
            continue
        content = item.get("content") or []
        summary = _first(*(c.get("value") for c in content if isinstance(c, dict)), item.get("summary"))
        entries.append(
            Entry(
                feed=feed_url,
                url=link,
                title=" ".join(str(item.get("title") or "").split()),
                published=_date(item),
                summary=summary,
            )
        )
    return entries


def _date(item: Any) -> str:
    """The entry's date as written: published, else updated (asked only then: feedparser warns when
    code reads ``updated`` of an entry that has none)."""
    for key in ("published", "updated", "created"):
        if key in item.keys() and isinstance(item[key], str) and item[key].strip():  # noqa: SIM118 - FeedParserDict maps "in" and warns
            return str(item[key]).strip()
    return ""


def _first(*values: Any) -> str:
    for v in values:
        if isinstance(v, str) and v.strip():
            return v.strip()
    return ""


def _json_feed(data: bytes, feed_url: str) -> list[Entry]:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise InputError(feed_url, f"not a JSON feed: {exc}") from None
    if not isinstance(doc, dict) or "jsonfeed.org" not in str(doc.get("version", "")):
        raise InputError(feed_url, "a JSON document, but not a JSON Feed (no jsonfeed.org version)")
    items = doc.get("items")
    if not isinstance(items, list):
        raise InputError(feed_url, "a JSON Feed without an 'items' list")
    entries = []
    for item in items:
        if not isinstance(item, dict):
            continue
        link = _first(item.get("url"), item.get("external_url"), item.get("id"))
        if not is_url(link):
            continue
        entries.append(
            Entry(
                feed=feed_url,
                url=link,
                title=_first(item.get("title")),
                published=_first(item.get("date_published"), item.get("date_modified")),
                summary=_first(item.get("content_html"), item.get("content_text"), item.get("summary")),
            )
        )
    return entries


def feed_urls(names: Sequence[str]) -> list[str]:
    """Feed URLs from the command line: URLs as given, and files of URLs (one a line, # comments).

    Raises InputError naming the file and line of anything that is not an http(s) URL.
    """
    urls: list[str] = []
    for name in names:
        if is_url(name):
            urls.append(check_url(name, name))
            continue
        path = Path(name)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(name, f"cannot read the feed list: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise InputError(name, "the feed list is not UTF-8 text") from None
        before = len(urls)
        for lineno, line in enumerate(text.splitlines(), 1):
            line = _COMMENT.split(line, 1)[0].strip()  # "#" inside a URL is its fragment
            if line:
                urls.append(check_url(line, f"{name}:{lineno}"))
        if len(urls) == before:
            raise InputError(name, "the feed list names no feed URL")
    return list(dict.fromkeys(urls))
