"""Scorers for gold event records and QuadClass labels, on records built by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from riftwatch.errors import GateError, GoldError
from riftwatch.evaluate import gate
from riftwatch.evaluate.events import load_gold, main_event, score_events
from riftwatch.evaluate.quad import load_quad, score_quad, sentence_label
from riftwatch.records import Actor, Article, CodedArticle, Event, Span


def actor(country: str, sector: str = "") -> Actor:
    return Actor(text=country, start=0, end=3, name=country, country=country, sector=sector)


def event(etype: str, quad: int, conf: float, src=(), tgt=(), factuality="asserted", mode="", start=0, cameo="03") -> Event:  # type: ignore[no-untyped-def]
    return Event(event_id=f"e{start}{etype}", article_id="a", sentence_index=0, sentence="s", sentence_start=0,
                 trigger=Span("t", start, start + 1), event_type=etype, cameo_root=cameo, quad_class=quad,
                 goldstein=0.0, mode=mode, factuality=factuality, source=tuple(src), target=tuple(tgt),
                 confidence=conf)  # fmt: skip


def coded(*events: Event) -> CodedArticle:
    return CodedArticle(Article(id="a", text="s"), tuple(events))


def test_load_gold_maps_legacy_names_and_skips_documents(tmp_path: Path) -> None:
    recs = [
        {"id": "doc", "event": "DOCUMENT"},
        {"id": "r1", "event": "DEMAND", "text": "Ruritania demanded access.", "source": [{"code": "RUR", "sector": "GOV"}]},
        {"id": "r2", "event": "FIGHT", "text": "Troops clashed.", "mode": "firearms", "date": "2001-02-03"},
    ]
    p = tmp_path / "g.json"
    p.write_text(json.dumps(recs))
    gold = load_gold(p)
    assert [g.event_type for g in gold] == ["REQUEST", "ASSAULT"]
    assert gold[0].sources == (("RUR", "GOV"),)
    # JSON Lines works too
    p2 = tmp_path / "g.jsonl"
    p2.write_text("\n".join(json.dumps(r) for r in recs))
    assert len(load_gold(p2)) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [("not json", "not JSON"), ("[]", "no gold event records"), ('[{"event": "AGREE"}]', "has no text"),
     ('[{"event": "DANCE", "text": "x"}]', "unknown event type")],
)
def test_load_gold_errors_name_the_file(tmp_path: Path, content: str, message: str) -> None:
    p = tmp_path / "bad.json"
    p.write_text(content)
    with pytest.raises(GoldError, match=message) as info:
        load_gold(p)
    assert "bad.json" in str(info.value)


def test_main_event_is_highest_confidence_then_earliest() -> None:
    a = event("CONSULT", 1, 0.6, start=5)
    b = event("ASSAULT", 4, 0.9, start=9)
    c = event("AGREE", 1, 0.9, start=2)
    assert main_event([a, b, c]) is c
    assert main_event([]) is None


def test_score_events_counts() -> None:
    gold = load_gold_from([
        {"event": "ASSAULT", "text": "x", "source": [{"code": "AAA", "sector": "MIL"}], "target": [{"code": "BBB"}], "mode": "aerial"},
        {"event": "AGREE", "text": "y", "source": [{"code": "CCC"}], "target": [{"code": "DDD"}]},
    ])
    pred = [
        coded(event("ASSAULT", 4, 0.9, [actor("AAA", "MIL")], [actor("BBB"), actor("EEE")], mode="aerial"),
              event("CONSULT", 1, 0.5, start=3)),
        coded(),
    ]
    r = score_events(gold, pred)
    assert r["main_type_accuracy"] == 0.5
    assert r["source_country"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667}
    assert r["target_country"]["precision"] == 0.5 and r["target_country"]["recall"] == 0.5
    assert r["sector_agreement"] == 1.0 and r["mode_agreement"] == 1.0
    assert r["extra_events_per_sentence"] == 0.5
    labels = r["confusion"]["labels"]
    assert r["confusion"]["matrix"][labels.index("AGREE")][labels.index("NONE")] == 1


def test_event_location_is_scored_where_the_record_gives_one() -> None:
    from dataclasses import replace

    from riftwatch.records import Place

    def at(name: str, text: str) -> Place:
        return Place(text=text, start=0, end=len(text), name=name, geonameid=None, lat=0.0, lon=0.0, country="XXX")

    gold = load_gold_from([
        {"event": "ASSAULT", "text": "a", "eventLoc": {"name": "Gorazde", "country code": "BA"}},
        {"event": "ASSAULT", "text": "b", "eventLoc": {"name": "Basra"}},
        {"event": "AGREE", "text": "c", "eventLoc": {"name": "Geneva"}},
        {"event": "AGREE", "text": "d"},  # no location: not scored
    ])
    assert [g.place for g in gold] == ["Gorazde", "Basra", "Geneva", ""]
    pred = [
        coded(replace(event("ASSAULT", 4, 0.9), place=at("Gorazde", "Goražde"))),  # accents folded
        coded(replace(event("ASSAULT", 4, 0.9), place=at("Baghdad", "Baghdad")),
              replace(event("ASSAULT", 4, 0.5, start=4), place=at("Basrah", "Basra"))),  # the surest one counts
        coded(event("CONSULT", 1, 0.9)),  # no event of the gold type
        coded(),
    ]
    loc = score_events(gold, pred)["event_location"]
    assert loc == {"records": 3, "event_found": 0.6667, "place_right_where_found": 0.5}


def load_gold_from(recs: list[dict]) -> list:  # type: ignore[type-arg]
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(recs, f)
    return load_gold(Path(f.name))


@pytest.mark.parametrize(
    ("events", "label"),
    [
        ((), 0),
        ((event("CONSULT", 1, 0.8),), 1),
        ((event("AID", 2, 0.8),), 2),
        ((event("ASSAULT", 4, 0.8),), 4),
        ((event("ASSAULT", 4, 0.8, factuality="future"),), 3),  # a threat, not a deed
        ((event("AID", 2, 0.8, factuality="hypothetical"),), 1),
        ((event("AID", 2, 0.8, factuality="negated"),), 3),  # a rebuff
        ((event("REQUEST", 1, 0.8, cameo="02"),), 0),  # an appeal is a statement
        ((event("REQUEST", 3, 0.8, cameo="10"),), 3),  # a demand is verbal conflict
        ((event("ACCUSE", 3, 0.5), event("ASSAULT", 4, 0.9)), 4),
        # stored as material conflict (standard CAMEO), scored as verbal conflict (Multi-CoPED)
        ((event("SANCTION", 4, 0.8, cameo="16"),), 3),
        ((event("SANCTION", 4, 0.8, cameo="16", factuality="future"),), 3),
    ],
)
def test_sentence_label(events: tuple[Event, ...], label: int) -> None:
    assert sentence_label(coded(*events)) == label


def test_score_quad() -> None:
    r = score_quad([0, 1, 2, 3, 4, 4], [0, 1, 1, 3, 4, 3])
    assert r["accuracy"] == round(4 / 6, 4)
    assert r["per_class"]["2"]["recall"] == 0.0
    assert r["confusion"][2][1] == 1


def test_load_quad_errors(tmp_path: Path) -> None:
    p = tmp_path / "q.tsv"
    p.write_text("A sentence.\t3\nno label here\n")
    with pytest.raises(GoldError, match="q.tsv:2"):
        load_quad(p)


def test_gate_flags_regressions_and_changed_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base = tmp_path / "benchmarks" / "baseline.json"
    base.parent.mkdir()
    base.write_text(json.dumps({"hashes": {"quad": "abc"}, "scores": {"quad.macro_f1": 0.80, "quad.accuracy": 0.7},
                                "tolerance": 0.01}))  # fmt: skip
    monkeypatch.setattr(gate, "measure", lambda p: {"hashes": {"quad": "abc"}, "scores": {"quad.macro_f1": 0.785, "quad.accuracy": 0.75}})
    problems, _ = gate.check_gate(base)
    assert len(problems) == 1 and "quad.macro_f1" in problems[0]
    monkeypatch.setattr(gate, "measure", lambda p: {"hashes": {"quad": "zzz"}, "scores": {"quad.macro_f1": 0.80, "quad.accuracy": 0.7}})
    problems, _ = gate.check_gate(base)
    assert problems and "changed" in problems[0]
    with pytest.raises(GateError):
        gate.check_gate(tmp_path / "missing.json")
