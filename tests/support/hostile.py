"""Hostile files that cost little to make and much to read, for the safety tests and benchmarks/bench_safety.py."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path


def spec_alias_bomb(width: int) -> str:
    """Under 1 KB of schema-shaped spec that expands to ``width``**3 criteria (60: 216,000)."""

    def many(name: str) -> str:
        return "[" + ", ".join([f"*{name}"] * width) + "]"

    return (
        "source: {path: x.txt, sha256: '0', format: txt}\nbody: vtct\n"
        "c: &c {ref: '1.1', text: lol}\n"
        f"cl: &cl {many('c')}\n"
        "o: &o {ref: '1', text: t, criteria: *cl}\n"
        f"ol: &ol {many('o')}\n"
        "u: &u {code: '1', title: T, learning_outcomes: *ol}\n"
        f"units: {many('u')}\n"
    )


def docx_of_paragraphs(path: Path, paragraphs: int, compresslevel: int = 9) -> Path:
    """A DOCX whose document.xml holds ``paragraphs`` tiny paragraphs, streamed into the zip."""
    from docx import Document

    buffer = io.BytesIO()
    Document().save(buffer)
    source = zipfile.ZipFile(buffer)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename != "word/document.xml":
                target.writestr(info, data)
                continue
            cut = data.index(b"<w:body>") + len(b"<w:body>")
            with target.open(info.filename, "w", force_zip64=True) as handle:
                handle.write(data[:cut])
                chunk = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 10_000
                for _ in range(paragraphs // 10_000):
                    handle.write(chunk)
                handle.write(data[cut:])
    return path
