"""Fixtures for the VTCT plugin's tests: the repository's shared ones, and parsed corpus books cached per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from vtct_testdata import DIPLOMA, NAIL


@pytest.fixture(scope="session")
def diploma_path(corpus: Path) -> Path:
    """The Level 2 Diploma in Customer Service, text extracted from the PDF."""
    return corpus / "specs" / DIPLOMA


@pytest.fixture(scope="session")
def diploma(diploma_path: Path):
    """The diploma, parsed once per session."""
    from qualcli.loading import load_spec

    return load_spec(diploma_path)


@pytest.fixture(scope="session")
def diploma_expected(expected: dict) -> dict:
    """expected.yaml's facts for the diploma."""
    return expected[DIPLOMA]


@pytest.fixture(scope="session")
def nail(corpus: Path):
    """The publisher's 2010-era Nail Technology PDF, parsed once per session (it is slow)."""
    from qualcli.loading import load_spec

    return load_spec(corpus / "specs-extra" / NAIL)


@pytest.fixture(scope="session")
def nail_expected(expected: dict) -> dict:
    """expected.yaml's facts for the Nail Technology PDF."""
    return expected[f"specs-extra/{NAIL}"]
