"""Per-format parsers: bytes or byte streams to draft records, one per article, or Failures.

A *draft* holds what the input says (text, title, id, date as written); ``readers`` turns it into an
``Article`` after cleaning, the language check and id assignment, the same way for every format.

Formats:

* plain text: the first line is the title when a blank line follows it (and it is headline-sized);
* JSON Lines, a JSON list, or a single JSON object: fields ``id``, ``title``, ``text``, ``url``,
  ``source``, ``published`` (only ``text`` required; ``body``/``content`` and ``date`` accepted);
* CSV/TSV with a header row naming those fields; other columns are ignored;
* HTML: main text and metadata by ``html.extract_html``.

Record-per-line formats (JSONL, CSV) are streamed, so ``max_bytes`` limits each record, not the
file: a corpus of a million articles in one JSONL file is normal and must not be refused.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import BinaryIO, Literal

from ..errors import InputError
from ..records import Failure
from .clean import normalise_whitespace
from .csvrows import BadRow, csv_rows
from .decode import MAX_CONTROL_SHARE, control_share, decode_bytes
from .html import extract_html, looks_like_html

Kind = Literal["text", "html", "json", "jsonl", "csv", "tsv", "sniff"]

EXTENSIONS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    "": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
}
STREAMED: frozenset[Kind] = frozenset({"jsonl", "csv", "tsv"})
# A first line longer than this is a paragraph, not a headline, even when a blank line follows.
MAX_TITLE_CHARS = 300
# Field names accepted for each record field, first match wins.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id"),
    "title": ("title", "headline"),
    "text": ("text", "body", "content"),
    "url": ("url", "link"),
    "source": ("source", "publisher"),
    "published": ("published", "date", "published_at", "publish_date", "pubdate"),
}
SNIFF_BYTES = 8192
# json.loads recurses per nesting level; "[[[[..." is bad input, not a crash.
NESTED_TOO_DEEPLY = "invalid JSON: nested too deeply"


@dataclass(frozen=True, slots=True)
class Draft:
    """An article as its input gives it, before cleaning and checks."""

    origin: str
    text: str
    title: str = ""
    given_id: str = ""
    url: str = ""
    source: str = ""
    published: str = ""


Item = Draft | Failure

Columns = Mapping[str, str] | None
"""Where a record keeps each field when its names are not ours: ``{"text": "article_content"}``
(``riftwatch run --columns text=article_content``); fields not named use FIELD_NAMES."""


def check_columns(columns: Mapping[str, str]) -> None:
    """InputError unless every key is a record field (id, title, text, url, source, published)."""
    import difflib

    for field in columns:
        if field not in FIELD_NAMES:
            close = difflib.get_close_matches(field, list(FIELD_NAMES), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise InputError("--columns", f"{field!r} is not a record field ({', '.join(FIELD_NAMES)}){hint}")


def megabytes(n: int) -> str:
    """``n`` bytes in MB for messages, with enough digits to tell small limits apart."""
    return f"{n / 1e6:.1f}" if n >= 100_000 else f"{n / 1e6:.3g}"


def too_large(where: str, size: int, max_bytes: int) -> Failure:
    return Failure(where, f"too large: {megabytes(size)} MB > {megabytes(max_bytes)} MB limit")


# -- documents (whole file in memory) ---------------------------------------------------------


def split_title(text: str) -> tuple[str, str]:
    """(title, body): the first line is a title when a blank line follows it and it does not end
    as a sentence does: a first paragraph of one line ending in a full stop is the story's lead
    ("KABUL (AP) — Taliban fighters attacked ... on Sunday."), which must be coded, not set aside.

    >>> split_title("Talks resume\\n\\nDelegations met in Doha.")
    ('Talks resume', 'Delegations met in Doha.')
    >>> split_title("Delegations met in Doha.\\nTalks resume.")
    ('', 'Delegations met in Doha.\\nTalks resume.')
    >>> split_title("Delegations met in Doha on Monday.\\n\\nTalks resume.")[0]
    ''
    """
    text = normalise_whitespace(text)
    first, sep, rest = text.partition("\n\n")
    if (sep and rest.strip() and "\n" not in first and len(first) <= MAX_TITLE_CHARS
            and not _SENTENCE_END.search(first)):  # fmt: skip
        return first, rest
    return "", text


# A full stop ending a line, before any closing quotes or brackets: a sentence, not a headline.
_SENTENCE_END = re.compile(r"\.[\"'\u2019\u201d)\]]*\s*$")


def sniff_kind(data: bytes) -> Kind:
    """The format of data with no telling extension (stdin, unknown suffixes)."""
    head = data[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"{", b"[")):
        return "json"
    if looks_like_html(head.decode("utf-8", errors="replace")):
        return "html"
    return "text"


def parse_document(data: bytes, where: str, kind: Kind, max_bytes: int, columns: Columns = None) -> Iterator[Item]:
    """Drafts from a whole file (or stdin) already read into memory."""
    try:
        text = decode_bytes(data, where, allow_nul=kind in ("csv", "tsv"))
    except InputError as exc:
        yield Failure(exc.where, exc.reason)
        return
    if kind == "sniff":
        kind = sniff_kind(data)
    if kind == "text":
        title, body = split_title(text)
        yield Draft(where, body, title=title)
    elif kind == "html":
        page = extract_html(text)
        yield Draft(where, page.text, page.title, url=page.url, source=page.source, published=page.published)
    elif kind == "json":
        yield from _parse_json(text, data, where, max_bytes, columns)
    elif kind == "jsonl":
        yield from iter_jsonl(io.BytesIO(data), where, max_bytes, columns)
    else:
        delimiter = "\t" if kind == "tsv" else ","
        yield from _iter_csv(io.StringIO(text, newline=""), where, delimiter, max_bytes, columns)


def _parse_json(text: str, data: bytes, where: str, max_bytes: int, columns: Columns = None) -> Iterator[Item]:
    """A JSON list of records, one JSON object, or JSON Lines in a ``.json`` file."""
    try:
        value = json.loads(text)
    except RecursionError:
        yield Failure(where, NESTED_TOO_DEEPLY)
        return
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip().startswith("{"):
            yield from iter_jsonl(io.BytesIO(data), where, max_bytes, columns)
        else:
            yield Failure(where, f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
        return
    if isinstance(value, list):
        if not value:
            yield Failure(where, "empty article list")
        for i, record in enumerate(value):
            yield record_draft(record, f"{where}[{i}]", max_bytes, columns)
    else:
        yield record_draft(value, where, max_bytes, columns)


# -- records ----------------------------------------------------------------------------------


def _field(record: Mapping[str, object], name: str, columns: Columns = None) -> object:
    if columns and name in columns:
        value = record.get(columns[name])
        return value if value is not None and value != "" else None
    for key in FIELD_NAMES[name]:
        value = record.get(key)
        if value is not None and value != "":
            return value
    return None


def _string(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


def record_draft(record: object, where: str, max_bytes: int, columns: Columns = None) -> Item:
    """A draft from one JSON object or CSV row; a Failure when it has no usable text.

    >>> record_draft({"id": 7, "text": "Talks resumed."}, "a.jsonl:1", 1000).given_id
    '7'
    >>> record_draft({"title": "x"}, "a.jsonl:2", 1000)
    Failure(where='a.jsonl:2', reason="record has no 'text'")
    """
    if not isinstance(record, Mapping):
        return Failure(where, f"expected a JSON object, got {type(record).__name__}")
    text = _field(record, "text", columns)
    if text is None:
        named = f" ({columns['text']!r}, from --columns)" if columns and "text" in columns else ""
        return Failure(where, f"record has no 'text'{named}")
    if not isinstance(text, str):
        return Failure(where, f"'text' is a {type(text).__name__}, not a string")
    if len(text) > max_bytes:
        return too_large(where, len(text.encode("utf-8")), max_bytes)
    draft = Draft(
        where,
        text,
        title=" ".join(_string(_field(record, "title", columns)).split()),
        given_id=_string(_field(record, "id", columns)),
        url=_string(_field(record, "url", columns)),
        source=_string(_field(record, "source", columns)),
        published=_string(_field(record, "published", columns)),
    )
    if looks_like_html(text):
        # Feeds often carry the page body as markup.
        page = extract_html(text)
        draft = Draft(
            where,
            page.text,
            title=draft.title or page.title,
            given_id=draft.given_id,
            url=draft.url or page.url,
            source=draft.source or page.source,
            published=draft.published or page.published,
        )
    return draft


def _skip_rest_of_line(stream: BinaryIO) -> int:
    skipped = 0
    while True:
        chunk = stream.readline(1 << 20)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def iter_jsonl(stream: BinaryIO, where: str, max_bytes: int, columns: Columns = None) -> Iterator[Item]:
    """Drafts from JSON Lines; each bad line is a Failure naming ``where:LINE``. Blank lines are skipped."""
    lineno = 0
    any_record = False
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            break
        lineno += 1
        loc = f"{where}:{lineno}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            yield too_large(loc, len(line) + _skip_rest_of_line(stream), max_bytes)
            any_record = True
            continue
        if not line.strip():
            continue
        any_record = True
        try:
            text = decode_bytes(line, loc)
            value = json.loads(text.strip())
        except InputError as exc:
            yield Failure(exc.where, exc.reason)
            continue
        except json.JSONDecodeError as exc:
            yield Failure(loc, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        except RecursionError:
            yield Failure(loc, NESTED_TOO_DEEPLY)
            continue
        yield record_draft(value, loc, max_bytes, columns)
    if not any_record:
        yield Failure(where, "empty article")


def _iter_csv(
    lines: Iterable[str], where: str, delimiter: str, max_bytes: int, columns: Columns = None
) -> Iterator[Item]:
    """Drafts from CSV rows; ``where:LINE`` names the line a row starts on (the header is line 1)."""
    # The csv module refuses fields over 128 KiB by default; a long article is a legitimate field.
    # The limit is process-wide, so it is only ever raised, never lowered.
    if csv.field_size_limit() < max_bytes:
        csv.field_size_limit(max_bytes)
    it = iter(lines)
    try:
        first = next(it, None)
        if first is None:
            yield Failure(where, "empty article")
            return
        header = next(csv.reader([first], delimiter=delimiter), [])
    except (csv.Error, UnicodeDecodeError) as exc:
        yield Failure(where, f"malformed CSV header: {exc}")
        return
    names = [name.strip().lower().lstrip("\ufeff") for name in header]
    mapped = {field: col.strip().lower() for field, col in (columns or {}).items()}  # header names are read lower-cased
    missing = [f"{col!r} (--columns {field}={col})" for field, col in mapped.items() if col not in names]
    if missing:
        yield Failure(where, f"CSV has no column {', '.join(missing)} (columns: {', '.join(names) or 'none'})")
        return
    if "text" not in mapped and not any(name in names for name in FIELD_NAMES["text"]):
        yield Failure(
            where,
            f"CSV has no 'text' column (columns: {', '.join(names) or 'none'}); name the column that holds "
            "the text with --columns text=COLUMN",
        )
        return
    rows = 0
    # csv_rows, not csv.reader: a stray quote costs its own row, not the rows it would swallow
    records = csv_rows(it, delimiter, columns=len(names))
    while True:
        try:
            record = next(records, None)
        except UnicodeDecodeError as exc:  # a streamed file is decoded as it is read
            yield Failure(f"{where}:{rows + 2}+", f"not UTF-8 text ({exc.reason}); the rest of the file is not read")
            return
        if record is None:
            break
        loc = f"{where}:{record.line}"
        if isinstance(record, BadRow):
            rows += 1
            yield Failure(loc, f"malformed CSV row: {record.reason}")
            continue
        if not any(cell.strip() for cell in record.cells):
            continue
        rows += 1
        if any("\x00" in cell for cell in record.cells):
            yield Failure(loc, "NUL byte in the row (binary data), row skipped")
            continue
        yield record_draft(dict(zip(names, record.cells, strict=False)), loc, max_bytes, mapped or None)
    if not rows:
        yield Failure(where, "no rows after the CSV header")


def iter_streamed(stream: BinaryIO, where: str, kind: Kind, max_bytes: int, columns: Columns = None) -> Iterator[Item]:
    """Drafts from a JSONL or CSV file read as a stream (``stream`` must be seekable)."""
    if kind != "jsonl":
        # A CSV that fits the limit is decoded whole, so Windows-1252 exports (Excel's) are read
        # too; a larger one is streamed and must be UTF-8.
        data = stream.read(max_bytes + 1)
        if len(data) <= max_bytes:
            yield from parse_document(data, where, kind, max_bytes, columns)
            return
        stream.seek(0)
    # A stray NUL byte costs its line or row (decode_bytes, _iter_csv), not the file.
    if control_share(stream.read(SNIFF_BYTES)) > MAX_CONTROL_SHARE:
        yield Failure(where, "binary data (NUL or control bytes), not text")
        return
    stream.seek(0)
    if kind == "jsonl":
        yield from iter_jsonl(stream, where, max_bytes, columns)
        return
    delimiter = "\t" if kind == "tsv" else ","
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    try:
        yield from _iter_csv(text, where, delimiter, max_bytes, columns)
    finally:
        text.detach()
