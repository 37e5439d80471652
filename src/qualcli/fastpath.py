"""Commands answered without building the Typer command line, when their arguments are plain.

Importing Typer (click, inspect, typing, subprocess ... with it) costs about
five times a bare Python start-up: more than all the work of
``qualcli legislation check``, which a user may run many times in a script,
and a good part of a ``qualcli parse`` or of a ``qualcli lint`` of a few
files (run on every push). So :mod:`qualcli.start` first offers
the arguments to :func:`answer`. A command line is answered here only when
every argument is one this module fully understands:

- the command's words (``legislation check``), first;
- its options, as ``--name VALUE``, ``--name=VALUE`` or ``-n VALUE``, each
  at most once, with a value that is ``-`` or does not start with ``-``
  and, for an option with choices, is one of them (a number, for ``--jobs``);
- its flags (``--json``), each at most once;
- exactly its positional arguments (one or more, for ``lint``'s paths),
  none starting with ``-``.

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
    """A command the fast path answers.

    ``arguments`` are the keyword names of its positional arguments (a last
    one written ``name...`` takes one or more); ``options`` map each spelling
    to its keyword and what its value must be (None: any text; a tuple: one
    of these; :data:`POSITIVE_INT`: a whole number of at least 1); ``flags``
    map each spelling to its keyword and the value it sets; ``defaults`` are
    the keywords' values when not given (otherwise None, or False for a
    flag); ``run`` is the ``module:function`` that runs the command with them
    as keyword arguments and returns the exit code.
    """

    __slots__ = ("arguments", "options", "flags", "defaults", "run")

    def __init__(self, arguments: tuple[str, ...], options: dict[str, tuple[str, object]],
                 flags: dict[str, tuple[str, bool]], run: str, defaults: dict[str, object] | None = None) -> None:
        self.arguments = arguments
        self.options = options
        self.flags = flags
        self.run = run
        self.defaults = defaults or {}


#: An option whose value is a whole number of at least 1 (``--jobs N``).
POSITIVE_INT = "positive int"
#: The ``--jurisdiction`` choices (the Typer commands' ``Jurisdiction`` values).
JURISDICTIONS = ("UK", "GB", "EW", "E", "W", "S", "NI")
_JUDGED_BY = {"--as-of": ("as_of", None), "--jurisdiction": ("jurisdiction", JURISDICTIONS), "--config": ("config", None)}
_OUTPUT = {"--output": ("out", None), "-o": ("out", None)}
_SPEC_FORMATS = ("yaml", "json")
_LINT_FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab")
_SEVERITIES = ("error", "warning", "info")

#: Commands by their words, with the functions the Typer commands call.
COMMANDS = {
    ("legislation", "check"): FastCommand(("text",), _JUDGED_BY, {}, "qualcli.actions.legislation:check_text"),
    ("legislation", "show"): FastCommand(("name",), _JUDGED_BY, {"--json": ("as_json", True)},
                                         "qualcli.actions.legislation:show_instrument"),
    ("legislation", "list"): FastCommand((), _JUDGED_BY, {"--rules": ("rules", True), "--json": ("as_json", True)},
                                         "qualcli.actions.legislation:list_instruments"),
    ("parse",): FastCommand(
        ("file",),
        {"--body": ("body", None), "--format": ("fmt", _SPEC_FORMATS), "-f": ("fmt", _SPEC_FORMATS), **_OUTPUT},
        {"--no-cache": ("no_cache", True), "--strict": ("strict", True), "--explain-detection": ("explain_detection", True)},
        "qualcli.actions.parse:parse_document",
        defaults={"fmt": "yaml"},
    ),
    ("lint",): FastCommand(
        ("paths...",),
        {**_JUDGED_BY, "--format": ("fmt", _LINT_FORMATS), "-f": ("fmt", _LINT_FORMATS),
         "--fail-on": ("fail_on", _SEVERITIES), "--baseline": ("baseline", None),
         "--write-baseline": ("write_baseline", None), "--output": ("output", None), "-o": ("output", None),
         "--jobs": ("jobs", POSITIVE_INT), "--changed-since": ("changed_since", None)},
        {"--specs": ("specs", True), "--no-specs": ("specs", False)},
        "qualcli.actions.lint:lint_paths",
        defaults={"fmt": "text", "specs": True},
    ),
}


def _value(text: str | None, check: object) -> object:
    """The option's value from ``text``, or None when the text is not plainly a valid value."""
    if not text or (text.startswith("-") and text != "-"):
        return None
    if check == POSITIVE_INT:
        return int(text) if text.isdigit() and text.isascii() and int(text) >= 1 else None
    if isinstance(check, tuple) and text not in check:
        return None
    return text


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
        name, equals, text = token.partition("=")
        if name in command.flags and not equals:
            keyword, value = command.flags[name]
        elif name in command.options and (name.startswith("--") or not equals):
            keyword, check = command.options[name]
            value = _value(text if equals else next(rest, None), check)
            if value is None:
                return None
        else:
            return None
        if keyword in keywords:
            return None
        keywords[keyword] = value
    *single, last = command.arguments or ("",)
    if last.endswith("..."):
        if len(positional) <= len(single):
            return None
        keywords.update(zip(single, positional), **{last[:-3]: positional[len(single):]})
    elif len(positional) != len(command.arguments):
        return None
    else:
        keywords.update(zip(command.arguments, positional))
    for keyword, _ in (*command.options.values(), *command.flags.values()):
        keywords.setdefault(keyword, command.defaults.get(keyword))
    for keyword, value in command.flags.values():
        if keywords[keyword] is None:
            keywords[keyword] = False
    return command, keywords


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
    from qualcli.exits import run_guarded
    from qualcli.plugin_index import load_entry_point

    run = load_entry_point(command.run)
    ready()
    return run_guarded(lambda: run(**keywords))
