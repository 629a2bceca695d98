"""Actors coded from the article around them: acronyms, definite descriptions, "the group",
surnames, people named by their office alone as antecedents of "he"/"his", people outside the
lexicon coded from the words introducing them, deputy and former offices, regional groups."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from riftwatch.actors.lexicon import Lexicon
from riftwatch.actors.recognise import ArticleContext, find_actors
from riftwatch.records import Place

pytestmark = pytest.mark.slow

JUN_2024 = dt.date(2024, 6, 1)


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


def coded(nlp: Any, lex: Lexicon, *sentences: str) -> list[list[tuple[str, str, str]]]:
    """(text, country, sector) of the actors of each sentence, read as one article."""
    ctx = ArticleContext()
    return [
        [(a.text, a.country, a.sector) for a in find_actors(nlp(s), lex, JUN_2024, context=ctx)]
        for s in sentences
    ]


def test_an_acronym_defined_in_brackets_is_the_actor_named_before_it(nlp: Any, lex: Lexicon) -> None:
    first, later = coded(
        nlp, lex,
        "The Haitian National Police (HNP) arrested five men near the border.",
        "A spokesman for the HNP said they were armed.",
    )  # fmt: skip
    assert ("Haitian National Police", "HTI", "COP") in first
    assert not any(t == "HNP" for t, _, _ in first)  # the definition is not a second actor
    assert ("HNP", "HTI", "COP") in later


def test_an_acronym_after_an_unknown_name_stays_unknown(nlp: Any, lex: Lexicon) -> None:
    _, later = coded(nlp, lex, "The Program for Student Testing (PST) came out.", "The PST said scores fell.")
    assert later == []


def test_a_definite_description_is_the_actor_with_that_head_named_before(nlp: Any, lex: Lexicon) -> None:
    # the story's country is Turkey; the official is the American one named first
    _, _, later = coded(
        nlp, lex,
        "Turkey tested its new air defences near Ankara on Monday, Turkish media said.",
        "A State Department official told reporters that Washington was watching.",
        "The official added that sanctions could follow.",
    )  # fmt: skip
    assert later == [("official", "USA", "GOV")]


def test_a_plural_definite_description_is_the_actor_named_in_the_plural(nlp: Any, lex: Lexicon) -> None:
    # the ministers are the bloc's, not the one Ukrainian minister named since
    _, _, later = coded(
        nlp, lex,
        "European Union foreign ministers agreed on Monday to widen sanctions on Iran.",
        "Ukrainian Foreign Minister Andrii Sybiha welcomed the decision.",
        "The ministers also discussed the situation in the region.",
    )  # fmt: skip
    assert later == [("ministers", "IGO", "IGO")]


@pytest.mark.parametrize(
    "bodies",
    ["Envoys from the governments of Norway and Qatar watched the signing.",
     "The Norwegian and Qatari governments sent envoys to watch the signing."],
)
def test_the_government_is_none_of_several_named_together(nlp: Any, lex: Lexicon, bodies: str) -> None:
    # written here: "the governments of Norway and Qatar" are no antecedent of "the government"
    _, _, later = coded(
        nlp, lex,
        "The Peruvian government and a rebel faction agreed on Friday to extend a truce.",
        bodies,
        "The government, in turn, agreed to free twelve prisoners.",
    )  # fmt: skip
    assert later[0] == ("government", "PER", "GOV")


def test_a_minister_unknown_to_the_lexicon_is_not_of_a_state_whose_minister_it_knows(nlp: Any, lex: Lexicon) -> None:
    # written here: Turkey's defence minister in 2024 is someone else the lexicon knows, so the
    # defence minister of a story from Ankara named otherwise is the other state's
    *_, later = coded(
        nlp, lex,
        "ANKARA — Turkey sent a survey ship into disputed waters on Tuesday, and Turkish officials said it would stay.",
        "Greece called the move a provocation.",
        "Defence Minister Petros Alexiou said the navy was watching the ship.",
    )  # fmt: skip
    assert later[0] == ("Defence Minister Petros Alexiou", "GRC", "GOV")
    # a former one is no longer the holder, whoever holds the office now
    *_, former = coded(
        nlp, lex,
        "ANKARA — Turkey sent a survey ship into disputed waters on Tuesday, and Turkish officials said it would stay.",
        "Former Defence Minister Petros Alexiou said the navy was watching the ship.",
    )  # fmt: skip
    assert former[0][1] == "TUR"


def test_the_common_noun_ending_an_organisations_name_meets_it_again(nlp: Any, lex: Lexicon) -> None:
    # written here: "the dissidents" after "FARC dissidents" are that armed group, not an opposition
    _, later = coded(
        nlp, lex,
        "FARC dissidents attacked a police station in Cauca on Monday.",
        "The dissidents later ambushed a military patrol near Popayan.",
    )  # fmt: skip
    assert later[0] == ("dissidents", "COL", "REB")


def test_an_armed_groups_forces_are_its_own(nlp: Any, lex: Lexicon) -> None:
    # written here: "its forces" of a rebel army are that army's, no state's military
    (found,) = coded(nlp, lex, "The Arakan Army said on Monday that its forces had repelled a navy assault.")
    assert ("forces", "MMR", "REB") in found
    (found,) = coded(nlp, lex, "Thailand said on Monday that its forces had repelled an assault.")
    assert ("forces", "THA", "MIL") in found


def test_its_opening_a_sentence_is_the_subject_of_the_sentence_before(nlp: Any, lex: Lexicon) -> None:
    # the story's commonest country is Pakistan; "its" is the Afghan government just named
    _, _, later = coded(
        nlp, lex,
        "Pakistani jets struck Pakistani Taliban hideouts on Monday, Pakistani officials said.",
        "Afghanistan's Taliban government said the strikes hit homes in Khost.",
        "Its defense ministry called the attack a violation of sovereignty.",
    )  # fmt: skip
    assert ("defense ministry", "AFG", "MIL") in later


def test_an_indefinite_head_is_not_an_anaphor(nlp: Any, lex: Lexicon) -> None:
    _, _, later = coded(
        nlp, lex,
        "Turkey tested its new air defences near Ankara on Monday, Turkish media said.",
        "A State Department official told reporters that Washington was watching.",
        "An official in Ankara said the test went well.",
    )  # fmt: skip
    assert later == [("official", "TUR", "GOV")]


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        ("The Islamic State group claimed the bombing.", "The group said ten soldiers died.", ("group", "IMG", "REB")),
        ("The European Union imposed new sanctions.", "The bloc said it would go further.", ("bloc", "IGO", "IGO")),
    ],
)
def test_the_group_and_the_bloc_are_the_organisation_named_before(
    nlp: Any, lex: Lexicon, first: str, then: str, expected: tuple[str, str, str]
) -> None:
    assert expected in coded(nlp, lex, first, then)[1]


def test_the_rebel_group_is_an_armed_group_not_the_last_organisation(nlp: Any, lex: Lexicon) -> None:
    _, later = coded(
        nlp, lex,
        "Al-Shabab fighters attacked a base, and the United Nations condemned the attack.",
        "The rebel group said it had killed ten soldiers.",
    )  # fmt: skip
    assert later[0][:2] == ("group", "SOM")
    # with no armed group named before, "the rebel group" points to nothing
    _, none = coded(nlp, lex, "The United Nations condemned the attack.", "The rebel group said it was behind it.")
    assert not any(t == "group" for t, _, _ in none)


def test_a_known_person_is_met_again_by_a_family_name_written_first(nlp: Any, lex: Lexicon) -> None:
    _, later = coded(
        nlp, lex,
        "North Korean leader Kim Jong Un met the South Korean president at the border.",
        "Kim said the talks were useful.",
    )  # fmt: skip
    assert ("Kim", "PRK", "GOV") in later


def test_his_after_someone_named_by_office_alone_is_that_person(nlp: Any, lex: Lexicon) -> None:
    # pool article 6205629: "The Afghan army chief said on Saturday his forces had also ..."
    _, later = coded(
        nlp, lex,
        "U.S. President Joe Biden set a date for the withdrawal.",
        "The Afghan army chief said on Saturday his forces had pushed back the attack.",
    )  # fmt: skip
    assert ("forces", "AFG", "MIL") in later


def test_a_plural_office_is_not_an_antecedent_of_she(nlp: Any, lex: Lexicon) -> None:
    _, later = coded(
        nlp, lex,
        "German Foreign Minister Annalena Baerbock said all G7 foreign ministers agreed.",
        "She added that the ball was now in Russia's court.",
    )  # fmt: skip
    assert later[0][:2] == ("She", "DEU")


@pytest.mark.parametrize(
    ("sentence", "name", "country"),
    [
        # an apposition after the name (pool 6180015, 6202743)
        ('"We will buy elsewhere," said Professor Mesut Casin, a Turkish presidential adviser.', "Mesut Casin", "TUR"),
        ("Josephine Odumakin, a Nigerian women's rights activist, said the schools must reopen.",
         "Josephine Odumakin", "NGA"),
        # the name is the apposition of the noun before it (pool 8009973)
        ("The most popular of them is a French national, Marcus Detrez.", "Marcus Detrez", "FRA"),
        # an affiliation after the noun: "secretary for Britain's ... party" (pool 8005869)
        ("Robert Jenrick, the shadow justice secretary for Britain's Conservative party, called it a disaster.",
         "Robert Jenrick", "GBR"),
        # a relative clause speaks of something else: "an American who ... in China" is American
        ("Among them is Gerald Kowal, an American who has lived in China for years.", "Gerald Kowal", "USA"),
    ],
)  # fmt: skip
def test_a_person_outside_the_lexicon_is_coded_from_the_words_introducing_them(
    nlp: Any, lex: Lexicon, sentence: str, name: str, country: str
) -> None:
    surname = name.split()[-1]
    first, later = coded(nlp, lex, sentence, f"{surname} said the talks would go on.")
    assert (name, country, "") in first
    assert (surname, country, "") in later  # met again by the surname


def test_a_place_named_near_a_person_is_not_their_nationality(nlp: Any, lex: Lexicon) -> None:
    # pool 8006723: "an ethnic Uyghur living in Australia" says where, not whose
    first, _ = coded(
        nlp, lex,
        '"It is not over," said Polat Sayim, an ethnic Uyghur living in Australia.',
        "Sayim said more.",
    )  # fmt: skip
    assert not any(t == "Polat Sayim" for t, _, _ in first)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a deputy is another office: not the holder of the office, and not a lawmaker
        ("Kenya's deputy president spoke on Monday.", ("Kenya's deputy president", "KEN", "GOV", "")),
        ("China's Deputy Ambassador Geng Shuang spoke.", ("China's Deputy Ambassador Geng Shuang", "CHN", "GOV",
                                                          "Geng Shuang")),
        # a former office holder is not today's holder
        ("Kenya's former president spoke on Monday.", ("Kenya's former president", "KEN", "GOV", "")),
        # ... while the office alone still names today's holder, and a deputy in a parliament is a lawmaker
        ("Kenya's president spoke on Monday.", ("Kenya's president", "KEN", "GOV", "William Ruto")),
        ("Russian deputy Ivan Petrov spoke.", ("Russian deputy Ivan Petrov", "RUS", "LEG", "Ivan Petrov")),
    ],
)  # fmt: skip
def test_deputy_and_former_offices_are_not_the_office_holder(
    nlp: Any, lex: Lexicon, text: str, expected: tuple[str, str, str, str]
) -> None:
    got = [(a.text, a.country, a.sector, a.person) for a in find_actors(nlp(text), lex, JUN_2024)]
    assert got == [expected]


@pytest.mark.parametrize(
    ("sentence", "name", "country"),
    [
        # an organisation in the introducing words (pool 8009719, 6204080, 6206085, 7750892)
        ("Simon Denhere, WFP's acting country director in Malawi, said the aid would arrive.", "Simon Denhere", "IGO"),
        ("Glenn Jusnes, a spokesperson for UNHCR Kenya, said funds were short.", "Glenn Jusnes", "IGO"),
        ("Thomas Countryman, a former senior State Department official, said the move was overdue.",
         "Thomas Countryman", "USA"),
        ("United Nations-appointed special rapporteur Richard Bennett said he was barred.", "Richard Bennett", "IGO"),
        # the name hangs on the object of "to": the noun before it says who (pool 8009976)
        ("Pakistan's permanent representative to the United Nations, Munir Akram, said Kabul had failed.",
         "Munir Akram", "PAK"),
    ],
)  # fmt: skip
def test_a_person_outside_the_lexicon_is_coded_from_the_organisation_introducing_them(
    nlp: Any, lex: Lexicon, sentence: str, name: str, country: str
) -> None:
    got = coded(nlp, lex, sentence)[0]
    # ("Glenn Jusnes, a spokesperson"; the title and the name one actor: "Pakistan's permanent
    # representative to the United Nations, Munir Akram")
    assert [c for t, c, _ in got if name in t] == [country]


def test_an_honorific_and_surname_is_the_person_introduced_before(nlp: Any, lex: Lexicon) -> None:
    # pool 7750892: "United Nations-appointed special rapporteur Richard Bennett ... Mr. Bennett's travel"
    _, later = coded(
        nlp, lex,
        "United Nations-appointed special rapporteur Richard Bennett said he was barred.",
        "The Taliban said Mr. Bennett had exaggerated minor issues.",
    )  # fmt: skip
    assert ("Mr. Bennett", "IGO", "") in later


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool 6181522, 8010476, 6205696: a region's groups are of several states, none named
        ("Other African opposition leaders met in Kampala.", ("opposition leaders", "", "OPP")),
        ("Unnamed Western intelligence sources said the plan failed.", ("intelligence sources", "", "SPY")),
        ("Central European populist leaders ignored the ruling.", ("leaders", "", "GOV")),
        # one state's group keeps its country
        ("Nigerian leaders ignored the ruling.", ("Nigerian leaders", "NGA", "GOV")),
    ],
)
def test_regional_groups_have_no_one_country(nlp: Any, lex: Lexicon, text: str, expected: tuple[str, str, str]) -> None:
    assert coded(nlp, lex, "Uganda's opposition met in Kampala.", text)[1] == [expected]


def test_a_definite_title_without_an_office_is_the_person_named_with_it(nlp: Any, lex: Lexicon) -> None:
    # pool 7836916: "journalist Mech Dara ... the journalist"; the article's other country is Thailand
    _, _, later = coded(
        nlp, lex,
        "Thai police said the border was calm.",
        "Prominent Cambodian journalist Mech Dara was released on Monday.",
        "The journalist said he was grateful.",
    )  # fmt: skip
    assert later[0] == ("journalist", "KHM", "MED")


def test_his_owning_the_subject_continues_the_subject_before(nlp: Any, lex: Lexicon) -> None:
    # "His government": the subject of the sentence before, not the person named last in it
    _, later = coded(
        nlp, lex,
        "Emmanuel Macron said Vladimir Putin had broken his word.",
        "His government will send more aid to Kyiv.",
    )  # fmt: skip
    assert [(t, c) for t, c, _ in later] == [("His", "FRA"), ("government", "FRA")]


def test_the_regional_body_is_the_organisation_named_before_but_a_body_is_not(nlp: Any, lex: Lexicon) -> None:
    # pool 8008619 ("the regional body": ECOWAS) and 7750892 ("the world body": the U.N.)
    _, later = coded(
        nlp, lex,
        "Mali and Niger left ECOWAS in January.",
        "They accused the regional body of failing them, and the body of a soldier was found.",
    )  # fmt: skip
    assert [(t, c) for t, c, _ in later if t == "body"] == [("body", "IGO")]
    # a titled member of an organisation is not the organisation
    _, none = coded(nlp, lex, "The Taliban barred the U.N. envoy.", "The world body said it regretted it.")
    assert not any(t == "body" for t, _, _ in none)


def test_both_countries_are_the_two_states_named_last(nlp: Any, lex: Lexicon) -> None:
    # across sentences, the two states named last (not the one named most often)
    _, _, later = coded(
        nlp, lex,
        "Peru accused Chile of stalling the talks.",
        "Lima wants to mend its strained relations with Bolivia.",
        "Both countries recalled their ambassadors in 2019.",
    )  # fmt: skip
    assert later[:2] == [("Both", "PER", "GOV"), ("countries", "BOL", "GOV")]
    # in one sentence, as the owner of a sector noun: the leaders are the pair's, not a guess
    (same,) = coded(nlp, lex, "Kenya and Somalia quarrelled over the sea border, and leaders of both countries met on Friday.")
    assert ("both", "KEN", "GOV") in same and ("countries", "SOM", "GOV") in same
    assert [a for a in same if a[0] == "leaders"] == []
    # three, with a modifier between
    _, three = coded(nlp, lex, "Chad, Sudan and Libya closed the border crossings.",
                     "The three desert nations accused smugglers of arming the rebels.")
    assert [a[1] for a in three if a[2] == "GOV"] == ["TCD", "SDN", "LBY"]
    # ... and with none ("the three countries": a word for each)
    _, three = coded(nlp, lex, "Chad, Sudan and Libya closed the border crossings.",
                     "Niger summoned the envoys of the three countries.")
    assert [a[1] for a in three if a[2] == "GOV"] == ["TCD", "SDN", "LBY"]
    # "the two ministers" are the last two people named: two of one state make no pair of states
    _, same_state = coded(nlp, lex, "Peru's defence minister met its interior minister, Ana Ruiz, after Chile closed the border.",
                          "The two ministers announced new patrols.")
    assert not [a for a in same_state if a[0] in ("The two", "ministers") and a[1] == "CHL"]
    # those who speak of the pair are not in it
    _, urged = coded(nlp, lex, "Peru accused Ecuador of arming smugglers.",
                     "Brazil and Argentina urged both governments to talk.")
    assert [a[1] for a in urged if a[0] in ("both", "governments")] == ["PER", "ECU"]
    # who speaks of the pair in a relative clause is not in it either, and the pair named so is
    # named again for the next pair phrase
    _, _, rel, later = coded(nlp, lex, "Peru accused Ecuador of arming smugglers.", "Ecuador denied it.",
                             "Brazil, which has close ties with both countries, offered to mediate.",
                             "The two neighbors agreed to talk.")  # fmt: skip
    assert [a[1] for a in rel if a[0] in ("both", "countries")] == ["PER", "ECU"]
    assert [a[1] for a in later if a[0] in ("The two", "neighbors")] == ["PER", "ECU"]
    # a pair phrase naming its own country points to no states named before
    _, own = coded(nlp, lex, "Sweden and Germany signed a trade deal.", "The two rival Libyan governments met in Rome.")
    assert not [a for a in own if a[1] in ("SWE", "DEU")]
    # "the two governments" after one state only has no pair to point to
    _, lone = coded(nlp, lex, "Ghana sent food to the flooded districts.", "The two governments signed a deal.")
    assert not [a for a in lone if a[2] == "GOV" and a[0] in ("The two", "governments")]


def test_both_armies_are_the_two_states_forces(nlp: Any, lex: Lexicon) -> None:
    _, armies = coded(nlp, lex, "Peru and Chile agreed on Monday to a ceasefire on the border.",
                      "Both armies will pull their artillery back from the river.")  # fmt: skip
    assert [a[1:] for a in armies if a[0] in ("Both", "armies")] == [("PER", "MIL"), ("CHL", "MIL")]


def test_the_two_countries_are_the_story_s_pair_not_a_state_named_in_passing_just_before(nlp: Any, lex: Lexicon) -> None:
    # a state the story only names in passing takes no place from one it has made an actor of
    _, _, pair = coded(nlp, lex, "Peru and Chile signed a fisheries accord in Lima on Monday.",
                       "Peru's foreign minister praised Chile, and Chilean officials said the deal ended a dispute "
                       "over lines drawn under Spanish colonial rule.",
                       "The two countries fought a war in the 1880s.")  # fmt: skip
    assert [a[1] for a in pair if a[0] in ("The two", "countries")] == ["PER", "CHL"]


def test_both_sides_are_the_two_states_named_last_but_not_the_sides_of_a_border(nlp: Any, lex: Lexicon) -> None:
    _, sides = coded(nlp, lex, "Peru accused Ecuador of arming smugglers.", "Brazil urged both sides to talk.")
    assert [a[1] for a in sides if a[0] in ("both", "sides")] == ["PER", "ECU"]
    _, border = coded(nlp, lex, "Peru accused Ecuador of arming smugglers.",
                      "Troops on both sides of the border were put on alert.")  # fmt: skip
    assert not [a for a in border if a[0] in ("both", "sides")]
    _, on = coded(nlp, lex, "Peru accused Ecuador of arming smugglers.", "Traders urged officials on both sides to reopen the road.")
    assert not [a for a in on if a[0] in ("both", "sides")]


def test_both_sides_are_a_states_forces_and_the_rebels_named_together(nlp: Any, lex: Lexicon) -> None:
    # a war within one country: its army and the armed group named together are "both sides",
    # not the governments of the last two states the story named
    _, _, sides = coded(nlp, lex, "Officers of Sudan's army and the Rapid Support Forces flew to Riyadh on Monday.",
                        "Egypt and the United States sent observers.", "An envoy urged both sides to stop shelling.")  # fmt: skip
    assert {(c, s) for t, c, s in sides if t in ("both", "sides")} == {("SDN", "MIL"), ("SDN", "REB")}


def test_who_praises_both_sides_is_neither_also_when_named_before_or_by_a_joined_verb(nlp: Any, lex: Lexicon) -> None:
    # the speaker is the subject of the verb the pair's verb is joined to, and its state was named
    # in the sentence before (the talks' venue): neither makes it one of the sides
    _, _, sides = coded(nlp, lex, "Peru accused Ecuador of arming smugglers.",
                        "The two countries' ministers met in Brasilia on Monday.",
                        "Brazil's foreign minister hosted the talks and praised both sides for their patience.")  # fmt: skip
    assert [a[1] for a in sides if a[0] in ("both", "sides")] == ["PER", "ECU"]


def test_who_urges_both_sides_is_neither_when_met_again_by_surname_or_subject_of_an_auxiliary(nlp: Any, lex: Lexicon) -> None:
    # one doc, as the coder reads an article: the speaker met again by surname ("Wang"), or the
    # subject the parse hangs on the auxiliary of the verb the pair's verb is joined to
    (one,) = coded(nlp, lex, "Ghana closed its border with Togo. Togo's foreign minister spoke with his Chinese "
                   "counterpart, Wang Yi, on Monday. Wang urged both sides to exercise restraint.")
    assert [a[1] for a in one if a[0] in ("both", "sides")] == ["GHA", "TGO"]
    (one,) = coded(nlp, lex, "Ghana closed its border with Togo. A State Department spokesperson said the United States "
                   'was "closely monitoring" the situation and urged both sides to avoid escalation.')
    assert [a[1] for a in one if a[0] in ("both", "sides")] == ["GHA", "TGO"]


def test_the_two_sides_are_parties_named_by_their_demonyms_not_the_town_they_met_in(nlp: Any, lex: Lexicon) -> None:
    # the groups their demonyms own count before they are coded; the town of the talks is where
    _, sides = coded(nlp, lex, "Peruvian and Chilean delegations held talks in Quito on Friday.",
                     "The two sides agreed to exchange prisoners.")  # fmt: skip
    assert [a[1] for a in sides if a[0] in ("The two", "sides")] == ["PER", "CHL"]


def test_both_ministers_someone_speaks_with_are_of_the_two_states_named_last(nlp: Any, lex: Lexicon) -> None:
    # the people named do not pair up (the speaker is no minister of either): the states do
    _, spoke = coded(nlp, lex, "Peru accused Ecuador of arming smugglers.",
                     "Brazilian Foreign Minister Mauro Vieira spoke with both foreign ministers on Monday.")  # fmt: skip
    assert [a[1] for a in spoke if a[0] in ("both foreign", "ministers")] == ["PER", "ECU"]


def test_a_surname_the_tagger_took_for_a_common_noun_is_the_person_met_again(nlp: Any, lex: Lexicon) -> None:
    # an unfamiliar surname opening a sentence is tagged as a noun and left without an entity
    _, later = coded(
        nlp, lex,
        "Peruvian Foreign Minister Elmer Quispeta met his Chilean counterpart on Monday.",
        "Quispeta later accused Bolivia of blocking the deal.",
    )  # fmt: skip
    assert ("Quispeta", "PER", "GOV") in later
    # a capitalised common word is no one met again
    _, plain = coded(nlp, lex, "Peruvian Foreign Minister Elmer Young spoke.", "Young people protested in Lima.")
    assert not any(a[0] == "Young" for a in plain)


@pytest.mark.parametrize(
    "text",
    [
        "Elmer Quispeta, Peru's foreign minister, met his Chilean counterpart on Monday.",
        "Peru's foreign minister, Elmer Quispeta, spoke on Monday.",
        "Elmer Quispeta, a spokesman for the Peruvian army, spoke on Monday.",
        "Peruvian lawmaker Elmer Quispeta spoke on Monday.",
    ],
)
def test_a_name_the_recogniser_did_not_take_for_a_person_is_one_beside_a_title(
    nlp: Any, lex: Lexicon, text: str
) -> None:
    _, later = coded(nlp, lex, text, "Quispeta later accused Bolivia of blocking the deal.")
    assert [a[:2] for a in later if a[0] == "Quispeta"] == [("Quispeta", "PER")]


def test_a_name_beside_a_title_is_not_taken_from_an_organisation_or_a_ministry(nlp: Any, lex: Lexicon) -> None:
    [actors] = coded(nlp, lex, "Pakistan's Ministry of Foreign Affairs, Ambassador Shafqat Ali Khan, said it was false.")
    assert not any(a[0] in ("Foreign Affairs", "Ministry of Foreign Affairs") and a[1] == "PAK" and a[2] == "" for a in actors)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Ruben Klavendorp, who heads Sudan's army, said the offensive would go on.", "Ruben Klavendorp", "SDN"),
        ("Ruben Klavendorp, who serves as Kenya's interior minister, said the camps would close.", "Ruben Klavendorp", "KEN"),
        ("Ruben Klavendorp, a senior adviser to Ukraine's president, said talks were possible.", "Ruben Klavendorp", "UKR"),
        ("Ruben Klavendorp, an adviser to Ukrainian President Volodymyr Zelenskyy, said talks were possible.",
         "Ruben Klavendorp", "UKR"),
    ],
)
def test_relative_clauses_and_advisers_introduce_people(
    nlp: Any, lex: Lexicon, text: str, name: str, country: str
) -> None:
    [actors] = coded(nlp, lex, text)
    assert any(a[0].endswith(name) and a[1] == country for a in actors), actors


@pytest.mark.parametrize(
    "text",
    [
        "Ruben Klavendorp, who was the American special envoy for North Korea, said talks were possible.",
        "Ruben Klavendorp, a senior adviser to the Chinese American Museum, said talks were possible.",
    ],
)
def test_where_an_envoy_is_sent_and_an_institution_advised_are_not_nationalities(
    nlp: Any, lex: Lexicon, text: str
) -> None:
    [actors] = coded(nlp, lex, text)
    assert not any(a[0] == "Ruben Klavendorp" and a[1] in ("PRK", "CHN") for a in actors), actors


def test_an_ambassador_to_the_united_nations_is_a_states_envoy(nlp: Any, lex: Lexicon) -> None:
    [actors] = coded(nlp, lex, "Britain's U.N. ambassador Jane Holloway called for a ceasefire.")
    assert ("Britain's U.N. ambassador Jane Holloway", "GBR", "GOV") in actors
    [actors] = coded(nlp, lex, "Pakistan's permanent representative to the United Nations, Omar Zaidi, spoke.")
    assert ("Pakistan's permanent representative to the United Nations, Omar Zaidi", "PAK", "GOV") in actors
    [actors] = coded(nlp, lex, "The U.N. envoy for Syria called for a ceasefire.")
    assert ("U.N. envoy", "IGO", "IGO") in actors


def test_the_spokesman_of_a_known_person_is_of_that_persons_office(nlp: Any, lex: Lexicon) -> None:
    _, actors = coded(nlp, lex, "China has long pressed its critics abroad.",
                      "Guterres’ spokesman, Stephane Dujarric, condemned the coup.")  # fmt: skip
    assert [a[1:] for a in actors if "Dujarric" in a[0]] == [("IGO", "IGO")]


def test_a_former_office_of_an_organisation_is_not_the_persons_country_now(nlp: Any, lex: Lexicon) -> None:
    [actors] = coded(nlp, lex, "The group, led by former NATO Secretary General Anders Fogh Rasmussen, met in Copenhagen.")
    assert [a[1] for a in actors if "Rasmussen" in a[0]] == ["DNK"]
    [actors] = coded(nlp, lex, "NATO Secretary General Jens Stoltenberg met in Brussels.")  # in office in 2024
    assert [a[1] for a in actors if "Stoltenberg" in a[0]] == ["IGO"]


def test_a_city_before_a_sector_noun_says_whose_it_is(nlp: Any, lex: Lexicon) -> None:
    ctx = ArticleContext()
    find_actors(nlp("China has long pressed its critics abroad."), lex, JUN_2024, context=ctx)
    text = "Chicago police arrested two men."
    chicago = Place("Chicago", 0, 7, "Chicago", 4887398, 41.85, -87.65, "USA")
    actors = [(a.text, a.country, a.sector) for a in find_actors(nlp(text), lex, JUN_2024, context=ctx, places=[chicago])]
    assert ("police", "USA", "COP") in actors
    # also where the parse reads the name before an adjective as a modifier of its own
    text = "The Oromia regional government accused the rebels."
    oromia = Place("Oromia", 4, 10, "Oromia", 444186, 8.0, 39.0, "ETH", precision="admin")
    actors = [(a.text, a.country, a.sector) for a in find_actors(nlp(text), lex, JUN_2024, context=ctx, places=[oromia])]
    assert ("government", "ETH", "GOV") in actors


def test_the_group_is_not_an_intergovernmental_body_named_since(nlp: Any, lex: Lexicon) -> None:
    *_, later = coded(
        nlp, lex,
        "Hamas fighters attacked the base.",
        "The U.N. condemned the attack.",
        "The group later accused Israel of lying.",
    )  # fmt: skip
    assert [a[1] for a in later if a[0] == "group"] == ["PSE"]
    *_, later = coded(nlp, lex, "The G7 met in Canada.", "The group said it was concerned.")
    assert [a[1] for a in later if a[0] == "group"] == ["IGO"]


def test_the_office_owned_by_a_person_met_again_is_of_their_country(nlp: Any, lex: Lexicon) -> None:
    *_, later = coded(
        nlp, lex,
        "China claims most of the sea.",
        "Philippine Foreign Secretary Ana Cruzado spoke on Monday.",
        "Cruzado's ministry has protested to Beijing.",
    )  # fmt: skip
    assert ("ministry", "PHL", "GOV") in later


def test_he_after_someone_we_cannot_code_speaks_is_not_the_person_before(nlp: Any, lex: Lexicon) -> None:
    first, _, last = coded(
        nlp, lex,
        "Kenyan President William Ruto met the delegation in Nairobi on Monday.",
        "Okonkwo said on Tuesday that the talks had failed.",
        "He called for new elections.",
    )  # fmt: skip
    assert first[0] == ("Kenyan President William Ruto", "KEN", "GOV")
    assert last == []  # "he" may be Okonkwo, whom the article does not let us code
    # a person met again keeps being "he"
    *_, again = coded(
        nlp, lex,
        "Kenyan President William Ruto met the delegation in Nairobi on Monday.",
        "Ruto said on Tuesday that the talks had failed.",
        "He called for new elections.",
    )  # fmt: skip
    assert again == [("He", "KEN", "GOV")]


def test_a_family_name_of_several_words_is_the_person_met_again(nlp: Any, lex: Lexicon) -> None:
    _, later, other = coded(
        nlp, lex,
        "Chilean Foreign Minister Rosa De La Vega met her Peruvian counterpart on Monday.",
        "“We want an agreement this year,” De La Vega told reporters.",
        "La Vega later accused Bolivia of blocking the deal.",
    )  # fmt: skip
    assert ("De La Vega", "CHL", "GOV") in later
    assert ("La Vega", "CHL", "GOV") in other
    # two proper nouns never introduced are no one met again
    _, unknown = coded(nlp, lex, "Chilean Foreign Minister Rosa De La Vega spoke.", "Santa Fe accused Bolivia.")
    assert not any(a[0] == "Santa Fe" for a in unknown)


def test_a_spokesperson_of_an_institution_named_before_is_of_its_country(nlp: Any, lex: Lexicon) -> None:
    # the story is mostly Peru's; the ministry the spokesperson speaks for was named as Chile's
    _, _, later = coded(
        nlp, lex,
        "Peru's army and Peru's police blamed Peruvian rebels for the attack in Lima, the Peruvian president said.",
        "Chile's Ministry of Foreign Affairs rejected the claim on Thursday.",
        "Foreign ministry spokesperson Rosa Vargas said the claim was false.",
    )  # fmt: skip
    assert [a[:2] for a in later if a[0].endswith("Rosa Vargas")] == [("Foreign ministry spokesperson Rosa Vargas", "CHL")]
    # words introducing the person that name a country still decide
    _, _, later = coded(
        nlp, lex,
        "Peru's army and Peru's police blamed Peruvian rebels for the attack in Lima, the Peruvian president said.",
        "Chile's Ministry of Foreign Affairs rejected the claim on Thursday.",
        "Peruvian foreign ministry spokesperson Rosa Vargas said the claim was true.",
    )  # fmt: skip
    assert [a[1] for a in later if a[0].endswith("Rosa Vargas")] == ["PER"]


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        # an office only some countries have: the story's country's when it has one, else the first
        ("Turkey bought air defence missiles from Russia in 2019.", "Congress imposed sanctions on Ankara.",
         ("Congress", "USA", "LEG")),
        ("Peru's president was arrested in Lima on Monday.", "Congress voted to remove him.", ("Congress", "PER", "LEG")),
        ("Iran sold oil to refiners in China last year.", "Treasury blacklisted a shipping manager on Friday.",
         ("Treasury", "USA", "GOV")),
        ("Britain's chancellor spoke in London on Monday.", "The Treasury froze the assets.", ("Treasury", "GBR", "GOV")),
        # in a country that has none, the party of that country named so
        ("India's prime minister spoke in Mumbai on Monday.", "The Congress boycotted the session.", ("Congress", "IND", "PTY")),
        ("India's prime minister spoke in Mumbai on Monday.", "The bill was passed by the Lok Sabha.", ("Lok Sabha", "IND", "LEG")),
    ],
)
def test_congress_is_the_legislature_of_a_country_that_has_one(
    nlp: Any, lex: Lexicon, first: str, then: str, expected: tuple[str, str, str]
) -> None:
    _, later = coded(nlp, lex, first, then)
    assert expected in later


def test_congress_inside_a_partys_name_is_no_legislature(nlp: Any, lex: Lexicon) -> None:
    _, later = coded(nlp, lex, "Sudan's army took power in 2019.", "The National Congress Party condemned the arrests.")
    assert not any(a[2] == "LEG" for a in later)


def test_an_acronym_defined_after_a_known_organisation_is_that_organisation(nlp: Any, lex: Lexicon) -> None:
    """"Reporters Without Borders (RSF) ... RSF said": not the Rapid Support Forces."""
    first, later = coded(nlp, lex, "Reporters Without Borders (RSF) condemned the verdict on Monday.",
                         "RSF said the trial was a sham.")  # fmt: skip
    assert ("RSF", "NGO", "MED") in first and ("RSF", "NGO", "MED") in later
    _, later = coded(nlp, lex, "The Rapid Support Forces (RSF) shelled El Fasher.", "RSF fighters looted the market.")
    assert all(a[1] == "SDN" for a in later)


def test_a_name_spelled_out_before_its_acronym_is_no_other_body_known_by_those_letters(nlp: Any, lex: Lexicon) -> None:
    """"the Caspian Pipeline Consortium (CPC)" is no Communist Party of China, here or later; nor
    is "the Department of State Services (DSS)" the US Department of State. The same body however
    its name is worded stays itself, and so does a body of an international organisation."""
    first, later = coded(nlp, lex, "The Caspian Pipeline Consortium (CPC) halted exports on Monday.",
                         "The CPC said the pumping station was damaged.")  # fmt: skip
    assert not any(a[1] == "CHN" for a in first + later)
    (first,) = coded(nlp, lex, "The Department of State Services (DSS) detained the activist in Abuja.")
    assert not any(a[1] == "USA" for a in first)
    first, later = coded(nlp, lex, "The Communist Party of China (CPC) expelled two officials.", "The CPC said they took bribes.")
    assert ("CPC", "CHN", "PTY") in later
    (first,) = coded(nlp, lex, "The African Union Commission (AUC) condemned the coup.")
    assert any(a[1] == "IGO" for a in first)


def test_an_acronym_the_text_defined_is_met_again_where_the_tagger_took_it_for_a_word(nlp: Any, lex: Lexicon) -> None:
    _, later = coded(nlp, lex, "The Arakan Army (AA) took a base near Sittwe.",
                     "The military accused the AA of shelling the town.")  # fmt: skip
    assert ("AA", "MMR", "REB") in later


def test_a_name_the_lexicon_lacks_defined_by_an_acronym_it_knows_is_that_organisation(nlp: Any, lex: Lexicon) -> None:
    text = "Soldiers fought units of the National Liberation Army (ELN) near the border."
    got = [(a.text, a.country, a.sector) for a in find_actors(nlp(text), lex, dt.date(2024, 3, 1))]
    assert ("Army", "COL", "MIL") not in got and got[-1] == ("ELN", "COL", "REB")
    assert any(t.endswith("National Liberation Army") and s == "REB" for t, _, s in got)



@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        # the story's country is Kenya; the court is the one named before, not Kenya's
        ("The International Court of Justice opened hearings on Kenya's maritime claim on Monday.",
         "The court rejected a Kenyan request to delay the case.", ("court", "IGO", "JUD")),
        ("The U.N. Security Council extended the mission in Haiti on Monday.",
         "Haiti's foreign minister thanked the council.", ("council", "IGO", "IGO")),
        # named only as the body its members belong to
        ("Chile barred two judges of the Inter-American Court of Human Rights on Monday.",
         "The court protested to Chile's foreign ministry.", ("court", "IGO", "JUD")),
    ],
)
def test_an_organisation_is_met_again_by_the_noun_its_name_ends_in(
    nlp: Any, lex: Lexicon, first: str, then: str, expected: tuple[str, str, str]
) -> None:
    _, later = coded(nlp, lex, first, then)
    assert expected in later


def test_a_council_of_no_organisation_named_before_is_no_one(nlp: Any, lex: Lexicon) -> None:
    _, elders = coded(nlp, lex, "A council of elders met in Kismayo on Monday.", "Kenya's envoy thanked the council.")
    assert not any(t == "council" for t, _, _ in elders)


def test_a_body_qualified_by_a_word_its_name_lacks_is_another_body(nlp: Any, lex: Lexicon) -> None:
    first = "The European Commission proposed new fishing quotas on Monday."
    _, later = coded(nlp, lex, first, "Malta's fishermen criticised the maritime commission for its delays.")
    assert not any(t == "commission" for t, _, _ in later)
    _, again = coded(nlp, lex, first, "Malta's fishermen criticised the commission for its delays.")
    assert ("commission", "IGO", "IGO") in again



def test_the_two_leaders_are_two_people_even_when_one_is_named_twice(nlp: Any, lex: Lexicon) -> None:
    # one doc: the second leader's name again ("during X's visit") is still one person of the pair
    (coded_,) = coded(nlp, lex, "Chilean President Gabriel Boric and Argentine President Javier Milei signed a pact "
                                "during Milei's visit to Santiago. The two leaders also discussed trade.")  # fmt: skip
    assert {c for t, c, _ in coded_ if t in ("The two", "leaders")} == {"CHL", "ARG"}


def test_a_description_is_not_of_the_country_its_own_verb_names_as_object(nlp: Any, lex: Lexicon) -> None:
    """"the government" met again is the last government named, unless the clause it is the subject
    of names that country as the other party: a government that blames Rwanda is not Rwanda's."""
    first, _, again, faced = coded(
        nlp, lex,
        "Uganda accused Rwanda on Monday of backing rebels in the east.",
        "The Rwandan government did not comment.",
        "The government later said it would reply.",
        "The government has blamed Rwanda for supplying the rebels with rifles.",
    )  # fmt: skip
    assert ("Uganda", "UGA", "") in first
    assert ("government", "RWA", "GOV") in again
    assert ("government", "RWA", "GOV") not in faced
    assert [a for a in faced if a[0] == "government"] == [("government", "UGA", "GOV")]


def test_the_army_after_a_rebel_army_is_the_state_army(nlp: Any, lex: Lexicon) -> None:
    """Written here: "the army" after "the Arakan Army" (rebels) is the state's army."""
    first, later = coded(nlp, lex, "Myanmar's junta said the Arakan Army had attacked a police post in Rakhine state.",
                         "The army said it had repelled the attackers.")  # fmt: skip
    assert any(s == "REB" for t, _, s in first if t.endswith("Arakan Army"))
    assert [(c, s) for t, c, s in later if t.lower() == "army"] == [("MMR", "MIL")]


def test_the_army_is_the_one_named_last_with_its_country(nlp: Any, lex: Lexicon) -> None:
    """Written here: in a story from Nairobi about talks Kenya hosts, "the army" is Ethiopia's army
    named before, not the forces of Kenya, the country the story names most."""
    *_, later = coded(nlp, lex, "NAIROBI — Kenya will host talks between the Ethiopian military and Tigrayan fighters, Kenyan officials said.",
                      "Kenya's foreign ministry said Kenya wanted a truce. Kenyan diplomats met both sides.",
                      "The army said it had shelled rebel positions on Friday.")  # fmt: skip
    assert [(c, s) for t, c, s in later if t.lower() == "army"] == [("ETH", "MIL")]


def test_a_description_is_not_of_the_nationality_of_its_verbs_object(nlp: Any, lex: Lexicon) -> None:
    """Written here: the government that expels "two Belarusian diplomats" is not Belarus's."""
    _, later = coded(nlp, lex, "Lithuania's foreign minister spoke on Monday about Belarus.",
                         "The government expelled two Belarusian diplomats on Tuesday.")  # fmt: skip
    assert [a for a in later if a[0] == "government"] == [("government", "LTU", "GOV")]


def test_an_opposition_acting_against_a_government_is_of_its_country(nlp: Any, lex: Lexicon) -> None:
    """Written here: in a story from Tbilisi about Russia, "opposition lawmakers" who accuse the
    Georgian prime minister are Georgia's opposition, not that of the country named most."""
    *_, later = coded(nlp, lex, "TBILISI — Russia's foreign ministry praised the new law. Moscow said Russia would "
                                "welcome closer ties. Russian officials met Georgian diplomats.",
                      "Opposition lawmakers accused Prime Minister Irakli Kobakhidze of serving Moscow.")  # fmt: skip
    assert [c for t, c, _ in later if t == "Opposition lawmakers"] == ["GEO"]


def test_a_sentence_opened_by_in_a_place_holds_its_unowned_actors(nlp: Any, lex: Lexicon) -> None:
    """Written here: in a briefs column from Nairobi, "In Peru, police detained ..." is Peru's police,
    not Kenya's, the country the column named most."""
    *_, later = coded(nlp, lex, "NAIROBI — Kenya's president met Ugandan officials on Monday. Kenya said the talks went well.",
                      "In Peru, police detained 40 protesters outside Congress.")  # fmt: skip
    assert [(c, s) for t, c, s in later if t == "police"] == [("PER", "COP")]



def test_an_unknown_holder_of_a_title_few_countries_use_is_of_one_of_them(nlp: Any, lex: Lexicon) -> None:
    """Written here: in a story from Taipei, "Sen. Jane Roe" and "Defense Secretary John Doe"
    (unknown to the lexicon) are of the countries that use the title, not Taiwanese by the
    dateline; and "Defense Secretary" John Doe is not the American one, whom the lexicon knows on
    the day (Lloyd Austin), named otherwise."""
    (found,) = coded(nlp, lex, "TAIPEI — Sen. Jane Roe arrived in Taipei on Sunday, and Defense Secretary John Doe met "
                               "Taiwanese officials.")  # fmt: skip
    roe, doe = [(c, s) for t, c, s in found if "Roe" in t or "Doe" in t]
    assert roe == ("USA", "LEG")
    assert doe[0] in ("GBR", "PHL") and doe[1] == "GOV"
    (found,) = coded(nlp, lex, "TAIPEI — Defense Secretary Lloyd J. Austin III met Taiwanese officials.")
    assert [(c, s) for t, c, s in found if "Austin" in t] == [("USA", "GOV")]


def test_a_capitalised_generic_word_meets_the_organisation_named_so_again(nlp: Any, lex: Lexicon) -> None:
    """Written here: "the Commission" after "the European Commission" is that body; "the
    Commission on Human Rights" is another."""
    _, again, other = coded(nlp, lex, "The European Commission froze funds for Hungary on Monday.",
                            "Slovakia accused the Commission of blackmail.",
                            "The Commission on Human Rights met in Geneva.")  # fmt: skip
    assert ("Commission", "IGO", "IGO") in again
    assert not [a for a in other if a[0] == "Commission"]



def test_a_state_met_again_by_a_description_is_that_state(nlp: Any, lex: Lexicon) -> None:
    """"The kingdom", "the island nation", "the country's trade minister": the state the story is
    about (the one its own sentence names, for an owner or a subject), not one the clause says acts
    on it, and nothing where the description says where something is."""
    _, later = coded(
        nlp, lex,
        "Jordan recalled its ambassador from Stockholm over the burning of a holy book.",
        "The kingdom also summoned the Swedish charge d'affaires, and the country's foreign minister "
        "called for an apology.",
    )  # fmt: skip
    assert ("The kingdom", "JOR", "") in later
    assert ("the country's foreign minister", "JOR", "GOV") in later
    _, talks = coded(
        nlp, lex,
        "Japan's prime minister arrived in Fiji on Sunday.",
        "He held talks on expanding Japan's fisheries aid to the island nation.",
    )  # fmt: skip
    assert ("the island nation", "FJI", "") in talks
    _, where = coded(
        nlp, lex,
        "Kenya closed two refugee camps on Friday.",
        "Thousands of people have fled to the country since the drought began.",
    )  # fmt: skip
    assert all(text != "the country" for text, _, _ in where)
    # nor a part of a state, nor a superlative's praise
    _, part = coded(nlp, lex, "Georgia closed its border crossings on Friday.",
                    "The parliament of the breakaway republic condemned the move, and the greatest nation on earth was silent.")
    assert all(text not in ("the breakaway republic", "the greatest nation") for text, _, _ in part)
    # the state a sentence names first as who acts owns "the country's ..."
    _, first = coded(nlp, lex, "Kenya closed two refugee camps on Friday.",
                     "Two Malian officers and a trainer from Chad said the country's army had withdrawn.")
    assert ("the country's army", "MLI", "MIL") in first
    # nor a state one governs, defends or enters
    _, ran = coded(nlp, lex, "Kenya closed two refugee camps on Friday.",
                   "The generals formed a council to govern the country until the vote.")
    assert all(text != "the country" for text, _, _ in ran)


def test_the_group_is_no_news_agency_only_told_something(nlp: Any, lex: Lexicon) -> None:
    """"A Somali officer told Reuters" names no party: "the group" after it is the armed group named
    before, not the agency."""
    _, later = coded(
        nlp, lex,
        "Al-Shabab fighters overran an army post near Baidoa on Monday, a Somali officer told Reuters.",
        "The group later claimed the attack.",
    )  # fmt: skip
    assert ("group", "SOM", "REB") in later



@pytest.fixture(scope="module")
def rules():  # type: ignore[no-untyped-def]
    """The rule coder alone, for the checks that follow an actor into the events it takes part in."""
    from riftwatch.pipeline import Coder, Config

    return Coder(Config(learned=False))


def _event(rules, text: str, word: str):  # type: ignore[no-untyped-def]
    """The first event whose trigger is ``word`` in ``text``, coded as published 2025-03-14."""
    from riftwatch.records import Article

    coded = next(rules.code([Article(id="t", text=text, published=dt.date(2025, 3, 14))]))
    return next(e for e in coded.events if e.trigger.text == word)


def test_he_after_a_person_named_again_as_subject_is_that_person(rules) -> None:  # type: ignore[no-untyped-def]
    # the surname alone, named again as the subject, is who "he" takes up next, not the person
    # the sentence names after it
    text = (
        "Gabon's military ruler, General Brice Ndong Obiang, was sworn in as president on Monday. "
        "Obiang seized power in 2023, ousting President Paul Mba. "
        "He later dissolved parliament and banned opposition rallies."
    )
    assert [a.name for a in _event(rules, text, "banned").source] == ["Brice Ndong Obiang"]


def test_a_lower_case_office_before_a_title_is_the_office_named_before(rules) -> None:  # type: ignore[no-untyped-def]
    # "ministry spokesperson Liu Wenbo": the ministry named before with its country, not the
    # country the story is filed from (a helper's article written for these checks)
    text = (
        "WASHINGTON \u2014 The U.S. Commerce Department on Tuesday expanded export controls on advanced "
        "semiconductors to China, adding 27 Chinese companies to a trade blacklist.\n\n"
        "The new rules bar American firms from selling high-end chipmaking equipment to the listed companies, "
        "Commerce Secretary Daniel Whitmore said in a statement.\n\n"
        "China's Commerce Ministry condemned the decision hours later.\n\n"
        "\"The United States has once again abused state power to suppress Chinese enterprises,\" ministry "
        "spokesperson Liu Wenbo told reporters in Beijing. He urged Washington to correct its mistakes immediately."
    )
    assert {a.country for a in _event(rules, text, "urged").source} == {"CHN"}


def test_rebels_with_no_article_are_the_armed_group_named_before(nlp: Any, lex: Lexicon) -> None:
    # a story turned to talks abroad: bare "Rebels" are still the story's armed group, as "the
    # rebels" are, not of the country where the talks are
    ctx = ArticleContext()

    def actors(text: str, *places: tuple[str, str]) -> list[tuple[str, str, str]]:
        marks = [Place(text=w, start=text.index(w), end=text.index(w) + len(w), name=w, geonameid=None, lat=0.0,
                       lon=0.0, country=c) for w, c in places]  # fmt: skip
        return [(a.text, a.country, a.sector) for a in find_actors(nlp(text), lex, JUN_2024, context=ctx, places=marks)]

    actors("M23 fighters took a mining town in Congo on Sunday.", ("Congo", "COD"))
    actors("Envoys met in Doha on Monday, and Qatar's emir hosted a dinner in Qatar.", ("Doha", "QAT"), ("Qatar", "QAT"))
    assert ("Rebels", "COD", "REB") in actors("Rebels fired mortars at an army post overnight.")


def test_the_title_is_the_one_the_story_named_with_it_after_an_office_holder(nlp: Any, lex: Lexicon) -> None:
    # a headline's "US envoy" is read as the office holder the lexicon knows; the story then names
    # another envoy, unknown to the lexicon, and "the envoy" is that one
    ctx = ArticleContext()
    for s in ("US envoy visits Juba", "U.S. special envoy Maria Lindqvist arrived in Juba on Monday."):
        find_actors(nlp(s), lex, dt.date(2025, 3, 1), context=ctx)
    later = find_actors(nlp("The envoy later flew to Nairobi."), lex, dt.date(2025, 3, 1), context=ctx)
    assert [(a.text, a.person) for a in later] == [("envoy", "Maria Lindqvist")]


def test_whose_government_is_the_government_of_the_noun_the_clause_is_on(nlp: Any, lex: Lexicon) -> None:
    # the story's main country is not whose government it is: the relative clause's noun says
    _, _, later = coded(nlp, lex, "France and Italy argued over migrants on Monday.", "Paris recalled its envoy to Rome.",
                        "The quarrel was regretted by Malta, whose government offered to mediate.")  # fmt: skip
    assert ("government", "MLT", "GOV") in later


def test_the_leader_of_a_government_of_a_leader_is_met_again(nlp: Any, lex: Lexicon) -> None:
    # "the government of President X": X named, met again by surname and by "him"
    _, _, later = coded(nlp, lex, "Peru's congress debated the budget on Monday.",
                        "The government of President Gabriel Boric recalled its ambassador to Lima.",
                        "Boric, a former student leader, took office in 2022. Critics accuse him of weakness.")  # fmt: skip
    assert [(t, c) for t, c, _ in later] == [("Boric", "CHL"), ("him", "CHL")]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # written here: a spokesperson named by title alone, opening the sentence after one whose
        # subject is a body, speaks for that body (not for the country the story is most about)
        (("Peru protested to Bolivia twice on Monday. Peru lodged a complaint with Bolivia. Bolivia's foreign "
          "ministry rejected the complaint. Spokeswoman Ana Quispe said Peru had no grounds."), "BOL"),
    ],
)
def test_a_spokesperson_by_title_alone_speaks_for_the_body_before(nlp: Any, lex: Lexicon, text: str, country: str) -> None:
    found = find_actors(nlp(text), lex, JUN_2024, context=ArticleContext())
    [quispe] = [a for a in found if "Quispe" in a.text]
    assert quispe.country == country


def test_police_with_no_article_are_the_police_named_before() -> None:
    """Written here: "Police said ..." after "The Haitian National Police ..." are Haiti's police, in
    a story filed from Washington whose places are mostly American (they were the United States')."""
    text = ("WASHINGTON \u2014 Federal agents arrested three men in Miami and Orlando on Thursday over guns "
            "bound for Haiti. The Haitian National Police has stepped up raids on gang supply lines. Police "
            "said they had seized rifles on Saturday.")
    from riftwatch.pipeline import Coder
    from riftwatch.records import Article

    [coded] = Coder().code([Article(id="p", text=text, published=dt.date(2025, 3, 14))])
    assert [(a.country, a.sector) for a in coded.actors if a.text == "Police"] == [("HTI", "COP")]


def test_a_known_person_keeps_the_post_the_story_gives_them(nlp: Any, lex: Lexicon) -> None:
    """Written here: "The UN envoy for Afghanistan, Roza Otunbayeva," is one actor, the UN's (the
    parse hangs the name on "Afghanistan"), and "Otunbayeva" later is still the UN's envoy, not the
    former president of Kyrgyzstan the lexicon knows."""
    first, later = coded(nlp, lex, "The UN envoy for Afghanistan, Roza Otunbayeva, briefed the council on Monday.",
                         "Otunbayeva travelled to Kandahar last month.")
    assert first[0][:2] == ("UN envoy for Afghanistan, Roza Otunbayeva", "IGO")
    assert later == [("Otunbayeva", "IGO", "GOV")]


def test_both_governments_are_the_storys_pair_not_states_named_since_in_passing(nlp: Any, lex: Lexicon) -> None:
    """Written here: a story of Peru and Ecuador that then names the mediators of an old dispute in
    passing; "both governments" are still Peru's and Ecuador's (they had been Brazil's and Peru's)."""
    *_, later = coded(
        nlp, lex,
        "Peru accused Ecuador of moving troops to the border.",
        "Ecuador rejected the charge and Quito summoned Peru's envoy.",
        "Lima said Ecuador had broken the accord.",
        "Peru's president called Ecuador's leader on Sunday.",
        "The dispute was settled in 1998 with help from Argentina, Chile and Brazil.",
        "The United Nations urged both governments to talk.",
    )  # fmt: skip
    assert sorted(a[1] for a in later if a[0] in ("both", "governments")) == ["ECU", "PER"]


def test_an_acronym_defined_after_a_comma_is_the_organisation_named_before_it(nlp: Any, lex: Lexicon) -> None:
    """Written here: "the Pakistan Tehreek-e-Insaf, known as PTI," and "..., or PTI," define the
    acronym as brackets do: "PTI" met later is the party (it had been no actor at all); ", or UN
    agencies" defines none."""
    for defined in ("The Pakistan Tehreek-e-Insaf, known as PTI, marched on Islamabad.",
                    "The Pakistan Tehreek-e-Insaf, or PTI, marched on Islamabad."):
        _, later = coded(nlp, lex, defined, "Police said PTI had broken the ban.")
        assert ("PTI", "PAK", "PTY") in later, defined
    _, none = coded(nlp, lex, "The Pakistan Tehreek-e-Insaf, or PTI supporters, marched on Islamabad.",
                    "Police said PTI had broken the ban.")
    assert not [a for a in none if a[0] == "PTI"]


def test_a_name_with_a_generation_is_met_again_by_its_family_name(nlp: Any, lex: Lexicon) -> None:
    """Written here (after a helper story): "Ferdinand Marcos Jr." is "Marcos" later (the family
    name had been read as "Jr.", so "Marcos" was no one); so is a person the lexicon lacks."""
    _, later = coded(nlp, lex, "Philippine President Ferdinand Marcos Jr. protested on Monday.",
                     "Later, Marcos visited Tokyo.")
    assert ("Marcos", "PHL", "GOV") in later
    _, later = coded(nlp, lex, "Kenyan opposition leader Raila Amolo Odinga Sr. spoke on Monday.",
                     "Odinga accused the police of brutality.")
    assert [a[1] for a in later if a[0] == "Odinga"] == ["KEN"]
