"""spaCy's attribute ruler, computed per distinct token instead of by the Matcher.

The English model's ``attribute_ruler`` maps fine tags to coarse POS and morphology and fixes a
few dozen words ("not" → PART, pronoun lemmas). spaCy runs it as a ``Matcher`` over 179 patterns
and then sets each match through a ``Span``; measured on this project's news text it costs as
much as the whole ``tok2vec`` layer (17% of the pipeline's time, ``benchmarks/bench_throughput.py``).

Almost every pattern looks at one token only, and only at its TAG, LOWER, DEP and IS_SPACE. So the
result for a token is a function of those four values: it is computed once per distinct
combination (evaluating the same patterns, applying the matching rules in the same order, later
rules winning, exactly as ``AttributeRuler.match`` sorts them), cached, and written to the whole
``Doc`` with one ``Doc.from_array``. The few multi-token patterns ("gon na", "expl + is") are
plain sequences of such token tests, matched the same way; a token they set gets all its rules
re-applied in order. When the ruler
holds a pattern this evaluator does not understand, the original component is used unchanged.

The rule lemmatizer that follows is swapped the same way (``FastLemmatizer``: one lookup per
distinct ORTH/POS/MORPH instead of a ``Token`` per word, against a copy of the lemmatizer whose
word index is a set, see ``indexed_copy``).

``tests/test_fastrules.py`` checks that every token attribute is identical to spaCy's own components.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final, NamedTuple

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG  # type: ignore[import-not-found]
from spacy.language import Language
from spacy.tokens import Doc

FACTORY: Final = "riftwatch_attribute_ruler"
LEMMA_FACTORY: Final = "riftwatch_lemmatizer"
_WRITTEN: Final = (POS, MORPH, LEMMA, TAG, DEP)
_READ: Final = [TAG, LOWER, DEP, IS_SPACE]  # the order of _KEYS
_KEYS: Final = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_CACHE_LIMIT: Final = 200_000
Test = Callable[[tuple[str, str, str, bool]], bool]


class Unsupported(ValueError):
    """A pattern this evaluator cannot reproduce exactly."""


def _value_test(pos: int, spec: Any) -> Test:
    if isinstance(spec, (str, bool)):
        return lambda t: t[pos] == spec
    if isinstance(spec, dict) and len(spec) == 1:
        ((op, arg),) = spec.items()
        if op == "IN" and isinstance(arg, list):
            values = frozenset(arg)
            return lambda t: t[pos] in values
        if op == "NOT_IN" and isinstance(arg, list):
            values = frozenset(arg)
            return lambda t: t[pos] not in values
        if op == "REGEX" and isinstance(arg, str) and pos != 3:
            rx = re.compile(arg)
            return lambda t: rx.search(t[pos]) is not None  # type: ignore[arg-type]
    raise Unsupported(f"pattern value {spec!r}")


def _token_test(token_pattern: Mapping[str, Any]) -> Test:
    """A predicate over (tag, lower, dep, is_space) equal to one Matcher token pattern."""
    tests = []
    for key, spec in token_pattern.items():
        if key not in _KEYS:
            raise Unsupported(f"pattern key {key!r}")
        tests.append(_value_test(_KEYS[key], spec))
    if len(tests) == 1:  # most patterns: no generator per call (this runs for every new token)
        return tests[0]
    if len(tests) == 2:
        first, second = tests
        return lambda t: first(t) and second(t)
    return lambda t: all(test(t) for test in tests)


class _Entry(NamedTuple):
    rules: tuple[int, ...]  # ids of the one-token rules the token matches, in order
    values: tuple[int, ...]  # the token's POS, MORPH, LEMMA, TAG, DEP after those rules
    steps: frozenset[tuple[int, int]]  # (multi-token pattern, position) the token can fill


class _PerDoc:
    """A pipeline component that annotates one ``Doc`` at a time: ``pipe`` is a loop over ``__call__``."""

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)


class FastAttributeRuler(_PerDoc):
    """Drop-in for a loaded ``AttributeRuler``: same annotations, per distinct token."""

    def __init__(self, ruler: Any) -> None:
        self.ruler = ruler
        self.vocab = ruler.vocab
        self._attrs: list[dict[int, int]] = [dict(a) for a in ruler.attrs]
        self._single: list[tuple[int, list[Test]]] = []  # (rule id, alternatives)
        # Which one-token rules can match a token of a given TAG or LOWER: most patterns require one
        # exact TAG or LOWER, so a new token is tested against a handful of rules, not all of them.
        self._by_tag: dict[str, list[int]] = {}
        self._by_lower: dict[str, list[int]] = {}
        self._always: list[int] = []  # positions in _single of rules with an alternative indexed by neither
        self._multi: list[tuple[int, list[Test]]] = []  # (rule id, one test per token)
        # the multi-token patterns' token tests, (pattern, position, test): filed by the exact LOWER
        # they require, the rest always tried
        self._steps_by_lower: dict[str, list[tuple[int, int, Test]]] = {}
        self._steps_always: list[tuple[int, int, Test]] = []
        self._cache: dict[tuple[int, ...], _Entry] = {}
        try:
            for rule in range(len(self._attrs)):
                _, patterns = ruler.matcher.get(str(rule))
                if any(k not in _WRITTEN for k in self._attrs[rule]):
                    raise Unsupported(f"rule {rule} sets {sorted(self._attrs[rule])}")
                singles = [_token_test(p[0]) for p in patterns if len(p) == 1]
                if singles:
                    self._index(len(self._single), [p[0] for p in patterns if len(p) == 1])
                    self._single.append((rule, singles))
                for p in patterns:
                    if len(p) > 1:
                        self._add_multi(rule, p)
            self.exact = True
        except Unsupported:
            self.exact = False

    def _index(self, at: int, alternatives: Sequence[Mapping[str, Any]]) -> None:
        """File the rule at position ``at`` of ``_single`` under the exact TAG or LOWER each of its
        alternatives requires (a rule may be filed under several keys; one without either is always tried)."""
        keys: list[tuple[dict[str, list[int]], str]] = []
        for alt in alternatives:
            # an exact LOWER is the more selective key (a word), an exact TAG the next
            if isinstance(alt.get("LOWER"), str):
                keys.append((self._by_lower, alt["LOWER"]))
            elif isinstance(alt.get("TAG"), str):
                keys.append((self._by_tag, alt["TAG"]))
            else:
                self._always.append(at)
                return
        for index, value in keys:
            got = index.setdefault(value, [])
            if not got or got[-1] != at:
                got.append(at)

    def _add_multi(self, rule: int, pattern: Sequence[Mapping[str, Any]]) -> None:
        tests = [_token_test(t) for t in pattern]
        p = len(self._multi)
        self._multi.append((rule, tests))
        for j, (token_pattern, test) in enumerate(zip(pattern, tests, strict=True)):
            lower = token_pattern.get("LOWER")
            where = self._steps_by_lower.setdefault(lower, []) if isinstance(lower, str) else self._steps_always
            where.append((p, j, test))

    def _entry(self, key: tuple[int, ...]) -> _Entry:
        """What the rules make of a token with these TAG/LOWER/DEP/IS_SPACE values (cached)."""
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        strings = self.vocab.strings
        token = (strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3]))
        maybe = sorted({*self._always, *self._by_tag.get(token[0], ()), *self._by_lower.get(token[1], ())})
        rules = tuple(rule for rule, alts in (self._single[k] for k in maybe) if any(test(token) for test in alts))
        steps = frozenset(
            (p, j) for p, j, test in (*self._steps_always, *self._steps_by_lower.get(token[1], ())) if test(token)
        )
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        # Before the ruler a token has no POS, MORPH or LEMMA; its TAG and DEP are in the key.
        hit = _Entry(rules, tuple(self._apply(rules, (0, 0, 0, key[0], key[2]))), steps)
        self._cache[key] = hit
        return hit

    def _multi_matches(self, entries: Sequence[_Entry]) -> dict[int, list[int]]:
        """Token index -> rules of multi-token patterns that set it (spaCy's ``index`` into the match)."""
        extra: dict[int, list[int]] = {}
        n = len(entries)
        for i, entry in enumerate(entries):
            if not entry.steps:
                continue
            for p, (rule, tests) in enumerate(self._multi):
                end = i + len(tests)
                if (
                    (p, 0) in entry.steps
                    and end <= n
                    and all((p, j) in entries[i + j].steps for j in range(1, len(tests)))
                ):
                    index = self.ruler.indices[rule]
                    at = (i if index >= 0 else end) + index
                    if not i <= at < end:
                        raise ValueError(f"attribute rule {rule}: index {index} outside its match {i}..{end}")
                    extra.setdefault(at, []).append(rule)
        return extra

    def _apply(self, rules: Sequence[int], current: Sequence[int]) -> list[int]:
        values = dict(zip(_WRITTEN, current, strict=True))
        for rule in sorted(rules):
            values.update(self._attrs[rule])
        return [values[a] for a in _WRITTEN]

    def __call__(self, doc: Doc) -> Doc:
        if not self.exact:
            return self.ruler(doc)  # type: ignore[no-any-return]
        if not len(doc):
            return doc
        keys = doc.to_array(_READ).tolist()
        current = doc.to_array(list(_WRITTEN))
        entry = self._entry
        entries = [entry(tuple(key)) for key in keys]
        extra = self._multi_matches(entries) if self._multi else {}
        if current[:, :3].any():  # annotated before the ruler: apply each token's rules to its values
            cur = current.tolist()
            out = current.copy()
            for i, e in enumerate(entries):
                out[i] = self._apply(e.rules + tuple(extra.get(i, ())), cur[i])
        else:
            out = np.array([e.values for e in entries], dtype=np.uint64)
            for i, more in extra.items():
                out[i] = self._apply(entries[i].rules + tuple(more), current[i].tolist())
        doc.from_array(list(_WRITTEN), out)  # type: ignore[arg-type]  # uint64, as to_array gives
        return doc


@Language.factory(FACTORY)
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """Built from the pipeline's own ``attribute_ruler``, which must already be loaded."""
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"))


class FastLemmatizer(_PerDoc):
    """Drop-in for the English rule lemmatizer: the same lemmas, looked up per distinct token.

    spaCy's rule lemmatizer already caches its answer by (ORTH, POS, MORPH) but visits every token
    through a ``Token`` in Python; this reads those three values as one array, asks the lemmatizer
    once per distinct combination, and writes every lemma back with one ``Doc.from_array``. Like the
    original (``overwrite`` false), a lemma already set (by the attribute ruler) is kept."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.exact = getattr(lemmatizer, "mode", "") == "rule" and not getattr(lemmatizer, "overwrite", True)
        self._cache: dict[tuple[int, int, int], int] = {}
        self._lookup = indexed_copy(lemmatizer) if self.exact else lemmatizer

    def __call__(self, doc: Doc) -> Doc:
        if not self.exact or not len(doc):
            return self.lemmatizer(doc)  # type: ignore[no-any-return]
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        rows = arr.tolist()
        out = arr[:, 3].copy()
        cache, strings = self._cache, doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma:
                continue
            key = (orth, pos, morph)
            got = cache.get(key)
            if got is None:
                if len(cache) >= _CACHE_LIMIT:
                    cache.clear()
                got = cache[key] = strings.add(self._lookup.lemmatize(doc[i])[0])
            out[i] = got
        doc.from_array([LEMMA], out)  # type: ignore[arg-type]
        return doc


def indexed_copy(lemmatizer: Any) -> Any:
    """A copy of a rule lemmatizer whose ``lemma_index`` table holds sets instead of lists.

    spaCy's ``rule_lemmatize`` asks ``form in index`` for every suffix rule that applies, and the
    English index is a list per part of speech (57,528 nouns): each new word scans it, ~0.13 ms a
    word, a tenth of a run's time on fresh news. Only membership is read from the index, so a set
    gives the same lemmas. The pipeline's own lemmatizer is left as it is (its tables still
    serialise); the copy shares the exception and rule tables and has its own cache.
    """
    from spacy.lookups import Lookups

    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return lemmatizer
    fresh = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            fresh.add_table(name, {key: frozenset(words) for key, words in table.items()})
        else:
            fresh.set_table(name, table)
    clone = copy.copy(lemmatizer)
    clone.lookups = fresh
    clone.cache = {}
    # spaCy binds ``lemmatize`` to the instance's ``{mode}_lemmatize`` when it builds one: bind the copy's
    clone.lemmatize = getattr(clone, f"{clone.mode}_lemmatize")
    return clone


@Language.factory(LEMMA_FACTORY)
def make_fast_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    """Built from the pipeline's own ``lemmatizer``, which must already be loaded."""
    return FastLemmatizer(nlp.get_pipe("lemmatizer"))


def install(nlp: Language) -> bool:
    """Put the fast ruler in place of ``attribute_ruler`` and the fast lemmatizer in place of
    ``lemmatizer``, each where it can be exact; False when the ruler stays (cannot be exact)."""
    if "lemmatizer" in nlp.pipe_names:
        lem = nlp.add_pipe(LEMMA_FACTORY, after="lemmatizer")
        if isinstance(lem, FastLemmatizer) and lem.exact:
            nlp.disable_pipe("lemmatizer")
        else:
            nlp.remove_pipe(LEMMA_FACTORY)
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    fast = nlp.add_pipe(FACTORY, after="attribute_ruler")
    if not isinstance(fast, FastAttributeRuler) or not fast.exact:
        nlp.remove_pipe(FACTORY)
        return False
    nlp.disable_pipe("attribute_ruler")
    return True
