"""``--as-of DATE``: the date on which ``lint`` and ``legislation`` judge the law."""

from __future__ import annotations

import datetime as dt

from qualcli.errors import QualcliError


def parse_date(value: str | None) -> dt.date:
    """``--as-of`` as a date (today when not given)."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise QualcliError(f"--as-of {value!r} is not a date (use YYYY-MM-DD)") from None
