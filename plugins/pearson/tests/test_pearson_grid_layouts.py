"""BTEC First grids in the layouts Pearson's authoring tools write, with units of our own.

- unit XML: a ``<criteriagradegrid>`` whose cells only point (``acid``) at
  ``<assessmentcriteria>`` elements holding the ref in ``<title>`` and the
  wording as HTML in ``<criteria>``; the ``<criteriacovered>`` list under aim
  A names one of B's criteria; bare "#" / "*" marks after the wording;
- Word draft: aims listed "a.<tab>understand …" (lettered A, A, B by
  mistake), then the grid split over two tables that repeat the header, with
  the Merit and Distinction cells merged down over an aim's two rows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcli.diagnostics import diagnose
from qualcli.loading import load_spec
from qualcli.testing import assert_valid_spec

CRITERIA = {
    "1A.1": "Name two kinds of pond plant.",
    "2A.P1": "Describe how pond plants keep water clear.",
    "2A.M1": "Explain why some plants must be thinned each year.",
    "2A.D1": "Assess the planting of a pond you have visited.",
    "1B.2": "List the tools used to net a pond.",
    "2B.P2": "Describe a safe way to net leaves from a pond.",
    "2B.M2": "Explain how netting protects fish in autumn.",
    "2B.D2": "Evaluate two ways of keeping leaves out of a pond.",
    "1C.3": "Identify signs of a healthy pond.",
    "2C.P3": "Describe a weekly pond check.",
}
MARKS = {"2A.P1": "#", "2B.M2": "*"}
AIMS = {"A": "Understand how plants keep a pond healthy", "B": "Keep leaves out of a pond", "C": "Check a pond each week"}


def _xml() -> str:
    def grid_cell(ref: str, row: int) -> str:
        return f"<criteriacell><rownum>{row}</rownum><rowspan>1</rowspan><assessmentcriteria acid=\"T_000_0003.{ref}\"/></criteriacell>"

    columns = "".join(
        f"<criteriacolumn><columnnum>{n}</columnnum><title/><grade><value>{grade}</value></grade>"
        + "".join(grid_cell(ref, row) for row, ref in enumerate(refs, start=1))
        + "</criteriacolumn>"
        for n, (grade, refs) in enumerate(
            [("Pre-Level", ["1A.1", "1B.2", "1C.3"]), ("Pass", ["2A.P1", "2B.P2", "2C.P3"]), ("Merit", ["2A.M1", "2B.M2"]), ("Distinction", ["2A.D1", "2B.D2"])],
            start=1,
        )
    )
    objectives = "".join(
        f'<learningobjective loid="T.LO{letter}"><title>{letter}</title><learningobjectivetext>{text}</learningobjectivetext>'
        + "".join(f'<criteriacovered acid="T_000_0003.{ref}"/>' for ref in CRITERIA if ref[1] == letter or (letter == "A" and ref == "2B.P2"))
        + "</learningobjective>"
        for letter, text in AIMS.items()
    )
    elements = "".join(
        f'<assessmentcriteria acid="T_000_0003.{ref}"><title>{ref}</title>'
        f"<criteria><![CDATA[<p>\t{text}\n{MARKS.get(ref, '')}</p>]]></criteria><pltsvalue><key/></pltsvalue></assessmentcriteria>"
        for ref, text in CRITERIA.items()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<unit unitid="T_000_0003"><uan>T/000/0003</uan><unitnumber>4</unitnumber>'
        "<title>Looking After a Garden Pond</title><glh><glhvalue>30</glhvalue></glh><level>1 and 2</level>"
        f'<assessmentmode id="">Internal</assessmentmode>{objectives}<criteriagradegrid>{columns}</criteriagradegrid>{elements}</unit>\n'
    )


def _docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    for text in ("Unit 4: Looking After a Garden Pond", "Level: 1 and 2", "Unit type: Optional", "Guided learning hours: 30", "Learning aims", "In this unit you will:"):
        document.add_paragraph(text)
    for letter, text in zip("AAB", AIMS.values()):  # lettered A, A, B by mistake
        document.add_paragraph(f"{letter.lower()}.\t{text[0].lower()}{text[1:]}.")
    document.add_paragraph("Assessment criteria")
    for aims in (("A", "B"), ("C",)):
        rows = [["Level 1", "Level 2 Pass", "Level 2 Merit", "Level 2 Distinction"]]
        for letter in aims:
            rows.append([f"Learning aim {letter}: {AIMS[letter]}", "", "", ""])
            level1 = [ref for ref in CRITERIA if ref.startswith(f"1{letter}")]
            passes = [ref for ref in CRITERIA if ref.startswith(f"2{letter}.P")]
            merit = [ref for ref in CRITERIA if ref.startswith(f"2{letter}.M")]
            distinction = [ref for ref in CRITERIA if ref.startswith(f"2{letter}.D")]
            for index in range(max(len(level1), len(passes), 2)):
                first = index == 0  # Merit and Distinction are written once and merged down the aim's rows
                rows.append([*(_cell(refs, index) for refs in (level1, passes)), _cell(merit, 0) if first else "", _cell(distinction, 0) if first else ""])
        table = document.add_table(rows=len(rows), cols=4)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        for r, row in enumerate(rows):
            if row[0].startswith("Learning aim"):
                table.cell(r, 0).merge(table.cell(r, 3))
                for column in (2, 3):
                    if rows[r + 1][column]:
                        table.cell(r + 1, column).merge(table.cell(r + 2, column))
        document.add_paragraph("#Opportunity to assess English skills")
    document.save(path)
    return path


def _cell(refs: list[str], index: int) -> str:
    if index >= len(refs):
        return ""
    return f"{refs[index]} {CRITERIA[refs[index]]} {MARKS.get(refs[index], '')}".strip()


@pytest.fixture(scope="module")
def units(tmp_path_factory):
    folder = tmp_path_factory.mktemp("grids")
    xml = folder / "unit4.xml"
    xml.write_text(_xml(), encoding="utf-8")
    return {"xml": load_spec(xml), "docx": load_spec(_docx(folder / "unit4-draft.docx"))}


@pytest.mark.parametrize("fmt", ["xml", "docx"])
def test_each_criterion_once_under_the_aim_its_ref_names(units, fmt):
    doc = units[fmt]
    assert_valid_spec(doc)
    assert diagnose(doc).problems == []
    (unit,) = doc.units
    assert [aim.ref for aim in unit.learning_outcomes] == list(AIMS)
    got = {c.ref: (aim.ref, c.text) for aim in unit.learning_outcomes for c in aim.criteria}
    assert got == {ref: (ref[1], text) for ref, text in CRITERIA.items()}
    assert sum(len(aim.criteria) for aim in unit.learning_outcomes) == len(CRITERIA)


@pytest.mark.parametrize("fmt", ["xml", "docx"])
def test_skill_marks_are_flags(units, fmt):
    flags = {c.ref: c.flags for aim in units[fmt].units[0].learning_outcomes for c in aim.criteria if c.flags}
    assert flags == {"2A.P1": ["english-skills"], "2B.M2": ["maths-skills"]}


def test_aims_listed_a_a_b_are_lettered_by_place(units):
    doc = units["docx"]
    (unit,) = doc.units
    assert [(aim.ref, aim.text) for aim in unit.learning_outcomes] == list(AIMS.items())
    assert any("learning aim A listed where B was due" in warning for warning in doc.warnings)
