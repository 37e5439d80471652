"""lint's first look (qualcli.lint.gate): materials skip the spec parsers, specs still reach them."""

from __future__ import annotations

import datetime

import pytest

from qualcli import loading
from qualcli.lint.engine import lint_file
from qualcli.lint.gate import OPENING_LINES, may_be_spec
from qualcli.lint.settings import Settings
from qualcli.readers import Line, SourceText
from tests.conftest import EXAMPLES

SETTINGS = Settings(as_of=datetime.date(2026, 1, 1))
FILLER = "Pairs act out a complaint at the till and swap roles after five minutes."


def _source(lines: list[str]) -> SourceText:
    return SourceText(path="x.txt", format="txt", lines=[Line(t, n) for n, t in enumerate(lines, 1)], sha256="0" * 64)


@pytest.mark.parametrize("words", ["Unit 12: Dealing with customers", "QUALIFICATION STRUCTURE",
                                   "Learning outcomes", "The assessment criterion 1.2 asks for"])
def test_spec_vocabulary_in_the_opening_lines_lets_the_parsers_look(words):
    assert may_be_spec(_source([FILLER] * (OPENING_LINES - 1) + [words]))


def test_material_without_it_is_not_a_spec():
    assert not may_be_spec(_source([FILLER] * 50))
    assert not may_be_spec(_source([FILLER] * OPENING_LINES + ["Unit 12"]))  # only the opening is read
    assert not may_be_spec(_source(["Community spirit and opportunity"]))  # whole words only


def test_lint_skips_the_parsers_for_material_and_keeps_them_for_a_spec(tmp_path, monkeypatch):
    calls = []
    real = loading.parse_source
    monkeypatch.setattr(loading, "parse_source", lambda source, body=None: calls.append(source.path) or real(source, body))
    material = tmp_path / "plan.txt"
    material.write_text(f"{FILLER}\nStaff must follow the Data Protection Act 1998.\n", encoding="utf-8")
    report = lint_file(str(material), SETTINGS)
    assert (report.kind, calls, len(report.findings)) == ("material", [], 1)
    spec = lint_file(str(EXAMPLES / "salon-reception-2016.txt"), SETTINGS)
    assert spec.kind.startswith("spec:") and len(calls) == 1
