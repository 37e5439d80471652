"""Reading one unit printed in full: figures, outcomes, criteria, NOS, and the prose around them.

The unit's lines are read in order. Headings switch what the following lines
are: "Observations"/"Achieving observations" make the outcomes that follow
observation (performance) outcomes, "Knowledge"/"Achieving knowledge
outcomes" knowledge outcomes; "Learning outcome N" opens an outcome whose
lettered lines are its criteria; "Unit content" makes later "Learning
outcome N: ..." headings the start of that outcome's content (kept as its
guidance). An outcome printed again in another section (older books list
criteria a-i under Observations and j-v under Knowledge) is the same
outcome: its criteria continue. Everything else is kept as a titled section
of the unit.
"""

from __future__ import annotations

import functools
import re

from qualcli.api import Criterion, LearningOutcome, NosRef, Section, Unit
from qualcli.parsing.lines import LogicalLine
from qualcli.parsing.text import strip_bullet
from qualcli.parsing import lazy_compile

from qualcli_vtct.layout import (
    cells_of,
    criterion_start,
    figure_of,
    figure_value,
    flat,
    heading_of,
    is_footnote,
    is_form_line,
    letter_number,
)
from qualcli_vtct.nos import NosSection
from qualcli_vtct.page_order import order_page, pages

_LIST_ITEM = lazy_compile(r"^(\d{1,2})\.(?:\s+|(?=[A-Z]))(\S.*)$")  # "10.Understand" is printed without a space
_STAR = lazy_compile(r"\s*\*+\s*$")
_SUB_ITEM = lazy_compile(r"^(?:[-•–]|\uf0b7)\s+\S")
_OUTCOME = lazy_compile(r"^(?:learning )?outcome (\d+)\b\s*(?:\(continued\))?\s*[:.\-–]?\s*(.*)$", re.I)
_CONTINUED = lazy_compile(r"\s*\(continued\)\s*$", re.I)
_LEADING_CONTINUED = lazy_compile(r"^\(continued\)\s*", re.I)
_CRITERION_MARK = lazy_compile(r"^(?:[-•]\s*)?[a-z]{1,2}[.)]\s+")
_INLINE_ITEM = lazy_compile(r"\s+[•\uf0b7]\s+")  # items a line runs together
# Footnotes that say what a starred criterion means -> the flag it gets.
FOOTNOTE_FLAGS = (
    ("supplementary evidence", "supplementary-evidence"),
    ("oral questioning", "oral-questioning"),
    ("external paper", "external-paper"),
)
KIND_OF_HEADING = {"observation": "performance", "knowledge": "knowledge"}


class UnitPageReader:
    """Reads the body lines of one unit into ``unit`` (figures, aim, outcomes, NOS, sections)."""

    def __init__(self, unit: Unit, warnings: list[str]):
        self.unit = unit
        self.warnings = warnings
        self.outcomes: dict[str, LearningOutcome] = {}
        self.overview: dict[str, tuple[str, LogicalLine]] = {}
        self.mode = "aim"  # aim | list | outcome | nos | content | section
        self.kind: str | None = None
        self.outcome: LearningOutcome | None = None
        self.outcome_kind: str | None = None
        self.awaiting_text = False
        self.starred: list[Criterion] = []
        self.page_notes: dict[int, str] = {}  # page -> flag its "*May be ..." note defines
        self.content_outcome: LearningOutcome | None = None
        self.section: Section | None = None
        self.nos = NosSection()
        self.aim: list[str] = []
        self.pending_figures: list[str] = []  # labels printed above (or before) their values
        self.section_title: tuple[str, LogicalLine] | None = None
        self.seen_content = False

    def read(self, lines: list[LogicalLine], aim_prefix: str | None = None) -> Unit:
        """Read every line and return the completed unit."""
        if aim_prefix:
            self.aim.append(aim_prefix)
        for page in pages(lines):
            for line in order_page(page, self._next_letter):
                self._line(line)
        self._end_outcome()
        self.nos.finish()
        unit = self.unit
        unit.aim = " ".join(self.aim) or unit.aim
        unit.nos = [*unit.nos, *(ref for ref in self.nos.refs if all(ref.code != known.code for known in unit.nos))]
        unit.nos_suites = self.nos.suites_without_codes
        unit.learning_outcomes = self._ordered_outcomes()
        for outcome in unit.learning_outcomes:  # two-column pages interleave the letters of both columns
            outcome.criteria.sort(key=lambda criterion: int(criterion.ref.split(".")[-1]))
        return unit

    def _next_letter(self, ref: str | None) -> int | None:
        """The letter number outcome ``ref`` (None: the open outcome) needs next: 1 for an outcome not yet read."""
        if ref is None and self.outcome is None:
            return None
        outcome = self.outcome if ref is None else self.outcomes.get(ref)
        if outcome is None or not outcome.criteria:
            return 1
        return max(int(criterion.ref.split(".")[-1]) for criterion in outcome.criteria) + 1

    # -- dispatch -----------------------------------------------------------------------------

    def _line(self, line: LogicalLine) -> None:
        text = flat(line.text)
        if not text or self._is_own_code(text):
            return
        if self.pending_figures and not figure_of(text) and (heading_of(text) or criterion_start(text)):
            self.pending_figures.clear()  # labels left without values
        if self.pending_figures:
            value = figure_value(self.pending_figures[0], text)
            if value is not None:
                self._set_figure(self.pending_figures.pop(0), value)
                return
        figure = figure_of(text)
        if figure and self.mode in ("aim", "section", "list") and not (self.outcomes or self.overview):  # figures come first
            name, value = figure
            if self.mode == "aim":
                self.mode = "section"
            if value is None:
                self.pending_figures.append(name)
            else:
                self._set_figure(name, value)
            return
        if is_form_line(text):
            return
        heading = heading_of(text)
        if heading:
            self._heading(heading, line, text)
            return
        if self.mode == "outcome" and self._outcome_line(line, text):
            return
        if self.mode == "list" and self._list_line(line, text):
            return
        if self.mode == "nos" and self.nos.feed(line):
            return
        if self.mode == "content" and self.content_outcome is not None:
            self._add_guidance(self.content_outcome, text)
            return
        if self.mode == "aim":
            self.aim.append(text)
            return
        self._keep(line, text)

    def _heading(self, kind: str, line: LogicalLine, text: str) -> None:
        if kind == "outcome":
            self._outcome_heading(line, text)
            return
        if kind in ("you-can", "outcome-list-intro"):
            return
        if self.mode == "content" and kind not in ("notes", "content"):
            # headings inside unit content are content (e.g. "Range" topics); keep them there
            if self.content_outcome is not None:
                self._add_guidance(self.content_outcome, text)
                return
        self._end_outcome()
        if kind in KIND_OF_HEADING:
            self.kind = KIND_OF_HEADING[kind]
        if kind == "evidence" and self.mode == "list" and not self.overview:
            return  # "Learning outcomes" and "Evidence requirements" side by side: the outcomes list comes first
        if kind == "outcome-list":
            self.mode = "list"
            if "evidence requirements" in text.lower():  # two columns read as one line: the list that follows next
                self._open_section("Evidence requirements", line)
        elif kind == "nos":
            self.mode = "nos"
            self._open_section(text, line)
        elif kind == "content":
            self.mode = "content"
            self.seen_content = True
            self.content_outcome = None
            self._open_section(text, line)
        else:
            self.mode = "section"
            self._open_section(text, line)

    # -- outcomes -----------------------------------------------------------------------------

    def _outcome_heading(self, line: LogicalLine, text: str) -> None:
        match = _OUTCOME.match(text)
        ref, rest = match.group(1), _CONTINUED.sub("", match.group(2)).strip()
        if self.mode == "content" or (self.seen_content and rest):
            self.mode = "content"
            self.content_outcome = self._outcome(ref, rest, line, None)
            self._content_after_heading(self.content_outcome, rest)
            return
        self._end_outcome()
        self.mode = "outcome"
        self.outcome = self._outcome(ref, rest, line, self.kind)
        self.outcome_kind = self.kind
        self.awaiting_text = not rest

    def _content_after_heading(self, outcome: LearningOutcome, heading: str) -> None:
        """Content run into a "Learning outcome N: <outcome text>" heading is the outcome's guidance."""
        title = flat(outcome.text)
        heading = flat(heading)
        if title and heading.lower().startswith(title.lower()):
            rest = _CONTINUED.sub("", heading[len(title) :]).strip()
            rest = _LEADING_CONTINUED.sub("", rest)
            if rest:
                self._add_guidance(outcome, rest)

    def _outcome(self, ref: str, text: str, line: LogicalLine, kind: str | None) -> LearningOutcome:
        outcome = self.outcomes.get(ref)
        if outcome is None:
            outcome = LearningOutcome(ref=ref, text=text, kind=kind, line=line.number, page=line.page)
            self.outcomes[ref] = outcome
        elif not outcome.text and text:
            outcome.text = text
        if outcome.kind is None and kind is not None and not outcome.criteria:
            outcome.kind = kind
        return outcome

    def _outcome_line(self, line: LogicalLine, text: str) -> bool:
        outcome = self.outcome
        start = criterion_start(text)
        if start is None:
            if is_footnote(text):
                return self._footnote(text, line.page)  # a note that defines a flag is kept as the flag
            if self._is_statement(outcome, text):
                outcome.text = outcome.text or text
                self.awaiting_text = False
                return True
            if outcome.criteria and _SUB_ITEM.match(text):
                outcome.criteria[-1].text += "\n- " + strip_bullet(text)  # a criterion's own list
                return True
            if self.awaiting_text:
                outcome.text = outcome.text or _CONTINUED.sub("", text)
                self.awaiting_text = False
                return True
            if outcome.criteria and text[0].islower() and not outcome.criteria[-1].text.endswith("."):
                self._continue_criterion(outcome.criteria[-1], text)
                return True
            return False
        self.awaiting_text = False
        cells = cells_of(line)
        body = cells[0] if line.cells is not None or "\t" in line.text else text
        body = _CRITERION_MARK.sub("", flat(body))
        starred = bool(_STAR.search(body))
        body = _inline_list(_STAR.sub("", body).strip())
        printed, letters = start.group(1), start.group(2)
        ref = f"{outcome.ref}.{letter_number(letters)}"
        if any(c.ref == ref for c in outcome.criteria):
            existing = next(c for c in outcome.criteria if c.ref == ref)
            if flat(existing.text) != body:
                self.warnings.append(f"{self.unit.code} outcome {outcome.ref}: criterion {printed} printed twice with different text (line {line.number})")
            return True
        criterion = Criterion(ref=ref, text=body, source_ref=printed, line=line.number, page=line.page)
        if outcome.kind is not None and self.outcome_kind is not None and self.outcome_kind != outcome.kind:
            criterion.flags.append(self.outcome_kind)
        outcome.criteria.append(criterion)
        if starred:
            self.starred.append(criterion)
        return True

    def _continue_criterion(self, criterion: Criterion, text: str) -> None:
        """A wrapped criterion whose lines became separate paragraphs: a lower-case line continues it."""
        criterion.text = f"{criterion.text} {_STAR.sub('', text).strip()}"
        if _STAR.search(text) and criterion not in self.starred:
            self.starred.append(criterion)

    def _footnote(self, text: str, page: int | None) -> bool:
        """Apply a "*May be assessed by ..." note to the starred criteria; False for other notes.

        The note also holds for criteria starred later on the same page (some pages print it first).
        """
        lowered = text.lower()
        flag = next((flag for phrase, flag in FOOTNOTE_FLAGS if phrase in lowered), None)
        if not flag or not lowered.lstrip("* ").startswith("may be"):
            return False
        if page is not None:
            self.page_notes[page] = flag
        for criterion in self.starred:
            if flag not in criterion.flags:
                criterion.flags.append(flag)
        self.starred.clear()
        return True

    def _end_outcome(self) -> None:
        for criterion in [c for c in self.starred if c.page in self.page_notes]:
            criterion.flags.append(self.page_notes[criterion.page])
            self.starred.remove(criterion)
        if self.starred:
            for criterion in self.starred:
                criterion.flags.append("starred")
            self.warnings.append(f"{self.unit.code}: criteria marked * without a note saying what * means")
            self.starred.clear()
        self.outcome = None
        self.awaiting_text = False
        if self.mode == "outcome":
            self.mode = "section"

    def _list_line(self, line: LogicalLine, text: str) -> bool:
        match = _LIST_ITEM.match(text)
        if not match:
            if self.overview and text[0].islower():  # the number is set larger: each wrapped line is a block
                last = next(reversed(self.overview))
                item, first = self.overview[last]
                self.overview[last] = (f"{item} {text}", first)
                return True
            return False
        ref = match.group(1)
        if ref in self.overview or int(ref) != len(self.overview) + 1:
            self.mode = "section"  # numbering restarted: the evidence requirements' own list
            return False
        self.overview[ref] = (match.group(2).strip(), line)
        return True

    def _ordered_outcomes(self) -> list[LearningOutcome]:
        ordered: list[LearningOutcome] = []
        for ref, (text, line) in self.overview.items():
            outcome = self.outcomes.pop(ref, None)
            if outcome is None:
                outcome = LearningOutcome(ref=ref, text=text, line=line.number, page=line.page)
                self.warnings.append(f"{self.unit.code}: outcome {ref} is listed but its criteria are not printed")
            elif not outcome.text or (text != outcome.text and text.startswith(outcome.text)):
                outcome.text = text  # the statement on the outcome's page may have lost its wrapped end
            ordered.append(outcome)
        ordered.extend(sorted(self.outcomes.values(), key=lambda o: int(o.ref)))
        for outcome in ordered:
            if not outcome.text:
                outcome.text = f"Learning outcome {outcome.ref}"
                self.warnings.append(f"{self.unit.code}: outcome {outcome.ref} has no text")
        return ordered

    # -- figures, guidance and sections -------------------------------------------------------

    def _is_own_code(self, text: str) -> bool:
        """The unit's code (or ``CODE_vN``) repeated as a running header inside its pages."""
        return text == self.unit.code or _versioned_code(self.unit.code).fullmatch(text) is not None

    def _is_statement(self, outcome: LearningOutcome, text: str) -> bool:
        """The outcome's statement, printed on its page after the criteria (it repeats the overview list)."""
        listed = self.overview.get(outcome.ref)
        wanted = flat(outcome.text or (listed[0] if listed else "")).lower()
        return bool(wanted) and flat(_CONTINUED.sub("", text)).lower() == wanted

    def _set_figure(self, name: str, value: int | str) -> None:
        if name == "nos":
            if all(ref.code != value for ref in self.unit.nos):
                self.unit.nos.append(NosRef(code=str(value)))
            return
        if name == "level":
            self.unit.level = self.unit.level or str(value)
        elif getattr(self.unit, name) is None:
            setattr(self.unit, name, value)
        elif getattr(self.unit, name) != value:
            self.warnings.append(f"{self.unit.code}: {name} is {value} on the unit page but {getattr(self.unit, name)} in the tables")

    def _add_guidance(self, outcome: LearningOutcome, text: str) -> None:
        outcome.guidance = f"{outcome.guidance}\n{text}" if outcome.guidance else text

    def _open_section(self, title: str, line: LogicalLine) -> None:
        self.section = None
        self.section_title = (title, line)

    def _keep(self, line: LogicalLine, text: str) -> None:
        if self.section is None:
            title, heading = self.section_title or ("Unit text", line)
            self.section = Section(title=title, text=text, line=heading.number, page=heading.page)
            self.unit.sections.append(self.section)
        else:
            self.section.text += "\n" + text


@functools.lru_cache(maxsize=64)
def _versioned_code(code: str) -> re.Pattern:
    """``CODE_vN`` for one unit's code (its reader asks about every line of the unit's pages)."""
    return re.compile(rf"{re.escape(code)}_v\d+")


def _inline_list(text: str) -> str:
    """A list run into a criterion's cell ("…: • skin • skeletal") as "- item" lines."""
    first, *items = _INLINE_ITEM.split(text)
    return "\n".join([first, *(f"- {item}" for item in items)])
