"""Commands answered without building the Typer command line, when their arguments are plain.

Importing Typer (click, inspect, typing, subprocess ... with it) costs about
five times a bare Python start-up: more than all the work of
``qualcli legislation check``, which a user may run many times in a script.
So :mod:`qualcli.start` first offers the arguments to :func:`answer`. A
command line is answered here only when every argument is one this module
fully understands:

- the command's words (``legislation check``), first;
- its options, as ``--name VALUE`` or ``--name=VALUE``, each at most once,
  with a value that does not start with ``-`` and, for an option with
  choices, is one of them;
- its flags (``--json``), each at most once;
- exactly its positional arguments, none starting with ``-``.

Anything else (``-h``/``--help``, ``--version``, an unknown or repeated
option, a missing value, ``--``, a value outside the choices, a wrong number
of arguments) returns None, and the Typer command line handles it with its
usual help and messages. The command itself runs the same function the
Typer command calls (:mod:`qualcli.legislation.lookup`), and errors end the
run as they do there (:mod:`qualcli.exits`). The test suite checks that each
entry below lists exactly the Typer command's options, flags, arguments and
choices, and that both ways print the same.
"""

from __future__ import annotations

#: The ``--jurisdiction`` choices (the Typer commands' ``Jurisdiction`` values).
JURISDICTIONS = ("UK", "GB", "EW", "E", "W", "S", "NI")
_JUDGED_BY = {"--as-of": None, "--jurisdiction": JURISDICTIONS, "--config": None}


class FastCommand:
    """A command the fast path answers: its arguments, options (name -> choices or None) and flags,
    and the ``module:function`` that runs it with them as keyword arguments, returning the exit code."""

    __slots__ = ("arguments", "options", "flags", "run")

    def __init__(self, arguments: tuple[str, ...], options: dict, flags: tuple[str, ...], run: str) -> None:
        self.arguments = arguments
        self.options = options
        self.flags = flags
        self.run = run


#: Commands by their words, with the functions the Typer commands call.
COMMANDS = {
    ("legislation", "check"): FastCommand(("text",), _JUDGED_BY, (), "qualcli.legislation.lookup:check_text"),
    ("legislation", "show"): FastCommand(("name",), _JUDGED_BY, ("--json",), "qualcli.legislation.lookup:show_instrument"),
    ("legislation", "list"): FastCommand((), _JUDGED_BY, ("--rules", "--json"), "qualcli.legislation.lookup:list_instruments"),
}

#: Keyword argument names of options and flags that differ from the option's name.
_KEYWORDS = {"--json": "as_json"}


def parse(args: list[str]) -> tuple[FastCommand, dict] | None:
    """The command and its keyword arguments when ``args`` are plain (see the module's docstring), else None."""
    command = COMMANDS.get(tuple(args[:2]))
    if command is None:
        return None
    given: dict[str, object] = {}
    positional: list[str] = []
    rest = iter(args[2:])
    for token in rest:
        if not token.startswith("-"):
            positional.append(token)
            continue
        name, equals, value = token.partition("=")
        if name in given:
            return None
        if name in command.flags and not equals:
            given[name] = True
        elif name in command.options:
            value = value if equals else next(rest, None)
            choices = command.options[name]
            if value is None or value.startswith("-") or (choices is not None and value not in choices):
                return None
            given[name] = value
        else:
            return None
    if len(positional) != len(command.arguments):
        return None
    keywords = dict(zip(command.arguments, positional))
    for name in (*command.options, *command.flags):
        default = False if name in command.flags else None
        keywords[_KEYWORDS.get(name, name[2:].replace("-", "_"))] = given.get(name, default)
    return command, keywords


def answer(args: list[str]) -> int | None:
    """Run the command ``args`` name when they are plain, returning its exit code; None to use the full command line.

    A user error ends the process with one line and exit 2, as the Typer command line does.
    """
    found = parse(args)
    if found is None:
        return None
    command, keywords = found
    from importlib import import_module

    from qualcli.exits import run_guarded

    module, _, function = command.run.partition(":")
    return run_guarded(lambda: getattr(import_module(module), function)(**keywords))
