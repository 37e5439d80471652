"""Conventions shared by every command's help, in one place.

- one metavar style: UPPER-CASE placeholders (``FILE``, ``DATE``, ``PATH...``)
  and the choices of an enumerated option listed as ``[text|json]``;
- a usage line without Typer's braces: ``qualcli diff [OPTIONS] OLD NEW``;
- an untruncated one-line summary (the help's first paragraph) for
  ``qualcli --help``;
- an "Examples" section at the end of each command's help;
- ``-h`` as well as ``--help``, and ``--version`` (qualcli's and each plugin's).

A command module registers itself with ``app.command(NAME, **command(EXAMPLE, ...))``.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


def default_metavar(param: Any) -> str:
    """``[a|b]`` for a parameter with choices, else its name in upper case (``PATH...`` when repeatable)."""
    choices = getattr(param.type, "choices", None)
    if choices:
        return "[" + "|".join(str(getattr(c, "value", c)) for c in choices) + "]"
    name = (param.name or "value").upper()
    return name + ("..." if getattr(param, "nargs", 1) == -1 else "")


def first_paragraph(text: str | None) -> str | None:
    """The first paragraph of a help text, on one line."""
    if not text:
        return None
    return " ".join(text.strip().split("\n\n")[0].split())


class QualcliCommand(TyperCommand):
    """A Typer command following the conventions above."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.short_help = self.short_help or first_paragraph(self.help)
        for param in self.params:
            if param.metavar is None and not getattr(param, "is_flag", False):
                param.metavar = default_metavar(param)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        """``[OPTIONS] OLD NEW``, optional arguments in brackets."""
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                pieces.append(param.metavar if param.required else f"[{param.metavar}]")
        return pieces


class QualcliGroup(TyperGroup):
    """A command group (``nos``, ``legislation``) with a one-line summary for ``qualcli --help``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.short_help = self.short_help or first_paragraph(self.help)


def examples(*lines: str) -> str:
    """An epilog listing example invocations, kept as written (not re-wrapped)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


def command(*example_lines: str) -> dict[str, Any]:
    """Keyword arguments for ``app.command(NAME, ...)``: the command class and its examples."""
    return {"cls": QualcliCommand, "epilog": examples(*example_lines)}


def group(help_text: str, *example_lines: str) -> typer.Typer:
    """A sub-command group following the conventions (its sub-commands use :func:`command`)."""
    return typer.Typer(help=help_text, cls=QualcliGroup, no_args_is_help=True, epilog=examples(*example_lines))


def version_lines() -> list[str]:
    """``qualcli X.Y.Z`` and one line per installed plugin with its version.

    The plugins are loaded but their hooks are not called, so no parser module is imported.
    """
    from qualcli import __version__
    from qualcli.plugins import BUILTIN_PLUGINS, get_manager, plugin_version

    pm = get_manager()
    names = sorted(name for name, _ in pm.list_name_plugin() if name not in BUILTIN_PLUGINS)
    lines = [f"qualcli {__version__}"]
    lines += [f"  {name} {plugin_version(pm, name) or '(unknown version)'}" for name in names]
    if not any(impl.plugin_name in names for impl in pm.hook.register_parsers.get_hookimpls()):
        from qualcli.errors import NoParserInstalled

        lines.append(f"  {NoParserInstalled()}")
    return lines


def show_version(value: bool) -> None:
    """``--version``: print the versions and exit."""
    if value:
        print("\n".join(version_lines()))
        raise typer.Exit()
