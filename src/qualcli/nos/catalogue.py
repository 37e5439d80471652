"""The NOS catalogue: ``data/nos.yaml`` merged with plugin ``register_nos`` entries.

Codes are looked up case-insensitively and with the ``CFA`` prefix optional for
Management and Leadership codes (contents pages print ``M&LDA4`` for
``CFAM&LDA4``). Listing order is natural: CFACSA2 before CFACSA10.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from qualcli.errors import QualcliError


@dataclass
class Standard:
    """One National Occupational Standard."""

    code: str
    title: str
    suite: str  # suite id (shipped) or suite name (plugin)
    suite_title: str | None = None
    year: int | None = None
    confidence: str | None = None
    note: str | None = None
    performance: list[str] = field(default_factory=list)
    knowledge: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    source: str | None = None  # where the statements come from
    origin: str = "qualcli"  # "qualcli" for the shipped table, else the plugin name

    def suite_label(self) -> str:
        """``Customer Service (2013)``: the suite's title and year, for display."""
        title = self.suite_title or self.suite
        return f"{title} ({self.year})" if self.year and str(self.year) not in title else title

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output, leaving out empty fields."""
        data = {
            "code": self.code,
            "title": self.title,
            "suite": self.suite_label(),
            "year": self.year,
            "confidence": self.confidence,
            "note": self.note,
            "performance": self.performance,
            "knowledge": self.knowledge,
            "aliases": self.aliases,
            "source": self.source,
            "origin": self.origin,
        }
        return {k: v for k, v in data.items() if v not in (None, [])}


def normalise_code(code: str) -> str:
    """The lookup key of a code: upper case, no spaces, ``M&L…`` given its ``CFA`` prefix."""
    key = re.sub(r"\s+", "", code).upper()
    return "CFA" + key if key.startswith("M&L") else key


def natural_key(code: str) -> list[Any]:
    """Sort key putting CFACSA2 before CFACSA10."""
    return [int(part) if part.isdigit() else part.upper() for part in re.split(r"(\d+)", code)]


class Catalogue:
    """Standards by code, in natural code order."""

    def __init__(self, standards: list[Standard], warnings: list[str] | None = None):
        self._by_key = {normalise_code(s.code): s for s in standards}
        self.warnings = warnings or []

    def __iter__(self):
        return iter(sorted(self._by_key.values(), key=lambda s: natural_key(s.code)))

    def __len__(self) -> int:
        return len(self._by_key)

    def get(self, code: str) -> Standard | None:
        """The standard with ``code``, or None."""
        return self._by_key.get(normalise_code(code))

    def show(self, code: str) -> Standard:
        """The standard with ``code``; an unknown code is a one-line error naming near codes."""
        found = self.get(code)
        if found is not None:
            return found
        key = normalise_code(code)
        near = [s.code for s in self if normalise_code(s.code).startswith(key[: max(len(key) - 2, 3)])][:5]
        hint = f"; similar: {', '.join(near)}" if near else "; run `qualcli nos list`"
        raise QualcliError(f"no NOS {code!r} in the catalogue{hint}")


def load_shipped() -> dict[str, Any]:
    """The shipped ``data/nos.yaml``, validated against ``schemas/nos.schema.json``."""
    from ruamel.yaml import YAML

    from qualcli.schemas import violations

    text = (resources.files("qualcli") / "data" / "nos.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe", pure=True).load(text)
    problems = list(violations(data, "nos"))
    if problems:  # a broken shipped table is a packaging bug, reported as one line
        raise QualcliError(f"the shipped NOS catalogue is invalid: {problems[0]}")
    return data


def entry_problems(entry: Any) -> list[str]:
    """Schema violations of one plugin-registered entry."""
    from qualcli.schemas import violations

    if not isinstance(entry, dict):
        return [f"expected a mapping, got {type(entry).__name__}"]
    wrapper = {"suites": [], "standards": [entry]}
    return [p.replace("standards[0]", "entry", 1) for p in violations(wrapper, "nos")]


def build_catalogue(shipped: dict[str, Any], registered: list[tuple[str, Any]]) -> Catalogue:
    """Merge the shipped table with ``(plugin, entry)`` pairs from ``register_nos``.

    A new code is added. For a code already known, the plugin fills in what the
    catalogue lacks (statements, year) and a differently worded title becomes an
    alias, so a confirmed title is never replaced by a document's wording. An
    invalid entry is skipped with a warning.
    """
    suites = {s["id"]: s for s in shipped.get("suites", [])}
    standards: dict[str, Standard] = {}
    for item in shipped.get("standards", []):
        suite = suites.get(item["suite"], {})
        standards[normalise_code(item["code"])] = Standard(suite_title=suite.get("title"), **item)
    warnings: list[str] = []
    for plugin_name, entry in registered:
        if isinstance(entry, dict) and isinstance(entry.get("year"), str) and entry["year"].isdigit():
            entry = {**entry, "year": int(entry["year"])}  # "2013" as printed is fine
        problems = entry_problems(entry)
        if problems:
            warnings.append(f"plugin {plugin_name!r}: NOS entry skipped: {problems[0]}")
            continue
        key = normalise_code(entry["code"])
        known = standards.get(key)
        if known is None:
            standards[key] = Standard(origin=plugin_name, **entry)
            continue
        known.performance = known.performance or list(entry.get("performance", []))
        known.knowledge = known.knowledge or list(entry.get("knowledge", []))
        if not known.source and (entry.get("performance") or entry.get("knowledge")):
            known.source = entry.get("source") or f"plugin {plugin_name!r}"
        known.year = known.year or entry.get("year")
        title = entry["title"]
        if _fold(title) != _fold(known.title) and all(_fold(title) != _fold(a) for a in known.aliases):
            known.aliases.append(title)
    return Catalogue(list(standards.values()), warnings)


def _fold(title: str) -> str:
    """Compare titles case-, hyphen- and s/z-insensitively."""
    return re.sub(r"[\s-]+", " ", title.lower()).replace("z", "s").strip()


@cache
def catalogue() -> Catalogue:
    """The process-wide catalogue: shipped standards plus every plugin's."""
    from qualcli.plugins import collect

    return build_catalogue(load_shipped(), collect("register_nos"))
