"""qualcli plugin for vtct documents."""
