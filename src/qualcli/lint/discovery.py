"""Which files ``qualcli lint PATH...`` looks at.

A file named on the command line is always linted. Directories are walked
recursively, in sorted order; hidden files and folders (starting with ".")
and paths that git ignores are skipped, and only files with a suffix some
reader handles are kept. ``include``/``exclude`` globs from the config
narrow the walk (``*`` does not cross "/", ``**`` does).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from qualcli.errors import QualcliError


@dataclass(frozen=True)
class Problem:
    """Something a folder walk passed over: a warning, or (``fatal``) input that could not be read."""

    path: str
    message: str
    fatal: bool = False


@cache
def _glob_regex(pattern: str) -> re.Pattern:
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out.rstrip("/") + "(?:/.*)?$")


def matches(relative: str, patterns: list[str]) -> bool:
    """True when the /-separated ``relative`` path (or a folder above it) matches a glob; a glob without "/" matches any name."""
    for pattern in patterns:
        if "/" not in pattern.rstrip("/"):
            if any(_glob_regex(pattern).match(part) for part in relative.split("/")):
                return True
        elif _glob_regex(pattern.lstrip("/")).match(relative):
            return True
    return False


def _git_ignored(paths: list[str]) -> set[str]:
    """The subset of ``paths`` that git ignores (nothing when git or a repository is absent)."""
    if not paths:
        return set()
    cwd = os.path.dirname(os.path.realpath(paths[0]))
    if not _may_be_in_repository(Path(cwd)):
        return set()  # git would find no repository from there: nothing is ignored
    folders: dict[str, str] = {}  # each folder resolved once; a linked file on its own
    absolute = {}
    for path in paths:
        if os.path.islink(path):
            absolute[os.path.realpath(path)] = path
            continue
        parent, name = os.path.split(path)
        if parent not in folders:
            folders[parent] = os.path.realpath(parent or ".")
        absolute[os.path.join(folders[parent], name)] = path
    try:
        proc = subprocess.run(
            ["git", "check-ignore", "--stdin", "-z"],
            input="\0".join(absolute) + "\0",
            capture_output=True, text=True, cwd=cwd, timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return set()
    if proc.returncode not in (0, 1):  # not in a repository, or git failed: nothing is ignored
        return set()
    return {absolute[p] for p in proc.stdout.split("\0") if p in absolute}


def _may_be_in_repository(folder: Path) -> bool:
    """False when git, run in ``folder``, cannot find a repository: no ``.git`` at or above it and none named by ``GIT_DIR``."""
    if os.environ.get("GIT_DIR"):
        return True
    return any(os.path.lexists(os.path.join(above, ".git")) for above in (folder, *folder.parents))


def _relative(path: Path, root: Path | None) -> str:
    base = root or Path.cwd()
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def discover(
    arguments: list[str],
    suffixes: set[str],
    include: list[str] = (),
    exclude: list[str] = (),
    root: Path | None = None,
    explicit_only: tuple[str, ...] = (),
    problems: list[Problem] | None = None,
) -> list[str]:
    """The files to lint, in argument order then sorted path order, each once.

    ``explicit_only`` suffixes (parsed specs: .yaml .json) are linted when named, never found by walking.
    What a walk had to pass over (symlink loops, broken links, pipes, folders
    that cannot be read) is added to ``problems``.
    """
    found: list[str] = []
    seen: set[str] = set()
    problems = [] if problems is None else problems
    for argument in arguments:
        path = Path(argument)
        if not path.exists():
            what = "broken or looping symlink" if path.is_symlink() else "no such file or directory"
            raise QualcliError(what, argument)
        if path.is_file():
            if path.suffix.lower() not in suffixes | set(explicit_only):
                raise QualcliError(f"unsupported file type {path.suffix or '(none)'!r}; qualcli lint reads {' '.join(sorted(suffixes))}", argument)
            candidates = [str(path)]
        else:
            candidates = _walk(path, suffixes, include, exclude, root, problems)
        for candidate in candidates:
            key = candidate if os.sep == "/" else candidate.replace(os.sep, "/")
            if key not in seen:
                seen.add(key)
                found.append(key)
    return found


def _walk(folder: Path, suffixes: set[str], include, exclude, root: Path | None, problems: list[Problem]) -> list[str]:
    """The files under ``folder`` to lint, as paths written as ``Path`` writes them, in walk order: a
    folder's files by name, then its subfolders by name (hidden ones and linked folders left out)."""
    files: list[str] = []
    start = str(folder)

    def visit(here: str) -> None:
        try:
            with os.scandir(here) as listing:
                entries = list(listing)
        except OSError as error:
            problems.append(Problem(error.filename or start, f"cannot read folder: {error.strerror}", fatal=True))
            return
        folders = []
        for entry in sorted(entries, key=lambda e: e.name):
            name = entry.name
            if name.startswith("."):
                continue
            path = name if here == "." else os.path.join(here, name)
            if _is_folder(entry):
                folders.append((entry, path))
                continue
            if os.path.splitext(name)[1].lower() not in suffixes:
                continue
            if not (_plain_file(entry) or _regular_file(Path(path), problems)):  # a regular file needs no further look
                continue
            relative = _relative(Path(path), root) if include or exclude else ""
            if exclude and matches(relative, list(exclude)):
                continue
            if include and not matches(relative, list(include)):
                continue
            files.append(path)
        for entry, path in folders:
            if entry.is_symlink() or (exclude and matches(_relative(Path(path), root), list(exclude))):
                continue  # linked folders are not followed
            visit(path)

    visit(start)
    ignored = _git_ignored(files)
    return [f for f in files if f not in ignored]


def _plain_file(entry: os.DirEntry) -> bool:
    """True for a regular file that is not a link, known from the folder listing alone (no ``stat``)."""
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False


def _is_folder(entry: os.DirEntry) -> bool:
    """True for a folder or a link to one (as ``os.walk`` tells them from files)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _regular_file(path: Path, problems: list[Problem]) -> bool:
    """True for a regular file (or a link to one); anything else found by a walk is noted and skipped."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            problems.append(Problem(str(path), "symlink loop, skipped"))
        elif path.is_symlink():
            problems.append(Problem(str(path), "broken symlink, skipped"))
        else:
            problems.append(Problem(str(path), f"cannot read: {exc.strerror}", fatal=True))
        return False
    if not stat.S_ISREG(mode):
        problems.append(Problem(str(path), "not a regular file (a pipe or device?), skipped"))
        return False
    return True
