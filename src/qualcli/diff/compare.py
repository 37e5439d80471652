"""Walking two documents side by side and recording every change that matters.

What is compared: the document's title, version and version history;
qualification metadata, rules of combination (including units moving between
rule groups); unit metadata, NOS references, sections, outcomes, criteria,
guidance and assessment guidance; legislation cited in each unit. Source
positions (line, page), the source file itself, parser warnings and text the
parser could not place are not compared; text is compared after
:func:`qualcli.diff.normalise.comparable`, so layout is never a change.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import Any

from qualcli.diff.changes import Change, DiffReport, DocumentInfo
from qualcli.diff.fields import (
    CRITERION_FIELDS,
    DOCUMENT_FIELDS,
    IGNORABLE,
    OUTCOME_FIELDS,
    QUALIFICATION_FIELDS,
    RULE_FIELDS,
    UNIT_FIELDS,
)
from qualcli.diff.legislation import unit_instruments
from qualcli.diff.normalise import comparable
from qualcli.diff.similarity import align
from qualcli.errors import QualcliError
from qualcli.model import Criterion, LearningOutcome, Qualification, RuleGroup, SpecDocument, Unit, iter_unit_texts

Path = tuple[str, ...]

UNIT_THRESHOLD = 0.8  # title+content similarity for a unit whose code and reference both changed
TEXT_THRESHOLD = 0.5  # wording similarity for a renumbered outcome or criterion


def diff_documents(old: SpecDocument, new: SpecDocument, ignore: Iterable[str] = ()) -> DiffReport:
    """Every change from ``old`` to ``new``; fields named in ``ignore`` are left out.

    Unless legislation is ignored, both documents are annotated with the
    legislation their units cite (:func:`qualcli.legislation.annotate.annotate`).

    An unknown name in ``ignore`` is a :class:`QualcliError` listing the names known.
    """
    ignore = frozenset(ignore)
    unknown = sorted(ignore - IGNORABLE)
    if unknown:
        raise QualcliError(f"--ignore: unknown field {', '.join(map(repr, unknown))}; known: {', '.join(sorted(IGNORABLE))}")
    if not ignore & {"units", "legislation"}:
        from qualcli.legislation.annotate import annotate

        annotate(old)  # once per document; a parsed spec file keeps the citations it records
        annotate(new)
    differ = _Differ(ignore)
    differ.document(old, new)
    return DiffReport(_info(old), _info(new), differ.changes)


def _info(doc: SpecDocument) -> DocumentInfo:
    return DocumentInfo(path=doc.source.path, format=doc.source.format, body=doc.body, version=doc.version)


def _unit_text(unit: Unit) -> str:
    """A unit's title, outcomes and criteria as one text, for matching units whose code and reference changed."""
    return " ".join(piece.text for piece in iter_unit_texts(unit) if piece.field in ("title", "outcome", "text"))


def _local_ref(criterion: Criterion, outcome: LearningOutcome) -> str:
    """The criterion's number within its outcome ("1.10" in outcome "1" -> "10")."""
    return criterion.ref.removeprefix(f"{outcome.ref}.")


class _Differ:
    """Compares aligned pairs top-down, appending a :class:`Change` for each difference, in document order."""

    def __init__(self, ignore: frozenset[str]):
        self.ignore = ignore
        self.changes: list[Change] = []
        self.renumbered: dict[str, str] = {}  # old unit code -> new code of the same unit
        self.regrouped: set[str] = set()  # units already reported as moved between rule groups
        self.renumbering: dict[str, str] = {}  # old -> new criterion ref, in the unit being compared
        self.mention: re.Pattern | None = None

    def emit(self, kind: str, path: Path, old: Any = None, new: Any = None, old_path: Path | None = None) -> None:
        self.changes.append(Change(kind, tuple(path), old, new, tuple(old_path) if old_path is not None else None))

    def wanted(self, name: str) -> bool:
        return name not in self.ignore

    # --- values -------------------------------------------------------------------------------

    def value(self, path: Path, name: str, old: Any, new: Any) -> None:
        """Compare one field: text by wording, numbers by value, dicts key by key, lists as sets."""
        if not self.wanted(name):
            return
        here = (*path, name)
        if isinstance(old, dict) or isinstance(new, dict):
            old, new = old or {}, new or {}
            for key in list(old) + [k for k in new if k not in old]:
                self.value(here, str(key), old.get(key), new.get(key))
            return
        if isinstance(old, list) or isinstance(new, list):
            self.set_of(path, name, old or [], new or [])
            return
        if isinstance(old, str) or isinstance(new, str):
            old, new = comparable(str(old)) if old is not None else "", comparable(str(new)) if new is not None else ""
            if old and new and self.with_new_refs(old) == new:
                return
            old, new = old or None, new or None
        if old == new:
            return
        kind = "added" if old is None else "removed" if new is None else "changed"
        self.emit(kind, here, old, new)

    def set_of(self, path: Path, name: str, old: list, new: list) -> None:
        """Items present on one side only (order and layout ignored)."""

        def label(item: Any) -> str:
            if isinstance(item, (list, tuple)):
                return " or ".join(comparable(str(i)) for i in item)
            return comparable(str(item))

        old_labels = {label(i): i for i in old}
        new_labels = {label(i): i for i in new}
        for key, item in old_labels.items():
            if key not in new_labels:
                self.emit("removed", (*path, name, key), item, None)
        for key, item in new_labels.items():
            if key not in old_labels:
                self.emit("added", (*path, name, key), None, item)

    def fields(self, path: Path, names: Iterable[str], old: Any, new: Any) -> None:
        for name in names:
            self.value(path, name, getattr(old, name), getattr(new, name))

    def joined_text(self, path: Path, name: str, old: list[str], new: list[str]) -> None:
        """A list of prose paragraphs compared as one text."""
        self.value(path, name, " ".join(old) or None, " ".join(new) or None)

    # --- document --------------------------------------------------------------------------------

    def document(self, old: SpecDocument, new: SpecDocument) -> None:
        self.fields((), DOCUMENT_FIELDS, old, new)
        if self.wanted("version_history"):
            self.version_history(old, new)
        unit_pairs = align(old.units, new.units, keys=[lambda u: u.code, lambda u: u.urn], text=_unit_text,
                           threshold=UNIT_THRESHOLD, keys_first=True)
        self.renumbered = {a.code: b.code for a, b in unit_pairs if a is not None and b is not None}
        if self.wanted("qualifications"):
            self.qualifications(old.qualifications, new.qualifications)
        if self.wanted("units"):
            self.units(unit_pairs)
        if self.wanted("mappings"):
            self.mappings(old, new)

    def version_history(self, old: SpecDocument, new: SpecDocument) -> None:
        pairs = align(old.version_history, new.version_history, keys=[lambda e: comparable(e.version)],
                      text=lambda e: " ".join(e.changes), threshold=1.1, keys_first=True)
        for a, b in pairs:
            if b is None:
                self.emit("removed", ("version_history", a.version), a, None)
            elif a is None:
                self.emit("added", ("version_history", b.version), None, b)
            else:
                path = ("version_history", b.version)
                self.value(path, "date", a.date, b.date)
                self.value(path, "section", a.section, b.section)
                self.joined_text(path, "changes", a.changes, b.changes)

    # --- qualifications and rules ------------------------------------------------------------

    def qualifications(self, old: list[Qualification], new: list[Qualification]) -> None:
        pairs = align(old, new, keys=[lambda q: q.number, lambda q: comparable(q.title).lower()],
                      text=lambda q: q.title, threshold=UNIT_THRESHOLD, keys_first=True)
        for a, b in pairs:
            if b is None:
                self.emit("removed", ("qualifications", a.number or a.title), a, None)
                continue
            path = ("qualifications", b.number or b.title)
            if a is None:
                self.emit("added", path, None, b)
                continue
            if (a.number or a.title) != (b.number or b.title):
                self.emit("moved", path, a.number or a.title, b.number or b.title, ("qualifications", a.number or a.title))
            self.fields(path, QUALIFICATION_FIELDS, a, b)
            if self.wanted("rules"):
                self.rules(path, a.rules, b.rules)
            if self.wanted("rules_text"):
                self.joined_text(path, "rules_text", a.rules_text, b.rules_text)

    def rules(self, path: Path, old: list[RuleGroup], new: list[RuleGroup]) -> None:
        pairs = align(old, new, keys=[lambda g: comparable(g.name).lower()], text=lambda g: " ".join(g.units),
                      threshold=TEXT_THRESHOLD, keys_first=True)  # a renamed group keeps most of its units
        old_homes: dict[str, list[str]] = {}
        new_homes: dict[str, list[str]] = {}
        for a, b in pairs:
            name = (b or a).name
            here = (*path, "rules", name)
            if a is None or b is None:  # its units are reported one by one below
                value = dataclasses.replace(a or b, units=[])
                self.emit("added" if a is None else "removed", here, None if a is None else value, None if b is None else value)
            else:
                self.fields(here, RULE_FIELDS, a, b)
            for code in a.units if a else ():  # a renumbered unit is reported once, under units
                old_homes.setdefault(self.renumbered.get(code, code), []).append(name)
            for code in b.units if b else ():
                new_homes.setdefault(code, []).append(name)
        if self.wanted("units"):
            self.rule_units(path, old_homes, new_homes)

    def rule_units(self, path: Path, old_homes: dict[str, list[str]], new_homes: dict[str, list[str]]) -> None:
        """Units added to, removed from, or moved between rule groups."""
        for code in list(new_homes) + [c for c in old_homes if c not in new_homes]:
            left = [g for g in old_homes.get(code, []) if g not in new_homes.get(code, [])]
            joined = [g for g in new_homes.get(code, []) if g not in old_homes.get(code, [])]
            for src, dst in zip(left, joined):
                self.regrouped.add(code)
                self.emit("moved", (*path, "rules", dst, "units", code), src, dst, (*path, "rules", src, "units", code))
            for src in left[len(joined):]:
                self.emit("removed", (*path, "rules", src, "units", code), code, None)
            for dst in joined[len(left):]:
                self.emit("added", (*path, "rules", dst, "units", code), None, code)

    # --- units -------------------------------------------------------------------------------------

    def units(self, pairs: list[tuple[Unit | None, Unit | None]]) -> None:
        for a, b in pairs:
            if b is None:
                self.emit("removed", ("units", a.code), a, None)
            elif a is None:
                self.emit("added", ("units", b.code), None, b)
            else:
                self.unit(a, b)

    def unit(self, a: Unit, b: Unit) -> None:
        path = ("units", b.code)
        if a.code != b.code:
            self.emit("moved", path, a.code, b.code, ("units", a.code))
        outcome_pairs = align(a.learning_outcomes, b.learning_outcomes, keys=[lambda o: o.ref], text=lambda o: o.text,
                              threshold=TEXT_THRESHOLD, keys_first=False)
        criterion_pairs = align([(o, c) for o in a.learning_outcomes for c in o.criteria],
                                [(o, c) for o in b.learning_outcomes for c in o.criteria],
                                keys=[lambda oc: oc[1].ref], text=lambda oc: oc[1].text,
                                threshold=TEXT_THRESHOLD, keys_first=False)
        self.follow_renumbering(criterion_pairs)
        names = [n for n in UNIT_FIELDS if not (n == "group" and b.code in self.regrouped)]  # said once, under rules
        self.fields(path, names, a, b)
        if self.wanted("nos"):
            self.nos(path, a, b)
        if self.wanted("sections"):
            self.sections(path, a, b)
        if self.wanted("outcomes"):
            self.outcomes(path, outcome_pairs, criterion_pairs if self.wanted("criteria") else [])
        if self.wanted("legislation"):
            self.legislation(path, a, b)
        self.follow_renumbering([])

    def follow_renumbering(self, criterion_pairs) -> None:
        """Within a unit, "criterion 2.3" in old prose equals "criterion 2.4" in new prose when 2.3 became 2.4."""
        moved = {x[1].ref: y[1].ref for x, y in criterion_pairs
                 if x is not None and y is not None and x[1].ref != y[1].ref and "." in x[1].ref}
        self.renumbering = moved
        self.mention = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, moved)) + r")(?![\w])") if moved else None

    def with_new_refs(self, text: str) -> str:
        """``text`` with mentions of renumbered criteria given their new numbers."""
        return self.mention.sub(lambda m: self.renumbering[m.group(1)], text) if self.mention else text

    def nos(self, path: Path, a: Unit, b: Unit) -> None:
        """NOS references by code (by "suite: code" when a code repeats across suites)."""
        codes = [ref.code for ref in a.nos], [ref.code for ref in b.nos]
        repeated = any(len(set(side)) < len(side) for side in codes)

        def key(ref) -> str:
            return f"{ref.suite}: {ref.code}" if repeated and ref.suite else ref.code

        old = {key(ref): ref for ref in a.nos}
        new = {key(ref): ref for ref in b.nos}
        for code, ref in old.items():
            if code not in new:
                self.emit("removed", (*path, "nos", code), ref, None)
        for code, ref in new.items():
            if code not in old:
                self.emit("added", (*path, "nos", code), None, ref)
            else:
                self.fields((*path, "nos", code), ("title", "suite"), old[code], ref)

    def sections(self, path: Path, a: Unit, b: Unit) -> None:
        pairs = align(a.sections, b.sections, keys=[lambda s: comparable(s.title).lower()], text=lambda s: s.text,
                      threshold=UNIT_THRESHOLD, keys_first=True)
        for x, y in pairs:
            if y is None:
                self.emit("removed", (*path, "sections", x.title), comparable(x.text), None)
            elif x is None:
                self.emit("added", (*path, "sections", y.title), None, comparable(y.text))
            else:
                self.fields((*path, "sections", y.title), ("title", "text"), x, y)

    def legislation(self, path: Path, a: Unit, b: Unit) -> None:
        old, new = unit_instruments(a), unit_instruments(b)
        for key, text in old.items():
            if key not in new:
                self.emit("removed", (*path, "legislation", key), text, None)
        for key, text in new.items():
            if key not in old:
                self.emit("added", (*path, "legislation", key), None, text)

    # --- outcomes and criteria -------------------------------------------------------------------

    def outcomes(self, path: Path, outcome_pairs: list, criterion_pairs: list) -> None:
        """Aligned outcomes, each followed by the changes to its criteria."""
        partner = {id(x): y for x, y in outcome_pairs if x is not None and y is not None}
        kept_outcomes = {id(y) for y in partner.values()}
        kept_old = {id(x[1]) for x, y in criterion_pairs if x is not None and y is not None}
        kept_new = {id(y[1]) for x, y in criterion_pairs if x is not None and y is not None}
        by_outcome: dict[int, list] = {}  # criteria reported after the new outcome they are in
        for x, y in criterion_pairs:
            home = y[0] if y is not None else partner.get(id(x[0]))
            if home is not None:  # else: removed with its outcome
                by_outcome.setdefault(id(home), []).append((x, y))
        for x, y in outcome_pairs:
            if y is None:
                rest = dataclasses.replace(x, criteria=[c for c in x.criteria if id(c) not in kept_old])
                self.emit("removed", (*path, "outcomes", x.ref), rest, None)
                continue
            here = (*path, "outcomes", y.ref)
            if x is None:
                rest = dataclasses.replace(y, criteria=[c for c in y.criteria if id(c) not in kept_new])
                self.emit("added", here, None, rest)
            else:
                if x.ref != y.ref:
                    self.emit("moved", here, x.ref, y.ref, (*path, "outcomes", x.ref))
                self.fields(here, OUTCOME_FIELDS, x, y)
                if self.wanted("content"):
                    self.content(here, x, y)
            for old, new in by_outcome.get(id(y), []):
                self.criterion(path, old, new, partner, kept_outcomes)

    def content(self, path: Path, a: LearningOutcome, b: LearningOutcome) -> None:
        pairs = align(a.content, b.content, keys=[lambda t: t.ref], text=lambda t: f"{t.title} {t.text or ''}",
                      threshold=TEXT_THRESHOLD, keys_first=False)
        for x, y in pairs:
            if y is None:
                self.emit("removed", (*path, "content", x.ref), x, None)
            elif x is None:
                self.emit("added", (*path, "content", y.ref), None, y)
            else:
                here = (*path, "content", y.ref)
                if x.ref != y.ref:
                    self.emit("moved", here, x.ref, y.ref, (*path, "content", x.ref))
                self.fields(here, ("title", "text"), x, y)

    def criterion(self, path: Path, old, new, partner: dict[int, LearningOutcome], kept_outcomes: set[int]) -> None:
        """One aligned (outcome, criterion) pair; either side may be None."""
        if new is None:
            outcome, crit = old
            if id(outcome) in partner:  # otherwise reported with its removed outcome
                self.emit("removed", (*path, "outcomes", outcome.ref, "criteria", crit.ref), crit, None)
            return
        outcome, crit = new
        here = (*path, "outcomes", outcome.ref, "criteria", crit.ref)
        if old is None:
            if id(outcome) in kept_outcomes:  # otherwise reported with its added outcome
                self.emit("added", here, None, crit)
            return
        old_outcome, old_crit = old
        same_place = partner.get(id(old_outcome)) is outcome and _local_ref(old_crit, old_outcome) == _local_ref(crit, outcome)
        if not same_place:
            self.emit("moved", here, old_crit.ref, crit.ref, (*path, "outcomes", old_outcome.ref, "criteria", old_crit.ref))
        self.fields(here, CRITERION_FIELDS, old_crit, crit)

    # --- mappings --------------------------------------------------------------------------------

    def mappings(self, old: SpecDocument, new: SpecDocument) -> None:
        def key(m) -> str:
            return f"{m.old_unit}>{m.new_unit}"

        old_map = {key(m): m for m in old.mappings}
        new_map = {key(m): m for m in new.mappings}
        for k, m in old_map.items():
            if k not in new_map:
                self.emit("removed", ("mappings", k), m, None)
        for k, m in new_map.items():
            if k not in old_map:
                self.emit("added", ("mappings", k), None, m)
            else:
                self.fields(("mappings", k), ("relation", "meaning"), old_map[k], m)
