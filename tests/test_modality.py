"""Factuality of triggers, read off the parse (sentences written for these tests)."""

from __future__ import annotations

import pytest

from riftwatch.events.modality import factuality

pytestmark = pytest.mark.slow

CASES = [
    # sentence, trigger word, expected
    ("The army shelled the village on Monday.", "shelled", "asserted"),
    ("The army did not shell the village.", "shell", "negated"),
    ("The rebels never attacked the convoy.", "attacked", "negated"),
    ("Neither the police nor the soldiers arrested the students.", "arrested", "negated"),
    ("The militia could have seized the bridge.", "seized", "hypothetical"),
    ("The navy would blockade the port if talks fail.", "blockade", "hypothetical"),
    ("The government will impose a curfew tomorrow.", "impose", "future"),
    ("The envoy will try to mediate between the factions.", "mediate", "future"),
    ("Try to negotiate a truce with the tribal leaders.", "negotiate", "future"),
    ("The minister wants to expel the diplomats.", "expel", "future"),
    ("The president demanded that the neighbours withdraw their troops.", "withdraw", "future"),
    ("Officials fear that the insurgents will bomb the pipeline.", "bomb", "future"),
    ("The cabinet decided to deploy two brigades.", "deploy", "asserted"),
    ("The general ordered the units to pull back from the border.", "pull", "asserted"),
    ("The ministry said the troops raided the camp.", "raided", "asserted"),
    ("They sent envoys in order to negotiate a settlement.", "negotiate", "future"),
    ("The governor refused to meet the strikers.", "meet", "negated"),
    ("The guerrillas attacked the base and did not release the hostages.", "release", "negated"),
    ("He is not interested in deploying more soldiers.", "deploying", "negated"),
    # a negated clause does not negate its time or its cause
    ("The army will not withdraw while the rebels attack the town.", "attack", "asserted"),
    ("He said he would not quit when the session closes and urged supporters to stay calm.", "urged", "asserted"),
    # an ability or a permission is no act; one perceived under "can" is
    ("Under the new law, the police can detain protesters for a week.", "detain", "hypothetical"),
    ("The militia cannot attack the airport again.", "attack", "negated"),
    ("Residents can still hear the rebels shelling the suburbs.", "shelling", "asserted"),
    # a condition on the act's own clause; one on what is demanded or warned of leaves the demand
    ("If the court rules against him, the minister resigns.", "resigns", "hypothetical"),
    # an act named as the subject of what would or could follow is only supposed
    ("He said an armed attack on Philippine vessels would invoke the treaty.", "attack", "hypothetical"),
    ("A ceasefire in the war could affect the U.S. presence in Asia.", "ceasefire", "hypothetical"),
    # a participle beside a verb of asking, offering or threatening is a second act of the same
    # doer, not what is asked, offered or threatened
    ("Kenya demanded the release of the fishermen, accusing Uganda of piracy.", "accusing", "asserted"),
    ("Threatening to close the border, Chad demanded that Sudan hand over the rebels.", "Threatening", "asserted"),
    ("Police offered rewards for information on the gunmen, accusing them of murder.", "accusing", "asserted"),
    ("Chad urged Sudan to hand over the rebels.", "hand", "future"),
    # what a verb acts on is there, whatever the verb's status: no refusal of it, no plan of it
    ("Kosovo said the vote would not affect its agreement with Albania.", "agreement", "asserted"),
    ("Officials said the strike could undermine the talks with Serbia.", "talks", "asserted"),
    # "any" act as the subject: if one comes, whoever does it
    ("Chad warned that any attack on its border posts would be answered at once.", "attack", "hypothetical"),
    ("Any blockade of the port will raise food prices, traders said.", "blockade", "hypothetical"),
    # (a pool sentence)
    (("He said if nuclear threats by China and North Korea escalate in the region, \"the U.S. extended deterrence in "
     "the region will no longer function.\""), "threats", "hypothetical"),
    ("Israel is going to strike the camps, the minister said.", "strike", "future"),
    # "yet to": not done so far
    ("The regime has yet to release the detained reporters.", "release", "negated"),
    ("The ceasefire deal is yet to be signed by the rebels.", "signed", "negated"),
    # "nothing" as what was done: none was done
    ("The envoys talked for hours but agreed nothing.", "agreed", "negated"),
    # what it is important or possible to do is weighed, not done
    ("He said it was important to launch the campaign early.", "launch", "hypothetical"),
    ("We hoped that it would be possible to settle our dispute with Kenya.", "settle", "hypothetical"),
    # a condition denied is still a condition: no refusal happened
    ("Israel threatened to resume strikes if Hamas does not release the hostages.", "release", "hypothetical"),
    ("The mayor urged traders to close their shops if they want to avoid fines.", "urged", "asserted"),
    ("The cabinet warned the rebels of reprisals if they attack again.", "warned", "asserted"),
    ("The army will retaliate if the border post is attacked.", "retaliate", "future"),
    # a denial on an adverb, a determiner, a subject, or the predicate that wants the act
    ("Hungary will no longer recognise the tribunal.", "recognise", "negated"),
    ("Police made no arrests after the match.", "arrests", "negated"),
    ("The spokesman offered no support for the plan.", "offered", "negated"),
    ("The spokesman offered support for the plan.", "offered", "asserted"),
    ("No talks were held between the two delegations.", "held", "negated"),
    ("The interior ministry has no plans to deport the migrants.", "deport", "negated"),
    ("Ghana does not intend to send troops to the border.", "send", "negated"),
    ("The mayor did not want to meet the strikers.", "meet", "negated"),
    ("The governor is not willing to negotiate with the unions.", "negotiate", "negated"),
    ("The governor is willing to negotiate with the unions.", "negotiate", "future"),
    ("The opposition will no longer take part in the negotiations.", "negotiations", "negated"),
    ("The opposition took part in the negotiations.", "negotiations", "asserted"),
    ("Two soldiers were not hurt in the ambush.", "ambush", "asserted"),
    # an accusation summed up by "a charge ... denied" was made, however the parse hangs it
    ("Burhan accused the United Arab Emirates of arming the RSF, a charge the Gulf state has repeatedly denied.",
     "accused", "asserted"),
    # a past tense of its own joins the verb that reports, not what that verb reports
    ("The agency warned that famine was spreading across the region and called on both sides to let aid through.",
     "called", "asserted"),
    # "nor" denies the second conjunct as "neither" the first
    ("The ministry neither confirmed nor denied the reports.", "denied", "negated"),
    ("The ministry confirmed and denied parts of the reports.", "denied", "asserted"),
    # a subject determined by "neither" denies its verb as "no" does
    ("Neither government agreed to reopen the crossing after the talks.", "agreed", "negated"),
    ("Neither of the two envoys signed the draft accord.", "signed", "negated"),
    ("Either government may reopen the crossing after the talks.", "reopen", "hypothetical"),
    # what a text turned down says is not said
    ("Moscow vetoed a resolution demanding a ceasefire in Darfur.", "demanding", "negated"),
    ("The assembly failed to adopt a motion condemning the raids.", "condemning", "negated"),
    ("The assembly adopted a motion condemning the raids.", "condemning", "asserted"),
    # what a party plots or schemes to do it has not done
    ("The junta claimed that Benin was plotting to invade the country.", "invade", "future"),
    # the means is as real as the act it serves
    ("The rebels may respond by shelling the airport.", "shelling", "hypothetical"),
    ("The rebels responded by shelling the airport.", "shelling", "asserted"),
    ("The rebels will respond by shelling the airport.", "shelling", "future"),
    # "not only ... but also" adds; it denies nothing
    ("The senators are not only angry with the ministry but also with the army.", "angry", "asserted"),
    ("The rebels have not just attacked the convoy but also burned the depot.", "attacked", "asserted"),
    ("The senators are not angry with the ministry.", "angry", "negated"),
    # a conjunct with its own tense keeps its own polarity; a bare one shares the first verb's
    ("Peru said it would not accept the ruling and demanded a new hearing.", "demanded", "asserted"),
    ("Peru will not accept the ruling or negotiate with the court.", "negotiate", "negated"),
    # a noun's act put ahead by an adjective, or by the verb by which it happens
    ("The upcoming talks between the two ministers drew attention.", "talks", "future"),
    ("A planned visit by the envoy was announced on Monday.", "visit", "future"),
    ("Talks between the two parties are to resume in Geneva.", "Talks", "future"),
    ("Talks between the two parties will take place in Geneva.", "Talks", "future"),
    ("Talks between the two parties took place in Geneva.", "Talks", "asserted"),
    # holding back from an act: not done; no holding back: pledged, or done
    ("The cabinet hesitated to impose sanctions on the neighbours.", "impose", "negated"),
    ("The general said his troops will not hesitate to strike the rebel camps.", "strike", "future"),
    ("The guards did not hesitate to open fire on the crowd.", "open", "asserted"),
    # "call" naming its object speaks of an act that took place
    ("The senator called the raid a disgrace.", "raid", "asserted"),
    # a time or a cause told in the past happened, whatever the clause it hangs on
    ("The minister accused the rebels of trying to sabotage the talks after they shelled the airport.",
     "shelled", "asserted"),
    # a cause told in the present perfect has happened too; after "once" the perfect is still to come
    ("The envoy does not visit the capital because the rebels have closed the airport.", "closed", "asserted"),
    ("The army will attack the town when the rebels have left it.", "left", "future"),
    # what an act refused or to come waits for has not happened; after an act that happened it has
    ("Somalia said it would not resume talks until Ethiopia withdrew the memorandum.", "withdrew", "hypothetical"),
    ("Turkey will block the bid until Sweden extradites the suspects.", "extradites", "hypothetical"),
    ("Fighting continued until the army withdrew from the town.", "withdrew", "asserted"),
    # a past tense the tagger took for a participle: a subject and no auxiliary
    ("Police pushed back the boat, a week after local residents protested against new arrivals.", "protested",
     "asserted"),
    # a stance taken on an act, whatever the stance, says the act is there
    ("The council said it would not tolerate the rebels' attacks on the town.", "attacks", "asserted"),
    ("The minister did not welcome the visit of the delegation.", "visit", "asserted"),
    # a light verb's status is its noun's
    ("The rebels did not launch attacks on the town.", "attacks", "negated"),
    # an act in a condition is hypothetical, whatever the status of the clause it conditions
    ("The union will end the strike if the company raises wages.", "raises", "hypothetical"),
    ("The party said it would not return to parliament unless the army released its leaders.", "released",
     "hypothetical"),
    ("The party said it would not return to parliament unless the army released its leaders.", "return",
     "negated"),
    # an act asked about is neither done nor coming
    ("Lima has not said whether it will expel the envoy.", "expel", "hypothetical"),
    ("It remains unclear whether the rebels would attack the town.", "attack", "hypothetical"),
    # a condition told by inversion
    ("Were Brasilia to press Caracas, the crisis could end sooner.", "press", "hypothetical"),
    ("Should Peru expel the envoy, Bolivia would respond.", "expel", "hypothetical"),
    ("Had Lima imposed sanctions earlier, the crisis might have ended.", "imposed", "hypothetical"),
    ("The envoys were to meet in Lima on Monday.", "meet", "future"),
    # "any" such act is none told
    ("Brasilia said it would respond to any new tariffs from Washington.", "tariffs", "hypothetical"),
    ("Every Russian strike will have consequences, the president said.", "strike", "hypothetical"),
    # what an agreement requires of a party is not yet done
    ("The truce requires the rebels to withdraw their fighters from the border.", "withdraw", "future"),
    # held back from
    ("The rebels have so far refrained from attacking the town.", "attacking", "negated"),
    ("The Chilean minister stopped short of accusing Bolivia.", "accusing", "negated"),
    ("The minister stopped accusing Bolivia after the talks.", "accusing", "negated"),
    # ... and what a speaker held back from saying is not said
    ("The president stopped short of saying that troops would be sent to the border.", "sent", "negated"),
    ("The minister refrained from saying that Chile would expel the envoy.", "expel", "negated"),
    ("The president said that troops would be sent to the border.", "sent", "future"),
]


@pytest.mark.parametrize(("sentence", "word", "expected"), CASES)
def test_factuality(nlp, sentence: str, word: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == word)
    assert factuality(tok) == expected


def test_a_main_clause_hung_under_a_clause_of_time_stays_done() -> None:
    # the small model may make "hours after X demanded ..." the root and hang the main clause,
    # a done act, under it as if it were what was demanded
    import datetime as dt

    from riftwatch.pipeline import Coder, Config
    from riftwatch.records import Article

    rules = Coder(Config(learned=False))
    text = ("Israeli aircraft struck military sites near the southern Syrian city of Deraa on Tuesday, Syrian state "
            "media said, hours after Prime Minister Benjamin Netanyahu demanded the full demilitarisation of the "
            "south of the country.")
    coded = next(rules.code([Article(id="m", text=text, published=dt.date(2024, 3, 15))]))
    struck = next(e for e in coded.events if e.trigger.text == "struck")
    assert struck.factuality == "asserted"
    demanded = next(e for e in coded.events if e.trigger.text == "demanded")
    assert "ISR" not in {a.country for a in demanded.target}
