"""The readers qualcli ships, registered through the same hook as a plugin's."""

from __future__ import annotations

from qualcli.hookspecs import hookimpl
from qualcli.readers.pptx import PptxReader
from qualcli.readers.text import TextReader


@hookimpl
def register_readers(register):
    register(TextReader())
    register(PptxReader())
