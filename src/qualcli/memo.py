"""Results of slow, pure steps kept between runs in the user's cache folder, keyed by their input.

A short command that reads a config file would otherwise parse its TOML and
validate its ``lint`` table against the JSON Schema on every run (importing
tomllib and jsonschema costs several times the rest of ``qualcli legislation
check``). Both depend only on the file's bytes (and the schema), so the
result is kept under a hash of them: ``<cache dir>/memo/<kind>-<hash>.bin``,
kept for qualcli's version, the kind and the input's hash
(:func:`qualcli.cachedir.read_kept`). A file that is missing, damaged, from
another qualcli or for another input is ignored, so a memo can cost time but
never change an answer. Only results of built-in types are kept (a TOML date
is not), and only the newest :data:`MAX_ENTRIES` (each edit of a config file
makes new ones).
"""

from __future__ import annotations

import os

from qualcli.cachedir import cache_folder, fast_hash, prune, read_kept, write_kept

FORMAT = 2
MAX_ENTRIES = 200


def _entry(kind: str, data: bytes) -> tuple[str, str]:
    """The memo file for ``kind`` of input ``data``, and the key it must be kept under."""
    from qualcli import __version__

    digest = fast_hash(data)
    return os.path.join(cache_folder(), "memo", f"{kind}-{digest}.bin"), f"{FORMAT}-{__version__}-{kind}-{digest}"


def recall(kind: str, data: bytes, default=None):
    """The result kept for ``kind`` of ``data``, or ``default`` when none can be trusted."""
    found = read_kept(*_entry(kind, data))
    return default if found is None else found


def keep(kind: str, data: bytes, result) -> None:
    """Keep ``result`` for ``kind`` of ``data``, when it is plain data (built-in types) that reads back equal."""
    path, key = _entry(kind, data)
    if write_kept(path, key, result):
        prune(os.path.dirname(path), MAX_ENTRIES, ".bin")
