"""Locating a finding in a parsed spec (unit › outcome › criterion) and its change log.

A parser gives each element the line it starts on, but guidance for a
criterion is often printed far from the criterion itself (City & Guilds
"Notes for guidance"). So a finding is placed first by its words — the
criterion (or outcome, or unit section) whose text or guidance contains the
passage around the match — and only then by line: the last element that
starts on or before the finding's line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from qualcli.model import SpecDocument, Unit, UnitText, iter_texts, iter_unit_texts

_NON_WORD = re.compile(r"[^a-z0-9]+")


def squash(text: str | None) -> str:
    """Lower-case words only, single-spaced: for comparing text across markup differences."""
    return _NON_WORD.sub(" ", (text or "").lower()).strip()


@dataclass(frozen=True)
class Place:
    """Where in a spec's structure a finding is."""

    unit: str | None = None
    outcome: str | None = None
    criterion: str | None = None
    field: str | None = None
    source_ref: str | None = None  # the criterion's number as printed, without a final dot ("1.5.1")
    printed: str | None = None  # the criterion's number exactly as printed ("d.", "1.5.1."), for labels

    def label(self) -> str:
        """``unit SRX02 › 1.4 (d.)``: the canonical criterion, then its number as printed when that differs;
        ``unit 201 › outcome 5 › guidance`` or ``unit 201 › aim`` above criterion level ('' when unplaced)."""
        parts = [f"unit {self.unit}"] if self.unit else []
        printed = self.printed or self.source_ref
        if self.criterion:
            differs = printed and printed.rstrip(".") != self.criterion
            parts.append(f"{self.criterion} ({printed})" if differs else self.criterion)
        elif self.outcome:
            parts.append(f"outcome {self.outcome}")
        if self.field and self.field != "outcome" and not self.criterion:
            parts.append(self.field)
        return " › ".join(parts)

    def as_dict(self) -> dict[str, str]:
        """The non-empty parts."""
        pairs = (("unit", self.unit), ("outcome", self.outcome), ("criterion", self.criterion),
                 ("source_ref", self.source_ref), ("field", self.field))
        return {k: v for k, v in pairs if v}


def _first_line(unit: Unit) -> int:
    """Where a unit's own pages start: its first outcome or criterion (a unit's ``line`` may be a summary-table row)."""
    lines = [o.line for o in unit.learning_outcomes if o.line]
    lines += [c.line for o in unit.learning_outcomes for c in o.criteria if c.line]
    return min(lines) if lines else (unit.line or 0)


def _criterion_place(unit: Unit, outcome, criterion) -> Place:
    return Place(unit.code, outcome.ref, criterion.ref,
                 source_ref=(criterion.source_ref or "").rstrip(".") or None, printed=criterion.source_ref)


def _place(piece: UnitText) -> Place:
    """The :class:`Place` of a piece of unit prose."""
    code = piece.unit.code
    if piece.criterion is not None:
        return _criterion_place(piece.unit, piece.outcome, piece.criterion)
    if piece.field == "content":
        return Place(code, piece.outcome.ref, field=f"content {piece.element.ref}")
    if piece.outcome is not None:
        return Place(code, piece.outcome.ref, field=piece.field)
    return Place(code, field=piece.element.title if piece.field == "section" else piece.field)


def _element_texts(unit: Unit):
    """``(place, text, is_criterion)`` per element of a unit (not its title): the element's prose fields
    joined, so a passage that runs from a criterion into its guidance is still found."""
    groups: list[tuple[Place, list[str], bool]] = []
    last = None
    for piece in iter_unit_texts(unit):
        if piece.field == "title":
            continue
        if piece.element is last and groups:
            groups[-1][1].append(piece.text)
            continue
        last = piece.element
        place = Place(unit.code, piece.outcome.ref, field="outcome") if piece.element is piece.outcome else _place(piece)
        groups.append((place, [piece.text], piece.criterion is not None))
    return [(place, " ".join(texts), is_criterion) for place, texts, is_criterion in groups]


class SpecIndex:
    """Text and line index of one parsed document."""

    def __init__(self, doc: SpecDocument, same_lines: bool = True):
        """``same_lines`` False when the lint's line numbers are not the reader's (HTML source lines):
        then findings are placed by their words only."""
        self.doc = doc
        self.same_lines = same_lines
        self.by_line: list[tuple[int, Place]] = []
        self.texts: list[tuple[int, Place, str]] = []  # unit line, place, squashed text
        for unit in doc.units:
            uline = _first_line(unit)
            self.by_line.append((uline, Place(unit.code)))
            for outcome in unit.learning_outcomes:
                if outcome.line:
                    self.by_line.append((outcome.line, Place(unit.code, outcome.ref)))
                for criterion in outcome.criteria:
                    if criterion.line:
                        self.by_line.append((criterion.line, _criterion_place(unit, outcome, criterion)))
            for place, text, is_criterion in _element_texts(unit):
                if is_criterion:  # criteria are tried first: their words are the most specific
                    self.texts.insert(0, (uline, place, squash(text)))
                else:
                    self.texts.append((uline, place, squash(text)))
        self.by_line.sort(key=lambda item: item[0])
        self._line_keys = [line for line, _ in self.by_line]
        self.history_lines = {entry.line for entry in doc.version_history if entry.line}
        self.history_text = " | ".join(squash(" ".join(entry.changes)) for entry in doc.version_history)

    def place(self, line: int, snippet: str, offset: int = 0) -> Place | None:
        """The element a finding on ``line`` with surrounding words ``snippet`` belongs to."""
        key = squash(snippet)
        if len(key) >= 12:
            matches = [(uline, place) for uline, place, text in self.texts if key in text]
            if matches:
                before = [m for m in matches if m[0] <= line] if self.same_lines else []
                return max(before, key=lambda m: m[0])[1] if before else matches[0][1]
        if not self.same_lines:
            return None
        index = bisect_right(self._line_keys, line) - 1
        return self.by_line[index][1] if index >= 0 else None

    def in_change_log(self, line: int, snippet: str) -> bool:
        """True when the finding is on a version-history row or repeats its words."""
        if self.same_lines and line in self.history_lines:
            return True
        key = squash(snippet)
        return len(key) >= 12 and key in self.history_text


class ModelIndex:
    """Places for the prose of an already-parsed spec file (.yaml/.json), one field at a time."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.places: list[Place] = []

    def place(self, line: int, snippet: str, offset: int = 0) -> Place | None:
        """The element whose field holds text offset ``offset``."""
        index = bisect_right(self.starts, offset) - 1
        return self.places[index] if index >= 0 else None

    def in_change_log(self, line: int, snippet: str) -> bool:
        """Version history is not part of a parsed spec's prose, so never."""
        return False


def model_prose(doc: SpecDocument):
    """(Prose, ModelIndex) of a parsed spec's text fields (:func:`qualcli.model.iter_texts`: unit titles, aims and
    sections, outcomes, content, criteria with their guidance) and unstructured blocks — not its version history. Each field is its
    own paragraph; its position is the element's line (1 when unknown) and the column within the field."""
    from qualcli.lint.prose import Prose

    prose, index = Prose(), ModelIndex()

    def add(text: str | None, line: int | None, place: Place, page: int | None = None) -> None:
        if not text:
            return
        index.starts.append(prose.length)
        index.places.append(place)
        prose.add(text, line or 1, 1, page)
        prose.gap("\n\n")

    for piece in iter_texts(doc):
        add(piece.text, piece.element.line, _place(piece), piece.element.page)
    for block in doc.unstructured:
        add(block.text, block.line, Place(field=block.reason), block.page)
    return prose, index
