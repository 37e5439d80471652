"""Reading XML documents safely.

The reader checks that the file is well-formed XML with ``defusedxml``, which
refuses entity declarations (the "billion laughs" expansion attack) and
external references, and keeps the raw bytes for parsers that need the tree.
Its lines are the file's own lines, so positions point into the XML source.
"""

from __future__ import annotations

from pathlib import Path

from qualcli.errors import UnreadableDocument
from qualcli.readers import SourceText, sha256_of
from qualcli.readers.text import decode_text, lines_from_text


def parse_xml(data: bytes, path: str):
    """The root element of ``data``; a one-line error for unsafe or malformed XML."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException, DTDForbidden
    from defusedxml.ElementTree import fromstring

    try:
        try:
            return fromstring(data, forbid_dtd=True)
        except DTDForbidden as exc:
            if exc.sysid or exc.pubid:  # <!DOCTYPE x SYSTEM "file:///..."> names a file or URL: refused
                raise
            return fromstring(data)  # a bare <!DOCTYPE x> (entity declarations are still refused)
    except DefusedXmlException as exc:
        name, sysid = getattr(exc, "name", None), getattr(exc, "sysid", None)
        if isinstance(exc, DTDForbidden):
            what = f"has a DOCTYPE naming the external file {sysid or exc.pubid!r}"
        else:
            what = f"declares the entity {name!r}" if name else "uses a DTD or an external reference"
        raise UnreadableDocument(
            f"XML refused: it {what}; entity declarations and external references are not allowed"
            " (they can expand without limit or read other files)",
            path,
        ) from None
    except ParseError as exc:
        line, column = exc.position
        raise UnreadableDocument(f"not well-formed XML at line {line}, column {column + 1}", path) from None


class XmlReader:
    """Reads .xml files: checked with defusedxml, lines kept, raw bytes kept."""

    name = "xml"
    suffixes = (".xml",)

    def read(self, path: Path, data: bytes) -> SourceText:
        """The document's lines and raw bytes, once it has parsed safely."""
        parse_xml(data, str(path))
        text = decode_text(path, data)
        return SourceText(path=str(path), format="xml", lines=lines_from_text(text), sha256=sha256_of(data), raw=data)
