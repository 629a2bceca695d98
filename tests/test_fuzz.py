"""Bounded fuzzing of every reader and importer (issue 12): mutated inputs never raise.

Each example starts from a valid input of one format and applies a few mutations hypothesis
chooses (bytes inserted, deleted, duplicated or truncated; quotes, brackets, NULs, BOMs, markup,
formula prefixes, very long runs). Readers must turn every input into Articles and Failures that
name it; importers must import what they can and raise nothing but ``InputError``. The example
count is small enough for CI (``max_examples``); ``benchmarks/fuzz_inputs.py`` runs the same
mutations for as long as it is given.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from riftwatch.errors import InputError
from riftwatch.imports import import_file
from riftwatch.imports.synth import gdelt_row
from riftwatch.ingest.readers import iter_ingested
from riftwatch.records import Article, Duplicate, Failure

_FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

_STORY = "Talks resume\n\nRussia accused Ukraine of shelling Donetsk on Monday. Iran condemned the attack."
SEEDS: dict[str, bytes] = {
    ".txt": _STORY.encode(),
    ".jsonl": (json.dumps({"id": "a1", "title": "Talks", "text": _STORY, "url": "https://x.example/a"}) + "\n"
               + json.dumps({"id": "a2", "text": "Egypt hosted talks in Cairo on Tuesday."}) + "\n").encode(),
    ".json": json.dumps([{"id": "b1", "text": _STORY}, {"text": "Turkey sent troops to the border."}]).encode(),
    ".csv": b'id,title,text,published\nc1,Talks,"Russia accused Ukraine, again.",2025-01-02\nc2,,"Iran condemned it.",\n',
    ".html": b"<html><head><title>Talks</title></head><body><article><p>" + _STORY.encode() + b"</p></article></body></html>",
}  # fmt: skip
_INSERTS = [b'"', b"'", b",", b"\n", b"\r\n", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"[" * 2000, b"{" * 2000, b"[/]",
            b"[bold]", b"=HYPERLINK(", b"\\", b"\t", b"<script>", b"\xc3", b"\xe2\x80", b"x" * 70_000]  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "delete", "duplicate", "truncate", "random"]))
        if kind == "insert":
            data[at:at] = draw(st.sampled_from(_INSERTS))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 20))]
        elif kind == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 200))] * draw(st.integers(1, 5))
        elif kind == "truncate":
            del data[at:]
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=40))
    return bytes(data)


@pytest.mark.parametrize("suffix", sorted(SEEDS))
@_FUZZ
@given(data=st.data())
def test_readers_never_raise_on_mutated_input(tmp_path: Path, suffix: str, data: st.DataObject) -> None:
    payload = data.draw(mutated(SEEDS[suffix]))
    path = tmp_path / f"in{suffix}"
    path.write_bytes(payload)
    for item in iter_ingested([str(path)], max_bytes=1_000_000):
        assert isinstance(item, Article | Duplicate | Failure)
        if isinstance(item, Failure):
            assert item.where.startswith(str(path)) and item.reason
        if isinstance(item, Article):
            assert item.text.strip()


_ICEWS = (
    "Event ID,Event Date,Source Name,Source Sectors,Source Country,Event Text,CAMEO Code,Intensity,"
    "Target Name,Target Sectors,Target Country,Story ID,Sentence Number,Publisher,City,District,"
    "Province,Country,Latitude,Longitude\n"
    '1,2016-05-10,Russia,"Government,Executive",Russian Federation,Consult,040,1.0,Syria,,Syria,1,1,Wire,,,,Syria,,\n'
    "2,2016-05-11,Iran,,Iran,Consult,040,1.0,Syria,,Syria,2,1,Wire,,,,,,\n"
)
_PLOVER = {"event_id": "p1", "event_date": "2016-05-10", "event_type": "CONSULT", "actor": "Russia",
           "actor_country": "RUS", "recipient": "Syria", "recipient_country": "SYR"}  # fmt: skip
_GDELT = "".join(gdelt_row(i, dt.date(2016, 5, 10), "RUS", "SYR", "18") + "\n" for i in range(1, 4))
_IMPORT_SEEDS: dict[str, tuple[str, bytes]] = {
    "gdelt": (".CSV", _GDELT.encode()),
    "icews": (".csv", _ICEWS.encode()),
    "plover": (".jsonl", (json.dumps(_PLOVER) + "\n").encode() * 2),
}


class _Sink:
    def write_events(self, events: object, origin: str, batch: int = 100_000) -> int:
        return sum(1 for _ in events)  # type: ignore[attr-defined]


@pytest.mark.parametrize("fmt", sorted(_IMPORT_SEEDS))
@_FUZZ
@given(data=st.data())
def test_importers_never_raise_on_mutated_input(tmp_path: Path, fmt: str, data: st.DataObject) -> None:
    suffix, seed = _IMPORT_SEEDS[fmt]
    path = tmp_path / f"in{suffix}"
    path.write_bytes(data.draw(mutated(seed)))
    try:
        report = import_file(path, fmt, _Sink())
    except InputError as exc:  # nothing in the file could be read as the format: said, not raised raw
        assert str(path) in str(exc)
        return
    assert report.rows >= report.failed
    assert all(f.where.startswith(f"{path}:") and f.reason for f in report.failures)
