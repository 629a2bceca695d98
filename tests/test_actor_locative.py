"""Actors and places that share words, and demonyms that modify a noun naming no actor."""

from __future__ import annotations

from typing import Any

import pytest

from riftwatch.actors.lexicon import Lexicon
from riftwatch.actors.locative import split_locative
from riftwatch.actors.recognise import find_actors

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


def countries(nlp: Any, lex: Lexicon, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    kept, _ = split_locative(doc, find_actors(doc, lex, None), [], lex)
    return [(a.text, a.country) for a in kept]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool 6181235, 8004380, 6202623: every conjoined demonym says whose the thing is
        ("The council rejected a Chinese and Russian proposal to lift the sanctions.",
         [("Chinese", "CHN"), ("Russian", "RUS")]),
        ("The tariffs hit Canadian and Mexican exports hard.", [("Canadian", "CAN"), ("Mexican", "MEX")]),
        ("He was criticized by French, Chinese, Russian and Mexican representatives.",
         [("French", "FRA"), ("Chinese", "CHN"), ("Russian", "RUS"), ("Mexican", "MEX")]),
    ],
)  # fmt: skip
def test_conjoined_demonym_modifiers_are_each_an_actor(
    nlp: Any, lex: Lexicon, text: str, expected: list[tuple[str, str]]
) -> None:
    assert countries(nlp, lex, text) == expected

