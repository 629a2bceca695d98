"""riftwatch: sourced, geolocated political event data from news reports, and rift alerts."""

from __future__ import annotations

__version__ = "0.1.0"
