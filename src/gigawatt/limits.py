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
OPS_MAX_DAYS = 36_525  # longest window, --days and --work (100 years: no job or fleet lasts longer); see no_progress
OPS_MAX_ACCELERATORS = 10**12  # --accelerators: 10^5 times the accelerators in service today; keeps M > 1e-8 h
OPS_MIN_MTTI_HOURS = 1e-9  # job MTTI (3.6 us, 10^6 times shorter than a training step); keeps counts finite
OPS_MAX_EVENTS = 2.5e8  # simulated events (draws of failures, restarts, checkpoints) in one ops run: ~5 s at the
#                       ~5e7 events/s that 2 cores simulate; lifted by --max-events (ops(max_events=...))
OPS_CHUNK_TRIALS = 65_536  # trials simulated at once: memory stays flat in --trials (~4 MB a chunk)
OPS_QUANTILE_TRIALS = 1_048_576  # P10/P90 come from the first this many trials (exact below it; ~60 MB kept)
