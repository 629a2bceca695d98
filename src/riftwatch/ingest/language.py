"""Is this article English? Language identification with py3langid, cautious by design.

The pipeline's model and lexicons are English, so other languages must be refused with a clear
reason rather than coded into nonsense. But refusing an English report is worse than letting a
foreign one through: a lost report is silent, while a foreign one at worst codes no events. So:

* the *script* settles clearly non-Latin text at once (mostly Cyrillic, Arabic, CJK, ... letters);
* Latin-script text is classified by py3langid (a maintained fork of langid.py: 97 languages,
  Naive Bayes over byte n-grams, model bundled in the wheel, offline and deterministic), and is
  refused only when the text is long enough to judge (``MIN_CHARS`` and ``MIN_WORDS``) and the
  model's normalised probability for a language other than English is at least
  ``MIN_PROBABILITY``. Short texts -- a one-line wire item full of place names and acronyms, like
  "A car bomb exploded near a police station in Mogadishu." -- always pass: the evidence in a
  sentence is too weak to refuse it.

Only the first ``SAMPLE_CHARS`` characters are classified: the answer does not change after a few
hundred words, and a bounded sample keeps the cost per article constant.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

SAMPLE_CHARS = 3000
# Shorter texts pass as English whatever the model says (see the module docstring).
MIN_CHARS = 200
MIN_WORDS = 30
# py3langid's probabilities are normalised with a temperature of sqrt(bytes), so they stay
# comparable across lengths; foreign news paragraphs score 0.99+, English ones that the model
# misreads (lists of names, Pidgin-like quotes) stay far below this.
MIN_PROBABILITY = 0.9
# A non-Latin script identifies the language once this many of its letters are seen.
MIN_SCRIPT_LETTERS = 8

# py3langid labels that are not ISO 639-1 codes: the macro-language's code where there is one;
# English-based or content-free labels are English (the model's "no language" is no evidence).
_LABELS = {
    "arz": "ar",  # Egyptian Arabic
    "ary": "ar",  # Moroccan Arabic
    "yue": "zh",  # Cantonese
    "wuu": "zh",  # Wu Chinese
    "uzs": "uz",  # Southern Uzbek
    "hbo": "he",  # Ancient Hebrew
    "grc": "el",  # Ancient Greek
    "pcm": "en",  # Nigerian Pidgin, English-based
    "zxx": "en",  # no linguistic content
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
_LETTER = re.compile(r"[^\W\d_]")


@functools.cache
def _identifier() -> LanguageIdentifier:
    """py3langid's model, loaded once per process and only when first needed.

    The model ships as an xz-compressed npz: 0.7-1.3 s to decompress in every process, more than
    the spaCy model takes to load. The first process writes it uncompressed to the cache
    (``model_cache.open_model``, ~68 MB) and later ones map it in about 30 ms.
    """
    from py3langid.langid import LanguageIdentifier

    from .model_cache import open_model

    ptc, pc, classes, nextmove, row, output = open_model()
    # what LanguageIdentifier.from_model_file does with the same six tables
    return LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)


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
    if counts.total() < MIN_SCRIPT_LETTERS or counts.total() * 2 < letters:
        return None
    # Japanese mixes kana with Han characters; any sizeable share of kana makes it Japanese.
    if counts["ja"] * 10 >= counts.total():
        return "ja"
    lang = counts.most_common(1)[0][0]
    if lang == "ru" and any(ch in _UKRAINIAN for ch in sample):
        return "uk"
    return lang


def classify(text: str) -> tuple[str, float]:
    """py3langid's best language for the start of ``text`` and its normalised probability.

    No length rule is applied: this is the raw evidence ``detect_language`` weighs.

    >>> classify("Les négociations ont repris mardi à Genève, selon des sources diplomatiques.")[0]
    'fr'
    """
    label, probability = _identifier().classify(text[:SAMPLE_CHARS])
    return _LABELS.get(label, label), probability


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; "en" when unsure or too short to tell.

    >>> detect_language("A car bomb exploded near a police station in Mogadishu.")
    'en'
    >>> detect_language("Le ministre a parlé.")  # too short to refuse
    'en'
    >>> detect_language(
    ...     "Les négociations entre le gouvernement et les syndicats ont repris mardi à Genève, "
    ...     "selon des sources diplomatiques. Les deux délégations se sont quittées sans accord, "
    ...     "mais elles ont promis de se revoir la semaine prochaine pour discuter des salaires."
    ... )
    'fr'
    """
    sample = text[:SAMPLE_CHARS]
    script = _script_language(sample)
    if script is not None:
        return script
    if len(sample.strip()) < MIN_CHARS or len(sample.split()) < MIN_WORDS:
        return "en"
    language, probability = classify(sample)
    if language != "en" and probability >= MIN_PROBABILITY:
        return language
    return "en"
