"""A terminated or killed parallel run leaves no worker behind (issue 12.11)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from test_scale_stub import write_corpus

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

_RUN = """
import sys
sys.path.insert(0, {tests!r})
from riftwatch.pipeline import Config
from riftwatch.scale.local import run_parallel
from riftwatch.scale.stream import CoderSpec
from test_scale_stub import make_stub
spec = CoderSpec(Config(extra={{"delay": "0.05"}}), factory=make_stub)
run_parallel([{corpus!r}], {store!r}, workers=2, spec=spec, chunk_size=2, write_batch=4,
             tick=lambda n: print("tick", n, flush=True))
"""


def _start(tmp_path: Path) -> tuple[subprocess.Popen[str], list[psutil.Process]]:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 2000)
    code = _RUN.format(tests=str(Path(__file__).parent), corpus=str(corpus), store=str(tmp_path / "s.duckdb"))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    for _ in range(5):  # wait until the workers have coded something
        assert proc.stdout.readline().startswith("tick"), "the run ended before it could be stopped"
    workers = [c for c in psutil.Process(proc.pid).children(recursive=True) if "python" in c.name().lower()]
    assert len(workers) >= 2
    return proc, workers


def _gone(workers: list[psutil.Process], within: float) -> bool:
    _, alive = psutil.wait_procs(workers, timeout=within)
    for p in alive:  # do not leave them for the next test
        p.kill()
    return not alive


def test_sigterm_stops_the_workers(tmp_path: Path) -> None:
    proc, workers = _start(tmp_path)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(30) != 0
    assert _gone(workers, within=15)


def test_workers_exit_when_the_parent_is_killed(tmp_path: Path) -> None:
    proc, workers = _start(tmp_path)
    proc.kill()
    proc.wait(10)
    start = time.monotonic()
    assert _gone(workers, within=15)
    assert time.monotonic() - start < 15
