"""Shared fixtures: the real corpus, the CLI (in-process, or as a user runs it), schema checks.

The session-wide set-up (one cache folder for every test process, xdist
groups for expensive session fixtures) is in tests/support/session.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The real documents, from $QUALCLI_CORPUS. Skips when unset; fails when set but missing."""
    location = os.environ.get("QUALCLI_CORPUS")
    if not location:
        pytest.skip("QUALCLI_CORPUS is not set")
    path = Path(location)
    if not (path / "expected.yaml").is_file():
        pytest.fail(f"QUALCLI_CORPUS={location} has no expected.yaml")
    return path


@pytest.fixture(scope="session")
def expected(corpus: Path) -> dict:
    """corpus/expected.yaml, loaded."""
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load((corpus / "expected.yaml").read_text(encoding="utf-8"))


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str


def run_qualcli(*args: str, cwd: Path | None = None, stdin: str | None = None) -> Result:
    """Run ``qualcli ARGS`` in a subprocess, exactly as a user would."""
    proc = subprocess.run(
        [sys.executable, "-m", "qualcli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        input=stdin,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def qualcli():
    """Callable running the CLI in this process: ``qualcli("parse", path, cwd=..., stdin=...)``.

    A test about the process itself (start-up, imports, exit status as a shell
    sees it, output that must not depend on the interpreter's hash seed) calls
    :func:`run_qualcli` instead.
    """
    from tests.support.inprocess import run_in_process

    return run_in_process


def assert_one_line_error(result: Result, *fragments: str) -> None:
    """Exit 2, no traceback, one line on stderr that mentions every fragment."""
    assert result.code == 2, (result.code, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip() and "warning:" not in line]
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


def assert_valid(data: dict, schema: str = "spec") -> None:
    """Fail with every violation if ``data`` breaks ``schemas/<schema>.schema.json``."""
    from qualcli.schemas import violations

    problems = list(violations(data, schema))
    assert not problems, "\n".join(problems[:20])
