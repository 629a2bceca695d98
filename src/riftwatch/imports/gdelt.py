"""GDELT 2.0 events export (tab-separated, 61 columns, no header) as riftwatch events.

Mapping: GLOBALEVENTID -> event id ``gdelt-<id>``; SOURCEURL -> article id; SQLDATE -> date (day
precision); EventCode/EventRootCode -> PLOVER type and mode (``cameo.plover_type``); QuadClass from
the root by the ontology's one CAMEO table (the standard mapping GDELT uses too; the file's column is
only checked); GoldsteinScale kept as GDELT coded it; Actor1/Actor2 (name, CountryCode, Type1Code) -> source and
target; ActionGeo (FullName, FIPS country, ADM1, Lat/Long, Type) -> place.  GDELT has no sentence
and no per-event confidence: the sentence is left empty and confidence is 1.0 (GDELT's own
NumSources is a popularity, not a probability of correctness).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Final

from riftwatch.events.ontology import quad_class_of_root
from riftwatch.imports.base import ImportReport, open_text
from riftwatch.imports.cameo import ROOT_TYPE, plover_type
from riftwatch.imports.codes import fips_to_iso3
from riftwatch.records import Actor, Event, Place, PlacePrecision, Span

log = logging.getLogger(__name__)

COLUMNS: Final = 61
# 0-based positions of the columns used (GDELT 2.0 event codebook order).
ID, SQLDATE = 0, 1
A1_CODE, A1_NAME, A1_COUNTRY, A1_TYPE = 5, 6, 7, 12
A2_CODE, A2_NAME, A2_COUNTRY, A2_TYPE = 15, 16, 17, 22
EVENT_CODE, ROOT_CODE, QUAD, GOLDSTEIN = 26, 28, 29, 30
GEO_TYPE, GEO_NAME, GEO_COUNTRY, GEO_ADM1, GEO_LAT, GEO_LON, GEO_FEATURE = 51, 52, 53, 54, 56, 57, 58
SOURCEURL = 60

_GEO_PRECISION: Final[dict[str, PlacePrecision]] = {
    "1": "country", "2": "admin", "3": "city", "4": "city", "5": "admin",
}  # fmt: skip
_NO_SPAN: Final = Span("", 0, 0)


def _actor(cols: list[str], code: int, name: int, country: int, type1: int) -> tuple[Actor, ...]:
    acode, aname, ctry, sector = cols[code], cols[name], cols[country], cols[type1]
    if not (acode or aname or ctry):
        return ()
    if not ctry and len(acode) >= 3 and acode[:3].isalpha():
        ctry = acode[:3]  # CAMEO actor codes open with the country (or IGO, NGO, ...)
    return (Actor(aname, 0, 0, aname or acode, ctry, sector),)


def _place(cols: list[str], fips: dict[str, str]) -> Place | None:
    lat_s, lon_s = cols[GEO_LAT], cols[GEO_LON]
    if not lat_s or not lon_s:
        return None
    lat, lon = float(lat_s), float(lon_s)
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise ValueError(f"ActionGeo coordinates out of range: {lat_s}, {lon_s}")
    name = cols[GEO_NAME]
    feature = cols[GEO_FEATURE]
    return Place(
        text=name,
        start=0,
        end=0,
        name=name,
        geonameid=int(feature) if feature.lstrip("-").isdigit() else None,
        lat=lat,
        lon=lon,
        country=fips.get(cols[GEO_COUNTRY], ""),
        admin1=cols[GEO_ADM1],
        precision=_GEO_PRECISION.get(cols[GEO_TYPE], "city"),
    )


def parse_row(cols: list[str], fips: dict[str, str]) -> Event | None:
    """One export row as an Event; None for rows PLOVER has no type for (CAMEO 01 statements).

    Raises ValueError (or KeyError) saying what is wrong with the row.
    """
    if len(cols) != COLUMNS:
        raise ValueError(f"{len(cols)} tab-separated columns, expected {COLUMNS} (GDELT 2.0 events export)")
    gid = cols[ID].strip()
    if not gid.isdigit():
        raise ValueError(f"GLOBALEVENTID {gid!r} is not a number")
    raw_date = cols[SQLDATE].strip()
    try:
        date = dt.date(int(raw_date[:4]), int(raw_date[4:6]), int(raw_date[6:8]))
    except ValueError:
        raise ValueError(f"SQLDATE {raw_date!r} is not a date YYYYMMDD") from None
    if len(raw_date) != 8:
        raise ValueError(f"SQLDATE {raw_date!r} is not a date YYYYMMDD")
    root = cols[ROOT_CODE].strip().zfill(2)
    if root not in ROOT_TYPE:
        raise ValueError(f"EventRootCode {cols[ROOT_CODE]!r} is not a CAMEO root 01-20")
    code = cols[EVENT_CODE].strip()
    typed = plover_type(code if code.isdigit() and code[:2] == root else root)
    if typed is None:
        return None
    if not 1 <= int(cols[QUAD]) <= 4:
        raise ValueError(f"QuadClass {cols[QUAD]} is not 1-4")
    quad = quad_class_of_root(root)  # the ontology's one table, as for coded events
    goldstein = float(cols[GOLDSTEIN])
    if not -10.0 <= goldstein <= 10.0:
        raise ValueError(f"GoldsteinScale {goldstein} is outside -10..10")
    url = cols[SOURCEURL].strip()
    event_id = f"gdelt-{gid}"
    return Event(
        event_id=event_id,
        article_id=url or event_id,
        sentence_index=0,
        sentence="",
        sentence_start=0,
        trigger=_NO_SPAN,
        event_type=typed[0],
        cameo_root=root,
        quad_class=quad,
        goldstein=goldstein,
        mode=typed[1],
        source=_actor(cols, A1_CODE, A1_NAME, A1_COUNTRY, A1_TYPE),
        target=_actor(cols, A2_CODE, A2_NAME, A2_COUNTRY, A2_TYPE),
        place=_place(cols, fips),
        date=date,
        date_end=date,
        date_precision="day",
        confidence=1.0,
    )


def read(path: Path, report: ImportReport) -> Iterator[Event]:
    """Stream the events of a GDELT 2.0 export file (.CSV, .csv.gz or .zip), tallying in ``report``."""
    fips = fips_to_iso3()
    with open_text(path) as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            report.rows += 1
            fields = line.split("\t")
            event = report.accept(lineno, partial(parse_row, fields, fips))
            if event is not None:
                yield event
