from qualcli.cli import main

main()
