"""Subheadings glued to the next sentence name no act (sentences written for these tests)."""

from __future__ import annotations

import pytest

from riftwatch.events.headings import heading_length

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Border clashes Since the spring, both armies have shelled villages along the river.", 2),
        ("Fresh sanctions The ministry said on Friday that the measures would take effect at once.", 2),
        ("A costly strike While the dockers stayed home, ships queued outside the harbour.", 3),
        ('Export curbs "It will take years to catch up," the analyst said.', 2),
        ("Lagos backs port deal Nigerian officials have said that the terminal would open in May.", 4),
        # ordinary sentences
        ('The minister "deeply regrets" the decision, his office said.', 0),
        ('Its slogan "Free the Press" was painted on the walls.', 0),
        ("Kenya closed the camp and Somali officials protested on Monday.", 0),
        ("Ghana recalled its envoy, Nigerian officials said.", 0),
        ("The army shelled villages along the river on Friday.", 0),
        ("Kenyan police said The Standard had published the leaked letter.", 0),
        ("Officials in Nairobi said the talks would resume.", 0),
        ("President Ruto On Monday met the envoy.", 0),
    ],
)
def test_heading_length(nlp, text: str, n: int) -> None:  # type: ignore[no-untyped-def]
    assert heading_length(list(nlp(text))) == n


def test_an_act_named_in_a_glued_heading_is_not_coded() -> None:
    from riftwatch.pipeline import Coder, Config
    from riftwatch.records import Article

    coder = Coder(Config(learned=False))
    text = "Border clashes The village council asked the governor for more teachers."
    coded = next(coder.code([Article(id="h", text=text)]))
    assert all(e.trigger.start >= text.index("The village") for e in coded.events), [e.trigger.text for e in coded.events]
    assert any(e.event_type == "REQUEST" for e in coded.events)
