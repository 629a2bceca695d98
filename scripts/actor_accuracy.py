"""How well actors are coded on annotated whole articles (development data: the VOA pool).

usage: python scripts/actor_accuracy.py GOLD ARTICLES [--list]
       e.g. python scripts/actor_accuracy.py ../shared/corpus/voa/pool_gold.jsonl ../shared/corpus/voa/pool.jsonl

Two tables, independent of which events the coder finds:

1. Mentions: every annotated source/target mention with text (counted once per place in the
   article) against the recognised actor that overlaps it most: is its country the annotated one?
   By how the actor was found (a name alone, a bare "the rebels", a person met again, ...), and
   how many annotated mentions no actor covers.
2. Role causes: on matched non-marginal events whose source or target countries are wrong, the
   first cause of each wrong role: (a) actor coding: the chosen mention has the wrong country, or
   the annotated mention is no actor at all; (b) roles: an annotated mention that is an actor was
   not chosen, another mention was, or an implied actor was added or left out.

``--list`` prints every wrong mention and role. Use it on the pool only: evaluation data is for
aggregate numbers, never for reading its errors.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from riftwatch.actors.lexicon import Lexicon
from riftwatch.evaluate.articles import countries, load_article_gold, load_articles, match_article
from riftwatch.pipeline import Coder
from riftwatch.records import Actor

PRONOUNS = frozenset({"he", "she", "his", "her", "him", "it", "its", "they", "them", "their", "we", "i", "you",
                      "our", "us", "my"})  # fmt: skip


def how_found(a: Actor) -> str:
    """A short name for the way the recogniser found an actor, from its entry ids."""
    e = a.entry_id
    if e.startswith("named:"):
        return "met again"
    if e.startswith("pronoun:") or a.text.lower() in PRONOUNS:
        return "pronoun"
    if a.person:
        return "lexicon person" if "person:" in e else "person outside the lexicon"
    parts = e.split("+") if e else []
    if parts and all(p.startswith(("sector:", "title:")) for p in parts):
        return "bare head"
    if len(parts) == 1 and parts[0].startswith(("country:", "capital:", "demonym:")):
        return "name alone"
    return "organisation" if any(p.startswith("org:") for p in parts) else "owner + head"


def overlaps(x: str, y: str) -> bool:
    x, y = x.lower().strip(), y.lower().strip()
    return bool(x) and bool(y) and (x in y or y in x)


def role_cause(ours: tuple[Actor, ...], gold: list[dict[str, Any]], in_sentence: list[Actor], lex: Lexicon) -> str:
    """The first cause of a wrong role (module docstring, table 2)."""
    causes: list[str] = []
    for g in gold:
        want = g.get("country") or ""
        if not g["text"]:
            if not any(a.country == want for a in ours):
                causes.append("b: implied actor left out")
            continue
        mine = [a for a in ours if overlaps(a.text, g["text"])]
        if mine:
            if not any(a.country == want for a in mine):
                causes.append("a: right mention, wrong country")
        elif any(overlaps(a.text, g["text"]) for a in in_sentence):
            causes.append("b: actor not chosen")
        elif g["text"].lower() in PRONOUNS:
            causes.append("a: pronoun not resolved")
        elif any(e.kind in ("country", "capital") for e in lex.lookup(g["text"].removeprefix("the "))):
            causes.append("b: country read as a place")
        else:
            causes.append("a: mention is no actor")
    for a in ours:
        if not any(overlaps(a.text, g["text"]) for g in gold) and not any(
            not g["text"] and g.get("country") == a.country for g in gold
        ):
            causes.append("b: other mention chosen" if a.text else "b: implied actor added")
    order = ["a: right mention, wrong country", "a: mention is no actor", "a: pronoun not resolved",
             "b: country read as a place", "b: actor not chosen", "b: other mention chosen",
             "b: implied actor added", "b: implied actor left out"]  # fmt: skip
    return min(causes, key=order.index) if causes else "unclassified"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("articles", type=Path)
    ap.add_argument("--list", action="store_true", help="print every wrong mention and role (pool only)")
    args = ap.parse_args()
    arts = load_articles(args.articles)
    gold = load_article_gold(args.gold, arts)
    raw = [json.loads(line) for line in args.gold.read_text("utf-8").splitlines() if line.strip()]
    coded = {c.article.id: c for c in Coder().code(arts)}
    lex = Lexicon.load()
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    missing = 0
    seen: set[tuple[str, int, str]] = set()
    wrong: list[str] = []
    for g in gold:
        rec = raw[g.index - 1]
        actors = coded[g.article_id].actors
        for m in (rec.get("source") or []) + (rec.get("target") or []):
            at = g.sentence.find(m["text"]) if m["text"] else -1
            key = (g.article_id, g.sentence_start + at, m.get("country") or "")
            if at < 0 or key in seen:
                continue
            seen.add(key)
            s, e = g.sentence_start + at, g.sentence_start + at + len(m["text"])
            over = [a for a in actors if a.start < e and s < a.end]
            if not over:
                missing += 1
                continue
            a = max(over, key=lambda a: min(a.end, e) - max(a.start, s))
            kind = how_found(a)
            total[kind] += 1
            if a.country == key[2]:
                right[kind] += 1
            else:
                wrong.append(f"{g.article_id} {m['text']!r} {key[2]!r}: ours {a.text!r} {a.country!r} {a.entry_id}")
    n, ok = sum(total.values()), sum(right.values())
    print(f"mentions covered by an actor: {n}, country right: {ok} ({ok / max(n, 1):.3f}); not covered: {missing}")
    for kind, k in total.most_common():
        print(f"  {kind:28} {right[kind]:5}/{k:5}  {right[kind] / k:.3f}")
    causes: Counter[str] = Counter()
    for c in coded.values():
        for mt in match_article([g for g in gold if g.article_id == c.article.id], c.events):
            if mt.pred is None or mt.gold is None or mt.gold.marginal:
                continue
            rec = raw[mt.gold.index - 1]
            sent = [a for a in c.actors if mt.gold.sentence_start <= a.start < mt.gold.sentence_end]
            for role, ours in (("source", mt.pred.source), ("target", mt.pred.target)):
                gl = rec.get(role) or []
                if countries(ours) != countries(gl):
                    cause = role_cause(ours, gl, sent, lex)
                    causes[cause] += 1
                    if args.list:
                        wrong.append(f"{cause} | {c.article.id} {role} {mt.pred.trigger.text!r}: ours "
                                     f"{[(a.text, a.country) for a in ours]} gold {[(x['text'], x.get('country')) for x in gl]}")  # fmt: skip
    print(f"wrong roles on matched events: {sum(causes.values())}")
    for cause, k in sorted(causes.items()):
        print(f"  {cause:34} {k:4}")
    if args.list:
        print("\n".join(wrong))


if __name__ == "__main__":
    main()
