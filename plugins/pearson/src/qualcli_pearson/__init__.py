"""qualcli plugin for Pearson documents: BTEC Specialist specifications,
Pearson unit XML and BTEC First/National unit documents."""

__version__ = "0.1.0"
