"""The Pearson plugin's hooks: what it registers with qualcli."""

from __future__ import annotations

from qualcli.hookspecs import hookimpl


@hookimpl
def register_parsers(register):
    from qualcli_pearson.specialist.parser import SpecialistParser

    register(SpecialistParser())


@hookimpl
def register_readers(register):
    pass
