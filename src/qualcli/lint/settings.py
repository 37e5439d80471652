"""Lint settings from the command line and ``[tool.qualcli.lint]``, validated.

Both records are named tuples, paths in them are strings, and this module
imports neither dataclasses, typing nor pathlib: ``qualcli legislation
check`` reads the config's ``lint`` table too, on the start-up fast path.
"""

from __future__ import annotations

import os
from collections import namedtuple

from qualcli.errors import QualcliError
from qualcli.legislation.rules import RULES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

DEFAULT_FAIL_ON = "warning"


class Settings(namedtuple("Settings", "as_of jurisdiction severity entries table_files specs config_file",
                          defaults=("E", (), (), (), True, None))):
    """Everything a worker needs to lint a file (picklable, for worker processes).

    ``as_of`` (a date) and ``jurisdiction`` judge the law; ``severity`` pairs
    a rule with error|warning|info|off; ``entries`` are extra currency-table
    entries from config and ``table_files`` extra table files; ``specs`` says
    whether to try the spec parsers on each file; ``config_file`` is named in
    errors about the extra table entries.
    """

    __slots__ = ()

    def severities(self) -> dict[str, str]:
        """The configured severity of each rule configured ("off" drops it); other rules keep their own."""
        return dict(self.severity)


class LintConfig(namedtuple("LintConfig", "include exclude severity fail_on jurisdiction legislation entries root source")):
    """The ``lint`` sub-table of the qualcli config, checked: ``include`` and ``exclude`` globs
    (relative to ``root``, the config file's folder), ``severity`` by rule, ``fail_on``,
    ``jurisdiction``, extra ``legislation`` table files (relative to ``root``) and inline
    ``entries``, and ``source``, the config file (None when there is none)."""

    __slots__ = ()


def _validate(table: dict[str, Any], source: str | None) -> None:
    """Check the ``lint`` table against its schema; a table that passed before (same values, same
    schema file) is not checked again (:mod:`qualcli.memo`): jsonschema costs more than a short command."""
    import marshal

    from qualcli import memo
    from qualcli.schemas import schema_file

    try:
        with open(schema_file("lint-config"), "rb") as schema:
            stamp = marshal.dumps(table) + b"\0" + schema.read()
    except (OSError, ValueError):  # no schema file to stamp, or a value marshal cannot hold (a TOML date)
        stamp = None
    if stamp is not None and memo.recall("valid-lint-config", stamp) is True:
        return
    from qualcli.schemas import violations

    problems = list(violations(table, "lint-config"))
    if problems:
        raise QualcliError(f"invalid [lint] settings: {problems[0]}", source)
    if stamp is not None:
        memo.keep("valid-lint-config", stamp, True)


def lint_config(config: dict[str, Any]) -> LintConfig:
    """Validate and convert ``config["lint"]``; a bad value is a one-line error naming the config file."""
    source = config.get("config_file")
    table = config.get("lint", {})
    if table:  # no settings, nothing to validate (and jsonschema stays unimported)
        _validate(table, source)
    unknown = sorted(set(table.get("severity", {})) - set(RULES))
    if unknown:
        raise QualcliError(f"invalid [lint] settings: unknown rule {unknown[0]} in severity (rules: {', '.join(RULES)})", source)
    files = table.get("legislation", [])
    files = [files] if isinstance(files, str) else files
    root = os.path.dirname(source) if source else None
    return LintConfig(
        include=list(table.get("include", [])),
        exclude=list(table.get("exclude", [])),
        severity=dict(table.get("severity", {})),
        fail_on=table.get("fail-on"),
        jurisdiction=table.get("jurisdiction"),
        legislation=[os.path.join(root, f) if root else f for f in files],
        entries=list(table.get("legislation-entries", [])),
        root=root,
        source=source,
    )
