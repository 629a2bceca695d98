"""Toponym resolution: mentions found in parsed text, disambiguated by the article's context."""

from __future__ import annotations

import pytest
from spacy.language import Language

from riftwatch.geo.gazetteer import Gazetteer
from riftwatch.geo.resolve import (
    DocContext,
    find_places,
    haversine_km,
    resolve_article,
    resolve_name,
    resolve_spans,
)
from riftwatch.records import Place, Span


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def _place(places: list[Place], text: str) -> Place:
    found = [p for p in places if p.text == text]
    assert found, f"{text!r} not found among {[p.text for p in places]}"
    return found[0]


@pytest.mark.parametrize(
    ("names", "name", "country"),
    [
        (["Tripoli", "Misrata", "Benghazi"], "Tripoli", "LBY"),
        (["Tripoli", "Beirut", "Sidon"], "Tripoli", "LBN"),
        (["Alexandria", "Rapides Parish"], "Alexandria", "USA"),
        (["Alexandria", "Cairo"], "Alexandria", "EGY"),
        (["Athens", "Henderson County", "Tyler"], "Athens", "USA"),
        (["Georgia", "Atlanta", "Savannah"], "Georgia", "USA"),
        (["Georgia", "Tbilisi", "Russia"], "Georgia", "GEO"),
        # a district with no population on record takes only half its country's vote: "Gaza" next
        # to "Israel" is the city, not the Israeli district of that name
        (["Israel", "Gaza"], "Gaza", "PSE"),
    ],
)
def test_context_decides_between_namesakes(gaz: Gazetteer, names: list[str], name: str, country: str) -> None:
    text = " and ".join(names)
    spans, pos = [], 0
    for n in names:
        spans.append(Span(n, pos, pos + len(n)))
        pos += len(n) + len(" and ")
    places = resolve_spans(text, spans, gaz)
    assert {p.text: p.country for p in places if p}[name] == country


@pytest.mark.parametrize(
    ("name", "countries", "country", "precision"),
    [
        ("Tripoli", ["LBY"], "LBY", "city"),
        ("Tripoli", ["LBN"], "LBN", "city"),
        ("Tripoli", [], "LBY", "city"),  # the capital, when nothing says otherwise
        ("Idlib province", [], "SYR", "admin"),
        ("northern Syria", [], "SYR", "region"),
        # the compass part of the name's own most likely reading (the city of Gaza leads "Gaza"),
        # unless the story's countries say otherwise
        ("northern Gaza", [], "PSE", "region"),
        ("northern Gaza", ["MOZ"], "MOZ", "region"),
        ("Jordan", ["USA"], "JOR", "country"),
        # bare "Congo" is the DRC in news, as the actor lexicon codes it; the Republic by its longer names
        ("Congo", [], "COD", "country"),
        ("Democratic Republic of Congo", [], "COD", "country"),
        ("Republic of Congo", [], "COG", "country"),
        # "the Gulf" of news is the Persian Gulf, no Papua New Guinean province
        ("Gulf", [], "", "region"),
        ("Gulf state", [], "", "region"),
    ],
)
def test_resolve_name(name: str, countries: list[str], country: str, precision: str) -> None:
    place = resolve_name(name, countries)
    assert place is not None and (place.country, place.precision) == (country, precision)
    assert (place.text, place.start, place.end) == (name, 0, len(name))


def test_resolve_name_unknown() -> None:
    assert resolve_name("Qwzxvillezz", ["SYR"]) is None


def test_container_after_comma_wins(gaz: Gazetteer) -> None:
    text = "Flooding closed roads in Alexandria, Va. and in Richmond."
    places = resolve_spans(text, [Span("Alexandria", 25, 35)], gaz)
    assert places[0] is not None and places[0].admin1 == "Virginia"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # a small Syrian town shares its name with a larger town in Myanmar: the demonym before
        # "town of" puts it in Syria, although nothing else in the text names Syria
        ("Residents fled the small Syrian town of Madaya after weeks of shelling.", "Madaya", "SYR"),
        ("Residents fled the small town of Madaya after weeks of shelling.", "Madaya", "MMR"),
        # the possessive form, with a direction word between
        ("Shelling hit Syria's southern Madaya on Monday.", "Madaya", "SYR"),
    ],
)
def test_container_before_the_name(gaz: Gazetteer, text: str, name: str, country: str) -> None:
    at = text.index(name)
    (place,) = resolve_spans(text, [Span(name, at, at + len(name))], gaz)
    assert place is not None and place.country == country, place


def test_a_possessive_that_is_no_container(gaz: Gazetteer) -> None:
    # "Russia's embassy in London": the possessive owns the embassy, not the city
    text = "Protesters gathered at Russia's embassy in London on Monday."
    at = text.index("London")
    (place,) = resolve_spans(text, [Span("London", at, at + 6)], gaz)
    assert place is not None and place.country == "GBR", place


def test_a_bare_name_is_not_a_county_of_that_name(gaz: Gazetteer) -> None:
    # a county goes by its word ("X County"): a bare name in a US story is a town of that name
    text = "Officials met in Geneva on Monday."
    at = text.index("Geneva")
    (place,) = resolve_spans(text, [Span("Geneva", at, at + 6)], gaz, DocContext.from_countries(["USA"]))
    assert place is not None and place.precision == "city", place
    named = "Floods closed roads across Geneva County, Alabama, on Monday."
    at = named.index("Geneva County")
    (county,) = resolve_spans(named, [Span("Geneva County", at, at + 13)], gaz)
    assert county is not None and county.country == "USA", county


def test_the_city_of_a_name_is_the_city(gaz: Gazetteer) -> None:
    # a province and its capital share the name: "the city of" says which one the text means
    said = "Shelling hit the city of Kherson and Mykolaiv on Monday."
    (place,) = resolve_spans(said, [Span("Kherson", 25, 32)], gaz)
    assert place is not None and place.precision == "city" and place.country == "UKR", place


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "mention", "country", "precision", "point"),
    [
        (
            "Gunmen attacked a checkpoint in Tripoli, while clashes continued in Misrata and Benghazi.",
            "Tripoli",
            "LBY",
            "city",
            (32.89, 13.19),
        ),
        (
            "The army deployed in Tripoli after a week of clashes, officials in Beirut said.",
            "Tripoli",
            "LBN",
            "city",
            (34.43, 35.84),
        ),
        (
            "Government aircraft bombed three villages in Idlib province on Tuesday.",
            "Idlib province",
            "SYR",
            "admin",
            None,
        ),
        (
            "Turkish drones struck targets in northern Syria overnight.",
            "northern Syria",
            "SYR",
            "region",
            None,
        ),
        (
            "Thousands of families fled Aleppo as the fighting spread.",
            "Aleppo",
            "SYR",
            "city",
            (36.20, 37.16),
        ),
        ("The delegation arrived in Damascus for talks.", "Damascus", "SYR", "city", (33.51, 36.29)),
        ("Warplanes took off from an air base near Latakia.", "Latakia", "SYR", "city", (35.53, 35.79)),
        ("Turkey and Iraq reached a deal on sharing the Tigris.", "Turkey", "TUR", "country", None),
        ("Turkey and Iraq reached a deal on sharing the Tigris.", "Iraq", "IRQ", "country", None),
        ("Militants regrouped in the north of Iraq last year.", "north of Iraq", "IRQ", "region", None),
        ("Jordan reopened its main border crossing.", "Jordan", "JOR", "country", None),
        # Somalia's member states and regions, which GeoNames lacks (data/geo/regions.json)
        ("Militants overran an army post in the Lower Shabelle region.", "Lower Shabelle region", "SOM", "region", (1.8, 44.3)),
        ("Troops were sent to Puntland after the vote.", "Puntland", "SOM", "region", (8.8, 48.8)),
        # a city by the English spelling news uses, which its GeoNames record lacks (city_names)
        ("Warships shelled the port of Hodeidah overnight.", "Hodeidah", "YEM", "city", (14.80, 42.95)),
        ("Gunmen killed two farmers in the Catatumbo region.", "Catatumbo region", "COL", "region", (8.6, -73.0)),
        ("Turkish drones struck a checkpoint near Qamishli.", "Qamishli", "SYR", "city", (37.05, 41.23)),
        ("Israeli jets struck targets in the Bekaa Valley.", "Bekaa Valley", "LBN", "region", (33.85, 35.9)),
        (
            "Shelling resumed across eastern Ukraine and in the Donbas.",
            "eastern Ukraine",
            "UKR",
            "region",
            None,
        ),
    ],
)
def test_find_places(
    nlp: Language,
    gaz: Gazetteer,
    sentence: str,
    mention: str,
    country: str,
    precision: str,
    point: tuple[float, float] | None,
) -> None:
    place = _place(find_places(nlp(sentence), gaz), mention)
    assert (place.country, place.precision) == (country, precision)
    if point:
        assert haversine_km(place.lat, place.lon, *point) < 25


@pytest.mark.slow
def test_offsets_point_into_the_article(nlp: Language, gaz: Gazetteer) -> None:
    article = "Headline here.\nClashes erupted in Homs and Hama on Friday."
    body_start = article.index("Clashes")
    places = find_places(nlp(article[body_start:]), gaz, offset=body_start)
    assert [article[p.start : p.end] for p in places] == [p.text for p in places] == ["Homs", "Hama"]


@pytest.mark.slow
def test_article_context_spans_docs(nlp: Language, gaz: Gazetteer) -> None:
    docs = [nlp("Lebanon's army sent reinforcements north."), nlp("Two people died in Tripoli overnight.")]
    resolved = resolve_article(docs, gaz, offsets=[0, 42])
    tripoli = _place(resolved[1], "Tripoli")
    assert tripoli.country == "LBN" and tripoli.start == 42 + docs[1].text.index("Tripoli")
    ctx = DocContext.from_doc(docs[0], gaz)
    assert _place(find_places(docs[1], gaz, context=ctx), "Tripoli").country == "LBN"


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    ["May the talks succeed, he said.", "Police said nothing was taken.", "The Best of Times was sold out."],
)
def test_no_places_in_ordinary_words(nlp: Language, gaz: Gazetteer, sentence: str) -> None:
    assert find_places(nlp(sentence), gaz) == []


def test_without_ner_a_small_place_needs_a_locative(nlp: Language, gaz: Gazetteer) -> None:
    """With the entity recogniser skipped (--no-ner) nothing tells the man Henry from a town."""
    from riftwatch.geo.mentions import find_mentions

    said = nlp("Henry said the plan had failed.", disable=["ner"])
    assert [m.text for m in find_mentions(said, gaz)] == []
    big = nlp("Officials said Chicago had failed.", disable=["ner"])
    assert [m.text for m in find_mentions(big, gaz)] == ["Chicago"]  # a large city needs no cue


def test_a_far_city_known_by_another_name_is_no_guess(gaz: Gazetteer) -> None:
    """A name that is only another name of a city in a country the article never names, while the
    article's other places agree on somewhere else, is left unresolved ("Boni" in a story from Mali
    is no Bonn); a capital's or a city's own name stays resolved wherever it is."""
    text = "Gunmen ambushed a convoy near Boni in central Mali. Officials in Bamako and Mopti said four soldiers died."
    places = resolve_spans(text, [Span("Boni", 30, 34), Span("Bamako", 66, 72), Span("Mopti", 77, 82)], gaz)
    assert places[0] is None
    assert places[1] is not None and places[1].country == "MLI"
    text = "Gunmen ambushed a convoy near Mopti. Officials in Bamako and Kiev said four soldiers died."
    places = resolve_spans(text, [Span("Kiev", 61, 65)], gaz)
    assert places[0] is not None and places[0].country == "UKR"


def test_a_far_province_of_a_few_hundred_people_is_no_guess(gaz: Gazetteer) -> None:
    """Written here: "Alo", a province of a few hundred people in Wallis and Futuna, is no place of a
    story from Bangladesh whose other places agree on Bangladesh (it had given the story's people
    that country); Dhaka stays resolved."""
    text = "Police in Dhaka and Rangpur said a tally by the Alo paper found 40 dead across Bangladesh."
    places = resolve_spans(text, [Span("Dhaka", 10, 15), Span("Rangpur", 20, 27), Span("Alo", 48, 51),
                                  Span("Bangladesh", 76, 86)], gaz)
    assert places[2] is None
    assert places[0] is not None and places[0].country == "BGD"


@pytest.mark.slow
def test_a_headline_word_the_story_writes_in_lower_case_is_no_place(nlp: Language, gaz: Gazetteer) -> None:
    """A title-case headline capitalises every word: "Ban", "Sale", "Mission" there are the common
    words the story writes in lower case, not the places of the same name; "Kenya" stays a place."""
    text = ("Kenya Extends Ban on Sale of Arms to Mission\n\n"
            "Kenya extended a ban on the sale of arms to the mission near Kisumu on Friday.")
    places = [p.text for p in find_places(nlp(text), gaz)]
    assert places == ["Kenya", "Kenya", "Kisumu"]


def test_a_name_the_text_calls_an_islands_is_no_far_city_of_that_name(gaz: Gazetteer) -> None:
    """"near Delft island" in a story all about Sri Lanka is no Dutch city: the gazetteer has no such
    island, and a clear null beats a far guess; the city stays the city where the text does not say
    island."""
    text = "The navy stopped a trawler near Delft island. Officials in Jaffna and Colombo said six men were held."
    spans = [Span("Delft", 32, 37), Span("Jaffna", 59, 65), Span("Colombo", 70, 77)]
    places = resolve_spans(text, spans, gaz)
    assert places[0] is None and places[1] is not None and places[1].country == "LKA"
    text = "Police stopped a van near Delft. Officials in Jaffna and Colombo said six men were held."
    places = resolve_spans(text, [Span("Delft", 26, 31), Span("Jaffna", 46, 52), Span("Colombo", 57, 64)], gaz)
    assert places[0] is not None and places[0].country == "NLD"


def test_a_far_district_with_no_people_on_record_is_no_guess(gaz: Gazetteer) -> None:
    """A district abroad with no population on record, in a country nothing else in the article
    supports, is as far a guess as a hamlet: "Merawi" in a story from Ethiopia's Amhara region is
    no Sudanese district."""
    text = "A drone strike hit a market in Merawi on Tuesday. Officials in Bahir Dar and Addis Ababa said 12 people died."
    spans = [Span("Merawi", 31, 37), Span("Bahir Dar", 62, 71), Span("Addis Ababa", 76, 87)]
    places = resolve_spans(text, spans, gaz)
    assert places[0] is None and places[2] is not None and places[2].country == "ETH"
