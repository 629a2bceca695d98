"""Main-text extraction from a news web page, with the standard library's ``html.parser``.

A news page is mostly furniture: menus, share buttons, cookie banners, related-story lists. The
extractor keeps the report's paragraphs and drops the rest, in three passes:

1. *Structure*: content inside ``script``, ``style``, ``nav``, ``header``, ``footer``, ``aside``,
   ``form`` (and similar) is never text; neither is any element whose class or id names furniture
   ("share", "social", "cookie", "related", "newsletter", ...).
2. *Focus*: when the page marks its report (``<article>``, ``<main>``, ``itemprop="articleBody"``),
   only blocks inside it are kept.
3. *Blocks*: a block that is mostly link text (a menu that escaped pass 1) or a boilerplate line
   ("Print Friendly, PDF & Email") is dropped; a trailing "Related articles" list is cut.

Metadata: the title comes from ``og:title``, else the first ``<h1>``, else ``<title>`` (less a
" | Site name" suffix); the date from ``article:published_time`` (or similar ``<meta>``), else the
first ``<time datetime>``; also ``og:url``/canonical link and ``og:site_name``.

``extract_html`` is the entry point: these rules for the text (they keep the report and drop
furniture better than trafilatura on the pages measured in benchmarks/eval_html_extract.py, and
six times faster), trafilatura for pages they find no report in, htmldate for the date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .clean import clean_text, is_boilerplate

# Elements whose content is never article text.
SKIP_TAGS = frozenset(
    ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "select", "option", "textarea", "svg", "canvas", "iframe", "object", "embed", "dialog", "menu"]
)
# Elements that end one block of text and start another.
BLOCK_TAGS = frozenset(
    ["p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "figure", "figcaption", "br", "hr", "address", "body", "html", "center", "details", "summary"]
)
VOID_TAGS = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"])
# Elements that mark the report itself.
CONTENT_TAGS = frozenset({"article", "main"})
# class/id words that name page furniture (matched as whole words inside the attribute value).
FURNITURE_WORDS = (
    "share|sharing|social|cookie|cookies|consent|gdpr|related|newsletter|subscribe|subscription|"
    "promo|advert|advertisement|ads|ad-slot|banner|breadcrumbs?|sidebar|navbar|nav|menu|"
    "comments?|footer|masthead|popup|modal|print-?friendly|pf-button|sharedaddy|jp-relatedposts|"
    "skip-link|screen-reader-text|byline|dateline|tags|author-bio|most-read|trending|recommended"
)
_FURNITURE = re.compile(rf"(?:^|[\s_-])(?:{FURNITURE_WORDS})(?:$|[\s_-])", re.IGNORECASE)
_CONTENT_CLASS = re.compile(
    r"(?:^|\s)(?:article-body|article__body|articlebody|story-body|entry-content|post-content|"
    r"post-body|article-content|story-content)(?:$|\s)",
    re.IGNORECASE,
)
# A block whose link (or <time>) text is more than this share of its text is navigation (a stamp).
MAX_LINK_SHARE = 0.6
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
)
_TITLE_SUFFIX = re.compile(r"\s+[|–—·-]\s+[^|–—·-]{2,60}$")


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """What the extractor found: main text (paragraphs separated by blank lines) and metadata."""

    text: str
    title: str = ""
    published: str = ""  # as written in the page; parse with ``dates.parse_date``
    url: str = ""
    source: str = ""


@dataclass(slots=True)
class _Open:
    tag: str
    skip: bool
    content: bool


@dataclass(slots=True)
class _Block:
    text: str
    link_chars: int
    time_chars: int
    in_content: bool


class _Extractor(HTMLParser):
    """Collects text blocks outside furniture, and the page's metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Open] = []
        self.skip_depth = 0
        self.content_depth = 0
        self.link_depth = 0
        self.time_depth = 0
        self.buffer: list[str] = []
        self.buffer_links = 0
        self.buffer_times = 0
        self.blocks: list[_Block] = []
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.in_title = False
        # First <h1> inside the report, and first one outside furniture: the report's is the
        # headline, a page-level one may be the site's logo.
        self.h1_content = ""
        self.h1_other = ""
        self.h1_parts: list[str] | None = None
        self.h1_where = (False, False)  # (in report, in furniture) when the open <h1> started
        self.time_datetime = ""
        self.canonical = ""

    # -- tags -------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(a)
            return
        if tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href", "")
        if tag == "time" and not self.time_datetime and not self.skip_depth:
            self.time_datetime = a.get("datetime", "")
        if tag == "title":
            self.in_title = True
        if tag in BLOCK_TAGS:
            self._flush()
        if tag in VOID_TAGS:
            return
        marks = f"{a.get('class', '')} {a.get('id', '')} {a.get('role', '')}"
        skip = tag in SKIP_TAGS or bool(_FURNITURE.search(marks)) or a.get("aria-hidden") == "true"
        content = (
            tag in CONTENT_TAGS
            or a.get("itemprop", "").lower() == "articlebody"
            or bool(_CONTENT_CLASS.search(a.get("class", "")))
        )
        self.stack.append(_Open(tag, skip, content))
        self.skip_depth += skip
        self.content_depth += content
        if tag == "a":
            self.link_depth += 1
        if tag == "time":
            self.time_depth += 1
        if tag == "h1" and self.h1_parts is None:
            self.h1_parts = []
            self.h1_where = (self.content_depth > 0, self.skip_depth > 0)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in BLOCK_TAGS:
            self._flush()
        if tag == "h1" and self.h1_parts is not None:
            text = " ".join("".join(self.h1_parts).split())
            in_content, in_furniture = self.h1_where
            if in_content and not self.h1_content:
                self.h1_content = text
            elif not in_furniture and not self.h1_other:
                self.h1_other = text
            self.h1_parts = None
        # Close up to the matching open element; a stray end tag closes nothing.
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                for closed in self.stack[i:]:
                    self.skip_depth -= closed.skip
                    self.content_depth -= closed.content
                    if closed.tag == "a":
                        self.link_depth -= 1
                    if closed.tag == "time":
                        self.time_depth -= 1
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        if self.skip_depth:
            return
        self.buffer.append(data)
        if self.link_depth:
            self.buffer_links += len(data.strip())
        if self.time_depth:
            self.buffer_times += len(data.strip())

    # -- helpers ----------------------------------------------------------------------------
    def _meta(self, a: dict[str, str]) -> None:
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
        if key and "content" in a and key not in self.meta:
            self.meta[key] = a["content"].strip()

    def _flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        if text:
            self.blocks.append(_Block(text, self.buffer_links, self.buffer_times, self.content_depth > 0))
        self.buffer.clear()
        self.buffer_links = 0
        self.buffer_times = 0

    def close(self) -> None:
        super().close()
        self._flush()


def _page_title(ex: _Extractor) -> str:
    og = ex.meta.get("og:title", "") or ex.meta.get("twitter:title", "")
    if og:
        return " ".join(og.split())
    if ex.h1_content or ex.h1_other:
        return ex.h1_content or ex.h1_other
    title = " ".join("".join(ex.title_parts).split())
    return _TITLE_SUFFIX.sub("", title)


def _published(ex: _Extractor) -> str:
    for key in _PUBLISHED_META:
        if ex.meta.get(key):
            return ex.meta[key]
    return ex.time_datetime.strip()


def _keep(block: _Block) -> bool:
    if is_boilerplate(block.text):
        return False
    # Menus that escaped the furniture rules, and stand-alone date stamps ("Updated 5 Nov").
    limit = MAX_LINK_SHARE * len(block.text)
    return block.link_chars <= limit and block.time_chars <= limit


def extract_own(markup: str) -> HtmlPage:
    """The report's text and metadata by our own rules alone (``extract_html`` adds the libraries).

    >>> page = extract_own("<title>Talks | Daily</title><nav>Home</nav><p>Talks resumed.</p>"
    ...                    "<div class='share'>Share this:</div>")
    >>> page.title, page.text
    ('Talks', 'Talks resumed.')
    """
    ex = _Extractor()
    ex.feed(markup)
    ex.close()
    blocks = ex.blocks
    if any(b.in_content for b in blocks):
        blocks = [b for b in blocks if b.in_content]
    title = _page_title(ex)
    kept = [b.text for b in blocks if _keep(b)]
    # The headline is usually repeated as the first block; the title field already holds it.
    if kept and title and kept[0].casefold() == title.casefold():
        kept = kept[1:]
    return HtmlPage(
        text=clean_text("\n\n".join(kept)),
        title=title,
        published=_published(ex),
        url=ex.meta.get("og:url", "") or ex.canonical,
        source=ex.meta.get("og:site_name", ""),
    )


MIN_OWN_CHARS = 100
"""Below this many characters of main text, our rules may have missed the report (a page whose
layout they do not know); trafilatura's text is taken when it is a report's worth
(``MIN_OTHER_CHARS``) and at least twice as long (on a short page it finds the same report plus
furniture our rules drop, or a menu where there is no report at all)."""
MIN_OTHER_CHARS = 200
_MIN_DATE = "1900-01-01"  # htmldate's own floor is 1995: archives are older


def published_date(markup: str) -> str:
    """The page's publication date as YYYY-MM-DD by htmldate (metadata, JSON-LD, <time>, bylines
    and date elements; never dates in the report's own sentences), or ""."""
    import htmldate

    try:
        found = htmldate.find_date(markup, extensive_search=False, original_date=True, min_date=_MIN_DATE,
                                   outputformat="%Y-%m-%d")  # fmt: skip
    except Exception:  # noqa: BLE001 - lxml/htmldate errors on hostile markup: a page without a date, not a crash
        return ""
    return found or ""


def _trafilatura_text(markup: str) -> tuple[str, str]:
    """(main text, title) by trafilatura, paragraphs separated by blank lines; ("", "") when none."""
    from trafilatura import bare_extraction

    doc = bare_extraction(markup, with_metadata=True)
    text = str(getattr(doc, "text", "") or "")
    if not text:
        return "", ""
    kept = [p for p in text.split("\n") if p.strip() and not is_boilerplate(p)]
    return clean_text("\n\n".join(kept)), " ".join(str(getattr(doc, "title", "") or "").split())


def _iso(written: str) -> str:
    from .dates import parse_date

    found = parse_date(written) if written else None
    return found.isoformat() if found else written


def extract_html(markup: str) -> HtmlPage:
    """The report's text and metadata from a web page.

    The main text is our own rules' (``extract_own``): on news pages they keep as much of the
    report as trafilatura and less furniture, six times faster (benchmarks/eval_html_extract.py);
    when they find almost nothing (a layout they do not know), trafilatura's text is taken. The
    publication date is htmldate's, which reads bylines, JSON-LD and ``<time>`` as well as the
    metadata our rules read; theirs is kept when htmldate finds none.

    >>> page = extract_html("<title>Talks | Daily</title><nav>Home</nav><p>Talks resumed.</p>"
    ...                     "<div class='share'>Share this:</div>")
    >>> page.title, page.text
    ('Talks', 'Talks resumed.')
    """
    page = extract_own(markup)
    published = published_date(markup) or _iso(page.published)
    text, title = page.text, page.title
    if len(text) < MIN_OWN_CHARS:
        other, other_title = _trafilatura_text(markup)
        if len(other) >= max(MIN_OTHER_CHARS, 2 * len(text)):
            text, title = other, title or other_title
    return HtmlPage(text=text, title=title, published=published, url=page.url, source=page.source)


_HTML_SIGNS = re.compile(r"<(?:!doctype html|html|head|body|p|div|br|article)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is markup rather than prose (sniffing files and record fields)."""
    return _HTML_SIGNS.search(text[:4096]) is not None

