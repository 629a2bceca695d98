"""Fast mode: skip the parse of sentences that cannot hold an event.

An event needs a trigger word, and a trigger is a token whose lemma is in the trigger lexicon.
So before the expensive parse, a cheap filter splits each article into sentences with a regex and
keeps those containing a surface form of some trigger lemma. The forms come from inverting the
model's own rule lemmatizer (its suffix rules and exception table: "fought" → "fight"), per part of
speech; an entry that only codes with an object, particle or compound modifier ("open" + "talks",
"back down", "artillery fire") also needs one of those words in the sentence. Dropped sentences are
blanked out with spaces, *not removed*: every kept character keeps its offset, so the unchanged
``Coder.code_doc`` yields evidence spans, trigger offsets and event ids that point into the
original article text, exactly as in normal mode. A blanked run costs the parser one whitespace
token instead of a sentence's worth.

What it can lose: context from dropped sentences (an actor named only there for a later "they",
a place that sets the article's default country). ``benchmarks/bench_fastmode.py`` measures the
share of normal-mode events lost and the speed-up.
"""

from __future__ import annotations

import logging
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Final

from ..pipeline import Coder, Config
from ..records import Article, CodedArticle, Span
from .stream import Coded

log = logging.getLogger(__name__)

# A sentence ends at . ! or ? (plus closing quotes/brackets) before whitespace and a capital,
# digit or opening quote; a blank line always ends one. Group 1 or 2 is the gap between sentences.
_BOUNDARY: Final = re.compile(r"[.!?][\"'\u2019\u201d)\]]*(\s+)(?=[\"'\u2018\u201c(\[]?[A-Z0-9])|(\n\s*\n)")
# No end after an initial ("U.S.", "J. Smith") or a title: splitting "the U.S. Army attacked"
# would blank the actor out of the kept half.
_ABBREVIATION: Final = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Cpt|Sgt|Cpl|Adm|Brig|Gov|Sen|Rep|Pres|St|Jr|Sr|"
    r"vs|Ltd|Inc|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))\.$"
)
_WORD: Final = re.compile(r"[a-z]+")
# Words of multi-word lemmas that say nothing on their own ("call for", "pull out of").
_GLUE: Final = frozenset({"a", "an", "the", "of", "for", "to", "in", "on", "out", "up", "off", "down",
                          "with", "from", "at", "by", "into", "over", "back", "away", "and"})  # fmt: skip
_PRONOUNS: Final = frozenset({"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "his",
                               "its", "their", "our"})  # fmt: skip
Forms = Callable[[str, str], set[str]]
"""(lemma, part of speech) -> surface forms."""
Cue = tuple[frozenset[str], "re.Pattern[str]", frozenset[str]]
"""(head words, pattern, actor words): keep a sentence holding a head word where the pattern also
matches and, unless the third set is empty, one of its words is there too."""
_SYMBOLS: Final = re.compile(r"[^\w\s]")
_CASED: Final = re.compile(r"[A-Za-z]+")
_DOUBLING: Final = re.compile(r"(?:^|[^aeiou])[aeiou][bdgklmnprt]$")
NER_WINDOW: Final = 3
"""Fast mode's entity recogniser reads the words within this many words of a capitalised or
numeric word (``parse.entity_text``): the recogniser is over half of spaCy's time on news."""
PARSE_BATCH_FACTOR: Final = 1
"""Fast mode parses this many times ``Config.batch_size`` blanked texts a batch (see ``FastCoder``).
Larger batches helped on one machine and hurt on another: CPU seconds of the parse of 200
local-news articles blanked, 8.5 at 32 texts a batch and 6.9 at 128 (seventh session's machine);
4.3 at 32, 5.2 at 64 and 6.5 at 128 (ninth session's, 4 MiB L2 per core; the full texts alike:
7.5, 8.4, 10.1). The batch normal mode and raw spaCy take is the safe one: fast mode 1.64x raw
spaCy where a factor of 4 gave 1.09x on the second machine (``benchmarks/bench_fastmode.py``)."""


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences of ``text``, whitespace trimmed.

    >>> t = "The U.S. Army crossed the river. Talks failed!  Nothing else."
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['The U.S. Army crossed the river.', 'Talks failed!', 'Nothing else.']
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _BOUNDARY.finditer(text):
        gap = 1 if m.group(1) is not None else 2
        if gap == 1 and _ABBREVIATION.search(text, max(0, m.start() - 8), m.start() + 1):
            continue
        _add_trimmed(text, pos, m.start(gap), spans)
        pos = m.end(gap)
    _add_trimmed(text, pos, len(text), spans)
    return spans


def _add_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def inflect(word: str) -> set[str]:
    """Regular English forms of ``word`` as noun or verb: over-generating is harmless here.

    >>> sorted(inflect("seize") & {"seizes", "seized", "seizing"})
    ['seized', 'seizes', 'seizing']
    >>> {"banned", "bans", "banning"} <= inflect("ban"), {"tried", "tries"} <= inflect("try")
    (True, True)
    """
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if _DOUBLING.search(word):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def irregular_forms(exceptions: Mapping[str, Iterable[str]]) -> dict[str, set[str]]:
    """Lemma → surface forms, inverted from a lemmatizer's ``{form: [lemma, ...]}`` exceptions."""
    out: dict[str, set[str]] = {}
    for form, lemmas in exceptions.items():
        for lemma in lemmas:
            out.setdefault(lemma, set()).add(form)
    return out


def rule_forms(lemma: str, rules: Iterable[tuple[str, str]]) -> set[str]:
    """Forms that suffix rules ``(form suffix, lemma suffix)`` would lemmatise to ``lemma``.

    >>> sorted(rule_forms("wolf", [("ves", "f"), ("s", "")]))
    ['wolfs', 'wolves']
    """
    return {lemma[: len(lemma) - len(new)] + old for old, new in rules if lemma.endswith(new) and old}


@dataclass(frozen=True, slots=True)
class WordForms:
    """Surface forms of a lemma as a verb or noun, inverting the model's rule lemmatizer.

    spaCy's English rule lemmatizer gives a token (tagged VERB or NOUN) as lemma either its own
    lower-cased text, an exception-table entry, or the text with a suffix rule applied. Inverting
    the same tables for the same part of speech yields every text that can carry the lemma, so
    the filter cannot miss a trigger token, yet a noun-only entry ("accord") does not keep every
    sentence with "according". Without tables (``WordForms()``) regular inflection is used.
    """

    rules: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    irregular: Mapping[str, Mapping[str, frozenset[str]]] = field(default_factory=dict)

    def __call__(self, lemma: str, pos: str = "") -> set[str]:
        """Forms of ``lemma`` as ``pos`` ("VERB", "NOUN"; "" or another: every part of speech)."""
        known = set(self.rules) | set(self.irregular)
        tags = [pos.lower()] if pos.lower() in known else sorted(known)
        forms = {lemma} if self.rules else inflect(lemma)
        for tag in tags:
            forms |= rule_forms(lemma, self.rules.get(tag, ()))
            forms |= self.irregular.get(tag, {}).get(lemma, frozenset())
        return forms

    @classmethod
    def from_model(cls, nlp: Any) -> WordForms:
        """The verb and noun tables of the spaCy model's rule lemmatizer (the coder's own)."""
        try:
            lookups = nlp.get_pipe("lemmatizer").lookups
            rules_table = lookups.get_table("lemma_rules")
            exc_table = lookups.get_table("lemma_exc")
        except (KeyError, AttributeError):
            log.debug("the model has no rule lemmatizer tables; regular inflection is used")
            return cls()
        rules: dict[str, tuple[tuple[str, str], ...]] = {}
        irregular: dict[str, dict[str, frozenset[str]]] = {}
        for tag in ("verb", "noun", "adj"):
            if tag in rules_table:
                rules[tag] = tuple((str(old), str(new)) for old, new in rules_table[tag])
            if tag in exc_table:
                irregular[tag] = {k: frozenset(v) for k, v in irregular_forms(exc_table[tag]).items()}
        return cls(rules, irregular)


def _head_and_modifier(lemma: str) -> tuple[str, str]:
    """("fire", "artillery") for "artillery fire": the coder matches a compound on its head token."""
    parts = _WORD.findall(lemma.lower())
    if not parts:
        return "", ""
    return parts[-1], parts[-2] if len(parts) > 1 else ""


@dataclass(frozen=True, slots=True)
class KeywordFilter:
    """Keeps a sentence holding a form in ``words``, or a form in ``needs`` with one of its companions.

    ``needs`` serves conditional triggers: "open" codes an event only with an object such as
    "talks" or "fire", "artillery fire" only with its modifier. Over-keeping costs only time;
    the filter is built so that it never drops a sentence the lexicon could match.
    """

    words: frozenset[str]
    needs: Mapping[str, frozenset[str]] = field(default_factory=dict)
    cues: tuple[Cue, ...] = ()

    @classmethod
    def from_lemmas(
        cls, lemmas: Iterable[str], names: Iterable[str] = (), forms: Forms = WordForms()
    ) -> KeywordFilter:
        """Forms of each lemma's head word (unconditional) plus the words of ``names`` as written.

        >>> f = KeywordFilter.from_lemmas(["attack", "call"])
        >>> f.keeps("Gunmen attacked a convoy."), f.keeps("They called for calm."), f.keeps("It rained.")
        (True, True, False)
        """
        words: set[str] = set()
        for lemma in lemmas:
            head, _ = _head_and_modifier(lemma)
            if head:
                words |= forms(head, "")
        words.update(w for name in names for w in _WORD.findall(name.lower()) if w not in _GLUE)
        return cls(frozenset(words))

    @classmethod
    def from_triggers(
        cls, triggers: Iterable[Any], names: Iterable[str] = (), forms: Forms = WordForms()
    ) -> KeywordFilter:
        """From trigger entries (``.lemma``, ``.pos``, ``.particle``, ``.object``): conditional where
        the entry is, i.e. it needs its compound modifier, particle or one of its objects as well.

        >>> from types import SimpleNamespace as E
        >>> f = KeywordFilter.from_triggers([E(lemma="open", object=("talk",)), E(lemma="air strike", object=())])
        >>> f.keeps("They opened talks."), f.keeps("Shops opened."), f.keeps("An air strike hit."), f.keeps("A strike.")
        (True, False, True, False)
        """
        words: set[str] = set()
        needs: dict[str, set[str]] = {}
        for t in triggers:
            head, modifier = _head_and_modifier(t.lemma)
            if not head:
                continue
            # An entry needs its modifier, particle and an object all at once; needing any one
            # of them is the cheap approximation, and errs on the side of keeping.
            companions: set[str] = set()
            if modifier:
                companions |= forms(modifier, "")
            particle = getattr(t, "particle", None)
            if particle:
                companions |= set(_WORD.findall(particle.lower()))
            for obj in getattr(t, "object", ()) or ():
                obj_head = _head_and_modifier(obj)[0]
                # an object of symbols ("$") is looked for as written: ``keeps`` adds symbols to the words
                companions |= forms(obj_head, "") if obj_head else set(_SYMBOLS.findall(obj))
            for form in forms(head, getattr(t, "pos", "")):
                if companions:
                    needs.setdefault(form, set()).update(companions)
                else:
                    words.add(form)
        words.update(w for name in names for w in _WORD.findall(name.lower()) if w not in _GLUE)
        return cls(frozenset(words), {k: frozenset(v) for k, v in needs.items() if k not in words})

    def with_cues(self, cues: Iterable[Cue]) -> KeywordFilter:
        """This filter, also keeping the sentences that ``cues`` (see ``speech_cues``) keep."""
        return replace(self, cues=self.cues + tuple(cues))

    def keeps(self, sentence: str) -> bool:
        """True when the sentence could hold a trigger."""
        low = sentence.lower()
        found = set(_WORD.findall(low))
        if not self.words.isdisjoint(found):
            return True
        if any(w in self.needs for w in found):
            found.update(_SYMBOLS.findall(low))
            if any(not self.needs[w].isdisjoint(found) for w in found if w in self.needs):
                return True
        return any(
            not heads.isdisjoint(found)
            and cue.search(low)
            and (not actors or _names_one(actors, found, sentence))
            for heads, cue, actors in self.cues
        )

    def kept_spans(self, text: str) -> tuple[list[tuple[int, int]], int]:
        """(spans of the kept sentences, number of sentences in all)."""
        spans = split_sentences(text)
        return [(s, e) for s, e in spans if self.keeps(text[s:e])], len(spans)


def _names_one(actors: frozenset[str], lowered: set[str], sentence: str) -> bool:
    """Whether the sentence holds an actor word: lower-case ones in any case, the rest as written."""
    return not actors.isdisjoint(lowered) or not actors.isdisjoint(_CASED.findall(sentence))


def actor_words(names: Iterable[str]) -> frozenset[str]:
    """Words that show an actor is named: those of capitalised names ("Iran", "IS") as written,
    so that "is" or "said" do not count for "IS" or "Said"; those of lower-case names ("police",
    "officials") as they are. Short words, joining words and pronouns are left out.

    >>> sorted(actor_words(["IS", "Islamic State", "police", "the army"]))
    ['IS', 'Islamic', 'State', 'army', 'police']
    """
    out: set[str] = set()
    for name in names:
        words = _CASED.findall(name) if name != name.lower() else _WORD.findall(name)
        out.update(w for w in words if len(w) > 1 and w.lower() not in _GLUE and w.lower() not in _PRONOUNS)
    return frozenset(out)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def speech_cues(forms: Forms = WordForms(), actors: Iterable[str] = ()) -> tuple[Cue, ...]:
    """Cues for the events the coder finds outside the trigger lexicon: reported speech.

    ``events.speech`` codes "X said Y must/should/has to ..." as REQUEST and "X said Y did not /
    failed to ..." as ACCUSE, on a report verb. So a sentence with a report verb is kept when it
    also holds an obligation, a negation, or a failure verb. The word lists are read from the
    coder's own modules, so the filter follows them when they change.

    Both events need actors on both sides. With ``actors`` (words of the actor lexicon's names)
    a sentence must also name one: "he said he didn't know" is dropped, "he said Iran must
    leave" kept; a sentence whose speaker and addressee are both pronouns is the cost.
    """
    from ..events import modality, speech

    reports = frozenset(f for v in getattr(speech, "REPORT_VERBS", ()) for f in forms(v, "VERB"))
    must = set(getattr(speech, "MUST", ())) | set(getattr(speech, "SHOULD", ()))
    obligation = re.compile(
        rf"\b(?:{_alternation(must)})\b|\b(?:have|has|had|having|need|needs|needed|needing)\s+to\b"
    )
    failing = set(getattr(speech, "FAILURE_LEMMAS", ())) | set(getattr(modality, "NEGATIVE_PREDICATES", ()))
    negators = {w for w in getattr(modality, "NEGATORS", ()) if w.isalpha()} | {"nobody", "none", "nothing"}
    failure_forms = {f for lemma in failing for f in forms(lemma, "VERB")}
    negation = re.compile(rf"\b(?:{_alternation(negators | failure_forms)})\b|n[\'\u2019]t\b")
    needs = frozenset(actors)
    return ((reports, obligation, needs), (reports, negation, needs))


def criticism_cues(forms: Forms = WordForms()) -> tuple[Cue, ...]:
    """A cue for the criticism the coder finds by description, outside the trigger lexicon
    (``events.matching``): "called the ruling 'arbitrary'", "described the jailbreak as
    deplorable", "highlighted the regime's abuses" — a verb that labels or points at something
    with a condemning word of ``data/criticism.json`` in the same sentence. The word lists are
    the coder's own."""
    from ..events import matching

    verbs = set(getattr(matching, "LABEL_VERBS", ())) | set(getattr(matching, "ATTENTION_VERBS", ())) | {"point"}
    heads = frozenset(f for v in verbs for f in forms(v, "VERB"))
    single, phrases = matching.criticism_words()
    condemning = {f for w in single for pos in ("NOUN", "VERB", "ADJ") for f in forms(w, pos)} | set(single)
    condemning |= {w for phrase in phrases for w in phrase}  # a phrase's words: over-keeping is cheap
    return ((heads, re.compile(rf"\b(?:{_alternation(condemning)})\b"), frozenset()),)


# A person spoken of by pronoun, and a sentence that names someone (two capitalised words, perhaps
# with an initial between: "Mary Smith", "John F. Kerry"; "The Senate" counts too, at little cost).
_PERSONAL: Final = re.compile(r"\b(?:he|she|his|her|him)\b", re.IGNORECASE)
_NAME: Final = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+")


def with_antecedents(text: str, spans: Sequence[tuple[int, int]], kept: Sequence[bool]) -> list[bool]:
    """``kept`` (one flag a sentence of ``spans``), also keeping a dropped sentence that names
    someone when the kept sentence after it speaks of a person by pronoun ("..., he said").

    Normal mode reads such a pronoun as the person named just before; with that sentence blanked
    out the event loses its source or target, and often the event itself. On the VOA pool this
    loses 4 fewer events of 680 (9 -> 5) for 3.1% more sentences parsed.

    >>> t = "Rain fell. Mary Smith runs the port. He said rebels attacked it. It was calm."
    >>> with_antecedents(t, split_sentences(t), [False, False, True, False])
    [False, True, True, False]
    >>> t = "The port was calm. He said rebels attacked it."
    >>> with_antecedents(t, split_sentences(t), [False, True])
    [False, True]
    """
    out = list(kept)
    for i in range(1, len(spans)):
        if kept[i] and not kept[i - 1] and _PERSONAL.search(text, spans[i][0], spans[i][1]):
            out[i - 1] = _NAME.search(text, spans[i - 1][0], spans[i - 1][1]) is not None
    return out


def blank_outside(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with every character outside ``spans`` replaced by a space (same length).

    >>> blank_outside("Ab. Cd. Ef.", [(4, 7)])
    '    Cd.    '
    """
    parts: list[str] = []
    pos = 0
    for s, e in spans:
        parts.append(" " * (s - pos))
        parts.append(text[s:e])
        pos = e
    parts.append(" " * (len(text) - pos))
    return "".join(parts)


def tidy(coded: CodedArticle) -> CodedArticle:
    """Drop the blank "sentences" the parser made of blanked runs; renumber and trim the rest."""
    new_index: dict[int, int] = {}
    sentences: list[Span] = []
    for i, s in enumerate(coded.sentences):
        text = s.text.strip()
        if not text:
            continue
        lead = len(s.text) - len(s.text.lstrip())
        new_index[i] = len(sentences)
        sentences.append(Span(text, s.start + lead, s.start + lead + len(text)))
    events = []
    for e in coded.events:
        lead = len(e.sentence) - len(e.sentence.lstrip())
        events.append(replace(e, sentence_index=new_index.get(e.sentence_index, e.sentence_index),
                              sentence=e.sentence.strip(), sentence_start=e.sentence_start + lead))  # fmt: skip
    return replace(coded, events=tuple(events), sentences=tuple(sentences))


class FastCoder:
    """A ``pipeline.Coder`` that parses only the sentences the keyword filter keeps.

    ``names`` adds words (e.g. actor names) whose sentences are kept too; by default only trigger
    forms decide, because a sentence without a trigger cannot hold an event. With
    ``Config(ner=False)`` spaCy's entity recogniser is skipped too, over half of the parse: places
    then come from the gazetteer's capitalised-name matching alone and people from the actor
    lexicon alone (people the lexicon does not know are not found).

    The parse takes ``PARSE_BATCH_FACTOR`` times ``batch_size`` texts a batch (still at most
    ``batch_chars`` characters, blanks included); see its note for why that is 1.
    """

    def __init__(self, config: Config | None = None, keyword_filter: KeywordFilter | None = None,
                 names: Iterable[str] = ()) -> None:  # fmt: skip
        self.config = config or Config()
        self.coder = Coder(replace(self.config, batch_size=self.config.batch_size * PARSE_BATCH_FACTOR,
                                   ner_window=self.config.ner_window or NER_WINDOW))  # fmt: skip
        self._filter = keyword_filter
        self._names = tuple(names)

    @property
    def filter(self) -> KeywordFilter:
        """The keyword filter, built from the coder's trigger lexicon on first use."""
        if self._filter is None:
            self.coder._load()  # the coder's own lexicon and model: loaded once, shared
            forms = WordForms.from_model(self.coder.nlp)
            triggers = KeywordFilter.from_triggers(self.coder.triggers, self._names, forms)
            named = actor_words(n for e in self.coder.actors for n in e.names)
            self._filter = triggers.with_cues(speech_cues(forms, named) + criticism_cues(forms))
            log.info(
                "fast mode: %d keyword forms, %d conditional",
                len(self._filter.words),
                len(self._filter.needs),
            )
        return self._filter

    def code_counted(self, articles: Iterable[Article]) -> Iterator[Coded]:
        """Coded articles with the number of sentences each had before filtering."""
        keep = self.filter
        totals: deque[int] = deque()

        def masked() -> Iterator[tuple[Article, str, list[int]]]:
            for a in articles:
                spans = split_sentences(a.text)
                kept = [keep.keeps(a.text[s:e]) for s, e in spans]
                kept = with_antecedents(a.text, spans, kept)
                totals.append(len(spans))
                # the coder numbers the kept sentences as if the dropped ones were still there
                dropped = [s for (s, _), k in zip(spans, kept, strict=True) if not k]
                yield a, blank_outside(a.text, [sp for sp, k in zip(spans, kept, strict=True) if k]), dropped

        # code_blanked keeps the order, and a long article is coded in windows like in normal mode
        for coded in self.coder.code_blanked(masked()):
            yield Coded(tidy(coded), totals.popleft())

    def code(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Like ``Coder.code``, parsing only the kept sentences."""
        for item in self.code_counted(articles):
            yield item.coded
