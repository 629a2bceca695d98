"""Geoparsing evaluation on LGL and GeoWebNews (GWN) XML gold files.

Formats (detected from the first toponym):

* **LGL** (Lieberman et al. 2010): ``<article><text>`` and ``<toponyms><toponym>`` with
  ``<start> <end> <phrase>`` and, when geocoded, ``<gaztag geonameid>`` holding ``<lat> <lon>``
  and ``<country>``.
* **GWN** (Gritta et al. 2019): ``<toponym>`` with ``<extractedName> <type> <start> <end>`` and,
  for toponyms with a location, ``<geonamesID>`` (may be empty) ``<latitude> <longitude>``.
  ``type`` is the usage: we score the *literal* types (Literal, Mixed, Coercion,
  Embedded_Literal, Literal_Modifier); associative ones (Metonymic, Non_Literal_Modifier,
  Embedded_Non_Lit, Demonym, Language, Homonym) are real toponyms used for something else, so an
  end-to-end prediction on them is neither right nor wrong (ignored for precision).

Modes: ``gold`` resolves the gold spans (each article's other gold names are its context);
``e2e`` parses the text with spaCy, finds mentions itself and matches them to gold spans by
character overlap (one-to-one), reporting mention precision/recall/F1 and geocoding scores over the
matched gold toponyms.

Scores: ``exact_id`` (same GeoNames id, over gold toponyms that have one), ``within_161km``
(error <= 161 km = 100 miles), ``country_accuracy``, ``mean_km``/``median_km`` and ``auc``: the
area under the curve of sorted errors, each error scaled as ln(1 + km) / ln(20039) (20,039 km is
half the Earth's circumference, the largest possible error), integrated with the trapezoid rule
over the unit interval - 0 is perfect, 1 is every toponym at the antipode; lower is better
(Gritta et al. 2018, "What's missing in geographical parsing?"). An unresolved toponym counts as
the largest error.

Run: ``python -m riftwatch.evaluate.places PATH --mode gold|e2e`` (prints JSON).
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..errors import GoldError
from ..geo.gazetteer import Gazetteer
from ..geo.resolve import haversine_km, resolve_spans
from ..records import Place, Span

log = logging.getLogger(__name__)

MAX_KM = 20039.0
LITERAL_TYPES = frozenset({"Literal", "Mixed", "Coercion", "Embedded_Literal", "Literal_Modifier"})
ASSOCIATIVE_TYPES = frozenset(
    {"Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit", "Demonym", "Language", "Homonym"}
)
Mode = Literal["gold", "e2e"]


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    kind: str  # GWN usage type; "Literal" for LGL
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str = ""  # gold country name (LGL only)


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def _float(el: ET.Element | None, tag: str) -> float | None:
    v = el.findtext(tag) if el is not None else None
    return float(v) if v not in (None, "") else None


def _toponym(el: ET.Element, where: str) -> GoldToponym:
    try:
        start, end = int(el.findtext("start") or ""), int(el.findtext("end") or "")
    except ValueError:
        raise GoldError(f"{where}: toponym without integer <start>/<end>") from None
    gaz = el.find("gaztag")
    if gaz is not None or el.find("phrase") is not None:  # LGL
        gid = gaz.get("geonameid") if gaz is not None else None
        return GoldToponym(
            start,
            end,
            el.findtext("phrase") or "",
            "Literal",
            int(gid) if gid else None,
            _float(gaz, "lat"),
            _float(gaz, "lon"),
            (gaz.findtext("country") or "") if gaz is not None else "",
        )
    gid_s = (el.findtext("geonamesID") or "").strip()
    return GoldToponym(
        start,
        end,
        el.findtext("extractedName") or "",
        el.findtext("type") or "",
        int(gid_s) if gid_s.isdigit() else None,
        _float(el, "latitude"),
        _float(el, "longitude"),
    )


def read_gold(path: Path) -> list[GoldArticle]:
    """Articles with their gold toponyms from an LGL or GWN XML file."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise GoldError(f"{path}: not a readable XML gold file ({exc})") from None
    articles = []
    for i, art in enumerate(root.iter("article")):
        where = f"{path}: article {i + 1}"
        text = art.findtext("text")
        tops = art.find("toponyms")
        if text is None or tops is None:
            raise GoldError(f"{where}: missing <text> or <toponyms>")
        ident = art.get("docid") or art.get("file") or str(i)
        articles.append(GoldArticle(ident, text, tuple(_toponym(t, where) for t in tops.iter("toponym"))))
    if not articles:
        raise GoldError(f"{path}: no <article> elements (expected LGL or GeoWebNews XML)")
    return articles


def auc(errors_km: Sequence[float]) -> float:
    """Area under the sorted ln(1+km)/ln(20039) error curve, in [0, 1]; lower is better."""
    if not errors_km:
        return 0.0
    ys = sorted(math.log(1 + min(e, MAX_KM)) / math.log(1 + MAX_KM) for e in errors_km)
    if len(ys) == 1:
        return ys[0]
    return sum((a + b) / 2 for a, b in itertools.pairwise(ys)) / (len(ys) - 1)


def _country_iso3(gaz: Gazetteer, gold: GoldToponym) -> str:
    if gold.country:
        for c in gaz.lookup(gold.country):
            if c.kind == "country":
                return c.country
    assert gold.lat is not None and gold.lon is not None
    return gaz.nearest_country(gold.lat, gold.lon)


def _scores(pairs: list[tuple[GoldToponym, Place | None]], gaz: Gazetteer) -> dict[str, Any]:
    errors, exact, with_id, country_ok = [], 0, 0, 0
    for gold, pred in pairs:
        assert gold.lat is not None and gold.lon is not None
        err = MAX_KM if pred is None else haversine_km(gold.lat, gold.lon, pred.lat, pred.lon)
        errors.append(err)
        if gold.geonameid:
            with_id += 1
            exact += int(pred is not None and pred.geonameid == gold.geonameid)
        country_ok += int(pred is not None and pred.country == _country_iso3(gaz, gold))
    n = len(errors)
    return {
        "count": n,
        "count_with_id": with_id,
        "exact_id": round(exact / with_id, 4) if with_id else 0.0,
        "within_161km": round(sum(e <= 161 for e in errors) / n, 4) if n else 0.0,
        "country_accuracy": round(country_ok / n, 4) if n else 0.0,
        "mean_km": round(statistics.fmean(errors), 1) if n else 0.0,
        "median_km": round(statistics.median(errors), 1) if n else 0.0,
        "auc": round(auc(errors), 4),
        "unresolved": sum(p is None for _, p in pairs),
    }


def _is_gwn(articles: list[GoldArticle]) -> bool:
    return any(t.kind != "Literal" for a in articles for t in a.toponyms)


def _gold_mode(articles: list[GoldArticle], gaz: Gazetteer) -> dict[str, Any]:
    pairs: list[tuple[GoldToponym, Place | None]] = []
    for art in articles:
        tops = [t for t in art.toponyms if t.kind in LITERAL_TYPES or t.kind in ASSOCIATIVE_TYPES]
        places = resolve_spans(art.text, [Span(t.phrase, t.start, t.end) for t in tops], gaz, demonyms=True)
        pairs += [(t, p) for t, p in zip(tops, places, strict=True) if t.lat is not None]
    return _scores(pairs, gaz)


def _e2e_mode(articles: list[GoldArticle], gaz: Gazetteer, gwn: bool) -> dict[str, Any]:
    from ..geo.resolve import find_demonym_places, find_places
    from ..geo.sites import find_site_places
    from ..parse import load_nlp

    nlp = load_nlp()
    tp = fp = fn = 0
    pairs: list[tuple[GoldToponym, Place | None]] = []
    scored_gold = 0
    for art, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=16), strict=True):
        preds = find_places(doc, gaz)
        preds = sorted(preds + find_demonym_places(doc, gaz, preds) + find_site_places(doc, preds), key=lambda p: p.start)
        target = [t for t in art.toponyms if not gwn or t.kind in LITERAL_TYPES]
        ignore = [t for t in art.toponyms if gwn and t.kind in ASSOCIATIVE_TYPES]
        used: set[int] = set()
        for p in preds:
            hit = next(
                (i for i, g in enumerate(target) if i not in used and p.start < g.end and g.start < p.end),
                None,
            )
            if hit is not None:
                used.add(hit)
                tp += 1
                if target[hit].lat is not None:
                    pairs.append((target[hit], p))
            elif not any(p.start < g.end and g.start < p.end for g in ignore):
                fp += 1
        fn += len(target) - len(used)
        scored_gold += sum(t.lat is not None for t in target)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    out = _scores(pairs, gaz)
    within = sum(
        haversine_km(g.lat, g.lon, p.lat, p.lon) <= 161
        for g, p in pairs
        if p and g.lat is not None and g.lon is not None
    )
    out.update(
        {
            "precision": round(prec, 4),
            "recall": round(rec, 4),
            "f1": round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0,
            "gold_toponyms": tp + fn,
            "within_161km_of_all_gold": round(within / scored_gold, 4) if scored_gold else 0.0,
        }
    )
    return out


def evaluate_places(
    path: str | Path, mode: Mode = "gold", gazetteer: Gazetteer | None = None
) -> dict[str, Any]:
    """Score riftwatch's geoparsing on an LGL or GWN file; see the module docstring for the scores.

    >>> evaluate_places("../shared/eval/geo/lgl.xml", "gold")["within_161km"]  # doctest: +SKIP
    0.83
    """
    if mode not in ("gold", "e2e"):
        raise GoldError(f"mode {mode!r}: expected 'gold' or 'e2e'")
    path = Path(path)
    if not path.is_file():
        raise GoldError(f"{path}: no such gold file")
    t0 = time.perf_counter()
    articles = read_gold(path)
    gaz = gazetteer or Gazetteer.load()
    gwn = _is_gwn(articles)
    out = _gold_mode(articles, gaz) if mode == "gold" else _e2e_mode(articles, gaz, gwn)
    out.update(
        {
            "file": str(path),
            "format": "gwn" if gwn else "lgl",
            "mode": mode,
            "articles": len(articles),
            "seconds": round(time.perf_counter() - t0, 1),
        }
    )
    if gwn and mode == "e2e":
        out["toponym_types"] = "literal"
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m riftwatch.evaluate.places PATH --mode gold|e2e``: print the scores as JSON."""
    ap = argparse.ArgumentParser(
        prog="python -m riftwatch.evaluate.places", description=__doc__.split("\n")[0]
    )
    ap.add_argument("path", type=Path)
    ap.add_argument("--mode", choices=("gold", "e2e"), default="gold")
    args = ap.parse_args(argv)
    try:
        result = evaluate_places(args.path, args.mode)
    except GoldError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 4
    sys.stdout.write(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
