from agreement_check.cli.main import main

main()
