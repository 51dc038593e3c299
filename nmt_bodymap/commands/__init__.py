"""Sub-commands of the nmt-bodymap command line, one module each."""


class UsageError(Exception):
    """Bad input from the command line: reported in one line, exit status 2."""
