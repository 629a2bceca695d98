"""Sector conventions applied after recognition.

- A people named by its plural demonym ("Palestinians", "the Algerians") are civilians (CVL), as
  CAMEO codes them, unless the text gives another sector.
- Someone who no longer holds office ("former president Jacob Zuma", "ousted leader",
  "ex-premier") is an elite (ELI), not the government.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from ..records import Actor

FORMER = frozenset({"former", "ex", "ousted", "deposed", "exiled", "toppled", "overthrown", "late", "retired",
                    "then"})  # fmt: skip


def refine_sectors(doc: Doc, actors: Sequence[Actor]) -> list[Actor]:
    """Actors with the conventions above applied; others unchanged."""
    out: list[Actor] = []
    for a in actors:
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is None:
            out.append(a)
            continue
        if a.person and a.sector in {"GOV", "MIL", ""} and any(
            t.lower_.strip("-") in FORMER for t in doc[max(span.start - 2, 0) : span.end][:4]
        ):
            out.append(replace(a, sector="ELI"))
        elif (not a.sector and a.entry_id.startswith("demonym:") and span[-1].tag_ in {"NNS", "NNPS"}
              and all(t.text[:1].isupper() for t in span) and len(span) <= 2):  # fmt: skip
            # (two names: a people with its heritage or home, "Chinese Americans", "Kosovo Serbs")
            out.append(replace(a, sector="CVL"))
        else:
            out.append(a)
    return out
