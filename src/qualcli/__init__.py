"""qualcli: parse, diff, map and lint UK vocational qualification specifications."""

__version__ = "0.1.0"
