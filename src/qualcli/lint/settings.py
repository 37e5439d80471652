"""Lint settings from the command line and ``[tool.qualcli.lint]``, validated."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qualcli.errors import QualcliError
from qualcli.legislation.rules import RULES

DEFAULT_FAIL_ON = "warning"


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs to lint a file (picklable, for worker processes)."""

    as_of: dt.date
    jurisdiction: str = "E"
    severity: tuple[tuple[str, str], ...] = ()  # rule -> error|warning|info|off
    entries: tuple[Any, ...] = ()  # extra currency-table entries from config
    table_files: tuple[str, ...] = ()
    specs: bool = True  # try the spec parsers on each file
    config_file: str | None = None  # named in errors about the extra table entries

    def severities(self) -> dict[str, str]:
        """The configured severity of each rule configured ("off" drops it); other rules keep their own."""
        return dict(self.severity)


@dataclass
class LintConfig:
    """The ``lint`` sub-table of the qualcli config, checked."""

    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str | None = None
    jurisdiction: str | None = None
    legislation: list[Path] = field(default_factory=list)
    entries: list[dict[str, Any]] = field(default_factory=list)
    root: Path | None = None  # folder of the config file: include/exclude are relative to it
    source: str | None = None  # the config file


def lint_config(config: dict[str, Any]) -> LintConfig:
    """Validate and convert ``config["lint"]``; a bad value is a one-line error naming the config file."""
    source = config.get("config_file")
    table = config.get("lint", {})
    if table:  # no settings, nothing to validate (and jsonschema stays unimported)
        from qualcli.schemas import violations

        problems = list(violations(table, "lint-config"))
        if problems:
            raise QualcliError(f"invalid [lint] settings: {problems[0]}", source)
    unknown = sorted(set(table.get("severity", {})) - set(RULES))
    if unknown:
        raise QualcliError(f"invalid [lint] settings: unknown rule {unknown[0]} in severity (rules: {', '.join(RULES)})", source)
    root = Path(source).parent if source else None
    files = table.get("legislation", [])
    files = [files] if isinstance(files, str) else files
    return LintConfig(
        include=list(table.get("include", [])),
        exclude=list(table.get("exclude", [])),
        severity=dict(table.get("severity", {})),
        fail_on=table.get("fail-on"),
        jurisdiction=table.get("jurisdiction"),
        legislation=[(root / f) if root else Path(f) for f in files],
        entries=list(table.get("legislation-entries", [])),
        root=root,
        source=source,
    )
