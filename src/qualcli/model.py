"""The common model every awarding-body plugin parses into.

A parsed document is a :class:`SpecDocument`. Every element that comes from
the source carries ``line`` (1-based) and, for paged formats, ``page``, so a
finding can always point back into the document. ``schemas/spec.schema.json``
is the authority on the serialised form; :func:`SpecDocument.to_dict` and
:func:`SpecDocument.from_dict` convert to and from it.

Serialisation is deterministic: keys follow field order, lists keep document
order, and fields whose value is ``None`` or an empty list/dict are left out
(the schema treats them as absent).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, Union

Grade = Literal["pass", "merit", "distinction"]
OutcomeKind = Literal["knowledge", "performance", "learning_aim"]


@dataclass
class Source:
    """Where a parsed document came from."""

    path: str
    sha256: str
    format: str  # txt | md | pdf | docx | html | xml
    body: str | None = None
    plugin: str | None = None
    plugin_version: str | None = None
    pages: int | None = None


@dataclass
class NosRef:
    """A reference from a unit to a National Occupational Standard."""

    code: str
    title: str | None = None
    suite: str | None = None
    line: int | None = None
    page: int | None = None


@dataclass
class LegislationRef:
    """A citation of an Act or statutory instrument found in a document."""

    text: str
    instrument: str | None = None  # id in the currency table, when known
    year: str | None = None  # the year as written
    location: dict[str, Any] = field(default_factory=dict)


@dataclass
class Criterion:
    """An assessment criterion. ``ref`` is canonical ``outcome.criterion``."""

    ref: str
    text: str
    source_ref: str | None = None  # as printed: "1.1.1.", "a.", "2A.P1"
    guidance: str | None = None  # notes for guidance / unit amplification
    assessment_guidance: str | None = None
    grade: Grade | None = None  # BTEC grids: pass / merit / distinction
    flags: list[str] = field(default_factory=list)
    line: int | None = None
    page: int | None = None


@dataclass
class ContentTopic:
    """A topic of unit content (e.g. BTEC "A.1 ..."), kept with its text."""

    ref: str
    title: str
    text: str | None = None
    line: int | None = None
    page: int | None = None


@dataclass
class LearningOutcome:
    """A learning outcome (or a BTEC learning aim, with a letter ref)."""

    ref: str
    text: str
    kind: OutcomeKind | None = None
    criteria: list[Criterion] = field(default_factory=list)
    content: list[ContentTopic] = field(default_factory=list)
    guidance: str | None = None
    assessment: dict[str, Any] = field(default_factory=dict)
    line: int | None = None
    page: int | None = None


@dataclass
class Section:
    """A titled block of unit or document text kept as prose."""

    title: str
    text: str
    line: int | None = None
    page: int | None = None


@dataclass
class Unit:
    """A unit of a qualification."""

    code: str
    title: str
    urn: str | None = None  # Ofqual unit reference / UAN
    level: str | None = None
    credits: int | None = None
    glh: int | None = None
    group: str | None = None
    unit_type: str | None = None
    aim: str | None = None
    assessment: list[str] = field(default_factory=list)  # methods
    observations: int | None = None
    external_papers: int | None = None
    same_content_as: str | None = None
    nos: list[NosRef] = field(default_factory=list)
    nos_suites: list[str] = field(default_factory=list)  # suites named without codes
    learning_outcomes: list[LearningOutcome] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    legislation: list[LegislationRef] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)  # body-specific extras
    line: int | None = None
    page: int | None = None


@dataclass
class RuleGroup:
    """One group of a qualification's rules of combination."""

    name: str
    min_credits: int | None = None
    max_credits: int | None = None
    min_units: int | None = None
    max_units: int | None = None
    mandatory: bool = False
    units: list[str] = field(default_factory=list)  # unit codes
    alternatives: list[list[str]] = field(default_factory=list)  # one unit from each set
    line: int | None = None
    page: int | None = None


@dataclass
class Qualification:
    """A qualification defined (or one of several defined) by the document."""

    title: str
    number: str | None = None
    level: str | None = None
    credits: int | None = None
    glh: int | None = None
    tqt: int | None = None
    dates: dict[str, str] = field(default_factory=dict)  # e.g. operational_start
    rules: list[RuleGroup] = field(default_factory=list)
    rules_text: list[str] = field(default_factory=list)  # rule text kept as printed
    details: dict[str, Any] = field(default_factory=dict)
    line: int | None = None
    page: int | None = None


@dataclass
class VersionEntry:
    """One row of the document's own change log."""

    version: str
    date: str | None = None
    changes: list[str] = field(default_factory=list)
    section: str | None = None
    line: int | None = None
    page: int | None = None


@dataclass
class UnitMapping:
    """A mapping the document itself prints (e.g. Pearson Annexe A)."""

    old_unit: str
    new_unit: str
    relation: str  # P | F | X
    meaning: str | None = None
    old_title: str | None = None
    new_title: str | None = None
    line: int | None = None
    page: int | None = None


@dataclass
class Unstructured:
    """Text a parser recognised as content but could not place in the model."""

    text: str
    reason: str
    line: int | None = None
    page: int | None = None


@dataclass
class Problem:
    """A sign that a parse lost structure (see :mod:`qualcli.diagnostics`)."""

    kind: str  # outcome-without-criteria | criterion-like-lines | unit-without-credits
    message: str
    unit: str | None = None


@dataclass
class Diagnostics:
    """What a parse found, and what it may have lost."""

    units_listed: int = 0
    units_in_full: int = 0
    outcomes: int = 0
    criteria: int = 0
    problems: list[Problem] = field(default_factory=list)


@dataclass
class SpecDocument:
    """A parsed specification."""

    source: Source
    body: str
    title: str | None = None
    version: str | None = None
    version_date: str | None = None
    version_history: list[VersionEntry] = field(default_factory=list)
    qualifications: list[Qualification] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    mappings: list[UnitMapping] = field(default_factory=list)
    unstructured: list[Unstructured] = field(default_factory=list)
    diagnostics: Diagnostics | None = None
    warnings: list[str] = field(default_factory=list)

    def unit(self, code: str) -> Unit | None:
        """Return the unit with ``code``, or None."""
        for unit in self.units:
            if unit.code == code:
                return unit
        return None

    def to_dict(self) -> dict[str, Any]:
        """Serialise to plain data in schema order, leaving out empty fields."""
        return _to_plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "SpecDocument":
        """Build a document from plain data (e.g. a parsed YAML/JSON spec)."""
        return _from_plain(cls, data)


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, (list, dict)) and not value)


def _to_plain(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj):
        out = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if _is_empty(value) or (f.name == "mandatory" and value is False):
                continue
            out[f.name] = _to_plain(value)
        return out
    if isinstance(obj, list):
        return [_to_plain(v) for v in obj]
    if isinstance(obj, dict):
        return {k: _to_plain(v) for k, v in obj.items()}
    return obj


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _from_plain(tp: Any, data: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return None if data is None else _from_plain(inner[0], data)
    if origin is list:
        (item,) = typing.get_args(tp)
        return [_from_plain(item, v) for v in data]
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        names = {f.name for f in dataclasses.fields(tp)}
        return tp(**{k: _from_plain(hints[k], v) for k, v in data.items() if k in names})
    return data


def iter_criteria(doc: SpecDocument):
    """Yield ``(unit, outcome, criterion)`` for every criterion in document order."""
    for unit in doc.units:
        for outcome in unit.learning_outcomes:
            for criterion in outcome.criteria:
                yield unit, outcome, criterion


def iter_unit_texts(unit: Unit):
    """Yield ``(location, text)`` for every piece of prose in a unit, in document order.

    ``location`` names where the text sits: ``{"unit", "outcome"?, "criterion"?,
    "field", "line"?}`` — the shape of :attr:`LegislationRef.location`.
    """

    def place(field_name: str, element: Any, **where: str) -> dict[str, Any]:
        location = {"unit": unit.code, **where, "field": field_name}
        if getattr(element, "line", None):
            location["line"] = element.line
        return location

    for field_name in ("title", "aim"):
        if getattr(unit, field_name):
            yield place(field_name, unit), getattr(unit, field_name)
    for section in unit.sections:
        yield place(f"section:{section.title}", section), section.text
    for outcome in unit.learning_outcomes:
        yield place("outcome", outcome, outcome=outcome.ref), outcome.text
        if outcome.guidance:
            yield place("guidance", outcome, outcome=outcome.ref), outcome.guidance
        for topic in outcome.content:
            yield place(f"content:{topic.ref}", topic, outcome=outcome.ref), f"{topic.title} {topic.text or ''}".strip()
        for criterion in outcome.criteria:
            for field_name in ("text", "guidance", "assessment_guidance"):
                text = getattr(criterion, field_name)
                if text:
                    yield place(field_name, criterion, outcome=outcome.ref, criterion=criterion.ref), text
