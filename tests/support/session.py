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
a browser started, documents rendered or printed) is made once per run. A
module is then a unit no worker can share, so a long one handed out last
keeps the run going after the other workers are done: ``--no-loadscope-reorder``
hands modules out in collection order, and :func:`pytest_collection_modifyitems`
puts the costliest first (longest-first scheduling), the rest after them.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter

import pytest

_made: list[str] = []

# Modules whose run takes several seconds of one worker (measured with
# ``--durations=0``, summed per module), costliest first. The order, not the
# figures, matters; a module missing here only starts later.
SLOW_FIRST = (
    "tests/test_packaging.py",  # four wheels built, two installs, the action's pip build
    "tests/test_diff_corpus.py",  # corpus texts rendered to DOCX and PDF
    "tests/test_safety.py",  # fork server, hostile inputs
    "tests/test_properties.py",  # hypothesis
    "tests/test_html_reports.py",  # Chromium
    "tests/test_libreoffice_pdf.py",  # LibreOffice
    "tests/test_readers.py",
    "plugins/cityandguilds/tests/test_cityandguilds_formats.py",
    "tests/test_coverage.py",
    "tests/test_legislation_materials.py",
    "tests/test_lint_readers.py",
    "tests/test_map.py",
    "tests/test_check.py",
)


def pytest_configure(config: pytest.Config) -> None:
    """In the first process: a fresh folder for this run, in the environment every test process inherits."""
    if hasattr(config, "workerinput"):  # an xdist worker: the controller's environment already has it
        return
    folder = tempfile.mkdtemp(prefix="qualcli-tests-")
    _made.append(folder)
    os.environ["QUALCLI_CACHE_DIR"] = os.path.join(folder, "cache")
    os.environ["QUALCLI_TEST_RENDERS"] = os.path.join(folder, "renders")  # tests/support/render.py


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Modules in :data:`SLOW_FIRST` order, then the others by test count, most first (xdist's own order).

    The sort is stable: tests keep their order inside a module.
    """
    def module_of(item: pytest.Item) -> str:
        return item.nodeid.split("::", 1)[0]

    counts = Counter(module_of(item) for item in items)

    def cost_rank(item: pytest.Item) -> tuple[int, int]:
        module = module_of(item)
        if module in SLOW_FIRST:
            return (SLOW_FIRST.index(module), 0)
        return (len(SLOW_FIRST), -counts[module])

    items.sort(key=cost_rank)


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the run's folder."""
    while _made:
        shutil.rmtree(_made.pop(), ignore_errors=True)
