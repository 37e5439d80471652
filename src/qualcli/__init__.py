"""qualcli: parse, diff, map and lint UK vocational qualification specifications."""

__version__ = "0.1.0"  # the version of qualcli and its three plugin distributions (see hatch_build.py)
