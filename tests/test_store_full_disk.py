"""A full disk is one clear error, no traceback (issue 12.10)."""

from __future__ import annotations

import logging
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from riftwatch.errors import StoreError
from riftwatch.store import Store
from riftwatch.store.synthetic import synthetic_article


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB tmpfs; skipped where mounting one is not allowed (not root, no tmpfs)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({done.stderr.decode(errors='replace').strip() or 'not root'})")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_is_one_clear_error(small_disk: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with pytest.raises(StoreError) as info, Store(small_disk / "s.duckdb") as store:
        store.write_many([synthetic_article(i, 20) for i in range(3000)], batch=50)
    assert "the disk is full" in str(info.value)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING and r.exc_info]
    # what was committed before the disk filled is there, and the store opens
    with Store(small_disk / "s.duckdb", read_only=True) as store:
        assert store.stats()["articles"] > 0

