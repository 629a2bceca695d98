"""Live input against a local site on 127.0.0.1: feeds, pages, manners, resumption, alerts.

Coding uses a model-free stand-in (one ASSAULT per "attacked", one CONSULT per "met"), so these
tests are about fetching, deduplicating, remembering and reporting, not about the coder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from live_site import Route, Site, news_page, rfc2822, rss
from riftwatch.errors import InputError
from riftwatch.live.feeds import feed_urls, parse_feed
from riftwatch.live.fetch import FetchConfig, Fetcher, FetchError
from riftwatch.live.follow import FollowConfig, follow_once
from riftwatch.pipeline import Config
from riftwatch.records import Actor, Article, CodedArticle, Event, Span
from riftwatch.scale.stream import CoderSpec
from riftwatch.store import feedstate
from riftwatch.store.duck import Store

TODAY = dt.date.today()
FAST = FetchConfig(timeout=2.0, retries=2, backoff=0.0, min_interval=0.0)

_SENT = re.compile(r"[^.!?]+[.!?]")
_TYPES = {"attacked": ("ASSAULT", "18", 4, -9.0), "met": ("CONSULT", "04", 1, 1.0)}


class LiveStub:
    """Codes "attacked" as AAA GOV -> BBB GOV ASSAULT and "met" as CONSULT, dated at publication;
    raises on a text holding ``config.extra["crash_on"]`` (a killed run)."""

    def __init__(self, config: Config) -> None:
        self.crash_on = config.extra.get("crash_on", "")

    def code(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        for a in articles:
            if self.crash_on and self.crash_on in a.text:
                raise KeyboardInterrupt("killed while coding")
            events = []
            for i, m in enumerate(_SENT.finditer(a.text)):
                for t in re.finditer(r"\b(attacked|met)\b", m.group()):
                    etype, root, quad, gold = _TYPES[t.group()]
                    start = m.start() + t.start()
                    eid = hashlib.sha1(f"{a.id}|{start}".encode()).hexdigest()[:20]
                    events.append(Event(
                        event_id=eid, article_id=a.id, sentence_index=i, sentence=m.group(), sentence_start=m.start(),
                        trigger=Span(t.group(), start, start + len(t.group())), event_type=etype, cameo_root=root,
                        quad_class=quad, goldstein=gold, date=a.published, date_precision="day",
                        source=(Actor("Arland", m.start(), m.start() + 6, "Arland", "AAA", "GOV"),),
                        target=(Actor("Borvia", m.start(), m.start() + 6, "Borvia", "BBB", "GOV"),),
                    ))  # fmt: skip
            yield CodedArticle(a, tuple(events), (), (), ())


def make_live_stub(config: Config) -> LiveStub:
    return LiveStub(config)


SPEC = CoderSpec(factory=make_live_stub)


def story(n: int, verb: str = "attacked") -> list[str]:
    """Two paragraphs of English news, distinct for each ``n``."""
    return [
        (f"Border guards of Arland {verb} positions held by Borvia near the river crossing number {n} on "
        f"Tuesday, officials in the capital said, in the latest sign of a widening quarrel between the allies."),
        (f"Residents of the district said they heard shelling through the night and that {n + 2} families had "
        "left their homes for the villages further from the border, where schools were turned into shelters."),
    ]


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site().start()
    s.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    yield s
    s.stop()


def _publish(site: Site, path: str, n: int, day: dt.date, verb: str = "attacked") -> tuple[str, str, str]:
    title = f"Arland and Borvia trade fire at crossing {n}"
    site.routes[path] = Route(news_page(title, story(n, verb), published=day.isoformat()))
    return site.url(path), title, rfc2822(day)


# -- feeds ----------------------------------------------------------------------------------------

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><title>Envoys meet</title><link href="https://news.example/envoys"/><published>2024-11-05T10:00:00Z</published>
<summary>Envoys met in Doha.</summary></entry></feed>"""
JSONFEED = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [
    {"id": "1", "url": "https://news.example/talks", "title": "Talks", "date_published": "2024-11-06T08:00:00+02:00",
     "content_text": "Talks resumed."}]}).encode()  # fmt: skip


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (rss([("https://news.example/a", "Talks fail", "Fri, 13 May 2016 09:30:00 GMT")]),
         ("https://news.example/a", "Talks fail", "Fri, 13 May 2016 09:30:00 GMT")),
        (ATOM, ("https://news.example/envoys", "Envoys meet", "2024-11-05T10:00:00Z")),
        (JSONFEED, ("https://news.example/talks", "Talks", "2024-11-06T08:00:00+02:00")),
    ],
    ids=["rss", "atom", "jsonfeed"],
)  # fmt: skip
def test_feeds_of_each_kind_give_their_entries(data: bytes, expected: tuple[str, str, str]) -> None:
    (entry,) = parse_feed(data, "https://news.example/feed")
    assert (entry.url, entry.title, entry.published) == expected


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"<html><body><p>Just a page</p></body></html>", "not an RSS, Atom or JSON feed"),
        (b'{"items": []}', "not a JSON Feed"),
        (b"\x00\x01binary", "not an RSS, Atom or JSON feed"),
    ],
)
def test_what_is_not_a_feed_says_so(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        parse_feed(data, "https://news.example/feed")


def test_feed_list_files_and_urls(tmp_path: Path) -> None:
    listing = tmp_path / "feeds.txt"
    listing.write_text("# my feeds\nhttps://a.example/rss\n\nhttps://b.example/atom#top  # with a fragment\n")
    assert feed_urls([str(listing), "https://c.example/feed.json", "https://a.example/rss"]) == [
        "https://a.example/rss", "https://b.example/atom#top", "https://c.example/feed.json",
    ]  # fmt: skip
    listing.write_text("https://a.example/rss\nftp://old.example/feed\n")
    with pytest.raises(InputError, match=r"feeds.txt:2: 'ftp://old.example/feed' is not an http\(s\) URL"):
        feed_urls([str(listing)])
    with pytest.raises(InputError, match="cannot read the feed list"):
        feed_urls([str(tmp_path / "missing.txt")])


# -- manners --------------------------------------------------------------------------------------


def test_a_500_is_tried_again_with_backoff(site: Site) -> None:
    site.routes["/flaky"] = Route(b"<p>ok</p>", fail_first=2)
    waits: list[float] = []
    cfg = FetchConfig(timeout=2.0, retries=3, backoff=0.5, min_interval=0.0)
    with Fetcher(cfg, sleep=waits.append) as f:
        page = f.get(site.url("/flaky"))
    assert page.status == 200 and page.content == b"<p>ok</p>"
    assert site.hits("/flaky") == 3
    assert [w for w in waits if w > 0] == [0.5, 1.0]  # doubling backoff between the tries


def test_a_page_that_keeps_failing_fails_with_the_reason(site: Site) -> None:
    site.routes["/down"] = Route(b"", fail_first=10)
    with Fetcher(FAST, sleep=lambda s: None) as f, pytest.raises(FetchError, match="HTTP 500") as info:
        f.get(site.url("/down"))
    assert info.value.transient and site.hits("/down") == 3  # first try and two retries


def test_a_timeout_is_reported_as_a_timeout(site: Site) -> None:
    site.routes["/slow"] = Route(b"<p>late</p>", delay=1.5)
    cfg = FetchConfig(timeout=0.3, retries=1, backoff=0.0, min_interval=0.0)
    with Fetcher(cfg) as f, pytest.raises(FetchError, match="timed out after 2 tries"):
        f.get(site.url("/slow"))


def test_robots_txt_is_obeyed(site: Site) -> None:
    site.routes["/private/memo"] = Route(b"<p>secret</p>")
    with Fetcher(FAST) as f:
        with pytest.raises(FetchError, match="robots.txt disallows it"):
            f.get(site.url("/private/memo"))
        f.get(site.url("/robots.txt"))
    assert site.hits("/private/memo") == 0
    assert site.hits("/robots.txt") == 2  # read once for the site, then the explicit fetch


def test_an_unreadable_robots_txt_stops_fetching_from_that_site(site: Site) -> None:
    site.routes["/robots.txt"] = Route(b"", fail_first=10)
    site.routes["/page"] = Route(b"<p>x</p>")
    with Fetcher(FAST, sleep=lambda s: None) as f, pytest.raises(FetchError, match="robots.txt answered HTTP 500"):
        f.get(site.url("/page"))
    assert site.hits("/page") == 0


def test_requests_to_one_site_are_spaced_by_the_rate_limit(site: Site) -> None:
    site.routes["/a"] = Route(b"<p>a</p>")
    now = [100.0]
    waits: list[float] = []

    def sleep(s: float) -> None:
        waits.append(s)
        now[0] += s

    cfg = FetchConfig(timeout=2.0, retries=0, min_interval=2.0)
    with Fetcher(cfg, sleep=sleep, clock=lambda: now[0]) as f:
        for _ in range(3):
            f.get(site.url("/a"))
    # robots.txt, then three pages: every request after the first waited its turn
    assert waits == [2.0, 2.0, 2.0]


def test_a_conditional_request_gets_304(site: Site) -> None:
    site.routes["/feed"] = Route(rss([]), content_type="application/rss+xml", etag='"v1"',
                                 last_modified="Tue, 01 Dec 2026 10:00:00 GMT")  # fmt: skip
    with Fetcher(FAST) as f:
        first = f.get(site.url("/feed"))
        again = f.get(site.url("/feed"), etag=first.etag, last_modified=first.last_modified)
    assert first.status == 200 and first.etag == '"v1"'
    assert again.not_modified
    asked = [r for r in site.requests if r.path == "/feed"][-1]
    assert asked.headers.get("If-None-Match") == '"v1"'
    assert asked.headers.get("If-Modified-Since") == "Tue, 01 Dec 2026 10:00:00 GMT"


# -- follow ---------------------------------------------------------------------------------------


def _stored(path: Path) -> tuple[int, int]:
    with Store(path, read_only=True) as st:
        s = st.stats()
    return s["articles"], s["events"]


def test_follow_stores_new_articles_once_and_asks_again_conditionally(site: Site, tmp_path: Path) -> None:
    day = TODAY - dt.timedelta(days=2)
    items = [_publish(site, f"/news/{n}", n, day) for n in range(3)]
    # the same report under a second URL (a syndicated copy): stored once
    site.routes["/copy/0"] = site.routes["/news/0"]
    items.append((site.url("/copy/0"), items[0][1], items[0][2]))
    site.routes["/rss"] = Route(rss(items), content_type="application/rss+xml", etag='"e1"')
    store = tmp_path / "events.duckdb"
    cfg = FollowConfig(fetch=FAST)

    first = follow_once([site.url("/rss")], store, spec=SPEC, cfg=cfg)
    assert [f.status for f in first.feeds] == ["new"] and first.feeds[0].new_pages == 4
    assert first.stats.articles == 3 and first.stats.duplicates == 1 and first.stats.failed == 0
    assert _stored(store) == (3, 3)
    with Store(store, read_only=True) as st:
        pages = feedstate.fetched(st, [site.url("/news/0"), site.url("/copy/0")])
        art = st.article(pages[site.url("/news/0")][1])
    assert pages[site.url("/news/0")] == pages[site.url("/copy/0")]  # both URLs name the one article
    assert art is not None and art["published"] == day.isoformat() and "Share on" not in art["text"]

    second = follow_once([site.url("/rss")], store, spec=SPEC, cfg=cfg)
    assert [f.status for f in second.feeds] == ["unchanged"] and second.pages == 0
    assert site.hits("/news/1") == 1 and _stored(store) == (3, 3)


def test_one_failing_feed_or_page_does_not_stop_the_others(site: Site, tmp_path: Path) -> None:
    day = TODAY - dt.timedelta(days=1)
    good = _publish(site, "/news/1", 1, day)
    flaky = _publish(site, "/news/2", 2, day)
    site.routes["/news/2"].fail_first = 1  # a 500, then the page: retried within the cycle
    hidden = _publish(site, "/private/3", 3, day)  # robots.txt disallows it
    gone = (site.url("/news/404"), "Gone", rfc2822(day))
    site.routes["/rss"] = Route(rss([good, flaky, hidden, gone]), content_type="application/rss+xml")
    site.routes["/broken"] = Route(b"<html><p>not a feed</p></html>")
    store = tmp_path / "events.duckdb"
    report = follow_once([site.url("/missing"), site.url("/broken"), site.url("/rss")], store, spec=SPEC,
                         cfg=FollowConfig(fetch=FAST))  # fmt: skip
    assert [f.status for f in report.feeds] == ["failed", "failed", "new"]
    assert "HTTP 404" in report.feeds[0].error and "not an RSS" in report.feeds[1].error
    assert report.stats.articles == 2
    reasons = {f.where: f.reason for f in report.stats.failures}
    assert "robots.txt disallows" in reasons[site.url("/private/3")]
    assert "HTTP 404" in reasons[site.url("/news/404")]
    assert site.hits("/private/3") == 0
    with Store(store, read_only=True) as st:
        states = {s.feed_url: s for s in feedstate.feed_states(st)}
    assert "HTTP 404" in states[site.url("/missing")].error and not states[site.url("/rss")].error


def test_a_page_timing_out_is_fetched_again_next_cycle(site: Site, tmp_path: Path) -> None:
    day = TODAY - dt.timedelta(days=1)
    slow = _publish(site, "/news/slow", 5, day)
    site.routes["/news/slow"].delay = 1.0
    site.routes["/rss"] = Route(rss([slow]), content_type="application/rss+xml", etag='"x"')
    store = tmp_path / "events.duckdb"
    cfg = FollowConfig(fetch=FetchConfig(timeout=0.3, retries=0, min_interval=0.0))
    first = follow_once([site.url("/rss")], store, spec=SPEC, cfg=cfg)
    assert "timed out" in first.stats.failures[0].reason and first.stats.articles == 0
    site.routes["/news/slow"].delay = 0.0
    second = follow_once([site.url("/rss")], store, spec=SPEC, cfg=cfg)
    # no 304: the feed's validators were not kept while a page was owed
    assert second.feeds[0].status == "new" and second.stats.articles == 1


def test_a_follower_killed_mid_cycle_resumes_without_fetching_or_storing_twice(site: Site, tmp_path: Path) -> None:
    day = TODAY - dt.timedelta(days=1)
    site.routes["/a.rss"] = Route(rss([_publish(site, f"/a/{n}", n, day) for n in range(2)]),
                                  content_type="application/rss+xml", etag='"a"')  # fmt: skip
    site.routes["/b.rss"] = Route(rss([_publish(site, f"/b/{n}", n, day, verb="met") for n in range(10, 13)]),
                                  content_type="application/rss+xml", etag='"b"')  # fmt: skip
    store = tmp_path / "events.duckdb"
    feeds = [site.url("/a.rss"), site.url("/b.rss")]
    crashing = CoderSpec(Config(extra={"crash_on": "number 11 "}), factory=make_live_stub)
    with pytest.raises(KeyboardInterrupt):
        follow_once(feeds, store, spec=crashing, cfg=FollowConfig(fetch=FAST))
    assert _stored(store)[0] == 2  # the first feed was done and remembered
    resumed = follow_once(feeds, store, spec=SPEC, cfg=FollowConfig(fetch=FAST))
    assert [f.status for f in resumed.feeds] == ["unchanged", "new"]
    assert resumed.stats.articles == 3 and _stored(store) == (5, 5)
    assert site.hits("/a/0") == 1  # not fetched again
    with Store(store, read_only=True) as st:
        assert len(feedstate.fetched(st, [site.url(f"/b/{n}") for n in range(10, 13)])) == 3


def _baseline(store: Path, weeks: int = 40) -> None:
    """Two allies consulting each other every week for ``weeks`` weeks before the last month."""
    events = []
    for w in range(weeks):
        day = TODAY - dt.timedelta(days=35 + 7 * w)
        for k in range(4):
            events.append(Event(
                event_id=f"base-{w}-{k}", article_id=f"base-{w}", sentence_index=0, sentence="", sentence_start=0,
                trigger=Span("met", 0, 3), event_type="CONSULT", cameo_root="04", quad_class=1, goldstein=1.0,
                date=day, date_precision="day",
                source=(Actor("Arland", 0, 6, "Arland", "AAA", "GOV"),),
                target=(Actor("Borvia", 0, 6, "Borvia", "BBB", "GOV"),),
            ))  # fmt: skip
    with Store(store) as st:
        st.write_events(events, origin="plover")


def test_new_alerts_go_to_the_log_and_the_webhook_once(site: Site, tmp_path: Path) -> None:
    store = tmp_path / "events.duckdb"
    _baseline(store)
    days = [TODAY - dt.timedelta(days=d) for d in (6, 5, 4, 3, 2, 1)]
    site.routes["/rss"] = Route(rss([_publish(site, f"/news/{n}", n, d) for n, d in enumerate(days)]),
                                content_type="application/rss+xml")  # fmt: skip
    site.routes["/hook"] = Route(b"{}", content_type="application/json")
    log = tmp_path / "alerts.jsonl"
    cfg = FollowConfig(fetch=FAST, coalition=("AAA", "BBB"), alert_log=log, webhook=site.url("/hook"))
    report = follow_once([site.url("/rss")], store, spec=SPEC, cfg=cfg)
    assert report.stats.articles == 6 and not report.problems
    assert [a.dyad for a in report.alerts] == [("AAA", "BBB")]
    posted = [json.loads(r.body) for r in site.requests if r.path == "/hook" and r.method == "POST"]
    assert [p["riftwatch_alert"]["dyad"] for p in posted] == [["AAA", "BBB"]]
    logged = [json.loads(line) for line in log.read_text().splitlines()]
    assert [a["dyad"] for a in logged] == [["AAA", "BBB"]] and logged[0]["event_ids"]
    again = follow_once([site.url("/rss")], store, spec=SPEC, cfg=cfg)
    assert again.alerts == [] and site.hits("/hook", "POST") == 1
    assert len(log.read_text().splitlines()) == 1


def test_an_alert_the_webhook_refused_is_offered_again(site: Site, tmp_path: Path) -> None:
    store = tmp_path / "events.duckdb"
    _baseline(store)
    days = [TODAY - dt.timedelta(days=d) for d in (5, 4, 3, 2, 1)]
    site.routes["/rss"] = Route(rss([_publish(site, f"/news/{n}", n, d) for n, d in enumerate(days)]),
                                content_type="application/rss+xml")  # fmt: skip
    site.routes["/hook"] = Route(b"no", status=403, content_type="text/plain")
    cfg = FollowConfig(fetch=FAST, coalition=("AAA", "BBB"), webhook=site.url("/hook"))
    first = follow_once([site.url("/rss")], store, spec=SPEC, cfg=cfg)
    assert len(first.alerts) == 1 and any("webhook answered HTTP 403" in p for p in first.problems)
    site.routes["/hook"] = Route(b"{}", content_type="application/json")
    second = follow_once([site.url("/rss")], store, spec=SPEC, cfg=cfg)
    assert second.alerts == [] and not second.problems  # not new, but delivered this time
    assert site.hits("/hook", "POST") == 2


def test_run_on_a_feed_url_reads_the_pages_of_its_entries(site: Site) -> None:
    from riftwatch.ingest.readers import iter_articles

    day = TODAY - dt.timedelta(days=3)
    site.routes["/rss"] = Route(rss([_publish(site, f"/news/{n}", n, day) for n in range(2)]),
                                content_type="application/rss+xml")  # fmt: skip
    site.routes["/bad.rss"] = Route(b"<?xml version='1.0'?><rss><channel><item>", content_type="application/rss+xml")
    items = list(iter_articles([site.url("/rss"), site.url("/news/1"), site.url("/bad.rss")]))
    articles = [a for a in items if isinstance(a, Article)]
    assert [a.url for a in articles] == [site.url("/news/0"), site.url("/news/1")]  # the page twice: once
    assert all(a.published == day and "Share on" not in a.text for a in articles)
    assert [type(i).__name__ for i in items[2:]] == ["Failure"]


@pytest.mark.slow  # a second Python process
def test_a_store_another_process_holds_is_waited_for(site: Site, tmp_path: Path) -> None:
    import subprocess
    import sys

    store = tmp_path / "events.duckdb"
    Store(store).close()
    site.routes["/rss"] = Route(rss([_publish(site, "/news/1", 1, TODAY)]), content_type="application/rss+xml")
    holder = subprocess.Popen(
        [sys.executable, "-c", ("import duckdb, sys, time; con = duckdb.connect(sys.argv[1], read_only=True); "
         "print('holding', flush=True); time.sleep(2); con.close()"), str(store)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        with pytest.raises(Exception, match="locked"):
            Store(store)  # a plain open fails while the other process reads
        report = follow_once([site.url("/rss")], store, spec=SPEC, cfg=FollowConfig(fetch=FAST))
    finally:
        holder.wait(timeout=30)
    assert report.stats.articles == 1 and _stored(store) == (1, 1)
