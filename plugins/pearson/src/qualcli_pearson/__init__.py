"""qualcli plugin for pearson documents."""
