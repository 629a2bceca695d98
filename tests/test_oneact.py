"""One attack told with several words is one event (events/oneact.py). Sentences written for these
tests."""

from __future__ import annotations

import datetime as dt

import pytest

from riftwatch.records import Article

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def rules():  # type: ignore[no-untyped-def]
    from riftwatch.pipeline import Coder, Config

    return Coder(Config(learned=False))


def assaults(rules, text: str) -> list[tuple[str, set[str], set[str]]]:  # type: ignore[no-untyped-def]
    coded = next(rules.code([Article(id="t", text=text, published=dt.date(2024, 5, 2))]))
    return [(e.trigger.text, {a.country for a in e.source}, {a.country for a in e.target})
            for e in coded.events if e.event_type == "ASSAULT"]  # fmt: skip


@pytest.mark.parametrize(
    "sentence",
    [
        "Last week, Taliban fighters ambushed a police convoy in Ghazni and killed 12 officers.",
        "A suicide bomber detonated a vest near an army checkpoint, killing four soldiers and injuring six.",
        "A car bomb blast killed nine people at a market in Mogadishu.",
        "A gang leader was killed in a gun battle with Haitian police on Sunday.",
        # the verb's act, counted
        "Chilean and Peruvian troops fought a series of deadly clashes along the border in 1995.",
        # the toll of the strikes a verb that is no trigger tells; the strikes stay
        "Turkish air strikes hit a farm near Qamishli on Monday, killing three herders.",
        "A Saudi drone strike hit a truck in the town of Saada, wounding its driver.",
    ],
)
def test_the_words_of_one_attack_are_one_event(rules, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert len(assaults(rules, sentence)) == 1
    if " hit " in sentence:
        assert assaults(rules, sentence)[0][0].endswith(("strikes", "strike"))


def test_two_acts_joined_in_the_parse_stay_two(rules) -> None:  # type: ignore[no-untyped-def]
    found = assaults(rules, "Gunmen attacked a passenger train in Balochistan and took the passengers hostage.")
    assert [t for t, _, _ in found] == ["attacked", "took"]


def test_a_toll_and_the_attack_of_its_when_clause_are_one_event_aimed_at_the_dead(rules) -> None:  # type: ignore[no-untyped-def]
    """"were killed when militants attacked": the attack that killed them, once, done to them; a
    cause told with no one doing it ("when a shell struck") does not take the toll's place."""
    text = "Four Kenyan border guards were killed on Sunday when Somali militants attacked a checkpoint near Mandera."
    assert [(w, s, t) for w, s, t in assaults(rules, text)] == [("attacked", {"SOM"}, {"KEN"})]
    text = "Three Kenyan herders were wounded on Sunday when a shell struck a well near Mandera."
    assert "wounded" in [w for w, _, _ in assaults(rules, text)]


def test_the_kept_event_takes_the_roles_the_others_found(rules) -> None:  # type: ignore[no-untyped-def]
    """The attack verb has the attackers, its toll the victims: the one event has both."""
    [(trigger, source, target)] = assaults(rules, "Russian forces shelled a village in Kharkiv, killing three Ukrainian soldiers.")
    assert (trigger, source, target) == ("shelled", {"RUS"}, {"UKR"})


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Moscow said it was ready to agree to a ceasefire on equal terms.", "ceasefire"),
        ("Iran's threats of attacks on shipping alarmed Washington.", "attacks"),
        ("Hamas and Israel agreed on a ceasefire in Cairo.", "ceasefire"),
        # what someone is accused of, the parse hanging it on the accused
        ("Kenya accused the militia of attacks on police posts.", "attacks"),
    ],
)
def test_an_act_named_as_another_act_s_content_is_no_event(rules, sentence: str, word: str) -> None:  # type: ignore[no-untyped-def]
    coded = next(rules.code([Article(id="t", text=sentence, published=dt.date(2024, 5, 2))]))
    at = sentence.index(word)
    assert [e.event_type for e in coded.events if e.trigger.start <= at < e.trigger.end] == []
    assert coded.events, "the act whose content it is stays"


def test_forces_driven_out_of_a_town_were_attacked(rules) -> None:  # type: ignore[no-untyped-def]
    """"drove the militants out of the town": fighting that took ground, aimed at those driven out."""
    found = assaults(rules, "Kenyan troops drove Somali militants out of the border town in 2019.")
    assert found == [("drove", {"KEN"}, {"SOM"})]


def test_a_note_of_protest_is_a_protest_once(rules) -> None:  # type: ignore[no-untyped-def]
    def acts(text: str) -> list[tuple[str, str]]:
        coded = next(rules.code([Article(id="t", text=text, published=dt.date(2024, 5, 2))]))
        return [(e.trigger.text, e.event_type) for e in coded.events]

    # a diplomatic note of protest handed over is a formal complaint, no demonstration
    assert acts("Latvia handed a note of protest to Minsk over the border incident.") == [("note", "ACCUSE")]
    assert acts("Latvia handed the Belarusian envoy a protest note on Monday.") == [("note", "ACCUSE")]
    # handed over with a summons, it is the protest the summons makes
    assert acts("Latvia summoned the Belarusian envoy and handed him a note of protest.") == [("summoned", "ACCUSE")]
    # a report is still no act of its own
    assert acts("The report said the guards had beaten two prisoners.") == [("beaten", "ASSAULT")]


def test_one_partys_criticism_of_another_told_twice_in_a_sentence_is_one_event() -> None:
    """Written here (after three helper stories): "accused Lima of ... and said Peru had never ..."
    and "condemned the sanctions, describing them as ..." tell one criticism; a criticism read off
    what was said gives way to one a verb told."""
    from riftwatch.pipeline import Coder, Config
    from riftwatch.records import Article

    coder = Coder(Config(learned=False))
    for text in ("Chile's foreign ministry accused Lima of stalling the talks and said Peru had never paid for the damage.",
                 "Chile's foreign minister condemned Peru's new tariffs, describing them as an attack on free trade."):
        (coded,) = coder.code([Article(id="t", text=text)])
        assert [e.trigger.text for e in coded.events if e.event_type == "ACCUSE"] in (["accused"], ["condemned"]), text
