"""Parsed source documents kept in the user's cache folder, so the same file is parsed once.

An entry is one file under ``<cache dir>/specs/``: a header line and the document::

    {"format": 1, "key": "…", "doc_sha256": "…"}
    {"source": {…}, "units": […], …}

The key is a SHA-256 over everything the parse depends on: the source's bytes,
the path as given (it is printed in the output), ``--body``, the qualcli
version, every installed parser with its version, and a stamp of the code of
qualcli and of every parser's package (file names, sizes and modification
times), so an upgraded or edited parser never sees an old answer. An entry is
used only when its header names this very key, the document is byte for byte
what was written (``doc_sha256``), and it builds a :class:`SpecDocument` whose
source is this file; anything else is ignored and rebuilt, so the cache can
cost time but never change an answer.

``--no-cache`` on the commands that parse, or ``QUALCLI_NO_CACHE=1``, bypasses it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from qualcli.model import SpecDocument

FORMAT = 1
#: Entries kept; the least recently written beyond this are removed when a new one is written.
MAX_ENTRIES = 500


def enabled(requested: bool = True) -> bool:
    """Whether to use the cache: asked for, and not turned off by ``QUALCLI_NO_CACHE``."""
    return requested and os.environ.get("QUALCLI_NO_CACHE", "").strip().lower() in ("", "0", "false", "no")


def cached_parse(path: Path, data: bytes, body: str | None, build: Callable[[], SpecDocument]) -> SpecDocument:
    """The parsed document for ``path`` (whose bytes are ``data``): from the cache, or built and stored."""
    source_sha = hashlib.sha256(data).hexdigest()
    key = _key(path, source_sha, body)
    entry = _folder() / f"{key[:32]}.json"
    doc = _read(entry, key, source_sha)
    if doc is None:
        doc = build()
        _write(entry, key, doc)
    return doc


def _key(path: Path, source_sha: str, body: str | None) -> str:
    from qualcli import __version__, plugins
    from qualcli.readers.lazy import reader_module

    pm = plugins.get_manager()
    parsers = sorted((p.name, str(plugins.plugin_version(pm, plugin)), type(p).__module__)
                     for plugin, p in plugins.registered_parsers(pm))
    readers = sorted((suffix, reader_module(r)) for suffix, r in plugins.readers().items())
    packages = sorted({module.split(".")[0] for _, _, module in parsers} | {module.split(".")[0] for _, module in readers} | {"qualcli"})
    parts = {
        "format": FORMAT, "source": source_sha, "path": str(path), "body": body, "qualcli": __version__,
        "parsers": parsers, "readers": readers, "code": [_code_stamp(name) for name in packages],
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()


def _code_stamp(package: str) -> str:
    """A digest of the names, sizes and modification times of a package's Python files."""
    module = sys.modules.get(package)
    folder = Path(module.__file__).parent if module is not None and getattr(module, "__file__", None) else None
    if folder is None:
        return f"{package}:unknown"
    stamp = hashlib.sha256()
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(f for f in files if f.endswith(".py")):
            info = os.stat(os.path.join(root, name))
            stamp.update(f"{os.path.relpath(os.path.join(root, name), folder)}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    return f"{package}:{stamp.hexdigest()}"


def _folder() -> Path:
    from qualcli.cachedir import cache_dir

    return cache_dir() / "specs"


def _read(entry: Path, key: str, source_sha: str) -> SpecDocument | None:
    """The cached document, or None when the entry is missing or not to be trusted."""
    from qualcli.legislation.cache import read_checked

    payload = read_checked(entry, {"format": FORMAT, "key": key}, "doc_sha256")
    if payload is None:
        return None
    try:
        doc = SpecDocument.from_dict(json.loads(payload))
    except Exception:  # noqa: BLE001 — any damage (bad JSON, wrong shapes) means "rebuild", never a failure
        return None
    if doc.source is None or doc.source.sha256 != source_sha:
        return None
    return doc


def _write(entry: Path, key: str, doc: SpecDocument) -> None:
    """Store the document; a cache folder that cannot be written is left alone."""
    from qualcli.cachedir import prune
    from qualcli.legislation.cache import write_checked

    payload = json.dumps(doc.to_dict(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    write_checked(entry, {"format": FORMAT, "key": key}, payload, "doc_sha256")
    prune(str(entry.parent), MAX_ENTRIES, ".json")
