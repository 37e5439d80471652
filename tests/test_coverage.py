"""``qualcli coverage``: criteria against hand-written course materials in five formats."""

from __future__ import annotations

import json

import pytest

from tests.conftest import assert_one_line_error, assert_valid
from tests.support.materials import answer_pairs, assemble, predicted_pairs

CS2D1 = "specs/vtct-cs2d1-l2-diploma-customer-service.txt"


@pytest.fixture(scope="module")
def materials(tmp_path_factory):
    return assemble(tmp_path_factory.mktemp("materials"))


@pytest.fixture(scope="module")
def spec_json(corpus, tmp_path_factory):
    """The CS2D1 book parsed once for the module (the commands accept parsed specs)."""
    from qualcli.loading import load_spec

    path = tmp_path_factory.mktemp("spec") / "cs2d1.json"
    path.write_text(json.dumps(load_spec(corpus / CS2D1).to_dict()), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def result(spec_json, materials):
    from tests.conftest import run_qualcli

    run = run_qualcli("coverage", spec_json, materials, "--format", "json")
    assert run.code == 0, run.stderr
    return json.loads(run.stdout)


def test_materials_span_the_formats(materials):
    files = sorted(p.name for p in materials.iterdir())
    assert len(files) >= 12
    assert {p.rsplit(".", 1)[1] for p in files} >= {"md", "txt", "html", "docx", "pptx"}


def test_pair_level_precision_and_recall(result):
    key, found = answer_pairs(), predicted_pairs(result)
    hits = len(key & found)
    precision, recall = hits / len(found), hits / len(key)
    print(f"coverage pairs: precision {precision:.3f} recall {recall:.3f} ({hits} of {len(found)} found, {len(key)} expected)")
    assert precision >= 0.85 and recall >= 0.85, (sorted(found - key), sorted(key - found))


def test_unrelated_files_cover_nothing(result):
    paths = {e["path"].rsplit("/", 1)[1] for c in result["criteria"] for e in c["evidence"]}
    assert not paths & {"bread-baking.md", "garden-pond.html", "football-training.pptx", "car-maintenance.txt"}


def test_paraphrase_from_the_issue_counts(result):
    criterion = next(c for c in result["criteria"] if (c["unit"], c["ref"]) == ("UBU23", "2.1"))
    assert criterion["status"] == "covered"
    assert criterion["evidence"][0]["path"].endswith("time-management.md")


def test_schema_summary_and_order(result):
    assert_valid(result, "coverage")
    for unit in result["units"]:
        mine = [c for c in result["criteria"] if c["unit"] == unit["unit"]]
        assert unit["total"] == len(mine) and unit["covered"] == sum(c["status"] == "covered" for c in mine)
    for c in result["criteria"]:
        scores = [e["score"] for e in c["evidence"]]
        assert scores == sorted(scores, reverse=True)
        assert (c["status"] == "covered") == bool(scores)


def test_slides_are_located(result):
    slides = [e for c in result["criteria"] for e in c["evidence"] if e["path"].endswith(".pptx")]
    assert slides and all(e["slide"] >= 1 for e in slides)


def test_text_unit_filter_and_stable_output(qualcli, spec_json, materials):
    first = qualcli("coverage", spec_json, materials, "--unit", "UBU23")
    second = qualcli("coverage", spec_json, materials, "--unit", "UBU23")
    assert first.code == 0 and first.stdout == second.stdout
    lines = first.stdout.splitlines()
    assert lines[0].startswith("UBU23 Manage personal performance and development: ")
    assert any(line.startswith("  ✓ 2.1 ") and "time-management.md" in line for line in lines)
    assert all(not line.startswith(("UBU19", "UBU20")) for line in lines)


def test_csv_and_xlsx(qualcli, spec_json, materials, tmp_path):
    import openpyxl

    csv_out = qualcli("coverage", spec_json, materials, "--unit", "UBU20", "--format", "csv")
    assert csv_out.stdout.splitlines()[0] == "unit,ref,status,score,path,line,page,slide,text"
    book_path = tmp_path / "cov.xlsx"
    assert qualcli("coverage", spec_json, materials, "--format", "xlsx", "-o", book_path).code == 0
    sheet = openpyxl.load_workbook(book_path)["Coverage"]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert header[:4] == ["unit", "ref", "criterion", "status"] and len(header) == 4 + 14


@pytest.mark.parametrize("args, fragment", [
    (("--unit", "NOPE"), "no unit 'NOPE'"),
    (("--format", "xlsx"), "give a file with -o"),
])
def test_usage_errors(qualcli, spec_json, materials, args, fragment):
    assert_one_line_error(qualcli("coverage", spec_json, materials, *args), fragment)


def test_missing_material_is_one_line(qualcli, spec_json, tmp_path):
    assert_one_line_error(qualcli("coverage", spec_json, tmp_path / "missing"), "no such file")


def test_the_issue_example_sentence_teaches_workload_planning(qualcli, spec_json, tmp_path):
    note = tmp_path / "note.md"
    note.write_text("Build a daily to-do list and a weekly planner, putting the most important tasks first.\n", encoding="utf-8")
    data = json.loads(qualcli("coverage", spec_json, note, "--format", "json").stdout)
    covered = [(c["unit"], c["ref"]) for c in data["criteria"] if c["status"] == "covered"]
    assert covered == [("UBU23", "2.1")]


def test_html_matches_the_json_and_is_self_contained(qualcli, spec_json, materials, result, tmp_path):
    from html.parser import HTMLParser

    out = tmp_path / "coverage.html"
    assert qualcli("coverage", spec_json, materials, "--format", "html", "-o", out).code == 0
    text = out.read_text(encoding="utf-8")

    class Cells(HTMLParser):
        def __init__(self):
            super().__init__()
            self.h2: list[str] = []
            self.fetches: list[str] = []
            self._in_h2 = False

        def handle_starttag(self, tag, attrs):
            self._in_h2 = tag == "h2"
            self.fetches += [v for k, v in attrs if k in ("src", "href") and v and not v.startswith("#")]

        def handle_data(self, data):
            if self._in_h2:
                self.h2.append(data)
                self._in_h2 = False

    cells = Cells()
    cells.feed(text)
    assert cells.fetches == []
    for unit in result["units"]:
        assert f"{unit['unit']} {unit['title']}: {unit['covered']}/{unit['total']}" in cells.h2
    assert text.count("✓ covered") == sum(c["status"] == "covered" for c in result["criteria"])
    again = tmp_path / "again.html"
    qualcli("coverage", spec_json, materials, "--format", "html", "-o", again)
    assert again.read_bytes() == out.read_bytes()
