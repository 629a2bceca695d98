"""The draft event the coder's passes fill in, and what they read about its sentence.

A ``Draft`` is mutable on purpose: each pass of ``passes.PASSES`` looks at it and may change its
entry (type, CAMEO root), roles or status, recording in ``how`` how it found each role, so a test
(and a user, through ``Event.roles_how``) can see why an event has the actors it has.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..records import Actor, Article, Attribution, Event, Factuality, Place, Quantity, TimeExpr
from .ontology import ontology
from .roles import Roles
from .triggers import Trigger, TriggerLexicon


@dataclass(frozen=True, slots=True)
class Recoded:
    """A trigger entry re-coded from its context (a commitment, a stopped act)."""

    type: str
    cameo: str
    quad_class: int
    goldstein: float
    mode: str
    weight: float
    object: tuple[str, ...] = ("(context)",)  # the object is the act, not the target
    target_prep: tuple[str, ...] = ()  # none of its own: a verb's usual target phrases

    @classmethod
    def of(cls, event_type: str, cameo: str, mode: str, weight: float, **kw: tuple[str, ...]) -> Recoded:
        """The entry for ``event_type`` with CAMEO root ``cameo``, scored by the ontology."""
        c = ontology().coding(event_type, cameo)
        return cls(event_type, c.cameo_root, c.quad_class, c.goldstein, mode, weight, **kw)


Entry = Trigger | Recoded


@dataclass(slots=True)
class ArticleState:
    """What the coder remembers across the sentences of one article."""

    events: list[Event] = field(default_factory=list)
    trigger_lemmas: list[str] = field(default_factory=list)
    last_group: tuple[Actor, ...] = ()
    # the parties named together as a subject since the last plural group ("The EU and Britain
    # condemned the arrest. They called on ..."): what a subject "they" takes up first
    last_joined: tuple[Actor, ...] = ()
    last_it: Actor | None = None
    last_attribution: Attribution | None = None
    # the latest author of each kind of document the article named ("resolution" -> the House)
    authors: dict[str, tuple[Actor, ...]] = field(default_factory=dict)


@dataclass(slots=True)
class SentenceContext:
    """One parsed sentence with what the passes read: actors by token, usable places, the lexicon."""

    article: Article
    sent: SpacySpan
    index: int
    toks: list[Token]
    actor_at: dict[int, Actor]
    # Countries and capitals named as places: they still fill a role a preposition introduces.
    latent_at: dict[int, Actor]
    usable: list[Place]  # the sentence's places that are not actors
    triggers: TriggerLexicon
    lemma_set: frozenset[str]  # every trigger lemma: a cheap pre-filter before matching
    state: ArticleState
    start_char: int  # the sentence's offset in the article and its text (read once: Span properties
    text: str  # build a Token per word on every access)
    # Each token's lower-case lemma, in ``toks`` order: read once, so that a step that needs a word
    # ("say", "analyst") somewhere in the sentence can tell that it is absent without a Token loop.
    lemmas: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)  # coded so far in this sentence
    trigger_at: set[int] = field(default_factory=set)  # token indices of every kept trigger
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    # by a plural pronoun's character offset, the other parties it takes up ("Canada and Mexico
    # ... they"): ``actor_at`` holds the first (``pronouns.resolve_pronouns``)
    pronoun_groups: dict[int, tuple[Actor, ...]] = field(default_factory=dict)
    _root: Token | None = None

    @property
    def root(self) -> Token:
        """The sentence's first ROOT token (its first token when the parse marks none), found once."""
        if self._root is None:
            self._root = next((t for t in self.toks if t.dep_ == "ROOT"), self.toks[0])
        return self._root


@dataclass(slots=True)
class Draft:
    """One event being coded: its trigger token and entry, roles, place and status so far.

    ``how["source"]`` and ``how["target"]`` name the pass or rule that found each role ("subject",
    "object", "prep", "complement", "proposal-author", "domestic", ...); ``roles`` keeps what the
    role finder first read off the parse (its ``source_how`` weighs in the confidence).
    """

    tok: Token
    entry: Entry
    roles: Roles = field(default_factory=lambda: Roles((), ()))
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    how: dict[str, str] = field(default_factory=dict)
    place: Place | None = None
    place_how: str = ""  # "phrase" (in the trigger's phrase), "sentence" (nearest), "" (none)
    # Countries of the source as stated, before any was read off the place.
    stated_countries: set[str] = field(default_factory=set)
    status: Factuality = "asserted"
    dropped: bool = False  # another trigger of the sentence already codes this event

    @property
    def type(self) -> str:
        return self.entry.type

    def recode(self, entry: Entry) -> None:
        self.entry = entry
