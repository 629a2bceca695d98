"""Fast mode: articles/s vs raw spaCy ``nlp.pipe`` and vs normal mode, and the events it loses.

Corpora (built in memory, never written to disk or shipped):
  quad  articles of 15 sentences resampled (seeded) from ../shared/eval/quad_dev.tsv: news
        sentences chosen for holding events, so a worst case for a sentence filter;
  lgl   whole local-news articles from ../shared/eval/geo/lgl.xml, as published: the realistic mix
        of event and non-event sentences fast mode is for;
  pool  the 65 VOA stories of ../shared/corpus/voa/pool.jsonl (longer national news; not evaluation
        data, so the first events lost are printed).
Timing: after one untimed pass of each contender over the corpus (warm caches: lemmas, lexemes),
``--rounds`` interleaved rounds (each round times every contender once, in a rotated order), so that a busy machine slows all of them alike; printed are the median and the spread
(min-max) of the per-round ratios, by wall-clock and by CPU seconds of this process (the steadier
figure on a shared machine). Raw spaCy runs at its best configuration (NumpyOps without BLIS, as
riftwatch loads it; in each round the faster of ``--raw-batch-sizes``). Normal and fast mode use
``--batch-size`` and include writing to an in-memory store. Two fast variants: the keyword filter
alone, and the filter with spaCy's NER skipped as well. Event loss: share of normal-mode events (by
event id = article, trigger offset, type) that fast mode does not find; "changed": found, but with
other source/target actors, or another place.

    python benchmarks/bench_fastmode.py [--corpus quad|lgl|pool|both|all] [--articles 200] [--rounds 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
POOL = ROOT.parent / "shared" / "corpus" / "voa" / "pool.jsonl"


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


def pool_corpus(n: int) -> tuple[list[str], str]:
    path = POOL
    with path.open(encoding="utf-8") as f:
        texts = [t for line in f if line.strip() and (t := json.loads(line).get("text", "").strip())]
    return texts[:n], f"the first {min(n, len(texts))} stories of {path}"


class Timed(NamedTuple):
    wall: float
    cpu: float


def timed(fn: Callable[[], object]) -> Timed:
    w, c = time.perf_counter(), time.process_time()
    fn()
    return Timed(time.perf_counter() - w, time.process_time() - c)


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.3f} ({min(values):.3f}-{max(values):.3f})"


def measure(texts: list[str], how: str, args: argparse.Namespace, show_lost: bool) -> None:
    from riftwatch.parse import load_nlp
    from riftwatch.pipeline import Coder, Config
    from riftwatch.records import Article, CodedArticle, Event
    from riftwatch.scale.fastmode import FastCoder
    from riftwatch.store.duck import Store

    batch_size = args.batch_size
    nlp = load_nlp(fast_rules=False)  # raw spaCy, its own components
    arts = [Article(id=f"b{i}", text=t, published=dt.date(2024, 1, 1)) for i, t in enumerate(texts)]
    normal = Coder(Config(batch_size=batch_size))
    coders = {"fast": FastCoder(Config(batch_size=batch_size)),
              "fast, no NER": FastCoder(Config(batch_size=batch_size, ner=False))}  # fmt: skip
    list(normal.code(arts[:5]))
    for coder in coders.values():
        list(coder.code(arts[:5]))
    for _ in nlp.pipe(texts[:10], batch_size=batch_size):
        pass
    results: dict[str, list[CodedArticle]] = {}
    seen: dict[str, tuple[int, int]] = {}

    def raw(size: int) -> Callable[[], object]:
        return lambda: sum(1 for _ in nlp.pipe(texts, batch_size=size))

    def run(name: str) -> Callable[[], object]:
        def go() -> None:
            with Store(":memory:") as store:
                if name in coders:
                    items = list(coders[name].code_counted(arts))
                    seen[name] = (sum(len(i.coded.sentences) for i in items), sum(i.sentences_seen for i in items))
                    out = [i.coded for i in items]
                else:
                    out = list(normal.code(arts))
                store.write_many(out, batch=batch_size)
            results[name] = out

        return go

    contenders: dict[str, Callable[[], object]] = {f"raw{size}": raw(size) for size in args.raw_batch_sizes}
    contenders.update({name: run(name) for name in ("normal", *coders)})
    names = list(contenders)
    for name in names:  # one untimed pass each over the whole corpus: every cache warm, as in a long run
        contenders[name]()
    times: dict[str, list[Timed]] = {name: [] for name in names}
    for r in range(args.rounds):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            times[name].append(timed(contenders[name]))
    raw_best = [min((times[f"raw{size}"][r] for size in args.raw_batch_sizes), key=lambda t: t.cpu)
                for r in range(args.rounds)]  # fmt: skip
    n = len(texts)
    words = sum(len(t.split()) for t in texts) / n
    print(f"corpus: {how}; {words:.0f} words per article; {args.rounds} interleaved rounds; load {os.getloadavg()}")
    for size in args.raw_batch_sizes:
        ts = times[f"raw{size}"]
        print(f"  raw spaCy nlp.pipe, batch {size:4d}: {n / statistics.median(t.wall for t in ts):8.2f} articles/s, "
              f"CPU s median {statistics.median(t.cpu for t in ts):.2f}")  # fmt: skip

    def ratios(name: str, base: list[Timed]) -> str:
        ts = times[name]
        wall = spread([b.wall / t.wall for b, t in zip(base, ts, strict=True)])
        cpu = spread([b.cpu / t.cpu for b, t in zip(base, ts, strict=True)])
        return f"wall {wall}, CPU {cpu}"

    print(f"  riftwatch normal mode   : {n / statistics.median(t.wall for t in times['normal']):8.2f} articles/s; "
          f"ratio to raw spaCy at its best: {ratios('normal', raw_best)}")  # fmt: skip
    ev_n: dict[str, Event] = {e.event_id: e for c in results["normal"] for e in c.events}
    for name in coders:
        ev_f: dict[str, Event] = {e.event_id: e for c in results[name] for e in c.events}
        lost = [k for k in ev_n if k not in ev_f]
        both = [k for k in ev_n if k in ev_f]
        actors = [k for k in both if (ev_n[k].source, ev_n[k].target) != (ev_f[k].source, ev_f[k].target)]
        places = [k for k in both if ev_n[k].place != ev_f[k].place]
        extra = [k for k in ev_f if k not in ev_n]
        print(f"  riftwatch {name:14s}: {n / statistics.median(t.wall for t in times[name]):8.2f} articles/s")
        print(f"    ratio to raw spaCy at its best: {ratios(name, raw_best)}")
        print(f"    ratio to normal mode          : {ratios(name, times['normal'])}")
        parsed, total = seen[name]
        print(f"    sentences parsed      : {parsed} of {total} ({100 * parsed / max(total, 1):.1f}%)")
        pct = 100 / max(len(ev_n), 1)
        print(f"    events: normal {len(ev_n)}, {name} {len(ev_f)}; lost {len(lost)} ({pct * len(lost):.2f}% of "
              f"normal), actors changed {len(actors)} ({pct * len(actors):.2f}%), place changed {len(places)} "
              f"({pct * len(places):.2f}%), new {len(extra)}")  # fmt: skip
        for k in lost[:3] if show_lost else ():  # evaluation data: aggregate figures only
            e = ev_n[k]
            print(f"      lost: {e.event_type} {e.trigger.text!r} in {e.sentence[:100]!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", choices=("quad", "lgl", "pool", "both", "all"), default="both",
                    help="both: quad and lgl; all: quad, lgl and pool")  # fmt: skip
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--raw-batch-sizes", type=lambda v: [int(x) for x in v.split(",")], default=[4, 32],
                    help="raw spaCy is timed at each (comma-separated); the faster counts")  # fmt: skip
    ap.add_argument("--rounds", type=int, default=3, help="interleaved timed rounds")
    args = ap.parse_args(argv)
    names = {"both": ("quad", "lgl"), "all": ("quad", "lgl", "pool")}.get(args.corpus, (args.corpus,))
    for name in names:
        needed = POOL if name == "pool" else EVAL
        if not needed.exists():
            print(f"{needed} is absent: this benchmark needs the shared data", file=sys.stderr)
            return 1
        corpus = {"quad": quad_corpus, "lgl": lgl_corpus, "pool": pool_corpus}[name]
        texts, how = corpus(args.articles)
        measure(texts, how, args, show_lost=name == "pool")
    return 0


if __name__ == "__main__":
    sys.exit(main())
