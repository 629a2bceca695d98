"""`riftwatch serve` as a user runs it: a real uvicorn on 127.0.0.1, and a clear error without a store."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from riftwatch.cli import app
from serve_store import build_store

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_missing_store_is_a_store_error() -> None:
    result = CliRunner().invoke(app, ["serve", "--store", "no/such/store.duckdb"])
    assert result.exit_code == 5
    assert "no store file there" in result.output


@pytest.mark.slow
def test_serve_answers_on_loopback(tmp_path: Path) -> None:
    store = build_store(tmp_path / "events.duckdb")
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen(
        [sys.executable, "-c", "from riftwatch.cli import app; app()", "serve", "--store", str(store), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=5) as r:
                    page = json.load(r)
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
                assert time.monotonic() < deadline, "serve did not answer within 60 s"
                time.sleep(0.2)
        assert page["total"] > 0 and len(page["events"]) == 1
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
            assert b"riftwatch" in r.read()
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in out


@pytest.mark.parametrize(("content", "phrase"), [(b"id,text\n1,hello\n", "not a DuckDB database file"), (b"", "empty file")])
def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path, content: bytes, phrase: str) -> None:
    path = tmp_path / "events.duckdb"
    path.write_bytes(content)
    result = CliRunner().invoke(app, ["serve", "--store", str(path)])
    # the console wraps a long temporary path's message at its width: compare the words
    assert result.exit_code == 5 and phrase in " ".join(result.output.split())
