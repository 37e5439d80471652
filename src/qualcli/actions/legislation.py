"""``qualcli legislation list|show|check``: the currency table, browsed and applied to a text."""

from __future__ import annotations

import sys


def _context(as_of: str | None, jurisdiction: str | None, config: str | None):
    """The currency table (with the config's entries), the date and the jurisdiction a command judges by."""
    from qualcli.asof import parse_date
    from qualcli.config import load_config
    from qualcli.errors import QualcliError
    from qualcli.legislation.table import NATIONS, build_table
    from qualcli.lint.settings import lint_config

    settings = lint_config(load_config(None, config))
    where = jurisdiction or settings.jurisdiction or "E"
    if where not in NATIONS:
        raise QualcliError(f"--jurisdiction {where!r} is not one of {', '.join(NATIONS)}")
    return build_table(settings.entries, settings.legislation, settings.source or "config"), parse_date(as_of), where


def list_instruments(as_of: str | None, jurisdiction: str | None, config: str | None,
                     rules: bool = False, as_json: bool = False) -> int:
    """Print every instrument (id, status on the date, title), as JSON records with ``as_json``,
    or the lint rules with ``rules``."""
    from qualcli.legislation.report import list_lines, list_records, rule_lines

    if rules:
        print("\n".join(rule_lines()))
        return 0
    table, when, where = _context(as_of, jurisdiction, config)
    if as_json:
        import json

        print(json.dumps(list_records(table, when, where), indent=2, ensure_ascii=False))
        return 0
    print("\n".join(list_lines(table, when, where)))
    return 0


def show_instrument(name: str, as_of: str | None, jurisdiction: str | None, config: str | None,
                    as_json: bool = False) -> int:
    """Print one instrument: names, dated status history, notes and source (its table entry with ``as_json``)."""
    from qualcli.legislation.report import find_instrument, show_lines

    table, when, where = _context(as_of, jurisdiction, config)
    inst = find_instrument(table, name)
    if as_json:
        import json

        from qualcli.legislation.table import plain_entry

        print(json.dumps(plain_entry(inst.entry), indent=2, ensure_ascii=False))
        return 0
    print("\n".join(show_lines(table, inst, when, where)))
    return 0


def check_text(text: str, as_of: str | None, jurisdiction: str | None, config: str | None) -> int:
    """Print each reference in ``text`` with its verdicts; 1 when one is at warning or above, else 0."""
    from qualcli.legislation.report import check_text as check_lines
    from qualcli.legislation.rules import at_or_above

    table, when, where = _context(as_of, jurisdiction, config)
    lines, verdicts = check_lines(text, table, when, where)
    if not lines:
        print("no legislation references found", file=sys.stderr)
    else:
        print("\n".join(lines))
    return 1 if any(at_or_above(v.severity, "warning") for v in verdicts) else 0
