"""Errors a user can act on.

Every error raised for bad input is a :class:`GigawattError`; the interfaces (CLI, web) print its message and exit
non-zero without a traceback. Bugs stay ordinary exceptions so that they do show a traceback.
"""

from __future__ import annotations


class GigawattError(Exception):
    """Bad input: the message names the field, the value and what was expected (exit code 2)."""

    exit_code = 2


class GigawattWarning(UserWarning):
    """Something the user should know that did not stop the run (a damaged cache rebuilt, a setting not used); the
    command line prints it as a ``warning:`` line."""


class EnvironmentFailure(GigawattError):
    """Not the input's fault: an unwritable path, a full disk, a refused connection (exit code 1)."""

    exit_code = 1


class ScenarioError(GigawattError):
    """A scenario file, override or value failed validation."""

    def __init__(self, problems: list[str], origin: str | None = None):
        self.problems = list(problems)
        self.origin = origin
        head = f"{origin}: " if origin else ""
        if len(self.problems) == 1:
            text = head + self.problems[0]
        else:
            text = head + f"{len(self.problems)} problems:\n" + "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(text)


class InputFileError(GigawattError):
    """A scenario or config file that cannot be read within the limits of gigawatt.limits: not a regular file, too
    large, not UTF-8, YAML anchors or aliases, nesting too deep, a duplicate key, an ``extends:`` chain too long.
    The message starts with the path."""


class UnitError(GigawattError):
    """A quantity that is not a finite number with a unit in one of the simple forms ("1.2 GW", "$500B")."""


class UnknownNameError(GigawattError):
    """A name (accelerator, scenario, metric) that is not known; the message lists the valid ones."""

    def __init__(self, kind: str, name: str, valid: list[str], where: str | None = None):
        self.kind, self.name, self.valid = kind, name, sorted(valid)
        prefix = f"{where}: " if where else ""
        super().__init__(f"{prefix}unknown {kind} {name!r}; expected one of: {', '.join(self.valid)}")
