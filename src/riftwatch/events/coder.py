"""Code one parsed sentence into Events: find triggers, run the passes, assemble the events.

The steps, in order (the passes themselves are listed in ``passes``):

1. ``passes.FIND``: which tokens are triggers, with which lexicon entry or re-coding;
   ``drop_carried_nouns``: a noun a trigger verb carries is that verb's event;
2. ``passes.PASSES`` over each trigger's ``Draft``: roles, actors and place, conventions,
   factuality;
3. ``assemble``: date, quantities, attribution, evidence and confidence into an ``Event``;
4. reported criticism and demands the parse shows only as speech;
5. ``without_commentary``: what analysts and academics say or do is opinion, not an event;
   ``without_descriptions``: an old act told only to say who a party is ("X, which in 2021 ...");
6. ``one_attack``: the words of one act of force (the attack, its blast, its toll) are one event;
   ``one_criticism``: one party's criticism of another told twice in a sentence is one event;
   ``content_nouns``: an act named as another act's content ("agreed to a ceasefire") is none;
7. ``protest_first``: a protest outranks the act it is made of.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..actors.mentions import describing
from ..records import Actor, Article, Event, Factuality, Place, Span, TimeExpr
from ..when import best_time, find_times, may_hold_time
from .attribution import attribution_for
from .conventions import protest_first, without_commentary, without_descriptions
from .dating import (
    anchored,
    anchored_months,
    anniversary_years,
    antecedent_time,
    clause_times,
    counted_from,
    days_in,
    months_in,
    when_clause_time,
)
from .documents import document_authors
from .draft import ArticleState, Draft, Entry, Recoded, SentenceContext
from .headings import heading_length
from .matching import PAST_TAGS, drop_carried_nouns, match_trigger, trigger_lemmas
from .oneact import content_nouns, one_attack, one_criticism
from .ontology import ontology
from .passes import FIND, FIND_LEMMAS, PASSES, SUMMING_ACT_NOUNS, run_passes, told_author
from .pronouns import joined_subject, last_it, plural_group, resolve_pronouns
from .quantities import find_quantities
from .roles import OBJ, Roles
from .speech import REPORT_VERBS, quoted_demands, reported_criticism, reported_demands
from .triggers import TriggerLexicon

__all__ = ["ArticleState", "code_sentence", "event_id"]



def event_id(article_id: str, start: int, event_type: str) -> str:
    """Deterministic id: the same article coded twice gives the same ids (idempotent stores)."""
    return hashlib.sha1(f"{article_id}|{start}|{event_type}".encode()).hexdigest()[:20]


def _argument_of_event(tok: Token, trigger_at: set[int]) -> bool:
    """A noun inside another trigger's phrase ("objected to Qatari mediation", "protested the
    arrest"): reported as that event's argument, so not the sentence's main event."""
    if tok.pos_ == "VERB":
        return False
    head = tok.head
    for _ in range(2):
        if head.i in trigger_at and head.i != tok.i:
            return True
        if head.head.i == head.i:
            break
        head = head.head
    return False


def _depth(tok: Token) -> int:
    """Steps from the trigger up to its sentence's root; a noun carried by a verb ("staged
    demonstrations", "launched an attack") counts from the verb. Subordinate clauses of purpose
    or manner ("to demand", "demanding") count one more: they give motives, not the news."""
    if tok.pos_ != "VERB" and tok.dep_ in OBJ and tok.head.pos_ == "VERB" and tok.head.i != tok.i:
        tok = tok.head
    depth = 1 if tok.dep_ in {"advcl", "acl", "xcomp"} and tok.tag_ in {"VBG", "VB"} else 0
    # A participle that modifies a noun ("a petition delivered to the embassy", "a UN-brokered deal")
    # describes that noun, it is not what the sentence reports.
    depth += 2 if tok.pos_ == "VERB" and tok.dep_ in {"amod", "acl"} and tok.tag_ == "VBN" else 0
    while tok.head.i != tok.i and depth < 20:
        tok = tok.head
        depth += 1
    return depth


def _confidence(trig: object, roles: Roles, place_how: str, status: str, depth: int) -> float:
    """How much to trust the event: lexicon weight, roles found and how, and how central the
    trigger is in its sentence (main-clause events are the ones a sentence reports)."""
    score = 0.3 + 0.25 * float(getattr(trig, "weight", 1.0) or 1.0)
    score += {0: 0.15, 1: 0.08, 2: 0.03}.get(depth, 0.0)
    score += 0.2 if roles.source else 0.0
    # "Peru and Chile resumed negotiations": parties of a mutual act are each other's targets
    mutual = getattr(trig, "type", "") in ontology().types_with("mutual") and len({a.country for a in roles.source if a.country}) >= 2
    score += 0.15 if roles.target or mutual else 0.0
    if roles.source_how.startswith("control") or roles.target_how in {"place-country", "referent", "phrase", "domestic"}:
        score -= 0.05
    if status != "asserted":
        score -= 0.1  # what did not happen is rarely what a sentence reports
    if place_how == "sentence":
        score -= 0.02
    return round(max(0.05, min(score, 0.98)), 3)


def _roles_how(source: Sequence[Actor], target: Sequence[Actor], how: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """How each role that has actors was found, for ``Event.roles_how``."""
    return tuple((role, how.get(role, "")) for role, actors in (("source", source), ("target", target)) if actors)


def find_triggers(ctx: SentenceContext) -> list[tuple[Token, Entry]]:
    """Every trigger of the sentence with its entry, after the ``FIND`` steps."""
    found: list[tuple[Token, Entry]] = []
    words = ctx.lemma_set
    toks, lemma_of = ctx.toks, ctx.lemmas
    for k in range(heading_length(toks), len(toks)):  # a glued-on subheading names no act
        tok, lemma = toks[k], lemma_of[k]
        # the lemma alone decides most tokens; a past form may also be read without its "d"
        if lemma not in words and lemma not in FIND_LEMMAS:
            if tok.tag_ not in PAST_TAGS and not lemma.endswith("took"):
                continue  # (only a past form has readings other than its lemma; "retook" may be read a present)
            lemmas = trigger_lemmas(tok)
            if words.isdisjoint(lemmas) and FIND_LEMMAS.isdisjoint(lemmas):
                continue
        entry: Entry | None = None
        for step in FIND:
            entry = step(tok, entry, ctx)
        if entry is not None:
            found.append((tok, entry))
    return drop_carried_nouns(found)


def assemble(d: Draft, ctx: SentenceContext) -> Event:
    """The Event of a finished draft: its date, quantities, attribution, evidence and confidence."""
    tok, entry, article = d.tok, d.entry, ctx.article
    s_start, s_text = ctx.start_char, ctx.text
    etype = d.type
    qs = tuple(ctx.quantities) if etype in ontology().types_with("counts_people") else ()
    attribution = attribution_for(tok, ctx.toks, s_text, 0, ctx.actor_at, ctx.root, ctx.lemmas)
    trig_end = tok.idx + len(tok)
    prt = next((c for c in tok.children if c.dep_ == "prt"), None)
    if prt is not None:
        trig_end = max(trig_end, prt.idx + len(prt))
    source, target = tuple(d.source), tuple(d.target)
    # the confidence weighs the role finder's source reading and the target's final one
    roles = Roles(source, target, d.roles.source_how, d.how["target"])
    dated = _dated(tok, ctx)
    return Event(
        event_id=event_id(article.id, tok.idx, etype),
        article_id=article.id,
        sentence_index=ctx.index,
        sentence=s_text,
        sentence_start=s_start,
        trigger=Span(article.text[tok.idx:trig_end], tok.idx, trig_end),
        event_type=etype,
        cameo_root=entry.cameo[:2],
        quad_class=int(entry.quad_class),
        goldstein=float(entry.goldstein),
        mode=entry.mode or "",
        factuality=d.status if isinstance(entry, Recoded) else _ahead(d.status, dated, article.published, tok),
        source=source,
        target=target,
        place=d.place,
        **dated,
        attribution=attribution,
        quantities=qs,
        confidence=_confidence(entry, roles, d.place_how, d.status, _depth(tok))
        - (0.1 if _argument_of_event(tok, ctx.trigger_at) else 0.0),
        roles_how=_roles_how(source, target, d.how),
    )  # fmt: skip


def _ahead(status: Factuality, dated: dict[str, Any], published: dt.date | None, tok: Token) -> Factuality:
    """An act told as done but dated by its own words after publication has not happened yet
    ("next week's summit", "the talks on Saturday" with a future cue): future. (Not an act
    re-coded from its context: a commitment made now to talks on Saturday is made now; nor a verb
    in the simple past, "A week later, he was detained again": it tells a done act, and a date
    counted on from an earlier one that runs past publication is the count's error, not a
    future.)"""
    if status == "asserted" and published is not None and dated.get("date_text") is not None and dated["date"] > published:
        return status if _told_as_past(tok, present_perfect=False) else "future"
    return status


def _dated(tok: Token, ctx: SentenceContext, depth: int = 0) -> dict[str, Any]:
    """The date fields of an event at ``tok``: a count of days from the act it is told against
    ("two days after Erdogan denounced Israel", ``dating.anchored``), else the time of the sentence
    that dates its clause (``dating.clause_times``, ``when.best_time``), else the publication date."""
    if depth < 2 and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and any(c.dep_ == "neg" for c in tok.head.children):
        # "would not renew a 2019 agreement": the refusal is dated, not the act it refuses
        return _dated(tok.head, ctx, depth + 1)
    anchor = anchored(tok) if depth < 2 else None
    if anchor is not None and _dated_itself(tok, ctx, anchor[2], anchor[3]):
        anchor = None  # "less than three weeks after the two presidents signed a treaty on March 13"
    if anchor is not None:
        governor, days, first, last = anchor
        # "The detentions came a day after ...": counted from the act the subject names back
        told = next((t for c in governor.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"
                     and governor.lemma_.lower() in SUCCEEDING_VERBS and (t := _told_dated(c, ctx)) is not None), None)  # fmt: skip
        base: dict[str, Any] = {"date": told.date} if told is not None else _dated(governor, ctx, depth + 1)
        if base["date"] is not None:
            day = base["date"] + dt.timedelta(days=days)
            start, end = first.idx, last.idx + len(last)
            return {"date": day, "date_end": day, "date_precision": "day",
                    "date_text": Span(ctx.article.text[start:end], start, end)}  # fmt: skip
    spanned = anchored_months(tok) if depth < 2 else None
    if spanned is not None:
        # "withdrew in 2014, two years after rebels seized the north": counted in months or years
        governor, months, first, last = spanned
        base = _dated(governor, ctx, depth + 1)
        if base["date"] is not None and base.get("date_text") is not None:
            start, end = first.idx, last.idx + len(last)
            shifted = _shift_date(base["date"], base["date_precision"], months)
            if shifted is not None:
                return {**shifted, "date_text": Span(ctx.article.text[start:end], start, end)}
    marked = anniversary_years(tok) if tok.pos_ == "NOUN" else None
    if marked is not None and ctx.article.published is not None:
        # "the 14th anniversary of the start of the protests", the anniversary falling on the day its
        # sentence names (else publication): the act was that many years before, in that month
        word, years = marked
        near = min(ctx.times, key=lambda t: abs(t.start - word.idx), default=None)
        day = near.date if near is not None and near.date <= ctx.article.published else ctx.article.published
        first_day = dt.date(day.year - years, day.month, 1)
        last_day = dt.date(day.year - years, day.month, calendar.monthrange(day.year - years, day.month)[1])
        return {"date": first_day, "date_end": last_day, "date_precision": "month",
                "date_text": Span(ctx.article.text[word.idx : word.idx + len(word)], word.idx, word.idx + len(word))}  # fmt: skip
    counted = counted_from(tok) if depth < 2 else None
    if counted is not None:
        # "two days after the abduction": the abduction the story told, dated by its own words
        noun, days, first, last = counted
        told = _told_dated(noun, ctx)
        if told is not None and told.date is not None:
            day = told.date + dt.timedelta(days=days)
            start, end = first.idx, last.idx + len(last)
            return {"date": day, "date_end": day, "date_precision": "day",
                    "date_text": Span(ctx.article.text[start:end], start, end)}  # fmt: skip
    times = clause_times(tok, ctx.times) if ctx.times else []
    if ctx.times and not times:  # no time of its own clause: a "when" clause's may date it
        at = when_clause_time(tok, ctx.times)
        if at is not None:  # "When Hassan took office in 2021, she lifted a ban"
            return {"date": at.date, "date_end": at.end_date, "date_precision": at.precision,
                    "date_text": Span(at.text, at.start, at.end)}  # fmt: skip
    year = antecedent_time(tok, times)
    if year is not None:
        return {"date": year.date, "date_end": year.end_date, "date_precision": year.precision,
                "date_text": Span(year.text, year.start, year.end)}  # fmt: skip
    if times and ctx.article.published is not None and _told_as_past(tok):
        # a time after publication dates what was threatened, asked for or alleged, not the act
        # told in the past tense ("threatened to impose tariffs next month", "called for
        # elections next year", "accused Kyiv of planning attacks next week")
        times = [t for t in times if t.date <= ctx.article.published]
    if tok.pos_ in ("VERB", "AUX") and (own := [t for t in times if _in_own_phrase(tok, t)]):
        # a time of its own phrase, not the one of the clause that reports it: "said on Thursday
        # that troops killed 179 people on February 25"
        times = own
    time = best_time(times, tok.idx, ctx.text, ctx.start_char) if times else None
    if time is None and depth < 2 and (verb := _during_verb(tok)) is not None:
        # "crossed into Poland during an overnight attack on western Ukraine", the crossing dated
        # nine days before another act: the act the phrase names is dated with the verb's
        base = _dated(verb, ctx, depth + 1)
        if base.get("date_text") is not None:
            return base
    if time is None:
        told = _told_next(tok, ctx)
        if told is not None:
            months = _months_on(tok)
            if months:  # "A year earlier, Croatia had banned the group", "the following month"
                return _shifted(told, months) or {"date": ctx.article.published, "date_precision": "unknown"}
            shift = _steps_on(tok)
            if shift and told.date is not None and told.date_precision == "day" and told.date_text is not None:
                # "Two days later, Beijing summoned the ambassador": counted from the act before
                day = told.date + dt.timedelta(days=shift)
                return {"date": day, "date_end": day, "date_precision": "day", "date_text": told.date_text}
            return {"date": told.date, "date_end": told.date_end, "date_precision": told.date_precision,
                    "date_text": told.date_text}  # fmt: skip
        if depth < 2 and _bare_participle(tok):
            # "condemned the decision hours later, accusing Washington of ...": the participle's
            # act is the verb's, on its day
            base = _dated(tok.head, ctx, depth + 1)
            if base.get("date_text") is not None:
                return base
        return {"date": ctx.article.published, "date_precision": "unknown"}
    shift = _steps_on(tok) if time.precision == "day" and not _own_time(tok, time) else 0
    if shift:
        # "said on Wednesday that its forces had captured the town a day earlier": counted from
        # the day of the clause that reports it
        day = time.date + dt.timedelta(days=shift)
        return {"date": day, "date_end": day, "date_precision": "day", "date_text": Span(time.text, time.start, time.end)}
    return {"date": time.date, "date_end": time.end_date, "date_precision": time.precision,
            "date_text": Span(time.text, time.start, time.end)}  # fmt: skip


def _dated_itself(tok: Token, ctx: SentenceContext, first: Token, last: Token) -> bool:
    """The act told as a count of days from another names its own day too ("came less than three
    weeks after the two presidents signed a treaty in Bishkek on March 13"): that day dates it."""
    if tok.pos_ not in ("VERB", "AUX") or not ctx.times:
        return False
    start, end = first.idx, last.idx + len(last)
    return any(t.precision == "day" and not (start <= t.start < end) and _in_own_phrase(tok, t)
               for t in clause_times(tok, ctx.times))  # fmt: skip


# Links by which a verb heads a clause of its own below another.
_SUB_CLAUSES = frozenset({"advcl", "xcomp", "ccomp", "conj", "relcl", "acl", "parataxis", "csubj"})


def _in_own_phrase(verb: Token, time: TimeExpr) -> bool:
    """The time is a word of the verb's own phrase, not of a clause below it ("seized Sanaa,
    prompting a coalition to intervene the following year"), of a noun in it ("urged an inquiry
    into the February 8 vote") nor of the clause above."""
    span = verb.doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    cur = span.root
    if cur.head.pos_ in ("NOUN", "PROPN") and cur.head.i != cur.i:
        return False  # "in the February 8 vote": the noun's time
    while cur.i != verb.i:
        if cur.head.i == cur.i or (cur.dep_ in _SUB_CLAUSES and cur.pos_ in ("VERB", "AUX")):
            return False
        cur = cur.head
    return True


def _during_verb(tok: Token) -> Token | None:
    """The verb whose "during" phrase names the act of noun ``tok``: the two happened together."""
    head = tok.head
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and head.lower_ == "during" and head.head.pos_ == "VERB":
        return head.head
    return None


def _bare_participle(tok: Token) -> bool:
    """A participle beside a verb with no subject or conjunction of its own ("..., accusing X of
    ..."): a second act of the verb's doer, told with it."""
    return (tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children))  # fmt: skip


def _own_time(tok: Token, time: TimeExpr) -> bool:
    """The time lies in the trigger's own phrase, not in the clause above that reports it."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    return verb.left_edge.idx <= time.start < verb.right_edge.idx + len(verb.right_edge)


# Verbs that set the act their subject names after another: "the raids came a day after ...".
SUCCEEDING_VERBS = frozenset({"come", "follow"})


# How many sentences back an act named by a noun may have been told ("two days after the abduction").
COUNTED_REACH = 3
# Nouns that name the act told before whatever it was: "The announcement came a day after ...".
SUMMING_NOUNS = SUMMING_ACT_NOUNS | frozenset({"announcement"})


def _told_dated(noun: Token, ctx: SentenceContext) -> Event | None:
    """The latest act of the type ``noun`` names, told up to ``COUNTED_REACH`` sentences before and
    dated to a day by its own words; for a definite noun told of far into the story ("The seizure
    came a week after ..."), the act the story led with."""
    entry = match_trigger(noun, ctx.triggers)
    # (a noun that sums up whatever was told: "The announcement came a day after ...": the act told
    # last, of any type)
    summing = noun.lemma_.lower() in SUMMING_NOUNS
    stem = noun.lemma_.lower()[:5]
    near = None
    if entry is not None or summing:
        dated = [e for e in reversed(ctx.state.events) if e.sentence_index >= ctx.index - COUNTED_REACH
                 and (e.event_type == entry.type if entry is not None else e.sentence_index < ctx.index)
                 and e.date_text is not None and e.date_precision == "day"]  # fmt: skip
        # the act told with the same word first ("the strike" after "launched a missile strike on
        # Monday"), else the latest of its type
        near = next((e for e in dated if stem in e.sentence.lower()), None) or next(iter(dated), None)
    if near is not None or not _definite(noun):
        return near
    # far into the story: the first act it dated to a day, told with the noun's word ("seized" for
    # "the seizure"), else of the noun's type (any, for a summing noun)
    lead = [e for e in ctx.state.events if e.sentence_index < ctx.index and e.date_text is not None and e.date_precision == "day"]
    by_word = next((e for e in lead if e.trigger.text.lower().startswith(stem[:4])), None)
    if by_word is not None or (entry is None and not summing):
        return by_word
    return next((e for e in lead if entry is None or e.event_type == entry.type), None)


def _definite(noun: Token) -> bool:
    """The noun takes up something told before: "the", "this", "that" or a possessive before it."""
    return any((c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"}) or c.dep_ == "poss"
               for c in noun.children)


# Adverbs that tell an act as the next step of the story told before it: "The government then broke
# off talks", "Cuba later refused".
NEXT_STEP = frozenset({"then", "later", "subsequently", "afterwards", "afterward", "thereafter"})


# Words with "day" or "week" that count one step from the act told before: "the next day".
_STEP_WORDS = {"next": 1, "following": 1, "previous": -1}


def _steps_on(tok: Token) -> int:
    """Days from the act told before that ``tok``'s own words count: "two days later" (+2), "a week
    earlier" (-7), "the next day" (+1), "the previous day" (-1); 0 when they count none."""
    return _stepped(tok, days_in, {"day": 1, "week": 7})


def _months_on(tok: Token) -> int:
    """Months from the act told before that ``tok``'s own words count: "a year earlier" (-12),
    "two months later" (+2), "the following month" (+1), "the next year" (+12); 0 when none."""
    return _stepped(tok, months_in, {"month": 1, "year": 12})


def _stepped(tok: Token, count_in: Callable[[Token], int | None], steps: dict[str, int]) -> int:
    """The signed count ``tok``'s words step on by, in the units of ``count_in`` and ``steps``."""
    for c in tok.children:
        if c.dep_ == "advmod" and c.lower_ in {"later", "earlier"}:
            count = next((g for g in c.children if g.dep_ == "npadvmod"), None)
            n = count_in(count) if count is not None else None
            if n:
                return n if c.lower_ == "later" else -n
        if c.dep_ == "npadvmod" and c.lemma_.lower() in steps:
            step = next((_STEP_WORDS[g.lower_] for g in c.children if g.dep_ == "amod" and g.lower_ in _STEP_WORDS), 0)
            if step:
                return step * steps[c.lemma_.lower()]
    return 0


def _at_that_time(tok: Token) -> bool:
    """``tok``'s clause opens with "at the time" or "at that time": the time of the act told before."""
    return any(c.dep_ == "prep" and c.lower_ == "at" and c.i < tok.i and any(
        o.dep_ == "pobj" and o.lemma_.lower() == "time" and [d.lower_ for d in o.children] in (["the"], ["that"])
        for o in c.children) for c in tok.children)  # fmt: skip


def _shifted(told: Event, months: int) -> dict[str, Any] | None:
    """The date ``months`` on from the act told before (its own date words kept as the evidence)."""
    if told.date is None or told.date_text is None:
        return None
    shifted = _shift_date(told.date, told.date_precision, months)
    return None if shifted is None else {**shifted, "date_text": told.date_text}


def _shift_date(date: dt.date, precision: str, months: int) -> dict[str, Any] | None:
    """The date fields ``months`` on from ``date``, at the precision both allow: a month, or a year
    when ``date`` is known by its year only (and the count is of whole years)."""
    if precision == "year":
        if months % 12:
            return None
        day = date.replace(year=date.year + months // 12)
        return {"date": day, "date_end": day.replace(month=12, day=31), "date_precision": "year"}
    if precision not in {"day", "month"}:
        return None
    index = date.year * 12 + date.month - 1 + months
    first = dt.date(index // 12, index % 12 + 1, 1)
    last = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1) - dt.timedelta(days=1)
    return {"date": first, "date_end": last, "date_precision": "month"}


def _told_next(tok: Token, ctx: SentenceContext) -> Event | None:
    """The last event dated by its own words, in this sentence or the one before, where ``tok``
    tells, in the past tense and with no time of its own, the step that followed it ("In 2019,
    rebels bombed a police academy. The government then broke off talks": 2019; "two days later",
    "the next day": counted from it, ``_steps_on``)."""
    if not _told_as_past(tok) or not (any(c.dep_ == "advmod" and c.lower_ in NEXT_STEP for c in tok.children)
                                      or _steps_on(tok) or _months_on(tok) or _at_that_time(tok)):  # fmt: skip
        return None
    published = ctx.article.published
    # days are counted from an act dated to its day or month, never from one the story dates by
    # its year only, which is background ("Gam had spent months in detention last year. The
    # following day, officers detained ...": the day after the arrest told before that, not a day
    # in that year); such an act may lie one sentence further back
    by_day = _steps_on(tok) != 0
    for e in reversed(ctx.state.events):
        if e.sentence_index < ctx.index - (2 if by_day else 1):
            return None
        if by_day and e.date_precision not in ("day", "month"):
            continue
        if e.date_text is not None and e.trigger.start < tok.idx and e.date is not None and (published is None or e.date <= published):
            return e
    return None


def _told_as_past(tok: Token, present_perfect: bool = True) -> bool:
    """A verb in the past tense or the present perfect ("threatened", "was signed", "has called");
    without ``present_perfect`` only the simple past and the past perfect ("had been released").
    (``venue.past_tense`` answers another question: whether a told act, noun or verb, is past — it
    leaves the present perfect out, which here counts: "has called for elections next year".)"""
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    if tok.tag_ == "VBD":
        return True
    perfect = {"has", "have"} if present_perfect else set()
    return tok.tag_ == "VBN" and any(c.dep_ in {"aux", "auxpass"} and (c.tag_ == "VBD" or c.lower_ in perfect)
                                     for c in tok.children)  # fmt: skip


def _obliged_acts(clauses: Sequence[Token]) -> set[int]:
    """Where the acts a demand asks for start: the obliged verb and the verb it governs ("must stop
    shelling", "needs to withdraw"): the demand's content, no events of their own."""
    return {t.idx for v in clauses for t in (v, *(c for c in v.children if c.dep_ == "xcomp"))}


def _forget(ctx: SentenceContext, starts: set[int]) -> None:
    """Take the sentence's events with a trigger at one of ``starts`` back out."""
    if not starts or not any(e.trigger.start in starts for e in ctx.events):
        return
    ctx.events[:] = [e for e in ctx.events if e.trigger.start not in starts]
    kept = [(e, lem) for e, lem in zip(ctx.state.events, ctx.state.trigger_lemmas, strict=True)
            if not (e.sentence_index == ctx.index and e.trigger.start in starts)]  # fmt: skip
    ctx.state.events[:] = [e for e, _ in kept]
    ctx.state.trigger_lemmas[:] = [lem for _, lem in kept]


# The modals that can oblige a quoted clause's subject (``speech.quoted_demands`` reads no other).
_OBLIGING = frozenset({"must", "should", "ought"})


def _reported_speech(ctx: SentenceContext) -> list[Event]:
    """Criticism and demands the parse shows only as reported speech, where no trigger stands."""
    article = ctx.article
    s_start, s_text = ctx.start_char, ctx.text
    speech_acts: list[tuple[Token, str, str, str, list[Actor], list[Actor]]] = []
    if not REPORT_VERBS.isdisjoint(ctx.lemmas):  # a verb that reports speech
        criticism = reported_criticism(ctx.toks, ctx.actor_at, lambda subject, speakers: told_author(subject, speakers, ctx))
        speech_acts += [(v, "ACCUSE", "112", "allege", s, t) for v, s, t in criticism]
        reported = reported_demands(ctx.toks, ctx.actor_at)
        _forget(ctx, _obliged_acts([c for _, c, *_ in reported]))
        speech_acts += [(v, "REQUEST", code, "", s, t) for v, _, code, s, t in reported]
    if not _OBLIGING.isdisjoint(ctx.lemmas):  # (a quoted "must" needs no verb of saying in its sentence)
        demands = quoted_demands(ctx.toks, ctx.actor_at)
        _forget(ctx, _obliged_acts([v for v, *_ in demands]))
        speech_acts += [(v, "REQUEST", code, "", s, t) for v, code, s, t in demands]
    if not speech_acts:
        return []
    if speech_acts and not ctx.times and may_hold_time(s_text):
        ctx.times = find_times(s_text, article.published, offset=ctx.start_char, story=article.text)
    out: list[Event] = []
    for verb, etype, cameo, mode, speakers, addressees in speech_acts:
        if any(e.trigger.start == verb.idx for e in ctx.events):
            continue
        coding = ontology().coding(etype, cameo)
        roles = Roles(tuple(speakers), tuple(addressees), "speaker", "reported")
        event = Event(
            event_id=event_id(article.id, verb.idx, etype), article_id=article.id, sentence_index=ctx.index,
            sentence=s_text, sentence_start=s_start,
            trigger=Span(article.text[verb.idx : verb.idx + len(verb)], verb.idx, verb.idx + len(verb)),
            event_type=etype, cameo_root=coding.cameo_root, quad_class=coding.quad_class,
            goldstein=coding.goldstein, mode=mode, source=roles.source, target=roles.target,
            **_dated(verb, ctx),
            confidence=_confidence(None, roles, "", "asserted", _depth(verb)) - 0.05,
            roles_how=_roles_how(roles.source, roles.target, {"source": "speaker", "target": "reported"}),
        )  # fmt: skip
        ctx.events.append(event)
        ctx.state.events.append(event)
        ctx.state.trigger_lemmas.append(verb.lemma_.lower())
        out.append(event)
    return out


def sentence_context(
    article: Article,
    sent: SpacySpan,
    sent_index: int,
    actor_at: dict[int, Actor],
    places: Sequence[Place],
    triggers: TriggerLexicon,
    state: ArticleState,
    latent_at: dict[int, Actor] | None = None,
) -> SentenceContext:
    """What the passes read about one sentence; pronouns are resolved here, first."""
    toks = list(sent)  # Token objects are built once per sentence, not once per pass
    s_start, s_end = sent.start_char, sent.end_char  # Span properties index the Doc on each access
    groups = resolve_pronouns(toks, actor_at, state.last_group, state.last_it, state.last_joined)
    actor_spans = {(a.start, a.end) for a in (actor_at.get(t.i) for t in toks) if a is not None}
    s_text = sent.text  # (built from the sentence's words once: the Doc's whole text is costlier)
    usable = [
        p for p in places
        if s_start <= p.start and p.end <= s_end
        and not any(a < p.end and p.start < b for a, b in actor_spans)
        and not describing(s_text, p.end - s_start, p.start - s_start)
    ]  # fmt: skip
    ctx = SentenceContext(article, sent, sent_index, toks, actor_at, latent_at or {}, usable, triggers,
                          triggers.lemmas(), state, s_start, s_text,
                          [t.lemma_.lower() for t in toks])  # fmt: skip
    ctx.pronoun_groups = groups
    return ctx


def code_sentence(ctx: SentenceContext) -> list[Event]:
    """Code every trigger in one sentence (its context from ``sentence_context``). Dates and
    quantities are read only when it has one."""
    article, state, actor_at = ctx.article, ctx.state, ctx.actor_at
    found = find_triggers(ctx)
    ctx.trigger_at = {t.i for t, _ in found}
    s_text = ctx.text
    if found and may_hold_time(s_text):
        ctx.times = find_times(s_text, article.published, offset=ctx.start_char, story=article.text)
    if any(entry.type in ontology().types_with("counts_people") for _, entry in found):
        ctx.quantities = find_quantities(s_text, offset=ctx.start_char)
    for tok, entry in found:
        draft = run_passes(Draft(tok, entry), ctx, PASSES)
        if draft.dropped:
            continue
        event = assemble(draft, ctx)
        ctx.events.append(event)
        state.events.append(event)
        state.trigger_lemmas.append(tok.lemma_.lower())
    _reported_speech(ctx)
    group = plural_group(ctx.toks, actor_at)
    if group:
        state.last_group, state.last_joined = group, ()
    elif joined := joined_subject(ctx.toks, actor_at):
        state.last_joined = joined
    state.last_it = last_it(ctx.toks, actor_at) or state.last_it
    state.authors.update(document_authors(ctx.toks, ctx.lemmas, actor_at))
    events = without_descriptions(without_commentary(ctx.events, ctx.toks, ctx.actor_at, ctx.lemmas), ctx.toks,
                                  ctx.actor_at, article.published)
    events = one_criticism(content_nouns(one_attack(events, ctx.toks), ctx.toks))
    return protest_first(events, ctx.toks)
