import LindungCLI
LindungMain.main()
