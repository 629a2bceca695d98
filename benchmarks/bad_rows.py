"""Good rows lost to one bad row: every poisoned line of ``tests/test_bad_rows.py`` at every position.

For ICEWS imports, PLOVER imports and article CSVs, one poisoned line is put at each position of a
file of 50 good rows; the script counts the good rows that did not arrive and the poisoned lines
that were not reported with their own line number (both should be 0).

    python benchmarks/bad_rows.py
"""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from riftwatch.imports import import_file
from riftwatch.ingest.readers import iter_articles
from riftwatch.records import Article, Failure
from test_bad_rows import _ARTICLE_POISONS, _CSV_POISONS, ICEWS_HEADER, _icews_row, _plover, _Sink

N = 50
PLOVER_POISONS = ["[" * 100_000 + "]" * 100_000, '{"event_id": ' + "[" * 100_000, "{", "\x00", '{"a": ' * 50_000 + "1" + "}" * 50_000]


def main() -> None:
    logging.disable(logging.WARNING)
    lost = misreported = files = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f"
        for poison in _CSV_POISONS:
            for at in range(N + 1):
                rows = [_icews_row(i) for i in range(1, N + 1)]
                rows.insert(at, poison)
                path.write_text(ICEWS_HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
                sink = _Sink()
                report = import_file(path, "icews", sink)
                lost += N - len(sink.events)
                misreported += [f.where for f in report.failures] != [f"{path}:{at + 2}"]
                files += 1
        for poison in PLOVER_POISONS:
            for at in range(N + 1):
                lines = [_plover(i) for i in range(1, N + 1)]
                lines.insert(at, poison)
                path.write_text("\n".join(lines) + "\n", encoding="utf-8")
                sink = _Sink()
                report = import_file(path, "plover", sink)
                lost += N - len(sink.events)
                misreported += [f.where for f in report.failures] != [f"{path}:{at + 1}"]
                files += 1
        csv_path = Path(tmp) / "a.csv"
        for poison in _ARTICLE_POISONS:
            for at in range(N + 1):
                rows = [f'a{i},"Delegations from country {i} met in Doha on Monday.",2025-01-02' for i in range(N)]
                rows.insert(at, poison)
                csv_path.write_text("id,text,published\n" + "\n".join(rows) + "\n", encoding="utf-8")
                items = list(iter_articles([str(csv_path)]))
                lost += N - sum(isinstance(a, Article) for a in items)
                misreported += [f.where for f in items if isinstance(f, Failure)] != [f"{csv_path}:{at + 2}"]
                files += 1
    print(f"{files} files of {N} good rows with one poisoned line ({len(_CSV_POISONS)} ICEWS, {len(PLOVER_POISONS)} "
          f"PLOVER, {len(_ARTICLE_POISONS)} article-CSV poisons at every position): {lost} good rows lost, "
          f"{misreported} poisoned lines not reported at their own line")  # fmt: skip


if __name__ == "__main__":
    main()
