"""``qualcli diff`` on variants of the real corpus documents, built at run time.

Each variant makes one kind of edit to the published text (found through the
parsed model, not by one file's strings) and must be reported as exactly that
edit, at the right place. Layout-only variants (re-wrapped paragraphs, the same
text as DOCX or PDF) must report nothing. Nothing from the corpus is stored in
the repository: variants are written to tmp_path.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from qualcli.diff.compare import diff_documents
from qualcli.diff.normalise import comparable
from qualcli.diff.render_text import render_text
from qualcli.loading import load_spec
from tests.conftest import assert_valid

VTCT = "specs/vtct-cs2d1-l2-diploma-customer-service.txt"
CITY_AND_GUILDS = "specs/cityandguilds-4417-customer-service-v2.8.txt"
PEARSON = "specs/pearson-btec-l1-principles-customer-service-issue2.txt"


class Original:
    """A corpus document: its lines and its parsed model."""

    def __init__(self, path: Path):
        self.path = path
        self.lines = path.read_text(encoding="utf-8").splitlines()
        self.doc = load_spec(path)

    def units_in_full(self):
        return [u for u in self.doc.units if u.learning_outcomes]

    def write(self, folder: Path, lines: list[str], name: str = "variant.txt") -> Path:
        out = folder / name
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return out


def located(old, new, *ignore) -> list[tuple[str, tuple[str, ...]]]:
    """(kind, path) of every change from ``old`` to ``new`` (paths or loaded documents)."""
    old = load_spec(old) if isinstance(old, Path) else old
    new = load_spec(new) if isinstance(new, Path) else new
    return [(c.kind, c.path) for c in diff_documents(old, new, ignore).changes]


def criterion_path(unit, outcome, criterion, *rest) -> tuple[str, ...]:
    return ("units", unit.code, "outcomes", outcome.ref, "criteria", criterion.ref, *rest)


def bump(label: str) -> str:
    """The next label in the same style: "b." -> "c.", "1.2.3." -> "1.2.4."."""
    match = re.search(r"([A-Za-z]|\d+)(\W*)$", label)
    run, tail = match.group(1), match.group(2)
    following = str(int(run) + 1) if run.isdigit() else chr(ord(run) + 1)
    return label[: match.start()] + following + tail


def replace_label(line: str, label: str, new_label: str) -> str:
    index = line.index(label)
    return line[:index] + new_label + line[index + len(label):]


def new_first_criterion(printed: str, renumbered: str, label: str, text: str) -> list[str]:
    """Lines for a criterion inserted before the one ``printed`` with ``label`` (now ``renumbered``).

    In a table whose first row also carries the outcome (Pearson), the new row
    takes the outcome's cells and the old first row keeps only its own.
    """
    cells = printed.split("\t")
    if label in cells:
        at = cells.index(label)
        new_row = cells[:at] + [label, text] + [""] * (len(cells) - at - 2)
        old_row = [""] * at + renumbered.split("\t")[at:]
        return ["\t".join(new_row), "\t".join(old_row)]
    return [printed[: printed.index(label) + len(label)] + " " + text, renumbered]


def renumber_mentions(lines: list[str], original: Original, unit, refs: dict[str, str]) -> None:
    """Renumber "criterion 2.3"-style mentions in the unit's prose (Pearson's assessment guidance)."""
    units = original.units_in_full()
    start = unit.learning_outcomes[0].criteria[0].line
    following = units[units.index(unit) + 1:]
    end = following[0].learning_outcomes[0].criteria[0].line if following else len(lines)
    mention = re.compile(r"(?<![\d.])(" + "|".join(map(re.escape, refs)) + r")(?![\d])")
    rows = {c.line - 1 for o in unit.learning_outcomes for c in o.criteria}
    for i in range(start, end):
        if i not in rows and "criteri" in lines[i].lower():
            lines[i] = mention.sub(lambda m: refs[m.group(1)], lines[i])


def cell_rows(lines: list[str], *cells: str) -> list[int]:
    """Indexes of table rows that have all of ``cells`` as whole cells."""
    return [i for i, line in enumerate(lines) if "\t" in line and all(c in line.split("\t") for c in cells)]


def guidance_block(lines: list[str], criterion) -> list[int]:
    """Indexes of the criterion's guidance paragraph(s) under a heading with its number, if printed so."""
    if not criterion.guidance:
        return []
    heading = criterion.source_ref.rstrip(".")
    start = next((i for i in range(criterion.line, len(lines)) if lines[i].strip() == heading), None)
    if start is None:
        return []
    block, guidance = [start], comparable(criterion.guidance)
    for i in range(start + 1, len(lines)):
        text = lines[i].strip()
        if text and comparable(text) not in guidance:
            break
        block.append(i)
    return block


def rewrap(lines: list[str], width: int = 60) -> list[str]:
    """Every paragraph (not table rows) re-wrapped at ``width`` columns."""
    out = []
    for line in lines:
        if "\t" in line or len(line) <= width:
            out.append(line)
        else:
            out.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
    return out


@pytest.fixture(scope="module")
def vtct(corpus) -> Original:
    return Original(corpus / VTCT)


@pytest.fixture(scope="module")
def cityandguilds(corpus) -> Original:
    original = Original(corpus / CITY_AND_GUILDS)
    if original.doc.body != "cityandguilds":
        pytest.fail(f"the City & Guilds handbook was parsed by {original.doc.source.plugin}")
    return original


@pytest.fixture(scope="module")
def pearson(corpus) -> Original:
    return Original(corpus / PEARSON)


@pytest.fixture(params=["vtct", "cityandguilds", "pearson"])
def original(request) -> Original:
    return request.getfixturevalue(request.param)


# --- layout is not content -----------------------------------------------------------------


def test_document_against_itself_reports_nothing(original):
    assert located(original.doc, load_spec(original.path)) == []


def test_its_own_parsed_spec_reports_nothing(original, tmp_path, qualcli):
    parsed = tmp_path / "spec.json"
    assert qualcli("parse", original.path, "--format", "json", "-o", parsed).code == 0
    result = qualcli("diff", parsed, original.path, "--exit-code")
    assert result.code == 0, result.stdout + result.stderr
    assert result.stdout.rstrip().endswith("No differences.")


def test_rewrapped_paragraphs_report_nothing(original, tmp_path):
    assert located(original.doc, original.write(tmp_path, rewrap(original.lines))) == []


def test_own_docx_and_pdf_renderings_report_nothing(original, tmp_path):
    from tests.support.render import docx_to_pdf, text_to_docx

    docx = text_to_docx("\n".join(original.lines), tmp_path / "spec.docx")
    assert located(original.doc, docx) == []
    assert located(original.doc, docx_to_pdf(docx, tmp_path / "spec.pdf")) == []


# --- one edit, reported as exactly that edit ------------------------------------------------


def test_reworded_criterion(original, tmp_path):
    unit = original.units_in_full()[0]
    outcome = unit.learning_outcomes[-1]
    criterion = outcome.criteria[0]
    first = criterion.text.split()[0]
    lines = list(original.lines)
    index = criterion.line - 1
    lines[index] = lines[index].replace(f"{first} ", f"{first} and record ", 1)
    report = diff_documents(original.doc, load_spec(original.write(tmp_path, lines)))
    assert [(c.kind, c.path) for c in report.changes] == [("changed", criterion_path(unit, outcome, criterion, "text"))]
    assert report.changes[0].new.startswith(f"{first} and record ")


def test_edit_found_across_formats_old_pdf_new_docx(vtct, tmp_path):
    from tests.support.render import text_to_docx, text_to_pdf

    unit = vtct.units_in_full()[-1]
    outcome = unit.learning_outcomes[0]
    criterion = outcome.criteria[-1]
    lines = list(vtct.lines)
    lines[criterion.line - 1] = lines[criterion.line - 1].rstrip() + " in writing"
    old_pdf = text_to_pdf("\n".join(vtct.lines), tmp_path / "old.pdf")
    new_docx = text_to_docx("\n".join(lines), tmp_path / "new.docx")
    report = diff_documents(load_spec(old_pdf), load_spec(new_docx))
    assert [(c.kind, c.path) for c in report.changes] == [("changed", criterion_path(unit, outcome, criterion, "text"))]
    assert report.changes[0].new.endswith(" in writing")


def test_deleted_criterion(original, tmp_path):
    unit = original.units_in_full()[0]
    outcome = next(o for o in unit.learning_outcomes if len(o.criteria) >= 2)
    criterion = outcome.criteria[-1]
    lines = list(original.lines)
    for index in sorted([criterion.line - 1, *guidance_block(lines, criterion)], reverse=True):
        del lines[index]
    assert located(original.doc, original.write(tmp_path, lines)) == [
        ("removed", criterion_path(unit, outcome, criterion))]


def test_inserted_criterion_renumbers_the_rest(original, tmp_path):
    unit = original.units_in_full()[0]
    outcome = next(o for o in unit.learning_outcomes if len(o.criteria) >= 3)
    lines = list(original.lines)
    for criterion in reversed(outcome.criteria):  # last first, so each heading is renumbered once
        index = criterion.line - 1
        lines[index] = replace_label(lines[index], criterion.source_ref, bump(criterion.source_ref))
        heading = criterion.source_ref.rstrip(".")  # a guidance paragraph headed by the criterion's number
        for i in range(index + 1, len(lines)):
            if lines[i].strip() == heading:
                lines[i] = lines[i].replace(heading, bump(heading))
                break
    renumber_mentions(lines, original, unit, {c.ref: bump(c.ref) for c in outcome.criteria})
    first = outcome.criteria[0]
    lines.insert(first.line - 1, "")
    lines[first.line - 1: first.line + 1] = new_first_criterion(
        original.lines[first.line - 1], lines[first.line], first.source_ref,
        "Check that the service area is ready before customers arrive")
    changes = located(original.doc, original.write(tmp_path, lines))
    new_path = criterion_path(unit, outcome, first)
    assert changes[0] == ("added", new_path)
    moves = [(kind, path[-1]) for kind, path in changes[1:]]
    assert moves == [("moved", bump(c.ref)) for c in outcome.criteria]


def test_renamed_unit(original, tmp_path):
    unit = original.units_in_full()[1]
    # the title as a cell or line of its own, or after the unit's number ("Unit 2: Title")
    names = re.compile(rf"((?:.*\b{re.escape(unit.code)}\W*\s)?{re.escape(unit.title)})\s*")
    lines = ["\t".join(names.sub(r"\1 and its delivery", cell) if names.fullmatch(cell) else cell
                       for cell in line.split("\t"))
             for line in original.lines]
    report = diff_documents(original.doc, load_spec(original.write(tmp_path, lines)))
    changed = [(c.kind, c.path, c.new) for c in report.changes]
    namesakes = [u.code for u in original.doc.units if u.title == unit.title]  # City & Guilds: 202 and 272
    assert changed == [("changed", ("units", code, "title"), f"{unit.title} and its delivery") for code in namesakes]


def test_changed_credits_and_glh(vtct, tmp_path):
    unit = vtct.units_in_full()[1]
    lines = list(vtct.lines)
    (row,) = cell_rows(lines, unit.code, unit.urn)
    header = next(lines[i].split("\t") for i in range(row, 0, -1) if "GLH" in lines[i])
    cells = lines[row].split("\t")
    credit_col = next(i for i, h in enumerate(header) if "credit" in h.lower())
    glh_col = header.index("GLH")
    cells[credit_col], cells[glh_col] = str(unit.credits + 1), str(unit.glh + 5)
    lines[row] = "\t".join(cells)
    # the unit's own page repeats both figures under their labels
    end = min((u.line for u in vtct.units_in_full() if u.line > unit.line), default=len(lines))
    labels = {"credit value": str(unit.credits + 1), "glh": str(unit.glh + 5)}
    pending = None
    for i in range(unit.line - 1, end - 1):
        text = lines[i].strip()
        if text.lower() in labels:
            pending = text.lower()
        elif text and pending:
            lines[i] = labels.pop(pending)
            pending = None
    assert not labels, "unit page figures not found"
    assert located(vtct.doc, vtct.write(tmp_path, lines)) == [
        ("changed", ("units", unit.code, "credits")), ("changed", ("units", unit.code, "glh"))]


def test_changed_qualification_credits_and_glh(vtct, tmp_path):
    qualification = vtct.doc.qualifications[0]
    figures = {"credit value": (qualification.credits, qualification.credits + 5),
               "guided learning hours": (qualification.glh, qualification.glh + 20)}
    lines = list(vtct.lines)
    for i, line in enumerate(lines):  # "Credit value: 45", "Guided learning hours (GLH): 245"
        label, _, value = line.partition(":")
        for name, (old, new) in figures.items():
            if label.lower().startswith(name) and value.strip() == str(old):
                lines[i] = f"{label}: {new}"
    assert located(vtct.doc, vtct.write(tmp_path, lines)) == [
        ("changed", ("qualifications", qualification.number, "credits")),
        ("changed", ("qualifications", qualification.number, "glh"))]


def test_removed_nos_reference(vtct, tmp_path):
    unit = next(u for u in vtct.units_in_full() if len(u.nos) >= 2)
    ref = unit.nos[-1]
    lines = list(vtct.lines)
    assert ref.code in lines[ref.line - 1]
    del lines[ref.line - 1]
    assert located(vtct.doc, vtct.write(tmp_path, lines)) == [("removed", ("units", unit.code, "nos", ref.code))]


def test_replaced_act_in_guidance(cityandguilds, tmp_path):
    from qualcli.diff.legislation import unit_instruments
    from qualcli.legislation import find_references
    from qualcli.legislation.annotate import annotate
    from qualcli.model import iter_unit_texts

    candidates = ["Consumer Rights Act 2015", "Equality Act 2010", "Freedom of Information Act 2000", "Computer Misuse Act 1990"]
    replacements = {find_references(text)[0].instrument: text for text in candidates}
    assert None not in replacements, "a replacement Act is missing from the legislation table"
    annotate(cityandguilds.doc)
    for unit in cityandguilds.units_in_full():
        cited = unit_instruments(unit)
        counts = {}
        for piece in iter_unit_texts(unit):
            for ref in find_references(piece.text):
                counts[ref.instrument] = counts.get(ref.instrument, 0) + 1
        once = [k for k, n in counts.items() if n == 1 and k]
        new_id = next((k for k in replacements if k not in cited), None)
        hits = [(c, o, r) for o in unit.learning_outcomes for c in o.criteria for r in find_references(c.guidance or "")
                if r.instrument in once]
        if hits and new_id:
            break
    criterion, outcome, ref = hits[0]
    lines = list(cityandguilds.lines)
    (index,) = [i for i in guidance_block(lines, criterion) if ref.text in lines[i]]
    lines[index] = lines[index].replace(ref.text, replacements[new_id], 1)
    assert located(cityandguilds.doc, cityandguilds.write(tmp_path, lines)) == [
        ("changed", criterion_path(unit, outcome, criterion, "guidance")),
        ("removed", ("units", unit.code, "legislation", ref.instrument)),
        ("added", ("units", unit.code, "legislation", new_id)),
    ]


def test_unit_moved_to_another_rule_group(vtct, tmp_path):
    qualification = vtct.doc.qualifications[0]
    source, target = next((g, h) for g, h in zip(qualification.rules[1:], qualification.rules[2:]) if len(g.units) >= 2)
    code = source.units[-1]
    unit, last = vtct.doc.unit(code), vtct.doc.unit(target.units[-1])
    lines = list(vtct.lines)
    # every table that lists units by group: move the unit's row after the target group's last row
    for moving, anchor in ((cell_rows(lines, code, unit.urn), cell_rows(lines, last.code, last.urn)),
                           (cell_rows(lines, code, unit.title), cell_rows(lines, last.code, last.title))):
        for row, after in zip(moving, anchor):
            text = lines.pop(row)
            lines.insert(after if after > row else after + 1, text)
    changes = diff_documents(vtct.doc, load_spec(vtct.write(tmp_path, lines))).changes
    assert [(c.kind, c.path, c.old, c.new) for c in changes] == [
        ("moved", ("qualifications", qualification.number, "rules", target.name, "units", code), source.name, target.name)]


def test_edited_guidance_bullet(cityandguilds, tmp_path):
    lines = list(cityandguilds.lines)
    counts = {}
    for line in lines:
        counts[line] = counts.get(line, 0) + 1
    target = None
    for unit in cityandguilds.units_in_full():
        for outcome in unit.learning_outcomes:
            for criterion in outcome.criteria:
                for i, line in enumerate(lines):
                    item = line[2:].strip()
                    if (line.startswith("- ") and counts[line] == 1 and len(item.split()) >= 3
                            and criterion.guidance and item in criterion.guidance and i > criterion.line):
                        target = (unit, outcome, criterion, i)
                        break
                if target:
                    break
            if target:
                break
    assert target, "no guidance bullet found"
    unit, outcome, criterion, index = target
    lines[index] = lines[index] + " and by recorded video"
    report = diff_documents(cityandguilds.doc, load_spec(cityandguilds.write(tmp_path, lines)))
    assert [(c.kind, c.path) for c in report.changes] == [("changed", criterion_path(unit, outcome, criterion, "guidance"))]
    assert "{+and by recorded video+}" in render_text(report)


# --- the City & Guilds 2.8 change log, checked against a reconstruction of 2.7 -------------

# What the handbook's own version table says 2.8 added to the guidance: (unit, criterion, words added).
CHANGES_IN_2_8 = [
    ("201", "1.10", "social networking sites"),
    ("201", "2.5", "feedback submitted online eg: product or service reviews"),
    ("201", "3.2", "online chat"),
    ("202", "3.1", "instant chat"),
    ("272", "1.6", "social networking sites"),
    ("272", "3.1", "instant chat"),
    ("272", "4.1", "feedback submitted online eg: product or service reviews"),
    ("301", "2.2", "online chat"),
    ("302", "2.3", "social media networks"),
]


def without(line: str, phrase: str) -> str | None:
    """``line`` as it read before ``phrase`` was added: None when the line itself was the addition."""
    lowered = line.lower()
    start = lowered.index(phrase)
    if re.sub(r"^[-•○\s]*", "", lowered).startswith(phrase):  # a bullet or paragraph of its own
        return None
    end = start + len(phrase)
    before = line[:start].rstrip()
    for joiner in (",", " and", " or"):
        if before.endswith(joiner):
            before = before[: -len(joiner)]
            break
    return (before + line[end:]).rstrip() if line[end:].strip() else before


def reconstruct_2_7(original: Original) -> list[str]:
    """The handbook with the guidance additions of 2.8 taken out again."""
    lines = list(original.lines)
    drop: list[int] = []
    for code, ref, phrase in CHANGES_IN_2_8:
        unit = original.doc.unit(code)
        criterion = next(c for o in unit.learning_outcomes for c in o.criteria if c.ref == ref)
        hits = [i for i in guidance_block(lines, criterion) if phrase in lines[i].lower()]
        assert hits, f"{code} {ref}: {phrase!r} not found in its guidance"
        for i in hits:
            shorter = without(lines[i], phrase)
            if shorter is None:
                drop.append(i)
            else:
                lines[i] = shorter
    return [line for i, line in enumerate(lines) if i not in drop]


def test_changes_listed_in_the_2_8_version_table(cityandguilds, tmp_path, qualcli):
    older = cityandguilds.write(tmp_path, reconstruct_2_7(cityandguilds), "handbook-2.7.txt")
    report = diff_documents(load_spec(older), cityandguilds.doc)
    expected = []
    for code, ref, _phrase in CHANGES_IN_2_8:
        outcome = ref.split(".")[0]
        expected.append(("changed", ("units", code, "outcomes", outcome, "criteria", ref, "guidance")))
    assert [(c.kind, c.path) for c in report.changes] == expected
    for change, (_code, _ref, phrase) in zip(report.changes, CHANGES_IN_2_8):
        assert phrase in change.new.lower() and phrase not in change.old.lower()
    assert "local/national radio advertisements{+, social networking sites+}." in render_text(report)
    assert_valid(report.to_dict(), "diff")
    assert diff_documents(load_spec(older), cityandguilds.doc, ["guidance"]).changes == []
    markdown = qualcli("diff", older, cityandguilds.path, "--format", "markdown", "--exit-code")
    assert markdown.code == 1, markdown.stderr
    assert "## Unit 201\n" in markdown.stdout
    assert "local/national radio advertisements **, social networking sites**." in markdown.stdout
