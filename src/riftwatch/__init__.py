"""riftwatch: sourced, geolocated political event data from news reports, and rift alerts."""

from __future__ import annotations

__version__ = "0.1.0"

from .spacycli import defer as _defer_spacy_cli

_defer_spacy_cli()  # spaCy's command line is not imported with spaCy (spacycli.py)
