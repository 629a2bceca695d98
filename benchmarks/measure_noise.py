"""Measure, on real text, the noise that rift detection has to live with: dyad by dyad.

Codes the 65 public-domain VOA pool stories (``../shared/corpus/voa/pool.jsonl``) with the real
pipeline and compares every event that would enter a dyad series (reported as having happened,
a state actor of one country as source, of another as target: the dyads ``watch`` counts) with the
pool's gold annotations (``pool_gold.jsonl``):

* *spurious*: a coded dyad event with no gold event behind it, whose gold event did not happen,
  or whose gold event is not between two states (noise for every dyad it lands in);
* *wrong dyad*: a coded dyad event matched to a gold event between two states, but put between
  other countries (one kept: the event moved to a neighbouring dyad);
* *right*: the same country pair as the gold event;
* *missed*: gold events between two states that no coded event puts in their dyad.

Predictions matched to a gold event marked marginal count neither way.  These are the figures
``relations.simulate.Noise`` should carry (``benchmarks/eval_rifts.py --spurious/--wrong-role``).

    python benchmarks/measure_noise.py
    python benchmarks/measure_noise.py --articles ../shared/eval/voa/articles.jsonl --gold ../shared/eval/voa/gold.jsonl

The second measures the same on stories the learned models were not trained on (VOA dev).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from riftwatch.evaluate.articles import load_article_gold, load_articles, match_article
from riftwatch.pipeline import Coder
from riftwatch.relations.dyads import STATE_SECTORS

POOL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "voa"


def state_dyads(sources: Any, targets: Any) -> frozenset[tuple[str, str]]:
    """Undirected country pairs between state actors (sector in STATE_SECTORS) of two countries."""

    def states(actors: Any) -> set[str]:
        out = set()
        for a in actors or ():
            country = a.get("country", "") if isinstance(a, dict) else a.country
            sector = (a.get("sector") if isinstance(a, dict) else a.sector) or ""
            if country and len(country) == 3 and sector in STATE_SECTORS:
                out.add(str(country).upper())
        return out

    return frozenset((min(s, t), max(s, t)) for s in states(sources) for t in states(targets) if s != t)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pool", type=Path, default=POOL, help="a folder holding pool.jsonl and pool_gold.jsonl")
    ap.add_argument("--articles", type=Path, help="articles (JSONL) with their gold in --gold, instead of --pool")
    ap.add_argument("--gold", type=Path, help="gold events (JSONL, the VOA codebook's) for --articles")
    args = ap.parse_args()
    if (args.articles is None) != (args.gold is None):
        raise SystemExit("--articles and --gold go together")
    articles_path = args.articles or args.pool / "pool.jsonl"
    gold_path = args.gold or args.pool / "pool_gold.jsonl"
    if not gold_path.is_file():
        raise SystemExit(f"{gold_path}: the VOA pool is not there (needs ../shared/corpus/voa/)")
    articles = load_articles(articles_path)
    gold = load_article_gold(gold_path, articles)
    raw = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold_dyads = {g.index: state_dyads(raw[g.index - 1].get("source"), raw[g.index - 1].get("target")) for g in gold}
    by_article: dict[str, list[Any]] = {}
    for g in gold:
        by_article.setdefault(g.article_id, []).append(g)
    tally: Counter[str] = Counter()
    landed: Counter[str] = Counter()
    conflict: Counter[str] = Counter()  # QuadClass 3-4 events among the spurious / the rest
    per_article: Counter[str] = Counter()  # spurious dyad events per article
    covered: set[int] = set()
    for coded in Coder().code(articles):
        for m in match_article(by_article.get(coded.article.id, []), coded.events):
            if m.pred is None or m.pred.factuality != "asserted":
                continue
            pred = state_dyads(m.pred.source, m.pred.target)
            if not pred:
                continue
            if m.gold is not None and m.gold.marginal:
                tally["marginal"] += 1
                continue
            match = m.gold
            truth = gold_dyads[match.index] if match is not None and match.factuality == "asserted" else None
            if match is None or not truth:  # nothing happened, or not between two states: noise for every dyad
                kind = "spurious" if truth is None else "not between two states"
                tally[kind] += 1
                conflict["spurious"] += m.pred.quad_class >= 3
                per_article[coded.article.id] += 1
                continue
            conflict["true"] += m.pred.quad_class >= 3
            if pred & truth:
                tally["right"] += 1
                covered.add(match.index)
            else:
                tally["wrong dyad"] += 1
                shared = {c for dy in truth for c in dy} & {c for dy in pred for c in dy}
                landed["one country kept" if shared else "both countries wrong"] += 1
    state_gold = [g for g in gold if not g.marginal and g.factuality == "asserted" and gold_dyads[g.index]]
    missed = sum(g.index not in covered for g in state_gold)
    noise = tally["spurious"] + tally["not between two states"]
    true_n = tally["wrong dyad"] + tally["right"]
    coded_n = noise + true_n
    bad = [n for n in per_article.values() if n]
    print(f"{len(articles)} articles; {coded_n} coded dyad events (+{tally['marginal']} matched to marginal gold)")
    print(f"  spurious for every dyad: {noise} = {noise / coded_n:.1%} ({tally['spurious']} did not happen, "
          f"{tally['not between two states']} happened but not between two states); "
          f"{conflict['spurious'] / max(noise, 1):.0%} conflictual; "
          f"{noise / max(len(bad), 1):.1f} a article in the {len(bad)} articles holding some")  # fmt: skip
    print(f"  between two states, wrong dyad: {tally['wrong dyad']} = {tally['wrong dyad'] / max(true_n, 1):.1%} "
          f"({', '.join(f'{k}: {v}' for k, v in landed.most_common())})")  # fmt: skip
    print(f"  between two states, right dyad: {tally['right']}; "
          f"{conflict['true'] / max(true_n, 1):.0%} of all true ones conflictual")  # fmt: skip
    print(f"gold events between two states: {len(state_gold)}; put in their dyad: {len(state_gold) - missed} "
          f"({(len(state_gold) - missed) / len(state_gold):.1%})")  # fmt: skip


if __name__ == "__main__":
    main()
