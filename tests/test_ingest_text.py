"""Tests of the ingest stage's building blocks: cleaning, HTML, language, dates, ids, decoding."""

from __future__ import annotations

import datetime as dt

import pytest

from riftwatch.errors import InputError
from riftwatch.ingest.clean import clean_text, is_boilerplate, normalise_whitespace
from riftwatch.ingest.dates import parse_date
from riftwatch.ingest.decode import decode_bytes
from riftwatch.ingest.formats import split_title
from riftwatch.ingest.html import extract_html, extract_own, looks_like_html
from riftwatch.ingest.ids import content_id

# -- clean -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Print Friendly, PDF & Email", True),
        ("  print friendly, pdf and email  ", True),
        ("Share this:", True),
        ("Share on WhatsApp", True),
        ("Click to share on Telegram (Opens in new window)", True),
        ("We use cookies to give you the best experience on our site.", True),
        ("Advertisement", True),
        ("© 2025 Demo Media Group. All rights reserved.", True),
        ("Like this:", True),
        ("Officials said the talks would resume in Geneva.", False),
        ("Related talks between the two ministers ended without a deal.", False),
        ("Sharing intelligence with Kyiv will continue, the minister said.", False),
        ("", False),
    ],
)
def test_is_boilerplate(line: str, expected: bool) -> None:
    assert is_boilerplate(line) is expected


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        # trailing share/print lines go
        ("Troops withdrew.\n\nShare this:\nPrint Friendly, PDF & Email\n", "Troops withdrew."),
        # a trailing related-links section goes with its headlines
        (
            "Troops withdrew.\n\nRelated articles\nTalks stall in Doha\nAid convoy reaches Rafah",
            "Troops withdrew.",
        ),
        # "Related" followed by a long paragraph is report text, kept
        (
            "Troops withdrew.\n\nRelated\n" + "The withdrawal followed weeks of talks, " * 6,
            "Troops withdrew.\n\nRelated\n" + ("The withdrawal followed weeks of talks, " * 6).strip(),
        ),
        # boilerplate in the middle on a line of its own goes too
        ("First paragraph.\n\nAdvertisement\n\nSecond paragraph.", "First paragraph.\n\nSecond paragraph."),
        # whitespace: CRLF, non-breaking spaces, runs of blank lines, zero-width characters
        ("One\u00a0 two\r\n\r\n\r\n\r\nthree\u200b", "One two\n\nthree"),
    ],
)
def test_clean_text(raw: str, cleaned: str) -> None:
    assert clean_text(raw) == cleaned


def test_normalise_whitespace_keeps_single_newlines() -> None:
    assert normalise_whitespace("a\nb\n\n\nc") == "a\nb\n\nc"


# -- plain-text titles -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "title", "body"),
    [
        ("Talks resume\n\nDelegations met on Monday.", "Talks resume", "Delegations met on Monday."),
        ("\n\n  Talks resume  \n   \nDelegations met.", "Talks resume", "Delegations met."),  # blank-ish
        ("Delegations met.\nTalks went on late.", "", "Delegations met.\nTalks went on late."),
        ("Only one line here.", "", "Only one line here."),
        ("A headline with nothing after\n\n", "", "A headline with nothing after"),
        ("x" * 301 + "\n\nBody.", "", "x" * 301 + "\n\nBody."),  # a paragraph, not a headline
        # a lead paragraph of one line is no headline: its events must be coded
        ("LIMA, Peru (AP) — Police arrested two men on Sunday.\n\nThey were freed.", "",
         "LIMA, Peru (AP) — Police arrested two men on Sunday.\n\nThey were freed."),
        ("The minister said: “We will not leave.”\n\nMore.", "", "The minister said: “We will not leave.”\n\nMore."),
        ("Is the truce over?\n\nShelling resumed.", "Is the truce over?", "Shelling resumed."),
    ],
)
def test_split_title(raw: str, title: str, body: str) -> None:
    assert split_title(raw) == (title, body)


# -- HTML --------------------------------------------------------------------------------------

PAGE = """<!doctype html><html><head>
<title>Ministers meet in Ankara - The Demo Herald</title>
<meta property="article:published_time" content="2025-06-02T08:00:00+03:00">
<script>var x = "Officials said nothing";</script><style>p {color: red}</style>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div id="cookie-notice">This site uses cookies. <a href="/privacy">Learn more</a></div>
<h1>Ministers meet in Ankara</h1>
<p>Turkish and Iraqi ministers met in Ankara on Monday to discuss water sharing, officials said.</p>
<div class="social-share"><a href="#">Share on Facebook</a><a href="#">Tweet</a></div>
<p>The two sides agreed to set up a joint technical committee.<br>It will meet monthly.</p>
<ul class="menu-links"><li><a href="/a">Sport</a></li><li><a href="/b">Weather</a></li></ul>
<p><a href="/x">Most</a> <a href="/y">read</a> <a href="/z">stories this week</a></p>
<p>Print Friendly, PDF &amp; Email</p>
<aside><h3>Related articles</h3><p>Dam levels fall</p></aside>
<footer><p>Contact us</p></footer>
<form><p>Subscribe</p></form>
</body></html>"""


def test_extract_html_keeps_paragraphs_drops_furniture() -> None:
    page = extract_html(PAGE)
    assert page.text == (
        "Turkish and Iraqi ministers met in Ankara on Monday to discuss water sharing, officials said.\n\n"
        "The two sides agreed to set up a joint technical committee.\n\nIt will meet monthly."
    )
    assert page.title == "Ministers meet in Ankara"
    assert page.published == "2025-06-02"  # the publisher's date, not converted to UTC


@pytest.mark.parametrize(
    ("markup", "title"),
    [
        ("<title>Talks fail | Demo Times</title><p>Body text.</p>", "Talks fail"),
        ("<title>Site</title><h1>Talks fail in Doha</h1><p>Body text.</p>", "Talks fail in Doha"),
        (
            '<meta property="og:title" content="Talks fail again"><title>Site</title><h1>Other</h1><p>B</p>',
            "Talks fail again",
        ),
        # the headline inside the article beats a page-level <h1> holding the site's name
        ("<h1>Demo Times</h1><article><h1>Talks fail</h1><p>Body.</p></article>", "Talks fail"),
    ],
)
def test_extract_html_title(markup: str, title: str) -> None:
    assert extract_html(markup).title == title


@pytest.mark.parametrize(
    ("markup", "published"),
    [
        ('<meta property="article:published_time" content="2024-11-05T10:00Z"><p>x</p>', "2024-11-05"),
        ('<meta itemprop="datePublished" content="2024-11-05"><p>x</p>', "2024-11-05"),
        ('<p>Posted <time datetime="2024-11-05T09:00">5 Nov</time></p>', "2024-11-05"),
        ("<p>No date here.</p>", ""),
        # only in the byline, or in JSON-LD: htmldate finds them
        ('<article><h1>T</h1><p class="byline">By Staff, March 5, 2024</p><p>Envoys met.</p></article>', "2024-03-05"),
        ('<div class="meta">Published 5 March 2024 10:00 GMT</div><p>Envoys met in Doha.</p>', "2024-03-05"),
        (('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-03-05T10:00:00Z"}'
         "</script><p>Envoys met.</p>"), "2024-03-05"),
        # a date in the report's own sentences is when something happened, not when it was published
        ("<p>Talks were first held on May 5, 2019 in Geneva, officials said.</p>", ""),
        # older than htmldate's own floor of 1995: archives are news too
        ('<meta property="article:published_time" content="1989-11-09"><p>The wall opened.</p>', "1989-11-09"),
    ],
)
def test_extract_html_published(markup: str, published: str) -> None:
    assert extract_html(markup).published == published


def test_extract_html_takes_trafilatura_text_where_our_rules_find_none() -> None:
    paragraphs = [
        "Envoys from Egypt and Qatar met negotiators in Cairo on Sunday to discuss a ceasefire, officials said.",
        "The talks are expected to resume next week after both delegations consult their governments.",
        "Aid agencies said convoys were waiting at the crossing for permission to enter the territory.",
    ]
    # "sidebar" in a layout class makes our furniture rule skip the whole report
    markup = ("<html><body><nav><a href='/'>Home</a></nav><div class='layout-with-sidebar'>"
              + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div></body></html>")  # fmt: skip
    assert extract_own(markup).text == ""
    assert extract_html(markup).text == "\n\n".join(paragraphs)


def test_extract_html_prefers_the_article_element() -> None:
    markup = (
        "<body><div><p>Breaking: markets fall in Tokyo.</p></div>"
        "<article><p>Envoys from Egypt and Qatar met in Cairo.</p></article>"
        "<div><p>Weather: sunny in Cairo.</p></div></body>"
    )
    assert extract_html(markup).text == "Envoys from Egypt and Qatar met in Cairo."


def test_extract_html_survives_broken_markup() -> None:
    page = extract_html("<p>Talks <b>resumed</p></div></span><p>in Geneva<script>bad()")
    assert page.text == "Talks resumed\n\nin Geneva"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<html><body><p>Hi</p></body></html>", True),
        ("<p>Talks resumed.</p>", True),
        ("Talks resumed after the 3 < 4 vote.", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


# -- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-05-13", dt.date(2016, 5, 13)),
        ("2016-05-13T23:10:00+02:00", dt.date(2016, 5, 13)),
        ("2016-05-13 08:00", dt.date(2016, 5, 13)),
        ("2016/05/13", dt.date(2016, 5, 13)),
        ("20160513", dt.date(2016, 5, 13)),
        ("13 May 2016", dt.date(2016, 5, 13)),
        ("13th of May, 2016", dt.date(2016, 5, 13)),
        ("May 13, 2016", dt.date(2016, 5, 13)),
        ("Friday, May 13, 2016", dt.date(2016, 5, 13)),
        ("Sept. 3, 2024", dt.date(2024, 9, 3)),
        ("Fri, 13 May 2016 09:30:00 GMT", dt.date(2016, 5, 13)),
        ("05/06/2016", None),  # day/month order unknown
        ("2016-02-30", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_parse_date(value: str, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


# -- ids ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (("Talks resume", "Envoys met."), ("Talks resume", "Envoys met."), True),
        (("Talks resume", "Envoys met."), ("talks  RESUME ", "Envoys\n met."), True),  # cosmetic only
        (("Talks resume", "Envoys met."), ("Talks resume", "Envoys left."), False),
        (("Talks resume", "Envoys met."), ("Talks fail", "Envoys met."), False),
    ],
)
def test_content_id(a: tuple[str, str], b: tuple[str, str], same: bool) -> None:
    assert (content_id(*a) == content_id(*b)) is same
    assert content_id(*a).startswith("a-") and len(content_id(*a)) == 18


# -- decoding ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Talks in Zürich".encode(), "Talks in Zürich"),
        (b"\xef\xbb\xbfTalks in Z\xc3\xbcrich", "Talks in Zürich"),  # UTF-8 with BOM
        ("Talks in Zürich — “late”".encode("cp1252"), "Talks in Zürich — “late”"),
        ("Talks in Zürich".encode("utf-16"), "Talks in Zürich"),
    ],
)
def test_decode_bytes(data: bytes, text: str) -> None:
    assert decode_bytes(data, "x") == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"abc\x00def", "binary data (NUL bytes), not text"),
        (bytes(range(1, 32)) * 4, "binary data (mostly non-text bytes), not text"),
        # Windows-1251 Russian read as Latin-1 would be a soup of accented letters: refused
        ("Переговоры возобновятся".encode("cp1251"), "not UTF-8 text (byte 0)"),
        (b"Talks \xe4\xf6\xfc\xe9\xe8\xea\xeb\xef\xee\xf4 ok", "not UTF-8 text (byte 6)"),
    ],
)
def test_decode_bytes_refuses(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as err:
        decode_bytes(data, "f.txt")
    assert err.value.where == "f.txt"
    assert err.value.reason == reason
