"""The JSON copy of the shipped legislation table kept in the user's cache folder.

The file is a header line and the entries::

    {"format": 2, "qualcli": "0.1.0", "yaml_hash": "…", "entries_hash": "…"}
    [{"id": "…", …}, …]

It is used only when the header names this very YAML (``yaml_hash``) and
this qualcli version, the entries are byte for byte those written
(``entries_hash``), and they are a list of entries; anything else (a
truncated, emptied or hand-edited file, another version's copy) is ignored
and rebuilt from the YAML, so a cache can cost time but never change what is
found. The hashes are :func:`~qualcli.cachedir.fast_hash`: every command
reads this file, and loading OpenSSL for SHA-256 would cost more than reading it.
"""

from __future__ import annotations

import json

TYPE_CHECKING = False  # neither is imported at run time: every command reads this cache, the start-up fast path too
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, Callable

from qualcli.cachedir import fast_hash

FORMAT = 2
_REQUIRED = ("id", "title", "year", "kind", "jurisdiction", "source")


def read_cached(path: str | Path, yaml_hash: str) -> list[dict[str, Any]] | None:
    """The cached entries for the YAML with this ``fast_hash``, or None when the file is missing or not to be trusted."""
    payload = read_checked(path, _header(yaml_hash), "entries_hash", fast_hash)
    try:
        entries = json.loads(payload) if payload is not None else None
    except ValueError:
        return None
    if not isinstance(entries, list) or not entries:
        return None
    if not all(isinstance(e, dict) and all(k in e for k in _REQUIRED) for e in entries):
        return None
    return entries


def write_cached(path: str | Path, yaml_hash: str, entries: list[dict[str, Any]]) -> None:
    """Write the cache file atomically; a cache folder that cannot be written is left alone."""
    payload = json.dumps(entries, ensure_ascii=False).encode("utf-8")
    write_checked(path, _header(yaml_hash), payload, "entries_hash", fast_hash)


def _header(yaml_hash: str) -> dict[str, Any]:
    """What a cache file's header must hold for this YAML and this qualcli."""
    from qualcli import __version__

    return {"format": FORMAT, "qualcli": __version__, "yaml_hash": yaml_hash}


def sha256_hex(data: bytes) -> str:
    """The hex SHA-256 of ``data``."""
    import hashlib

    return hashlib.sha256(data).hexdigest()


def read_checked(path: str | Path, expected: dict[str, Any], checksum: str,
                 digest: Callable[[bytes], str] = sha256_hex) -> bytes | None:
    """The payload of a cache file (a JSON header line, then the payload), or None when it is not to be trusted.

    Trusted means: the header holds every ``expected`` value and its
    ``checksum`` field is the payload's ``digest`` (SHA-256 unless given).
    Shared by every qualcli cache.
    """
    try:
        with open(path, "rb") as cache_file:
            header_line, _, payload = cache_file.read().partition(b"\n")
        header = json.loads(header_line)
    except (OSError, ValueError):
        return None
    if not isinstance(header, dict) or any(header.get(k) != v for k, v in expected.items()):
        return None
    if header.get(checksum) != digest(payload):
        return None
    return payload


def write_checked(path: str | Path, header: dict[str, Any], payload: bytes, checksum: str,
                  digest: Callable[[bytes], str] = sha256_hex) -> None:
    """Write ``header`` (plus the payload's ``digest`` as ``checksum``) and ``payload`` atomically.

    A cache folder that cannot be written is left alone: the cache only saves time.
    """
    from qualcli.cachedir import write_atomically

    header = {**header, checksum: digest(payload)}
    write_atomically(path, json.dumps(header).encode("ascii") + b"\n" + payload)
