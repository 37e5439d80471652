"""qualcli plugin for cityandguilds documents."""
