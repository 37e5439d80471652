"""Plain text and Markdown."""

from __future__ import annotations

from pathlib import Path

from qualcli.errors import UnreadableDocument
from qualcli.readers import Line, SourceText, sha256_of


def decode_text(path: Path, data: bytes) -> str:
    """Decode UTF-8 text (BOM allowed); binary or other encodings are errors."""
    if b"\x00" in data[:8192]:
        raise UnreadableDocument("binary data, not a text document", str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); save it as UTF-8", str(path)
        ) from None


def lines_from_text(text: str) -> list[Line]:
    """Physical lines; a run of non-blank lines shares a block number."""
    lines = []
    block = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        raw = raw.rstrip("\r")
        if not raw.strip():
            block += 1
        lines.append(Line(text=raw, number=number, block=block))
    return lines


class TextReader:
    """Reads .txt and .md files as UTF-8 lines."""

    name = "text"
    suffixes = (".txt", ".text", ".md", ".markdown")

    def read(self, path: Path, data: bytes) -> SourceText:
        fmt = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
        return SourceText(path=str(path), format=fmt, lines=lines_from_text(decode_text(path, data)), sha256=sha256_of(data))
