"""How many articles a run's inputs hold, counted before the run so that its progress bar has a
total and an ETA. Cheap: a text or HTML file is one article, a JSON Lines file one per line, a CSV
one per line after the header (a quoted field over several lines makes it an overestimate); it
reads no text, only counts line breaks. Unknown (None) for stdin, URLs, JSON documents and special
files, or when counting would read more than ``max_scan`` bytes.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from .formats import EXTENSIONS

MAX_SCAN = 4_000_000_000
"""Bytes of line-per-record files read to count them; beyond this the total is left unknown."""


def _files(name: str) -> Iterator[Path | None]:
    path = Path(name)
    if path.is_dir():
        for sub in sorted(path.rglob("*")):
            rel = sub.relative_to(path).parts
            if any(part.startswith(".") for part in rel) or sub.is_dir():
                continue
            if sub.suffix.lower() in EXTENSIONS:
                yield sub
        return
    yield path


def _lines(path: Path) -> int:
    count = 0
    last = b"\n"
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def count_articles(inputs: Sequence[str], max_scan: int = MAX_SCAN) -> int | None:
    """The number of articles in ``inputs`` (files and folders, as ``iter_articles`` reads them),
    or None when it cannot be known cheaply.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("One report.")
    >>> _ = (folder / "b.jsonl").write_text('{"text": "x"}\\n{"text": "y"}\\n')
    >>> count_articles([str(folder)])
    3
    """
    total = 0
    scanned = 0
    for name in inputs:
        if name == "-" or name.lower().startswith(("http://", "https://")):
            return None
        for path in _files(name):
            if path is None:
                return None
            try:
                info = path.stat()
            except OSError:
                continue  # the run reports it; it holds no article
            if not stat.S_ISREG(info.st_mode):
                return None
            kind = EXTENSIONS.get(path.suffix.lower(), "text")
            if kind == "json":
                return None
            if kind in ("jsonl", "csv", "tsv"):
                scanned += info.st_size
                if scanned > max_scan:
                    return None
                lines = _lines(path)
                total += max(lines - 1, 0) if kind in ("csv", "tsv") else lines
            else:
                total += 1
    return total
