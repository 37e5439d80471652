"""Linting files: one file at a time, or many in parallel.

:func:`lint_file` reads a file, extracts its prose, finds and checks every
legislation reference, drops change-log rows, places findings in a parsed
spec when a plugin recognises the file, and applies inline suppressions.
:func:`lint_files` runs it over a list, in worker processes when the list is
large (each worker builds the currency table once).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from qualcli.errors import QualcliError, UnrecognisedDocument
from qualcli.files import SPEC_SUFFIXES
from qualcli.lint.changelog import changelog_lines
from qualcli.lint.extract import MARKDOWN_SUFFIXES, PHYSICAL_LINES, TEXT_SUFFIXES, lines_prose
from qualcli.lint.findings import FileReport, Finding
from qualcli.lint.firstlook import first_look
from qualcli.lint.prose import Prose
from qualcli.lint.settings import Settings
from qualcli.lint.suppress import Suppressions, parse_suppressions

#: Below this many files (or bytes) one process is faster than starting workers.
PARALLEL_MIN_FILES = 48
PARALLEL_MIN_BYTES = 4_000_000
_SNIPPET = 30


_CHECKERS: dict[tuple[str, tuple[str, ...]], tuple] = {}


def checker(settings: Settings):
    """The currency table and finder for ``settings`` (built once per process)."""
    key = (json.dumps(settings.entries, sort_keys=True, default=str), settings.table_files)
    if key not in _CHECKERS:
        from qualcli.legislation.finder import finder_for
        from qualcli.legislation.table import build_table

        table = build_table(settings.entries, [Path(f) for f in settings.table_files], settings.config_file or "config")
        _CHECKERS[key] = (table, finder_for(table))
    return _CHECKERS[key]


def _read(path: Path, settings: Settings):
    """(prose, source-or-index): the reader's SourceText for the spec parsers, or a parsed spec file's index.

    Every format goes through its registered reader. Text, Markdown and HTML
    keep their source lines for suppression comments and change-log rows;
    Markdown files are linted as material only (never offered to the spec parsers).
    """
    suffix = path.suffix.lower()
    if suffix in SPEC_SUFFIXES:
        return _read_spec_file(path)
    if suffix not in TEXT_SUFFIXES:
        source = _read_with_headers(path)
        return lines_prose(source.lines), source
    from qualcli import plugins

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise QualcliError(f"cannot read: {exc.strerror}", str(path)) from None
    if not data.strip():  # an empty page cites nothing
        return Prose(), None
    reader = plugins.readers()[suffix]
    prose = _markdown(path, data, reader, checker(settings)[1]) if suffix in MARKDOWN_SUFFIXES else None
    if prose is not None:
        return prose, None
    source = reader.read(path, data)
    prose = lines_prose(source.lines, physical=source.format in PHYSICAL_LINES)
    prose.lines, prose.source = {}, _source_text(path, data, source.format)  # the file's own lines, not the reader's
    return prose, (None if source.format == "md" else source)


def _markdown(path: Path, data: bytes, reader, finder) -> Prose | None:
    """A Markdown file's prose without the reader's Line for every line (see :mod:`qualcli.lint.markdown`),
    empty when ``finder`` can find nothing in it; None when a plugin reads Markdown instead of the
    built-in reader, or the fast path declines the text."""
    from qualcli.lint.markdown import markdown_prose, markup_may_join
    from qualcli.readers.lazy import unwrapped
    from qualcli.readers.text import TextReader, decode_text

    if not isinstance(unwrapped(reader), TextReader):
        return None
    text = decode_text(path, data)
    if not finder.may_find(text) and not markup_may_join(text):
        return Prose()  # no anchor word, and removing markup makes none: nothing to cite
    prose = markdown_prose(text)
    if prose is not None:
        prose.source = text
    return prose


def _source_text(path: Path, data: bytes, fmt: str) -> str:
    """The file as text, for the comments and rows lint reads line by line."""
    if fmt == "html":
        from qualcli.readers.html import decode_html

        return decode_html(path, data)
    from qualcli.readers.text import decode_text

    return decode_text(path, data)


def _read_spec_file(path: Path):
    from qualcli.lint.spec import model_prose
    from qualcli.specfile import load_spec_file

    return model_prose(load_spec_file(path))


def _read_with_headers(path: Path):
    """Read with the core reader; DOCX readers that can include headers and footers are asked to."""
    from qualcli import plugins
    from qualcli.loading import read_bytes, read_source

    reader = plugins.readers().get(path.suffix.lower())
    if reader is not None and hasattr(reader, "read_with_headers"):
        return reader.read_with_headers(path, read_bytes(path))
    return read_source(path)


def _spec_index(source, report: FileReport):
    """The parsed spec's index when a plugin recognises the document, else None."""
    from qualcli.lint.gate import may_be_spec
    from qualcli.lint.spec import SpecIndex
    from qualcli.loading import parse_source

    if not may_be_spec(source):
        return None
    try:
        doc = parse_source(source)
    except UnrecognisedDocument:
        return None
    except Exception as exc:  # a plugin failing on one file must not stop the lint: lint it as material
        report.notes.append(f"spec parser failed ({type(exc).__name__}: {exc}); linted as plain material")
        return None
    report.kind = f"spec:{doc.body}"
    return SpecIndex(doc, same_lines=source.format != "html")


def lint_file(path: str, settings: Settings) -> FileReport:
    """Lint one file; a problem reading it is recorded in ``FileReport.error``."""
    report = FileReport(path=path)
    try:
        file = Path(path)
        prose, source = _read(file, settings)
        if file.suffix.lower() in SPEC_SUFFIXES:  # a parsed spec file: _read gave its ModelIndex
            index, report.kind = source, "spec"
        else:
            index = _spec_index(source, report) if settings.specs and source is not None else None
    except QualcliError as exc:
        report.error = exc.message
        return report
    table, finder = checker(settings)
    from qualcli.legislation.checks import check_reference

    text = prose.text
    refs = finder.find(text)
    if not refs:
        return report
    rows, directives = first_look(prose.source) if prose.source is not None else (True, True)  # a text format's own text
    skip = changelog_lines(prose.source_lines()) if rows else set()
    suppressions = parse_suppressions(prose.source_lines()) if directives else Suppressions()
    severities = settings.severities()
    placed = bool(skip) or index is not None  # whether a reference's line decides if it is checked at all
    place = None
    for ref in refs:
        if placed:
            line, column, page = prose.position(ref.start)
            if line in skip:
                continue
            if index is not None:  # only a spec's index reads the words around the reference
                snippet = _snippet(text, ref.start, ref.end)
                if index.in_change_log(line, snippet):
                    continue
                place = index.place(line, snippet, ref.start)
        verdicts = check_reference(ref, text, table, settings.as_of, settings.jurisdiction, prose)
        if not verdicts:
            continue  # most references are current: no position to work out
        if not placed:
            line, column, page = prose.position(ref.start)
        end_line, end_column, _ = prose.position(ref.end - 1)
        for verdict in verdicts:
            severity = severities.get(verdict.rule, verdict.severity)
            if severity == "off":
                continue
            if suppressions.suppresses(line, verdict.rule):
                report.suppressed += 1
                continue
            report.findings.append(Finding(
                path=path, line=line, column=column, end_line=end_line, end_column=end_column + 1,
                rule=verdict.rule, severity=severity, message=verdict.message, matched_text=ref.text,
                instrument=verdict.instrument, successor=verdict.successor, suggestion=verdict.suggestion, page=page,
                location=place.as_dict() if place else {}, location_label=place.label() if place else None,
            ))
    return report


def _snippet(text: str, start: int, end: int) -> str:
    """The words around a reference, within its paragraph or table cell (markup already removed)."""
    lo = max(0, start - _SNIPPET)
    hi = min(len(text), end + _SNIPPET)
    lo = max([lo] + [text.rfind(stop, lo, start) + len(stop) for stop in ("\n\n", "\t") if text.rfind(stop, lo, start) >= 0])
    cuts = [text.find(stop, end, hi) for stop in ("\n\n", "\t")]
    return text[lo:min([hi] + [c for c in cuts if c >= 0])]


def _lint_chunk(paths: list[str], settings: Settings, finish=None) -> list[FileReport]:
    reports = [lint_file(p, settings) for p in paths]
    if finish is not None:
        for report in reports:
            finish(report)
    return reports


def lint_files(paths: list[str], settings: Settings, jobs: int | None = None, finish=None) -> list[FileReport]:
    """Lint every file; in parallel over all cores when the run is large. Reports keep ``paths`` order.

    ``finish`` (picklable, e.g. a :class:`~qualcli.lint.finish.Finisher`) is applied to each report
    where it is made, so per-file work on the findings runs in the workers too.
    """
    jobs = jobs or os.cpu_count() or 1
    total = sum(_size(p) for p in paths) if len(paths) >= PARALLEL_MIN_FILES else 0
    if jobs < 2 or len(paths) < PARALLEL_MIN_FILES or total < PARALLEL_MIN_BYTES:
        return _lint_chunk(paths, settings, finish)
    chunks = _chunks(paths, jobs)
    from concurrent.futures import ProcessPoolExecutor  # only for a large run: its import costs a small one

    reports: list[FileReport] = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for result in pool.map(_lint_chunk, chunks, [settings] * len(chunks), [finish] * len(chunks)):
            reports.extend(result)
    return reports


def _chunks(paths: list[str], jobs: int) -> list[list[str]]:
    """``paths`` in chunks for ``jobs`` workers: up to 64 files, smaller towards the end (each a quarter of
    what is left per worker, at least 4), so the workers run out of work at about the same time."""
    chunks, at = [], 0
    while at < len(paths):
        size = max(4, min(64, (len(paths) - at) // (jobs * 4)))
        chunks.append(paths[at:at + size])
        at += size
    return chunks


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
