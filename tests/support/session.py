"""Session-wide test set-up, loaded by the root conftest.py as a pytest plugin.

- One cache folder for the whole run, made by the first pytest process and
  inherited by pytest-xdist's workers and by every ``qualcli`` subprocess:
  each corpus document is parsed once per run and afterwards reloaded from
  the cache of parsed documents (keyed by the file's bytes and the parser
  code, checked when read: it never changes an answer), and nothing is read
  from or written to the user's own cache. Tests about a cache point
  ``QUALCLI_CACHE_DIR`` at their own temporary folder.

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
    """In the first process: a fresh cache folder for this run, in the environment every test process inherits."""
    if hasattr(config, "workerinput"):  # an xdist worker: the controller's environment already has it
        return
    folder = tempfile.mkdtemp(prefix="qualcli-tests-cache-")
    _made.append(folder)
    os.environ["QUALCLI_CACHE_DIR"] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the run's cache folder."""
    while _made:
        shutil.rmtree(_made.pop(), ignore_errors=True)
