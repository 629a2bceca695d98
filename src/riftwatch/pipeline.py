"""The coding pipeline: articles in, coded articles (events with evidence) out.

One ``Coder`` loads everything heavy once (spaCy model, lexicons, gazetteer) and streams
articles through ``nlp.pipe`` in batches.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from spacy.attrs import IDX, IS_SPACE  # type: ignore[import-not-found]
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .actors.audience import without_audience
from .actors.locative import actor_index, split_locative
from .actors.recognise import ArticleContext, find_actors
from .actors.refine import refine_sectors
from .events.coder import ArticleState, code_sentence, sentence_context
from .events.conventions import state_by_name
from .events.dating import date_events, filed_day, lead_sentences
from .events.draft import SentenceContext
from .events.learned import apply as apply_models
from .events.learned import shipped_models
from .events.location import locate
from .events.oneact import without_headline_repeats
from .geo.mentions import LEAD_TOKENS, lead_dateline, lead_start
from .geo.mentions import sentences as doc_sentences
from .geo.resolve import find_demonym_places, find_places
from .geo.sites import find_site_places
from .records import Actor, Article, CodedArticle, Event, Place, Span
from .windows import BATCH_CHARS, WINDOW_CHARS, char_batches, merge_windows, windows

log = logging.getLogger(__name__)

T = TypeVar("T")

MAX_WINDOW_CHARS = 1_000_000
"""spaCy's ``nlp.max_length``: no window may be longer."""


@dataclass(frozen=True, slots=True)
class Config:
    """Everything a run can be told; the CLI builds one from its options."""

    actor_files: tuple[Path, ...] = ()
    trigger_files: tuple[Path, ...] = ()
    batch_size: int = 32
    n_process: int = 1
    min_confidence: float = 0.0
    # False skips spaCy's entity recogniser (over half of the parse on news: about 3 of 5 CPU s on the
    # VOA pool, 2026-12-05): places then come from the
    # gazetteer's capitalised-name matching alone, people from the actor lexicon alone.
    ner: bool = True
    # With a number, the entity recogniser reads only the words within that many words of a
    # capitalised or numeric word (``parse.entity_text``); 0 reads the whole text. Fast mode sets it.
    ner_window: int = 0
    # False keeps the rule coder's events as they are: no learned roles, no learned event filter
    # (events/learned.py); the training script codes this way to see the rules' proposals.
    learned: bool = True
    # True keeps acts told as possible only ("could strike", "would retaliate if ..."), coded with
    # factuality "hypothetical"; by default the learned checks leave them out (events/learned.keep)
    hypothetical: bool = False
    extra: dict[str, str] = field(default_factory=dict)  # settings for custom coders (CoderSpec factories)
    # Memory bounds (see windows.py): longer articles are coded in windows of at most
    # ``window_chars``; a parse batch holds at most ``batch_chars`` characters.
    window_chars: int = WINDOW_CHARS
    batch_chars: int = BATCH_CHARS

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ValueError(f"batch size must be at least 1, not {self.batch_size}")
        if not 2 <= self.window_chars <= MAX_WINDOW_CHARS:
            raise ValueError(f"window size must be 2 to {MAX_WINDOW_CHARS:,} characters, not {self.window_chars}")
        if self.batch_chars < 1:
            raise ValueError(f"batch characters must be at least 1, not {self.batch_chars}")


@dataclass(slots=True)
class DraftArticle:
    """What the rule coder found in an article, before the learned checks."""

    events: list[Event]
    actors: list[Actor]
    places: list[Place]
    sentences: list[Span]
    actor_at: dict[int, Actor]
    latent_at: dict[int, Actor]
    # the number the coder read for each sentence of the Doc: its position, or in fast mode the one
    # it would have with the blanked-out sentences there (``sentence_numbers``)
    numbers: list[int] = field(default_factory=list)


class Coder:
    """Codes articles into events. Heavy resources load on first use, once."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self._loaded = False
        self._window_start = 0  # offset of the window ``code_doc`` is coding in its article

    def _load(self) -> None:
        if self._loaded:
            return
        from .actors.lexicon import Lexicon
        from .events.triggers import TriggerLexicon
        from .geo.gazetteer import Gazetteer
        from .parse import load_nlp

        self.nlp = load_nlp()
        self.actors = Lexicon.load(self.config.actor_files)
        self.triggers = TriggerLexicon.load(self.config.trigger_files)
        self.gazetteer = Gazetteer.load()
        self.gazetteer.first_words  # noqa: B018 - built now, not inside the first article
        self.models = shipped_models() if self.config.learned else None
        if self.models is not None and self.config.hypothetical:
            self.models = replace(self.models, hypothetical=True)
        self._loaded = True

    def code(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Parse in bounded batches and code each article; order is kept."""
        return self.code_texts((a, a.text) for a in articles)

    def code_texts(self, items: Iterable[tuple[Article, str]]) -> Iterator[CodedArticle]:
        """Code each article from ``text``, what is parsed: its own text, or a copy of the same
        length with parts blanked out (fast mode, see ``code_blanked``). Articles over
        ``window_chars`` are parsed and coded window by window (``windows.py``), their spans moved
        back into the whole text."""
        return self.code_blanked((article, text, ()) for article, text in items)

    def code_blanked(self, items: Iterable[tuple[Article, str, Sequence[int]]]) -> Iterator[CodedArticle]:
        """Like ``code_texts``, each text given with the sorted start offsets of the sentences
        blanked out of it (fast mode): the coder numbers the sentences it parses as if those were
        there (see ``sentence_numbers``)."""
        self._load()
        size = self.config.window_chars

        def pieces() -> Iterator[tuple[str, tuple[Article, int, int, bool, Sequence[int]]]]:
            for article, text, skipped in items:
                spans = windows(text, size)
                for i, (start, end) in enumerate(spans):
                    inside = skipped[bisect.bisect_left(skipped, start) : bisect.bisect_left(skipped, end)]
                    yield text[start:end], (article, start, end, i == len(spans) - 1, [x - start for x in inside])

        parts: list[tuple[int, CodedArticle]] = []
        for doc, (article, start, end, last, skipped) in self._parse(pieces()):
            whole = start == 0 and end == len(article.text)
            piece = article if whole else replace(article, text=article.text[start:end])
            self._window_start = start  # only the first window holds the article's lead (``date_events``)
            # normal mode calls code_doc(article, doc), as subclasses and custom coders define it
            parts.append((start, self.code_doc(piece, doc, skipped) if skipped else self.code_doc(piece, doc)))
            if last:
                yield merge_windows(parts, article)
                parts = []

    def _parse(self, pieces: Iterable[tuple[str, T]]) -> Iterator[tuple[Doc, T]]:
        """(Doc, context) per (text, context), in batches of at most ``batch_size`` texts and
        ``batch_chars`` characters (spaCy's own ``n_process`` workers: ``batch_size`` texts)."""
        c = self.config
        if c.n_process > 1:
            yield from self.nlp.pipe(pieces, as_tuples=True, batch_size=c.batch_size, n_process=c.n_process,
                                     disable=self.disabled)  # fmt: skip
            return
        windowed = c.ner and c.ner_window > 0
        if windowed:
            from .parse import entity_text
        for batch in char_batches(pieces, c.batch_size, c.batch_chars):
            if not windowed:
                yield from self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch), disable=self.disabled)
                continue
            docs = list(self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch), disable=("ner",)))
            names = self.nlp.pipe([entity_text(t, c.ner_window) for t, _ in batch], batch_size=len(batch),
                                  disable=self._all_but_ner)  # fmt: skip
            for (doc, ctx), found in zip(docs, names, strict=True):
                doc.set_ents([span for e in found.ents
                              if (span := doc.char_span(e.start_char, e.end_char, label=e.label_)) is not None])  # fmt: skip
                yield doc, ctx

    @property
    def _all_but_ner(self) -> tuple[str, ...]:
        return tuple(name for name in self.nlp.pipe_names if name != "ner")

    @property
    def disabled(self) -> tuple[str, ...]:
        """Pipeline components this configuration skips."""
        return () if self.config.ner else ("ner",)

    def _read(self, article: Article, doc: Doc) -> tuple[list[Place], list[Actor], dict[int, Actor], dict[int, Actor]]:
        """Places, actors, actors by token, and countries named as places by token."""
        places = find_places(doc, self.gazetteer, text=article.text)
        found = find_actors(doc, self.actors, article.published, context=ArticleContext(), places=places)
        # an organisation's name is no town, whatever town bears it ("Hamas" is no Hamm); a union
        # of states is a place too ("travel within the EU")
        # (nor a town inside one: "Fano militia fighters" are no Fano, Italy)
        named = [(a.start, a.end) for a in found if a.org or a.person]  # "Maria Corina Machado" is no Machado, Brazil
        places = [p for p in places if p.precision != "city" or not any(a <= p.start < b for a, b in named)]
        # nor a word of a sector's own name: "Coast Guard officers" are in no Coast region
        places = [p for p in places if p.precision == "country" or not any(
            a.start <= p.start and p.end <= a.end and self._in_sector_name(a, p) for a in found)]
        actors, latent = split_locative(doc, without_audience(doc, refine_sectors(doc, found)), places, self.actors)
        return list(places), list(actors), actor_index(doc, actors), actor_index(doc, latent)

    def _in_sector_name(self, actor: Actor, place: Place) -> bool:
        """The place's words open a sector's name of several words inside the actor's words
        ("Coast" of "Coast Guard officers")."""
        words = actor.text[place.start - actor.start :].split()
        return any(any(e.kind == "sector_noun" for e in self.actors.lookup(" ".join(words[:k]))) for k in range(2, min(4, len(words)) + 1))

    def sentence_contexts(self, article: Article) -> list[SentenceContext]:
        """What the coder's passes read about each sentence of ``article``, nothing coded: to run
        or test one pass alone (``events.passes``). Pronouns refer within a sentence only."""
        self._load()
        doc = self.nlp(article.text, disable=self.disabled)
        places, _, actor_at, latent_at = self._read(article, doc)
        state = ArticleState()
        return [sentence_context(article, sent, i, actor_at, places, self.triggers, state, latent_at)
                for i, sent in enumerate(doc_sentences(doc))]  # fmt: skip

    def code_doc(self, article: Article, doc: Doc, skipped: Sequence[int] = ()) -> CodedArticle:
        """Code one parsed article: the rule coder's passes, then the learned checks.

        ``skipped``: start offsets of sentences blanked out of ``doc``'s text (fast mode). The
        passes and the learned checks read sentence numbers as the whole text would have them
        (``sentence_numbers``); the events returned are numbered by the sentences of ``doc``."""
        # a dateline's date before publication is the day the story counts its days from
        filed = filed_day(article, doc) if self._window_start == 0 else None
        told = article if filed is None else replace(article, published=filed)
        draft = self.draft_doc(told, doc, skipped)
        events = draft.events
        if self.models is not None:
            events = apply_models(doc, events, draft.actor_at, draft.latent_at, self.models)
        events = state_by_name(events)
        # where each event happened is decided last, over the final events: the coder's passes and
        # the learned checks read the place they were built with (events.passes.event_place)
        sites = find_site_places(doc, draft.places)
        events = locate(told, doc, events, sorted((*draft.places, *sites), key=lambda p: p.start), draft.actors)
        renumbered = bool(skipped) or draft.numbers != list(range(len(draft.numbers)))
        if self._window_start == 0:  # and when: the lead's day for undated news (a later window has no lead)
            events = date_events(told, doc, events, lead_sentences(doc, draft.numbers if renumbered else None))
        if self._window_start == 0:  # a headline kept in the text tells again what its lead tells
            events = without_headline_repeats(events, lead_start(doc[:LEAD_TOKENS].text))
        kept = tuple(e for e in events if e.confidence >= self.config.min_confidence)
        if renumbered:  # events numbered by the sentences of the Doc, like ``sentences``
            position = {n: i for i, n in enumerate(draft.numbers) if n >= 0}
            kept = tuple(replace(e, sentence_index=position.get(e.sentence_index, e.sentence_index)) for e in kept)
        # the article's place list also holds the countries its demonyms name ("Sudanese" -> Sudan);
        # the coder reads those words as actors, never as where something happened
        named = find_demonym_places(doc, self.gazetteer, draft.places)
        places = sorted((*draft.places, *named, *sites), key=lambda p: p.start)
        return CodedArticle(article, kept, tuple(draft.actors), tuple(places), tuple(draft.sentences))

    def draft_doc(self, article: Article, doc: Doc, skipped: Sequence[int] = ()) -> DraftArticle:
        """The rule coder's events of one parsed article, with the actor maps they were coded from;
        sentences numbered by ``sentence_numbers`` where ``skipped`` names blanked-out sentences."""
        self._load()
        from .parse import retag_opening_nouns  # (loaded with the model by ``_load``)

        # (a headline on its own line may have made the lead's first noun a name: "Talks ...")
        retag_opening_nouns(doc, lambda lemma: bool(self.triggers.candidates(lemma, "NOUN")))
        places, actors, actor_at, latent_at = self._read(article, doc)
        state = ArticleState()
        events = []
        sentences = []
        sents = doc_sentences(doc)
        numbers = sentence_numbers(doc, sents, skipped) if skipped else list(range(len(sents)))
        numbers = without_dateline(doc, sents, numbers)
        for number, sent in zip(numbers, sents, strict=True):
            index = max(number, 0)  # a sentence of blanks holds no event
            ctx = sentence_context(article, sent, index, actor_at, places, self.triggers, state, latent_at)
            sentences.append(Span(ctx.text, ctx.start_char, ctx.start_char + len(ctx.text)))
            events.extend(code_sentence(ctx))
        return DraftArticle(events, actors, places, sentences, actor_at, latent_at, numbers)


def without_dateline(doc: Doc, sents: Sequence[SpacySpan], numbers: list[int]) -> list[int]:
    """``numbers`` with a dateline read as a sentence of its own (``parse``: "KABUL —") numbered
    -1 and the sentences after it one less: the lead is the first sentence, as in a story filed
    without one (the learned event check reads an event's sentence number)."""
    lo, hi = lead_dateline(doc)
    if not hi or not any(lo <= s.start_char and s.end_char <= hi for s in sents[:3]):
        return numbers
    for k, (sent, n) in enumerate(zip(sents, numbers, strict=True)):
        if n >= 0 and lo <= sent.start_char and sent.end_char <= hi:
            return [-1 if j == k else m - 1 if m > n else m for j, m in enumerate(numbers)]
        if sent.start_char >= hi:
            break
    return numbers


def sentence_numbers(doc: Doc, sents: Sequence[SpacySpan], skipped: Sequence[int]) -> list[int]:
    """The number each of ``sents``, the sentences of ``doc``, would have in the text before the sentences starting
    at the sorted offsets ``skipped`` were blanked out of it: the sentences of ``doc`` before it
    that hold a word, plus the blanked ones that start before its first word. A sentence of
    blanks only is -1.

    Fast mode parses a copy of an article with the sentences that cannot hold an event blanked
    out; the coder's passes (how far back a pronoun may refer, where a venue still holds) and the
    learned event check (an event's sentence number) then read the same numbers as in normal mode.
    """
    tokens = doc.to_array([IS_SPACE, IDX]).tolist()  # (is space, start offset) a token
    out: list[int] = []
    words = 0
    for sent in sents:
        # where its first word starts: a run of blanks before it may belong to the sentence
        first = next((idx for space, idx in tokens[sent.start : sent.end] if not space), None)
        if first is None:
            out.append(-1)
            continue
        out.append(words + bisect.bisect_left(skipped, first))
        words += 1
    return out
