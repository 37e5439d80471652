"""What commands do, without the command line around them.

Each function takes a command's options as keyword arguments, prints its
result and returns the exit code (a user error raises
:class:`~qualcli.errors.QualcliError`). The Typer commands in
:mod:`qualcli.commands` call them, and so does the start-up fast path
(:mod:`qualcli.fastpath`), which answers plain command lines without
importing Typer: so both print exactly the same. Nothing here imports Typer.
"""
