"""Precision and recall of the legislation checks on our own course materials.

tests/fixtures/legislation/materials holds quiz banks, revision notes, business
guidance and lesson plans (Markdown, text, HTML) written for these tests; a PPTX
and a DOCX are built from ``binary_materials`` in the answer key. The key
(tests/fixtures/legislation/answers.yaml) was judged by hand. Each file is
linted in its own jurisdiction (England unless the key says otherwise).
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, assert_valid, run_qualcli
from tests.test_lint_fixtures import BUILDERS

KEY = FIXTURES / "legislation"
PRECISION_MIN = 0.98
RECALL_MIN = 0.95


def load_key() -> dict:
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load((KEY / "answers.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reported(tmp_path_factory) -> Counter:
    """(file, rule, matched text) for every finding, linting each jurisdiction's files together."""
    key = load_key()
    root = tmp_path_factory.mktemp("course-materials")
    for path in (KEY / "materials").iterdir():
        shutil.copy(path, root / path.name)
    for name, spec in key["binary_materials"].items():
        BUILDERS[Path(name).suffix](spec, root / name)
    names = sorted(p.name for p in root.iterdir())
    assert len(names) >= 15
    where = {name: key["jurisdictions"].get(name, "E") for name in names}
    got: Counter = Counter()
    for jurisdiction in sorted(set(where.values())):
        files = [root / n for n in names if where[n] == jurisdiction]
        result = run_qualcli("lint", *files, "--format", "json", "--as-of", key["as_of"], "--jurisdiction", jurisdiction)
        assert result.code in (0, 1), result.stderr
        findings = json.loads(result.stdout)
        assert_valid(findings, "lint")
        got.update((Path(f["path"]).name, f["rule"], f["matched_text"]) for f in findings)
    return got


def test_precision_and_recall_on_course_materials(reported):
    key = load_key()
    want = Counter((name, rule, text) for name, items in key["findings"].items() for rule, text in items)
    hits = sum((reported & want).values())
    precision = hits / sum(reported.values())
    recall = hits / sum(want.values())
    detail = {"precision": round(precision, 4), "recall": round(recall, 4),
              "false alarms": sorted(reported - want), "missed": sorted(want - reported)}
    assert precision >= PRECISION_MIN and recall >= RECALL_MIN, detail


def test_the_key_covers_every_material_and_format():
    key = load_key()
    files = {p.name for p in (KEY / "materials").iterdir()} | set(key["binary_materials"])
    assert set(key["findings"]) <= files and set(key["current"]) == files
    assert {Path(n).suffix for n in files} >= {".md", ".txt", ".html", ".docx", ".pptx"}
