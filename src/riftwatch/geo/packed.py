"""The place index on disk: flat arrays opened memory-mapped, so loading it costs no time.

A pickled dict of 540,000 names took 0.4-1.7 s to load in every process (and 0.2-0.6 s more to
collect the first words of the names), which made start-up grow with the gazetteer. Here every
table is a ``.npy`` file opened with ``mmap_mode="r"``: opening the index reads a few hundred
bytes, a lookup touches a handful of pages, and worker processes share the pages the OS has
cached instead of each holding its own copy.

* strings (place names, name keys) are one UTF-8 blob and an offsets array (``PackedStrings``);
* the name -> rows index is the keys' 64-bit BLAKE2b hashes, sorted, searched with ``bisect``;
  a hit is confirmed against the key's own bytes, so answers are exact (``KeyRows``);
* the first words of the names, only ever a cheap pre-test before an exact lookup, are their
  sorted hashes alone (``KeyHashes``): a collision (odds ~1e-14 a word) costs one lookup more;
* the small tables (countries, boxes, demonyms) are one pickle.

Example::

    write_index(Path("/tmp/idx"), pack_index(names, arrays, index, small))
    keys = read_index(Path("/tmp/idx")).index
    keys.get("aleppo")  # (row, ...) best prior first
"""

from __future__ import annotations

import bisect
import hashlib
import os
import pickle
import shutil
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

ARRAYS = ("gid", "lat", "lon", "pop", "kind", "fcode", "country", "admin1", "admin2")
MEMO_SIZE = 100_000
"""Answers a ``KeyRows`` remembers (names recur across articles); cleared when full."""


def key_hash(key: bytes) -> int:
    """The 64-bit hash a key is filed under (stable across processes, unlike ``hash``)."""
    return int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "little")


def _encode(key: str) -> bytes:
    # a lone surrogate in article text must not raise: it simply matches no name
    return key.encode("utf-8", "surrogatepass")


def _view(a: npt.NDArray[Any], fmt: Literal["i", "q", "Q"]) -> memoryview[int]:
    """Items of ``a`` as Python ints through a memoryview (faster than numpy scalars one by one)."""
    return np.ascontiguousarray(a).data.cast("B").cast(fmt)


class PackedStrings(Sequence[str]):
    """A list of strings stored as one UTF-8 blob and ``len + 1`` offsets."""

    __slots__ = ("_blob", "_n", "_off")

    def __init__(self, blob: npt.NDArray[np.uint8], offsets: npt.NDArray[np.int64]) -> None:
        self._blob = np.ascontiguousarray(blob).data.cast("B")
        self._off = _view(offsets, "q")
        self._n = len(offsets) - 1

    @staticmethod
    def pack(strings: Iterable[str]) -> tuple[npt.NDArray[np.uint8], npt.NDArray[np.int64]]:
        encoded = [_encode(s) for s in strings]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(b) for b in encoded], out=offsets[1:])
        return np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets

    def raw(self, i: int) -> memoryview:
        return self._blob[self._off[i] : self._off[i + 1]]

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i: int) -> str:  # type: ignore[override]  # rows only, no slices
        if not -self._n <= i < self._n:
            raise IndexError(i)
        i %= self._n
        return str(self.raw(i), "utf-8", "surrogatepass")

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(self._n))


class KeyHashes:
    """Membership of strings by their sorted 64-bit hashes alone (a pre-test, see module doc)."""

    __slots__ = ("_h", "_memo", "_n")

    def __init__(self, hashes: npt.NDArray[np.uint64]) -> None:
        self._h = _view(hashes, "Q")
        self._n = len(hashes)
        # asked of every capitalised word of every article: a word seen before is one dict probe
        self._memo: dict[str, bool] = {}

    @staticmethod
    def pack(keys: Iterable[str]) -> npt.NDArray[np.uint64]:
        return np.unique(np.fromiter((key_hash(_encode(k)) for k in keys), dtype=np.uint64))

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        hit = self._memo.get(key)
        if hit is None:
            h = key_hash(_encode(key))
            i = bisect.bisect_left(self._h, h)
            hit = i < self._n and self._h[i] == h
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[key] = hit
        return hit


class KeyRows(Mapping[str, tuple[int, ...]]):
    """Normalised name -> its rows (best prior first), exact, over memory-mapped arrays.

    ``hashes`` are the keys' hashes sorted, ``order`` the key number at each sorted position,
    ``starts`` where each key's rows begin in ``rows`` (``len(keys) + 1`` entries).
    """

    __slots__ = ("_h", "_keys", "_memo", "_n", "_order", "_rows", "_starts")

    def __init__(self, keys: PackedStrings, hashes: npt.NDArray[np.uint64], order: npt.NDArray[np.int32],
                 starts: npt.NDArray[np.int64], rows: npt.NDArray[np.int32]) -> None:  # fmt: skip
        self._keys = keys
        self._h = _view(hashes, "Q")
        self._order = _view(order, "i")
        self._starts = _view(starts, "q")
        self._rows = _view(rows, "i")
        self._n = len(hashes)
        self._memo: dict[str, tuple[int, ...]] = {}

    @staticmethod
    def pack(index: Mapping[str, Sequence[int]]) -> dict[str, npt.NDArray[Any]]:
        blob, offsets = PackedStrings.pack(index)
        hashes = np.fromiter((key_hash(_encode(k)) for k in index), dtype=np.uint64, count=len(index))
        order = np.argsort(hashes, kind="stable")
        starts = np.zeros(len(index) + 1, dtype=np.int64)
        np.cumsum([len(v) for v in index.values()], out=starts[1:])
        rows = np.fromiter((r for v in index.values() for r in v), dtype=np.int32, count=int(starts[-1]))
        return {"key_blob": blob, "key_offsets": offsets, "key_hashes": hashes[order],
                "key_order": order.astype(np.int32), "key_starts": starts, "key_rows": rows}  # fmt: skip

    def _find(self, key: str) -> int:
        """The key's number, -1 when it is not a name."""
        raw = _encode(key)
        h = key_hash(raw)
        hashes, i = self._h, bisect.bisect_left(self._h, h)
        while i < self._n and hashes[i] == h:
            k = self._order[i]
            if self._keys.raw(k) == raw:
                return k
            i += 1
        return -1

    def get(self, key: str, default: Any = None) -> Any:
        memo = self._memo
        hit = memo.get(key)
        if hit is None:
            k = self._find(key)
            hit = () if k < 0 else tuple(self._rows[self._starts[k] : self._starts[k + 1]])
            if len(memo) >= MEMO_SIZE:
                memo.clear()  # bounded memory; a cold memo only costs time
            memo[key] = hit
        return hit if hit else default

    def __getitem__(self, key: str) -> tuple[int, ...]:
        hit: tuple[int, ...] | None = self.get(key)
        if hit is None:
            raise KeyError(key)
        return hit

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __len__(self) -> int:
        return self._n

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)


@dataclass(frozen=True, slots=True)
class PlaceIndex:
    """The opened index: what ``Gazetteer`` reads."""

    names: PackedStrings
    arrays: dict[str, npt.NDArray[Any]]
    index: KeyRows
    first_words: KeyHashes
    small: dict[str, Any]  # countries, boxes, demonyms


def first_words(keys: Iterable[str]) -> set[str]:
    """The first word of every name key, with and without a final full stop ("st." and "st")."""
    words = set()
    for key in keys:
        first = key.split(" ", 1)[0]
        words.add(first)
        words.add(first.rstrip("."))
    return words


def pack_index(names: Sequence[str], arrays: Mapping[str, npt.NDArray[Any]],
               index: Mapping[str, Sequence[int]], small: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    """Every table of the index as numpy arrays (and the small ones as ``small``)."""
    name_blob, name_offsets = PackedStrings.pack(names)
    return {
        **{k: np.asarray(arrays[k]) for k in ARRAYS},
        "name_blob": name_blob,
        "name_offsets": name_offsets,
        **KeyRows.pack(index),
        "first_hashes": KeyHashes.pack(first_words(index)),
        "small": small,
    }


def open_index(tables: Mapping[str, Any]) -> PlaceIndex:
    """The index over packed tables (in memory or memory-mapped)."""
    t = tables
    keys = PackedStrings(t["key_blob"], t["key_offsets"])
    return PlaceIndex(
        names=PackedStrings(t["name_blob"], t["name_offsets"]),
        arrays={k: t[k] for k in ARRAYS},
        index=KeyRows(keys, t["key_hashes"], t["key_order"], t["key_starts"], t["key_rows"]),
        first_words=KeyHashes(t["first_hashes"]),
        small=t["small"],
    )


def write_index(directory: Path, tables: Mapping[str, Any]) -> None:
    """Write the tables as one folder, atomically: readers see the whole index or none."""
    tmp = directory.with_name(f"{directory.name}.tmp{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        for name, value in tables.items():
            if name == "small":
                with (tmp / "small.pkl").open("wb") as f:
                    pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            else:
                np.save(tmp / f"{name}.npy", value, allow_pickle=False)
        os.replace(tmp, directory)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        if not (directory / "small.pkl").exists():  # another process may have written it first
            raise


def read_index(directory: Path) -> dict[str, Any]:
    """The tables of a written index, memory-mapped; OSError/ValueError when it is unreadable."""
    tables: dict[str, Any] = {}
    for path in directory.glob("*.npy"):
        # the plain-ndarray view skips np.memmap's per-item Python overhead; the map stays open
        tables[path.stem] = np.load(path, mmap_mode="r", allow_pickle=False).view(np.ndarray)
    with (directory / "small.pkl").open("rb") as f:
        tables["small"] = pickle.load(f)
    return tables
