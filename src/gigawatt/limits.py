"""Limits on what gigawatt reads and on the work it starts, in one place.

Each limit protects this kind of machine (2 cores, a few GiB free) from a mistaken or hostile input: a file that
expands without bound, a unit string that asks for a huge integer, a run that would take hours or exhaust memory.
Where a user can legitimately need more, the constant names the flag that lifts it. docs/limits.md lists them.

Ownership while several people edit this session: add constants for your area at the end of its section; never
rewrite the file.
"""

from __future__ import annotations

# --- reading scenario and config files (gigawatt.data.loading) --------------------------------------------------------
MAX_FILE_BYTES = 4 * 1024 * 1024  # a scenario or config file; built-ins are < 10 kB
MAX_NESTING = 32  # depth of mappings and lists in a YAML file (a scenario needs about 8)
MAX_ALIASES = 0  # YAML anchors/aliases: refused (expansion is what makes "billion laughs" bombs)
MAX_EXTENDS_DEPTH = 8  # `extends:` chains
MAX_UNIT_STRING = 64  # characters in one number-with-unit string ("1.2 GW", "$11.7M/MW")
MAX_SET_OVERRIDES = 256  # --set arguments on one command line
MAX_YAML_NODES = 100_000  # scalars, mappings and lists in one file (a built-in has < 1,000): bounds parsing time
#                            and validation (a 4 MB list of numbers has ~2 million and took minutes)
MAX_YAML_SCALAR_CHARS = 100_000  # characters in one YAML scalar (a description); a number longer than 4,300 digits
#                                  is refused by Python itself and reported as such

# --- scenario values (gigawatt.data.scenario, gigawatt.engine.estimate): the physical range each field can take
MIN_MONTH = "2000-01"  # earliest month a scenario may name (the first accelerator in the catalog ships in 2022)
MAX_MONTH = "2100-12"  # latest month: with the horizon and every delay added the engine stays far below year 9999
MAX_HORIZON_MONTHS = 600  # programme.horizon_months: 50 years simulated (a whole number of months, >= 1)
MAX_MONTHS = 1200  # any duration in months (construction, lead time, lifetime, delays): 100 years
MAX_USD = 1e14  # any amount of money: $100T, about the world's GDP in a year
MAX_PHASE_POWER_MW = 100_000  # one phase's facility power: 100 GW (the largest campus announced is ~5 GW)
MAX_ESTIMATE_POWER_MW = 1_000_000  # estimate --power: 1 TW, a third of the world's average electricity demand
MAX_USD_PER_MW = 1e9  # facility or generation capex, opex per MW: $1B/MW, 85 times the US average (EC01)
MAX_USD_PER_MWH = 10_000  # energy price: twice the ERCOT offer cap ($5,000/MWh)
MAX_T_PER_MWH = 2.0  # CO2 per MWh: lignite, the dirtiest fuel, is about 1.1 t/MWh
MAX_ACCELERATOR_W = 100_000  # all-in IT power of one accelerator: 100 kW (a wafer-scale system draws ~25 kW)
MIN_ACCELERATOR_W = 1.0  # ... and at least 1 W (a phone's NPU draws a few W); keeps accelerators per MW finite
MIN_EQUITY_SHARE = 0.01  # financing.equity_share: 1 % equity is already 99 times leverage; keeps debt finite
MAX_ACCELERATOR_PRICE_USD = 1e8  # price of one accelerator: $100M (a whole GB200 NVL72 rack is ~$3M)
MAX_ACCELERATOR_TFLOPS = 1e6  # dense TFLOP/s of one accelerator: 1 EFLOP/s, ~400 times a B200
MAX_ACCELERATOR_MEMORY_GB = 1e6  # memory of one accelerator: 1 PB
MAX_ACCELERATORS = 1e10  # accelerator counts (supply caps per year, estimate --accelerators and its results)
MAX_TRAINING_MINUTES = 10_080  # training.checkpoint_write_minutes and restart_minutes: one week
MAX_PHASES = 1_000  # phases in all sites of one scenario: 1,000 phases over 600 months run in ~5 s here (the
#                     built-ins have at most 10; 14,000 took 21 s and 1.4 GB)
MAX_PLEDGES = 1_000  # pledges of all partners (1,000 over 600 months: ~4 s here)
MAX_SUPPLY_CAPS = 20  # supply caps (each is checked against every phase every month: 50 caps added ~3 s here)
MAX_RAMP_BUILDINGS = 100  # buildings in one phase's ramp (each becomes a phase; Abilene has 8, SG38); the phases
#                             they expand to count against MAX_PHASES as well

# --- work a command may start (gigawatt.cli.risk, engine.work, engine.sensitivity) ----------------------------------
RISK_MAX_TRIALS = 10_000_000  # risk --trials: 10^7 took 310 s and 677 MiB here (README); lifted by --force-large
SENSITIVITY_MAX_RUNS = 4_000_000  # model runs of one sensitivity (Sobol N*(D+2), Morris N*(D+1)); --force-large
WORK_MAX_SECONDS = 1_800  # estimated wall time of one risk or sensitivity run (30 min); lifted by --force-large
WORK_MAX_MEMORY_FRACTION = 0.5  # estimated peak memory, as a share of this machine's RAM; lifted by --force-large
#                                 (beyond all of the RAM a run is refused, --force-large or not)
# the time estimate (engine/work.py): per run and month, plus per run, phase and month. Calibrated on a 2-core
# x86-64 (benchmarks/run.py engine, 2026-11-29): stargate (9 phases) risk 2M trials 18.9 s measured vs 52 s
# estimated at 3e-7; sensitivity --samples 65536 (589,824 runs) 12.5 s vs 15.4 s. The old 1e-6/2e-8 overestimated
# risk 7x. 1.5e-7 since issue 20: benchmarks/work_sizing.py measured 1.4e-7 to 1.8e-7 s per trial-month of CPU
# time over 2 cores (1 to 10 phases, 12 to 120 months) and 1.2e-8 to 1.3e-8 per trial-phase-month (100 and
# 1,000 phases); at 3e-7 the estimate ran 3.3x over the measure at 10 phases, 120 months.
SECONDS_PER_TRIAL_MONTH = 1.5e-7
SECONDS_PER_TRIAL_PHASE_MONTH = 1.5e-8
CHUNK_BYTES = 256 * 1024**2  # memory for the trials in flight at once (risk, sensitivity): sets the chunk size
DASK_LOCAL_WORKERS_PER_CORE = 2  # --dask local:N: at most this many worker processes per core (more only add memory)
DASK_CONNECT_SECONDS = 5  # --dask ADDRESS: connect and hear back from a Dask scheduler within this, or fail
SECONDS_PER_CHUNK_PHASE = 5e-5  # the time estimate's fixed part: compiling a chunk's inputs, per phase (1,000 phases
#                                  over 600 months: 0.1 s of CPU for one trial, against 0.01 s of month loop)

# --- operations model (gigawatt.engine.operations, gigawatt ops) ----------------------------------------------------
OPS_MAX_DAYS = 36_525  # longest window, --days and --work (100 years: no job or fleet lasts longer); see no_progress
OPS_MAX_ACCELERATORS = 10**12  # --accelerators: 10^5 times the accelerators in service today; keeps M > 1e-8 h
OPS_MIN_MTTI_HOURS = 1e-9  # job MTTI (3.6 us, 10^6 times shorter than a training step); keeps counts finite
OPS_MAX_EVENTS = 2.5e8  # simulated events (draws of failures, restarts, checkpoints) in one ops run: ~2.5 s at
#                       the ~1e8 events/s that 2 cores simulate; lifted by --max-events (ops(max_events=...))
OPS_CHUNK_TRIALS = 65_536  # trials simulated at once: memory stays flat in --trials (~4 MB a chunk)
OPS_QUANTILE_TRIALS = 1_048_576  # P10/P90 come from the first this many trials (exact below it; ~60 MB kept)
OPS_EVENTS_PER_SECOND = 1e8  # simulated events per second on 2 cores: turns estimate_events into the seconds that
#                              a refusal quotes (benchmarks/work_sizing.py: 1.6e8 over 2 cores' CPU time, 1M
#                              accelerators over a year; the cluster model about half that)

# --- claims extract (gigawatt.claims.extract) -------------------------------------------------------------------------
MAX_ARTICLE_BYTES = 2 * 1024 * 1024  # one article, text or HTML: a news page's HTML is 0.1-1 MB, its text ~10 kB

# --- the web page and its JSON API (gigawatt.web, gigawatt serve) ----------------------------------------------------
WEB_MAX_BODY_BYTES = 5 * 1024 * 1024  # one request body: a pasted scenario (MAX_FILE_BYTES) plus its JSON quoting; 413
WEB_RISK_MAX_TRIALS = 100_000  # risk trials per request: 100k of stargate take ~2-7 s here (the CLI allows 10^7)
WEB_CLAIMS_MAX_TRIALS = 20_000  # claims trials per request: one Monte Carlo pass per scenario the ledger names
WEB_WORKERS = 1  # Monte Carlo runs (risk, claims) at a time: each already uses every core; the rest wait in turn
WEB_MAX_WAITING = 8  # Monte Carlo runs waiting for the worker; beyond it a request is refused with 503
WEB_CACHE_ENTRIES = 256  # deterministic answers kept (run, compare, scenario, validate), least recently used out
