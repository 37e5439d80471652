"""Word documents (.docx), read in document order.

The body's paragraphs and tables come out in the order they appear (the body
XML is walked, so a table between two paragraphs stays between them, and text
inside content controls is kept). Each paragraph is its own block; a paragraph
with soft line breaks gives several lines in one block. Each table row is one
line with ``cells`` (a merged cell once; a vertically merged continuation is an
empty cell). ``style`` is the paragraph's style name ("Heading 1",
"List Bullet", ...). DOCX has no line numbers, so ``number`` counts lines.

:meth:`DocxReader.read` returns the body only. :meth:`DocxReader.read_with_headers`
appends the page headers and footers after the body (each distinct one once,
style "Header" or "Footer"), for checks such as lint that must see them.
"""

from __future__ import annotations

import io
from pathlib import Path

from qualcli.errors import UnreadableDocument
from qualcli.readers import LIST_ITEM, TEXT, Line, SourceText, kind_of_style, sha256_of
from qualcli.readers.package import check_package

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
# Subtrees of a paragraph whose text is not the paragraph's own running text.
_SKIP_IN_PARAGRAPH = {_W + "pPr", _W + "rPr", _W + "txbxContent", _MC_FALLBACK, _W + "delText"}


def paragraph_text(p) -> str:
    """The text of a ``w:p`` element: tabs as "\\t", soft breaks as "\\n"."""
    parts: list[str] = []

    def walk(element) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIP_IN_PARAGRAPH:
                continue
            if tag == _W + "t":
                parts.append(child.text or "")
            elif tag == _W + "tab":
                parts.append("\t")
            elif tag in (_W + "br", _W + "cr"):
                if child.get(_W + "type") in (None, "textWrapping"):
                    parts.append("\n")
            elif tag == _W + "noBreakHyphen":
                parts.append("-")
            else:
                walk(child)

    walk(p)
    return "".join(parts)


def text_boxes(p) -> list:
    """The ``w:p`` elements inside text boxes anchored in paragraph ``p`` (once each)."""
    found = []
    for box in p.iter(_W + "txbxContent"):
        if not any(ancestor.tag == _MC_FALLBACK for ancestor in box.iterancestors()):
            found.extend(box.iter(_W + "p"))
    return found


def children(container, tags: tuple[str, ...]):
    """Yield the children of ``container`` with one of ``tags``, in order, looking inside content controls."""
    for child in container:
        if child.tag in tags:
            yield child
        elif child.tag in (_W + "sdt", _W + "customXml"):
            content = child.find(_W + "sdtContent") if child.tag == _W + "sdt" else child
            if content is not None:
                yield from children(content, tags)


def block_items(container):
    """The ``w:p`` and ``w:tbl`` elements of a body, cell or header, in document order."""
    return children(container, (_W + "p", _W + "tbl"))


def table_rows(tbl):
    """Each row of a table as a tuple of cell texts (a cell's paragraphs joined by "\\n")."""
    for tr in children(tbl, (_W + "tr",)):
        cells = []
        for tc in children(tr, (_W + "tc",)):
            v_merge = tc.find(f"{_W}tcPr/{_W}vMerge")
            if v_merge is not None and v_merge.get(_W + "val") in (None, "continue"):
                cells.append("")  # continuation of the cell above: its text is not repeated
            else:
                cells.append(cell_text(tc))
        yield tuple(cells)


def cell_text(tc) -> str:
    """A cell's paragraphs joined by "\\n"; a nested table's rows become lines of space-joined cells."""
    lines = []
    for item in block_items(tc):
        if item.tag == _W + "tbl":
            lines.extend(" ".join(cell for cell in row if cell) for row in table_rows(item))
        else:
            lines.append(paragraph_text(item).replace("\t", " "))
    return "\n".join(lines)


class _LineWriter:
    """Numbers lines and blocks as they are produced."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.block = 0

    def paragraph(self, text: str, style: str | None, list_level: int = 0) -> None:
        """One paragraph (a block); ``list_level`` > 0 for a paragraph Word numbers or bullets."""
        self.block += 1
        kind, level = kind_of_style(style)
        if list_level and kind == TEXT:
            kind, level = LIST_ITEM, list_level
        for part in text.split("\n"):
            self.lines.append(
                Line(text=part, number=len(self.lines) + 1, block=self.block, style=style, kind=kind, level=level)
            )

    def row(self, cells: tuple[str, ...]) -> None:
        text = "\t".join(cell.replace("\n", " ") for cell in cells)
        self.lines.append(Line(text=text, number=len(self.lines) + 1, block=self.block, cells=cells))


class DocxReader:
    """Reads .docx files (python-docx) in document order."""

    name = "docx"
    suffixes = (".docx",)

    def read(self, path: Path, data: bytes) -> SourceText:
        """The body's paragraphs and table rows."""
        return self._read(path, data, with_headers=False)

    def read_with_headers(self, path: Path, data: bytes) -> SourceText:
        """The body, then each distinct page header and footer (style "Header"/"Footer")."""
        return self._read(path, data, with_headers=True)

    def _read(self, path: Path, data: bytes, with_headers: bool) -> SourceText:
        document = open_document(path, data)
        styles = _style_names(document)
        writer = _LineWriter()
        _write_container(writer, document.element.body, styles)
        if with_headers:
            for container, style in header_footer_parts(document):
                _write_container(writer, container, styles, forced_style=style)
        return SourceText(path=str(path), format="docx", lines=writer.lines, sha256=sha256_of(data))


def open_document(path: Path, data: bytes):
    """A python-docx Document, or UnreadableDocument saying why not."""
    if data.startswith(_OLE_MAGIC):
        raise UnreadableDocument("is an old binary Word .doc, not .docx; save it as .docx", str(path))
    if not data.startswith(_ZIP_MAGIC):
        raise UnreadableDocument("not a Word .docx file (it is not a zip package)", str(path))
    check_package(path, data, "Word .docx")
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises zip, XML and key errors alike
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise UnreadableDocument(f"corrupt or incomplete Word .docx file ({reason})", str(path)) from None


def header_footer_parts(document):
    """(element, "Header"|"Footer") for each distinct header/footer part, in section order."""
    seen = set()
    for section in document.sections:
        for kind, parts in (
            ("Header", (section.first_page_header, section.header, section.even_page_header)),
            ("Footer", (section.first_page_footer, section.footer, section.even_page_footer)),
        ):
            for part in parts:
                if part.is_linked_to_previous:
                    continue
                element = part._element
                if id(element) not in seen:
                    seen.add(id(element))
                    yield element, kind


def _style_names(document) -> dict[str, str]:
    """Paragraph style id -> style name."""
    return {style.style_id: style.name for style in document.styles if style.style_id}


def _paragraph_style(p, styles: dict[str, str]) -> str:
    style = p.find(f"{_W}pPr/{_W}pStyle")
    style_id = style.get(_W + "val") if style is not None else None
    return styles.get(style_id, style_id) if style_id else "Normal"


def _list_level(p) -> int:
    """1 + the numbering level of a paragraph in a Word list (``w:numPr``), else 0."""
    numbering = p.find(f"{_W}pPr/{_W}numPr")
    if numbering is None:
        return 0
    number = numbering.find(f"{_W}numId")
    if number is not None and number.get(_W + "val") == "0":  # numbering switched off
        return 0
    indent = numbering.find(f"{_W}ilvl")
    value = indent.get(_W + "val") if indent is not None else "0"
    return int(value) + 1 if value and value.isdigit() else 1


def _write_container(writer: _LineWriter, container, styles: dict[str, str], forced_style: str | None = None) -> None:
    for item in block_items(container):
        if item.tag == _W + "tbl":
            writer.block += 1
            for cells in table_rows(item):
                writer.row(cells)
            continue
        style = forced_style or _paragraph_style(item, styles)
        writer.paragraph(paragraph_text(item), style, 0 if forced_style else _list_level(item))
        for box in text_boxes(item):
            writer.paragraph(paragraph_text(box), forced_style or _paragraph_style(box, styles))
