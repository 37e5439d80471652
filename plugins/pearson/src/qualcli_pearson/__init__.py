"""qualcli plugin for Pearson documents: BTEC Specialist specifications,
Pearson unit XML and BTEC First/National unit documents."""
