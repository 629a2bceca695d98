"""CSV rows that one bad row cannot take with it.

Python's ``csv.reader`` reads a stream: after an unterminated quote it keeps reading lines into the
open field until another quote closes it (the good rows in between are swallowed into one field, or
merged into an article's text without a word), and a field over ``csv.field_size_limit`` raises
out of the whole file. ``csv_rows`` reads physical lines itself and lets a record span lines only
while a quoted field is open, within ``max_lines`` lines; a gathered record that does not have the
header's number of cells is not trusted: its first line is tried alone, else reported as bad, and
reading starts again on the next line. So a bad row costs that row, never the good ones after it.

>>> rows = csv_rows(['1,"ok"\\n', '2,"bad\\n', '3,"fine"\\n'], ",", columns=2)
>>> [(r.line, r.cells if isinstance(r, Row) else r.reason) for r in rows]
[(2, ['1', 'ok']), (3, 'unterminated quote'), (4, ['3', 'fine'])]
"""

from __future__ import annotations

import csv
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Final

MAX_RECORD_LINES: Final = 1000
"""A quoted field may hold line breaks (a pasted article): at most this many lines per record."""


@dataclass(frozen=True, slots=True)
class Row:
    """A record's cells and the line it starts on."""

    line: int
    cells: list[str]


@dataclass(frozen=True, slots=True)
class BadRow:
    """A line that is no record, and why."""

    line: int
    reason: str


def _parse(lines: list[str], delimiter: str, strict: bool) -> list[str] | str:
    """The cells of ``lines`` as one record, or the csv module's complaint."""
    try:
        records = list(csv.reader(lines, delimiter=delimiter, strict=strict))
    except csv.Error as exc:
        message = str(exc)
        if "field larger than field limit" in message:
            return f"a field is longer than {csv.field_size_limit():,} characters"
        return message
    records = [r for r in records if r]  # blank lines after the record
    if len(records) > 1:
        return f"{len(records)} records where one was expected"
    return records[0] if records else []


def _open_quote(lines: list[str], delimiter: str) -> bool:
    """Whether a quoted field is still open at the end of ``lines``."""
    if len(lines) == 1 and '"' not in lines[0]:
        return False
    return _parse(lines, delimiter, strict=True) == "unexpected end of data"


def csv_rows(
    lines: Iterable[str],
    delimiter: str,
    columns: int | None,
    first_line: int = 2,
    max_lines: int = MAX_RECORD_LINES,
) -> Iterator[Row | BadRow]:
    """Records of CSV ``lines`` (after the header, which has ``columns`` cells), each with its
    starting line number (``first_line`` for the first of ``lines``); bad lines as ``BadRow``.

    A one-line record is taken with any number of cells (callers check the count); a record
    spanning lines must have ``columns`` cells. Blank lines are skipped.
    """
    it = iter(lines)
    pending: deque[str] = deque()
    lineno = first_line
    exhausted = False

    def fill(n: int) -> bool:
        nonlocal exhausted
        while len(pending) < n and not exhausted:
            line = next(it, None)
            if line is None:
                exhausted = True
            else:
                pending.append(line)
        return len(pending) >= n

    while fill(1):
        first = pending[0]
        if not first.strip():
            pending.popleft()
            lineno += 1
            continue
        gathered = [first]
        while _open_quote(gathered, delimiter) and len(gathered) < max_lines and fill(len(gathered) + 1):
            gathered.append(pending[len(gathered)])
        still_open = _open_quote(gathered, delimiter)
        if not still_open:
            # One line is read as leniently as csv.reader would; a record spanning lines must be
            # well-formed and of the header's width, or it is a stray quote swallowing rows.
            multi = len(gathered) > 1
            cells = _parse(gathered, delimiter, strict=multi)
            if isinstance(cells, list) and (not multi or columns is None or len(cells) == columns):
                for _ in gathered:
                    pending.popleft()
                yield Row(lineno, cells)
                lineno += len(gathered)
                continue
        if len(gathered) > 1 or still_open:
            alone = _parse([first], delimiter, strict=True)
            if isinstance(alone, list) and (columns is None or len(alone) == columns):
                pending.popleft()
                yield Row(lineno, alone)
                lineno += 1
                continue
            reason = "unterminated quote" if alone == "unexpected end of data" or still_open else "malformed row"
        else:
            reason = cells if isinstance(cells, str) else "malformed row"
        pending.popleft()
        yield BadRow(lineno, reason)
        lineno += 1
