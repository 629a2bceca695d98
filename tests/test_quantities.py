"""Counts of people in a sentence (riftwatch.events.quantities)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import shared_path
from riftwatch.errors import InputError
from riftwatch.events.quantities import find_quantities, parse_amount, parse_number
from riftwatch.records import Quantity

Row = tuple[str, str]  # (compact description, text); see describe()


def describe(q: Quantity) -> str:
    """"killed 8-10 /day ~": kind, low-high ("17-": at least 17, "-40": at most 40), rate, approximate."""
    low = "" if q.low is None else str(q.low)
    high = "" if q.high is None else str(q.high)
    amount = low if low == high else f"{low}-{high}"
    return f"{q.kind} {amount}" + (f" /{q.per}" if q.per else "") + (" ~" if q.approximate else "")


def rows(sentence: str) -> list[Row]:
    return [(describe(q), q.text) for q in find_quantities(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Medics said at least 17 people were killed in the market bombing.",
            [("killed 17-", "at least 17 people were killed")],
        ),
        ("The shelling killed 30 civilians, a monitor said.", [("killed 30", "killed 30 civilians")]),
        ("Airstrikes killing 14 fighters hit the depot.", [("killed 14", "killing 14 fighters")]),
        ("More than 200 were wounded.", [("wounded 200- ~", "More than 200 were wounded")]),
        ("The ministry deployed 3,000 troops to the north.", [("troops 3000", "3,000 troops")]),
        ("Two soldiers died when their truck hit a mine.", [("killed 2", "Two soldiers died")]),
        ("Hundreds were arrested after the rally.", [("arrested 200- ~", "Hundreds were arrested")]),
        ("A dozen policemen were injured.", [("wounded 12 ~", "A dozen policemen were injured")]),
        ("Scores of residents have fled.", [("displaced 40- ~", "Scores of residents have fled")]),
        ("Half a dozen remain missing.", [("missing 6 ~", "Half a dozen remain missing")]),
        ("Four Lebanese reporters were detained.", [("arrested 4", "Four Lebanese reporters were detained")]),
        ("Nine Iraqis were kidnapped.", [("hostages 9", "Nine Iraqis were kidnapped")]),
        ("Gunmen abducted eleven aid workers.", [("hostages 11", "abducted eleven aid workers")]),
        ("They kidnapped 16 foreign aid workers.", [("hostages 16", "kidnapped 16 foreign aid workers")]),
        ("The death toll rose to 52 on Sunday.", [("killed 52", "death toll rose to 52")]),
        ("Clashes left twenty-five dead.", [("killed 25", "twenty-five dead")]),
        ("Police rounded up 40 students.", [("arrested 40", "rounded up 40 students")]),
        ("The army reported 40 casualties.", [("casualties 40", "40 casualties")]),
        ("Rebels are holding six hostages.", [("hostages 6", "six hostages")]),
        ("Some 250 villagers were displaced.", [("displaced 250 ~", "Some 250 villagers were displaced")]),
        (
            "1.5 million people have been displaced.",
            [("displaced 1500000", "1.5 million people have been displaced")],
        ),
        (
            "Tens of thousands of people have fled.",
            [("displaced 20000- ~", "Tens of thousands of people have fled")],
        ),
        ("Up to forty men were detained.", [("arrested -40 ~", "Up to forty men were detained")]),
        ("Two or three soldiers were wounded.", [("wounded 2-3", "Two or three soldiers were wounded")]),
        ("The blast killed 8-10 people.", [("killed 8-10", "killed 8-10 people")]),
        (
            "Two hundred and fifty people were killed.",
            [("killed 250", "Two hundred and fifty people were killed")],
        ),
        # several counts, joined
        (
            "Officials said 7 people were killed and 20 injured.",
            [("killed 7", "7 people were killed"), ("wounded 20", "20 injured")],
        ),
        (
            "The bombing killed four soldiers and three civilians.",
            [("killed 4", "killed four soldiers"), ("killed 3", "three civilians")],
        ),
        (
            "The raid killed 12, wounded 30 and left 5 missing.",
            [
                ("killed 12", "killed 12"),
                ("wounded 30", "wounded 30"),
                ("missing 5", "5 missing"),
            ],
        ),
        (
            "Some 90 militiamen were killed and dozens more were wounded.",
            [
                ("killed 90 ~", "Some 90 militiamen were killed"),
                ("wounded 24- ~", "dozens more were wounded"),
            ],
        ),
        # rates
        (
            "The unit suffers a weekly average of three to five killed and scores wounded.",
            [("killed 3-5 /week", "three to five killed"), ("wounded 40- /week ~", "scores wounded")],
        ),
        (
            "Between 5 and 9 militants are killed each day.",
            [("killed 5-9 /day", "Between 5 and 9 militants are killed")],
        ),
        ("About 12 people are killed per day.", [("killed 12 /day ~", "About 12 people are killed")]),
        ("Each month, 300 people are detained.", [("arrested 300 /month", "300 people are detained")]),
        ("12 people were killed a day after the vote.", [("killed 12", "12 people were killed")]),
        # numbers that are not counts of people
        ("No one was killed in the attack.", []),
        ("In 2015 people were killed in large numbers.", []),
        ("On May 5 two soldiers died.", [("killed 2", "two soldiers died")]),
        ("Three rockets killed 12 people.", [("killed 12", "killed 12 people")]),
        ("The convoy travelled 30 km before it was hit.", []),
        ("The fighting has lasted 5 years.", []),
        ("The rebels captured 1,200 tanks.", []),
        ("Four hundred prisoners were released.", []),
        ("The soldiers were killed 3 km from the border.", []),
        ("On 5/12 three were killed.", [("killed 3", "three were killed")]),  # 12 is a day
    ],
)
def test_find_quantities(sentence: str, expected: list[Row]) -> None:
    assert rows(sentence) == expected


def test_offsets_point_into_the_article() -> None:
    sentence = "Later, 40 people were arrested."
    (q,) = find_quantities(sentence, offset=1000)
    assert (q.start, q.end) == (1007, 1030)
    assert sentence[q.start - 1000 : q.end - 1000] == q.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3,000", (3000, False)),
        ("12", (12, False)),
        ("2 million", (2_000_000, False)),
        ("twenty-five", (25, False)),
        ("a hundred", (100, False)),
        ("one thousand two hundred", (1200, False)),
        ("two hundred and fifty", (250, False)),
        ("half a dozen", (6, False)),
        ("two dozen", (24, False)),
        ("dozens", (24, True)),
        ("hundreds of thousands", (200_000, True)),
        ("2.5", None),
        ("banana", None),
    ],
)
def test_parse_number(text: str, expected: tuple[int, bool] | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("eight to ten", (8, 10, False)),
        ("between 8 and 10", (8, 10, False)),
        ("at least 12", (12, None, False)),
        ("more than 200", (200, None, True)),
        ("up to 50", (None, 50, True)),
        ("about 100", (100, 100, True)),
        ("a dozen", (12, 12, True)),
        ("scores", (40, None, True)),
        ("10 to 8", None),  # a backwards range is not trusted
        ("lots", None),
    ],
)
def test_parse_amount(text: str, expected: tuple[int | None, int | None, bool] | None) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    ("text", "offset", "where"),
    [
        (None, 0, "find_quantities(text)"),
        (12, 0, "find_quantities(text)"),
        ("x", -5, "find_quantities(offset)"),
    ],
)
def test_bad_input(text: object, offset: object, where: str) -> None:
    with pytest.raises(InputError) as err:
        find_quantities(text, offset)  # type: ignore[arg-type]
    assert err.value.where == where


WORDS = st.sampled_from(
    ["at", "least", "more", "than", "dozens", "of", "a", "dozen", "half", "12", "3,000", "1.5", "million", "eight", "to", "ten", "people", "soldiers", "were", "killed", "killing", "wounded", "troops", "died", "and", ",", "daily", "a", "day", "per", "week", "No", "one", "2015", "May", "km"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=14))
def test_never_raises_and_spans_line_up(words: list[str]) -> None:
    text = " ".join(words)
    for q in find_quantities(text, offset=3):
        assert text[q.start - 3 : q.end - 3] == q.text
        assert q.low is not None or q.high is not None
        assert q.low is None or q.high is None or q.low <= q.high


def test_founding_article_casualty_rate() -> None:
    """The seed report's casualty rate: killed 8-10 per day, dozens wounded (per day, joined by "and")."""
    text = shared_path("seed", "aleppo-falling-out.txt").read_text(encoding="utf-8")
    assert [describe(q) for q in find_quantities(text)] == ["killed 8-10 /day", "wounded 24- /day ~"]
