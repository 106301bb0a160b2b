"""The command line: `agreement-check check | extract | serve | config | rules`.

`main` parses options and maps outcomes to exit codes; `check` turns settings into check
options and writes the reports; `settings` (with `settings_file`) resolves the command
line, the settings file and the defaults; `rules` is the `rules` group; `views` prints
what `extract` and `rules show` show; `progress` is the terminal progress bar. Nothing
below the command line imports from here.
"""

from agreement_check.cli.main import cli, main

__all__ = ["cli", "main"]
