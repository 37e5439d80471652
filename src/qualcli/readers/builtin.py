"""The readers qualcli ships, registered through the same hook as a plugin's."""

from __future__ import annotations

from qualcli.hookspecs import hookimpl
from qualcli.readers.docx import DocxReader
from qualcli.readers.html import HtmlReader
from qualcli.readers.pdf import PdfReader
from qualcli.readers.pptx import PptxReader
from qualcli.readers.text import TextReader


@hookimpl
def register_readers(register):
    register(TextReader())
    register(HtmlReader())
    register(PdfReader())
    register(DocxReader())
    register(PptxReader())
