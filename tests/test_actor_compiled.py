"""The shipped actor lexicon's cache: the same entries as parsing, rebuilt when damaged or stale."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from riftwatch.actors import compiled, lexicon
from riftwatch.actors.lexicon import ascii_variant, fold


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RIFTWATCH_CACHE", str(tmp_path))
    return tmp_path


def test_cached_entries_are_the_parsed_entries(cache: Path) -> None:
    parsed = list(lexicon.shipped_entries_parsed())
    first = compiled.shipped_entries()  # parses and writes the cache
    assert compiled.cache_path().exists() and compiled.cache_path().parent == cache
    again = compiled.shipped_entries()  # reads it
    assert first == parsed and again == parsed
    assert any(e.roles and e.roles[0].start for e in again)  # dates survive the round trip


def test_a_damaged_cache_is_parsed_again(cache: Path, caplog: pytest.LogCaptureFixture) -> None:
    compiled.shipped_entries()
    path = compiled.cache_path()
    path.write_bytes(b"\x00not marshal")
    assert compiled.shipped_entries() == list(lexicon.shipped_entries_parsed())
    assert "unreadable" in caplog.text and path.read_bytes() != b"\x00not marshal"


def test_the_cache_name_follows_the_shipped_files(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = compiled.cache_path()
    monkeypatch.setattr(lexicon, "SHIPPED_FILES", lexicon.SHIPPED_FILES[:-1])
    assert compiled.cache_path() != before


def test_an_unwritable_cache_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("RIFTWATCH_CACHE", str(blocker / "sub"))
    assert len(compiled.shipped_entries()) > 3000


def _fold_slow(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isalnum()).casefold()


def _ascii_slow(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Erdoğan", "erdogan"), ("U.S.", "us"), ("al-Sisi", "alsisi"), ("Ban Ki-moon", "bankimoon"),
     ("G7", "g7"), ("  ", ""), ("Straße", "strasse"), ("Ⅻ", "xii")],
)  # fmt: skip
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded == _fold_slow(text)


def test_the_ascii_shortcuts_agree_with_unicode_on_every_shipped_name() -> None:
    names = [n for e in lexicon.shipped_entries_parsed() for n in e.names]
    names += [chr(c) * 2 + " x" for c in range(128)]
    assert [fold(n) for n in names] == [_fold_slow(n) for n in names]
    assert [ascii_variant(n) for n in names] == [_ascii_slow(n) for n in names]
