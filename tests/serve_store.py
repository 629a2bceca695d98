"""A small store for the serve tests: 15 weeks of cooperation among three allies, then articles
(written for these tests) in which they fall out, coded by hand with character offsets.

Not a test module: ``test_serve*.py`` import ``build_store``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from riftwatch.events.ontology import ontology
from riftwatch.records import Actor, Article, Attribution, CodedArticle, Event, Factuality, Place, Span
from riftwatch.store.duck import Store

PLACES = {
    "Damascus": (170654, 33.51, 36.29, "SYR"),
    "Aleppo": (170063, 36.20, 37.16, "SYR"),
    "Idlib": (169389, 35.93, 36.63, "SYR"),
    "Tehran": (112931, 35.69, 51.42, "IRN"),
    "Moscow": (524901, 55.75, 37.62, "RUS"),
    "Geneva": (2660646, 46.20, 6.14, "CHE"),
}
PAIRS = (("RUS GOV", "SYR GOV"), ("IRN GOV", "SYR GOV"), ("RUS GOV", "IRN GOV"))
CAPITAL = {"RUS": "Moscow", "IRN": "Tehran", "SYR": "Damascus"}
FIRST = dt.date(2016, 1, 4)


def _actor(code: str, text: str = "", start: int = 0) -> Actor:
    country, _, sector = code.partition(" ")
    return Actor(text or code, start, start + len(text or code), text or code, country, sector)


def _place(name: str, start: int) -> Place:
    gid, lat, lon, country = PLACES[name]
    return Place(name, start, start + len(name), name, gid, lat, lon, country, how="clause")


def baseline() -> list[Event]:
    """Every week each pair of allies cooperates once (imported-style: no article text)."""
    out = []
    for w in range(15):
        for i, (a, b) in enumerate(PAIRS):
            src, tgt = (a, b) if w % 2 else (b, a)
            etype = ("CONSULT", "COOPERATE", "AID", "AGREE", "SUPPORT")[(w + i) % 5]
            c = ontology().coding(etype, "")
            sentence = f"Officials described the {etype.lower()} on that day."
            off = sentence.index(etype.lower())
            capital = CAPITAL[tgt.split()[0]]
            out.append(Event(
                f"base-{w}-{i}", f"earlier-{w}", 0, sentence, 0, Span(etype.lower(), off, off + len(etype)),
                c.event_type, c.cameo_root, c.quad_class, c.goldstein, source=(_actor(src),), target=(_actor(tgt),),
                place=Place(capital, 0, 0, capital, *PLACES[capital][:4], how="article"),
                date=FIRST + dt.timedelta(weeks=w, days=i), date_precision="day", confidence=0.8,
            ))  # fmt: skip
    return out


@dataclass(frozen=True)
class Spec:
    """One event of a written sentence: words of the sentence that are its parts."""

    trigger: str
    etype: str
    source: Sequence[tuple[str, str]]  # (actor code, words)
    target: Sequence[tuple[str, str]]
    place: str = ""
    when: str = ""
    day: dt.date | None = None
    root: str = ""
    factuality: Factuality = "asserted"
    said: str = ""
    confidence: float = 0.8
    undated: bool = False  # no date: the article's publication date stands in


def coded_article(aid: str, title: str, published: dt.date, sentences: Sequence[tuple[str, Sequence[Spec]]]) -> CodedArticle:
    """An article whose text is ``title``, a blank line and the sentences, with every span found by
    searching its words in its own sentence (so offsets are right by construction)."""
    text = title + "\n\n"
    events: list[Event] = []
    for i, (sentence, specs) in enumerate(sentences):
        base = len(text)
        text += sentence + " "
        for k, s in enumerate(specs):
            def at(words: str, sentence: str = sentence, base: int = base) -> int:
                return base + sentence.index(words)

            c = ontology().coding(s.etype, s.root)
            t0 = at(s.trigger)
            day = None if s.undated else (s.day or published)
            events.append(Event(
                f"{aid}-{i}-{k}", aid, i, sentence, base, Span(s.trigger, t0, t0 + len(s.trigger)),
                c.event_type, c.cameo_root, c.quad_class, c.goldstein, factuality=s.factuality,
                source=tuple(_actor(code, w, at(w)) for code, w in s.source),
                target=tuple(_actor(code, w, at(w)) for code, w in s.target),
                place=_place(s.place, at(s.place)) if s.place else None,
                date=day, date_end=day, date_precision="day" if s.when else "unknown",
                date_text=Span(s.when, at(s.when), at(s.when) + len(s.when)) if s.when else None,
                attribution=Attribution(s.said, at(s.said), at(s.said) + len(s.said), anonymous=True) if s.said else None,
                confidence=s.confidence,
            ))  # fmt: skip
    article = Article(aid, text.rstrip(), title, f"https://news.example/{aid}", "Example Wire", published)
    return CodedArticle(article, tuple(events), ())


RIFT_DAY = dt.date(2016, 5, 12)


def rift_articles() -> list[CodedArticle]:
    day = RIFT_DAY
    return [
        coded_article("rift-1", "Allies at odds over troops for the northern front", day, [
            ("Damascus asked Tehran on Wednesday to send more troops to Aleppo.",
             [Spec("asked", "REQUEST", [("SYR GOV", "Damascus")], [("IRN GOV", "Tehran")], "Aleppo", "on Wednesday",
                   day - dt.timedelta(days=1), root="10")]),
            ("Iranian commanders rejected the demand on Thursday, officials said.",
             [Spec("rejected", "REJECT", [("IRN MIL", "Iranian commanders")], [("SYR GOV", "demand")], "",
                   "on Thursday", day, said="officials said")]),
            ("Moscow halted air cover for the Syrian army near Aleppo in protest.",
             [Spec("halted", "SANCTION", [("RUS GOV", "Moscow")], [("SYR MIL", "Syrian army")], "Aleppo")]),
            ("A Russian general accused Syrian and Iranian units of idling.",
             [Spec("accused", "ACCUSE", [("RUS MIL", "Russian general")],
                   [("SYR MIL", "Syrian"), ("IRN MIL", "Iranian units")], undated=True)]),
        ]),
        coded_article("rift-2", "Strikes near Idlib as talks are planned", day + dt.timedelta(days=2), [
            ("Russian jets struck rebel positions outside Idlib on Friday.",
             [Spec("struck", "ASSAULT", [("RUS MIL", "Russian jets")], [("SYR REB", "rebel")], "Idlib", "on Friday",
                   day + dt.timedelta(days=1))]),
            ("Damascus blamed Tehran for the losses in Aleppo.",
             [Spec("blamed", "ACCUSE", [("SYR GOV", "Damascus")], [("IRN GOV", "Tehran")], "Aleppo")]),
            ("Moscow and Tehran may hold talks in Geneva next month.",
             [Spec("talks", "CONSULT", [("RUS GOV", "Moscow")], [("IRN GOV", "Tehran")], "Geneva", "next month",
                   day + dt.timedelta(days=30), factuality="hypothetical", confidence=0.4)]),
        ]),
    ]


def build_store(path: Path) -> Path:
    """Write the scenario into a new store file at ``path``."""
    with Store(path) as store:
        store.write_events(baseline(), "riftwatch")
        store.write_many(rift_articles())
    return path


def all_events() -> list[Event]:
    return baseline() + [e for a in rift_articles() for e in a.events]


ALL_PLACES = sorted({e.place.name for e in all_events() if e.place is not None})
"""Distinct places of the scenario's events: one map marker each."""
