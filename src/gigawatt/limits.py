"""Limits on what gigawatt reads and on the work it starts, in one place.

Each limit protects this kind of machine (2 cores, a few GiB free) from a mistaken or hostile input: a file that
expands without bound, a unit string that asks for a huge integer, a run that would take hours or exhaust memory.
Where a user can legitimately need more, the constant names the flag that lifts it. docs/limits.md lists them.

Ownership while several people edit this session: add constants for your area at the end of its section; never
rewrite the file.
"""

from __future__ import annotations

# --- reading scenario and config files (gigawatt.loading) --------------------------------------------------------
MAX_FILE_BYTES = 4 * 1024 * 1024  # a scenario or config file; built-ins are < 10 kB
MAX_NESTING = 32  # depth of mappings and lists in a YAML file (a scenario needs about 8)
MAX_ALIASES = 0  # YAML anchors/aliases: refused (expansion is what makes "billion laughs" bombs)
MAX_EXTENDS_DEPTH = 8  # `extends:` chains
MAX_UNIT_STRING = 64  # characters in one number-with-unit string ("1.2 GW", "$11.7M/MW")
MAX_SET_OVERRIDES = 256  # --set arguments on one command line

# --- work a command may start (gigawatt.cli, montecarlo, sensitivity) ------------------------------------------

# --- operations model (gigawatt.reliability, gigawatt ops) ----------------------------------------------------
