"""Date expressions resolved against publication dates (riftwatch.when)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import shared_path
from riftwatch.errors import InputError
from riftwatch.when import best_time, find_times

D = dt.date
WED = D(2021, 6, 16)  # a Wednesday; its ISO week runs Mon 2021-06-14 .. Sun 2021-06-20


Expected = tuple[str, str, str]  # text, "first" or "first..last" (ISO dates), precision


def one(text: str, published: dt.date | None = WED, offset: int = 0, story: str = "") -> Expected:
    """The only expression in ``text`` (at ``offset`` of ``story``, when given), in the compact form
    the tables use."""
    times = find_times(text, published, offset, story)
    assert len(times) == 1, times
    t = times[0]
    span = t.date.isoformat() if t.date == t.end_date else f"{t.date}..{t.end_date}"
    return t.text, span, t.precision


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # absolute dates
        ("The convoy reached the border crossing on June 3.", ("June 3", "2021-06-03", "day")),
        ("A truce was signed on 14 February 2020.", ("14 February 2020", "2020-02-14", "day")),
        ("Fighting resumed on March 2, 2019, officials said.", ("March 2, 2019", "2019-03-02", "day")),
        ("The memo is dated 2020-11-30 in the archive.", ("2020-11-30", "2020-11-30", "day")),
        ("Envoys met on Monday, June 7 in Geneva.", ("Monday, June 7", "2021-06-07", "day")),
        # a deadline's abbreviated month keeps its day
        ("The troops were to leave by Jan. 26 under the deal.", ("Jan. 26", "2021-01-26", "day")),
        ("Raids continued from May 3-5 in the valley.", ("May 3-5", "2021-05-03..2021-05-05", "day")),
        ("The siege began in mid-May.", ("mid-May", "2021-05-11..2021-05-20", "month")),
        ("It collapsed at the end of May 2020.", ("the end of May 2020", "2020-05-21..2020-05-31", "month")),
        ("Ties were cut in early 2019.", ("early 2019", "2019-01-01..2019-04-30", "year")),
        ("The rebels took the town in 2015.", ("2015", "2015-01-01..2015-12-31", "year")),
        # years a war lasted: history told as background keeps its own dates
        ("The two countries fought a border war from 1998 to 2000.", ("from 1998 to 2000", "1998-01-01..2000-12-31", "year")),
        ("The militia ruled the region between 2014 and 2017.", ("between 2014 and 2017", "2014-01-01..2017-12-31", "year")),
        ("The 1998-2000 war killed tens of thousands.", ("1998-2000", "1998-01-01..2000-12-31", "year")),
        ("Elections were held in October 2020.", ("October 2020", "2020-10-01..2020-10-31", "month")),
        # months without a year: the most recent one, unless the future is meant
        ("Aid deliveries stopped in March.", ("March", "2021-03-01..2021-03-31", "month")),
        ("The militia was formed in September.", ("September", "2020-09-01..2020-09-30", "month")),
        ("The summit will take place in September.", ("September", "2021-09-01..2021-09-30", "month")),
        ("The envoy is due to visit Accra in February.", ("February", "2022-02-01..2022-02-28", "month")),
        # what still has to be done, or must be, is to come too
        ("The deal still has to be ratified by parliament in September.", ("September", "2021-09-01..2021-09-30", "month")),
        ("The parties must agree on a new charter in September.", ("September", "2021-09-01..2021-09-30", "month")),
        ("Troops withdrew last March.", ("last March", "2021-03-01..2021-03-31", "month")),
        # a future in the main clause is not the time of a past subordinate clause
        ("Slovakia will lose fees after Ukraine halted the flow on 1 January.", ("1 January", "2021-01-01", "day")),
        ("Talks will resume after the holiday on 3 January.", ("3 January", "2022-01-03", "day")),
        # a month of a year counted from publication, and seasons (three months, dated as a year's part)
        ("In May last year, the council dissolved the parties.", ("May last year", "2020-05-01..2020-05-31", "month")),
        ("Exports resumed in February this year.", ("February this year", "2021-02-01..2021-02-28", "month")),
        ("The border crossings closed last autumn.", ("last autumn", "2020-09-01..2020-11-30", "year")),
        ("The border crossings closed last spring.", ("last spring", "2021-03-01..2021-05-31", "year")),  # just over
        ("The border crossings closed this spring.", ("this spring", "2021-03-01..2021-05-31", "year")),
        ("Envoys met in the spring of 2019.", ("the spring of 2019", "2019-03-01..2019-05-31", "year")),
        ("The pipeline froze in winter 2018.", ("winter 2018", "2018-12-01..2019-02-28", "year")),
        ("Talks will resume on July 2.", ("July 2", "2021-07-02", "day")),
        # days
        ("Shelling hit the port yesterday.", ("yesterday", "2021-06-15", "day")),
        ("The minister said today that talks failed.", ("today", "2021-06-16", "day")),
        ("The convoy leaves tomorrow.", ("tomorrow", "2021-06-17", "day")),
        ("They fled the day before yesterday.", ("the day before yesterday", "2021-06-14", "day")),
        ("A drone struck the base last night.", ("last night", "2021-06-15", "day")),
        ("Shelling hit the town on Monday.", ("Monday", "2021-06-14", "day")),
        ("Protests spread on Wednesday.", ("Wednesday", "2021-06-16", "day")),
        ("Protests spread on Thursday.", ("Thursday", "2021-06-10", "day")),
        ("Talks broke down last Tuesday.", ("last Tuesday", "2021-06-15", "day")),
        ("Crowds gathered last Wednesday.", ("last Wednesday", "2021-06-09", "day")),
        ("The envoy will arrive on Friday.", ("Friday", "2021-06-18", "day")),
        # an abbreviation's period ends no clause: the future cue before it still counts
        ("Canada will raise duties on U.S. steel on Friday.", ("Friday", "2021-06-18", "day")),
        ("The U.N. envoy will meet Gen. Ahmed on Friday.", ("Friday", "2021-06-18", "day")),
        ("The foreign minister is due to land in Lima on Monday.", ("Monday", "2021-06-21", "day")),
        # a future cue before a comma does not reach the reporting clause
        ("Kyiv will join the bloc, the minister said on Tuesday.", ("Tuesday", "2021-06-15", "day")),
        # a time opening its sentence takes the future of the clause after it; not after a past verb
        ("On Friday, the envoy is due to land in Lima.", ("Friday", "2021-06-18", "day")),
        ("On Friday, the envoy said Peru will join the bloc.", ("Friday", "2021-06-11", "day")),
        ("Shelling has not stopped since Wednesday.", ("since Wednesday", "2021-06-09..2021-06-16", "day")),
        ("Ministers meet again next Monday.", ("next Monday", "2021-06-21", "day")),
        ("Two villages were shelled two days ago.", ("two days ago", "2021-06-14", "day")),
        ("The strikes paused since May 20.", ("since May 20", "2021-05-20..2021-06-16", "day")),
        # weeks
        ("Talks stalled last week.", ("last week", "2021-06-07..2021-06-13", "week")),
        ("Talks stalled this week.", ("this week", "2021-06-14..2021-06-20", "week")),
        ("Talks stalled earlier this week.", ("earlier this week", "2021-06-14..2021-06-15", "week")),
        ("Talks resume next week.", ("next week", "2021-06-21..2021-06-27", "week")),
        (
            "Raids eased towards the end of last week.",
            ("the end of last week", "2021-06-10..2021-06-13", "week"),
        ),
        ("Raids eased late last week.", ("late last week", "2021-06-10..2021-06-13", "week")),
        ("Raids eased early last week.", ("early last week", "2021-06-07..2021-06-09", "week")),
        ("A bomb went off three weeks ago.", ("three weeks ago", "2021-05-24..2021-05-30", "week")),
        ("Unrest grew over the last few days.", ("the last few days", "2021-06-09..2021-06-16", "week")),
        ("Unrest grew over the past three days.", ("the past three days", "2021-06-13..2021-06-16", "week")),
        ("Clashes erupted a few days ago.", ("a few days ago", "2021-06-09..2021-06-14", "week")),
        ("Clashes erupted last weekend.", ("last weekend", "2021-06-12..2021-06-13", "week")),
        # months and years
        ("Prices doubled last month.", ("last month", "2021-05-01..2021-05-31", "month")),
        ("Prices doubled earlier this month.", ("earlier this month", "2021-06-01..2021-06-15", "month")),
        (
            "Raids have hit the city since the beginning of the month.",
            ("since the beginning of the month", "2021-06-01..2021-06-16", "month"),
        ),
        ("The base was built a month ago.", ("a month ago", "2021-05-01..2021-05-31", "month")),
        ("Defections rose in recent weeks.", ("recent weeks", "2021-05-19..2021-06-16", "month")),
        # "recently": the same few weeks before publication, at the precision of a month
        ("The envoy recently visited Kabul.", ("recently", "2021-05-19..2021-06-16", "month")),
        ("The envoy very recently visited Kabul.", ("very recently", "2021-05-19..2021-06-16", "month")),
        ("The border closed last year.", ("last year", "2020-01-01..2020-12-31", "year")),
        # a clause after it is no count from another time ("the year after the war" is)
        ("The border closed last year after the talks failed.", ("last year", "2020-01-01..2020-12-31", "year")),
        ("The border closed this year.", ("this year", "2021-01-01..2021-12-31", "year")),
        ("The border reopens next year.", ("next year", "2022-01-01..2022-12-31", "year")),
        ("The border closed earlier this year.", ("earlier this year", "2021-01-01..2021-06-15", "year")),
        ("The war has raged since 2011.", ("since 2011", "2011-01-01..2021-06-16", "year")),
    ],
)
def test_expression_types(sentence: str, expected: Expected) -> None:
    assert one(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # year boundaries
        ("Talks stalled last week.", D(2017, 1, 2), ("last week", "2016-12-26..2017-01-01", "week")),
        ("Talks stalled last week.", D(2019, 1, 2), ("last week", "2018-12-24..2018-12-30", "week")),
        ("Rebels regrouped in December.", D(2022, 1, 10), ("December", "2021-12-01..2021-12-31", "month")),
        ("Prices doubled last month.", D(2022, 1, 10), ("last month", "2021-12-01..2021-12-31", "month")),
        ("Raids started on December 30.", D(2021, 1, 3), ("December 30", "2020-12-30", "day")),
        ("Elections come next month.", D(2021, 12, 5), ("next month", "2022-01-01..2022-01-31", "month")),
        ("Shells fell on Sunday.", D(2021, 1, 1), ("Sunday", "2020-12-27", "day")),
        # leap years
        ("Shelling hit the port yesterday.", D(2020, 3, 1), ("yesterday", "2020-02-29", "day")),
        ("The deal was signed on Feb 29.", D(2021, 6, 16), ("Feb 29", "2020-02-29", "day")),
        ("The deal was signed on Feb 29.", D(2017, 1, 10), ("Feb 29", "2016-02-29", "day")),
        ("It ended in February 2020.", D(2021, 6, 16), ("February 2020", "2020-02-01..2020-02-29", "month")),
        ("The raid was on 2020-02-29.", None, ("2020-02-29", "2020-02-29", "day")),
        # a gathering set for a day, said in the past: the nearer one (written here)
        ("Unions have called a general strike for June 30.", D(2021, 6, 16), ("June 30", "2021-06-30", "day")),
        ("Unions held a general strike on June 3.", D(2021, 6, 16), ("June 3", "2021-06-03", "day")),
        ("Dockers went on strike on June 30.", D(2021, 6, 16), ("June 30", "2020-06-30", "day")),
        # a datetime is accepted as a publication date
        ("It hit the port yesterday.", dt.datetime(2021, 6, 16, 23, 5), ("yesterday", "2021-06-15", "day")),
    ],
)
def test_edges(sentence: str, published: dt.date, expected: Expected) -> None:
    assert one(sentence, published) == expected


@pytest.mark.parametrize(
    ("sentence", "published"),
    [
        ("The accord was signed on February 30, 2021.", WED),  # impossible day
        ("The memo is dated 2021-02-29.", WED),  # not a leap year
        ("Troops massed on 31 April.", WED),
        ("Rebels may attack the base.", WED),  # the verb "may", not the month
        ("They march towards the city.", WED),
        ("Moscow sent 3,000 troops and 2015 rifles.", WED),  # numbers, not years
        ("The week was long.", WED),
        ("The year after the war, the border reopened.", WED),  # counted from the war's time
        ("The Sunday Times reported it.", WED),  # a newspaper, not a day
        ("Shelling hit the port yesterday, last week and on Monday.", None),  # relative needs a date
        ("Aid stopped in March and on June 3.", None),
        ("Recently, the army withdrew.", None),  # relative needs a date
        ("Until recently, the general led the army.", WED),  # when a state of affairs ended: no act's time
    ],
)
def test_nothing_found(sentence: str, published: dt.date | None) -> None:
    assert find_times(sentence, published) == []


def test_no_publication_date_keeps_absolute_dates() -> None:
    times = find_times("On June 3, 2020 and again yesterday and in 2018, raids resumed.", None)
    assert [(t.text, t.date, t.precision) for t in times] == [
        ("June 3, 2020", D(2020, 6, 3), "day"),
        ("2018", D(2018, 1, 1), "year"),
    ]


def test_several_expressions_in_order_with_offsets() -> None:
    text = "Clashes on Sunday followed an attack last month."
    times = find_times(text, WED, offset=100)
    assert [(t.text, t.start, t.end) for t in times] == [("Sunday", 111, 117), ("last month", 137, 147)]
    assert all(text[t.start - 100 : t.end - 100] == t.text for t in times)


@pytest.mark.parametrize(
    ("text", "published", "offset", "where"),
    [
        (b"bytes", WED, 0, "find_times(text)"),
        (None, WED, 0, "find_times(text)"),
        ("Monday", "2021-06-16", 0, "find_times(published)"),
        ("Monday", WED, -1, "find_times(offset)"),
    ],
)
def test_bad_input(text: object, published: object, offset: object, where: str) -> None:
    with pytest.raises(InputError) as err:
        find_times(text, published, offset)  # type: ignore[arg-type]
    assert err.value.where == where


WORDS = st.sampled_from(
    ["on", "in", "since", "last", "next", "this", "the", "end", "of", "early", "mid-", "late", "week", "month", "year", "May", "March", "Monday", "Friday", "yesterday", "today", "5", "30", "29", "2016", "2020", ",", ".", "-", "days", "ago", "few", "over", "past", "recent", "0000-13-45", "2016-02-30"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=12), st.dates() | st.none())
def test_never_raises_and_spans_line_up(words: list[str], published: dt.date | None) -> None:
    text = " ".join(words)
    for t in find_times(text, published, offset=7):
        assert text[t.start - 7 : t.end - 7] == t.text
        assert t.date <= t.end_date


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # a time after the verb wins over one the same distance before it
        ("They said on Monday raids stopped at the end of last week.", "stopped", "the end of last week"),
        # the only time, even before the verb
        ("Since arriving on June 3, the envoy has held talks.", "held", "June 3"),
        # the nearest after the trigger
        ("Rebels attacked yesterday and withdrew on Monday.", "withdrew", "Monday"),
        ("Rebels attacked yesterday and withdrew on Monday.", "attacked", "yesterday"),
        # a year on a noun dates that noun's act ("the 2009 shelling"), and no other
        ("A court in Lima opened hearings over the 2009 shelling of the border post.", "shelling", "2009"),
        ("The ministers signed a 2017 protocol's annex on Monday.", "signed", "Monday"),
        # ... unless the act took place in it, in its own clause: "seized power in a 2019 coup"
        ("The council, which seized power in a 2019 coup, expelled the envoy on Monday.", "seized", "2019"),
        ("The council, which seized power in a 2019 coup, expelled the envoy on Monday.", "expelled", "Monday"),
    ],
)
def test_best_time(sentence: str, trigger: str, expected: str) -> None:
    best = best_time(find_times(sentence, WED, offset=50), sentence.index(trigger) + 50, sentence, 50)
    assert best is not None and best.text == expected


def test_best_time_without_sentence_prefers_after() -> None:
    times = find_times("Yesterday they said strikes stopped on Monday.", WED)
    assert [t.text for t in times] == ["Yesterday", "Monday"]
    best = best_time(times, 22)  # "strikes": Monday is 14 after, Yesterday 13 before (counts 26)
    assert best is not None and best.text == "Monday"


def test_a_year_on_a_noun_dates_no_other_act() -> None:
    sentence = "Kenya closed the camp after a 2013 agreement."
    assert [t.text for t in find_times(sentence, WED)] == ["2013"]
    assert best_time(find_times(sentence, WED), sentence.index("closed"), sentence) is None


def test_a_year_on_a_noun_in_another_clause_dates_no_act() -> None:
    sentence = "The mayor, elected in the 2019 vote, dismissed the council."
    assert best_time(find_times(sentence, WED), sentence.index("dismissed"), sentence) is None


def test_best_time_none() -> None:
    assert best_time([], 10) is None


def test_founding_article_dates() -> None:
    """The seed report's dated events resolve as the expected-results sheet says (published 2016-05-13)."""
    text = shared_path("seed", "aleppo-falling-out.txt").read_text(encoding="utf-8")
    times = {t.text: t for t in find_times(text, D(2016, 5, 13))}
    assert (times["May 5"].date, times["May 5"].precision) == (D(2016, 5, 5), "day")
    week_end = times["the end of last week"]
    assert D(2016, 5, 5) <= week_end.date <= week_end.end_date <= D(2016, 5, 8)
    assert week_end.precision == "week"
    month = times["since the beginning of the month"]
    assert (month.date, month.end_date, month.precision) == (D(2016, 5, 1), D(2016, 5, 13), "month")


@pytest.mark.parametrize(
    "text",
    [
        "It began on May 5.", "The talks ended last week.", "Fighting resumed yesterday.", "Two days ago rebels struck.",
        "Since the beginning of the month, raids have increased.", "The ceasefire held over the weekend.",
        "On 2016-05-05 they met.", "Earlier this year, envoys met.", "In March the army withdrew.",
    ],
)
def test_the_cheap_gate_never_hides_a_date(text: str) -> None:
    from riftwatch.when import may_hold_time

    assert find_times(text, dt.date(2016, 5, 13)), text
    assert may_hold_time(text)


def test_the_cheap_gate_skips_sentences_without_cues() -> None:
    from riftwatch.when import may_hold_time

    assert not may_hold_time("Troops crossed the river and seized the bridge.")


# Each rule's literal cues let find_times skip its regexes; they must never hide a match.
CASE_TWINS = "\u0130\u0131\u212a\u017f"  # "İ", "ı", Kelvin sign, "ſ": a case-blind regex reads them as i, i, k, s


def _hidden_matches(text: str) -> list[str]:
    """Matches of a rule's ``needs`` in ``text`` that its cues would skip."""
    from riftwatch.when import _RULES

    low = text.lower()
    return [m[0] for cues, needs, _, _ in _RULES if cues and not any(c in low for c in cues)
            for m in needs.finditer(text)]  # fmt: skip


def test_rule_cues_avoid_letters_with_twins_in_other_scripts() -> None:
    from riftwatch.when import _MONTH_LOWER, _RULES

    for cues, _, _, _ in _RULES:
        if cues is not _MONTH_LOWER:  # month names are matched case-sensitively
            assert not any(ch in cue for cue in cues for ch in "iks"), cues


TWIN_WORDS = st.sampled_from(["Monday", "SUNDAY", "tonight", "Night", "evening", "this MORNING", "weeks", "Years",
                              "two days ago", "AGO", "1999", "2020-05-01", "Sept", "JAN", "May", "weekend",
                              "\u0130", "\u0131", "\u212a", "\u017f", "wee\u212a", "\u017funday", "n\u0131ght", "ton\u0131ght", "la\u017ft"])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(TWIN_WORDS, max_size=8))
def test_rule_cues_never_hide_a_match(words: list[str]) -> None:
    assert _hidden_matches(" ".join(words)) == []


def test_rule_cues_never_hide_a_match_in_the_pool() -> None:
    import json

    pool = shared_path("corpus", "voa", "pool.jsonl")
    texts = [json.loads(line)["text"] for line in pool.read_text("utf-8").splitlines() if line.strip()]
    assert texts
    for text in texts:
        for line in text.splitlines():
            assert _hidden_matches(line) == [], line


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # what was still to come when someone spoke: the occurrence nearer to publication, where
        # the words are dated; words said with no day of their own are the story's news, and what
        # they said was to come lies ahead
        ("Organisers said they would march on Thursday.", WED, ("Thursday", "2021-06-17", "day")),
        ("Organisers said they would march on Monday.", WED, ("Monday", "2021-06-21", "day")),
        ("Officials said the ministers would meet again in July.", WED, ("July", "2021-07-01..2021-07-31", "month")),
        ("The convoy would leave in early May, officials said.", WED, ("early May", "2021-05-01..2021-05-10", "month")),
        ("The envoy was due to arrive on June 18.", WED, ("June 18", "2021-06-18", "day")),
        ("He said the last troops would be out by September 11.", WED, ("September 11", "2021-09-11", "day")),
        # a day naming an event or a document has no tense of its own: the nearer occurrence
        ("Envoys hoped for a deal before the June 21 summit in Rome.", WED, ("June 21", "2021-06-21", "day")),
        ("The ministry stood by its June 2 report.", WED, ("June 2", "2021-06-02", "day")),
        # the past, told as it happened, stays in the past
        ("Organisers marched on Thursday.", WED, ("Thursday", "2021-06-10", "day")),
        ("The envoy arrived on June 21.", WED, ("June 21", "2020-06-21", "day")),
        ("The ministers met in July.", WED, ("July", "2020-07-01..2020-07-31", "month")),
    ],
)
def test_a_future_seen_from_the_past_is_the_nearer_day(sentence: str, published: dt.date, expected: Expected) -> None:
    assert one(sentence, published) == expected


def test_a_future_told_by_dated_words_is_the_nearer_day() -> None:
    times = find_times("Organisers said on Tuesday they would march on Monday.", WED)
    assert [(t.text, t.date.isoformat()) for t in times] == [("Tuesday", "2021-06-15"), ("Monday", "2021-06-14")]


# Sentences of one made-up story: a year written out, then phrases that count from it.
_STORY = ("The port was blockaded in 2016, during the 1998-2004 dispute's long aftermath. "
          "In April of that year, the navy seized two ferries. "
          "Fishermen protested later that same year. "
          "Talks broke down in the autumn of that year. "
          "The council lifted the blockade the following year. "
          "Ahead of that year's vote, the parties met.")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In April of that year, the navy seized two ferries.", ("April of that year", "2016-04-01..2016-04-30", "month")),
        ("Fishermen protested later that same year.", ("later that same year", "2016-01-01..2016-12-31", "year")),
        ("Talks broke down in the autumn of that year.", ("the autumn of that year", "2016-09-01..2016-11-30", "year")),
        ("The council lifted the blockade the following year.", ("the following year", "2017-01-01..2017-12-31", "year")),
    ],
)
def test_that_year_counts_from_the_year_the_story_named_before(sentence: str, expected: Expected) -> None:
    at = _STORY.index(sentence)
    assert one(sentence, WED, at, _STORY) == expected
    t = find_times(sentence, WED, at, _STORY)[0]
    assert t.start == at + sentence.index(t.text)  # offsets into the story


def test_that_year_with_no_year_before_dates_nothing_of_its_own() -> None:
    # no year written out before: the phrase counts from nothing (a bare month keeps its own reading)
    assert find_times("Fishermen protested later that year.", WED, 0, "Fishermen protested later that year.") == []
    assert [t.text for t in find_times("In April of that year, they met.", WED)] == ["April"]
    # "that year's vote" dates the vote, not the act: no time of the sentence's own
    at = _STORY.index("Ahead of")
    assert find_times("Ahead of that year's vote, the parties met.", WED, at, _STORY) == []


def test_a_year_in_a_phrase_opening_the_sentence_dates_its_main_clause() -> None:
    # "In a 2019 ruling, the court barred ...": the opening phrase says when the main clause's act
    # happened; a year inside a clause set off by commas still dates its noun only
    s = "In a 2019 ruling, the tribunal barred the company from drilling."
    t = best_time(find_times(s, WED), s.index("barred"), s)
    assert t is not None and (t.text, t.date) == ("2019", D(2019, 1, 1))
    s = "The minister, named in the 2019 reshuffle, barred the company from drilling."
    assert best_time(find_times(s, WED), s.index("barred"), s) is None
