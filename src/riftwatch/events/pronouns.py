"""Pronouns pointed at the actors they stand for: "they", "their", "it", "its", and "we", "I" in
the words of a speaker the sentence names ("'We urge Kabul to act,' the ministry said").

("he"/"she" are resolved with the actors, by name and gender; see ``actors.recognise``.)
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..actors.lexicon import moved
from ..geo.mentions import doc_words, sentence_bounds
from ..records import Actor
from .modality import SPEECH_VERBS
from .roles import OBJECT_CONTROL, VESSELS, actors_under

PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs"})
SINGULAR_PRONOUNS = frozenset({"it", "its"})
FIRST_PERSON = frozenset({"we", "us", "our", "ours", "i", "me", "my"})


def plural_group(sent: Sequence[Token], actor_at: dict[int, Actor]) -> tuple[Actor, ...]:
    """Actors of the last plural noun phrase in a sentence ("the Iranian and pro-Iranian soldiers")."""
    group: tuple[Actor, ...] = ()
    if not any(t.i in actor_at for t in sent):
        return group  # a group is made of the sentence's own actors: cheap to rule out
    for tok in sent:
        if tok.tag_ in {"NNS", "NNPS"} and (
            tok.i in actor_at or any(c.i in actor_at for c in tok.children if c.dep_ in {"amod", "compound", "conj"})
        ):
            # (not whose they are: "our officers" are not the speaker)
            found = [actor_at[t.i] for t in tok.subtree if t.i in actor_at and t.lower_ not in ("our", "my")]
            uniq = tuple(dict.fromkeys(found))
            if uniq:
                group = uniq
    return group


def joined_subject(sent: Sequence[Token], actor_at: dict[int, Actor]) -> tuple[Actor, ...]:
    """Two or more actors named together as a subject before the pronoun, in its own sentence:
    "Ali and Maduro later met on St. Vincent, where they agreed ..." (people too, as a plural noun
    phrase's group is not)."""
    group: tuple[Actor, ...] = ()
    for tok in sent:
        if tok.i in actor_at and tok.dep_ in {"nsubj", "nsubjpass"} and any(c.dep_ == "conj" for c in tok.children):
            joined = [actor_at[t.i] for t in (tok, *(c for c in tok.children if c.dep_ == "conj")) if t.i in actor_at]
            if len(set(joined)) >= 2:
                group = tuple(dict.fromkeys(joined))
    return group


def _group_subject(pron: Token, actor_at: dict[int, Actor]) -> list[Actor]:
    """The organisation named as the subject of the sentence's main verb, before ``pron``."""
    root = pron.sent.root
    return [actor_at[s.i] for s in root.children if s.dep_ in {"nsubj", "nsubjpass"} and s.i < pron.i
            and s.i in actor_at and actor_at[s.i].org and not actor_at[s.i].person][:1]  # fmt: skip


# People who work for an organisation: "its staff", "their employees".
STAFF_NOUNS = frozenset({"staff", "employee", "worker", "member", "personnel", "colleague", "contractor", "volunteer"})


def _staff_of_reporter(pron: Token, actor_at: dict[int, Actor]) -> list[Actor]:
    """"Houthi rebels detained eight of its staff members, the UN agency said": whose staff an act
    told by another party's report holds is the reporter's, not the subject's (who would not
    detain their own); the reporter is the subject of a verb of saying set beside the clause."""
    if pron.dep_ != "poss" or pron.head.lemma_.lower() not in STAFF_NOUNS:
        return []
    verb = pron.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    saying = [c for c in verb.children if c.dep_ == "parataxis" and c.lemma_.lower() in SPEECH_VERBS]
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SPEECH_VERBS:
        saying.append(verb.head)  # "..., the agency said", "the agency said ..."
    reporters = [a for v in saying for s in v.children if s.dep_ == "nsubj" for a in actors_under(s, actor_at)]
    subjects = {a.country for s in verb.children if s.dep_ in {"nsubj", "nsubjpass"} for a in actors_under(s, actor_at)}
    return [a for a in reporters if a.country not in subjects]


def _speaker_actors(tok: Token, actor_at: dict[int, Actor], verbs: frozenset[str] | None = None) -> list[Actor]:
    """Actors of the subject of the verb whose complement holds ``tok``: "Switzerland said it ..."
    (only a verb among ``verbs``, when given)."""
    return [a for s in _speaker_subjects(tok, verbs) for a in actors_under(s, actor_at)]


def _unnamed_speaker(tok: Token, actor_at: dict[int, Actor]) -> bool:
    """The pronoun takes up the subject of the verb whose complement holds it, a noun that names no
    actor ("the Agriculture Department said it was preparing aid"): it is that unknown party, not
    an actor named earlier."""
    plural = tok.lower_ in PLURAL_PRONOUNS
    # (a bare name is more often someone the lexicon missed, named in full before: "GERA said it")
    return any((s.pos_ == "NOUN" or (s.pos_ == "PROPN" and any(d.dep_ == "det" and d.lower_ == "the" for d in s.children)))
               and (s.tag_ in {"NNS", "NNPS"}) == plural and not actors_under(s, actor_at)
               for s in _speaker_subjects(tok, SPEECH_VERBS))  # fmt: skip


def _speaker_subjects(tok: Token, verbs: frozenset[str] | None = None) -> list[Token]:
    """The subject of the verb whose complement holds ``tok`` (only a verb among ``verbs``, when given)."""
    clause = tok.head
    while clause.dep_ not in {"ccomp", "xcomp", "advcl"} and clause.head.i != clause.i:
        if clause.dep_ == "ROOT":
            return []
        clause = clause.head
    governor = clause.head
    if governor.i == clause.i or (verbs is not None and governor.lemma_.lower() not in verbs):
        return []
    # a verb sharing its subject with the one before it: "accused X ... and said it had asked",
    # "denied the accusation, saying its units had ..." (for the reported clause's own subject)
    own_subject = tok.head.i == clause.i or (tok.head.head.i == clause.i and tok.head.dep_ in {"nsubj", "nsubjpass"})
    for _ in range(3 if own_subject else 0):
        subjects = [s for s in governor.children if s.dep_ in {"nsubj", "nsubjpass"}]
        if subjects or governor.dep_ not in {"conj", "advcl"} or governor.head.pos_ not in {"VERB", "AUX"}:
            break
        if governor.dep_ == "advcl" and (governor.tag_ != "VBG" or any(c.dep_ == "mark" for c in governor.children)):
            break  # a clause of its own ("after the army attacked"), not a participle of the same doer
        governor = governor.head
    return [s for s in governor.children if s.dep_ in {"nsubj", "nsubjpass"}]


def _object_of_subjectless_clause(tok: Token) -> bool:
    """An object pronoun of a participle or infinitive with no subject of its own ("Baghdad
    protested the strikes, calling them a violation"): the clause's doer is the main subject, and
    an object pronoun is someone else."""
    if tok.dep_ not in {"dobj", "pobj"}:
        return False
    verb = tok.head
    if verb.pos_ == "ADP":
        verb = verb.head
    if verb.pos_ != "VERB" and verb.dep_ == "dobj" and any(c.dep_ == "prep" and c.lower_ == "of" for c in verb.children):
        verb = verb.head  # a share of them: "accusing some of them of ..."
    return (verb.pos_ == "VERB" and verb.dep_ in {"advcl", "xcomp"} and verb.tag_ in {"VBG", "VB", "VBN"}
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children))  # fmt: skip


def _binding_subject(tok: Token, actor_at: dict[int, Actor]) -> list[Actor]:
    """Actors of the subject of the clause a possessive sits in: "the G7 affirmed their support",
    "the watchdog reiterated its call" (the owner of what the subject does is, most often, itself)."""
    if tok.dep_ != "poss":
        return []
    t = tok.head
    first = t.head
    if (t.dep_ == "conj" and first.i < tok.i and first.pos_ in {"NOUN", "PROPN"} and _agrees(tok, first)
            and first.dep_ in {"nsubj", "nsubjpass"}):  # fmt: skip
        # "the soldiers and their Russian partners killed ...", "the United States and its allies
        # warned": the first of a pair of subjects owns the second, whoever reports the clause
        lo, hi = t.left_edge.idx, t.right_edge.idx + len(t.right_edge)
        owners = [a for a in actors_under(first, actor_at) if not (lo <= a.start < hi)]
        if owners:
            return owners
    for _ in range(4):
        if t.pos_ in {"VERB", "AUX"}:
            # the second of two verbs sharing a subject: "Amnesty welcomed the ruling and reiterated its call"
            verb = _subject_verb(t)
            if (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBJECT_CONTROL
                    and not any(s.dep_ in {"nsubj", "nsubjpass"} for s in verb.children)):  # fmt: skip
                # "led Iran to suspend its air strikes": its is the one made to act
                return [a for o in verb.head.children if o.dep_ == "dobj" and o.i < tok.i for a in actors_under(o, actor_at)]
            subjects = [s for s in verb.children if s.dep_ in {"nsubj", "nsubjpass"} and s.i < tok.i]
            if verb.dep_ == "relcl" and any(s.lower_ in RELATIVE_SUBJECTS for s in subjects):
                # "France, which withdrew its troops": the relative pronoun's antecedent owns them
                subjects = [verb.head]
            return [a for s in subjects if _agrees(tok, s) for a in actors_under(s, actor_at)]
        if t.head.i == t.i or t.dep_ not in {"dobj", "pobj", "prep", "attr", "conj", "appos", "compound"}:
            return []
        t = t.head
    return []


# Relative pronouns that stand as the subject of their clause.
RELATIVE_SUBJECTS = frozenset({"which", "who", "that"})


def _agrees(pron: Token, subject: Token) -> bool:
    """A singular pronoun is not bound by a plural common noun: "U.S. officials praised its
    efforts" praise someone else's ("the Philippines ... its", a plural name, is one country)."""
    return pron.lower_ not in SINGULAR_PRONOUNS or subject.tag_ != "NNS"


def _own_subject(pron: Token) -> set[int]:
    """Tokens of the subject of the verb an object pronoun is the object of (its own clause's
    subject, shared with the verb before: "arrested ... and charged them"); none for others."""
    if pron.dep_ not in {"dobj", "pobj", "dative"}:
        return set()
    verb = _subject_verb(pron.head.head if pron.dep_ == "pobj" and pron.head.dep_ == "prep" else pron.head)
    return {t.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}


def _subject_verb(verb: Token) -> Token:
    """The verb whose subject ``verb`` shares: the first of two verbs joined with one subject."""
    while verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"} and not any(
            s.dep_ in {"nsubj", "nsubjpass"} for s in verb.children):  # fmt: skip
        verb = verb.head
    return verb


def _plural_object_before(pron: Token) -> Token | None:
    """The nearest plural common noun before ``pron`` in its sentence, outside the subject of
    the verb it is the object of ("the army attacked them" is not the army)."""
    subject = _own_subject(pron)
    for t in reversed(pron.sent[: pron.i - pron.sent.start]):
        if t.tag_ == "NNS" and t.i not in subject:
            return t
    return None


def _thing_owner(pron: Token, actor_at: dict[int, Actor]) -> Token | None:
    """The thing "its" belongs to when the text has just named one: the object of the verb the
    pronoun's verb is joined to, whose subject is plural ("rebels seized a cargo ship and detained
    its crew"), or the noun the pronoun's noun is joined to ("the tanker and its crew"), a singular
    noun that names no actor."""
    noun = pron.head
    first: Token | None = None
    if noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        first = noun.head  # "the tanker and its crew"
    elif noun.dep_ == "dobj" and noun.head.dep_ == "conj" and noun.head.head.pos_ == "VERB":
        # (when the verbs' subject cannot be "it": "Amnesty welcomed the ruling and reiterated its
        # call" is Amnesty's call)
        subjects = [c for c in noun.head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(c.tag_ not in ("NNS", "NNPS") for c in subjects):
            return None
        first = next((c for c in noun.head.head.children if c.dep_ == "dobj"), None)
    else:
        return None
    if first is None or first.pos_ != "NOUN" or first.tag_ != "NN" or first.i > pron.i:
        return None
    return None if any(t.i in actor_at for t in first.subtree) else first


def _thing_again(pron: Token, actor_at: dict[int, Actor]) -> bool:
    """"it" as the object of a verb joined to one whose object is a thing no actor is named in
    ("captured the Golan Heights and later annexed it", "skipped the summit and addressed it by
    video"): that thing again, not the last state or organisation named."""
    verb = pron.head
    if pron.lower_ != "it" or pron.dep_ != "dobj" or verb.dep_ != "conj" or verb.head.pos_ != "VERB":
        return False
    first = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    # (not a vessel, whose flag or crew may be a party: "tracked the ship and warned it off")
    if first is None or first.i > pron.i or first.tag_ in ("NNS", "NNPS") or first.lemma_.lower() in VESSELS:
        return False
    return not any(t.i in actor_at for t in first.subtree)


def resolve_pronouns(
    sent: Sequence[Token], actor_at: dict[int, Actor], last_group: tuple[Actor, ...], last_subject: Actor | None,
    last_joined: tuple[Actor, ...] = (),
) -> dict[int, tuple[Actor, ...]]:
    """Point "they/them/their" and "it/its" at actors (mutates ``actor_at``); return, by the
    character offset of each "they"/"them" that takes up parties of two or three states ("Canada
    and Mexico ... said they would retaliate"), the others of them (``actor_at`` holds the first).

    A possessive in its clause's object refers to the clause's subject ("Norway renewed its offer");
    a pronoun in the complement of a verb whose subject names actors refers to them ("French
    farmers said they would ...", "Switzerland said it had expelled ..."); otherwise "they" is
    the last plural group of actors and "it" the last country or organisation acting as subject.
    """
    groups: dict[int, tuple[Actor, ...]] = {}
    for tok in sent:
        low = tok.lower_
        if low == "both" and tok.pos_ == "PRON":
            low = "they"  # "Both were later released": the two named before
        if low not in PLURAL_PRONOUNS and low not in SINGULAR_PRONOUNS:
            continue  # most words: the cheapest test first
        if tok.i in actor_at or tok.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj", "poss"}:
            continue
        if low == "its" and _thing_owner(tok, actor_at) is not None:
            continue  # "seized a ship and detained its crew": the ship's, no actor's
        if _thing_again(tok, actor_at):
            continue  # "captured the heights and annexed it": the heights, no actor
        # (who reports a clause is not whom its verb acts on: "the State Department said Rubio
        # urged them to ..." is no urging of the State Department)
        reported_object = tok.dep_ in {"dobj", "pobj"} and tok.head.dep_ in {"conj", "ccomp"} and any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in (tok.head.head if tok.head.dep_ == "conj" else tok.head).children)
        candidates = [a for a in _staff_of_reporter(tok, actor_at) or _binding_subject(tok, actor_at)
                      or ([] if _object_of_subjectless_clause(tok) or reported_object else _speaker_actors(tok, actor_at))
                      if not a.person]  # fmt: skip
        if not candidates and low in PLURAL_PRONOUNS and tok.dep_ in {"nsubj", "nsubjpass", "poss"}:
            # "charged three soldiers with exceeding their powers after they fired": a plural
            # group named before in the sentence, the nearest
            # (also a possessive: "talks with Syrian commanders, despite their open hostility")
            before_it = [t for t in sent if t.i < tok.i]
            candidates = list(plural_group(before_it, actor_at) or (joined_subject(before_it, actor_at) if tok.dep_ != "poss" else ()))
            if not candidates and tok.dep_ != "poss":
                # "the Houthis have held the crew of a ship they seized": a group named as the
                # sentence's subject before it (a name, so not tagged plural) over the last group
                # of an earlier sentence
                candidates = _group_subject(tok, actor_at)
        before = _plural_object_before(tok) if not candidates and low == "them" and tok.dep_ in {"dobj", "pobj"} else None
        if before is not None:
            # "conducted the drills ... and called them a punishment", "arrested the men and
            # charged them": the nearest plural object before it in the sentence, an actor or not
            candidates = [a for a in actors_under(before, actor_at) if not a.person][:1]
        elif not candidates and low in SINGULAR_PRONOUNS:
            # the last country or organisation acting as subject, in this sentence before it
            # ("Qatar brokered a truce, and Kenyan officials praised its efforts"), else before
            own = _own_subject(tok)  # "the party condemned it": not the party
            subject = last_it([t for t in sent if t.i < tok.i and t.i not in own], actor_at) or last_subject
            candidates = [subject] if subject else []
        elif not candidates:
            # (a subject "they": the parties named together as a subject since, if any)
            candidates = list(last_joined if last_joined and tok.dep_ in {"nsubj", "nsubjpass"} else last_group)
        if candidates and not (tok.dep_ in {"nsubj", "nsubjpass"} and _unnamed_speaker(tok, actor_at)):
            _point(tok, candidates[0], actor_at)
            if low in PLURAL_PRONOUNS:  # ("Sweden and Canada restored their funding": both fund)
                others = list({c.country: c for c in candidates[1:] if c.country and c.country != candidates[0].country}.values())
                if 0 < len(others) <= GROUP_MOST - 1:
                    groups[tok.idx] = tuple(_pointed(tok, c) for c in others)
            if tok.dep_ == "poss":
                _own_sector_noun(tok, candidates[0], actor_at)
    # "we"/"I" in reported words are the speaker: the subject of the verb that reports them, else,
    # in a quotation running over several sentences, whoever the sentence closing it says spoke
    quoted: list[Actor] | None = None
    for tok in sent:
        if tok.lower_ in FIRST_PERSON and tok.i not in actor_at and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "poss"}:
            speakers = _speaker_actors(tok, actor_at, SPEECH_VERBS)
            if not speakers:
                if quoted is None:
                    quoted = quotation_speaker(sent, actor_at)
                speakers = quoted
            if speakers:
                _point(tok, speakers[0], actor_at)
    return groups


QUOTE_MARKS = frozenset({"\u201c", "\u201d", '"'})
# How many sentences a quotation is followed to find the one that closes it.
QUOTE_REACH = 4
# Verbs that say who spoke the words a quotation closes ('..." the president tweeted').
QUOTE_VERBS = SPEECH_VERBS | {"tweet", "post"}


# Punctuation a closing quotation mark follows.
_CLOSING_PUNCT = frozenset({",", ".", "?", "!", ";", ":", "...", "\u2026", "\u2014", "-", "--"})


def _open_quote(words: Sequence[str]) -> bool:
    """Whether a sentence of these words leaves a quotation open at its end: a curly opening quote
    not closed after it, or an odd number of straight quotes not ending it."""
    if words.count('"') % 2 == 1:
        # the last straight quote opens unless it ends the sentence or follows the punctuation
        # that closes quoted words ('... did nothing wrong," the minister said.')
        at = max(k for k, w in enumerate(words) if w == '"')
        rest = [w for w in words[at + 1 :] if w.strip()]
        before = next((w for w in reversed(words[:at]) if w.strip()), "")
        return bool(rest) and before not in _CLOSING_PUNCT
    opening = max((k for k, w in enumerate(words) if w == "\u201c"), default=-1)
    return opening > max((k for k, w in enumerate(words) if w == "\u201d"), default=-1)


def _speech_subject(sent: SpacySpan, actor_at: dict[int, Actor], inside: bool) -> list[Actor]:
    """Actors of the subject of a verb of speaking in ``sent``, outside its quotation marks
    (``inside``: whether the sentence opens within a quotation)."""
    for t in sent:
        if t.text in QUOTE_MARKS:
            inside = not inside if t.text == '"' else t.text == "\u201c"
            continue
        if not inside and t.lemma_.lower() in QUOTE_VERBS and t.pos_ in {"VERB", "AUX"}:
            found = [a for c in t.children if c.dep_ in {"nsubj", "nsubjpass"} for a in actors_under(c, actor_at)]
            if found:
                return found
    return []


def _placed(sent: Sequence[Token]) -> tuple[list[str], list[tuple[int, int]], int]:
    """The doc's words (quote marks are read off them: no Token is built for it), its sentence
    bounds, and which of them ``sent`` is."""
    doc = sent[0].doc
    bounds = sentence_bounds(doc)
    return doc_words(doc), bounds, bisect_right([a for a, _ in bounds], sent[0].i) - 1


def _left_open(words: Sequence[str], bounds: Sequence[tuple[int, int]], j: int) -> bool:
    """The sentence before sentence ``j`` left a quotation open."""
    return j > 0 and _open_quote(words[bounds[j - 1][0] : bounds[j - 1][1]])


def quoted_words(sent: Sequence[Token]) -> set[int]:
    """Indices of the words of ``sent`` inside quotation marks, also where the sentence opens
    within a quotation an earlier sentence left open."""
    if not sent:
        return set()
    words, bounds, k = _placed(sent)
    inside = _left_open(words, bounds, k)
    found: set[int] = set()
    for i in range(sent[0].i, sent[-1].i + 1):
        w = words[i]
        if w in QUOTE_MARKS:
            inside = not inside if w == '"' else w == "\u201c"
        elif inside:
            found.add(i)
    return found


def quotation_speaker(sent: Sequence[Token], actor_at: dict[int, Actor]) -> list[Actor]:
    """Who speaks the quoted words of ``sent`` when the sentence itself does not say:

    - a quotation that ``sent`` opens or continues and a later sentence closes is spoken by the
      subject of that sentence's verb of speaking ('"We condemn the jailbreak. The police are
      instructed to act," the president tweeted.');
    - otherwise a quoted sentence is the last named speaker's, when one of the sentences just
      before quotes someone ('"They will get nowhere," the minister said. "If they approach us
      positively, we will react positively."').
    """
    if not sent:
        return []
    doc = sent[0].doc
    words, bounds, k = _placed(sent)

    def quoted(j: int) -> bool:
        return any(w in QUOTE_MARKS for w in words[bounds[j][0] : bounds[j][1]])

    def inside(j: int) -> bool:
        return _left_open(words, bounds, j)

    if not quoted(k) and not inside(k):
        return []
    if _open_quote(words[bounds[k][0] : bounds[k][1]]):
        for j in range(k + 1, min(k + 1 + QUOTE_REACH, len(bounds))):
            if quoted(j):
                found = _speech_subject(doc[bounds[j][0] : bounds[j][1]], actor_at, True)
                if found:
                    return found
                break
    for j in range(k - 1, max(k - 1 - QUOTE_REACH, -1), -1):
        if quoted(j):
            found = _speech_subject(doc[bounds[j][0] : bounds[j][1]], actor_at, inside(j))
            if found:
                return found
    return []


def _own_sector_noun(pron: Token, owner: Actor, actor_at: dict[int, Actor]) -> None:
    """"Russia said its forces ...", "their troops": the sector noun a possessive pronoun owns is
    the owner's, not of the country the story is about (which a bare sector noun was given)."""
    head = actor_at.get(pron.head.i)
    if head is None or not owner.country or not head.entry_id.startswith("sector:") or head.country == owner.country:
        return
    recoded = moved(head, owner.country)
    for t in pron.sent:  # the noun's words, all in the pronoun's sentence
        if actor_at.get(t.i) is head:
            actor_at[t.i] = recoded


def _point(tok: Token, actor: Actor, actor_at: dict[int, Actor]) -> None:
    actor_at[tok.i] = _pointed(tok, actor)


def _pointed(tok: Token, actor: Actor) -> Actor:
    return replace(actor, text=tok.text, start=tok.idx, end=tok.idx + len(tok), entry_id=f"pronoun:{actor.entry_id}")


# The most parties a plural pronoun takes up as a group: more are a list, not a pair or trio of states.
GROUP_MOST = 3


def last_it(sent: Sequence[Token], actor_at: dict[int, Actor]) -> Actor | None:
    """The last country or organisation that is a singular subject in the sentence."""
    found = None
    for tok in sent:
        a = actor_at.get(tok.i)
        if a is not None and not a.person and tok.dep_ in {"nsubj", "nsubjpass"} and tok.tag_ in {"NNP", "NN"}:
            found = a
    return found
