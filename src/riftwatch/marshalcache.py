"""A list of records kept as ``marshal`` rows in a cache file: read when it is there and sound,
else built, returned and written for the next process (atomically; a cache that cannot be written
only costs the build again). Used by the compiled actor and trigger lexicons."""

from __future__ import annotations

import logging
import marshal
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


def cached_rows(
    path: Path,
    what: str,
    build: Callable[[], list[T]],
    freeze: Callable[[list[T]], list[tuple[Any, ...]]],
    thaw: Callable[[list[tuple[Any, ...]]], list[T]],
) -> list[T]:
    """The records in ``path`` (``what`` names them in messages), else ``build()``'s, cached."""
    try:
        return thaw(marshal.loads(path.read_bytes()))
    except FileNotFoundError:
        pass
    except (OSError, ValueError, EOFError, TypeError) as exc:  # a damaged file: build again
        log.warning("%s cache %s is unreadable (%s); rebuilding it", what, path, exc)
    records = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(freeze(records)))
        os.replace(tmp, path)
    except OSError as exc:
        log.info("cannot write the %s cache %s: %s", what, path, exc)
    return records
