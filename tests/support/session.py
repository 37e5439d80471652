"""Session-wide test set-up, loaded by the root conftest.py as a pytest plugin.

One folder for the whole run, made by the first pytest process and named in
the environment that pytest-xdist's workers and every ``qualcli`` subprocess
inherit. Its ``cache`` is ``QUALCLI_CACHE_DIR``: each corpus document is
parsed once per run and afterwards reloaded from the cache of parsed
documents (keyed by the file's bytes and the parser code, checked when read:
it never changes an answer), and nothing is read from or written to the
user's own cache; tests about a cache point ``QUALCLI_CACHE_DIR`` at their own
temporary folder. Its ``renders`` keeps the DOCX and PDF renderings of
tests/support/render.py, so a text several modules render is rendered once.

pytest-xdist runs the tests with ``--dist loadfile`` (pyproject.toml): each
module on one worker, so a module-scoped fixture (wheels built and installed,
a browser started, documents rendered or printed) is made once per run.
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

_made: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    """In the first process: a fresh folder for this run, in the environment every test process inherits."""
    if hasattr(config, "workerinput"):  # an xdist worker: the controller's environment already has it
        return
    folder = tempfile.mkdtemp(prefix="qualcli-tests-")
    _made.append(folder)
    os.environ["QUALCLI_CACHE_DIR"] = os.path.join(folder, "cache")
    os.environ["QUALCLI_TEST_RENDERS"] = os.path.join(folder, "renders")  # tests/support/render.py


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the run's folder."""
    while _made:
        shutil.rmtree(_made.pop(), ignore_errors=True)
