"""PLOVER / POLECAT JSON Lines as riftwatch events.

Two shapes are read:

* riftwatch's own export (``records.event_to_dict``): ``source``/``target`` are lists of actor
  objects, ``place`` an object, ``factuality`` a word.  Event ids are kept, so re-importing an
  export into a store that holds it adds nothing.
* POLECAT/PLOVER records with flat fields: ``event_type``/``Event Type``, ``event_mode``,
  ``event_date``/``Event Date``, ``actor_name``/``actor_country``/``actor_sector`` (or
  ``source_*``), ``recipient_*`` (or ``target_*``), ``intensity``, ``quad_code``, ``story_id``,
  ``latitude``/``longitude``, ``placename`` ... (space-separated "Title Case" keys as in POLECAT's
  releases work as well).

Older PLOVER type names (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT) map to the current ones.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final, get_args

from riftwatch.events.ontology import ontology
from riftwatch.imports.base import ImportReport, open_text
from riftwatch.imports.cameo import ROOT_TYPE
from riftwatch.imports.codes import country_code
from riftwatch.records import Actor, Event, Factuality, Place, Span

log = logging.getLogger(__name__)

_QUADS: Final = {
    "verbal cooperation": 1,
    "material cooperation": 2,
    "verbal conflict": 3,
    "material conflict": 4,
}
_FACTUALITY: Final = frozenset(get_args(Factuality))


def _key(rec: dict[str, Any], *names: str) -> Any:
    """The first present, non-empty value among ``names`` (also tried in "Title Case" form)."""
    for name in names:
        title = name.replace("_", " ").title()
        for k in (name, title, title.replace(" Id", " ID"), name.replace("_", " ")):
            v = rec.get(k)
            if v not in (None, "", []):
                return v
    return None


def _code(value: Any) -> str:
    """A country as ISO3: three-letter codes kept, names looked up; '' when empty."""
    text = str(value or "").strip()
    if not text:
        return ""
    if len(text) == 3 and text.isalpha() and text.isupper():
        return text
    code = country_code(text)
    if code is None:
        raise ValueError(f"country {text!r} is neither an ISO3 code nor a known country name")
    return code


def _sector(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value or "").split(";")[0].split(",")[0].strip().upper()


def _actors(rec: dict[str, Any], role: str, flat: tuple[str, ...]) -> tuple[Actor, ...]:
    value = rec.get(role)
    if isinstance(value, list):  # our export: a list of actor objects
        out = []
        for a in value:
            if not isinstance(a, dict):
                raise TypeError(f"{role} actor {a!r} is not an object")
            country = _code(a.get("country"))
            out.append(
                Actor(
                    text=str(a.get("text") or a.get("name") or ""),
                    start=int(a.get("start") or 0),
                    end=int(a.get("end") or 0),
                    name=str(a.get("name") or a.get("text") or ""),
                    country=country,
                    sector=_sector(a.get("sector")),
                    person=str(a.get("person") or ""),
                    org=str(a.get("org") or ""),
                )
            )
        return tuple(out)
    for prefix in flat:
        name = _key(rec, f"{prefix}_name", prefix) if not isinstance(rec.get(prefix), dict) else None
        country = _key(rec, f"{prefix}_country")
        if name or country:
            sector = _key(rec, f"{prefix}_sector", f"primary_{prefix}_sector", f"{prefix}_sectors")
            text = str(name or country)
            return (Actor(text, 0, 0, text, _code(country), _sector(sector)),)
    return ()


def _place(rec: dict[str, Any]) -> Place | None:
    p = rec.get("place")
    if isinstance(p, dict):
        if p.get("lat") is None or p.get("lon") is None:
            return None
        return Place(
            str(p.get("text") or p.get("name") or ""), int(p.get("start") or 0), int(p.get("end") or 0),
            str(p.get("name") or ""), p.get("geonameid"), float(p["lat"]), float(p["lon"]),
            _code(p.get("country")), str(p.get("admin1") or ""), p.get("precision") or "city",
            float(p.get("score") or 1.0),
        )  # fmt: skip
    lat, lon = _key(rec, "latitude", "lat"), _key(rec, "longitude", "lon")
    if lat is None or lon is None:
        return None
    name = str(_key(rec, "placename", "city", "province", "country") or "")
    return Place(name, 0, 0, name, None, float(lat), float(lon), _code(_key(rec, "country")), "", "city")


def _date(value: Any, what: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ValueError(f"{what} {value!r} is not a date YYYY-MM-DD") from None


def parse_record(rec: dict[str, Any], line: str) -> Event:
    """One JSON object as an Event.  Raises ValueError/KeyError saying what is wrong."""
    raw_type = _key(rec, "event_type")
    if not raw_type:
        raise ValueError("no event_type")
    onto = ontology()
    try:
        etype = onto.normalise(str(raw_type))
    except KeyError:
        raise ValueError(f"event_type {raw_type!r} is not a PLOVER type") from None
    root = str(_key(rec, "cameo_root") or "")[:2]
    quad_raw = _key(rec, "quad_class", "quad_code", "quad")
    given = 0
    if quad_raw is not None:
        given = _QUADS.get(str(quad_raw).strip().lower()) or int(quad_raw)
        if not 1 <= given <= 4:
            raise ValueError(f"quad class {quad_raw!r} is not 1-4")
    if root not in onto.roots:
        # No CAMEO root: a record's class chooses among its type's roots (a DEMAND that is verbal
        # conflict is CAMEO 10, not the appeal 02), so the class stays the ontology's for its root.
        fitting = [r for r, t in ROOT_TYPE.items() if t == etype and onto.roots[r]["quad_class"] == given]
        root = fitting[0] if fitting else ""
    coding = onto.coding(etype, root)
    quad = coding.quad_class  # the ontology's one CAMEO table, as for coded events
    gold = _key(rec, "goldstein", "intensity")
    goldstein = float(gold) if gold is not None else coding.goldstein
    date = _date(_key(rec, "date", "event_date"), "date") or _date(_key(rec, "story_date"), "story_date")
    if date is None:
        raise ValueError("no date (date, event_date or story_date)")
    factuality = str(rec.get("factuality") or "asserted")
    if factuality not in _FACTUALITY:
        raise ValueError(f"factuality {factuality!r} is not one of {', '.join(sorted(_FACTUALITY))}")
    event_id = str(_key(rec, "event_id", "id") or "plover-" + hashlib.sha1(line.encode()).hexdigest()[:16])
    trig = rec.get("trigger")
    trigger = (
        Span(str(trig.get("text") or ""), int(trig.get("start") or 0), int(trig.get("end") or 0))
        if isinstance(trig, dict)
        else Span(str(_key(rec, "event_text") or ""), 0, 0)
    )
    conf = rec.get("confidence")
    return Event(
        event_id=event_id,
        article_id=str(_key(rec, "article_id", "story_id") or event_id),
        sentence_index=int(rec.get("sentence_index") or 0),
        sentence=str(rec.get("sentence") or ""),
        sentence_start=int(rec.get("sentence_start") or 0),
        trigger=trigger,
        event_type=etype,
        cameo_root=coding.cameo_root,
        quad_class=quad,
        goldstein=goldstein,
        mode=str(_key(rec, "mode", "event_mode") or ""),
        factuality=factuality,  # type: ignore[arg-type]
        source=_actors(rec, "source", ("source", "actor")),
        target=_actors(rec, "target", ("target", "recipient")),
        place=_place(rec),
        date=date,
        # our export says date_end: null for single days; POLECAT has none: keep what was given
        date_end=_date(rec.get("date_end"), "date_end"),
        date_precision=rec.get("date_precision") or "day",
        confidence=float(conf) if conf is not None else 1.0,
        roles_how=tuple((str(k), str(v)) for k, v in how.items()) if isinstance(how := rec.get("roles_how"), dict) else (),
    )


def read(path: Path, report: ImportReport) -> Iterator[Event]:
    """Stream the events of a PLOVER/POLECAT JSONL file, tallying in ``report``."""
    with open_text(path) as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            report.rows += 1
            try:
                rec = json.loads(line)
            except ValueError as exc:
                report.fail(lineno, f"not JSON: {exc}")
                continue
            except RecursionError:
                report.fail(lineno, "not JSON we can read: nested too deeply")
                continue
            if not isinstance(rec, dict):
                report.fail(lineno, f"a JSON {type(rec).__name__}, not an object")
                continue
            try:
                event = parse_record(rec, line)
            except (ValueError, KeyError, TypeError) as exc:
                report.fail(lineno, str(exc).strip("'\""))
                continue
            except RecursionError:
                report.fail(lineno, "a field is nested too deeply")
                continue
            report.events += 1
            yield event
