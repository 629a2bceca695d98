"""Records whose fields have other names (``--columns``), and counting a run's articles for its progress bar."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from riftwatch.cli import app
from riftwatch.errors import InputError
from riftwatch.ingest.counting import count_articles
from riftwatch.ingest.readers import iter_articles
from riftwatch.records import Article, Failure

TEXT = "Delegations from both countries met in Doha on Monday to discuss a ceasefire, officials said."


def _read(path: Path, columns: dict[str, str] | None) -> list[Article | Failure]:
    return list(iter_articles([str(path)], columns=columns))


@pytest.mark.parametrize("suffix", ["csv", "jsonl"])
def test_columns_name_where_the_fields_are(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"export.{suffix}"
    if suffix == "csv":
        path.write_text(f'Article_Content,date,headline\n"{TEXT}",2024-05-13,Talks in Doha\n', encoding="utf-8")
    else:
        path.write_text(json.dumps({"article_content": TEXT, "date": "2024-05-13", "headline": "Talks in Doha"}) + "\n")
    (art,) = _read(path, {"text": "article_content", "published": "date"})
    assert isinstance(art, Article)
    assert (art.text, art.published, art.title) == (TEXT, dt.date(2024, 5, 13), "Talks in Doha")
    (failure,) = _read(path, None)  # without --columns there is no text field
    assert isinstance(failure, Failure) and "no 'text'" in failure.reason


def test_a_column_named_but_absent_is_a_clear_failure(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(f'body_text,date\n"{TEXT}",2024-05-13\n', encoding="utf-8")
    (failure,) = _read(path, {"text": "article_content"})
    assert isinstance(failure, Failure)
    assert "no column 'article_content' (--columns text=article_content)" in failure.reason
    assert "columns: body_text, date" in failure.reason


def test_an_unknown_field_is_refused_with_the_nearest(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="'txt' is not a record field.*did you mean 'text'"):
        _read(tmp_path / "x.csv", {"txt": "body"})
    result = CliRunner().invoke(app, ["run", str(tmp_path), "--columns", "txt=body"], env={"COLUMNS": "200"})
    assert result.exit_code == 2 and "did you mean 'text'" in result.output
    result = CliRunner().invoke(app, ["run", str(tmp_path), "--columns", "text"], env={"COLUMNS": "200"})
    assert result.exit_code == 2 and "is not FIELD=COLUMN" in result.output


def test_count_articles_for_the_progress_bar(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One report.")
    (tmp_path / "b.html").write_text("<p>Another.</p>")
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps({"text": f"r{i}"}) for i in range(5)))  # no final newline
    (tmp_path / "d.csv").write_text("text\nx\ny\nz\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")  # not an article file: the run skips it too
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "e.txt").write_text("hidden")
    assert count_articles([str(tmp_path)]) == 1 + 1 + 5 + 3
    assert count_articles([str(tmp_path / "a.txt"), str(tmp_path / "c.jsonl")]) == 6
    assert count_articles([str(tmp_path / "c.jsonl")], max_scan=10) is None  # too big to count cheaply
    (tmp_path / "f.json").write_text("[]")
    for unknown in (["-"], ["https://news.example/a"], [str(tmp_path)]):  # a JSON document has to be parsed
        assert count_articles(unknown) is None
