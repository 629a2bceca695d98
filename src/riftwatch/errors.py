"""Every exception riftwatch raises on purpose lives here.

The library raises these; only the CLI turns them into messages and exit codes.
Each message names the input (file, line) and the problem.
"""

from __future__ import annotations

import enum


class ExitStatus(enum.IntEnum):
    """Process exit codes of the ``riftwatch`` command."""

    OK = 0
    ERROR = 1  # unexpected failure
    USAGE = 2  # bad command line (typer/click's own code)
    PARTIAL = 3  # the run finished but some inputs failed
    BAD_INPUT = 4  # nothing usable in the input
    STORE = 5  # the store cannot be opened or written
    GATE = 6  # an accuracy gate failed


class RiftwatchError(Exception):
    """Base class of riftwatch's own errors."""

    exit_status = ExitStatus.ERROR


class InputError(RiftwatchError):
    """An input (file, record, line) cannot be used. ``where`` names it, e.g. ``a.jsonl:12``."""

    exit_status = ExitStatus.BAD_INPUT

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class StoreError(RiftwatchError):
    """The store cannot be opened, read or written."""

    exit_status = ExitStatus.STORE


class LexiconError(RiftwatchError):
    """A lexicon file (ours or the user's) is malformed. The message names file and line."""


class ModelError(RiftwatchError):
    """The spaCy model is missing or cannot be loaded."""


class GoldError(RiftwatchError):
    """A gold-standard file for ``evaluate`` cannot be read."""

    exit_status = ExitStatus.BAD_INPUT


class GateError(RiftwatchError):
    """A score fell below its pinned floor."""

    exit_status = ExitStatus.GATE


class StoreBusy(StoreError):
    """The store file is locked by a process writing it (DuckDB allows one writer and no readers
    meanwhile); reading it again later works."""
