"""Assemble the coverage test materials: hand-written md/txt/html plus DOCX and PPTX built from text."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.support.render import text_to_docx

COVERAGE = Path(__file__).resolve().parents[1] / "fixtures" / "coverage"


def build_pptx(slides: list[dict], path: Path) -> Path:
    """A presentation with one title-and-content slide per entry (``title``, ``lines``)."""
    from pptx import Presentation

    deck = Presentation()
    for slide_spec in slides:
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = slide_spec["title"]
        body = slide.placeholders[1].text_frame
        body.text = slide_spec["lines"][0]
        for line in slide_spec["lines"][1:]:
            body.add_paragraph().text = line
    deck.save(path)
    return path


def assemble(folder: Path) -> Path:
    """Copy the written materials into ``folder`` and build the DOCX/PPTX ones there."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in sorted((COVERAGE / "materials").iterdir()):
        shutil.copy(source, folder / source.name)
    for source in sorted((COVERAGE / "build").iterdir()):
        target = folder / source.name.rsplit(".", 1)[0]
        if target.suffix == ".docx":
            text_to_docx(source.read_text(encoding="utf-8"), target)
        else:
            build_pptx(json.loads(source.read_text(encoding="utf-8")), target)
    return folder


def answer_pairs() -> set[tuple[str, str]]:
    """(file name, "UNIT/ref") pairs the answer key says are taught."""
    from ruamel.yaml import YAML

    key = YAML(typ="safe").load((COVERAGE / "answer-key.yaml").read_text(encoding="utf-8"))
    return {(name, criterion) for name, criteria in key["files"].items() for criterion in criteria}


def predicted_pairs(result: dict) -> set[tuple[str, str]]:
    """(file name, "UNIT/ref") pairs a coverage result gives evidence for."""
    return {(Path(e["path"]).name, f"{c['unit']}/{c['ref']}") for c in result["criteria"] for e in c["evidence"]}
