"""Parsed specs saved as YAML or JSON: reading, validating and writing them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from qualcli.errors import QualcliError
from qualcli.files import read_bytes
from qualcli.model import SpecDocument


def load_data(path: Path) -> Any:
    """Load YAML or JSON from ``path``; malformed input is a one-line error."""
    text = read_bytes(path).decode("utf-8", errors="replace")
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise QualcliError(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}", str(path)) from None
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        return YAML(typ="safe").load(text)  # C loader (ruamel.yaml.clib) where available
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1} column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise QualcliError(f"invalid YAML{where}: {problem}", str(path)) from None


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

    yaml = YAML(typ="safe")  # the C emitter (ruamel.yaml.clib) where available: 6x faster
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False
    yaml.allow_unicode = True
    yaml.width = 100
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()
