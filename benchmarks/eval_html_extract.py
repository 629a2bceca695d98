"""Main text, title and date of news pages: riftwatch's own extractor against trafilatura (+ htmldate).

The pages are the public-domain VOA pool stories (../shared/corpus/voa/pool.jsonl) rendered into
four kinds of news page with the furniture real sites carry (menus, share buttons, cookie and
newsletter boxes in prose, related-story lists, comments, captions, "Advertisement" labels), with
the publication date in a different place in each (meta tag, <time>, JSON-LD, byline text only).
Scores per extractor: word-level precision, recall and F1 of the main text against the story,
exact title, exact date, and milliseconds per page. Also prints both extractors' output on the
project's own HTML example (examples/articles/*.html).

    python benchmarks/eval_html_extract.py [--pool PATH] [--only own,trafilatura,riftwatch]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import html
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from riftwatch.ingest.dates import parse_date

WORD = re.compile(r"\w+")


def paragraphs(text: str) -> list[str]:
    sentences = [s.strip() for s in re.split(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])", text) if s.strip()]
    return [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]


def _e(s: str) -> str:
    return html.escape(s, quote=True)


NAV = "<nav class='main-nav'><ul>" + "".join(
    f"<li><a href='/{w.lower()}'>{w}</a></li>" for w in ("World", "Africa", "Americas", "Asia", "Europe", "Middle East", "Sports")
) + "</ul></nav>"
COOKIE = ("<div class='cookie-consent'><p>We use cookies and similar technologies to give you a better experience, "
          "to measure how the site is used and to show you content that may interest you. By continuing to "
          "browse you agree to our use of cookies.</p><button>Accept</button></div>")
NEWSLETTER = ("<div class='newsletter-signup'><h3>Get the morning briefing</h3><p>Sign up for our free newsletter "
              "and receive the most important stories of the day in your inbox every morning before breakfast."
              "</p><input type='email'></div>")
RELATED = ("<aside class='related-stories'><h2>Related stories</h2><ul><li><a href='/1'>Officials meet to discuss "
           "the future of the regional trade agreement</a></li><li><a href='/2'>Flooding displaces thousands "
           "along the river valley</a></li></ul></aside>")
COMMENTS = ("<section id='comments' class='comments-area'><h3>3 comments</h3><div class='comment'><p>This is exactly "
            "what I have been saying for years, nobody ever listens to the people who live there.</p></div>"
            "<div class='comment'><p>Great reporting, thank you for covering this story in such detail.</p></div></section>")
FOOTER = "<footer><p>About us | Contact | Terms of use | Privacy policy</p><p>© 2025 The Daily Demo</p></footer>"


def wordpress(s: dict[str, str], day: dt.date) -> str:
    body = "".join(f"<p>{_e(p)}</p>" for p in paragraphs(s["text"]))
    return (f"<!doctype html><html><head><title>{_e(s['title'])} – The Daily Demo</title></head><body>"
            f"<header id='masthead'><a href='/'>The Daily Demo</a>{NAV}</header><div id='primary'><main id='main'>"
            f"<article class='post'><header class='entry-header'><h1 class='entry-title'>{_e(s['title'])}</h1>"
            f"<div class='entry-meta'><time class='entry-date published' datetime='{day.isoformat()}T08:00:00+00:00'>"
            f"{day:%B %d, %Y}</time> by <a href='/author'>{_e(s['author'])}</a></div></header>"
            f"<div class='entry-content'>{body}"
            "<div class='sharedaddy sd-sharing-enabled'><h3>Share this:</h3><ul><li><a href='#'>Twitter</a></li>"
            "<li><a href='#'>Facebook</a></li></ul></div><div class='pf-content'><a href='#'>Print Friendly, PDF &amp; Email</a></div>"
            f"<div id='jp-relatedposts' class='jp-relatedposts'><h3>Related</h3><p>Other news from the region this week.</p></div>"
            f"</div></article>{COMMENTS}</main></div>{FOOTER}</body></html>")  # fmt: skip


def newspaper(s: dict[str, str], day: dt.date) -> str:
    ps = paragraphs(s["text"])
    mid = len(ps) // 2
    body = "".join(f"<p>{_e(p)}</p>" for p in ps[:mid]) + NEWSLETTER + "".join(f"<p>{_e(p)}</p>" for p in ps[mid:])
    return (f"<!doctype html><html><head><title>{_e(s['title'])} | World News</title></head><body>{COOKIE}"
            f"<div class='top'>{NAV}</div><div class='page'><div class='story'><h1>{_e(s['title'])}</h1>"
            f"<div class='byline'>By {_e(s['author'])} | Published {day:%B %d, %Y}</div>"
            f"<div class='story-body'>{body}</div></div><div class='rail'><h3>Most read</h3><ol>"
            "<li><a href='/m1'>Markets fall as investors weigh new tariffs</a></li>"
            "<li><a href='/m2'>Storm warning issued for the coast</a></li></ol></div></div>"
            f"{RELATED}{FOOTER}</body></html>")  # fmt: skip


def divsoup(s: dict[str, str], day: dt.date) -> str:
    body = "".join(f"<div class='txt'>{_e(p)}</div>" for p in paragraphs(s["text"]))
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": s["title"],
                     "datePublished": f"{day.isoformat()}T12:00:00Z"})  # fmt: skip
    return (f"<html><head><title>{_e(s['title'])}</title><script type='application/ld+json'>{ld}</script></head>"
            f"<body><div id='hdr'><a href='/'>Home</a> · <a href='/news'>News</a></div><div id='content'>"
            f"<div class='headline'>{_e(s['title'])}</div>{body}</div><div class='teasers'>"
            "<div class='teaser'>Elsewhere, the central bank left interest rates unchanged on Thursday, saying "
            "inflation had eased more slowly than expected over the winter months.</div></div>"
            f"<div id='ftr'>Copyright 2025. All rights reserved.</div></body></html>")  # fmt: skip


def simple(s: dict[str, str], day: dt.date) -> str:
    ps = paragraphs(s["text"])
    body = "".join(f"<p>{_e(p)}</p>" for p in ps[:1])
    body += "<figure><img src='/p.jpg'><figcaption>FILE - A view of the area. (Photo: Demo Agency)</figcaption></figure>"
    body += "<div class='ad-slot'><span>Advertisement</span></div>"
    body += "".join(f"<p>{_e(p)}</p>" for p in ps[1:])
    return (f"<html><head><meta name='pubdate' content='{day:%Y%m%d}'><meta property='og:title' content='{_e(s['title'])}'>"
            f"<title>{_e(s['title'])}</title></head><body><h1>{_e(s['title'])}</h1>{body}"
            "<p>Follow us on social media for more updates.</p></body></html>")  # fmt: skip


def bare(s: dict[str, str], day: dt.date) -> str:
    """No class or id names, no semantic elements: furniture told apart only by what it is."""
    body = "".join(f"<div>{_e(p)}</div>" for p in paragraphs(s["text"]))
    links = "".join(f"<div><a href='/{i}'>{t}</a></div>" for i, t in enumerate(
        ("Home", "World", "Politics", "Business", "Health", "Markets fall as investors weigh new tariffs",
         "Storm warning issued for the coast")))
    return (f"<html><head><title>{_e(s['title'])} - Demo News</title></head><body><div>{links}</div>"
            f"<div><div><b>{_e(s['title'])}</b></div><div>{day:%d %B %Y}</div>{body}</div>"
            "<div>Sign up for our free newsletter and receive the most important stories of the day in your "
            "inbox every morning.</div><div><a href='/terms'>Terms of use</a> <a href='/privacy'>Privacy</a></div>"
            "</body></html>")  # fmt: skip


TEMPLATES: dict[str, Callable[[dict[str, str], dt.date], str]] = {
    "wordpress": wordpress, "newspaper": newspaper, "divsoup": divsoup, "simple": simple, "bare": bare,
}  # fmt: skip


def own(markup: str) -> tuple[str, str, str]:
    from riftwatch.ingest.html import extract_own

    page = extract_own(markup)
    return page.text, page.title, page.published


def trafilatura_only(markup: str) -> tuple[str, str, str]:
    from trafilatura import bare_extraction

    doc = bare_extraction(markup, with_metadata=True)
    if doc is None:
        return "", "", ""
    return doc.text or "", doc.title or "", doc.date or ""


def riftwatch(markup: str) -> tuple[str, str, str]:
    from riftwatch.ingest.html import extract_html

    page = extract_html(markup)
    return page.text, page.title, page.published


EXTRACTORS = {"own": own, "trafilatura": trafilatura_only, "riftwatch": riftwatch}


def prf(got: str, want: str) -> tuple[float, float]:
    g = collections.Counter(w.lower() for w in WORD.findall(got))
    w = collections.Counter(x.lower() for x in WORD.findall(want))
    common = sum((g & w).values())
    return (common / sum(g.values()) if g else 0.0), (common / sum(w.values()) if w else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pool", type=Path, default=ROOT.parent / "shared" / "corpus" / "voa" / "pool.jsonl")
    ap.add_argument("--only", default=",".join(EXTRACTORS))
    args = ap.parse_args()
    stories = [json.loads(line) for line in args.pool.read_text(encoding="utf-8").splitlines()]
    names = [n for n in args.only.split(",") if n]
    for name in names:  # warm up imports outside the clock
        EXTRACTORS[name]("<html><body><p>warm up text.</p></body></html>")
    print(f"{len(stories)} stories x {len(TEMPLATES)} page templates")
    print(f"{'extractor':12} {'template':10} {'P':>6} {'R':>6} {'F1':>6} {'title':>6} {'date':>6} {'ms/page':>8}")
    for name in names:
        fn = EXTRACTORS[name]
        tot = collections.defaultdict(float)
        for tname, template in TEMPLATES.items():
            p_sum = r_sum = titles = dates = 0.0
            secs = 0.0
            for s in stories:
                day = dt.date.fromisoformat(s["published"][:10])
                markup = template(s, day)
                t0 = time.perf_counter()
                text, title, published = fn(markup)
                secs += time.perf_counter() - t0
                p, r = prf(text, s["text"])
                p_sum += p
                r_sum += r
                titles += title.strip() == s["title"].strip()
                dates += parse_date(published) == day if published else 0
            n = len(stories)
            p, r = p_sum / n, r_sum / n
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            print(f"{name:12} {tname:10} {p:6.3f} {r:6.3f} {f1:6.3f} {titles / n:6.2f} {dates / n:6.2f} {1000 * secs / n:8.1f}")
            for k, v in (("p", p), ("r", r), ("f1", f1), ("title", titles / n), ("date", dates / n), ("ms", 1000 * secs / n)):
                tot[k] += v / len(TEMPLATES)
        print(f"{name:12} {'MEAN':10} {tot['p']:6.3f} {tot['r']:6.3f} {tot['f1']:6.3f} {tot['title']:6.2f} "
              f"{tot['date']:6.2f} {tot['ms']:8.1f}")  # fmt: skip
    for example in sorted((ROOT / "examples" / "articles").glob("*.html")):
        markup = example.read_text(encoding="utf-8")
        for name in names:
            text, title, published = EXTRACTORS[name](markup)
            print(f"\n== {example.name} / {name}: title {title!r}, date {published!r}\n{text}")


if __name__ == "__main__":
    main()
