"""``qualcli check``: consistency checks on specifications (rules QC001...)."""

from __future__ import annotations

from enum import Enum
from typing import List, Optional

import typer

from qualcli.commands.conventions import command


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"


def check(
    specs: List[str] = typer.Argument(..., metavar="SPEC...", help="Source documents or parsed specs."),
    fmt: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f", help="Output format."),
    body: Optional[str] = typer.Option(None, "--body", metavar="ID", help="Force the awarding body's parser."),
) -> None:
    """Check specifications for inconsistencies: sizes and hours, rules of combination, numbering.

    Exit codes: 0 nothing at warning or above, 1 findings at warning or above, 2 usage or input error.

    \b
    Rules (size conventions: RQF, Award <=120 h TQT, Certificate 121-369, Diploma >=370, credits = TQT/10):
      QC001 size-name                 warning  size word in the title does not fit the TQT
      QC002 credit-value              warning  credit value is not TQT / 10
      QC003 glh-over-tqt              error    GLH more than TQT (a unit's: credits x 10)
      QC004 glh-route                 info     stated GLH is not the fewest-GLH valid route's
      QC005 unsatisfiable-rules       error    a rule group (or all rules together) cannot be met
      QC006 unit-not-listed           warning  a rule names a unit the document does not list
      QC007 unit-unused               warning  a listed unit no rule uses
      QC008 duplicate-code            warning  one unit code, two titles
      QC009 duplicate-urn             warning  one unit reference (URN), two titles
      QC010 criteria-gap              warning  criteria numbering gap (1.1, 1.2, 1.4)
      QC011 outcome-without-criteria  warning  an outcome with no criteria beside outcomes with some
      QC012 malformed-number          warning  malformed Ofqual qualification number or unit reference
    """
    import sys

    from qualcli.check.run import exit_code, findings, render
    from qualcli.loading import load_spec

    found = [f for spec in specs for f in findings(spec, load_spec(spec, body))]
    sys.stdout.write(render(found, fmt.value))
    raise typer.Exit(exit_code(found))


def register(app: typer.Typer) -> None:
    app.command("check", **command(
        "qualcli check spec.pdf",
        "qualcli check handbook.docx --format sarif > check.sarif",
        "qualcli check old.yaml new.yaml --format json",
    ))(check)
