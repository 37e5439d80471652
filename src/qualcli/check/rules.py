"""The check rules: stable ids, default severities, and what each means.

Size and credit conventions (QC001, QC002, QC003) follow the Regulated
Qualifications Framework (RQF) as carried over from the Qualifications and
Credit Framework: an **Award** is up to 120 hours of Total Qualification Time
(TQT), a **Certificate** 121 to 369 hours, a **Diploma** 370 hours or more, and
a credit value, where one is assigned, is TQT divided by ten (one credit = ten
hours of learning). Sources: Ofqual's *Regulatory arrangements for the
Qualifications and Credit Framework* (2008), which set the bands as Award 1-12
credits, Certificate 13-36, Diploma 37 or more, one credit for ten hours of
learning time; Ofqual's *General Conditions of Recognition*, which define
Total Qualification Time and credit (credit = TQT / 10) for the RQF. Awarding
organisations and colleges still publish the same three bands for RQF
qualifications. The section numbers of the Ofqual documents were not re-checked.
"""

from __future__ import annotations

from qualcli.legislation.rules import Rule

RULES = {
    rule.id: rule
    for rule in (
        Rule("QC001", "size-name", "warning",
             "The size word in the title (Award, Certificate, Diploma) does not fit the TQT (or credits x 10) under the RQF bands: Award up to 120 hours, Certificate 121-369, Diploma 370 or more."),
        Rule("QC002", "credit-value", "warning",
             "The credit value is not TQT / 10 (RQF convention: one credit per ten hours of Total Qualification Time)."),
        Rule("QC003", "glh-over-tqt", "error",
             "Guided learning hours exceed Total Qualification Time (for a unit, its credits x 10)."),
        Rule("QC004", "glh-route", "info",
             "The qualification's stated GLH differs from the GLH of the fewest-GLH valid route through its rules of combination."),
        Rule("QC005", "unsatisfiable-rules", "error",
             "A rule group (or the rules together) cannot be satisfied from the credits and units the document lists."),
        Rule("QC006", "unit-not-listed", "warning",
             "A rule of combination names a unit the document does not list."),
        Rule("QC007", "unit-unused", "warning",
             "A listed unit that no qualification's rules of combination use."),
        Rule("QC008", "duplicate-code", "warning",
             "Two units share a code but have different titles."),
        Rule("QC009", "duplicate-urn", "warning",
             "Two units share an Ofqual unit reference (URN) but have different titles."),
        Rule("QC010", "criteria-gap", "warning",
             "Criteria numbering has a gap or does not start at 1 (1.1, 1.2, 1.4)."),
        Rule("QC011", "outcome-without-criteria", "warning",
             "A learning outcome has no criteria while other outcomes of the same unit do."),
        Rule("QC012", "malformed-number", "warning",
             "An Ofqual qualification number (NNN/NNNN/N) or unit reference (L/NNN/NNNN) is malformed."),
    )
}
