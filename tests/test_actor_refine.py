"""Sector conventions after recognition (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "word", "sector"),
    [
        ("Thousands of Palestinians marched to the checkpoint.", "Palestinians", "CVL"),
        ("Former president Barack Obama criticised the ruling.", "Barack Obama", "ELI"),
        ("President Emmanuel Macron met the press.", "Emmanuel Macron", "GOV"),
        # "then-president" held the office when the act was done
        ("In 2010, then-President Barack Obama criticised the ruling.", "Barack Obama", "GOV"),
        ("The Syrian army shelled the town.", "Syrian army", "MIL"),
        # a member of the opposition, however introduced, is the opposition's
        ("Nairobi: Opposition lawmakers walked out of the budget debate.", "lawmakers", "OPP"),
        ("KAMPALA, Uganda — Grace Atim, leader of the main opposition Unity Party, denounced the vote.", "Grace Atim", "OPP"),
        ("KAMPALA, Uganda — Grace Atim, a lawmaker from the opposition bloc, denounced the vote.", "Grace Atim", "OPP"),
        ("KAMPALA, Uganda — Ugandan lawmakers denounced the vote.", "lawmakers", "LEG"),
        # a union or labour federation, named in the singular as in the plural, is labour
        ("Chile's largest labor federation staged a general strike.", "labor federation", "LAB"),
        ("A trade union in Lagos denounced the fuel price rise.", "trade union", "LAB"),
        # civil offices whose names end in "general" are no generals
        ("Kenya's Attorney General Jane Wambui criticised the ruling.", "Jane Wambui", "GOV"),
        ("Ukraine's Prosecutor General Ivan Petrenko accused Russia of war crimes.", "Ivan Petrenko", "JUD"),
        ("Kenya's army chief, General Joseph Kiptoo, criticised the ruling.", "Joseph Kiptoo", "MIL"),
        # businesses and their chambers and groups are business
        ("The Kenyan Chamber of Commerce denounced the new levy.", "Chamber of Commerce", "BUS"),
        ("Nigerian businesses protested against the new levy.", "businesses", "BUS"),
    ],
)
def test_sector_conventions(text: str, word: str, sector: str) -> None:
    from riftwatch.pipeline import Coder
    from riftwatch.records import Article

    coded = next(Coder().code([Article(id="t", text=text, published=dt.date(2024, 5, 1))]))
    found = [a for a in coded.actors if word in a.text]
    assert found and found[0].sector == sector, [(a.text, a.sector) for a in coded.actors]
