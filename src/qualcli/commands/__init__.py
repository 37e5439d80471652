"""One module per command; each has ``register(app)`` and imports only Typer."""

import typer

#: ``--no-cache`` for every command that parses source documents (see qualcli.speccache).
NO_CACHE = typer.Option(False, "--no-cache", help="Parse source documents again instead of using the cache of parsed documents.")
