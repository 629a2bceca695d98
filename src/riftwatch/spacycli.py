"""spaCy's command line, imported only when something uses it.

``import spacy`` imports ``spacy.cli.info`` (for the ``spacy.info`` function) and with it spaCy's
whole command line: its typer commands, weasel, jinja2, requests, urllib3 — about a third of
spaCy's import time (0.3-0.5 s of CPU here), paid by every process that parses, none of it used
to load a model or parse. ``defer()``, run when riftwatch is imported (before spaCy, or it does
nothing), adds an import hook that answers ``spacy.cli`` and ``spacy.cli.info`` with stand-ins:

- ``spacy.cli`` has the real package's ``__path__``, so its submodules
  (``import spacy.cli.download``) import as always;
- ``spacy.info`` is a function that imports the real one when called;
- reading any other name of a stand-in imports the real modules, which replace the stand-ins
  (in ``sys.modules`` and as attributes of their parents) and answer from then on.

Nothing else of spaCy imports its command line (``spacy/__init__.py`` is the only importer outside
``spacy/cli``; ``tests/test_spacycli.py`` checks both halves in a fresh interpreter).
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import sys
import types
from collections.abc import Sequence
from typing import Any

DEFERRED = ("spacy.cli", "spacy.cli.info")


class _StandIn(types.ModuleType):
    """A deferred module: any name it lacks loads the real module and is read from that."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name != "__all__":  # tools probing dunders load nothing
            raise AttributeError(name)
        return getattr(load_real(self.__name__), name)


def info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: the real function, imported now."""
    return load_real("spacy.cli.info").info(*args, **kwargs)


class _Loader(importlib.machinery.SourceFileLoader):
    """Creates the stand-in; executes nothing of the real module."""

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return _StandIn(spec.name)

    def exec_module(self, module: types.ModuleType) -> None:
        if module.__name__ == "spacy.cli.info":
            module.info = info  # type: ignore[attr-defined]


class _Finder:
    """``sys.meta_path`` hook: the stand-ins' specs, with the real modules' file and path."""

    @staticmethod
    def find_spec(fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:  # fmt: skip
        if fullname not in DEFERRED:
            return None
        real = importlib.machinery.PathFinder.find_spec(fullname, path)
        if real is None or real.origin is None:
            return None
        spec = importlib.util.spec_from_file_location(
            fullname, real.origin, loader=_Loader(fullname, real.origin),
            submodule_search_locations=real.submodule_search_locations,
        )  # fmt: skip
        return spec


_FINDER = _Finder()


def defer() -> bool:
    """Install the hook unless spaCy is imported already; True when installed (or still on)."""
    if _FINDER in sys.meta_path:
        return True
    if "spacy" in sys.modules:
        return False
    sys.meta_path.insert(0, _FINDER)
    return True


def load_real(name: str) -> types.ModuleType:
    """The real module ``name`` (one of ``DEFERRED``), imported now in place of the stand-ins."""
    if _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)
    for deferred in DEFERRED:
        if isinstance(sys.modules.get(deferred), _StandIn):
            del sys.modules[deferred]
    return importlib.import_module(name)
