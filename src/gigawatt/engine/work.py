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


def trial_bytes(scenario: Scenario) -> int:
    """Memory one trial takes while its chunk is simulated and aggregated: the series, per-type counts, per-phase
    inputs and the aggregation row (float64 each); measured within a factor of 1.5 at 60 to 600 months."""
    from gigawatt.data.catalog import catalog

    T = round(scenario.programme.horizon_months)
    P = sum(len(site.phases) for site in scenario.sites)
    K = len(catalog())
    return 8 * (T * (len(SERIES) + K + 3 * P + 40) + 16 * P)


def chunk_trials_for(scenario: Scenario, default: int = 2 * BLOCK) -> int:
    """Trials to simulate at once: whole blocks within ``limits.CHUNK_BYTES`` (at least one block). Two blocks by
    default: larger chunks save little time (about 4 % at 100,000 trials of stargate with 8 blocks) and cost
    memory."""
    fit = limits.CHUNK_BYTES // max(1, trial_bytes(scenario)) // BLOCK * BLOCK
    return int(max(BLOCK, min(default, fit)))


BASE_BYTES = 200 * 2**20  # the interpreter, numpy, numba and the compiled engine


def engine_runs_cost(scenario: Scenario, runs: int) -> tuple[float, int, int]:
    """What ``runs`` runs of the engine on ``scenario`` cost, shared by every plan (risk, sensitivity):
    (seconds, bytes of the base process plus one chunk of runs in flight, the chunk in runs)."""
    T = round(scenario.programme.horizon_months)
    P = sum(len(site.phases) for site in scenario.sites)
    chunk = chunk_trials_for(scenario)
    seconds = runs * T * (limits.SECONDS_PER_TRIAL_MONTH + P * limits.SECONDS_PER_TRIAL_PHASE_MONTH)
    return seconds, BASE_BYTES + min(runs, chunk) * trial_bytes(scenario), chunk


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
