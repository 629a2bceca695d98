"""Long articles in bounded pieces: windows cut at paragraph or sentence ends, offsets kept.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters, error E088), and below that its
memory grows with the text: about 3.5 KB per character for the parse and our coding (measured: a
200,000-character article adds 690 MiB). So an article longer than ``WINDOW_CHARS`` is parsed and
coded one window at a time, and a parse batch holds at most ``BATCH_CHARS`` characters, whatever
the number of articles in it. Windows are contiguous and cover the whole text, so
``shift_coded`` can move every span of a window's coding to its place in the article: trigger,
actor, place, date and evidence offsets, sentence numbers and event ids come out as they would
for a text coded whole. What a window cannot see is context from another window (an actor named
only there for a later "they", the article's dominant country).

>>> text = "First paragraph here.\\n\\nSecond one. It is longer than that.\\n\\nThird."
>>> [text[s:e] for s, e in windows(text, 40)]
['First paragraph here.\\n\\n', 'Second one. It is longer than that.\\n\\n', 'Third.']
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final, TypeVar

from .records import CodedArticle, Event

WINDOW_CHARS: Final = 50_000
"""Articles longer than this are coded in windows of at most this many characters."""
BATCH_CHARS: Final = 16_000
"""A parse batch is closed before it would exceed this many characters (spaces not counted, see
``char_batches``): about four news articles.
Larger batches parse no faster and cost the kernel time: spaCy's arrays for 32 articles are large
allocations that glibc maps and unmaps for every batch, and their page faults took 1.6-5.2 s of
system time in a run over the VOA pool (65 articles; the run 11.6-15.8 s); at 16,000 characters
0.3-0.5 s, the run 10.5 s (8,000: 11.0 s; 24,000: 11.2 s; measured with spaces counted). Parses
are identical whatever the batch."""

# Where to cut, best first: after a blank line, after a sentence end, after any whitespace.
_PARAGRAPH: Final = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SENTENCE: Final = re.compile(r"[.!?][\"'\u2019\u201d)\]]*\s+")
_SPACE: Final = re.compile(r"\s+")

T = TypeVar("T")


def _last_cut(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> int | None:
    """The end of the last match of ``pattern`` that lies within text[lo:hi]."""
    last = None
    for m in pattern.finditer(text, lo, hi):
        last = m.end()
    return last


def windows(text: str, size: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """Contiguous (start, end) spans covering ``text``, each at most ``size`` characters.

    A window ends after the last paragraph break in its second half, else after the last sentence
    end there, else after the last whitespace, else (one word longer than half a window) at
    ``size``. A text of at most ``size`` characters is one window.

    >>> windows("abc", 10)
    [(0, 3)]
    >>> windows("one two three four", 9)
    [(0, 8), (8, 14), (14, 18)]
    """
    if size < 2:
        raise ValueError(f"window size must be at least 2 characters, not {size}")
    spans: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    while n - pos > size:
        hi = pos + size
        lo = pos + size // 2
        cut = _last_cut(_PARAGRAPH, text, lo, hi) or _last_cut(_SENTENCE, text, lo, hi) or _last_cut(_SPACE, text, lo, hi)
        if cut is None or cut <= pos:
            cut = hi
        spans.append((pos, cut))
        pos = cut
    spans.append((pos, n))
    return spans


def char_batches(items: Iterable[tuple[str, T]], max_items: int, max_chars: int) -> Iterator[list[tuple[str, T]]]:
    """Lists of at most ``max_items`` (text, context) pairs holding at most ``max_chars`` characters
    in all, spaces not counted; a single text over ``max_chars`` makes a batch of its own.

    Spaces are not counted because what a batch costs is its words: fast mode blanks the sentences
    it skips with spaces, and a blanked article costs what its kept sentences cost.

    >>> [[t for t, _ in b] for b in char_batches([("aa", 0), ("bbb", 1), ("c", 2), ("dddd", 3)], 3, 4)]
    [['aa'], ['bbb', 'c'], ['dddd']]
    >>> [[t for t, _ in b] for b in char_batches([("a     a", 0), ("b   b", 1)], 3, 4)]
    [['a     a', 'b   b']]
    """
    if max_items < 1:
        raise ValueError(f"batch size must be at least 1, not {max_items}")
    batch: list[tuple[str, T]] = []
    chars = 0
    for item in items:
        length = len(item[0]) - item[0].count(" ")
        if batch and (len(batch) >= max_items or chars + length > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += length
    if batch:
        yield batch


def _shift(value: Any, offset: int) -> Any:
    """A record (or tuple of records) with every ``start``/``end`` offset moved by ``offset``."""
    if isinstance(value, tuple):
        return tuple(_shift(v, offset) for v in value)
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(value):
        current = getattr(value, f.name)
        if f.name in ("start", "end", "sentence_start") and isinstance(current, int) and not isinstance(current, bool):
            changes[f.name] = current + offset
        elif isinstance(current, tuple) or (dataclasses.is_dataclass(current) and not isinstance(current, type)):
            moved = _shift(current, offset)
            if moved is not current:
                changes[f.name] = moved
    return dataclasses.replace(value, **changes) if changes else value


def _event_types() -> Sequence[str]:
    from .events.ontology import ontology

    return tuple(ontology().types)


def _moved_id(event: Event, offset: int) -> str:
    """The id ``event`` would have had in the whole text: ids hash the article id, the trigger's
    offset and the type the event was first coded with (a later pass may have retyped it)."""
    from .events.coder import event_id

    start = event.trigger.start
    for etype in (event.event_type, *_event_types()):
        if event_id(event.article_id, start, etype) == event.event_id:
            return event_id(event.article_id, start + offset, etype)
    # An id made some other way (a custom coder): still unique and the same on every run.
    return event_id(event.article_id, start + offset, event.event_id)


def shift_event(event: Event, offset: int, sentences_before: int) -> Event:
    """``event`` from a window starting at ``offset``, after ``sentences_before`` sentences."""
    if offset == 0 and sentences_before == 0:
        return event
    moved: Event = _shift(event, offset)
    return dataclasses.replace(
        moved, event_id=_moved_id(event, offset), sentence_index=event.sentence_index + sentences_before
    )


def merge_windows(parts: Sequence[tuple[int, CodedArticle]], article: Any) -> CodedArticle:
    """One coded article from the coding of its windows, each given with its start offset."""
    if len(parts) == 1 and parts[0][0] == 0:
        return dataclasses.replace(parts[0][1], article=article)
    events: list[Event] = []
    actors: list[Any] = []
    places: list[Any] = []
    sentences: list[Any] = []
    for offset, part in parts:
        events.extend(shift_event(e, offset, len(sentences)) for e in part.events)
        actors.extend(_shift(part.actors, offset))
        places.extend(_shift(part.places, offset))
        sentences.extend(_shift(part.sentences, offset))
    return CodedArticle(article, tuple(events), tuple(actors), tuple(places), tuple(sentences))
