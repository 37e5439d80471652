"""The readers qualcli ships, registered through the same hook as a plugin's.

Each is registered by name and suffixes (:class:`~qualcli.readers.lazy.LazyReader`),
so its module is imported only when a document of its format is read; the
test suite checks these names and suffixes against the reader classes.
"""

from __future__ import annotations

from qualcli.hookspecs import hookimpl
from qualcli.readers.lazy import LazyReader

#: (name, suffixes, ``module:Class``) of every built-in reader.
BUILTIN_READERS = (
    ("text", (".txt", ".text", ".md", ".markdown"), "qualcli.readers.text:TextReader"),
    ("html", (".html", ".htm", ".xhtml"), "qualcli.readers.html:HtmlReader"),
    ("pdf", (".pdf",), "qualcli.readers.pdf:PdfReader"),
    ("docx", (".docx",), "qualcli.readers.docx:DocxReader"),
    ("pptx", (".pptx",), "qualcli.readers.pptx:PptxReader"),
)


@hookimpl
def register_readers(register):
    for name, suffixes, target in BUILTIN_READERS:
        register(LazyReader(name, suffixes, target))
