"""Parsed specs saved as YAML or JSON: reading, validating and writing them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from qualcli.errors import QualcliError
from qualcli.files import read_bytes
from qualcli.model import SpecDocument
from qualcli.lazyre import lazy_compile


#: How deeply lists and mappings may nest in a YAML/JSON file (a spec needs about ten levels).
MAX_DEPTH = 100
_ALIASES_REFUSED = "uses YAML aliases (*name), which qualcli does not accept (a few bytes of them can expand without limit)"


def load_data(path: Path) -> Any:
    """Load YAML or JSON from ``path``; malformed or hostile input is a one-line error.

    Text may be UTF-8, or UTF-16/32 with a byte-order mark. YAML aliases are
    refused (a few bytes of them can expand to millions of entries), as is
    nesting deeper than :data:`MAX_DEPTH`; both are found in well under a second.
    """
    from qualcli.readers.text import decode_text

    text = decode_text(path, read_bytes(path))
    try:
        data = _parse(text, path)
    except RecursionError:
        raise QualcliError(f"nested more than {MAX_DEPTH} levels deep", str(path)) from None
    _check_shape(data, path)
    return data


def _parse(text: str, path: Path) -> Any:
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise QualcliError(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}", str(path)) from None
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        if _may_be_hostile(text):
            _scan_events(text, path)
        return YAML(typ="safe").load(text)  # C loader (ruamel.yaml.clib) where available
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1} column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise QualcliError(f"invalid YAML{where}: {problem}", str(path)) from None


_ALIAS = lazy_compile(r"(?:^|[\s\[{,])[*&][^\s\[\]{},]")
_COMPACT_CHAIN = lazy_compile(r"(?:[-?:][ \t]+){10}")
_DEEP_INDENT = lazy_compile(r"^ {60}", re.MULTILINE)


def _may_be_hostile(text: str) -> bool:
    """True unless the text plainly has no anchors/aliases and cannot nest deeply.

    A cheap test on the text, so that the usual file (block style, a few
    levels deep) goes straight to the C loader, whose composer recurses in C
    and would crash on thousands of levels; anything else is checked event by
    event first (:func:`_scan_events`).
    """
    return bool(
        text.count("[") + text.count("{") > 40
        or _ALIAS.search(text)
        or _COMPACT_CHAIN.search(text)
        or _DEEP_INDENT.search(text)
    )


def _scan_events(text: str, path: Path) -> None:
    """Refuse anchors/aliases and nesting beyond :data:`MAX_DEPTH`, reading parser events only (no tree is built)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent

    depth = 0
    for event in YAML(typ="safe").parse(text):
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise QualcliError(f"nested more than {MAX_DEPTH} levels deep (line {event.start_mark.line + 1})", str(path))
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
        elif isinstance(event, AliasEvent):
            raise QualcliError(f"{_ALIASES_REFUSED} (line {event.start_mark.line + 1})", str(path))


def _check_shape(data: Any, path: Path) -> None:
    """Refuse a list or mapping that appears twice (a YAML alias) and nesting beyond :data:`MAX_DEPTH`."""
    seen: set[int] = set()
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if not isinstance(value, (dict, list)):
            continue
        if id(value) in seen:
            raise QualcliError(_ALIASES_REFUSED, str(path))
        if depth >= MAX_DEPTH:
            raise QualcliError(f"nested more than {MAX_DEPTH} levels deep", str(path))
        seen.add(id(value))
        children = value.values() if isinstance(value, dict) else value
        stack.extend((child, depth + 1) for child in children)


def spec_violations(data: Any) -> list[str]:
    """Every schema violation of a spec document, as ``path: message``."""
    from qualcli.schemas import violations

    return list(violations(data, "spec"))


def load_spec_file(path: Path) -> SpecDocument:
    """Load a parsed spec file; a schema violation is a one-line error."""
    data = load_data(path)
    problems = spec_violations(data)
    if problems:
        more = f" (and {len(problems) - 1} more; run qualcli validate)" if len(problems) > 1 else ""
        raise QualcliError(f"not a valid spec: {problems[0]}{more}", str(path))
    return SpecDocument.from_dict(data)


def dump(doc: SpecDocument, fmt: str) -> str:
    """Serialise a document as ``yaml`` or ``json`` text, deterministically."""
    data = doc.to_dict()
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    import io

    from ruamel.yaml import YAML

    from qualcli.yamlnodes import PlainRepresenter, PlainResolver

    yaml = YAML(typ="safe")  # the C emitter (ruamel.yaml.clib) where available: 6x faster
    yaml.Representer = PlainRepresenter  # the same nodes, built faster; never writes anchors (load_data refuses aliases)
    yaml.Resolver = PlainResolver
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False
    yaml.allow_unicode = True
    yaml.width = 100
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()
