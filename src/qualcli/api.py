"""The public plugin API: everything an awarding-body plugin may import from qualcli.

A plugin imports from this module and from :mod:`qualcli.parsing` (the shared
parsing helpers) only; the rest of qualcli is internal and may change between
releases (a test enforces this for the plugins shipped with qualcli). What is
here is the contract, documented for plugin authors in ``docs/plugins.md``:

- :data:`hookimpl`, to mark hook functions (the hooks are in
  :mod:`qualcli.hookspecs`);
- :class:`Parser` and :class:`Reader`, the protocols of the objects plugins
  register, and :class:`Confidence`, a parser's answer to "is this yours?";
- :class:`SourceText` and :class:`Line`, what readers give and parsers read,
  and the line kinds (:data:`TEXT`, :data:`HEADING`, :data:`LIST_ITEM`,
  :data:`TABLE_ROW`);
- the model classes a parser builds (:class:`SpecDocument` and its parts);
- :class:`NosEntry` and :class:`LegislationEntry`, the shapes of the entries
  ``register_nos`` and ``register_legislation`` take;
- :class:`UnreadableDocument`, the error a reader raises for a file it cannot
  read, and :func:`sha256_of`, :func:`decode_text` and :func:`lines_from_text`
  for readers of text-based formats;
- :class:`LazyReader`, to register a reader whose module is imported only
  when a file of its format is read.

A parser fills in the document's content; qualcli sets ``SpecDocument.source``
and ``SpecDocument.body`` (from the parser's ``body``) and the plugin's
version (from its distribution's metadata) after ``parse`` returns.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from qualcli.errors import UnreadableDocument
from qualcli.hookspecs import hookimpl

if TYPE_CHECKING:
    from qualcli.contract import Confidence, InstrumentPart, LegislationEntry, NosEntry, Parser, Reader, StatusChange
    from qualcli.model import (
        ContentTopic,
        Criterion,
        Grade,
        LearningOutcome,
        LegislationRef,
        NosRef,
        OutcomeKind,
        Qualification,
        RuleGroup,
        Section,
        SpecDocument,
        Unit,
        UnitMapping,
        Unstructured,
        VersionEntry,
    )
    from qualcli.readers import HEADING, LIST_ITEM, TABLE_ROW, TEXT, Line, SourceText, sha256_of
    from qualcli.readers.lazy import LazyReader
    from qualcli.readers.text import decode_text, lines_from_text

#: Names imported from where they are defined when first used (PEP 562), so that a plugin's entry
#: module, which imports :data:`hookimpl` from here, costs a command that parses nothing almost nothing.
_LAZY = {
    **dict.fromkeys(
        ("Confidence", "InstrumentPart", "LegislationEntry", "NosEntry", "Parser", "Reader", "StatusChange"),
        "qualcli.contract",
    ),
    **dict.fromkeys(
        ("ContentTopic", "Criterion", "Grade", "LearningOutcome", "LegislationRef", "NosRef", "OutcomeKind",
         "Qualification", "RuleGroup", "Section", "SpecDocument", "Unit", "UnitMapping", "Unstructured",
         "VersionEntry"),
        "qualcli.model",
    ),
    **dict.fromkeys(("HEADING", "LIST_ITEM", "TABLE_ROW", "TEXT", "Line", "SourceText", "sha256_of"), "qualcli.readers"),
    **dict.fromkeys(("decode_text", "lines_from_text"), "qualcli.readers.text"),
    "LazyReader": "qualcli.readers.lazy",
}


def __getattr__(name: str) -> Any:
    """The API's classes and helpers, imported on first use."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})

__all__ = [
    "HEADING",
    "LIST_ITEM",
    "TABLE_ROW",
    "TEXT",
    "Confidence",
    "ContentTopic",
    "Criterion",
    "Grade",
    "InstrumentPart",
    "LazyReader",
    "LearningOutcome",
    "LegislationEntry",
    "LegislationRef",
    "Line",
    "NosEntry",
    "NosRef",
    "OutcomeKind",
    "Parser",
    "Qualification",
    "Reader",
    "RuleGroup",
    "Section",
    "SourceText",
    "SpecDocument",
    "StatusChange",
    "Unit",
    "UnitMapping",
    "UnreadableDocument",
    "Unstructured",
    "VersionEntry",
    "decode_text",
    "hookimpl",
    "lines_from_text",
    "sha256_of",
]
