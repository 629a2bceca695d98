"""One bad row costs that row: never the good rows after it, never the run (issue 12, items 7-8, 12).

Each property puts one poisoned line among good rows at a position hypothesis chooses and checks
that every good row arrives, and that the poisoned one is reported with its own line number.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from riftwatch.imports import import_file
from riftwatch.ingest.csvrows import BadRow, Row, csv_rows
from riftwatch.ingest.readers import iter_articles
from riftwatch.records import Article, Event, Failure

_SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

ICEWS_HEADER = (
    "Event ID,Event Date,Source Name,Source Sectors,Source Country,Event Text,CAMEO Code,Intensity,"
    "Target Name,Target Sectors,Target Country,Story ID,Sentence Number,Publisher,City,District,"
    "Province,Country,Latitude,Longitude"
)


def _icews_row(i: int) -> str:
    return f'{i},2016-05-10,Russia,"Government,Executive",Russian Federation,Consult,040,1.0,Syria,,Syria,{i},1,Wire,,,,Syria,,'


# Lines that break a CSV reader: an unterminated quote, a field over the csv module's 128 KiB
# default, a quote in the middle of a quoted field, a NUL byte, too few columns.
_CSV_POISONS = [
    '9999,2016-05-10,"Russia,Government,Russian Federation',
    "9999,2016-05-10," + "x" * 200_000 + ",,,,,,,,,,,,,,,,,",
    '9999,"2016-05-10"x,Russia,,,,,,,,,,,,,,,,,',
    "9999,2016-05-10,Rus\x00sia,,,,,,,,,,,,,,,,,",
    "9999,2016",
]


class _Sink:
    def __init__(self) -> None:
        self.events: list[Event] = []

    def write_events(self, events: Iterable[Event], origin: str, batch: int = 100_000) -> int:
        got = list(events)
        self.events.extend(got)
        return len(got)


@_SETTINGS
@given(n=st.integers(3, 50), at=st.integers(0, 50), poison=st.sampled_from(_CSV_POISONS))
def test_icews_bad_row_loses_no_good_row(tmp_path: Path, n: int, at: int, poison: str) -> None:
    rows = [_icews_row(i) for i in range(1, n + 1)]
    at = min(at, n)
    rows.insert(at, poison)
    path = tmp_path / "icews.csv"
    path.write_text(ICEWS_HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    sink = _Sink()
    report = import_file(path, "icews", sink)
    assert sorted(e.event_id for e in sink.events) == sorted(f"icews-{i}" for i in range(1, n + 1))
    assert [f.where for f in report.failures] == [f"{path}:{at + 2}"]


def test_icews_fifty_rows_with_a_bad_quote_on_line_three(tmp_path: Path) -> None:
    """The issue's reproduction: 38 of 50 rows were lost."""
    rows = [_icews_row(i) for i in range(1, 51)]
    rows[1] = rows[1].replace('"Government,Executive"', '"Government,Executive')
    path = tmp_path / "icews.csv"
    path.write_text(ICEWS_HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    sink = _Sink()
    report = import_file(path, "icews", sink)
    assert len(sink.events) == 49
    assert [(f.where, f.reason) for f in report.failures] == [(f"{path}:3", "unterminated quote")]


def _plover(i: int) -> str:
    return json.dumps({"event_id": f"p{i}", "event_date": "2016-05-10", "event_type": "CONSULT",
                       "actor": "Russia", "actor_country": "RUS", "recipient": "Syria", "recipient_country": "SYR"})  # fmt: skip


@pytest.mark.parametrize(
    "poison",
    ["[" * 100_000 + "]" * 100_000, '{"event_id": ' + "[" * 100_000, '{"a": ' * 50_000 + "1" + "}" * 50_000, "{", "\x00"],
    ids=["deep-list", "deep-unclosed", "deep-objects", "truncated", "nul"],
)
def test_plover_bad_line_loses_no_good_line(tmp_path: Path, poison: str) -> None:
    lines = [_plover(1), _plover(2), poison, _plover(3)]
    path = tmp_path / "p.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sink = _Sink()
    report = import_file(path, "plover", sink)
    assert report.events == len(sink.events) == 3
    assert [f.where for f in report.failures] == [f"{path}:3"]


# Article CSVs ------------------------------------------------------------------------------------

_STORIES = [
    "Russia accused Ukraine of shelling Donetsk on Monday.",
    "Iran and Syria signed a trade agreement in Damascus.",
    "Police arrested protesters in Nairobi on Tuesday.",
    "Turkey sent troops to the border with Syria.",
    "Egypt hosted talks between the two delegations in Cairo.",
]
_ARTICLE_POISONS = [
    'bad1,"An unterminated quote swallows, the rest of the file',
    "bad2,Text with a NUL\x00 byte in it,2025-01-01",
]


@_SETTINGS
@given(at=st.integers(0, 5), poison=st.sampled_from(_ARTICLE_POISONS), crlf=st.booleans())
def test_article_csv_bad_row_loses_no_good_row(tmp_path: Path, at: int, poison: str, crlf: bool) -> None:
    rows = [f'a{i},"{s}",2025-01-0{i + 1}' for i, s in enumerate(_STORIES)]
    rows.insert(at, poison)
    nl = "\r\n" if crlf else "\n"
    path = tmp_path / "articles.csv"
    path.write_bytes((nl.join(["id,text,published", *rows]) + nl).encode("utf-8"))
    items = list(iter_articles([str(path)]))
    got = [a for a in items if isinstance(a, Article)]
    assert [(a.id, a.text) for a in got] == [(f"a{i}", s) for i, s in enumerate(_STORIES)]
    assert [f.where for f in items if isinstance(f, Failure)] == [f"{path}:{at + 2}"]


def test_article_csv_three_good_rows_after_a_bad_quote(tmp_path: Path) -> None:
    """The issue's reproduction: 3 good rows lost after a bad quote on line 3, the error on line 6."""
    lines = ["id,text", 'a1,"First story, with a comma."', 'a2,"Second story starts a quote and never ends',
             'a3,"Third story."', 'a4,"Fourth story."', 'a5,"Fifth story."']  # fmt: skip
    path = tmp_path / "a.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_articles([str(path)]))
    assert [a.id for a in items if isinstance(a, Article)] == ["a1", "a3", "a4", "a5"]
    assert [(f.where, f.reason) for f in items if isinstance(f, Failure)] == [
        (f"{path}:3", "malformed CSV row: unterminated quote")
    ]


def test_a_quoted_field_may_still_span_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('id,text\na1,"Talks resumed.\n\nDelegations met in Doha."\na2,"Next story here."\n', encoding="utf-8")
    got = [a for a in iter_articles([str(path)]) if isinstance(a, Article)]
    assert [(a.id, a.text) for a in got] == [("a1", "Talks resumed.\n\nDelegations met in Doha."), ("a2", "Next story here.")]


@_SETTINGS
@given(
    cells=st.lists(st.lists(st.text(alphabet=st.sampled_from('ab ,"\n'), max_size=6), min_size=3, max_size=3), max_size=8)
)
def test_csv_rows_reads_what_csv_writer_wrote(cells: list[list[str]]) -> None:
    """Well-formed CSV, quotes and line breaks in fields included, is read exactly as written."""
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf).writerows(cells)
    got = list(csv_rows(io.StringIO(buf.getvalue(), newline=""), ",", columns=3))
    assert all(isinstance(r, Row) for r in got), got
    assert [r.cells for r in got if isinstance(r, Row)] == cells


def test_bad_rows_are_named_by_their_own_line() -> None:
    lines = ['1,"a"\n', '2,"b\n', "3,c\n", '4,"d"\n']
    got = [(r.line, isinstance(r, BadRow)) for r in csv_rows(lines, ",", columns=2)]
    assert got == [(2, False), (3, True), (4, False), (5, False)]


# Encodings ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Talks resume\n\nDelegations from Iran and Turkey met in Doha on Monday.".encode(encoding))
    items = list(iter_articles([str(path)]))
    assert [(a.title, a.text) for a in items if isinstance(a, Article)] == [
        ("Talks resume", "Delegations from Iran and Turkey met in Doha on Monday.")
    ]
