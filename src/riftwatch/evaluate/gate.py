"""The accuracy gate: pinned scores on the dev files, with each file's hash.

A change that lowers any pinned score by more than ``tolerance`` fails. Raising the floor is a
deliberate commit of a new baseline (``riftwatch evaluate gate --update``). When a dev file's hash
differs from the pinned one, the baseline no longer applies and the gate says so.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ..errors import GateError

TOLERANCE = 0.01


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _flatten(prefix: str, result: dict[str, Any], keys: list[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for key in keys:
        value: Any = result
        for part in key.split("."):
            value = value[part]
        out[f"{prefix}.{key}"] = float(value)
    return out


EVENT_KEYS = ["main_type_accuracy", "type_recall", "source_country.f1", "target_country.f1"]
QUAD_KEYS = ["accuracy", "macro_f1"]
PLACE_KEYS = ["exact_id", "within_161km", "country_accuracy"]
# End to end, the share within 161 km of *all* gold toponyms (a missed one counts as wrong) is the
# figure users meet; the scores over the toponyms found fall whenever more are found.
E2E_PLACE_KEYS = [*PLACE_KEYS, "within_161km_of_all_gold", "recall"]
ARTICLE_KEYS = ["events.precision", "events.recall", "triple.f1", "matched_accuracy.source", "matched_accuracy.target"]


def measure(baseline_path: Path) -> dict[str, Any]:
    """Run every evaluation named in the baseline file (or the default dev files)."""
    from .articles import evaluate_articles
    from .events import evaluate_events
    from .places import evaluate_places
    from .quad import evaluate_quad

    spec = json.loads(baseline_path.read_text("utf-8")) if baseline_path.exists() else {}
    root = baseline_path.resolve().parents[1]
    files = spec.get("files") or {
        "events": "../shared/eval/plover_gsr.json",
        "quad": "../shared/eval/quad_dev.tsv",
        "places_lgl_gold": "../shared/eval/geo/lgl.xml",
        "places_gwn_e2e": "../shared/eval/geo/GWN.xml",
        "articles": "../shared/eval/voa/gold.jsonl",
    }
    scores: dict[str, float] = {}
    hashes: dict[str, str] = {}
    for name, rel in files.items():
        path = (root / rel).resolve()
        if not path.exists():
            raise GateError(f"{path}: dev file for {name!r} is missing")
        hashes[name] = _sha256(path)
        if name == "events":
            scores |= _flatten(name, evaluate_events(path), EVENT_KEYS)
        elif name == "quad":
            scores |= _flatten(name, evaluate_quad(path), QUAD_KEYS)
        elif name == "articles":  # whole-article gold; its articles lie beside it
            scores |= _flatten(name, evaluate_articles(path, path.with_name("articles.jsonl")), ARTICLE_KEYS)
        elif name.startswith("places"):
            result = evaluate_places(path, "e2e") if name.endswith("e2e") else evaluate_places(path, "gold")
            scores |= _flatten(name, result, E2E_PLACE_KEYS if name.endswith("e2e") else PLACE_KEYS)
    return {"files": files, "hashes": hashes, "scores": scores, "tolerance": spec.get("tolerance", TOLERANCE)}


def write_baseline(path: Path, measured: dict[str, Any]) -> None:
    path.write_text(json.dumps(measured, indent=1, sort_keys=True) + "\n", "utf-8")


def check_gate(baseline_path: Path) -> tuple[list[str], dict[str, float]]:
    """Measure and compare; returns (problems, scores)."""
    if not baseline_path.exists():
        raise GateError(f"{baseline_path}: no pinned baseline (create one with --update)")
    pinned = json.loads(baseline_path.read_text("utf-8"))
    measured = measure(baseline_path)
    problems = []
    for name, digest in pinned["hashes"].items():
        if measured["hashes"].get(name) != digest:
            problems.append(f"dev file {name!r} changed (hash differs): re-pin the baseline deliberately")
    tol = float(pinned.get("tolerance", TOLERANCE))
    for key, floor in pinned["scores"].items():
        got = measured["scores"].get(key)
        if got is None:
            problems.append(f"{key}: not measured")
        elif got < floor - tol:
            problems.append(f"{key}: {got:.4f} < pinned {floor:.4f} - {tol}")
    return problems, measured["scores"]
