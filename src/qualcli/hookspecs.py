"""The hooks a qualcli plugin can implement.

Plugins are found through the ``qualcli`` entry-point group. In the style of
``llm``, hooks *register objects* rather than doing work: each receives a
``register`` callable and calls it once per object it contributes. Behaviour
lives in plain classes that can be tested without the plugin manager.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("qualcli")
hookimpl = pluggy.HookimplMarker("qualcli")


@hookspec
def register_parsers(register):
    """Register document parsers, one ``register(parser)`` call each.

    A parser has ``name`` (unique), ``body`` (awarding-body id such as
    ``"vtct"``), ``formats`` (source formats it accepts, e.g. ``("txt",
    "pdf", "docx")``), and two methods:

    - ``confidence(source) -> Confidence``: how sure it is (0.0-1.0) that the
      :class:`~qualcli.readers.SourceText` is a document it parses, with a
      short reason. It must be cheap: it runs for every document.
    - ``parse(source) -> SpecDocument``: the parsed model. Content it
      recognises but cannot structure goes to ``SpecDocument.unstructured``.

    The most confident parser wins; ``--body ID`` restricts the choice to
    parsers of that body.
    """


@hookspec
def register_readers(register):
    """Register readers for source formats, one ``register(reader)`` call each.

    A reader has ``name``, ``suffixes`` (lower-case, with the dot) and
    ``read(path, data) -> SourceText`` (see :class:`qualcli.readers.Reader`).
    A plugin reader for a suffix replaces the built-in one.
    """


@hookspec
def register_nos(register):
    """Register National Occupational Standards a plugin's documents name.

    Call ``register(entry)`` with a mapping ``{"code", "title", "suite",
    "year"?, "performance"?: [...], "knowledge"?: [...]}``. Entries extend
    the NOS catalogue shipped with qualcli (``qualcli nos list``).
    """


@hookspec
def register_legislation(register):
    """Register entries for the legislation currency table.

    Call ``register(entry)`` with a mapping in the form of one item of
    ``src/qualcli/data/legislation.yaml`` (validated by
    ``schemas/legislation.schema.json``). An entry with an existing ``id``
    replaces the shipped one.
    """
