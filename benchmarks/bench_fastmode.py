"""Fast mode: articles/s vs raw spaCy ``nlp.pipe`` and vs normal mode, and the events it loses.

Corpora (built in memory, never written to disk or shipped):
  quad  articles of 15 sentences resampled (seeded) from ../shared/eval/quad_dev.tsv: news
        sentences chosen for holding events, so a worst case for a sentence filter;
  lgl   whole local-news articles from ../shared/eval/geo/lgl.xml, as published: the realistic mix
        of event and non-event sentences fast mode is for.
Each timed pass is the best of ``--repeat``; raw spaCy runs at its best configuration (NumpyOps
without BLIS, as riftwatch loads it). Normal and fast mode include writing to an in-memory store.
Two fast variants: the keyword filter alone, and the filter with spaCy's NER skipped as well.
Event loss: share of normal-mode events (by event id = article, trigger offset, type) that fast
mode does not find; "changed": found, but with other source/target actors, or another place.

    python benchmarks/bench_fastmode.py [--corpus quad|lgl|both] [--articles 200]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


def quad_corpus(n: int, per: int = 15, seed: int = 7) -> tuple[list[str], str]:
    path = EVAL / "quad_dev.tsv"
    sents = [line.split("\t")[0] for line in path.read_text("utf-8").splitlines() if "\t" in line]
    rng = random.Random(seed)
    return [" ".join(rng.choice(sents) for _ in range(per)) for _ in range(n)], (
        f"{n} articles of {per} sentences resampled from {path} (seed {seed})"
    )


def lgl_corpus(n: int) -> tuple[list[str], str]:
    path = EVAL / "geo" / "lgl.xml"
    texts = [t for a in ET.parse(path).getroot().iter("article") if (t := (a.findtext("text") or "").strip())]
    return texts[:n], f"the first {min(n, len(texts))} whole articles of {path}"


def best(fn: Callable[[], float], repeat: int) -> float:
    return min(fn() for _ in range(repeat))


def measure(texts: list[str], how: str, batch_size: int, repeat: int) -> None:
    from riftwatch.parse import load_nlp
    from riftwatch.pipeline import Coder, Config
    from riftwatch.records import Article, CodedArticle, Event
    from riftwatch.scale.fastmode import FastCoder
    from riftwatch.store.duck import Store

    nlp = load_nlp(fast_rules=False)  # raw spaCy, its own components
    arts = [Article(id=f"b{i}", text=t, published=dt.date(2024, 1, 1)) for i, t in enumerate(texts)]
    normal = Coder(Config(batch_size=batch_size))
    fast = FastCoder(Config(batch_size=batch_size))
    fast_no_ner = FastCoder(Config(batch_size=batch_size, ner=False))
    list(normal.code(arts[:5]))
    list(fast.code(arts[:5]))
    list(fast_no_ner.code(arts[:5]))
    for _ in nlp.pipe(texts[:10], batch_size=batch_size):
        pass
    results: dict[str, list[CodedArticle]] = {}
    seen_total = [0, 0]

    def raw() -> float:
        t = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
        return time.perf_counter() - t

    coders = {"fast": fast, "fast, no NER": fast_no_ner}

    def run(name: str) -> Callable[[], float]:
        def go() -> float:
            t = time.perf_counter()
            out: list[CodedArticle] = []
            with Store(":memory:") as store:
                if name in coders:
                    items = list(coders[name].code_counted(arts))
                    seen_total[:] = [
                        sum(len(i.coded.sentences) for i in items),
                        sum(i.sentences_seen for i in items),
                    ]
                    out = [i.coded for i in items]
                else:
                    out = list(normal.code(arts))
                store.write_many(out, batch=batch_size)
            results[name] = out
            return time.perf_counter() - t

        return go

    raw_s = best(raw, repeat)
    normal_s = best(run("normal"), repeat)
    n = len(texts)
    words = sum(len(t.split()) for t in texts) / n
    print(f"corpus: {how}; {words:.0f} words per article")
    print(f"  raw spaCy nlp.pipe      : {n / raw_s:8.2f} articles/s")
    print(
        f"  riftwatch normal mode   : {n / normal_s:8.2f} articles/s  (ratio to raw spaCy {raw_s / normal_s:.3f})"
    )
    ev_n: dict[str, Event] = {e.event_id: e for c in results["normal"] for e in c.events}
    for name in coders:
        fast_s = best(run(name), repeat)
        ev_f: dict[str, Event] = {e.event_id: e for c in results[name] for e in c.events}
        lost = [k for k in ev_n if k not in ev_f]
        both = [k for k in ev_n if k in ev_f]
        actors = [k for k in both if (ev_n[k].source, ev_n[k].target) != (ev_f[k].source, ev_f[k].target)]
        places = [k for k in both if ev_n[k].place != ev_f[k].place]
        extra = [k for k in ev_f if k not in ev_n]
        print(f"  riftwatch {name:14s}: {n / fast_s:8.2f} articles/s  (ratio to raw spaCy {raw_s / fast_s:.3f}, "
              f"to normal mode {normal_s / fast_s:.3f})")  # fmt: skip
        print(f"    sentences parsed      : {seen_total[0]} of {seen_total[1]} "
              f"({100 * seen_total[0] / max(seen_total[1], 1):.1f}%)")  # fmt: skip
        pct = 100 / max(len(ev_n), 1)
        print(f"    events: normal {len(ev_n)}, {name} {len(ev_f)}; lost {len(lost)} ({pct * len(lost):.2f}% of "
              f"normal), actors changed {len(actors)} ({pct * len(actors):.2f}%), place changed {len(places)} "
              f"({pct * len(places):.2f}%), new {len(extra)}")  # fmt: skip
        for k in lost[:3]:
            e = ev_n[k]
            print(f"      lost: {e.event_type} {e.trigger.text!r} in {e.sentence[:100]!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", choices=("quad", "lgl", "both"), default="both")
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--repeat", type=int, default=2, help="timed passes; the best is kept")
    args = ap.parse_args(argv)
    if not EVAL.exists():
        print(f"{EVAL} is absent: this benchmark needs the shared evaluation data", file=sys.stderr)
        return 1
    for name in ("quad", "lgl") if args.corpus == "both" else (args.corpus,):
        texts, how = quad_corpus(args.articles) if name == "quad" else lgl_corpus(args.articles)
        measure(texts, how, args.batch_size, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
