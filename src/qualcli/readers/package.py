"""Limits for zip-based formats (.docx, .pptx), checked before anything is unpacked.

A few hundred kilobytes of zip can inflate to gigabytes of XML ("zip bomb"),
and Office libraries unpack and parse every part. The zip's central directory
says how large each part is, and Python's zipfile never returns more than
that (a part that lies fails its CRC check), so the sizes can be judged up
front, in milliseconds:

- at most :data:`MAX_PARTS` parts;
- at most :data:`MAX_MARKUP` bytes of XML parts in all (the text, styles and
  relationships that get parsed; a long real specification has about 1 MB);
- at most :data:`MAX_TOTAL` bytes unpacked in all (pictures included);
- no part over 1 MiB that inflates more than :data:`MAX_RATIO` times (real
  Office XML inflates 5 to 35 times; a bomb, hundreds or thousands of times).
"""

from __future__ import annotations

from pathlib import Path

from qualcli.errors import UnreadableDocument

MAX_PARTS = 10_000
MAX_MARKUP = 16 * 1024 * 1024
MAX_TOTAL = 256 * 1024 * 1024
MAX_RATIO = 100
_RATIO_FROM = 1024 * 1024
_MARKUP_SUFFIXES = (".xml", ".rels", ".vml")


def check_package(path: Path, data: bytes, kind: str) -> None:
    """Refuse a zip package (``kind``: "Word .docx", ...) that would unpack beyond the limits.

    A file that is not a readable zip is left for the reader to report.
    """
    import io
    import zipfile

    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return
    if len(parts) > MAX_PARTS:
        _refuse(path, kind, f"it has {len(parts):,} parts (the limit is {MAX_PARTS:,})")
    markup = sum(p.file_size for p in parts if p.filename.lower().endswith(_MARKUP_SUFFIXES))
    if markup > MAX_MARKUP:
        _refuse(path, kind, f"it would unpack to {_mib(markup)} of XML (the limit is {_mib(MAX_MARKUP)})")
    total = sum(p.file_size for p in parts)
    if total > MAX_TOTAL:
        _refuse(path, kind, f"it would unpack to {_mib(total)} (the limit is {_mib(MAX_TOTAL)})")
    for part in parts:
        if part.file_size > _RATIO_FROM and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            ratio = part.file_size // max(part.compress_size, 1)
            _refuse(path, kind, f"its part {part.filename} inflates {ratio:,} times to {_mib(part.file_size)} (a zip bomb?)")


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):,.1f} MiB"


def _refuse(path: Path, kind: str, why: str) -> None:
    raise UnreadableDocument(f"{kind} file refused: {why}", str(path))
