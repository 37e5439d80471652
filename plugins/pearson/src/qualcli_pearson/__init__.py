"""qualcli plugin for Pearson documents: BTEC Specialist specifications,
Pearson unit XML and BTEC First/National unit documents."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("qualcli-pearson")  # set with the other distributions' in qualcli/__init__.py
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"
