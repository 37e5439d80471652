"""``qualcli lint``: find out-of-date legislation references in specs and course materials.

The pipeline per file: :mod:`.extract` turns the file into prose with source
positions; :mod:`qualcli.legislation` finds and checks references;
:mod:`.changelog` and :mod:`.spec` drop version-history rows and locate
findings in a parsed spec; :mod:`.suppress` applies inline suppressions;
:mod:`.engine` runs it over many files (in parallel for large trees);
:mod:`.baseline` and :mod:`.formats` handle baselines and output.
"""
