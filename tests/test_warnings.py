"""What a plain warning says decides what it is (events/speech.py ``warning_content``): a threat of
the speaker's own, criticism of another party's conduct, or a forecast that is no event. Sentences
written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from riftwatch.records import Article

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def rules():  # type: ignore[no-untyped-def]
    from riftwatch.pipeline import Coder, Config

    return Coder(Config(learned=False))


def coded_at(rules, text: str, word: str) -> list[tuple[str, set[str], set[str]]]:  # type: ignore[no-untyped-def]
    coded = next(rules.code([Article(id="t", text=text, published=dt.date(2024, 5, 2))]))
    at = text.index(word)
    return [(e.event_type, {a.country for a in e.source}, {a.country for a in e.target})
            for e in coded.events if e.trigger.start <= at < e.trigger.end]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the speaker's own act, an addressee, or a condition: a threat
        ("Russia warned it would retaliate against any new sanctions.", ("THREATEN", {"RUS"})),
        ("Beijing warned Tokyo of serious consequences.", ("THREATEN", {"CHN"})),
        ("The Iranian foreign minister warned that the talks are at risk if Israel strikes again.", ("THREATEN", {"IRN"})),
        # "any" act of others is a condition, whoever would act: no criticism of the party it names
        ("Chad and Sudan warned that any attack on Libya would be treated as an attack on them.", ("THREATEN", {"TCD", "SDN"})),
        # (an act of force: "any deal" is no blow a threat answers)
        ("African leaders warned that any deal must not reward the junta.", None),
        # another party's conduct: criticism of that party
        ("The European Union warned that the Serbian government's moves would destabilise the region.", ("ACCUSE", {"IGO"})),
        # an act warned against, whoever is told: a threat (not the act, nor a forecast)
        ("Ankara warned Balkan governments against sending troops to the enclave.", ("THREATEN", {"TUR"})),
        ("Analysts warned against reading too much into the figures.", None),
        # how things will go: no event
        ("Aid agencies warn the drought is simply too severe to manage.", None),
        ("Kenyan officials warned in May of a possible surge in cholera cases.", None),
        ("Economists warn that higher tariffs could slow growth across Asia.", None),
    ],
)
def test_a_warning_is_a_threat_criticism_or_a_forecast(rules, sentence: str, expected) -> None:  # type: ignore[no-untyped-def]
    found = coded_at(rules, sentence, "warn")
    if expected is None:
        assert found == []
    else:
        assert [(t, s) for t, s, _ in found] == [expected]


def test_criticism_in_a_warning_targets_the_party_whose_conduct_it_names(rules) -> None:  # type: ignore[no-untyped-def]
    found = coded_at(rules, "Britain warned that growing trade between Iran and Venezuela is dangerous.", "warned")
    assert found == [("ACCUSE", {"GBR"}, {"IRN", "VEN"})]


def test_an_act_warned_against_is_no_event_of_the_speaker(rules) -> None:  # type: ignore[no-untyped-def]
    assert coded_at(rules, "Ankara warned Balkan governments against sending troops to the enclave.", "sending") == []
