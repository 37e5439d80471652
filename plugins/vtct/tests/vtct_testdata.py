"""Names the VTCT plugin's tests share (a module of its own: ``conftest`` is a name every plugin's tests have)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[3]

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = REPO / "examples"
DIPLOMA = "vtct-cs2d1-l2-diploma-customer-service.txt"
NAIL = "vtct-AB20117-l2-certificate-nail-technology.pdf"
