"""Score sentence-level QuadClass labels (``sentence<TAB>label``, labels 0–4).

Labels: 0 no event or a plain statement, 1 verbal cooperation, 2 material cooperation,
3 verbal conflict, 4 material conflict.

How a sentence's events map to one label (documented in the README):
1. No event → 0.
2. Otherwise take the main event (highest confidence, then earliest; see ``evaluate.events``).
3. Public statements and appeals (CAMEO roots 01 and 02: "urged", "called on", "appealed",
   condolences and sympathy, 018) express a wish or a feeling, neither cooperation nor conflict → 0.
4. Else its QuadClass is the event's own (the standard CAMEO mapping of the ontology, as GDELT),
   relabelled by one evaluation convention: reducing relations (CAMEO 16: sanctions, expulsions,
   cut aid) uses no force, and annotated sentence data such as Multi-CoPED labels it verbal
   conflict (3), where stored events keep the standard material conflict (4). This relabelling
   lives here only. The class is then adjusted when the main event did not happen:
   intended, threatened, demanded or hypothetical acts are words, not deeds, so a material class
   becomes the verbal one of the same side (2→1, 4→3); a negated cooperative act ("refused to reopen
   the port", "did not send aid") is a rebuff → 3; a negated conflictual act stays conflictual but
   verbal → 3.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import GoldError
from ..records import CodedArticle
from .events import code_texts, main_event

LABELS = (0, 1, 2, 3, 4)
STATEMENT_ROOTS = frozenset({"01", "02"})
# The Multi-CoPED convention for gold sentence labels: CAMEO root -> the QuadClass it is scored as.
EVALUATION_QUAD = {"16": 3}


def sentence_label(coded: CodedArticle) -> int:
    main = main_event(coded.events)
    if main is None:
        return 0
    if main.cameo_root in STATEMENT_ROOTS:
        return 0
    quad = EVALUATION_QUAD.get(main.cameo_root, main.quad_class)
    if main.negated:
        return 3
    if not main.happened and quad in (2, 4):
        quad -= 1
    return quad


def load_quad(path: Path) -> list[tuple[str, int]]:
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read: {exc}") from exc
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        text, sep, label = line.rpartition("\t")
        if not sep or label.strip() not in {"0", "1", "2", "3", "4"}:
            raise GoldError(f"{path}:{n}: expected 'sentence<TAB>label' with label 0-4")
        out.append((text, int(label)))
    if not out:
        raise GoldError(f"{path}: no labelled sentences")
    return out


def score_quad(gold: Sequence[int], pred: Sequence[int]) -> dict[str, Any]:
    per_class = {}
    f1s = []
    for c in LABELS:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
        n_pred = sum(1 for p in pred if p == c)
        n_gold = sum(1 for g in gold if g == c)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_class[str(c)] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4), "support": n_gold}
        if n_gold:
            f1s.append(f1)
    acc = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold)
    confusion = [[sum(1 for g, p in zip(gold, pred, strict=True) if g == a and p == b) for b in LABELS] for a in LABELS]
    return {"sentences": len(gold), "accuracy": round(acc, 4), "macro_f1": round(sum(f1s) / len(f1s), 4),
            "per_class": per_class, "confusion": confusion}  # fmt: skip


def evaluate_quad(path: Path, coder: Any = None) -> dict[str, Any]:
    gold = load_quad(path)
    coded = code_texts(((f"q{i}", t, None) for i, (t, _) in enumerate(gold)), coder)
    return score_quad([g for _, g in gold], [sentence_label(c) for c in coded])
