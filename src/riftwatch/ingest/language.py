"""A small language guesser: is this article English?

The pipeline's model and lexicons are English, so other languages must be refused with a clear
reason rather than coded into nonsense. A full identifier (fastText, CLD3) is a heavy dependency
for a yes/no question; two cheap signals answer it well on news prose:

* the *script*: mostly Cyrillic, Arabic, CJK, ... letters settle it at once;
* for Latin-script text, the share of words that are each language's commonest function words
  ("the", "of" / "le", "des" / "der", "und" ...). Function words make up a third or more of running
  prose in these languages and differ between them.

Texts shorter than ``MIN_WORDS`` words pass as English: too little evidence to refuse them.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

MIN_WORDS = 8
# Only the start of a long text is examined: the answer does not change after a few hundred words.
SAMPLE_CHARS = 3000
# A Latin-script text is called non-English when its best language's stop-word share is at least
# this and at least RATIO times the English share.
MIN_SHARE = 0.12
RATIO = 2.0

STOPWORDS: dict[str, str] = {
    "en": "the and of to in is that it was for on are with as his her they be at by this had from or "
    "have an but not were which their has been would will said after who its he she we there than "
    "into about over also could when what",
    "fr": "le la les des du et est une un dans que qui pour pas sur au aux avec ce cette il elle ont "
    "été sont par plus ne se son sa ses mais leur nous vous selon été était l d qu aussi entre après",
    "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es als wird "
    "wurde bei nach aus sie er hat haben sind oder aber noch über vor zum zur einen einem sagte",
    "es": "el la los las de del y que en un una es por con para se su sus al lo como más pero fue ha "
    "han sido este esta sobre entre también según ya muy dijo cuando",
    "it": "il lo la gli le di del della dei delle che e è un una per con non sono ha hanno nel nella "
    "al alla da dal si anche come più ma questo questa stato essere secondo dell nell tra",
    "pt": "o os a as de do da dos das e que em um uma não para com por se na no nos ao mais foi são "
    "ser seu sua como mas também pelo pela segundo está já disse entre",
    "nl": "de het een en van in is dat op te zijn voor met niet aan er die om ook als maar bij door "
    "wordt werd naar heeft hebben deze dit nog over zij hij worden uit tot",
    "tr": "ve bir bu da de için ile olarak olan çok daha gibi ama değil mi ne ki şu o sonra kadar her "
    "göre tarafından ise olduğu edildi etti yapılan bu",
}

# Character classes of scripts that identify a language (or family) on their own.
_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("ru", "\u0400-\u052f"),
    ("el", "\u0370-\u03ff"),
    ("he", "\u0590-\u05ff"),
    ("ar", "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"),
    ("hi", "\u0900-\u097f"),
    ("th", "\u0e00-\u0e7f"),
    ("ja", "\u3040-\u30ff"),
    ("zh", "\u3400-\u4dbf\u4e00-\u9fff"),
    ("ko", "\uac00-\ud7af"),
)
# Letters found in Ukrainian but not Russian.
_UKRAINIAN = frozenset("іїєґІЇЄҐ")
# Punctuation and apostrophes become spaces, so "l'armée" gives "l" and "armée".
_NON_LETTERS = str.maketrans(dict.fromkeys(".,;:!?\"'’‘“”«»„()[]{}<>/\\|-–—_*&%$#@+=~^`…·•", " "))
_LETTER = re.compile(r"[^\W\d_]")


@functools.cache
def _stopword_index() -> dict[str, tuple[str, ...]]:
    """Each function word -> the languages that have it."""
    index: dict[str, list[str]] = {}
    for lang, words in STOPWORDS.items():
        for word in set(words.split()):
            index.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in index.items()}


@functools.cache
def _script_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((lang, re.compile(f"[{chars}]")) for lang, chars in _SCRIPTS)


def _script_language(sample: str) -> str | None:
    """The language a non-Latin script gives away, when such letters are most of the letters."""
    if sample.isascii():
        return None
    counts: Counter[str] = Counter()
    for lang, pattern in _script_patterns():
        counts[lang] += len(pattern.findall(sample))
    letters = len(_LETTER.findall(sample))
    if not counts.total() or counts.total() * 2 < letters:
        return None
    # Japanese mixes kana with Han characters; any sizeable share of kana makes it Japanese.
    if counts["ja"] * 10 >= counts.total():
        return "ja"
    lang = counts.most_common(1)[0][0]
    if lang == "ru" and any(ch in _UKRAINIAN for ch in sample):
        return "uk"
    return lang


def stopword_shares(words: list[str]) -> dict[str, float]:
    """For each language, the share of ``words`` (lower-cased) that are its function words."""
    hits = dict.fromkeys(STOPWORDS, 0)
    index = _stopword_index()
    for word, n in Counter(words).items():
        for lang in index.get(word, ()):
            hits[lang] += n
    total = len(words) or 1
    return {lang: n / total for lang, n in hits.items()}


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; "en" when unsure or too short to tell.

    >>> detect_language("The talks ended without a deal, officials said on Tuesday.")
    'en'
    >>> detect_language("Les négociations ont repris mardi à Genève, selon des sources diplomatiques.")
    'fr'
    """
    sample = text[:SAMPLE_CHARS]
    script = _script_language(sample)
    if script is not None and len(_LETTER.findall(sample)) >= MIN_WORDS:
        return script
    words = [w for w in sample.lower().translate(_NON_LETTERS).split() if w.isalpha()]
    if len(words) < MIN_WORDS:
        return "en"
    shares = stopword_shares(words)
    best = max(shares, key=lambda k: shares[k])
    if best != "en" and shares[best] >= MIN_SHARE and shares[best] >= RATIO * shares["en"]:
        return best
    return "en"
