"""Inline suppressions.

Markdown and HTML (in comments)::

    <!-- qualcli-disable QL001 QL002 -->   ... block ...   <!-- qualcli-enable -->
    text <!-- qualcli-disable-line QL003 -->
    <!-- qualcli-disable-next-line -->

Any text format (a comment in the style of ``# noqa``)::

    The Data Protection Act 1998 ...   # qualcli: ignore[QL002]

No rule ids means every rule. ``qualcli-enable`` with ids re-enables only those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_DIRECTIVE = re.compile(r"qualcli-(disable-next-line|disable-line|disable|enable)\b([^>\n]*?)(?:-->|$)")
_IGNORE = re.compile(r"qualcli:\s*ignore(?:\[([^\]]*)\])?")
_RULE_ID = re.compile(r"\b[A-Z]{2,}\d{3}\b")
ALL = "*"


@dataclass
class Suppressions:
    """Which rules are suppressed on which lines."""

    by_line: dict[int, set[str]] = field(default_factory=dict)
    blocks: list[tuple[int, int, set[str]]] = field(default_factory=list)  # first line, last line, rules

    def suppresses(self, line: int, rule: str) -> bool:
        """True when ``rule`` is suppressed on ``line``."""
        rules = self.by_line.get(line)
        if rules and (ALL in rules or rule in rules):
            return True
        return any(first <= line <= last and (ALL in rules or rule in rules) for first, last, rules in self.blocks)


def _rules(text: str) -> set[str]:
    found = set(_RULE_ID.findall(text or ""))
    return found or {ALL}


def may_have_directives(text: str) -> bool:
    """False when ``text`` (a file's text, or its lines joined) holds no directive: then
    :func:`parse_suppressions` of its lines suppresses nothing."""
    return "qualcli" in text


def parse_suppressions(lines: dict[int, str]) -> Suppressions:
    """Read every directive in ``lines`` (line number -> text)."""
    result = Suppressions()
    if not any(may_have_directives(text) for text in lines.values()):
        return result  # no directive anywhere
    open_blocks: dict[str, int] = {}  # rule (or ALL) -> first line
    numbers = sorted(lines)
    last = numbers[-1] if numbers else 0
    pending_next: set[str] | None = None
    for number in numbers:
        text = lines[number]
        if pending_next is not None and text.strip() and "qualcli-disable-next-line" not in text:
            result.by_line.setdefault(number, set()).update(pending_next)
            pending_next = None
        if "qualcli" not in text:
            continue
        for match in _IGNORE.finditer(text):
            result.by_line.setdefault(number, set()).update(_rules(match.group(1) or ""))
        for match in _DIRECTIVE.finditer(text):
            kind, rules = match.group(1), _rules(match.group(2))
            if kind == "disable-line":
                result.by_line.setdefault(number, set()).update(rules)
            elif kind == "disable-next-line":
                pending_next = rules
            elif kind == "disable":
                for rule in rules:
                    open_blocks.setdefault(rule, number)
            else:
                closing = list(open_blocks) if ALL in rules else [r for r in rules if r in open_blocks]
                for rule in closing:
                    result.blocks.append((open_blocks.pop(rule), number, {rule}))
    for rule, first in open_blocks.items():
        result.blocks.append((first, last, {rule}))
    return result
