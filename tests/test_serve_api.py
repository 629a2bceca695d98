"""The serve API over a small store built by the tests (``serve_store``): filters, pages, series,
alerts, articles with their spans, downloads, errors, and sharing the file with a writer."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from riftwatch.records import Event
from riftwatch.relations.dyads import DyadConfig, dyad_series
from riftwatch.relations.rifts import assess
from riftwatch.serve import create_app
from riftwatch.store.duck import Store
from serve_store import RIFT_DAY, Spec, baseline, build_store, coded_article, rift_articles

ALL_EVENTS: list[Event] = baseline() + [e for a in rift_articles() for e in a.events]
PUBLISHED = {a.article.id: a.article.published for a in rift_articles()}


@pytest.fixture(scope="module")
def store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("serve") / "events.duckdb")


@pytest.fixture(scope="module")
def client(store_file: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_file, cache_size=0)) as c:
        yield c


def get(client: TestClient, url: str, **params: Any) -> Any:
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def ids(client: TestClient, **params: Any) -> set[str]:
    page = get(client, "/api/events", limit=1000, **params)
    assert page["total"] == len(page["events"])
    return {e["event_id"] for e in page["events"]}


def where(pred: Any) -> set[str]:
    """Ids of the scenario's events that satisfy ``pred`` (the expected answer, from the input)."""
    return {e.event_id for e in ALL_EVENTS if pred(e)}


def codes(actors: Any) -> set[str]:
    return {f"{a.country} {a.sector}".strip() for a in actors}


FILTERS = [
    ({}, where(lambda e: True)),
    ({"type": "assault"}, where(lambda e: e.event_type == "ASSAULT")),
    ({"actor": "IRN MIL"}, where(lambda e: "IRN MIL" in codes(e.source) | codes(e.target))),
    ({"actor": "irn"}, where(lambda e: any(a.country == "IRN" for a in e.source + e.target))),
    ({"dyad": "IRN-SYR", "quad": "3,4"}, where(lambda e: e.quad_class >= 3 and (
        ({a.country for a in e.source} == {"IRN"} and "SYR" in {a.country for a in e.target})
        or ({a.country for a in e.source} == {"SYR"} and "IRN" in {a.country for a in e.target})))),
    ({"factuality": "hypothetical"}, where(lambda e: e.factuality == "hypothetical")),
    ({"happened": "true", "quad": "1"}, where(lambda e: e.factuality == "asserted" and e.quad_class == 1)),
    ({"min_confidence": 0.5, "article": "rift-2"}, where(lambda e: e.article_id == "rift-2" and e.confidence >= 0.5)),
    ({"place": "idlib"}, where(lambda e: e.place is not None and e.place.name == "Idlib")),
    ({"place": "CHE"}, where(lambda e: e.place is not None and e.place.country == "CHE")),
    ({"bbox": "35,33,38,37"}, where(lambda e: e.place is not None and 33 <= e.place.lat <= 37 and 35 <= e.place.lon <= 38)),
    ({"bbox": "170,-10,-170,10"}, set()),  # across the antimeridian, nothing there
    ({"text": "ALEPPO"}, where(lambda e: "aleppo" in e.sentence.lower())),
    ({"since": "2016-05-12", "until": "2016-05-13"},  # an undated event counts on its publication day
     where(lambda e: "2016-05-12" <= (e.date or PUBLISHED[e.article_id]).isoformat() <= "2016-05-13")),
    ({"since": "2016-05-13"}, where(lambda e: (e.date or PUBLISHED[e.article_id]).isoformat() >= "2016-05-13")),
    ({"until": "2016-05-12", "quad": "3"}, where(lambda e: e.quad_class == 3 and (e.date or PUBLISHED[e.article_id]).isoformat() <= "2016-05-12")),
    ({"origin": "riftwatch", "type": "REJECT"}, where(lambda e: e.event_type == "REJECT")),
]  # fmt: skip


@pytest.mark.parametrize(("params", "expected"), FILTERS, ids=[json.dumps(p) for p, _ in FILTERS])
def test_event_filters_keep_exactly_the_matching_events(client: TestClient, params: dict[str, Any], expected: set[str]) -> None:
    assert ids(client, **params) == expected


def test_pages_cover_every_event_once_newest_first(client: TestClient) -> None:
    seen: list[dict[str, Any]] = []
    offset: int | None = 0
    while offset is not None:
        page = get(client, "/api/events", limit=7, offset=offset)
        seen += page["events"]
        offset = page["next_offset"]
    assert len(seen) == len({e["event_id"] for e in seen}) == len(ALL_EVENTS)
    dates = [e["date"] for e in seen if e["date"]]
    assert dates == sorted(dates, reverse=True)
    oldest = get(client, "/api/events", sort="-date", limit=1)["events"][0]
    assert oldest["date"] == min(dates)
    surest = get(client, "/api/events", sort="confidence", limit=1)["events"][0]
    assert surest["confidence"] == max(e.confidence for e in ALL_EVENTS)


def test_events_have_the_export_record_shape(client: TestClient) -> None:
    ev = get(client, "/api/events", article="rift-1", sort="-date", limit=1)["events"][0]
    for key in ("event_id", "article_id", "trigger", "event_type", "quad_class", "source", "target", "place",
                "date", "date_precision", "factuality", "confidence", "attribution"):  # fmt: skip
        assert key in ev


def _library(store_file: Path, actors: list[str], period: str) -> dict[tuple[str, ...], list[dict[str, Any]]]:
    out: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for r in dyad_series(store_file, actors, DyadConfig(period=period, zeros=True)):  # type: ignore[arg-type]
        d = r.to_dict()
        out.setdefault(tuple(d.pop("dyad")), []).append(d)
    return out


def test_series_is_the_relations_series_and_follows_the_filters(client: TestClient, store_file: Path) -> None:
    got = get(client, "/api/series", dyad="IRN-SYR")
    assert [d["dyad"] for d in got["dyads"]] == [["IRN", "SYR"]]
    assert got["dyads"][0]["periods"] == _library(store_file, ["IRN", "SYR"], "week")[("IRN", "SYR")]
    assert any(p["events"] == 0 for p in got["dyads"][0]["periods"])  # zero-filled
    conflict_only = get(client, "/api/series", dyad="IRN-SYR", quad="3,4")["dyads"][0]
    assert 0 < conflict_only["events"] < got["dyads"][0]["events"]
    assert all(p["quad_class"]["1"] == p["quad_class"]["2"] == 0 for p in conflict_only["periods"])


def test_series_without_dyad_lists_the_coalition_dyads(client: TestClient, store_file: Path) -> None:
    got = get(client, "/api/series", coalition="RUS,IRN,SYR", period="month")
    lib = _library(store_file, ["RUS", "IRN", "SYR"], "month")
    assert {tuple(d["dyad"]): d["periods"] for d in got["dyads"]} == lib
    assert got["period"] == "month" and got["dyads_total"] == 3
    busiest = get(client, "/api/series")  # no dyad, no coalition: the busiest dyads of all
    events = [d["events"] for d in busiest["dyads"]]
    assert events == sorted(events, reverse=True) and len(events) == busiest["dyads_total"]


def test_alerts_carry_the_watch_explanation_and_evidence(client: TestClient, store_file: Path) -> None:
    got = get(client, "/api/alerts", coalition="RUS,IRN,SYR")
    lib = assess(store_file, ["RUS", "IRN", "SYR"]).alerts
    assert [a["dyad"] for a in got["alerts"]] == [list(a.dyad) for a in lib]
    assert lib, "the scenario plants rifts"
    for a, want in zip(got["alerts"], lib, strict=True):
        assert a["explanation"] == want.explanation and a["explanation"].startswith("\u2013".join(want.dyad))
        assert {e["article_id"] for e in a["evidence"]} <= {"rift-1", "rift-2"}
    assert {d["state"] for d in got["dyads"]} >= {"rift"}
    only_rus = get(client, "/api/alerts", coalition="RUS,IRN,SYR", actor="RUS")
    assert only_rus["alerts"] and all("RUS" in a["dyad"] for a in only_rus["alerts"])
    assert get(client, "/api/alerts", coalition="RUS,IRN,SYR", until="2016-04-01")["alerts"] == []


def test_article_spans_point_at_their_words(client: TestClient) -> None:
    art = get(client, "/api/articles/rift-1")
    text = art["text"]
    assert art["title"].startswith("Allies at odds")
    assert {s["kind"] for s in art["spans"]} == {"trigger", "source", "target", "place", "date", "attribution"}
    for s in art["spans"]:
        assert text[s["start"]:s["end"]] == s["text"]
    rejected = [s for s in art["spans"] if s["event_id"] == "rift-1-1-0"]
    assert {(s["kind"], s["text"]) for s in rejected} == {
        ("trigger", "rejected"), ("source", "Iranian commanders"), ("target", "demand"),
        ("date", "on Thursday"), ("attribution", "officials said"),
    }  # fmt: skip


def test_articles_list_and_places(client: TestClient) -> None:
    arts = get(client, "/api/articles")
    assert [a["article_id"] for a in arts["articles"]] == ["rift-2", "rift-1"]
    assert get(client, "/api/articles", text="strikes")["total"] == 1
    places = get(client, "/api/places")
    placed = [e for e in ALL_EVENTS if e.place is not None]
    assert places["events_placed"] == len(placed)
    assert places["events_unplaced"] == len(ALL_EVENTS) - len(placed)
    assert {p["name"] for p in places["places"]} == {e.place.name for e in placed if e.place}
    busiest = places["places"][0]
    assert busiest["events"] == max(sum(1 for e in placed if e.place and e.place.name == n) for n in {p["name"] for p in places["places"]})
    assert get(client, "/api/places", quad="4")["events_placed"] == sum(1 for e in placed if e.quad_class == 4)


def test_summary_counts_the_filtered_events(client: TestClient) -> None:
    s = get(client, "/api/summary", article="rift-1")
    assert s["events"] == 4 and sum(s["by_type"].values()) == 4
    assert "ASSAULT" in s["types"] and {a["code"] for a in s["actors"]} >= {"IRN MIL", "SYR GOV"}


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "geojson"])
def test_downloads_hold_the_filtered_events(client: TestClient, fmt: str) -> None:
    want = where(lambda e: e.quad_class >= 3)
    r = client.get("/api/events/download", params={"format": fmt, "quad": "3,4"})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert {row["EventID"] for row in rows} == want
    elif fmt == "jsonl":
        assert {json.loads(line)["event_id"] for line in r.text.splitlines()} == want
    else:
        fc = json.loads(r.text)
        placed = where(lambda e: e.quad_class >= 3 and e.place is not None)
        assert fc["type"] == "FeatureCollection" and {f["properties"]["EventID"] for f in fc["features"]} == placed
        f = fc["features"][0]
        assert f["geometry"]["type"] == "Point" and len(f["geometry"]["coordinates"]) == 2


def test_csv_download_neutralises_formulas(tmp_path: Path) -> None:
    path = tmp_path / "f.duckdb"
    art = coded_article("evil", "=HYPERLINK(title)", RIFT_DAY, [
        ("=cmd Moscow struck Aleppo.", [Spec("struck", "ASSAULT", [("RUS MIL", "Moscow")], [("SYR GOV", "Aleppo")])]),
    ])  # fmt: skip
    with Store(path) as st:
        st.write_many([art])
    with TestClient(create_app(path)) as c:
        rows = list(csv.DictReader(io.StringIO(c.get("/api/events/download?format=csv").text)))
    assert rows[0]["Sentence"].startswith("'=cmd")


BAD = [
    ("/api/events?since=2016-13-01", "since", "month"),
    ("/api/events?type=ASAULT", "type", "ASSAULT"),
    ("/api/events?dyad=RUS", "dyad", "two actor codes"),
    ("/api/events?dyad=RUS-RUS", "dyad", "same actor"),
    ("/api/events?actor=Russia1", "actor", "actor code"),
    ("/api/events?bbox=1,2,3", "bbox", "four numbers"),
    ("/api/events?bbox=0,10,5,-10", "bbox", "south"),
    ("/api/events?bbox=0,0,200,10", "bbox", "longitudes"),
    ("/api/events?quad=5", "quad", "QuadClass"),
    ("/api/events?factuality=maybe", "factuality", "asserted"),
    ("/api/events?min_confidence=2", "min_confidence", "1"),
    ("/api/events?limit=0", "limit", "1"),
    ("/api/events?limit=5000", "limit", "1000"),
    ("/api/events?sort=size", "sort", "date"),
    ("/api/events?since=2016-05-02&until=2016-05-01", "since", "after"),
    ("/api/series?coalition=RUS", "coalition", "two actor codes"),
    ("/api/series?period=year", "period", "week"),
    ("/api/events/download?format=xml", "format", "csv"),
]


@pytest.mark.parametrize(("url", "parameter", "phrase"), BAD)
def test_bad_parameters_get_400_naming_the_parameter(client: TestClient, url: str, parameter: str, phrase: str) -> None:
    r = client.get(url)
    assert r.status_code == 400, r.text
    body = r.json()
    assert body["parameter"] == parameter
    assert body["error"].startswith(parameter) and phrase in body["error"]


def test_unknown_article_is_404(client: TestClient) -> None:
    r = client.get("/api/articles/nothing-here")
    assert r.status_code == 404 and "nothing-here" in r.json()["error"]


def test_openapi_schema_lists_every_route_and_filter(client: TestClient) -> None:
    schema = get(client, "/openapi.json")
    for path in ("/api/events", "/api/events/download", "/api/series", "/api/alerts", "/api/places",
                 "/api/articles", "/api/articles/{article_id}", "/api/summary", "/api/version"):  # fmt: skip
        assert set(schema["paths"][path]) == {"get"}, path
    names = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert names >= {"actor", "dyad", "type", "quad", "factuality", "min_confidence", "since", "until", "place",
                     "bbox", "text", "article", "limit", "offset", "sort"}  # fmt: skip


def test_security_headers_and_no_cdn_docs(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and "default-src 'self'" in r.headers["content-security-policy"]
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN
    assert client.get("/api/version", headers={"host": "evil.example"}).status_code == 400  # DNS rebinding


def test_no_write_method_is_allowed(client: TestClient) -> None:
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/events").status_code == 405


# Sharing the file with a writer ------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys
    from riftwatch.store.duck import Store
    store = Store(sys.argv[1])
    print("locked", flush=True)
    sys.stdin.read()
    store.close()
    """
)


def test_a_writer_can_open_the_store_between_requests(store_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "copy.duckdb"
    path.write_bytes(store_file.read_bytes())
    with TestClient(create_app(path)) as c:
        before = get(c, "/api/events", limit=1)["total"]
        v0 = get(c, "/api/version")["version"]
        # the app holds no connection between requests: this process can open the file for writing
        extra = coded_article("later", "Later report", RIFT_DAY, [
            ("Tehran sent aid to Damascus.", [Spec("sent", "AID", [("IRN GOV", "Tehran")], [("SYR GOV", "Damascus")])]),
        ])  # fmt: skip
        with Store(path) as st:
            st.write_many([extra])
        assert get(c, "/api/version")["version"] != v0
        assert get(c, "/api/events", limit=1)["total"] == before + 1  # cached answers follow the version


def test_while_a_writer_holds_the_store_requests_get_503_then_recover(store_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "locked.duckdb"
    path.write_bytes(store_file.read_bytes())
    with TestClient(create_app(path, lock_wait=0.3)) as c:
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        try:
            assert writer.stdout is not None and writer.stdout.readline().strip() == "locked"
            r = c.get("/api/events")
            assert r.status_code == 503 and r.headers["retry-after"] == "2"
            assert "locked by another process" in r.json()["error"]
            assert c.get("/api/version").status_code == 200  # polling needs no lock
        finally:
            assert writer.stdin is not None
            writer.stdin.close()
            writer.wait(timeout=60)
        assert c.get("/api/events").status_code == 200


def test_every_answer_fits_its_documented_schema(client: TestClient) -> None:
    """The OpenAPI schema names each answer's fields (serve/schemas.py), and the answers have them."""
    from riftwatch.serve import schemas

    spec = client.get("/openapi.json").json()
    documented = spec["paths"]["/api/events"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert documented["$ref"] == "#/components/schemas/EventPage"
    assert {"event_type", "quad_class", "source", "place"} <= set(spec["components"]["schemas"]["EventOut"]["properties"])
    page = schemas.EventPage.model_validate(get(client, "/api/events", limit=50))
    assert page.events and all(e.trigger.text for e in page.events)
    article = page.events[0].article_id
    for url, model in (("/api/version", schemas.Version), ("/api/summary", schemas.Summary),
                       ("/api/places", schemas.Places), ("/api/series", schemas.Series),
                       ("/api/alerts", schemas.Alerts), ("/api/articles", schemas.ArticlePage),
                       (f"/api/articles/{article}", schemas.ArticleOut)):  # fmt: skip
        model.model_validate(get(client, url))
