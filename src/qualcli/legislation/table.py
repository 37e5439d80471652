"""The legislation currency table: instruments, their dated status history, merging.

The shipped table is ``qualcli/data/legislation.yaml`` (validated by
``schemas/legislation.schema.json``). Plugins add or replace entries through
the ``register_legislation`` hook, and a user's config can do the same; an
entry whose ``id`` already exists replaces the earlier one.
"""

from __future__ import annotations

import datetime as dt
from collections import namedtuple
from functools import cache

TYPE_CHECKING = False  # typing and pathlib are not imported at run time: they would double the start-up of the fast path
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, Iterable

from qualcli.errors import QualcliError
from qualcli.lazyre import lazy_compile

#: Nations each jurisdiction code covers.
NATIONS = {
    "UK": frozenset({"E", "W", "S", "NI"}),
    "GB": frozenset({"E", "W", "S"}),
    "EW": frozenset({"E", "W"}),
    "EWNI": frozenset({"E", "W", "NI"}),
    "E": frozenset({"E"}),
    "W": frozenset({"W"}),
    "S": frozenset({"S"}),
    "NI": frozenset({"NI"}),
}
JURISDICTION_NAMES = {
    "UK": "the UK",
    "GB": "Great Britain",
    "EW": "England and Wales",
    "EWNI": "England, Wales and Northern Ireland",
    "E": "England",
    "W": "Wales",
    "S": "Scotland",
    "NI": "Northern Ireland",
}
DEFAULT_JURISDICTION = "E"

_YEAR_SUFFIX = lazy_compile(r"[\s,]*\(?\d{4}\)?\s*$")


class StatusChange(namedtuple("StatusChange", "date status successor scope where note severity",
                              defaults=(None, None, "UK", None, None))):
    """A dated change in an instrument's standing.

    ``date`` (a date) and ``status`` (partly_superseded | superseded |
    largely_repealed | repealed | revoked | renamed); ``successor``, the id of
    the instrument that now governs; ``scope``, what the change covers in
    words; ``where``, the jurisdiction code it applies in; ``note``; and
    ``severity``, which overrides the rule's default severity for this change.
    """

    __slots__ = ()

    def applies_in(self, jurisdiction: str) -> bool:
        """True when the change has effect in (part of) ``jurisdiction``."""
        return bool(NATIONS[self.where] & NATIONS[jurisdiction])


class Part(namedtuple("Part", "label title topics changes")):
    """A part or section of an instrument whose status differs from the rest (e.g. Part III of an Act).

    ``topics`` are the words a sentence uses when it cites the instrument for this
    part ("price", "sale price"); ``label`` is how the instrument numbers it;
    ``changes`` its :class:`StatusChange` s.
    """

    __slots__ = ()


class Instrument:
    """One Act, statutory instrument or retained/EU regulation.

    ``number`` is the chapter or SI/SR/SSI number ("c. 54", "SI 2013/3134");
    ``equivalents`` maps a jurisdiction code to the ids of the local
    instruments there; ``still_applies_in`` says where it is known to remain
    in force after a narrower change; ``entry`` is the table entry it was
    built from; ``name`` is the title without its year (what material writes
    before the year). Two instruments are equal when everything but
    ``equivalents`` and ``entry`` is.
    """

    __slots__ = ("id", "title", "year", "kind", "jurisdiction", "source", "aliases", "abbreviations",
                 "incorrect_names", "in_force_from", "changes", "notes", "uncertain", "number",
                 "equivalents", "still_applies_in", "parts", "entry", "name")

    def __init__(self, id: str, title: str, year: int, kind: str, jurisdiction: str, source: str,
                 aliases: tuple[str, ...] = (), abbreviations: tuple[str, ...] = (),
                 incorrect_names: tuple[str, ...] = (), in_force_from: dt.date | None = None,
                 changes: tuple[StatusChange, ...] = (), notes: str | None = None, uncertain: str | None = None,
                 number: str | None = None, equivalents: dict[str, tuple[str, ...]] | None = None,
                 still_applies_in: str | None = None, parts: tuple[Part, ...] = (),
                 entry: dict[str, Any] | None = None) -> None:
        self.id, self.title, self.year, self.kind = id, title, year, kind
        self.jurisdiction, self.source = jurisdiction, source
        self.aliases, self.abbreviations, self.incorrect_names = aliases, abbreviations, incorrect_names
        self.in_force_from, self.changes, self.notes, self.uncertain = in_force_from, changes, notes, uncertain
        self.number, self.equivalents = number, equivalents if equivalents is not None else {}
        self.still_applies_in, self.parts, self.entry = still_applies_in, parts, entry if entry is not None else {}
        self.name = _YEAR_SUFFIX.sub("", title).strip()

    def record(self) -> tuple:
        """This instrument as plain data (built-in types, dates as ordinals), for :meth:`from_record`."""
        return (self.id, self.title, self.year, self.kind, self.jurisdiction, self.source, self.aliases,
                self.abbreviations, self.incorrect_names, self.in_force_from.toordinal() if self.in_force_from else None,
                [_change_record(change) for change in self.changes], self.notes, self.uncertain, self.number,
                self.equivalents, self.still_applies_in,
                [(p.label, p.title, p.topics, [_change_record(c) for c in p.changes]) for p in self.parts],
                self.entry, self.name)

    @classmethod
    def from_record(cls, record: tuple) -> Instrument:
        """The instrument :meth:`record` describes (set up without the work of building one)."""
        inst = cls.__new__(cls)
        (inst.id, inst.title, inst.year, inst.kind, inst.jurisdiction, inst.source, inst.aliases, inst.abbreviations,
         inst.incorrect_names, in_force, changes, inst.notes, inst.uncertain, inst.number, inst.equivalents,
         inst.still_applies_in, parts, inst.entry, inst.name) = record
        inst.in_force_from = dt.date.fromordinal(in_force) if in_force is not None else None
        inst.changes = tuple(map(_change_from_record, changes))
        inst.parts = tuple(Part(label, title, topics, tuple(map(_change_from_record, part_changes)))
                           for label, title, topics, part_changes in parts)
        return inst

    def _compared(self) -> tuple:
        return (self.id, self.title, self.year, self.kind, self.jurisdiction, self.source, self.aliases,
                self.abbreviations, self.incorrect_names, self.in_force_from, self.changes, self.notes,
                self.uncertain, self.number, self.still_applies_in, self.parts)

    def __eq__(self, other: object) -> bool:
        return self._compared() == other._compared() if isinstance(other, Instrument) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        return f"Instrument(id={self.id!r}, title={self.title!r})"

    def status_on(self, when: dt.date, jurisdiction: str = DEFAULT_JURISDICTION,
                  part: Part | None = None) -> tuple[str, StatusChange | None]:
        """The status on ``when`` in ``jurisdiction`` (of ``part`` when given) and the change that set it (None when in force)."""
        if self.in_force_from and when < self.in_force_from:
            return "not_yet_in_force", None
        current: tuple[str, StatusChange | None] = ("in_force", None)
        for change in part.changes if part is not None else self.changes:
            if change.date <= when and change.applies_in(jurisdiction):
                current = (change.status, change)
        return current

    def differing_nations(self, change: StatusChange) -> str | None:
        """Where the instrument's own extent is wider than a change's, the nations left out (e.g. ``NI``)."""
        return nations_code(NATIONS[self.jurisdiction] - NATIONS[change.where])

    def extends_to(self, jurisdiction: str) -> bool:
        """True when the instrument's extent covers some of ``jurisdiction``."""
        return bool(NATIONS[self.jurisdiction] & NATIONS[jurisdiction])


def _change_record(change: StatusChange) -> tuple:
    return (change.date.toordinal(), *change[1:])


def _change_from_record(record: tuple) -> StatusChange:
    return StatusChange(dt.date.fromordinal(record[0]), *record[1:])


def nations_code(nations: frozenset[str]) -> str | None:
    """The jurisdiction code for exactly ``nations`` (None when empty or no code fits)."""
    for code in ("NI", "S", "GB", "EW", "EWNI", "E", "W", "UK"):
        if nations and NATIONS[code] == nations:
            return code
    return None


class Table:
    """Instruments by id, in table order."""

    def __init__(self, instruments: Iterable[Instrument]):
        self.by_id: dict[str, Instrument] = {}
        for instrument in instruments:
            self.by_id[instrument.id] = instrument

    def __iter__(self):
        return iter(self.by_id.values())

    def __len__(self) -> int:
        return len(self.by_id)

    def get(self, instrument_id: str | None) -> Instrument | None:
        """The instrument with ``instrument_id``, or None."""
        return self.by_id.get(instrument_id) if instrument_id else None

    def lookup(self, name: str) -> list[Instrument]:
        """Instruments whose id, title, name, alias or abbreviation is ``name`` (case-insensitive)."""
        from qualcli.legislation.names import name_key

        key = name_key(name)
        found = []
        for inst in self:
            keys = {inst.id, name_key(inst.title), name_key(inst.name)}
            keys |= {name_key(a) for a in inst.aliases + inst.abbreviations}
            keys |= {f"{name_key(a)} {inst.year}" for a in (inst.name, *inst.aliases, *inst.abbreviations)}
            if key in keys:
                found.append(inst)
        return found

    def with_entries(self, entries: Iterable[dict[str, Any]], origin: str) -> "Table":
        """A new table with ``entries`` added (an existing id is replaced)."""
        added = [instrument_from_entry(entry, origin) for entry in entries]
        return Table([*self, *added])


def _date(value: Any, origin: str, what: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise QualcliError(f"{what}: {value!r} is not a date (YYYY-MM-DD)", origin) from None


def entry_problems(entry: Any) -> list[str]:
    """Schema violations of one table entry (``path: message``)."""
    from qualcli.schemas import violations

    return list(violations([entry], "legislation"))


def instrument_from_entry(entry: dict[str, Any], origin: str) -> Instrument:
    """Build an :class:`Instrument` from one table entry, checking it against the schema."""
    problems = entry_problems(plain_entry(entry))
    if problems:
        label = entry.get("id", "?") if isinstance(entry, dict) else "?"
        raise QualcliError(f"invalid legislation entry {label!r}: {problems[0].removeprefix('[0].')}", origin)
    return _build(entry, origin)


def _changes(items: Iterable[dict[str, Any]], entry: dict[str, Any], origin: str) -> tuple[StatusChange, ...]:
    """Dated changes in date order; a change without ``where`` applies wherever the instrument extends."""
    changes = (
        StatusChange(
            date=_date(c["date"], origin, f"{entry['id']} status date"),
            status=c["status"],
            successor=c.get("successor"),
            scope=c.get("scope"),
            where=c.get("where", entry["jurisdiction"]),
            note=c.get("note"),
            severity=c.get("severity"),
        )
        for c in items
    )
    return tuple(sorted(changes, key=lambda c: c.date))


def _build(entry: dict[str, Any], origin: str) -> Instrument:
    changes = _changes(entry.get("changes", ()), entry, origin)
    parts = tuple(
        Part(label=p["part"], title=p["title"], topics=tuple(p.get("topics", ())), changes=_changes(p.get("changes", ()), entry, origin))
        for p in entry.get("parts", ())
    )
    in_force = entry.get("in_force_from")
    return Instrument(
        id=entry["id"],
        title=entry["title"],
        year=int(entry["year"]),
        kind=entry["kind"],
        jurisdiction=entry["jurisdiction"],
        source=entry["source"],
        aliases=tuple(entry.get("aliases", ())),
        abbreviations=tuple(entry.get("abbreviations", ())),
        incorrect_names=tuple(entry.get("incorrect_names", ())),
        in_force_from=_date(in_force, origin, f"{entry['id']} in_force_from") if in_force else None,
        changes=changes,
        notes=entry.get("notes"),
        uncertain=entry.get("uncertain"),
        number=entry.get("number"),
        equivalents={code: tuple(ids) for code, ids in entry.get("equivalents", {}).items()},
        still_applies_in=entry.get("still_applies_in"),
        parts=parts,
        entry=entry,
    )


def plain_entry(value: Any) -> Any:
    """A table entry as plain JSON data: YAML dates become ISO strings (as the schema expects)."""
    if isinstance(value, dict):
        return {k: plain_entry(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain_entry(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def load_entries(path: Path, validate: bool = True) -> list[dict[str, Any]]:
    """Entries from a table file (YAML or JSON list), validated; errors are one line.

    ``validate=False`` is for the shipped table only, which the test suite
    checks against the schema: it saves loading jsonschema on every run.
    """
    from qualcli.specfile import load_data

    data = load_data(path)
    if isinstance(data, dict) and "instruments" in data:
        data = data["instruments"]
    if validate:
        from qualcli.schemas import violations

        problems = list(violations(plain_entry(data), "legislation"))
        if problems:
            raise QualcliError(f"not a valid legislation table: {problems[0]}", str(path))
    return data


def shipped_path() -> Path:
    """The table that ships with qualcli."""
    from pathlib import Path

    return Path(_shipped_file())


def _shipped_file() -> str:
    """The shipped table's file name (:func:`shipped_path` as a string, without importing pathlib)."""
    import os

    return os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(__file__))), "data", "legislation.yaml")


def _shipped_entries() -> list[dict[str, Any]]:
    """The shipped table's entries as plain data (ISO date strings).

    Parsing the YAML costs about 0.15 s, and every ``parse``, ``diff`` and
    ``lint`` needs the table, so a JSON copy is kept in :func:`cache_dir`,
    keyed and checked by a hash of the YAML and qualcli's version
    (:mod:`qualcli.legislation.cache`): an edited table or another qualcli
    gets a new copy, and a copy that is damaged, or cannot be read or
    written, only costs the YAML parse.
    """
    import os

    from qualcli import __version__
    from qualcli.cachedir import cache_folder, fast_hash
    from qualcli.legislation.cache import read_cached, write_cached

    with open(_shipped_file(), "rb") as table_file:
        key = fast_hash(table_file.read())
    cached = os.path.join(cache_folder(), f"legislation-{__version__}-{key}.json")
    entries = read_cached(cached, key)
    if entries is None:
        entries = plain_entry(load_entries(shipped_path(), validate=False))
        write_cached(cached, key, entries)
    return entries


def shipped_table() -> Table:
    """The shipped table plus entries registered by plugins (loaded once per process)."""
    return shipped().table


#: The shipped table (with plugin entries); its finder's state when it was set up from a snapshot
#: (:mod:`qualcli.legislation.snapshot`), else None; and whether building it reported nothing.
Shipped = namedtuple("Shipped", "table finder_state clean")


@cache
def shipped() -> Shipped:
    """The shipped table plus entries registered by plugins: set up from the snapshot kept for this
    table, these plugins and this qualcli when there is one, else built from its entries."""
    from qualcli.legislation.snapshot import kept

    origin = _shipped_file()
    try:
        records, finder_state = kept(origin)
        return Shipped(Table(map(Instrument.from_record, records)), finder_state, True)
    except (TypeError, ValueError, IndexError):
        pass  # none kept (None), or not in the shape this qualcli keeps: built
    from qualcli.plugin_results import hook_results

    table = Table(_build(entry, origin) for entry in _shipped_entries())
    check_successors(table, origin)
    clean = True
    for plugin_name, entry in hook_results("register_legislation"):
        try:  # one plugin's bad entry is reported and skipped, never breaks every command
            extended = table.with_entries([entry], f"plugin {plugin_name}")
            check_successors(extended, f"plugin {plugin_name}")
        except QualcliError as exc:
            from qualcli.plugins import get_manager

            get_manager().warn(f"plugin {plugin_name!r}: legislation entry skipped: {exc}")
            clean = False
            continue
        table = extended
    return Shipped(table, None, clean)


def keep_shipped(table: Table, finder_state: tuple) -> None:
    """Keep the shipped table :func:`shipped` just built (with nothing reported) and its finder's state
    (:meth:`~qualcli.legislation.finder.Finder.state`) for later runs (:mod:`qualcli.legislation.snapshot`)."""
    from qualcli.legislation.snapshot import keep

    keep(_shipped_file(), ([inst.record() for inst in table], finder_state))


def check_successors(table: Table, origin: str) -> None:
    """Every ``successor`` and local equivalent must name an instrument in the table."""
    for inst in table:
        named = [c.successor for c in inst.changes] + [c.successor for p in inst.parts for c in p.changes]
        named += [i for ids in inst.equivalents.values() for i in ids]
        for other in named:
            if other and table.get(other) is None:
                raise QualcliError(f"{inst.id}: {other!r} is named but is not in the table", origin)


def build_table(entries: Iterable[dict[str, Any]] = (), files: Iterable[str | Path] = (), origin: str = "config") -> Table:
    """The shipped table extended by table ``files`` and inline ``entries`` (later ones win)."""
    table = shipped_table()
    for path in files:
        from pathlib import Path

        table = table.with_entries(load_entries(Path(path)), str(path))
    entries = list(entries)
    if entries:
        table = table.with_entries(entries, origin)
    if table is not shipped_table():
        check_successors(table, origin)
    return table
