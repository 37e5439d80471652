"""The shared fixtures of the repository's tests/conftest.py, for the Pearson plugin's tests."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.conftest import corpus, expected, qualcli  # noqa: E402,F401  (fixtures)
