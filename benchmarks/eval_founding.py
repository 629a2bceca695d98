"""Evaluation: the founding article after four months of GDELT-volume cooperation among its allies.

Generates GDELT 2.0 rows (``imports.synth``) for RUS-IRN, RUS-SYR and IRN-SYR: ``--per-day``
events a day per directed dyad (3.5: the volume GDELT gives these allies), cooperative but for a
``--conflict`` share of conflictual rows, for the 17 weeks that end with the article's week;
imports them, codes ``../shared/seed/aleppo-falling-out.txt`` (published 2016-05-13) with the real
pipeline into the same store, and runs ``watch --coalition RUS,IRN,SYR``.  Target: alerts for
IRN-SYR and for RUS-SYR or RUS-IRN.  ``--seeds N`` draws N baselines per conflict share (the article
is coded once) and counts how often each dyad alerts: one draw of a noisy baseline says little.
``--extra K ...`` adds K distinct conflictual GDELT rows per dyad in the article's last days, to
measure how far the article is from an alert (how many more conflictual events the detector needs).

    python benchmarks/eval_founding.py --conflict 0 0.05 0.1 --seeds 5
    python benchmarks/eval_founding.py --conflict 0.05 0.1 --seeds 5 --extra 0 2 4 6 8
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
from pathlib import Path

from riftwatch.imports import import_file
from riftwatch.imports.synth import CONFLICT_ROOTS, DyadPlan, gdelt_lines, gdelt_row, poisson
from riftwatch.ingest.readers import iter_articles
from riftwatch.pipeline import Coder
from riftwatch.records import Article, CodedArticle
from riftwatch.relations.detect import DetectConfig
from riftwatch.relations.rifts import WatchConfig, assess
from riftwatch.store.duck import Store

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "aleppo-falling-out.txt"
PUBLISHED = dt.date(2016, 5, 13)
WEEKS = 17
DYADS = (("RUS", "IRN"), ("RUS", "SYR"), ("IRN", "SYR"))


def run(
    per_day: float,
    conflict: float,
    coded: list[CodedArticle],
    work: Path,
    cfg: WatchConfig,
    seed: int = 0,
    extra: int = 0,
    article_rows: float = 1.0,
) -> set[tuple[str, str]]:
    """One baseline draw, then the article: prints the dyads' states and alerts, returns the alerting dyads.
    ``extra`` distinct conflictual rows per dyad are added in the four days before publication;
    ``article_rows`` > 1 groups the rows into articles (``shared_urls``)."""
    start = PUBLISHED - dt.timedelta(days=PUBLISHED.weekday()) - dt.timedelta(weeks=WEEKS - 1)
    rate = per_day * 7 * 2  # both directions of each undirected dyad
    plans = [DyadPlan(a, b, rate, conflict) for a, b in DYADS]
    lines = list(gdelt_lines(plans, WEEKS, start, seed))
    rng = random.Random(1000 + seed)
    for k, (a, b) in enumerate(DYADS):
        for j in range(extra):
            day = PUBLISHED - dt.timedelta(days=rng.randrange(4))
            lines.append(gdelt_row(900_000_000 + 1000 * k + j, day, a, b, rng.choice(CONFLICT_ROOTS)))
    if article_rows > 1:
        lines = shared_urls(lines, article_rows, random.Random(2000 + seed))
    export = work / f"baseline-{conflict}-{seed}-{extra}.export.CSV"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = work / f"founding-{conflict}-{seed}-{extra}.duckdb"
    with Store(db) as store:
        rep = import_file(export, "gdelt", store)
        store.write_many(coded)
        result = assess(store, ["RUS", "IRN", "SYR"], cfg)
    print(
        f"\nbaseline (seed {seed}): {rep.imported:,} GDELT events from {start} ({per_day} a day per directed "
        f"dyad, {conflict:.0%} conflictual{f', {extra} more conflictual per dyad' if extra else ''}), "
        "then the founding article"
    )
    for d in result.dyads:
        print(
            f"  {'-'.join(d.dyad)}: {d.state:8s} P {d.probability:.3f}  baseline {d.baseline.conflict}/"
            f"{d.baseline.events}, recent {d.recent.conflict}/{d.recent.events}"
        )
    dyads = {a.dyad for a in result.alerts}
    for a in result.alerts:
        print(f"  ALERT {'-'.join(a.dyad)} ({', '.join(a.tests)}): {a.explanation}")
    print(f"  target (IRN-SYR and RUS-SYR or RUS-IRN): {'met' if met(dyads) else 'NOT MET'}")
    return dyads


def shared_urls(lines: list[str], mean: float, rng: random.Random) -> list[str]:
    """The rows with one URL per article of 1 + Poisson(``mean`` - 1) rows of one dyad and day, the
    conflictual rows of a dyad-day grouped together (a real export has several rows per article,
    and a story of conflict brings several conflictual ones): a baseline in which clumps are usual."""
    groups: dict[tuple[str, str, str], list[list[str]]] = {}
    for line in lines:
        cols = line.split("\t")
        groups.setdefault((min(cols[7], cols[17]), max(cols[7], cols[17]), cols[1]), []).append(cols)
    out = []
    for key, rows in groups.items():
        rows.sort(key=lambda c: c[29])  # by QuadClass: conflictual rows next to each other
        i = 0
        while i < len(rows):
            size = 1 + poisson(rng, mean - 1.0)
            url = f"https://news.example/{'-'.join(key)}/{i}"
            for cols in rows[i : i + size]:
                cols[60] = url
                out.append("\t".join(cols))
            i += size
    return out


def met(dyads: set[tuple[str, str]]) -> bool:
    return ("IRN", "SYR") in dyads and bool({("RUS", "SYR"), ("IRN", "RUS")} & dyads)


def code_article(seed_file: Path) -> list[CodedArticle]:
    articles = [a for a in iter_articles([str(seed_file)], published=PUBLISHED) if isinstance(a, Article)]
    return list(Coder().code(articles))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-day", type=float, default=3.5)
    ap.add_argument("--conflict", type=float, nargs="+", default=[0.0, 0.05, 0.1])
    ap.add_argument("--seed-file", type=Path, default=SEED)
    ap.add_argument("--seeds", type=int, default=1, help="baseline draws per conflict share")
    ap.add_argument(
        "--extra", type=int, nargs="+", default=[0], help="distinct conflictual rows per dyad added in the article's days"
    )
    ap.add_argument(
        "--share-only", action="store_true", help="the share test alone (the detector before the volume test)"
    )
    ap.add_argument(
        "--article-rows", type=float, default=1.0, help="mean GDELT rows per article (1: one row per URL)"
    )
    ap.add_argument("--no-clump", action="store_true", help="without the clump test (the detector before it)")
    args = ap.parse_args()
    detect = DetectConfig(
        volume=not args.share_only, articles=not args.share_only, clump=not (args.share_only or args.no_clump)
    )
    cfg = WatchConfig(detect=detect)
    if not args.seed_file.is_file():
        raise SystemExit(f"{args.seed_file}: the founding article is not there (needs ../shared/seed/)")
    coded = code_article(args.seed_file)
    summary = []
    with tempfile.TemporaryDirectory() as d:
        for share in args.conflict:
            for extra in args.extra:
                runs = [
                    run(args.per_day, share, coded, Path(d), cfg, seed, extra, args.article_rows)
                    for seed in range(args.seeds)
                ]
                per_dyad = {dy: sum(dy in r for r in runs) for dy in (("IRN", "SYR"), ("RUS", "SYR"), ("IRN", "RUS"))}
                plus = f" +{extra} conflictual per dyad" if extra else ""
                summary.append(
                    f"  {share:.0%} conflictual{plus}: target met in {sum(met(r) for r in runs)}/{len(runs)}; alerts "
                    + ", ".join(f"{'-'.join(dy)} {k}/{len(runs)}" for dy, k in per_dyad.items())
                )
    print("\nsummary over baseline draws:\n" + "\n".join(summary))


if __name__ == "__main__":
    main()
