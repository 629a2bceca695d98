"""Ingest stage: news articles from files, folders and stdin, cleaned, checked and identified.

``iter_articles`` is the entry point; the modules behind it are small and usable on their own:
``formats`` (per-format parsing), ``html`` (main-text extraction), ``clean`` (boilerplate),
``decode`` (bytes to text), ``language`` (English or not), ``dates`` and ``ids``.
"""

from __future__ import annotations

from .clean import clean_text
from .dates import parse_date
from .html import extract_html
from .ids import content_id
from .language import detect_language
from .readers import DEFAULT_MAX_BYTES, STDIN, iter_articles, iter_ingested

__all__ = [
    "DEFAULT_MAX_BYTES",
    "STDIN",
    "clean_text",
    "content_id",
    "detect_language",
    "extract_html",
    "iter_articles",
    "iter_ingested",
    "parse_date",
]
