"""The core without any awarding-body plugin: model, plugin contest, spec files, CLI basics."""

from __future__ import annotations

import json
import subprocess
import sys
import types

import pytest

from qualcli.api import Confidence
from qualcli.errors import UnrecognisedDocument
from qualcli.hookspecs import hookimpl
from qualcli.loading import load_spec
from qualcli.model import Criterion, LearningOutcome, NosRef, Qualification, RuleGroup, Source, SpecDocument, Unit
from qualcli.plugins import describe
from qualcli.specfile import dump
from qualcli.testing import assert_valid_spec, registered_plugin
from tests.conftest import assert_one_line_error, run_qualcli


def sample_document() -> SpecDocument:
    return SpecDocument(
        source=Source(path="x.txt", sha256="0" * 64, format="txt"),
        body="demo",
        qualifications=[
            Qualification(
                title="Demo Level 2 Certificate",
                number="600/0000/1",
                level="2",
                credits=12,
                rules=[RuleGroup(name="A", mandatory=True, min_credits=8, units=["D1", "D2"])],
            )
        ],
        units=[
            Unit(
                code="D1",
                title="Greet visitors",
                urn="A/000/0001",
                credits=4,
                nos=[NosRef(code="DEMO1", title="Greet people", suite="Demo (2020)")],
                learning_outcomes=[
                    LearningOutcome(
                        ref="1",
                        text="Be able to greet visitors",
                        kind="performance",
                        criteria=[Criterion(ref="1.1", source_ref="a.", text="Smile", flags=["supplementary-evidence"], line=7)],
                    )
                ],
            )
        ],
    )


class DemoParser:
    """A whole awarding body in a few lines: documents whose first line is 'DEMO BODY'."""

    name = "demo"
    body = "demo"
    formats = ("txt",)

    def confidence(self, source):
        first = source.lines[0].text if source.lines else ""
        return Confidence(0.9, "first line says DEMO BODY") if first == "DEMO BODY" else Confidence(0.0, "no DEMO BODY line")

    def parse(self, source):
        units = [Unit(code=line.text.split()[1], title=line.text.split(" ", 2)[2], line=line.number)
                 for line in source.lines if line.text.startswith("Unit ")]
        return SpecDocument(units=units)  # qualcli sets source and body


demo_plugin = types.SimpleNamespace(register_parsers=hookimpl(lambda register: register(DemoParser())))


def test_model_round_trips_through_plain_data_and_yaml():
    doc = sample_document()
    data = doc.to_dict()
    assert_valid_spec(data)
    assert SpecDocument.from_dict(data) == doc
    assert "mandatory" not in data["units"][0]  # empty/false fields are left out
    assert data["qualifications"][0]["rules"][0]["mandatory"] is True


def test_yaml_and_json_dumps_are_deterministic():
    doc = sample_document()
    assert dump(doc, "yaml") == dump(sample_document(), "yaml")
    assert json.loads(dump(doc, "json")) == doc.to_dict()
    assert list(doc.to_dict()) == ["source", "body", "qualifications", "units"]


def test_plugin_registered_in_process_parses_through_the_cli_path(tmp_path):
    spec = tmp_path / "demo.txt"
    spec.write_text("DEMO BODY\nUnit D9 Keep the till\n", encoding="utf-8")
    with registered_plugin(demo_plugin, name="demo-plugin"):
        doc = load_spec(spec)
        assert any(info.name == "demo-plugin" and info.registered["parsers"] == ["demo (body demo)"] for info in describe())
    assert doc.body == "demo" and doc.source.plugin == "demo"
    assert [(u.code, u.title, u.line) for u in doc.units] == [("D9", "Keep the till", 2)]
    assert_valid_spec(doc)


def test_unrecognised_document_lists_what_each_parser_said(tmp_path):
    prose = tmp_path / "letter.txt"
    prose.write_text("Dear colleague,\nthank you for your letter.\n", encoding="utf-8")
    with registered_plugin(demo_plugin, name="demo-plugin"):
        with pytest.raises(UnrecognisedDocument) as caught:
            load_spec(prose)
    assert "demo 0.00 (no DEMO BODY line)" in str(caught.value)


def test_body_option_forces_and_rejects_unknown_bodies(tmp_path):
    spec = tmp_path / "demo.txt"
    spec.write_text("DEMO BODY\nUnit D1 Open up\n", encoding="utf-8")
    with registered_plugin(demo_plugin, name="demo-plugin"):
        assert load_spec(spec, body="demo").units[0].code == "D1"
        with pytest.raises(Exception, match="unknown awarding body 'nobody'"):
            load_spec(spec, body="nobody")


def test_validate_reports_each_violation_with_its_path(tmp_path, qualcli):
    data = sample_document().to_dict()
    data["units"][0]["learning_outcomes"][0]["criteria"][0]["ref"] = "1 .1"
    del data["units"][0]["title"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(dump(sample_document(), "yaml"), encoding="utf-8")
    result = qualcli("validate", good, bad)
    assert result.code == 2
    assert f"{bad}: units[0]: 'title' is a required property" in result.stdout
    assert f"{bad}: units[0].learning_outcomes[0].criteria[0].ref: '1 .1' does not match" in result.stdout
    assert str(good) not in result.stdout


def test_parsed_spec_files_are_accepted_by_every_command(tmp_path, qualcli):
    spec = tmp_path / "demo.yaml"
    spec.write_text(dump(sample_document(), "yaml"), encoding="utf-8")
    shown = qualcli("show", spec, "D1")
    assert shown.code == 0, shown.stderr
    assert "1.1 (a.) [supplementary-evidence] Smile" in shown.stdout
    assert "NOS DEMO1 Greet people [Demo (2020)]" in shown.stdout
    reparsed = qualcli("parse", spec, "--format", "json")
    assert json.loads(reparsed.stdout) == sample_document().to_dict()


def test_show_names_the_units_when_the_unit_is_unknown(tmp_path, qualcli):
    spec = tmp_path / "demo.yaml"
    spec.write_text(dump(sample_document(), "yaml"), encoding="utf-8")
    assert_one_line_error(qualcli("show", spec, "ZZ9"), str(spec), "no unit 'ZZ9'", "D1")


def test_output_file_is_written_whole_and_never_over_a_directory(tmp_path, qualcli):
    spec = tmp_path / "demo.yaml"
    spec.write_text(dump(sample_document(), "yaml"), encoding="utf-8")
    out = tmp_path / "out.json"
    assert qualcli("parse", spec, "--format", "json", "-o", out).code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["body"] == "demo"
    assert_one_line_error(qualcli("parse", spec, "-o", tmp_path), "output path is a directory")
    assert not list(tmp_path.glob(".*.tmp"))


def test_help_imports_nothing_heavy():
    code = (  # printed at exit: the entry point ends the process itself, after the atexit handlers
        "import atexit, sys, runpy; sys.argv=['qualcli','--help']\n"
        "heavy={'pypdf','pdfplumber','docx','pptx','openpyxl','jsonschema','ruamel','numpy','scipy','rich'}\n"
        "atexit.register(lambda: print(sorted(m for m in heavy if m in sys.modules)))\n"
        "runpy.run_module('qualcli', run_name='__main__')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_usage_errors_are_one_line_with_exit_2():
    """A true subprocess: the process's own exit code and stderr, as a shell sees them."""
    qualcli = run_qualcli
    assert_one_line_error(qualcli("parse"), "Missing argument", "qualcli parse --help")
    assert_one_line_error(qualcli("parse", "x.txt", "--format", "xml"), "--format")
    assert_one_line_error(qualcli("no-such-command"), "No such command")


def test_text_from_any_format_normalises_to_the_same_string():
    from qualcli.parsing.text import clean, normalise_space

    assert normalise_space("self\u2011assessment  of\u00a0work") == "self-assessment of work"
    assert normalise_space("organ\u00adisation") == "organisation"
    assert clean("<ul><li>○ **Equality** Act 2010</li></ul> |") == "Equality Act 2010"


@pytest.mark.parametrize("text", ["<p>Health &amp; Safety</p>", "fish &chips; &#8211; done", "no entity <b>here</b>", "A & B", ""])
def test_strip_tags_decodes_entities_as_html_unescape_does(text):
    import html
    import re

    from qualcli.parsing.text import strip_tags

    assert strip_tags(text) == html.unescape(re.sub(r"</?[A-Za-z][A-Za-z0-9]*(?:\s+[^<>]*)?/?>", " ", text))


def test_rejoining_keeps_table_rows_whole_and_dashes_in_prose():
    from qualcli.parsing.lines import logical_lines
    from qualcli.readers import Line

    rows = logical_lines([Line("\tcell\t", 1, block=0), Line("Wrapped NOS list", 2, block=1), Line("–301.1.1/4", 3, block=1)])
    assert [r.text for r in rows] == ["\tcell\t", "Wrapped NOS list –301.1.1/4"]
    assert [r.text for r in logical_lines([Line("Items:", 1), Line("• one", 2), Line("• two", 3)])] == ["Items:", "• one", "• two"]


@pytest.mark.parametrize("text, labels, value", [
    ("Credit value: ......... 20", ("credit value",), "20"),
    ("Guided Learning Hours (GLH): 162", ("guided learning hours", "glh"), "162"),
    ("GLH 58", ("guided learning hours", "glh"), "58"),
    ("Credits required:  37", ("credit value", "credits required", "minimum credits"), "37"),
    ("CreditValue – 12", ("credit value",), "12"),
    ("Review date", ("accreditation end date", "review date"), ""),
    ("Level 2 Certificate", ("credit value", "credits"), None),
    ("Observation(s) 3", ("observation(s)", "observations"), "3"),
])
def test_label_value_reads_the_first_label_that_starts_the_line(text, labels, value):
    from qualcli.parsing.refs import label_value

    assert label_value(text, *labels) == value
