"""A parse says when it lost structure: the summary line, `parse --strict`, and `diagnostics` in the JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from qualcli.diagnostics import diagnose, summary
from qualcli.model import Criterion, LearningOutcome, Qualification, RuleGroup, Section, Source, SpecDocument, Unit, Unstructured
from tests.conftest import EXAMPLES, assert_valid

EXAMPLE = EXAMPLES / "salon-reception-2016.txt"
# the corpus documents, every one of which must parse without a problem
CORPUS_FOLDERS = ("specs", "specs-extra", "rendered")


def _lost_criteria_book(tmp_path: Path) -> Path:
    """The example book with unit SRX02's lettered criteria printed as "1.1 ..." (a numbering VTCT books do not use)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    head, unit = text.split("Take payments and keep client records\n\nSRX02", 1)
    counters: dict[str, int] = {}

    def renumber(match: re.Match) -> str:
        outcome = str(len(counters) if match.group(1) != "a" else len(counters) + 1)
        counters[outcome] = counters.get(outcome, 0) + 1
        return f"{outcome}.{counters[outcome]} "

    unit = re.sub(r"^([a-d])\. ", renumber, unit, flags=re.M)
    path = tmp_path / "lost-criteria.txt"
    path.write_text(head + "Take payments and keep client records\n\nSRX02" + unit, encoding="utf-8")
    return path


def _doc(*units: Unit, rules: list[str] | None = None) -> SpecDocument:
    doc = SpecDocument(source=Source(path="x.txt", sha256="0", format="txt", plugin="test"), body="test", units=list(units))
    if rules is not None:
        doc.qualifications.append(Qualification(title="Q", rules=[RuleGroup(name="Mandatory", units=rules)]))
    return doc


def _outcome(ref: str, criteria: int) -> LearningOutcome:
    return LearningOutcome(ref=ref, text=f"Outcome {ref}", criteria=[Criterion(ref=f"{ref}.{n}", text="Do it") for n in range(1, criteria + 1)])


def test_a_clean_document_has_no_problems():
    found = diagnose(_doc(Unit(code="U1", title="One", credits=3, learning_outcomes=[_outcome("1", 2), _outcome("2", 1)]), rules=["U1"]))
    assert (found.units_listed, found.units_in_full, found.outcomes, found.criteria) == (1, 1, 2, 3)
    assert found.problems == []


def test_each_kind_of_loss_is_named():
    empty_outcome = Unit(code="U1", title="One", credits=3, learning_outcomes=[_outcome("1", 2), _outcome("2", 0)])
    stray = Unit(
        code="U2",
        title="Two",
        learning_outcomes=[_outcome("1", 0)],
        sections=[Section(title="Knowledge", text="You can:\na. Describe the tools\nb) Explain the risks\nsome prose")],
    )
    doc = _doc(empty_outcome, stray, rules=["U1", "U2"])
    doc.unstructured.append(Unstructured(text="1.1 Identify the hazards\n2A.P1 Describe a plan", reason="front matter"))
    problems = [(p.kind, p.unit, p.message) for p in diagnose(doc).problems]
    assert problems == [
        ("outcome-without-criteria", "U1", "outcome(s) 2 without criteria"),
        ("outcome-without-criteria", "U2", "1 outcomes but no criteria"),
        ("criterion-like-lines", "U2", "2 criterion-like line(s) left in sections"),
        ("criterion-like-lines", None, "2 criterion-like line(s) left in unstructured text"),
        ("unit-without-credits", None, "listed without credits: U2"),
    ]
    line = summary(doc)
    assert line.startswith("x.txt: test via test: 1 qualification(s), 2 unit(s) listed, 2 in full, 3 outcome(s), 2 criteria")
    assert "U2: 1 outcomes but no criteria" in line and "\n" not in line


def test_outcomes_of_a_unit_without_any_criterion_text_are_not_a_loss():
    """A unit described by its aims only (an externally assessed BTEC unit) has nothing that was lost."""
    assert diagnose(_doc(Unit(code="1", title="Aims only", learning_outcomes=[_outcome("A", 0)]))).problems == []


def test_strict_is_silent_on_a_book_that_parses_fully(qualcli):
    result = qualcli("parse", EXAMPLE, "--strict", "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert_valid(data)
    assert data["diagnostics"] == {"units_listed": 4, "units_in_full": 2, "outcomes": 5, "criteria": 16}
    (line,) = [line for line in result.stderr.splitlines() if "warning:" not in line]
    assert "2 in full, 5 outcome(s), 16 criteria" in line and " — " not in line


def test_strict_fails_on_a_book_that_loses_criteria(qualcli, tmp_path):
    path = _lost_criteria_book(tmp_path)
    lenient = qualcli("parse", path, "--format", "json")
    assert lenient.code == 0, lenient.stderr
    strict = qualcli("parse", path, "--format", "json", "--strict")
    assert strict.code == 1 and "Traceback" not in strict.stderr
    assert strict.stdout == lenient.stdout, "the document is still written"
    summary_line = strict.stderr.splitlines()[0]
    assert "SRX02: 2 outcomes but no criteria" in summary_line
    assert "SRX02: 7 criterion-like line(s) left in sections" in summary_line
    data = json.loads(strict.stdout)
    assert_valid(data)
    kinds = [(p["kind"], p.get("unit")) for p in data["diagnostics"]["problems"]]
    assert kinds == [("outcome-without-criteria", "SRX02"), ("criterion-like-lines", "SRX02")]
    sections = "\n".join(s["text"] for u in data["units"] if u["code"] == "SRX02" for s in u.get("sections", []))
    assert "1.4 Explain the rights the Sale of Goods Act 1979" in sections, "lost criteria are kept, never dropped"


def test_other_commands_print_the_summary_line(qualcli, tmp_path):
    path = _lost_criteria_book(tmp_path)
    result = qualcli("show", path)
    assert result.code == 0
    assert "SRX02: 2 outcomes but no criteria" in result.stderr
    parsed = tmp_path / "parsed.json"
    assert qualcli("parse", path, "--format", "json", "-o", parsed).code == 0
    assert qualcli("show", parsed).stderr == "", "a parsed spec is not parsed again"
    assert qualcli("parse", parsed, "--strict").code == 1, "diagnostics travel with the parsed spec"


@pytest.fixture(scope="module")
def corpus_documents(corpus):
    return sorted(path for folder in CORPUS_FOLDERS for path in (corpus / folder).iterdir())


def test_strict_is_silent_on_every_corpus_document(corpus_documents):
    from qualcli.loading import load_spec

    assert len(corpus_documents) >= 12
    for path in corpus_documents:
        doc = load_spec(path)
        assert doc.diagnostics.problems == [], (path.name, summary(doc))
