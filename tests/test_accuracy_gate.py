"""The accuracy gate: every pinned score on the dev files must hold (within the tolerance).

Raising a floor is a deliberate commit: `riftwatch evaluate gate --update`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, shared_path
from riftwatch.evaluate.gate import check_gate

pytestmark = pytest.mark.slow
BASELINE = ROOT / "benchmarks" / "accuracy_baseline.json"


def test_no_score_below_its_pinned_floor() -> None:
    shared_path("eval", "plover_gsr.json")  # skips with the reason when ../shared is absent
    problems, scores = check_gate(BASELINE)
    assert not problems, "\n".join(problems)
    assert scores, "the gate measured nothing"


def test_baseline_names_the_dev_files_and_their_hashes() -> None:
    import json

    pinned = json.loads(Path(BASELINE).read_text("utf-8"))
    assert set(pinned["hashes"]) == set(pinned["files"])
    assert all(len(h) == 64 for h in pinned["hashes"].values())
    assert pinned["tolerance"] <= 0.02
