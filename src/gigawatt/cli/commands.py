"""The whole command line: imports every command module (each registers its commands on :data:`~gigawatt.cli.core.app`
when imported) and puts the commands in :data:`COMMAND_ORDER`, whatever order the modules were imported in.

``gigawatt.cli`` imports this module first, so importing any part of the command line (``gigawatt.cli.core`` too)
gives the app with every command; :func:`~gigawatt.cli.core.main` is the entry point and error boundary.
"""

from __future__ import annotations

from gigawatt.cli import catalog, claims, estimate, ops, risk, run, scenarios, validate
from gigawatt.cli.core import app

# the order `gigawatt --help` lists the commands in (a command missing here comes last)
COMMAND_ORDER = (
    "scenarios",
    "run",
    "risk",
    "sensitivity",
    "compare",
    "estimate",
    "catalog",
    "show",
    "schema",
    "ops",
    "validate",
)

COMMAND_MODULES = (scenarios, run, risk, estimate, catalog, ops, validate, claims)


def _sort_commands() -> None:
    rank = {name: i for i, name in enumerate(COMMAND_ORDER)}
    app.registered_commands.sort(key=lambda command: rank.get(command.name, len(rank)))


_sort_commands()
