"""``qualcli diff`` as a user runs it, on the invented bakery specs in tests/fixtures/diff."""

from __future__ import annotations

import io
import json

import pytest

from tests.conftest import FIXTURES, assert_one_line_error, assert_valid
from tests.support.inprocess import run_in_process

OLD = FIXTURES / "diff" / "bakery-v1.yaml"
NEW = FIXTURES / "diff" / "bakery-v2.yaml"
CRITERION_14 = ["units", "BK01", "outcomes", "1", "criteria", "1.4"]


@pytest.fixture(scope="module")
def report():
    result = run_in_process("diff", OLD, NEW, "--format", "json")
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


def test_json_report_follows_the_schema(report):
    assert_valid(report, "diff")
    assert report["old"] == {"path": "bakery-v1.txt", "format": "txt", "body": "vtct", "version": "1"}


def test_json_report_locates_every_edit(report):
    found = {(c["kind"], tuple(c["path"])) for c in report["changes"]}
    assert found == {
        ("changed", ("version",)),
        ("added", ("version_history", "2")),
        ("changed", ("qualifications", "600/0001/1", "credits")),
        ("changed", ("qualifications", "600/0001/1", "glh")),
        ("moved", ("qualifications", "600/0001/1", "rules", "A", "units", "BK03")),
        ("removed", ("units", "BK01", "nos", "BKS02")),
        ("added", ("units", "BK01", "nos", "BKS03")),
        ("added", ("units", "BK01", "outcomes", "1", "criteria", "1.2")),
        ("moved", ("units", "BK01", "outcomes", "1", "criteria", "1.3")),
        ("moved", tuple(CRITERION_14)),
        ("changed", (*CRITERION_14, "text")),
        ("changed", (*CRITERION_14, "guidance")),
        ("changed", ("units", "BK02", "outcomes", "1", "criteria", "1.1", "guidance")),
        ("changed", ("units", "BK03", "credits")),
        ("changed", ("units", "BK03", "glh")),
        ("removed", ("units", "BK03", "outcomes", "1", "criteria", "1.2")),
        ("moved", ("units", "BK07")),
        ("changed", ("units", "BK07", "title")),
    }
    assert report["summary"]["by_kind"] == {"added": 3, "removed": 2, "changed": 9, "moved": 4}
    assert report["summary"]["by_unit"] == {"BK01": 7, "BK02": 1, "BK03": 3, "BK07": 2}
    moved = next(c for c in report["changes"] if c["path"] == CRITERION_14)
    assert (moved["old_path"], moved["old"], moved["new"]) == (["units", "BK01", "outcomes", "1", "criteria", "1.3"], "1.3", "1.4")


def test_text_shows_wording_word_by_word_without_colour_when_piped(qualcli):
    result = qualcli("diff", OLD, NEW)
    assert result.code == 0, result.stderr
    assert "\x1b[" not in result.stdout
    assert "changed  unit BK01 › outcome 1 › criterion 1.4 › guidance\n" in result.stdout
    assert "Use paper bags for crusty bread and {+chilled+} boxes for cream cakes." in result.stdout
    assert "Refer to the Food Safety Act 1990{+, the Natasha's Law allergen rules+} and" in result.stdout
    assert "moved    unit BK07\n         from unit BK04\n" in result.stdout
    assert result.stdout.rstrip().endswith("18 changes: 3 added, 2 removed, 9 changed, 4 moved; unit BK01: 7, unit BK02: 1, unit BK03: 3, unit BK07: 2")


def test_markdown_marks_deleted_and_inserted_words(qualcli):
    result = qualcli("diff", OLD, NEW, "--format", "markdown")
    assert result.code == 0, result.stderr
    assert "## Unit BK07\n\n- **moved** unit BK07: from unit BK04\n- **changed** title: Keep the shop window attractive **and safe**\n" in result.stdout
    assert "- **changed** credits: ~~2~~ **3**" in result.stdout
    assert "| BK01 | 7 |" in result.stdout


def test_exit_code_option(qualcli):
    assert qualcli("diff", OLD, NEW, "--exit-code").code == 1
    same = qualcli("diff", OLD, OLD, "--exit-code")
    assert same.code == 0
    assert same.stdout.rstrip().endswith("No differences.")
    assert qualcli("diff", OLD, NEW).code == 0


def test_ignore_leaves_fields_out(qualcli):
    result = qualcli("diff", OLD, NEW, "--format", "json", "--ignore", "guidance", "--ignore", "nos",
                     "--ignore", "version_history", "--ignore", "version")
    paths = [c["path"] for c in json.loads(result.stdout)["changes"]]
    assert len(paths) == 12
    assert not [p for p in paths if p[-1] == "guidance" or "nos" in p or p[0].startswith("version")]


def test_output_file(qualcli, tmp_path):
    out = tmp_path / "changes.json"
    result = qualcli("diff", OLD, NEW, "--format", "json", "-o", out)
    assert result.code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["total"] == 18


def test_user_errors_are_one_line(qualcli, tmp_path):
    assert_one_line_error(qualcli("diff", OLD, tmp_path / "missing.yaml"), "missing.yaml", "no such file")
    assert_one_line_error(qualcli("diff", OLD, NEW, "--ignore", "colour"), "--ignore", "colour", "guidance")
    assert_one_line_error(qualcli("diff", OLD, NEW, "-o", tmp_path / "nowhere" / "x.txt"), "output folder does not exist")
    broken = tmp_path / "broken.yaml"
    broken.write_text("body: vtct\nunits: [\n", encoding="utf-8")
    assert_one_line_error(qualcli("diff", broken, NEW), "broken.yaml", "invalid YAML")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    from qualcli.diff.render_text import use_colour

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour(_Terminal()) is True
    assert use_colour(io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_colour(_Terminal()) is False


def test_coloured_word_diff_uses_red_and_green_instead_of_markers():
    from qualcli.diff.changes import Change, DiffReport, DocumentInfo
    from qualcli.diff.render_text import render_text

    side = DocumentInfo(path="x.txt", format="txt", body="vtct")
    change = Change("changed", ("units", "U1", "title"), "Serve hot drinks", "Serve hot and cold drinks")
    text = render_text(DiffReport(side, side, [change]), colour=True)
    assert "Serve hot \x1b[32mand cold\x1b[0m drinks" in text
    assert "{+" not in text and "[-" not in text


def test_long_unchanged_wording_is_elided_around_the_change():
    from qualcli.diff.words import elide, word_diff

    before = " ".join(f"w{i}" for i in range(40))
    after = before.replace("w20", "changed")
    segments = elide(word_diff(before, after))
    assert [s.op for s in segments] == ["equal", "delete", "insert", "equal"]
    assert segments[0].text == "… w12 w13 w14 w15 w16 w17 w18 w19"
    assert segments[3].text == "w21 w22 w23 w24 w25 w26 w27 w28 …"


def test_example_salon_award_versions(qualcli):
    """The two invented VTCT-layout versions in examples/: source documents diffed end to end."""
    from tests.conftest import EXAMPLES

    result = qualcli("diff", EXAMPLES / "salon-reception-2016.txt", EXAMPLES / "salon-reception-2019.txt", "--format", "json")
    assert result.code == 0, result.stderr
    report = json.loads(result.stdout)
    assert_valid(report, "diff")
    found = {(c["kind"], tuple(c["path"])) for c in report["changes"]}
    assert {
        ("changed", ("units", "SRX02", "title")),
        ("changed", ("units", "SRX02", "credits")),
        ("removed", ("units", "SRX02", "legislation", "sale-of-goods-act-1979")),
        ("added", ("units", "SRX02", "legislation", "consumer-rights-act-2015")),
        ("added", ("units", "SRX05")),
        ("removed", ("units", "SRX04")),
    } <= found
    assert not [c for c in report["changes"] if c["kind"] == "moved"]


def test_word_diff_keeps_punctuation_with_its_word():
    from qualcli.diff.render_text import inline
    from qualcli.diff.words import word_diff

    shown = inline(word_diff("Surveys (by telephone or mail).", "Surveys (by telephone or mail) and online reviews."), colour=False)
    assert shown == "Surveys (by telephone or mail) {+and online reviews+}."
