"""The "Learning outcomes / Assessment criteria / Unit amplification" table.

Each row holds an outcome number and wording (empty on the outcome's later
rows), a criterion number and wording (sometimes in one cell, "1.2 Describe
…") and the criterion's unit amplification. The header row repeats wherever
a page broke, even in the middle of an outcome, and a printed row that a page
split arrives as a row without numbers: its text continues the criterion
above.
"""

from __future__ import annotations

from qualcli.api import Criterion, LearningOutcome
from qualcli.parsing import lazy_compile
from qualcli_pearson.cells import filled
from qualcli_pearson.markup import amplification_text, criterion_text, plain_text

_OUTCOME_REF = lazy_compile(r"^(\d{1,2})\.?(?:\s+(\S.*))?$")  # "3", or "3 Know …" in one cell
_CRITERION_REF = lazy_compile(r"^(\d{1,2})\.(\d{1,2})\.?(?:\s+|$)")


def is_outcome_header(cells: list[str]) -> bool:
    """True for the table's header row (printed again after each page break)."""
    text = " ".join(cells).lower()
    return "learning outcome" in text and "assessment criteri" in text


class OutcomeTable:
    """Collects a unit's outcomes and criteria row by row."""

    def __init__(self, warnings: list[str], unit_code: str):
        self.outcomes: list[LearningOutcome] = []
        self.warnings = warnings
        self.unit_code = unit_code
        self._last: Criterion | None = None
        self.started = False  # a header row has been seen

    def add_row(self, cells: list[str], line: int, page: int | None) -> bool:
        """Take one row; False if it is not part of an outcome table."""
        if is_outcome_header(cells):
            self.started = True
            return True
        position = self._criterion_cell(cells)
        if position is None:
            return self._continue_previous(cells)
        before, (ref_cell, rest) = cells[:position], self._split_criterion(cells, position)
        outcome_cells = filled(before)
        if outcome_cells and _OUTCOME_REF.match(outcome_cells[0]):
            self._start_outcome(outcome_cells, line, page)
        if not self.outcomes:
            self.warnings.append(
                f"unit {self.unit_code}: criterion {ref_cell} before any learning outcome (line {line})"
            )
            return True
        match = _CRITERION_REF.match(ref_cell)
        ref = f"{match.group(1)}.{match.group(2)}"
        if match.group(1) != self.outcomes[-1].ref:
            self.warnings.append(
                f"unit {self.unit_code}: criterion {ref} listed under outcome {self.outcomes[-1].ref} (line {line})"
            )
        text_cell, amplification = rest[0] if rest else "", " ".join(rest[1:])
        wording = criterion_text(text_cell)
        if not wording:
            self.warnings.append(f"unit {self.unit_code}: criterion {ref} has no wording (line {line}); left out")
            return True
        criterion = Criterion(
            ref=ref,
            source_ref=ref_cell.strip(),
            text=wording,
            guidance=amplification_text(amplification),
            line=line,
            page=page,
        )
        self.outcomes[-1].criteria.append(criterion)
        self._last = criterion
        return True

    @staticmethod
    def _criterion_cell(cells: list[str]) -> int | None:
        return next((index for index, cell in enumerate(cells) if _CRITERION_REF.match(cell)), None)

    @staticmethod
    def _split_criterion(cells: list[str], position: int) -> tuple[str, list[str]]:
        """The criterion number and [wording, amplification cells…]."""
        cell = cells[position]
        match = _CRITERION_REF.match(cell)
        number, joined = match.group(0).strip(), cell[match.end() :].strip()
        after = cells[position + 1 :]
        if joined:  # "1.2 Describe …" in one cell: the next cells are amplification
            return number, [joined, *after]
        return number, after

    def _start_outcome(self, outcome_cells: list[str], line: int, page: int | None) -> None:
        """A new outcome; the current one again when a merged cell repeats it on every row."""
        ref, joined = _OUTCOME_REF.match(outcome_cells[0]).groups()
        if self.outcomes and self.outcomes[-1].ref == ref:
            return
        text = plain_text(joined or " ".join(outcome_cells[1:2]))
        self.outcomes.append(LearningOutcome(ref=ref, text=text or f"Learning outcome {ref}", line=line, page=page))

    def _continue_previous(self, cells: list[str]) -> bool:
        """A row without numbers: the rest of the criterion above, split by a page break."""
        if self._last is None or not filled(cells) or len(cells) < 2:
            return False
        wording, amplification = cells[-2], cells[-1]
        if wording:
            self._last.text = f"{self._last.text} {criterion_text(wording)}"
        extra = amplification_text(amplification) if amplification else None
        if extra:
            self._last.guidance = f"{self._last.guidance}\n{extra}" if self._last.guidance else extra
        return True
