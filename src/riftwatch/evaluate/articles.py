"""Score riftwatch on whole articles against event gold coded with the VOA codebook.

Gold: JSON Lines, one event a record (``article_id``, ``sentence``, ``trigger``, ``event_type``,
``source``/``target`` lists of ``{text, country, sector}``, ``factuality``, ``place``, ``date``,
``marginal``); articles: JSON Lines with ``id``, ``text``, ``published``.

Matching (the rule of the gold's documentation): a predicted event matches an unmatched gold event
of the same article whose trigger span it overlaps, else an unmatched gold event of the same
sentence with the same type; each gold event is matched once. A prediction that matches a
*marginal* gold event counts neither way. Everything else predicted is a false positive; every
unmatched non-marginal gold event is missed.

Reported: event precision / recall / F1; on matched events the accuracy of type, source countries,
target countries, factuality, place and date; triple precision / recall / F1 (a matched event whose
type, source countries and target countries are all right); the same per gold type; per article,
and the worst articles with their errors.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import GoldError
from ..records import Article, CodedArticle, Event
from .events import _prf, fold


@dataclass(frozen=True, slots=True)
class GoldEvent:
    article_id: str
    index: int  # line order in the gold file
    sentence: str
    sentence_start: int
    trigger: str
    start: int
    end: int
    event_type: str
    sources: frozenset[str]
    targets: frozenset[str]
    factuality: str
    place: dict[str, Any] | None
    date: str | None
    marginal: bool

    @property
    def sentence_end(self) -> int:
        return self.sentence_start + len(self.sentence)


@dataclass(slots=True)
class Match:
    """One scored pair (or a lone prediction / a lone gold event)."""

    article_id: str
    pred: Event | None = None
    gold: GoldEvent | None = None
    fields: dict[str, bool] = field(default_factory=dict)


# Our country codes that the codebook writes as no country: it codes a non-governmental
# organisation as country "" with sector NGO, where riftwatch (after PLOVER) writes country "NGO".
NO_CODEBOOK_COUNTRY = frozenset({"NGO"})


def countries(actors: Any) -> frozenset[str]:
    """The set of country codes of a gold or predicted actor list, in the codebook's terms ("" and
    unknown dropped, and an NGO's pseudo-country, which the codebook writes as "")."""
    out = set()
    for a in actors or ():
        code = a.get("country", "") if isinstance(a, dict) else getattr(a, "country", "")
        if code and str(code).upper() not in NO_CODEBOOK_COUNTRY:
            out.add(str(code).upper())
    return frozenset(out)


def _read_jsonl(path: Path, what: str) -> list[dict[str, Any]]:
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read {what}: {exc}") from exc
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{n}: not JSON: {exc}") from exc
        if not isinstance(rec, dict):
            raise GoldError(f"{path}:{n}: expected a JSON object")
        out.append(rec)
    if not out:
        raise GoldError(f"{path}: no {what}")
    return out


def _published(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def load_articles(path: Path) -> list[Article]:
    """Articles of a gold set (JSONL with id, text, published, title)."""
    arts = []
    for n, rec in enumerate(_read_jsonl(path, "articles"), 1):
        if "id" not in rec or not isinstance(rec.get("text"), str):
            raise GoldError(f"{path}: article {n} needs an 'id' and a 'text'")
        arts.append(Article(id=str(rec["id"]), text=rec["text"], title=str(rec.get("title") or ""),
                            url=str(rec.get("url") or ""), published=_published(rec.get("published"))))  # fmt: skip
    return arts


def load_article_gold(path: Path, articles: Sequence[Article]) -> list[GoldEvent]:
    """Gold events, each placed in its article's text (sentence found verbatim, trigger inside it)."""
    texts = {a.id: a.text for a in articles}
    out = []
    for n, rec in enumerate(_read_jsonl(path, "gold events"), 1):
        aid = str(rec.get("article_id", ""))
        text = texts.get(aid)
        where = f"{path}: gold record {n}"
        if text is None:
            raise GoldError(f"{where}: article {aid!r} is not in the articles file")
        sentence = str(rec.get("sentence") or "")
        s_at = rec.get("sentence_start")
        if not isinstance(s_at, int) or text[s_at : s_at + len(sentence)] != sentence:
            s_at = text.find(sentence) if sentence else -1
        if s_at < 0:
            raise GoldError(f"{where}: sentence not found verbatim in article {aid}")
        trig = rec.get("trigger")
        trig_text = str((trig.get("text") if isinstance(trig, dict) else trig) or "")
        t_at = sentence.find(trig_text) if trig_text else -1
        if t_at < 0:
            raise GoldError(f"{where}: trigger {trig_text!r} not in its sentence")
        if isinstance(trig, dict) and isinstance(trig.get("start"), int) and s_at <= trig["start"] < s_at + len(sentence):
            start = int(trig["start"])
        else:
            start = s_at + t_at
        date = rec.get("date")
        out.append(GoldEvent(
            article_id=aid, index=n, sentence=sentence, sentence_start=s_at, trigger=trig_text,
            start=start, end=start + len(trig_text), event_type=str(rec.get("event_type", "")).upper(),
            sources=countries(rec.get("source")), targets=countries(rec.get("target")),
            factuality=str(rec.get("factuality") or "asserted"),
            place=rec.get("place") if isinstance(rec.get("place"), dict) else None,
            date=str(date.get("value")) if isinstance(date, dict) and date.get("value") else None,
            marginal=bool(rec.get("marginal")),
        ))  # fmt: skip
    return out


def place_right(gold: dict[str, Any] | None, pred: Event) -> bool:
    """Both none, or the same country and names that agree (one contains the other, accents folded)."""
    p = pred.place
    if gold is None or p is None:
        return gold is None and p is None
    if gold.get("country") and p.country and str(gold["country"]).upper() != p.country:
        return False
    names = {fold(str(gold.get("name") or "")), fold(str(gold.get("text") or ""))} - {""}
    ours = {fold(p.name), fold(p.text)} - {""}
    return any(a in b or b in a for a in names for b in ours)


def date_right(gold: str | None, pred: Event) -> bool:
    """The predicted date read at the gold's precision (day, month or year) is the gold value."""
    if gold is None or pred.date is None:
        return gold is None and pred.date is None
    return pred.date.isoformat()[: len(gold)] == gold


def match_article(gold: Sequence[GoldEvent], preds: Sequence[Event]) -> list[Match]:
    """Match one article's predictions to its gold events (rule in the module docstring)."""
    taken: set[int] = set()
    pairs: dict[int, int] = {}
    order = sorted(range(len(preds)), key=lambda i: (preds[i].trigger.start, -preds[i].confidence))
    for i in order:  # 1: overlapping triggers; prefer the gold event of the same type, then non-marginal
        p = preds[i]
        cands = [j for j, g in enumerate(gold) if j not in taken and g.start < p.trigger.end and p.trigger.start < g.end]
        if cands:
            j = min(cands, key=lambda j: (gold[j].event_type != p.event_type, gold[j].marginal, gold[j].start))
            pairs[i] = j
            taken.add(j)
    for i in order:  # 2: same sentence, same type
        if i in pairs:
            continue
        p = preds[i]
        cands = [
            j for j, g in enumerate(gold)
            if j not in taken and g.event_type == p.event_type
            and g.sentence_start <= p.trigger.start < g.sentence_end
        ]  # fmt: skip
        if cands:
            k = min(cands, key=lambda j: (gold[j].marginal, abs(gold[j].start - p.trigger.start)))
            pairs[i] = k
            taken.add(k)
    out = []
    for i, p in enumerate(preds):
        g_at = pairs.get(i)
        m = Match(p.article_id, p, gold[g_at] if g_at is not None else None)
        if m.gold is not None:
            g = m.gold
            src = countries(p.source) == g.sources
            tgt = countries(p.target) == g.targets
            m.fields = {"type": p.event_type == g.event_type, "source": src, "target": tgt,
                        "factuality": p.factuality == g.factuality, "place": place_right(g.place, p),
                        "date": date_right(g.date, p), "triple": p.event_type == g.event_type and src and tgt}  # fmt: skip
        out.append(m)
    out.extend(Match(g.article_id, None, g) for j, g in enumerate(gold) if j not in taken)
    return out


FIELDS = ("type", "source", "target", "factuality", "place", "date")


def summarise(matches: Iterable[Match]) -> dict[str, Any]:
    """Counts and scores over a set of matches (marginal matches excluded on both sides)."""
    n_pred = n_gold = matched = triples = 0
    right: Counter[str] = Counter()
    for m in matches:
        if m.gold is not None and m.gold.marginal:
            continue  # a marginal gold event, matched or not, counts neither way
        if m.pred is not None:
            n_pred += 1
        if m.gold is not None:
            n_gold += 1
        if m.pred is not None and m.gold is not None:
            matched += 1
            right.update(k for k, v in m.fields.items() if v)
            triples += m.fields["triple"]
    out: dict[str, Any] = {"predicted": n_pred, "gold": n_gold, "matched": matched,
                           "events": _prf(matched, n_pred, n_gold), "triple": _prf(triples, n_pred, n_gold)}  # fmt: skip
    out["matched_accuracy"] = {k: round(right[k] / matched, 4) if matched else 0.0 for k in FIELDS}
    return out


def place_error(gold: dict[str, Any] | None, pred: Event) -> str:
    """How a wrong place is wrong: "missing" (the gold has one), "extra" (the gold has none),
    "other country", "other place" (same country, another name); "" when it is right."""
    if place_right(gold, pred):
        return ""
    if gold is None:
        return "extra"
    if pred.place is None:
        return "missing"
    ours = pred.place.country
    return "other country" if gold.get("country") and ours and str(gold["country"]).upper() != ours else "other place"


def role_error(gold: frozenset[str], pred: frozenset[str]) -> str:
    """How a wrong role is wrong (countries): "missing", "extra", "partly" (some right, some
    missing or extra), "other country"; "" when right."""
    if gold == pred:
        return ""
    if not pred:
        return "missing"
    if not gold:
        return "extra"
    return "partly" if gold & pred else "other country"


def error_kinds(matches: Iterable[Match]) -> dict[str, dict[str, int]]:
    """On matched events (not marginal), how the wrong places, sources and targets are wrong."""
    kinds: dict[str, Counter[str]] = {"place": Counter(), "source": Counter(), "target": Counter()}
    for m in matches:
        if m.pred is None or m.gold is None or m.gold.marginal:
            continue
        kinds["place"][place_error(m.gold.place, m.pred) or "right"] += 1
        kinds["source"][role_error(m.gold.sources, countries(m.pred.source)) or "right"] += 1
        kinds["target"][role_error(m.gold.targets, countries(m.pred.target)) or "right"] += 1
    return {k: dict(sorted(v.items())) for k, v in kinds.items()}


def _describe(m: Match) -> dict[str, Any]:
    d: dict[str, Any] = {}
    if m.pred is not None:
        p = m.pred
        d["pred"] = {"trigger": p.trigger.text, "start": p.trigger.start, "type": p.event_type,
                     "source": sorted(countries(p.source)), "target": sorted(countries(p.target)),
                     "factuality": p.factuality, "sentence": p.sentence}  # fmt: skip
    if m.gold is not None:
        g = m.gold
        d["gold"] = {"trigger": g.trigger, "start": g.start, "type": g.event_type, "source": sorted(g.sources),
                     "target": sorted(g.targets), "factuality": g.factuality, "marginal": g.marginal}  # fmt: skip
        if m.pred is None:
            d["gold"]["sentence"] = g.sentence
    if m.fields:
        d["wrong"] = [k for k in (*FIELDS,) if not m.fields[k]]
    return d


def score_articles(gold: Sequence[GoldEvent], coded: Sequence[CodedArticle], worst: int = 5) -> dict[str, Any]:
    """Match every article's events to its gold and summarise overall, per type and per article."""
    by_article: dict[str, list[GoldEvent]] = defaultdict(list)
    for g in gold:
        by_article[g.article_id].append(g)
    matches: list[Match] = []
    per_article = {}
    for c in coded:
        ms = match_article(by_article.get(c.article.id, []), c.events)
        matches.extend(ms)
        s = summarise(ms)
        per_article[c.article.id] = {"title": c.article.title, **s}
    result = summarise(matches)
    result["articles"] = len(coded)
    result["error_kinds"] = error_kinds(matches)
    result["marginal_matched"] = sum(1 for m in matches if m.pred is not None and m.gold is not None and m.gold.marginal)
    types = sorted({m.gold.event_type for m in matches if m.gold} | {m.pred.event_type for m in matches if m.pred})
    per_type = {}
    for t in types:
        sub = [m for m in matches if (m.gold is not None and m.gold.event_type == t) or
               (m.gold is None and m.pred is not None and m.pred.event_type == t)]  # fmt: skip
        s = summarise(sub)
        per_type[t] = {"gold": s["gold"], "predicted": s["predicted"], "events": s["events"], "triple": s["triple"]}
    result["per_type"] = per_type
    ranked = sorted(per_article, key=lambda a: (per_article[a]["triple"]["f1"], per_article[a]["events"]["f1"]))
    result["per_article"] = per_article
    result["worst_articles"] = [
        {"id": a, "title": per_article[a]["title"], "events_f1": per_article[a]["events"]["f1"],
         "triple_f1": per_article[a]["triple"]["f1"],
         "errors": [_describe(m) for m in matches if m.article_id == a and
                    not (m.gold is not None and m.gold.marginal) and not (m.fields and all(m.fields.values()))]}
        for a in ranked[:worst]
    ]  # fmt: skip
    result["matches"] = [dict(article_id=m.article_id, **_describe(m)) for m in matches]
    return result


def evaluate_articles(gold_path: Path, articles_path: Path, coder: Any = None, worst: int = 5) -> dict[str, Any]:
    """Load articles and gold, code the articles whole, score."""
    from ..pipeline import Coder

    articles = load_articles(articles_path)
    gold = load_article_gold(gold_path, articles)
    coded = list((coder or Coder()).code(articles))
    return score_articles(gold, coded, worst)
