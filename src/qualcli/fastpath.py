"""Commands answered without building the Typer command line, when their arguments are plain.

Importing Typer (click, inspect, typing, subprocess ... with it) costs about
five times a bare Python start-up: more than all the work of
``qualcli legislation check``, which a user may run many times in a script,
and a good part of a ``qualcli parse``. So :mod:`qualcli.start` first offers
the arguments to :func:`answer`. A command line is answered here only when
every argument is one this module fully understands:

- the command's words (``legislation check``), first;
- its options, as ``--name VALUE``, ``--name=VALUE`` or ``-n VALUE``, each
  at most once, with a value that is ``-`` or does not start with ``-``
  and, for an option with choices, is one of them;
- its flags (``--json``), each at most once;
- exactly its positional arguments, none starting with ``-``.

Anything else (``-h``/``--help``, ``--version``, an unknown or repeated
option, a missing value, ``--``, a value outside the choices, a wrong number
of arguments) returns None, and the Typer command line handles it with its
usual help and messages. The command itself runs the function the Typer
command calls (:mod:`qualcli.actions`), and errors end the run as they do
there (:mod:`qualcli.exits`). The test suite checks that each entry below
lists exactly the Typer command's options, flags, arguments, choices and
defaults, and that both ways print the same.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable


class FastCommand:
    """A command the fast path answers: the keyword names of its ``arguments``; its ``options``
    (each spelling -> keyword, choices or None); its ``flags`` (each spelling -> keyword); the
    ``defaults`` of options that have one (others default to None, flags to False); and ``run``,
    the ``module:function`` that runs it with them as keyword arguments and returns the exit code."""

    __slots__ = ("arguments", "options", "flags", "defaults", "run")

    def __init__(self, arguments: tuple[str, ...], options: dict[str, tuple[str, tuple[str, ...] | None]],
                 flags: dict[str, str], run: str, defaults: dict[str, str] | None = None) -> None:
        self.arguments = arguments
        self.options = options
        self.flags = flags
        self.run = run
        self.defaults = defaults or {}


#: The ``--jurisdiction`` choices (the Typer commands' ``Jurisdiction`` values).
JURISDICTIONS = ("UK", "GB", "EW", "E", "W", "S", "NI")
_JUDGED_BY = {"--as-of": ("as_of", None), "--jurisdiction": ("jurisdiction", JURISDICTIONS), "--config": ("config", None)}

#: Commands by their words, with the functions the Typer commands call.
COMMANDS = {
    ("legislation", "check"): FastCommand(("text",), _JUDGED_BY, {}, "qualcli.actions.legislation:check_text"),
    ("legislation", "show"): FastCommand(("name",), _JUDGED_BY, {"--json": "as_json"},
                                         "qualcli.actions.legislation:show_instrument"),
    ("legislation", "list"): FastCommand((), _JUDGED_BY, {"--rules": "rules", "--json": "as_json"},
                                         "qualcli.actions.legislation:list_instruments"),
    ("parse",): FastCommand(
        ("file",),
        {"--body": ("body", None), "--format": ("fmt", ("yaml", "json")), "-f": ("fmt", ("yaml", "json")),
         "--output": ("out", None), "-o": ("out", None)},
        {"--no-cache": "no_cache", "--strict": "strict", "--explain-detection": "explain_detection"},
        "qualcli.actions.parse:parse_document",
        defaults={"fmt": "yaml"},
    ),
}


def parse(args: list[str]) -> tuple[FastCommand, dict] | None:
    """The command and its keyword arguments when ``args`` are plain (see the module's docstring), else None."""
    for length in (2, 1):
        command = COMMANDS.get(tuple(args[:length]))
        if command is not None:
            break
    else:
        return None
    keywords: dict[str, object] = {}
    positional: list[str] = []
    rest = iter(args[length:])
    for token in rest:
        if not token.startswith("-"):
            positional.append(token)
            continue
        name, equals, value = token.partition("=")
        if name in command.flags and not equals:
            keyword, value = command.flags[name], True
        elif name in command.options and (name.startswith("--") or not equals):
            keyword, choices = command.options[name]
            value = value if equals else next(rest, None)
            if not value or (value.startswith("-") and value != "-") or (choices is not None and value not in choices):
                return None
        else:
            return None
        if keyword in keywords:
            return None
        keywords[keyword] = value
    if len(positional) != len(command.arguments):
        return None
    for keyword, _ in command.options.values():
        keywords.setdefault(keyword, command.defaults.get(keyword))
    for keyword in command.flags.values():
        keywords.setdefault(keyword, False)
    return command, {**dict(zip(command.arguments, positional)), **keywords}


def answer(args: list[str], ready: Callable[[], None] = lambda: None) -> int | None:
    """Run the command ``args`` name when they are plain, returning its exit code; None to use the full command line.

    ``ready`` is called once the command's code is imported, just before it
    runs. A user error ends the process with one line and exit 2, as the
    Typer command line does.
    """
    found = parse(args)
    if found is None:
        return None
    command, keywords = found
    from importlib import import_module

    from qualcli.exits import run_guarded

    module, _, function = command.run.partition(":")
    run = getattr(import_module(module), function)
    ready()
    return run_guarded(lambda: run(**keywords))
