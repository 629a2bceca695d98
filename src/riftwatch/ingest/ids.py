"""Content-hash article ids.

An article without an id of its own is named by a hash of its normalised title and text, so the
same report ingested twice (from two feeds, or re-run) gets the same id and the store keeps one.
"""

from __future__ import annotations

import hashlib
import unicodedata

ID_PREFIX = "a-"
_HEX_CHARS = 16


def normalise_for_hash(text: str) -> str:
    """Case, Unicode form and whitespace folded, so cosmetic differences do not change the id.

    >>> normalise_for_hash("  Talks  RESUME\\n\\n in Doha ")
    'talks resume in doha'
    """
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def content_id(title: str, text: str) -> str:
    """``"a-"`` + the first 16 hex chars of sha256 over normalised title and text.

    >>> content_id("Talks resume", "Delegations met.") == content_id("talks  resume", "Delegations met. ")
    True
    """
    payload = normalise_for_hash(title) + "\n" + normalise_for_hash(text)
    return ID_PREFIX + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:_HEX_CHARS]
