"""Score riftwatch against PLOVER-format gold event records (JSON list or JSON Lines).

Each gold record is one sentence with its main event (type, source and target actors with
country code and sector, PLOVER mode). Older PLOVER names are mapped (DEMAND→REQUEST,
DISAPPROVE and INVESTIGATE→ACCUSE, FIGHT→ASSAULT). Our *main event* of a sentence is chosen
without looking at the gold: the event with the highest confidence (the coder scores main-clause
triggers higher), ties broken by position.

Reported (per record and overall): main-event type accuracy; type recall over all events (gold type
among any of our events in the sentence); source/target country precision, recall and F1 (micro,
over the main event's actor codes); sector agreement (on matched countries where the gold gives a
sector); mode agreement (where the gold gives a mode); extra events per sentence; and a confusion
matrix gold type × our main type ("NONE" when we find no event).
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import GoldError
from ..events.ontology import ontology
from ..records import Article, CodedArticle, Event

NONE = "NONE"


@dataclass(frozen=True, slots=True)
class GoldRecord:
    id: str
    text: str
    event_type: str
    sources: tuple[tuple[str, str], ...]  # (code, sector)
    targets: tuple[tuple[str, str], ...]
    mode: str
    date: dt.date | None
    place: str = ""  # the event's location ("eventLoc"), where the record gives one


def _actors(raw: Any) -> tuple[tuple[str, str], ...]:
    if not raw:
        return ()
    items = raw if isinstance(raw, list) else [raw]
    out = []
    for a in items:
        if isinstance(a, dict) and a.get("code"):
            out.append((str(a["code"]).upper(), str(a.get("sector") or "").upper()))
    return tuple(out)


def load_gold(path: Path) -> list[GoldRecord]:
    """Read gold records; DOCUMENT records are skipped. Errors name the file and record."""
    try:
        raw = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read gold file: {exc}") from exc
    records: list[Any]
    stripped = raw.lstrip()
    try:
        if stripped.startswith("["):
            records = json.loads(raw)
        else:
            records = [json.loads(line) for line in raw.splitlines() if line.strip()]
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not JSON or JSON Lines: {exc}") from exc
    onto = ontology()
    out: list[GoldRecord] = []
    for i, r in enumerate(records, 1):
        if not isinstance(r, dict):
            raise GoldError(f"{path}: record {i} is not an object")
        etype = str(r.get("event", "")).upper()
        if etype == "DOCUMENT":
            continue
        if not r.get("text"):
            raise GoldError(f"{path}: record {i} ({r.get('id', '?')}) has no text")
        try:
            etype = onto.normalise(etype)
        except KeyError:
            raise GoldError(f"{path}: record {i} ({r.get('id', '?')}): unknown event type {etype!r}") from None
        try:
            date = dt.date.fromisoformat(str(r.get("date"))[:10]) if r.get("date") else None
        except ValueError:
            date = None
        loc = r.get("eventLoc")
        place = str(loc.get("name") or "") if isinstance(loc, dict) else ""
        out.append(GoldRecord(str(r.get("id", i)), str(r["text"]), etype, _actors(r.get("source")),
                              _actors(r.get("target")), str(r.get("mode") or ""), date, place))  # fmt: skip
    if not out:
        raise GoldError(f"{path}: no gold event records")
    return out


def main_event(events: Sequence[Event]) -> Event | None:
    """Our main event of a sentence: highest confidence, then earliest trigger."""
    if not events:
        return None
    return min(events, key=lambda e: (-e.confidence, e.trigger.start))


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def code_texts(texts: Iterable[tuple[str, str, dt.date | None]], coder: Any = None) -> list[CodedArticle]:
    """Code (id, text, published) triples as one-sentence articles."""
    from ..pipeline import Coder

    coder = coder or Coder()
    arts = [Article(id=i, text=t, published=d) for i, t, d in texts]
    return list(coder.code(arts))


def fold(s: str) -> str:
    """A name compared without accents, case or punctuation: "Goražde" and "Gorazde" agree."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isalnum()).lower()


def place_named(gold: str, event: Event) -> bool:
    """The event's place is the gold location: one name contains the other (accents, case and
    punctuation folded), by its display name, its GeoNames name or the words that named it."""
    g = fold(gold)
    p = event.place
    if not g or p is None:
        return False
    return any(x and (g in x or x in g) for x in (fold(p.name), fold(p.geonames_name), fold(p.text)))


def score_locations(gold: Sequence[GoldRecord], coded: Sequence[CodedArticle]) -> dict[str, Any]:
    """Event-location linking over the records that give the event's location: how often we code an
    event of the gold type, and where we do, whether the place of our most confident such event is
    the gold location."""
    n = found = right = 0
    for g, c in zip(gold, coded, strict=True):
        if not g.place:
            continue
        n += 1
        ours = [e for e in c.events if e.event_type == g.event_type]
        if not ours:
            continue
        found += 1
        right += place_named(g.place, min(ours, key=lambda e: (-e.confidence, e.trigger.start)))
    return {"records": n, "event_found": round(found / n, 4) if n else None,
            "place_right_where_found": round(right / found, 4) if found else None}  # fmt: skip


def score_events(gold: Sequence[GoldRecord], coded: Sequence[CodedArticle]) -> dict[str, Any]:
    """Compare coded sentences with their gold records (same order)."""
    type_ok = recall_ok = 0
    counts = {"source": [0, 0, 0], "target": [0, 0, 0]}  # tp, n_pred, n_gold
    sector_ok = sector_n = mode_ok = mode_n = extra = 0
    confusion: Counter[tuple[str, str]] = Counter()
    per_record = []
    for g, c in zip(gold, coded, strict=True):
        main = main_event(c.events)
        pred_type = main.event_type if main else NONE
        confusion[(g.event_type, pred_type)] += 1
        type_ok += pred_type == g.event_type
        recall_ok += any(e.event_type == g.event_type for e in c.events)
        extra += max(0, len(c.events) - 1)
        rec: dict[str, Any] = {"id": g.id, "gold": g.event_type, "pred": pred_type,
                               "trigger": main.trigger.text if main else None}  # fmt: skip
        for role, gold_actors in (("source", g.sources), ("target", g.targets)):
            pred_actors = [(a.country, a.sector) for a in (getattr(main, role) if main else ())]
            pred_codes = {code for code, _ in pred_actors}
            gold_codes = {code for code, _ in gold_actors}
            tp = len(pred_codes & gold_codes)
            counts[role][0] += tp
            counts[role][1] += len(pred_codes)
            counts[role][2] += len(gold_codes)
            for code, sector in gold_actors:
                if sector and code in pred_codes:
                    sector_n += 1
                    sector_ok += any(pc == code and ps == sector for pc, ps in pred_actors)
            rec[role] = {"gold": sorted(gold_codes), "pred": sorted(pred_codes)}
        if g.mode:
            mode_n += 1
            mode_ok += bool(main and main.mode == g.mode)
        per_record.append(rec)
    n = len(gold)
    types = sorted({t for pair in confusion for t in pair})
    return {
        "records": n,
        "main_type_accuracy": round(type_ok / n, 4),
        "type_recall": round(recall_ok / n, 4),
        "source_country": _prf(*counts["source"]),
        "target_country": _prf(*counts["target"]),
        "sector_agreement": round(sector_ok / sector_n, 4) if sector_n else None,
        "mode_agreement": round(mode_ok / mode_n, 4) if mode_n else None,
        "extra_events_per_sentence": round(extra / n, 4),
        "event_location": score_locations(gold, coded),
        "confusion": {"labels": types, "matrix": [[confusion[(g, p)] for p in types] for g in types]},
        "per_record": per_record,
    }


def evaluate_events(path: Path, coder: Any = None) -> dict[str, Any]:
    """Load gold, code its sentences, score."""
    gold = load_gold(path)
    coded = code_texts(((g.id, g.text, g.date) for g in gold), coder)
    return score_events(gold, coded)
