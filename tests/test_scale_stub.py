"""A model-free stand-in coder for the scale tests, and a corpus writer.

The scale machinery (pools, Dask, resume, partitions) is about moving articles and results, not
about coding them; this coder makes those tests fast and deterministic. It lives in an importable
test module so that spawned pool workers and Dask workers can unpickle it by reference.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from riftwatch.pipeline import Config
from riftwatch.records import Actor, Article, CodedArticle, Event, Span

_SENT = re.compile(r"[^.!?]+[.!?]")
_TRIGGER = re.compile(r"\b(attacked|shelled|met)\b")
_TYPES = {
    "attacked": ("ASSAULT", "18", 4, -9.0),
    "shelled": ("ASSAULT", "19", 4, -10.0),
    "met": ("CONSULT", "04", 1, 1.0),
}
_TOWNS = ("Velmora", "Quenby", "Ostrava Nova", "Tarsel", "Brindle Cove", "Hollin", "Maresk")
_VERBS = ("attacked", "shelled", "met with officials in")


class StubCoder:
    """Codes one event per trigger word; ``config.extra["delay"]`` seconds of sleep per article."""

    def __init__(self, config: Config) -> None:
        self.delay = float(config.extra.get("delay", "0"))

    def code(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        for a in articles:
            if self.delay:
                time.sleep(self.delay)
            yield stub_code(a)


def make_stub(config: Config) -> StubCoder:
    return StubCoder(config)


def stub_code(a: Article) -> CodedArticle:
    sentences = tuple(Span(m.group().strip(), m.start(), m.end()) for m in _SENT.finditer(a.text))
    events = []
    for i, s in enumerate(sentences):
        for m in _TRIGGER.finditer(a.text, s.start, s.end):
            etype, root, quad, gold = _TYPES[m.group()]
            eid = hashlib.sha1(f"{a.id}|{m.start()}|{etype}".encode()).hexdigest()[:20]
            src = Actor(
                text="Rebels", start=s.start, end=s.start + 6, name="Rebels", country="XXX", sector="REB"
            )
            events.append(Event(event_id=eid, article_id=a.id, sentence_index=i, sentence=s.text,
                                sentence_start=s.start, trigger=Span(m.group(), m.start(), m.end()),
                                event_type=etype, cameo_root=root, quad_class=quad, goldstein=gold,
                                source=(src,), date=a.published))  # fmt: skip
    return CodedArticle(a, tuple(events), (), (), sentences)


def article_text(i: int) -> str:
    """An English-looking article, distinct for each ``i``."""
    town = _TOWNS[i % len(_TOWNS)]
    verb = _VERBS[i % len(_VERBS)]
    return (
        f"Report number {i} from the region. The rebels {verb} {town} on Monday, and the army said "
        f"it was ready to respond. Residents of {town} were told to stay in their homes for {i % 9 + 2} days."
    )


def write_corpus(path: Path, n: int, start: int = 0) -> Path:
    """A JSONL file of ``n`` articles numbered from ``start``."""
    with path.open("w", encoding="utf-8") as f:
        for i in range(start, start + n):
            f.write(json.dumps({"id": f"art-{i}", "text": article_text(i), "published": "2024-03-01"}) + "\n")
    return path


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("The rebels attacked Quenby. The army met them.", ["ASSAULT", "CONSULT"]),
        ("Nothing happened in Hollin today.", []),
        ("Guns shelled Tarsel! Then they attacked again.", ["ASSAULT", "ASSAULT"]),
    ],
)
def test_stub_coder_codes_each_trigger(text: str, types: list[str]) -> None:
    coded = stub_code(Article(id="x", text=text))
    assert [e.event_type for e in coded.events] == types
    for e in coded.events:
        assert text[e.trigger.start : e.trigger.end] == e.trigger.text


def test_article_texts_are_distinct() -> None:
    assert len({article_text(i) for i in range(200)}) == 200


class PidStub(StubCoder):
    """A stub that remembers which process built it (to see where pool workers got their coder)."""

    def __init__(self, config: Config) -> None:
        super().__init__(config)
        import os

        self.built_in = os.getpid()


def make_pid_stub(config: Config) -> PidStub:
    return PidStub(config)


class RecordingStub(StubCoder):
    """A stub that appends, for every article it codes, a line to ``config.extra["record"]``:
    its process id, the number of threads that process has, and whether it has Arrow or DuckDB
    loaded (to see what a pool worker inherited from the process that forked it)."""

    def __init__(self, config: Config) -> None:
        super().__init__(config)
        self.record = Path(config.extra["record"])

    def code(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        import os
        import sys

        for coded in super().code(articles):
            threads = len(os.listdir("/proc/self/task"))
            loaded = sorted(m for m in ("pyarrow", "duckdb") if m in sys.modules)
            with self.record.open("a", encoding="utf-8") as f:
                f.write(f"{os.getpid()} {threads} {','.join(loaded) or '-'}\n")
            yield coded


def make_recording_stub(config: Config) -> RecordingStub:
    return RecordingStub(config)
