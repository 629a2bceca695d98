"""PLOVER event types, their CAMEO roots, QuadClass and Goldstein scores (package data)."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Coding:
    """What a type (optionally with a more specific CAMEO root) codes to."""

    event_type: str
    cameo_root: str
    quad_class: int
    goldstein: float


@dataclass(frozen=True, slots=True)
class Ontology:
    roots: dict[str, dict[str, Any]]
    types: dict[str, dict[str, Any]]
    legacy: dict[str, str]
    plover_of_cameo: dict[str, str]
    recodings: dict[str, Any]
    # behaviour flag -> the types that have it (see "behaviour_about" in the data)
    flagged: dict[str, frozenset[str]]
    # a noun that names a type's act when it refers back to one -> the type ("referred_to_as")
    referred: dict[str, str]

    def coding(self, event_type: str, cameo_root: str = "") -> Coding:
        """Code ``event_type``; ``cameo_root`` overrides the type's default root.

        >>> ontology().coding("REQUEST", "10").quad_class
        3
        """
        event_type = self.normalise(event_type)
        root = (cameo_root or self.types[event_type]["cameo_root"])[:2]
        info = self.roots[root]
        return Coding(event_type, root, int(info["quad_class"]), float(info["goldstein"]))

    def normalise(self, name: str) -> str:
        """Map older PLOVER names (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT) to current ones."""
        upper = name.strip().upper()
        upper = self.legacy.get(upper, upper)
        if upper not in self.types:
            raise KeyError(f"unknown PLOVER event type {name!r}")
        return upper

    def plover_type(self, cameo: str) -> str:
        """The PLOVER type the published conversion gives a CAMEO code where it is not the default
        of the code's root (see ``cameo_to_plover`` in the ontology data); "" otherwise.

        >>> [ontology().plover_type(c) for c in ("0332", "0841", "0871", "055", "057", "173")]
        ['AGREE', 'RETREAT', 'RETREAT', 'SUPPORT', '', '']
        """
        for n in range(len(cameo), 1, -1):
            found = self.plover_of_cameo.get(cameo[:n])
            if found:
                return found
        return ""

    def types_with(self, flag: str) -> frozenset[str]:
        """The types whose ``behaviour`` sets ``flag``.

        >>> sorted(ontology().types_with("counts_people"))
        ['ASSAULT', 'COERCE']
        """
        return self.flagged.get(flag, frozenset())

    def referred_type(self, noun: str) -> str:
        """The type whose act ``noun`` names when it refers back to one ("accusation" → ACCUSE;
        the ``referred_to_as`` behaviour), "" for any other noun."""
        return self.referred.get(noun, "")

    def behaviour(self, event_type: str, key: str) -> Any:
        """One behaviour value of a type (``threat_mode``, ``domestic_target``), None when unset."""
        return self.types[event_type].get("behaviour", {}).get(key)

    def recoding(self, kind: str, cooperative: bool | None = None) -> Coding:
        """What an act re-codes to by the ontology's ``recodings``: ``when_stopped`` and
        ``commitment`` by the side of the act (cooperative or not), ``refusal`` alone.

        >>> ontology().recoding("when_stopped", cooperative=True).cameo_root
        '16'
        """
        rule = self.recodings[kind]
        if cooperative is not None:
            rule = rule["cooperation" if cooperative else "conflict"]
        return self.coding(rule["type"], rule["cameo_root"])

    def recoding_mode(self, kind: str, cooperative: bool) -> str:
        return str(self.recodings[kind]["cooperation" if cooperative else "conflict"].get("mode", ""))

    def modes(self, event_type: str) -> list[str]:
        return list(self.types[self.normalise(event_type)]["modes"])


@functools.cache
def ontology() -> Ontology:
    """The shipped ontology, loaded once."""
    raw = json.loads(resources.files("riftwatch").joinpath("data/ontology.json").read_text("utf-8"))
    flagged: dict[str, set[str]] = {}
    referred: dict[str, str] = {}
    for name, info in raw["types"].items():
        referred.update(dict.fromkeys(info.get("behaviour", {}).get("referred_to_as", ()), name))
        for key, value in info.get("behaviour", {}).items():
            if value is True:
                flagged.setdefault(key, set()).add(name)
    return Ontology(raw["cameo_roots"], raw["types"], raw["legacy_types"], raw["cameo_to_plover"]["codes"],
                    raw["recodings"], {k: frozenset(v) for k, v in flagged.items()}, referred)  # fmt: skip


def quad_class_of_root(root: str) -> int:
    return int(ontology().roots[root[:2]]["quad_class"])
