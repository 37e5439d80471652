"""Bad input through the CLI: one line naming the file and the problem, exit 2, no traceback.

Every case also checks that qualcli left the input file as it was. The CLI
runs in-process (the same ``main()``): these tests are about its answers, not
the process (tests/test_safety.py runs subprocesses and measures them).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, assert_one_line_error
from tests.support.inprocess import run_in_process
from tests.support.render import text_to_pdf

JUNK = bytes(range(256)) * 12


def make_pdf(folder: Path) -> Path:
    return text_to_pdf("A heading\nSome words on a page.", folder / "good.pdf")


def missing(folder: Path) -> Path:
    return folder / "no-such-spec.pdf"


def directory(folder: Path) -> Path:
    (folder / "a-folder").mkdir()
    return folder / "a-folder"


def empty(folder: Path) -> Path:
    path = folder / "empty.txt"
    path.write_bytes(b"  \n\n")
    return path


def junk_pdf(folder: Path) -> Path:
    path = folder / "junk.pdf"
    path.write_bytes(JUNK)
    return path


def corrupt_pdf(folder: Path) -> Path:
    path = folder / "corrupt.pdf"
    path.write_bytes(b"%PDF-1.7\n" + JUNK)
    return path


def truncated_pdf(folder: Path) -> Path:
    data = make_pdf(folder).read_bytes()
    path = folder / "truncated.pdf"
    path.write_bytes(data[: len(data) // 3])
    return path


def encrypted_pdf(folder: Path) -> Path:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=str(make_pdf(folder)))
    writer.encrypt("a-password")
    path = folder / "encrypted.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def scanned_pdf(folder: Path) -> Path:
    from reportlab.pdfgen import canvas

    path = folder / "scanned.pdf"
    page = canvas.Canvas(str(path))
    page.rect(60, 60, 400, 600, fill=1)  # a page that is all picture, no text
    page.showPage()
    page.save()
    return path


def latin1_txt(folder: Path) -> Path:
    path = folder / "latin1.txt"
    path.write_bytes("Unit 201 \u2013 caf\u00e9 reception\n".encode("cp1252"))
    return path


def unsupported(folder: Path) -> Path:
    path = folder / "spec.rtf"
    path.write_text("{\\rtf1 Unit 201}", encoding="utf-8")
    return path


def corrupt_docx(folder: Path) -> Path:
    path = folder / "corrupt.docx"
    path.write_bytes(b"PK\x03\x04" + JUNK)
    return path


def junk_docx(folder: Path) -> Path:
    path = folder / "junk.docx"
    path.write_bytes(JUNK)
    return path


def zip_not_docx(folder: Path) -> Path:
    path = folder / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "not a Word document")
    return path


def malformed_yaml(folder: Path) -> Path:
    path = folder / "spec.yaml"
    path.write_text("units: [\n  - code: 1\n", encoding="utf-8")
    return path


def prose(folder: Path) -> Path:
    path = folder / "letter.txt"
    path.write_text("Dear Sam,\n\nThe weather has been kind this week and the garden is full of bees.\n", encoding="utf-8")
    return path


CASES = [
    (missing, ["no such file"]),
    (directory, ["directory"]),
    (empty, ["empty"]),
    (junk_pdf, ["not a PDF"]),
    (corrupt_pdf, ["damaged"]),
    (truncated_pdf, ["damaged"]),
    (encrypted_pdf, ["encrypted", "password"]),
    (scanned_pdf, ["no text layer", "OCR"]),
    (latin1_txt, ["not UTF-8"]),
    (unsupported, ["unsupported file type", ".rtf"]),
    (corrupt_docx, ["corrupt"]),
    (junk_docx, ["not a Word .docx"]),
    (zip_not_docx, ["corrupt or incomplete"]),
    (malformed_yaml, ["YAML", "line"]),
    (prose, ["not recognised"]),
]


@pytest.mark.parametrize(("make", "fragments"), CASES, ids=[make.__name__ for make, _ in CASES])
def test_bad_input_is_one_line_naming_the_file(tmp_path, make, fragments):
    path = make(tmp_path)
    before = path.read_bytes() if path.is_file() else None
    result = run_in_process("parse", path)
    assert_one_line_error(result, str(path), *fragments)
    assert result.stdout == ""
    assert (path.read_bytes() if path.is_file() else None) == before


def test_spec_breaking_the_schema_names_the_field(tmp_path):
    from ruamel.yaml import YAML

    example = sorted(EXAMPLES.glob("*.txt"))[0]
    parsed = tmp_path / "parsed.yaml"
    assert run_in_process("parse", example, "-o", parsed).code == 0
    yaml = YAML(typ="safe", pure=True)
    data = yaml.load(parsed.read_text(encoding="utf-8"))
    data["units"][0]["title"] = 12345
    broken = tmp_path / "broken.yaml"
    with broken.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    before = broken.read_bytes()
    result = run_in_process("parse", broken)
    assert_one_line_error(result, str(broken), "units[0].title")
    assert broken.read_bytes() == before
