"""The objects plugins register, and a parser's answer: the contract of :mod:`qualcli.api`.

Plugins import these names from :mod:`qualcli.api` (which imports this module
when one is first used, so a plugin's entry module that only needs
``hookimpl`` costs a command that parses nothing almost nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypedDict, runtime_checkable

if TYPE_CHECKING:
    from qualcli.model import SpecDocument
    from qualcli.readers import SourceText


@dataclass(frozen=True)
class Confidence:
    """A parser's answer to "is this document yours?".

    ``score`` runs from 0.0 (certainly not) to 1.0 (certainly); ``reason`` says
    in a few words which of the parser's own marks it found, and is shown to
    the user when no parser is sure enough (and by ``parse --explain-detection``).
    """

    score: float
    reason: str


@runtime_checkable
class Parser(Protocol):
    """What a parser registered through ``register_parsers`` provides.

    ``name`` is unique among installed parsers; ``body`` is the awarding-body
    id it parses for (``--body`` selects by it, and qualcli copies it into
    ``SpecDocument.body``); ``formats`` lists the source formats it accepts
    (``"txt"``, ``"md"``, ``"pdf"``, ``"docx"``, ``"html"``, or a format a
    plugin reader adds, such as ``"xml"``).
    """

    name: str
    body: str
    formats: tuple[str, ...]

    def confidence(self, source: SourceText) -> Confidence:
        """How sure the parser is that ``source`` is its body's document, judged by its own marks only.

        It runs for every document of an accepted format, so it must be cheap
        (look at the first few hundred lines). It must not look for other
        awarding bodies: qualcli compares every parser's answer and breaks ties.
        """
        ...

    def parse(self, source: SourceText) -> SpecDocument:
        """The document in the model. Content recognised but not placed goes to ``unstructured``."""
        ...


@runtime_checkable
class Reader(Protocol):
    """What a reader registered through ``register_readers`` provides.

    ``suffixes`` are lower-case, with the dot (``(".xml",)``); a plugin's
    reader for a suffix replaces the built-in one.
    """

    name: str
    suffixes: tuple[str, ...]

    def read(self, path: Path, data: bytes) -> SourceText:
        """The document's physical lines with their positions; raise UnreadableDocument if it cannot."""
        ...


class _NosEntryRequired(TypedDict):
    code: str
    title: str
    suite: str


class NosEntry(_NosEntryRequired, total=False):
    """One National Occupational Standard for ``register_nos`` (a standard of ``schemas/nos.schema.json``)."""

    year: int
    confidence: str
    note: str
    performance: list[str]
    knowledge: list[str]
    aliases: list[str]
    source: str


class _StatusChangeRequired(TypedDict):
    date: str
    status: str


class StatusChange(_StatusChangeRequired, total=False):
    """One dated change of an instrument's status (an item of ``LegislationEntry["changes"]``)."""

    successor: str
    scope: str
    where: str
    note: str
    severity: str


class InstrumentPart(TypedDict):
    """A part of an instrument whose status differs from the rest (an item of ``LegislationEntry["parts"]``)."""

    part: str
    title: str
    topics: list[str]
    changes: list[StatusChange]


class _LegislationEntryRequired(TypedDict):
    id: str
    title: str
    year: int
    kind: str
    jurisdiction: str
    source: str


class LegislationEntry(_LegislationEntryRequired, total=False):
    """One instrument for ``register_legislation``: an item of ``src/qualcli/data/legislation.yaml``.

    ``schemas/legislation.schema.json`` is the authority on every key and its
    form (dates are ``YYYY-MM-DD`` strings); an entry with an id the table
    already has replaces that instrument.
    """

    number: str
    equivalents: dict[str, list[str]]
    still_applies_in: str
    parts: list[InstrumentPart]
    aliases: list[str]
    abbreviations: list[str]
    incorrect_names: list[str]
    in_force_from: str
    changes: list[StatusChange]
    notes: str
    uncertain: str
