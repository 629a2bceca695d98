"""Opening a store file, with errors that name the file and say what is wrong.

duckdb's own messages are precise but written for database developers ("IO Error: Could not set
lock on file ... See also https://..."); these checks run first, and whatever duckdb still raises
is reduced to a short reason.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import duckdb

from riftwatch.errors import StoreError

MEMORY = ":memory:"


def reason(exc: BaseException) -> str:
    """A duckdb error message reduced to its reason, in words a user can act on."""
    msg = str(exc)
    if "Could not set lock" in msg or "Conflicting lock" in msg:
        pid = re.search(r"PID (\d+)", msg)
        return ("locked by another process" + (f" (PID {pid.group(1)})" if pid else "")
                + ": a run that writes to a store holds it until it ends, and readers (events, show, export) "
                  "must wait for that or read a copy of the file")  # fmt: skip
    if "No space left on device" in msg:
        return "the disk is full (no space left on device); what was committed before is kept"
    if "Corrupt database file" in msg:
        block = re.search(r"block at location (\d+)", msg)
        return ("the store file is corrupted (a checksum does not match" + (f" in the block at byte {block.group(1)}" if block else "")
                + "): restore it from a copy, or code the inputs again into a new store")  # fmt: skip
    if "not a valid DuckDB database" in msg:
        return "not a DuckDB database file"
    if "different configuration" in msg:
        return "already open in this process with a different mode (read-only vs read-write)"
    if "Permission denied" in msg:
        return "permission denied"
    if "Read-only file system" in msg:
        return "read-only file system"
    if "database does not exist" in msg or "No such file or directory" in msg:
        return "does not exist"
    # Drop duckdb's "IO Error: " style prefix and any advice URL; keep the rest.
    msg = re.sub(r"^[A-Za-z ]+Error: ", "", msg.splitlines()[0] if msg else type(exc).__name__)
    return re.sub(r"\s*See also https?://\S+", "", msg)


_MAGIC = b"DUCK"
_MAGIC_AT = 8


def _check_magic(p: Path) -> None:
    """Refuse files that are not DuckDB databases before duckdb sees them.

    DuckDB 2 opens a CSV or Parquet path as an in-memory database with a view over the file, so
    ``Store("events.csv")`` would otherwise "work" and then fail confusingly.
    """
    try:
        with p.open("rb") as fh:
            head = fh.read(_MAGIC_AT + len(_MAGIC))
    except OSError as exc:
        raise StoreError(f"{p}: cannot read the store file: {exc.strerror or exc}") from exc
    if not head:
        raise StoreError(f"{p}: an empty file, not a DuckDB database file (remove it to start a new store)")
    if head[_MAGIC_AT:] != _MAGIC:
        raise StoreError(f"{p}: not a DuckDB database file")


# Every DuckDB 2 write-ahead log starts with its version entry: field 100 (LE u16), type 98.
_WAL_HEAD = b"\x64\x00\x62"


def _check_wal(p: Path) -> None:
    """Refuse a store whose write-ahead log is not one: DuckDB silently skips a WAL it cannot
    parse, so the writes committed in it would vanish without a word.

    A log cut short by a killed writer still starts with its header and is replayed as usual.
    """
    wal = p.with_name(p.name + ".wal")
    try:
        with wal.open("rb") as fh:
            head = fh.read(len(_WAL_HEAD))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"{wal}: cannot read the store's write-ahead log: {exc.strerror or exc}") from exc
    if head and head != _WAL_HEAD[: len(head)]:
        raise StoreError(
            f"{wal}: the store's write-ahead log is corrupted (not a DuckDB log); the writes it held since the "
            f"last checkpoint are lost. Move it aside to open {p.name} as of that checkpoint"
        )


def open_connection(path: str | Path, read_only: bool) -> tuple[duckdb.DuckDBPyConnection, str]:
    """Connect to ``path`` after the checks that give better messages than duckdb's own."""
    if str(path) == MEMORY:
        if read_only:
            raise StoreError(f"{MEMORY}: an in-memory store cannot be opened read-only")
        return duckdb.connect(MEMORY), MEMORY
    p = Path(path).expanduser()
    where = str(p)
    if p.is_dir():
        raise StoreError(f"{where}: is a directory, not a store file")
    if read_only and not p.exists():
        raise StoreError(f"{where}: cannot open read-only: the store file does not exist")
    if not p.exists():
        parent = p.absolute().parent
        if not parent.is_dir():
            raise StoreError(f"{where}: cannot create the store: directory {parent} does not exist")
        if not os.access(parent, os.W_OK):
            raise StoreError(f"{where}: cannot create the store: directory {parent} is not writable")
    else:
        _check_magic(p)
        if not read_only and not os.access(p, os.W_OK):
            raise StoreError(f"{where}: the store file is not writable (commands that only read it, such as "
                             "events, show and export, still work)")  # fmt: skip
        _check_wal(p)
    try:
        return duckdb.connect(where, read_only=read_only), where
    except duckdb.Error as exc:
        raise StoreError(f"{where}: cannot open the store: {reason(exc)}") from exc
