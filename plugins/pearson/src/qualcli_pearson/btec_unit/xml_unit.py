"""Pearson unit XML (the BTEC_SPEC_XML authoring format).

``<unit>`` holds ``<uan>``, ``<unitnumber>``, ``<title>``, ``<description>``
(HTML), ``<glh><glhvalue>``, ``<level>``, ``<assessmentmode>``, one
``<learningobjective>`` per learning aim (``<title>`` letter,
``<learningobjectivetext>``) and ``<unitcontent>`` with a ``<unitsection>``
per aim whose ``<sectiontext>`` (HTML) carries the topics. Where the XML has
assessment criteria they become the aims' graded criteria: elements named
``…criterion`` with a grid reference such as ``2A.P1``, or (Pearson's own
export) ``<assessmentcriteria acid="…2A.P1">`` holding the ref in ``<title>``
and the wording as HTML in ``<criteria>``. The grid's cells only point at
those elements, and the ``<criteriacovered>`` lists under an aim may name
other aims' criteria, so each criterion goes to the aim its ref names.
A file may hold one ``<unit>`` or several inside another root.
"""

from __future__ import annotations

import re

from qualcli.api import Section, SourceText, SpecDocument, Unit
from qualcli_pearson.btec_unit.assignments import assignment_section
from qualcli_pearson.btec_unit.content import ContentCollector, TextLine
from qualcli_pearson.btec_unit.grid import grid_criteria, order_grid
from qualcli_pearson.markup import html_lines, plain_text
from qualcli_pearson.xml_reader import parse_xml



def _local(tag) -> str:
    """A tag without its namespace, lower-case."""
    return str(tag).rsplit("}", 1)[-1].lower()


def _child(element, name: str):
    return next((c for c in element if _local(c.tag) == name), None)


def _text(element, name: str) -> str | None:
    child = _child(element, name)
    if child is None:
        return None
    text = plain_text("".join(child.itertext()))
    return text or None


class UnitXmlParser:
    """Parses Pearson unit XML into units with learning aims, content and criteria (registered by :mod:`qualcli_pearson.plugin`)."""

    def parse(self, source: SourceText) -> SpecDocument:
        """Every ``<unit>`` in the file."""
        doc = SpecDocument()
        root = parse_xml(source.raw if source.raw is not None else source.text.encode("utf-8"), source.path)
        elements = [root] if _local(root.tag) == "unit" else [e for e in root.iter() if _local(e.tag) == "unit"]
        if not elements:
            doc.warnings.append("no <unit> element found")
        lines = _line_finder(source)
        doc.units = [self._unit(element, lines, doc.warnings) for element in elements]
        if len(doc.units) == 1:
            doc.title = f"Unit {doc.units[0].code}: {doc.units[0].title}"
        return doc

    def _unit(self, element, line_of, warnings: list[str]) -> Unit:
        code = _text(element, "unitnumber") or _text(element, "uan") or "?"
        unit = Unit(
            code=code, title=_text(element, "title") or f"Unit {code}", urn=_text(element, "uan"), line=line_of("<unit")
        )
        unit.level = _text(element, "level")
        glh = _child(element, "glh")
        if glh is not None:
            value = re.search(r"\d+", "".join(glh.itertext()))
            unit.glh = int(value.group()) if value else None
        mode = _text(element, "assessmentmode")
        unit.assessment = [mode] if mode else []
        description = _child(element, "description")
        if description is not None:
            intro = html_lines(description.text or "")
            if intro and intro[-1].rstrip().endswith(":"):  # "In this unit you will:" leads into the aims
                lead_in = intro.pop()
                unit.sections.append(Section(title="Learning aims", text=lead_in, line=line_of(lead_in[:40])))
            unit.aim = "\n".join(intro) or None
        aims = ContentCollector(unit.learning_outcomes)
        for objective in (c for c in element if _local(c.tag) == "learningobjective"):
            letter = (_text(objective, "title") or "").strip().upper()
            if re.fullmatch(r"[A-Z]", letter):
                aims.aim(letter, _text(objective, "learningobjectivetext"), line_of(f"<title>{letter}</title>"))
            else:
                warnings.append(f"unit {code}: learning objective without a letter title: {letter!r}")
        content = _child(element, "unitcontent")
        for section in content if content is not None else ():
            if _local(section.tag) != "unitsection":
                continue
            heading = _text(section, "title") or ""
            aims.add(TextLine(heading, line_of(heading[:40])))
            body = _child(section, "sectiontext")
            for text in html_lines(body.text or "") if body is not None else ():
                aims.add(TextLine(text, line_of(text[:40])))
        self._criteria(element, aims, line_of)
        order_grid(unit.learning_outcomes)
        for outline in (c for c in element if _local(c.tag) == "suggestedassignment"):
            unit.sections.append(_assignment(outline, line_of))
        if aims.loose:
            warnings.append(f"unit {code}: content outside any topic kept in unit sections")
            unit.sections.append(_loose_section(aims.loose))
        return unit

    @staticmethod
    def _criteria(element, aims: ContentCollector, line_of) -> None:
        """Graded criteria: elements named ``…criterion`` whose code (attribute or child) is a grid ref."""
        for node in element.iter():
            tag = _local(node.tag)
            if tag.endswith("criterion"):
                codes = (node.get("code"), node.get("ref"), node.get("id"), _text(node, "code"), _text(node, "ref"))
                ref = next((code for code in codes if code), "")
                wording = _text(node, "text") or _text(node, "title") or plain_text(node.text or "")
            elif tag == "assessmentcriteria" and _child(node, "criteria") is not None:
                ref = _text(node, "title") or ".".join((node.get("acid") or "").rsplit(".", 2)[-2:])
                wording = "\n".join(html_lines(_child(node, "criteria").text or ""))
            else:
                continue
            for grid_ref, criterion in grid_criteria([f"{ref} {wording}"], line_of(f'"{ref}"'), None):
                aims.aim(grid_ref.aims[0], None).criteria.append(criterion)


def _assignment(outline, line_of) -> Section:
    """A ``<suggestedassignment>``: title, the criteria it covers (refs from ``acid``), scenario and method."""
    title = _text(outline, "title") or _text(outline, "numbertitle") or "untitled"
    refs = [".".join(node.get("acid", "").rsplit(".", 2)[-2:]) for node in outline if _local(node.tag) == "criteriacovered"]
    text = [line for name in ("scenario", "assessmentmethod") for line in _html_of(outline, name)]
    return assignment_section(title, refs, text, line_of(title[:40]))


def _html_of(element, name: str) -> list[str]:
    child = _child(element, name)
    if child is None:
        return []
    return html_lines("".join([child.text or "", *(_markup(c) for c in child)]))


def _markup(element) -> str:
    from xml.etree.ElementTree import tostring

    return tostring(element, encoding="unicode")


def _loose_section(lines: list[TextLine]) -> Section:
    return Section(title="Unit content", text="\n".join(line.text for line in lines), line=lines[0].line)


def _line_finder(source: SourceText):
    """A function giving the first source line that contains a snippet (None if absent)."""
    texts = [(line.number, line.text) for line in source.lines]

    def find(snippet: str) -> int | None:
        snippet = snippet.strip()
        if not snippet:
            return None
        return next((number for number, text in texts if snippet in text), None)

    return find
