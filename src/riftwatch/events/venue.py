"""The ``venue`` level of an event's place: the meeting or visit a story is telling.

A meeting or visit placed by its own clause ("a two-day visit by Modi to Mauritius") opens a
venue; the acts its own parties go on to do together in the next sentences, none of another
country, happened there ("the prime ministers signed eight pacts"); after a meeting of the past,
only acts told in the past tense. What a party says afterwards — a demand, a rejection, support —
it says wherever it is: no venue. :func:`riftwatch.events.location.locate` asks :meth:`Venue.holds` for each
act with no place of its own and carries the venue on with :func:`next_venue`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from spacy.tokens import Token

from ..records import Event, Place
from .ontology import ontology

# An act dated further than this from the article's publication (or from a meeting) is another
# time, and another scene ("were arrested in 2011", "last year, India helped ...").
SCENE_DAYS = 14

# Acts of meeting: where one is placed, the acts its parties go on to report in the next sentences
# happened there too ("a two-day visit by Modi to Mauritius ... Mauritius conferred its highest
# honour on Modi, and the prime ministers signed eight pacts").
MEETING_TYPES = frozenset({"CONSULT"})
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
# How many sentences on from the last act of the meeting the story may still be telling it.
VENUE_SENTENCES = 2


def _parties(e: Event) -> frozenset[str]:
    return frozenset(a.country for a in (*e.source, *e.target) if a.country)


def _sides(e: Event) -> frozenset[tuple[str, str]]:
    """The parties as country and sector ("CAF GOV" met, "CAF REB" did not)."""
    return frozenset((a.country, a.sector) for a in (*e.source, *e.target) if a.country)


@dataclass(frozen=True, slots=True)
class Venue:
    """The place of a meeting or visit, its parties' countries and the last sentence telling it."""

    place: Place
    parties: frozenset[tuple[str, str]]
    sentence: int
    date: dt.date | None

    def holds(self, e: Event, past: bool, published: dt.date | None) -> bool:
        """An act the meeting's own parties (of no other country) do together — they agree,
        meet again, cooperate (the ontology's ``mutual`` types) — told in the next sentences;
        after a meeting of the past, told in the past tense ("since talks failed at the Hanoi
        summit ... Trump denied the request", not "North Korea is seeking ...")."""
        mine = _sides(e)
        if e.event_type not in ontology().types_with("mutual"):
            return False  # a statement of position (a demand, a rejection, support) is made wherever its speaker is
        if not mine or not any(a.country for a in e.source) or not all(self._fits(side) for side in mine):
            return False
        if e.date_text is not None and e.date is not None and self.date is not None and abs((e.date - self.date).days) > SCENE_DAYS:
            return False  # "last year, India helped ...": another time, another scene
        if not past and self.date is not None and published is not None and (published - self.date).days > SCENE_DAYS:
            return False
        return e.sentence_index <= self.sentence + VENUE_SENTENCES

    def _fits(self, side: tuple[str, str]) -> bool:
        """A party of the meeting: its country was there, in that sector or one of the state's
        ("CAF GOV" met: "CAF MIL" is the state too, "CAF REB" was not there); an unknown sector
        fits."""
        country, sector = side
        for c, s in self.parties:
            if c == country and (not sector or not s or s == sector or {s, sector} <= STATE_SECTORS):
                return True
        return False


def past_tense(trigger: Token) -> bool:
    """Told in the past tense: "denied", "had asked", "was signed"; a noun by its verb."""
    verb = trigger
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in verb.children) and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):  # fmt: skip
        return True  # "after residents protested" tagged as a participle: with a subject and no auxiliary, a past tense
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def next_venue(venue: Venue | None, e: Event, place: Place | None, how: str) -> Venue | None:
    """The venue after ``e``: a meeting placed by its own clause opens one; an act of the venue
    carries it on; an act of its parties placed elsewhere, or a sentence too far, ends it."""
    if place is not None and how == "clause" and e.event_type in MEETING_TYPES and _parties(e):
        return Venue(place, _sides(e), e.sentence_index, e.date)
    if venue is None:
        return None
    if how == "venue":
        return replace(venue, sentence=e.sentence_index)
    if e.sentence_index > venue.sentence + VENUE_SENTENCES:
        return None
    if place is not None and _parties(e) & {c for c, _ in venue.parties} and place.country != venue.place.country:
        return None
    return venue
