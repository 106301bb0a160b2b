"""`python -m agreement_check`: the same command line as `agreement-check`."""

from agreement_check.cli.main import main

main()
