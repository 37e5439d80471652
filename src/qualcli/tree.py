"""A readable tree of a parsed document, for ``qualcli show``."""

from __future__ import annotations

import textwrap

from qualcli.errors import QualcliError
from qualcli.model import SpecDocument, Unit

WIDTH = 100


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(" ".join(text.split()), WIDTH, initial_indent=indent, subsequent_indent=indent + "  ") or [indent]


def _figures(obj, names) -> str:
    parts = [f"{name} {getattr(obj, name)}" for name in names if getattr(obj, name, None) not in (None, "")]
    return ", ".join(parts)


def render_document(doc: SpecDocument) -> list[str]:
    """The document outline: qualifications, rules and one line per unit."""
    head = f"{doc.title or doc.source.path} [{doc.body}]"
    if doc.version:
        head += f" version {doc.version}" + (f" ({doc.version_date})" if doc.version_date else "")
    lines = [head]
    for q in doc.qualifications:
        lines.append(f"  Qualification {q.number or '?'}: {q.title}")
        figures = _figures(q, ("level", "credits", "glh", "tqt"))
        if figures:
            lines.append(f"    {figures}")
        for key, value in q.dates.items():
            lines.append(f"    {key.replace('_', ' ')}: {value}")
        for rule in q.rules:
            bounds = _figures(rule, ("min_credits", "max_credits", "min_units", "max_units"))
            kind = "mandatory" if rule.mandatory else "optional"
            units = ", ".join(rule.units) or " or ".join("/".join(a) for a in rule.alternatives)
            lines.append(f"    rule {rule.name} ({kind}{', ' + bounds if bounds else ''}): {units}")
        for text in q.rules_text:
            lines.extend(_wrap(f"rule text: {text}", "    "))
    lines.append(f"  Units ({len(doc.units)}):")
    for unit in doc.units:
        n_criteria = sum(len(o.criteria) for o in unit.learning_outcomes)
        figures = _figures(unit, ("level", "credits", "glh"))
        detail = f" — {len(unit.learning_outcomes)} outcomes, {n_criteria} criteria" if unit.learning_outcomes else ""
        label = " ".join(part for part in (unit.code, unit.urn, unit.title) if part)
        lines.append(f"    {label} ({figures}){detail}")
    if doc.unstructured:
        lines.append(f"  Unstructured blocks kept: {len(doc.unstructured)}")
    return lines


def render_unit(unit: Unit) -> list[str]:
    """One unit in full: metadata, NOS, outcomes, criteria and guidance."""
    lines = [f"{unit.code}: {unit.title}"]
    for name in ("urn", "level", "credits", "glh", "group", "observations", "external_papers", "same_content_as"):
        value = getattr(unit, name)
        if value not in (None, ""):
            lines.append(f"  {name.replace('_', ' ')}: {value}")
    if unit.assessment:
        lines.append(f"  assessment: {', '.join(unit.assessment)}")
    if unit.aim:
        lines.extend(_wrap(f"aim: {unit.aim}", "  "))
    for nos in unit.nos:
        label = " ".join(part for part in ("NOS", nos.code, nos.title, f"[{nos.suite}]" if nos.suite else None) if part)
        lines.append(f"  {label}")
    for suite in unit.nos_suites:
        lines.append(f"  NOS suite: {suite}")
    for outcome in unit.learning_outcomes:
        kind = f" [{outcome.kind}]" if outcome.kind else ""
        lines.extend(_wrap(f"LO {outcome.ref}{kind}: {outcome.text}", "  "))
        for c in outcome.criteria:
            flags = f" [{', '.join(c.flags)}]" if c.flags else ""
            printed = f" ({c.source_ref})" if c.source_ref and c.source_ref != c.ref else ""
            lines.extend(_wrap(f"{c.ref}{printed}{flags} {c.text}", "    "))
            if c.guidance:
                lines.extend(_wrap(f"guidance: {c.guidance}", "        "))
            if c.assessment_guidance:
                lines.extend(_wrap(f"assessment: {c.assessment_guidance}", "        "))
    return lines


def render(doc: SpecDocument, unit_code: str | None = None, path: str | None = None) -> str:
    """The whole document outline, or one unit in full (``path`` names the file in errors)."""
    if unit_code is None:
        return "\n".join(render_document(doc)) + "\n"
    unit = doc.unit(unit_code)
    if unit is None:
        known = ", ".join(u.code for u in doc.units)
        raise QualcliError(f"no unit {unit_code!r}; units are: {known}", path or doc.source.path)
    return "\n".join(render_unit(unit)) + "\n"
