"""Date expressions in a sentence, resolved to dates or intervals against the publication date.

News reports date events relative to the day they were written ("on Wednesday", "towards the end
of last week", "since the beginning of the month"), so an event's date is only as good as this
resolution. The rules are regular expressions (compiled once, at import) plus small calendar
functions; no parser is needed, so it is fast enough to run on every sentence.

Conventions (CAMEO/PETRARCH-style, chosen so that a report's past tense resolves to the past):

* A weekday ("on Wednesday"), a month-day without a year ("on May 5") or a bare month ("in March")
  means the most recent one on or before publication, unless a future cue ("will", "is to", "is due to",
  "scheduled", "plans to", ...) earlier in the same clause (back to the previous comma), or the
  word "next", points forward. "X will join, the minister said on Tuesday" is the past Tuesday.
  What was still to come when someone spoke ("said they would march on Wednesday", "was due to
  arrive on May 25") is whichever occurrence lies nearer to publication, before or after it.
* "last Tuesday" is the most recent Tuesday strictly before publication; "next Tuesday" strictly after.
* "last week" is the previous ISO week (Monday..Sunday); "this week" the current one; "earlier this
  week" Monday..the day before publication.
* Parts of a period: early/beginning/start = days 1-3 of a week, days 1-10 of a month, Jan-Apr of a
  year; mid/middle = days 2-4, 11-20, May-Aug; late/end = Thursday..Sunday, day 21..end, Sep-Dec.
  So "the end of last week" published Friday 2016-05-13 is 2016-05-05..2016-05-08. A part keeps the
  precision of its period ("the end of last week" is precision "week").
* "since X" runs from the start of X to publication ("since the beginning of the month" is the 1st
  of the publication month .. publication, precision "month").
* "the past N days" / "over the last few days" are rolling windows ending on publication; "few" and
  "several" count as 7 days, 4 weeks, 4 months or 4 years. Precision follows the window's length.
  "recently" is the window of "in recent weeks" (precision month); "until recently" is no time.
* With no publication date, only expressions that carry their own year resolve. Impossible dates
  (February 30) are skipped, never raised.

Numeric dates such as 05/06/2016 are not read: day-first and month-first orders cannot be told apart.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from collections.abc import Callable
from typing import NamedTuple

from .errors import InputError
from .records import Precision, TimeExpr

log = logging.getLogger(__name__)

Resolved = tuple[dt.date, dt.date, Precision]

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
SMALL_NUMBERS = {  # number words of counts ("two days ago", "a day after")
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30,
}  # fmt: skip
_VAGUE = {"day": 7, "week": 4, "month": 4, "year": 4}  # how many units "few"/"several" spans
_PARTS = {"early": 0, "mid": 1, "late": 2}
_WEEK_PARTS = ((0, 2), (1, 3), (3, 6))  # weekday ranges, Monday = 0
_MONTH_PARTS = ((1, 10), (11, 20), (21, 31))  # day ranges, clamped to the month's length
_YEAR_PARTS = ((1, 4), (5, 8), (9, 12))  # month ranges

# --- pattern pieces --------------------------------------------------------------------------
_MON = (  # full names, or abbreviations with an optional dot (never a sentence's full stop)
    r"(?P<mon>(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)"
)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = r"(?:st|nd|rd|th)?"
_PART = r"(?:(?P<part>early|late|mid-?|the\s+(?:beginning|start|middle|end)\s+of)\s*)"
_NUM = (
    r"(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
    r"|twenty|thirty)"
)
_FEW = r"(?P<few>a\s+few|few|several|a\s+couple\s+of|couple\s+of)"
_PREP = re.compile(r"(?i)^(?:on|in|at|during|over|of|throughout|for|within|since)\s+")
_SINCE = re.compile(r"(?i)\bsince\s+$")
_FUTURE = re.compile(
    r"(?i)\b(?:will|won't|shall|(?:is|are)\s+(?:set\s+|scheduled\s+|expected\s+|going\s+|due\s+)?to"
    r"|scheduled|plans?\s+to|planning\s+to|intends?\s+to|upcoming|(?:has|have)\s+(?:yet\s+)?to\s+be|must)\b|'ll\b"
)
# Future seen from a past report: "said they would march on Wednesday" (the coming Wednesday, if
# publication is Tuesday), "would depart in early February, but did not leave until March" (the
# past February, if it is March).
_FUTURE_IN_PAST = re.compile(r"(?i)\b(?:would|(?:was|were)\s+(?:set\s+|scheduled\s+|expected\s+|going\s+|due\s+)?to)\b|'d\b")
# A gathering or a vote called or set for a day: "called another rally for March 15", "announced a
# strike on Monday" (not "went on strike on Monday": done then).
_SET_FOR = re.compile(r"(?i)\b(?:call|called|calls|announced|announces|planned|plans|set|scheduled)\b[^.;]*\b"
                      r"(?:rally|rallies|protest|protests|strike|strikes|march|marches|demonstration|demonstrations"
                      r"|vote|election|elections|referendum|summit|hearing)\s+(?:for|on)\s*$")
_CLAUSE_END = re.compile(r"[.;:!?,]")  # "X will join, the president said on Tuesday": past
_CLAUSE_BREAK = re.compile(r"(?i)[,;:()]|\b(?:and|but|while|whereas|although|though)\b")


class _Ctx(NamedTuple):
    text: str
    published: dt.date | None
    story: str = ""  # the whole text ``text`` was taken from, at ``at`` ("" when none was given)
    at: int = 0


# --- calendar helpers ------------------------------------------------------------------------
def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + k
    return idx // 12, idx % 12 + 1


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _week(d: dt.date, part: int | None = None) -> Resolved:
    monday = d - dt.timedelta(days=d.weekday())
    lo, hi = _WEEK_PARTS[part] if part is not None else (0, 6)
    return monday + dt.timedelta(days=lo), monday + dt.timedelta(days=hi), "week"


def _month(year: int, month: int, part: int | None = None) -> Resolved:
    last = _month_end(year, month)
    if part is None:
        return dt.date(year, month, 1), last, "month"
    lo, hi = _MONTH_PARTS[part]
    return dt.date(year, month, lo), dt.date(year, month, min(hi, last.day)), "month"


def _year(year: int, part: int | None = None) -> Resolved:
    lo, hi = _YEAR_PARTS[part] if part is not None else (1, 12)
    return dt.date(year, lo, 1), _month_end(year, hi), "year"


def _part(word: str | None) -> int | None:
    if not word:
        return None
    w = word.lower()
    if w.startswith(("early", "the beginning", "the start")):
        return _PARTS["early"]
    if w.startswith(("mid", "the middle")):
        return _PARTS["mid"]
    return _PARTS["late"]


def month_number(name: str) -> int | None:
    """The month a capitalised name or abbreviation names ("Feb", "February", "Sept"), else None."""
    return _month_no(name)


def _month_no(name: str) -> int | None:
    """Month number; None for lower-case names, which are usually the verbs "may" and "march"."""
    return _MONTHS.get(name[:3].lower()) if name[:1].isupper() else None


def _clause_before(text: str, start: int) -> str:
    head = text[:start]
    ends = [m for m in _CLAUSE_END.finditer(head) if not _abbreviation(head, m.start())]
    return head[ends[-1].end() :] if ends else head


# Abbreviations whose period ends no clause: "U.S. steel", "Gen. Smith", "Dec. 13".
_ABBREVIATED = re.compile(r"(?:\b[A-Z]|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Maj|Capt|Sgt|No|Vol|Jr|Sr))$")


def _abbreviation(text: str, at: int) -> bool:
    """The character at ``at`` is the period of an abbreviation ("U.S.", "Gen.")."""
    return text[at] == "." and bool(_ABBREVIATED.search(text[max(0, at - 5) : at]))


# A subordinate clause told in the past: "will lose fees after Ukraine halted the flow on 1 January"
# (the future is the main clause's; the date is the halt's).
_PAST_SUBCLAUSE = re.compile(r"(?i)\b(?:after|since|because|when|once)\b(?=[^,;]*\b[a-z]+ed\b)")


def _future(text: str, start: int) -> bool:
    """True when the clause before ``start`` speaks of the future ("will meet on Monday"), or, for
    a time opening its sentence, the clause after it ("On Thursday, Scholz is due to host Tusk";
    not "On Tuesday, officials said talks will resume": said then)."""
    clause = _clause_before(text, start)
    past = list(_PAST_SUBCLAUSE.finditer(clause))
    if past:
        clause = clause[past[-1].end() :]
    if _FUTURE.search(clause):
        return True
    if clause.strip().lower() not in _FRONTING:
        return False
    rest = text[start : start + 200]
    comma = rest.find(",")
    end = next((m.start() for m in _SENTENCE_END.finditer(rest) if not _abbreviation(rest, m.start())), len(rest))
    if comma < 0 or comma > end:
        return False
    after = rest[comma + 1 : end]
    cue = _FUTURE.search(after)
    return cue is not None and not _REPORTED.search(after[: cue.start()])


# Words that may open a sentence before its time ("On Thursday, ...", "By Friday, ...").
_FRONTING = frozenset({"", "on", "by"})
_SENTENCE_END = re.compile(r"[.;!?]")
# A verb of reporting, or any past, before the future: the time is the report's ("On Tuesday,
# officials said ...", "On Thursday, Blinken assured Payne that the US will not leave").
_REPORTED = re.compile(r"(?i)\b(?:said|says|told|tells|wrote|writes|made|gave|took|[a-z]+ed)\b")


def _seen_from_the_past(text: str, start: int) -> bool:
    """True when the clause before ``start``, not in the future (``_future``: callers ask it
    first), speaks of what was then still to come ("said they would march on Wednesday", "was due
    to arrive in June", "called another rally for March 15"): the day may lie on either side of
    publication, so the nearer one is meant (``_nearer``)."""
    clause = _clause_before(text, start)
    return bool(_FUTURE_IN_PAST.search(clause) or _SET_FOR.search(clause))


# A day that names an event or a document ("before the March 20 summit", "its Jan. 22 report"):
# no tense says on which side of publication it lies, so the nearer one is meant (``_nearer``).
_DAY_OF = re.compile(r"(?i)\b(?:the|a|an|its|their|his|her)\s*$")
_NOUN_AFTER = re.compile(r"\s+[a-z]+\b")


def _naming_a_day(text: str, start: int, end: int) -> bool:
    return bool(_DAY_OF.search(text[max(0, start - 8) : start])) and bool(_NOUN_AFTER.match(text, end))


def _nearer(published: dt.date, back: dt.date, ahead: dt.date) -> dt.date:
    """Of a past and a coming occurrence, the one nearer to publication (the past one on a tie)."""
    return ahead if (ahead - published) < (published - back) else back


def _recent(published: dt.date, month: int, day: int, future: bool) -> dt.date | None:
    """The month-day nearest to publication in the reported direction (leap days look back 8 years)."""
    step = 1 if future else -1
    for k in range(9):
        try:
            d = dt.date(published.year + step * k, month, day)
        except ValueError:
            continue
        if (d >= published) if future else (d <= published):
            return d
    return None


def _shift(published: dt.date, unit: str, n: int) -> dt.date:
    """``published`` moved by ``n`` units (negative: back), clamping the day for months and years."""
    if unit == "day":
        return published + dt.timedelta(days=n)
    if unit == "week":
        return published + dt.timedelta(weeks=n)
    months = n if unit == "month" else 12 * n
    y, m = _add_months(published.year, published.month, months)
    return dt.date(y, m, min(published.day, calendar.monthrange(y, m)[1]))


def _precision_for(days: int) -> Precision:
    return "day" if days <= 1 else "week" if days <= 10 else "month" if days <= 62 else "year"


# --- resolvers: one per rule; each returns None when the expression cannot be resolved ----------
def _iso(m: re.Match[str], c: _Ctx) -> Resolved | None:
    d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    return d, d, "day"


def _month_day(m: re.Match[str], c: _Ctx) -> Resolved | None:
    month = _month_no(m["mon"])
    if month is None:
        return None
    day, day2 = int(m["d"]), int(m["d2"] or m["d"])
    if m["y"]:
        first, last = dt.date(int(m["y"]), month, day), dt.date(int(m["y"]), month, day2)
    elif c.published is None:
        return None
    else:
        future = _future(c.text, m.start())
        found = _recent(c.published, month, day, future)
        if not future and (_seen_from_the_past(c.text, m.start()) or _naming_a_day(c.text, m.start(), m.end())):
            ahead = _recent(c.published, month, day, True)
            if found is not None and ahead is not None:
                found = _nearer(c.published, found, ahead)
        if found is None:
            return None
        first, last = found, dt.date(found.year, month, day2)
    return (first, last, "day") if last >= first else None


def _month_year(m: re.Match[str], c: _Ctx) -> Resolved | None:
    month = _month_no(m["mon"])
    return None if month is None else _month(int(m["y"]), month, _part(m["part"]))


def _month_only(m: re.Match[str], c: _Ctx) -> Resolved | None:
    month, rel = _month_no(m["mon"]), (m["rel"] or "").lower()
    if month is None or c.published is None or not (rel or m["part"]):
        return None
    p = c.published
    if rel == "this":
        year = p.year
    elif rel == "next":
        year = p.year if month > p.month else p.year + 1
    elif rel == "last":
        year = p.year if month < p.month else p.year - 1
    elif _future(c.text, m.start()):
        year = p.year if month >= p.month else p.year + 1
    else:
        year = p.year if month <= p.month else p.year - 1
        if _seen_from_the_past(c.text, m.start()) and month != p.month:
            ahead = p.year if month > p.month else p.year + 1
            year = _nearer(p, dt.date(year, month, 15), dt.date(ahead, month, 15)).year
    return _month(year, month, _part(m["part"]))


def _month_of_year(m: re.Match[str], c: _Ctx) -> Resolved | None:
    """"May last year", "in June this year": the month of the year counted from publication."""
    month = _month_no(m["mon"])
    if month is None or c.published is None:
        return None
    k = {"last": -1, "next": 1}.get(m["yrel"].lower(), 0)
    return _month(c.published.year + k, month, _part(m["part"]))


# Seasons as the northern hemisphere's news counts them: first month, months long ("the winter
# of 2022" runs into 2023).
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _season(m: re.Match[str], c: _Ctx) -> Resolved | None:
    """"last autumn", "this summer", "the spring of 2023", "winter 2022": three months, as the
    parts of a year are dated (precision "year")."""
    first_month = _SEASONS[(m["s1"] or m["s2"]).lower()]
    if m["y"]:
        year = int(m["y"])
    elif c.published is None:
        return None
    else:
        p, rel = c.published, m["rel"].lower()
        # the season's instance that began in the publication's year, else the year before
        year = p.year if dt.date(p.year, first_month, 1) <= p else p.year - 1
        start = dt.date(year, first_month, 1)
        end_y, end_m = _add_months(year, first_month, 2)
        if rel in ("last", "past") and _month_end(end_y, end_m) >= p:
            year -= 1  # the one under way is "this" season, not the last
        elif rel == "next":
            year += 1
        elif rel == "this" and start > p:
            return None
    end_y, end_m = _add_months(year, first_month, 2)
    return dt.date(year, first_month, 1), _month_end(end_y, end_m), "year"


# A year the story named before: the last one written out in full ("In 2018 ... In May of that
# year"), not one of a span ("1910-1945").
_STATED_YEAR = re.compile(r"(?<![\d,.$\u2013-])\b(?:19|20)\d{2}\b(?![-\u2013]?\d)")


def _that_year(m: re.Match[str], c: _Ctx) -> Resolved | None:
    """"in May of that year", "later that year", "the spring of that same year", "the following
    year": counted from the last year the story wrote out before the phrase; none when it wrote
    none (the phrase then dates nothing)."""
    end = c.at + m.start() if c.story else m.start()
    years = list(_STATED_YEAR.finditer(c.story or c.text, 0, end))
    if not years:
        return None
    year = int(years[-1][0]) + (1 if m["which"].lower().endswith("following") else 0)
    if m["mon"]:
        month = _month_no(m["mon"])
        return None if month is None else _month(year, month, _part(m["part"]))
    if m["season"]:
        first_month = _SEASONS[m["season"].lower()]
        end_y, end_m = _add_months(year, first_month, 2)
        return dt.date(year, first_month, 1), _month_end(end_y, end_m), "year"
    lead = (m["lead"] or "").lower()
    # ("earlier"/"later" than the act told before, somewhere in that year)
    return _year(year, None if lead in ("earlier", "later") else _part(lead))


def _year_span(m: re.Match[str], c: _Ctx) -> Resolved | None:
    """"from 1998 to 2000", "between 1998 and 2000", "1998-2000": the years the act lasted."""
    first, last = int(m["y"]), int(m["y2"])
    if not first < last <= first + 60:
        return None
    return dt.date(first, 1, 1), dt.date(last, 12, 31), "year"


def _year_only(m: re.Match[str], c: _Ctx) -> Resolved | None:
    if not (m["cue"] or m["part"] or _attributive_year(c.text, m.start(), m.end())):
        return None
    return _year(int(m["y"]), _part(m["part"]))


# A year that dates the noun after it: "the 2004 bombing", "a 2013 agreement", "Boko Haram's 2014
# abduction" (history told as background keeps its own date). It dates only that noun's act.
_BEFORE_ATTRIBUTIVE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|this|that)|['\u2019]s)\s+$", re.IGNORECASE)
_AFTER_ATTRIBUTIVE = re.compile(r"\s+[a-z]")
_UP_TO_ITS_NOUN = re.compile(r"\s+(?:[a-z-]+\s+){0,2}")
# ... unless the noun is when the clause's act took place: "seized power in a 2020 coup", "was
# wounded during the 2014 war" (the act happened in that coup, that war).
_IN_THE_YEARS = re.compile(r"\b(?:in|during)\s+(?:the|a|an)\s+$", re.IGNORECASE)


def _attributive_year(text: str, start: int, end: int) -> bool:
    return (_BEFORE_ATTRIBUTIVE.search(text, max(0, start - 8), start) is not None
            and _AFTER_ATTRIBUTIVE.match(text, end) is not None)  # fmt: skip


def _day_word(m: re.Match[str], c: _Ctx) -> Resolved | None:
    if c.published is None:
        return None
    w = " ".join(m[0].lower().split())
    shift = (
        -2 if w.endswith("before yesterday") else 2 if w.endswith("after tomorrow")
        else -1 if w in ("yesterday", "last night") else 1 if w == "tomorrow" else 0
    )  # fmt: skip
    d = c.published + dt.timedelta(days=shift)
    return d, d, "day"


def _weekday(m: re.Match[str], c: _Ctx) -> Resolved | None:
    if c.published is None:
        return None
    wd, rel, p = _WEEKDAYS[m["wd"].lower()], (m["rel"] or "").lower(), c.published
    back = (p.weekday() - wd) % 7  # days back to the most recent such weekday, 0 if today
    if rel == "this":
        d = p + dt.timedelta(days=wd - p.weekday())
    elif rel in ("next", "coming"):
        d = p + dt.timedelta(days=(wd - p.weekday()) % 7 or 7)
    elif rel in ("last", "past", "previous") or _SINCE.search(c.text, 0, m.start()):
        d = p - dt.timedelta(days=back or 7)
    elif _future(c.text, m.start()):
        d = p + dt.timedelta(days=(wd - p.weekday()) % 7)
    else:
        d = p - dt.timedelta(days=back)
        if _seen_from_the_past(c.text, m.start()):
            ahead = p + dt.timedelta(days=(wd - p.weekday()) % 7)
            # (said with no day of its own, the words are the story's news: what they said was to
            # come lies ahead: "party officials said the party would hold a rally on Saturday")
            d = ahead if _undated_report(c.text, m.start()) else _nearer(p, d, ahead)
    return d, d, "day"


# Words that date a report's own words: a weekday, a month, "yesterday", "last week", "earlier" (not
# "March" and "May", which are verbs as often: "said they would march on Saturday").
_DATING_WORDS = sorted(({*_WEEKDAYS, *(m.lower() for m in calendar.month_name if m), *_MONTHS, "sept"} - {"march", "may"})
                       | {"yesterday", "today", "tonight", "earlier", "last", "ago"})
_ANY_TIME = re.compile(r"(?i)\b(?:" + "|".join(_DATING_WORDS) + r"|\d{4})\b")


def _undated_report(text: str, start: int) -> bool:
    """Nothing in the sentence before ``start`` dates it: what it reports was said as news."""
    head = text[:start]
    ends = [m for m in _SENTENCE_END.finditer(head) if not _abbreviation(head, m.start())]
    return not _ANY_TIME.search(head[ends[-1].end() :] if ends else head)


def _period(m: re.Match[str], c: _Ctx) -> Resolved | None:
    """last/this/next week|month|year, with an optional part ("the end of last week")."""
    if c.published is None:
        return None
    rel, unit, p = m["rel"].lower().split()[-1], m["unit"].lower(), c.published
    word = (m["part"] or "").lower()
    if rel == "the" and not word:
        return None  # "the week" alone refers to something the sentence names, not to a date
    k = {"last": -1, "next": 1, "coming": 1}.get(rel, 0)
    anchor = _shift(p, unit, k)
    if word in ("earlier", "later"):
        if k != 0:
            return None
        whole = {"week": _week(p), "month": _month(p.year, p.month), "year": _year(p.year)}[unit]
        if word == "earlier":
            return whole[0], max(whole[0], p - dt.timedelta(days=1)), whole[2]
        return min(whole[1], p + dt.timedelta(days=1)), whole[1], whole[2]
    part = _part(word)
    if unit == "week":
        return _week(anchor, part)
    if unit == "month":
        return _month(anchor.year, anchor.month, part)
    return _year(anchor.year, part)


def _weekend(m: re.Match[str], c: _Ctx) -> Resolved | None:
    if c.published is None:
        return None
    rel, p = (m["rel"] or "").lower(), c.published
    saturday = p - dt.timedelta(days=(p.weekday() - 5) % 7)  # most recent Saturday, today included
    if rel == "next" or (rel in ("this", "") and _future(c.text, m.start())):
        saturday = p + dt.timedelta(days=(5 - p.weekday()) % 7 or 7)
    elif rel == "last" and p.weekday() >= 5:
        saturday -= dt.timedelta(days=7)
    return saturday, saturday + dt.timedelta(days=1), "week"


def _ago(m: re.Match[str], c: _Ctx) -> Resolved | None:
    if c.published is None:
        return None
    unit, p = m["unit"].lower(), c.published
    if m["few"]:
        coarser: dict[str, Precision] = {"day": "week", "week": "month", "month": "year", "year": "year"}
        return _shift(p, unit, -_VAGUE[unit]), _shift(p, unit, -2), coarser[unit]
    n = SMALL_NUMBERS[m["n"].lower()] if m["n"].isalpha() else int(m["n"])
    d = _shift(p, unit, -n)
    if unit == "day":
        return d, d, "day"
    if unit == "week":
        return _week(d)
    return _month(d.year, d.month) if unit == "month" else _year(d.year)


def _window(m: re.Match[str], c: _Ctx) -> Resolved | None:
    """Rolling windows that end on publication: "over the past three days", "in recent weeks"."""
    if c.published is None:
        return None
    unit, p = m["unit"].lower().rstrip("s"), c.published
    if m["few"] or m["recent"]:
        n = _VAGUE[unit]
    elif m["n"]:
        n = SMALL_NUMBERS[m["n"].lower()] if m["n"].isalpha() else int(m["n"])
    else:
        n = 1
    first = _shift(p, unit, -n)
    return first, p, _precision_for((p - first).days)


def _recently(m: re.Match[str], c: _Ctx) -> Resolved | None:
    """"recently": the few weeks before publication, as "in recent weeks" (precision month)."""
    if c.published is None:
        return None
    first = _shift(c.published, "week", -_VAGUE["week"])
    return first, c.published, _precision_for((c.published - first).days)


_Rule = tuple[tuple[str, ...], re.Pattern[str], re.Pattern[str], Callable[[re.Match[str], _Ctx], Resolved | None]]
# case-sensitive: month names are capitalised (lower-case "may", "march" are verbs, see _month_no)
_HAS_MONTH = (
    r"(?-i:\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
    r"|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC))"
)


def _rule(
    cues: tuple[str, ...], needs: str, pattern: str, resolve: Callable[[re.Match[str], _Ctx], Resolved | None]
) -> _Rule:
    """A rule runs only on text containing ``needs``: a cheap search that saves most regex work.
    Cheaper still, ``needs`` is searched only when the lower-cased text holds one of the literal
    ``cues`` (none: always searched). Every match of ``needs`` must contain a cue, in lower case; a
    cue for a case-blind part holds no "i", "k" or "s", the letters such a regex also matches in
    other scripts ("İ", "ı", the Kelvin sign, "ſ"), so that lower-casing the text cannot hide a
    match (``tests/test_when.py`` checks both)."""
    return cues, re.compile(needs, re.IGNORECASE), re.compile(pattern, re.IGNORECASE), resolve


# Month names are case-sensitive in ``_HAS_MONTH``: their lower-cased form is a cue.
_MONTH_LOWER = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


_RULES: tuple[_Rule, ...] = (
    _rule(("-",), r"\d-\d", r"\b(?P<y>[12]\d{3})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b", _iso),
    _rule(
        _MONTH_LOWER,
        _HAS_MONTH,
        rf"\b(?:{_WD},?\s+)?(?:the\s+)?(?P<d>\d{{1,2}}){_ORD}"
        rf"(?:\s*(?:-|–|to|and)\s*(?P<d2>\d{{1,2}}){_ORD})?\s+(?:of\s+)?{_MON}"
        r"(?:,?\s+(?P<y>[12]\d{3})\b)?",
        _month_day,
    ),
    _rule(
        _MONTH_LOWER,
        _HAS_MONTH,
        rf"\b(?:{_WD},?\s+)?{_MON}\s+(?:the\s+)?(?P<d>\d{{1,2}}){_ORD}\b"
        rf"(?:\s*(?:-|–|to|and)\s*(?P<d2>\d{{1,2}}){_ORD}\b)?(?:,?\s+(?P<y>[12]\d{{3}})\b)?",
        _month_day,
    ),
    _rule(_MONTH_LOWER, _HAS_MONTH, rf"\b{_PART}?{_MON},?\s+(?:of\s+)?(?P<y>[12]\d{{3}})\b", _month_year),
    _rule(_MONTH_LOWER, _HAS_MONTH, rf"\b{_PART}?{_MON},?\s+(?P<yrel>last|this|next)\s+year\b", _month_of_year),
    _rule(
        ("year",),
        r"\b(?:that|same|following)\s+year\b",
        r"\b(?:(?:in|during|by|until|through|throughout)\s+)?"
        r"(?:(?P<lead>earlier|later|early|late|the\s+(?:beginning|start|middle|end)\s+of)\s+)?"
        rf"(?:(?:the\s+)?(?:{_PART}?{_MON}|(?P<season>spring|summer|autumn|fall|winter))\s+of\s+)?"
        r"(?P<which>that\s+same|that|the\s+same|the\s+following)\s+year\b(?!['\u2019]s)",
        _that_year,
    ),
    _rule(
        _MONTH_LOWER,
        _HAS_MONTH,
        rf"\b(?:(?P<rel>last|next|this|in|during|since|until|by|throughout|through)\s+)?{_PART}?{_MON}"
        r"(?!\.?[\s,]*\d)",  # not the month of a day ("by Jan. 26": no "Jan" before its dot)
        _month_only,
    ),
    _rule(
        ("19", "20"),
        r"\b(?:19|20)\d\d\s*(?:[-\u2013]|to|and|until|through)\s*(?:19|20)\d\d\b",
        r"\b(?:(?:from|between)\s+)?(?P<y>(?:19|20)\d{2})\s*(?:[-\u2013]|\s(?:to|and|until|through)\s)\s*"
        r"(?P<y2>(?:19|20)\d{2})\b",
        _year_span,
    ),
    _rule(
        ("19", "20"),
        r"\b(?:19|20)\d\d\b",
        rf"\b(?:(?P<cue>in|during|since|until|by|throughout|through|before|after)\s+)?{_PART}?"
        r"(?P<y>(?:19|20)\d{2})\b(?![-–/]\d)",
        _year_only,
    ),
    _rule(
        ("pr", "ummer", "autumn", "fall", "nter"),
        r"\b(?:spring|summer|autumn|fall|winter)\b",
        r"\b(?:(?P<rel>last|this|next|past)\s+(?P<s1>spring|summer|autumn|fall|winter)\b"
        r"|(?:the\s+)?(?P<s2>spring|summer|autumn|fall|winter),?\s+(?:of\s+)?(?P<y>(?:19|20)\d{2})\b)",
        _season,
    ),
    _rule(
        ("day", "tomorrow", "ght", "morn", "afternoon", "even"),
        r"\b(?:yesterday|today|tomorrow|tonight|night|morning|afternoon|evening)\b",
        r"\b(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|yesterday|today|tomorrow|tonight"
        r"|last\s+night|this\s+(?:morning|afternoon|evening)|(?:earlier|later)\s+today)\b",
        _day_word,
    ),
    _rule(
        ("day",),
        r"(?:mon|tues|wednes|thurs|fri|satur|sun)day",
        rf"\b(?:(?P<rel>last|next|this|past|previous|coming)\s+)?(?P<wd>{_WD})"
        r"(?:\s+(?:morning|afternoon|evening|night))?\b"
        r"(?!\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Agreement|Accords?|Prayers?)\b)",
        _weekday,
    ),
    _rule(
        ("wee", "month", "year"),
        r"\b(?:week|month|year)\b",
        r"\b(?:(?P<part>early|late|earlier|later|mid-?|the\s+(?:beginning|start|middle|end)\s+of)\s*)?"
        r"(?P<rel>last|this|next|the\s+(?:current|coming)|(?P<bare>the))\s+"
        # "the year after the war" is counted from another time; "last year after Tokyo began ..."
        # is last year, with a clause of its own after it
        r"(?P<unit>week|month|year)\b(?(bare)(?!\s+(?:of|before|after|when)\b)|(?!\s+of\b))",
        _period,
    ),
    _rule((), r"weekend", r"\b(?:(?P<rel>last|this|next|the)\s+)weekend\b", _weekend),
    _rule(("ago",), r"\bago\b", rf"\b(?:{_FEW}|{_NUM})\s+(?P<unit>day|week|month|year)s?\s+ago\b", _ago),
    _rule(
        (),
        r"\b(?:last|past|recent)\b",
        rf"\b(?:the\s+(?:last|past)\s+(?:{_FEW}\s+|{_NUM}\s+)?|(?P<recent>recent)\s+)"
        r"(?P<unit>days?|weeks?|months?|years?)\b(?!\s+(?:of|before|after|when)\b)",
        _window,
    ),
    _rule(("recent",), r"\brecently\b", r"(?<!until\s)\b(?:very\s+|more\s+|most\s+|only\s+)?recently\b", _recently),
)


def _check(text: object, published: object, offset: object) -> dt.date | None:
    if not isinstance(text, str):
        raise InputError("find_times(text)", f"expected a str, got {type(text).__name__}")
    if published is not None and not isinstance(published, dt.date):
        raise InputError("find_times(published)", f"expected a date or None, got {published!r}")
    if not isinstance(offset, int) or offset < 0:
        raise InputError("find_times(offset)", f"expected an int >= 0, got {offset!r}")
    if isinstance(published, dt.datetime):
        return published.date()
    return published


# Words without which no rule below can match (lower case; month names are checked apart, in
# their capitalised forms). Plain substring tests: far cheaper than the rules' regexes.
_CUE_WORDS = ("day", "week", "month", "year", "ago", "last", "past", "recent", "night", "morning",
              "afternoon", "evening", "tomorrow", "tonight", "since", "earlier", "weekend", "spring", "summer",
              "autumn", "fall", "winter")  # fmt: skip
_MONTH_CUES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
               "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")  # fmt: skip
_DIGIT = re.compile(r"\d")


def may_hold_time(text: str) -> bool:
    """False when ``text`` cannot hold a date expression (no digit, month or time word): lets a
    caller skip ``find_times`` on most sentences. Never False for a text ``find_times`` reads.

    >>> may_hold_time("Troops crossed the river."), may_hold_time("They met on Monday.")
    (False, True)
    """
    if _DIGIT.search(text):
        return True
    low = text.lower()
    return any(w in low for w in _CUE_WORDS) or any(m in text for m in _MONTH_CUES)


def find_times(text: str, published: dt.date | None, offset: int = 0, story: str = "") -> list[TimeExpr]:
    """Date expressions in ``text`` (one sentence), resolved against ``published``, in text order.

    ``offset`` is added to character positions, so pass the sentence's start in its article;
    ``story``, the article's text, lets "that year" count from a year it named before.
    Overlapping candidates go to the longest, leftmost one ("Monday, May 9" over "Monday").

    >>> [(t.text, str(t.date)) for t in find_times("It began on May 5.", dt.date(2016, 5, 13))]
    [('May 5', '2016-05-05')]
    """
    pub = _check(text, published, offset)
    ctx = _Ctx(text, pub, story, offset)
    found: list[tuple[int, int, Resolved]] = []
    low = text.lower()
    present: dict[re.Pattern[str], bool] = {}  # several rules need the same word (a month name)
    for cues, needs, pattern, resolve in _RULES:
        if cues and not any(c in low for c in cues):
            continue
        has = present.get(needs)
        if has is None:
            has = present[needs] = needs.search(text) is not None
        if not has:
            continue
        for m in pattern.finditer(text):
            try:
                resolved = resolve(m, ctx)
            except (ValueError, OverflowError):  # February 30, or beyond the calendar: not a date
                log.debug("skipped impossible date %r", m[0])
                continue
            if resolved is not None:
                prep = _PREP.match(m[0])
                found.append((m.start() + (prep.end() if prep else 0), m.end(), resolved))
    found.sort(key=lambda f: (f[0], -f[1]))
    out: list[TimeExpr] = []
    last_end = -1
    for start, end, (first, last, precision) in found:
        if start < last_end:
            continue
        last_end = end
        since = _SINCE.search(text, 0, start)
        if since and pub is not None and first <= pub:
            start, last = since.start(), pub
        out.append(TimeExpr(text[start:end], start + offset, end + offset, first, last, precision))
    return out


def best_time(
    times: list[TimeExpr], trigger_start: int, sentence: str = "", sentence_start: int = 0
) -> TimeExpr | None:
    """The expression to date an event whose trigger starts at ``trigger_start`` (same offsets).

    The nearest one wins; distance before the trigger counts double, because English puts an
    event's time after its verb ("halted strikes towards the end of last week") more often than
    before. Given the ``sentence`` (starting at ``sentence_start``), a time cut off from the trigger
    by a clause break (",", ";", "and", "but", "while", ...) only wins when no time shares the
    trigger's clause. Ties go to the later one.

    >>> s = "Rebels attacked yesterday and withdrew on Monday."
    >>> best_time(find_times(s, dt.date(2016, 5, 13)), s.index("withdrew"), s).text
    'Monday'
    """

    def dates_its_noun_only(t: TimeExpr) -> bool:  # "the 2004 bombing": not for another act
        at, end = t.start - sentence_start, t.end - sentence_start
        if not sentence or not t.text.isdigit() or not _attributive_year(sentence, at, end):
            return False
        opening = _IN_THE_YEARS.search(sentence, max(0, at - 14), at)
        if opening:
            # (in the trigger's own clause: "The president, elected in the 2021 vote, dismissed ...";
            # a phrase opening the sentence is the main clause's: "In a 2023 ruling, the court barred ...")
            lo, hi = sorted((trigger_start - sentence_start, at))
            if not sentence[: opening.start()].strip() and trigger_start >= t.end:
                comma = sentence.find(",", end, hi)
                lo = comma + 1 if comma >= 0 else end  # (from the comma that closes the opening phrase)
            return bool(_CLAUSE_BREAK.search(sentence, lo, hi))
        return not (trigger_start >= t.end and _UP_TO_ITS_NOUN.fullmatch(sentence, end, trigger_start - sentence_start))

    times = [t for t in times if not dates_its_noun_only(t)]

    def cost(t: TimeExpr) -> tuple[bool, int, int]:
        lo, hi = (trigger_start, t.start) if t.start >= trigger_start else (t.end, trigger_start)
        between = sentence[max(0, lo - sentence_start) : max(0, hi - sentence_start)]
        broken = bool(sentence) and bool(_CLAUSE_BREAK.search(between))
        if t.start >= trigger_start:
            return broken, t.start - trigger_start, 0
        return broken, 2 * max(0, trigger_start - t.end), 1

    return min(times, key=cost) if times else None
