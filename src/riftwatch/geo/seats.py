"""Seats of government as places: "hosted Erdogan at the White House", "a visit to the Kremlin".

News writes a government's building for the government itself ("the Kremlin said"), and the
actor lexicon reads it so. Where the text puts something in, at or to the building, it is a
place: the building, standing at its city ("White House, Washington", precision city); "to" it
only after going there. The list of seats is data (``data/geo/seats.json``); a name there is never
a place without such a preposition before it, so "the Kremlin said" and "according to the
Kremlin" stay actors and nothing else.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .gazetteer import Candidate, Gazetteer
from .mentions import doc_words

# Prepositions that put something in or at a building.
SEAT_PREPS = frozenset({"in", "at", "inside", "outside", "near"})
# "to" a building is a place only after going there ("a visit to the White House", "flew to the
# Kremlin"); elsewhere the building is who is addressed ("according to the Kremlin", "a letter
# to the White House").
TRAVEL_LEMMAS = frozenset({"visit", "trip", "journey", "tour", "travel", "go", "come", "return", "fly", "head",
                           "invite", "walk", "march", "move", "arrive", "summon", "bring", "take"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Seat:
    words: tuple[str, ...]
    city: str
    country: str
    admin1: str
    preps: frozenset[str]


@functools.cache
def seats() -> dict[str, tuple[Seat, ...]]:
    """The seats of ``data/geo/seats.json`` by the first word of each name (longest names first)."""
    raw = json.loads(resources.files("riftwatch").joinpath("data", "geo", "seats.json").read_text("utf-8"))
    out: dict[str, list[Seat]] = {}
    for rec in raw["seats"]:
        preps = SEAT_PREPS | frozenset(rec.get("also_after", ()))
        for name in rec["names"]:
            words = tuple(name.split())
            out.setdefault(words[0], []).append(Seat(words, rec["city"], rec["country"], rec.get("admin1", ""), preps))
    return {k: tuple(sorted(v, key=lambda s: -len(s.words))) for k, v in out.items()}


@functools.cache
def seat_names() -> frozenset[str]:
    """Every name of a seat as the text writes it: never a town of that name ("White House" is
    neither White House, Tennessee nor Casablanca, whose name means it)."""
    return frozenset(" ".join(seat.words) for group in seats().values() for seat in group)


def find_seats(doc: Doc, gazetteer: Gazetteer, busy: Sequence[tuple[int, int]]) -> list[tuple[SpacySpan, Candidate]]:
    """Seats of government after a preposition of place, each with its city; none that overlaps
    a ``busy`` character range."""
    table = seats()
    words = doc_words(doc)
    out: list[tuple[SpacySpan, Candidate]] = []
    for i, word in enumerate(words):
        cands = table.get(word)
        if not cands:
            continue
        before = i - 1 if i > 0 and words[i - 1].lower() != "the" else i - 2
        if before < 0:
            continue
        for seat in cands:
            end = i + len(seat.words)
            if tuple(words[i:end]) != seat.words:
                continue
            prep = words[before].lower()
            if prep not in seat.preps and not (prep in ("to", "into") and doc[before].head.lemma_ in TRAVEL_LEMMAS):
                continue
            span = doc[i:end]
            if any(a < span.end_char and span.start_char < b for a, b in busy):
                break
            city = next((c for c in gazetteer.lookup(seat.city) if c.country == seat.country and c.kind == "city"
                         and (not seat.admin1 or c.admin1 == seat.admin1)), None)  # fmt: skip
            if city is not None:
                out.append((span, city))
            break
    return out
