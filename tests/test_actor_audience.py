"""A news organisation a speaker talks to is the audience, not a party (sentences written for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def coder() -> Any:
    from riftwatch.pipeline import Coder

    c = Coder()
    c._load()
    return c


def _parties(coder: Any, text: str) -> set[str]:
    from riftwatch.records import Article

    coded = coder.code_doc(Article(id="a", text=text), coder.nlp(text))
    return {a.text for e in coded.events for a in (*e.source, *e.target)}


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Hezbollah rejected the offer, a senior official told AFP.", "AFP"),
        ("In an interview with Al Jazeera, the Somali president criticised the deal.", "Al Jazeera"),
        # the outlet that saw or obtained a document only reports it
        ("Hamas rejected the draft, according to a copy seen by Reuters.", "Reuters"),
        ("Cairo rejected the plan, according to a letter obtained by the BBC.", "BBC"),
        # the channel that carried the words
        ("Ghana's interior minister warned on the BBC that looters would be prosecuted.", "BBC"),
    ],
)
def test_the_outlet_told_is_no_party(coder: Any, text: str, outlet: str) -> None:
    parties = _parties(coder, text)
    assert parties, text
    assert outlet not in parties


def test_the_outlet_told_lends_no_country(coder: Any) -> None:
    # the agency's country was the rebels' (a bare sector noun takes the article's commonest country)
    from riftwatch.records import Article

    text = "The rebels rejected the truce, a spokesman told AFP."
    coded = coder.code_doc(Article(id="a", text=text), coder.nlp(text))
    assert "FRA" not in {a.country for e in coded.events for a in (*e.source, *e.target)}


def test_an_outlet_that_is_acted_on_stays_a_party(coder: Any) -> None:
    from riftwatch.actors.audience import is_audience

    doc = coder.nlp("Russia banned the BBC after Putin told Reuters the war would go on.")
    bbc = next(t for t in doc if t.text == "BBC")
    reuters = next(t for t in doc if t.text == "Reuters")
    assert not is_audience(bbc) and is_audience(reuters)
    doc = coder.nlp("Police cracked down on the BBC after the president warned on CNN that protests would end.")
    assert not is_audience(next(t for t in doc if t.text == "BBC")) and is_audience(next(t for t in doc if t.text == "CNN"))


def test_byline_and_credit_line_name_no_actor(coder: Any) -> None:
    from riftwatch.records import Article

    text = ("By JANE DOE and JOHN ROE Associated Press\n\nLOME, Togo (AP) \u2014 Togolese police arrested "
            "twelve opposition activists on Friday, a lawyer said.\n\nAssociated Press writer Sam Poe in "
            "Accra contributed to this report.")
    coded = coder.code_doc(Article(id="a", text=text), coder.nlp(text))
    assert {a.text for a in coded.actors} & {"Associated Press", "AP", "LOME", "Sam Poe"} == set()
    assert "USA" not in {a.country for a in coded.actors}


def test_the_dateline_agency_lends_no_country(coder: Any) -> None:
    # the agency was the officials' country (a bare sector noun takes the article's commonest country)
    from riftwatch.records import Article

    text = "KYIV, Ukraine (AP) \u2014 Russian forces shelled the city overnight, officials said."
    coded = coder.code_doc(Article(id="a", text=text), coder.nlp(text))
    assert "USA" not in {a.country for a in coded.actors}
    assert {a.country for a in coded.actors if a.text == "officials"} == {"UKR"}
