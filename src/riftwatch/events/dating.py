"""When an event happened, in the order the coder asks.

1. An act told as a count of days after or before another ("two days after Erdogan denounced
   Israel", "a day after an attack on the train") is dated from that act's date (``anchored``);
   an act counted from one a noun names ("two days after the abduction, ... demanded") from the
   day of that act as the story told it before (``counted_from``).
2. A sentence with a time expression dates its events itself (``when.best_time``, in the coder),
   with the times of its own clause or a clause it hangs in (``clause_times``): a time inside
   another subordinate clause dates that clause's act ("finalise a deal after Trump said last
   month that ...", "lifted orders against a deputy who was impeached in mid-October"), and a
   time on a noun dates that noun ("rejected the claim that Tuesday's attack ...").
3. An event whose sentence holds none it may take is dated by the story, once the article is
   coded (``date_events``): news told in the past tense happened on the story's *news day*, the
   day its lead gives ("Gunmen ambushed a convoy on Tuesday ... Four guards were killed"), when
   the lead dates the story to a day of the week before publication (a wire story filed the
   morning after, or a weekly round-up).
   Before that, an undated material act in the past tense that goes on telling the background
   the sentence before dated ("In January 2024 militias attacked a base in Jordan. The United
   States retaliated with air strikes ...") takes that sentence's date (``background``).
4. Every other event keeps the publication date, the codebook's default for news, with precision
   "unknown": an act told in the present ("Both countries reject the claims"), the present
   perfect or the future was not dated by the lead's day.

On the VOA pool's gold (past-tense events whose sentence has no time expression), the news day
dated 123 of them right where the publication date dated 106; for events told in any other
tense it was no better than the publication date, so it is not used there.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..geo.mentions import LEAD_TOKENS, lead_dateline, sentences
from ..records import Article, Event, Span, TimeExpr
from ..when import SMALL_NUMBERS, find_times, month_number
from .clauses import clause_head, in_clause_of
from .venue import past_tense

# The lead: the sentences a story's news day is read from.
LEAD_SENTENCES = 2
# How many days before publication a news day may be (a weekday named in the lead is one of the
# last seven days).
NEWS_DAY_WINDOW = 7


# A filing date in a dateline: "GOMA, Congo, Feb 25 (Reuters) -", "DAKAR, 3 March 2024 (AFP) -".
_FILED_DAY = re.compile(r"\b(?:([A-Z][a-z]{2,8})\.? (\d{1,2})|(\d{1,2}) ([A-Z][a-z]{2,8}))(?:,? (\d{4}))?\b")
FILED_WINDOW = 14  # days a dateline's date may lie before publication and still be the story's day


# A line of its own above the story that gives only its date, as some papers print it:
# "Thursday 20 February 2025 14.05 GMT", "Published: Feb. 20, 2025", "20 February 2025".
_DATE_LINE = re.compile(
    r"(?:(?:Published|Updated|Posted)(?: on)?:?\s+)?(?:[A-Z][a-z]{2,8},?\s+)?"
    r"(?:([A-Z][a-z]{2,8})\.? (\d{1,2})|(\d{1,2}) ([A-Z][a-z]{2,8}))(?:,? (\d{4}))"
    r"(?:,?\s+\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\s*")
DATE_LINES = 4  # lines above the story a date line may be among


def _date_line(text: str) -> re.Match[str] | None:
    """The date of a line that holds nothing else, among the first ``DATE_LINES`` lines."""
    for line in text.lstrip().split("\n", DATE_LINES)[:DATE_LINES]:
        m = _DATE_LINE.fullmatch(line.strip())
        if m is not None:
            return _FILED_DAY.search(line.strip(), m.start(1) if m.group(1) else m.start(3))
    return None


def filed_day(article: Article, doc: Doc) -> dt.date | None:
    """The day a dateline says the story was filed, when it is before publication (within
    ``FILED_WINDOW`` days; a year written in it when there is no publication date): the day its
    "on Friday", "last week" and undated news are counted from ("GOMA, Feb 25 (Reuters) - ... on
    Friday" in a story published on March 1 is Feb 21); or a line above the story that gives only
    its date ("Thursday 20 February 2025 14.05 GMT")."""
    lo, hi = lead_dateline(doc)
    m = _FILED_DAY.search(doc[:LEAD_TOKENS].text, lo, hi) if hi > lo else None
    if m is None:
        m = _date_line(article.text)
    if m is None:
        return None
    month = month_number(m.group(1) or m.group(4) or "")
    day = int(m.group(2) or m.group(3))
    pub = article.published
    if month is None or (pub is None and not m.group(5)):
        return None
    year = int(m.group(5)) if m.group(5) else pub.year if pub is not None else 0
    try:
        filed = dt.date(year, month, day)
        if pub is not None and not m.group(5) and filed > pub:
            filed = dt.date(year - 1, month, day)
    except ValueError:
        return None
    if pub is not None and not 0 < (pub - filed).days <= FILED_WINDOW:
        return None
    return filed


def lead_sentences(doc: Doc, numbers: Sequence[int] | None = None) -> list[SpacySpan]:
    """The sentences of ``doc`` that open its article: the first :data:`LEAD_SENTENCES`, or those
    the whole text numbers so when ``numbers`` gives each sentence's number there (fast mode blanks
    sentences out: a blanked lead is no lead, and the next kept sentence is not one either)."""
    sents = sentences(doc)
    if numbers is None:
        return list(sents[:LEAD_SENTENCES])
    return [s for s, n in zip(sents, numbers, strict=False) if 0 <= n < LEAD_SENTENCES]


def news_day(article: Article, doc: Doc, lead: Sequence[SpacySpan] | None = None) -> TimeExpr | None:
    """The first time expression of the lead that dates a report of it to one day of the week
    before publication ("Militants attacked a train Tuesday", "was killed Friday, officials
    said"). A time on a noun dates that thing only ("Tuesday's attack", "a Tuesday raid"); a lead
    whose main verb is dated otherwise ("officials told VOA on Wednesday that ... were flown out
    on Tuesday", Wednesday the publication day) reports on that day."""
    pub = article.published
    if pub is None:
        return None
    for sent in lead_sentences(doc) if lead is None else lead:
        for t in find_times(sent.text, pub, sent.start_char):
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None or not len(span) or _on_noun(span.root):
                continue
            if t.precision == "day" and t.end_date == t.date and 0 < (pub - t.date).days <= NEWS_DAY_WINDOW:
                return t
            if _dates_root(span.root):
                return None
    return None


# How a time phrase hangs on the verb it dates: "said Wednesday" (npadvmod), "on Monday" (prep,
# pobj).
_TIME_LINKS = frozenset({"npadvmod", "tmod", "prep", "pobj"})


def _on_noun(word: Token) -> bool:
    """A time that dates a noun: "Tuesday's attack", "a Tuesday raid"."""
    return word.dep_ == "poss" or (word.dep_ in ("compound", "nmod", "amod") and word.head.i > word.i)


def _dates_root(word: Token) -> bool:
    """``word`` (a time phrase's head) hangs on the sentence's main verb."""
    cur = word
    for _ in range(3):
        if cur.dep_ not in _TIME_LINKS:
            return False
        cur = cur.head
        if cur.dep_ == "ROOT":
            return True
    return False


# Words before a time an act lasts to, not one it happens at.
UNTIL = frozenset({"until", "till", "til"})


def clause_times(trigger: Token, times: Sequence[TimeExpr]) -> list[TimeExpr]:
    """The times of ``times`` that may date the act of ``trigger``: not those of a subordinate
    clause the trigger is not in, nor one owning another noun ("Tuesday's attack")."""
    doc = trigger.doc
    own = clause_head(trigger)
    # a relative clause in the present or present perfect tells of a standing state of affairs
    # ("a ruling in 2016, which Beijing has refused to recognise"): the main clause's time is not its
    ongoing = own.dep_ == "relcl" and not past_tense(own)
    apart = _conjunct_apart(trigger)
    if apart is not None and _both_simple_past(apart) and not any(
            apart.left_edge.idx <= t.start < apart.right_edge.idx + len(apart.right_edge) for t in times):  # fmt: skip
        apart = None  # "In 2024 the navy seized a tanker, and the guards detained its crew": one telling, one time
    # later conjuncts with a subject of their own tell their own times
    later = [c for c in trigger.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
             and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)] if trigger.pos_ in ("VERB", "AUX") else []  # fmt: skip
    out = []
    for t in times:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or not len(span):
            out.append(t)
            continue
        word = span.root
        if word.dep_ == "poss" and word.head.i != trigger.i:
            continue  # "Tuesday's attack": the attack's time ("a Jan. 23 briefing" is an occasion)
        if word.dep_ == "advmod" and word.head.dep_ == "amod" and word.head.head.i != trigger.i:
            continue  # "the recently elected president": when they were elected, not when they act
        if (span.start > 0 and doc[span.start - 1].lower_ in UNTIL
                and not any(c.dep_ == "neg" for c in trigger.children)):  # fmt: skip
            continue  # "suspended the talks until 2028": when it ends ("did not leave until March" left then)
        if _since_on_noun(word, trigger):
            continue  # "the rulers, in power since the July 2023 coup, ordered ...": when a state began
        if apart is not None and not (apart.left_edge.i <= word.i <= apart.right_edge.i):
            continue  # "... in September and has urged allies": the other conjunct's time
        if any(c.left_edge.i <= word.i <= c.right_edge.i for c in later):
            continue  # "has tightened controls, and the council renewed an embargo in October": the later clause's
        if _in_noun_clause(word, trigger):
            continue  # "the men, seized during the October 7 attack, were handed over": when they were seized
        if in_clause_of(word, trigger) and not (ongoing and clause_head(word).i != own.i):
            out.append(t)
    return [t for t in out if not _in_asked_act(trigger, t)]


# Nouns of people, whose description tells what was done to or by them before ("civilians seized
# in the attack", "a man who was jailed in 2019"), not when the clause's act happened.
PEOPLE_NOUNS = frozenset({"civilian", "man", "woman", "people", "person", "child", "prisoner", "hostage", "detainee",
                          "captive", "soldier", "fighter", "migrant", "refugee", "resident", "member", "worker",
                          "journalist", "activist", "student", "passenger", "victim", "suspect", "fisherman",
                          "crew", "sailor", "national", "citizen", "protester", "demonstrator", "official", "leader"})  # fmt: skip


def _people(noun: Token) -> bool:
    return noun.ent_type_ in ("PERSON", "NORP") or noun.pos_ == "PRON" or noun.lemma_.lower() in PEOPLE_NOUNS


# Participles on a speaker that tell the occasion of the words: their time is the words' time.
OCCASION_PARTICIPLES = frozenset({"speak", "address", "talk", "brief", "write"})


def _in_noun_clause(word: Token, trigger: Token) -> bool:
    """``word`` lies in a clause that modifies a noun (a participle or relative clause: "civilians
    seized during the attack") which does not hold the trigger."""
    cur = word
    for _ in range(8):
        if cur.i == trigger.i or cur.head.i == cur.i:
            return False
        if (cur.dep_ == "acl" and cur.lemma_.lower() in OCCASION_PARTICIPLES and cur.head.dep_ == "nsubj"
                and cur.head.head.i == trigger.i):  # fmt: skip
            return False  # "Erdogan, addressing lawmakers on Wednesday, said ...": when he spoke
        if cur.dep_ in ("acl", "relcl") and cur.head.pos_ in ("NOUN", "PROPN", "PRON"):
            # (of people, or, by a relative clause, of a thing acted on or named in passing: "to
            # revive the talks, which Riyadh brokered in 2023"; not of a thing that acts, whose
            # making dates what it does: "a ruling issued in 2016 rejected the claims", "a lawsuit
            # filed in February alleged", nor of a document that carries the act: "in a statement
            # issued in July, they agreed")
            return not (cur.left_edge.i <= trigger.i <= cur.right_edge.i) and (
                _people(cur.head) or (cur.dep_ == "relcl" and cur.head.dep_ not in ("nsubj", "nsubjpass")))
        cur = cur.head
    return False


def _conjunct_apart(trigger: Token) -> Token | None:
    """The trigger's verb when it is a later conjunct that tells its own time: with a subject of
    its own ("talks failed last year, and the army has refused ..."), or in the present or present
    perfect after a past ("imposed sanctions in September and has urged allies"). None otherwise
    ("shelled the town on Monday and killed five": one time for both)."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else None
    if verb is None or verb.dep_ != "conj":
        return None
    first = _first_conjunct(verb)
    if first.pos_ not in ("VERB", "AUX"):
        return None
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return verb if own_subject or (past_tense(first) and not past_tense(verb)) else None


def _first_conjunct(verb: Token) -> Token:
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first


def _simple_past(verb: Token) -> bool:
    return verb.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _both_simple_past(verb: Token) -> bool:
    """A later conjunct and the first, both told in the simple past ("seized ..., and the guards detained ...")."""
    return _simple_past(verb) and _simple_past(_first_conjunct(verb))


def _since_on_noun(word: Token, trigger: Token) -> bool:
    """The time is the object of a "since" that hangs on a noun other than the trigger: it tells
    when a state began ("military rulers, in power since the July 2023 coup", "the worst floods
    since 2010"), not when the clause's act happened."""
    cur = word
    for _ in range(6):  # "since 2002", "since the invasion in February 2022"
        if cur.i == trigger.i or cur.head.i == cur.i:
            return False
        if cur.lower_ == "since" and cur.dep_ == "prep":
            return cur.head.i != trigger.i and cur.head.pos_ in ("NOUN", "PROPN", "PRON")
        cur = cur.head
    return False


# Verbs whose "for" phrase is what they ask for ("called for a strike on March 7"), not a time or a
# reason ("met for the first time at the summit in June 2018").
ASKING_LEMMAS = frozenset({"call", "appeal", "press", "push", "ask", "lobby", "campaign", "plead", "vote"})


def _in_asked_act(trigger: Token, t: TimeExpr) -> bool:
    """The time lies in what the act agrees to, asks for or plans, not on the act: "agreed to hear
    the appeal in April", "called for a general strike on March 7" (when the hearing and the strike
    are to be, not when the agreement and the call were made)."""
    if trigger.pos_ != "VERB":
        return False
    asked = [c for c in trigger.children if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    if trigger.lemma_.lower() in ASKING_LEMMAS:
        asked += [o for p in trigger.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children if o.dep_ == "pobj"]
    return any(c.left_edge.idx <= t.start < c.right_edge.idx + len(c.right_edge) for c in asked)


def antecedent_time(trigger: Token, times: Sequence[TimeExpr]) -> TimeExpr | None:
    """The year that dates the noun a past relative clause tells more of: "the 2004 bombing of a
    base in Ivory Coast that killed nine soldiers", "the 1994 genocide, in which militias killed
    ..." happened then (the year dates its noun only, ``when.best_time``, so the clause gets none
    of its own)."""
    if trigger.dep_ != "relcl" or not past_tense(trigger) or not times:
        return None
    lo, hi = trigger.left_edge.idx, trigger.right_edge.idx + len(trigger.right_edge)
    if any(lo <= t.start < hi for t in times):
        return None  # the clause's own time: "the 1994 genocide, in which militias killed ... in April"
    doc = trigger.doc
    year_on: dict[int, TimeExpr] = {}  # noun index -> the year written before it
    for t in times:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and len(span) == 1 and t.text.isdigit() and span.root.dep_ in ("nummod", "compound", "amod", "nmod"):
            year_on[span.root.head.i] = t
    noun = trigger.head
    for _ in range(4):  # up through the noun's "of"/"in"/"on" phrases: "the 2004 bombing of a base in X that ..."
        if noun.i in year_on and year_on[noun.i].start < noun.idx:
            return year_on[noun.i]
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return None
        noun = noun.head.head
    return None


# Words opening a clause told at the time of the main clause's act ("when it seized power in 2021,
# it arrested ...") or just before it ("after the group was created in April 2023, he retracted").
AT_THE_TIME = frozenset({"when", "as", "while", "once"})


def when_clause_time(trigger: Token, times: Sequence[TimeExpr]) -> TimeExpr | None:
    """The time of a past clause of "when", "as", "while", "once" or "after" that the trigger's
    verb governs, for a trigger whose own clause gives none: "When Hassan took office in 2021,
    she lifted a ban" happened in 2021. After such a clause, the act is of its year ("retracted
    his statement after the group was created in April 2023": 2023), where that time names its year."""
    if trigger.pos_ != "VERB" or not times or not past_tense(trigger):
        return None
    doc = trigger.doc
    for clause in trigger.children:
        if clause.dep_ != "advcl" or not past_tense(clause):
            continue
        mark = next((c.lower_ for c in clause.children if c.dep_ in ("mark", "advmod") and c.i < clause.i), "")
        if mark not in AT_THE_TIME and mark != "after":
            continue
        lo, hi = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
        inside = [t for t in times if lo <= t.start < hi and doc.char_span(t.start, t.end, alignment_mode="expand") is not None]
        if not inside:
            continue
        t = inside[-1]
        if mark == "after":
            if not re.search(r"\b(?:19|20)\d\d\b", t.text):
                continue  # "rejected the plan after the minister said last month ...": today's news
            year = t.date.year
            return TimeExpr(t.text, t.start, t.end, dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
        return t
    return None


# "a day after", "two weeks before": a count of days between one act and the one it is told against.
_UNIT_DAYS = {"day": 1, "week": 7}
ANCHOR_WORDS = frozenset({"after", "before"})


def anchored(trigger: Token) -> tuple[Token, int, Token, Token] | None:
    """For an act told as a count of days after or before another ("His comments come two days
    after Erdogan denounced Israel", "rescued the passengers a day after an attack on the train"):
    (the verb it is told against, the signed days from that verb's date to this act's, the first
    and last words of the phrase that says so). None otherwise, or for a vague count ("days
    after", "hours after": the same day as the other act anyway)."""
    return _counted_against(trigger, days_in)


def anchored_months(trigger: Token) -> tuple[Token, int, Token, Token] | None:
    """As :func:`anchored`, for a count of months or years ("withdrew in 2014, two years after
    rebels seized the north": the seizure two years before the withdrawal), in signed months."""
    return _counted_against(trigger, months_in)


def _counted_against(trigger: Token, units: Callable[[Token], int | None]) -> tuple[Token, int, Token, Token] | None:
    """:func:`anchored` in the units ``units`` counts."""
    parts = _anchor_parts(trigger)
    if parts is None:
        return None
    governor, word, count = parts
    n = units(count)
    if n is None:
        return None
    return governor, (-n if word.lower_ == "after" else n), count.left_edge, word


def _anchor_parts(trigger: Token) -> tuple[Token, Token, Token] | None:
    """(the verb an act is told against, "after"/"before", the count) of "two days after Erdogan
    denounced ..." (the clause's verb) or "a day after an attack" (the noun)."""
    if trigger.dep_ == "advcl":  # "two days after Erdogan denounced": the count on the clause's verb
        word = next((c for c in trigger.children if c.dep_ == "mark" and c.lower_ in ANCHOR_WORDS), None)
        count = next((c for c in trigger.children if c.dep_ == "npadvmod" and c.i < trigger.i), None)
        governor = trigger.head
        if count is None and word is not None:
            # or the parse hangs the count on the verb it is told against, right before "after":
            # "The announcement came a day after Xi met ..." (day <- came); or on "after" itself
            count = next((c for c in governor.children if c.dep_ == "npadvmod" and c.right_edge.i + 1 == word.i),
                         None) or next((c for c in word.children if c.dep_ == "npadvmod"), None)  # fmt: skip
    elif trigger.dep_ == "pobj" and trigger.head.lower_ in ANCHOR_WORDS and trigger.head.head.dep_ == "npadvmod":
        word, count = trigger.head, trigger.head.head  # "a day after an attack": the count holds the phrase
        governor = count.head
    elif trigger.dep_ == "pcomp" and trigger.head.lower_ in ANCHOR_WORDS and trigger.head.head.pos_ in ("VERB", "AUX"):
        # "came nine days after drones crossed into Poland": the clause read as the preposition's
        word, governor = trigger.head, trigger.head.head
        count = next((c for c in word.children if c.dep_ == "npadvmod"), None)
    else:
        return None
    if word is None or count is None or governor.i == trigger.i:
        return None
    return governor, word, count


def counted_from(trigger: Token) -> tuple[Token, int, Token, Token] | None:
    """For an act told as a count of days after or before an act named by a noun ("Two days after
    the abduction, the kidnappers demanded a ransom"): (that noun, the signed days from its date to
    this act's, the first and last words of the phrase). None otherwise, or for a vague count."""
    # (the parse may hang the phrase on the count: "A week before the bombing, X met ...")
    preps = [*trigger.children, *(p for c in trigger.children if c.dep_ == "npadvmod" and c.i < trigger.i for p in c.children)]
    for prep in preps:
        if prep.dep_ != "prep" or prep.lower_ not in ANCHOR_WORDS:
            continue
        count = next((c for c in prep.children if c.dep_ == "npadvmod"), None)
        if count is None and prep.head.dep_ == "npadvmod" and prep.head.head.i == trigger.i:
            count = prep.head
        noun = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
        days = days_in(count) if count is not None else None
        if noun is None or days is None or count is None:
            continue
        return noun, (days if prep.lower_ == "after" else -days), count.left_edge, prep
    return None


def days_in(count: Token) -> int | None:
    """Days in "a day", "two days", "the day", "one week"; whole days in hours ("hours after", "48
    hours after": 0, 2); None for a vague count of days."""
    if count.lemma_.lower() == "hour":
        if not any(c.dep_ in ("nummod", "det") for c in count.children):
            return 0 if count.tag_ == "NNS" else None  # "hours after the attack": the same day
        hours = _count_in(count, {"hour": 1})
        return None if hours is None else hours // 24
    return _count_in(count, _UNIT_DAYS)


def _count_in(count: Token, units: dict[str, int]) -> int | None:
    """The count a noun of time and its number give, in the smallest of ``units``; None for another
    unit or a vague count ("days")."""
    unit = units.get(count.lemma_.lower())
    if unit is None:
        return None
    number = next((c for c in count.children if c.dep_ in ("nummod", "det")), None)
    if number is None:
        return None
    word = number.lower_
    n = 1 if word == "the" else int(word) if word.isdigit() else SMALL_NUMBERS.get(word)
    return None if n is None else n * unit


# Months in a unit of time a count of months or years names.
_UNIT_MONTHS = {"month": 1, "year": 12}


def months_in(count: Token) -> int | None:
    """Months in "a month", "two months", "the year", "three years"; None for another unit or a
    vague count."""
    return _count_in(count, _UNIT_MONTHS)


def date_events(
    article: Article, doc: Doc, events: Sequence[Event], lead: Sequence[SpacySpan] | None = None
) -> list[Event]:
    """``events`` with those dated by the publication date alone moved to the story's news day
    where they are told in the past tense (``date_text`` then points at the lead's expression)."""
    day = news_day(article, doc, lead) if events else None
    out: list[Event] = []
    for e in events:
        if e.date_text is None and e.date == article.published:
            span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
            if span is not None and len(span) and past_tense(_telling_verb(span.root)):
                told = _conjunct_of(span.root, e, out)
                if told is None and (e.quad_class in MATERIAL or span.root.pos_ == "NOUN"):
                    told = background(article, e, out)
                told = told or same_speaker(article, e, out)
                if told is not None:
                    e = replace(e, date=told.date, date_end=told.date_end, date_precision=told.date_precision,
                                date_text=told.date_text)  # fmt: skip
                elif day is not None:
                    e = replace(e, date=day.date, date_end=day.end_date, date_precision=day.precision,
                                date_text=Span(day.text, day.start, day.end))  # fmt: skip
        out.append(e)
    return out


def _conjunct_of(word: Token, e: Event, before: Sequence[Event]) -> Event | None:
    """The act of the verb an undated verb is joined to, sharing its subject, where a time of its
    own or of the story before dated it: "ECOWAS imposed sanctions on Niamey and threatened to use
    force" threatened when it imposed them."""
    first = word
    while first.dep_ == "conj" and first.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in first.children):  # fmt: skip
        first = first.head
    if first.i == word.i:
        return None
    return next((b for b in reversed(before) if b.sentence_index == e.sentence_index and b.trigger.start == first.idx
                 and b.date_text is not None), None)  # fmt: skip


def _told_before(article: Article, e: Event, before: Sequence[Event], day: bool = False) -> Event | None:
    """The last act of the sentence before ``e``'s, in the same paragraph, dated by its own words
    (to a day, with ``day``); None when there is none."""
    told = [b for b in before if b.sentence_index == e.sentence_index - 1 and b.date_text is not None
            and b.date is not None and (not day or b.date_precision == "day")]  # fmt: skip
    if not told or "\n" in article.text[told[-1].trigger.end : e.trigger.start]:
        return None  # none, or in another paragraph
    return told[-1]


def same_speaker(article: Article, e: Event, before: Sequence[Event]) -> Event | None:
    """The act the sentence before told, in the same paragraph, by the same party and dated to a
    day by its own words, that an undated act in the past tense goes on telling: "Mohseni-Ejei
    warned on Thursday that ... He accused foreign-based media of ..." was said on Thursday too."""
    last = _told_before(article, e, before, day=True) if e.source else None
    if last is None:
        return None
    who = {(a.person, a.country, a.sector) if a.person else (a.name, a.country, a.sector) for a in e.source}
    if not who & {(a.person, a.country, a.sector) if a.person else (a.name, a.country, a.sector) for a in last.source}:
        return None
    return last


# QuadClasses of material acts: what a background story goes on to tell happened then; a statement
# after it is more often today's reaction to it (``background``).
MATERIAL = frozenset({2, 4})


def _telling_verb(word: Token) -> Token:
    """The verb whose tense tells when ``word`` happened: for the means of a "by" phrase
    ("retaliated by expelling the consul"), the verb it is the means of."""
    if word.tag_ == "VBG" and word.dep_ == "pcomp" and word.head.lower_ == "by" and word.head.head.pos_ == "VERB":
        return word.head.head
    return word


def background(article: Article, e: Event, before: Sequence[Event]) -> Event | None:
    """The act the sentence before told, in the same paragraph and dated by its own words to before
    the story's days, that an undated act in the past tense goes on telling ("In January 2024
    militias attacked a base in Jordan. The United States retaliated with air strikes ..."): a
    material act or an act told as a noun ("the call for ..."); a statement told after background
    is more often the news's reaction to it (on the VOA pool, carrying the date to every act dated
    8 gold events right and 3 wrong, all 3 statements; to material and nominal acts alone, 6 right
    and none wrong). Within the story's own days, only a scene an act of force or protest set to a
    day carries ("On Tuesday, thousands protested in Cucuta. Police fired tear gas")."""
    last = _told_before(article, e, before) if article.published is not None else None
    if last is None or last.date is None or article.published is None:
        return None
    if (article.published - last.date).days <= NEWS_DAY_WINDOW:
        # the story's own days: the news day or the lead dates it, but for the scene a dated act of
        # force or protest set ("On Wednesday, thousands protested in Cucuta. Police fired tear gas")
        scene = (last.quad_class in MATERIAL or last.event_type == "PROTEST") and last.date_precision == "day"
        if not scene:
            return None
    return last


ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "fifteenth": 15, "twentieth": 20,
            "twenty-fifth": 25, "thirtieth": 30, "fiftieth": 50}  # fmt: skip
# Nouns between an anniversary and the act it marks: "the anniversary of the start of the protests".
_ONSET_NOUNS = frozenset({"start", "beginning", "outbreak", "onset", "launch"})


def anniversary_years(noun: Token) -> tuple[Token, int] | None:
    """For an act named as what an anniversary marks ("the 14th anniversary of the start of
    pro-democracy protests", "the third anniversary of Russia's invasion"): (the anniversary word,
    the years between). None otherwise."""
    cur = noun
    for _ in range(2):
        if cur.dep_ != "pobj" or cur.head.lower_ != "of":
            return None
        head = cur.head.head
        if head.lemma_.lower() == "anniversary":
            for c in head.children:
                if c.dep_ in ("amod", "nummod"):
                    word = c.lower_
                    n = ORDINALS.get(word) or (int(word[:-2]) if word[:-2].isdigit() and word[-2:] in ("st", "nd", "rd", "th") else 0)
                    if n:
                        return head, n
            return None
        if head.lemma_.lower() not in _ONSET_NOUNS:
            return None
        cur = head
    return None
