"""Lint in CI: GitLab Code Quality, --changed-since, baselines from any folder,
the pre-commit hook and the GitHub composite action's run steps."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, assert_one_line_error, assert_valid, run_qualcli
from tests.support.inprocess import run_in_process

AS_OF = "2026-11-22"
OUTDATED = "Staff training follows the Data Protection Act 1998.\n"
CURRENT = "Shoppers are protected by the Consumer Rights Act 2015.\n"

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(cwd: Path, *args: str) -> str:
    """Run git quietly with a fixed identity (no user config needed)."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env).stdout


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path) -> Path:
    """A git repository with two committed course-material files on branch main."""
    git(tmp_path, "init", "-q", "-b", "main")
    write(tmp_path, {"course/week1.md": OUTDATED, "course/week2.md": CURRENT, ".gitignore": "scratch/\n"})
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "first")
    return tmp_path


# ------------------------------------------------------------------ gitlab

@needs_git
def test_gitlab_code_quality_validates_and_fingerprints_are_stable_across_runs_and_folders(repo):
    write(repo, {"course/week2.md": OUTDATED + "And the Sale of Goods Act 1979.\n" + OUTDATED})
    from_root = run_in_process("lint", "course", "--format", "gitlab", "--as-of", AS_OF, cwd=repo)
    again = run_qualcli("lint", "course", "--format", "gitlab", "--as-of", AS_OF, cwd=repo)  # another process: another hash seed
    from_sub = run_in_process("lint", ".", "--format", "gitlab", "--as-of", AS_OF, cwd=repo / "course")
    issues = json.loads(from_root.stdout)
    assert from_root.code == 1
    assert_valid(issues, "gitlab-codequality")
    assert from_root.stdout == again.stdout == from_sub.stdout  # paths from the repository root, whatever the folder
    assert [(i["location"]["path"], i["location"]["lines"]["begin"], i["check_name"], i["severity"]) for i in issues] == [
        ("course/week1.md", 1, "QL002", "major"),
        ("course/week2.md", 1, "QL002", "major"),
        ("course/week2.md", 2, "QL001", "minor"),
        ("course/week2.md", 3, "QL002", "major"),
    ]
    assert len({i["fingerprint"] for i in issues}) == len(issues)  # the same Act twice in a file: two fingerprints
    assert "suggestion: Data Protection Act 2018" in issues[0]["description"]


def test_gitlab_schema_rejects_what_gitlab_would_not_read():
    from qualcli.schemas import violations

    good = {"description": "d", "check_name": "QL001", "fingerprint": "0" * 16, "severity": "minor",
            "location": {"path": "a/b.md", "lines": {"begin": 1}}}
    assert not list(violations([good], "gitlab-codequality"))
    for broken in ({**good, "severity": "warning"}, {**good, "location": {"path": "/abs/b.md", "lines": {"begin": 1}}},
                   {k: v for k, v in good.items() if k != "fingerprint"}):
        assert list(violations([broken], "gitlab-codequality"))


# ------------------------------------------------------------ --changed-since

@needs_git
def test_changed_since_lints_changed_and_untracked_files_only(repo):
    git(repo, "checkout", "-q", "-b", "topic")
    write(repo, {"course/week2.md": CURRENT + OUTDATED, "course/new.md": OUTDATED, "scratch/ignored.md": OUTDATED})
    result = run_in_process("lint", ".", "--changed-since", "main", "--format", "json", "--as-of", AS_OF, cwd=repo)
    assert result.code == 1, result.stderr
    assert sorted({f["path"] for f in json.loads(result.stdout)}) == ["course/new.md", "course/week2.md"]
    assert "2 of 3 file(s) changed since main" in result.stderr
    # committed changes count too; the base is where the branch left main, so later work on main does not
    git(repo, "add", "course/week2.md")
    git(repo, "commit", "-q", "-m", "edit")
    git(repo, "checkout", "-q", "main")
    write(repo, {"course/week1.md": OUTDATED + "more\n"})
    git(repo, "commit", "-q", "-am", "main moves on")
    git(repo, "checkout", "-q", "topic")
    from_sub = run_in_process("lint", ".", "--changed-since", "main", "--format", "json", "--as-of", AS_OF, cwd=repo / "course")
    assert sorted({f["path"] for f in json.loads(from_sub.stdout)}) == ["new.md", "week2.md"]


@needs_git
def test_changed_since_errors_are_one_line(repo, tmp_path_factory):
    outside = tmp_path_factory.mktemp("not-a-repo")
    write(outside, {"a.md": OUTDATED})
    assert_one_line_error(run_in_process("lint", ".", "--changed-since", "main", cwd=outside), "--changed-since", "git repository")
    assert_one_line_error(run_in_process("lint", ".", "--changed-since", "no-such-ref", cwd=repo), "'no-such-ref'", "not a known git revision")


# ------------------------------------------------------------ baselines

def test_a_baseline_written_at_the_root_works_from_a_subfolder(tmp_path):
    write(tmp_path, {"course/week1.md": OUTDATED, "course/unit2/notes.md": OUTDATED})
    written = run_in_process("lint", ".", "--write-baseline", ".qualcli-baseline.json", "--as-of", AS_OF, cwd=tmp_path)
    assert written.code == 0, written.stderr
    data = json.loads((tmp_path / ".qualcli-baseline.json").read_text(encoding="utf-8"))
    assert_valid(data, "lint-baseline")
    assert data["version"] == 2 and sorted(f["path"] for f in data["findings"]) == ["course/unit2/notes.md", "course/week1.md"]
    for cwd, args in ((tmp_path, ["."]), (tmp_path / "course", ["."]), (tmp_path / "course" / "unit2", ["notes.md"])):
        baseline = os.path.relpath(tmp_path / ".qualcli-baseline.json", cwd)
        result = run_in_process("lint", *args, "--baseline", baseline, "--as-of", AS_OF, cwd=cwd)
        assert (result.code, result.stdout) == (0, ""), (cwd, result.stdout)
        assert "in baseline" in result.stderr
    write(tmp_path, {"course/unit2/notes.md": OUTDATED + OUTDATED})
    newer = run_in_process("lint", ".", "--baseline", "../../.qualcli-baseline.json", "--as-of", AS_OF, cwd=tmp_path / "course" / "unit2")
    assert newer.code == 1 and newer.stdout.startswith("notes.md:2:")


def test_version_1_baselines_still_read_relative_to_the_working_directory(tmp_path):
    write(tmp_path, {"notes.md": OUTDATED})
    from qualcli.lint.baseline import fingerprints
    from qualcli.lint.findings import Finding

    finding = Finding(str(tmp_path / "notes.md"), 1, 1, 1, 1, "QL002", "error", "m", "Data Protection Act 1998")
    (key,) = fingerprints([finding], tmp_path)
    old = {"version": 1, "findings": [{"fingerprint": key, "path": "notes.md", "rule": "QL002", "matched_text": "Data Protection Act 1998"}]}
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    result = run_in_process("lint", "notes.md", "--baseline", "old.json", "--as-of", AS_OF, cwd=tmp_path)
    assert (result.code, result.stdout) == (0, "")


# ------------------------------------------------------------ pre-commit

def _hook() -> dict:
    from ruamel.yaml import YAML

    hooks = YAML(typ="safe", pure=True).load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "qualcli-lint"]
    return hook


def _selected(hook: dict, root: Path, paths: list[str]) -> list[str]:
    """The files pre-commit would pass to the hook (its `files`/`exclude` regexes and identify's type tags)."""
    from identify.identify import tags_from_path

    chosen = []
    for path in paths:
        if not re.search(hook.get("files", ""), path) or re.search(hook.get("exclude", "^$"), path):
            continue
        tags = tags_from_path(str(root / path))
        if not set(hook.get("types", ["file"])) <= tags or (hook.get("types_or") and not set(hook["types_or"]) & tags):
            continue
        if set(hook.get("exclude_types", [])) & tags:
            continue
        chosen.append(path)
    return chosen


def test_pre_commit_hook_lints_the_files_pre_commit_passes(tmp_path):
    from identify.identify import ALL_TAGS

    hook = _hook()
    assert hook["language"] == "python" and hook.get("pass_filenames", True)
    assert set(hook.get("types", [])) | set(hook.get("types_or", [])) <= ALL_TAGS  # pre-commit refuses unknown tags
    from docx import Document

    word = Document()
    word.add_paragraph("Handout: the Sale of Goods Act 1979 protects shoppers.")
    write(tmp_path, {"notes.md": OUTDATED, "page.HTML": f"<p>{CURRENT}</p>", "handout.txt": CURRENT,
                     "script.py": "# Data Protection Act 1998\n", "data.csv": "Data Protection Act 1998\n"})
    word.save(tmp_path / "handout.docx")
    files = _selected(hook, tmp_path, sorted(p.name for p in tmp_path.iterdir()))
    assert files == ["handout.docx", "handout.txt", "notes.md", "page.HTML"]
    command = [str(Path(sys.executable).with_name(shlex.split(hook["entry"])[0])), *shlex.split(hook["entry"])[1:], *hook.get("args", [])]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    failing = subprocess.run([*command, "--as-of", AS_OF, *files], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert failing.returncode == 1, failing.stderr
    assert [line.split(": ")[1].split()[0] for line in failing.stdout.splitlines()] == ["QL001", "QL002"]
    clean = subprocess.run([*command, "--as-of", AS_OF, "handout.txt", "page.HTML"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert (clean.returncode, clean.stdout) == (0, ""), clean.stderr


# ------------------------------------------------------------ GitHub action

ACTION_SCRIPT = REPO / "scripts" / "github-action.sh"


def test_action_runs_its_steps_from_the_tested_script():
    from ruamel.yaml import YAML

    action = YAML(typ="safe", pure=True).load((REPO / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    runs = [step["run"] for step in action["runs"]["steps"] if "run" in step]
    assert runs and all(run.strip().startswith('bash "$GITHUB_ACTION_PATH/scripts/github-action.sh" ') for run in runs)
    assert {run.split()[-1] for run in runs} == {"install", "lint", "result"}
    assert {"paths", "fail-on", "as-of", "config"} <= set(action["inputs"])
    for step in action["runs"]["steps"]:  # every input handed to the script is declared
        for value in step.get("env", {}).values():
            for name in re.findall(r"inputs\.([\w-]+)", value):
                assert name in action["inputs"], name


def run_action_step(step: str, env: dict[str, str], cwd: Path, bin_dir: Path | None = None) -> subprocess.CompletedProcess:
    """Run one step of the action's script as the composite action does, with `bin_dir` first on PATH."""
    path = f"{bin_dir or Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    return subprocess.run(["bash", str(ACTION_SCRIPT), step], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PATH": path, "PYTHONIOENCODING": "utf-8", **env})


def check_action_lint(workspace: Path, bin_dir: Path | None = None) -> None:
    """The action's lint and result steps on a small workspace: annotations, SARIF, outputs, exit code."""
    write(workspace, {"materials/a.md": OUTDATED, "materials/b.md": CURRENT})
    outputs = workspace / "github_output"
    env = {"INPUT_PATHS": "materials", "INPUT_FAIL_ON": "warning", "INPUT_AS_OF": AS_OF, "INPUT_SARIF_FILE": "out.sarif",
           "GITHUB_OUTPUT": str(outputs)}
    lint = run_action_step("lint", env, workspace, bin_dir)
    assert lint.returncode == 0, lint.stderr
    assert lint.stdout.startswith("::error file=materials/a.md,line=1,col=")
    sarif = json.loads((workspace / "out.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["QL002"]
    recorded = dict(line.split("=", 1) for line in outputs.read_text(encoding="utf-8").splitlines())
    assert recorded == {"exit-code": "1", "sarif-file": "out.sarif"}
    assert run_action_step("result", {"QUALCLI_EXIT_CODE": recorded["exit-code"]}, workspace, bin_dir).returncode == 1
    quiet = run_action_step("lint", {**env, "INPUT_FAIL_ON": "error", "INPUT_PATHS": "materials/b.md"}, workspace, bin_dir)
    assert quiet.returncode == 0 and quiet.stdout == ""
    assert outputs.read_text(encoding="utf-8").splitlines()[-2:] == ["exit-code=0", "sarif-file=out.sarif"]


def test_action_lint_step_writes_sarif_annotations_and_outputs(tmp_path):
    check_action_lint(tmp_path)
