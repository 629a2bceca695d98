"""Place names as news writes them: pieces of longer names, demonyms, people's names, sites,
one sense per name, English display names, and the place index built visibly.

Sentences are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from riftwatch.geo.gazetteer import Gazetteer
from riftwatch.geo.resolve import find_demonym_places, find_places, resolve_name
from riftwatch.geo.sites import find_site_places


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Fishing boats were seized in the Gulf of Guinea last week.", "Gulf"),
        ("The Soviet Union collapsed in 1991.", "Union"),
        ("Ships crossed the Arab Spring season of protests.", "Spring"),
        ("Britain will hand the Chagos Islands to Mauritius.", "Islands"),
        ("Troops entered the Boni Forest on Tuesday.", "Boni"),
        # a shoal, a reef, an atoll of a town's name is no more the town (Scarborough is in England)
        ("A coast guard ship fired a water cannon near the Scarborough Shoal.", "Scarborough"),
        ("Divers surveyed the Palmerston Atoll last year.", "Palmerston"),
        ("Fishermen blocked the Friendship Bridge at dawn.", "Bridge"),
        ("Protesters blocked the Peace Bridge for three hours.", "Bridge"),
        ("The talks failed at the Hanoi Summit in February.", "Summit"),
        ("Leaders met at the Accra Summit on Tuesday.", "Summit"),
        # a place's other name opening another name: "Human" is one of Uman's names, "Free" of Free State's
        ("Human Rights Watch said soldiers had beaten the students.", "Human"),
        ("The Dog Meat Free Indonesia coalition welcomed the ban.", "Free"),
        # a division's class alone stands for a division named before ("Maritime Region" is Togo's)
        ("Officials in the Region accused Baghdad of withholding salaries.", "Region"),
        ("Lawmakers said the Province would sue the federal government.", "Province"),
        # a ship's name is no place, whatever place shares a word of it
        ("Rebels attacked the Liberian-flagged Sea Falcon in the Red Sea.", "Falcon"),
        ("Iran seized the British-flagged tanker Stena Impero in 2019.", "Stena Impero"),
        # a name after "New" the gazetteer holds no longer name for: "New Guinea" is no Guinea
        ("The province lies on the western half of New Guinea.", "Guinea"),
    ],
)
def test_a_piece_of_a_longer_name_is_not_a_place(nlp: Language, gaz: Gazetteer, text: str, absent: str) -> None:
    assert absent not in [p.text for p in find_places(nlp(text), gaz)]


def test_a_place_in_its_own_name_inside_an_institution_stays(nlp: Language, gaz: Gazetteer) -> None:
    places = find_places(nlp("Students at Leiden University and the Sindh Police marched on Friday."), gaz)
    assert {"Leiden", "Sindh"} <= {p.text for p in places}


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen stormed a hotel in the Somali city of Beledweyne.",
        "Rights groups say the Uyghurs remain in Thai custody.",
    ],
)
def test_a_demonym_is_not_a_homonym_town(nlp: Language, gaz: Gazetteer, text: str) -> None:
    places = find_places(nlp(text), gaz)
    assert all(p.text not in {"Somali", "Thai"} for p in places)


@pytest.mark.parametrize(
    ("text", "demonym", "country"),
    [
        ("Sudanese refugees crossed into Chad.", "Sudanese", "SDN"),
        ("Egyptian officials met their counterparts in Amman.", "Egyptian", "EGY"),
        ("Somali forces retook the town.", "Somali", "SOM"),
    ],
)
def test_a_demonym_names_its_country_in_the_article_places(
    nlp: Language, gaz: Gazetteer, text: str, demonym: str, country: str
) -> None:
    doc = nlp(text)
    found = {p.text: p.country for p in find_demonym_places(doc, gaz, find_places(doc, gaz))}
    assert found.get(demonym) == country


def test_the_surname_of_a_person_named_in_full_is_not_a_place(nlp: Language, gaz: Gazetteer) -> None:
    text = ("A judge ordered journalist Jose Ruben Zamora back to prison. "
            "Authorities arrested Zamora in 2022 and froze his assets.")  # fmt: skip
    assert "Zamora" not in [p.text for p in find_places(nlp(text), gaz)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Two soldiers were killed in an attack in Dera Ismail Khan on Monday.", "Dera Ismail Khan"),
        ("Militants attacked a checkpoint near Dera Ghazi Khan.", "Dera Ghazi Khan"),
    ],
)
def test_a_city_whose_name_ends_in_a_persons_name_is_found_whole(nlp: Language, gaz: Gazetteer, text: str, name: str) -> None:
    """The recogniser reads "Ismail Khan" as a man and leaves "Dera" alone (a town in Ethiopia):
    the whole run is the city the gazetteer holds, in Pakistan."""
    found = [(p.text, p.country) for p in find_places(nlp(text), gaz)]
    assert found == [(name, "PAK")]


@pytest.mark.parametrize("name", ["Scarborough Shoal", "Second Thomas Shoal", "Sabina Shoal", "Spratly Islands"])
def test_the_disputed_reefs_of_the_south_china_sea_are_places(nlp: Language, gaz: Gazetteer, name: str) -> None:
    """Written here: reefs GeoNames' tables lack, named in every story of the sea's standoffs."""
    found = [(p.text, round(p.lat), round(p.lon)) for p in find_places(nlp(f"Two ships collided near {name} on Monday."), gaz)]
    assert [(t, 8 <= lat <= 16, 113 <= lon <= 118) for t, lat, lon in found] == [(name, True, True)]


def test_one_sense_per_name_finds_every_mention(nlp: Language, gaz: Gazetteer) -> None:
    text = ("Floods hit Moorhead, Minn., on Sunday. Moorhead officials said the river would crest "
            "on Monday, and Moorhead schools were closed.")  # fmt: skip
    assert [p.text for p in find_places(nlp(text), gaz)].count("Moorhead") == 3


def test_a_site_is_placed_at_the_articles_town(nlp: Language, gaz: Gazetteer) -> None:
    text = ("Protesters gathered in Yaounde on Monday. Police cleared the Central Market and closed "
            "the Hilton Hotel, residents of Yaounde said.")  # fmt: skip
    doc = nlp(text)
    sites = find_site_places(doc, find_places(doc, gaz))
    assert [p.name for p in sites] == ["Central Market, Yaounde", "Hilton Hotel, Yaounde"]
    assert all(p.country == "CMR" for p in sites)


def test_a_field_site_in_a_sentence_on_another_country_is_in_that_country(nlp: Language, gaz: Gazetteer) -> None:
    """A dam, a base, a camp named in a sentence that places the act in another country than the
    article's town is there, not at the dateline; a market in the town's own story stays in it."""
    text = ("ANKARA - Turkish officials met in Ankara on Monday. In northern Syria, Turkish drones struck "
            "fighters near the Tishrin Dam, the ministry said. Police closed the Central Market in Ankara.")
    doc = nlp(text)
    sites = {p.text: p for p in find_site_places(doc, find_places(doc, gaz))}
    assert sites["Tishrin Dam"].country == "SYR"
    assert sites["Central Market"].country == "TUR"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Fighting was reported in Bunagana and in Rutshuru, officials said.", "Bunagana", "COD"),
        ("The army said rebels had been seen near Mabanga and in Kalehe.", "Mabanga", "COD"),
        ("Residents of Nairobi said police fired on protesters outside Kenyatta National Hospital.",
         "Kenyatta National Hospital", "KEN"),
        # the second of a pair after "the towns of"
        ("Rebels attacked villages between the towns of Bocaranga and Bazoum.", "Bazoum", "CAF"),
        ("Troops patrolled the villages of Kalehe and Minova in South Kivu.", "Minova", "COD"),
    ],
)  # fmt: skip
def test_a_place_the_gazetteer_lacks_after_a_preposition_is_a_site(
    nlp: Language, gaz: Gazetteer, text: str, name: str, country: str
) -> None:
    doc = nlp(text)
    sites = {p.text: p.country for p in find_site_places(doc, find_places(doc, gaz))}
    assert sites.get(name) == country


@pytest.mark.parametrize(
    ("text", "site", "name"),
    [
        # the place the text gives right after a site, or as its base, not the article's town
        (("Protests went on in Pyongyang. Kim Lee, an expert at the Middlebury Institute of International Studies "
         "in California, said so."), "Middlebury Institute of International Studies",
         "Middlebury Institute of International Studies, California"),
        (("Officials in Port Louis spoke. Ravi Menon, a fellow at the Observer Research Foundation in New Delhi, "
         "disagreed."),
         "Observer Research Foundation", "Observer Research Foundation, Delhi"),
        (("Prices rose in Lagos. Oil demand will grow, said a director of the Berlin-based Carnegie Russia Eurasia "
         "Center."), "Carnegie Russia Eurasia Center", "Carnegie Russia Eurasia Center, Berlin"),
        ("Markets fell in Beijing. Ali Vaez, an analyst at the Eurasia Group, a New York-based think tank, said so.",
         "Eurasia Group", "Eurasia Group, New York City"),
        # the article's town stays where it lies inside what the text gives
        ("Fighting went on in Beledweyne. Officials were meeting at the Qahira Hotel in central Somalia.",
         "Qahira Hotel", "Qahira Hotel, Beledweyne"),
    ],
)  # fmt: skip
def test_a_site_is_placed_where_the_text_puts_it(nlp: Language, gaz: Gazetteer, text: str, site: str, name: str) -> None:
    doc = nlp(text)
    sites = {p.text: p.name for p in find_site_places(doc, find_places(doc, gaz))}
    assert sites.get(site) == name


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the recogniser calls these NORP, CARDINAL and LOC: "the town of" says what they are
        ("Soldiers surrounded the town of Aungban in Shan state on Sunday.", "Aungban", "MMR"),
        ("Protesters marched through the town of Mawlamyine.", "Mawlamyine", "MMR"),
        ("Gunmen raided the village of Kalehe overnight, residents in Bukavu said.", "Kalehe", "COD"),
        # plural nouns, and the second of a pair (pool: "between the towns of Bocaranga and Bazoum")
        ("Rebels attacked nearly 10 villages between the towns of Bocaranga and Bazoum.", "Bocaranga", "CAF"),
    ],
)
def test_a_name_after_the_town_of_is_that_town(nlp: Language, gaz: Gazetteer, text: str, name: str, country: str) -> None:
    assert {p.text: p.country for p in find_places(nlp(text), gaz)}.get(name) == country


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Biden hosted Modi at the White House for talks on trade.", "White House, Washington", "USA"),
        ("Putin received the Chinese envoy in the Kremlin on Tuesday.", "Kremlin, Moscow", "RUS"),
        ("Protesters rallied outside Downing Street against the war.", "Downing Street, London", "GBR"),
        ("Officials at the Pentagon said the drills would go on.", "Pentagon, Arlington", "USA"),
        ("Lawmakers on Capitol Hill objected to the deal.", "Capitol Hill, Washington", "USA"),
    ],
)
def test_a_seat_of_government_after_a_preposition_of_place_is_at_its_city(
    nlp: Language, gaz: Gazetteer, text: str, name: str, country: str
) -> None:
    found = {p.name: p for p in find_places(nlp(text), gaz)}
    assert name in found and found[name].country == country and found[name].precision == "city"


@pytest.mark.parametrize(
    "text",
    [
        "The White House said it would respond to the tariffs.",
        "White House spokeswoman Karoline Leavitt said the talks went well.",
        "The Kremlin rejected the proposal on Monday.",
        "According to the Kremlin, Russian jets bombed rebel positions.",
        "Macron sent a letter to the White House on Friday.",
    ],
)
def test_a_seat_of_government_that_acts_is_no_place(nlp: Language, gaz: Gazetteer, text: str) -> None:
    # nor the town of that name ("White House", Tennessee) or the city it translates (Casablanca)
    assert find_places(nlp(text), gaz) == []


@pytest.mark.parametrize(
    ("text", "site", "country"),
    [
        # a settlement too small for the gazetteer is placed at the article's town, its name kept
        ("Police in Bamenda said soldiers burned houses in the village of Ngarbuh.", "Ngarbuh", "CMR"),
        ("Gunmen killed nine people in the village of Tawari in Kogi state.", "Tawari", "NGA"),
    ],
)
def test_an_unlisted_name_after_the_village_of_is_a_site(
    nlp: Language, gaz: Gazetteer, text: str, site: str, country: str
) -> None:
    doc = nlp(text)
    places = find_places(doc, gaz)
    assert site not in [p.text for p in places]
    sites = {p.text: p for p in find_site_places(doc, places)}
    assert site in sites and sites[site].country == country and sites[site].name.startswith(f"{site}, ")


@pytest.mark.parametrize(
    ("text", "site", "at"),
    [
        # ... but in the province the text gives for it, after it or in its sentence, not at a
        # far town the article is filed from
        ("KINSHASA, Congo - Rebels took the village of Mbuyi, in North Kivu province, on Friday.", "Mbuyi", "Nord-Kivu"),
        ("KINSHASA, Congo - In Ituri province, militiamen burned the village of Mbuyi on Friday.", "Mbuyi", "Ituri"),
        # a province the article's town lies in keeps that town
        ("Police in Bunia said militiamen burned the village of Mbuyi in Ituri province.", "Mbuyi", "Bunia"),
    ],
)
def test_an_unlisted_settlement_lies_in_the_province_the_text_gives(
    nlp: Language, gaz: Gazetteer, text: str, site: str, at: str
) -> None:
    doc = nlp(text)
    sites = {p.text: p for p in find_site_places(doc, find_places(doc, gaz))}
    assert sites[site].name == f"{site}, {at}", sites[site]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fighting was reported in Rutshuru, officials in Goma said.", "Goma"),
        ("Police in Kalehe said two bodies were found.", "Kalehe"),
    ],
)
def test_a_name_after_in_is_a_place_whatever_label_the_recogniser_gave(
    nlp: Language, gaz: Gazetteer, text: str, name: str
) -> None:
    assert name in [p.text for p in find_places(nlp(text), gaz)]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Police arrested five men in the Kakuma refugee camp on Monday.", "Kakuma", "KEN"),
        ("Aid workers reached the Dadaab refugee camp after the floods.", "Dadaab", "KEN"),
        ("Inmates escaped from the Croix des Bouquets civilian jail on Thursday.", "Croix des Bouquets", "HTI"),
    ],
)
def test_a_small_town_naming_a_camp_or_a_jail_is_a_place(
    nlp: Language, gaz: Gazetteer, text: str, name: str, country: str
) -> None:
    # the recogniser labels such names PERSON; the site noun after them says they are the place
    assert (name, country) in [(p.text, p.country) for p in find_places(nlp(text), gaz)]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Chinese immigrants settled in Augusta, Maine, and in Bangor after leaving their homes in China.", "CHN"),
        ("The Chinese families of Waterville and Augusta in Kennebec County still send money to relatives in China.",
         "CHN"),
        # the text itself puts the town in its state: the town
        ("Residents of China, Maine, met in Augusta on Tuesday.", "USA"),
    ],
)  # fmt: skip
def test_a_country_whose_people_the_article_names_is_no_town_of_that_name(
    nlp: Language, gaz: Gazetteer, text: str, country: str
) -> None:
    assert {p.text: p.country for p in find_places(nlp(text), gaz)}["China"] == country


@pytest.mark.parametrize(
    ("text", "absent", "kept"),
    [
        ("China is investing heavily in AI.", "AI", "China"),
        ("The UK is investing in AI.", "AI", "UK"),
        # four or five capitals in running text are an organisation's initials, not a town's name
        ("Kenya's General Electoral Review Authority, or GERA, raided a depot.", "GERA", "Kenya"),
        # initials the text defines are what they stand for, even a state's name ("Lac", Chad)
        ("Troops pulled back along the Line of Actual Control (LAC) in Ladakh. Patrols along the LAC resumed.", "LAC", "Ladakh"),
        ("The Democratic Republic of Congo (DRC) accused Rwanda. Fighting in the DRC went on.", "Fighting", "DRC"),
    ],
)
def test_an_acronym_is_a_place_only_for_a_country_or_a_state(
    nlp: Language, gaz: Gazetteer, text: str, absent: str, kept: str
) -> None:
    found = [p.text for p in find_places(nlp(text), gaz)]
    assert absent not in found and kept in found


def test_a_hyphened_name_is_one_place(nlp: Language, gaz: Gazetteer) -> None:
    """"Port-au-Prince" is Haiti's capital, in a dateline too, not "Port" (a town of France or
    Reunion); the first part of a hyphened name the gazetteer lacks ("Pont-Sonde") is no place."""
    found = {p.text: p.country for p in find_places(nlp("PORT-AU-PRINCE (AP) - Gangs attacked police in Port-au-Prince and Pont-Sonde."), gaz)}
    assert found.get("PORT-AU-PRINCE") == "HTI" and found.get("Port-au-Prince") == "HTI"
    assert "Pont" not in found and "PORT" not in found


def test_a_hyphened_name_with_a_joining_word_is_one_place(nlp: Language, gaz: Gazetteer) -> None:
    """Written here: "Croix-des-Bouquets", whose first part the recogniser reads as a man's name,
    is the Haitian town, not Croix in France; nor is the first part of such a name the gazetteer
    lacks a place of its own."""
    found = {p.text: p.country for p in find_places(nlp("Police said they had raided a gang hideout in Croix-des-Bouquets."), gaz)}
    assert found == {"Croix-des-Bouquets": "HTI"}
    found = {p.text: p.country for p in find_places(nlp("Officers raided a gang hideout in Croix-des-Zorglub on Friday."), gaz)}
    assert "Croix" not in found


def test_an_arabic_article_opening_a_name_is_no_place(nlp: Language, gaz: Gazetteer) -> None:
    """Written here: "Al" of a name the gazetteer lacks ("Al Jabalain") is no Ål in Norway."""
    found = {p.text for p in find_places(nlp("Militias shelled villages near Al Jabalain and Kosti on Monday."), gaz)}
    assert "Al" not in found and "Kosti" in found


def test_a_name_with_an_arabic_article_is_one_name(nlp: Language, gaz: Gazetteer) -> None:
    """"Ain al-Asad" (an air base), "Ras al-Ain": neither part is a place of its own ("Ain" is a
    French department); "Al Ain" written so is the Emirati city."""
    for text in ("Two drones were launched at Ain al-Asad airbase on Tuesday.", "Fighting raged in Ras al-Ain near the Turkish border."):
        assert "Ain" not in [p.text for p in find_places(nlp(text), gaz)]
    assert "Al Ain" in [p.text for p in find_places(nlp("Protesters gathered in Al Ain on Friday."), gaz)]


def test_an_adjective_opening_a_sentence_is_no_place_of_another_name(nlp: Language, gaz: Gazetteer) -> None:
    """"Human rights lawyer ..." opens with an adjective, not with Uman (Ukraine), also called "Human"."""
    assert [p.text for p in find_places(nlp("Human rights lawyers filed a complaint with the court."), gaz)] == []


def test_a_persons_name_inside_a_place_name_is_no_person(nlp: Language) -> None:
    import datetime as dt

    from riftwatch.actors.lexicon import Lexicon
    from riftwatch.actors.recognise import find_actors

    actors = find_actors(nlp("Two drones were launched at Ain al-Asad airbase on Tuesday."), Lexicon.load(), dt.date(2024, 1, 5))
    assert not [a for a in actors if a.country == "SYR"]


def test_a_dateline_in_capitals_is_still_its_city(nlp: Language, gaz: Gazetteer) -> None:
    found = {p.text: p.country for p in find_places(nlp("KABUL — Gunmen attacked a checkpoint on Monday."), gaz)}
    assert found.get("KABUL") == "AFG"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Sweeping new sanctions against Turkey are currently in Congress awaiting ratification.", "Congress"),
        ("The measure passed in Council on Monday after a heated debate.", "Council"),
        ("The opposition leader will appear in Court next week on fraud charges.", "Court"),
    ],
)
def test_a_lone_institution_after_in_is_not_a_town(nlp: Language, gaz: Gazetteer, text: str, absent: str) -> None:
    assert absent not in [p.text for p in find_places(nlp(text), gaz)]


@pytest.mark.parametrize(
    ("text", "site", "country"),
    [
        ("Protesters gathered outside Victoria Hospital in Kano on Friday.", "Victoria Hospital", "NGA"),
        ("Three people died when a lorry hit a bus on Aba Road in Port Harcourt.", "Aba Road", "NGA"),
        ("A bomb exploded at the Marrakech Market in Abuja, police said.", "Marrakech Market", "NGA"),
        ("Voters queued at Lagos Street School in Kaduna.", "Lagos Street School", "NGA"),
    ],
)
def test_a_name_before_a_building_word_is_a_site_not_a_town(
    nlp: Language, gaz: Gazetteer, text: str, site: str, country: str
) -> None:
    doc = nlp(text)
    places = find_places(doc, gaz)
    inner = site.split()[0]
    assert inner not in [p.text for p in places]
    assert {p.text: p.country for p in find_site_places(doc, places)}.get(site) == country


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        ("Jets flew low across the Turkish capital on Monday.", "Ankara", "TUR"),
        ("Protests spread from the Kenyan capital to Mombasa.", "Nairobi", "KEN"),
        ("A blast hit a mosque in the Afghan capital, Kabul, on Friday.", "Kabul", "AFG"),
    ],
)
def test_a_demonym_capital_is_that_city(nlp: Language, gaz: Gazetteer, text: str, city: str, country: str) -> None:
    found = {(p.text, p.name, p.country) for p in find_places(nlp(text), gaz)}
    assert ("capital", city, country) in found


@pytest.mark.parametrize(
    ("name", "countries", "shown", "geonames"),
    [
        ("Afrin", ["SYR"], "Afrin", "\u2018Afr\u012bn"),
        ("Aleppo", ["SYR"], "Aleppo", ""),
        ("Sao Paulo", ["BRA"], "Sao Paulo", "S\u00e3o Paulo"),
        # a compass region as the text wrote it, not its lower-cased key and a transliteration
        ("eastern Beirut", ["LBN"], "eastern Beirut", "eastern beirut (Bayr\u016bt)"),
        ("northern Syria", ["SYR"], "northern Syria", "northern syria (Syria)"),
    ],
)
def test_names_are_shown_in_english(name: str, countries: list[str], shown: str, geonames: str) -> None:
    p = resolve_name(name, countries)
    assert p is not None and (p.name, p.geonames_name) == (shown, geonames)


@pytest.mark.parametrize(
    ("name", "countries", "country", "precision"),
    [
        ("Mexico", ["USA"], "MEX", "country"),  # the country, not its capital by an alternate name
        ("Geneva", [], "CHE", "city"),
        ("Washington", ["GBR"], "USA", "city"),  # the capital, not an English town
    ],
)
def test_news_names_mean_what_news_means(name: str, countries: list[str], country: str, precision: str) -> None:
    p = resolve_name(name, countries)
    assert p is not None and (p.country, p.precision) == (country, precision)


def test_the_place_index_reports_progress_while_it_builds(tmp_path: Path) -> None:
    from riftwatch.geo.gazetteer import build_index, index_ready

    assert not index_ready(tmp_path)
    seen: list[tuple[str, float]] = []
    path = build_index(lambda stage, done: seen.append((stage, done)), directory=tmp_path)
    assert path.exists() and index_ready(tmp_path)
    shares = [d for _, d in seen]
    assert shares == sorted(shares) and shares[0] == 0.0 and shares[-1] == 1.0 and len(seen) >= 5


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # places GeoNames' towns lack, in our own list (data/geo/regions.json)
        ("Britain agreed to hand the Chagos Islands to Mauritius.", "Chagos Islands", "IOT"),
        ("American tankers refuelled at Incirlik before the strikes.", "Incirlik", "TUR"),
        ("C.A.R. forces attacked a rebel base on Monday.", "C.A.R.", "CAF"),
        # "Korea" alone names the peninsula: neither Korea is said, and no town in India is meant
        ("Tensions rose in Korea as troops massed along the border.", "Korea", ""),
    ],
)
def test_named_places_the_towns_lack(nlp: Language, gaz: Gazetteer, text: str, name: str, country: str) -> None:
    assert {p.text: p.country for p in find_places(nlp(text), gaz)}.get(name) == country


@pytest.mark.parametrize(
    "text",
    [
        ("Talks stalled in Pyongyang. \"I see no signs that the North Koreans are interested in talking to the U.S.,\" "
        "said an analyst in Seoul."),
        "Fighting went on near Donetsk. The Russians were pushing west, officials in Kyiv said.",
    ],
)
def test_a_people_is_no_site(nlp: Language, gaz: Gazetteer, text: str) -> None:
    doc = nlp(text)
    sites = find_site_places(doc, find_places(doc, gaz))
    assert not any(gaz.is_demonym(p.text.lower().rstrip("s")) for p in sites), [p.name for p in sites]


@pytest.mark.parametrize(
    "text",
    [
        "Officials met in Manila on Monday. Coast guard ships clashed near Scarlet Reef Shoal on Sunday.",
        "Talks were held in Port Louis. Work on the airstrip on Lamarre Island is nearly done.",
        # nor a line or zone across the land
        "Talks were held in Islamabad. Troops exchanged fire along the Line of Control overnight.",
        "Officials met in Seoul. Soldiers crossed into the Demilitarized Zone on Tuesday.",
    ],
)
def test_a_feature_at_sea_is_not_placed_at_the_articles_town(nlp: Language, gaz: Gazetteer, text: str) -> None:
    doc = nlp(text)
    assert [p.text for p in find_site_places(doc, find_places(doc, gaz))] == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the recogniser labels the pair one organisation or work: each is still a city
        ("Russian drones hit Odesa and Kharkiv.", ["Odesa", "Kharkiv"]),
        ("Shelling hit Kharkiv and Odesa overnight.", ["Kharkiv", "Odesa"]),
        ("Procter and Gamble reported profits.", []),
    ],
)
def test_places_the_recogniser_took_together_for_one_name(nlp: Language, gaz: Gazetteer, text: str, names: list[str]) -> None:
    assert [p.text for p in find_places(nlp(text), gaz) if p.country == "UKR"] == names


@pytest.mark.parametrize("name", ["Gulf of Guinea", "Bay of Bengal", "Sea of Azov"])
def test_a_named_sea_is_one_region(nlp: Language, gaz: Gazetteer, name: str) -> None:
    # the sea, whole: not its country ("Guinea") nor a piece of its name
    places = find_places(nlp(f"Patrol boats were sent into the {name} on Monday."), gaz)
    assert [(p.text, p.precision, p.country) for p in places] == [(name, "region", "")]


def test_a_name_the_gazetteer_holds_only_with_its_admin_word_is_found(nlp: Language, gaz: Gazetteer) -> None:
    # GeoNames has "Kurram District", not "Kurram"
    places = find_places(nlp("Fighting raged in Kurram district on Monday."), gaz)
    assert [(p.text, p.country, p.precision) for p in places] == [("Kurram district", "PAK", "admin")]


@pytest.mark.parametrize(("text", "name"), [
    ("Floodwaters rose across the southern state of Rio Grande do Sul on Monday.", "Rio Grande do Sul"),
    ("Troops were deployed to Mato Grosso do Sul on Monday.", "Mato Grosso do Sul"),
])  # fmt: skip
def test_a_name_joined_by_a_portuguese_joining_word_is_one_place(nlp: Language, gaz: Gazetteer, text: str, name: str) -> None:
    """"Rio Grande do Sul" is the state, not the city of Rio Grande; "Mato Grosso do Sul" not Mato Grosso."""
    assert name in [p.name for p in find_places(nlp(text), gaz)]


def test_a_first_name_going_on_with_a_particle_is_no_place() -> None:
    """"Charles de Gaulle airport" is no Charles County: a place's other name followed by "de",
    "van", "bin" and a capitalised word opens a person's name."""
    from riftwatch.pipeline import Coder, Config
    from riftwatch.records import Article

    text = "PARIS — Police detained a man at Charles de Gaulle airport on Monday."
    coder = Coder(Config(learned=False))
    (ctx,) = [c for c in coder.sentence_contexts(Article(id="g", text=text)) if "detained" in c.text]
    assert all(p.country != "USA" for p in ctx.usable)
