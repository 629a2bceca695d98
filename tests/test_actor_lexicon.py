"""The actor lexicon: shipped data coverage, lookups, dated office holders, user overlays, bad files."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path

import pytest

from riftwatch.actors.lexicon import Lexicon, normalise_role
from riftwatch.errors import LexiconError

# The 193 UN member states (ISO 3166 alpha-3), written out here so that the data is checked
# against an independent list.
_UN_MEMBERS_TEXT = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA
BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV
GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ
IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL
MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY
PER PHL POL PRT QAT KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD
ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN
VNM YEM ZMB ZWE
"""
UN_MEMBERS = _UN_MEMBERS_TEXT.split()
OBSERVERS_AND_OTHERS = ["PSE", "XKX", "TWN", "ESH", "VAT"]
# Capital named like the country (the country entry covers it), or a capital that usually means
# something else in the news (Brussels: the EU; Victoria: too ambiguous).
NO_CAPITAL_ENTRY = {"DJI", "LUX", "MCO", "SMR", "SGP", "SYC", "BEL"}
# Demonyms shared with a neighbour are coded to one state only ("Congolese" → DRC).
NO_DEMONYM_ENTRY = {"COG", "DMA"}


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_un_member_list_is_complete() -> None:
    assert len(UN_MEMBERS) == len(set(UN_MEMBERS)) == 193


@pytest.mark.parametrize("code", UN_MEMBERS + OBSERVERS_AND_OTHERS)
def test_every_state_has_country_demonym_and_capital(lex: Lexicon, code: str) -> None:
    assert lex.get(f"country:{code}") is not None
    if code in UN_MEMBERS and code not in NO_DEMONYM_ENTRY:
        assert lex.get(f"demonym:{code}") is not None
    if code in UN_MEMBERS and code not in NO_CAPITAL_ENTRY:
        capital = lex.get(f"capital:{code}")
        assert capital is not None and capital.sector == "GOV" and capital.country == code


def test_shipped_sizes(lex: Lexicon) -> None:
    persons = [e for e in lex if e.kind == "person"]
    armed = [e for e in lex if e.kind == "org" and e.sector in ("REB", "MIL") and e.country != "IGO"]
    assert len(persons) >= 150
    assert len(armed) >= 60
    assert all(e.roles or e.note for e in persons), "a person without roles should say why in a note"


@pytest.mark.parametrize(
    ("surface", "entry_id"),
    [
        ("Hizballah", "org:hezbollah"),
        ("Hizbullah", "org:hezbollah"),
        ("Hezbolla", "org:hezbollah"),
        ("Ansar Allah", "org:houthis"),
        ("Daesh", "org:islamic-state"),
        ("ISIL", "org:islamic-state"),
        ("Hay'at Tahrir al-Sham", "org:hayat-tahrir-al-sham"),
        ("Al Qods Brigades", "org:quds-force"),
        ("Revolutionary Guards Corps", "org:islamic-revolutionary-guard-corps"),
        ("Hashd al-Shaabi", "org:popular-mobilization-forces"),
        ("U.S.", "country:USA"),
        ("DPRK", "country:PRK"),
        ("Türkiye", "country:TUR"),
        ("Kiev", "capital:UKR"),
        ("Kremlin", "capital:kremlin"),
        ("Suleimani", "person:qassem-soleimani"),
        ("Erdogan", "person:recep-tayyip-erdogan"),
        ("erdoğan", "person:recep-tayyip-erdogan"),  # case-insensitive fallback
        ("Elysee Palace", "capital:elysee"),
        ("Iranians", "demonym:IRN"),
        ("air strikes", "sector:air-strikes"),
        # a name spelt the British or the American way, whichever way the lexicon spells it
        ("Organisation for Security and Co-operation in Europe", "org:osce"),
        ("Food and Agriculture Organisation", "org:food-and-agriculture-organization"),
    ],
)
def test_lookup_variants(lex: Lexicon, surface: str, entry_id: str) -> None:
    assert entry_id in [e.id for e in lex.lookup(surface)]


def test_spelling_variants() -> None:
    from riftwatch.actors.lexicon import spelling_variants

    assert spelling_variants("Israel Defense Forces") == ["Israel Defence Forces"]
    assert set(spelling_variants("Organization for Security and Co-operation in Europe")) == {
        "Organisation for Security and Co-operation in Europe", "Organization for Security and Cooperation in Europe",
        "Organisation for Security and Cooperation in Europe"}
    assert spelling_variants("Hamas") == []


def test_lookup_prefers_exact_case(lex: Lexicon) -> None:
    entries, level = lex.lookup_cased("Hezbollah")
    assert level == 0 and entries[0].id == "org:hezbollah"
    assert lex.lookup_cased("HEZBOLLAH")[1] == 1
    assert lex.lookup_cased("Al Qaida")[1] in (1, 2)
    assert lex.lookup("no such actor anywhere") == []


@pytest.mark.parametrize(
    ("role", "country", "when", "org", "expected"),
    [
        ("president", "SYR", "2016-05-13", "", "Bashar al-Assad"),
        ("president", "SYR", "2000-07-17", "", "Bashar al-Assad"),
        ("president", "SYR", "2024-12-20", "", None),  # between Assad's flight and al-Sharaa's presidency
        ("president", "SYR", "2026-01-10", "", "Ahmed al-Sharaa"),
        ("president", "RUS", "2010-01-01", "", "Dmitry Medvedev"),
        ("prime minister", "RUS", "2010-01-01", "", "Vladimir Putin"),
        ("president", "RUS", "2016-05-13", "", "Vladimir Putin"),
        ("defense minister", "RUS", "2016-05-13", "", "Sergei Shoigu"),
        (
            "defence minister",
            "RUS",
            "2024-05-13",
            "",
            None,
        ),  # Shoigu left on the 12th, Belousov came on the 14th
        ("Defence Minister", "RUS", "2024-06-01", "", "Andrei Belousov"),
        ("security council secretary", "RUS", "2025-01-01", "", "Sergei Shoigu"),
        ("president", "IRN", "2013-08-02", "", "Mahmoud Ahmadinejad"),
        ("president", "IRN", "2016-05-13", "", "Hassan Rouhani"),
        ("president", "IRN", "2022-01-01", "", "Ebrahim Raisi"),
        ("president", "IRN", "2024-08-01", "", "Masoud Pezeshkian"),
        ("supreme leader", "IRN", "2016-05-13", "", "Ali Khamenei"),
        ("commander", "IRN", "2016-05-13", "Quds Force", "Qassem Soleimani"),
        ("commander", "IRN", "2021-01-01", "Quds Force", "Esmail Qaani"),
        ("president", "USA", "2016-05-13", "", "Barack Obama"),
        ("president", "USA", "2018-05-13", "", "Donald Trump"),
        ("president", "USA", "2022-05-13", "", "Joe Biden"),
        ("president", "USA", "2025-06-01", "", "Donald Trump"),
        ("Secretary of State", "USA", "2023-01-01", "", "Antony Blinken"),
        ("prime minister", "ISR", "2021-12-01", "", "Naftali Bennett"),
        ("leader", "LBN", "2020-01-01", "Hezbollah", "Hassan Nasrallah"),
        ("secretary-general", "IGO", "2020-01-01", "United Nations", "António Guterres"),
    ],
)
def test_holder_by_date(
    lex: Lexicon, role: str, country: str, when: str, org: str, expected: str | None
) -> None:
    holder = lex.holder(role, country, d(when), org=org)
    assert (holder.name if holder else None) == expected


def test_holder_without_date_is_the_latest(lex: Lexicon) -> None:
    latest = lex.holder("president", "USA", None)
    assert latest is not None and latest.name == "Donald Trump"
    assert lex.holder("president", "XXX", None) is None


@pytest.mark.parametrize(
    ("entry_id", "title", "start", "end"),
    [
        ("person:bashar-al-assad", "president", "2000-07-17", "2024-12-08"),
        ("person:ahmed-al-sharaa", "president", "2025-01-29", None),
        ("person:sergei-shoigu", "defense minister", "2012-11-06", "2024-05-12"),
        ("person:andrei-belousov", "defense minister", "2024-05-14", None),
        ("person:qassem-soleimani", "commander", "1998-01-01", "2020-01-03"),
        ("person:hassan-rouhani", "president", "2013-08-03", "2021-08-03"),
        ("person:ebrahim-raisi", "president", "2021-08-03", "2024-05-19"),
        ("person:masoud-pezeshkian", "president", "2024-07-28", None),
    ],
)
def test_brief_dates(lex: Lexicon, entry_id: str, title: str, start: str, end: str | None) -> None:
    entry = lex.get(entry_id)
    assert entry is not None
    spans = [(r.start, r.end) for r in entry.roles if r.title == title]
    assert (d(start), d(end) if end else None) in spans


def test_person_codes_follow_roles(lex: Lexicon) -> None:
    sharaa = lex.get("person:ahmed-al-sharaa")
    assert sharaa is not None
    assert sharaa.codes_at(d("2016-05-13"))[:2] == ("SYR", "REB")
    assert sharaa.codes_at(d("2025-03-01"))[:2] == ("SYR", "GOV")
    taliban = lex.get("org:taliban")
    assert taliban is not None
    assert taliban.codes_at(d("2015-01-01"))[1] == "REB"
    assert taliban.codes_at(d("2023-01-01"))[1] == "GOV"


@pytest.mark.parametrize(
    ("lemma", "sector"),
    [
        ("troops", "MIL"),
        ("force", "MIL"),
        ("army", "MIL"),
        ("government", "GOV"),
        ("regime", "GOV"),
        ("rebel", "REB"),
        ("militias", "REB"),
        ("opposition", "OPP"),
        ("police", "COP"),
        ("intelligence", "SPY"),
        ("protesters", "CVL"),
        ("refugees", "REF"),
        ("parliament", "LEG"),
        ("court", "JUD"),
        ("defence minister", "GOV"),  # a minister is the government's (codebook), whatever the ministry
        ("president", "GOV"),
        ("banana", ""),
    ],
)
def test_sector_of_noun(lex: Lexicon, lemma: str, sector: str) -> None:
    assert lex.sector_of_noun(lemma) == sector


def test_titles_carry_roles_that_persons_use(lex: Lexicon) -> None:
    person_roles = {r.title for e in lex if e.kind == "person" for r in e.roles}
    for title in ("president", "prime minister", "defense minister", "foreign minister", "supreme leader"):
        assert title in person_roles
        assert any(e.kind == "title" and e.role == title for e in lex)
    assert normalise_role("Defence Minister") == "defense minister"


def test_patterns_include_accent_free_variants(lex: Lexicon) -> None:
    patterns = set(lex.patterns())
    assert {"Erdoğan", "Erdogan", "Élysée", "Elysee", "Hizballah"} <= patterns


def test_default_is_cached_and_picklable(lex: Lexicon) -> None:
    assert Lexicon.load() is lex
    again = pickle.loads(pickle.dumps(lex))
    assert len(again) == len(lex) and again.lookup("Hizballah")[0].id == "org:hezbollah"


def write_jsonl(path: Path, *objs: object, raw: str = "") -> Path:
    path.write_text("".join(json.dumps(o) + "\n" for o in objs) + raw, encoding="utf-8")
    return path


def test_user_overlay_adds_and_replaces(tmp_path: Path) -> None:
    user = write_jsonl(
        tmp_path / "mine.jsonl",
        {"id": "org:hezbollah", "kind": "org", "names": ["Hezbollah"], "country": "LBN", "sector": "PTY"},
        {
            "id": "org:river-brigade",
            "kind": "org",
            "names": ["River Brigade", "Liwa al-Nahr"],
            "country": "SYR",
            "sector": "REB",
            "org": "River Brigade",
        },
        {
            "id": "person:jane-roe",
            "kind": "person",
            "names": ["Jane Roe", "Roe"],
            "country": "SYR",
            "sector": "GOV",
            "gender": "f",
            "roles": [
                {"title": "governor", "country": "SYR", "sector": "GOV", "from": "2024-01-01", "to": None}
            ],
        },
    )
    mine = Lexicon.load([user])
    assert [e.sector for e in mine.lookup("Hezbollah")] == ["PTY"]
    assert mine.lookup("Hizballah") == []  # the replacement's names replace the shipped names
    assert mine.lookup("Liwa al-Nahr")[0].org == "River Brigade"
    holder = mine.holder("governor", "SYR", d("2025-01-01"))
    assert holder is not None and holder.name == "Jane Roe"
    assert Lexicon.load().lookup("Hezbollah")[0].sector == "REB"  # the shared default is untouched


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            '{"id": "org:x", "kind": "org", "names": ["X"]}\n{"id": "org:y", "kind": "org", "names": ["Y"}\n',
            ":4: not valid JSON",
        ),
        ('{"id": "org:x", "kind": "gang", "names": ["X"]}\n', "kind 'gang'"),
        ('{"id": "org:x", "kind": "org", "names": []}\n', "'names'"),
        ('{"id": "org:x", "kind": "org", "names": ["X"], "sectr": "REB"}\n', "unknown field"),
        ('{"id": "org:x", "kind": "org", "names": ["X"], "country": "Syria"}\n', "three-letter"),
        ('{"id": "title:x", "kind": "title", "names": ["Diet"], "office": true, "countries": ["Japan"]}\n', "'countries'"),
        ('{"kind": "org", "names": ["X"]}\n', "missing 'id'"),
        ('["not", "an", "object"]\n', "expected a JSON object"),
        (
            '{"id": "p:x", "kind": "person", "names": ["X"], "roles": [{"title": "president", "from": "2020-13-01"}]}\n',
            "not a YYYY-MM-DD date",
        ),
        (
            '{"id": "p:x", "kind": "person", "names": ["X"], "roles": [{"title": "king", "from": "2020-01-01", "to": "2019-01-01"}]}\n',
            "ends",
        ),
    ],
)
def test_malformed_user_file_names_file_and_line(tmp_path: Path, lines: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("# my actors\n\n" + lines, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        Lexicon.load([path])
    text = str(info.value)
    assert str(path) in text and message in text
    assert f"{path}:" in text  # a line number follows the file name


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read"):
        Lexicon.load([tmp_path / "absent.jsonl"])


def test_role_organisations_are_known(lex: Lexicon) -> None:
    orgs = {e.org for e in lex if e.kind == "org"}
    unknown = {r.org for e in lex for r in e.roles if r.org and r.org not in orgs}
    assert not unknown, f"roles name organisations the lexicon lacks: {sorted(unknown)}"
