from agreement_check.cli import main

main()
