"""The "Relationship to National Occupational Standards" section of a unit.

Two forms occur: a suite line followed by a list of codes with titles
("Customer Service (2013) National Occupational Standards:" then
"- CFACSA1 Maintain a positive ..."), or a sentence naming the suite alone
("This unit is linked to Customer Service (2013) National Occupational
Standards."). Codes get the suite they were listed under; a suite with no
codes is kept in ``Unit.nos_suites``.
"""

from __future__ import annotations

import re

from qualcli.api import NosRef
from qualcli.parsing.lines import LogicalLine
from qualcli.parsing.text import strip_bullet
from qualcli.parsing import lazy_compile

from qualcli_vtct.layout import flat

_SUITE = lazy_compile(
    r"^(?:this unit (?:is|has been) (?:linked|mapped) to (?:the )?)?(?P<suite>.+?)\s+national occupational standards?\b[\s:.]*$",
    re.I,
)
_CODE = lazy_compile(r"^(?P<code>[A-Z][A-Z0-9&]{2,}\d[A-Z0-9&]*)\s+(?P<title>\S.*)$")


class NosSection:
    """Collects NOS references line by line; :meth:`finish` files suites named without codes."""

    def __init__(self) -> None:
        self.refs: list[NosRef] = []
        self.suites_without_codes: list[str] = []
        self._suite: str | None = None
        self._suite_has_codes = False

    def feed(self, line: LogicalLine) -> bool:
        """Read one line; False when the line is not a suite or a code (the caller keeps it as text)."""
        text = flat(strip_bullet(line.text))
        suite = _SUITE.match(text)
        if suite:
            self._close_suite()
            self._suite = suite.group("suite").strip()
            return True
        code = _CODE.match(text)
        if code and any(c.isdigit() for c in code.group("code")):
            self.refs.append(
                NosRef(code=code.group("code"), title=code.group("title").strip(), suite=self._suite, line=line.number, page=line.page)
            )
            self._suite_has_codes = True
            return True
        return False

    def finish(self) -> None:
        """End of the section: a suite that listed no codes is kept as a suite."""
        self._close_suite()

    def _close_suite(self) -> None:
        if self._suite and not self._suite_has_codes and self._suite not in self.suites_without_codes:
            self.suites_without_codes.append(self._suite)
        self._suite = None
        self._suite_has_codes = False
