"""``qualcli legislation list|show NAME|check TEXT``: the legislation currency table."""

from __future__ import annotations

from typing import Optional

import typer

from qualcli.commands.conventions import command, group
from qualcli.commands.lint import Jurisdiction

legislation_app = group(
    "Browse the legislation currency table (shipped entries, plugin entries and your config's).",
    "qualcli legislation list --as-of 2015-01-01",
    "qualcli legislation show SOGA",
    "qualcli legislation check 'under the Data Protection Act 1998'",
)

AS_OF_HELP = "Judge the law as of this date (YYYY-MM-DD) [default: today]."
JURISDICTION_HELP = "Where the material is used [default: E, or jurisdiction in config]."


def _context(as_of: Optional[str], jurisdiction: Optional[Jurisdiction], config: Optional[str]):
    from pathlib import Path

    from qualcli.asof import parse_date
    from qualcli.config import load_config
    from qualcli.errors import QualcliError
    from qualcli.legislation.table import NATIONS, build_table
    from qualcli.lint.settings import lint_config

    settings = lint_config(load_config(Path.cwd(), config))
    where = (jurisdiction.value if jurisdiction else None) or settings.jurisdiction or "E"
    if where not in NATIONS:
        raise QualcliError(f"--jurisdiction {where!r} is not one of {', '.join(NATIONS)}")
    return build_table(settings.entries, settings.legislation, settings.source or "config"), parse_date(as_of), where


@legislation_app.command("list", **command("qualcli legislation list", "qualcli legislation list --as-of 2015-01-01 --jurisdiction S", "qualcli legislation list --rules"))
def list_instruments(
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="DATE", help=AS_OF_HELP),
    jurisdiction: Optional[Jurisdiction] = typer.Option(None, "--jurisdiction", help=JURISDICTION_HELP),
    config: Optional[str] = typer.Option(None, "--config", metavar="FILE", help="Config file to read extra entries from."),
    rules: bool = typer.Option(False, "--rules", help="List the lint rule ids instead."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON: id, title, year, extent, status and since."),
) -> None:
    """List every instrument: id, status on the date, title (or the lint rules with --rules)."""
    import json

    from qualcli.legislation.report import list_lines, list_records, rule_lines

    if rules:
        print("\n".join(rule_lines()))
        return
    table, when, where = _context(as_of, jurisdiction, config)
    if as_json:
        print(json.dumps(list_records(table, when, where), indent=2, ensure_ascii=False))
        return
    print("\n".join(list_lines(table, when, where)))


@legislation_app.command("show", **command("qualcli legislation show SOGA", "qualcli legislation show 'Data Protection Act 1998' --json"))
def show_instrument(
    name: str = typer.Argument(..., help="Id, title, alias or abbreviation (e.g. 'SOGA', 'Data Protection Act 1998')."),
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="DATE", help=AS_OF_HELP),
    jurisdiction: Optional[Jurisdiction] = typer.Option(None, "--jurisdiction", help=JURISDICTION_HELP),
    config: Optional[str] = typer.Option(None, "--config", metavar="FILE", help="Config file to read extra entries from."),
    as_json: bool = typer.Option(False, "--json", help="Print the table entry as JSON."),
) -> None:
    """Show one instrument: names, dated status history, notes and source."""
    import json

    from qualcli.legislation.report import find_instrument, show_lines
    from qualcli.legislation.table import plain_entry

    table, when, where = _context(as_of, jurisdiction, config)
    inst = find_instrument(table, name)
    if as_json:
        print(json.dumps(plain_entry(inst.entry), indent=2, ensure_ascii=False))
        return
    print("\n".join(show_lines(table, inst, when, where)))


@legislation_app.command("check", **command("qualcli legislation check 'under the Data Protection Act 1998'", "qualcli legislation check 'COSHH 2002' --as-of 2001-01-01"))
def check(
    text: str = typer.Argument(..., help="Text to check, e.g. 'under the Data Protection Act 1998'."),
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="DATE", help=AS_OF_HELP),
    jurisdiction: Optional[Jurisdiction] = typer.Option(None, "--jurisdiction", help=JURISDICTION_HELP),
    config: Optional[str] = typer.Option(None, "--config", metavar="FILE", help="Config file to read extra entries from."),
) -> None:
    """Check the references in TEXT; exit 1 when one is at warning or above."""
    import sys

    from qualcli.legislation.report import check_text
    from qualcli.legislation.rules import at_or_above

    table, when, where = _context(as_of, jurisdiction, config)
    lines, verdicts = check_text(text, table, when, where)
    if not lines:
        print("no legislation references found", file=sys.stderr)
    else:
        print("\n".join(lines))
    raise typer.Exit(1 if any(at_or_above(v.severity, "warning") for v in verdicts) else 0)


def register(app: typer.Typer) -> None:
    app.add_typer(legislation_app, name="legislation")
