"""Installing like any Python tool: build the four wheels with ``uv build
--all-packages`` and install them into a fresh virtual environment — the core
alone first (a command that needs a parser names the install), then
``qualcli[all]`` (plugins listed, the README's diff of the examples works);
then the GitHub action's steps, installing from this checkout with the pip
the environment carries.

The wheels are built once per run and the environment is made and filled
with uv (``uv venv --seed``, ``uv pip install``: the wheels' metadata and
dependencies resolve as pip resolves them, from uv's cache), so these tests
take seconds, not a minute. They carry the ``packaging`` mark so
``-m "not packaging"`` can leave them out locally. CI runs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, FIXTURES, REPO, Result, run_qualcli
from tests.test_ci_integrations import check_action_lint, run_action_step

pytestmark = pytest.mark.packaging

OLD, NEW = EXAMPLES / "salon-reception-2016.txt", EXAMPLES / "salon-reception-2019.txt"
DISTRIBUTIONS = ("qualcli", "qualcli_vtct", "qualcli_cityandguilds", "qualcli_pearson")


@dataclass
class Installed:
    """A fresh environment's bin folder and what its qualcli printed at each stage."""

    bin: Path
    wheels: Path
    core: dict[str, Result]
    full: dict[str, Result]


def _run(cmd: list, cwd: Path | None = None, env: dict | None = None) -> Result:
    proc = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}, timeout=600)
    return Result(proc.returncode, proc.stdout, proc.stderr)


def _uv() -> str:
    uv = os.environ.get("UV") or shutil.which("uv")
    if not uv:
        pytest.fail("uv is needed to build the wheels (run the suite with `uv run pytest`)")
    return uv


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    from qualcli import __version__

    root = tmp_path_factory.mktemp("packaging")
    wheels = root / "wheels"
    built = _run([_uv(), "build", "--all-packages", "-o", wheels, "--quiet"], cwd=REPO)
    assert built.code == 0, built.stderr
    made = _run([_uv(), "venv", "--seed", "--quiet", "--python", sys.executable, root / "venv"])  # --seed: pip, for the action
    assert made.code == 0, made.stderr
    bin_dir = root / "venv" / ("Scripts" if os.name == "nt" else "bin")
    pip = [_uv(), "pip", "install", "--quiet", "--python", bin_dir / "python", "--find-links", wheels]
    qualcli = lambda *args: _run([bin_dir / "qualcli", *args], cwd=root)  # noqa: E731

    core = _run([*pip, f"qualcli=={__version__}"])
    assert core.code == 0, core.stderr
    core_results = {"plugins": qualcli("plugins"), "diff": qualcli("diff", OLD, NEW),
                    "lint": qualcli("lint", FIXTURES / "lint" / "materials", "--as-of", "2026-11-22")}
    full = _run([*pip, f"qualcli[all]=={__version__}"])
    assert full.code == 0, full.stderr
    full_results = {"plugins": qualcli("plugins"), "version": qualcli("--version"), "diff": qualcli("diff", OLD, NEW)}
    return Installed(bin_dir, wheels, core_results, full_results)


def test_all_four_distributions_build_with_one_version(installed):
    from qualcli import __version__

    built = sorted(p.name for p in installed.wheels.glob("*.whl"))
    assert built == sorted(f"{name}-{__version__}-py3-none-any.whl" for name in DISTRIBUTIONS)


def test_core_only_install_names_the_extra_to_install(installed):
    diff = installed.core["diff"]
    assert diff.code == 2 and diff.stdout == "" and "Traceback" not in diff.stderr
    (line,) = diff.stderr.splitlines()
    assert line.startswith("qualcli: error: no awarding-body plugin installed — pip install 'qualcli[all]'")
    plugins = installed.core["plugins"]
    assert plugins.code == 0 and "readers:" in plugins.stdout and "parsers:" not in plugins.stdout
    assert "pip install 'qualcli[all]'" in plugins.stderr
    assert installed.core["lint"].code == 1  # course materials need no awarding-body plugin


def test_qualcli_all_install_lists_the_plugins_and_diffs_the_examples(installed):
    from qualcli import __version__

    plugins = installed.full["plugins"]
    assert plugins.code == 0 and plugins.stderr == ""
    for body in ("cityandguilds", "pearson", "vtct"):
        assert f"{body} {__version__} [plugin]" in plugins.stdout
    assert installed.full["version"].stdout.splitlines()[0] == f"qualcli {__version__}"
    diff = installed.full["diff"]
    assert diff.code == 0 and diff.stdout.strip()
    assert diff.stdout == run_qualcli("diff", OLD, NEW, cwd=installed.bin.parent.parent).stdout  # as from the source tree


def test_github_action_installs_its_own_checkout_and_lints(installed, tmp_path):
    """The action's default install (the core with extra 'all' and the plugins, from its own folder), then its lint.

    pip builds the four folders with the environment's own hatchling (build isolation off, as a pip
    configuration may say) rather than fetching it into four throw-away build environments.
    """
    from qualcli import __version__

    backend = _run([_uv(), "pip", "install", "--quiet", "--python", installed.bin / "python", "hatchling"])
    assert backend.code == 0, backend.stderr
    no_isolation = {"PIP_NO_BUILD_ISOLATION": "0"}  # pip reads this "no-" switch inverted: 0 means --no-build-isolation
    step = run_action_step("install", {"INPUT_INSTALL": "", "PIP_NO_COMPILE": "1", **no_isolation}, tmp_path, installed.bin)
    assert step.returncode == 0, step.stderr
    assert step.stdout.splitlines() == [f"qualcli {__version__}", *(f"  {body} {__version__}" for body in ("cityandguilds", "pearson", "vtct"))]
    check_action_lint(tmp_path, installed.bin)
