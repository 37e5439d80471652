"""PowerPoint presentations (.pptx): slide text, tables and speaker notes.

Each slide gives, in the order its shapes are stored (grouped shapes
included), one line per paragraph of every text frame and one line per table
row (cells joined by tabs, ``cells`` kept), then its speaker notes with style
``"Notes"``. ``page`` is the slide number; ``number`` counts lines. Every
paragraph is its own block; a paragraph with soft line breaks gives several
lines in one block. The title placeholder's lines have style ``"Title"``.
"""

from __future__ import annotations

import io
from pathlib import Path

from qualcli.errors import UnreadableDocument
from qualcli.readers import Line, SourceText, sha256_of
from qualcli.readers.package import check_package


class _Lines:
    """Collects lines with running numbers and block ids."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.block = 0

    def paragraph(self, text: str, page: int, style: str | None) -> None:
        self.block += 1
        for part in text.replace("\x0b", "\n").split("\n"):
            self.lines.append(Line(text=part, number=len(self.lines) + 1, page=page, block=self.block, style=style))

    def row(self, cells: tuple[str, ...], page: int) -> None:
        self.block += 1
        text = "\t".join(" ".join(c.split()) for c in cells)
        self.lines.append(Line(text=text, number=len(self.lines) + 1, page=page, block=self.block, cells=cells))


def _shape_lines(shape, out: _Lines, page: int) -> None:
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
        for inner in shape.shapes:
            _shape_lines(inner, out, page)
        return
    if getattr(shape, "has_table", False) and shape.has_table:
        for row in shape.table.rows:
            out.row(tuple(cell.text for cell in row.cells), page)
        return
    if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
        style = "Title" if shape.is_placeholder and "TITLE" in str(shape.placeholder_format.type) else None
        for paragraph in shape.text_frame.paragraphs:
            out.paragraph(paragraph.text, page, style)


class PptxReader:
    """Reads .pptx slides and speaker notes; ``page`` is the slide number."""

    name = "pptx"
    suffixes = (".pptx",)

    def read(self, path: Path, data: bytes) -> SourceText:
        from pptx import Presentation
        from pptx.exc import PackageNotFoundError

        if not data.startswith(b"PK\x03\x04"):
            raise UnreadableDocument("not a PowerPoint .pptx file (not a zip package)", str(path))
        check_package(path, data, "PowerPoint .pptx")
        try:
            presentation = Presentation(io.BytesIO(data))
        except (PackageNotFoundError, KeyError, ValueError) as exc:
            raise UnreadableDocument(f"not a readable .pptx file: {exc}", str(path)) from None
        except Exception as exc:  # zipfile.BadZipFile, lxml errors: a damaged file
            raise UnreadableDocument(f"damaged .pptx file: {type(exc).__name__}", str(path)) from None
        out = _Lines()
        slides = list(presentation.slides)
        for page, slide in enumerate(slides, start=1):
            for shape in slide.shapes:
                _shape_lines(shape, out, page)
            if slide.has_notes_slide:
                for paragraph in slide.notes_slide.notes_text_frame.paragraphs:
                    out.paragraph(paragraph.text, page, "Notes")
        return SourceText(path=str(path), format="pptx", lines=out.lines, sha256=sha256_of(data), pages=len(slides))
