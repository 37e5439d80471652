"""qualcli hooks of the VTCT plugin: the record-of-assessment book parser.

The parser's modules are imported when the hook is called, so a command that
needs no parser (``qualcli legislation check``) does not pay for them.
"""

from __future__ import annotations

from qualcli.api import hookimpl


@hookimpl
def register_parsers(register):
    from qualcli_vtct.parser import VtctParser

    register(VtctParser())
