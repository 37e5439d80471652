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


@legislation_app.command("list", **command("qualcli legislation list", "qualcli legislation list --as-of 2015-01-01 --jurisdiction S", "qualcli legislation list --rules"))
def list_instruments(
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="DATE", help=AS_OF_HELP),
    jurisdiction: Optional[Jurisdiction] = typer.Option(None, "--jurisdiction", help=JURISDICTION_HELP),
    config: Optional[str] = typer.Option(None, "--config", metavar="FILE", help="Config file to read extra entries from."),
    rules: bool = typer.Option(False, "--rules", help="List the lint rule ids instead."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON: id, title, year, extent, status and since."),
) -> None:
    """List every instrument: id, status on the date, title (or the lint rules with --rules)."""
    from qualcli.actions.legislation import list_instruments as run

    run(as_of, _code(jurisdiction), config, rules, as_json)


@legislation_app.command("show", **command("qualcli legislation show SOGA", "qualcli legislation show 'Data Protection Act 1998' --json"))
def show_instrument(
    name: str = typer.Argument(..., help="Id, title, alias or abbreviation (e.g. 'SOGA', 'Data Protection Act 1998')."),
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="DATE", help=AS_OF_HELP),
    jurisdiction: Optional[Jurisdiction] = typer.Option(None, "--jurisdiction", help=JURISDICTION_HELP),
    config: Optional[str] = typer.Option(None, "--config", metavar="FILE", help="Config file to read extra entries from."),
    as_json: bool = typer.Option(False, "--json", help="Print the table entry as JSON."),
) -> None:
    """Show one instrument: names, dated status history, notes and source."""
    from qualcli.actions.legislation import show_instrument as run

    run(name, as_of, _code(jurisdiction), config, as_json)


@legislation_app.command("check", **command("qualcli legislation check 'under the Data Protection Act 1998'", "qualcli legislation check 'COSHH 2002' --as-of 2001-01-01"))
def check(
    text: str = typer.Argument(..., help="Text to check, e.g. 'under the Data Protection Act 1998'."),
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="DATE", help=AS_OF_HELP),
    jurisdiction: Optional[Jurisdiction] = typer.Option(None, "--jurisdiction", help=JURISDICTION_HELP),
    config: Optional[str] = typer.Option(None, "--config", metavar="FILE", help="Config file to read extra entries from."),
) -> None:
    """Check the references in TEXT; exit 1 when one is at warning or above."""
    from qualcli.actions.legislation import check_text

    raise typer.Exit(check_text(text, as_of, _code(jurisdiction), config))


def _code(jurisdiction: Optional[Jurisdiction]) -> Optional[str]:
    """The jurisdiction code an option value stands for."""
    return jurisdiction.value if jurisdiction else None


def register(app: typer.Typer) -> None:
    app.add_typer(legislation_app, name="legislation")
