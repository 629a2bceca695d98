"""Actor recognition on parsed sentences: names, compounds, titles by date, places, pronouns."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from riftwatch.actors.lexicon import Lexicon
from riftwatch.actors.recognise import (
    ArticleContext,
    actor_for_token,
    actors_for_token,
    dominant_country,
    find_actors,
)
from riftwatch.records import Actor

pytestmark = pytest.mark.slow

MAY_2016 = dt.date(2016, 5, 13)
JAN_2026 = dt.date(2026, 1, 10)


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


def codes(
    nlp: Any, lex: Lexicon, text: str, when: dt.date | None = MAY_2016, **kw: Any
) -> list[tuple[str, str, str]]:
    return [(a.text, a.country, a.sector) for a in find_actors(nlp(text), lex, when, **kw)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tehran has decided to send its envoy.", [("Tehran", "IRN", "GOV")]),
        ("Iran rejected the offer.", [("Iran", "IRN", "")]),
        ("The Kremlin denied the report.", [("Kremlin", "RUS", "GOV")]),
        ("Iranian forces crossed the river.", [("Iranian forces", "IRN", "MIL")]),
        # "from X" on the noun says whose they are; on the verb, where they leave
        ("Troops from Chad crossed the river.", [("Troops from Chad", "TCD", "MIL")]),
        # an organisation naming whom a group is linked to, as a country naming its backer, acts not
        ("The Hamas-linked group Islamic Jihad fired rockets.", [("Islamic Jihad", "PSE", "REB")]),
        ("Canada will withdraw its troops from Latvia.", [("Canada", "CAN", ""), ("troops", "CAN", "MIL"), ("Latvia", "LVA", "")]),
        ("The Syrian military held back.", [("Syrian military", "SYR", "MIL")]),
        ("Russian air strikes hit two bridges.", [("Russian air strikes", "RUS", "MIL")]),
        ("The Iranians were angry.", [("Iranians", "IRN", "")]),
        # a nationality word standing alone for a language is no party
        ("The minister wrote in Russian that Iran must pay.", [("Iran", "IRN", "")]),
        ("Lawyers protested the imposition of French in the courts.", [("courts", "", "JUD")]),
        # a US party's name in a story of other states naming the United States nowhere is a party
        # of that name elsewhere; with the US named, or no state at all, it is the US party
        ("Democratic Party leader Min-ho Park accused prosecutors in Seoul of bias.",
         [("Party leader Min-ho Park", "", "PTY"), ("prosecutors", "", "JUD")]),
        ("Senate Democrats blocked the bill.", [("Democrats", "USA", "PTY")]),
        ("Democrats in Washington criticized the deal with Seoul.", [("Democrats", "USA", "PTY"), ("Seoul", "KOR", "GOV")]),
        # the forces a state sends or deploys are its own, also where another verb controls the sending
        ("Kenya accused Uganda of sending soldiers into the border region.",
         [("Kenya", "KEN", ""), ("Uganda", "UGA", ""), ("soldiers", "UGA", "MIL")]),
        # social media are platforms, not the press: no party in "a post on social media"
        ("The Kenyan minister denied the report in a post on social media.", [("Kenyan minister", "KEN", "GOV")]),
        ("Activists on social media and state media blamed the rebels.",
         [("Activists", "", "CVL"), ("state media", "", "MED"), ("rebels", "", "REB")]),
        # Taiwan's parties, by name (the KMT also by its letters)
        (
            "The KMT accused the Democratic Progressive Party of abusing its power.",
            [("KMT", "TWN", "PTY"), ("Democratic Progressive Party", "TWN", "PTY")],
        ),
        ("Hizballah units moved north.", [("Hizballah units", "LBN", "REB")]),
        ("Hizbullah and Hamas issued a statement.", [("Hizbullah", "LBN", "REB"), ("Hamas", "PSE", "REB")]),
        (
            "Iran's political and military hierarchies oppose the plan.",
            [("Iran's political and military hierarchies", "IRN", "GOV")],
        ),
        (
            "Russian, Syrian and Iranian forces attacked the village.",
            [("Russian", "RUS", "MIL"), ("Syrian", "SYR", "MIL"), ("Iranian forces", "IRN", "MIL")],
        ),
        (
            "Neither the Syrian forces nor the Iranian forces moved.",
            [("Syrian forces", "SYR", "MIL"), ("Iranian forces", "IRN", "MIL")],
        ),
        ("Syrian government forces shelled the town.", [("Syrian government forces", "SYR", "MIL")]),
        (
            "Turkish intelligence officials met Syrian rebel commanders.",
            [("Turkish intelligence officials", "TUR", "SPY"), ("Syrian rebel commanders", "SYR", "REB")],
        ),
        ("Pentagon officials declined to comment.", [("Pentagon officials", "USA", "MIL")]),
        ("The Saudi-led coalition bombed the port.", [("Saudi-led coalition", "SAU", "MIL")]),
        ("Iran-backed Houthis fired at ships.", [("Houthis", "YEM", "REB")]),
        ("The UN Security Council met on Friday.", [("UN Security Council", "IGO", "IGO")]),
        ("NATO and the EU condemned the attack.", [("NATO", "IGO", "IGO"), ("EU", "IGO", "IGO")]),
        ("US and Israeli jets struck the depot.", [("US", "USA", "MIL"), ("Israeli jets", "ISR", "MIL")]),
        ("KYIV ACCUSES MOSCOW.", [("KYIV", "UKR", "GOV"), ("MOSCOW", "RUS", "GOV")]),
        (
            "Much to the Kremlin's dismay, Ankara agreed.",
            [("Kremlin", "RUS", "GOV"), ("Ankara", "TUR", "GOV")],
        ),
        ("The Chinese state arrested two activists.", [("Chinese state", "CHN", "GOV"), ("activists", "CHN", "CVL")]),
        # the US executive departments by their names
        ("The Treasury Department sanctioned the firm.", [("Treasury Department", "USA", "GOV")]),
        ("The Justice Department charged the company.", [("Justice Department", "USA", "GOV")]),
        # a national rights group is its country's
        ("The American Civil Liberties Union filed the lawsuit.", [("American Civil Liberties Union", "USA", "HRI")]),
        # the chambers of the US Congress by their names
        ("The U.S. Senate passed the bill after the U.S. House of Representatives did.",
         [("U.S. Senate", "USA", "LEG"), ("U.S. House of Representatives", "USA", "LEG")]),
        # "IS" in capitals is the Islamic State, but not the verb of a headline in capitals
        ("Iraqi troops detained seven IS fighters.", [("Iraqi troops", "IRQ", "MIL"), ("IS fighters", "IMG", "REB")]),
        ("IRAN IS READY TO TALK.", [("IRAN", "IRN", "")]),
        # a bare noun "of" an owned institution is that institution's, of its sector
        ("Officials of the Libyan government met on Friday.", [("Officials of the Libyan government", "LBY", "GOV")]),
        ("Soldiers of the Malian army entered the town.", [("Soldiers of the Malian army", "MLI", "MIL")]),
        ("Leaders of the Sudanese military rejected the plan.", [("Leaders of the Sudanese military", "SDN", "MIL")]),
        # the owner's own phrase with its "'s" before the head: the group's commanders
        ("The Islamic State terror group's top commanders fled.",
         [("Islamic State terror group's top commanders", "IMG", "REB")]),
        # Hong Kong is coded apart from China, as CAMEO and ISO 3166 do
        ("Hong Kong judges jailed the activists.", [("Hong Kong judges", "HKG", "JUD"), ("activists", "HKG", "CVL")]),
        # agencies and forces often in the news
        ("Kenya's media regulator suspended the channel.", [("Kenya's media regulator", "KEN", "GOV")]),
        ("USAID funded the clinic.", [("USAID", "USA", "GOV")]),
        ("The SSPDF fought the White Army.", [("SSPDF", "SSD", "MIL"), ("White Army", "SSD", "REB")]),
        # parties, electoral bodies and forces of African and Kurdish politics
        ("INEC rejected the petition of the All Progressives Congress.",
         [("INEC", "NGA", "GOV"), ("All Progressives Congress", "NGA", "PTY")]),
        ("The Department of State Services detained an IPOB commander.",
         [("Department of State Services", "NGA", "SPY"), ("IPOB commander", "NGA", "REB")]),
        ("Chadema accused CCM of rigging the vote.", [("Chadema", "TZA", "PTY"), ("CCM", "TZA", "PTY")]),
        ("The UPDF arrested NUP supporters.", [("UPDF", "UGA", "MIL"), ("NUP supporters", "UGA", "PTY")]),
        ("The KDP and the PUK signed a deal.", [("KDP", "IRQ", "PTY"), ("PUK", "IRQ", "PTY")]),
        # opposition leaders, and a prime minister out of office since
        ("Tundu Lissu met Kizza Besigye.", [("Tundu Lissu", "TZA", "OPP"), ("Kizza Besigye", "UGA", "OPP")]),
        ("Imran Khan accused the army of rigging the vote.", [("Imran Khan", "PAK", "OPP"), ("army", "PAK", "MIL")]),
        ("Georgian Dream accused the UNM of plotting a coup.", [("Georgian Dream", "GEO", "PTY"), ("UNM", "GEO", "PTY")]),
        ("The Awami League and the BNP traded accusations.", [("Awami League", "BGD", "PTY"), ("BNP", "BGD", "PTY")]),
        # a warship by its navy's prefix
        ("The USS Carney shot down three drones.", [("USS Carney", "USA", "MIL")]),
        # Israel as Iranian and Houthi statements name it
        ("The Zionist regime bombed the port.", [("Zionist regime", "ISR", "GOV")]),
        # a people named with where it lives or its heritage: one actor, of the state it lives in
        ("Armed Kosovo Serbs attacked the patrol.", [("Kosovo Serbs", "XKX", "")]),
        ("Chinese Americans in Houston rallied.", [("Chinese Americans", "USA", "")]),
        ("Greek Cypriot leaders rejected the plan.", [("Greek Cypriot leaders", "CYP", "GOV")]),
        # names as other outlets transliterate them
        ("Pashinian called Toqaev on Monday.", [("Pashinian", "ARM", "GOV"), ("Toqaev", "KAZ", "GOV")]),
        # a counterpart is an official of their state, as whom they are set beside
        ("Schialer spoke by phone with Bolivian counterpart Luis Rojas on Monday.", [("Bolivian counterpart Luis Rojas", "BOL", "GOV")]),
        # a police patrol is of its police
        ("Bolivian police patrols stopped the trucks.", [("Bolivian police patrols", "BOL", "COP")]),
        # a unit of peacekeepers is of whom they serve, the owner not cut from its noun
        ("Peruvian troops fired toward a unit of U.N. peacekeepers.",
         [("Peruvian troops", "PER", "MIL"), ("unit of U.N. peacekeepers", "IGO", "IGO")]),
        # a company is of the country the text gives it
        ("A Peruvian company said it would halt shipments.", [("Peruvian company", "PER", "BUS")]),
        # the government of a leader is that leader's government, one actor
        ("The government of President Gabriel Boric rejected the claim.",
         [("government of President Gabriel Boric", "CHL", "GOV")]),
        # a chancellor heads Germany's or Austria's government, whatever country the story is on
        ("Chancellor Maria Lindner met Chinese trade officials.",
         [("Chancellor Maria Lindner", "DEU", "GOV"), ("Chinese trade officials", "CHN", "GOV")]),
        # peacekeepers no state owns are a mission's, not the army of where they serve
        ("In Bunia, peacekeepers escorted a convoy of Congolese soldiers.",
         [("peacekeepers", "IGO", "MIL"), ("Congolese soldiers", "COD", "MIL")]),
        # their nationality told after a comma: one party, of that country
        ("Chilean police detained six fishermen, all Peruvian nationals, near Arica.",
         [("Chilean police", "CHL", "COP"), ("fishermen, all Peruvian nationals", "PER", "CVL")]),
    ],
)
def test_actors_in_sentences(nlp: Any, lex: Lexicon, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert codes(nlp, lex, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The envoy flew to Tehran on Monday.",
        "Protests spread in Damascus and near Moscow.",
        "Talks resumed at the White House.",
        "The turkey was eaten by us in the kitchen.",
        "Iranian oil exports fell.",
        "Prices in Latin America rose.",
        "Damascus airport reopened.",
        "Rami al-Assad opened a shop.",
        "Amal Clooney spoke at the conference.",
        "The general strike closed the shops.",
        # a name written with capitals inside it is not a word that lost them
        '"Let me be clear," the minister said.',
        "An Islamic state was their stated goal.",
        # a country or a capital completing a sea's name is the sea
        "A tanker was boarded in the Gulf of Guinea.",
        "Warships patrol the Gulf of Aden.",
        # a company the text gives no country is not of the story's country
        "The company denied the report.",
    ],
)
def test_not_actors(nlp: Any, lex: Lexicon, text: str) -> None:
    assert codes(nlp, lex, text, default_country="") == []


def test_state_owned_says_who_owns_a_firm(nlp: Any, lex: Lexicon) -> None:
    # the firm is no government, nor is a state-run paper
    for text in ("A Chinese state-owned company built the dam.", "A state-run newspaper criticized Kenya."):
        assert not any(sector == "GOV" for _, _, sector in codes(nlp, lex, text))


@pytest.mark.parametrize(
    ("text", "when", "expected"),
    [
        (
            "Syrian President Bashar Assad met his generals.",
            MAY_2016,
            ("Syrian President Bashar Assad", "SYR", "GOV", "Bashar al-Assad"),
        ),
        ("President Assad spoke.", MAY_2016, ("President Assad", "SYR", "GOV", "Bashar al-Assad")),
        (
            "Maj. Gen. Qassem Soleimani arrived.",
            MAY_2016,
            ("Maj. Gen. Qassem Soleimani", "IRN", "MIL", "Qassem Soleimani"),
        ),
        (
            "Soleimani, commander of the Al Qods Brigades, arrived.",
            MAY_2016,
            ("Soleimani, commander of the Al Qods Brigades", "IRN", "MIL", "Qassem Soleimani"),
        ),
        (
            "Russia's defense minister, Gen. Sergei Shoigu, reported to the president.",
            MAY_2016,
            # a minister is the government's, whatever the ministry or his rank (the codebook's GOV)
            ("Russia's defense minister, Gen. Sergei Shoigu", "RUS", "GOV", "Sergei Shoigu"),
        ),
        (
            "Hezbollah leader Hassan Nasrallah gave a speech.",
            MAY_2016,
            ("Hezbollah leader Hassan Nasrallah", "LBN", "REB", "Hassan Nasrallah"),
        ),
        (
            "Kremlin spokesman Dmitry Peskov declined to comment.",
            MAY_2016,
            ("Kremlin spokesman Dmitry Peskov", "RUS", "GOV", "Dmitry Peskov"),
        ),
        (
            "The Syrian president gave a speech.",
            MAY_2016,
            ("Syrian president", "SYR", "GOV", "Bashar al-Assad"),
        ),
        (
            "The Syrian president gave a speech.",
            JAN_2026,
            ("Syrian president", "SYR", "GOV", "Ahmed al-Sharaa"),
        ),
        (
            "Russia's defence minister visited the front.",
            MAY_2016,
            ("Russia's defence minister", "RUS", "GOV", "Sergei Shoigu"),
        ),
        (
            "Russia's defence minister visited the front.",
            JAN_2026,
            ("Russia's defence minister", "RUS", "GOV", "Andrei Belousov"),
        ),
        (
            "Abu Mohammad al-Jolani addressed his fighters.",
            MAY_2016,
            ("Abu Mohammad al-Jolani", "SYR", "REB", "Ahmed al-Sharaa"),
        ),
        (
            "Ahmed al-Sharaa addressed the nation.",
            JAN_2026,
            ("Ahmed al-Sharaa", "SYR", "GOV", "Ahmed al-Sharaa"),
        ),
        ("Shoigu flew to Tehran.", dt.date(2025, 3, 1), ("Shoigu", "RUS", "GOV", "Sergei Shoigu")),
        (
            "Foreign Minister Jane Doe of the new cabinet resigned.",
            MAY_2016,
            ("Foreign Minister Jane Doe", "", "GOV", "Jane Doe"),
        ),
    ],
)
def test_people_and_titles(
    nlp: Any, lex: Lexicon, text: str, when: dt.date, expected: tuple[str, ...]
) -> None:
    first = find_actors(nlp(text), lex, when, default_country="")[0]
    assert (first.text, first.country, first.sector, first.person) == expected


@pytest.mark.parametrize(
    "text",
    [
        # pool 7678740 ("the opposition party"), 6203896 ("opposition figures"); the others written here
        "The opposition party condemned the arrest.",
        "Opposition figures condemned the arrest.",
        "The opposition coalition condemned the arrest.",
        "Police dispersed hundreds of opposition supporters.",
    ],
)
def test_the_groups_of_the_opposition_are_the_opposition(nlp: Any, lex: Lexicon, text: str) -> None:
    assert [s for _, _, s in codes(nlp, lex, text, default_country="KEN") if s != "COP"] == ["OPP"]


def test_bare_sector_nouns_take_the_default_country(nlp: Any, lex: Lexicon) -> None:
    assert codes(nlp, lex, "The rebels retreated.", default_country="SYR") == [("rebels", "SYR", "REB")]
    assert codes(nlp, lex, "The rebels retreated.", default_country="") == [("rebels", "", "REB")]
    # without a default: where the story happens for rebels, the most active country for troops
    text = (
        "Syria and Iran talked. Iranian officials and Iranian troops met. The rebels and the troops fought."
    )
    got = codes(nlp, lex, text)
    assert ("rebels", "SYR", "REB") in got and ("troops", "IRN", "MIL") in got
    # gangs, like rebels, belong where the story happens, not to the country that acts most
    text = "Kenya and Kenyan police talked in Port-au-Prince. In Port-au-Prince the gangs and the troops fought."
    got = codes(nlp, lex, text)
    assert ("gangs", "HTI", "CRM") in got and ("troops", "KEN", "MIL") in got


def test_the_government_a_speaker_reports_on_is_the_speakers(nlp: Any, lex: Lexicon) -> None:
    # the story is mostly about Peru; a Chilean speaking of "the government" speaks of Chile's
    text = ("Peru's president said Lima would act. Peru's army moved north. "
            "Chilean Foreign Minister Alberto van Klaveren said the government was studying the move.")  # fmt: skip
    got = codes(nlp, lex, text)
    assert ("government", "CHL", "GOV") in got
    # with no speaker the story's country stands
    assert ("government", "PER", "GOV") in codes(nlp, lex, "Peru's army moved north. The government was studying the move.")
    # lawmakers or unions who call on "the government" call on their own
    text = "Peru's president said Lima would act. Peru's army moved north. Chilean lawmakers called on the government to close the border."
    assert ("government", "CHL", "GOV") in codes(nlp, lex, text)


def test_a_known_person_is_met_again_by_surname(nlp: Any, lex: Lexicon) -> None:
    """The lexicon knows "Jovenel Moise", not the bare surname; once named in full, "Moise" is him."""
    got = codes(nlp, lex, "Jovenel Moise met the envoy on Monday. Critics later accused Moise of lying.", dt.date(2019, 5, 1))
    assert [c for c in got if c[0] == "Moise"] == [("Moise", "HTI", "GOV")]
    assert [c for c in codes(nlp, lex, "Critics later accused Moise of lying.", dt.date(2019, 5, 1)) if c[0] == "Moise"] == []


def test_a_chinese_name_is_met_again_by_its_family_name_written_first(nlp: Any, lex: Lexicon) -> None:
    text = "Chinese Foreign Ministry spokesperson Guo Mingde spoke in Beijing. Guo accused Manila of provocations."
    assert ("Guo", "CHN", "GOV") in codes(nlp, lex, text, dt.date(2024, 5, 1))


def test_a_person_met_again_before_a_possessive_is_that_person(nlp: Any, lex: Lexicon) -> None:
    """"Sok Vanna’s arrest": the entity recogniser takes the "’s" into the name."""
    text = "Police detained the Cambodian journalist Sok Vanna. Sok Vanna’s arrest drew condemnation."
    got = codes(nlp, lex, text, dt.date(2024, 5, 1))
    assert ("Sok Vanna", "KHM", "MED") in got


def test_a_named_journalist_or_activist_is_coded_from_the_story(nlp: Any, lex: Lexicon) -> None:
    """"the journalist X", "activist Y": civil roles named with a person, coded as titles are
    (the story's country when none is named), so that "he" and the surname follow them."""
    got = codes(nlp, lex, "Cambodia arrested the journalist Sok Chea on Monday. He was released on bail.", JAN_2026)
    assert ("journalist Sok Chea", "KHM", "MED") in got and ("He", "KHM", "MED") in got
    got = codes(nlp, lex, "Ugandan activist Nabirye Kato was detained. Kato denied the charges.", JAN_2026)
    assert ("Kato", "UGA", "CVL") in got


def test_international_and_foreign_groups_are_not_the_storys(nlp: Any, lex: Lexicon) -> None:
    """"international" puts a group above states (IGO for forces, NGO for rights groups); "foreign"
    makes it some other, unnamed country's: neither takes the country the story is about."""
    text = "Mali expelled the reporters. International rights groups and international forces protested."
    got = codes(nlp, lex, text)
    assert ("rights groups", "NGO", "HRI") in got and ("forces", "IGO", "MIL") in got
    assert codes(nlp, lex, "Foreign troops left the town.", default_country="MLI") == []
    assert codes(nlp, lex, "The troops left the town.", default_country="MLI") == [("troops", "MLI", "MIL")]
    # but a foreign ministry is a state's own, here the story's
    assert codes(nlp, lex, "The foreign ministry protested.", default_country="MLI") == [("foreign ministry", "MLI", "GOV")]
    # "governments": several states, none named; one government is the story's
    assert codes(nlp, lex, "Governments must act on the climate.", default_country="MLI") == []
    assert codes(nlp, lex, "The government must act.", default_country="MLI") == [("government", "MLI", "GOV")]


def test_pronouns_follow_the_last_person_across_docs(nlp: Any, lex: Lexicon) -> None:
    ctx = ArticleContext()
    first = find_actors(nlp("Angela Merkel called Vladimir Putin."), lex, MAY_2016, context=ctx)
    assert [a.person for a in first] == ["Angela Merkel", "Vladimir Putin"]
    second = find_actors(nlp("She said he had not answered."), lex, MAY_2016, offset=100, context=ctx)
    assert [(a.text, a.person, a.start) for a in second] == [
        ("She", "Angela Merkel", 100),
        ("he", "Vladimir Putin", 109),
    ]


def test_a_pronoun_outside_a_quotation_is_not_someone_the_quotation_names(nlp: Any, lex: Lexicon) -> None:
    ctx = ArticleContext()
    find_actors(nlp("Volodymyr Zelenskyy criticized the Kremlin on Monday."), lex, MAY_2016, context=ctx)
    quote = nlp('"Vladimir Putin does not want peace. He wants more land," he said, urging allies to stop him.')
    got = [(a.text, a.person) for a in find_actors(quote, lex, MAY_2016, context=ctx)]
    # "He" inside the quotation may be Putin; "he said" is the speaker; "him" is left to the last named
    assert got == [("Vladimir Putin", "Vladimir Putin"), ("He", "Vladimir Putin"), ("he", "Volodymyr Zelensky"),
                   ("him", "Vladimir Putin")]


def test_pronoun_not_resolved_past_an_unknown_person(nlp: Any, lex: Lexicon) -> None:
    ctx = ArticleContext()
    find_actors(nlp("Vladimir Putin spoke first."), lex, MAY_2016, context=ctx)
    later = find_actors(nlp("Then John Smith said he disagreed."), lex, MAY_2016, context=ctx)
    assert [a.text for a in later] == []


def test_bare_title_refers_to_a_named_holder(nlp: Any, lex: Lexicon) -> None:
    ctx = ArticleContext()
    find_actors(nlp("President Assad met Iran's foreign minister."), lex, MAY_2016, context=ctx)
    again = find_actors(nlp("The president said he would not yield."), lex, MAY_2016, context=ctx)
    assert [(a.text, a.person) for a in again] == [
        ("president", "Bashar al-Assad"),
        ("he", "Bashar al-Assad"),
    ]


@pytest.mark.parametrize(
    ("text", "person", "sector"),
    [
        ("The Syrian president met the envoy.", "Bashar al-Assad", "GOV"),  # the office names its holder
        ("Sudanese rebel commanders met the envoy.", "", "REB"),  # several, and not the state's
        ("A Sudanese rebel commander met the envoy.", "", "REB"),
        ("The Sudanese army commander met the envoy.", "Abdel Fattah al-Burhan", "MIL"),
        ("Two Russian presidents have visited the city.", "", "GOV"),
        ("A Russian president had never visited the city.", "", "GOV"),
        ("A former Russian president had never visited the city.", "", "GOV"),
        # an adjective between the article and the title: still one of several
        ("A senior Sudanese army commander denied the report.", "", "MIL"),
    ],
)
def test_a_title_names_its_holder_only_in_the_singular_and_for_an_office_of_state(
    nlp: Any, lex: Lexicon, text: str, person: str, sector: str
) -> None:
    (actor,) = find_actors(nlp(text), lex, dt.date(2024, 10, 1))
    assert (actor.person, actor.sector) == (person, sector)


def test_offsets_point_into_the_article(nlp: Any, lex: Lexicon) -> None:
    article = "Title line.\n\nTehran and Moscow disagreed with Hizballah."
    body_start = article.index("Tehran")
    actors = find_actors(nlp(article[body_start:]), lex, MAY_2016, offset=body_start)
    assert [article[a.start : a.end] for a in actors] == ["Tehran", "Moscow", "Hizballah"]
    assert all(article[a.start : a.end] == a.text for a in actors)


@pytest.mark.parametrize(
    "text",
    [
        "Syrian President Bashar Assad, Russian and Iranian forces, and Hezbollah fighters met Iran's envoy.",
        "The Iranian forces commander, Maj. Gen. Qassem Soleimani, told the rebels that he would leave.",
        "IRAN, SYRIA AND RUSSIA TALK. The Pentagon said US troops in Iraq were safe.",
    ],
)
def test_actors_are_sorted_and_disjoint(nlp: Any, lex: Lexicon, text: str) -> None:
    actors = find_actors(nlp(text), lex, MAY_2016)
    assert actors, text
    assert all(a.end <= b.start for a, b in itertools.pairwise(actors))
    assert all(text[a.start : a.end] == a.text for a in actors)


def test_actor_for_token_and_conjuncts(nlp: Any, lex: Lexicon) -> None:
    doc = nlp("Russian, Syrian and Iranian forces attacked the village.")
    actors = find_actors(doc, lex, MAY_2016)
    forces = next(t for t in doc if t.text == "forces")
    covering = actor_for_token(actors, forces)
    assert covering is not None and covering.text == "Iranian forces"
    assert actor_for_token(actors, doc[-2]) is None  # "village"
    assert [a.country for a in actors_for_token(actors, forces)] == ["RUS", "SYR", "IRN"]
    assert dominant_country(actors) == "RUS"


def test_user_overlay_is_recognised(nlp: Any, tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    entry = {
        "id": "org:river-brigade",
        "kind": "org",
        "names": ["River Brigade"],
        "country": "SYR",
        "sector": "REB",
        "org": "River Brigade",
    }
    path.write_text(json.dumps(entry) + "\n", encoding="utf-8")
    mine = Lexicon.load([path])
    actors = find_actors(nlp("River Brigade fighters seized the dam."), mine, MAY_2016)
    assert [(a.text, a.country, a.sector, a.org) for a in actors] == [
        ("River Brigade fighters", "SYR", "REB", "River Brigade")
    ]


def test_matchers_are_built_once_per_lexicon(nlp: Any, lex: Lexicon) -> None:
    find_actors(nlp("Iran spoke."), lex, None)
    built = lex.cached("recognise.matchers", nlp.vocab, lambda: pytest.fail("matchers rebuilt"))
    find_actors(nlp("Syria spoke."), lex, None)
    assert lex.cached("recognise.matchers", nlp.vocab, lambda: None) is built


def test_actor_records_name_their_entries(nlp: Any, lex: Lexicon) -> None:
    (actor,) = find_actors(nlp("Syrian President Bashar Assad spoke."), lex, MAY_2016)
    assert isinstance(actor, Actor)
    assert actor.name == "Bashar al-Assad"
    assert set(actor.entry_id.split("+")) == {"demonym:SYR", "person:bashar-al-assad", "title:president"}


def test_us_immigration_agencies_by_acronym_but_not_the_common_word(nlp: Any, lex: Lexicon) -> None:
    # pool 8008349, 8010057: "ICE and DHS ... have repeatedly declined to respond"
    got = codes(nlp, lex, "ICE and DHS declined to respond. Ice formed on the roads.", JAN_2026)
    assert got == [("ICE", "USA", "COP"), ("DHS", "USA", "GOV")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # pool 6202623 (Haitian gangs), 6202743 (kidnappers in Nigeria): criminals are their own sector
        ("Gang members attacked a police station.", ("Gang members", "HTI", "CRM")),
        ("The schoolgirls were freed by their captors on Tuesday.", ("captors", "HTI", "CRM")),
        ("Criminal gangs seeking ransoms kidnapped the pupils.", ("Criminal gangs", "HTI", "CRM")),
    ],
)  # fmt: skip
def test_criminal_groups_are_crm(nlp: Any, lex: Lexicon, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in codes(nlp, lex, text, default_country="HTI")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The gunmen ambushed a police patrol outside the town.", [("gunmen", "MLI", "REB"), ("police patrol", "MLI", "COP")]),
        ("A roadside bomb struck an army convoy on Tuesday.", [("army", "MLI", "MIL")]),
        ("Drones hit a military base in the north.", [("military", "MLI", "MIL")]),
        # a modifier of anything else names no force
        ("Military sources said the road was closed.", []),
        ("The town has been in rebel hands since May.", []),
    ],
)
def test_a_force_named_by_its_unit_or_post(nlp: Any, lex: Lexicon, text: str, expected: list[tuple[str, str, str]]) -> None:
    """A sector noun modifying a noun of a force's units, posts or vehicles names that force."""
    got = [c for c in codes(nlp, lex, text, default_country="MLI") if c[2] in {"COP", "MIL", "REB"}]
    assert got == expected


def test_a_dateline_city_is_no_name_of_its_agency(nlp: Any, lex: Lexicon) -> None:
    # "Mogadishu (AFP) —": the bracket names the agency that filed the story, not the city
    found = find_actors(nlp("Mogadishu (AFP) \u2014 Gunmen killed four Somali soldiers on Monday."), lex, JAN_2026)
    assert [a.org for a in found if a.text == "Mogadishu"] in ([], [""])


def test_a_dateline_town_with_its_country_in_brackets_is_no_person(nlp: Any, lex: Lexicon) -> None:
    """Written here: "Zawiya (Libya) (AFP) -", a town the recogniser takes for a man's name with a
    nationality beside it, is where the story was filed: no actor, and the town named again in the
    story is the town, not a man met again."""
    text = ("Zawiya (Libya) (AFP) - Gunmen attacked a checkpoint on the edge of Zawiya on Monday, killing "
            "two guards, officials said.")
    found = find_actors(nlp(text), lex, JAN_2026)
    assert not [a for a in found if "Zawiya" in a.text], found


def test_an_envoy_of_a_union_named_before_a_known_name_is_the_unions(nlp: Any, lex: Lexicon) -> None:
    """Written here: the parser reads "The African Union's envoy, Olusegun Obasanjo, met ..." with
    the title a modifier of the name, the subject: one actor, the Union's envoy (he had been two,
    a Nigerian met as his own partner)."""
    text = "The African Union's envoy, Olusegun Obasanjo, met Ethiopia's prime minister on Monday in Addis Ababa."
    found = [(a.text, a.country) for a in find_actors(nlp(text), lex, JAN_2026)]
    assert ("African Union's envoy, Olusegun Obasanjo", "IGO") in found
    assert not [f for f in found if f[1] == "NGA"]


def test_a_dateline_agency_is_no_actor_of_the_story(nlp: Any, lex: Lexicon) -> None:
    # "(AP)" says who filed the story: "the student movement" later is not the Associated Press
    text = ("BELGRADE, Serbia (AP) \u2014 Serbia's president accused opposition parties on Sunday of trying to "
            "hijack the student movement.")
    found = find_actors(nlp(text), lex, JAN_2026)
    assert not [a for a in found if a.org == "Associated Press"]


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        # a body named after a place is not that place's: KFOR is NATO's force in Kosovo, the Taiwan
        # Affairs Office Beijing's
        ("The Kosovo Force, known as KFOR, said it had deployed more troops.", "Kosovo Force", "IGO", "MIL"),
        ("The Taiwan Affairs Office said the drills were a warning.", "Taiwan Affairs Office", "CHN", "GOV"),
    ],
)
def test_a_body_named_after_a_place_is_coded_as_whose_it_is(text: str, name: str, country: str, sector: str) -> None:
    from riftwatch.parse import load_nlp

    found = {a.text: (a.country, a.sector) for a in find_actors(load_nlp()(text), Lexicon.load(), None)}
    assert found[name] == (country, sector)


def test_a_commentator_is_of_the_media() -> None:
    """A person introduced as a commentator or correspondent is of the media, of the story's country
    (and "he" opening the next sentence is them)."""
    from riftwatch.parse import load_nlp

    text = "A Tunisian court sentenced a journalist on Monday. Sami Ben Ammar, a commentator for a private radio station, was convicted."
    found = {a.text: (a.country, a.sector) for a in find_actors(load_nlp()(text), Lexicon.load(), None)}
    assert found["Sami Ben Ammar, a commentator"] == ("TUN", "MED")


def test_a_name_that_ends_a_longer_one_is_another_organisation(nlp: Any, lex: Lexicon) -> None:
    """"The Peoples Democratic Party" and "the Social Democratic Party of Germany" are not the US
    Democratic Party whose name ends theirs; the US party, also named with its country, still is."""
    assert [c for c in codes(nlp, lex, "The Peoples Democratic Party rejected the result on Monday.") if c[2] == "PTY"] == []
    assert ("Democratic Party", "USA", "PTY") not in codes(nlp, lex, "The Social Democratic Party of Germany rejected the plan.")
    assert codes(nlp, lex, "The Democratic Party rejected the budget.") == [("Democratic Party", "USA", "PTY")]
    assert codes(nlp, lex, "The U.S. Democratic Party rejected the budget.") == [("U.S. Democratic Party", "USA", "PTY")]


def test_a_country_name_before_city_names_the_city(nlp: Any, lex: Lexicon) -> None:
    """"Benin City" is a city of Nigeria, not Benin; a capital so named is an entry of its own."""
    assert ("Benin", "BEN", "") not in codes(nlp, lex, "Police in Benin City arrested twelve protesters.")
    assert ("Benin", "BEN", "") in codes(nlp, lex, "Benin closed its border with Nigeria.")
    assert {c[1] for c in codes(nlp, lex, "The mayor of Mexico City met reporters.")} == {"MEX"}



def test_the_pakistani_taliban_by_another_spelling(nlp: Any, lex: Lexicon) -> None:
    """"Tehreek-i-Taliban Pakistan" is the Pakistani Taliban (PAK), not the Afghan Taliban its
    middle word names."""
    assert ("Tehreek-i-Taliban Pakistan", "PAK", "REB") in codes(nlp, lex, "Tehreek-i-Taliban Pakistan claimed the attack in Bannu.")


def test_a_party_said_of_another_country_is_not_the_us_party(nlp: Any, lex: Lexicon) -> None:
    """"South Korea's main opposition Democratic Party", "the Democratic Party of Korea" are not
    the US Democratic Party; the US party, named alone or with its country, is."""
    assert not [c for c in codes(nlp, lex, "South Korea's main opposition Democratic Party accused the prime minister.") if c[1] == "USA"]
    assert not [c for c in codes(nlp, lex, "The Democratic Party of Korea accused the prime minister.") if c[1] == "USA"]
    # no US party is called the opposition or ruling party; other countries' parties of their own name are
    assert not [c for c in codes(nlp, lex, "The main opposition Democratic Party accused the prime minister.") if c[1] == "USA"]
    assert ("CHP", "TUR", "PTY") in codes(nlp, lex, "The main opposition CHP accused the president.")
    assert ("People Power Party", "KOR", "PTY") in codes(nlp, lex, "The ruling People Power Party accused the opposition.")
    assert ("Democratic Party", "USA", "PTY") in codes(nlp, lex, "The Democratic Party accused the president.")
    assert [c[1] for c in codes(nlp, lex, "America's Democratic Party accused the president.")] == ["USA"]


def test_a_body_of_states_said_to_be_a_countrys_is_that_countrys(nlp: Any, lex: Lexicon) -> None:
    """"Russia's Security Council", "the National Security Council" are no UN organ; the Security
    Council alone, or the veto a country holds there, is."""
    assert not [c for c in codes(nlp, lex, "Shoigu heads Russia's Security Council.") if c[1] == "IGO"]
    assert ("National Security Council", "", "GOV") in codes(nlp, lex, "The National Security Council met on Sunday.")
    assert not [c for c in codes(nlp, lex, "The National Security Council met on Sunday.") if c[1] == "IGO"]
    assert ("Security Council", "IGO", "IGO") in codes(nlp, lex, "The Security Council met on Sunday.")
    assert ("Security Council", "IGO", "IGO") in codes(nlp, lex, "Moscow used its Security Council veto.")


def test_weapons_a_sector_noun_owns_are_its_forces(nlp: Any, lex: Lexicon) -> None:
    """"Warplanes" need an owner: a country ("Russian drones"), or a junta, an army or rebels before
    them ("junta warplanes" are its air force, "rebel drones" the rebels'); a noun of acts is none."""
    assert ("junta warplanes", "", "MIL") in codes(nlp, lex, "Heavy fighting went on as junta warplanes bombed the town.")
    assert ("rebel drones", "", "REB") in codes(nlp, lex, "Heavy fighting went on as rebel drones hit the airport.")
    assert not codes(nlp, lex, "Heavy fighting went on as warplanes bombed the town.")
    assert not codes(nlp, lex, "They marked the anniversary of the terrorist strikes.")


def test_party_families_are_no_us_democrats(nlp: Any, lex: Lexicon) -> None:
    """"Social Democrats", "Christian Democrats" are parties of many countries, not the US
    Democrats their last word names; Germany's parties by their initials; PNG is Papua New Guinea."""
    found = codes(nlp, lex, "The Social Democrats accused the Christian Democrats of betrayal.")
    assert not [c for c in found if c[1] == "USA"] and {c[2] for c in found} == {"PTY"}
    assert ("SPD", "DEU", "PTY") in codes(nlp, lex, "The SPD accused the CDU of betrayal.")
    assert ("Democrats", "USA", "PTY") in codes(nlp, lex, "Senate Democrats accused the president of betrayal.")
    assert ("PNG", "PNG", "") in codes(nlp, lex, "PNG closed its border on Monday.")
    # ministers and opposition leaders the helpers' stories named, coded by their own country
    assert [c[1] for c in codes(nlp, lex, "Penny Wong summoned the envoy.")] == ["AUS"]
    assert [c[1:] for c in codes(nlp, lex, "Sviatlana Tsikhanouskaya called on the EU to act.") if c[0].startswith("Sviat")] == [("BLR", "OPP")]


def test_a_deputy_of_another_title_is_no_lawmaker(nlp: Any, lex: Lexicon) -> None:
    """"Russia's deputy U.N. envoy" is Russia's diplomat, one actor; a deputy alone is a lawmaker."""
    assert ("Russian deputy", "RUS", "LEG") in codes(nlp, lex, "A Russian deputy walked out of the chamber.")
    assert codes(nlp, lex, "Russia's deputy U.N. envoy Dmitri Orlov accused Britain.")[0][1:] == ("RUS", "GOV")
    assert not [c for c in codes(nlp, lex, "Russia's deputy U.N. envoy Dmitri Orlov accused Britain.") if c[2] in {"LEG", "IGO"}]


def test_an_office_only_some_countries_call_so_is_a_name(nlp: Any, lex: Lexicon) -> None:
    """"Congress" and "the Treasury" are the legislature and the finance ministry; "a party congress",
    "the state treasury" are a meeting and public money."""
    assert ("Congress", "USA", "LEG") in codes(nlp, lex, "Congress passed the bill.")
    assert [c[0] for c in codes(nlp, lex, "The rebels held a congress in the hills to elect a chairman.")] == ["rebels"]
    assert not codes(nlp, lex, "The funds went to the state treasury.")


def test_the_islamic_emirate_is_the_taliban_by_the_name_they_give_themselves(nlp: Any, lex: Lexicon) -> None:
    """In power since 2021, the Taliban's government; before, the insurgency."""
    text = "The Islamic Emirate's foreign ministry condemned the strike."
    assert codes(nlp, lex, text, JAN_2026) == [("Islamic Emirate's foreign ministry", "AFG", "GOV")]
    assert codes(nlp, lex, text, MAY_2016) == [("Islamic Emirate's foreign ministry", "AFG", "REB")]


def test_a_sector_opening_a_hyphened_modifier_is_no_party(nlp: Any, lex: Lexicon) -> None:
    """"An intelligence-sharing deal", "police-run checkpoints": the sector word describes a thing;
    "the military-led government" is one party, the government."""
    assert not [c for c in codes(nlp, lex, "Tokyo ended its intelligence-sharing deal with Seoul.") if c[2] == "SPY"]
    assert not [c for c in codes(nlp, lex, "Gunmen burned two police-run checkpoints in Kenya.") if c[2] == "COP"]
    found = codes(nlp, lex, "The military-led government of Mali expelled the envoy.")
    assert [c[2] for c in found if c[1] == "MLI"] == ["GOV"]
    assert [c[1:] for c in codes(nlp, lex, "Kenyan police arrested him.")] == [("KEN", "COP")]
    # who holds a place is there: "shelled rebel-held villages" falls on the rebels
    assert [c[2] for c in codes(nlp, lex, "Sudan's army shelled rebel-held villages.") if c[2] == "REB"] == ["REB"]


def test_official_titles_with_for_are_the_offices(nlp: Any, lex: Lexicon) -> None:
    """Written here: "Minister for Foreign Affairs", as some governments style it, is the foreign minister."""
    found = codes(nlp, lex, "Ireland's Minister for Foreign Affairs Aoife Byrne met the envoy.")
    assert found[0][1:] == ("IRL", "GOV") and len(found) == 1
    assert codes(nlp, lex, "The Minister for Home Affairs of Singapore spoke.")[0][1:] == ("SGP", "GOV")


def test_a_state_agency_named_as_another_countrys_is_that_countrys(nlp: Any, lex: Lexicon) -> None:
    """Written here: a "State Security Service" said to be Georgia's is Georgia's intelligence
    service, whichever country's agency the lexicon knows by that name."""
    found = codes(nlp, lex, "Georgia's State Security Service detained two activists.")
    assert found[0][1:] == ("GEO", "SPY")


def test_a_country_name_the_story_places_as_a_us_state_is_american(nlp: Any, lex: Lexicon) -> None:
    """Written here: in a story from Atlanta, "Georgia's governor" and "Georgia Republicans" are
    American: the gazetteer reads Georgia as the state there; from Tbilisi, Georgia is the country."""
    from riftwatch.geo.gazetteer import Gazetteer
    from riftwatch.geo.resolve import find_places

    def actors(text: str) -> list[tuple[str, str, str]]:
        doc = nlp(text)
        places = find_places(doc, Gazetteer.load(), text=text)
        return [(a.text, a.country, a.sector) for a in find_actors(doc, lex, dt.date(2025, 3, 1), context=ArticleContext(), places=places)]

    found = actors("ATLANTA — Georgia's governor signed the bill on Tuesday. Georgia Republicans praised it.")
    assert {c for _, c, _ in found} == {"USA"}
    # a name the story makes a party on its own is the state wherever it stands, whatever province
    # of the story's country bears it (Niger State of Nigeria, in a story from Abuja)
    found = actors("ABUJA (Reuters) - Gunmen killed 12 farmers in Zamfara and Kaduna states on Monday, Nigerian police "
                   "said. Niger recalled its ambassador to Nigeria on Tuesday. Officials in Kano and Sokoto said the "
                   "Niger border was closed.")
    assert [c for t, c, _ in found if t == "Niger"] == ["NER", "NER"]
    assert ("Georgia's prime minister", "GEO", "GOV") in actors("TBILISI — Georgia's prime minister met the protesters.")


def test_people_at_an_organisation_are_its(nlp: Any, lex: Lexicon) -> None:
    """Written here: "judges at the International Criminal Court" in a story from The Hague are the
    court's, not the Netherlands'; "soldiers at the base" stay where the story puts them."""
    found = codes(nlp, lex, "Judges at the International Criminal Court issued a warrant for the general.")
    assert found[0][1:] == ("IGO", "JUD") and len(found) == 1


def test_a_name_after_anti_or_pro_is_no_party(nlp: Any, lex: Lexicon) -> None:
    """"Anti-Japan protesters" are not Japan's, nor "anti-government protesters" the government."""
    assert codes(nlp, lex, "Anti-Japan protesters marched to the consulate.", default_country="") == [
        ("protesters", "", "CVL")]
    assert codes(nlp, lex, "Anti-government students blocked the road.", default_country="") == [("students", "", "EDU")]


def test_news_outlets_are_the_media(nlp: Any, lex: Lexicon) -> None:
    """Newspapers, radio and television stations and news websites are the media (MED)."""
    got = codes(nlp, lex, "The junta shut down two radio stations, a newspaper and several news websites.", default_country="")
    assert [(t, s) for t, _, s in got if s == "MED"] == [("radio stations", "MED"), ("newspaper", "MED"), ("news websites", "MED")]


def test_the_states_of_a_region_are_unnamed_states(nlp: Any, lex: Lexicon) -> None:
    """"European leaders", "Western governments", "Arab governments": of a region's states, none
    named (no country, the state's sector), as bare "governments" names no party at all."""
    for text in ("Western governments condemned the vote.", "Arab governments welcomed the truce.", "European leaders met."):
        got = codes(nlp, lex, text, default_country="")
        assert [(c, s) for _, c, s in got] == [("", "GOV")], text
    assert codes(nlp, lex, "Governments condemned the vote.", default_country="") == []


def test_a_sector_noun_right_before_a_name_describes_that_person(nlp: Any, lex: Lexicon) -> None:
    """"Gang leader Jean Baptiste": the person the words describe, of the sector they name."""
    got = codes(nlp, lex, "Police said gang leader Jean Baptiste Ozias was killed.", default_country="HTI")
    assert ("gang leader Jean Baptiste Ozias", "HTI", "CRM") in got


def test_the_government_an_opposition_faults_is_its_own() -> None:
    import datetime as dt

    from riftwatch.pipeline import Coder, Config
    from riftwatch.records import Article

    text = ("WASHINGTON — The United States on Tuesday raised tariffs on Brazilian beef, U.S. officials said. "
            "Washington also criticized Brazilian export subsidies. "
            "Brazilian opposition leader Tarcisio Freitas accused the government of failing to protect farmers.")  # fmt: skip
    coded = next(Coder(Config(learned=False)).code([Article(id="gov", text=text, published=dt.date(2025, 3, 14))]))
    accused = next(e for e in coded.events if e.trigger.text == "accused")
    assert {(a.country, a.sector) for a in accused.target} == {("BRA", "GOV")}


def test_a_leader_named_by_a_lesser_office_is_a_namesake() -> None:
    """"Defense Minister Pedro Sanchez" in a story about Peru is not Spain's prime minister: a
    person the lexicon knows only as a state's leader, introduced by an office they never held, is
    someone else of that name (the story's own country); "Prime Minister Pedro Sanchez" is still
    Spain's."""
    import datetime as dt

    from riftwatch.pipeline import Coder, Config
    from riftwatch.records import Article

    coder = Coder(Config(learned=False))
    text = ("LIMA — Peruvian troops moved into two northern provinces on Monday, the army said. "
            "Defense Minister Pedro Sanchez praised the soldiers on Tuesday.")  # fmt: skip
    coded = next(coder.code([Article(id="p", text=text, published=dt.date(2025, 3, 14))]))
    praised = next(e for e in coded.events if e.trigger.text == "praised")
    assert [(a.name, a.country) for a in praised.source] == [("Pedro Sanchez", "PER")]
    text = "MADRID — Prime Minister Pedro Sanchez praised the soldiers on Tuesday."
    coded = next(coder.code([Article(id="s", text=text, published=dt.date(2025, 3, 14))]))
    praised = next(e for e in coded.events if e.trigger.text == "praised")
    assert [a.country for a in praised.source] == ["ESP"]


def test_a_people_no_state_owns_is_of_where_it_lives() -> None:
    """"Serbs" in a story from Kosovo are Kosovo's; "Bosnian Serb" officials are Bosnia's, and
    "Bosnian Serb leader Milorad Dodik" one person, Bosnia's; in a story from Serbia, Serbs stay Serbia's."""
    import datetime as dt

    from riftwatch.pipeline import Coder, Config
    from riftwatch.records import Article

    coder = Coder(Config(learned=False))

    def parties(text: str, word: str) -> list[tuple[str, str, str]]:
        coded = next(coder.code([Article(id="k", text=text, published=dt.date(2025, 3, 14))]))
        e = next(e for e in coded.events if e.trigger.text == word)
        return [(a.name, a.country, a.sector) for a in (*e.source, *e.target)]

    assert ("Kosovo", "XKX", "CVL") in parties(
        "Police in Mitrovica arrested three Serbs on Tuesday, Kosovo officials said.", "arrested")
    assert [c for _, c, _ in parties("EU envoys met Bosnian Serb leader Milorad Dodik in Banja Luka on Monday.", "met")
            ] == ["IGO", "BIH"]  # fmt: skip
    assert ("Serbia", "SRB", "CVL") in parties("Thousands of Serbs marched in Belgrade and Novi Sad on Saturday.", "marched")


def test_leaders_of_a_community_are_civilians(nlp: Any, lex: Lexicon) -> None:
    """"community leaders", "tribal elders": leaders of a community, not of a state (CVL); bare
    "leaders" of a country are still its government."""
    got = codes(nlp, lex, "Gunmen killed two community leaders and a village elder near the river.", default_country="COL")
    assert ("community leaders", "COL", "CVL") in got
    got = codes(nlp, lex, "Tribal elders met the governor on Sunday.", default_country="LBY")
    assert ("Tribal elders", "LBY", "CVL") in got
    assert ("leaders", "LBY", "GOV") in codes(nlp, lex, "The leaders met on Sunday.", default_country="LBY")


def test_what_someone_is_said_to_be_is_no_party_of_its_own() -> None:
    """"U.N. envoy Jan Novak, a Czech diplomat, met ...": the envoy acts, not the Czech Republic;
    a description of someone nothing else codes still codes them ("met Ali Haidari, an Afghan
    official")."""
    import datetime as dt

    from riftwatch.pipeline import Coder, Config
    from riftwatch.records import Article

    coder = Coder(Config(learned=False))
    text = ("U.N. envoy Jan Novak, a Czech diplomat, met Houthi leaders in Muscat on Monday. "
            "The EU envoy, Mara Lind, a former Finnish minister, visited Belgrade on Tuesday. "
            "Police detained Ali Haidari, an Afghan journalist, on Wednesday.")  # fmt: skip
    coded = next(coder.code([Article(id="d", text=text, published=dt.date(2025, 3, 14))]))
    by = {e.trigger.text: e for e in coded.events}
    assert [a.country for a in by["met"].source] == ["IGO"]
    assert [a.country for a in by["visited"].source] == ["IGO"]
    assert [a.country for a in by["detained"].target] == ["AFG"]


def test_a_foreign_secretary_unknown_to_the_lexicon_is_of_the_country_filing_the_story() -> None:
    """Bangladesh, Pakistan, Sri Lanka, Nepal and the Philippines have foreign secretaries too: one
    unknown to the lexicon, in a story filed from Dhaka, is Bangladesh's, not India's because India
    is named more often."""
    import datetime as dt

    from riftwatch.pipeline import Coder, Config
    from riftwatch.records import Article

    text = ("DHAKA, Bangladesh — Bangladesh on Tuesday summoned India's envoy over a shooting at the border near Sylhet. "
            "India's border force said its troops had fired in self-defense, and New Delhi rejected the protest. "
            "Foreign Secretary Rafiqul Hasan criticized India on Wednesday.")  # fmt: skip
    coded = next(Coder(Config(learned=False)).code([Article(id="f", text=text, published=dt.date(2025, 3, 14))]))
    e = next(e for e in coded.events if e.trigger.text == "criticized")
    assert [(a.name, a.country) for a in e.source] == [("Rafiqul Hasan", "BGD")]


def test_churches_and_their_leaders_are_religious(nlp: Any, lex: Lexicon) -> None:
    """Churches, bishops, pastors, mosques and a bishops' conference are religious actors (REL)."""
    got = codes(nlp, lex, "The churches and the bishops urged both sides to talk.", default_country="CMR")
    assert [(t, s) for t, _, s in got] == [("churches", "REL"), ("bishops", "REL")]
    got = codes(nlp, lex, "The bishops' conference called for calm.", default_country="COL")
    assert [s for _, _, s in got] == ["REL"]


def test_officers_of_a_force_are_that_force_and_no_place(nlp: Any, lex: Lexicon) -> None:
    """"Navy officers", "coast guard officers": units a force names are that force's, bare too; and
    the "Coast" of "Coast Guard" at a sentence's start is no region of any country."""
    import datetime as dt

    from riftwatch.pipeline import Coder, Config
    from riftwatch.records import Article

    assert codes(nlp, lex, "Navy officers seized the boat.", default_country="NOR") == [("Navy officers", "NOR", "MIL")]
    text = "OSLO — Norway seized two fishing boats on Sunday. Coast Guard officers fired warning shots on Monday."
    coded = next(Coder(Config(learned=False)).code([Article(id="c", text=text, published=dt.date(2025, 3, 14))]))
    fired = next(e for e in coded.events if e.trigger.text == "fired")
    assert [(a.country, a.sector) for a in fired.source] == [("NOR", "MIL")]
    assert fired.place is None or fired.place.country == "NOR"


def test_officers_in_a_story_of_the_police_are_police(nlp: Any, lex: Lexicon) -> None:
    """"Officers" no force names are police where the story has so far named the police more than
    the armed forces; "the officers" are those named so before; officers said to be of a force are
    that force's; in a story of an army, officers stay the army's."""
    police = ("Ghanaian police officers landed in Monrovia on Friday. The officers were welcomed by the mayor. "
              "Two Ghanaian officers were hurt on Sunday. Police said officers arrested four smugglers.")
    found = codes(nlp, lex, police, default_country=None)
    assert ("officers", "GHA", "COP") in found
    assert ("Ghanaian officers", "GHA", "COP") in found
    assert sum(1 for t, _, s in found if t == "officers" and s == "COP") == 2
    army = "Ghana's army moved two battalions north. Soldiers guarded the bridge. Two Ghanaian officers were hurt."
    assert ("Ghanaian officers", "GHA", "MIL") in codes(nlp, lex, army, default_country=None)
    # officers a speaker tells of are of the speaker's country, as the speaker's government is
    told = "Police patrolled Lima on Monday. Ivan Morel, Haiti's police chief, said officers had arrested five men."
    assert ("officers", "HTI", "COP") in codes(nlp, lex, told, default_country=None)
    guard = "Police blocked the road on Monday. Officers from the national guard detained two students."
    assert all(s != "COP" or t != "Officers" for t, _, s in codes(nlp, lex, guard, default_country="TUN"))


def test_our_officers_are_not_the_speaker(nlp: Any) -> None:
    """A plural group a later "they" takes up is the group, not whose it is: "our officers" in a
    spokesman's words are not the spokesman."""
    import datetime as dt

    from riftwatch.pipeline import Coder, Config
    from riftwatch.records import Article

    text = ("Gunmen ambushed a police patrol outside Goma on Tuesday. \"Our officers came under fire near the market,\" "
            "said Paul Mbeki, a spokesman for the police. \"They returned fire and drove the attackers off.\"")
    coded = next(Coder(Config(learned=False)).code([Article(id="o", text=text, published=dt.date(2025, 3, 14))]))
    returned = next(e for e in coded.events if e.trigger.text == "returned")
    assert returned.source and all(a.person != "Paul Mbeki" and a.sector == "COP" for a in returned.source)


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        ("The Malawi Law Society criticized the new bill on Monday.", "Malawi Law Society", "MWI", "NGO"),
        ("The Zambian Bar Association urged judges to resign.", "Zambian Bar Association", "ZMB", "NGO"),
        ("The Liberia National Union of Teachers called a strike.", "Liberia National Union of Teachers", "LBR", "EDU"),
        ("The Malawi Conference of Catholic Bishops appealed for calm.", "Malawi Conference of Catholic Bishops", "MWI", "REL"),
        ("The Peruvian Renewal Alliance denounced the ruling.", "Peruvian Renewal Alliance", "PER", "NGO"),
        # ... or the name ends with it
        ("The Law Society of Malawi criticized the new bill on Monday.", "Law Society of Malawi", "MWI", "NGO"),
    ],
)
def test_a_body_named_after_its_country_is_no_state(nlp: Any, lex: Lexicon, text: str, name: str, country: str, sector: str) -> None:
    """A country or nationality opening the name of a body the lexicon does not know is that body,
    of that country, of the sector its name gives, not the state (nor a state plus the body)."""
    found = [(a.name, a.country, a.sector) for a in find_actors(nlp(text), lex, MAY_2016)]
    assert found[0] == (name, country, sector), found
    assert all(not (c == country and s in ("", "GOV")) for _, c, s in found), found


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        # an army the lexicon does not know, and no state's name or nationality opens, is rebels
        ("The Karenni Unity State Army shelled a police post near Loikaw.", "Karenni Unity State Army", "", "REB"),
        ("The Tanu Hills Salvation Army denied attacking the convoy.", "Tanu Hills Salvation Army", "", "REB"),
        # ... as is one a country's name opens whose name says it fights the state
        ("The Kosovo Liberation Army ambushed a Serbian patrol.", "Kosovo Liberation Army", "XKX", "REB"),
        # a country word or nationality makes it that state's army, and words of no one army change nothing
        ("The Royal Thai Army shelled the ridge.", "", "THA", "MIL"),
        ("The Second Army shelled the ridge.", "", "", "MIL"),
        # a party's name the lexicon does not know is one party of the story's country, by its
        # whole name, as is one a member of it is said to belong to
        ("Malawian police detained two men. The Tonse Unity Party for Reform and Renewal accused the police of torture.",
         "Tonse Unity Party for Reform and Renewal", "MWI", "PTY"),
        (("Mexican senator Lilly Ramos, a member of the opposition Civic Renewal Party, accused Washington and the "
          "U.S. Congress of meddling."), "Civic Renewal Party", "MEX", "PTY"),
        # nor do an insurgent's words alone name one group ("the Salvation Army" is a charity)
        ("The Salvation Army handed out blankets in Lviv.", "", "", "MIL"),
    ],
)
def test_an_army_or_a_party_the_lexicon_does_not_know(nlp: Any, lex: Lexicon, text: str, name: str, country: str, sector: str) -> None:
    found = [(a.name, a.country, a.sector) for a in find_actors(nlp(text), lex, MAY_2016)]
    armies = [f for f in found if f[2] in ("REB", "MIL", "PTY")]
    assert armies and armies[0][2] == sector, found
    if name:
        assert armies[0][0] == name, found
    if country:
        assert armies[0][1] == country, found


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a party named with words any country's party may bear is the story's own country's
        # where the lexicon's country is named no more than once otherwise
        (("Malawian police arrested two activists in Lilongwe. The Democratic Progressive Party accused President "
          "Lazarus Chakwera's government of silencing critics."), "MWI"),
        (("Seoul's prosecutors indicted the former defence minister. Democratic Party lawmakers said the South Korean "
          "government had misled parliament."), "KOR"),
        # ... and the lexicon's where the story is about its country
        (("Republicans in the U.S. Senate blocked the bill. The Democratic Party accused the White House and "
          "Washington's allies in Congress of stalling."), "USA"),
    ],
)
def test_a_party_of_a_common_name_is_the_story_countrys(nlp: Any, lex: Lexicon, text: str, country: str) -> None:
    found = codes(nlp, lex, text, default_country=None)
    parties = [c for t, c, s in found if "Party" in t]
    assert parties and all(c == country for c in parties), found


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # a state's company is a company, whatever words modify it between the owner and the head
        ("Uganda's state oil company signed the deal with Kenya.", ("Uganda's state oil company", "UGA", "BUS")),
        ("Kenya's state-run airline suspended flights to Juba.", ("Kenya's state-run airline", "KEN", "BUS")),
        ("Tanzania's state power utility company cut supplies to Kenya.",
         ("Tanzania's state power utility company", "TZA", "BUS")),
        # ... and an airline named after its country is that country's airline, not its state
        ("Kenya Airways suspended flights to Juba.", ("Kenya Airways", "KEN", "BUS")),
    ],
)
def test_a_states_company_is_a_company(nlp: Any, lex: Lexicon, text: str, actor: tuple[str, str, str]) -> None:
    found = codes(nlp, lex, text)
    name, country, sector = actor
    assert any(t == name and s == sector and (not country or c == country) for t, c, s in found), found


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # a title "of" a force named by its sector noun, then the holder: one person of that force
        ("Uganda's Inspector General of Police Abas Byakagaba ordered the arrests.",
         ("Uganda's Inspector General of Police Abas Byakagaba", "UGA", "COP")),
        ("Ghana's Inspector-General of Police Christian Tetteh Yohonu banned the march.",
         ("Ghana's Inspector-General of Police Christian Tetteh Yohonu", "GHA", "COP")),
    ],
)
def test_a_title_of_a_force_and_its_holder_are_one_person(nlp: Any, lex: Lexicon, text: str, actor: tuple[str, str, str]) -> None:
    found = codes(nlp, lex, text)
    assert found[0] == actor, found


def test_a_state_council_stays_the_state(nlp: Any, lex: Lexicon) -> None:
    # "Council" ends the names of a state's own bodies too: without a sector of its own, no body
    found = codes(nlp, lex, "The Malawi National Security Council met on Monday.")
    assert all(s in ("", "GOV") for _, c, s in found if c == "MWI"), found


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a country's own opposition, press or bodies act on its government, whatever government
        # the story named last
        ("Sudan's army seized the airport. Chad's opposition criticized the government's handling of the crisis.", "TCD"),
        ("Sudan's army seized the airport. The Chadian Human Rights League urged the government to free the men.", "TCD"),
        ("Sudan's army seized the airport. The Law Society of Kenya accused the interior ministry of lying.", "KEN"),
    ],
)
def test_own_critics_act_on_their_own_government(nlp: Any, lex: Lexicon, text: str, country: str) -> None:
    found = codes(nlp, lex, text, default_country=None)
    words = [(t, c) for t, c, s in found if t in ("government", "interior ministry")]
    assert words and all(c == country for _, c in words), found


def test_an_opposition_faulting_a_rulers_conduct_is_that_rulers_countrys(nlp: Any, lex: Lexicon) -> None:
    # written here: a story most about Washington; the opposition faults the conduct of the
    # Colombian president named before by surname, so it is Colombia's
    text = ("The U.S. Treasury sanctioned Colombian President Gustavo Petro on Friday. Washington said the sanctions "
            "would stay, and the White House said Washington would review aid. Opposition lawmakers criticized Petro's "
            "handling of the dispute.")
    found = codes(nlp, lex, text, default_country=None)
    assert [c for t, c, s in found if t == "Opposition lawmakers"] == ["COL"], found


def test_unnamed_foreign_bodies_are_no_critics_own(nlp: Any, lex: Lexicon) -> None:
    # "unnamed foreign intelligence services" are some other country's, whoever acts on them
    found = codes(nlp, lex, "Serbian students accused unnamed foreign intelligence services of meddling.",
                  default_country=None)
    assert all(c != "SRB" for t, c, _ in found if "intelligence" in t), found


def test_a_name_said_to_be_a_place_is_no_person_of_that_country(nlp: Any) -> None:
    """"Papua, a former Dutch colony": an apposition that calls a name a colony, a town or a
    province says it is a place, whatever the tagger took it for; its words give no one's country."""
    from riftwatch.actors.people import introducing_words

    doc = nlp("Kivuna, a former Belgian colony on the lake, was joined to the republic in 1962.")
    assert doc[2].text == "a" and introducing_words(doc, 0, 1) == []
    doc = nlp("Jane Doe, a former Belgian diplomat, was named envoy in 1962.")
    assert "Belgian" in [t.text for t in introducing_words(doc, 0, 2)]


@pytest.mark.parametrize(
    ("text", "name", "sector"),
    [
        # what someone does, before their name: a politician is of a party, a businessman of business
        ("The court rejected an appeal by far-right politician Ion Vadeanu on Tuesday.", "Ion Vadeanu", "PTY"),
        ("Presidential candidate Elena Dragu criticized the ruling.", "Elena Dragu", "PTY"),
        ("Businessman Ion Marinescu condemned the move.", "Ion Marinescu", "BUS"),
    ],
)
def test_a_politician_or_businessman_is_coded(nlp: Any, lex: Lexicon, text: str, name: str, sector: str) -> None:
    found = find_actors(nlp(text), lex, MAY_2016, default_country="ROU")
    assert any(a.person == name and a.sector == sector for a in found), found


def test_a_known_office_holder_described_as_a_businessman_keeps_the_office(nlp: Any, lex: Lexicon) -> None:
    # "appointed businessman X": the lexicon's prime minister is still the prime minister
    found = find_actors(nlp("The council appointed businessman Alix Didier Fils-Aime on Monday."), lex,
                        dt.date(2025, 3, 1), default_country="HTI")
    assert [a.sector for a in found if a.person] == ["GOV"], found


def test_a_chairman_named_is_coded(nlp: Any, lex: Lexicon) -> None:
    """"Party chairman X": a chairman is a title that codes the person named after it; a chairman
    "of a committee" keeps the sector of the office named before ("Senator X, chairman of ...")."""
    found = find_actors(nlp("Party chairman Ion Radu rejected the claims."), lex, MAY_2016, default_country="MDA")
    assert any(a.person == "Ion Radu" and a.sector == "PTY" for a in found), found
    found = find_actors(nlp("Senator Jane Roe, chairman of the Senate Armed Services Committee, welcomed the sale."), lex,
                        MAY_2016, default_country="USA")
    assert any(a.person == "Jane Roe" and a.sector == "LEG" for a in found), found


@pytest.mark.parametrize("text", ["The army will police the border from Monday.",
                                  "Regulators wanted new powers to police online content."])
def test_a_group_word_used_as_a_verb_is_no_group(nlp: Any, lex: Lexicon, text: str) -> None:
    # "to police online content": an act, no police force
    assert "COP" not in {s for _, _, s in codes(nlp, lex, text, default_country="ROU")}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The electricity minister, Ziad Ali Fadel, rejected the strikers' demands on Sunday.", "Ziad Ali Fadel"),
        ("The president's spokesman, Ateny Wek Ateny, defended the decision on Monday.", "Ateny Wek Ateny"),
    ],
)
def test_a_name_after_a_title_and_its_comma_is_the_holder_whatever_the_entity_label(
    nlp: Any, lex: Lexicon, text: str, name: str
) -> None:
    # "the electricity minister, Ziad Ali Fadel,": the recogniser tags the name an organisation;
    # after a title and its comma it is the person who holds the title
    found = find_actors(nlp(text), lex, MAY_2016, default_country="IRQ")
    assert [a.person for a in found if a.person] == [name], found


def test_the_minister_met_again_is_no_prime_minister(nlp: Any, lex: Lexicon) -> None:
    # "the minister" takes up the last minister named, not a prime minister named since: a prime
    # minister is met again as "the prime minister"
    ctx = ArticleContext()
    when = dt.date(2025, 3, 1)
    find_actors(nlp("Egyptian Foreign Minister Badr Abdelatty hosted former Prime Minister Abdalla Hamdok in Cairo."), lex, when, context=ctx)
    again = find_actors(nlp("The minister later called his Saudi counterpart."), lex, when, context=ctx)
    assert [a.country for a in again if a.text == "minister"] == ["EGY"], again
    again = find_actors(nlp("The prime minister thanked his hosts."), lex, when, context=ctx)
    assert [a.person for a in again if a.text == "prime minister"] == ["Abdalla Hamdok"], again


def test_a_hyphened_given_name_is_the_persons_whole_name(nlp: Any, lex: Lexicon) -> None:
    # written here: the recogniser leaves "-mok" out of "Choi Sang-mok"; the name runs to its end
    found = [a.text for a in find_actors(nlp("Acting President Choi Sang-mok met the envoys on Tuesday."), lex, None)]
    assert found and found[0].endswith("Choi Sang-mok")


def test_a_people_after_a_capitalised_word_is_no_persons_name(nlp: Any, lex: Lexicon) -> None:
    # written here: the recogniser reads "Exiled Syrians" opening a sentence as a man's name
    found = codes(nlp, lex, "Exiled Syrians in Turkey criticized the decision on Monday.")
    assert [c for t, c, _ in found if "Syrians" in t] == ["SYR"]


def test_a_name_of_a_country_is_one_person_of_it(nlp: Any, lex: Lexicon) -> None:
    """Written here: "Kwame Mensah of Ghana" is a Ghanaian, one actor of no sector the words give;
    Ghana is no second party (it had been, as the state)."""
    found = [(a.text, a.country, a.sector) for a in
             find_actors(nlp("On Monday, Kwame Mensah of Ghana urged both sides to return to talks."), lex, JAN_2026)]
    assert found == [("Kwame Mensah of Ghana", "GHA", "")]


def test_a_titled_leaders_body_is_one_actor_and_he_is_named(nlp: Any, lex: Lexicon) -> None:
    """Written here: "President Luis Abinader's government" is one actor, the government (it was two,
    the president and "government"); "President Donald Trump's special envoy, Steve Witkoff" is the
    envoy; a pronoun after the first may still be the president."""
    found = [(a.text, a.country, a.sector) for a in
             find_actors(nlp("President Luis Abinader's government pressed Haiti to act."), lex, JAN_2026)]
    assert found[0] == ("President Luis Abinader's government", "DOM", "GOV") and len(found) == 2
    found = [a.text for a in find_actors(nlp("President Donald Trump's special envoy, Steve Witkoff, met Putin."),
                                         lex, JAN_2026)]
    assert found == ["President Donald Trump's special envoy, Steve Witkoff", "Putin"]
    ctx = ArticleContext()
    find_actors(nlp("Prosecutors suspended President Luis Abinader's party on Monday."), lex, JAN_2026, context=ctx)
    [him] = [a for a in find_actors(nlp("They accused him of treason."), lex, JAN_2026, context=ctx) if a.text == "him"]
    assert him.country == "DOM"


def test_the_countrys_people_acted_on_are_not_the_subjects(nlp: Any, lex: Lexicon) -> None:
    """Written here: "Canada urged the country's leaders to ..." in a story of Peru are Peru's
    leaders (they were Canada's, the state its sentence names first)."""
    ctx = ArticleContext()
    find_actors(nlp("Protests spread across Peru on Monday as Peru's president refused to resign."), lex, JAN_2026, context=ctx)
    found = [(a.text, a.country) for a in find_actors(nlp("Canada urged the country's leaders to talk."), lex, JAN_2026, context=ctx)]
    assert ("the country's leaders", "PER") in found or ("leaders", "PER") in found


def test_an_office_placed_by_its_own_phrase_is_of_that_country(nlp: Any, lex: Lexicon) -> None:
    """Written here: "a federal judge in Texas" in a story most about Honduras is an American judge
    (the story's country had been taken for every unnamed office)."""
    from riftwatch.geo.gazetteer import Gazetteer
    from riftwatch.geo.resolve import find_places

    text = ("Honduras condemned the deportations on Sunday. Honduras's foreign minister called them illegal. "
            "On Monday, a federal judge in Texas ordered the government to halt the flights.")
    doc = nlp(text)
    found = find_actors(doc, lex, JAN_2026, context=ArticleContext(), places=find_places(doc, Gazetteer.load(), text=text))
    assert [(a.country, a.sector) for a in found if a.text.endswith("judge")] == [("USA", "JUD")]


def test_a_commission_or_council_a_country_opens_is_that_states_body(nlp: Any, lex: Lexicon) -> None:
    """Written here: "the Zambia National Commission for Human Rights" is one actor, a Zambian state
    body (it had been "Zambia" alone, the state as such)."""
    found = [(a.text, a.country, a.sector) for a in find_actors(
        nlp("The Zambia National Commission for Human Rights accused police of beating students."), lex, JAN_2026)]
    assert found[0][1:] == ("ZMB", "GOV") and found[0][0].startswith("Zambia National Commission")


def test_a_security_service_many_states_name_so_is_the_storys_states(nlp: Any, lex: Lexicon) -> None:
    """Written here: a "State Security Service" or "National Security Service" is the intelligence
    agency of the country the text names with it (one state's old name for its agency had made
    every such service Nigerian), and a service named by a possessive country is that country's
    intelligence, not the country alone."""
    def first(text: str) -> tuple[str, str]:
        a = find_actors(nlp(text), lex, JAN_2026)[0]
        return a.country, a.sector

    assert first("The State Security Service of Uzbekistan detained a blogger in Tashkent.") == ("UZB", "SPY")
    assert first("Armenia's National Security Service said it had foiled a plot.") == ("ARM", "SPY")
    assert first("Nigeria's Department of State Services arrested the activist.") == ("NGA", "SPY")


def test_a_namesake_party_of_a_story_far_more_of_another_country_is_that_countrys(nlp: Any, lex: Lexicon) -> None:
    """Written here: a story of Malawi that tells twice of Washington's words still has Malawi's
    "Democratic Party"; a story that also names the Republicans keeps the Democrats American."""
    story = ("Malawi's parliament met in Lilongwe on Monday. Malawi's president Lazarus Chakwera "
             "said Malawi would hold new elections. Police in Blantyre, Malawi, detained two "
             "activists. The U.S. embassy urged calm, and the United States said Malawi must respect "
             "the vote. The Democratic Party called on the president to resign.")
    found = codes(nlp, lex, story)
    assert [c[1] for c in found if c[0] == "Democratic Party"] == ["MWI"]
    rivals = story.replace("The U.S. embassy urged calm", "Republicans in the U.S. urged calm")
    assert [c[1] for c in codes(nlp, lex, rivals) if c[0] == "Democratic Party"] == ["USA"]


def test_a_national_assembly_is_a_legislature(nlp: Any, lex: Lexicon) -> None:
    """Written here: a National Assembly is the legislature of the country named with it (it had
    been no actor, or the country alone)."""
    assert codes(nlp, lex, "Zambia's National Assembly voted to remove the judge.")[0] == ("Zambia's National Assembly", "ZMB", "LEG")
    assert ("national assembly", "", "LEG") in codes(nlp, lex, "The national assembly passed the budget.")
