"""The hooks a qualcli plugin can implement.

Plugins are found through the ``qualcli`` entry-point group. In the style of
``llm``, hooks *register objects* rather than doing work: each receives a
``register`` callable and calls it once per object it contributes. Behaviour
lives in plain classes that can be tested without the plugin manager.

The objects' contracts are the protocols and types of :mod:`qualcli.api`;
``docs/plugins.md`` is the plugin-author guide (a test checks that it
documents every hook here, with its signature). A hook name qualcli does not
define is an error (``qualcli plugins`` lists it; other commands stop with
exit 2); an object that breaks its hook's contract is skipped with a warning
naming the plugin.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("qualcli")
hookimpl = pluggy.HookimplMarker("qualcli")


@hookspec
def register_parsers(register):
    """Register document parsers, one ``register(parser)`` call each.

    A parser follows :class:`qualcli.api.Parser`: ``name`` (unique), ``body``
    (awarding-body id such as ``"vtct"``), ``formats`` (the source formats it
    accepts, e.g. ``("txt", "pdf", "docx")``), and two methods:

    - ``confidence(source) -> Confidence``: how sure it is (0.0-1.0) that the
      :class:`~qualcli.api.SourceText` is its body's document, judged by its
      own body's marks only, with a short reason. It must be cheap: it runs
      for every document of an accepted format.
    - ``parse(source) -> SpecDocument``: the parsed model. Content it
      recognises but cannot structure goes to ``SpecDocument.unstructured``.
      qualcli sets ``source``, ``body`` and the plugin version afterwards.

    The most confident parser wins and core breaks ties
    (:mod:`qualcli.detection`); ``--body ID`` restricts the choice to
    parsers of that body. Import heavy parser modules inside the hook
    function, so that commands which parse nothing do not load them.
    """


@hookspec
def register_readers(register):
    """Register readers for source formats, one ``register(reader)`` call each.

    A reader follows :class:`qualcli.api.Reader`: ``name``, ``suffixes``
    (lower-case, with the dot) and ``read(path, data) -> SourceText``; it may
    also offer ``read_with_headers(path, data)`` (page headers and footers
    included, which ``lint`` uses). A plugin reader for a suffix replaces
    the built-in one.
    """


@hookspec
def register_nos(register):
    """Register National Occupational Standards a plugin's documents name.

    Call ``register(entry)`` with a :class:`qualcli.api.NosEntry` mapping
    (``code``, ``title``, ``suite``; optionally ``year``, ``performance``,
    ``knowledge``, ``aliases``, ``note``). Entries extend the NOS catalogue
    shipped with qualcli (``qualcli nos list``); an invalid one is skipped
    with a warning.
    """


@hookspec
def register_legislation(register):
    """Register entries for the legislation currency table.

    Call ``register(entry)`` with a :class:`qualcli.api.LegislationEntry`
    mapping in the form of one item of ``src/qualcli/data/legislation.yaml``
    (validated by ``schemas/legislation.schema.json``). An entry with an
    existing ``id`` replaces the shipped one; an invalid one is skipped with
    a warning naming the plugin.
    """
