"""Fixtures for the City & Guilds plugin's tests: the repository's shared ones, and parsed documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from cityandguilds_testdata import HANDBOOK


@pytest.fixture(scope="session")
def handbook_path(corpus: Path) -> Path:
    """The real 4417 handbook."""
    return corpus / "specs" / HANDBOOK


@pytest.fixture(scope="session")
def handbook(handbook_path: Path):
    """The 4417 handbook parsed through qualcli's loading path."""
    from qualcli.loading import load_spec

    return load_spec(handbook_path)


@pytest.fixture(scope="session")
def handbook_facts(expected: dict) -> dict:
    """expected.yaml's facts for the 4417 handbook."""
    return expected[HANDBOOK]
