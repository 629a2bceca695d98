"""Tests of ``iter_articles``: every format, titles, ids, dates, stdin, folders and bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from riftwatch.ingest import content_id, iter_articles
from riftwatch.ingest.readers import iter_ingested
from riftwatch.records import Article, Duplicate, Failure

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

BODY = (
    "Envoys from Egypt and Qatar met the two delegations in Cairo on Sunday and agreed to meet again "
    "next week, officials said."
)
BODY2 = "Police detained 14 protesters outside parliament in Belgrade on Saturday, the ministry said."
FRENCH = (
    "Les envoyés de l'Égypte et du Qatar ont rencontré les deux délégations au Caire dimanche et ont "
    "convenu de se revoir la semaine prochaine, selon des responsables. Aucun accord n'a été annoncé "
    "à l'issue de la réunion, mais les médiateurs se disent prudemment optimistes."
)  # long enough to judge: a short foreign sentence passes as English (see ingest.language)


def run(tmp_path: Path, files: dict[str, bytes | str], **kwargs: object) -> list[Article | Failure]:
    """Write ``files`` under tmp_path and ingest the folder."""
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return list(iter_articles([str(tmp_path)], **kwargs))  # type: ignore[arg-type]


def articles(items: list[Article | Failure]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def failures(items: list[Article | Failure]) -> list[Failure]:
    return [i for i in items if isinstance(i, Failure)]


# -- formats -----------------------------------------------------------------------------------

JSONL = "\n".join(
    json.dumps(r)
    for r in [
        {"id": "r1", "title": "Talks", "text": BODY, "url": "https://x.example/1", "source": "Demo Wire",
         "published": "2025-01-05"},
        {"text": BODY2, "published": "May 13, 2016", "extra": [1, 2]},
    ]
)
CSV = (
    "id,title,text,source,published,notes\n"
    f'r1,Talks,"{BODY}",Demo Wire,2025-01-05,ignored\n'
    f'"",,"{BODY2}",,13 May 2016,\n'
)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        # (origin suffix, id or None for a hash, title, text, source, published)
        ("a.txt", f"Talks in Cairo\n\n{BODY}\n", [("a.txt", None, "Talks in Cairo", BODY, "", None)]),
        ("a.text", f"{BODY}\n{BODY2}\n", [("a.text", None, "", f"{BODY}\n{BODY2}", "", None)]),
        ("noext", f"Talks in Cairo\n\n{BODY}", [("noext", None, "Talks in Cairo", BODY, "", None)]),
        (
            "a.jsonl",
            JSONL,
            [
                ("a.jsonl:1", "r1", "Talks", BODY, "Demo Wire", dt.date(2025, 1, 5)),
                ("a.jsonl:2", None, "", BODY2, "", dt.date(2016, 5, 13)),
            ],
        ),
        ("a.ndjson", JSONL, [("a.ndjson:1", "r1", "Talks", BODY, "Demo Wire", dt.date(2025, 1, 5)),
                             ("a.ndjson:2", None, "", BODY2, "", dt.date(2016, 5, 13))]),
        ("a.json", JSONL, [("a.json:1", "r1", "Talks", BODY, "Demo Wire", dt.date(2025, 1, 5)),
                           ("a.json:2", None, "", BODY2, "", dt.date(2016, 5, 13))]),
        (
            "list.json",
            json.dumps([{"id": 7, "text": BODY}, {"text": BODY2, "title": "Arrests"}]),
            [("list.json[0]", "7", "", BODY, "", None), ("list.json[1]", None, "Arrests", BODY2, "", None)],
        ),
        ("one.json", json.dumps({"text": BODY}), [("one.json", None, "", BODY, "", None)]),
        (
            "a.csv",
            CSV,
            [
                ("a.csv:2", "r1", "Talks", BODY, "Demo Wire", dt.date(2025, 1, 5)),
                ("a.csv:3", None, "", BODY2, "", dt.date(2016, 5, 13)),
            ],
        ),
        ("a.tsv", f"title\ttext\nTalks\t{BODY}\n", [("a.tsv:2", None, "Talks", BODY, "", None)]),
        (
            "a.html",
            (f"<html><head><title>Talks | Demo</title></head><body><nav>Home</nav><p>{BODY}</p>"
            "<p>Print Friendly, PDF &amp; Email</p></body></html>"),
            [("a.html", None, "Talks", BODY, "", None)],
        ),
        (
            "page.htm",
            ('<meta property="og:site_name" content="Demo Herald">'
            f'<time datetime="2024-10-01">1 Oct</time><p>{BODY}</p>'),
            [("page.htm", None, "", BODY, "Demo Herald", dt.date(2024, 10, 1))],
        ),
        # HTML inside a record's text is extracted too
        (
            "feed.jsonl",
            json.dumps({"text": f"<div><p>{BODY}</p><div class='share'>Share this:</div></div>"}),
            [("feed.jsonl:1", None, "", BODY, "", None)],
        ),
        # unknown extensions named on the command line are sniffed (see test_unknown_extension)
    ],
)
def test_formats(
    tmp_path: Path,
    name: str,
    content: str,
    expected: list[tuple[str, str | None, str, str, str, dt.date | None]],
) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    items = list(iter_articles([str(tmp_path / name)]))
    assert failures(items) == []
    got = articles(items)
    assert [(Path(a.origin).name, a.title, a.text, a.source, a.published) for a in got] == [
        (origin, title, text, source, published) for origin, _, title, text, source, published in expected
    ]
    for article, (_, given_id, *_) in zip(got, expected, strict=True):
        assert article.id == (given_id or content_id(article.title, article.text))
        assert article.language == "en"


def test_url_and_origin(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(JSONL)
    first = articles(list(iter_articles([str(tmp_path / "a.jsonl")])))[0]
    assert first.url == "https://x.example/1"
    assert first.origin == f"{tmp_path / 'a.jsonl'}:1"


@pytest.mark.parametrize(
    ("name", "content", "title"),
    [
        ("story.md", f"Talks in Cairo\n\n{BODY}", "Talks in Cairo"),  # sniffed as text
        ("story.dat", f"<html><title>Talks</title><p>{BODY}</p></html>", "Talks"),  # sniffed as HTML
        ("story.log", json.dumps({"title": "Talks", "text": BODY}), "Talks"),  # sniffed as JSON
    ],
)
def test_unknown_extension_is_sniffed(tmp_path: Path, name: str, content: str, title: str) -> None:
    (tmp_path / name).write_text(content)
    [article] = list(iter_articles([str(tmp_path / name)]))
    assert isinstance(article, Article)
    assert (article.title, article.text) == (title, BODY)


def test_plain_text_trailing_boilerplate(tmp_path: Path) -> None:
    tail = "Share this:\nLike this:\nPrint Friendly, PDF & Email\nRelated articles\nOther story\n"
    text = f"Talks\n\n{BODY}\n\n{tail}"
    [article] = run(tmp_path, {"a.txt": text})
    assert isinstance(article, Article)
    assert article.text == BODY


# -- ids and dedup -----------------------------------------------------------------------------


def test_same_content_same_id_and_dedup_within_a_run(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    files = {"a.txt": f"Talks\n\n{BODY}", "b.txt": f"Talks\n\n{BODY}  \n", "c.txt": f"Talks\n\n{BODY2}"}
    with caplog.at_level(logging.DEBUG, logger="riftwatch.ingest"):
        items = run(tmp_path, files)
    assert [Path(a.origin).name for a in articles(items)] == ["a.txt", "c.txt"]
    assert "same text as" in caplog.text and "b.txt" in caplog.text
    # A second run over the first file alone gives the same id: the store dedups across runs.
    again = articles(list(iter_articles([str(tmp_path / "b.txt")])))
    assert again[0].id == articles(items)[0].id


def test_given_id_reused_for_other_text_is_a_failure(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "x", "text": BODY}), json.dumps({"id": "x", "text": BODY2})]
    items = run(tmp_path, {"a.jsonl": "\n".join(lines)})
    assert [a.id for a in articles(items)] == ["x"]
    [failure] = failures(items)
    assert failure.where.endswith("a.jsonl:2") and "'x' is already used" in failure.reason


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        # two ids, one text: the second id becomes an alias of the first
        ([("x1", BODY), ("x2", BODY)], [("Article", "x1"), ("Duplicate", "x2", "x1")]),
        # cosmetic differences hash alike; a third record of the text names the first id too
        (
            [("x1", BODY), ("x2", BODY2), ("x3", f"  {BODY}\n"), ("x4", BODY)],
            [("Article", "x1"), ("Article", "x2"), ("Duplicate", "x3", "x1"), ("Duplicate", "x4", "x1")],
        ),
        # the same record twice: a duplicate of itself (nothing to alias)
        ([("x1", BODY), ("x1", BODY)], [("Article", "x1"), ("Duplicate", "x1", "x1")]),
        # records without ids are named by their text, so a repeat names the same id
        ([(None, BODY), (None, BODY)], [("Article", content_id("", BODY)), ("Duplicate", content_id("", BODY), content_id("", BODY))]),
        # an id taken by another text cannot be an alias: a failure, as before
        ([("x1", BODY), ("x2", BODY2), ("x2", BODY)], [("Article", "x1"), ("Article", "x2"), ("Failure", "x2")]),
    ],
)
def test_records_with_the_same_text_become_duplicates(
    tmp_path: Path, records: list[tuple[str | None, str]], expected: list[tuple[str, ...]]
) -> None:
    lines = [json.dumps({"text": text} | ({"id": rid} if rid else {})) for rid, text in records]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines))
    got: list[tuple[str, ...]] = []
    for item in iter_ingested([str(tmp_path / "feed.jsonl")]):
        if isinstance(item, Article):
            got.append(("Article", item.id))
        elif isinstance(item, Duplicate):
            assert item.origin.startswith(str(tmp_path / "feed.jsonl:"))
            got.append(("Duplicate", item.id, item.same_as))
        else:
            got.append(("Failure", item.reason.split("'")[1]))
    assert got == expected
    # iter_articles is the same stream without the duplicates
    plain = list(iter_articles([str(tmp_path / "feed.jsonl")]))
    assert [type(i).__name__ for i in plain] == [g[0] for g in expected if g[0] != "Duplicate"]


# -- publication date precedence ----------------------------------------------------------------

DEFAULT = dt.date(2020, 1, 1)


@pytest.mark.parametrize(
    ("name", "content", "default", "expected"),
    [
        ("a.jsonl", json.dumps({"text": BODY, "published": "2025-02-03T10:00Z"}), None, dt.date(2025, 2, 3)),
        ("a.jsonl", json.dumps({"text": BODY}), DEFAULT, DEFAULT),
        ("a.jsonl", json.dumps({"text": BODY}), None, None),
        ("a.jsonl", json.dumps({"text": BODY, "published": "soon"}), DEFAULT, DEFAULT),  # unreadable: default
        ("a.jsonl", json.dumps({"text": BODY, "date": "3 February 2025"}), DEFAULT, dt.date(2025, 2, 3)),
        ("a.txt", BODY, DEFAULT, DEFAULT),
        ("2025-02-03-talks.txt", BODY, DEFAULT, dt.date(2025, 2, 3)),  # a date leading the file name
        ("2025-02-03.jsonl", json.dumps({"text": BODY}), DEFAULT, DEFAULT),  # not for record files
        ("a.html", f'<time datetime="2025-02-03">3 Feb</time><p>{BODY}</p>', DEFAULT, dt.date(2025, 2, 3)),
        ("2024-01-01-a.htm", f'<time datetime="2025-02-03">3</time><p>{BODY}</p>', None, dt.date(2025, 2, 3)),
    ],
)
def test_published_precedence(
    tmp_path: Path, name: str, content: str, default: dt.date | None, expected: dt.date | None
) -> None:
    [article] = run(tmp_path, {name: content}, published=default)
    assert isinstance(article, Article)
    assert article.published == expected


# -- stdin -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        (io.BytesIO(f"Talks\n\n{BODY}".encode()), [("-", "Talks", BODY)]),
        (io.StringIO(f"Talks\n\n{BODY}"), [("-", "Talks", BODY)]),
        (io.BytesIO(JSONL.encode()), [("-:1", "Talks", BODY), ("-:2", "", BODY2)]),
        (io.BytesIO(f"<html><title>Talks</title><p>{BODY}</p></html>".encode()), [("-", "Talks", BODY)]),
        (io.BytesIO(json.dumps([{"text": BODY}]).encode()), [("-[0]", "", BODY)]),
    ],
)
def test_stdin(stdin: io.IOBase, expected: list[tuple[str, str, str]]) -> None:
    items = list(iter_articles(["-"], stdin=stdin))  # type: ignore[arg-type]
    assert [(a.origin, a.title, a.text) for a in articles(items)] == expected
    assert failures(items) == []


def test_stdin_too_large() -> None:
    [failure] = list(iter_articles(["-"], stdin=io.BytesIO(b"word " * 1000), max_bytes=100))
    assert failure == Failure("-", "too large: 0.005 MB > 0.0001 MB limit")


# -- folders -----------------------------------------------------------------------------------


def test_folder_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    items = run(
        tmp_path,
        {
            "b/z.txt": BODY2 + " Second.",
            "b/a.txt": BODY2,
            "a.txt": BODY,
            "c/d/e.jsonl": json.dumps({"text": BODY + " Deep."}),
            ".hidden.txt": BODY + " Hidden.",
            ".git/x.txt": BODY + " In a hidden folder.",
            "notes.md": "Not an article file name in a folder.",
            "image.png": b"\x89PNG\r\n\x1a\n\x00\x00",
        },
    )
    assert failures(items) == []
    assert [os.path.relpath(a.origin, tmp_path) for a in articles(items)] == [
        "a.txt",
        os.path.join("b", "a.txt"),
        os.path.join("b", "z.txt"),
        os.path.join("c", "d", "e.jsonl") + ":1",
    ]


def test_examples_folder() -> None:
    items = list(iter_articles([str(EXAMPLES / "articles"), str(EXAMPLES / "articles.jsonl")]))
    assert failures(items) == []
    got = articles(items)
    assert len(got) == 5
    for article in got:
        assert article.published is not None
        assert dt.date(2024, 1, 1) <= article.published <= dt.date(2026, 12, 31)
        assert article.title
        assert 150 <= len(article.text.split()) <= 300, article.origin
        assert "Print Friendly" not in article.text and "Share" not in article.text
    html = next(a for a in got if a.origin.endswith(".html"))
    assert "cookies" not in html.text and "Related articles" not in html.text and "Opinion" not in html.text


# -- bad input ---------------------------------------------------------------------------------

BAD: list[tuple[str, bytes | str, str]] = [
    ("empty.txt", b"", "empty article"),
    ("blank.txt", " \n\t\n  \r\n", "empty article"),
    ("binary.txt", b"\x00\x01\x02\x03binary\xff\xfe" * 50, "binary data (NUL bytes), not text"),
    ("controls.txt", bytes(range(1, 9)) * 100, "binary data (mostly non-text bytes), not text"),
    ("bad.txt", b"Talks in \x81\x8d\x8f\x90\x9d\xff\xfe\xfd" * 3, "not UTF-8 text (byte 9)"),
    ("french.txt", FRENCH, "language looks like 'fr', not English"),
    ("digits.txt", "12 34 56 -- 78", "empty article (no words in the text)"),
    ("boiler.txt", "Share this:\nPrint Friendly, PDF & Email\n", "empty article"),
    ("r.jsonl", json.dumps({"title": "No text here"}), "record has no 'text'"),
    ("r.jsonl", json.dumps({"text": ["not", "a", "string"]}), "'text' is a list, not a string"),
    ("r.jsonl", json.dumps(["a", "list"]), "expected a JSON object, got list"),
    ("r.jsonl", "\n\n", "empty article"),
    ("r.json", '{"text": "unterminated', "invalid JSON: Unterminated string starting at (line 1, column 10)"),
    ("r.json", "[]", "empty article list"),
    ("deep.json", "[" * 100_000, "invalid JSON: nested too deeply"),
    ("r.csv", f'title,body_text\nTalks,"{BODY}"\n', ("CSV has no 'text' column (columns: title, body_text); name the column that holds the text with "
     "--columns text=COLUMN")),
    ("r.csv", "", "empty article"),
    ("r.csv", "id,text\n", "no rows after the CSV header"),
    ("r.html", "<html><nav>Home</nav><script>x()</script></html>", "empty article"),
]


@pytest.mark.parametrize(("name", "content", "reason"), BAD)
def test_bad_input(tmp_path: Path, name: str, content: bytes | str, reason: str) -> None:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    items = list(iter_articles([str(path)]))
    assert len(items) == 1
    assert isinstance(items[0], Failure)
    assert items[0].reason == reason
    assert items[0].where.startswith(str(path))


def test_control_characters_and_lone_surrogates_from_json(tmp_path: Path) -> None:
    record = {"title": "Talks\u0000 in\ud800 Cairo", "text": BODY.replace("Cairo", "Cai\u0007ro\udfff")}
    (tmp_path / "a.jsonl").write_text(json.dumps(record))
    [article] = list(iter_articles([str(tmp_path / "a.jsonl")]))
    assert isinstance(article, Article)
    assert article.title == "Talks in\ufffd Cairo"
    assert "Cairo\ufffd" in article.text
    article.text.encode("utf-8")  # the store can write it


def test_latin1_english_is_read(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_bytes(f"Talks in Zürich\n\n{BODY} The café was closed.".encode("latin-1"))
    [article] = list(iter_articles([str(tmp_path / "old.txt")]))
    assert isinstance(article, Article)
    assert article.title == "Talks in Zürich" and article.text.endswith("café was closed.")


def test_latin1_french_is_refused_for_language(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_bytes(FRENCH.encode("latin-1"))
    [failure] = list(iter_articles([str(tmp_path / "fr.txt")]))
    assert failure == Failure(str(tmp_path / "fr.txt"), "language looks like 'fr', not English")


def test_malformed_jsonl_line_two_of_three(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join([json.dumps({"text": BODY}), '{"text": "broken', json.dumps({"text": BODY2})]))
    items = list(iter_articles([str(path)]))
    assert [type(i) for i in items] == [Article, Failure, Article]
    failure = items[1]
    assert isinstance(failure, Failure)
    assert failure.where == f"{path}:2"
    assert failure.reason.startswith("invalid JSON: Unterminated string")


def test_csv_row_without_text(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(f'id,text\n1,"{BODY}"\n2,\n3,"{BODY2}"\n')
    items = list(iter_articles([str(path)]))
    assert [type(i) for i in items] == [Article, Failure, Article]
    assert items[1] == Failure(f"{path}:3", "record has no 'text'")


def test_csv_in_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(f'title,text\nTalks in Zürich,"{BODY} It was “tense”."\n'.encode("cp1252"))
    [article] = list(iter_articles([str(path)]))
    assert isinstance(article, Article) and article.title == "Talks in Zürich" and "“tense”" in article.text


def test_missing_path() -> None:
    assert list(iter_articles(["/no/such/dir/a.txt"])) == [Failure("/no/such/dir/a.txt", "no such file")]


def test_empty_folder_and_folder_with_nothing_readable(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "a.txt").write_bytes(b"\x00\x00")
    (tmp_path / "junk" / "b.pdf").write_bytes(b"%PDF-1.4")
    empty = list(iter_articles([str(tmp_path / "empty")]))
    assert len(empty) == 1 and empty[0].where == str(tmp_path / "empty")  # type: ignore[union-attr]
    assert empty[0].reason.startswith("nothing readable: no article files")  # type: ignore[union-attr]
    junk = list(iter_articles([str(tmp_path / "junk")]))
    assert junk == [
        Failure(str(tmp_path / "junk" / "a.txt"), "binary data (NUL bytes), not text"),
        Failure(str(tmp_path / "junk"), "nothing readable: no file in the folder gave an article"),
    ]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(BODY)
    # Root reads files whatever their mode, so the denial is simulated where it happens.
    real_open: Callable[..., object] = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    assert list(iter_articles([str(path), str(tmp_path)])) == [
        Failure(str(path), "cannot read: permission denied"),
        Failure(str(path), "cannot read: permission denied"),
        Failure(str(tmp_path), "nothing readable: no file in the folder gave an article"),
    ]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_by_mode(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(BODY)
    path.chmod(0)
    assert list(iter_articles([str(path)])) == [Failure(str(path), "cannot read: permission denied")]


def test_bad_inputs_do_not_stop_the_run(tmp_path: Path) -> None:
    items = run(tmp_path, {"1.txt": b"\x00", "2.txt": FRENCH, "3.txt": BODY, "4.jsonl": "{oops"})
    assert [type(i).__name__ for i in items] == ["Failure", "Failure", "Article", "Failure"]


# -- size limit --------------------------------------------------------------------------------


def _sparse(path: Path, size: int) -> None:
    with path.open("wb") as f:
        f.truncate(size)  # a sparse file: instant, no disk used


@pytest.mark.parametrize(
    ("name", "where_suffix"),
    [("big.txt", ""), ("big.html", ""), ("big.json", ""), ("big.jsonl", ":1")],
)
def test_too_large_with_small_limit(tmp_path: Path, name: str, where_suffix: str) -> None:
    path = tmp_path / name
    path.write_text("word " * 1000)
    [failure] = list(iter_articles([str(path)], max_bytes=1000))
    assert failure == Failure(f"{path}{where_suffix}", "too large: 0.005 MB > 0.001 MB limit")


def test_too_large_jsonl_line_is_skipped_not_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [json.dumps({"text": BODY}), json.dumps({"text": "word " * 500}), json.dumps({"text": BODY2})]
    path.write_text("\n".join(lines))
    items = list(iter_articles([str(path)], max_bytes=1000))
    assert [type(i) for i in items] == [Article, Failure, Article]
    failure = items[1]
    assert isinstance(failure, Failure)
    assert failure.where == f"{path}:2" and failure.reason.startswith("too large")


def test_sparse_50mb_file_with_small_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    _sparse(path, 50_000_000)
    [failure] = list(iter_articles([str(path)], max_bytes=1_000_000))
    assert failure == Failure(str(path), "too large: 50.0 MB > 1.0 MB limit")


@pytest.mark.slow
@pytest.mark.parametrize("name", ["huge.txt", "huge.html", "huge.jsonl", "huge.csv"])
def test_real_50mb_file_default_limit(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    line = (json.dumps({"text": BODY}) if name.endswith(".jsonl") else BODY).encode() + b"\n"
    with path.open("wb") as f:
        f.write(b"text\n" if name.endswith(".csv") else b"")
        f.write(line * (50_000_000 // len(line) + 1))
    assert path.stat().st_size >= 50_000_000
    items = iter_articles([str(path)])
    first = next(items)
    if name.endswith((".jsonl",)):
        # Record formats are limited per record: a 50 MB corpus of small records is read.
        assert isinstance(first, Article)
    elif name.endswith(".csv"):
        # Over the limit a CSV is streamed as UTF-8 rather than decoded whole.
        assert isinstance(first, Article) and first.origin == f"{path}:2"
    else:
        assert first == Failure(str(path), f"too large: {path.stat().st_size / 1e6:.1f} MB > 20.0 MB limit")


# -- property: arbitrary bytes never raise ------------------------------------------------------


def _encode(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogatepass")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=500).map(_encode),
        st.lists(st.text(max_size=80), max_size=5).map(lambda xs: _encode("\n".join(xs))),
        # JSON records whose fields hold any code point, lone surrogates and NUL included
        st.lists(
            st.fixed_dictionaries(
                {"text": st.text(st.characters(exclude_categories=()), max_size=200)},
                optional={"title": st.text(st.characters(exclude_categories=()), max_size=30), "id": st.text()},
            ),
            max_size=3,
        ).map(lambda records: "\n".join(json.dumps(r) for r in records).encode()),
    ),
    suffix=st.sampled_from(["", ".txt", ".json", ".jsonl", ".csv", ".tsv", ".html", ".bin"]),
)
def test_arbitrary_bytes_never_raise(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    for items in (list(iter_articles([str(path)])), list(iter_articles(["-"], stdin=io.BytesIO(data)))):
        assert items, "every input yields at least one Article or Failure"
        assert all(isinstance(i, (Article, Failure)) for i in items)
        for item in items:
            if isinstance(item, Failure):
                assert item.where and item.reason
            else:
                assert item.text.strip() and item.id
                (item.id + item.title + item.text).encode("utf-8")  # writable as UTF-8
