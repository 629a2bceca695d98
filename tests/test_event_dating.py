"""When an event happened where its own sentence gives no date (events/dating.py), on short
articles written for these tests: news told in the past tense takes the day its lead reports,
everything else keeps the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from riftwatch.records import Article, CodedArticle, Event

pytestmark = pytest.mark.slow
PUBLISHED = dt.date(2024, 5, 16)  # a Thursday
TUESDAY = dt.date(2024, 5, 14)


@pytest.fixture(scope="module")
def coder():  # type: ignore[no-untyped-def]
    from riftwatch.pipeline import Coder, Config

    return Coder(Config(learned=False))


def _code(coder, text: str, published: dt.date | None = PUBLISHED) -> CodedArticle:  # type: ignore[no-untyped-def]
    return next(coder.code([Article(id="when", text=text, published=published)]))


def _event(coded: CodedArticle, word: str) -> Event:
    found = [e for e in coded.events if e.trigger.text == word]
    assert found, f"no event at {word!r}: {[e.trigger.text for e in coded.events]}"
    return found[0]


AMBUSH = (
    "Gunmen ambushed a police convoy on Tuesday near the northern town of Gao, officials said. "
    "The attackers killed four officers and burned two trucks. "
    "The government has condemned the attack. Rebel leaders deny any role."
)


def test_past_news_takes_the_leads_day(coder) -> None:  # type: ignore[no-untyped-def]
    coded = _code(coder, AMBUSH)
    assert _event(coded, "ambushed").date == TUESDAY  # its own sentence dates it
    killed = _event(coded, "killed")
    assert killed.date == TUESDAY and killed.date_precision == "day"
    assert killed.date_text is not None and AMBUSH[killed.date_text.start : killed.date_text.end] == "Tuesday"


@pytest.mark.parametrize("word", ["condemned", "deny"])
def test_other_tenses_keep_the_publication_day(coder, word: str) -> None:  # type: ignore[no-untyped-def]
    event = _event(_code(coder, AMBUSH), word)
    assert event.date == PUBLISHED and event.date_text is None


@pytest.mark.parametrize(
    "lead",
    [
        # a time on a noun dates that thing, not the report
        "Officials condemned Tuesday's ambush of a police convoy near Gao.",
        "Officials condemned a Tuesday ambush of a police convoy near Gao.",
        # the lead's main verb is dated on the publication day: the report is of that day
        "Officials said on Thursday that gunmen had ambushed a convoy on Tuesday.",
        # no day in the week before publication
        "Gunmen ambushed a police convoy in March near Gao, officials said.",
    ],
)
def test_leads_that_give_no_news_day(coder, lead: str) -> None:  # type: ignore[no-untyped-def]
    # (a paragraph apart: in the lead's own paragraph an act told after "in March" goes on with
    # that time, test_background_goes_on_with_its_date)
    coded = _code(coder, lead + "\n\nSoldiers arrested two suspects and seized weapons.")
    assert _event(coded, "arrested").date == PUBLISHED


def test_without_publication_date_nothing_moves(coder) -> None:  # type: ignore[no-untyped-def]
    coded = _code(coder, AMBUSH, published=None)
    assert _event(coded, "killed").date is None


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a finite subordinate clause has its own time: it dates that clause's act, not the trigger's
        ("Officials rejected the plan after the minister said last month that it would pass.", "rejected",
         PUBLISHED),
        ("The court lifted orders against a deputy who was impeached in mid-April.", "lifted", PUBLISHED),
        ("Officials condemned the claim that Tuesday's ambush was planned abroad.", "condemned", PUBLISHED),
        # ... and the act of that clause takes it
        ("Officials protested after soldiers arrested two reporters on Tuesday.", "arrested", TUESDAY),
        # a participle or an infinitive tells the occasion: its time is the act's
        ("The president rejected the report, telling reporters on Tuesday that it was false.", "rejected",
         TUESDAY),
        ("A lawsuit filed on Tuesday accused the ministry of abuses.", "accused", TUESDAY),
        ("The envoy criticized the ruling at a Tuesday briefing.", "criticized", TUESDAY),
        # a relative clause in the present perfect tells of a state of affairs since: not dated by
        # the clause it hangs on; one in the past tense may be
        ("A tribunal ruled on Tuesday against the claim, a ruling the government has rejected.", "rejected",
         PUBLISHED),
        ("On Tuesday, police arrested a man who attacked a guard.", "attacked", TUESDAY),
        # a time on a participle describing someone dates that description, not the act
        ("The recently appointed governor imposed a curfew in the city.", "imposed", PUBLISHED),
        # a past relative clause on a noun dated by its year happened then
        ("A trial opened on Tuesday over the 2008 bombing of a hotel in the capital that killed nine guests.",
         "killed", dt.date(2008, 1, 1)),
        ("The envoy recalled the 1994 massacre, in which militiamen killed hundreds of villagers.", "killed",
         dt.date(1994, 1, 1)),
        # ... unless it has a time of its own
        ("The envoy recalled the 1994 massacre, in which militiamen killed hundreds of villagers in May 2015.",
         "killed", dt.date(2015, 5, 1)),
        # a past clause of "when" dates the act it is told with, where that act has no time of its own;
        # one of "after" gives its year, where it names one
        ("When the general took power in 2019, he lifted the ban on rallies.", "lifted", dt.date(2019, 1, 1)),
        ("Police detained dozens of students when they marched on Tuesday.", "detained", TUESDAY),
        ("The minister later resigned after the commission was created in March 2021.", "resigned", dt.date(2021, 1, 1)),
        # a time in what an act agrees to or asks for dates that, not the act
        ("Last week, the court agreed to hear the appeal in April.", "agreed", dt.date(2024, 5, 6)),
        ("Students have called for a general strike on June 7.", "called", PUBLISHED),
        ("The leaders met for the first time at a summit in June 2018.", "met", dt.date(2018, 6, 1)),
        # what an anniversary marks happened that many years before the day it falls on
        ("Crowds marked the tenth anniversary of the start of the uprising on Tuesday.", "uprising", dt.date(2014, 5, 1)),
        # a time the act lasts until is not when it happens; one it did not happen until is
        ("The government suspended the talks with the rebels until April 2.", "suspended", PUBLISHED),
        ("The army did not withdraw its troops until Tuesday.", "withdraw", TUESDAY),
        # a "since" on a noun tells when a state began; on the act, when the act did
        ("The generals, in charge since the March 2021 putsch, expelled the envoy.", "expelled", PUBLISHED),
        ("The reporter has been detained since March 2021.", "detained", dt.date(2021, 3, 1)),
        ("Troops raided the camp for the first time since 2002.", "raided", PUBLISHED),
        # a description of people dates what befell them, not the act; a thing's making dates what it does
        ("The two fishermen, detained during the March 2021 raid, were released by the navy.", "released", PUBLISHED),
        ("A report published in March 2021 accused the navy of abuses.", "accused", dt.date(2021, 3, 1)),
        # a later clause with its own subject and time keeps its time
        ("Peru has closed the border crossing, and Chile recalled its envoy in March 2021.", "closed", PUBLISHED),
        # ... but one told in the simple past after a first one, with no time of its own, shares its time
        ("In March 2021 the coast guard boarded a trawler, and the police arrested its captain.", "arrested",
         dt.date(2021, 3, 1)),
        ("In March 2021 the coast guard boarded a trawler, and the police have charged its captain.", "charged",
         PUBLISHED),
        # an act refused is dated by the refusal, not by the year of what is refused
        ("Chile said it would not renew a 2019 agreement with Peru.", "agreement", PUBLISHED),
        # the act's own time, not the one of the clause that reports it nor of a clause below it
        ("The ministry said on Tuesday that gunmen had abducted six teachers in Kuje, near the capital, on March 3.", "abducted",
         dt.date(2024, 3, 3)),
        ("Rebels seized the town in 2019, prompting the army to launch an offensive the following year.", "seized",
         dt.date(2019, 1, 1)),
        ("On Tuesday, lawmakers urged an inquiry into the March 3 vote.", "urged", TUESDAY),
        # ... also where it is told as a count of days after another act
        ("The visit came two days after the two ministers signed a trade deal in Cairo on May 1.", "signed",
         dt.date(2024, 5, 1)),
    ],
)
def test_a_time_dates_its_own_clause(coder, text: str, trigger: str, expected: dt.date) -> None:  # type: ignore[no-untyped-def]
    assert _event(_code(coder, text), trigger).date == expected


def test_a_participle_telling_where_a_speaker_spoke_dates_the_words(coder) -> None:  # type: ignore[no-untyped-def]
    coded = _code(coder, "ANKARA, Turkey — Prosecutors on Tuesday indicted the mayor of Istanbul. Erdogan, addressing "
                         "lawmakers of his party in Ankara on Wednesday, said the opposition should answer for corruption.")  # fmt: skip
    demand = _event(coded, "said")
    assert demand.date == dt.date(2024, 5, 15) and demand.date_text is not None and demand.date_text.text == "Wednesday"


def test_a_demand_read_from_reported_speech_takes_its_sentences_time(coder) -> None:  # type: ignore[no-untyped-def]
    coded = _code(coder, "The Nigerian foreign minister told reporters on Tuesday that Kenya must release the activists.")
    demand = _event(coded, "told")
    assert demand.event_type == "REQUEST"
    assert demand.date == TUESDAY and demand.date_text is not None and demand.date_text.text == "Tuesday"


def test_only_the_first_window_of_a_long_article_has_a_lead() -> None:
    from riftwatch.pipeline import Coder, Config

    first = "Gunmen ambushed a police convoy on Tuesday near Gao. The attackers killed four officers."
    later = "Rebels attacked a village on Tuesday. Soldiers arrested two men and seized weapons."
    text = first + "\n\n" + later
    windowed = Coder(Config(learned=False, window_chars=len(first) + 10))
    coded = next(windowed.code([Article(id="long", text=text, published=PUBLISHED)]))
    assert len({e.sentence_index for e in coded.events}) >= 3
    # the article's lead dates its undated news; a later window's first sentence is no lead
    assert _event(coded, "killed").date == TUESDAY
    arrested = _event(coded, "arrested")
    assert arrested.date == PUBLISHED and arrested.date_text is None


def test_fast_mode_reads_the_same_lead() -> None:
    from riftwatch.pipeline import Coder, Config
    from riftwatch.scale.fastmode import FastCoder

    # the first two sentences hold no trigger (fast mode blanks them); the third is no lead
    text = ("Residents of the northern town woke to a quiet morning. The market opened as usual. "
            "Gunmen ambushed a police convoy on Tuesday near Gao. The attackers killed four officers.")  # fmt: skip
    article = Article(id="fast", text=text, published=PUBLISHED)
    fast = next(FastCoder(Config(learned=False)).code([article]))
    normal = next(Coder(Config(learned=False)).code([article]))
    assert len(fast.sentences) < len(normal.sentences) or fast.sentences != normal.sentences
    for coded in (fast, normal):
        assert _event(coded, "ambushed").date == TUESDAY
        # (the toll goes on with the ambush's day: the scene the sentence before set)
        assert _event(coded, "killed").date == TUESDAY


@pytest.mark.parametrize(
    ("text", "trigger", "expected", "phrase"),
    [
        # a count of days from the act it is told against: that act's date, else the publication day
        ("His remarks come two days after Ghana denounced the coup.", "denounced", dt.date(2024, 5, 14),
         "two days after"),
        ("Officials said on Tuesday that troops killed 30 rebels, a day after an attack on a convoy.", "attack",
         dt.date(2024, 5, 13), "a day after"),
        ("Police arrested the mayor on Tuesday, a week before the vote.", "arrested", TUESDAY, "Tuesday"),
        # ... and of months and years, at the precision the other act's date allows
        ("Belgian troops left the Congo in 2019, two years after rebels seized the mine.", "seized",
         dt.date(2017, 1, 1), "two years after"),
        # ... however the parse hangs the count, and for an act named in the counted clause's "during"
        ("The truce came nine days after rebels shelled the airport.", "shelled", dt.date(2024, 5, 7),
         "nine days after"),
        ("The truce came nine days after about 20 rebel drones crossed into Chad during an attack on the border town.",
         "attack", dt.date(2024, 5, 7), "nine days after"),
    ],
)
def test_an_act_told_days_after_another(coder, text: str, trigger: str, expected: dt.date, phrase: str) -> None:  # type: ignore[no-untyped-def]
    event = _event(_code(coder, text), trigger)
    assert event.date == expected
    assert event.date_text is not None and event.date_text.text == phrase


def test_a_vague_count_dates_nothing_of_its_own(coder) -> None:  # type: ignore[no-untyped-def]
    # "hours after", "days after": no count of days; the sentence's own time stands
    event = _event(_code(coder, "Troops withdrew on Tuesday, days after rebels attacked the base."), "attacked")
    assert event.date == TUESDAY and event.date_text is not None and event.date_text.text == "Tuesday"


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # an act its own words date after publication has not happened yet
        ("Next week's summit between China and Japan was postponed.", "summit", "future"),
        ("The foreign ministers meet in Geneva next Monday to discuss the ceasefire.", "meet", "future"),
        # one dated before publication is told as done
        ("Last week's summit between China and Japan ended without a deal.", "summit", "asserted"),
    ],
)
def test_an_act_dated_after_publication_is_future(coder, text: str, word: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    event = _event(_code(coder, text), word)
    assert event.factuality == expected


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # written here: a time after publication dates what was threatened, asked for or alleged
        ("Kenya threatened to impose tariffs on Ugandan goods next month.", "threatened"),
        ("Kenya called for new elections in Uganda next year.", "called"),
        ("Kenya has accused Uganda of planning attacks next week.", "accused"),
    ],
)
def test_an_act_told_in_the_past_is_not_dated_after_publication(coder, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    e = _event(_code(coder, text), trigger)
    assert (e.factuality, e.date, e.date_text) == ("asserted", PUBLISHED, None)


def test_a_future_act_keeps_its_future_time(coder) -> None:  # type: ignore[no-untyped-def]
    e = _event(_code(coder, "Kenya will impose tariffs on Ugandan goods next month."), "impose")
    assert e.date == dt.date(2024, 6, 1)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the next step of a story told with its own time: that time ...
        ("In 2019, Colombian rebels bombed a police academy in Bogota. The government then broke off talks with them.",
         "broke off", dt.date(2019, 1, 1)),
        ("Last month, gunmen ambushed a bus in the province. Days later, a roadside bomb killed 11 miners there.",
         "killed", dt.date(2024, 4, 1)),
        # ... not for a statement without the adverb that says so (a material act goes on with the
        # background's time, test_background_goes_on_with_its_date), nor two sentences on
        ("In 2019, Colombian rebels bombed a police academy in Bogota. The government condemned the rebels.",
         "condemned", PUBLISHED),
        ("In 2019, Colombian rebels bombed a police academy in Bogota. Nobody was hurt. The government then broke off talks.",
         "broke off", PUBLISHED),
    ],
)
def test_the_next_step_of_a_story_takes_its_time(coder, text: str, trigger: str, expected: dt.date) -> None:  # type: ignore[no-untyped-def]
    assert _event(_code(coder, text), trigger).date == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dateline's date before publication is the day "on Friday" counts from ...
        ("GOMA, Congo, May 9 (Reuters) - Rebels attacked the town on Tuesday, killing ten people.", dt.date(2024, 5, 7)),
        ("BAMAKO, 10 May (AFP) - Rebels attacked the town on Tuesday.", dt.date(2024, 5, 7)),
        # ... and undated news happened that day
        ("GOMA, Congo, May 9 (Reuters) - Rebels attacked the town, killing ten people.", dt.date(2024, 5, 9)),
        # without one, or with one long before publication, the publication date is
        ("GOMA, Congo (Reuters) - Rebels attacked the town on Tuesday, killing ten people.", TUESDAY),
        ("GOMA, Congo, Jan. 9, 2024 (Reuters) - Rebels attacked the town on Tuesday.", TUESDAY),
        # a line above the story that gives only its date is its day too
        ("Rebels raid Masisi\n\nThursday 9 May 2024 14.05 GMT\n\nRebels attacked the town on Tuesday.", dt.date(2024, 5, 7)),
        ("Rebels raid Masisi\nBy a staff reporter\nPublished: May 9, 2024\n\nRebels attacked the town on Tuesday.", dt.date(2024, 5, 7)),
        ("Rebels raid Masisi\n\nRebels attacked the town on Tuesday, 9 May 2024.", dt.date(2024, 5, 9)),
    ],
)
def test_a_datelines_day_anchors_the_story(coder, text: str, expected: dt.date) -> None:  # type: ignore[no-untyped-def]
    assert _event(_code(coder, text), "attacked").date == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a material act going on with the background the sentence before dated
        (("Soldiers took the market town of Kidal on Monday after a week of fighting.\n\n"
         "In March 2021, rebels attacked an army base outside Gao. Government troops retaliated with "
         "air strikes on rebel camps near the border."), "retaliated", dt.date(2021, 3, 1)),
        # a month that began before the story's days is background too
        ("Last month, Chile expelled two Bolivian diplomats. Bolivia retaliated by expelling the Chilean consul.",
         "expelling", dt.date(2024, 4, 1)),
        # not across a paragraph
        (("In March 2021, rebels attacked an army base outside Gao.\n\nGovernment troops bombed rebel "
         "camps near the border."), "bombed", PUBLISHED),
        # nor from an act of the story's own days
        (("On Tuesday, rebels attacked an army base outside Gao. Government troops bombed rebel camps "
         "near the border."), "bombed", TUESDAY),
        # a statement after the background is the news's reaction to it
        (("In March 2021, soldiers detained the editor of a weekly in Bamako. Press freedom groups "
         "condemned the government for the arrest."), "condemned", PUBLISHED),
        # ... but one joined to the background's act, by its subject, is told with it
        (("Soldiers took the market town of Kidal on Monday after a week of fighting.\n\n"
          "In March 2021, rebels attacked an army base outside Gao. The government closed the border "
          "and warned the rebels of reprisals."), "warned", dt.date(2021, 3, 1)),
    ],
)
def test_background_goes_on_with_its_date(coder, text: str, trigger: str, expected: dt.date) -> None:  # type: ignore[no-untyped-def]
    assert _event(_code(coder, text), trigger).date == expected


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen abducted 20 students from a school in Kaduna on Tuesday. Two days after the abduction, the kidnappers demanded a ransom.",
        "Gunmen abducted 20 students from a school in Kaduna on Tuesday. The kidnappers demanded a ransom two days after the abduction.",
    ],
)
def test_an_act_counted_from_an_act_named_before(coder, text: str) -> None:  # type: ignore[no-untyped-def]
    """"Two days after the abduction": counted from the abduction's own day."""
    assert _event(_code(coder, text), "demanded").date == TUESDAY + dt.timedelta(days=2)


def test_hours_after_an_act_named_is_its_day(coder) -> None:  # type: ignore[no-untyped-def]
    """Written here: "Hours after the strike" is the day of the strike told two sentences before,
    not of the act told in between."""
    text = ("KYIV — Russia launched a missile strike on Odesa on Tuesday. Ukraine said on Thursday it had downed "
            "40 drones. Hours after the strike, Moldova scrambled fighter jets.")  # fmt: skip
    assert _event(_code(coder, text), "scrambled").date == TUESDAY


def test_a_fronted_count_before_an_act_named_counts_from_it(coder) -> None:  # type: ignore[no-untyped-def]
    """Written here: "A week before the bombing, X had met ..." counts back from the bombing told
    on Tuesday, however the parse hangs the phrase."""
    text = ("PESHAWAR — A suicide bomber attacked a mosque in Bannu on Tuesday, killing six people. A week before the "
            "bombing, Prime Minister Shehbaz Sharif had met Afghan officials in Kabul.")  # fmt: skip
    assert _event(_code(coder, text), "met").date == TUESDAY - dt.timedelta(days=7)


def test_a_step_in_a_reported_clause_counts_from_the_day_it_was_reported(coder) -> None:  # type: ignore[no-untyped-def]
    """Written here: "said on Wednesday that its troops had retaken the village a day earlier": the
    Tuesday, not the Wednesday of the report."""
    text = "The army said on Wednesday that its troops had retaken the village of Kerou a day earlier."
    assert _event(_code(coder, text), "retaken").date == TUESDAY


def test_a_later_conjunct_with_its_own_subject_or_tense_keeps_its_own_time(coder) -> None:  # type: ignore[no-untyped-def]
    """Written here: "... in March, and the junta has refused ..." and "... in March and has since
    urged ..." are not dated March; "raided the offices on Tuesday and arrested five" is Tuesday's."""
    text = "Talks in Lome failed to produce a deal in March, and the junta has refused to attend new rounds."
    assert _event(_code(coder, text), "refused").date == PUBLISHED
    text = "Canada imposed sanctions on the junta in March and has urged its allies to follow."
    assert _event(_code(coder, text), "urged").date == PUBLISHED
    text = "Police raided the union's offices on Tuesday and arrested five organisers."
    assert _event(_code(coder, text), "arrested").date == TUESDAY


def test_an_act_counted_back_from_the_act_the_subject_names(coder) -> None:  # type: ignore[no-untyped-def]
    """Written here: "The arrests came two days after police raided ...": two days before the
    arrests told on Tuesday, not before publication."""
    text = ("Police arrested 14 student leaders in Dhaka on Tuesday. "
            "The arrests came two days after police raided the offices of the student union.")
    assert _event(_code(coder, text), "raided").date == TUESDAY - dt.timedelta(days=2)


def test_an_undated_act_goes_on_with_the_day_its_speaker_spoke_in_the_sentence_before(coder) -> None:  # type: ignore[no-untyped-def]
    """The lead's day is Tuesday; the minister spoke on Wednesday, and "He" goes on telling what he
    said then. Another party's act after it keeps the lead's day."""
    text = ("NAIROBI — Kenyan police arrested 20 protesters in Nairobi on Tuesday.\n"
            "Interior Minister Kipchumba Murkomen on Wednesday accused the opposition of funding the protests. "
            "He condemned the attacks on police stations.\n")
    coded = _code(coder, text)
    assert _event(coded, "accused").date == TUESDAY + dt.timedelta(days=1)
    assert _event(coded, "condemned").date == TUESDAY + dt.timedelta(days=1)


def test_a_step_counted_from_the_act_told_before_takes_its_day_and_count(coder) -> None:  # type: ignore[no-untyped-def]
    """"two days later", "the next day": counted from the act the story told before, dated by its
    own words (Tuesday, 14 May)."""
    text = ("NAIROBI — Police detained 40 students in Nairobi on Tuesday, officials said. "
            "The students were released the next day. Uganda protested the detentions two days later.")
    coded = _code(coder, text)
    assert _event(coded, "released").date == TUESDAY + dt.timedelta(days=1)
    assert _event(coded, "protested").date == TUESDAY + dt.timedelta(days=3)


def test_a_step_of_days_counts_from_an_act_dated_to_its_day(coder) -> None:  # type: ignore[no-untyped-def]
    # a sentence of background dated by its year only stands between: the next day is the day
    # after the arrest, not a day of that year
    text = ("LUSAKA — Police detained the union leader Mwila Banda at his home on Tuesday, his lawyer said. "
            "Banda had been jailed for four months in 2023 before a court freed him. "
            "The following day, officers arrested two of his deputies outside the union's offices.")
    coded = _code(coder, text)
    assert _event(coded, "arrested").date == TUESDAY + dt.timedelta(days=1)


def test_a_step_of_months_or_years_and_at_the_time_count_from_the_act_told_before(coder) -> None:  # type: ignore[no-untyped-def]
    """"the following month", "a year earlier": counted in months and years from the act told
    before; "at the time": its time."""
    text = ("LUSAKA — Zambia jailed the editor in March 2021, officials said. At the time, Malawi condemned the verdict. "
            "The following month, police arrested his deputy. A year earlier, police had detained the publisher.")
    coded = _code(coder, text)
    assert _event(coded, "condemned").date == dt.date(2021, 3, 1)
    assert _event(coded, "arrested").date == dt.date(2021, 4, 1)
    assert _event(coded, "arrested").date_precision == "month"
    assert _event(coded, "detained").date == dt.date(2020, 4, 1)  # a year before the arrest told last


def test_an_undated_act_of_force_goes_on_with_the_day_of_the_scene_told_before(coder) -> None:  # type: ignore[no-untyped-def]
    """The lead's day is Wednesday; the protest the paragraph tells was on Tuesday, and the police
    answer it then; a statement after it keeps the lead's day."""
    text = ("BOGOTA \u2014 Colombian officials met Venezuelan envoys in Bogota on Wednesday.\n"
            "On Tuesday, thousands of migrants protested in Cucuta. Colombian police fired tear gas at the crowd.\n")
    coded = _code(coder, text)
    assert _event(coded, "fired").date == TUESDAY


def test_a_past_act_counted_on_past_publication_stays_done(coder) -> None:  # type: ignore[no-untyped-def]
    # a count of days from the act told before can run past the publication day; a verb in the
    # simple past still tells an act that happened, not one to come
    text = (
        "Police in Harare detained the union leader Tendai Moyo on Tuesday. "
        "He was freed on bail a day later. Ten days later, he was detained again at his home."
    )
    again = [e for e in _code(coder, text).events if e.trigger.text == "detained"][-1]
    assert again.factuality == "asserted"
    # the present perfect with a day ahead still tells a plan
    coded = _code(coder, "The dock workers' unions have announced protests for next Monday.")
    assert _event(coded, "protests").factuality == "future"


def test_a_count_hung_on_the_act_it_is_told_against_still_counts(coder) -> None:  # type: ignore[no-untyped-def]
    # "came a day after X met": the parse may hang "a day" on "came"; the meeting is a day before
    # the act "the announcement" sums up
    text = (
        "Brazil on Tuesday raised tariffs on Argentine wheat. "
        "The announcement came a day after President Luiz Inacio Lula da Silva met Argentine farm leaders in Brasilia."
    )
    met = _event(_code(coder, text), "met")
    assert met.date == TUESDAY - dt.timedelta(days=1)


def test_the_act_a_story_led_with_anchors_a_count_told_far_into_it(coder) -> None:  # type: ignore[no-untyped-def]
    # "The seizure came a week after ..." many sentences after the lead: counted from the lead's act
    text = (
        "Peru's navy on Tuesday seized two Chilean fishing boats off the coast of Tacna. "
        "The boats were towed to the port of Ilo. Their crews were questioned for several hours. "
        "Fishing groups in both countries say the catch has fallen sharply. Prices of anchovy rose by a third last year. "
        "Peru says the boats were in its waters. Chile says they were not. "
        "The seizure came a week after Chile expelled a Peruvian trawler from its waters."
    )  # fmt: skip
    expelled = _event(_code(coder, text), "expelled")
    assert expelled.date == TUESDAY - dt.timedelta(days=7)


def test_a_participle_beside_a_dated_verb_takes_its_day(coder) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ghana on Tuesday expelled two Nigerian traders' associations from Accra markets. "
        "Nigeria's trade ministry condemned the decision hours later, urging Accra to reverse it."
    )
    # (a participle of another act: "accusing Accra of protectionism" would be the condemnation
    # told again, one event, ``one_criticism``)
    coded = _code(coder, text)
    assert _event(coded, "urging").date == _event(coded, "condemned").date == TUESDAY


def test_a_relative_clause_on_what_the_act_concerns_keeps_its_time_to_itself(coder) -> None:  # type: ignore[no-untyped-def]
    # "to revive the accord, which the two sides signed in 2019": when the accord was signed, not
    # when the envoy met; a thing that acts keeps the time of its making ("a ruling issued in 2016
    # rejected ...", tested above with the people's own clauses)
    text = ("Ghana's president met Togo's prime minister in Accra on Tuesday, officials said. "
            "Ghana's foreign minister also held talks with his Togolese counterpart to discuss reviving a border accord, "
            "which the two countries signed in 2019.")
    assert _event(_code(coder, text), "held").date.year == 2024


def test_that_year_is_the_year_the_story_named_before(coder) -> None:  # type: ignore[no-untyped-def]
    text = ("Police arrested the mayor of Talas on Tuesday, officials said. "
            "The mayor had led protests against the mining law in 2019. "
            "In June of that year, troops detained dozens of his supporters. "
            "The parliament repealed the law the following year.")
    coded = _code(coder, text)
    detained = _event(coded, "detained")
    assert (detained.date, detained.date_precision) == (dt.date(2019, 6, 1), "month")
    assert detained.date_text is not None and detained.date_text.text == "June of that year"
    repealed = _event(coded, "repealed")
    assert (repealed.date, repealed.date_precision) == (dt.date(2020, 1, 1), "year")
