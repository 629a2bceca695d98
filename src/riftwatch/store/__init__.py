"""Store stage: DuckDB tables of articles, events, actors and places; JSONL/CSV/Parquet exports.

Only this package imports duckdb.  ``Store`` is the one entry point::

    with Store("events.duckdb") as store:
        store.write_many(coded_articles)
        store.export("events", "jsonl", Path("events.jsonl"))
"""

from riftwatch.store.duck import Store
from riftwatch.store.query import EventFilter
from riftwatch.store.schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "EventFilter", "Store"]
