"""Scale stage: bounded streaming, a local process pool, Dask, fast mode, progress.

* ``stream``: ``run_stream`` (one process, bounded batches, resumable) and ``CoderSpec``;
* ``local``: ``run_parallel`` (worker processes parse and code, the parent writes the store);
* ``partitions`` / ``cluster``: ``run_dask`` (one task per input partition, Parquet out, named by
  content hash so reruns skip finished work) and ``import_partitions`` into the DuckDB store;
* ``fastmode``: ``FastCoder``, which parses only the sentences a keyword filter keeps;
* ``progress``: ``ScaleStats``, ``progress_bar`` and ``render_summary`` for the CLI.

Submodules are imported on use: Dask, fsspec and spaCy are heavy to import.
"""
