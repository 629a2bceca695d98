"""Long articles are coded in bounded windows with their offsets kept (issue 12, items 1 and 2)."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from riftwatch.pipeline import Coder, Config
from riftwatch.records import Article, CodedArticle
from riftwatch.windows import char_batches, windows

_TEXT = st.text(alphabet=st.sampled_from("ab .!?\n\t"), max_size=400)


@settings(max_examples=200, deadline=None)
@given(text=_TEXT, size=st.integers(2, 60))
def test_windows_cover_the_text_contiguously_and_are_bounded(text: str, size: int) -> None:
    spans = windows(text, size)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(spans))
    assert all(0 < e - s <= size for s, e in spans) or text == ""


@pytest.mark.parametrize(
    ("text", "size", "pieces"),
    [
        # a paragraph break in the second half wins over a later sentence end
        ("Aaaa aaa.\n\nBbb bb. Cc cc. Dd", 18, ["Aaaa aaa.\n\n", "Bbb bb. Cc cc. Dd"]),
        # no paragraph break: the last sentence end
        ("One two. Three four. Five six seven", 22, ["One two. Three four. ", "Five six seven"]),
        # no sentence end: the last space
        ("aaaa bbbb cccc dddd eeee", 12, ["aaaa bbbb ", "cccc dddd ", "eeee"]),
        # one long word: cut at the size
        ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),
    ],
)
def test_windows_cut_at_paragraph_then_sentence_then_space(text: str, size: int, pieces: list[str]) -> None:
    assert [text[s:e] for s, e in windows(text, size)] == pieces


@settings(max_examples=200, deadline=None)
@given(lengths=st.lists(st.integers(0, 50), max_size=40), max_items=st.integers(1, 8), max_chars=st.integers(1, 120))
def test_char_batches_keep_order_and_bounds(lengths: list[int], max_items: int, max_chars: int) -> None:
    items = [("x" * n, i) for i, n in enumerate(lengths)]
    batches = list(char_batches(items, max_items, max_chars))
    assert [i for b in batches for _, i in b] == list(range(len(lengths)))
    for b in batches:
        assert len(b) <= max_items
        assert len(b) == 1 or sum(len(t) for t, _ in b) <= max_chars


class _Recorder:
    """Wraps an nlp object and records the texts of every ``pipe`` call."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.calls: list[list[int]] = []
        self.words: list[list[int]] = []  # characters other than spaces, per text

    def pipe(self, items: Any, **kwargs: Any) -> Any:
        items = list(items)
        self.calls.append([len(t) for t, _ in items])
        self.words.append([len(t) - t.count(" ") for t, _ in items])
        return self.nlp.pipe(items, **kwargs)


def _tokenizer_only_coder(config: Config) -> tuple[Coder, _Recorder]:
    """A Coder whose nlp is spaCy's blank English (it keeps ``max_length`` = 1,000,000) and
    whose coding of a Doc is empty: to check what reaches spaCy without the model's cost."""
    import spacy

    coder = Coder(config)
    coder._loaded = True
    recorder = _Recorder(spacy.blank("en"))
    coder.nlp = recorder  # type: ignore[assignment]
    coder.code_doc = lambda article, doc: CodedArticle(article)  # type: ignore[method-assign]
    return coder, recorder


def test_an_article_over_spacys_limit_is_coded_not_refused() -> None:
    """Issue 12.1: 1.1 M characters raised spaCy's E088 and stopped the run."""
    big = Article("big", "Russia accused Ukraine of shelling Donetsk. " * 25000)
    small = Article("small", "Talks resumed in Doha.")
    coder, recorder = _tokenizer_only_coder(Config())
    out = list(coder.code([big, small, big]))
    assert [c.article.id for c in out] == ["big", "small", "big"]
    assert out[0].article.text == big.text
    lengths = [n for call in recorder.calls for n in call]
    assert max(lengths) <= Config().window_chars
    assert sum(lengths) == 2 * len(big.text) + len(small.text)  # nothing dropped, nothing doubled


@settings(max_examples=30, deadline=None)
@given(sizes=st.lists(st.integers(1, 3000), min_size=1, max_size=12), batch=st.integers(1, 6))
def test_no_parse_batch_exceeds_the_character_bound(sizes: list[int], batch: int) -> None:
    """Issue 12.2: memory follows the characters in a batch, so they are bounded, not only the count."""
    config = Config(batch_size=batch, window_chars=1000, batch_chars=2500)
    coder, recorder = _tokenizer_only_coder(config)
    articles = [Article(str(i), ("word " * n)[:n]) for i, n in enumerate(sizes)]
    assert len(list(coder.code(articles))) == len(articles)
    for call, words in zip(recorder.calls, recorder.words, strict=True):
        assert len(call) <= batch
        assert max(call) <= 1000
        # spaces are not counted: a text blanked by fast mode costs what its words cost
        assert len(call) == 1 or sum(words) <= 2500


@pytest.mark.parametrize("bad", [{"batch_size": 0}, {"window_chars": 1}, {"window_chars": 1_000_001}, {"batch_chars": 0}])
def test_config_refuses_bounds_that_cannot_work(bad: dict[str, int]) -> None:
    with pytest.raises(ValueError, match="must be"):
        Config(**bad)  # type: ignore[arg-type]


# Our own sentences (no evaluation text): three paragraphs, each with events and actors.
_PARAGRAPHS = [
    "Russia accused Ukraine of shelling Donetsk on Monday. The Ukrainian army denied the claim.",
    "Iranian President Masoud Pezeshkian met Turkish officials in Ankara. They signed a trade agreement.",
    "Police arrested 12 protesters in Nairobi. Kenya's government condemned the protest.",
]


def _spans_point_into(text: str, coded: CodedArticle) -> None:
    for e in coded.events:
        assert text[e.trigger.start : e.trigger.end] == e.trigger.text
        assert text[e.sentence_start : e.sentence_start + len(e.sentence)] == e.sentence
        for a in (*e.source, *e.target):
            assert text[a.start : a.end] == a.text
        if e.place is not None:
            assert text[e.place.start : e.place.end] == e.place.text
    for s in coded.sentences:
        assert text[s.start : s.end] == s.text


@pytest.mark.slow
def test_windowed_coding_equals_each_window_coded_alone_moved_into_place(nlp: Any) -> None:
    text = "\n\n".join(_PARAGRAPHS)
    whole = Article("a", text)
    windowed = next(Coder(Config(window_chars=len(_PARAGRAPHS[0]) + 10)).code([whole]))
    _spans_point_into(text, windowed)
    starts = [text.index(p) for p in _PARAGRAPHS]
    alone = [next(Coder().code([Article("a", p)])) for p in _PARAGRAPHS]
    # every window's events, as the same paragraph coded alone gives them, shifted by its start
    expected = [(e.event_type, e.trigger.start + s, [a.text for a in e.source]) for s, c in zip(starts, alone, strict=True)
                for e in c.events]  # fmt: skip
    got = [(e.event_type, e.trigger.start, [a.text for a in e.source]) for e in windowed.events]
    assert got == expected and got
    # sentence numbers run on across windows, and ids are those of the trigger's place in the article
    assert [e.sentence_index for e in windowed.events] == sorted(e.sentence_index for e in windowed.events)
    assert max(e.sentence_index for e in windowed.events) >= 4
    from riftwatch.events.coder import event_id

    assert all(e.event_id == event_id("a", e.trigger.start, e.event_type) for e in windowed.events)
    assert len({e.event_id for e in windowed.events}) == len(windowed.events)


@pytest.mark.slow
def test_fast_mode_codes_long_articles_in_windows_too(nlp: Any) -> None:
    from riftwatch.scale.fastmode import FastCoder

    text = "\n\n".join(_PARAGRAPHS * 3)
    coded = next(FastCoder(Config(window_chars=200)).code([Article("f", text)]))
    _spans_point_into(text, coded)
    assert len(coded.events) >= 6
