"""How many hypothesis examples a test runs under the active profile (see conftest.py)."""

import os


def examples(n: int) -> int:
    """``n`` examples under the ``ci`` profile; five times as many under ``explore``."""
    return n * 5 if os.environ.get("HYPOTHESIS_PROFILE", "ci") == "explore" else n
