"""The readers qualcli ships, registered through the same hook as a plugin's.

The reader modules are imported when the hook is called, so commands that
read no documents do not pay for them.
"""

from __future__ import annotations

from qualcli.hookspecs import hookimpl


@hookimpl
def register_readers(register):
    from qualcli.readers.docx import DocxReader
    from qualcli.readers.html import HtmlReader
    from qualcli.readers.pdf import PdfReader
    from qualcli.readers.pptx import PptxReader
    from qualcli.readers.text import TextReader

    register(TextReader())
    register(HtmlReader())
    register(PdfReader())
    register(DocxReader())
    register(PptxReader())
