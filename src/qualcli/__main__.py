from qualcli.start import main

main()
