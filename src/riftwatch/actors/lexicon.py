"""The actor lexicon: names of countries, capitals, people, organisations and sector words → codes.

The lexicon ships as JSON Lines files in ``riftwatch/data/actors/`` and can be overlaid by user files
in the same format, without code::

    Lexicon.load([Path("my_actors.jsonl")])

Format: one JSON object per line; blank lines and lines starting with ``#`` are skipped.

    {"id": "org:hezbollah", "kind": "org", "names": ["Hezbollah", "Hizballah"],
     "country": "LBN", "sector": "REB", "org": "Hezbollah"}
    {"id": "person:bashar-al-assad", "kind": "person", "names": ["Bashar al-Assad", "Assad"],
     "country": "SYR", "sector": "GOV", "gender": "m",
     "roles": [{"title": "president", "country": "SYR", "sector": "GOV",
                "from": "2000-07-17", "to": "2024-12-08"}]}

Fields:

- ``id`` (required, unique): a user entry with an existing id *replaces* the shipped one.
- ``kind`` (required): ``country``, ``demonym``, ``capital`` (capitals and metonyms such as
  "Kremlin", standing for a government), ``person``, ``org``, ``sector_noun`` ("forces", "rebels"),
  ``title`` ("president", "Maj. Gen.") or ``ignore`` (a longer name that must not be read as an
  actor, e.g. "Latin America").
- ``names`` (required): surface forms as written. Matching ignores case for sector nouns and
  titles; for names, other casings are accepted only when capitalised or in ALL CAPS, so
  "turkey" is not Turkey and "us" is not the US. Accents are optional ("Erdogan" finds "Erdoğan").
- ``country``: ISO 3166 alpha-3, or a PLOVER/CAMEO code above or beside states (IGO, NGO, IMG).
- ``sector``: a PLOVER/CAMEO sector (GOV, MIL, REB, SPY, COP, OPP, PTY, JUD, LEG, MED, CVL, REF,
  IGO, ...) or "" when none.
- ``org``/``person``: canonical names. ``gender`` ("m"/"f") lets "he"/"she" find the right person.
- ``roles`` (persons, and organisations whose codes changed over time): a list of
  ``{"title", "country", "sector", "from", "to", "org"}``; dates ``YYYY-MM-DD``, ``to`` null while
  in office. List the most important role first: on a date the first active role gives the codes.
- ``role`` (titles): the role title that ``holder`` looks up, e.g. "defense minister" for
  "Defence Secretary". ``needs_name`` (titles): true for ranks and honorifics that denote an actor
  only next to a name. ``office`` (titles with no ``role``): true for an office of the story's
  country even when no one is named ("a federal judge ruled"); with ``countries`` (a list of codes),
  an office only those countries have under that name: the one the story tells of most, else the
  first ("Congress" in a story from Ankara is the US Congress). ``standalone`` (sector nouns,
  default true): false for nouns that are an actor only with an owner ("Russian air strikes",
  never "air strikes" alone).
- ``note``: free text, e.g. why a code was chosen or which date is approximate.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import LexiconError
from ..records import Actor

log = logging.getLogger(__name__)

KINDS = frozenset({"country", "demonym", "capital", "person", "org", "sector_noun", "title", "ignore"})
SHIPPED_FILES = (
    "countries.jsonl",
    "demonyms.jsonl",
    "capitals.jsonl",
    "orgs.jsonl",
    "persons.jsonl",
    "persons_historical.jsonl",
    "persons_leaders.jsonl",
    "sectors.jsonl",
    "ignore.jsonl",
)
_FIELDS = frozenset(
    {
        "id",
        "kind",
        "countries",
        "names",
        "country",
        "sector",
        "org",
        "person",
        "roles",
        "role",
        "standalone",
        "needs_name",
        "office",
        "gender",
        "note",
    }
)
_ROLE_FIELDS = frozenset({"title", "country", "sector", "from", "to", "org", "note"})
_CODE = re.compile(r"^[A-Z]{3}$|^$")
_SPACES = re.compile(r"\s+")
_NOT_ASCII_ALNUM = re.compile(r"[^0-9A-Za-z]+")


@dataclass(frozen=True, slots=True)
class Role:
    """A dated office: ``title`` in ``country`` (and ``org``), coded ``sector``, from ``start`` to ``end``."""

    title: str
    country: str
    sector: str
    start: dt.date | None = None
    end: dt.date | None = None  # None: still held
    org: str = ""

    def active(self, when: dt.date) -> bool:
        """True when the role is held on ``when`` (both ends inclusive)."""
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry; see the module docstring for the fields."""

    id: str
    kind: str
    names: tuple[str, ...]
    country: str = ""
    sector: str = ""
    org: str = ""
    person: str = ""
    roles: tuple[Role, ...] = ()
    role: str = ""
    standalone: bool = True
    needs_name: bool = False
    gender: str = ""
    note: str = ""
    office: bool = False
    countries: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The canonical name: the person or organisation, else the first surface form."""
        return self.person or self.org or self.names[0]

    def roles_at(self, when: dt.date | None) -> tuple[Role, ...]:
        """Roles held on ``when`` in listed order; none when ``when`` is unknown."""
        if when is None:
            return ()
        return tuple(r for r in self.roles if r.active(when))

    def codes_at(self, when: dt.date | None) -> tuple[str, str, str]:
        """(country, sector, org) on ``when``: the first active role, else the entry's defaults."""
        for r in self.roles_at(when):
            return r.country, r.sector, r.org or self.org
        return self.country, self.sector, self.org


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace so that names match across line breaks and double spaces."""
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """A loose key: no accents, no case, letters and digits only ("Erdoğan" → "erdogan", "U.S." → "us")."""
    if text.isascii():  # most names: NFKD changes nothing, and isalnum is [0-9A-Za-z]
        return _NOT_ASCII_ALNUM.sub("", text).lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isalnum()).casefold()


# British and American spellings of the words of organisations' names: a name the lexicon spells
# one way is matched spelt the other ("the Organisation for Security and Co-operation in Europe",
# "the Israel Defence Forces").
_SPELLINGS = (("Organization", "Organisation"), ("Co-operation", "Cooperation"), ("Defense", "Defence"))


def spelling_variants(name: str) -> list[str]:
    """``name`` with each of its British or American spellings (``_SPELLINGS``) swapped, one at a
    time and all together; [] when it has none."""
    out: list[str] = []
    swapped = name
    for a, b in _SPELLINGS:
        for x, y in ((a, b), (b, a)):
            if x in name:
                out.append(name.replace(x, y))
                swapped = swapped.replace(x, y)
    if swapped != name and swapped not in out:
        out.append(swapped)
    return out


def ascii_variant(text: str) -> str:
    """The name without accents ("Élysée" → "Elysee"), for matching text typed without them."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise_role(title: str) -> str:
    """A role title as stored: lower case, single spaces, American "defense"."""
    t = normalise_space(title.casefold().replace("-", " "))
    return t.replace("defence", "defense").replace("secretary general", "secretary-general")


def _date(value: Any, where: str, field: str) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise LexiconError(f"{where}: {field} must be a YYYY-MM-DD string or null, not {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise LexiconError(f"{where}: {field} {value!r} is not a YYYY-MM-DD date") from exc


def _str(obj: dict[str, Any], key: str, where: str, default: str = "") -> str:
    value = obj.get(key, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise LexiconError(f"{where}: field {key!r} must be a string, not {value!r}")
    return value


def _role(obj: Any, where: str) -> Role:
    if not isinstance(obj, dict):
        raise LexiconError(f"{where}: each role must be an object, not {obj!r}")
    unknown = set(obj) - _ROLE_FIELDS
    if unknown:
        raise LexiconError(f"{where}: unknown role field(s) {sorted(unknown)}")
    title = _str(obj, "title", where)
    if not title:
        raise LexiconError(f"{where}: a role needs a title")
    start, end = _date(obj.get("from"), where, "from"), _date(obj.get("to"), where, "to")
    if start and end and end < start:
        raise LexiconError(f"{where}: role {title!r} ends ({end}) before it starts ({start})")
    country = _str(obj, "country", where)
    if not _CODE.match(country):
        raise LexiconError(f"{where}: role country {country!r} is not a three-letter code")
    return Role(
        normalise_role(title), country, _str(obj, "sector", where), start, end, _str(obj, "org", where)
    )


def parse_entry(obj: Any, where: str) -> Entry:
    """Check one decoded JSON object and build an Entry; ``where`` ("file:line") names it in errors."""
    if not isinstance(obj, dict):
        raise LexiconError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    unknown = set(obj) - _FIELDS
    if unknown:
        raise LexiconError(f"{where}: unknown field(s) {sorted(unknown)}; known: {sorted(_FIELDS)}")
    entry_id, kind = _str(obj, "id", where), _str(obj, "kind", where)
    if not entry_id:
        raise LexiconError(f"{where}: missing 'id'")
    if kind not in KINDS:
        raise LexiconError(f"{where}: kind {kind!r} is not one of {sorted(KINDS)}")
    names = obj.get("names")
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
        raise LexiconError(f"{where}: 'names' must be a non-empty list of non-empty strings")
    country, sector = _str(obj, "country", where), _str(obj, "sector", where)
    if not _CODE.match(country):
        raise LexiconError(f"{where}: country {country!r} is not a three-letter code (ISO3, IGO, NGO, ...)")
    roles = obj.get("roles") or []
    if not isinstance(roles, list):
        raise LexiconError(f"{where}: 'roles' must be a list")
    for flag in ("standalone", "needs_name", "office"):
        if flag in obj and not isinstance(obj[flag], bool):
            raise LexiconError(f"{where}: {flag!r} must be true or false")
    countries = obj.get("countries") or []
    if not isinstance(countries, list) or not all(isinstance(c, str) and _CODE.match(c) and c for c in countries):
        raise LexiconError(f"{where}: 'countries' must be a list of three-letter codes")
    return Entry(
        id=entry_id,
        kind=kind,
        names=tuple(normalise_space(n) for n in names),
        country=country,
        sector=sector,
        org=_str(obj, "org", where),
        person=_str(obj, "person", where),
        roles=tuple(_role(r, f"{where} role {i + 1}") for i, r in enumerate(roles)),
        role=normalise_role(_str(obj, "role", where)),
        standalone=obj.get("standalone", True),
        needs_name=obj.get("needs_name", False),
        office=obj.get("office", False),
        countries=tuple(countries),
        gender=_str(obj, "gender", where),
        note=_str(obj, "note", where),
    )


def read_entries(lines: Iterable[str], source: str) -> Iterator[Entry]:
    """Entries from JSONL text; a malformed line raises LexiconError naming ``source`` and the line."""
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        where = f"{source}:{number}"
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise LexiconError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from exc
        yield parse_entry(obj, where)


def shipped_entries_parsed() -> Iterator[Entry]:
    """The shipped files' entries, parsed and checked now (``compiled.shipped_entries`` caches them)."""
    folder = resources.files("riftwatch.data").joinpath("actors")
    for name in SHIPPED_FILES:
        with folder.joinpath(name).open(encoding="utf-8") as fh:
            yield from read_entries(fh, f"riftwatch/data/actors/{name}")


def _user_entries(path: Path) -> Iterator[Entry]:
    try:
        with path.open(encoding="utf-8") as fh:
            yield from read_entries(fh, str(path))
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read the lexicon file ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: not UTF-8 text ({exc.reason})") from exc


class Lexicon:
    """An immutable set of entries with the indexes the recogniser needs.

    >>> lex = Lexicon.load()
    >>> lex.lookup("Hizballah")[0].country
    'LBN'
    """

    __slots__ = ("_by_id", "_cache", "_countries", "_entries", "_exact", "_folded", "_holders", "_lower")

    def __init__(self, entries: Iterable[Entry]) -> None:
        by_id: dict[str, Entry] = {}
        for e in entries:
            by_id[e.id] = e  # a later entry with the same id replaces the earlier one
        self._entries = tuple(by_id.values())
        self._by_id = by_id
        self._exact: dict[str, list[Entry]] = {}
        self._lower: dict[str, list[Entry]] = {}
        self._folded: dict[str, list[Entry]] = {}
        self._holders: dict[tuple[str, str, str], list[tuple[Role, Entry]]] = {}
        self._countries: dict[str, str] = {}
        self._cache: dict[str, tuple[object, object]] = {}
        for e in self._entries:
            for n in (*e.names, *(v for name in e.names for v in spelling_variants(name))):
                for index, key in ((self._exact, n), (self._lower, n.casefold()), (self._folded, fold(n))):
                    bucket = index.setdefault(key, [])
                    if e not in bucket:
                        bucket.append(e)
            for r in e.roles:
                self._holders.setdefault((r.title, r.country, r.org), []).append((r, e))
            if e.kind == "country":
                self._countries.setdefault(e.country, e.names[0])

    def __reduce__(self) -> tuple[type[Lexicon], tuple[tuple[Entry, ...]]]:
        # Pickle the entries only; indexes and matcher caches are rebuilt in the receiving process.
        return (Lexicon, (self._entries,))

    @classmethod
    def load(cls, extra: Sequence[Path | str] = ()) -> Lexicon:
        """The shipped lexicon overlaid by ``extra`` user files (later files win on equal ids).

        Without ``extra`` the shipped lexicon is built once per process and shared.
        """
        if not extra:
            return _default_lexicon()
        from .compiled import shipped_entries

        entries = shipped_entries()
        for path in extra:
            entries.extend(_user_entries(Path(path)))
        lex = cls(entries)
        log.debug("lexicon: %d entries (%d user files)", len(lex), len(extra))
        return lex

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries)

    def get(self, entry_id: str) -> Entry | None:
        """The entry with this id, or None."""
        return self._by_id.get(entry_id)

    def lookup_cased(self, surface: str) -> tuple[list[Entry], int]:
        """Entries for a surface form and how loosely they matched: 0 exact, 1 other case, 2 folded."""
        text = normalise_space(surface)
        found = self._exact.get(text)
        if found:
            return list(found), 0
        found = self._lower.get(text.casefold())
        if found:
            return list(found), 1
        found = self._folded.get(fold(text))  # folded last and only when needed: the costly key
        if found:
            return list(found), 2
        return [], 3

    def lookup(self, surface: str) -> list[Entry]:
        """Entries whose names match ``surface``: exact case first, then any case, then without accents."""
        return self.lookup_cased(surface)[0]

    def holder(self, role: str, country: str, when: dt.date | None = None, org: str = "") -> Entry | None:
        """The person holding ``role`` in ``country`` (and ``org``) on ``when``; the latest holder if None.

        ``role`` may be any title surface known to the lexicon ("Defence Secretary" → defense minister).

        >>> Lexicon.load().holder("president", "SYR", dt.date(2016, 5, 13)).person
        'Bashar al-Assad'
        """
        candidates = self._holders.get((self._role_key(role), country, org), [])
        if when is not None:
            candidates = [(r, e) for r, e in candidates if r.active(when)]
        if not candidates:
            return None
        return max(candidates, key=lambda c: c[0].start or dt.date.min)[1]

    def holder_named(self, role: str, surname: str, when: dt.date | None) -> Entry | None:
        """The one person holding ``role`` (in any country) on ``when`` whose name ends with
        ``surname``: "President Marcos" in 2025 is the Philippines' president; None when no one or
        several do, or with no date.

        >>> Lexicon.load().holder_named("president", "Assad", dt.date(2016, 5, 13)).person
        'Bashar al-Assad'
        """
        if when is None:
            return None
        key = self._role_key(role)
        by_surname = self.cached(f"holders-by-surname:{key}", self, lambda: self._holders_by_surname(key))
        found = {e.id: e for r, e in by_surname.get(fold(surname), ()) if r.active(when)}
        return next(iter(found.values())) if len(found) == 1 else None

    def _role_key(self, role: str) -> str:
        """The role a title surface names ("Defence Secretary" → defense minister), else the surface normalised."""
        return next((e.role for e in self.lookup(role) if e.kind == "title" and e.role), normalise_role(role))

    def _holders_by_surname(self, role: str) -> dict[str, list[tuple[Role, Entry]]]:
        out: dict[str, list[tuple[Role, Entry]]] = {}
        for (title, _, _), holders in self._holders.items():
            if title != role:
                continue
            for r, e in holders:
                words = [w for w in e.person.split() if w.rstrip(".").lower() not in ("jr", "sr")]
                if words:  # by the name's last word, and by what follows a particle ("al-Assad": "Assad")
                    for key in {fold(words[-1]), fold(words[-1].rsplit("-", 1)[-1])}:
                        out.setdefault(key, []).append((r, e))
        return out

    def sector_of_noun(self, lemma: str) -> str:
        """The sector a sector noun or title stands for ("troops" → MIL, "force" → MIL), "" if unknown."""
        base = normalise_space(lemma.casefold())
        for key in (base, base + "s", base + "es"):
            for e in self._lower.get(key, ()):
                if e.kind in ("sector_noun", "title"):
                    return e.sector
        return ""

    def country_name(self, code: str) -> str:
        """The short name of a country code ("SYR" → "Syria"), or the code itself."""
        return self._countries.get(code, code)

    def halves(self) -> dict[str, list[tuple[str, str]]]:
        """The halves of divided countries by the word that names each: "north" -> [("PRK", "KOR")]
        (the half, the other half), from the countries whose names differ only in a compass word
        ("North Korea", "South Korea").

        >>> Lexicon.load().halves()["south"]
        [('KOR', 'PRK')]
        """
        return self.cached("halves", self, self._halves)  # type: ignore[no-any-return]

    def _halves(self) -> dict[str, list[tuple[str, str]]]:
        by_rest: dict[str, dict[str, str]] = {}
        for code, name in self._countries.items():
            word, _, rest = name.partition(" ")
            if word.lower() in _COMPASS and rest:
                by_rest.setdefault(rest, {})[word.lower()] = code
        out: dict[str, list[tuple[str, str]]] = {}
        for pair in by_rest.values():
            if len(pair) == 2:
                (w1, c1), (w2, c2) = pair.items()
                out.setdefault(w1, []).append((c1, c2))
                out.setdefault(w2, []).append((c2, c1))
        return out

    def patterns(self) -> list[str]:
        """Every surface form to match, with accent-free variants added, sorted."""
        out: set[str] = set()
        for e in self._entries:
            for n in e.names:
                out.add(n)
                out.add(ascii_variant(n))
                out.update(spelling_variants(n))
        return sorted(out)

    def cached(self, key: str, owner: object, factory: Any) -> Any:
        """A per-lexicon cache for derived objects (e.g. matchers for one spaCy vocab).

        ``owner`` is held alongside the value so that an object id reused after garbage
        collection can never return a stale value.
        """
        hit = self._cache.get(key)
        if hit is not None and hit[0] is owner:
            return hit[1]
        value = factory()
        self._cache[key] = (owner, value)
        return value


_COMPASS = frozenset({"north", "south", "east", "west"})


@functools.cache
def _default_lexicon() -> Lexicon:
    from .compiled import shipped_entries

    lex = Lexicon(shipped_entries())
    log.debug("loaded the shipped actor lexicon: %d entries", len(lex))
    return lex


def moved(actor: Actor, country: str) -> Actor:
    """``actor`` given ``country`` for the one the article's context guessed; a name that was the
    guessed country's (an unnamed party known by its country alone: "Kenya" for "three journalists"
    in a story filed from Nairobi) follows the country."""
    names = _default_lexicon()
    name = names.country_name(country) if actor.name and actor.name == names.country_name(actor.country) else actor.name
    return replace(actor, country=country, name=name)

