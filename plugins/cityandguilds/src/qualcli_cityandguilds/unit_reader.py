"""One unit block to a :class:`Unit`, whichever of the City & Guilds layouts it uses.

The layouts all come down to a few kinds of line, read with a small state
machine (the current *mode* is set by the last heading seen):

- key facts, as "Level: 2" lines or "UAN: | F/504/1358" rows;
- "Unit aim", "Learning outcomes" (a numbered list), "Details of the
  relationship … National Occupational Standards", "Key Skills",
  "Assessment and grading" sections;
- outcomes: "Outcome 1 Describe …", "Outcome 1" with the text on the next
  line, or "The learner will: 1. Know …";
- criteria after "Assessment Criteria" / "The learner can:": one per line
  ("1.1.1. Identify …", "2.1.1 Identify …", "1. identify …") or run together
  on one line ("1.1 Identify … 1.2 Describe …");
- guidance after "Notes for Guidance" / "Supporting information" /
  "Guidance": a line holding only a criterion ref ("1.1.1", "2.3") starts that
  criterion's guidance; paragraphs and "- item" lines follow it. Guidance
  before any ref belongs to the outcome;
- "Range" blocks: a line opening with a criterion ref goes to that criterion's
  guidance as "Range: …"; lines after it stay with that criterion, lines
  before any ref go to the outcome's guidance, each as "Range: …".

Criterion refs are canonical ``outcome.criterion``: the last two parts of a
printed ref ("1.1.10." -> "1.10"), or the current outcome and the number for
one-part refs ("2." under outcome 3 -> "3.2"). Text the reader cannot place
goes to ``Unit.sections`` under the heading it followed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qualcli.api import Criterion, LearningOutcome, NosRef, Section
from qualcli.parsing import lazy_compile
from qualcli_cityandguilds.handbook_lines import HandbookLine
from qualcli_cityandguilds.nos import nos_from_text
from qualcli_cityandguilds.unit_blocks import UnitBlock, unit_codes

_KEY_VALUE = lazy_compile(
    r"^(?P<key>Level|Credit value|Credits?|UAN|Unit accreditation number|GLH|Guided learning hours|Aim|Unit aim"
    r"|Assessment|Relationship to NOS|Endorsement[^:]*)\s*:\s*(?P<value>.*)$",
    re.I,
)
_OUTCOME = lazy_compile(r"^(?:Learning\s+)?Outcome\s+(\d+)\s*[:.–-]?\s*(.*)$", re.I)
_LEARNER_WILL = lazy_compile(r"^The learner will(?: be able to)?\s*:?\s*(.*)$", re.I)
_LEARNER_CAN = lazy_compile(r"^The learner can\s*:?\s*(.*)$", re.I)
_NUMBERED = lazy_compile(r"^(\d+)\.\s+(.+)$")
# Criterion refs as printed: "1.1.10.", "2.1.1", "1.1" or a one-part "3." (the dot is
# required there, so a wrapped line starting "2015 …" is not taken for a criterion).
_REF = r"\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\."
_REF_ONLY = lazy_compile(rf"^(?:AC\s*)?({_REF})\s*:?$")
_REF_START = lazy_compile(rf"^(?:AC\s*)?({_REF})\s+(.+)$")
_RUN_TOGETHER = lazy_compile(r"(?:(?<=\s)|^)(\d+\.\d+(?:\.\d+)?\.?)\s+(?=[A-Z])")
# Key facts ("Level: 2") are read before the outcomes; later, such a line is guidance text.
_FACT_MODES = {"header", "aim", "outcome_list", "nos", "key_skills", "assessment"}
_HEADINGS = (
    (lazy_compile(r"^Unit aim\s*$", re.I), "aim"),
    (lazy_compile(r"^Learning outcomes\s*$", re.I), "outcome_list"),
    (lazy_compile(r"^Learning outcome\s*$", re.I), "outcome_list"),
    (lazy_compile(r"^(?:Details of the relationship|Relationship to NOS\s*$|.*National Occupational Standards\s*$)", re.I), "nos"),
    (lazy_compile(r"^Key skills\s*$", re.I), "key_skills"),
    (lazy_compile(r"^Assessment(?: and grading)?\s*$", re.I), "assessment"),
    (lazy_compile(r"^Assessment criteria\s*$", re.I), "criteria"),
    (lazy_compile(r"^(?:Notes for guidance|Supporting information|Guidance|Unit amplification)\s*$", re.I), "guidance"),
    (lazy_compile(r"^Range\s*$", re.I), "range"),
)


@dataclass
class UnitContent:
    """What a unit block says, before it is merged with the structure tables."""

    codes: tuple[str, ...]
    title: str
    line: int | None = None
    page: int | None = None
    facts: dict[str, str] = field(default_factory=dict)  # level, credits, uan, glh
    aim: str | None = None
    nos: list[NosRef] = field(default_factory=list)
    outcomes: list[LearningOutcome] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    details: dict[str, object] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


class UnitReader:
    """Reads one :class:`UnitBlock`; create a new reader per block."""

    def __init__(self, block: UnitBlock) -> None:
        self.block = block
        self.content = UnitContent(block.codes, block.title, block.line, block.page)
        self.mode = "header"
        self.heading = "Unit"
        self.outcome: LearningOutcome | None = None
        self.criterion: Criterion | None = None
        self.expect_title = True  # the line after a unit heading may repeat its title
        self.expect_outcome_text = False
        self.guidance: dict[int, list[str]] = {}  # id(obj) -> lines
        self.targets: dict[int, object] = {}
        self.nos_pending = ""  # NOS text read but not yet understood

    def read(self) -> UnitContent:
        """The unit's content."""
        for line in self.block.lines:
            self._line(line)
        self._finish()
        return self.content

    # -- dispatch -----------------------------------------------------------

    def _line(self, line: HandbookLine) -> None:
        text = line.text
        if not line.is_row and unit_codes(text) == self.block.codes:
            self.expect_title = True  # running header
            return
        if self.expect_title and text.casefold() == self.block.title.casefold():
            self.expect_title = False
            return
        self.expect_title = False
        if (self.mode in _FACT_MODES and self._key_value(line)) or self._heading(line) or self._outcome(line):
            return
        if self.expect_outcome_text:
            self.expect_outcome_text = False
            if not _REF_ONLY.match(text) and self.outcome is not None:
                self.outcome.text = text
                return
        getattr(self, f"_in_{self.mode}")(line)

    def _key_value(self, line: HandbookLine) -> bool:
        if line.is_row and len(line.cells) >= 2 and line.cells[0].endswith(":"):
            key, value = line.cells[0].rstrip(":").strip(), " ".join(c for c in line.cells[1:] if c)
        else:
            match = _KEY_VALUE.match(line.text) if not line.is_row else None
            if not match:
                return False
            key, value = match.group("key"), match.group("value")
        key = key.lower()
        if key == "level":
            self.content.facts["level"] = value
        elif key.startswith("credit"):
            self.content.facts["credits"] = value
        elif key in ("uan", "unit accreditation number"):
            self.content.facts["uan"] = value
        elif key in ("glh", "guided learning hours"):
            self.content.facts["glh"] = value
        elif key in ("aim", "unit aim"):
            self.content.aim = value
        elif "nos" in key or "national occupational" in key:
            self._nos(value, line)
        elif key == "assessment":
            self.content.details.setdefault("assessment_text", []).append(value)
        elif key.startswith("endorsement"):
            self.content.details["endorsement"] = value
        else:
            self.content.details[re.sub(r"\W+", "_", key).strip("_")] = value
        return True

    def _heading(self, line: HandbookLine) -> bool:
        if line.is_row or line.item:
            return False
        for pattern, mode in _HEADINGS:
            if pattern.match(line.text):
                self.mode, self.heading = mode, line.text
                if mode in ("guidance", "range"):
                    self.criterion = None
                if mode == "nos" and "linked to" in line.text:
                    self._nos(line.text, line)
                return True
        if match := _LEARNER_CAN.match(line.text):
            self.mode, self.heading = "criteria", "Assessment criteria"
            if match.group(1):
                self._in_criteria(line, match.group(1))
            return True
        if match := _LEARNER_WILL.match(line.text):
            self.mode, self.heading = "outcome_list", "Learning outcomes"
            if match.group(1):
                self._in_outcome_list(line, match.group(1))
            return True
        return False

    def _outcome(self, line: HandbookLine) -> bool:
        match = _OUTCOME.match(line.text) if not (line.is_row or line.item) else None
        if not match:
            return False
        ref, text = match.groups()
        self._set_outcome(ref, text, line)
        self.expect_outcome_text = not text
        if self.mode not in ("guidance", "range"):
            self.mode = "outcome"
        self.criterion = None
        return True

    # -- modes --------------------------------------------------------------

    def _in_header(self, line: HandbookLine) -> None:
        self._section(line)

    _in_outcome = _in_header

    def _in_aim(self, line: HandbookLine) -> None:
        self.content.aim = f"{self.content.aim} {line.text}" if self.content.aim else line.text

    def _in_outcome_list(self, line: HandbookLine, text: str | None = None) -> None:
        match = _NUMBERED.match(text or line.text)
        if match:
            self._set_outcome(match.group(1), match.group(2), line)
        elif not line.text.endswith(":"):
            self._section(line)

    def _in_nos(self, line: HandbookLine) -> None:
        text = f"{self.nos_pending} {line.text}".strip()  # the list may have wrapped away from its lead-in
        self.nos_pending = "" if self._nos(text, line) else text


    def _in_key_skills(self, line: HandbookLine) -> None:
        self._list_detail("key_skills", line)

    def _in_assessment(self, line: HandbookLine) -> None:
        self._list_detail("assessment_text", line)

    def _list_detail(self, key: str, line: HandbookLine) -> None:
        """Items of a list section; its lead-in ("… in the following areas:") is not kept."""
        if not line.item and line.text.endswith(":"):
            return
        items = self.content.details.setdefault(key, [])
        if items and not line.item and line.text[:1].islower():
            items[-1] = f"{items[-1]} {line.text}"  # a wrapped item continues
        else:
            items.append(line.text)

    def _in_criteria(self, line: HandbookLine, text: str | None = None) -> None:
        text = text or line.text
        pieces = _RUN_TOGETHER.split(text)
        lead, pairs = pieces[0].strip(), list(zip(pieces[1::2], pieces[2::2]))
        match = _REF_START.match(lead) if lead else None
        if match:
            self._add_criterion(match.group(1), match.group(2), line)
        elif lead and self.criterion is not None and _has_list(self.criterion.text) and (line.item or _SUB_ITEM.match(lead)):
            self.criterion.text += _list_lines(lead, line.item)  # the criterion's own bulleted list
        elif lead and self.criterion is not None and not line.item:
            self.criterion.text = f"{self.criterion.text} {lead}"  # a wrapped criterion continues
        elif lead:
            self._section(line)
        for ref, body in pairs:  # "1.1 … 1.2 …" run together on one line
            self._add_criterion(ref, body.strip(), line)

    def _in_guidance(self, line: HandbookLine) -> None:
        match = _REF_ONLY.match(line.text) if not line.item else None
        if match:
            found = self._find_criterion(match.group(1))
            if found is not None:
                self.criterion = found
                return
        self._add_guidance(self.criterion or self.outcome, line, line.text)

    def _in_range(self, line: HandbookLine) -> None:
        match = _REF_START.match(line.text) if not line.item else None
        found = self._find_criterion(match.group(1)) if match else None
        if found is not None:
            self.criterion = found
            self._add_guidance(found, line, f"Range: {match.group(2)}", plain=True)
        elif self.criterion or self.outcome:
            self._add_guidance(self.criterion or self.outcome, line, f"Range: {line.text}", plain=True)
        else:
            self._section(line)

    # -- building -----------------------------------------------------------

    def _set_outcome(self, ref: str, text: str, line: HandbookLine) -> None:
        for outcome in self.content.outcomes:
            if outcome.ref == ref:
                if text:
                    outcome.text = text
                self.outcome = outcome
                return
        self.outcome = LearningOutcome(ref=ref, text=text, line=line.number, page=line.page)
        self.content.outcomes.append(self.outcome)

    def _add_criterion(self, printed: str, text: str, line: HandbookLine) -> None:
        parts = printed.rstrip(".").split(".")
        outcome_ref = parts[-2] if len(parts) >= 2 else (self.outcome.ref if self.outcome else None)
        if outcome_ref is None:
            self._section(line)
            return
        if self.outcome is None or self.outcome.ref != outcome_ref:
            current = self.outcome
            self._set_outcome(outcome_ref, "", line)
            if current is not None and not self.outcome.text:
                self.content.warnings.append(
                    f"unit {self.block.codes[0]}: criterion {printed} names outcome {outcome_ref} under outcome {current.ref}"
                )
        self.criterion = Criterion(
            ref=f"{outcome_ref}.{parts[-1]}", text=text, source_ref=printed, line=line.number, page=line.page
        )
        self.outcome.criteria.append(self.criterion)

    def _find_criterion(self, printed: str) -> Criterion | None:
        parts = printed.rstrip(".").split(".")
        outcome_ref = parts[-2] if len(parts) >= 2 else (self.outcome.ref if self.outcome else None)
        for outcome in self.content.outcomes:
            if outcome.ref == outcome_ref:
                if len(parts) >= 2:
                    self.outcome = outcome
                return next((c for c in outcome.criteria if c.ref == f"{outcome_ref}.{parts[-1]}"), None)
        return None

    def _add_guidance(self, target, line: HandbookLine, text: str, plain: bool = False) -> None:
        if target is None:
            self._section(line)
            return
        self.targets[id(target)] = target
        lines = self.guidance.setdefault(id(target), [])
        if lines and not line.item and text[:1].islower() and not lines[-1].endswith((".", ":", ";", "!", "?")):
            lines[-1] = f"{lines[-1]} {text}"  # a paragraph a page break cut in two
        else:
            lines.append(f"- {text}" if line.item and not plain else text)

    def _section(self, line: HandbookLine) -> None:
        text = f"- {line.text}" if line.item else line.text
        sections = self.content.sections
        if sections and sections[-1].title == self.heading:
            sections[-1].text = f"{sections[-1].text}\n{text}"
        else:
            sections.append(Section(self.heading, text, line=line.number, page=line.page))

    def _nos(self, text: str, line: HandbookLine) -> bool:
        refs = nos_from_text(text, line.number, line.page)
        self.content.nos.extend(refs)
        return bool(refs)

    def _finish(self) -> None:
        if self.nos_pending:
            self.content.sections.append(Section("National Occupational Standards", self.nos_pending))
        for key, lines in self.guidance.items():
            self.targets[key].guidance = "\n".join(lines)
        for outcome in self.content.outcomes:
            if not outcome.text:
                outcome.text = f"Outcome {outcome.ref}"
                self.content.warnings.append(f"unit {self.block.codes[0]}: outcome {outcome.ref} has no text")


_SUB_ITEM = lazy_compile(r"^o\s+(?=\S)")  # "o item": a second-level bullet (a Symbol-font circle read as "o")
_SUB_SPLIT = lazy_compile(r"\s+o\s+(?=\S)")


def _has_list(text: str) -> bool:
    """A criterion that leads into a list ("…, such as:") or already has one."""
    return text.rstrip().endswith(":") or "\n- " in text


def _list_lines(text: str, item: bool) -> str:
    """A list item (with any "o sub-item" run into it) as "- item" / "  - sub-item" lines."""
    if not item and _SUB_ITEM.match(text):
        return "".join(f"\n  - {part}" for part in _SUB_SPLIT.split(" " + text) if part.strip())
    first, *subs = _SUB_SPLIT.split(text)
    return f"\n- {first}" + "".join(f"\n  - {sub}" for sub in subs)
