"""``qualcli coverage``: which criteria of a spec course materials teach."""
