"""NOS references as City & Guilds prints them, expanded to one reference each.

"This unit is linked to the ICS National Occupational Standards: NVQ Level 2 –
1, 5, 6, 9" gives codes 1, 5, 6, 9 in the suite "ICS NOS NVQ Level 2".
Level 3 handbooks abbreviate: "301.1.1/4/5, 301.2.2/4/5 KU 3/5/6/8, 302 ku
7-11" means 301.1.1, 301.1.4, 301.1.5, 301.2.2, 301.2.4, 301.2.5, 301 KU3,
301 KU5, 301 KU6, 301 KU8, 302 KU7 … 302 KU11.
"""

from __future__ import annotations

import re

from qualcli.api import NosRef
from qualcli.parsing import lazy_compile

_LINKED = lazy_compile(
    r"(?P<body>[A-Z][A-Za-z&]*)\s+National Occupational Standards?\s*:?\s*(?P<rest>.*)$", re.I
)
_SUITE_LEVEL = lazy_compile(r"^(?P<suite>(?:[NS/]*VQ\s+)?Level\s+\d)\s*[–—-]?\s*(?P<codes>.*)$", re.I)
_KU = lazy_compile(r"^(?:(?P<std>\d+)\s*)?KU\s*(?P<list>[\d/\s-]+)$", re.I)
_DOTTED = lazy_compile(r"^(?P<stem>\d+(?:\.\d+)*\.)(?P<list>\d+(?:\s*/\s*\d+)*)$")


def nos_from_text(text: str, line: int | None = None, page: int | None = None) -> list[NosRef]:
    """The NOS references a "linked to the … National Occupational Standards" sentence names."""
    match = _LINKED.search(text)
    if not match:
        return []
    body, rest = match.group("body"), match.group("rest").strip().rstrip(".")
    level = _SUITE_LEVEL.match(rest)
    suite = f"{body} NOS {level.group('suite')}" if level else f"{body} NOS"
    codes_text = level.group("codes") if level else rest
    return [NosRef(code=code, suite=suite, line=line, page=page) for code in expand_codes(codes_text)]


def expand_codes(text: str) -> list[str]:
    """Every code of a comma-separated NOS list, abbreviations expanded, in order."""
    codes: list[str] = []
    standard = None  # the standard a "KU n" list belongs to ("301")
    for token in (t.strip() for t in text.split(",")):
        token = re.sub(r"(\d)\.\s+(\d)", r"\1.\2", token)  # "302. 2.1" -> "302.2.1"
        if not token:
            continue
        ku_at = re.search(r"\bKU\b", token, re.I)
        head, ku_part = (token[: ku_at.start()].strip(), token[ku_at.start() :]) if ku_at else (token, "")
        if head and ku_part and re.fullmatch(r"\d+", head):
            ku_part, head = f"{head} {ku_part}", ""
        if head:
            head_codes = _expand_dotted(head)
            codes.extend(head_codes)
            standard = head_codes[0].split(".")[0] if head_codes else standard
        if ku_part:
            ku = _KU.match(ku_part.strip())
            if not ku:
                codes.append(ku_part.strip())
                continue
            standard = ku.group("std") or standard
            codes.extend(f"{standard} KU{n}" if standard else f"KU{n}" for n in _numbers(ku.group("list")))
    return codes


def _expand_dotted(text: str) -> list[str]:
    """``301.1.4/9/10`` -> 301.1.4, 301.1.9, 301.1.10; other tokens as written."""
    compact = re.sub(r"\s*/\s*", "/", text)
    match = _DOTTED.match(compact)
    if not match:
        return [text]
    return [match.group("stem") + part for part in match.group("list").split("/")]


def _numbers(text: str) -> list[str]:
    """``3/5/6`` -> 3, 5, 6; ``7-11`` -> 7 … 11."""
    out: list[str] = []
    for part in re.split(r"[/\s]+", text.strip()):
        if re.fullmatch(r"\d+-\d+", part):
            start, end = map(int, part.split("-"))
            out.extend(str(n) for n in range(start, end + 1))
        elif part.isdigit():
            out.append(part)
    return out
