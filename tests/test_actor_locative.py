"""Actors and places that share words, and demonyms that modify a noun naming no actor."""

from __future__ import annotations

from typing import Any

import pytest

from riftwatch.actors.lexicon import Lexicon
from riftwatch.actors.locative import split_locative
from riftwatch.actors.recognise import find_actors

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


def countries(nlp: Any, lex: Lexicon, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    kept, _ = split_locative(doc, find_actors(doc, lex, None), [], lex)
    return [(a.text, a.country) for a in kept]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool 6181235, 8004380, 6202623: every conjoined demonym says whose the thing is
        ("The council rejected a Chinese and Russian proposal to lift the sanctions.",
         [("Chinese", "CHN"), ("Russian", "RUS")]),
        ("The tariffs hit Canadian and Mexican exports hard.", [("Canadian", "CAN"), ("Mexican", "MEX")]),
        ("He was criticized by French, Chinese, Russian and Mexican representatives.",
         [("French", "FRA"), ("Chinese", "CHN"), ("Russian", "RUS"), ("Mexican", "MEX")]),
        # ... and those listed after an actor (pool 6202623, 7638284)
        ("He was criticized by the United Nations, Japan, French, Chinese and Mexican representatives.",
         [("United Nations", "IGO"), ("Japan", "JPN"), ("French", "FRA"), ("Chinese", "CHN"), ("Mexican", "MEX")]),
    ],
)  # fmt: skip
def test_conjoined_demonym_modifiers_are_each_an_actor(
    nlp: Any, lex: Lexicon, text: str, expected: list[tuple[str, str]]
) -> None:
    assert countries(nlp, lex, text) == expected



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # written here: two names of a people before a noun are one party, of the second (the
        # citizens) or, where the second is a people that is no state's, of the first (where they live)
        ("Britain urged the Turkish Cypriot side to accept the plan.", [("Britain", "GBR"), ("Turkish Cypriot", "CYP")]),
        ("The Greek Cypriot and Turkish Cypriot negotiators met again.",
         [("Greek Cypriot", "CYP"), ("Turkish Cypriot negotiators", "CYP")]),
        ("The Bosnian Serb side walked out of the talks.", [("Bosnian Serb", "BIH")]),
    ],
)  # fmt: skip
def test_two_names_of_a_people_before_a_noun_are_one_party(
    nlp: Any, lex: Lexicon, text: str, expected: list[tuple[str, str]]
) -> None:
    assert countries(nlp, lex, text) == expected


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("KABUL — Taliban fighters attacked a checkpoint.", 7),
        ("BLANTYRE, Malawi — The storm hit.", 18),
        ("ISLAMABAD/PENTAGON — A plane crashed.", 20),
        ("PARIS (AP) — Ministers met.", 12),
        # the wire services' filing date and agency
        ("DAKAR, March 3 (Reuters) - Troops left.", 27),
        ("LIMA, Peru, Jan. 12, 2024 (AFP) - Police fired.", 34),
        ("ACCRA, 5 May (Reuters) - Talks began.", 25),
        ("Kyiv (AFP) - Drones struck.", 13),
        # a country of several words after the city, small words and all
        ("GOMA, Democratic Republic of Congo \u2014 Rebels advanced.", 36),
        ("By JANE DOE and JOHN ROE Associated Press\n\nLOME, Togo (AP) \u2014 Police fired.", 60),
        # after a headline kept in the text (a first line with no full stop, then a blank line)
        ("Troops quit border town\n\nKABUL (AP) \u2014 Troops left.", 37),
        ("Troops quit border town.\n\nKABUL (AP) \u2014 Troops left.", 0),  # a paragraph, not a headline
        # accented capitals; the Spanish agencies' full stop and hyphen
        ("SAN JOS\u00c9, Feb 14 (EFE).- Police fired.", 25),
        ("BOGOT\u00c1 (AP) \u2014 Troops left.", 13),
        ("DAKAR, Senegal (France 24) - Troops left.", 29),
        # a town with its country in brackets before the agency's
        ("Tobruk (Libya) (AFP) - Troops left.", 23),
        # a headline ending in a quotation is a headline; a line ending a quoted sentence is not
        ('Rights groups decry "show trial"\n\nMINSK (AP) \u2014 Judges ruled.', 46),
        ('He said "we will win."\n\nMINSK (AP) \u2014 Judges ruled.', 0),
        ("Kenya (and Uganda) said - nothing.", 0),
        ("U.S. President Trump said — what?", 0),
        ("Kenya has refused to attend the hearing.", 0),
    ],
)  # fmt: skip
def test_dateline_end(text: str, end: int) -> None:
    from riftwatch.geo.mentions import dateline

    assert dateline(text)[1] == end


@pytest.fixture(scope="module")
def coder() -> Any:
    from riftwatch.pipeline import Coder

    c = Coder()
    c._load()
    return c


def test_a_dateline_place_is_no_actor(coder: Any) -> None:
    """A capital opening the text as its dateline says where the story was filed, not who acted
    (it was taken for the target of the attack, and for a second source of the arrest)."""
    from riftwatch.records import Article

    for text in ("KABUL — Taliban fighters attacked a checkpoint on Sunday.",
                 "ISLAMABAD — Pakistan arrested two men in a raid on Sunday.",
                 # nor is the agency that filed it
                 "KYIV, Ukraine (AP) — Russian forces shelled Kharkiv overnight, the governor said.",
                 "BAMAKO, June 4 (Reuters) — Malian troops arrested two Burkinabe traders on Sunday.",
                 "Niamey (AFP) — Nigerien soldiers detained three Beninese officials on Sunday."):
        coded = coder.code_doc(Article(id="d", text=text), coder.nlp(text))
        assert coded.events, text
        for e in coded.events:
            assert [a.text for a in (*e.source, *e.target) if a.end <= text.index("—")] == [], (text, e)
    # a text opening with a country and a dash opens with a party, not a dateline
    text = "US - China trade talks resumed on Monday in Geneva."
    coded = coder.code_doc(Article(id="d", text=text), coder.nlp(text))
    assert "US" in {a.text for e in coded.events for a in (*e.source, *e.target)}


def test_a_regional_adjective_is_no_demonym(coder: Any) -> None:
    from riftwatch.records import Article

    text = "The government expelled diplomats from seven Latin American countries on Monday."
    coded = coder.code_doc(Article(id="d", text=text), coder.nlp(text))
    assert "USA" not in {a.country for a in coded.actors}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The electoral commission barred a pro-Russian bloc from the vote.", "RUS"),
        ("Customs officers seized Soviet-era rifles at the port on Monday.", "RUS"),
        ("Anti-American students marched on the embassy.", "USA"),
        ("The junta bought Soviet-style tanks from a broker.", "RUS"),
    ],
)
def test_a_stance_or_a_period_is_no_demonym(coder: Any, text: str, absent: str) -> None:
    # "pro-Russian", "anti-American": whom a group is for or against; "Soviet-era", "Soviet-style":
    # when or how a thing was made; no party of the event either way
    from riftwatch.records import Article

    coded = coder.code_doc(Article(id="d", text=text), coder.nlp(text))
    assert absent not in {a.country for e in coded.events for a in (*e.source, *e.target)}, text


@pytest.mark.parametrize(
    "text",
    [
        "The Inter-American Development Bank approved a loan to the region on Tuesday.",
        "A Pan-American sports body urged the two federations to settle the dispute.",
        "Reporters of the Inter American Press Association condemned the raid.",
        "Police entered the Colegio Centro America in the capital on Thursday.",
    ],
)
def test_a_hemisphere_word_is_no_demonym(coder: Any, text: str) -> None:
    # "Inter-American", "Pan-American", "Centro America": the Americas', not the United States'
    from riftwatch.records import Article

    coded = coder.code_doc(Article(id="d", text=text), coder.nlp(text))
    assert "USA" not in {a.country for a in coded.actors}, text


@pytest.mark.parametrize(
    ("text", "place_word"),
    [
        ("Army jets struck positions in the north of Khartoum on Sunday.", "Khartoum"),
        ("Gunmen ambushed a convoy near the outskirts of Kabul.", "Kabul"),
        ("Police raided houses in the centre of Tehran.", "Tehran"),
    ],
)
def test_the_of_object_of_a_located_noun_is_a_place(coder: Any, text: str, place_word: str) -> None:
    """"in the north of X": X is where it happened, as in "in X", not a party to the act."""
    from riftwatch.records import Article

    coded = coder.code_doc(Article(id="d", text=text), coder.nlp(text))
    assert coded.events, text
    assert place_word not in {a.text for e in coded.events for a in (*e.source, *e.target)}, coded.events


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # pool 8006924: a province's leader, and (written here) a state's governor and a city's group
        ("Doug Ford, Ontario's provincial leader, said he would charge more. Ford said more.", "Ford", "CAN"),
        ("Jane Doe, the governor of Texas, condemned Mexico on Monday.", "Jane Doe", "USA"),
        (("Ugandan police held ten activists in Kampala. Jane Doe, director of a Mombasa advocacy group, "
         "condemned the arrests."), "Jane Doe", "KEN"),
    ],
)  # fmt: skip
def test_a_place_in_the_words_introducing_a_person_gives_their_country(
    coder: Any, text: str, name: str, country: str
) -> None:
    """A person outside the lexicon introduced by a place that is no country (a province, a state,
    a city) takes its country, not the country the story is mostly about (Mexico above)."""
    from riftwatch.records import Article

    ca = next(iter(coder.code([Article(id="p", text=text)])))
    assert [a.country for a in ca.actors if a.text.startswith(name)] == [country]


def test_a_place_something_is_based_in_gives_no_country(coder: Any) -> None:
    from riftwatch.records import Article

    text = "Jane Doe, director of the New York-based advocacy group, condemned Mexico."
    ca = next(iter(coder.code([Article(id="p", text=text)])))
    assert not any(a.country == "USA" for a in ca.actors)


def test_the_eln_by_its_english_name_is_no_state_army(coder: Any) -> None:
    """Written here: "the National Liberation Army" was read as Colombia's army (its head noun),
    and "the rebel group" that attacked then as the president who spoke."""
    from riftwatch.records import Article

    text = ("Colombia's president suspended peace talks with the National Liberation Army on Friday after "
            "the rebel group attacked a military base.")
    ca = next(iter(coder.code([Article(id="p", text=text)])))
    (army,) = [a for a in ca.actors if "Army" in a.text]
    assert (army.text, army.country, army.sector) == ("National Liberation Army", "COL", "REB")


def test_a_post_near_a_countrys_border_is_not_in_that_country(coder: Any) -> None:
    """Written here: "a military base near the Venezuelan border" in a story from Colombia was
    Venezuela's; a border named says which country is next door."""
    from riftwatch.records import Article

    text = ("Colombia's army has deployed more troops to Arauca province. On Wednesday, rebels attacked a "
            "military base near the Venezuelan border, killing two soldiers.")
    ca = next(iter(coder.code([Article(id="p", text=text)])))
    assert [(a.text, a.country) for a in ca.actors if a.text == "military"] == [("military", "COL")]
