"""``qualcli check``: consistency checks on a specification (rules QC001...)."""
