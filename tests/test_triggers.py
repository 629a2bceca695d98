"""The trigger lexicon: shipped data validates against the ontology, lookups pick the most
specific entry, user files overlay ours, and bad files fail with file and line."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from riftwatch.errors import LexiconError
from riftwatch.events.matching import match_trigger
from riftwatch.events.ontology import PLOVER_TYPES, ontology
from riftwatch.events.triggers import (
    ALLOWED_ROOTS,
    FIELDS,
    Trigger,
    TriggerLexicon,
    default_triggers,
    parse_entry,
)


@pytest.fixture(scope="module")
def lex() -> TriggerLexicon:
    return TriggerLexicon.load()


def _raw_lines() -> list[dict[str, Any]]:
    text = resources.files("riftwatch").joinpath("data/triggers.jsonl").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


# ---------------------------------------------------------------- the shipped data


def test_every_entry_fits_the_ontology(lex: TriggerLexicon) -> None:
    onto = ontology()
    for trig in lex:
        assert trig.type in PLOVER_TYPES, trig.origin
        assert trig.cameo_root in onto.roots, trig.origin
        assert trig.cameo_root in ALLOWED_ROOTS[trig.type], trig.origin
        assert not trig.mode or trig.mode in onto.modes(trig.type), trig.origin
        coding = onto.coding(trig.type, trig.cameo)
        assert (trig.quad_class, trig.goldstein) == (coding.quad_class, coding.goldstein), trig.origin
        assert 0.0 < trig.weight <= 1.0, trig.origin
        assert trig.lemma == trig.lemma.lower().strip(), trig.origin


def test_shipped_file_uses_current_names_and_string_codes() -> None:
    for raw in _raw_lines():
        assert raw["type"] in PLOVER_TYPES, raw  # not a legacy name such as DEMAND
        assert isinstance(raw["cameo"], str) and raw["cameo"].isdigit(), raw
        assert set(raw) <= FIELDS, raw


def test_coverage_spans_all_types_and_cameo_roots(lex: TriggerLexicon) -> None:
    assert len(lex) >= 500
    per_type = {t: sum(1 for e in lex if e.type == t) for t in PLOVER_TYPES}
    assert min(per_type.values()) >= 20, per_type
    roots = {e.cameo_root for e in lex}
    assert {f"{n:02d}" for n in range(2, 21)} <= roots


@pytest.mark.parametrize("lemma", ["say", "tell", "report", "state", "note", "write", "claim"])
def test_speech_verbs_are_not_events(lex: TriggerLexicon, lemma: str) -> None:
    assert lex.candidates(lemma, "VERB") == []


def test_announce_codes_only_with_an_object(lex: TriggerLexicon) -> None:
    assert lex.match("announce", "VERB") is None
    hit = lex.match("announce", "VERB", None, "sanction")
    assert hit is not None and hit.type == "SANCTION"
    # "add" too: a party added to a list that restricts dealings with it, never "he added"
    assert lex.match("add", "VERB") is None
    hit = lex.match("add", "VERB", None, "entity list")
    assert hit is not None and hit.type == "SANCTION"


# ---------------------------------------------------------------- lookups

MATCHES = [
    # (lemma, pos, particle, object) -> (type, mode or None to skip the check)
    (("demand", "VERB", None, None), ("REQUEST", "")),
    (("demand", "NOUN", None, None), ("REQUEST", "")),
    (("appeal", "VERB", "to", None), ("REQUEST", "")),
    (("call", "VERB", "for", None), ("REQUEST", "")),
    (("call", "VERB", "for", "ceasefire"), ("REQUEST", "")),
    (("call", "VERB", "off", "airstrike"), ("RETREAT", "")),
    (("call", "VERB", "off", "visit"), ("SANCTION", "relations")),
    (("call", "VERB", "up", "reservist"), ("MOBILIZE", "troops")),
    (("halt", "VERB", None, "airstrike"), ("RETREAT", "")),
    (("halt", "VERB", None, "air strike"), ("RETREAT", "")),
    (("halt", "VERB", None, "aid"), ("SANCTION", "aid")),
    (("halt", "VERB", None, "talk"), ("SANCTION", "relations")),
    (("halt", "VERB", None, "export"), ("SANCTION", "economic")),
    (("halt", "NOUN", None, "bombing"), ("RETREAT", "")),
    (("pull", "VERB", "out", None), ("RETREAT", "withdraw")),
    (("pull", "VERB", "back", "troop"), ("RETREAT", "withdraw")),
    (("withdraw", "VERB", None, "troop"), ("RETREAT", "withdraw")),
    (("withdraw", "VERB", None, "ambassador"), ("SANCTION", "relations")),
    (("withdraw", "VERB", None, "treaty"), ("SANCTION", "relations")),
    (("withdrawal", "NOUN", None, None), ("RETREAT", "withdraw")),
    (("send", "VERB", None, "troop"), ("MOBILIZE", "troops")),
    (("send", "VERB", None, "warship"), ("MOBILIZE", "weapons")),
    (("send", "VERB", None, "medicine"), ("AID", "humanitarian")),
    (("send", "VERB", None, "weapon"), ("AID", "military")),
    (("send", "VERB", None, "envoy"), ("CONSULT", "visit")),
    (("take", "VERB", None, "control"), ("ASSAULT", "")),
    (("take", "VERB", None, "hostage"), ("ASSAULT", "abduct")),
    (("take", "VERB", "in", "refugee"), ("AID", "asylum")),
    (("launch", "VERB", None, "offensive"), ("ASSAULT", "")),
    (("launch", "VERB", None, "airstrike"), ("ASSAULT", "aerial")),
    (("launch", "VERB", None, "probe"), ("ACCUSE", "investigate")),
    (("sign", "VERB", None, "treaty"), ("AGREE", "")),
    (("strike", "VERB", None, "deal"), ("AGREE", "")),
    (("strike", "VERB", None, "village"), ("ASSAULT", "")),
    (("impose", "VERB", None, "sanction"), ("SANCTION", "economic")),
    (("impose", "VERB", None, "curfew"), ("COERCE", "curfew")),
    (("lift", "VERB", None, "embargo"), ("CONCEDE", "policy")),  # 0854: eased sanctions, as news coders read them (PLOVER: RETREAT)
    (("lift", "VERB", None, "siege"), ("RETREAT", "ease")),
    (("hold", "VERB", None, "talk"), ("CONSULT", "")),
    (("hold", "VERB", None, "summit"), ("CONSULT", "multilateral")),
    (("hold", "VERB", None, "rally"), ("PROTEST", "demo")),
    (("hold", "VERB", None, "drill"), ("MOBILIZE", "troops")),
    (("open", "VERB", None, "fire"), ("ASSAULT", "firearms")),
    (("open", "VERB", None, "border"), ("RETREAT", "access")),
    (("express", "VERB", None, "concern"), ("ACCUSE", "disapprove")),
    (("express", "VERB", None, "solidarity"), ("SUPPORT", "")),
    (("express", "VERB", None, "regret"), ("SUPPORT", "")),  # 055 apologise: SUPPORT in PLOVER
    (("visit", "VERB", None, None), ("CONSULT", "visit")),
    (("visit", "NOUN", None, None), ("CONSULT", "visit")),
    (("meet", "VERB", "with", None), ("CONSULT", "")),
    (("meet", "VERB", None, "demand"), ("CONCEDE", "policy")),
    (("phone", "VERB", None, None), ("CONSULT", "phone")),
    (("mediate", "VERB", None, None), ("CONSULT", "third-party")),  # CAMEO 045: the mediator's talks
    (("praise", "VERB", None, None), ("SUPPORT", "")),
    (("apologise", "VERB", None, None), ("SUPPORT", "")),
    (("release", "VERB", None, "hostage"), ("RETREAT", "release")),
    (("surrender", "VERB", None, None), ("RETREAT", "surrender")),
    (("lay", "VERB", "down", "arm"), ("RETREAT", "disarm")),
    (("share", "VERB", None, "intelligence"), ("COOPERATE", "intelligence")),
    (("extradite", "VERB", None, None), ("COOPERATE", "judicial")),
    (("hand", "VERB", "over", "suspect"), ("COOPERATE", "judicial")),
    (("hand", "VERB", "over", "weapon"), ("RETREAT", "disarm")),
    (("donate", "VERB", None, None), ("AID", "economic")),
    (("receive", "VERB", None, "aid"), ("AID", "")),
    (("investigate", "VERB", None, None), ("ACCUSE", "investigate")),
    (("accuse", "VERB", None, None), ("ACCUSE", "allege")),
    (("criticise", "VERB", None, None), ("ACCUSE", "disapprove")),
    (("criticize", "VERB", None, None), ("ACCUSE", "disapprove")),
    (("hit", "VERB", "out", None), ("ACCUSE", "disapprove")),
    (("anger", "NOUN", None, None), ("ACCUSE", "disapprove")),
    (("outrage", "NOUN", None, None), ("ACCUSE", "disapprove")),
    (("lodge", "VERB", None, "protest"), ("ACCUSE", "disapprove")),
    (("reject", "VERB", None, None), ("REJECT", "")),
    (("veto", "VERB", None, None), ("REJECT", "")),
    (("turn", "VERB", "down", None), ("REJECT", "")),
    (("threaten", "VERB", None, None), ("THREATEN", "")),
    (("threaten", "VERB", None, "sanction"), ("THREATEN", "restrict")),
    (("threat", "NOUN", None, "war"), ("THREATEN", "violence")),
    (("vow", "VERB", None, "revenge"), ("THREATEN", "violence")),
    (("ultimatum", "NOUN", None, None), ("THREATEN", "")),
    (("protest", "VERB", None, None), ("PROTEST", "demo")),
    (("protest", "VERB", "to", None), ("ACCUSE", "disapprove")),
    (("go", "VERB", None, "strike"), ("PROTEST", "strike")),
    (("hunger strike", "NOUN", None, None), ("PROTEST", "strike")),
    (("riot", "VERB", None, None), ("PROTEST", "riot")),
    (("block", "VERB", None, "road"), ("PROTEST", "obstruct")),
    (("block", "VERB", None, "resolution"), ("REJECT", "")),
    (("mobilise", "VERB", None, None), ("MOBILIZE", "troops")),
    (("deploy", "VERB", None, "police"), ("MOBILIZE", "police")),
    (("mass", "VERB", None, "troop"), ("MOBILIZE", "troops")),
    (("sever", "VERB", None, "tie"), ("SANCTION", "relations")),
    (("recall", "VERB", None, "ambassador"), ("SANCTION", "relations")),
    (("expel", "VERB", None, "diplomat"), ("SANCTION", "expel")),
    (("expel", "VERB", None, "journalist"), ("COERCE", "deport")),
    (("freeze", "VERB", None, "asset"), ("SANCTION", "economic")),
    (("sanction", "NOUN", None, None), ("SANCTION", "economic")),
    (("arrest", "VERB", None, None), ("COERCE", "arrest")),
    (("arrest", "NOUN", None, None), ("COERCE", "arrest")),
    (("crack", "VERB", "down", None), ("COERCE", "")),
    (("deport", "VERB", None, None), ("COERCE", "deport")),
    (("demolish", "VERB", None, None), ("COERCE", "destroy")),
    (("seize", "VERB", None, "tanker"), ("COERCE", "seize")),
    (("seize", "VERB", None, "town"), ("ASSAULT", "")),
    (("besiege", "VERB", None, None), ("COERCE", "restrict")),
    (("curfew", "NOUN", None, None), ("COERCE", "curfew")),
    (("attack", "VERB", None, None), ("ASSAULT", "")),
    (("attack", "NOUN", None, None), ("ASSAULT", "")),
    (("airstrike", "NOUN", None, None), ("ASSAULT", "aerial")),
    (("air strike", "NOUN", None, None), ("ASSAULT", "aerial")),
    (("drone strike", "NOUN", None, None), ("ASSAULT", "aerial")),
    (("bomb", "VERB", None, None), ("ASSAULT", "aerial")),
    (("car bomb", "NOUN", None, None), ("ASSAULT", "explosives")),
    (("shell", "VERB", None, None), ("ASSAULT", "heavy-weapons")),
    (("shoot", "VERB", None, None), ("ASSAULT", "firearms")),
    (("assassinate", "VERB", None, None), ("ASSAULT", "assassinate")),
    (("kidnap", "VERB", None, None), ("ASSAULT", "abduct")),
    (("torture", "NOUN", None, None), ("ASSAULT", "torture")),
    (("massacre", "NOUN", None, None), ("ASSAULT", "")),
    (("offensive", "NOUN", None, None), ("ASSAULT", "")),
    (("violate", "VERB", None, "ceasefire"), ("ASSAULT", "")),
    (("ceasefire", "NOUN", None, None), ("RETREAT", "ceasefire")),
    (("agree", "VERB", "to", None), ("AGREE", "")),
    (("pledge", "VERB", None, "aid"), ("AGREE", "")),  # an intent (033): AGREE, the CAMEO code keeps "aid"
    (("offer", "VERB", None, "talk"), ("AGREE", "")),
    (("come", "VERB", None, "attack"), ("ASSAULT", "")),
    (("Attack", "PROPN", None, None), ("ASSAULT", "")),  # case and PROPN are normalised
    (("expel", "VERB", None, "embassy diplomat"), ("SANCTION", "expel")),  # unlisted compound → head word
    (("halt", "VERB", None, "artillery strike"), ("RETREAT", "")),
    (("pledge", "VERB", None, "$"), ("AGREE", "")),  # "$500 million": the parser's head is "$"
    (("offer", "NOUN", None, "dialogue"), ("AGREE", "")),
]


@pytest.mark.parametrize(("query", "expected"), MATCHES, ids=[" ".join(str(p) for p in q[0] if p) for q in MATCHES])
def test_match(lex: TriggerLexicon, query: tuple[str, str, str | None, str | None], expected: tuple[str, str]) -> None:
    hit = lex.match(*query)
    assert hit is not None, query
    assert (hit.type, hit.mode) == expected


NO_MATCH = [
    ("release", "VERB", None, "statement"),  # publishing is not yielding
    ("strike", "VERB", None, "balance"),
    ("fire", "VERB", None, "minister"),  # dismissing staff
    ("fire", "VERB", None, "police chief"),  # the head word of a compound vetoes too
    ("battle", "VERB", None, "blaze"),
    ("launch", "VERB", None, "smartphone"),  # launch codes only what is launched
    ("dismiss", "VERB", None, "minister"),
    ("pull", "VERB", None, None),  # only "pull out/back/away"
    ("send", "VERB", None, None),  # what is sent decides
    ("send", "VERB", None, "letter"),
    ("offer", "VERB", None, "reward"),  # a reward for information on wanted people is no commitment to cooperate
    ("offer", "VERB", None, "bounty"),
    ("carry", "VERB", "out", None),  # needs an object
    ("say", "VERB", None, None),
    ("banana", "NOUN", None, None),
    ("attack", "ADJ", None, None),
]


@pytest.mark.parametrize("query", NO_MATCH, ids=[" ".join(p for p in q if p) for q in NO_MATCH])
def test_no_match(lex: TriggerLexicon, query: tuple[str, str, str | None, str | None]) -> None:
    assert lex.match(*query) is None


def test_reverse_and_intent_flags(lex: TriggerLexicon) -> None:
    received = lex.match("receive", "VERB", None, "assistance")
    assert received is not None and received.reverse and "from" in received.source_prep
    angered = lex.match("anger", "VERB")
    assert angered is not None and angered.reverse and angered.type == "ACCUSE"
    anger = lex.match("anger", "NOUN")  # "sparked anger in X": X disapproves
    assert anger is not None and anger.reverse
    assert lex.match("spark", "VERB", None, "anger") is None  # the noun carries it, with its experiencer
    pledged = lex.match("pledge", "VERB", None, "aid")
    assert pledged is not None and pledged.intent and pledged.cameo.startswith("03")
    assert lex.match("send", "VERB", None, "aid").intent is False  # type: ignore[union-attr]
    violence = lex.match("violence", "NOUN")  # a state of affairs: an act only with a party
    assert violence is not None and violence.needs_participant
    assert lex.match("attack", "NOUN").needs_participant is False  # type: ignore[union-attr]


def test_unknown_particle_falls_back_to_the_verb(lex: TriggerLexicon) -> None:
    hit = lex.match("meet", "VERB", "in", None)
    assert hit is not None and hit.type == "CONSULT" and hit.particle is None


def test_candidates_put_object_entries_first(lex: TriggerLexicon) -> None:
    found = lex.candidates("halt", "VERB")
    assert found and all(t.object for t in found)
    found = lex.candidates("withdraw", "VERB")
    firsts = [bool(t.object) for t in found]
    assert firsts == sorted(firsts, reverse=True) and not firsts[-1]


def test_particles_and_lemmas(lex: TriggerLexicon) -> None:
    assert {"for", "on", "off", "up"} <= lex.particles("call", "VERB")
    assert lex.particles("attack", "VERB") == frozenset()
    words = lex.lemmas()
    assert {"strike", "airstrike", "air strike", "sit-in", "pull"} <= words
    assert "say" not in words


def test_codes_carry_quad_class_and_goldstein(lex: TriggerLexicon) -> None:
    demand = lex.match("demand", "VERB")
    appeal = lex.match("appeal", "VERB")
    assert demand is not None and appeal is not None
    assert (demand.cameo_root, demand.quad_class, demand.goldstein) == ("10", 3, -5.0)
    assert (appeal.cameo_root, appeal.quad_class) == ("02", 1)
    air = lex.match("airstrike", "NOUN")
    assert air is not None and air.quad_class == 4 and air.goldstein == -10.0


def test_default_instance_is_cached() -> None:
    assert default_triggers() is default_triggers()


# ---------------------------------------------------------------- user overlays


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_overlay_replaces_adds_and_vetoes(tmp_path: Path) -> None:
    user = _write(tmp_path / "mine.jsonl", [
        {"lemma": "visit", "pos": "VERB", "type": "CONSULT", "cameo": "043", "mode": "host"},  # same key: replaces
        {"lemma": "drone", "pos": "VERB", "type": "ASSAULT", "cameo": "1952", "mode": "aerial"},  # new lemma
        {"lemma": "send", "pos": "VERB", "object": ["troop"], "type": "AID", "cameo": "074", "mode": "military"},
        {"lemma": "attack", "pos": "VERB", "type": "ASSAULT", "weight": 0},  # switched off
        {"lemma": "release", "pos": "VERB", "object": ["hostage"], "type": "CONCEDE", "weight": 0},  # veto
    ])  # fmt: skip
    lex = TriggerLexicon.load([user])
    visit = lex.match("visit", "VERB")
    assert visit is not None and visit.mode == "host" and visit.origin == f"{user}:1"
    drone = lex.match("drone", "VERB")
    assert drone is not None and drone.type == "ASSAULT"
    troops, force = lex.match("send", "VERB", None, "troop"), lex.match("send", "VERB", None, "force")
    assert troops is not None and troops.type == "AID"
    assert force is not None and force.type == "MOBILIZE"  # the rest of our list still applies
    assert lex.match("attack", "VERB") is None
    assert all(t.weight > 0 for t in lex.candidates("attack", "VERB"))
    assert lex.match("release", "VERB", None, "hostage") is None
    assert lex.match("release", "VERB", None, "prisoner") is not None
    # the cached default is untouched
    default = default_triggers().match("visit", "VERB")
    assert default is not None and default.mode == "visit"


def test_later_overlay_wins(tmp_path: Path) -> None:
    first = _write(tmp_path / "a.jsonl", [{"lemma": "zap", "pos": "VERB", "type": "ASSAULT"}])
    second = _write(tmp_path / "b.jsonl", [{"lemma": "zap", "pos": "VERB", "type": "COERCE", "mode": "cyber"}])
    hit = TriggerLexicon.load([first, second]).match("zap", "VERB")
    assert hit is not None and (hit.type, hit.mode) == ("COERCE", "cyber")


def test_legacy_type_names_are_normalised(tmp_path: Path) -> None:
    user = _write(tmp_path / "old.jsonl", [{"lemma": "insist", "pos": "VERB", "type": "demand", "cameo": "10"}])
    hit = TriggerLexicon.load([user]).match("insist", "VERB")
    assert hit is not None and hit.type == "REQUEST"


GOOD = {"lemma": "zap", "pos": "VERB", "type": "ASSAULT", "cameo": "18"}
BAD_LINES = [
    ('{"lemma": "zap", "pos": "VERB"', "not valid JSON"),
    ('["zap", "VERB"]', "expected a JSON object"),
    (json.dumps({"pos": "VERB", "type": "ASSAULT"}), "missing required field 'lemma'"),
    (json.dumps({**GOOD, "colour": "red"}), "unknown field(s) colour"),
    (json.dumps({**GOOD, "type": "BRAWL"}), "unknown PLOVER type 'BRAWL'"),
    (json.dumps({**GOOD, "pos": "ADV"}), "pos must be VERB, NOUN or ADJ"),
    (json.dumps({**GOOD, "pos": "ADJ"}), "an ADJ entry needs target_prep"),
    (json.dumps({**GOOD, "cameo": "10"}), "does not fit ASSAULT"),
    (json.dumps({**GOOD, "cameo": 18}), "cameo must be a string"),
    (json.dumps({**GOOD, "cameo": "99"}), "no CAMEO root '99'"),
    (json.dumps({**GOOD, "mode": "visit"}), "'visit' is not a mode of ASSAULT"),
    (json.dumps({**GOOD, "weight": 2}), "weight must be a number from 0 to 1"),
    (json.dumps({**GOOD, "weight": True}), "weight must be a number"),
    (json.dumps({**GOOD, "object": []}), "'object' must be a non-empty list"),
    (json.dumps({**GOOD, "object": ["a"], "not_object": ["b"]}), "not both"),
    (json.dumps({**GOOD, "object": ["a"], "intransitive": True}), "'intransitive' is for a VERB entry without an object list"),
    (json.dumps({**GOOD, "intransitive": "yes"}), "'intransitive' must be true or false"),
    (json.dumps({**GOOD, "mutual": 1}), "'mutual' must be true or false"),
    (json.dumps({**GOOD, "reverse": "yes"}), "'reverse' must be true or false"),
    (json.dumps({**GOOD, "needs_participant": 1}), "'needs_participant' must be true or false"),
    (json.dumps({**GOOD, "target_prep": "on"}), "'target_prep' must be a list"),
    (json.dumps({**GOOD, "lemma": "  "}), "'lemma' must be a non-empty string"),
    (json.dumps({"lemma": "zap", "pos": "VERB", "type": "ASSAULT"}), "duplicate entry"),
]


@pytest.mark.parametrize(("line", "reason"), BAD_LINES, ids=[r for _, r in BAD_LINES])
def test_malformed_line_names_file_and_line(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "bad.jsonl"
    # line 1 good, line 2 blank, line 3 the bad one
    path.write_text(json.dumps({"lemma": "zap", "pos": "VERB", "type": "ASSAULT"}) + "\n\n" + line + "\n", "utf-8")
    with pytest.raises(LexiconError) as info:
        TriggerLexicon.load([path])
    message = str(info.value)
    assert message.startswith(f"{path}:3: "), message
    assert reason in message


def test_overlapping_objects_in_one_file_are_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "overlap.jsonl", [
        {"lemma": "zap", "pos": "VERB", "object": ["wire", "cable"], "type": "ASSAULT"},
        {"lemma": "zap", "pos": "VERB", "object": ["cable"], "type": "COERCE"},
    ])  # fmt: skip
    with pytest.raises(LexiconError, match=r"overlap\.jsonl:2: object 'cable' of 'zap' is already listed"):
        TriggerLexicon.load([path])


def test_unreadable_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    with pytest.raises(LexiconError, match="nope.jsonl: cannot read trigger file"):
        TriggerLexicon.load([missing])


JSONISH = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=8),
    st.lists(st.one_of(st.text(max_size=6), st.integers()), max_size=3),
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(FIELDS | {"extra"})), JSONISH, max_size=8))
def test_any_bad_record_raises_lexicon_error_only(raw: dict[str, Any]) -> None:
    try:
        trig = parse_entry(raw, "fuzz:1")
    except LexiconError as exc:
        assert str(exc).startswith("fuzz:1: ")
    else:
        assert isinstance(trig, Trigger) and trig.type in PLOVER_TYPES


# ---------------------------------------------------------------- against the real parser

PARSED = [
    # sentence, head-verb text, expected type
    ("The ministry criticised the new border rules on Tuesday.", "criticised", "ACCUSE"),
    ("Rebel fighters pulled out of the northern town overnight.", "pulled", "RETREAT"),
    ("The council called for an immediate ceasefire.", "called", "REQUEST"),
    ("Security forces cracked down on the marchers.", "cracked", "COERCE"),
    ("The two governments signed a trade agreement in the capital.", "signed", "AGREE"),
    ("The navy sent two warships to the strait.", "sent", "MOBILIZE"),
    ("The donors sent medicines to the flooded province.", "sent", "AID"),
    ("The army halted its air strikes after the talks.", "halted", "RETREAT"),
    ("The foreign minister visited the neighbouring capital.", "visited", "CONSULT"),
    ("Police arrested three organisers of the vigil.", "arrested", "COERCE"),
    ("Both sides struck a deal late on Friday.", "struck", "AGREE"),
    ("Militants kidnapped two engineers near the dam.", "kidnapped", "ASSAULT"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "verb", "expected"), PARSED, ids=[p[1] + "-" + p[2] for p in PARSED])
def test_lemmas_line_up_with_the_parser(nlp: Any, lex: TriggerLexicon, sentence: str, verb: str,
                                        expected: str) -> None:  # fmt: skip
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == verb)
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    if not objects:
        objects = [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    obj = objects[0] if objects else None
    obj_lemmas: list[str | None] = [None]
    if obj is not None:
        comp = [c for c in obj.children if c.dep_ == "compound"]
        obj_lemmas = ([f"{comp[-1].lemma_} {obj.lemma_}".lower()] if comp else []) + [obj.lemma_.lower()]
    # A preposition counts as a particle only when an entry names it ("call for").
    preps = [c.lower_ for c in tok.children if c.dep_ == "prep"]
    hit = None
    for prt in [particle, *preps]:
        for o in obj_lemmas:
            found = lex.match(tok.lemma_, "VERB", prt, o)
            if found is not None and (prt == particle or found.particle == prt):
                hit = found
                break
        if hit is not None:
            break
    assert hit is not None, (tok.lemma_, particle, obj_lemmas)
    assert hit.type == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        # an entry chosen by the verb's object beats a preposition that has an entry of its own
        ("Ghana's president took aim at Togo over the border closure.", "took", "ACCUSE"),
        # the preposition's entry still beats the bare verb
        ("Rebels took over the town on Monday.", "took", "ASSAULT"),
        # an entry of the preposition chosen by the preposition's own object
        ("Two of the mayor's aides were also taken into custody.", "taken", "COERCE"),
        ("Soldiers took the village chief into custody on Friday.", "took", "COERCE"),
        ("The governor warned the strikers of severe consequences.", "warned", "THREATEN"),
    ],
)
def test_an_object_entry_beats_a_preposition_read_as_particle(nlp: Any, lex: TriggerLexicon, sentence: str, verb: str,
                                                               expected: str) -> None:  # fmt: skip
    tok = next(t for t in nlp(sentence) if t.text == verb)
    found = match_trigger(tok, lex)
    assert found is not None and found.type == expected


def test_a_particle_entry_vetoing_an_object_stops_the_fallback_to_the_verb_alone() -> None:
    lex = TriggerLexicon.load()
    assert lex.match("set", "VERB", None, "fire") is not None  # "set fire to the building"
    assert lex.match("set", "VERB", "off", "fire") is None  # "setting off large fires"
