"""The fields ``qualcli diff`` compares, by level, and the names ``--ignore`` accepts.

Kept apart from the diff engine so the command line can list the names
without importing the engine.
"""

from __future__ import annotations

DOCUMENT_FIELDS = ("title", "version", "version_date")
QUALIFICATION_FIELDS = ("title", "level", "credits", "glh", "tqt", "dates", "details")
RULE_FIELDS = ("name", "min_credits", "max_credits", "min_units", "max_units", "mandatory", "alternatives")
UNIT_FIELDS = ("title", "urn", "level", "credits", "glh", "group", "unit_type", "aim", "assessment", "observations",
               "external_papers", "same_content_as", "nos_suites", "details")
OUTCOME_FIELDS = ("text", "kind", "guidance", "assessment")
CRITERION_FIELDS = ("text", "guidance", "assessment_guidance", "grade", "flags")
VERSION_FIELDS = ("date", "section", "changes")
COLLECTIONS = ("version_history", "qualifications", "rules", "rules_text", "units", "nos", "sections", "outcomes",
               "content", "criteria", "legislation", "mappings")
IGNORABLE = frozenset(DOCUMENT_FIELDS + QUALIFICATION_FIELDS + RULE_FIELDS + UNIT_FIELDS + OUTCOME_FIELDS
                      + CRITERION_FIELDS + VERSION_FIELDS + COLLECTIONS)
