"""qualcli plugin for VTCT record-of-assessment books."""
