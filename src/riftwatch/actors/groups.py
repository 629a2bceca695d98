"""Combining neighbouring mentions into actors: owner + sector noun, owner + title + name, "title
of owner", appositions, conjoined owners (``recognise`` docstring, step 3).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from .mentions import OWNER_KINDS, POSSESSIVE, Mention

_COORD = frozenset({",", "and", "or", "nor", "as", "well", "&"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "nummod"})


@dataclass(slots=True)
class _Head:
    """A sector noun or title, possibly a chain ("military officials", "Defense Minister Gen.")."""

    mentions: list[Mention]
    sector: str
    role: str
    is_title: bool
    standalone: bool
    needs_name: bool
    office: bool = False  # a title of an office of the story's country, unnamed or not ("a federal judge")
    countries: tuple[str, ...] = ()  # ... when only these countries have it ("Congress")


@dataclass(slots=True)
class Group:
    start: int
    end: int
    owner: Mention | None = None  # country, demonym or capital giving the country
    org: Mention | None = None
    possessor: Mention | None = None  # a person owning the head ("Assad's forces")
    person: Mention | None = None  # the person the group denotes
    head: _Head | None = None
    body: bool = False  # the name of a body of the owner's country ("the Uganda Law Society": ``name_bodies``)

    @property
    def named_only(self) -> bool:
        return self.head is None and self.person is None and self.possessor is None


def _chain_sector(mods: list[Mention], head: Mention, coordinated: bool) -> str:
    """The sector of "military officials" (MIL), "rebel commander" (REB), "government forces" (MIL)."""
    assert head.entry is not None
    head_sector = head.entry.sector
    first = next((m.entry.sector for m in mods if m.entry and m.entry.sector), "")
    if coordinated:
        return head_sector or first
    for m in mods:
        e = m.entry
        if e is None or not e.standalone or not e.sector:
            continue
        if e.sector != "GOV" and head_sector in ("GOV", ""):
            return e.sector
        if e.sector in ("REB", "OPP") and head_sector == "MIL":
            return e.sector
    return head_sector or first


# Sectors of a noun that owns the weapons after it ("junta warplanes", "rebel drones"), and the
# lexicon's entry of weapons (not of acts: "terrorist strikes" are acts, no actor).
_ARMING = frozenset({"GOV", "MIL", "REB"})
WEAPON_ENTRIES = frozenset({"sector:warplanes"})


# Units and officers are a force's where a force names them ("navy officers", "coast guard
# officers", "army units"), not bare.
UNIT_ENTRIES = frozenset({"sector:units", "sector:officers"})
# ... of which "officers" are a police force's as often as an army's (``recognise._policing``)
OFFICERS = "sector:officers"
_FORCES = frozenset({"MIL", "COP", "SPY"})


# Words that make a title another office: a deputy president is not the president.
_SECOND_IN_LINE = frozenset({"deputy", "vice", "assistant", "under"})


def _make_head(doc: Doc, ms: list[Mention], coordinated: bool) -> _Head:
    titles = [m for m in ms if m.entry and m.entry.kind == "title"]
    role = next((m.entry.role for m in titles if m.entry and m.entry.role), "")
    mods = ms[:-1]
    if len(ms) > 1 and doc[ms[0].start].lower_ in _SECOND_IN_LINE and ms[0].end - ms[0].start == 1:
        # "deputy ambassador", "deputy president": not a lawmaker, and not the office holder
        role, mods = "", ms[1:-1]
    last = ms[-1].entry
    assert last is not None
    return _Head(
        mentions=ms,
        sector=_chain_sector(mods, ms[-1], coordinated),
        role=role,
        is_title=bool(titles),
        # "warplanes" need an owner, as "junta warplanes" and "rebel drones" have one
        standalone=(last.standalone or (last.id in WEAPON_ENTRIES and any(
            m.entry is not None and m.entry.kind == "sector_noun" and m.entry.standalone and m.entry.sector in _ARMING
            for m in mods)) or (last.id in UNIT_ENTRIES and any(
            m.entry is not None and m.entry.kind == "sector_noun" and m.entry.standalone and m.entry.sector in _FORCES
            for m in mods))) if last.kind == "sector_noun" else True,
        needs_name=bool(titles)
        and not role
        and all(m.entry.needs_name for m in titles if m.entry)
        and len(titles) == len(ms),
        office=bool(titles) and all(m.entry.office for m in titles if m.entry),
        countries=next((m.entry.countries for m in titles if m.entry and m.entry.countries), ()),
    )


def group_mentions(doc: Doc, mentions: list[Mention]) -> list[Group]:
    """One group per named mention or chain of sector nouns/titles, in text order."""
    groups: list[Group] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        if m.kind in ("sector_noun", "title"):
            chain, coordinated, j = [m], False, i + 1
            while j < len(mentions) and mentions[j].kind in ("sector_noun", "title"):
                gap = [t.lower_ for t in doc[chain[-1].end : mentions[j].start]]
                if not gap or (_modifying_run(doc, chain[-1].end - 1, mentions[j]) and _company(mentions[j])):
                    chain.append(mentions[j])
                elif gap in (["and"], ["or"], [",", "and"], [","]) and doc[chain[-1].end - 1].pos_ == "ADJ":
                    chain.append(mentions[j])
                    coordinated = True
                else:
                    break
                j += 1
            groups.append(Group(chain[0].start, chain[-1].end, head=_make_head(doc, chain, coordinated)))
            i = j
            continue
        g = Group(m.start, m.end)
        if m.kind in OWNER_KINDS:
            g.owner = m
        elif m.kind == "org":
            g.org = m
        else:
            g.person = m
        groups.append(g)
        i += 1
    return groups


def _company(m: Mention) -> bool:
    """A mention of a business: the sector noun of a company, a firm or an airline. (Only a
    company's words are read through: read for every sector noun, "U.S. military cargo jets" and
    "chief foreign correspondent" changed three pool actors and held-out triple F1 fell 0.4586 →
    0.4570.)"""
    return m.entry is not None and m.entry.kind == "sector_noun" and m.entry.sector == "BUS"


def _modifying_run(doc: Doc, last: int, nxt: Mention) -> bool:
    """The words from token ``last`` up to the mention ``nxt`` all modify a word of ``nxt``, as
    nouns or adjectives before it: "state oil company", "state-run airline" are one company."""
    def modifies(t: Token) -> bool:  # (through the other words between: "state-run airline")
        for _ in range(4):
            if t.dep_ not in ("compound", "amod", "punct", "npadvmod", "advmod") or not (last <= t.head.i < nxt.end):
                return False
            if nxt.start <= t.head.i:
                return True
            t = t.head
        return False

    return nxt.start - last <= 4 and all((t.is_lower or t.text == "-") and modifies(t) for t in doc[last : nxt.start])


# The head nouns of a business a hyphened modifier may stand before ("state-run airline", "state-owned company").
_COMPANY_HEADS = frozenset({"company", "firm", "airline", "carrier", "corporation", "bank"})


def _transparent(doc: Doc, start: int, end: int, head_end: int) -> bool:
    """Tokens between an owner and its head that do not break the phrase: "'s", adjectives, "-led";
    nouns of the owner's own phrase with their "'s" ("the Islamic State terror group's senior
    leaders": the group's)."""
    if end - start > 5:
        return False
    for k in range(start, end):
        t = doc[k]
        if t.text in POSSESSIVE and (k == start or (doc[k - 1].dep_ == "poss" and doc[k - 1].head.i == head_end - 1)):
            continue
        if t.text in ("-", "–", "led") or t.pos_ in ("ADJ", "NUM", "ADV") or t.dep_ == "amod":
            continue
        if k + 2 < end and doc[k + 1].text in ("-", "–") and t.is_lower and doc[head_end - 1].lemma_.lower() in _COMPANY_HEADS:
            continue  # the first half of a hyphened modifier of a company: "state-run airline"
        if t.dep_ in MODIFIER_DEPS and t.pos_ in ("NOUN", "PROPN") and start <= t.head.i < head_end:
            continue
        return False
    return True


def _gap(doc: Doc, a: Group, b: Group) -> list[str]:
    """The lower-case words between two groups. Every rule reads gaps of at most three words, so a
    longer gap is cut to its first four: just as unequal to each pattern, and not empty."""
    return [doc[i].lower_ for i in range(a.end, min(b.start, a.end + 4))]


def _merge(a: Group, b: Group) -> Group:
    return Group(
        a.start,
        b.end,
        owner=a.owner or b.owner,
        org=a.org or b.org,
        possessor=a.possessor or b.possessor,
        person=a.person or b.person,
        head=a.head or b.head,
    )


def _appositive(doc: Doc, first: Group, second: Group) -> bool:
    """True for "X, Y" where Y is an apposition of X (per the parse; unparsed: Y closed by a comma)."""
    gap = _gap(doc, first, second)
    if gap not in ([","], [",", "the"], [",", "a"]):
        return False
    roots = [
        t
        for t in doc[second.start : second.end]
        if not second.start <= t.head.i < second.end or t.head.i == t.i
    ]
    closed = second.end < len(doc) and doc[second.end].text == ","
    if doc.has_annotation("DEP"):
        if any(t.dep_ == "appos" and first.start <= t.head.i < first.end for t in roots):
            return True
        # the parser's reverse reading of a title set before a name between commas ("The African
        # Union's envoy, Olusegun Obasanjo, met ...": "envoy" a modifier of the name, the subject)
        firsts = [t for t in doc[first.start : first.end] if not first.start <= t.head.i < first.end]
        return (closed and any(t.dep_ in ("appos", "nmod") for t in firsts)
                and all(t.dep_ in ("appos", "nmod", "poss") and second.start <= t.head.i < second.end for t in firsts))
    return closed


def combine_groups(doc: Doc, groups: list[Group]) -> list[Group]:
    """Merge neighbouring groups into actors (see the module docstring for the patterns)."""
    out: list[Group] = []
    for g in groups:
        prev = out[-1] if out else None
        if prev is not None and _owner_joined(doc, prev, g):
            # "officials from Saudi Arabia and Iran": Iran's officials too
            assert prev.head is not None
            g.head = _Head([], prev.head.sector, "", prev.head.is_title, prev.head.standalone, prev.head.needs_name)
        if prev is not None:
            merged = _try_merge(doc, prev, g)
            if merged is not None:
                out[-1] = merged
                if (
                    g.head is not None
                    and prev.owner is not None
                    and prev.owner.kind in ("demonym", "country")
                ):
                    _share_head_with_conjuncts(doc, out, g.head)
                # a merge may complete an apposition with the group before ("Russia's minister, Gen. X")
                while len(out) > 1 and (again := _try_appos(doc, out[-2], out[-1])) is not None:
                    out[-2:] = [again]
                if len(out) > 1 and (whose := _of_institution(doc, out[-2], out[-1])) is not None:
                    out[-2:] = [whose]
                if len(out) > 1 and _led_by(doc, out[-2], out[-1]):
                    out[-2:] = [Group(out[-2].start, out[-1].end, possessor=out[-1].person, head=out[-2].head)]
                if len(out) > 1 and _nationals_of(doc, out[-2], out[-1]):
                    out[-2:] = [Group(out[-2].start, out[-1].end, owner=out[-1].owner, head=out[-2].head)]
                continue
        out.append(g)
        if (posted := _posted_title(doc, out)) is not None:
            k, merged_title = posted
            out[k:] = [merged_title]
        elif (forced := _title_of_force(doc, out)) is not None:
            out[-3:] = [forced]
    return out


def _title_of_force(doc: Doc, out: list[Group]) -> Group | None:
    """A title "of" a force or body named by its sector noun alone, then the holder's name:
    "Inspector General of Police Douglas Kanja", "Chief of Army Staff X" are one person, of that
    force's sector (not a government official, a police force and an unknown man)."""
    if len(out) < 3:
        return None
    title, force, holder = out[-3:]
    if (title.head is None or not title.head.is_title or title.person is not None or title.org is not None
            or force.head is None or force.head.is_title or force.owner is not None or force.org is not None
            or force.person is not None or force.possessor is not None
            or holder.person is None or holder.head is not None or holder.owner is not None or holder.org is not None):  # fmt: skip
        return None
    if _gap(doc, title, force) not in (["of"], ["of", "the"]) or _gap(doc, force, holder) or not doc[force.end - 1].is_title:
        return None
    return Group(title.start, holder.end, owner=title.owner, person=holder.person, head=replace(title.head, sector=force.head.sector))


# Prepositions of the post a title is held at: "ambassador to Manila", "envoy for Somalia",
# "representative in Spain", "ambassador at the UN".
POST_PREPS = frozenset({"to", "for", "in", "at"})


def _posted_title(doc: Doc, out: list[Group]) -> tuple[int, Group] | None:
    """A title with the post it is held at, then the holder's name in apposition: "Japan's
    ambassador to Manila, Kazuya Endo," is one actor, Japan's (the post's place names no party):
    the index of the title's group in ``out`` and the merged group."""
    b = out[-1]
    if b.person is None or (b.head is not None and b.head.role) or len(out) < 2 or not doc.has_annotation("DEP"):
        return None
    for k in range(len(out) - 2, max(len(out) - 4, -1), -1):
        a = out[k]
        if a.head is None or not a.head.is_title or a.person is not None:
            continue
        if a.owner is None and a.org is None and a.possessor is None:
            return None  # "its ambassador in Kabul, X": whose, the pronoun says (``recognise``)
        between = doc[a.end : b.start]
        if (len(between) < 3 or between[0].lower_ not in POST_PREPS or between[0].head.i not in range(a.start, a.end)
                or between[-1].text != "," or any(t.text == "," for t in between[:-1])):  # fmt: skip
            return None
        root = doc[b.start : b.end].root
        # (the parse may hang the name on the post's place: "The UN envoy for Afghanistan, Roza
        # Otunbayeva," with the name an apposition of Afghanistan)
        post = root.head.dep_ == "pobj" and root.head.head.i == between[0].i
        if root.dep_ != "appos" or (root.head.i not in range(a.start, a.end) and not post):
            return None
        head = a.head if a.head.role else b.head
        return k, Group(a.start, b.end, owner=a.owner or b.owner, org=a.org or b.org, possessor=a.possessor,
                        person=b.person, head=head)
    return None


def _owner_joined(doc: Doc, a: Group, b: Group) -> bool:
    """``b`` is a country joined by "and" or a comma to the country that owns ``a``'s head after
    "of" or "from" ("officials from Saudi Arabia and Iran", "troops of Chad, Niger and Mali")."""
    if not (b.named_only and b.owner is not None and b.owner.kind == "country" and a.head is not None
            and a.owner is not None and a.owner.kind == "country"):  # fmt: skip
        return False
    if a.head.mentions:  # (no mentions: a head shared before, "Chad, Niger and Mali")
        head_end = a.head.mentions[-1].end
        if not head_end < a.owner.start or doc[head_end].lower_ not in ("of", "from"):
            return False
    words = [t.lower_ for t in doc[a.end : b.start]]
    return bool(words) and all(w in _COORD for w in words)


def _led_by(doc: Doc, a: Group, b: Group) -> bool:
    """"The government of Prime Minister Narendra Modi", "the administration of then-President
    Donald Trump": a government noun of that person's, as "Modi's government" (once the title and
    the name are one group; a name alone is ``_try_merge``'s "forces loyal to Assad")."""
    gap = _gap(doc, a, b)
    return (_bare_head(a) and a.head is not None and a.head.sector == "GOV" and b.person is not None
            and b.person.entry is not None and b.head is not None and b.head.is_title
            and gap in (["of"], ["of", "then", "-"], ["of", "then-"]))  # fmt: skip


# Words that open a description of a group's nationality after a comma: "four smugglers, all
# Turkish nationals", "the staff members, all Yemeni nationals".
NATIONALITY_QUANTIFIERS = frozenset({"all", "both", "mostly", "most", "many", "each"})
NATIONALITY_NOUNS = frozenset({"nationals", "citizens"})


def _nationals_of(doc: Doc, a: Group, b: Group) -> bool:
    """"Four smugglers, all Turkish nationals": the second group says of which country the first
    is (one actor), not a second party."""
    gap = _gap(doc, a, b)
    return (a.head is not None and a.owner is None and a.org is None and a.person is None and a.possessor is None
            and b.owner is not None and b.owner.kind == "demonym" and b.org is None and b.person is None
            and doc[b.end - 1].lower_ in NATIONALITY_NOUNS
            and len(gap) == 2 and gap[0] == "," and gap[1].lower() in NATIONALITY_QUANTIFIERS)  # fmt: skip


def _try_merge(doc: Doc, a: Group, b: Group) -> Group | None:
    gap = _gap(doc, a, b)
    # owner (+ org / possessor) followed by a head: "Iranian forces", "IRGC commander", "Assad's forces"
    if (
        b.head is not None
        and b.owner is None
        and b.org is None
        and b.person is None
        # (a titled person owns the head too: "President Luis Abinader's government")
        and (a.head is None or (a.person is not None and a.head.is_title and a.end < len(doc) and doc[a.end].tag_ == "POS"))
        and (a.person is None or a.person.entry is not None)
        and _transparent(doc, a.end, b.start, b.end)
    ):
        if a.person is not None and a.owner is None and a.org is None:
            return Group(a.start, b.end, possessor=a.person, head=b.head)
        return _merge(a, b)
    # owner + named head: "Lebanese Hezbollah", "Russia's Putin"
    if (
        a.named_only
        and a.owner is not None
        and a.org is None
        and b.head is None
        and b.owner is None
        and (b.org is not None or (b.person is not None and b.person.entry is not None))
        and _transparent(doc, a.end, b.start, b.end)
    ):
        return _merge(a, b)
    # name + "of" + country: "Abdoulaye Bathily of Senegal" is a Senegalese, not also Senegal
    if (
        a.person is not None
        and a.owner is None
        and a.org is None
        and b.named_only
        and b.owner is not None
        and b.owner.kind == "country"
        and gap == ["of"]
    ):
        return Group(a.start, b.end, owner=b.owner, possessor=a.possessor, person=a.person, head=a.head)
    # title + name: "President Assad", "Maj. Gen. Qassem Soleimani"
    if (
        a.head is not None
        and a.head.is_title
        and a.person is None
        and b.person is not None
        and b.head is None
        and b.owner is None
        and (not gap or _appositive(doc, a, b))
    ):
        return _merge(a, b)
    # a singular sector noun right before a name describes that person: "gang leader Jimmy
    # Cherizier", "opposition figure Jane Doe" (as a title does)
    if (
        a.head is not None
        and not a.head.is_title
        and a.person is None
        and a.owner is None
        and a.org is None
        and b.person is not None
        and b.head is None
        and b.owner is None
        and not gap
        and doc[a.end - 1].tag_ == "NN"
    ):
        return _merge(a, b)
    # head + "of"/"from" + owner: "commander of the Al Qods Brigades", "troops from Chad"
    if (
        a.head is not None
        and a.owner is None
        and a.org is None
        and a.possessor is None
        and b.head is None
        and b.person is None
        and not (b.owner is not None and b.owner.kind == "demonym")
        and gap in (["of"], ["of", "the"], ["from"], ["from", "the"], ["loyal", "to"], ["loyal", "to", "the"])
        and not (gap[0] == "from" and not _from_of_noun(doc, a))
        # (not where the owner only modifies the people named after it: "a patrol of U.N. peacekeepers")
        and not (b.end < len(doc) and doc[b.end].tag_ == "NNS")
    ):
        return _merge(a, b)
    # head + "at" + an organisation: "judges at the International Criminal Court", "officials at the U.N."
    if (
        _bare_head(a)
        and b.org is not None
        and b.owner is None
        and b.head is None
        and b.person is None
        and gap in (["at"], ["at", "the"])
        and doc[a.end - 1].tag_ in ("NNS", "NNPS", "NN")
    ):
        return _merge(a, b)
    if (
        _bare_head(a)
        and b.named_only is False
        and b.head is None
        and b.person is not None
        and b.person.entry is not None
        and gap in (["of"], ["from"], ["loyal", "to"])
    ):
        return Group(a.start, b.end, possessor=b.person, head=a.head)  # "forces loyal to Assad"
    return _try_appos(doc, a, b)


def _bare_head(a: Group) -> bool:
    """A head noun with nothing that says whose it is: no owner, organisation, possessor or person."""
    return a.head is not None and a.owner is None and a.org is None and a.possessor is None and a.person is None


def _of_institution(doc: Doc, a: Group, b: Group) -> Group | None:
    """A bare sector noun + "of" + an owned institution: "officials of the Libyan government",
    "soldiers of the Malian army" are that institution's, of its sector (the army's are military)."""
    if (
        a.head is not None
        and not a.head.is_title
        and a.owner is None
        and a.org is None
        and a.possessor is None
        and a.person is None
        and b.head is not None
        and (b.owner is not None or b.org is not None)
        and b.person is None
        and b.possessor is None
        and _gap(doc, a, b) in (["of"], ["of", "the"])
    ):
        return Group(a.start, b.end, owner=b.owner, org=b.org, head=b.head)
    return None


def _from_of_noun(doc: Doc, a: Group) -> bool:
    """"troops from Chad" are Chad's: "from" hangs on the noun. In "withdraw its troops from Iraq"
    it hangs on the verb and says where they leave; "its" says whose they are."""
    prep = doc[a.end] if a.end < len(doc) else None
    if prep is None or not a.start <= prep.head.i < a.end:
        return False
    return not (a.start > 0 and doc[a.start - 1].lower_ in ("its", "their", "his", "her", "our", "my", "your"))


def _try_appos(doc: Doc, a: Group, b: Group) -> Group | None:
    """Person, title-phrase (or the reverse) naming one actor: "Soleimani, commander of ..."."""
    a_title = a.head is not None and a.head.is_title and a.person is None
    b_title = b.head is not None and b.head.is_title and b.person is None
    if a.person is not None and (a.head is None or not a.head.role) and b_title and _appositive(doc, a, b):
        # (a title of no sector, "chairman of ...", leaves the person's own: "Senator X, chairman of the committee")
        head = b.head if b.head is None or b.head.sector or a.head is None else a.head
        return Group(
            a.start, b.end, owner=b.owner, org=b.org, possessor=b.possessor, person=a.person, head=head
        )
    if a_title and b.person is not None and _appositive(doc, a, b):
        head = a.head if a.head and a.head.role else b.head
        return Group(
            a.start, b.end, owner=a.owner or b.owner, org=a.org or b.org, person=b.person, head=head
        )
    return None


def _share_head_with_conjuncts(doc: Doc, out: list[Group], head: _Head) -> None:
    """ "Russian, Syrian and Iranian forces": give "Russian" and "Syrian" the head's sector too."""
    right = out[-1]
    k = len(out) - 2
    while k >= 0:
        g = out[k]
        words = [t.lower_ for t in doc[g.end : right.start]]
        if not (
            g.named_only
            and g.owner is not None
            and g.org is None
            and g.owner.kind in ("demonym", "country")
            and words
            and all(w in _COORD for w in words)
        ):
            break
        g.head = _Head([], head.sector, "", head.is_title, head.standalone, head.needs_name)
        right, k = g, k - 1


def group_sector(g: Group, org_sector: str) -> str:
    head_sector = g.head.sector if g.head else ""
    if org_sector == "GOV" and head_sector == "REB":
        return "MIL"  # "Taliban fighters" once the Taliban govern
    if org_sector and not (org_sector == "GOV" and head_sector):
        return org_sector
    owner = g.owner.entry if g.owner else None
    if owner is not None and owner.kind == "capital" and owner.sector not in ("", "GOV"):
        return owner.sector  # "Pentagon officials": MIL
    if head_sector:
        return head_sector
    return owner.sector if owner is not None and owner.kind == "capital" else ""


# The last word of the name of a body of one country's people that is no part of its state ("the
# Uganda Law Society", "the Ghana Bar Association", "the Zambia National Union of Teachers"), by
# the sector it gives when no word of the name gives one. (Words a state's own bodies also end in,
# "Council", "Commission", "Committee", "Conference", name such a body only with a sector of their
# own: "the Kenya Conference of Catholic Bishops", not "the Kenya National Security Council"; a
# "Centre" is as often a state agency's: "the Thai Mine Action Center, a government agency"; a
# "Union" a party's as a workers': "the Patriotic Union of Cuba".)
BODY_HEADS = {"association": "NGO", "society": "NGO", "network": "NGO", "foundation": "NGO", "institute": "NGO",
              "trust": "NGO", "league": "NGO", "forum": "NGO", "coalition": "NGO",
              "consortium": "NGO", "alliance": "NGO", "party": "PTY", "union": "", "council": "GOV", "commission": "GOV",
              "committee": "", "conference": "", "federation": "", "airlines": "BUS", "airways": "BUS"}  # fmt: skip
_NAME_JOINERS = frozenset({"of", "for", "and", "'s", "'", "\u2019s", "\u2019", "-"})


def name_bodies(doc: Doc, groups: list[Group]) -> list[Group]:
    """A country or nationality opening the name of a body the lexicon does not know ("the Uganda
    Law Society", "the Mozambican Bar Association") is no state and no adjective: the body is an
    actor of that country, of the sector a word of its name gives ("National Union of Teachers"),
    else its last word's (``BODY_HEADS``)."""
    out: list[Group] = []
    i = 0
    while i < len(groups):
        g = groups[i]
        named = g.named_only and g.org is None and g.owner is not None and g.owner.kind in ("country", "demonym")
        body = _body_after(doc, g, groups[i + 1 :]) if named else None
        if body is not None:
            end, sector, absorbed = body
            out.append(_body(g.start, end, g.owner, sector))
            i += 1 + absorbed
            continue
        before = _body_before(doc, g, out) if named and g.owner is not None and g.owner.kind == "country" else None
        if before is not None:
            # "the Law Society of Kenya": the body's name ends with its country
            start, sector, absorbed = before
            del out[len(out) - absorbed :]
            out.append(_body(start, g.end, g.owner, sector))
        else:
            out.append(g)
        i += 1
    return out


# Words that name no one army of their own ("the National Army", "the Second Army"), and words that
# name an army fighting its state ("the Kosovo Liberation Army") but, alone, no one army either ("the
# Salvation Army" is a charity)
_GENERIC_ARMY = frozenset({"national", "royal", "regular", "federal", "territorial", "imperial", "red", "new",
                           "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                           "tenth", "army"})  # fmt: skip
_INSURGENT_WORDS = frozenset({"liberation", "salvation", "independence", "resistance", "revolutionary", "republican"})


def unknown_names(doc: Doc, groups: list[Group]) -> list[Group]:
    """The name of an army the lexicon does not know and that no state's name or nationality opens
    ("the United Wa State Army", "the Arakan Rohingya Salvation Army") is an armed group fighting
    a state, not that state's army: one body of rebels, by its whole name. A country word in the
    name makes it that country's army ("the Royal Thai Army") unless a word of the name is an
    insurgent's ("the Kosovo Liberation Army"). So too a party's name the lexicon does not know, or
    knows as another country's (``mentions._party_of_another_country``): one party, by its whole
    name, of the story's country ("the Democratic Progressive Party" of a story from Malawi)."""
    out: list[Group] = []
    swallowed = 0  # the end of the last name that runs on past its head word
    for g in groups:
        if g.start < swallowed and g.org is None and g.person is None:
            continue  # a word of the name's ending: "Socialists" of "the Party of Socialists"
        last = doc[g.end - 1]
        if last.text not in ("Army", "Party") or g.org is not None or g.person is not None or g.possessor is not None or g.body:
            out.append(g)
            continue
        party = last.text == "Party"
        if party and g.owner is not None:
            out.append(g)  # "the Turkish Workers' Party": its nationality's (``name_bodies`` for a country's)
            continue
        k = _name_start(doc, g.end - 1)
        if k > 0 and doc[k - 1].text in ("-", "\u2013"):
            out.append(g)  # "the pro-Russian Party of Socialists": "Russian" is no word of the name
            continue
        end = _name_going_on(doc, g.end) if party else g.end
        words = {t.lower_ for t in doc[min(k, g.start) : g.end] if t.is_alpha}
        state = g.owner is not None and g.owner.kind in ("country", "demonym")
        if k >= g.end - 1 or (words - {"party"} if party else words & _INSURGENT_WORDS if state
                              else words - _GENERIC_ARMY - _INSURGENT_WORDS) == set():  # fmt: skip
            out.append(g)
            continue
        start = min(k, g.start)
        while out and out[-1].end > start:
            taken = out.pop()  # a word of the name read as an actor of its own
            if taken.start < start or taken.org or taken.person:
                out.append(taken)
                break
        else:
            out.append(Group(start, end, owner=g.owner if state else None, head=_Head([], "PTY" if party else "REB", "", False, True, False), body=True))
            swallowed = end
            continue
        out.append(g)
    return out


def _name_start(doc: Doc, head: int) -> int:
    """Where the capitalised words of a name ending at token ``head`` begin: back over title-case
    words and a possessive "'s" between them ("Lord's Resistance"), not over the sentence's first
    word nor "the"."""
    def in_name(tok: Token) -> bool:
        return tok.is_alpha and tok.is_title and tok.i != tok.sent.start and tok.lower_ != "the"

    def owning(k: int) -> bool:  # "'s" after a title-case word
        return doc[k - 1].text in ("'s", "\u2019s") and k > 1 and doc[k - 2].is_title and doc[k - 2].i != doc[k - 2].sent.start

    k = head
    while k > 0 and (in_name(doc[k - 1]) or owning(k)):
        k -= 1
    return k


def _name_going_on(doc: Doc, end: int) -> int:
    """Where a party's name that goes on past "Party" ends: "the Party of Socialists", "the
    People's Party for Reconstruction and Democracy", "the Socialist Party Without Borders"."""
    j = end
    while j + 1 < len(doc) and doc[j].lower_ in ("of", "for", "without", "and") and doc[j + 1].is_title and doc[j + 1].is_alpha:
        j += 1
        while j < len(doc) and doc[j].is_title and doc[j].is_alpha and doc[j].i != doc[j].sent.start:
            j += 1
    return j


def _body(start: int, end: int, owner: Mention | None, sector: str) -> Group:
    return Group(start, end, owner=owner, head=_Head([], sector, "", False, True, False), body=True)


def _name_sector(taken: list[Group], head_word: str) -> str:
    """The sector of a body's name: that of a sector noun or title inside it, else its last word's
    (``BODY_HEADS``); "" where the name holds a known body, a person or an owner of its own."""
    if any(o.head is None or o.owner or o.org or o.person or o.possessor for o in taken):
        return ""
    return next((o.head.sector for o in taken if o.head is not None and o.head.sector), "") or BODY_HEADS[head_word]


def _body_before(doc: Doc, g: Group, earlier: list[Group]) -> tuple[int, str, int] | None:
    """(start, sector, groups taken in) of a body's name that ends "of" the group's country ("the
    Law Society of Kenya"), or None."""
    if g.start < 2 or doc[g.start - 1].lower_ != "of" or doc[g.start - 2].lower_ not in BODY_HEADS:
        return None
    k = g.start - 2
    while k > 0 and doc[k - 1].is_alpha and (doc[k - 1].is_title or doc[k - 1].is_upper) and doc[k - 1].i != doc[k - 1].sent.start:
        k -= 1
    if not doc[g.start - 2].is_title or k > 0 and doc[k - 1].text in ("-", "\u2013"):
        return None
    taken = [o for o in earlier if o.end > k]
    sector = "" if any(o.start < k for o in taken) else _name_sector(taken, doc[g.start - 2].lower_)
    return (k, sector, len(taken)) if sector else None


def _body_after(doc: Doc, g: Group, later: list[Group]) -> tuple[int, str, int] | None:
    """(end, sector, groups taken in) of a body's name the group's country opens, or None."""
    k = g.end
    words: list[int] = []
    while k < len(doc):
        tok = doc[k]
        if tok.is_alpha and (tok.is_title or tok.is_upper) and tok.i != tok.sent.start:
            words.append(k)
        elif not (tok.lower_ in _NAME_JOINERS and k + 1 < len(doc) and (doc[k + 1].is_title or doc[k + 1].text in ("'", "\u2019")) and words):
            break
        k += 1
    heads = [j for j in words if doc[j].lower_ in BODY_HEADS]
    if not heads:
        return None
    head = heads[-1]
    # the name ends at its head word, or goes on in an "of" or "for" phrase ("Conference of Catholic
    # Bishops", "Commission for Human Rights")
    end = words[-1] + 1 if words[-1] != head and doc[head + 1].lower_ in ("of", "for") else head + 1
    if words[-1] != head and end == head + 1:
        return None  # "... Alliance Army": a name that goes on past the head is another kind of body
    taken = [o for o in later if o.start < end]
    # (not a group running past the name, nor a known body or a person inside it)
    sector = "" if any(o.end > end for o in taken) else _name_sector(taken, doc[head].lower_)
    if not sector:
        return None
    last = doc[g.owner.end - 1] if g.owner is not None else doc[g.end - 1]
    if not g.end <= last.head.i < end:
        return None  # the country word modifies a word of the name
    return end, sector, len(taken)
