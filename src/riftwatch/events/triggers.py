"""The event trigger lexicon: which word (with which particle and object) signals which PLOVER event.

The shipped lexicon is ``riftwatch/data/triggers.jsonl``, one JSON object a line, written from the
public PLOVER and CAMEO definitions. Users overlay their own JSONL files with the same fields; an
entry with the same key ``(lemma, pos, particle, object)`` replaces ours, and for an object lemma
named by both, the later file wins. An entry with ``"weight": 0`` switches a key off (or, with an object list, vetoes those objects).

Fields of a line (only ``lemma``, ``pos`` and ``type`` are required)::

    lemma        head lemma, lower case; a multiword lemma ("air strike") is a compound + head
    pos          "VERB", "NOUN" or "ADJ"; an adjective triggers only as a predicate with one of
                 its ``target_prep`` phrases ("is deeply concerned about", "critical of")
    particle     phrasal particle or governing preposition: "pull"+"out", "call"+"for"
    object       the entry applies only when the object's head lemma is listed (verbs: direct
                 object, or the prepositional object when there is none; nouns: the "of" object)
    not_object   the entry does not apply when the object's head lemma is listed ("release a report")
    mutual       the act is reciprocal whatever its type ("clash", "skirmish", "exchange fire"):
                 its parties are each other's source and target (``passes.joint_parties``)
    moves_forces a verb of moving forces ("deploy", "dispatch", "amass") with no object list: with a
                 direct object it applies only where that object names an actor ("dispatched
                 coffins", "amassed followers" send no forces; the object lists come first)
    intransitive the entry applies only to a verb with no direct object and no complement clause:
                 "protesters demonstrated", not "demonstrated a disregard for ..." (what a verb
                 means with any object is another word's sense, not a list of objects to veto)
    mandative    a verb that demands only when its clause says what is to be done: "insisted that
                 Kenya withdraw its envoy" (or "should withdraw") demands, "insisted that Kenya had
                 not handed him over" claims something is so, and is no event of the entry's type
    type         PLOVER type (older names such as DEMAND are accepted and normalised)
    cameo        CAMEO code as a string, "10" or "1041"; its root must fit the type
    mode         one of the type's modes in ontology.json
    reverse      the grammatical subject is the TARGET; the source is in ``source_prep``
                 (or, for verbs such as "anger" with no source preposition, the direct object)
    intent       a promise or offer ("pledge aid"): code the type with the future flag
    parties      a generic word ("help", "protect", "invest") that names an act only between two
                 parties the text names: no event unless the source and a target of another
                 country are found in the trigger's own clause or phrase
    source_prep  prepositions that introduce the source
    target_prep  prepositions that introduce the target (empty: the stage's defaults)
    weight       0-1, how reliably the word signals the event (default 1)
    note         free text

How intent is treated: "offer", "promise", "pledge" and "vow" code the type of what is promised
(AID for "pledge aid", CONSULT for "offer talks", THREATEN for "vow revenge") with a CAMEO 03x
code and ``intent=True``; with no codable object they stay a weak AGREE 030. When the promise
governs a verb ("promised to withdraw"), the coder should code that verb with the future flag.

>>> lex = TriggerLexicon.load()
>>> lex.match("halt", "VERB", None, "airstrike").type
'RETREAT'
"""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

from ..errors import LexiconError
from .ontology import ontology

log = logging.getLogger(__name__)

SHIPPED = "data/triggers.jsonl"
POS_TAGS = frozenset({"VERB", "NOUN", "ADJ"})
# CAMEO roots a PLOVER type may carry. Intent statements (03x) may name any cooperative type;
# apologising and forgiving are CAMEO 05x; blockades are CAMEO 191 but PLOVER COERCE.
ALLOWED_ROOTS: Mapping[str, frozenset[str]] = MappingProxyType({
    "AGREE": frozenset({"03", "05", "08"}),
    "CONSULT": frozenset({"04", "03"}),
    "SUPPORT": frozenset({"05", "03", "01"}),  # 018: condolences, sympathy
    "CONCEDE": frozenset({"08", "05", "03"}),
    "COOPERATE": frozenset({"06", "03"}),
    "AID": frozenset({"07", "03"}),
    "RETREAT": frozenset({"08", "03"}),
    "REQUEST": frozenset({"02", "10"}),
    "ACCUSE": frozenset({"11", "09"}),
    "REJECT": frozenset({"12"}),
    "THREATEN": frozenset({"13"}),
    "PROTEST": frozenset({"14"}),
    "SANCTION": frozenset({"16"}),
    "MOBILIZE": frozenset({"15"}),
    "COERCE": frozenset({"17", "19", "20"}),
    "ASSAULT": frozenset({"18", "19", "20"}),
})  # fmt: skip
# A mode that the converted type does not have, said in that type's own modes.
_MODE_AFTER_CONVERSION: Final = {("RETREAT", "policy"): "ease", ("RETREAT", ""): ""}
FIELDS = frozenset({"lemma", "pos", "particle", "object", "not_object", "intransitive", "mandative", "moves_forces", "mutual", "type", "cameo", "mode", "reverse",
                    "intent", "parties", "needs_participant", "source_prep", "target_prep", "weight", "note"})  # fmt: skip
_CAMEO = re.compile(r"\d{2,4}")
_SPACES = re.compile(r"\s+")

Key = tuple[str, str, str | None, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry, validated against the ontology, with its QuadClass and Goldstein score."""

    lemma: str
    pos: str
    type: str
    cameo: str
    quad_class: int
    goldstein: float
    mode: str = ""
    particle: str | None = None
    object: tuple[str, ...] = ()
    not_object: tuple[str, ...] = ()
    intransitive: bool = False
    mandative: bool = False
    moves_forces: bool = False
    mutual: bool = False
    reverse: bool = False
    intent: bool = False
    parties: bool = False
    source_prep: tuple[str, ...] = ()
    target_prep: tuple[str, ...] = ()
    weight: float = 1.0
    note: str = ""
    origin: str = field(default="", compare=False)  # "file:line", for messages
    # A noun of a state of affairs ("violence", "unrest") names an act only with a participant in
    # its phrase or clause, whatever its type's behaviour (events.matching.generic_mention).
    needs_participant: bool = False

    @property
    def cameo_root(self) -> str:
        """The two-digit CAMEO root ("1041" → "10")."""
        return self.cameo[:2]

    @property
    def key(self) -> Key:
        """What a user entry must repeat to replace this one."""
        return (self.lemma, self.pos, self.particle, tuple(sorted(self.object)))


def _norm(word: str) -> str:
    return _SPACES.sub(" ", word.strip().lower())


def _words(value: Any, name: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"{where}: {name!r} must be a non-empty list of non-empty strings, got {value!r}")
    return tuple(dict.fromkeys(_norm(v) for v in value))


def _preps(value: Any, name: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"{where}: {name!r} must be a list of prepositions, got {value!r}")
    return tuple(dict.fromkeys(_norm(v) for v in value))


def _text(raw: Mapping[str, Any], name: str, where: str) -> str:
    value = raw[name]
    if not isinstance(value, str) or not value.strip():
        raise LexiconError(f"{where}: {name!r} must be a non-empty string, got {value!r}")
    return value


def _flag(raw: Mapping[str, Any], name: str, where: str) -> bool:
    value = raw.get(name, False)
    if not isinstance(value, bool):
        raise LexiconError(f"{where}: {name!r} must be true or false, got {value!r}")
    return value


def parse_entry(raw: Any, where: str) -> Trigger:
    """Validate one decoded JSON line; ``where`` ("file:line") prefixes every error.

    >>> parse_entry({"lemma": "Visit", "pos": "verb", "type": "CONSULT", "mode": "visit"}, "x:1").cameo
    '04'
    """
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: expected a JSON object, got {type(raw).__name__}")
    unknown = sorted(set(raw) - FIELDS)
    if unknown:
        raise LexiconError(f"{where}: unknown field(s) {', '.join(unknown)}; allowed: {', '.join(sorted(FIELDS))}")
    for name in ("lemma", "pos", "type"):
        if name not in raw:
            raise LexiconError(f"{where}: missing required field {name!r}")
    lemma = _norm(_text(raw, "lemma", where))
    pos = _text(raw, "pos", where).strip().upper()
    if pos not in POS_TAGS:
        raise LexiconError(f"{where}: pos must be VERB, NOUN or ADJ, got {raw['pos']!r}")
    onto = ontology()
    try:
        event_type = onto.normalise(_text(raw, "type", where))
    except KeyError:
        raise LexiconError(f"{where}: unknown PLOVER type {raw['type']!r}") from None
    cameo = raw.get("cameo", onto.types[event_type]["cameo_root"])
    if not isinstance(cameo, str) or not _CAMEO.fullmatch(cameo):
        raise LexiconError(f"{where}: cameo must be a string of 2-4 digits such as \"10\" or \"1041\", got {cameo!r}")
    if cameo[:2] not in onto.roots:
        raise LexiconError(f"{where}: cameo {cameo!r} has no CAMEO root {cameo[:2]!r}")
    if cameo[:2] not in ALLOWED_ROOTS[event_type]:
        allowed = ", ".join(sorted(ALLOWED_ROOTS[event_type]))
        raise LexiconError(f"{where}: cameo {cameo!r} (root {cameo[:2]}) does not fit {event_type} (roots {allowed})")
    mode = ""
    if raw.get("mode") is not None:
        mode = _text(raw, "mode", where).strip().lower()
        if mode not in onto.modes(event_type):
            allowed = ", ".join(onto.modes(event_type)) or "none"
            raise LexiconError(f"{where}: mode {mode!r} is not a mode of {event_type} (modes: {allowed})")
    particle = _norm(_text(raw, "particle", where)) if raw.get("particle") is not None else None
    if pos == "ADJ" and (particle is not None or "object" in raw or not raw.get("target_prep")):
        raise LexiconError(f"{where}: an ADJ entry needs target_prep (the phrase that names whom the state is about) and takes no particle or object")
    objects = _words(raw["object"], "object", where) if "object" in raw else ()
    not_objects = _words(raw["not_object"], "not_object", where) if "not_object" in raw else ()
    if objects and not_objects:
        raise LexiconError(f"{where}: an entry takes 'object' or 'not_object', not both")
    intransitive = _flag(raw, "intransitive", where)
    if intransitive and (objects or pos != "VERB"):
        raise LexiconError(f"{where}: 'intransitive' is for a VERB entry without an object list")
    mandative = _flag(raw, "mandative", where)
    if mandative and pos != "VERB":
        raise LexiconError(f"{where}: 'mandative' is for a VERB entry")
    moves_forces = _flag(raw, "moves_forces", where)
    if moves_forces and (objects or pos != "VERB"):
        raise LexiconError(f"{where}: 'moves_forces' is for a VERB entry without an object list")
    weight = raw.get("weight", 1.0)
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0.0 <= weight <= 1.0:
        raise LexiconError(f"{where}: weight must be a number from 0 to 1, got {weight!r}")
    note = raw.get("note", "")
    if not isinstance(note, str):
        raise LexiconError(f"{where}: note must be a string, got {note!r}")
    # The CAMEO code decides the PLOVER type where the published conversion says so: "offer troops"
    # (0332) is an intent, AGREE; "free prisoners" (0841) RETREAT; "apologise" (055) SUPPORT.
    converted = onto.plover_type(cameo)
    if converted and converted != event_type:
        event_type = converted
        mode = mode if mode in onto.modes(event_type) else _MODE_AFTER_CONVERSION.get((event_type, mode), "")
    coding = onto.coding(event_type, cameo)
    return Trigger(
        lemma=lemma, pos=pos, type=event_type, cameo=cameo, quad_class=coding.quad_class,
        goldstein=coding.goldstein, mode=mode, particle=particle, object=objects, not_object=not_objects,
        intransitive=intransitive, mandative=mandative, moves_forces=moves_forces, mutual=_flag(raw, "mutual", where), reverse=_flag(raw, "reverse", where), intent=_flag(raw, "intent", where), parties=_flag(raw, "parties", where),
        source_prep=_preps(raw.get("source_prep", []), "source_prep", where),
        target_prep=_preps(raw.get("target_prep", []), "target_prep", where),
        weight=float(weight), note=note, origin=where,
        needs_participant=_flag(raw, "needs_participant", where),
    )  # fmt: skip


def parse_lines(lines: Iterable[str], name: str) -> list[Trigger]:
    """Parse the lines of one JSONL file called ``name``; blank lines are skipped.

    Two entries with the same key, or object lists that overlap under the same lemma, pos and
    particle, are errors: within one file the lexicon must say one thing.
    """
    out: list[Trigger] = []
    seen: dict[Key, str] = {}
    claimed: dict[tuple[str, str, str | None, str], str] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise LexiconError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
        trig = parse_entry(raw, where)
        if trig.key in seen:
            raise LexiconError(f"{where}: duplicate entry, same lemma/pos/particle/object as {seen[trig.key]}")
        seen[trig.key] = where
        for obj in trig.object:
            slot = (trig.lemma, trig.pos, trig.particle, obj)
            if slot in claimed:
                raise LexiconError(f"{where}: object {obj!r} of {trig.lemma!r} is already listed at {claimed[slot]}")
            claimed[slot] = where
        out.append(trig)
    return out


@dataclass(frozen=True, slots=True)
class _Group:
    """The entries of one (lemma, pos, particle): per object lemma, and the unconstrained one."""

    by_object: Mapping[str, Trigger]
    bare: Trigger | None

    def vetoes(self, objects: tuple[str, ...]) -> bool:
        """Whether an entry of weight 0 names one of ``objects`` (the first that has an entry)."""
        for form in objects:
            hit = self.by_object.get(form)
            if hit is not None:
                return hit.weight <= 0.0
        return False

    def pick(self, objects: tuple[str, ...]) -> Trigger | None:
        """``objects``: the object lemma's forms, most specific first ("air strike", "strike")."""
        for form in objects:
            hit = self.by_object.get(form)
            if hit is not None:
                return hit if hit.weight > 0.0 else None  # weight 0: the user vetoed this object
        bare = self.bare
        if bare is None or bare.weight <= 0.0 or any(form in bare.not_object for form in objects):
            return None
        return bare


def shipped_triggers_parsed() -> list[Trigger]:
    """The shipped file's entries, parsed and checked (``compiled_triggers`` caches them)."""
    text = resources.files("riftwatch").joinpath(SHIPPED).read_text("utf-8")
    return parse_lines(text.splitlines(), f"riftwatch/{SHIPPED}")


class TriggerLexicon:
    """Look up triggers by lemma, part of speech, particle and object lemma.

    Build it with :meth:`load` (the shipped file plus user overlays) or :func:`default_triggers`.
    """

    __slots__ = ("_by_lemma", "_entries", "_groups", "_lemmas", "_particles")

    def __init__(self, entries: Iterable[Trigger]) -> None:
        """Index ``entries``; a later entry replaces an earlier one with the same key and takes over
        any object lemma they share. Entries with weight 0 switch a key off or veto their objects."""
        merged: dict[Key, Trigger] = {}
        for trig in entries:
            merged.pop(trig.key, None)  # re-inserting keeps layer order: later layers win below
            merged[trig.key] = trig
        live = [t for t in merged.values() if t.weight > 0.0]
        objects: dict[tuple[str, str, str | None], dict[str, Trigger]] = {}
        bare: dict[tuple[str, str, str | None], Trigger] = {}
        for trig in merged.values():  # weight-0 entries stay in the index as vetoes
            gkey = (trig.lemma, trig.pos, trig.particle)
            if trig.object:
                slots = objects.setdefault(gkey, {})
                for obj in trig.object:
                    slots[obj] = trig
            else:
                bare[gkey] = trig
        groups = {
            g: _Group(MappingProxyType(objects.get(g, {})), bare.get(g)) for g in set(objects) | set(bare)
        }
        by_lemma: dict[tuple[str, str], list[Trigger]] = {}
        particles: dict[tuple[str, str], set[str]] = {}
        for trig in live:
            by_lemma.setdefault((trig.lemma, trig.pos), []).append(trig)
            if trig.particle:
                particles.setdefault((trig.lemma, trig.pos), set()).add(trig.particle)
        for found in by_lemma.values():
            # Most specific first: object-constrained, then particle, then bare.
            found.sort(key=lambda t: (not t.object, t.particle is None))
        self._entries: tuple[Trigger, ...] = tuple(live)
        self._groups: Mapping[tuple[str, str, str | None], _Group] = MappingProxyType(groups)
        self._by_lemma = MappingProxyType({k: tuple(v) for k, v in by_lemma.items()})
        self._particles = MappingProxyType({k: frozenset(v) for k, v in particles.items()})
        heads = {t.lemma for t in live} | {t.lemma.rsplit(" ", 1)[-1] for t in live}
        self._lemmas = frozenset(heads)

    @classmethod
    def load(cls, extra: Sequence[Path | str] = ()) -> TriggerLexicon:
        """The shipped lexicon overlaid, in order, by the user JSONL files in ``extra``.

        Raises LexiconError naming file and line for a malformed entry, and naming the file when
        it cannot be read.
        """
        from .compiled_triggers import shipped_triggers

        entries = shipped_triggers()
        for path in extra:
            path = Path(path)
            try:
                user = path.read_text("utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise LexiconError(f"{path}: cannot read trigger file ({exc})") from None
            layer = parse_lines(user.splitlines(), str(path))
            log.info("trigger overlay %s: %d entries", path, len(layer))
            entries.extend(layer)
        return cls(entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Trigger]:
        return iter(self._entries)

    def candidates(self, lemma: str, pos: str) -> list[Trigger]:
        """Every entry for ``lemma`` as ``pos`` ("PROPN" counts as NOUN), object-constrained first.

        >>> TriggerLexicon.load().candidates("pull", "VERB")[0].particle
        'out'
        """
        return list(self._by_lemma.get((_norm(lemma), _pos(pos)), ()))

    def match(self, lemma: str, pos: str, particle: str | None = None,
              object_lemma: str | None = None) -> Trigger | None:  # fmt: skip
        """The most specific entry that applies, or None.

        Order: particle and object both match; particle matches (entry without an object list);
        no particle, object matches; the bare entry. A multiword object ("embassy diplomat") not
        listed as such is looked up by its head word ("diplomat") before the bare entry. A
        particle with no entry of its own falls back to the entries without one, so a mere
        preposition does not hide the verb (but not past a weight-0 entry of the particle vetoing
        the object: "set off fires" is not "set fire"). An entry with an object list never applies without
        a matching object, and ``not_object`` vetoes the entries without one.

        >>> TriggerLexicon.load().match("send", "VERB", None, "troop").type
        'MOBILIZE'
        """
        lemma, pos = _norm(lemma), _pos(pos)
        objects: tuple[str, ...] = ()
        if object_lemma:
            obj = _norm(object_lemma)
            # "expelled embassy diplomats": an unlisted compound falls back to its head word,
            # unless it is an event of its own ("a prisoners' hunger strike" is no military strike).
            objects = (obj, obj.rsplit(" ", 1)[1]) if " " in obj and not self.names_other_event(obj) else (obj,)
        if particle:
            group = self._groups.get((lemma, pos, _norm(particle)))
            if group is not None:
                hit = group.pick(objects)
                if hit is not None:
                    return hit
                if group.vetoes(objects):
                    return None  # "set off fires": the particle's veto is no fallback to "set fire"
        group = self._groups.get((lemma, pos, None))
        return group.pick(objects) if group is not None else None

    def names_other_event(self, compound: str) -> bool:
        """A multiword noun that is an event of another type than its head word alone: "hunger
        strike" (PROTEST) is no "strike" (ASSAULT); "artillery strike" is one.

        >>> lex = TriggerLexicon.load()
        >>> lex.names_other_event("hunger strike"), lex.names_other_event("artillery strike")
        (True, False)
        """
        if " " not in compound or compound not in self._lemmas:
            return False
        whole = self.match(compound, "NOUN")
        head = self.match(compound.rsplit(" ", 1)[1], "NOUN")
        return whole is not None and (head is None or head.type != whole.type)

    def particles(self, lemma: str, pos: str) -> frozenset[str]:
        """Particles/prepositions that have entries of their own for this lemma ("call" → for, on...)."""
        return self._particles.get((_norm(lemma), _pos(pos)), frozenset())

    def lemmas(self) -> frozenset[str]:
        """Every lemma that can start a match, plus the head word of each multiword lemma, for a
        cheap keyword pre-filter over token lemmas."""
        return self._lemmas


def _pos(pos: str) -> str:
    upper = pos.strip().upper()
    return "NOUN" if upper == "PROPN" else upper


@functools.cache
def default_triggers() -> TriggerLexicon:
    """The shipped lexicon without overlays, loaded once per process."""
    return TriggerLexicon.load()
