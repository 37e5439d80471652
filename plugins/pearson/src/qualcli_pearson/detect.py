"""Cheap signs that a document is Pearson's, and of which layout.

Confidence runs for every document, so it reads only the first few hundred
lines and counts marks: the publisher's names, and the headings each layout
prints. Only Pearson's own marks count: qualcli compares every parser's answer.
"""

from __future__ import annotations

import re

from qualcli.api import Confidence, SourceText
from qualcli.parsing import lazy_compile

_SCAN_LINES = 600
_XML_SCAN_LINES = 200
_PEARSON = lazy_compile(r"\b(?:Pearson|BTEC|Edexcel)\b")

#: The headings each layout prints.
SPECIALIST_MARKS = [
    lazy_compile(r"BTEC Specialist", re.I),
    lazy_compile(r"Unit amplification", re.I),
    lazy_compile(r"Unit reference number", re.I),
    lazy_compile(r"Qualification Number \(QN\)", re.I),
    lazy_compile(r"Learning outcomes\s+Assessment criteria", re.I),
]
UNIT_DOCUMENT_MARKS = [
    lazy_compile(r"^Unit\s+\d{1,3}\s*:", re.M),
    lazy_compile(r"^Unit type\s*:", re.M | re.I),
    lazy_compile(r"^Learning aims?\b", re.M),
    lazy_compile(r"Learning aims and unit content|What needs to be learnt|^Unit content$", re.M | re.I),
    lazy_compile(r"\b[1-3][A-Z]\.[PMD]\d|\b[A-Z]\.[PMD]\d\b"),
    lazy_compile(r"^Assessment type\s*:|^Unit introduction$", re.M | re.I),
]
UNIT_XML_MARKS = [lazy_compile(p) for p in (r"<unit\b", r"<uan>", r"<learningobjective\b", r"<unitcontent>", r"<unitsection\b")]


def head_text(source: SourceText) -> str:
    """The first lines of the document as one string."""
    return "\n".join(line.text for line in source.lines[:_SCAN_LINES])


def score(source: SourceText, layout_marks: list[re.Pattern], layout: str) -> Confidence:
    """Confidence from the publisher's names plus the marks of one layout."""
    text = head_text(source)
    pearson = len(_PEARSON.findall(text))
    marks = sum(1 for mark in layout_marks if mark.search(text))
    if marks == 0:
        return Confidence(0.1 if pearson else 0.0, f"no {layout} headings")
    # without the publisher's name, one generic heading ("Unit content") is not enough to claim a document
    value = min(0.95, 0.35 + 0.15 * marks + 0.2) if pearson else 0.1 * marks + 0.1
    return Confidence(
        round(value, 2), f"{layout}: {marks}/{len(layout_marks)} headings, Pearson/BTEC named {pearson} times"
    )


def specialist_confidence(source: SourceText) -> Confidence:
    """High for a Pearson specification with unit amplification tables."""
    return score(source, SPECIALIST_MARKS, "BTEC Specialist specification")


def unit_document_confidence(source: SourceText) -> Confidence:
    """High for a unit with learning aims, unit content or a P/M/D grid."""
    return score(source, UNIT_DOCUMENT_MARKS, "BTEC First/National unit")


def unit_xml_confidence(source: SourceText) -> Confidence:
    """High when the XML has Pearson's unit elements."""
    head = "\n".join(line.text for line in source.lines[:_XML_SCAN_LINES])
    marks = sum(1 for mark in UNIT_XML_MARKS if mark.search(head))
    if not marks:
        return Confidence(0.0, "no Pearson unit XML elements")
    return Confidence(round(0.3 + 0.13 * marks, 2), f"Pearson unit XML: {marks}/{len(UNIT_XML_MARKS)} elements")
