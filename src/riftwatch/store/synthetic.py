"""Deterministic synthetic records for exercising and benchmarking the store.

Tests, the crash-safety child process and benchmarks need many realistic-looking CodedArticles
and imported Events without running spaCy.  Everything here is a pure function of its arguments,
so two runs build identical records (the crash test compares stores built by separate processes).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from typing import Final

from riftwatch.records import (
    Actor,
    Article,
    Attribution,
    CodedArticle,
    Event,
    Factuality,
    Place,
    Quantity,
    Span,
)

_TYPES: Final = (
    ("CONSULT", "04", 1, 1.0, "meet"),
    ("ASSAULT", "19", 4, -10.0, "shell"),
    ("ACCUSE", "11", 3, -2.0, "blame"),
    ("AID", "07", 2, 7.0, "send"),
    ("PROTEST", "14", 3, -6.5, "march"),
    ("AGREE", "03", 1, 4.0, "sign"),
)
_ACTORS: Final = (
    ("Moscow", "Russia", "RUS", "GOV"),
    ("Tehran", "Iran", "IRN", "GOV"),
    ("Syrian troops", "Syria", "SYR", "MIL"),
    ("rebels", "Rebels", "SYR", "REB"),
    ("the UN", "United Nations", "IGO", ""),
    ("Ankara", "Turkey", "TUR", "GOV"),
)
_PLACES: Final = (
    ("Aleppo", 170063, 36.20124, 37.16117, "SYR", "Aleppo Governorate"),
    ("Tartus", 163345, 34.88902, 35.88659, "SYR", "Tartus Governorate"),
    ("Moscow", 524901, 55.75222, 37.61556, "RUS", "Moscow"),
    ("Isfahan", 418863, 32.65246, 51.67462, "IRN", "Isfahan"),
)
_FACTS: Final[tuple[Factuality, ...]] = ("asserted", "asserted", "negated", "hypothetical", "future")
EPOCH: Final = dt.date(2024, 1, 1)


def _hid(*parts: object) -> str:
    return hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=8).hexdigest()


def _actor(k: int, start: int) -> Actor:
    text, name, country, sector = _ACTORS[k % len(_ACTORS)]
    return Actor(text, start, start + len(text), name, country, sector, entry_id=f"syn-{k % len(_ACTORS)}")


def _place(k: int, start: int) -> Place:
    name, gid, lat, lon, country, admin1 = _PLACES[k % len(_PLACES)]
    return Place(name, start, start + len(name), name, gid, lat, lon, country, admin1, "city", 0.9)


def synthetic_event(article_id: str, k: int, origin_seed: int = 0) -> Event:
    """The ``k``-th synthetic event of an article; fields vary with ``k`` to cover every branch.

    Compound sources appear every third event, places every other one, attributions every fifth.
    """
    etype, cameo, quad, goldstein, verb = _TYPES[(k + origin_seed) % len(_TYPES)]
    src = [_actor(k, 0)]
    if k % 3 == 0:
        src.append(_actor(k + 1, 20))
    tgt = [_actor(k + 2, 40)] if k % 4 != 3 else []
    sentence = f"Sentence {k}: {src[0].text} and others {verb} {tgt[0].text if tgt else 'nobody'} today."
    day = EPOCH + dt.timedelta(days=(k * 7 + origin_seed) % 365)
    trigger = Span(verb, 30, 30 + len(verb))
    return Event(
        event_id=_hid(article_id, k, trigger.start, etype),
        article_id=article_id,
        sentence_index=k,
        sentence=sentence,
        sentence_start=k * 100,
        trigger=trigger,
        event_type=etype,
        cameo_root=cameo,
        quad_class=quad,
        goldstein=goldstein,
        mode="aerial" if etype == "ASSAULT" and k % 2 else "",
        factuality=_FACTS[k % len(_FACTS)],
        source=tuple(src),
        target=tuple(tgt),
        place=_place(k, 60) if k % 2 == 0 else None,
        date=day if k % 6 != 5 else None,
        date_end=day if k % 6 != 5 else None,
        date_precision="day" if k % 6 != 5 else "unknown",
        date_text=Span("on Tuesday", 70, 80) if k % 6 == 0 else None,
        attribution=(
            Attribution(
                "officials said",
                85,
                99,
                anonymous=k % 2 == 1,
                actor=_actor(k + 3, 85) if k % 10 == 0 else None,
            )
            if k % 5 == 0
            else None
        ),
        quantities=(Quantity("killed", 3, 5, "three to five", 50, 63, approximate=True),)
        if etype == "ASSAULT"
        else (),
        confidence=round(0.5 + (k % 5) / 10, 2),
    )


def synthetic_article(i: int, n_events: int = 5) -> CodedArticle:
    """Article number ``i`` with ``n_events`` events and two resolved places."""
    article_id = f"art-{i:06d}"
    published = EPOCH + dt.timedelta(days=i % 365)
    text = f"Report {i}. " + " ".join(f"Sentence {k}." for k in range(n_events))
    events = tuple(synthetic_event(article_id, k, origin_seed=i) for k in range(n_events))
    places = (_place(i, 10), _place(i + 1, 30))
    article = Article(
        id=article_id,
        text=text,
        title=f"Report number {i}",
        url=f"https://news.example/{i}",
        source="Example Wire",
        published=published if i % 7 else None,
        origin=f"synthetic:{i}",
    )
    return CodedArticle(article=article, events=events, places=places)


def synthetic_events(n: int, origin: str = "gdelt") -> Iterator[Event]:
    """``n`` imported-style events spread over pseudo-articles of 10 events each."""
    seed = sum(origin.encode())
    for j in range(n):
        yield synthetic_event(f"{origin}-{j // 10:07d}", j, origin_seed=seed)
