"""What a check reports before it is placed in a file: rule, message, subject and model location."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Issue:
    """One inconsistency found in a document's model."""

    rule: str
    message: str
    subject: str  # the code/number/ref the message is about (stable across edits elsewhere)
    line: int | None = None
    page: int | None = None
    location: dict[str, str] = field(default_factory=dict)  # qualification / unit / outcome / criterion
