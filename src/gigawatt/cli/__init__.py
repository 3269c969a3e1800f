"""The command line: ``core`` holds the app, the error boundary and the core commands; one module per other group."""

from gigawatt.cli.core import app, entry, main

__all__ = ["app", "entry", "main"]
