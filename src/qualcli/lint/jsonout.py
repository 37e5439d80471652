"""JSON text exactly as ``json.dumps(obj, indent=2, ensure_ascii=False)`` writes it, several times faster.

The standard library's C encoder is used only without ``indent``; with it,
every value goes through the pure-Python encoder. Lint's reports (tens of
thousands of findings on a large tree) are plain dicts, lists, strings,
numbers, booleans and None: this writer lays them out the same way, with
the C string escaper for strings.
"""

from __future__ import annotations

import json
from functools import cache
from json.encoder import c_make_encoder, encode_basestring

_SCALARS = {True: "true", False: "false"}
_SCALAR_TYPES = frozenset({str, int, float, bool, type(None)})


def dumps(obj) -> str:
    """``json.dumps(obj, indent=2, ensure_ascii=False)`` for dicts, lists, str, int, float, bool and None."""
    out: list[str] = []
    _write(obj, "\n", out)
    return "".join(out)


def item_text(obj) -> str:
    """``obj`` as :func:`dumps` lays it out as an item of a top-level list."""
    out: list[str] = []
    _write(obj, _ITEM, out)
    return "".join(out)


def list_text(items: list[str]) -> str:
    """:func:`dumps` of a list, from each item's :func:`item_text`."""
    return "[" + _ITEM + ("," + _ITEM).join(items) + "\n]" if items else "[]"


_ITEM = "\n  "


def _write(obj, newline: str, out: list[str]) -> None:
    if isinstance(obj, str):
        out.append(encode_basestring(obj))
    elif obj is None:
        out.append("null")
    elif isinstance(obj, bool):
        out.append(_SCALARS[obj])
    elif isinstance(obj, int):
        out.append(int.__repr__(obj))
    elif isinstance(obj, dict):
        if not obj:
            out.append("{}")
            return
        inner = newline + "  "
        if _flat(obj):  # one finding: the C encoder writes it, its separators laying the members out
            text = _flat_encoder(inner)(obj)
            out.append("{" + inner + text[1:-1] + newline + "}")
            return
        separator = "{" + inner
        for key, value in obj.items():
            out.append(separator)
            out.append(encode_basestring(key) if isinstance(key, str) else json.dumps(key))
            out.append(": ")
            _write(value, inner, out)
            separator = "," + inner
        out.append(newline + "}")
    elif isinstance(obj, (list, tuple)):
        if not obj:
            out.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for value in obj:
            out.append(separator)
            _write(value, inner, out)
            separator = "," + inner
        out.append(newline + "]")
    else:  # floats and anything else: as the standard encoder writes them
        out.append(json.dumps(obj, ensure_ascii=False))


def _flat(obj: dict) -> bool:
    """True when every key is a string and every value a scalar or an empty list or dict (no nested layout)."""
    for key, value in obj.items():
        if type(key) is not str or (type(value) not in _SCALAR_TYPES and (value or not isinstance(value, (dict, list, tuple)))):
            return False
    return True


@cache
def _flat_encoder(inner: str):
    """A function writing a flat dict with the C encoder, its members one per line at indentation ``inner``."""
    if c_make_encoder is None:  # an interpreter without the C encoder
        encoder = json.JSONEncoder(ensure_ascii=False, separators=("," + inner, ": "))
        return encoder.encode
    write = c_make_encoder(None, json.JSONEncoder().default, encode_basestring, None, ": ", "," + inner, False, False, True)
    return lambda obj: "".join(write(obj, 0))
