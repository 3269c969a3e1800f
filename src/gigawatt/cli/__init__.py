"""The command line: ``core`` holds the app, the error boundary and the shared helpers; one module per command group
(``scenarios``, ``run``, ``risk``, ``estimate``, ``catalog``, ``ops``, ``validate``) registers its commands on the app;
``commands`` imports them all and orders them, so ``gigawatt.cli.app`` is the whole command line, also without going
through main().
"""

from gigawatt.cli import commands  # noqa: F401  (registers every command on the app)
from gigawatt.cli.core import app, entry, main

__all__ = ["app", "entry", "main"]
