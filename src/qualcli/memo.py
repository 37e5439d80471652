"""Results of slow, pure steps kept between runs in the user's cache folder, keyed by their input.

A short command that reads a config file would otherwise parse its TOML and
validate its ``lint`` table against the JSON Schema on every run (importing
tomllib and jsonschema costs several times the rest of ``qualcli legislation
check``). Both depend only on the file's bytes (and the schema), so the
result is kept under a hash of them: ``<cache dir>/memo/<kind>-<hash>.json``,
a header line (qualcli's version, the kind, the input's hash) and the JSON
result, checked by its own hash. A file that is missing, damaged, from
another qualcli or for another input is ignored, so a memo can cost time but
never change an answer. Only JSON-safe results are kept (a TOML date is not).
"""

from __future__ import annotations

import json
import os

from qualcli.cachedir import cache_folder, fast_hash

FORMAT = 1


def _entry(kind: str, data: bytes) -> tuple[str, dict]:
    """The memo file for ``kind`` of input ``data``, and the header it must hold."""
    from qualcli import __version__

    key = fast_hash(data)
    header = {"format": FORMAT, "qualcli": __version__, "kind": kind, "input": key}
    return os.path.join(cache_folder(), "memo", f"{kind}-{key}.json"), header


def recall(kind: str, data: bytes, default=None):
    """The result kept for ``kind`` of ``data``, or ``default`` when none can be trusted."""
    from qualcli.legislation.cache import read_checked

    path, header = _entry(kind, data)
    payload = read_checked(path, header, "result", fast_hash)
    if payload is None:
        return default
    try:
        return json.loads(payload)
    except ValueError:
        return default


def keep(kind: str, data: bytes, result) -> None:
    """Keep ``result`` for ``kind`` of ``data``, when it is JSON data that reads back equal."""
    from qualcli.legislation.cache import write_checked

    try:
        payload = json.dumps(result, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError):
        return
    if json.loads(payload) != result:
        return
    path, header = _entry(kind, data)
    write_checked(path, header, payload.encode("utf-8"), "result", fast_hash)
