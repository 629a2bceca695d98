"""Articles from files, folders and stdin: the ingest stage's entry point.

``iter_articles`` never raises for one bad input. Each input that cannot be used becomes a
``Failure(where, reason)`` in the stream and the iteration goes on, so one corrupt file in a folder
of ten thousand costs one line in the report, not the run.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from ..records import Article, Duplicate, Failure
from .clean import clean_text, normalise_whitespace
from .dates import parse_date
from .formats import (
    EXTENSIONS,
    STREAMED,
    Columns,
    Draft,
    Item,
    Kind,
    check_columns,
    iter_streamed,
    parse_document,
    too_large,
)
from .ids import content_id
from .language import detect_language

log = logging.getLogger(__name__)

STDIN = "-"
DEFAULT_MAX_BYTES = 20_000_000
# "2025-03-11-talks.txt": a date leading a document's file name is its publication date.
_NAME_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?![\d])")


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "cannot read: permission denied"
    return f"cannot read: {exc.strerror or exc}"


def _kind(path: Path) -> Kind:
    suffix = path.suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    return "sniff"


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[Path | Failure]:
    """Files under ``folder`` in sorted order, without hidden files or folders, each folder once."""
    try:
        info = folder.stat()
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield Failure(str(folder), _os_reason(exc).replace("cannot read", "cannot read folder"))
        return
    if (info.st_dev, info.st_ino) in seen:  # a symlink loop
        return
    seen.add((info.st_dev, info.st_ino))
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            # A link to a folder ("up -> ..") would lead the walk out of the folder it was given.
            if entry.is_symlink():
                log.info("%s: a link to a folder; not followed", entry)
                continue
            yield from _walk(entry, seen)
        else:
            yield entry


def _not_regular(path: Path) -> str | None:
    """Why ``path`` is not a file to read, or None: opening a FIFO waits for a writer forever,
    a device or socket never ends or cannot be read."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # open() below says why
    if stat.S_ISREG(mode):
        return None
    kind = "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    return f"not a regular file: {kind}; skipped"


def _read_fifo(path: Path, kind: Kind, max_bytes: int, columns: Columns = None) -> Iterator[Item]:
    """A FIFO named on the command line (``<(zcat news.jsonl.gz)``): read what its writer sends.
    Opened without waiting, so a FIFO that nobody writes to reads as empty instead of hanging."""
    where = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as stream:
            data = stream.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield too_large(where, len(data) + _drain(stream), max_bytes)
                return
    except OSError as exc:
        yield Failure(where, _os_reason(exc))
        return
    if not data:
        yield Failure(where, "empty: a FIFO (named pipe) with nothing written to it")
        return
    yield from parse_document(data, where, "sniff" if kind in ("text", "sniff") else kind, max_bytes, columns)


def _read_file(path: Path, max_bytes: int, named: bool = True, columns: Columns = None) -> Iterator[Item]:
    where = str(path)
    kind = _kind(path)
    special = _not_regular(path)
    if special is not None:
        if named and "FIFO" in special:
            yield from _read_fifo(path, kind, max_bytes, columns)
        else:
            yield Failure(where, special)
        return
    try:
        with path.open("rb") as stream:
            if kind in STREAMED:
                yield from iter_streamed(stream, where, kind, max_bytes, columns)
                return
            size = os.fstat(stream.fileno()).st_size
            if size > max_bytes:  # refuse before reading a byte of it
                yield too_large(where, size, max_bytes)
                return
            data = stream.read(max_bytes + 1)  # st_size is 0 for pipes and some special files
    except OSError as exc:
        yield Failure(where, _os_reason(exc))
        return
    if len(data) > max_bytes:
        yield too_large(where, len(data), max_bytes)
        return
    name_date = _NAME_DATE.match(path.name)
    for item in parse_document(data, where, kind, max_bytes, columns):
        if name_date and isinstance(item, Draft) and not item.published and item.origin == where:
            item = dataclasses.replace(item, published=name_date[1])
        yield item


def _drain(stream: TextIO | BinaryIO) -> int:
    """Read the rest of a stream in chunks, without keeping it, and return its length."""
    total = 0
    try:
        while chunk := stream.read(1 << 20):
            total += len(chunk)
    except (OSError, ValueError):
        pass
    return total


def _read_stdin(stdin: TextIO | BinaryIO | None, max_bytes: int, columns: Columns = None) -> Iterator[Item]:
    stream: TextIO | BinaryIO | None = stdin if stdin is not None else sys.stdin
    if stream is None:  # no standard input at all (a windowed process)
        yield Failure(STDIN, "cannot read: there is no standard input")
        return
    binary = getattr(stream, "buffer", None)
    if binary is not None:
        stream = binary
    try:
        chunk = stream.read(max_bytes + 1)
    except (OSError, ValueError) as exc:  # ValueError: a closed stream
        yield Failure(STDIN, f"cannot read: {exc}")
        return
    data = chunk.encode("utf-8", errors="surrogateescape") if isinstance(chunk, str) else chunk
    if len(data) > max_bytes:
        yield too_large(STDIN, len(data) + _drain(stream), max_bytes)
        return
    yield from parse_document(data, STDIN, "sniff", max_bytes, columns)


def finish_draft(draft: Draft, default_published: dt.date | None) -> tuple[Article, str] | Failure:
    """The Article a draft becomes with its content hash, or why it cannot be one (cleaning,
    language check, id, publication date). Shared by every reader, local or distributed."""
    text = clean_text(draft.text)
    if not text:
        return Failure(draft.origin, "empty article")
    if not any(ch.isalpha() for ch in text):
        return Failure(draft.origin, "empty article (no words in the text)")
    language = detect_language(text)
    if language != "en":
        return Failure(draft.origin, f"language looks like '{language}', not English")
    published = parse_date(draft.published) if draft.published else None
    if draft.published and published is None:
        log.warning("%s: cannot read publication date %r; using the default", draft.origin, draft.published)
    title = " ".join(normalise_whitespace(draft.title).split())
    digest = content_id(title, text)
    article = Article(
        id=draft.given_id or digest,
        text=text,
        title=title,
        url=draft.url,
        source=draft.source,
        published=published or default_published,
        language=language,
        origin=draft.origin,
    )
    return article, digest


def _is_url(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


def _fetched(name: str, fetcher: Any, max_bytes: int) -> Iterator[Item]:
    """Drafts of the page at URL ``name`` (``riftwatch.live`` fetches it politely)."""
    from ..live.pages import fetch_items

    yield from fetch_items([name], fetcher, max_bytes)


def _items(
    name: str, stdin: TextIO | BinaryIO | None, max_bytes: int, fetcher: Any = None, columns: Columns = None
) -> Iterator[Item]:
    """Drafts and Failures of one input (file, folder, http(s) URL or stdin)."""
    if fetcher is not None and _is_url(name):
        yield from _fetched(name, fetcher, max_bytes)
        return
    if name == STDIN:
        yield from _read_stdin(stdin, max_bytes, columns)
        return
    path = Path(name)
    if not path.is_dir():
        if not path.exists() and not path.is_symlink():
            yield Failure(name, "no such file")
        else:
            yield from _read_file(path, max_bytes, columns=columns)
        return
    files = skipped = 0
    for found in _walk(path, set()):
        if isinstance(found, Failure):
            yield found
            continue
        # In a folder, only files named as articles are read: folders also hold READMEs, images
        # and PDFs. A file named on the command line is read whatever its name.
        if found.suffix.lower() not in EXTENSIONS:
            log.debug("%s: not an article file name; skipped", found)
            skipped += 1
            continue
        files += 1
        yield from _read_file(found, max_bytes, named=False, columns=columns)
    if not files:
        known = ", ".join(sorted(ext for ext in EXTENSIONS if ext))
        yield Failure(
            name,
            f"nothing readable: no article files ({known}, or no extension) in the folder"
            + (f"; {skipped} other file(s) skipped" if skipped else ""),
        )


def iter_articles(
    inputs: Sequence[str],
    published: dt.date | None = None,
    stdin: TextIO | BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    columns: Columns = None,
) -> Iterator[Article | Failure]:
    """Articles from files, folders (recursive, sorted, hidden files skipped), http(s) URLs (fetched
    politely by ``riftwatch.live.fetch``: robots.txt, rate limit, retries) and ``"-"`` (stdin).

    In folders, files with other extensions are skipped; a file named in ``inputs`` is read
    whatever its extension. Formats by extension, else sniffed: plain text, JSON Lines / JSON,
    CSV, HTML (see ``formats``).
    The publication date is the record's or page's own; else, for a text or HTML file, a
    ``YYYY-MM-DD`` that starts its file name; else ``published``; else None. An input over
    ``max_bytes`` (per record for JSONL/CSV) is refused unread. Each unusable input or record is yielded as a
    ``Failure``; nothing is raised for bad input. The same text twice in one run is yielded once
    (``iter_ingested`` also says which records repeated a text, and under which ids).

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Talks resume\\n\\nDelegations met in Doha on Monday.")
    >>> [(a.title, a.text) for a in iter_articles([str(folder / "a.txt"), str(folder / "b.txt")])
    ...  if isinstance(a, Article)]
    [('Talks resume', 'Delegations met in Doha on Monday.')]
    """
    for item in iter_ingested(inputs, published, stdin, max_bytes, columns):
        if not isinstance(item, Duplicate):
            yield item


def iter_ingested(
    inputs: Sequence[str],
    published: dt.date | None = None,
    stdin: TextIO | BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    columns: Columns = None,
) -> Iterator[Article | Duplicate | Failure]:
    """Like ``iter_articles``, and a ``Duplicate`` for each record whose text was already read.

    ``columns`` names the record fields (JSON keys, CSV columns) that hold ours when their names
    are not ours: ``{"text": "article_content", "published": "date"}``.

    Ids are per text: the first record of a text gives the article its id; a later record of the
    same text under another id becomes a ``Duplicate`` naming the first id (the store keeps its
    id as an alias), and an id already given to another text is a ``Failure``.

    >>> import tempfile, pathlib, json
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "feed.jsonl"
    >>> text = "Delegations met in Doha on Monday."
    >>> _ = path.write_text(json.dumps({"id": "x1", "text": text}) + "\\n" + json.dumps({"id": "x2", "text": text}))
    >>> [(type(i).__name__, i.id) for i in iter_ingested([str(path)]) if not isinstance(i, Failure)]
    [('Article', 'x1'), ('Duplicate', 'x2')]
    """
    if isinstance(inputs, str):  # a lone path would otherwise be read one character at a time
        inputs = [inputs]
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be positive, not {max_bytes}")
    if columns:
        check_columns(columns)
    fetcher = None
    if any(_is_url(name) for name in inputs):
        from ..live.fetch import FetchConfig, Fetcher

        fetcher = Fetcher(FetchConfig(max_bytes=max_bytes))
    try:
        yield from _ingested(inputs, published, stdin, max_bytes, fetcher, columns)
    finally:
        if fetcher is not None:
            fetcher.close()


def _ingested(
    inputs: Sequence[str],
    published: dt.date | None,
    stdin: TextIO | BinaryIO | None,
    max_bytes: int,
    fetcher: Any,
    columns: Columns,
) -> Iterator[Article | Duplicate | Failure]:
    first: dict[str, tuple[str, str]] = {}  # content hash -> id and origin of its first article
    given_ids: dict[str, str] = {}  # id from the input -> content hash
    for name in inputs:
        usable = 0
        said = False  # a Failure already names the folder itself
        is_folder = name != STDIN and not _is_url(name) and Path(name).is_dir()
        for item in _items(name, stdin, max_bytes, fetcher, columns):
            result = item if isinstance(item, Failure) else finish_draft(item, published)
            if isinstance(result, Failure):
                said = said or result.where == name
                yield result
                continue
            usable += 1
            article, digest = result
            if given_ids.setdefault(article.id, digest) != digest:
                yield Failure(article.origin, f"id {article.id!r} is already used by another article")
                continue
            if digest in first:
                first_id, first_origin = first[digest]
                log.debug("%s: same text as %s (id %s); stored once", article.origin, first_origin, first_id)
                yield Duplicate(article.id, first_id, article.origin)
                continue
            first[digest] = (article.id, article.origin)
            yield article
        if is_folder and not usable and not said:
            yield Failure(name, "nothing readable: no file in the folder gave an article")
