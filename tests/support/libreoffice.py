"""Word documents as a script writes them with python-docx, printed to PDF by LibreOffice.

This is how a spec's text most often becomes the PDF a college receives:
every non-blank line a "Normal" paragraph (Liberation Sans 10 pt, kept
verbatim, a leading "- " included), every run of lines containing a tab one
"Table Grid" table with equal column widths across the text area (cells split
on tabs, rows padded to the widest row), python-docx's default page; then
``soffice --headless --convert-to pdf``. LibreOffice breaks a word that does
not fit a narrow cell where the cell ends, with no hyphen and no space, which
is what the PDF reader must undo.

Nothing here is committed output: tests and benchmarks render into temporary
folders. :func:`soffice` is ``None`` when LibreOffice is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.support.render import add_grid_table, blocks

FONT = "Liberation Sans"
FONT_SIZE = 10  # points


def soffice() -> str | None:
    """The LibreOffice program, or ``None`` when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def text_to_word_docx(text: str, path: Path) -> Path:
    """Write ``text`` at ``path`` as a python-docx script would (see the module docstring)."""
    import docx
    from docx.shared import Pt

    path = Path(path)
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(FONT_SIZE)
    for kind, value in blocks(text):
        if kind == "table":
            add_grid_table(document, value)
        else:
            document.add_paragraph(value)
    document.save(path)
    return path


def docxs_to_pdfs(docx_paths: list[Path], folder: Path) -> list[Path]:
    """Print every DOCX to a PDF in ``folder`` with one LibreOffice run (it starts once, not once per file),
    with a private profile, so runs do not share state."""
    program = soffice()
    if program is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    folder = Path(folder)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                program,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                *map(str, docx_paths),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    return [folder / (Path(path).stem + ".pdf") for path in docx_paths]


def text_to_libreoffice_pdf(text: str, folder: Path, stem: str) -> Path:
    """Render ``text`` to ``folder/stem.docx`` and print it to ``folder/stem.pdf``; return the PDF."""
    return texts_to_libreoffice_pdfs({stem: text}, folder)[stem]


def texts_to_libreoffice_pdfs(texts: dict[str, str], folder: Path) -> dict[str, Path]:
    """Render each ``{stem: text}`` to ``folder/stem.docx`` and print them all with one LibreOffice run."""
    docx_paths = [text_to_word_docx(text, Path(folder) / f"{stem}.docx") for stem, text in texts.items()]
    return dict(zip(texts, docxs_to_pdfs(docx_paths, folder)))
