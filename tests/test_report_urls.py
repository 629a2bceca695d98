"""Stored article URLs become links in the report only when they are http(s) (issue 12.5)."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from riftwatch.relations.evidence import Evidence
from riftwatch.report.html import _evidence_rows, link_url

_HREF = re.compile(r"href='([^']*)'")


def _evidence(url: str) -> Evidence:
    return Evidence(
        event_id="e1", article_id="a1", origin="feed.jsonl:1", dyad=("RUS", "SYR"), date=dt.date(2025, 1, 2),
        event_type="ACCUSE", quad_class=3, goldstein=-2.0, confidence=0.9, sentence="Russia accused Syria.",
        trigger="accused", trigger_offset=7, place_name="", lat=None, lon=None, place_country="",
        source="RUS", target="SYR", url=url,
    )  # fmt: skip


def _hrefs(url: str) -> list[str]:
    return [html.unescape(h) for h in _HREF.findall(_evidence_rows([_evidence(url)]))]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.domain)",
        "JavaScript:alert(1)",
        " \x01javascript:alert(1)",
        "java\tscript:alert(1)",
        "jav\nascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/x",
        "http:alert(1)",
        "relative/path.html",
    ],
)
def test_other_schemes_are_not_links(url: str) -> None:
    assert _hrefs(url) == []
    assert "a1" in _evidence_rows([_evidence(url)])  # the article is still named, unlinked


@pytest.mark.parametrize("url", ["http://example.org/a", "https://example.org/a?x=1&y='2'", "HTTPS://EXAMPLE.ORG/"])
def test_http_and_https_links_are_kept(url: str) -> None:
    assert _hrefs(url) == [url]


@settings(max_examples=300, deadline=None)
@given(url=st.one_of(st.text(max_size=40), st.text(max_size=20).map(lambda t: "javascript:" + t),
                     st.sampled_from(["http", "https", "data", "javascript", "JaVa\tScRiPt"]).flatmap(
                         lambda s: st.text(max_size=20).map(lambda t: f"{s}:{t}"))))  # fmt: skip
def test_every_href_is_http_or_https(url: str) -> None:
    for href in _hrefs(url):
        assert re.match(r"https?://", href, re.IGNORECASE), href
    assert link_url(url) in ("", url.replace("\t", "").replace("\n", "").replace("\r", "").strip("".join(map(chr, range(0x21)))))
