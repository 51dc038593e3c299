"""Sub-commands of the nmt-bodymap command line, one module each."""
