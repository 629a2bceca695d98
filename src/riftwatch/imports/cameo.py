"""CAMEO codes (GDELT, ICEWS) to PLOVER event types and modes.

Written for riftwatch from the public CAMEO 1.1b3 root definitions and PLOVER's list of types.
PLOVER folded several CAMEO roots together (DEMAND into REQUEST; DISAPPROVE and INVESTIGATE into
ACCUSE; FIGHT and mass violence into ASSAULT).  CAMEO 01 "make public statement" has no PLOVER
type: such rows are counted and skipped, not imported as a guess.

A few CAMEO sub-codes get a more fitting type than their root, because they mean something else in
PLOVER: by PLOVER's published conversion, returns and releases (084), eased economic sanctions
(085), allowed international involvement (086), de-escalation (087) and eased curfews or states of
emergency (0813, 0814) are RETREAT, not CONCEDE (the same rule the trigger lexicon follows, see
``cameo_to_plover`` in the ontology); 166 (expel) is a SANCTION with the ``expel`` mode; 195
(aerial weapons) and 190-196 give ASSAULT modes.
"""

from __future__ import annotations

from typing import Final

ROOT_TYPE: Final[dict[str, str | None]] = {
    "01": None,  # make public statement: not an event in PLOVER
    "02": "REQUEST",  # appeal
    "03": "AGREE",  # express intent to cooperate
    "04": "CONSULT",
    "05": "SUPPORT",  # engage in diplomatic cooperation
    "06": "COOPERATE",  # material cooperation
    "07": "AID",
    "08": "CONCEDE",  # yield
    "09": "ACCUSE",  # investigate
    "10": "REQUEST",  # demand
    "11": "ACCUSE",  # disapprove
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",  # exhibit force posture
    "16": "SANCTION",  # reduce relations
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",  # fight
    "20": "ASSAULT",  # unconventional mass violence
}

# Longest prefix wins: (type, mode) for sub-codes whose PLOVER reading differs from the root's.
SUBCODE: Final[dict[str, tuple[str, str]]] = {
    "087": ("RETREAT", "withdraw"),
    "0871": ("RETREAT", "ceasefire"),
    "0872": ("RETREAT", "withdraw"),
    "0873": ("RETREAT", "disarm"),
    "0874": ("RETREAT", "withdraw"),
    "081": ("CONCEDE", "policy"),
    "083": ("CONCEDE", "policy"),
    "0813": ("RETREAT", "ease"),
    "0814": ("RETREAT", "ease"),
    "084": ("RETREAT", "release"),
    "0842": ("RETREAT", "return"),
    "085": ("RETREAT", "ease"),
    "086": ("RETREAT", "access"),
    "061": ("COOPERATE", "economic"),
    "062": ("COOPERATE", "military"),
    "063": ("COOPERATE", "judicial"),
    "064": ("COOPERATE", "intelligence"),
    "071": ("AID", "economic"),
    "072": ("AID", "military"),
    "073": ("AID", "humanitarian"),
    "075": ("AID", "asylum"),
    "042": ("CONSULT", "visit"),
    "043": ("CONSULT", "host"),
    "045": ("CONSULT", "third-party"),
    "141": ("PROTEST", "demo"),
    "143": ("PROTEST", "strike"),
    "144": ("PROTEST", "obstruct"),
    "145": ("PROTEST", "riot"),
    "161": ("SANCTION", "relations"),
    "162": ("SANCTION", "aid"),
    "163": ("SANCTION", "economic"),
    "164": ("SANCTION", "relations"),
    "166": ("SANCTION", "expel"),
    "171": ("COERCE", "seize"),
    "172": ("COERCE", "restrict"),
    "173": ("COERCE", "arrest"),
    "174": ("COERCE", "deport"),
    "175": ("COERCE", "restrict"),
    "176": ("COERCE", "cyber"),
    "181": ("ASSAULT", "abduct"),
    "182": ("ASSAULT", "beat"),
    "183": ("ASSAULT", "suicide-attack"),
    "185": ("ASSAULT", "assassinate"),
    "186": ("ASSAULT", "assassinate"),
    "190": ("ASSAULT", "firearms"),
    "193": ("ASSAULT", "firearms"),
    "194": ("ASSAULT", "heavy-weapons"),
    "195": ("ASSAULT", "aerial"),
    "196": ("ASSAULT", "firearms"),
}


def plover_type(code: str) -> tuple[str, str] | None:
    """(PLOVER type, mode) of a CAMEO event code ("0874", "195", "18"); None when PLOVER has none.

    >>> plover_type("0874"), plover_type("195"), plover_type("13"), plover_type("010")
    (('RETREAT', 'withdraw'), ('ASSAULT', 'aerial'), ('THREATEN', ''), None)

    Raises KeyError for a code whose root is not 01-20.
    """
    code = code.strip()
    for n in (4, 3):
        if len(code) >= n and code[:n] in SUBCODE:
            return SUBCODE[code[:n]]
    etype = ROOT_TYPE[code[:2]]
    return (etype, "") if etype else None


def normalise_code(raw: str) -> str:
    """A CAMEO code as text with its leading zero ("42" read as a number -> "042", "2" -> "02")."""
    code = raw.strip()
    if not code.isdigit():
        raise ValueError(f"CAMEO code {raw!r} is not a number")
    if len(code) == 1:
        return "0" + code
    if len(code) == 2 and int(code) > 20:  # "42" is 042, a 3-digit code that lost its zero
        return "0" + code
    return code
