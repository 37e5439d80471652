"""A reader registered by name and suffixes, whose module is imported only when a document is read.

Registering readers is how every command learns which formats qualcli
reads (``lint`` lists the suffixes before it walks a folder), but the
reader modules themselves (PDFium's bindings, the HTML parser, Word and
PowerPoint's XML) cost more to import than a short ``lint`` of a few
Markdown files takes. A :class:`LazyReader` answers ``name`` and
``suffixes`` itself and imports the reader the first time anything else
is asked of it: ``read``, or a reader's own extras (``read_with_headers``).
"""

from __future__ import annotations


class LazyReader:
    """The reader ``module:Class`` (built with no arguments), known until first use by its ``name`` and ``suffixes``."""

    def __init__(self, name: str, suffixes: tuple[str, ...], target: str) -> None:
        self.name = name
        self.suffixes = suffixes
        self._target = target
        self._reader = None

    @property
    def reader(self):
        """The reader itself, imported and built on first use."""
        if self._reader is None:
            from qualcli.plugin_index import load_entry_point

            self._reader = load_entry_point(self._target)()
        return self._reader

    def read(self, path, data: bytes):
        """What the reader reads from ``data`` (see :class:`qualcli.api.Reader`)."""
        return self.reader.read(path, data)

    def __getattr__(self, name: str):
        """Anything else the reader offers (e.g. ``read_with_headers``)."""
        if name.startswith("__") or name in ("_reader", "_target"):
            raise AttributeError(name)
        return getattr(self.reader, name)

    def __repr__(self) -> str:
        return f"LazyReader({self.name!r}, {self.suffixes!r}, {self._target!r})"


def unwrapped(reader):
    """The reader itself, for a :class:`LazyReader` or any other reader."""
    return reader.reader if isinstance(reader, LazyReader) else reader


def reader_module(reader) -> str:
    """The module that holds a reader's code (a :class:`LazyReader`'s target, not imported)."""
    return reader._target.partition(":")[0] if isinstance(reader, LazyReader) else type(reader).__module__
