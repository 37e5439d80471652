"""Curated mapping decisions: ``--overrides FILE`` applies them, ``--update`` adds candidates.

The file (``schemas/overrides.schema.json``) is a list of decisions::

    decisions:
      - a: {code: "202", body: cityandguilds}
        b: {code: "272"}
        decision: force        # force | forbid | candidate
        relation: F            # for force (and, as a suggestion, for candidates)
        note: why a person decided this

A unit selector matches a unit when every key it gives (``code``, and
optionally ``body`` and ``document``) is equal. ``force`` sets the pair's
relation (creating the pair if the text found nothing); ``forbid`` reports the
pair as ``none``; ``candidate`` entries are never applied: ``--update`` appends
one for every mapped pair the file does not mention yet, for a person to turn
into a decision. Updating never re-lays out the file: the candidates are
added to the end of the list in the file's own style and line ends, and every
other byte is kept.
"""

from __future__ import annotations

import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qualcli.errors import QualcliError
from qualcli.mapping.evidence import Evidence
from qualcli.mapping.relations import Pair, UnitMap
from qualcli.mapping.units import UnitRef

NEW_FILE_HEADER = (
    "# Curated decisions for `qualcli map --overrides`.\n"
    "# decision: force (with relation F, X or P) | forbid | candidate (added by --update; not applied).\n"
)


@dataclass
class Decision:
    """One curated decision, with its position in the file for messages."""

    a: dict[str, str]
    b: dict[str, str]
    decision: str
    relation: str | None
    note: str | None
    number: int  # 1-based position in the list


def _selector(data: dict[str, Any]) -> dict[str, str]:
    return {key: str(value) for key, value in data.items()}


def selects(selector: dict[str, str], ref: UnitRef) -> bool:
    """True when every key the selector gives equals the unit's."""
    return all(getattr(ref, key) == value for key, value in selector.items())


def load_decisions(path: Path) -> list[Decision]:
    """The decisions in an overrides file; a malformed file is a one-line error."""
    from qualcli.schemas import violations
    from qualcli.specfile import load_data

    data = load_data(path)
    problems = list(violations(data, "overrides"))
    if problems:
        raise QualcliError(f"not a valid overrides file: {problems[0]}", str(path))
    return [
        Decision(_selector(item["a"]), _selector(item["b"]), item["decision"], item.get("relation"), item.get("note"), number)
        for number, item in enumerate(data["decisions"] or [], 1)
    ]


def apply_decisions(result: UnitMap, decisions: list[Decision], source: str) -> None:
    """Apply force/forbid decisions to the pairs in place (candidates are ignored)."""
    for decision in decisions:
        if decision.decision == "candidate":
            continue
        where = f"{source} decision {decision.number}"
        note = f": {decision.note}" if decision.note else ""
        matching = [p for p in result.pairs if _matches(decision, p)]
        relation = decision.relation if decision.decision == "force" else "none"
        evidence = Evidence("override", f"{where} {decision.decision}s {relation}{note}", relation=relation)
        if not matching and decision.decision == "force":
            pair = _new_pair(result, decision)
            if pair is None:
                print(f"qualcli: warning: {where}: no such pair of units among the documents", file=sys.stderr)
                continue
            matching = [pair]
            result.pairs.append(pair)
        for pair in matching:
            pair.relation = relation
            pair.evidence.insert(0, evidence)
    result.pairs.sort(key=lambda p: p.order)


def _matches(decision: Decision, pair: Pair) -> bool:
    return (selects(decision.a, pair.a) and selects(decision.b, pair.b)) or (
        selects(decision.a, pair.b) and selects(decision.b, pair.a)
    )


def _new_pair(result: UnitMap, decision: Decision) -> Pair | None:
    first = next((k for k, u in enumerate(result.units) if selects(decision.a, u.ref)), None)
    second = next((k for k, u in enumerate(result.units) if selects(decision.b, u.ref)), None)
    if first is None or second is None or first == second:
        return None
    i, j = sorted((first, second))
    return Pair(result.units[i].ref, result.units[j].ref, decision.relation or "none", 0.0, [], (i, j))


def update_file(path: Path, result: UnitMap) -> int:
    """Append a candidate for every mapped pair the file does not mention; return how many.

    The file is kept byte for byte (comments, order, quoting, line ends,
    trailing blank lines, a ``...`` end marker) and the candidates are added at
    the end of the ``decisions`` list in its own style: block items after the
    last line of the document, or flow mappings inside a ``[...]`` list. The
    result is loaded back and checked before it is written; a file whose layout
    cannot be extended that way is left alone with a one-line error.
    """
    exists = path.exists()
    original = _read_text(path) if exists else NEW_FILE_HEADER + "decisions:\n"
    decisions = load_decisions(path) if exists else []
    new = [p for p in result.pairs if p.relation != "none" and not any(_matches(d, p) for d in decisions)]
    if not new:
        return 0
    bom = "\ufeff" if original.startswith("\ufeff") else ""
    body = original[len(bom):]
    newline = "\r\n" if "\r\n" in body else "\n"
    text = bom + _with_candidates(body, new, newline)
    _check_update(text, len(decisions), len(new), path)
    from qualcli.output import write_output

    write_output(text.encode("utf-8"), str(path))
    return len(new)


def _read_text(path: Path) -> str:
    """The file as text with its line ends as they are (no newline translation)."""
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise QualcliError("not UTF-8 text; save it as UTF-8", str(path)) from None
    except OSError as exc:
        raise QualcliError(f"cannot read: {exc.strerror}", str(path)) from None


def _with_candidates(text: str, pairs: list[Pair], newline: str) -> str:
    """``text`` with candidates for ``pairs`` added to its ``decisions`` list."""
    from ruamel.yaml import YAML

    root = YAML(typ="safe", pure=True).compose(text)
    seq = next(value for key, value in root.value if key.value == "decisions")
    if seq.tag.endswith(":seq") and seq.flow_style:
        return _into_flow(text, seq, pairs, newline)
    if seq.tag.endswith(":null") and seq.end_mark.index > seq.start_mark.index:  # "decisions: null" or "~"
        items = ", ".join(_flow_item(p) for p in pairs)
        return text[: seq.start_mark.index] + f"[{items}]" + text[seq.end_mark.index :]
    offset = seq.start_mark.column if seq.tag.endswith(":seq") else 2
    block = _render_items(pairs, offset).replace("\n", newline)
    end = re.search(r"^\.\.\.(?:[ \t]|\r?$)", text, re.MULTILINE)  # the document end marker, if any
    cut = end.start() if end else len(text)
    head = text[:cut]
    if head and not head.endswith("\n"):
        head += newline
    return head + block + text[cut:]


def _into_flow(text: str, seq, pairs: list[Pair], newline: str) -> str:
    """Insert flow-mapping candidates after the last item of a ``[...]`` list."""
    if not seq.value:
        at = seq.start_mark.index + 1
        return text[:at] + ", ".join(_flow_item(p) for p in pairs) + text[at:]
    last = seq.value[-1]
    at = last.end_mark.index
    multiline = seq.start_mark.line != seq.end_mark.line
    joiner = f",{newline}{' ' * last.start_mark.column}" if multiline else ", "
    return text[:at] + "".join(joiner + _flow_item(p) for p in pairs) + text[at:]


def _check_update(text: str, before: int, added: int, path: Path) -> None:
    """Refuse to write an updated file that does not load as the old decisions plus the candidates."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        items = (YAML(typ="safe", pure=True).load(text) or {}).get("decisions") or []
    except (YAMLError, AttributeError):
        items = None
    if items is None or len(items) != before + added:
        raise QualcliError("cannot add candidates to this file's layout; file left unchanged", str(path))


def _flow_item(pair: Pair) -> str:
    """One candidate as a one-line flow mapping."""
    from ruamel.yaml import YAML

    entry = _candidate(pair)
    entry.fa.set_flow_style()
    yaml = YAML()
    yaml.width = 1 << 16
    buffer = io.StringIO()
    yaml.dump({"x": entry}, buffer)
    return buffer.getvalue()[3:].rstrip("\n")


def _block_seq():
    from ruamel.yaml.comments import CommentedSeq

    return CommentedSeq()


def _candidate(pair: Pair):
    from ruamel.yaml.comments import CommentedMap

    entry = CommentedMap()
    for side, ref in (("a", pair.a), ("b", pair.b)):
        selector = CommentedMap([(k, v) for k, v in (("code", ref.code), ("body", ref.body), ("document", ref.document)) if v])
        selector.fa.set_flow_style()
        entry[side] = selector
    entry["decision"] = "candidate"
    if pair.relation != "review":  # a review candidate has no relation to suggest
        entry["relation"] = pair.relation
    entry["score"] = round(float(pair.score), 3)
    entry["note"] = None
    return entry


def _render_items(pairs: list[Pair], offset: int) -> str:
    """Candidates as block sequence items, their dashes at column ``offset``."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=offset + 2, offset=offset)
    seq = _block_seq()
    seq.extend(_candidate(p) for p in pairs)
    buffer = io.StringIO()
    yaml.dump({"decisions": seq}, buffer)
    return buffer.getvalue().split("\n", 1)[1]
