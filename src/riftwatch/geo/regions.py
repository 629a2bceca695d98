"""Compass regions of countries and states: "northern Syria", "the north of Iraq", "south-east Turkey".

Such a phrase resolves to a place of precision ``region`` in that country. Its point is the
country's (or admin-1 unit's) point moved halfway towards that side of the unit's settled-area box
(10th-90th percentile of its cities' coordinates, see :mod:`riftwatch.geo.build`): "northern
Syria" lands between the centre and the northern edge of where Syrians live, a better guess of
where such events happen than the centre itself, and still inside the country. Units without a box
keep their own point. "Central X" is the unit's point.

Well-known named regions (Donbas, Gaza Strip, Sahel, ...) are data, in ``data/geo/regions.json``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .gazetteer import Candidate, Gazetteer

# direction word (already normalised: lower case, hyphens as spaces) -> (north, east) unit steps
_DIRS: dict[str, tuple[int, int]] = {
    "north": (1, 0),
    "south": (-1, 0),
    "east": (0, 1),
    "west": (0, -1),
    "northeast": (1, 1),
    "northwest": (1, -1),
    "southeast": (-1, 1),
    "southwest": (-1, -1),
    "north east": (1, 1),
    "north west": (1, -1),
    "south east": (-1, 1),
    "south west": (-1, -1),
    "central": (0, 0),
    "centre": (0, 0),
    "center": (0, 0),
}
_ADJ = {f"{d}ern": v for d, v in _DIRS.items() if d not in ("central", "centre", "center")}
_ALL = {**_DIRS, **_ADJ}
_WORDS = "|".join(sorted((re.escape(w) for w in _ALL), key=len, reverse=True))
_PATTERNS = (
    re.compile(rf"^(?P<dir>{_WORDS}) of (?P<name>.+)$"),  # "north of iraq" ("the" already dropped)
    re.compile(rf"^(?P<dir>{_WORDS}) (?P<name>.+)$"),  # "northern syria", "south east turkey"
)


def parse_compass(key: str) -> tuple[tuple[int, int], str] | None:
    """``"northern syria"`` -> ``((1, 0), "syria")``; None when the key is not a compass phrase."""
    for pat in _PATTERNS:
        m = pat.match(key)
        if m:
            return _ALL[m.group("dir")], m.group("name")
    return None


def compass_region(gaz: Gazetteer, key: str) -> list[Candidate]:
    """The regions a compass phrase may name, one per country or admin-1 unit of that name, in
    the gazetteer's order ("northern Gaza" is in Gaza, Palestine, or in Gaza, Mozambique: the
    article's other places decide); [] when the phrase names no such unit.

    Phrases that are names themselves ("North Carolina", "South Sudan") never get here: the
    gazetteer looks names up first.
    """
    from dataclasses import replace

    parsed = parse_compass(key)
    if parsed is None:
        return []
    (dn, de), name = parsed
    name = name.removeprefix("the ")
    out = []
    found = gaz.lookup(name)
    # the unit in the country of the name's own most likely reading first: "northern Gaza" is the
    # north of Gaza, Palestine (its city leads the name's readings), before Gaza, Mozambique
    first = found[0].country if found else ""
    units = sorted((c for c in found if c.kind == "country" or c.fcode == "ADM1"), key=lambda c: c.country != first)
    for unit in units:
        lat, lon = unit.lat, unit.lon
        box = gaz.box(unit.row)
        if box is not None:
            s, n, w, e = box
            if dn:
                lat = (lat + (n if dn > 0 else s)) / 2
            if de:
                lon = (lon + (e if de > 0 else w)) / 2
        out.append(replace(
            unit,
            row=-1,
            name=f"{key} ({unit.name})",
            geonameid=None,
            lat=lat,
            lon=lon,
            kind="region",
            fcode="RGN",
            prior=unit.prior,
            admin1_row=unit.row if unit.fcode == "ADM1" else -1,
        ))  # fmt: skip
    return out
