"""Fuzz the readers and importers for a while and count what went wrong (the README's figures).

The mutations and seed inputs are those of ``tests/test_fuzz.py`` (which runs a few dozen per
format in CI), driven here by a seeded ``random.Random`` for ``--seconds``: bytes inserted (quotes,
NULs, BOMs, deep brackets, markup, formula prefixes, 70,000-byte runs), deleted, duplicated,
truncated or random. A *crash* is any exception out of a reader, or out of an importer other than
``InputError`` (a file with nothing readable in it); each is printed with its input's seed.

    python benchmarks/fuzz_inputs.py [--seconds 120] [--seed 1]
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from riftwatch.errors import InputError
from riftwatch.imports import import_file
from riftwatch.ingest.readers import iter_ingested
from riftwatch.records import Failure
from test_fuzz import _IMPORT_SEEDS, _INSERTS, SEEDS, _Sink


def mutate(seed: bytes, rng: random.Random) -> bytes:
    data = bytearray(seed)
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(data))
        kind = rng.choice(["insert", "delete", "duplicate", "truncate", "random"])
        if kind == "insert":
            data[at:at] = rng.choice(_INSERTS)
        elif kind == "delete":
            del data[at : at + rng.randint(1, 20)]
        elif kind == "duplicate":
            data[at:at] = data[at : at + rng.randint(1, 200)] * rng.randint(1, 5)
        elif kind == "truncate":
            del data[at:]
        else:
            data[at:at] = rng.randbytes(rng.randint(1, 40))
    return bytes(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # readers warn about every unreadable date: noise here
    rng = random.Random(args.seed)
    tried: Counter[str] = Counter()
    crashes: Counter[str] = Counter()
    failures = 0
    targets = [("read", s) for s in sorted(SEEDS)] + [("import", f) for f in sorted(_IMPORT_SEEDS)]
    deadline = time.monotonic() + args.seconds
    with tempfile.TemporaryDirectory() as tmp:
        while time.monotonic() < deadline:
            action, name = rng.choice(targets)
            case_seed = rng.getrandbits(32)
            case = random.Random(case_seed)
            label = f"{action} {name}"
            tried[label] += 1
            try:
                if action == "read":
                    path = Path(tmp) / f"in{name}"
                    path.write_bytes(mutate(SEEDS[name], case))
                    failures += sum(isinstance(i, Failure) for i in iter_ingested([str(path)], max_bytes=1_000_000))
                else:
                    suffix, seed = _IMPORT_SEEDS[name]
                    path = Path(tmp) / f"in{suffix}"
                    path.write_bytes(mutate(seed, case))
                    try:
                        failures += import_file(path, name, _Sink()).failed
                    except InputError:
                        failures += 1
            except Exception:  # noqa: BLE001 - counting every crash is the point
                crashes[label] += 1
                print(f"CRASH {label} (case seed {case_seed}):\n{traceback.format_exc()}", file=sys.stderr)
    total = sum(tried.values())
    for label in sorted(tried):
        print(f"{label:<14} {tried[label]:>7} inputs, {crashes[label]} crashes")
    print(f"{total} mutated inputs in {args.seconds:.0f} s: {sum(crashes.values())} crashes, "
          f"{failures} bad inputs or rows reported with a reason")  # fmt: skip


if __name__ == "__main__":
    main()
