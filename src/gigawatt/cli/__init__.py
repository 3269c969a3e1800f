"""The command line: ``core`` holds the app, the error boundary and the shared helpers; one module per command group
(``scenarios``, ``run``, ``risk``, ``estimate``, ``catalog``, ``ops``, ``validate``) registers its commands on the app.
"""

from gigawatt.cli.core import _register_commands, app, entry, main

_register_commands()  # ``gigawatt.cli.app`` is the whole command line, also without going through main()

__all__ = ["app", "entry", "main"]
