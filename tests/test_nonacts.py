"""Trigger words that name no political act (events/nonacts.py): harm done by accidents, nature
or animals; "met with" as a reception; talking to the news media. Sentences written for these
tests; each pair keeps a political act beside the non-act it resembles."""

from __future__ import annotations

import datetime as dt

import pytest

from riftwatch.records import Article

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def rules():  # type: ignore[no-untyped-def]
    from riftwatch.pipeline import Coder, Config

    return Coder(Config(learned=False))


def types_at(rules, text: str, word: str) -> list[str]:  # type: ignore[no-untyped-def]
    coded = next(rules.code([Article(id="t", text=text, published=dt.date(2024, 5, 2))]))
    at = text.index(word)
    return [e.event_type for e in coded.events if e.trigger.start <= at < e.trigger.end]


@pytest.mark.parametrize(
    ("sentence", "word", "etype"),
    [
        # acts counted as a trend are a statistic, no act; the act itself is one
        ("Abductions of aid workers in the region rose to 31 last year.", "Abductions", None),
        ("Gunmen abducted 31 aid workers in the region last year.", "abducted", "ASSAULT"),
        # harm by accident nature or animals is no act
        ("Falling masonry and collapsing buildings injured 40 people in the port city.", "injured", None),
        ("Eleven villagers were killed in the landslide, the district governor said.", "killed", None),
        ("The cyclone and the floods that followed killed at least 30 people.", "killed", None),
        ("Elephants killed two farmers near the park last week.", "killed", None),
        # a state of things threatened is endangered: no threat is made
        ("Critics say the deal could threaten the security of the base.", "threaten", None),
        ("Lawmakers said the new rules threatened the country's stability.", "threatened", None),
        ("The junta threatened the protesters with arrest.", "threatened", "THREATEN"),
        ("Floods swept through three northern districts on Sunday, killing at least 40 people.", "killing", None),
        ("Gunmen raided the village on Sunday, killing at least 40 people.", "raided", "ASSAULT"),
        ("Tropical Storm Ana slammed into the coast of Mozambique on Monday.", "slammed", None),
        ("A roadside bomb killed 11 soldiers near the border.", "killed", "ASSAULT"),
        ("Rebels killed five villagers during the storm.", "killed", "ASSAULT"),
        ("Two officers were killed in the attack on the checkpoint.", "killed", "ASSAULT"),
        # a verb of moving forces with an object that names no forces moves none
        ("Officials dispatched ambulances from the railway station on Wednesday.", "dispatched", None),
        ("The singer amassed two million followers online.", "amassed", None),
        ("The army dispatched reinforcements to the town.", "dispatched", "MOBILIZE"),
        ("Moscow deployed the Wagner group to Mali.", "deployed", "MOBILIZE"),
        # charging a price is no charge laid against anyone
        ("The utility said it was charging 30% more for the power it sells to its neighbour.", "charging", None),
        ("The port authority now charges 15% more for every container it handles.", "charges", None),
        ("Prosecutors charged the mayor with fraud on Tuesday.", "charged", "ACCUSE"),
        # met with as a reception is no meeting
        ("The army's new offensive has met with little success so far.", "met", None),
        ("The proposal met with strong opposition from Moscow.", "met", None),
        ("Putin met with the opposition in the Kremlin on Monday.", "met", "CONSULT"),
        # ... also in the passive; force it will be met with is a threat, made now
        ("The march was met with tear gas and rubber bullets.", "met", None),
        ("Ghana said any incursion would be met with a firm response.", "met", "THREATEN"),
        ("Lavrov was met by Chinese officials at the airport.", "met", "CONSULT"),
        # governments and leaders who clash disagree; armed men and crowds fight
        ("The president has clashed with Washington on a range of issues.", "clashed", None),
        ("Protesters clashed with police in Tbilisi on Sunday.", "clashed", "ASSAULT"),
        ("Armenia and Azerbaijan clashed along the border on Monday.", "clashed", "ASSAULT"),
        # naming an act with a condemning word criticises it, also as a second object
        ("The rebels described the killings as a deliberate breach of the truce.", "described", "ACCUSE"),
        ("The senator responded by calling the premier a dictator.", "calling", "ACCUSE"),
        ("Beijing held drills and called them a punishment for separatist acts.", "called", "ACCUSE"),
        ("Officials called the plan a fresh start for the region.", "called", None),
        # aid named after a noun of stopping it is stopped: relations reduced
        ("Washington announced a halt to military aid to Kyiv on Monday.", "aid", "SANCTION"),
        ("The president ordered a freeze on foreign assistance last month.", "ordered", "SANCTION"),
        # a strike that stops work is a protest; one from the air a blow
        ("Bazaar merchants launched a nationwide strike over fuel prices on Monday.", "launched", "PROTEST"),
        ("Unions called a general strike against the pension reform.", "strike", "PROTEST"),
        ("Israeli jets carried out a strike on Hezbollah positions.", "carried", "ASSAULT"),
        # ordering a body's officials or staff out of the country expels them
        ("Khartoum ordered two senior U.N. officials to leave the country within 72 hours.", "ordered", "SANCTION"),
        # control taken of a place is a seizure; of one's life or health none
        ("The army regained control of the town on Saturday.", "regained", "ASSAULT"),
        ("With treatment, he has regained control over his health.", "regained", None),
        ("He took control of his life after the accident.", "took", None),
        # soldiers returned to their country, participation frozen
        ("Baku returned 32 Armenian soldiers in exchange for two servicemen.", "returned", "RETREAT"),
        ("Armenia froze its participation in the alliance on Friday.", "froze", "SANCTION"),
        # a road blocked by a crowd is a protest, by police or a state a restriction
        ("Demonstrators again blocked Rustaveli Avenue on Sunday.", "blocked", "PROTEST"),
        ("Anti-riot officers blocked the roads leading to parliament.", "blocked", "COERCE"),
        ("Turkey blocked the roads to the Syrian border on Friday.", "blocked", "COERCE"),
        # taking to the streets is protesting
        ("Thousands of teachers took to the streets of Nairobi on Monday.", "took", "PROTEST"),
        # a participle before its noun describes it
        ("Iran promised a crushing response to the strike.", "crushing", None),
        ("Modi met with Ramaphosa in New Delhi.", "met", "CONSULT"),
        # talking to the press is no meeting
        ("A nurse in Kabul, who spoke with VOA on condition of anonymity, described the shortages.", "spoke", None),
        ("The Egyptian foreign minister spoke to reporters in Cairo after the vote.", "spoke", None),
        ("The Egyptian foreign minister spoke with his Israeli counterpart on Sunday.", "spoke", "CONSULT"),
        # flying someone somewhere carries them, no visit
        ("The ministry flew the deported migrants to Kabul on Tuesday.", "flew", None),
        ("The Kenyan president flew to Addis Ababa on Monday for talks.", "flew", "CONSULT"),
        # nor are the news media's own interviews and inquiries
        ("Reuters spoke with six officials about the talks.", "spoke", None),
        ("The BBC examined the documents and spoke with the families.", "examined", None),
        ("The newspaper is known for its investigations into police abuses.", "investigations", None),
        ("VOA: Kenyan police investigated the killings.", "investigated", "ACCUSE"),
        # ... and a news conference is where something was said, unless held with someone
        ("The governor told a news conference in Lagos that the curfew would stay.", "conference", None),
        ("The governor held a news conference in Lagos on Monday.", "held", None),
        ("The president held a joint press conference with the visiting Kenyan leader.", "held", "CONSULT"),
        # agreeing with a view is no agreement
        ("The senator agreed with the president's remark about the economy.", "agreed", None),
        ("“The worst is still ahead,” agreed a spokesman for the refugees.", "agreed", None),
        ("Most EU ministers agree with the French proposal for a ceasefire.", "agree", "SUPPORT"),
        ("Serbia agreed with Kosovo on a new border crossing.", "agreed", "AGREE"),
        ("Armenia and Azerbaijan agreed to withdraw their troops.", "agreed", "AGREE"),
        # trips of private people are no visits
        ("More than a million Russian tourists visited Turkey last year.", "visited", None),
        ("Thousands of foreigners travel to Bangkok every year for surgery.", "travel", None),
        ("The Russian foreign minister visited Ankara on Tuesday.", "visited", "CONSULT"),
        # seeking is a request when something is sought of someone
        ("Ukraine sought more air defence systems from Germany.", "sought", "REQUEST"),
        ("Jordan is seeking emergency aid to feed the refugees.", "seeking", "REQUEST"),
        ("Armed gangs are seeking large ransoms for the students.", "seeking", None),
        ("Britain is seeking to finalize the handover of the islands.", "seeking", None),
        # a generic word of help needs both parties
        ("Last year, India helped Mauritius build a new airstrip.", "helped", "AID"),
        ("Turkey protects Azerbaijan against any attack, Erdogan said.", "protects", "AID"),
        ("The new law helps families deal with rising rents.", "helps", None),
        ("Europeans can no longer take American protection for granted.", "protection", None),
        ("The ministry bans fishing every spring to protect fish stocks.", "protect", None),
        ("Wind farms provided a fifth of the country's electricity last year.", "provided", None),
        ("Germany provided Ukraine with two more air defence systems.", "provided", "AID"),
        # a participle before its noun names no act
        ("Critics say the proposed deal gives away too much.", "proposed", None),
        ("The banned separatist group claimed the bombing.", "banned", None),
        ("Beijing froze two Chinese-funded railway projects.", "funded", None),
        ("Britain proposed a deal to Mauritius last year.", "proposed", "AGREE"),
        # a fixed expression names no act
        ("Pilots would train in Moscow, as opposed to years of training in Texas.", "opposed", None),
        ("In recognition of World Refugee Day, the agency opened a new clinic.", "recognition", None),
        ("Britain opposed the deal.", "opposed", "REJECT"),
        # what a party usually does is a habit, not an act; what it did repeatedly are acts
        ("The militia frequently conducts raids and ambushes in the north.", "ambushes", None),
        ("Rebels often attack convoys on the highway.", "attack", None),
        ("If the appeal fails, the migrant is usually deported within weeks.", "deported", None),
        ("Rebels attacked a convoy on the highway on Monday.", "attacked", "ASSAULT"),
        # what is seldom or rarely done is, in any tense, no act the text reports
        ("The former president seldom criticized Beijing while in office.", "criticized", None),
        ("The Taliban routinely deny sheltering the fighters.", "deny", "REJECT"),
        ("Critics have repeatedly accused the ministry of corruption.", "accused", "ACCUSE"),
        # a relative clause on the accident, or on what it was "of", tells what the accident did
        ("They demanded answers for the collapse of a bridge in Genoa that killed 43 people.", "killed", None),
        ("They condemned the bombing of a French base that killed nine soldiers.", "killed", "ASSAULT"),
        # reaching an amount is no blow
        ("Bilateral trade between the two countries hit $1.1 billion last year.", "hit", None),
        ("A missile hit a school in Kharkiv on Monday.", "hit", "ASSAULT"),
        # a trade war or a drug war is no armed attack
        ("The two presidents launched a trade war last spring.", "launched", None),
        ("Mexico did not start this drug war, the president said.", "start", None),
        ("Russia launched a war against Ukraine in 2022.", "launched", "ASSAULT"),
        # nor is a legal, a political or an uphill battle or fight
        ("The mining company is locked in a legal battle with the government of Chile.", "battle", None),
        ("The opposition faces an uphill battle against the ruling party in the elections.", "battle", None),
        ("Lawyers for the senator began a court fight against his extradition to Spain.", "fight", None),
        ("Rebels fought a fierce battle with Malian soldiers near Gao.", "battle", "ASSAULT"),
        # nor a trade or charm offensive
        ("The president's trade offensive against Canada and Mexico rattled markets.", "offensive", None),
        ("Beijing launched a charm offensive in Southeast Asia.", "launched", None),
        ("Russian forces launched an offensive on Pokrovsk.", "launched", "ASSAULT"),
        # hosting a base or a sporting event is no meeting; hosting a visitor is
        ("Romania hosts a NATO base on the Black Sea coast.", "hosts", None),
        ("Qatar hosted the World Cup in 2022.", "hosted", None),
        ("The Turkish president hosted his Iranian counterpart in Ankara.", "hosted", "CONSULT"),
        # offering an account or handing over a list is no offer or concession
        ("The ministry offered a different account of the clash.", "offered", None),
        ("Kyiv handed over a list of more than 1,000 names to Moscow.", "handed", None),
        ("The rebels handed over the town to the army.", "handed", "RETREAT"),
        # going on with an act is no demand: the act is its own event
        ("Islamabad pressed ahead with the deportation of undocumented Afghans.", "pressed", None),
        ("Islamabad pressed ahead with the deportation of undocumented Afghans.", "deportation", "COERCE"),
        # a war summed up with no party of it named is no act; one between named parties is
        ("The civil war has killed more than 300,000 people since 2011.", "killed", None),
        ("The deal ended a border war that lasted two years and killed 80,000 people.", "killed", None),
        ("The war between Armenia and Azerbaijan killed 6,500 soldiers.", "killed", "ASSAULT"),
        # officials gathering meet; gathering evidence is no meeting
        ("Foreign ministers of the Arab League gathered in Cairo on Sunday.", "gathered", "CONSULT"),
        ("Investigators gathered evidence at the scene of the bombing.", "gathered", None),
        # a crowd gathering is no meeting of political actors
        ("Thousands of protesters gathered outside parliament in Nairobi on Tuesday.", "gathered", None),
        ("Hundreds of people gathered in the main square to mourn the victims.", "gathered", None),
        # a noun of an act judged is weighed, not reported; one said to be going on is reported
        ("Beijing's support is vital for Phnom Penh to finish the canal.", "support", None),
        ("Western officials say new sanctions on Minsk may be imminent.", "sanctions", None),
        ("The junta's crackdown on the press is ongoing, the group said.", "crackdown", "COERCE"),
        # a gerund standing as the judged subject, and the act it names
        ("Seoul warned that expanding military cooperation between Moscow and Pyongyang is dangerous.", "expanding", None),
        ("Seoul warned that expanding military cooperation between Moscow and Pyongyang is dangerous.", "cooperation", None),
        # a statement released is published, not freed, whatever the words after it say
        ("In a statement released after the raid, the group set a deadline.", "released", None),
        ("The rebels released the hostages after the raid.", "released", "RETREAT"),
        # a noun of an act that something is about names it, it does not report it
        ("Many voters are skeptical about the new government proposals.", "proposals", None),
        ("Washington urged Pyongyang to change its stance on the nuclear talks.", "talks", None),
        ("The two sides agreed on a ceasefire on Monday.", "agreed", "AGREE"),
        # an act in a relative clause on "someone", "those", "everyone" describes a kind of people
        ("Everybody in the town knows somebody who has been arrested by the police.", "arrested", None),
        ("The minister thanked everyone who supports the ceasefire.", "supports", None),
        ("Police arrested two men who attacked a bus on Monday.", "attacked", "ASSAULT"),
        ("Europhiles and those backing deeper integration welcomed the vote.", "backing", None),
        # encouraged by something is heartened, asked nothing; urged by someone to act is asked
        ("Encouraged by mild sanctions, the general may test the border again.", "Encouraged", None),
        ("The envoy was urged by Washington to leave the country.", "urged", "REQUEST"),
        # a sentence that asks reports no act
        ("And what did you discuss with the minister in Ankara?", "discuss", None),
        ("Will the ban on the imports end the trade?", "ban", None),
        # a noun of an act inside an actor's own name names the actor
        ("International aid agencies distributed food in the north.", "aid", None),
        ("The leader of Afghanistan's Taliban insurgency praised the withdrawal.", "insurgency", None),
        # a trigger word in a body's or a treaty's name names no act
        ("The U.N. Working Group on Arbitrary Detention criticised the verdict.", "Detention", None),
        ("Moscow and Pyongyang signed a Treaty on Comprehensive Strategic Partnership.", "Partnership", None),
        # a means or a label is no act either
        ("Nairobi had hoped to settle the dispute with Mogadishu through negotiations.", "negotiations", None),
        ("The speaker denounced the vote as an attack on the constitution.", "attack", None),
        ("Investors remained unmoved by the threat of new sanctions.", "threat", None),
        ("Seoul will use every instrument available, including sanctions.", "sanctions", None),
        # caught by guards is apprehended; caught between two worlds is torn
        ("Forty of the escaped inmates have been caught by the police.", "caught", "COERCE"),
        ("The small state is caught between two powerful neighbours.", "caught", None),
        ("The fire caught the attention of the neighbours.", "caught", None),
        # a feeling felt about nothing named is no act; about a party, an act or a fear it is
        ("The envoy to Sudan, Anna Berg, voiced concern.", "voiced", None),
        ("The ministry expressed sorrow over the lives lost in the fire.", "expressed", None),
        ("Families in Lagos were expressing relief after the students came home.", "relief", None),
        ("Kenya expressed concern over Uganda's troop build-up.", "expressed", "ACCUSE"),
        ("Egypt expressed concern over the shelling.", "expressed", "ACCUSE"),
        ("Chile expressed concern that Peru would close the border.", "expressed", "ACCUSE"),
        ("Peru expressed condolences to Ecuador after the earthquake.", "expressed", "SUPPORT"),
        ("The minister said Berlin is deeply concerned about Serbia's actions.", "concerned", "ACCUSE"),
        # a verb of feeling has its parties, however the parse hangs them
        ("Kenya's decision angered Somalia.", "angered", "ACCUSE"),
        # a name given in a free relative is the taking clause's, not an act of its own (pool
        # 8010057; the other written here); a name given outright is criticism
        ("Police began sending what officials described as dangerous criminals to the island.", "described", None),
        ("Manila summoned the envoy to protest what it called reckless maneuvers by the coast guard.", "called", None),
        ("Manila called the maneuvers reckless.", "called", "ACCUSE"),
        # a meeting where someone spoke is where the words were said (pool 8009976, 6205696);
        # one at which something was done is still a meeting
        ("Speaking at a Security Council meeting on Sudan, the envoy said aid was blocked.", "meeting", None),
        ("The minister said at the summit that Hungary would help.", "summit", None),
        ("Kenya and Uganda issued a statement at their meeting in July.", "meeting", "CONSULT"),
        # a participle made a noun by its article names people, not an act
        ("Medics flew the wounded to Kampala on Sunday.", "wounded", None),
        ("The governor visited the injured at the district clinic.", "injured", None),
        ("Police wounded two students at the rally on Sunday.", "wounded", "ASSAULT"),
        # releasing flares or balloons frees no one
        ("A fighter jet released flares near the patrol aircraft on Sunday.", "released", None),
        # why another act was done is no act of its own; what a protest is against makes it one
        ("Rabat recalled its ambassador from Algiers in protest on Monday.", "protest", None),
        ("Rabat recalled its ambassador from Algiers for consultations on Monday.", "consultations", None),
        ("Rabat recalled its ambassador from Algiers in protest on Monday.", "recalled", "SANCTION"),
    ],
)
def test_a_trigger_word_that_names_no_act(rules, sentence: str, word: str, etype: str | None) -> None:  # type: ignore[no-untyped-def]
    """Each group pairs the non-acts a find step drops with the acts it must keep."""
    assert types_at(rules, sentence, word) == ([etype] if etype else [])


def test_an_act_named_again_is_no_new_act(rules) -> None:  # type: ignore[no-untyped-def]
    """'the attack', 'Tuesday's attack', 'this attack' after the article told the attack name that act again."""
    text = ("Gunmen attacked a bus in northern Mali on Tuesday, killing nine passengers. "
            "No group has claimed responsibility for the attack. "
            "Tuesday's attack was the deadliest this year. "
            "This attack follows a raid by the army on Monday. "
            "Two new attacks on army posts followed on Friday.")  # fmt: skip
    coded = next(rules.code([Article(id="t", text=text, published=dt.date(2024, 5, 2))]))
    assert [e.trigger.text for e in coded.events if e.event_type == "ASSAULT"] == ["attacked", "raid", "attacks"]
    text = "Beijing held large drills around Taiwan on Monday. Those drills followed the president's stop in Hawaii."
    coded = next(rules.code([Article(id="t", text=text, published=dt.date(2024, 5, 2))]))
    assert [e.trigger.text for e in coded.events if e.event_type == "MOBILIZE"] == ["held"]


def test_a_passive_participle_s_noun_is_its_object(rules) -> None:  # type: ignore[no-untyped-def]
    """'a report to be released next month': publishing a report is no release of people."""
    assert types_at(rules, "According to a report to be released next month, Iran has enriched more uranium.", "released") == []
    assert types_at(rules, "The prisoners who were released on Monday returned to Gaza.", "released") == ["RETREAT"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "hit back" with nothing struck says only that someone answered, in words as often as blows
        ("The ruling party hit back sharply on Tuesday.", []),
        ("Lima has already hit back.", []),
        # what was struck, or how, still tells an attack
        ("The army hit back at the rebels with air strikes.", ["ASSAULT"]),
        ("Gunmen hit a police post near the border.", ["ASSAULT"]),
    ],
)
def test_hitting_back_with_nothing_struck_is_no_attack(rules, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert types_at(rules, text, "hit") == expected


def test_a_plea_in_court_is_no_request(rules) -> None:  # type: ignore[no-untyped-def]
    assert types_at(rules, "The two journalists pleaded not guilty on Monday.", "pleaded") == []
    # "slammed into": crashed into, no criticism ("slammed the decision" is)
    assert types_at(rules, "A rocket slammed into an apartment block in the port city on Friday.", "slammed") == []
    assert types_at(rules, "The opposition slammed the decision on Friday.", "slammed") == ["ACCUSE"]
    assert types_at(rules, "The former governor pleaded guilty to fraud.", "pleaded") == []
    assert types_at(rules, "The mayor pleaded with the rebels to spare the town.", "pleaded") == ["REQUEST"]


def test_an_insurgency_being_fought_sums_up_a_campaign(rules) -> None:  # type: ignore[no-untyped-def]
    assert types_at(rules, "Niger's army has been fighting a jihadist insurgency in the Tillaberi region since 2015.", "fighting") == []
    assert types_at(rules, "The rebels are waging a war against the junta.", "waging") == []
    assert types_at(rules, "The army fought the rebels near Tillaberi on Tuesday.", "fought") == ["ASSAULT"]
