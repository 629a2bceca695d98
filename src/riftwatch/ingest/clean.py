"""Text cleaning: whitespace normalisation and removal of web boilerplate lines.

Scraped news text carries lines that are not part of the report ("Print Friendly, PDF & Email",
"Share this:", cookie notices, a trailing "Related articles" list). Left in, they become bogus
sentences for the parser and change the content hash of otherwise identical articles.

Two kinds of removal:

* a *boilerplate line* is dropped wherever it stands as a line of its own: these phrases are never
  report text on their own line;
* a *trailing section* ("Related articles", "Read more", "You may also like" followed only by short
  headline-like lines) is cut from the end of the text.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Whole-line phrases that are page furniture, never report text (matched case-insensitively,
# ignoring surrounding punctuation and whitespace).
BOILERPLATE_LINES: tuple[str, ...] = (
    r"print friendly,? pdf (?:&|and) email",
    r"print friendly",
    r"print(?: this)?(?: article| page)?",
    r"share(?: this)?(?: article| story| post| page)?(?: on| via)?",
    r"share (?:on|via|to) (?:facebook|twitter|x|whatsapp|linkedin|telegram|reddit|email|e-mail)",
    r"click to (?:share|email|print)(?: on| this)?\b.*",
    r"(?:facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|email|e-mail|tweet|copy link)",
    r"like this",
    r"like loading\W*",
    r"loading\W*",
    r"advertisement",
    r"sponsored(?: content)?",
    r"(?:subscribe|sign up)(?: now)?(?: to| for) (?:our|the) (?:free )?(?:daily |weekly )?newsletters?\b.*",
    r"follow us on\b.*",
    r"(?:we|this (?:web)?site) uses? cookies\b.*",
    r"(?:accept|reject|manage)(?: all)? cookies",
    r"cookie (?:policy|settings|notice)",
    r"by continuing to (?:use|browse) this (?:web)?site\b.*",
    r"all rights reserved\W*",
    r"(?:©|\(c\)|copyright) ?\d{4}\b.*",
    r"leave a (?:comment|reply)",
    r"\d* ?comments?",
    r"skip to (?:main )?content",
    r"(?:back to|scroll to) top",
)

# Headings that start a trailing list of links to other stories.
SECTION_STARTS: tuple[str, ...] = (
    r"related(?: articles?| stories| posts| news| coverage| content)?",
    r"read more(?: on this)?",
    r"more (?:stories|news|from [\w .'-]+)",
    r"you (?:may|might) also (?:like|be interested in)",
    r"recommended(?: for you)?",
    r"most (?:read|popular|viewed)",
    r"see also",
    r"trending(?: now)?",
)

# A line after a section start counts as a headline when it is at most this long.
_HEADLINE_MAX = 160
# Boilerplate lines are short; longer lines are report text and skip the pattern test.
_BOILERPLATE_MAX = 200
_STRIP = " \t\"'.:;,-–—|•·»›>*#"
# Deleted: zero-width characters, soft hyphens, control characters (JSON can carry "\u0000").
# Lone surrogates (also possible from JSON escapes) become U+FFFD: they cannot be written as UTF-8.
_CHAR_FIXES: dict[int, int | None] = {
    **dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None),
    **dict.fromkeys((*range(9), 0x0B, *range(0x0E, 0x20), 0x7F), None),
    **dict.fromkeys(range(0xD800, 0xE000), 0xFFFD),
}


@functools.cache
def _boilerplate_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in BOILERPLATE_LINES), re.IGNORECASE)


@functools.cache
def _section_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in SECTION_STARTS), re.IGNORECASE)


def _core(line: str) -> str:
    return line.strip().strip(_STRIP).strip()


def is_boilerplate(line: str) -> bool:
    """True when ``line`` on its own is page furniture.

    >>> is_boilerplate("Print Friendly, PDF & Email")
    True
    >>> is_boilerplate("Officials said the talks would resume.")
    False
    """
    if len(line) > _BOILERPLATE_MAX:
        return False
    core = _core(line)
    return bool(core) and _boilerplate_re().fullmatch(core) is not None


def is_section_start(line: str) -> bool:
    """True when ``line`` is a heading such as "Related articles" that opens a list of links."""
    if len(line) > _HEADLINE_MAX:
        return False
    core = _core(line)
    return bool(core) and _section_re().fullmatch(core) is not None


def normalise_whitespace(text: str) -> str:
    """Unix newlines, no invisible or control characters, single spaces, at most one blank line in a row.

    >>> normalise_whitespace("a\\u00a0 b\\r\\n\\r\\n\\r\\nc  ")
    'a b\\n\\nc'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CHAR_FIXES)
    text = unicodedata.normalize("NFC", text)
    # str.split() rather than a regex: several times faster on long texts.
    out: list[str] = []
    for line in text.split("\n"):
        line = " ".join(line.split())
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def _cut_trailing_section(lines: list[str]) -> list[str]:
    """Cut a "Related articles" heading and the short lines after it from the end."""
    for i in range(len(lines) - 1, 0, -1):
        if is_section_start(lines[i]):
            rest = [line for line in lines[i + 1 :] if line]
            if all(len(line) <= _HEADLINE_MAX for line in rest):
                return lines[:i]
            return lines
        # Only look back over a tail of short lines; a long paragraph ends the search.
        if len(lines[i]) > _HEADLINE_MAX:
            return lines
    return lines


def strip_boilerplate(text: str) -> str:
    """Drop boilerplate lines anywhere and a trailing related-links section.

    >>> strip_boilerplate("Talks resumed.\\n\\nShare this:\\nPrint Friendly, PDF & Email")
    'Talks resumed.'
    """
    lines = text.split("\n")
    kept = _cut_trailing_section([line for line in lines if not is_boilerplate(line)])
    if len(kept) == len(lines):
        return text
    return normalise_whitespace("\n".join(kept))


def clean_text(text: str) -> str:
    """Normalise whitespace and remove boilerplate: the form every reader hands on."""
    return strip_boilerplate(normalise_whitespace(text))
