"""The Pearson plugin through the command line, as a user runs it."""

from __future__ import annotations

import json

from tests.conftest import assert_valid

SPEC = "specs/pearson-btec-l1-principles-customer-service-issue2.txt"
XML = "specs-extra/pearson-btec-first-unit1-patterns-of-child-development.xml"


def test_parse_json_is_valid_and_deterministic(corpus, qualcli):
    first = qualcli("parse", corpus / SPEC, "--format", "json")
    assert first.code == 0, first.stderr
    data = json.loads(first.stdout)
    assert_valid(data)
    assert data["source"]["plugin"] == "pearson-btec-specialist" and len(data["units"]) == 10
    assert len(data["mappings"]) == 7
    assert qualcli("parse", corpus / SPEC, "--format", "json").stdout == first.stdout


def test_parse_xml_to_a_file_and_read_it_back(corpus, qualcli, tmp_path):
    out = tmp_path / "unit1.yaml"
    result = qualcli("parse", corpus / XML, "-o", out)
    assert result.code == 0, result.stderr
    shown = qualcli("show", out)
    assert shown.code == 0, shown.stderr
    assert "Patterns of Child Development" in shown.stdout and "Y/504/1172" in shown.stdout


def test_plugins_lists_the_parsers_and_the_xml_reader(qualcli):
    result = qualcli("plugins")
    assert result.code == 0
    for name in ("pearson-btec-specialist", "pearson-btec-unit", "pearson-unit-xml", "xml (.xml)"):
        assert name in result.stdout


def test_non_pearson_xml_is_not_claimed(tmp_path, qualcli):
    path = tmp_path / "feed.xml"
    path.write_text("<rss><channel><title>News</title></channel></rss>", encoding="utf-8")
    result = qualcli("parse", path)
    assert result.code == 2 and "pearson-unit-xml 0.00" in result.stderr and "Traceback" not in result.stderr


def test_registering_the_plugin_imports_no_heavy_library():
    import subprocess
    import sys

    code = (
        "import sys, qualcli_pearson.plugin as p\n"
        "p.register_parsers(register=lambda o: None); p.register_readers(register=lambda o: None)\n"
        "heavy = ('pdfplumber', 'pypdf', 'docx', 'openpyxl', 'jsonschema', 'ruamel', 'rich', 'defusedxml')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_xml_reader_is_registered_by_its_own_name_and_suffixes():
    from qualcli.plugins import readers
    from qualcli_pearson.xml_reader import XmlReader

    registered = readers()[".xml"]
    assert (registered.name, registered.suffixes) == (XmlReader.name, XmlReader.suffixes)
