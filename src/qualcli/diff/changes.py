"""What a diff reports: a list of :class:`Change` and a summary of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from qualcli.model import to_plain

Kind = Literal["added", "removed", "changed", "moved"]
KINDS: tuple[Kind, ...] = ("added", "removed", "changed", "moved")
POSITION_FIELDS = frozenset({"line", "page", "location", "source_ref"})


@dataclass(frozen=True)
class Change:
    """One difference between the old and the new document.

    ``path`` locates it from the document root, with collection names and
    element keys alternating (``["units", "201", "outcomes", "1", "criteria",
    "1.10", "guidance"]``); keys are those of the new document, or of the old
    one for a removal. A ``moved`` change also gives ``old_path``, and ``old``
    and ``new`` are then the old and new key (ref, code, or rule group).

    ``old`` and ``new`` stay typed until rendering: text, a number, a list of
    values, or the model object added or removed (a :class:`~qualcli.model.Unit`,
    :class:`~qualcli.model.Criterion`, :class:`~qualcli.model.VersionEntry`, …).
    :meth:`to_dict` serialises them with the model's serialiser, without
    source positions.
    """

    kind: Kind
    path: tuple[str, ...]
    old: Any = None
    new: Any = None
    old_path: tuple[str, ...] | None = None

    @property
    def unit(self) -> str | None:
        """The code of the unit this change is in, if any."""
        return self.path[1] if len(self.path) > 1 and self.path[0] == "units" else None

    def to_dict(self) -> dict[str, Any]:
        """Plain data in the layout of ``schemas/diff.schema.json``."""
        out: dict[str, Any] = {"kind": self.kind, "path": list(self.path)}
        if self.old_path is not None:
            out["old_path"] = list(self.old_path)
        out["old"] = to_plain(self.old, POSITION_FIELDS)
        out["new"] = to_plain(self.new, POSITION_FIELDS)
        return out


@dataclass(frozen=True)
class DocumentInfo:
    """Which document one side of the diff is."""

    path: str
    format: str
    body: str
    version: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "format": self.format, "body": self.body, "version": self.version}


@dataclass
class DiffReport:
    """The changes from ``old`` to ``new``, in new-document order."""

    old: DocumentInfo
    new: DocumentInfo
    changes: list[Change] = field(default_factory=list)

    def counts_by_kind(self) -> dict[str, int]:
        """How many changes of each kind (every kind present, zero or not)."""
        counts = dict.fromkeys(KINDS, 0)
        for change in self.changes:
            counts[change.kind] += 1
        return counts

    def counts_by_unit(self) -> dict[str, int]:
        """How many changes inside each unit, units in order of first change."""
        counts: dict[str, int] = {}
        for change in self.changes:
            if change.unit is not None:
                counts[change.unit] = counts.get(change.unit, 0) + 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        """The whole report as plain data (``schemas/diff.schema.json``)."""
        return {
            "old": self.old.to_dict(),
            "new": self.new.to_dict(),
            "changes": [c.to_dict() for c in self.changes],
            "summary": {
                "total": len(self.changes),
                "by_kind": self.counts_by_kind(),
                "by_unit": self.counts_by_unit(),
            },
        }
