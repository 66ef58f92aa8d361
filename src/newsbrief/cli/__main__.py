"""`python -m newsbrief.cli`: the same command as the `newsbrief` script."""

from newsbrief.cli import main

main()
