"""Sizing work before it starts: what a number of engine runs costs in time and memory on this machine, and the
refusal of work beyond it (the user's to change, exit 2). Shared by every kind of run (risk, sensitivity)."""

from __future__ import annotations

import dataclasses
import os

from gigawatt import limits
from gigawatt.data.scenario import Scenario
from gigawatt.engine.inputs import SERIES
from gigawatt.errors import GigawattError

BLOCK = 1024  # trials drawn from one child seed (gigawatt.engine.montecarlo); chunks are whole blocks


class WorkTooLarge(GigawattError):
    """A request beyond what this machine can do in reasonable time or memory (the user's to change): exit 2."""


@dataclasses.dataclass
class WorkPlan:
    """What a run will cost, estimated from its counts before it starts (see :func:`check_work`)."""

    what: str  # the flag and value, e.g. "--trials 1,000,000"
    runs: int  # model runs (trials)
    max_runs: int  # the count limit for this kind of run
    seconds: float  # estimated wall time
    bytes: float  # estimated peak memory
    chunk_trials: int  # trials simulated at once
    unit: str = "trials"  # what runs counts
    limit: str = "RISK_MAX_TRIALS"  # the name of max_runs in gigawatt.limits
    force: str = "add --force-large"  # how to lift the limits: the CLI's flag, or the Python API's argument


def threads() -> int:
    """Cores this process may use (the threads that run trials and add to sketches)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def memory_bytes() -> int:
    """This machine's memory for one process: physical RAM, or less where a cgroup or ``ulimit -v`` says so."""
    import resource

    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    try:
        with open("/sys/fs/cgroup/memory.max") as f:
            text = f.read().strip()
        if text.isdigit():
            total = min(total, int(text))
    except OSError:
        pass
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft not in (resource.RLIM_INFINITY, -1) and soft > 0:
        total = min(total, soft)
    return total


# what a trial in flight holds, in float64 or int64 words (gigawatt.engine.inputs.Inputs, gigawatt.engine.trials)
PHASE_ARRAYS = 10  # (N, P) inputs: power, PUE, sizing PUE, planned start, construction, power date, capex, carbon,
#                    first fill's type, funding queue
PHASE_ARRAYS_PER_INPUT = 3  # of them made (N, P) by one uncertain input: a start moves the planned start, the queue
#                             and the first fill's type; a power its capex; where nothing varies they are (1, P)
MONTH_ARRAYS = 3  # (N, T) inputs: money pledged, secured and in equity, cumulative
TRIAL_WORDS = 64  # (N,) and (N, K) inputs, the summary row, the metrics of the trial (about 25) and the like
STATE_WORDS_PER_PHASE = 20  # a thread's loop state per phase (gigawatt.engine.loop.new_state), besides 2 T P
SKETCH_PAGES_PER_CELL = 2  # 4-KiB pages of each of a sketch's three arrays one aggregated cell touches: 512
#                            buckets of 1 % a page, a range of 166x; measured 1.0-1.2 (benchmarks/work_sizing.py)
PAGE_BYTES = 4096


def _shape(scenario: Scenario) -> tuple[int, int]:
    """Months T and phases P of ``scenario``."""
    return round(scenario.programme.horizon_months), sum(len(site.phases) for site in scenario.sites)


def trial_bytes(scenario: Scenario, cells: int = 0) -> int:
    """Memory one trial in flight takes while its chunk is simulated and aggregated (float64 or int64 words):

    - its outputs: the series (T x S), the start month of each phase (P) and the summary row;
    - its inputs where they vary by trial: for each uncertain input up to PHASE_ARRAYS_PER_INPUT per-phase arrays
      (at most PHASE_ARRAYS), the MONTH_ARRAYS of money by month, and the type of every order (T x P) where an
      accelerator choice is uncertain (else one table for all trials);
    - its row of the aggregation table (``cells``: risk's metrics, fan series and yearly figures; 0 elsewhere);
    - TRIAL_WORDS for the rest.

    Checked against array sizes worked by hand (tests/test_work_estimate.py) and measured peak memory
    (benchmarks/work_sizing.py)."""
    T, P = _shape(scenario)
    paths = list(scenario.distributions)
    varying = min(PHASE_ARRAYS, PHASE_ARRAYS_PER_INPUT * len(paths))
    orders = T * P if any(p.endswith(".accelerator") for p in paths) else 0
    words = T * len(SERIES) + P + P * varying + (MONTH_ARRAYS * T if paths else 0) + orders + cells + TRIAL_WORDS
    return 8 * words


def state_bytes(scenario: Scenario) -> int:
    """Memory of the month loop's state, one per thread and one more for the first trial: two (T, P) tables (each
    phase's fills and refreshes by month) and STATE_WORDS_PER_PHASE words per phase."""
    T, P = _shape(scenario)
    return 8 * (2 * T * P + STATE_WORDS_PER_PHASE * P) * (threads() + 1)


def chunk_trials_for(scenario: Scenario, default: int = 2 * BLOCK) -> int:
    """Trials to simulate at once: whole blocks within ``limits.CHUNK_BYTES`` (at least one block). Two blocks by
    default: larger chunks save little time (about 4 % at 100,000 trials of stargate with 8 blocks) and cost
    memory."""
    fit = limits.CHUNK_BYTES // max(1, trial_bytes(scenario)) // BLOCK * BLOCK
    return int(max(BLOCK, min(default, fit)))


BASE_BYTES = 200 * 2**20  # the interpreter, numpy, numba and the compiled engine (measured: 190 MiB at 1 phase)


def in_flight(runs: int, chunk: int) -> int:
    """Trials whose outputs, inputs and aggregation rows are held at once: a chunk, or two where there is more than
    one (the compiled loop runs the next chunk while this thread aggregates the one before, gigawatt.engine.
    montecarlo.run_blocks)."""
    return min(runs, chunk) * (2 if runs > chunk else 1)


def engine_runs_cost(scenario: Scenario, runs: int, cells: int = 0) -> tuple[float, int, int]:
    """What ``runs`` runs of the engine on ``scenario`` cost, shared by every plan (risk, sensitivity):
    (seconds, bytes of the base process, the loop's states and the runs in flight, the chunk in runs). ``cells``:
    the aggregation table's cells per run (risk), see :func:`trial_bytes`."""
    T, P = _shape(scenario)
    chunk = chunk_trials_for(scenario)
    seconds = runs * T * (limits.SECONDS_PER_TRIAL_MONTH + P * limits.SECONDS_PER_TRIAL_PHASE_MONTH)
    seconds += -(-runs // chunk) * P * limits.SECONDS_PER_CHUNK_PHASE  # each chunk's inputs, phase by phase
    memory = BASE_BYTES + state_bytes(scenario) + in_flight(runs, chunk) * trial_bytes(scenario, cells)
    return seconds, memory, chunk


def sketch_bytes(cells: int, buckets: int, trials: int) -> int:
    """Memory a quantile sketch of ``cells`` cells of ``buckets`` buckets touches (gigawatt.engine.sketch: counts,
    minima and maxima, mapped by the system a page at a time where a bucket is used): SKETCH_PAGES_PER_CELL pages of
    each array per cell, no more than the trials can reach nor than the whole array, and the per-cell bookkeeping
    (the range of buckets in use, the running totals)."""
    pages_per_row = -(-buckets * 8 // PAGE_BYTES)
    pages = min(SKETCH_PAGES_PER_CELL, max(1, trials), pages_per_row)
    return 3 * cells * pages * PAGE_BYTES + 8 * 4 * cells


def _duration(seconds: float) -> str:
    for unit, size in (("years", 365.25 * 86400), ("days", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{seconds / size:,.3g} {unit}"
    return f"{seconds:.2g} s"


def _size(n: float) -> str:
    for unit, size in (("PiB", 2**50), ("TiB", 2**40), ("GiB", 2**30), ("MiB", 2**20)):
        if n >= size:
            return f"{n / size:,.3g} {unit}"
    return f"{n / 1024:,.3g} KiB"


def check_work(plan: WorkPlan, force: bool = False) -> None:
    """Refuse, before it starts, work beyond what this machine can do: more runs than the limit, longer than
    ``limits.WORK_MAX_SECONDS`` or more memory than ``limits.WORK_MAX_MEMORY_FRACTION`` of it (``force`` lifts
    these three); more memory than the machine has is refused even with ``force``."""
    machine = memory_bytes()
    estimate = f"estimated {_duration(plan.seconds)} and {_size(plan.bytes)} of memory"
    if plan.bytes > machine:
        raise WorkTooLarge(f"{plan.what}: {estimate}, more than this machine's {_size(machine)}; ask for less work")
    if force:
        return
    over = []
    if plan.runs > plan.max_runs:
        over.append(f"{plan.max_runs:,} {plan.unit} (limits.{plan.limit})")
    if plan.seconds > limits.WORK_MAX_SECONDS:
        over.append(f"{_duration(limits.WORK_MAX_SECONDS)} (limits.WORK_MAX_SECONDS)")
    if plan.bytes > limits.WORK_MAX_MEMORY_FRACTION * machine:
        over.append(
            f"{_size(limits.WORK_MAX_MEMORY_FRACTION * machine)} of memory (limits.WORK_MAX_MEMORY_FRACTION "
            "of this machine)"
        )
    if over:
        raise WorkTooLarge(
            f"{plan.what}: {estimate}, beyond {' and '.join(over)}; ask for less work, or {plan.force} to run it anyway"
        )
