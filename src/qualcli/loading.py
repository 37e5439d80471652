"""From a path on the command line to a :class:`SpecDocument`.

A path may be a source document (read by a reader, parsed by the most
confident parser) or a parsed spec in YAML/JSON (validated against the
schema). Every problem a user can cause becomes a :class:`QualcliError`.
"""

from __future__ import annotations

from pathlib import Path

from qualcli import plugins
from qualcli.errors import QualcliError, UnreadableDocument, UnrecognisedDocument
from qualcli.model import SpecDocument, Source
from qualcli.readers import SourceText

SPEC_SUFFIXES = (".yaml", ".yml", ".json")
MIN_CONFIDENCE = 0.3


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a one-line error for a missing/unreadable path."""
    if not path.exists():
        raise QualcliError("no such file", str(path))
    if path.is_dir():
        raise QualcliError("is a directory, not a file", str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise QualcliError(f"cannot read: {exc.strerror}", str(path)) from None
    if not data.strip():
        raise UnreadableDocument("file is empty", str(path))
    return data


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


def choose_parser(source: SourceText, body: str | None = None):
    """The most confident parser for ``source`` (only ``body``'s if given)."""
    candidates = plugins.parsers()
    if body is not None:
        bodies = sorted({p.body for p in candidates})
        candidates = [p for p in candidates if p.body == body]
        if not candidates:
            raise QualcliError(f"unknown awarding body {body!r}; installed: {', '.join(bodies) or 'none'}")
    candidates = [p for p in candidates if source.format in getattr(p, "formats", (source.format,))]
    scored = sorted(((p.confidence(source), p) for p in candidates), key=lambda s: (-s[0].score, s[1].name))
    if scored and (scored[0][0].score >= MIN_CONFIDENCE or (body is not None and scored[0][0].score > 0)):
        return scored[0][1]
    tried = "; ".join(f"{p.name} {c.score:.2f} ({c.reason})" for c, p in scored) or "no parser accepts this format"
    raise UnrecognisedDocument(f"not recognised as a specification — {tried}", source.path)


def parse_source(source: SourceText, body: str | None = None) -> SpecDocument:
    """Parse a read document with the best parser, fill in its source and the legislation it cites."""
    parser = choose_parser(source, body)
    doc = parser.parse(source)
    doc.source = Source(
        path=source.path,
        sha256=source.sha256,
        format=source.format,
        body=parser.body,
        plugin=parser.name,
        plugin_version=getattr(parser, "version", None),
        pages=source.pages,
    )
    doc.body = parser.body
    doc.warnings[:0] = source.warnings
    from qualcli.legislation.annotate import annotate

    annotate(doc)
    from qualcli.diagnostics import diagnose

    doc.diagnostics = diagnose(doc)
    return doc


def load_spec(path: str | Path, body: str | None = None, cache: bool = True) -> SpecDocument:
    """Load a source document or a parsed spec file as a SpecDocument.

    A source document's parse is kept in the user cache (:mod:`qualcli.speccache`)
    unless ``cache`` is False or ``QUALCLI_NO_CACHE`` is set.
    """
    path = Path(path)
    if path.suffix.lower() in SPEC_SUFFIXES:
        from qualcli.specfile import load_spec_file

        return load_spec_file(path)
    from qualcli import speccache

    if not speccache.enabled(cache):
        return parse_source(read_source(path), body)
    return speccache.cached_parse(path, read_bytes(path), body, lambda: parse_source(read_source(path), body))
