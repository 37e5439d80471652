"""The lint rules: stable ids, default severities and what each means."""

from __future__ import annotations

from collections import namedtuple

SEVERITIES = ("error", "warning", "info")  # most severe first


class Rule(namedtuple("Rule", "id name severity summary")):
    """One check with a stable ``id``, a ``name``, its default ``severity`` and a ``summary``."""

    __slots__ = ()


RULES = {
    rule.id: rule
    for rule in (
        Rule("QL001", "superseded", "warning",
             "An instrument cited as current has been superseded (wholly or for part of its scope, e.g. consumer contracts); the message names the successor, date and scope."),
        Rule("QL002", "repealed", "error",
             "An instrument cited as current has been repealed, revoked or largely repealed; the message names the date and what replaced it."),
        Rule("QL003", "wrong-year", "warning",
             "The year cited is not the instrument's year (e.g. Consumer Contracts Regulations 2014 are of 2013)."),
        Rule("QL004", "outdated-name", "warning",
             "The name is outdated or wrong, also for current law: a known wrong name ('Sale of Goods and Services Act', 'Working at Height Regulations'), a title that nearly matches an instrument of the same year, or EU 'GDPR' as UK law after 1 January 2021 (the UK GDPR)."),
        Rule("QL005", "unknown-instrument", "info",
             "An Act, Regulations or Order with a year that the currency table does not know; its currency was not checked."),
        Rule("QL006", "historical-mention", "info",
             "An out-of-date instrument whose own sentence says it was replaced: a historical mention, not an error."),
        Rule("QL007", "not-yet-in-force", "info",
             "The instrument was not yet in force on the --as-of date."),
        Rule("QL008", "outside-extent", "warning",
             "The instrument does not extend to the --jurisdiction chosen (e.g. the Equality Act 2010 in Northern Ireland); the message names the local equivalent when the table knows it."),
    )
}


def severity_rank(severity: str) -> int:
    """0 for error, 1 for warning, 2 for info (lower is more severe)."""
    return SEVERITIES.index(severity)


def at_or_above(severity: str, threshold: str) -> bool:
    """True when ``severity`` is at least as severe as ``threshold``."""
    return severity_rank(severity) <= severity_rank(threshold)
