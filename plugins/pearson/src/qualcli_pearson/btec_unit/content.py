"""BTEC learning aims and their unit content topics.

BTEC First and National units state learning aims A, B, C… and, under
"Learning aims and unit content", topics numbered by aim: "Topic A.1 Growth
and development" (First) or "A1 Growth and development" (National). The lines
after a topic heading, up to the next topic or aim, are its text. Page-break
markers ("continued") and the table caption "What needs to be learnt" are
layout, not content, and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qualcli.api import ContentTopic, LearningOutcome
from qualcli.parsing import lazy_compile

AIM_HEADING = lazy_compile(r"^Learning aim\s+([A-Z])\s*[:.–-]\s*(.+)$", re.I)
TOPIC_HEADING = lazy_compile(r"^(?:Topic\s+)?([A-Z])\.?(\d{1,2})\s*[:.]?\s+(\S.*)$")
_LAYOUT = lazy_compile(r"^(?:\(?continued\)?|what needs to be learnt)$", re.I)


@dataclass(frozen=True)
class TextLine:
    """A line of unit text with where it came from."""

    text: str
    line: int | None = None
    page: int | None = None


def aim_text(text: str) -> str:
    """An aim as a statement: first letter capitalised, no closing full stop."""
    text = " ".join(text.split()).rstrip(".;")
    return text[:1].upper() + text[1:]


def is_layout(text: str) -> bool:
    """True for page-break markers and table captions that are not content."""
    return bool(_LAYOUT.match(text.strip()))


class ContentCollector:
    """Adds aims and topics to a list of learning aims as lines arrive."""

    def __init__(self, aims: list[LearningOutcome]):
        self.aims = aims
        self.topic: ContentTopic | None = None
        self.loose: list[TextLine] = []  # content lines before any topic

    def aim(self, letter: str, text: str | None, line: int | None = None, page: int | None = None) -> LearningOutcome:
        """The aim with ``letter``, created (or given its text) as needed."""
        for aim in self.aims:
            if aim.ref == letter:
                if text and (not aim.text or aim.text.startswith("Learning aim")):
                    aim.text = aim_text(text)
                return aim
        aim = LearningOutcome(
            ref=letter,
            text=aim_text(text) if text else f"Learning aim {letter}",
            kind="learning_aim",
            line=line,
            page=page,
        )
        self.aims.append(aim)
        self.aims.sort(key=lambda a: a.ref)
        return aim

    def add(self, item: TextLine) -> None:
        """Take one line of the content part."""
        text = item.text.strip()
        if not text or is_layout(text):
            return
        heading = AIM_HEADING.match(text)
        if heading:
            self.aim(heading.group(1).upper(), heading.group(2), item.line, item.page)
            self.topic = None
            return
        topic = TOPIC_HEADING.match(text)
        if topic and any(a.ref == topic.group(1) for a in self.aims):
            letter, number, title = topic.groups()
            self.topic = ContentTopic(ref=f"{letter}.{number}", title=title.strip(), line=item.line, page=item.page)
            self.aim(letter, None).content.append(self.topic)
            return
        if self.topic is None:
            self.loose.append(item)
            return
        self.topic.text = f"{self.topic.text}\n{text}" if self.topic.text else text
