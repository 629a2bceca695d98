"""Imports: GDELT 2.0 export, ICEWS-style CSV, PLOVER/POLECAT JSONL; bad rows with file:line."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from riftwatch.errors import InputError
from riftwatch.imports import import_file, read_events
from riftwatch.imports.base import ImportReport
from riftwatch.imports.cameo import normalise_code, plover_type
from riftwatch.imports.codes import country_code, sector_code
from riftwatch.imports.synth import gdelt_row
from riftwatch.records import Actor, Event, Place, Span
from riftwatch.store.duck import Store

DAY = dt.date(2016, 5, 10)


class Sink:
    """A stand-in store that keeps what it is given."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self.origins: set[str] = set()

    def write_events(self, events: Iterable[Event], origin: str, batch: int = 100_000) -> int:
        got = list(events)
        self.events.extend(got)
        self.origins.add(origin)
        return len(got)


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        yield s


# CAMEO and country codes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("042", ("CONSULT", "visit")),
        ("0874", ("RETREAT", "withdraw")),
        ("10", ("REQUEST", "")),
        ("111", ("ACCUSE", "")),
        ("195", ("ASSAULT", "aerial")),
        ("20", ("ASSAULT", "")),
        ("166", ("SANCTION", "expel")),
        ("013", None),
    ],
)
def test_cameo_to_plover(code: str, expected: tuple[str, str] | None) -> None:
    assert plover_type(code) == expected


@pytest.mark.parametrize(
    ("raw", "code"), [("42", "042"), ("2", "02"), ("190", "190"), ("18", "18"), (" 0874 ", "0874")]
)
def test_normalise_code(raw: str, code: str) -> None:
    assert normalise_code(raw) == code


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Russian Federation", "RUS"),
        ("Russia", "RUS"),
        ("Iran", "IRN"),
        ("Syria", "SYR"),
        ("Occupied Palestinian Territory", "PSE"),
        ("Turkey", "TUR"),
        ("  united   kingdom ", "GBR"),
        ("Atlantis", None),
    ],
)
def test_country_names(name: str, iso3: str | None) -> None:
    assert country_code(name) == iso3


@pytest.mark.parametrize(
    ("sectors", "code"),
    [
        ("Government,Executive,Cabinet", "GOV"),
        ("Military,Government", "MIL"),
        ("Rebel,Insurgents", "REB"),
        ("", ""),
    ],
)
def test_sector_names(sectors: str, code: str) -> None:
    assert sector_code(sectors) == code


# GDELT ------------------------------------------------------------------------------------------


def test_gdelt_row_maps_every_field(tmp_path: Path) -> None:
    path = tmp_path / "one.export.CSV"
    path.write_text(
        gdelt_row(9001, DAY, "RUS", "SYR", "19", url="https://news.example/a") + "\n", encoding="utf-8"
    )
    (e,) = list(read_events(path, "gdelt"))
    assert (e.event_id, e.article_id, e.date, e.event_type, e.cameo_root) == (
        "gdelt-9001", "https://news.example/a", DAY, "ASSAULT", "19"
    )  # fmt: skip
    assert (e.quad_class, e.goldstein, e.mode) == (4, -10.0, "firearms")
    assert [(a.country, a.sector) for a in e.source] == [("RUS", "GOV")]
    assert [(a.country, a.sector) for a in e.target] == [("SYR", "GOV")]
    assert e.place is not None and (e.place.country, e.place.lat) == ("SYR", 33.51)


def _bad(row: str, col: int, value: str) -> str:
    cols = row.split("\t")
    cols[col] = value
    return "\t".join(cols)


GOOD = gdelt_row(1, DAY, "IRN", "SYR", "04")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("too\tshort", "2 tab-separated columns, expected 61"),
        (_bad(GOOD, 0, "x12"), "GLOBALEVENTID"),
        (_bad(GOOD, 1, "20161345"), "SQLDATE"),
        (_bad(GOOD, 28, "27"), "not a CAMEO root"),
        (_bad(GOOD, 29, "7"), "QuadClass 7"),
        (_bad(GOOD, 30, "-42"), "GoldsteinScale"),
        (_bad(GOOD, 56, "123.0"), "out of range"),
    ],
)
def test_gdelt_bad_rows_reported_with_line_and_skipped(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "mixed.CSV"
    path.write_text("\n".join([GOOD, line, gdelt_row(3, DAY, "RUS", "IRN", "12")]) + "\n", encoding="utf-8")
    sink = Sink()
    report = import_file(path, "gdelt", sink)
    assert report.imported == 2 and report.failed == 1 and report.rows == 3
    (failure,) = report.failures
    assert failure.where == f"{path}:2"
    assert reason in failure.reason
    assert sink.origins == {"gdelt"}


def test_gdelt_statements_are_skipped_not_failed(tmp_path: Path) -> None:
    path = tmp_path / "s.CSV"
    path.write_text(gdelt_row(1, DAY, "IRN", "SYR", "01") + "\n" + GOOD + "\n", encoding="utf-8")
    report = import_file(path, "gdelt", Sink())
    assert (report.imported, report.failed, sum(report.skipped.values())) == (1, 0, 1)


@pytest.mark.parametrize("suffix", [".gz", ".zip"])
def test_gdelt_compressed_files(tmp_path: Path, suffix: str) -> None:
    text = "\n".join(gdelt_row(i, DAY, "RUS", "SYR", "05") for i in range(1, 6)) + "\n"
    path = tmp_path / f"20160510.export.CSV{suffix}"
    if suffix == ".gz":
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write(text)
    else:
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("20160510.export.CSV", text)
    assert import_file(path, "gdelt", Sink()).imported == 5


def test_gdelt_into_store_is_idempotent(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "g.CSV"
    path.write_text(
        "\n".join(gdelt_row(i, DAY, "RUS", "SYR", "18") for i in range(1, 11)) + "\n", encoding="utf-8"
    )
    assert import_file(path, "gdelt", store).imported == 10
    assert import_file(path, "gdelt", store).imported == 0
    assert store.stats()["events_by_origin"] == {"gdelt": 10}
    assert len(store.events(actor="SYR")) == 10


@pytest.mark.parametrize(
    ("content", "match"),
    [("not\tgdelt\n" * 3, "no row could be read as gdelt"), (None, "no such file")],
)
def test_unreadable_files_are_input_errors(tmp_path: Path, content: str | None, match: str) -> None:
    path = tmp_path / "x.CSV"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=match):
        import_file(path, "gdelt", Sink())


def test_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not one of plover, gdelt, icews"):
        read_events(tmp_path / "x", "acled")


# ICEWS ------------------------------------------------------------------------------------------

ICEWS_HEADER = (
    "Event ID,Event Date,Source Name,Source Sectors,Source Country,Event Text,CAMEO Code,Intensity,"
    "Target Name,Target Sectors,Target Country,Story ID,Sentence Number,Publisher,City,District,"
    "Province,Country,Latitude,Longitude"
)


@pytest.mark.parametrize("sep", [",", "\t"])
def test_icews_rows(tmp_path: Path, sep: str) -> None:
    rows = [
        ICEWS_HEADER,
        (
            '101,2016-05-10,Russia,"Government,Executive",Russian Federation,Criticize or denounce,111,-2.0,'
            "Syria,,Syria,555,2,Wire,Aleppo,,Aleppo,Syria,36.2,37.16"
        ),
        "102,2016-05-11,Iran,,Iran,Make statement,010,0.0,Syria,,Syria,556,1,Wire,,,,Syria,,",
        "103,10/05/2016,Iran,,Iran,Consult,040,1.0,Syria,,Syria,557,1,Wire,,,,,,",
        "104,2016-05-12,Iran,,Iran,Consult,040,1.0,Syria,,Narnia,558,1,Wire,,,,,,",
        "105,2016-05-12,Iran,Military,Iran,Use conventional military force,190,-10.0,Syria,Rebel,Syria,559,1,Wire,,,,,,",
        "106,2016-05-12,Iran",
    ]
    text = "\n".join(
        rows
        if sep == ","
        else [r.replace(",", "\t").replace('"Government\tExecutive"', "Government,Executive") for r in rows]
    )
    path = tmp_path / "icews.csv"
    path.write_text(text + "\n", encoding="utf-8")
    sink = Sink()
    report = import_file(path, "icews", sink)
    assert [e.event_id for e in sink.events] == ["icews-101", "icews-105"]
    e = sink.events[0]
    assert (e.event_type, e.quad_class, e.goldstein, e.article_id) == ("ACCUSE", 3, -2.0, "icews-story-555")
    assert [(a.country, a.sector) for a in e.source] == [("RUS", "GOV")]
    assert e.place is not None and (e.place.name, e.place.country, e.place.precision) == (
        "Aleppo",
        "SYR",
        "city",
    )
    assert [(a.country, a.sector) for a in sink.events[1].target] == [("SYR", "REB")]
    assert sum(report.skipped.values()) == 1
    assert [(f.where.rsplit(":", 1)[1], f.reason.split(" ")[0]) for f in report.failures] == [
        ("4", "Event"), ("5", "Target"), ("7", "3"),
    ]  # fmt: skip


def test_icews_header_must_have_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("id,date,actor\n1,2016-01-01,X\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.csv:1: not an ICEWS-style header"):
        import_file(path, "icews", Sink())


# PLOVER / POLECAT -------------------------------------------------------------------------------


def _ours() -> Event:
    return Event(
        "ev-1", "art-1", 2, "Moscow accused Damascus of idling.", 100, Span("accused", 107, 114), "ACCUSE",
        "11", 3, -2.0, source=(Actor("Moscow", 100, 106, "Russia", "RUS", "GOV"),),
        target=(Actor("Damascus", 115, 123, "Syria", "SYR", "GOV"),),
        place=Place("Aleppo", 5, 11, "Aleppo", 170063, 36.2, 37.16, "SYR"), date=DAY,
        date_precision="day", confidence=0.7, factuality="asserted",
        roles_how=(("source", "subject"), ("target", "object")),
    )  # fmt: skip


def test_plover_roundtrip_of_our_export(tmp_path: Path) -> None:
    original = _ours()
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps(original.to_dict()) + "\n", encoding="utf-8")
    (e,) = list(read_events(path, "plover"))
    assert e.to_dict() == original.to_dict()


@pytest.mark.parametrize(
    ("record", "check"),
    [
        (
            {"event_id": "p1", "event_type": "DEMAND", "event_date": "2016-05-10", "actor_name": "Assad",
             "actor_country": "SYR", "actor_sector": "GOV", "recipient_name": "Iran", "recipient_country": "Iran",
             "quad_code": "verbal conflict", "intensity": -5},
            lambda e: (e.event_type, e.quad_class, e.goldstein, e.target[0].country) == ("REQUEST", 3, -5.0, "IRN"),
        ),
        (
            {"Event ID": "p2", "Event Type": "ASSAULT", "Event Date": "2016-05-10", "Event Mode": "aerial",
             "Actor Name": "Russia", "Actor Country": "RUS", "Recipient Name": "rebels", "Recipient Country": "SYR",
             "Primary Recipient Sector": "REB", "Latitude": 36.2, "Longitude": 37.1, "Story ID": "s9"},
            lambda e: (e.mode, e.target[0].sector, e.article_id, e.place.lat) == ("aerial", "REB", "s9", 36.2),
        ),
    ],
)  # fmt: skip
def test_polecat_style_records(tmp_path: Path, record: dict, check) -> None:  # type: ignore[no-untyped-def, type-arg]
    path = tmp_path / "polecat.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (e,) = list(read_events(path, "plover"))
    assert check(e)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "not JSON"),
        ("[1, 2]", "a JSON list, not an object"),
        ('{"event_type": "GOSSIP", "date": "2016-01-01"}', "not a PLOVER type"),
        ('{"event_type": "AGREE"}', "no date"),
        ('{"event_type": "AGREE", "date": "2016-13-01"}', "not a date"),
        ('{"event_type": "AGREE", "date": "2016-01-01", "actor_country": "Atlantis"}', "Atlantis"),
    ],
)
def test_plover_bad_lines(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "p.jsonl"
    good = json.dumps(
        {"event_type": "AGREE", "date": "2016-01-01", "actor_country": "RUS", "recipient_country": "IRN"}
    )
    path.write_text(f"{good}\n{line}\n", encoding="utf-8")
    report = ImportReport(str(path), "plover")
    events = list(read_events(path, "plover", report))
    assert len(events) == 1 and events[0].event_id.startswith("plover-")
    (f,) = report.failures
    assert f.where == f"{path}:2" and reason in f.reason


def test_one_quad_class_table_for_imports(tmp_path: Path) -> None:
    """Imported events take QuadClass from the ontology's CAMEO table, as coded events do."""
    from riftwatch.events.ontology import quad_class_of_root

    path = tmp_path / "p.jsonl"
    recs = [{"event_type": "SANCTION", "cameo_root": "16", "date": "2016-05-10", "quad_class": 3},
            {"event_type": "ASSAULT", "cameo_root": "19", "date": "2016-05-10"}]  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    events = list(read_events(path, "plover"))
    assert [e.quad_class for e in events] == [quad_class_of_root(e.cameo_root) for e in events] == [4, 4]
