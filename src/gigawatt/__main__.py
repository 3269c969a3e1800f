"""``gigawatt`` and ``python -m gigawatt``: the command line, with ``gigawatt serve`` (the web tier registers it; the
command line itself never imports the web tier)."""

from gigawatt.cli import entry
from gigawatt.web import serve  # noqa: F401  (registers `gigawatt serve`)

__all__ = ["entry"]

if __name__ == "__main__":
    entry()
