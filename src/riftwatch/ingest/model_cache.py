"""py3langid's model, kept uncompressed in the cache so that a process opens it in milliseconds.

py3langid ships its model as ``model.npz.xz`` and decompresses it (68 MB) on every load, 0.7-1.3 s
of a single-core process. Here the first load writes the six tables it yields to a folder under
``$RIFTWATCH_CACHE``, named after the model file's size and modification time (a new py3langid
writes a new folder); later loads map the arrays and rebuild the same Python objects from them.
An unwritable cache only costs the decompression.

Example::

    ptc, pc, classes, nextmove, row, output = open_model()  # what modelio.load_model returns
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from array import array
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

FORMAT = 1
_ARRAYS = ("ptc", "pc", "nextmove", "row", "output")


def _model_file() -> Path:
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    folder: Path = Path(MODEL_DIR)
    return folder / str(MODEL_FILE)


def cache_folder(model: Path | None = None) -> Path:
    """Where the uncompressed model of the installed py3langid is kept."""
    from ..geo.gazetteer import cache_dir

    st = (model or _model_file()).stat()
    return cache_dir() / f"langid-f{FORMAT}-{st.st_size}-{st.st_mtime_ns}"


def _as_array(a: np.ndarray[Any, Any], typecode: str) -> array[int]:
    out: array[int] = array(typecode)
    out.frombytes(np.ascontiguousarray(a).data.cast("B"))
    return out


def _read(folder: Path) -> tuple[Any, ...]:
    t = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in _ARRAYS}
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    return (
        np.asarray(t["ptc"]),
        np.asarray(t["pc"]),
        meta["classes"],
        _as_array(t["nextmove"], meta["nextmove"]),
        _as_array(t["row"], meta["row"]),
        t["output"].tolist(),
    )


def _write(folder: Path, tables: tuple[Any, ...]) -> None:
    ptc, pc, classes, nextmove, row, output = tables
    tmp = folder.with_name(f"{folder.name}.tmp{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        arrays = {"ptc": np.asarray(ptc), "pc": np.asarray(pc), "nextmove": np.frombuffer(nextmove, dtype=f"={nextmove.typecode}"),
                  "row": np.frombuffer(row, dtype=f"={row.typecode}"), "output": np.asarray(output, dtype=np.int64)}  # fmt: skip
        for name, value in arrays.items():
            np.save(tmp / f"{name}.npy", value, allow_pickle=False)
        meta = {"classes": list(classes), "nextmove": nextmove.typecode, "row": row.typecode}
        (tmp / "meta.json").write_text(json.dumps(meta), "utf-8")
        os.replace(tmp, folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def open_model() -> tuple[Any, ...]:
    """(ptc, pc, classes, nextmove, row, output) as ``py3langid.modelio.load_model`` returns them."""
    model = _model_file()
    folder = cache_folder(model)
    if (folder / "meta.json").exists():
        try:
            return _read(folder)
        except (OSError, ValueError, KeyError) as exc:
            log.warning("language model cache %s is unreadable (%s); decompressing the model", folder, exc)
            shutil.rmtree(folder, ignore_errors=True)
    from py3langid.modelio import load_model

    tables: tuple[Any, ...] = tuple(load_model(model))
    try:
        _write(folder, tables)
    except OSError as exc:
        log.info("cannot write the language model cache %s: %s", folder, exc)
    return tables
