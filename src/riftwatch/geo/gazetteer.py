"""An offline gazetteer: place names -> GeoNames candidates.

Built once from installed packages (see :mod:`riftwatch.geo.build`, ~15 s), then cached as a
folder of memory-mapped arrays (:mod:`riftwatch.geo.packed`) under ``$RIFTWATCH_CACHE`` (default
``~/.cache/riftwatch``) whose name carries the versions of the data sources, so upgrading a package
rebuilds it. Opening the cache takes milliseconds whatever its size, and worker processes share its
pages; :meth:`Gazetteer.load` keeps one instance per process.

Example::

    gaz = Gazetteer.load()
    gaz.lookup("Tripoli")[0].country            # 'LBY' (the capital; context may pick Lebanon's)
    gaz.lookup("Idlib province")[0].fcode       # 'ADM1'
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from . import build as _build
from . import packed
from .names import normalize, strip_admin_suffix

log = logging.getLogger(__name__)

FORMAT = 3  # bump when the layout of the cached index changes (packed.py)
ALT_NAME_PENALTY = 1.5


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer place a name may denote."""

    row: int
    name: str
    geonameid: int | None
    lat: float
    lon: float
    country: str  # ISO3, "" for places beyond one country
    admin1: str
    kind: str  # city | admin | country | region | continent
    fcode: str  # GeoNames-like feature code: PPL, PPLC, PPLA, ADM1, ADM2, PCLI, CONT, RGN
    population: int
    prior: float  # context-free plausibility, log10 scale
    admin1_row: int = -1
    admin2_row: int = -1


def cache_dir() -> Path:
    """Where derived data is cached: ``$RIFTWATCH_CACHE`` or ``~/.cache/riftwatch``."""
    env = os.environ.get("RIFTWATCH_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "riftwatch"


LOOKUP_CACHE_SIZE = 50_000


class Gazetteer:
    """Name -> candidate lookup over GeoNames cities500, subdivisions, countries and regions."""

    def __init__(self, data: packed.PlaceIndex) -> None:
        self._names = data.names
        self._a: dict[str, npt.NDArray[Any]] = data.arrays
        self._countries: list[str] = data.small["countries"]
        self._index: Mapping[str, tuple[int, ...]] = data.index
        self._first_words = data.first_words
        self._boxes: dict[int, tuple[float, float, float, float]] = data.small["boxes"]
        self._demonyms: dict[str, tuple[int, ...]] = data.small["demonyms"]
        self._cache: dict[tuple[str, bool], tuple[Candidate, ...]] = {}
        kinds = self._a["kind"]
        self._country_rows = {
            self._countries[int(self._a["country"][r])]: int(r)
            for r in np.flatnonzero(kinds == _build.K_COUNTRY)
        }

    # ------------------------------------------------------------------ loading
    @classmethod
    @functools.cache
    def load(cls) -> Gazetteer:
        """The process-wide gazetteer, read from the cache (built and cached on first use)."""
        return cls(_load_or_build(cache_dir()))

    @classmethod
    def build(cls) -> Gazetteer:
        """A fresh gazetteer straight from the sources, bypassing the cache (slow)."""
        return cls(packed.open_index(_pack(_build.build())))

    # ------------------------------------------------------------------ lookup
    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and normalize(name) in self._index

    @property
    def first_words(self) -> Container[str]:
        """The first word of every name key (with and without a final full stop), for a cheap
        test before trying longer runs."""
        return self._first_words

    def is_demonym(self, key: str) -> bool:
        """Whether a normalised key is a demonym ("somali", "thai"): a people, not a place."""
        return key in self._demonyms

    def has_key(self, key: str) -> bool:
        """Whether a normalised key names a place (fast; used by the mention matcher)."""
        return key in self._index

    def lookup(self, name: str, demonyms: bool = False) -> list[Candidate]:
        """Candidates for a name, best context-free prior first; [] when unknown.

        Answers are cached per process (names recur across articles); callers get a fresh list.

        "X province" (and governorate, oblast, county, ...) yields X's administrative units when
        the full phrase is not itself a name; "northern X" yields a region of country/state X.
        With ``demonyms``, "Israeli"/"Israelis" yield Israel (riftwatch treats them as actors, so
        only gold-span evaluation asks for this). A city found by one of its alternate names
        (Aleppo by "Berea") loses ``ALT_NAME_PENALTY`` from its prior, so a town whose own name it
        is wins without context.
        """
        return list(self._lookup_cached(name, demonyms))

    def _lookup_cached(self, name: str, demonyms: bool) -> tuple[Candidate, ...]:
        cache = self._cache
        hit = cache.get((name, demonyms))
        if hit is None:
            if len(cache) >= LOOKUP_CACHE_SIZE:
                cache.clear()  # bounded memory; a cold cache only costs time
            hit = cache[(name, demonyms)] = tuple(self._lookup(name, demonyms))
        return hit

    def _lookup(self, name: str, demonyms: bool) -> list[Candidate]:
        key = normalize(name)
        if demonyms and key in self._demonyms:  # "Somali" is Somalia's people before an Ethiopian town
            return self._ranked(self._demonyms[key], None)
        rows = self._index.get(key, ())
        if rows and name[:1].islower() and not any(self._a["kind"][r] == _build.K_COUNTRY for r in rows):
            # "south Lebanon", "west Jordan": a compass word in lower case is a direction, not
            # part of a name (South Lebanon, Ohio; West Jordan, Utah); "south Sudan" stays a state
            from .regions import compass_region

            regions = compass_region(self, key)
            if regions:
                return regions
        if rows:
            if strip_admin_suffix(key) and any(self._a["kind"][r] == _build.K_ADMIN for r in rows):
                rows = tuple(r for r in rows if self._a["kind"][r] == _build.K_ADMIN)
            ranked = self._ranked(rows, key)
            # a country's name means the country, not its capital or a town that has it as an
            # alternate name ("Mexico" is not Mexico City, "Djibouti" in running text is the state)
            states = {c.country for c in ranked if c.kind == "country"}
            if states:
                ranked = [c for c in ranked if c.kind != "city" or c.country not in states]
            return ranked
        head = strip_admin_suffix(key)
        if head:
            admin = [r for r in self._index.get(head, ()) if self._a["kind"][r] == _build.K_ADMIN]
            if admin:
                return self._ranked(admin, None)
        from .regions import compass_region  # regions builds on this class

        regions = compass_region(self, key)
        if regions:
            return regions
        if demonyms:
            rows = self._demonyms.get(key) or (self._demonyms.get(key[:-1], ()) if key.endswith("s") else ())
            return self._ranked(rows, None)
        return []

    def _ranked(self, rows: Iterable[int], key: str | None) -> list[Candidate]:
        out = []
        for r in rows:
            c = self.candidate(r)
            if key is not None and c.kind == "city" and normalize(c.name) != key:
                c = replace(c, prior=c.prior - ALT_NAME_PENALTY)
            out.append(c)
        out.sort(key=lambda c: -c.prior)
        return out

    def candidate(self, row: int) -> Candidate:
        """The place in a given row."""
        a = self._a
        kind = int(a["kind"][row])
        fcode = _build.FCODES[int(a["fcode"][row])]
        pop = int(a["pop"][row])
        c = int(a["country"][row])
        a1 = int(a["admin1"][row])
        gid = int(a["gid"][row])
        return Candidate(
            row=row,
            name=self._names[row],
            geonameid=gid or None,
            lat=float(a["lat"][row]),
            lon=float(a["lon"][row]),
            country=self._countries[c] if c >= 0 else "",
            admin1=self._names[a1] if a1 >= 0 else (self._names[row] if fcode == "ADM1" else ""),
            kind=_build.KINDS[kind],
            fcode=fcode,
            population=pop,
            prior=_build.base_prior(kind, fcode, pop),
            admin1_row=a1,
            admin2_row=int(a["admin2"][row]),
        )

    def country(self, iso3: str) -> Candidate | None:
        """The country with this ISO3 code."""
        row = self._country_rows.get(iso3)
        return None if row is None else self.candidate(row)

    @functools.cached_property
    def _capital_rows(self) -> dict[str, int]:
        fcodes = self._a["fcode"]
        rows = np.flatnonzero(fcodes == _build.FCODES.index("PPLC"))
        out: dict[str, int] = {}
        for r in rows:
            c = int(self._a["country"][r])
            iso3 = self._countries[c] if c >= 0 else ""
            # the most populous seat where a country lists two (Bolivia, South Africa)
            if iso3 and (iso3 not in out or self._a["pop"][r] > self._a["pop"][out[iso3]]):
                out[iso3] = int(r)
        return out

    def capital(self, iso3: str) -> Candidate | None:
        """The capital city of the country with this ISO3 code."""
        row = self._capital_rows.get(iso3)
        return None if row is None else self.candidate(row)

    def box(self, row: int) -> tuple[float, float, float, float] | None:
        """South, north, west, east of a country's or admin-1 unit's settled area."""
        return self._boxes.get(row)

    @functools.cached_property
    def _city_xyz(self) -> tuple[npt.NDArray[np.int64], list[npt.NDArray[np.float64]]]:
        rows = np.flatnonzero(self._a["kind"] == _build.K_CITY)
        la, lo = np.radians(self._a["lat"][rows]), np.radians(self._a["lon"][rows])
        return rows, [np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)]

    def nearest_country(self, lat: float, lon: float) -> str:
        """ISO3 of the country of the city nearest to a point ("" if none); a rough reverse geocoder."""
        rows, xyz = self._city_xyz
        if not len(rows):
            return ""
        p, q = np.radians(lat), np.radians(lon)
        # the largest dot product of unit vectors is the smallest great-circle distance
        dot = xyz[0] * (np.cos(p) * np.cos(q)) + xyz[1] * (np.cos(p) * np.sin(q)) + xyz[2] * np.sin(p)
        best = int(np.argmax(dot))
        c = int(self._a["country"][rows[best]])
        return self._countries[c] if c >= 0 else ""

    def keys(self) -> Iterator[str]:
        """Every normalised name."""
        return iter(self._index)


def _pack(t: _build.Tables) -> dict[str, Any]:
    small = {"countries": t.countries, "boxes": t.boxes, "demonyms": {k: tuple(v) for k, v in t.demonyms.items()}}
    return packed.pack_index(t.names, _build.to_arrays(t), _build.ranked_index(t), small)


def index_path(directory: Path | None = None) -> Path:
    """The place index folder for the installed data sources (its name carries their versions)."""
    return (directory or cache_dir()) / f"gazetteer-f{FORMAT}-{_source_versions()}"


@functools.cache
def _source_versions() -> str:
    # asked twice per run (index_ready, then load), and package metadata takes ~20 ms to read
    return _build.source_versions()


def index_ready(directory: Path | None = None) -> bool:
    """Whether the place index is built for the installed data sources (opening it is instant)."""
    return (index_path(directory) / "small.pkl").exists()


def build_index(progress: _build.Progress | None = None, directory: Path | None = None) -> Path:
    """Build the place index now and cache it (one-off, about a minute); returns its path.

    ``progress(stage, share_done)`` is called as it goes, so a caller can show a progress bar;
    riftwatch builds the index on first use otherwise, silently but for a log line.

    >>> build_index(lambda stage, done: print(f"{done:4.0%} {stage}"))  # doctest: +SKIP
      0% countries
    ...
    """
    report = progress or _build._quiet
    path = index_path(directory)
    data = _pack(_build.build(report))
    report("writing the index", 0.95)
    shutil.rmtree(path, ignore_errors=True)  # a rebuild replaces the folder
    packed.write_index(path, data)
    report("done", 1.0)
    return path


def _write(path: Path, data: dict[str, Any]) -> None:
    try:
        packed.write_index(path, data)
    except OSError as exc:  # a read-only home still gets a working gazetteer
        log.warning("cannot write the gazetteer cache %s: %s", path, exc)


def _load_or_build(directory: Path) -> packed.PlaceIndex:
    path = index_path(directory)
    if path.exists():
        try:
            return packed.open_index(packed.read_index(path))
        except (OSError, ValueError, KeyError, EOFError) as exc:
            log.warning("gazetteer cache %s is unreadable (%s); rebuilding", path, exc)
            shutil.rmtree(path, ignore_errors=True)
    log.warning("building the place index %s (one-off, about a minute; `riftwatch places build` does it ahead)", path)
    data = _pack(_build.build())
    _write(path, data)
    return packed.open_index(data)
