"""Sub-commands built on first use, so a command inspects only its own functions.

Typer turns every registered function into a click command when the app
starts: it inspects each signature and builds each option, for all commands,
on every run. :class:`LazyGroup` lists its sub-commands by name and builds one
(importing its module under :mod:`qualcli.commands` and converting it exactly
as Typer converts the app's own commands) only when it is looked up: to run
it, to print ``--help`` (which shows every summary, so builds all), or to
complete it in a shell. What is built is the same click command as before, so
help, errors and completion are unchanged.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping
from typing import Any, Callable

import typer
from typer.main import get_command_from_info, get_group_from_info

from qualcli.commands.conventions import QualcliGroup


class LazyCommands(MutableMapping):
    """Commands by name, in a fixed order; a command not yet built is built by ``load(name)`` when first read."""

    def __init__(self, built: dict[str, Any], names: tuple[str, ...], load: Callable[[str], Any]) -> None:
        self._built = dict(built)
        self._order = [*names, *(name for name in built if name not in names)]
        self._load = load

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            if name not in self._order:
                raise KeyError(name)
            self._built[name] = self._load(name)
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        if name not in self._order:
            self._order.append(name)
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        self._order.remove(name)
        self._built.pop(name, None)

    def __contains__(self, name: object) -> bool:
        return name in self._order

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._order))

    def __len__(self) -> int:
        return len(self._order)


def build_commands(register: Callable[[typer.Typer], None], parent: typer.Typer) -> dict[str, Any]:
    """The click commands and groups that ``register`` adds to a Typer app, by name, converted with
    ``parent``'s settings (as Typer converts ``parent``'s own commands)."""
    scratch = typer.Typer()
    register(scratch)
    settings = {"pretty_exceptions_short": parent.pretty_exceptions_short, "rich_markup_mode": parent.rich_markup_mode}
    built: dict[str, Any] = {}
    for info in scratch.registered_commands:
        command = get_command_from_info(info, **settings)
        built[command.name] = command
    for group_info in scratch.registered_groups:
        group = get_group_from_info(group_info, suggest_commands=parent.suggest_commands, **settings)
        built[group.name] = group
    return built


class LazyGroup(QualcliGroup):
    """The root group: its commands are the modules named in ``command_modules`` (one command each,
    named after its module), built from ``app`` when first looked up."""

    command_modules: tuple[str, ...] = ()
    app: typer.Typer | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands(self.commands, self.command_modules, self._load)

    def _load(self, name: str) -> Any:
        """Import ``qualcli.commands.<name>`` and build the command it registers."""
        module = importlib.import_module(f"qualcli.commands.{name}")
        return build_commands(module.register, self.app)[name]

    def list_commands(self, ctx: Any) -> list[str]:
        """The command names in order, without building the commands."""
        return list(self.commands)
