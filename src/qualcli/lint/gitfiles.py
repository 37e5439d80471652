"""What git knows about the files being linted: the repository root and the files changed since a ref."""

from __future__ import annotations

import subprocess
from pathlib import Path

from qualcli.errors import QualcliError


def repository_root(start: Path | None = None) -> Path | None:
    """The closest folder at or above ``start`` (default: the working directory) holding ``.git``, or None."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return None


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=120)
    except FileNotFoundError:
        raise QualcliError("--changed-since needs git, which is not installed") from None
    except subprocess.TimeoutExpired:
        raise QualcliError(f"--changed-since: 'git {args[0]}' took too long") from None


def changed_since(ref: str, cwd: Path | None = None) -> set[Path]:
    """Files (resolved) changed since the point where HEAD left ``ref``, uncommitted changes included,
    plus untracked files that are not ignored; deleted files are left out."""
    cwd = cwd or Path.cwd()
    top = _git(["rev-parse", "--show-toplevel"], cwd)
    if top.returncode != 0:
        raise QualcliError(f"--changed-since needs a git repository, and {cwd} is not in one")
    root = Path(top.stdout.strip())
    base = _git(["merge-base", ref, "HEAD"], root)
    if base.returncode != 0:
        known = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root).returncode == 0
        raise QualcliError(f"--changed-since: {ref!r} " + ("has no common history with HEAD" if known else "is not a known git revision"))
    diff = _git(["diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", base.stdout.strip()], root)
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], root)
    for proc in (diff, untracked):
        if proc.returncode != 0:
            reason = (proc.stderr.strip().splitlines() or [f"exit code {proc.returncode}"])[-1]
            raise QualcliError(f"--changed-since: git failed: {reason}")
    names = [n for n in (diff.stdout + untracked.stdout).split("\0") if n]
    return {(root / name).resolve() for name in names}
