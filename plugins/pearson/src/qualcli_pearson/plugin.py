"""The Pearson plugin's hooks: what it registers with qualcli.

- parsers (body ``pearson``): BTEC Specialist specifications, BTEC
  First/National unit documents, and Pearson unit XML;
- a reader for ``.xml`` files (format ``xml``), hardened against entity
  expansion, keeping the raw bytes for the XML parser.
"""

from __future__ import annotations

from qualcli.api import hookimpl


@hookimpl
def register_parsers(register):
    from qualcli_pearson.btec_unit.document import UnitDocumentParser
    from qualcli_pearson.btec_unit.xml_unit import UnitXmlParser
    from qualcli_pearson.specialist.parser import SpecialistParser

    register(SpecialistParser())
    register(UnitDocumentParser())
    register(UnitXmlParser())


@hookimpl
def register_readers(register):
    from qualcli_pearson.xml_reader import XmlReader

    register(XmlReader())
