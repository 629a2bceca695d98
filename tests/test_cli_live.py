"""``riftwatch run URL`` and ``riftwatch follow --once`` end to end, with the real coder, against a
local site on 127.0.0.1 serving public-domain VOA stories as news pages."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import shared_path
from live_site import Route, Site, news_page, rfc2822, rss
from riftwatch.cli import app
from riftwatch.store.duck import Store

pytestmark = pytest.mark.slow
runner = CliRunner()


def _stories(n: int) -> list[dict[str, str]]:
    pool = shared_path("corpus", "voa", "pool.jsonl")
    rows = [json.loads(line) for line in pool.read_text(encoding="utf-8").splitlines()[:n]]
    return rows


def _paragraphs(text: str) -> list[str]:
    """A pool story (one paragraph) cut into paragraphs of about three sentences, as pages have them."""
    sentences = [s.strip() + "." for s in text.split(". ") if s.strip()]
    return [" ".join(sentences[i : i + 3]).replace("..", ".") for i in range(0, len(sentences), 3)]


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site().start()
    s.routes["/robots.txt"] = Route(b"User-agent: *\nAllow: /\n", content_type="text/plain")
    yield s
    s.stop()


def _serve(site: Site, stories: list[dict[str, str]]) -> list[tuple[str, str, str]]:
    items = []
    for i, st in enumerate(stories):
        day = dt.date.fromisoformat(st["published"][:10])
        # the date only in the byline: no metadata, no <time>
        site.routes[f"/story/{i}"] = Route(news_page(st["title"], _paragraphs(st["text"]),
                                                     byline_date=day.strftime("%B %d, %Y")))  # fmt: skip
        items.append((site.url(f"/story/{i}"), st["title"], rfc2822(day)))
    return items


def test_run_fetches_and_codes_pages(site: Site, tmp_path: Path) -> None:
    stories = _stories(3)
    items = _serve(site, stories[:2])
    # a page with no date anywhere: coded, with a warning that its events are undated
    site.routes["/story/nodate"] = Route(news_page(stories[2]["title"], _paragraphs(stories[2]["text"])))
    store = tmp_path / "events.duckdb"
    urls = [items[0][0], items[1][0], site.url("/story/missing"), site.url("/story/nodate")]
    result = runner.invoke(app, ["run", *urls, "--store", str(store)], env={"COLUMNS": "300"})
    assert result.exit_code == 3, result.output  # one URL failed, the rest were stored
    assert "HTTP 404" in result.output and "3 article(s) coded" in result.output
    said = " ".join(result.output.split())
    assert "1 article(s) have no publication date" in said and site.url("/story/nodate") in said
    with Store(store, read_only=True) as st:
        arts = [st.article(a) for a in st.article_ids()]
    by_url = {a["url"]: a for a in arts if a is not None}
    for url, st_ in zip((items[0][0], items[1][0]), stories[:2], strict=True):
        assert by_url[url]["published"] == st_["published"][:10]  # from the byline
        assert by_url[url]["title"] == st_["title"]
        assert "Share on" not in by_url[url]["text"] and "All rights reserved" not in by_url[url]["text"]


def test_follow_once_codes_a_feed_and_exits(site: Site, tmp_path: Path) -> None:
    site.routes["/rss"] = Route(rss(_serve(site, _stories(3))), content_type="application/rss+xml", etag='"1"')
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# test feeds\n{site.url('/rss')}\n")
    store = tmp_path / "events.duckdb"
    log = tmp_path / "alerts.jsonl"
    args = ["follow", str(feeds), "--store", str(store), "--once", "--delay", "0", "--alert-log", str(log)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "3 new page(s)" in result.output and "3 article(s) coded" in result.output
    again = runner.invoke(app, args)
    assert again.exit_code == 0 and "not modified since the last poll" in again.output
    with Store(store, read_only=True) as st:
        assert st.stats()["articles"] == 3 and st.stats()["events"] > 0


def test_follow_says_which_feed_list_line_is_wrong(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("https://ok.example/rss\nnot a url\n")
    result = runner.invoke(app, ["follow", str(feeds), "--store", str(tmp_path / "s.duckdb"), "--once"])
    assert result.exit_code == 4 and "feeds.txt:2" in result.output and "not an http(s) URL" in result.output
