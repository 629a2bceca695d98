"""Counts in a sentence: people killed, wounded, arrested, displaced, missing, held hostage; troops.

Casualty and deployment figures are what analysts read first in a conflict report, and they come
in a handful of English shapes, which these rules read (the long patterns compiled on first use,
not at import: ``lazyre``):

* passive/adjectival: "at least 12 people were killed", "eight to ten killed", "two soldiers died",
  "dozens more were wounded", "hundreds were arrested", "12 dead";
* active: "killing 30 civilians", "the strike wounded more than 200";
* nouns: "3,000 troops", "40 casualties", "six hostages", "the death toll rose to 45";
* a count joined to a previous one: "killed three soldiers and two civilians".

How amounts are recorded (``low``, ``high``, ``approximate``):

* exact "12" -> 12, 12; a range "eight to ten", "8-10", "between 8 and 10", "two or three" -> 8, 10;
* "at least 12", "no fewer than 12" -> 12, None; "more than 200", "over 200" -> 200, None, approximate;
* "up to 50", "as many as 50", "fewer than 50" -> None, 50, approximate;
* "about", "around", "some", "nearly", "almost", "an estimated" 100 -> 100, 100, approximate;
* round words: "a dozen" 12, "half a dozen" 6, "two dozen" 24 (approximate); vague plurals give
  their smallest plausible value and no upper bound: dozens 24, scores 40, several 3, hundreds 200,
  thousands 2,000, tens of thousands 20,000, hundreds of thousands 200,000 (all approximate).

``per`` is "day", "week" or "month" for rates ("a daily average of", "a day", "per week", "each
month"); a rate stated once covers the counts joined to it by "and" ("a daily average of eight to
ten killed and dozens wounded": both per day). "No one was killed" gives no quantity.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from decimal import Decimal

from ..errors import InputError
from ..lazyre import LazyPattern
from ..records import Quantity

log = logging.getLogger(__name__)

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUE = {w: i for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_VAGUE = {
    "several": 3, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
    "tens of thousands": 20_000, "hundreds of thousands": 200_000,
}  # fmt: skip
_DOZENS = {"half a": 6, "a": 12, "one": 12, "two": 24, "three": 36, "four": 48, "several": 36}
# modifier -> (kind of bound, approximate)
_MODS = {
    "at least": ("low", False), "no fewer than": ("low", False), "no less than": ("low", False),
    "not less than": ("low", False), "a minimum of": ("low", False), "more than": ("low", True),
    "over": ("low", True), "upwards of": ("low", True), "in excess of": ("low", True),
    "up to": ("high", True), "as many as": ("high", True), "at most": ("high", True),
    "no more than": ("high", True), "fewer than": ("high", True), "less than": ("high", True),
    "about": ("both", True), "around": ("both", True), "approximately": ("both", True),
    "roughly": ("both", True), "some": ("both", True), "an estimated": ("both", True),
    "estimated": ("both", True), "nearly": ("both", True), "almost": ("both", True),
    "close to": ("both", True), "a total of": ("both", False), "another": ("both", False),
    "a further": ("both", False), "an additional": ("both", False),
}  # fmt: skip

# verb or noun -> kind
_VERB_KIND = {
    "killed": "killed", "slain": "killed", "dead": "killed", "died": "killed", "perished": "killed",
    "executed": "killed", "massacred": "killed", "lost their lives": "killed",
    "wounded": "wounded", "injured": "wounded", "hurt": "wounded",
    "arrested": "arrested", "detained": "arrested", "rounded up": "arrested", "jailed": "arrested",
    "taken into custody": "arrested", "imprisoned": "arrested",
    "displaced": "displaced", "fled": "displaced", "uprooted": "displaced", "made homeless": "displaced",
    "missing": "missing", "unaccounted for": "missing",
    "kidnapped": "hostages", "abducted": "hostages", "taken hostage": "hostages",
    "held hostage": "hostages", "taken captive": "hostages",
}  # fmt: skip
_ACTIVE_KIND = {
    "kill": "killed", "wound": "wounded", "injur": "wounded", "arrest": "arrested", "detain": "arrested",
    "displac": "displaced", "kidnap": "hostages", "abduct": "hostages", "execut": "killed",
}  # fmt: skip
_NOUN_KIND = {
    "deaths": "killed", "fatalities": "killed", "bodies": "killed", "casualties": "casualties",
    "injuries": "wounded", "hostages": "hostages", "captives": "hostages", "refugees": "displaced",
    "internally displaced": "displaced", "troops": "troops", "soldiers": "troops",
    "servicemen": "troops", "personnel": "troops", "fighters": "troops", "militiamen": "troops",
    "marines": "troops", "paratroopers": "troops", "commandos": "troops", "reservists": "troops",
    "special forces": "troops", "mercenaries": "troops", "military advisers": "troops",
    "military advisors": "troops",
}  # fmt: skip


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


_NUMWORD = _alt([*_WORD_VALUE, *_SCALE])
_WORDNUM = (
    rf"(?:(?:a|an)\s+(?=(?:{_alt(_SCALE)})\b))?(?:{_NUMWORD})\b"
    rf"(?:(?:-|\s+|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+)(?:{_NUMWORD})\b)*"
)
_DIGITS = rf"\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?:\.\d+)?(?:\s+(?:{_alt(_SCALE)})\b)?"
_DOZEN = rf"(?:{_alt(_DOZENS)})\s+dozen\b"
_NUMBER = rf"(?:{_DOZEN}|(?:{_alt(_VAGUE)})\b|{_DIGITS}|{_WORDNUM})"
_MOD = rf"(?:{_alt(_MODS)})\s+"
_NOT_A_COUNT = (  # a number followed by these measures something else
    r"(?!\d|,\d|\s*(?:%|percent|per\s+cent|km|kilomet|miles?\b|met(?:re|er)s?\b|kg|tons?\b|tonnes?\b"
    r"|years?\b|days?\b|hours?\b|minutes?\b|months?\b|weeks?\b|times\b|o'clock|a\.m\.|p\.m\.))"
)
_AMOUNT = (
    rf"(?:{_MOD})?(?:between\s+{_NUMBER}\s+and\s+{_NUMBER}|{_NUMBER}(?:\s*(?:-|–|to|or)\s*{_NUMBER})?)"
)
_AMT = rf"(?P<amt>{_AMOUNT}){_NOT_A_COUNT}"

_PERSON = (
    r"(?:people|persons?|civilians?|soldiers?|troops|fighters?|militants?|rebels?|insurgents?"
    r"|jihadists?|militiam[ae]n|policem[ae]n|police(?:\s+officers?)?|officers?|officials?|protesters?"
    r"|demonstrators?|children|child|women|woman|men|man|residents?|villagers?|members?|personnel"
    r"|servicem[ae]n|marines?|workers?|students?|pilgrims?|worshippers?|passengers?|journalists?"
    r"|others|migrants?|refugees?|guards?|prisoners?|inmates?|individuals?|combatants?|commanders?"
    r"|gunm[ae]n|attackers?|bystanders?|nationals?|citizens?|staff|employees?|volunteers?|recruits?"
    r"|sailors?|pilots?|airmen|forces|relatives|girls?|boys?|babies|infants|Shiites?|Sunnis?|Kurds?"
    r"|reporters?|families|doctors?|nurses?|medics?|teachers?|farmers?|fishermen|miners?|diplomats?"
    r"|peacekeepers?|monks?|priests?|nuns?|Taliban|guerrillas?|partisans?|settlers?|loyalists?"
    r"|(?-i:[A-Z][a-z]+(?:ans|is|ese)))\b"  # demonyms: Americans, Iraqis, Lebanese
)
_STOP = rf"(?:and|or|but|were|was|had|have|has|who|which|that|in|on|at|by|from|with|{_NUMWORD})\b"
_GAP = rf"(?:(?!{_STOP})[A-Za-z][\w'’-]*\s+){{0,3}}"  # adjectives: "Iranian", "pro-government"
_WHO = rf"(?:\s+of\s+(?:them|whom)\b|(?:\s+of(?:\s+the)?)?\s+{_GAP}{_PERSON})"
_AUX = (
    r"(?:were|was|have|has|had|been|are|is|being|be|reportedly|also|later|allegedly|all|now|reported"
    r"|confirmed|believed|feared|thought|said|to|remain|remained|remains|still|subsequently|left)"
)
_VERB = rf"(?P<verb>{_alt(_VERB_KIND)})\b"
_ACTIVE = (
    r"(?P<verb>kill(?:s|ed|ing)?|wound(?:s|ed|ing)?|injur(?:es|ed|ing|e)|arrest(?:s|ed|ing)?"
    r"|detain(?:s|ed|ing)?|displac(?:es|ed|ing|e)|kidnap(?:s|ped|ping)?|abduct(?:s|ed|ing)?"
    r"|execut(?:es|ed|ing|e)|round(?:ed|ing)\s+up)\b"
)

_FLAGS = re.IGNORECASE
# One cheap search before the rules: a digit, a number word, a vague amount or "dozen".
_ANY_AMOUNT = re.compile(rf"\d|\b(?:{_NUMWORD}|{_alt(_VAGUE)}|dozens?)\b", re.IGNORECASE)
_PASSIVE_RE = LazyPattern(rf"\b{_AMT}(?:\s+more)?{_WHO}?\s+(?:{_AUX}\s+){{0,5}}{_VERB}", _FLAGS)
_ACTIVE_RE = LazyPattern(rf"\b{_ACTIVE}\s+{_AMT}(?:\s+more)?{_WHO}?", _FLAGS)
_TOLL_RE = LazyPattern(rf"\bdeath\s+toll\s+(?:\w+\s+){{0,3}}?(?:to|at|of|is|was)\s+{_AMT}", _FLAGS)
_NOUN_RE = LazyPattern(rf"\b{_AMT}(?:\s+more)?\s+{_GAP}(?P<noun>{_alt(_NOUN_KIND)})\b", _FLAGS)
_JOINED_RE = LazyPattern(rf"\s*(?:,\s*)?(?:and|as\s+well\s+as)\s+{_AMT}{_WHO}", _FLAGS)
# cheap searches that let a sentence skip the rules that cannot match it
_HAS_PASSIVE = re.compile(rf"\b(?:{_alt(_VERB_KIND)})\b", _FLAGS)
_HAS_ACTIVE = re.compile(r"\b(?:kill|wound|injur|arrest|detain|displac|kidnap|abduct|execut|round)", _FLAGS)
_HAS_TOLL = re.compile(r"\btoll\b", _FLAGS)
_HAS_NOUN = re.compile(rf"\b(?:{_alt(_NOUN_KIND)})\b", _FLAGS)
_AMOUNT_RE = LazyPattern(
    rf"(?:(?P<mod>{_alt(_MODS)})\s+)?(?:between\s+)?(?P<a>{_NUMBER})"
    rf"(?:\s*(?:-|–|to|or|and)\s*(?P<b>{_NUMBER}))?$",
    _FLAGS,
)
# a number right after a month name or inside a numeric date ("May 5", "5/12") is a day, not a count
_MONTH_BEFORE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+$|\b\d{1,2}[-/.]$"
)
_PER_BEFORE = re.compile(
    r"(?:\b(?P<adj>daily|weekly|monthly)(?:\s+(?:average|toll|rate|tally|total|count))?(?:\s+of)?"
    r"|\b(?:each|every|per)\s+(?P<unit>day|week|month)\s*,?)\s*$",
    _FLAGS,
)
_PER_AFTER = re.compile(
    r"^\s*(?:(?:a|per|each|every)\s+(?P<unit>day|week|month)|(?P<adj>daily|weekly|monthly))\b"
    r"(?!\s+(?:after|before|earlier|later|ago)\b)",
    _FLAGS,
)
# a year after a preposition or a date's comma ("in 2015 people fled") is not a count
_YEAR_BEFORE = re.compile(r"(?i)(?:\b(?:in|since|during|until|by|of|before|after)|,)\s*$")
_NEGATED = re.compile(r"(?i)\b(?:no|not)\s+$")  # "no one was killed" is not a count of one
_JOIN = re.compile(r"^\s*,?\s*(?:and|while|with|as\s+well\s+as)?\s*$", _FLAGS)
_PER_WORD = {"daily": "day", "weekly": "week", "monthly": "month"}


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("’", "'").split())


def parse_number(text: str) -> tuple[int, bool] | None:
    """The value of one number ("3,000", "1.5 million", "twenty-five", "a dozen", "dozens") and
    whether it is vague (a lower bound with no upper one). None when it is not a whole number.

    >>> parse_number("two hundred and fifty"), parse_number("dozens")
    ((250, False), (24, True))
    """
    s = _norm(text).replace("-", " ")
    if s in _VAGUE:
        return _VAGUE[s], True
    if s.endswith(" dozen") and s[: -len(" dozen")] in _DOZENS:
        return _DOZENS[s[: -len(" dozen")]], False
    if s[:1].isdigit():
        head, _, scale = s.replace(",", "").partition(" ")
        value = Decimal(head) * _SCALE.get(scale, 1)  # exact: "1.5 million" is 1500000, not 1499999
        return (int(value), False) if value == value.to_integral_value() else None
    total = current = 0
    for word in s.split():
        if word in ("a", "an", "and"):
            current = current or (1 if word != "and" else 0)
        elif word in _WORD_VALUE:
            current += _WORD_VALUE[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALE:
            total, current = total + (current or 1) * _SCALE[word], 0
        else:
            return None
    return total + current, False


def parse_amount(text: str) -> tuple[int | None, int | None, bool] | None:
    """``(low, high, approximate)`` of an amount with its modifier; see the module docstring.

    >>> parse_amount("eight to ten"), parse_amount("more than 200"), parse_amount("dozens")
    ((8, 10, False), (200, None, True), (24, None, True))
    """
    m = _AMOUNT_RE.match(_norm(text))
    if m is None:
        return None
    a = parse_number(m["a"])
    b = parse_number(m["b"]) if m["b"] else None
    if a is None or (m["b"] and b is None):
        return None
    vague = a[1] or (b is not None and b[1])
    low: int | None = a[0]
    high: int | None = b[0] if b is not None else None if a[1] else a[0]
    if b is not None and b[0] < a[0]:
        return None  # "10 to 8" is not a range we can trust
    approximate = vague or "dozen" in m["a"]
    if m["mod"]:
        bound, approx = _MODS[_norm(m["mod"])]
        approximate = approximate or approx
        if bound == "low":
            high = None
        elif bound == "high":
            low, high = None, high if high is not None else low
    return low, high, approximate


def _kind_of_verb(verb: str) -> str:
    v = _norm(verb)
    if v in _VERB_KIND:
        return _VERB_KIND[v]
    if v.startswith("round"):
        return "arrested"
    return next(kind for stem, kind in _ACTIVE_KIND.items() if v.startswith(stem))


def _check(text: object, offset: object) -> None:
    if not isinstance(text, str):
        raise InputError("find_quantities(text)", f"expected a str, got {type(text).__name__}")
    if not isinstance(offset, int) or offset < 0:
        raise InputError("find_quantities(offset)", f"expected an int >= 0, got {offset!r}")


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Counts of people in ``text`` (one sentence), in text order; positions shifted by ``offset``.

    Each number is counted once: the first rule that reads it wins, in the order passive/adjectival,
    active, death toll, noun ("two soldiers died" is killed, not troops).

    >>> [(q.kind, q.low, q.high) for q in find_quantities("At least 12 people were killed.")]
    [('killed', 12, None)]
    """
    _check(text, offset)
    if not _ANY_AMOUNT.search(text):
        return []  # no number, no count: most sentences
    taken: list[tuple[int, int]] = []  # spans of the amounts already read
    # (start, end, kind, low, high, approximate)
    found: list[tuple[int, int, str, int | None, int | None, bool]] = []

    def add(m: re.Match[str], kind: str, start: int, end: int) -> bool:
        a0, a1 = m.span("amt")
        if any(a0 < t1 and t0 < a1 for t0, t1 in taken) or _MONTH_BEFORE.search(text, 0, a0):
            return False
        if re.fullmatch(r"(?:1[89]|20)\d\d", m["amt"]) and _YEAR_BEFORE.search(text, 0, a0):
            return False
        if _NEGATED.search(text, 0, a0):
            return False
        amount = parse_amount(m["amt"])
        if amount is None:
            log.debug("unreadable amount %r", m["amt"])
            return False
        taken.append((a0, a1))
        found.append((start, end, kind, amount[0], amount[1], amount[2]))
        return True

    if _HAS_PASSIVE.search(text):
        for m in _PASSIVE_RE.finditer(text):
            add(m, _VERB_KIND[_norm(m["verb"])], m.start("amt"), m.end())
    if _HAS_ACTIVE.search(text):
        for m in _ACTIVE_RE.finditer(text):
            add(m, _kind_of_verb(m["verb"]), m.start(), m.end())
    if _HAS_TOLL.search(text):
        for m in _TOLL_RE.finditer(text):
            add(m, "killed", m.start(), m.end())
    if _HAS_NOUN.search(text):
        for m in _NOUN_RE.finditer(text):
            add(m, _NOUN_KIND[_norm(m["noun"])], m.start("amt"), m.end())
    # "killed three soldiers and two civilians": the second count takes the first one's kind
    for start, end, kind, *_ in sorted(found):
        j = _JOINED_RE.match(text, end)
        while j is not None and add(j, kind, j.start("amt"), j.end()):
            j = _JOINED_RE.match(text, j.end())
    found.sort()
    pers = [_per(text, s, e) for s, e, *_ in found]
    for i in range(1, len(found)):  # a rate covers counts joined to it by "and"
        if _JOIN.match(text[found[i - 1][1] : found[i][0]]):
            pers[i] = pers[i] or pers[i - 1]
    for i in range(len(found) - 2, -1, -1):
        if _JOIN.match(text[found[i][1] : found[i + 1][0]]):
            pers[i] = pers[i] or pers[i + 1]
    return [
        Quantity(kind, low, high, text[s:e], s + offset, e + offset, per, approx)
        for (s, e, kind, low, high, approx), per in zip(found, pers)
    ]


def _per(text: str, start: int, end: int) -> str:
    """The rate unit stated right before or after a count ("a daily average of", "a day"), or ""."""
    for m in (_PER_BEFORE.search(text, max(0, start - 40), start), _PER_AFTER.match(text[end : end + 20])):
        if m is not None:
            return m["unit"].lower() if m["unit"] else _PER_WORD[m["adj"].lower()]
    return ""
