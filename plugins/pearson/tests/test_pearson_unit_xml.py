"""Pearson unit XML: the real file, criteria where the XML has them, and hostile XML refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcli.errors import UnreadableDocument
from qualcli.loading import load_spec
from qualcli.testing import assert_valid_spec
from tests.conftest import assert_one_line_error

XML = "specs-extra/pearson-btec-first-unit1-patterns-of-child-development.xml"

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<unit><uan>A/000/0001</uan><unitnumber>1</unitnumber><title>&lol9;</title></unit>
"""

# An invented unit in Pearson's XML layout, with an assessment-criteria grid.
GRADED_UNIT = """<?xml version="1.0" encoding="UTF-8"?>
<unit unitid="T_000_0001">
  <uan>T/000/0001</uan>
  <unitnumber>3</unitnumber>
  <title>Caring for Allotment Tools</title>
  <description><![CDATA[<p>Tools last longer when they are cleaned and stored well.</p>]]></description>
  <glh><glhvalue>30</glhvalue></glh>
  <level>1 and 2</level>
  <assessmentmode id="">Internal</assessmentmode>
  <learningobjective loid="T.LOA"><title>A</title><learningobjectivetext>Know how to clean hand tools</learningobjectivetext></learningobjective>
  <learningobjective loid="T.LOB"><title>B</title><learningobjectivetext>Store tools safely</learningobjectivetext></learningobjective>
  <unitcontent>
    <unitsection sid="T.LOA">
      <title>Learning aim A: Know how to clean hand tools</title>
      <sectiontext><![CDATA[<p><b>Topic A.1 Cleaning</b></p><ul><li>Brushing off soil.</li><li>Oiling blades.</li></ul>]]></sectiontext>
    </unitsection>
    <unitsection sid="T.LOB">
      <title>Learning aim B: Store tools safely</title>
      <sectiontext><![CDATA[<p><b>Topic B.1 Storage</b></p><p>Racks, hooks and locked sheds.</p>]]></sectiontext>
    </unitsection>
  </unitcontent>
  <assessmentcriteria>
    <criterion code="1A.1"><text>Name two tools that need oiling.</text></criterion>
    <criterion code="2A.P1"><text>Describe how to clean a spade.</text></criterion>
    <criterion code="2A.M1"><text>Explain why blades are oiled.</text></criterion>
    <criterion code="2B.D1"><text>Evaluate two ways of storing tools.</text></criterion>
  </assessmentcriteria>
</unit>
"""


def test_real_unit_xml_gives_the_expected_unit(corpus, expected):
    doc = load_spec(corpus / XML)
    facts = expected[XML]
    assert doc.body == facts["body"] and doc.source.format == "xml" and doc.source.plugin == "pearson-unit-xml"
    assert_valid_spec(doc)
    (unit,) = doc.units
    want = facts["units"][unit.code]
    assert (unit.urn, unit.title, unit.level, unit.glh) == (want["urn"], want["title"], want["level"], want["glh"])
    assert unit.assessment == [want["assessment"]]
    assert [aim.ref for aim in unit.learning_outcomes] == want["learning_aims"]
    assert all(aim.kind == "learning_aim" for aim in unit.learning_outcomes)
    assert unit.learning_outcomes[0].text == "Understand growth and development in children"
    topics = [(t.ref, t.title) for aim in unit.learning_outcomes for t in aim.content]
    assert topics[0] == ("A.1", "Growth and development") and [r for r, _ in topics] == ["A.1", "B.1", "C.1"]
    growth = unit.learning_outcomes[0].content[0].text.splitlines()
    assert growth[0] == "Growth" and growth[1].startswith("- Key aspects of children")
    assert unit.aim.startswith("Every child is special and unique")
    assert "<p>" not in unit.aim and "continued" not in unit.learning_outcomes[0].content[0].text


def test_graded_criteria_in_xml_go_to_their_aims(tmp_path: Path):
    path = tmp_path / "unit3.xml"
    path.write_text(GRADED_UNIT, encoding="utf-8")
    doc = load_spec(path)
    assert_valid_spec(doc)
    aim_a, aim_b = doc.units[0].learning_outcomes
    assert [(c.ref, c.grade) for c in aim_a.criteria] == [("1A.1", "pass"), ("2A.P1", "pass"), ("2A.M1", "merit")]
    assert [(c.ref, c.grade, c.text) for c in aim_b.criteria] == [
        ("2B.D1", "distinction", "Evaluate two ways of storing tools.")
    ]
    assert aim_a.content[0].text == "- Brushing off soil.\n- Oiling blades."


def test_billion_laughs_is_refused_in_one_line(tmp_path: Path, qualcli):
    path = tmp_path / "laughs.xml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    with pytest.raises(UnreadableDocument, match="XML refused"):
        load_spec(path)
    assert_one_line_error(qualcli("parse", path), "laughs.xml", "XML refused", "entity")


def test_malformed_xml_names_the_place(tmp_path: Path, qualcli):
    path = tmp_path / "broken.xml"
    path.write_text("<unit><uan>A/000/0001</uan>\n<title>Open</unit>", encoding="utf-8")
    assert_one_line_error(qualcli("parse", path), "broken.xml", "not well-formed XML at line 2")


def test_external_entity_is_refused(tmp_path: Path, qualcli):
    path = tmp_path / "xxe.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE unit [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
        "<unit><uan>A/000/0001</uan><title>&secret;</title></unit>\n",
        encoding="utf-8",
    )
    result = qualcli("parse", path)
    assert_one_line_error(result, "xxe.xml", "XML refused")
    assert "root:" not in result.stdout
