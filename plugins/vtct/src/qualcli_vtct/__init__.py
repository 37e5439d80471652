"""qualcli plugin for VTCT record-of-assessment books."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("qualcli-vtct")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"
