"""The `newsbrief` command: a thin layer over the library that talks to people.

Exit codes: 0 everything worked; 1 the job finished but some inputs were bad (each one is
reported); 2 the command line was wrong; 3 nothing could be done (the message says why).

``common`` holds the command group and what the commands share; each other module adds
its commands to the group when imported, which this package does below.
"""

from __future__ import annotations

# the command modules are imported for the commands they add to `main`
from newsbrief.cli import evaluate, exporting, ingest, show  # noqa: F401
from newsbrief.cli.common import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, main

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_PARTIAL", "EXIT_USAGE", "main"]
