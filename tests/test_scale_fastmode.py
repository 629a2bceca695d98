"""Fast mode: the sentence splitter, the keyword filter, blanking, and offsets after the parse."""

from __future__ import annotations

from typing import Any

import pytest

from riftwatch.records import Article, CodedArticle, Event, Span
from riftwatch.scale.fastmode import (
    KeywordFilter,
    WordForms,
    actor_words,
    blank_outside,
    inflect,
    irregular_forms,
    rule_forms,
    speech_cues,
    split_sentences,
    tidy,
)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Troops crossed the river. Talks failed.", ["Troops crossed the river.", "Talks failed."]),
        ('He said "No." Then he left.', ['He said "No."', "Then he left."]),
        ("Prices rose 3.5 percent. Markets fell.", ["Prices rose 3.5 percent.", "Markets fell."]),
        (
            "Headline without a stop\n\nFirst line of the body.",
            ["Headline without a stop", "First line of the body."],
        ),
        ("Why? Because. 12 died.", ["Why?", "Because.", "12 died."]),
        (
            "The U.S. Army and Gen. Vorn met Mr. Tal. It ended.",
            ["The U.S. Army and Gen. Vorn met Mr. Tal.", "It ended."],
        ),
        ("   ", []),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == sentences


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("attack", {"attack", "attacks", "attacked", "attacking"}),
        ("seize", {"seizes", "seized", "seizing"}),
        ("ban", {"bans", "banned", "banning"}),
        ("deploy", {"deploys", "deployed", "deploying"}),
        ("ally", {"allies", "allied"}),
        ("protest", {"protests", "protested", "protesting"}),
    ],
)
def test_inflect_covers_regular_forms(lemma: str, forms: set[str]) -> None:
    assert forms <= inflect(lemma)


def test_irregular_forms_invert_the_exception_table() -> None:
    table = {"fought": ["fight"], "met": ["meet"], "meets": ["meet"], "left": ["leave", "left"]}
    assert irregular_forms(table) == {
        "fight": {"fought"},
        "meet": {"met", "meets"},
        "leave": {"left"},
        "left": {"left"},
    }


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Gunmen attacked a checkpoint near the border.", True),
        ("The two ministers met in Vienna.", True),  # irregular form from the table
        ("Protesters were calling for new elections.", True),
        ("The weather was mild and the markets were quiet.", False),
        ("An attack-helicopter flew over.", True),  # hyphenated words are split
        ("FORTIFIED positions held.", False),
    ],
)
def test_keyword_filter(sentence: str, kept: bool) -> None:
    forms = WordForms(irregular={"verb": {"meet": frozenset({"met"})}})
    f = KeywordFilter.from_lemmas(["attack", "call", "peace meet"], forms=forms)
    assert f.keeps(sentence) is kept


class Entry:
    def __init__(
        self, lemma: str, obj: tuple[str, ...] = (), pos: str = "VERB", particle: str | None = None
    ) -> None:
        self.lemma, self.object, self.pos, self.particle = lemma, obj, pos, particle


ENTRIES = [
    Entry("open", ("talk", "fire")),
    Entry("artillery fire", pos="NOUN"),
    Entry("shell"),
    Entry("sign", ("peace deal",)),
    Entry("back", particle="down"),
    Entry("give", ("$", "aid")),
    Entry("accord", pos="NOUN"),
]
FORMS = WordForms(
    rules={"verb": (("s", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")), "noun": (("s", ""),)},
    irregular={"verb": {"give": frozenset({"gave"})}},
)


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("The two sides opened talks on Friday.", True),  # conditional head with its object
        ("Troops opened fire on the crowd.", True),
        ("A new bakery opened downtown.", False),  # conditional head without a companion
        ("Artillery fire was heard overnight.", True),  # compound: modifier is the companion
        ("The fire was put out.", False),
        ("Gunboats were shelling the port.", True),  # unconditional
        ("The leaders signed the deal.", True),  # multiword object: its head word counts
        ("Please sign here.", False),
        ("The council backed down.", True),  # particle entry with its particle
        ("They came back.", False),  # ... without it
        ("The donors gave $5 million.", True),  # a symbol object is looked for as written
        ("The donors gave a speech.", False),  # ... and is still needed
        ("The donors gave aid.", True),
        ("The accords held.", True),
        ("According to the police, nobody was hurt.", False),  # a noun entry: no verb forms
    ],
)
def test_keyword_filter_from_trigger_entries(sentence: str, kept: bool) -> None:
    assert KeywordFilter.from_triggers(ENTRIES, forms=FORMS).keeps(sentence) is kept


@pytest.mark.parametrize(
    ("lemma", "rules", "forms"),
    [
        ("wolf", [("ves", "f"), ("s", "")], {"wolves", "wolfs"}),
        ("serviceman", [("men", "man")], {"servicemen"}),
        ("agree", [("ed", "e"), ("ing", "e")], {"agreed", "agreing"}),
        ("cat", [("ies", "y")], set()),
    ],
)
def test_rule_forms_invert_suffix_rules(lemma: str, rules: list[tuple[str, str]], forms: set[str]) -> None:
    assert rule_forms(lemma, rules) == forms


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lemma", "form"), [("fight", "fought"), ("seize", "seized"), ("crisis", "crises"), ("ban", "banned")]
)
def test_word_forms_from_the_model(nlp: object, lemma: str, form: str) -> None:
    forms = WordForms.from_model(nlp)
    assert form in forms(lemma)
    assert nlp(f"They {form} it.")[1].lemma_ == lemma or form == "crises"  # type: ignore[operator]


def test_keyword_filter_adds_names_uninflected() -> None:
    f = KeywordFilter.from_lemmas(["attack"], names=["Hezbollah", "United Nations"])
    assert f.keeps("Hezbollah stayed silent.") and f.keeps("The United Nations office closed.")
    assert not f.keeps("The unite party.")


def test_kept_spans_count_every_sentence() -> None:
    text = "Rain fell. Rebels attacked Quenby. Shops opened. Police arrested two men."
    f = KeywordFilter.from_lemmas(["attack", "arrest"])
    spans, total = f.kept_spans(text)
    assert total == 4 and [text[s:e] for s, e in spans] == [
        "Rebels attacked Quenby.",
        "Police arrested two men.",
    ]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Ab. Cd. Ef.", [(4, 7)]),
        ("Ab. Cd. Ef.", []),
        ("Ab. Cd. Ef.", [(0, 3), (8, 11)]),
        ("Ab.\nCd.", [(4, 7)]),
    ],
)
def test_blank_outside_keeps_offsets(text: str, spans: list[tuple[int, int]]) -> None:
    out = blank_outside(text, spans)
    assert len(out) == len(text)
    for s, e in spans:
        assert out[s:e] == text[s:e]
    assert out.strip() == " ".join(text[s:e] for s, e in spans).strip() or len(spans) > 1


def _event(index: int, sentence: str, start: int) -> Event:
    return Event(event_id=f"e{index}", article_id="a", sentence_index=index, sentence=sentence,
                 sentence_start=start, trigger=Span("x", start + 4, start + 5), event_type="ASSAULT",
                 cameo_root="18", quad_class=4, goldstein=-9.0)  # fmt: skip


def test_tidy_drops_blank_sentences_and_renumbers() -> None:
    sentences = (
        Span("     ", 0, 5),
        Span("  Army x fired.  ", 5, 22),
        Span("   ", 22, 25),
        Span("Then x.", 25, 32),
    )
    coded = CodedArticle(Article(id="a", text="?" * 32), (_event(1, "  Army x fired.  ", 5), _event(3, "Then x.", 25)),
                         (), (), sentences)  # fmt: skip
    out = tidy(coded)
    assert [(s.text, s.start, s.end) for s in out.sentences] == [
        ("Army x fired.", 7, 20),
        ("Then x.", 25, 32),
    ]
    assert [(e.sentence_index, e.sentence, e.sentence_start) for e in out.events] == [
        (0, "Army x fired.", 7),
        (1, "Then x.", 25),
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Markets were calm on Monday. Rebels attacked the town of Quenby. The weather stayed dry.",
        "It rained.\n\nSoldiers shelled Tarsel overnight. Nobody commented. Police arrested four men.",
    ],
)
def test_blanked_parse_keeps_offsets_into_the_original(nlp: object, text: str) -> None:
    f = KeywordFilter.from_lemmas(["attack", "shell", "arrest"])
    spans, _ = f.kept_spans(text)
    doc = nlp(blank_outside(text, spans))  # type: ignore[operator]
    verbs = [t for t in doc if t.pos_ == "VERB"]
    assert verbs, "the kept sentences must still parse"
    for t in doc:
        if not t.is_space:
            assert text[t.idx : t.idx + len(t)] == t.text
    kept_text = [text[s:e] for s, e in spans]
    parsed = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert parsed == kept_text


ARTICLE = (
    "The weather in the capital was mild on Tuesday. Syrian government forces shelled the town of Homs "
    "on Monday, residents said. Shops stayed open late and the markets were busy.\n\n"
    "Russia and Turkey agreed on a ceasefire in Idlib. The football season starts in August."
)


@pytest.mark.slow
def test_fast_coder_finds_normal_events_at_the_same_offsets() -> None:
    import datetime as dt

    from riftwatch.pipeline import Coder
    from riftwatch.scale.fastmode import FastCoder

    article = Article(id="fm-1", text=ARTICLE, published=dt.date(2024, 3, 5))
    normal = next(Coder().code([article]))
    fast = next(FastCoder().code_counted([article]))
    assert normal.events, "the article must hold events for this test to mean anything"
    by_id = {e.event_id: e for e in fast.coded.events}
    for e in normal.events:
        f = by_id[e.event_id]
        assert (f.trigger, f.event_type, f.sentence, f.sentence_start) == (
            e.trigger,
            e.event_type,
            e.sentence,
            e.sentence_start,
        )
        assert ARTICLE[f.trigger.start : f.trigger.end] == f.trigger.text
        assert ARTICLE[f.sentence_start : f.sentence_start + len(f.sentence)] == f.sentence
    assert fast.sentences_seen == 5 and len(fast.coded.sentences) < fast.sentences_seen
    for i, s in enumerate(fast.coded.sentences):
        assert ARTICLE[s.start : s.end] == s.text
        assert all(e.sentence_index != i or e.sentence == s.text for e in fast.coded.events)


@pytest.mark.slow
def test_fast_mode_through_the_streaming_runner(tmp_path: object) -> None:
    import json
    from pathlib import Path

    from riftwatch.scale.stream import CoderSpec, run_stream
    from riftwatch.store.duck import Store

    folder = Path(str(tmp_path))
    corpus = folder / "c.jsonl"
    corpus.write_text(json.dumps({"id": "fm-2", "text": ARTICLE, "published": "2024-03-05"}) + "\n")
    stats = run_stream([str(corpus)], folder / "s.duckdb", spec=CoderSpec(fast=True))
    assert stats.articles == 1 and stats.events > 0
    assert stats.sentences_seen == 5 and stats.sentences < stats.sentences_seen
    with Store(folder / "s.duckdb", read_only=True) as store:
        for e in store.events():
            assert ARTICLE[e["trigger"]["start"] : e["trigger"]["end"]] == e["trigger"]["text"]


SPEECH_FORMS = WordForms(irregular={"verb": {"say": frozenset({"said"}), "tell": frozenset({"told"})}})


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("The ministry said the envoy must return home.", True),  # obligation: REQUEST
        ("He told reporters the rebels had to withdraw.", True),
        ("Officials said the convoy should wait.", True),
        ("She said the army didn\u2019t pull back.", True),  # negation: ACCUSE
        ("The mayor said the council failed to act.", True),  # failure verb: ACCUSE
        ("He said the weather was fine.", False),  # a report verb alone is not enough
        ("The envoy must return home.", False),  # an obligation without a report verb
    ],
)
def test_speech_cues_keep_reported_demands_and_criticism(sentence: str, kept: bool) -> None:
    f = KeywordFilter(frozenset()).with_cues(speech_cues(SPEECH_FORMS))
    assert f.keeps(sentence) is kept


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("He said he didn't know.", False),  # no actor named: the events need actors
        ("He said Iran did not comply.", True),
        ("Police said the driver must stop.", True),  # lower-case actor words in any case
        ("She said it is not over.", False),  # "is" is not the acronym "IS"
        ("She said IS did not retreat.", True),
    ],
)
def test_speech_cues_need_a_named_actor(sentence: str, kept: bool) -> None:
    named = actor_words(["Iran", "police", "IS", "Islamic State", "Said"])
    f = KeywordFilter(frozenset()).with_cues(speech_cues(SPEECH_FORMS, named))
    assert f.keeps(sentence) is kept


def test_coder_without_ner_still_codes() -> None:
    import datetime as dt

    from riftwatch.pipeline import Coder, Config

    article = Article(id="nn-1", text=ARTICLE, published=dt.date(2024, 3, 5))
    coder = Coder(Config(ner=False))
    coded = next(coder.code([article]))
    assert coder.disabled == ("ner",)
    assert {e.event_id for e in coded.events} == {e.event_id for e in next(Coder().code([article])).events}


def _doc_with_sentences(text: str, cuts: list[int]) -> object:
    """A blank-pipeline Doc of ``text`` split on spaces, sentences starting at the tokens ``cuts``."""
    import spacy

    nlp = spacy.blank("en")
    doc = nlp(text)
    for t in doc:
        t.is_sent_start = t.i in cuts
    return doc


@pytest.mark.parametrize(
    ("text", "cuts", "skipped", "numbers"),
    [
        # nothing blanked: a sentence's number is its position
        ("Ab cd. Ef gh. Ij.", [0, 3, 6], [], [0, 1, 2]),
        # two sentences blanked before the second kept one (one run of blanks, its own sentence)
        ("Ab cd.                 Ef gh.", [0, 3, 4], [7, 15], [0, -1, 3]),
        # a blanked sentence before the first kept one
        ("          Ab cd. Ef.", [0, 1, 4], [0], [-1, 1, 2]),
        # ... the blanks opening the first kept sentence: counted before its first word
        ("          Ab cd. Ef.", [0, 4], [0], [1, 2]),
    ],
)
def test_sentence_numbers_count_the_blanked_sentences(
    text: str, cuts: list[int], skipped: list[int], numbers: list[int]
) -> None:
    from riftwatch.pipeline import sentence_numbers

    doc: Any = _doc_with_sentences(text, cuts)
    assert sentence_numbers(doc, list(doc.sents), skipped) == numbers


@pytest.mark.slow
def test_the_coder_reads_whole_text_sentence_numbers_in_fast_mode() -> None:
    """The passes and the learned checks see the numbers normal mode gives (dropped sentences
    counted); the events handed back are numbered by the sentences kept, as ``tidy`` expects."""
    import datetime as dt

    from riftwatch.pipeline import Coder

    article = Article(id="fm-3", text=ARTICLE, published=dt.date(2024, 3, 5))
    coder = Coder()
    coder._load()
    normal = coder.draft_doc(article, coder.nlp(ARTICLE))
    spans = split_sentences(ARTICLE)
    kept = [(s, e) for s, e in spans if "shelled" in ARTICLE[s:e] or "agreed" in ARTICLE[s:e]]
    skipped = [s for s, e in spans if (s, e) not in kept]
    doc = coder.nlp(blank_outside(ARTICLE, kept))
    fast = coder.draft_doc(article, doc, skipped)
    whole = {e.trigger.start: e.sentence_index for e in normal.events}
    assert fast.events and whole
    assert {e.trigger.start: e.sentence_index for e in fast.events} == {
        e.trigger.start: whole[e.trigger.start] for e in fast.events
    }
    assert sorted({e.sentence_index for e in fast.events}) == [1, 3]
    coded = tidy(coder.code_doc(article, doc, skipped))
    assert [coded.sentences[e.sentence_index].text for e in coded.events] == [e.sentence for e in coded.events]


@pytest.mark.slow
def test_fast_mode_batch_size_leaves_the_events_alone() -> None:
    import datetime as dt

    from riftwatch.pipeline import Config
    from riftwatch.scale.fastmode import PARSE_BATCH_FACTOR, FastCoder

    arts = [Article(id=f"fb-{i}", text=t, published=dt.date(2024, 3, 5))
            for i, t in enumerate((ARTICLE, ARTICLE.replace("Homs", "Hama"), ARTICLE[:200]))]  # fmt: skip
    big, small = FastCoder(Config(batch_size=2)), FastCoder(Config(batch_size=1))
    assert big.coder.config.batch_size == 2 * PARSE_BATCH_FACTOR and big.config.batch_size == 2
    ids = [[e.event_id for e in c.events] for c in big.code(arts)]
    assert any(ids) and ids == [[e.event_id for e in c.events] for c in small.code(arts)]


@pytest.mark.parametrize(
    ("text", "kept", "out"),
    [
        # a pronoun for a person keeps the dropped sentence before it when that one names someone
        ("Rain fell. Mary Smith runs the port. He said rebels attacked it. It was calm.",
         [False, False, True, False], [False, True, True, False]),
        ("Lena K. Ostrova spoke. Her aides said troops shelled it.", [False, True], [True, True]),
        ("The port was calm. He said rebels attacked it.", [False, True], [False, True]),  # nobody named
        ("Mary Smith runs the port. Rebels attacked it.", [False, True], [False, True]),  # no pronoun
        ("Mary Smith runs the port. The shell hit her office.", [True, True], [True, True]),
        ("Mary Smith runs the port. Rain fell. He said rebels attacked it.",
         [False, False, True], [False, False, True]),  # only the sentence just before
    ],
)  # fmt: skip
def test_with_antecedents_keeps_the_sentence_naming_a_pronoun_s_person(
    text: str, kept: list[bool], out: list[bool]
) -> None:
    from riftwatch.scale.fastmode import with_antecedents

    spans = split_sentences(text)
    assert len(spans) == len(kept)
    assert with_antecedents(text, spans, kept) == out


@pytest.mark.parametrize("window", [1, 2, 3])
def test_entity_text_keeps_offsets_and_the_words_near_names(window: int) -> None:
    from riftwatch.parse import entity_text

    text = ("the talks dragged on for hours and the delegates were tired when the chairman of the "
            "committee, Amina Diallo, left for Bamako at 9 p.m. and nobody else spoke after that")  # fmt: skip
    out = entity_text(text, window)
    assert len(out) == len(text)
    assert all(a == b or a == " " for a, b in zip(out, text, strict=True))
    words = text.split()
    for name in ("Amina", "Diallo,", "Bamako", "9"):
        i = words.index(name)
        for w in words[max(0, i - window) : i + window + 1]:
            assert w in out.split(), (w, out)
    assert "dragged" not in out and "spoke" not in out.split()
    assert entity_text("All words here Are Close To Capitals", 1) == "All words here Are Close To Capitals"


@pytest.mark.slow
def test_windowed_entities_land_on_the_whole_text_tokens() -> None:
    # the recogniser reads only the words near names; its entities are set on the full parse
    import datetime as dt

    from riftwatch.pipeline import Coder, Config

    article = Article(id="nw-1", text=ARTICLE, published=dt.date(2024, 3, 5))
    whole, near = Coder(), Coder(Config(ner_window=3))
    whole._load()
    near._load()
    docs = [next(c._parse([(article.text, None)]))[0] for c in (whole, near)]
    named = ("GPE", "LOC", "NORP", "ORG", "PERSON", "FAC")
    ents = [{(e.start_char, e.end_char, e.label_) for e in d.ents if e.label_ in named} for d in docs]
    assert ents[0] and ents[0] == ents[1]
    assert [t.dep_ for t in docs[0]] == [t.dep_ for t in docs[1]]  # the parse is the whole text's
    assert {e.event_id for e in next(near.code([article])).events} == {e.event_id for e in next(whole.code([article])).events}


def test_fast_mode_reads_names_in_windows() -> None:
    from riftwatch.pipeline import Config
    from riftwatch.scale.fastmode import NER_WINDOW, FastCoder

    assert FastCoder().coder.config.ner_window == NER_WINDOW > 0
    assert FastCoder(Config(ner_window=5)).coder.config.ner_window == 5
    assert Config().ner_window == 0  # normal mode reads the whole text


def test_a_windowed_recogniser_is_part_of_the_coder_fingerprint() -> None:
    from riftwatch.pipeline import Config
    from riftwatch.scale.stream import CoderSpec

    plain = CoderSpec(Config()).fingerprint()
    assert "ner_window" not in plain  # names of partitions written before it stay the same
    assert CoderSpec(Config(ner_window=3)).fingerprint() != plain


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("The foreign ministry described the report as \u201cfabricated.\u201d", True),
        ("The spokesman branded the verdict a sham.", True),
        ("Lawmakers characterized the detentions as arbitrary.", True),
        ("The activists highlighted the army's abuses in the north.", True),
        ("The critic described the novel as a masterpiece.", False),  # no condemning word
        ("The report was fabricated, a spokesman said.", False),  # a condemning word, no labelling verb
    ],
)
def test_criticism_cues_keep_condemnation_by_description(sentence: str, kept: bool) -> None:
    from riftwatch.scale.fastmode import criticism_cues

    f = KeywordFilter(frozenset()).with_cues(criticism_cues())
    assert f.keeps(sentence) is kept
