"""Self-contained HTML reports for people (``diff`` and ``map --format html``).

One file, nothing fetched: the stylesheet (with a print layout) and any small
script are inline, and a Content-Security-Policy allows only them (the
script by its hash), so a report works offline and as an email attachment,
and document text can never run even if it slipped through escaping. All
document text goes through :func:`esc`. Nothing here depends on the time or
the machine, so the same input gives the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import json
from html import escape as _escape
from typing import Any

BASE_CSS = """
:root{--fg:#1b1b1b;--muted:#555;--line:#c8c8c8;--bg:#fff;--soft:#f4f4f4;
--add:#e3f4e3;--add-fg:#0b5d0b;--del:#fbe3e3;--del-fg:#8e1111;--chg:#fff3cd;--mov:#e1ecf7}
*{box-sizing:border-box}
body{margin:0 auto;max-width:75rem;padding:1rem 1.5rem 3rem;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:1.5rem;margin:.2rem 0 1rem}h2{font-size:1.2rem;margin:1.6rem 0 .5rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:1rem 0 .3rem}
table{border-collapse:collapse;margin:.4rem 0 1rem}
th,td{border:1px solid var(--line);padding:.2rem .5rem;text-align:left;vertical-align:top}
th{background:var(--soft)}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.muted{color:var(--muted)}code,.ref{font-family:ui-monospace,Consolas,monospace;font-size:.92em}
del{background:var(--del);color:var(--del-fg);text-decoration:line-through;text-decoration-thickness:2px}
ins{background:var(--add);color:var(--add-fg);text-decoration:underline;text-decoration-thickness:2px;font-weight:600}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.badge{display:inline-block;min-width:5.5em;padding:0 .35em;border:1px solid currentColor;border-radius:.25em;font-size:.85em;font-weight:600}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;padding:0;list-style:none}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1.2rem;align-items:center;padding:.5rem .7rem;background:var(--soft);border:1px solid var(--line)}
a{color:#0645ad}
:focus-visible{outline:3px solid #1a5fb4;outline-offset:1px}
@media print{
body{max-width:none;padding:0;font-size:10pt}
.noprint,.filters{display:none!important}
a{color:inherit;text-decoration:none}
h2{break-after:avoid}tr,article{break-inside:avoid}
del,ins{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""


def esc(value: Any) -> str:
    """Text made safe for HTML content and quoted attribute values."""
    return _escape("" if value is None else str(value), quote=True)


def attrs(**values: Any) -> str:
    """`` name="value"`` pairs for the values that are not None (``data_kind`` → ``data-kind``)."""
    return "".join(
        f' {name.rstrip("_").replace("_", "-")}="{esc(value)}"' for name, value in values.items() if value is not None
    )


def json_block(element_id: str, data: Any) -> str:
    """Data for the page's script, as a non-executable JSON block (no ``</script>`` can end it early)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{esc(element_id)}">{text}</script>'


def page(title: str, body: str, css: str = "", script: str = "") -> str:
    """A whole HTML document: ``body`` with the shared and the given stylesheet and script inline.

    The Content-Security-Policy allows no network fetch at all, inline styles,
    ``data:`` images, and exactly this page's script (by its SHA-256).
    """
    policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    if script:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
        policy += f"; script-src 'sha256-{digest}'"
    tail = f"<script>{script}</script>\n" if script else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="qualcli">\n'
        f"<title>{esc(title)}</title>\n<style>{BASE_CSS}{css}</style>\n</head>\n"
        f"<body>\n{body}\n{tail}</body>\n</html>\n"
    )


def table(headers: list[str], rows: list[list[str]], numeric: frozenset[int] = frozenset(), **extra: Any) -> str:
    """A table from already-escaped cell HTML; columns in ``numeric`` are right-aligned."""

    def cell(tag: str, k: int, content: str) -> str:
        return f'<{tag} class="n">{content}</{tag}>' if k in numeric else f"<{tag}>{content}</{tag}>"

    head = "".join(cell("th", k, h) for k, h in enumerate(headers))
    body = "".join("<tr>" + "".join(cell("td", k, c) for k, c in enumerate(row)) + "</tr>\n" for row in rows)
    return f"<table{attrs(**extra)}><thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody></table>"
