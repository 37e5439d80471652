"""From a path on the command line to a :class:`SpecDocument`.

A path may be a source document (read by a reader, parsed by the parser
:mod:`qualcli.detection` chooses) or a parsed spec in YAML/JSON (validated
against the schema). Every problem a user can cause becomes a
:class:`QualcliError`. Loading does no legislation work: the commands that
output or compare citations (``parse``, ``diff``, ``lint``) find them.
"""

from __future__ import annotations

from pathlib import Path

from qualcli import plugins
from qualcli.detection import Detection, detect, unrecognised
from qualcli.errors import UnreadableDocument
from qualcli.files import SPEC_SUFFIXES, read_bytes
from qualcli.model import Source, SpecDocument
from qualcli.readers import SourceText

__all__ = ["SPEC_SUFFIXES", "load_spec", "parse_source", "read_bytes", "read_source"]


def read_source(path: Path) -> SourceText:
    """Read a source document with the reader registered for its suffix."""
    data = read_bytes(path)
    available = plugins.readers()
    reader = available.get(path.suffix.lower())
    if reader is None:
        known = " ".join(sorted(available))
        raise UnreadableDocument(f"unsupported file type {path.suffix or '(none)'!r}; qualcli reads {known}", str(path))
    source = reader.read(path, data)
    if not any(line.text.strip() for line in source.lines):
        raise UnreadableDocument("no text could be read from the document", str(path))
    return source


def parse_source(source: SourceText, body: str | None = None, detection: list[Detection] | None = None) -> SpecDocument:
    """Parse a read document with the chosen parser; core fills in ``source``, ``body`` and the plugin's version.

    When ``detection`` is a list, the :class:`Detection` is appended to it (for
    ``parse --explain-detection``).
    """
    pm = plugins.get_manager()
    found = detect(source, plugins.registered_parsers(pm), body)
    if detection is not None:
        detection.append(found)
    if found.chosen is None:
        raise unrecognised(found, source.path)
    chosen = found.chosen
    doc = found.parsed or chosen.parser.parse(source)
    doc.source = Source(
        path=source.path,
        sha256=source.sha256,
        format=source.format,
        body=chosen.parser.body,
        plugin=chosen.parser.name,
        plugin_version=plugins.plugin_version(pm, chosen.plugin),
        pages=source.pages,
    )
    doc.body = chosen.parser.body
    doc.warnings[:0] = source.warnings
    from qualcli.diagnostics import diagnose

    doc.diagnostics = diagnose(doc)
    return doc


def load_spec(
    path: str | Path, body: str | None = None, detection: list[Detection] | None = None, cache: bool = True
) -> SpecDocument:
    """Load a source document or a parsed spec file as a SpecDocument.

    A source document's parse is kept in the user cache (:mod:`qualcli.speccache`)
    unless ``cache`` is False or ``QUALCLI_NO_CACHE`` is set; when ``detection``
    is a list (``parse --explain-detection``) the parsers are asked afresh.
    """
    path = Path(path)
    if path.suffix.lower() in SPEC_SUFFIXES:
        from qualcli.specfile import load_spec_file

        return load_spec_file(path)
    from qualcli import speccache

    if detection is not None or not speccache.enabled(cache):
        return parse_source(read_source(path), body, detection)
    return speccache.cached_parse(path, read_bytes(path), body, lambda: parse_source(read_source(path), body))
