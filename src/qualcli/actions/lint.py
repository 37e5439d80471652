"""``qualcli lint``: out-of-date legislation in specs and course materials."""

from __future__ import annotations


def lint_paths(paths: list[str], **options) -> int:
    """Lint the files and folders ``paths`` with the command's ``options`` (the fields of
    :class:`qualcli.lint.run.Options`); the exit code (0, 1 for findings at or above the threshold)."""
    from qualcli.lint.run import Options, run

    return run(Options(paths=list(paths), **options))
