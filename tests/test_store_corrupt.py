"""A damaged store is reported as damaged, with its real reason (issue 12.9)."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from riftwatch.errors import StoreError
from riftwatch.store import Store
from riftwatch.store.synthetic import synthetic_article


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corrupt") / "clean.duckdb"
    with Store(path) as store:
        store.write_many([synthetic_article(i, 20) for i in range(800)])
    return path


def _damaged(clean: Path, tmp: Path, at: float, size: int, seed: int) -> Path:
    path = tmp / "damaged.duckdb"
    shutil.copy(clean, path)
    total = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(int(total * at))
        fh.write(random.Random(seed).randbytes(size))
    return path


def _digest(path: Path) -> list[object]:
    """Every table's rows, reduced to an order-free hash: equal digests, equal contents."""
    with Store(path, read_only=True) as store:
        con = store.connection()
        tables = sorted(r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall())
        return [con.execute(f'SELECT count(*), bit_xor(hash(t)) FROM "{t}" AS t').fetchall() for t in tables]


@pytest.mark.parametrize("at", [0.2, 0.4, 0.6, 0.8, 0.95])
@pytest.mark.parametrize("seed", [1, 2])
def test_random_bytes_in_the_file_are_reported_as_corruption(clean: Path, tmp_path: Path, at: float, seed: int) -> None:
    path = _damaged(clean, tmp_path, at, 256 * 1024, seed)
    # Reading every block either reports the damage or the bytes hit free space: then every
    # table reads exactly as in the undamaged copy. Never wrong data without a word.
    try:
        with Store(path, read_only=True) as store:
            store.verify()
    except StoreError as exc:
        assert "corrupted" in str(exc), str(exc)
    else:
        assert _digest(path) == _digest(clean)
    # A write either succeeds (the damage is elsewhere) or says the file is corrupted, never
    # DuckDB's "transaction is aborted", which the cleanup used to raise over the real error.
    try:
        with Store(path) as store:
            store.write_many([synthetic_article(10_000 + seed, 20)])
    except StoreError as exc:
        assert "corrupted" in str(exc), str(exc)
        assert "aborted" not in str(exc)


def test_verify_passes_on_a_sound_store(clean: Path) -> None:
    with Store(clean, read_only=True) as store:
        counts = store.verify()
    assert counts["articles"] == 800 and counts["events"] == 800 * 20


def test_a_wal_of_random_bytes_is_refused(clean: Path, tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    shutil.copy(clean, path)
    path.with_name("s.duckdb.wal").write_bytes(random.Random(5).randbytes(5000))
    for read_only in (True, False):
        with pytest.raises(StoreError, match="write-ahead log is corrupted"):
            Store(path, read_only=read_only)


def test_a_real_wal_left_by_a_killed_writer_is_replayed(clean: Path, tmp_path: Path) -> None:
    """The WAL check must not refuse DuckDB's own logs (pinned DuckDB: its header bytes)."""
    path = tmp_path / "k.duckdb"
    shutil.copy(clean, path)
    code = (
        "import duckdb, os, sys\n"
        "con = duckdb.connect(sys.argv[1])\n"
        "con.execute(\"SET checkpoint_threshold = '10GB'\")\n"
        "con.execute('PRAGMA disable_checkpoint_on_shutdown')\n"
        "con.execute(\"INSERT INTO article_aliases VALUES ('x', 'y', 'z')\")\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)
    assert path.with_name("k.duckdb.wal").stat().st_size > 0
    with Store(path, read_only=True) as store:
        assert store.verify()["article_aliases"] == 1


def test_cli_check_exit_codes(clean: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from riftwatch.cli import app

    runner = CliRunner()
    ok = runner.invoke(app, ["check", "--store", str(clean)])
    assert ok.exit_code == 0, ok.output
    damaged = _damaged(clean, tmp_path, 0.3, clean.stat().st_size // 2, 3)  # most data blocks
    bad = runner.invoke(app, ["check", "--store", str(damaged)])
    assert bad.exit_code == 5 and "corrupted" in bad.output
