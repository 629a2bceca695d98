"""Fetched pages as ingest drafts: the same parsers as files, chosen by the answer's Content-Type.

A news page goes through ``ingest.html`` (main text, title, publication date); a URL that serves
JSON Lines, CSV or plain text is read like a file of that kind.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator, Sequence

from riftwatch.errors import InputError
from riftwatch.ingest.formats import Draft, Item, Kind, parse_document
from riftwatch.records import Failure

from .feeds import Entry, parse_feed
from .fetch import Fetcher, FetchError, Page

log = logging.getLogger(__name__)

MIN_FEED_TEXT = 200
"""A feed item's own text is coded instead of its page only when it holds at least this many
characters: a one-line teaser is no article."""

_KINDS: tuple[tuple[str, Kind], ...] = (
    ("feed+json", "sniff"),
    ("html", "html"),
    ("xhtml", "html"),
    ("ndjson", "jsonl"),
    ("jsonl", "jsonl"),
    ("json", "json"),
    ("csv", "csv"),
    ("tab-separated", "tsv"),
    ("text/plain", "text"),
)


def kind_of(content_type: str) -> Kind:
    """The ingest format for a Content-Type; "sniff" when it says nothing we know.

    >>> kind_of("text/html; charset=utf-8"), kind_of("application/x-ndjson"), kind_of("")
    ('html', 'jsonl', 'sniff')
    """
    media = content_type.split(";", 1)[0].strip().lower()
    for needle, kind in _KINDS:
        if needle in media:
            return kind
    return "sniff"


def page_items(page: Page, max_bytes: int) -> Iterator[Item]:
    """Drafts (or Failures) from a fetched page; each draft knows the URL it came from."""
    if not page.content:
        yield Failure(page.url, "empty answer")
        return
    for item in parse_document(page.content, page.url, kind_of(page.content_type), max_bytes):
        if isinstance(item, Draft) and not item.url:
            item = dataclasses.replace(item, url=page.final_url)
        yield item


_FEED_TYPES = ("rss", "atom", "feed+json", "/xml", "+xml")
_FEED_STARTS = (b"<?xml", b"<rss", b"<feed", b"<rdf:RDF")


def is_feed(page: Page) -> bool:
    """Whether an answer is a feed (RSS, Atom, JSON Feed) rather than a page or a file of records."""
    media = page.content_type.split(";", 1)[0].strip().lower()
    if any(t in media for t in _FEED_TYPES):
        return True
    head = page.content[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(_FEED_STARTS) or (head.startswith(b"{") and b"jsonfeed.org" in head)


def fetch_items(urls: Sequence[str], fetcher: Fetcher, max_bytes: int) -> Iterator[Item]:
    """Drafts of the pages at ``urls``; a feed's URL gives the pages of its entries (once, without
    remembering anything: ``riftwatch follow`` is for that). A URL that cannot be fetched is a
    Failure naming it."""
    for url in urls:
        try:
            page = fetcher.get(url)
        except FetchError as exc:
            yield Failure(exc.where, exc.reason)
            continue
        if not is_feed(page):
            yield from page_items(page, max_bytes)
            continue
        try:
            entries = parse_feed(page.content, url)
        except InputError as exc:
            yield Failure(exc.where, exc.reason)
            continue
        if not entries:
            yield Failure(url, "a feed without entries")
        for entry in entries:
            yield entry_draft(entry, fetcher, max_bytes)


def entry_draft(entry: Entry, fetcher: Fetcher, max_bytes: int) -> Draft | Failure:
    """The article of a feed entry: its page's main text, with the feed's title and date where the
    page has none; the feed's own text when the page cannot be had and that text is long enough."""
    try:
        page = fetcher.get(entry.url)
        items = list(page_items(page, max_bytes))
    except FetchError as exc:
        items = [Failure(exc.where, exc.reason)]
    drafts = [i for i in items if isinstance(i, Draft) and i.text.strip()]
    if drafts:
        d = drafts[0]
        return dataclasses.replace(
            d, title=d.title or entry.title, published=d.published or entry.published, url=entry.url
        )
    failure = next((i for i in items if isinstance(i, Failure)), Failure(entry.url, "no article text on the page"))
    if len(entry.summary) >= MIN_FEED_TEXT:
        own = next(parse_document(entry.summary.encode("utf-8"), entry.url, "sniff", max_bytes), None)
        if isinstance(own, Draft) and len(own.text) >= MIN_FEED_TEXT:
            log.info("%s: %s; coding the text the feed gives for it", entry.url, failure.reason)
            return dataclasses.replace(
                own, title=own.title or entry.title, published=own.published or entry.published, url=entry.url
            )
    return failure
