"""The place index's on-disk format: packed strings, hashed keys, memory-mapped folders."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from riftwatch.geo import packed
from riftwatch.geo.packed import KeyHashes, KeyRows, PackedStrings

INDEX = {
    "aleppo": (3, 1),
    "saint louis": (2,),
    "sao tome": (0, 4, 5),
    "st.": (1,),
    "ma'arat al numan": (6,),
    "kyiv": (7,),
    "\u0627\u0644\u0642\u062f\u0633": (8,),  # a non-Latin key: UTF-8 of several bytes a letter
}
NAMES = ["São Tomé", "Aleppo", "Saint Louis", "Halab", "Santo", "Sao", "Ma'arat", "Kyiv", "Al-Quds"]


def tables() -> dict[str, Any]:
    arrays = {k: np.arange(len(NAMES), dtype=np.int64) for k in packed.ARRAYS}
    return packed.pack_index(NAMES, arrays, INDEX, {"countries": ["SYR"], "boxes": {}, "demonyms": {}})


@pytest.fixture(params=["memory", "disk"])
def index(request: pytest.FixtureRequest, tmp_path: Path) -> packed.PlaceIndex:
    t = tables()
    if request.param == "disk":
        packed.write_index(tmp_path / "idx", t)
        t = packed.read_index(tmp_path / "idx")
    return packed.open_index(t)


@pytest.mark.parametrize(("key", "rows"), list(INDEX.items()))
def test_every_key_finds_its_rows_in_order(index: packed.PlaceIndex, key: str, rows: tuple[int, ...]) -> None:
    assert index.index.get(key) == rows
    assert index.index[key] == rows and key in index.index


@pytest.mark.parametrize("key", ["alepp", "aleppo ", "", "saint", "st", "\ud800", "ALEPPO"])
def test_other_strings_are_not_keys(index: packed.PlaceIndex, key: str) -> None:
    assert index.index.get(key, ()) == ()
    assert key not in index.index
    with pytest.raises(KeyError):
        index.index[key]


def test_keys_and_names_read_back_in_order(index: packed.PlaceIndex) -> None:
    assert list(index.index) == list(INDEX) and len(index.index) == len(INDEX)
    assert list(index.names) == NAMES and len(index.names) == len(NAMES)
    assert index.names[-1] == "Al-Quds" and index.names[0] == "São Tomé"
    with pytest.raises(IndexError):
        index.names[len(NAMES)]


@pytest.mark.parametrize(("word", "known"), [("aleppo", True), ("saint", True), ("st.", True), ("st", True),
                                             ("louis", False), ("tome", False), ("", False)])  # fmt: skip
def test_first_words_with_and_without_a_full_stop(index: packed.PlaceIndex, word: str, known: bool) -> None:
    assert (word in index.first_words) is known


def test_keys_that_share_a_hash_are_told_apart_by_their_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    # every key filed under one hash: the lookup must walk the run and compare the keys themselves
    monkeypatch.setattr(packed, "key_hash", lambda key: 7)
    rows = packed.open_index(tables()).index
    assert [rows.get(k) for k in INDEX] == list(INDEX.values())
    assert rows.get("nowhere") is None


def test_a_written_index_is_memory_mapped_and_complete(tmp_path: Path) -> None:
    packed.write_index(tmp_path / "idx", tables())
    files = sorted(p.name for p in (tmp_path / "idx").iterdir())
    assert "small.pkl" in files and "key_hashes.npy" in files
    assert not list(tmp_path.glob("*.tmp*"))  # written under a temporary name, then renamed
    read = packed.read_index(tmp_path / "idx")
    assert isinstance(read["key_hashes"].base, np.memmap)
    assert read["small"]["countries"] == ["SYR"]


def test_strings_pack_as_one_blob() -> None:
    blob, offsets = PackedStrings.pack(["a", "", "ü"])
    assert bytes(blob) == "aü".encode() and offsets.tolist() == [0, 1, 1, 3]
    assert list(PackedStrings(blob, offsets)) == ["a", "", "ü"]


def test_hashes_are_sorted_and_unique() -> None:
    h = KeyHashes.pack(["b", "a", "b"])
    assert len(h) == 2 and bool((h[1:] > h[:-1]).all())
    assert "a" in KeyHashes(h) and "c" not in KeyHashes(h) and 3 not in KeyHashes(h)


def test_key_rows_pack_in_key_order() -> None:
    t = KeyRows.pack({"x": [5, 2], "y": [9]})
    assert t["key_starts"].tolist() == [0, 2, 3] and t["key_rows"].tolist() == [5, 2, 9]
