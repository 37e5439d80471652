"""``qualcli plugins``: what is installed, what each plugin registers, and what is wrong with it."""

from __future__ import annotations

import typer

from qualcli.commands.conventions import command


def plugins_command(
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """List plugins, their versions and what each registers; exit 2 if a plugin breaks the hook contract."""
    import json

    from qualcli.plugins import describe, get_manager, require_valid

    infos = describe()
    if not any(info.registered.get("parsers") for info in infos):
        import sys

        from qualcli.errors import NoParserInstalled

        print(f"qualcli: warning: {NoParserInstalled()}", file=sys.stderr)
    if as_json:
        print(json.dumps([info.__dict__ for info in infos], indent=2))
    else:
        for info in infos:
            kind = "built-in" if info.builtin else "plugin"
            print(f"{info.name} {info.version or '(unknown version)'} [{kind}]")
            for hook, labels in info.registered.items():
                shown = ", ".join(labels[:12]) + (f", … ({len(labels)} in all)" if len(labels) > 12 else "")
                print(f"  {hook}: {shown or '-'}")
            for problem in info.problems:
                print(f"  problem: {problem}")
    require_valid(get_manager())  # after the listing: one line, exit 2


def register(app: typer.Typer) -> None:
    app.command("plugins", **command(
        "qualcli plugins",
        "qualcli plugins --json",
    ))(plugins_command)
