"""The Pearson plugin's hooks: what it registers with qualcli.

- parsers (body ``pearson``): BTEC Specialist specifications, BTEC
  First/National unit documents, and Pearson unit XML;
- a reader for ``.xml`` files (format ``xml``), hardened against entity
  expansion, keeping the raw bytes for the XML parser.
"""

from __future__ import annotations

import importlib

from qualcli.api import hookimpl

_DOCUMENTS = ("txt", "md", "pdf", "docx", "html")


class PearsonParser:
    """One of Pearson's layouts: rated by its marks (:mod:`qualcli_pearson.detect`), its module imported only to parse.

    Every document is rated by every parser, so rating must not import the
    layout's whole parser (most documents are not Pearson's).
    """

    body = "pearson"

    def __init__(self, name: str, formats: tuple[str, ...], rate: str, layout: str) -> None:
        self.name = name
        self.formats = formats
        self._rate = rate  # the name of the rating function in qualcli_pearson.detect
        self._layout = layout  # "module:Class" of the layout's parser

    def confidence(self, source):
        """How sure we are that ``source`` is in this layout."""
        from qualcli_pearson import detect

        return getattr(detect, self._rate)(source)

    def parse(self, source):
        """The document as a SpecDocument, read by the layout's parser."""
        module, name = self._layout.split(":")
        return getattr(importlib.import_module(module), name)().parse(source)


@hookimpl
def register_parsers(register):
    register(PearsonParser("pearson-btec-specialist", _DOCUMENTS, "specialist_confidence", "qualcli_pearson.specialist.parser:SpecialistParser"))
    register(PearsonParser("pearson-btec-unit", _DOCUMENTS, "unit_document_confidence", "qualcli_pearson.btec_unit.document:UnitDocumentParser"))
    register(PearsonParser("pearson-unit-xml", ("xml",), "unit_xml_confidence", "qualcli_pearson.btec_unit.xml_unit:UnitXmlParser"))


@hookimpl
def register_readers(register):
    from qualcli.api import LazyReader

    register(LazyReader("xml", (".xml",), "qualcli_pearson.xml_reader:XmlReader"))  # imported to read a file
