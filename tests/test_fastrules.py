"""The fast attribute ruler and lemmatizer must annotate exactly as spaCy's own components do."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG  # type: ignore[import-not-found]

from conftest import shared_path
from riftwatch.fastrules import FastAttributeRuler

ATTRS = [POS, MORPH, LEMMA, TAG, DEP, HEAD, ENT_IOB, ENT_TYPE]
# Written for this test: pronouns, auxiliaries, negation, "expl + be", the multi-token rules
# ("gon na", "got ta", "let 's", "y' all", "ai n't"), odd whitespace, and a quote.
TEXTS = [
    "There is no doubt that the ministers did not agree, and they'd have said so.",
    "I'm not sure we're gonna win, but y'all ain't gotta worry; let's go.",
    "Something happened here once: nobody saw it, and then everyone knew it.",
    "He has been told that she does what her party wants, whether or not it is wise.",
    "Were there troops?  \n\n  The general's men  \t were there, he said, c'mon.",
    "   ",
    "\n",
    "Those who'd fought got 'em out; that was all, 'nuff said. We'll see whom they've met.",
]


@pytest.fixture(scope="module")
def raw():  # type: ignore[no-untyped-def]
    from riftwatch.parse import keep_ranks_whole, load_nlp, split_platform_x

    nlp = load_nlp(fast_rules=False)
    # tokenized as the pipeline tokenizes ("X.", "Sgt."): what is compared is the rules' annotation
    split_platform_x(nlp)
    keep_ranks_whole(nlp)
    return nlp


def _annotations(doc):  # type: ignore[no-untyped-def]
    return doc.to_array(ATTRS).tolist(), [str(t.morph) for t in doc], [t.lemma_ for t in doc]


def _same(nlp, raw, texts):  # type: ignore[no-untyped-def]
    # (the parse repair after the parser is riftwatch's own, not the rules': compared without it)
    off = [p for p in ("riftwatch_coordination",) if p in nlp.pipe_names]
    for fast_doc, raw_doc in zip(nlp.pipe(texts, disable=off), raw.pipe(texts), strict=True):
        assert _annotations(fast_doc) == _annotations(raw_doc), fast_doc.text[:80]


def test_installed_in_place_of_the_ruler(nlp, raw) -> None:  # type: ignore[no-untyped-def]
    assert "riftwatch_attribute_ruler" in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    assert "attribute_ruler" in raw.pipe_names
    assert nlp.get_pipe("riftwatch_attribute_ruler").exact
    # the lemmatizer is swapped the same way (its lemmas are compared by the tests below)
    assert "riftwatch_lemmatizer" in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    assert nlp.get_pipe("riftwatch_lemmatizer").exact


def test_identical_annotations(nlp, raw) -> None:  # type: ignore[no-untyped-def]
    _same(nlp, raw, TEXTS)
    doc = nlp("They ain't gonna stop, let's go.")
    assert [t.lemma_ for t in doc][:5] == ["they", "be", "not", "go", "to"]  # the multi-token rules fired


def test_identical_on_the_shared_news(nlp, raw) -> None:  # type: ignore[no-untyped-def]
    root = ET.parse(shared_path("eval", "geo", "lgl.xml")).getroot()
    texts = [t for a in root.iter("article") if (t := (a.findtext("text") or "").strip())][:60]
    _same(nlp, raw, texts)


def test_pre_annotated_tokens_keep_spacy_semantics(nlp, raw) -> None:  # type: ignore[no-untyped-def]
    """A Doc whose tokens already carry a lemma gets the rules applied on top, as spaCy does."""
    fast = nlp.get_pipe("riftwatch_attribute_ruler")
    slow = raw.get_pipe("attribute_ruler")
    docs = []
    for _ in range(2):
        doc = raw("She did not go.", disable=["attribute_ruler", "lemmatizer", "ner"])
        doc[3].lemma_ = "walk"
        docs.append(doc)
    assert _annotations(fast(docs[0])) == _annotations(slow(docs[1]))
    assert docs[0][3].lemma_ == "walk" and docs[0][2].lemma_ == "not"


def test_unknown_patterns_fall_back_to_spacy(raw) -> None:  # type: ignore[no-untyped-def]
    from spacy.pipeline import AttributeRuler

    ruler = AttributeRuler(raw.vocab)
    ruler.add([[{"ORTH": "Foo", "OP": "+"}]], {"LEMMA": "foo"})
    fast = FastAttributeRuler(ruler)
    assert not fast.exact
    doc = fast(raw.make_doc("Foo Foo bar"))
    assert [t.lemma_ for t in doc][:2] == ["foo", "foo"]  # spaCy's own ruler ran


def test_the_rule_index_only_skips_rules_that_cannot_match(nlp) -> None:  # type: ignore[no-untyped-def]
    """Every token of the VOA pool gets the rules that testing all 179 patterns gives."""
    import json

    from spacy.attrs import IS_SPACE, LOWER  # type: ignore[import-not-found]

    fast = nlp.get_pipe("riftwatch_attribute_ruler")
    lines = shared_path("corpus", "voa", "pool.jsonl").read_text("utf-8").splitlines()
    docs = list(nlp.pipe([json.loads(line)["text"] for line in lines[:20]] + TEXTS))
    keys = {tuple(k) for d in docs for k in d.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()}
    strings = nlp.vocab.strings
    for key in keys:
        token = (strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3]))
        every = tuple(rule for rule, alts in fast._single if any(test(token) for test in alts))
        steps = {(p, j) for p, (_, tests) in enumerate(fast._multi) for j, test in enumerate(tests) if test(token)}
        entry = fast._entry(key)
        assert (entry.rules, entry.steps) == (every, steps), token
    assert any(fast._entry(k).steps for k in keys)  # the multi-token index was exercised


def test_the_lemmatizer_reads_a_set_index_and_leaves_the_pipeline_s_own(nlp) -> None:  # type: ignore[no-untyped-def]
    fast = nlp.get_pipe("riftwatch_lemmatizer")
    own = nlp.get_pipe("lemmatizer")
    assert fast._lookup is not own and fast.lemmatizer is own
    assert fast._lookup.lemmatize.__self__ is fast._lookup  # the copy's tables are the ones read
    assert isinstance(fast._lookup.lookups.get_table("lemma_index")["noun"], frozenset)
    assert isinstance(own.lookups.get_table("lemma_index")["noun"], list)
    assert own.to_bytes()  # the pipeline's own tables still serialise
    doc = nlp("The wolves fought over the crises and the leaves.")
    assert [t.lemma_ for t in doc][1:4] == ["wolf", "fight", "over"] and doc[5].lemma_ == "crisis"
