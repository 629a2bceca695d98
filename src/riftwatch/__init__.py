"""riftwatch: sourced, geolocated political event data from news reports, and rift alerts."""

from __future__ import annotations

import os as _os

# One BLAS thread: spaCy's small matrix products run slower on several (the pool parsed in 16.1 s
# wall and 19.0 s CPU with OpenBLAS's default threads, 12.9 s and 12.5 s with one). OpenBLAS reads
# this when numpy is first imported, so it is set here, before anything imports numpy; a value the
# user set is kept.
_os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"

from .spacycli import defer as _defer_spacy_cli

_defer_spacy_cli()  # spaCy's command line is not imported with spaCy (spacycli.py)
