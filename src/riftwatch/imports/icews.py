"""ICEWS-style event files (comma- or tab-separated, with a header) as riftwatch events.

Columns used: Event ID, Event Date, Source Name, Source Sectors, Source Country, Event Text, CAMEO
Code, Intensity, Target Name, Target Sectors, Target Country, Story ID, Sentence Number, City,
District, Province, Country, Latitude, Longitude.  ICEWS names countries in words; they become ISO3
codes (``codes.country_code``), and its sector lists become one sector code (``codes.sector_code``).
Intensity is ICEWS's Goldstein-scale score; QuadClass comes from the CAMEO root.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Final

from riftwatch.errors import InputError
from riftwatch.events.ontology import quad_class_of_root
from riftwatch.imports.base import ImportReport, open_text
from riftwatch.imports.cameo import normalise_code, plover_type
from riftwatch.imports.codes import country_code, sector_code
from riftwatch.ingest.csvrows import BadRow, csv_rows
from riftwatch.records import Actor, Event, Place, PlacePrecision, Span

log = logging.getLogger(__name__)

REQUIRED: Final = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country",
)  # fmt: skip


def _country(value: str, what: str) -> str:
    if not value.strip():
        return ""
    code = country_code(value)
    if code is None:
        raise ValueError(f"{what} {value!r} is not a country name riftwatch knows")
    return code


def _actor(row: dict[str, str], side: str) -> tuple[Actor, ...]:
    name = (row.get(f"{side} Name") or "").strip()
    country = _country(row.get(f"{side} Country") or "", f"{side} Country")
    if not name and not country:
        return ()
    sector = sector_code(row.get(f"{side} Sectors") or "")
    return (Actor(name, 0, 0, name, country, sector),)


def _place(row: dict[str, str]) -> Place | None:
    lat_s, lon_s = (row.get("Latitude") or "").strip(), (row.get("Longitude") or "").strip()
    if not lat_s or not lon_s:
        return None
    lat, lon = float(lat_s), float(lon_s)
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise ValueError(f"coordinates out of range: {lat_s}, {lon_s}")
    city, district, province = (row.get(k, "").strip() for k in ("City", "District", "Province"))
    country_name = (row.get("Country") or "").strip()
    precision: PlacePrecision = "city" if city else "admin" if (district or province) else "country"
    name = city or district or province or country_name
    return Place(name, 0, 0, name, None, lat, lon, country_code(country_name) or "", province, precision)


def parse_row(row: dict[str, str]) -> Event | None:
    """One ICEWS row as an Event; None for CAMEO 01 statements.  Raises ValueError/KeyError."""
    eid = (row.get("Event ID") or "").strip()
    if not eid:
        raise ValueError("empty Event ID")
    raw_date = (row.get("Event Date") or "").strip()
    try:
        date = dt.date.fromisoformat(raw_date[:10])
    except ValueError:
        raise ValueError(f"Event Date {raw_date!r} is not a date YYYY-MM-DD") from None
    code = normalise_code(row.get("CAMEO Code") or "")
    try:
        typed = plover_type(code)
        quad = quad_class_of_root(code[:2])
    except KeyError:
        raise ValueError(f"CAMEO Code {row.get('CAMEO Code')!r} is not a CAMEO code (root 01-20)") from None
    if typed is None:
        return None
    raw_intensity = (row.get("Intensity") or "").strip()
    try:
        goldstein = float(raw_intensity)
    except ValueError:
        raise ValueError(f"Intensity {raw_intensity!r} is not a number") from None
    if not -10.0 <= goldstein <= 10.0:
        raise ValueError(f"Intensity {goldstein} is outside -10..10")
    story = (row.get("Story ID") or "").strip()
    sentence_no = (row.get("Sentence Number") or "").strip()
    text = (row.get("Event Text") or "").strip()
    return Event(
        event_id=f"icews-{eid}",
        article_id=f"icews-story-{story}" if story else f"icews-{eid}",
        sentence_index=int(sentence_no) if sentence_no.isdigit() else 0,
        sentence="",
        sentence_start=0,
        trigger=Span(text, 0, 0),
        event_type=typed[0],
        cameo_root=code[:2],
        quad_class=quad,
        goldstein=goldstein,
        mode=typed[1],
        source=_actor(row, "Source"),
        target=_actor(row, "Target"),
        place=_place(row),
        date=date,
        date_end=date,
        date_precision="day",
        confidence=1.0,
    )


def read(path: Path, report: ImportReport) -> Iterator[Event]:
    """Stream the events of an ICEWS-style file, tallying in ``report``.

    Raises InputError when the header lacks a required column (nothing could be read).
    """
    with open_text(path) as fh:
        header = fh.readline()
        delimiter = "\t" if header.count("\t") > header.count(",") else ","
        fields = next(csv.reader([header], delimiter=delimiter), [])
        fields = [f.strip().lstrip("\ufeff") for f in fields]
        missing = [c for c in REQUIRED if c not in fields]
        if missing:
            raise InputError(f"{path}:1", f"not an ICEWS-style header: missing {', '.join(missing)}")
        # csv_rows, not csv.DictReader: a stray quote or an oversized field costs its own row,
        # never the rows after it (issue 12.7-8)
        for record in csv_rows(fh, delimiter, columns=len(fields)):
            lineno = record.line
            if isinstance(record, BadRow):
                report.rows += 1
                report.fail(lineno, record.reason)
                continue
            if not any(v.strip() for v in record.cells):
                continue
            report.rows += 1
            if len(record.cells) != len(fields):
                report.fail(lineno, f"{len(record.cells)} columns, the header has {len(fields)}")
                continue
            row = dict(zip(fields, record.cells, strict=True))
            event = report.accept(lineno, partial(parse_row, row))
            if event is not None:
                yield event
