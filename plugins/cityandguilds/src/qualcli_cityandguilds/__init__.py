"""qualcli plugin for City & Guilds qualification handbooks (body ``cityandguilds``).

What the parser fills beyond the common model:

- ``Qualification.number``: the City & Guilds number ("4417-02");
  ``details["accreditation_number"]``: the Ofqual number ("500/6329/7");
  ``rules``: one group per "must achieve N credits from units (201 or 271) and
  (202 or 272)" sentence, ``alternatives`` = choose one unit from each set;
  ``rules_text``: the sentence as printed (markup removed).
- ``Unit.same_content_as``: the first code of a shared heading ("Unit 201 /
  271" -> 271 has ``same_content_as: "201"``); the twin keeps its own level,
  credits and assessment method from the structure table.
- ``Unit.assessment``: normalised methods (``multiple-choice test``,
  ``assignment``, ``portfolio``, ``practical assessment``, else as printed).
- ``Unit.details``: ``key_skills`` (list), ``key_skills_signposting``
  ({column: text}), ``assessment_text`` (the unit's own "assessed by" lines),
  ``assessment_method`` / ``assessment_materials`` (assessment table),
  ``endorsement``, ``test_specification`` ({test, duration, questions,
  outcomes: [{outcome, title, questions, percent}]}).
- ``LearningOutcome.assessment``: ``{test_questions, test_percent}`` from the
  test specification; ``LearningOutcome.guidance``: guidance and Range lines
  that name no criterion.
- ``Criterion.ref``: canonical ``outcome.criterion``; ``source_ref``: as
  printed; ``guidance``: paragraphs one per line, list items as "- item",
  Range lines as "Range: …".
- ``NosRef``: one per code, abbreviations expanded ("301.1.1/4" -> 301.1.1,
  301.1.4; "KU 3/5" -> "301 KU3", "301 KU5"), suite "ICS NOS NVQ Level 2".
- ``SpecDocument.version_history``: one entry per row; HTML change cells split
  into one change per list item, prefixed with the headings above it.
"""
