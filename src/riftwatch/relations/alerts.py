"""What a watch run returns, and what it can be told: alerts, dyad states, their settings.

Records only (frozen dataclasses with ``to_dict`` for JSON); ``rifts`` computes them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from riftwatch.relations.detect import DetectConfig, Grid
from riftwatch.relations.dyads import DyadConfig
from riftwatch.relations.evidence import Evidence

State = Literal["stable", "cooling", "rift"]


@dataclass(frozen=True, slots=True)
class InferConfig:
    """When a dyad counts as allied: enough baseline events, mostly cooperative, over time."""

    min_share: float = 0.7
    min_events: int = 20
    min_periods: int = 6


@dataclass(frozen=True, slots=True)
class WatchConfig:
    """Everything ``watch`` can be told; every part has sound defaults."""

    dyads: DyadConfig = field(default_factory=DyadConfig)
    detect: DetectConfig = field(default_factory=DetectConfig)
    infer: InferConfig = field(default_factory=InferConfig)
    level: Literal["country", "sector"] = "country"
    as_of: dt.date | None = None
    evidence: bool = True
    history: bool = True  # every rift over the whole history; False: only those still open at the end
    min_articles: int = 1  # corroboration: distinct articles an alert's conflictual events must come from


@dataclass(frozen=True, slots=True)
class Share:
    """Conflictual events out of all events in a window."""

    events: int
    conflict: int

    @property
    def share(self) -> float | None:
        return self.conflict / self.events if self.events else None

    def to_dict(self) -> dict[str, Any]:
        share = self.share
        return {
            "events": self.events,
            "conflict": self.conflict,
            "share": None if share is None else round(share, 4),
        }


@dataclass(frozen=True, slots=True)
class Alert:
    """A significant turn of one dyad towards conflict, with the events behind it."""

    dyad: tuple[str, str]
    start: dt.date
    detected: dt.date
    last: dt.date
    confidence: float
    baseline: Share
    recent: Share
    statistic: dict[str, Any]
    event_ids: tuple[str, ...]
    state: State
    evidence: tuple[Evidence, ...] = ()
    peak: dt.date | None = None  # the period with most conflictual events (its first day, or ``start``)
    end: dt.date | None = None  # last day of the last period of the episode with a conflictual event
    ongoing: bool = False  # the episode runs to the end of the data
    tests: tuple[str, ...] = ()  # which tests raised it: "share", "volume", "shift"
    articles: int = 0  # distinct articles behind its conflictual events (corroboration)
    outlets: int = 0  # distinct outlets among them
    explanation: str = ""  # what changed, against what baseline, on which events, in words

    def to_dict(self) -> dict[str, Any]:
        return {
            "dyad": list(self.dyad),
            "start": self.start.isoformat(),
            "peak": self.peak.isoformat() if self.peak else None,
            "end": self.end.isoformat() if self.end else None,
            "ongoing": self.ongoing,
            "detected": self.detected.isoformat(),
            "last": self.last.isoformat(),
            "tests": list(self.tests),
            "corroboration": {"articles": self.articles, "outlets": self.outlets},
            "explanation": self.explanation,
            "confidence": round(self.confidence, 4),
            "baseline": self.baseline.to_dict(),
            "recent": self.recent.to_dict(),
            "statistic": self.statistic,
            "state": self.state,
            "event_ids": list(self.event_ids),
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class DyadState:
    """Where a watched dyad stands at the end of the data."""

    dyad: tuple[str, str]
    state: State
    probability: float
    baseline: Share
    recent: Share
    events: int
    alerts: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "dyad": list(self.dyad),
            "state": self.state,
            "probability": round(self.probability, 4),
            "baseline": self.baseline.to_dict(),
            "recent": self.recent.to_dict(),
            "events": self.events,
            "alerts": self.alerts,
        }


@dataclass(frozen=True, slots=True)
class WatchResult:
    """Alerts and dyad states of one watch run."""

    coalition: tuple[str, ...]
    inferred: bool
    period: str
    as_of: dt.date | None
    dyads: tuple[DyadState, ...]
    alerts: tuple[Alert, ...]
    grid: Grid | None = None
    history: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "coalition": list(self.coalition),
            "inferred": self.inferred,
            "history": self.history,
            "period": self.period,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "dyads": [d.to_dict() for d in self.dyads],
            "alerts": [a.to_dict() for a in self.alerts],
        }
