"""qualcli hooks of the VTCT plugin: the parser, and the NOS its books name."""

from __future__ import annotations

from qualcli.hookspecs import hookimpl

from qualcli_vtct.parser import VtctParser


@hookimpl
def register_parsers(register):
    register(VtctParser())
