"""Read the spec and the materials, match criteria to passages, build the coverage result."""

from __future__ import annotations

from pathlib import Path

from qualcli.coverage.match import Target, match
from qualcli.coverage.passages import Passage, passages
from qualcli.errors import QualcliError
from qualcli.model import SpecDocument

SNIPPET = 160


def material_files(arguments: list[str]) -> list[str]:
    """Every readable file named or found under the folders (hidden and git-ignored skipped), each once."""
    from qualcli import plugins
    from qualcli.lint.discovery import discover

    return discover(arguments, set(plugins.readers()) - {".xml"})


def read_passages(files: list[str]) -> list[Passage]:
    """The passages of every material file, through the registered readers."""
    from qualcli.loading import read_source

    found: list[Passage] = []
    for name in files:
        found += passages(read_source(Path(name)), name)
    return found


def targets(doc: SpecDocument) -> list[Target]:
    """Every criterion of the spec, in document order."""
    found = [Target(u.code, c.ref, c.text) for u in doc.units for lo in u.learning_outcomes for c in lo.criteria]
    if not found:
        raise QualcliError("the spec prints no criteria to look for")
    return found


def coverage(doc: SpecDocument, spec_path: str, paths: list[str], unit: str | None) -> dict:
    """The coverage result (``schemas/coverage.schema.json``).

    Every criterion of the spec is matched (so scores do not depend on
    ``unit``); ``unit`` only narrows what is reported.
    """
    if unit is not None and doc.unit(unit) is None:
        raise QualcliError(f"no unit {unit!r}; the document has: {', '.join(u.code for u in doc.units)}")
    everything = targets(doc)
    files = material_files(paths)
    if not files:
        raise QualcliError("no course materials found (md txt html docx pptx pdf)", " ".join(paths))
    match(everything, read_passages(files))
    wanted = [t for t in everything if unit is None or t.unit == unit]
    if not wanted:
        raise QualcliError(f"unit {unit} prints no criteria to look for")
    titles = {u.code: u.title for u in doc.units}
    criteria = [_criterion(t) for t in wanted]
    units = []
    for code in dict.fromkeys(t.unit for t in wanted):
        mine = [c for c in criteria if c["unit"] == code]
        units.append({"unit": code, "title": titles[code], "covered": sum(c["status"] == "covered" for c in mine), "total": len(mine)})
    return {"spec": spec_path, "files": files, "units": units, "criteria": criteria}


def _criterion(target: Target) -> dict:
    evidence = []
    for score, passage in target.evidence:
        item = {"path": passage.path, "line": passage.line}
        if passage.page is not None:
            item["page"] = passage.page
        if passage.slide is not None:
            item["slide"] = passage.slide
        snippet = passage.text if len(passage.text) <= SNIPPET else passage.text[: SNIPPET - 1].rstrip() + "…"
        evidence.append({**item, "score": score, "snippet": snippet})
    return {"unit": target.unit, "ref": target.ref, "text": target.text,
            "status": "covered" if evidence else "uncovered", "evidence": evidence}
