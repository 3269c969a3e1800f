"""Operations at scale: failures, checkpointing and goodput of one training job (the orchestration).

The equations are in the model core: the failure rates calibrated on Llama 3 and the draws of the time to the
next interruption in gigawatt.model.failures (facts.csv RL01-RL03, RL06); the Young/Daly intervals, Daly's goodput
and wall time and the steps of a job's timeline (segments, lost work, restarts) in gigawatt.model.checkpointing
(RL22, RL23); repairs, standbys and spares in gigawatt.model.repair. A job on N accelerators is interrupted at N
times the summed rate per accelerator-hour, so its mean time to interruption is

    M = 1 / (N * sum_c lambda_c)                                                       [hours]

Checkpoint interval (Young 1974, RL22; Daly 2006, RL23), for checkpoint write time delta:

    tau_Young = sqrt(2 delta M)
    tau_Daly  = sqrt(2 delta M) [1 + (1/3) sqrt(delta / 2M) + (1/9) (delta / 2M)] - delta    (delta < 2M; else M)

Expected wall time of a job of T_s hours of work, with restart time R (Daly 2006, eq. 13; exact for exponential
failures that may strike during work, checkpoints and restarts alike):

    T_w = M exp(R / M) (exp((tau + delta) / M) - 1) T_s / tau,         goodput = T_s / T_w

computed in log space, so that it cannot overflow (gigawatt.model.checkpointing.log_goodput): a job whose
expected time to complete one restart or one checkpointed interval is beyond the longest window (OPS_MAX_DAYS) has
``no_progress`` (goodput 0, with the reason); a zero write time is continuous checkpointing (goodput exp(-R/M)).
The same renewal argument gives the goodput where a failure loses no work (``lose_work`` False) or cannot strike a
restart (``failure_free_restart``: M + R in place of M e^(R/M)), ``log_goodput_with``; settings it cannot model
(waits for servers, bad servers, non-exponential draws) are named in ``analytic_ignores`` and the figures they
would change are left out (None). The write time, restart time and MFU default to the scenario's training rows of
data/defaults.csv (``training_default``).

Here: ``ops`` (settings in an ``OpsConfig``) checks the settings, resolves the failure model and the interval,
gives the analytic figures, and runs the simulations. A simulation draws the same process trial by trial (numba
kernels ``_simulate`` and ``_simulate_cluster``, calling the model's steps), to completion of the job or over a
fixed window, as a check on the closed form and for the distribution of outcomes. Trials run in chunks
(OPS_CHUNK_TRIALS) whose summaries are merged, so memory is flat in the number of trials; a job to completion
stops at the longest window and says so (``stopped_at_window``); the work a run would take is estimated first and
refused beyond OPS_MAX_EVENTS (``estimate_events``; lifted by ``max_events``, flag --max-events).
"""

from __future__ import annotations

import dataclasses
import math
from typing import NamedTuple

import numpy as np
from numba import njit, prange

from gigawatt.data.catalog import defaults, get_accelerator
from gigawatt.engine import numba_cache
from gigawatt.errors import GigawattError
from gigawatt.limits import (
    OPS_CHUNK_TRIALS,
    OPS_MAX_ACCELERATORS,
    OPS_MAX_DAYS,
    OPS_MAX_EVENTS,
    OPS_MIN_MTTI_HOURS,
    OPS_QUANTILE_TRIALS,
)
from gigawatt.model import draws, repair
from gigawatt.model.checkpointing import (  # noqa: F401  (re-exported: the closed forms live in the model core)
    LLAMA3_CAUSES,
    LLAMA3_DAYS,
    LLAMA3_GPUS,
    LLAMA3_INTERRUPTIONS,
    MEGASCALE_MFU,
    daly_interval,
    expected_wall_hours,
    job_mtti_hours,
    log_goodput,
    log_goodput_with,
    log_restart_hours,
    rates_per_accelerator_hour,
    steady_goodput,
    young_interval,
)
from gigawatt.model.draws import (
    draw_bad_servers,
    draw_failed_is_bad,
    draw_interruption,
    draw_restart,
    failure_free_restart,
    interrupted_work_hours,
    segment_hours,
    server_failure_rates,
)
from gigawatt.model.failures import DISTRIBUTIONS, interarrival, mean_draw_in_window
from gigawatt.model.repair import draw_repair_hours, draw_returns_bad, draw_standby_is_bad, wait_hours

# ------------------------------------------------------------------------------------------ the plain job


class SimJob(NamedTuple):
    """A job's timeline for the kernels (numba accepts it as is; durations in hours).

    interval, write: checkpoint interval tau and write time delta (both 0: continuous checkpointing); restart: R;
    work: the job's work, run to completion (0: run over the window); window: the window, or the longest window for
    a job to completion; lose_work: a failure loses the work since the last checkpoint (else only the restart is
    charged); failure_free: no failure strikes during a restart (``--failure-free-restart``).
    """

    interval: float
    write: float
    restart: float
    work: float
    window: float
    lose_work: bool
    failure_free: bool


@njit(cache=True)
def _whole_segments(need, next_fail, window_left):
    """How many whole segments of ``need`` hours (work and its checkpoint) fit both before the next failure and in
    the window (>= 1 where one does): a window's run of segments between failures is taken in one step, with the
    same sums (to rounding) as one segment at a time."""
    k = max(1.0, min(np.floor(next_fail / need), np.floor(window_left / need)))
    while k > 1.0 and (k * need > next_fail or k * need > window_left):  # rounding of the divisions
        k -= 1.0
    return k


@njit(cache=True)
def _job_trial(job, dist):
    """One trial of the plain job: wall hours, useful hours, interruptions, lost-work hours, checkpoint hours,
    restart hours, and 1.0 where the job stopped at the window before finishing its work (else 0.0).

    With work > 0 the job runs to completion, or until the window (the longest window) if that comes first; else
    it runs for the window. Nothing is counted beyond the window. Each segment of work (``segment_hours``) is
    followed by a checkpoint write unless the next interruption (``draw_interruption``) comes first; then the
    segment's work is lost (``interrupted_work_hours``) and the job restarts (``draw_restart``).
    """
    continuous = job.interval + job.write <= 0.0
    to_completion = job.work > 0.0
    stop = 1.0 if to_completion else 0.0
    t = done = fails = lost = ckpt = rest = stopped = 0.0
    next_fail = draw_interruption(dist)
    while True:
        if to_completion:
            left = job.work - done
            if left <= 1e-12:
                break
        else:
            left = job.window - t
        seg = segment_hours(job.interval, left, continuous, to_completion)
        if t >= job.window:
            stopped = stop
            break
        need = seg + job.write
        if t + need > job.window:
            need = job.window - t  # the window closes mid-segment: what is not checkpointed does not count
            if next_fail >= need:
                if continuous:
                    done += need
                t = job.window
                stopped = stop
                break
        if next_fail >= need:
            k = 1.0 if to_completion or continuous else _whole_segments(need, next_fail, job.window - t)
            t += k * need
            next_fail -= k * need
            done += k * seg
            ckpt += k * job.write
            continue
        # interrupted: the segment's work is lost (or kept, for simulators that charge only the restart, and
        # always with continuous checkpointing)
        t += next_fail
        fails += 1.0
        if job.lose_work and not continuous:
            lost += interrupted_work_hours(next_fail, seg)
        else:
            done += interrupted_work_hours(next_fail, seg)
        if job.failure_free:
            t, rest, more, next_fail, closed = failure_free_restart(t, rest, job.window, job.restart, dist)
        else:
            t, rest, more, next_fail, closed = draw_restart(t, rest, job.window, job.restart, dist)
        fails += more
        if closed:
            stopped = stop
            break
    return t, done, fails, lost, ckpt, rest, stopped


@njit(cache=True, parallel=True)
def _simulate(seeds, job, dist, out):
    """Trials of the plain job (``_job_trial``), one per seed, in parallel: row n of ``out`` (n x 7) is trial n's
    wall, useful, interruptions, lost-work, checkpoint and restart hours, and stopped-at-window.

    ``job`` is a SimJob, ``dist`` an Interarrival (gigawatt.model.failures).
    """
    for n in prange(seeds.shape[0]):
        np.random.seed(seeds[n])
        row = _job_trial(job, dist)
        for j in range(7):
            out[n, j] = row[j]


_INIT_B, _MULT_B, _MASK32 = 0x8B51F9DD, 0x58F38DED, 0xFFFFFFFF  # numpy's SeedSequence.generate_state constants


def _seeds(seed: int, trials: int, start: int = 0) -> np.ndarray:
    """Seeds of trials ``start`` .. ``start + trials - 1``: trial i's seed is the i-th word of one SeedSequence, so
    adding trials keeps the earlier ones.

    Equal to ``SeedSequence(seed).generate_state(start + trials)[start:]`` (tested), computed for the chunk alone
    (word i is the pool's word i mod 4 mixed with INIT_B * MULT_B^i mod 2^32), so memory does not grow with
    ``start``.
    """
    pool = np.random.SeedSequence(seed).pool.astype(np.uint64)
    mult = np.full(trials, _MULT_B, dtype=np.uint64)
    mult[0] = (_INIT_B * pow(_MULT_B, start, 1 << 32)) & _MASK32
    mask = np.uint64(_MASK32)
    before = np.cumprod(mult) & mask  # INIT_B * MULT_B^i mod 2^32 (uint64 products wrap mod 2^64: low bits exact)
    after = (before * np.uint64(_MULT_B)) & mask
    v = ((pool[np.arange(start, start + trials, dtype=np.int64) % pool.size] ^ before) * after) & mask
    v ^= v >> np.uint64(16)
    return v.astype(np.int64)


_BLOCK = 4096  # trials per block of the merged moments: fixed, so the numbers do not depend on the chunking


class _Stream:
    """Running summaries of per-trial rows: mean and variance merged block by block (Chan, Golub and LeVeque's
    pairwise update, over fixed blocks of _BLOCK trials counted from trial 0, so that the same trials give the same
    numbers however they were chunked), and the first ``keep`` rows, kept for the P10/P90."""

    def __init__(self, cols: int, keep: int = OPS_QUANTILE_TRIALS):
        self.n, self.mean, self.m2 = 0, np.zeros(cols), np.zeros(cols)
        self.pending = np.empty((0, cols))
        self.kept: list[np.ndarray] = []
        self.kept_n, self.keep = 0, keep

    @staticmethod
    def _merge(n, mean, m2, block):
        k = block.shape[0]
        if k == 0:
            return n, mean, m2
        b_mean = block.mean(axis=0)
        return _Stream._merge_moments(n, mean, m2, k, b_mean, ((block - b_mean) ** 2).sum(axis=0))

    @staticmethod
    def _merge_moments(n, mean, m2, k, b_mean, b_m2):
        tot = n + k
        d = b_mean - mean
        return tot, mean + d * (k / tot), m2 + b_m2 + d * d * (n * k / tot)

    def add(self, rows: np.ndarray) -> None:
        if self.kept_n < self.keep:
            take = rows[: self.keep - self.kept_n]
            self.kept.append(take.copy())
            self.kept_n += take.shape[0]
        if self.pending.shape[0]:  # complete the pending block first
            fill = _BLOCK - self.pending.shape[0]
            self.pending = np.concatenate([self.pending, rows[:fill]])
            rows = rows[fill:]
            if self.pending.shape[0] < _BLOCK:
                return
            self.n, self.mean, self.m2 = self._merge(self.n, self.mean, self.m2, self.pending)
        full = rows.shape[0] // _BLOCK
        if full:  # every whole block's moments at once, then merged in order
            blocks = rows[: full * _BLOCK].reshape(full, _BLOCK, rows.shape[1])
            means = blocks.mean(axis=1)
            m2s = ((blocks - means[:, None, :]) ** 2).sum(axis=1)
            for i in range(full):
                self.n, self.mean, self.m2 = self._merge_moments(self.n, self.mean, self.m2, _BLOCK, means[i], m2s[i])
        self.pending = rows[full * _BLOCK :].copy()

    def moments(self) -> tuple[int, np.ndarray, np.ndarray]:
        """Trials, means and sample variances (ddof 1) of every column so far."""
        n, mean, m2 = self._merge(self.n, self.mean, self.m2, self.pending)
        var = m2 / (n - 1) if n > 1 else np.zeros_like(m2)
        return n, mean, np.maximum(var, 0.0)

    def summaries(self, names: list[str]) -> dict:
        n, mean, var = self.moments()
        kept = np.concatenate(self.kept) if self.kept else np.empty((0, len(names)))
        out = {}
        for j, name in enumerate(names):
            half = 1.96 * math.sqrt(var[j]) / math.sqrt(n) if n > 1 else 0.0
            out[name] = {
                "mean": float(mean[j]),
                "ci95": [float(mean[j]) - half, float(mean[j]) + half],
                "p10": float(np.quantile(kept[:, j], 0.1)),
                "p90": float(np.quantile(kept[:, j], 0.9)),
            }
        return out


def _columns(out: np.ndarray, flops_per_useful_second: float | None, cluster: bool) -> tuple[list[str], np.ndarray]:
    """The summarised quantities of per-trial kernel rows (wall, useful, interruptions, lost, checkpoint, restart,
    then stopped-at-window for the plain job or waiting for the cluster)."""
    wall, useful = out[:, 0], out[:, 1]
    names = ["interruptions", "goodput", "wall_time_hours", "lost_work_hours", "checkpoint_hours", "restart_hours"]
    with np.errstate(divide="ignore", invalid="ignore"):
        goodput = np.where(wall > 0, useful / wall, 0.0)
    cols = [out[:, 2], goodput, wall, out[:, 3], out[:, 4], out[:, 5]]
    if flops_per_useful_second is not None:
        names.append("effective_flop")
        cols.append(useful * 3600.0 * flops_per_useful_second)
    names.append("waiting_for_servers_hours" if cluster else "stopped_at_window")
    cols.append(out[:, 6])
    return names, np.column_stack(cols)


def _run_streamed(run, trials: int, ci_target: float | None, max_trials: int, chunk: int):
    """``run(start, n)`` -> kernel rows of trials start .. start + n - 1, simulated ``chunk`` trials at a time and
    merged; with ``ci_target``, trials are doubled (continuing from those already run: trial i keeps its seed)
    until the goodput's 95 % half-width is <= target or ``max_trials`` is reached.

    Returns (stream, names, trials run, goodput half-width)."""
    stream = names = None
    done, target = 0, trials
    while True:
        while done < target:
            k = min(chunk, target - done)
            names, cols = run(done, k)
            if stream is None:
                stream = _Stream(cols.shape[1])
            stream.add(cols)
            done += k
        n, _, var = stream.moments()
        half = 1.96 * math.sqrt(var[1]) / math.sqrt(n) if n > 1 else math.inf  # column 1: goodput
        if ci_target is None or half <= ci_target or done >= max_trials:
            return stream, names, done, half
        target = min(2 * done, max_trials)


_TRIAL_EVENTS = 150  # a trial's fixed cost (seeding its generator, its row, the summaries: ~3 us) in events


def estimate_events(
    trials: int,
    window_hours: float,
    mtti_hours: float,
    interval_hours: float,
    checkpoint_write_hours: float,
    distribution: str = "exponential",
    shape: float | None = None,
    servers: int = 0,
) -> float:
    """Expected simulated events (draws of a failure, restarts, checkpoints, per-server draws) of ``trials`` trials
    of a job over ``window_hours``: the measure of work that ``ops`` compares with ``OPS_MAX_EVENTS``.

    Every draw of the time to the next interruption is consumed as wall time, so the draws in a window of W hours
    form a renewal process: about W / E[min(X, W)] of them (gigawatt.model.failures.mean_draw_in_window: W / M for
    exponential failures with W >> M; far more for a heavy-tailed Weibull or lognormal whose typical draw is tiny),
    each followed by a restart; plus W / (tau + delta) checkpoints; plus one draw per server for the cluster model;
    plus a trial's fixed cost (_TRIAL_EVENTS). inf where a draw consumes no time (the simulation would not end).
    """
    kind = DISTRIBUTIONS.index(distribution)
    mean_min = mean_draw_in_window(kind, mtti_hours, float(shape or 1.0), window_hours)
    draws = window_hours / mean_min if mean_min > 0 else math.inf
    segment = interval_hours + checkpoint_write_hours
    checkpoints = window_hours / segment if segment > 0 else 0.0
    return float(trials) * (_TRIAL_EVENTS + 2.0 * draws + checkpoints + servers)


@dataclasses.dataclass
class OpsResult:
    accelerator: str
    accelerators: int
    mtti_hours: float
    rate_by_cause: dict
    checkpoint_interval_minutes: float
    checkpoint_write_minutes: float
    restart_minutes: float
    interval_rule: str
    days: float
    work_hours: float | None
    analytic: dict
    simulated: dict | None
    trials: int
    seed: int
    mfu: float
    distribution: str = "exponential"
    shape: float | None = None
    ci_target: float | None = None
    ci_target_met: bool | None = None  # with ci_target: whether the goodput's 95 % half-width reached it
    ci_half_width: float | None = None  # the goodput's 95 % half-width reached (with trials)
    ci_stop_reason: str | None = None  # why the trials stopped short of ci_target
    quantile_trials: int | None = None  # P10/P90 from the first this many trials (when fewer than trials)
    checkpoint_write_source: str = ""  # where the write time came from: a defaults.csv row (facts ids) or the input
    restart_source: str = ""
    mfu_source: str = ""
    failure_model: str = ""  # the failure model used, in words
    lose_work: bool = True
    failure_free_restart: bool = False
    analytic_ignores: list = dataclasses.field(default_factory=list)  # settings the closed form cannot honour

    @property
    def no_progress(self) -> bool:
        return bool(self.analytic.get("no_progress"))

    @property
    def stopped_at_window(self) -> bool:
        """The job (to completion: --work) stopped at the window before finishing its work: analytically, or in
        some simulated trial."""
        sim = (self.simulated or {}).get("stopped_at_window")
        return bool(self.analytic.get("stopped_at_window")) or bool(sim and sim["mean"] > 0)

    def as_json(self) -> dict:
        out = {
            "accelerator": self.accelerator,
            "accelerators": self.accelerators,
            "mtti_hours": self.mtti_hours,
            "checkpoint_interval_minutes": self.checkpoint_interval_minutes,
            "checkpoint_interval_rule": self.interval_rule,
            "checkpoint_write_minutes": self.checkpoint_write_minutes,
            "restart_minutes": self.restart_minutes,
            "days": self.days,
            "mfu": self.mfu,
            "checkpoint_write_source": self.checkpoint_write_source,
            "restart_source": self.restart_source,
            "mfu_source": self.mfu_source,
            "failure_model": self.failure_model,
            "lose_work": self.lose_work,
            "failure_free_restart": self.failure_free_restart,
            "interruptions_by_cause": None
            if self.analytic["interruptions"] is None
            else {
                c: r / sum(self.rate_by_cause.values()) * self.analytic["interruptions"]
                for c, r in self.rate_by_cause.items()
            },
            **self.analytic,
            "analytic_ignores": list(self.analytic_ignores),
        }
        # the figures left out (null) because the closed form ignores a setting: named, so that a null is never
        # mistaken for a NaN
        out["analytic_omitted"] = [
            k for k in ("interruptions_by_cause", *_OMITTED, "wall_time_hours") if out[k] is None
        ]
        if self.simulated is not None:
            out["trials"] = self.trials
            out["seed"] = self.seed
            out["distribution"] = self.distribution
            if self.shape is not None:
                out["shape"] = self.shape
            out["simulated"] = self.simulated
            for k, v in self.simulated.items():
                if isinstance(v, dict):
                    out[f"{k}_ci95"] = v["ci95"]
            out["ci_half_width"] = self.ci_half_width
            if self.quantile_trials is not None:
                out["quantile_trials"] = self.quantile_trials
        if self.ci_target is not None:
            out["ci_target"] = self.ci_target
            out["ci_target_met"] = self.ci_target_met
            out["ci_stop_reason"] = self.ci_stop_reason
        return out


def _hours_log(log_h: float) -> str:
    """A duration given as its natural log in hours, for a message: hours, or a power of ten where it is huge."""
    if math.isinf(log_h):
        return "forever" if log_h > 0 else "0 h"
    return f"{math.exp(log_h):,.3g} h" if log_h < math.log(1e6) else f"about 10^{log_h / math.log(10):,.0f} h"


def _no_progress(
    log_seg: float, log_rest: float, restart: float, m: float, tau: float, free: bool = False
) -> str | None:
    """Why the job cannot progress, or None: in steady state the expected time to complete one restart
    (M (e^(R/M) - 1), or R where restarts cannot fail: ``free``) or to write one checkpointed interval
    (tau / goodput) is beyond the longest window."""
    limit = math.log(OPS_MAX_DAYS * 24.0)
    if log_rest > limit:
        why = "R: no failure strikes it" if free else "M (e^(R/M) - 1): failures keep striking before it ends"
        return (
            f"a restart of {restart:.4g} h with a job MTTI of {m:.4g} h is expected to take {_hours_log(log_rest)} "
            f"({why}), beyond the longest window ({OPS_MAX_DAYS:,} days)"
        )
    if log_seg > limit:
        return (
            f"one checkpoint interval of {tau:.4g} h with a job MTTI of {m:.4g} h is expected to take "
            f"{_hours_log(log_seg)} to complete (failures keep striking before it is written), beyond the longest "
            f"window ({OPS_MAX_DAYS:,} days)"
        )
    return None


# ------------------------------------------------------------------------------------------ ops: the entry point


@dataclasses.dataclass(frozen=True)
class OpsConfig:
    """Settings of ``ops`` (durations in hours): one job on ``accelerators`` accelerators over ``days`` days, or
    until ``work_hours`` of work are done (stopping at the longest window, OPS_MAX_DAYS, if that comes first).

    accelerator: catalog name. checkpoint_write_hours, restart_hours: delta and R; None reads the scenario's
    defaults (data/defaults.csv training.checkpoint_write_minutes and training.restart_minutes, derived from
    Llama 3), and ``checkpoint_write_source`` / ``restart_source`` say where a given value came from.
    checkpoint_interval_hours: a given interval, else ``interval_rule`` ('daly' or 'young'). job_mtbf_hours
    replaces the calibrated job MTTI; accelerator_mtbf_hours replaces the per-accelerator rate (1 / MTBF);
    cause_multipliers scale the calibrated causes. lose_work: a failure loses the work since the last checkpoint.
    failure_free_restart: no failure strikes during a restart (off: hardware fails during restarts too, as in
    Daly's model, RL23). mfu: model FLOP utilization (None: defaults.csv training.mfu).

    trials > 0 adds a simulation (seeded by ``seed``) with 95 % confidence intervals; ``distribution`` 'weibull'
    (shape k) or 'lognormal' (shape sigma) draws the time between interruptions with the same mean instead of
    exponentially (the analytic figures stay exponential). ``ci_target`` (e.g. 0.001) keeps doubling the trials
    until the goodput's 95 % half-width is below it (at most ``max_trials``, and at most what ``max_events``
    allows). ``capacity`` switches the simulation to the cluster model (servers, standbys, spares, repairs). The
    simulation is sized first (``estimate_events``) and refused beyond ``max_events`` (flag --max-events); it runs
    ``chunk_trials`` trials at a time (the numbers do not depend on the chunk size).
    """

    accelerators: int
    accelerator: str = "h100"
    days: float = 54.0
    work_hours: float | None = None
    checkpoint_write_hours: float | None = None
    restart_hours: float | None = None
    checkpoint_interval_hours: float | None = None
    interval_rule: str = "daly"
    job_mtbf_hours: float | None = None
    accelerator_mtbf_hours: float | None = None
    lose_work: bool = True
    failure_free_restart: bool = False
    trials: int = 0
    seed: int = 0
    mfu: float | None = None
    distribution: str = "exponential"
    shape: float | None = None
    ci_target: float | None = None
    max_trials: int = 1_000_000
    capacity: Capacity | None = None
    cause_multipliers: dict[str, float] | None = None
    max_events: float = OPS_MAX_EVENTS
    chunk_trials: int = OPS_CHUNK_TRIALS
    checkpoint_write_source: str | None = None
    restart_source: str | None = None
    mfu_source: str | None = None


class _Job(NamedTuple):
    """The job ``ops`` resolved from its settings (durations in hours)."""

    accelerators: int
    mtti: float
    rates: dict  # by cause, per accelerator-hour
    interval: float
    rule: str
    write: float
    restart: float
    window: float  # the window, or the longest window for a job to completion
    peak_flops: float  # dense BF16 FLOP/s of the job's accelerators


class _Simulated(NamedTuple):
    """What the simulation adds to the result."""

    summaries: dict | None = None
    trials: int = 0
    ci_met: bool | None = None
    ci_half: float | None = None
    stop_reason: str | None = None
    quantile_trials: int | None = None


def ops(config: OpsConfig) -> OpsResult:
    """Failures, checkpointing and goodput of one job (settings: ``OpsConfig``).

    The analytic goodput is Daly's steady state, in log space: ``no_progress`` (goodput 0, with
    ``no_progress_reason``) where a restart or a checkpoint interval is expected to take longer than the longest
    window; with ``work_hours``, ``stopped_at_window`` where the expected wall time is beyond it. With trials, the
    simulation adds means, 95 % confidence intervals and P10/P90; with ``ci_target``, ``ci_target_met`` and
    ``ci_half_width`` say how it ended.
    """
    cfg, sources = _with_defaults(config)
    _check_model(cfg)
    _check_ranges(cfg)
    acc = get_accelerator(cfg.accelerator, "--accelerator")
    rates, m, n_acc = _failure_model(cfg)
    window = cfg.days * 24.0 if cfg.work_hours is None else OPS_MAX_DAYS * 24.0  # to completion: the longest
    delta, restart = float(cfg.checkpoint_write_hours), float(cfg.restart_hours)
    tau, rule = _interval(cfg, delta, m, window)
    peak = (acc.bf16_dense_tflops or 0.0) * 1e12 * n_acc
    job = _Job(n_acc, m, rates, tau, rule, delta, restart, window, peak)
    analytic = _analytic(cfg, job)
    sim = _Simulated(trials=cfg.trials)
    if cfg.trials > 0 or cfg.ci_target is not None:
        sim = _simulation(cfg, job, analytic["wall_time_hours"])
    ignores = analytic_ignores(cfg)
    return OpsResult(
        accelerator=acc.name,
        accelerators=n_acc,
        mtti_hours=m,
        rate_by_cause=rates,
        checkpoint_interval_minutes=tau * 60.0,
        checkpoint_write_minutes=delta * 60.0,
        restart_minutes=restart * 60.0,
        interval_rule=rule,
        days=cfg.days,
        work_hours=cfg.work_hours,
        analytic=_omitted(analytic, ignores, cfg),
        simulated=sim.summaries,
        trials=sim.trials,
        seed=cfg.seed,
        mfu=cfg.mfu,
        distribution=cfg.distribution,
        shape=cfg.shape,
        ci_target=cfg.ci_target,
        ci_target_met=sim.ci_met,
        ci_half_width=sim.ci_half,
        ci_stop_reason=sim.stop_reason,
        quantile_trials=sim.quantile_trials,
        checkpoint_write_source=sources["checkpoint_write_hours"],
        restart_source=sources["restart_hours"],
        mfu_source=sources["mfu"],
        failure_model=_failure_model_text(cfg, m),
        lose_work=bool(cfg.lose_work),
        failure_free_restart=bool(cfg.failure_free_restart),
        analytic_ignores=ignores,
    )


# the settings that default to the scenario's training block: (row of data/defaults.csv, factor to ops' units)
TRAINING_DEFAULTS = {
    "checkpoint_write_hours": ("training.checkpoint_write_minutes", 1 / 60),
    "restart_hours": ("training.restart_minutes", 1 / 60),
    "mfu": ("training.mfu", 1.0),
}


def training_default(field: str) -> tuple[float, str]:
    """A default of ``ops`` read from data/defaults.csv (the rows the scenario's ``training:`` block reads), in ops'
    units, and where it came from: the row, its facts ids and its derivation."""
    parameter, factor = TRAINING_DEFAULTS[field]
    d = defaults()[parameter]
    p = d.provenance
    facts = f"facts {p.facts_id.replace(';', ',')}; " if p.facts_id else ""
    return d.value * factor, f"default {parameter} = {d.value:g} {d.unit} ({facts}{p.status}: {p.derivation})"


def _with_defaults(cfg: OpsConfig) -> tuple[OpsConfig, dict]:
    """``cfg`` with its unset write time, restart time and MFU read from data/defaults.csv, and where each of the
    three came from (the defaults row, or what the caller said, or 'given')."""
    said = {
        "checkpoint_write_hours": cfg.checkpoint_write_source,
        "restart_hours": cfg.restart_source,
        "mfu": cfg.mfu_source,
    }
    values, sources = {}, {}
    for field in TRAINING_DEFAULTS:
        if getattr(cfg, field) is None:
            values[field], sources[field] = training_default(field)
        else:
            sources[field] = said[field] or "given"
    return dataclasses.replace(cfg, **values), sources


def _failure_model_text(cfg: OpsConfig, m: float) -> str:
    """The failure model used, in words (for the footnote and ``failure_model`` in the JSON)."""
    if cfg.job_mtbf_hours is not None:
        text = f"--job-mtbf: one job MTTI of {m:,.4g} h (the Llama 3 calibration only splits it by cause)"
    else:
        text = (
            f"Llama 3 405B, {LLAMA3_INTERRUPTIONS} unexpected interruptions in {LLAMA3_DAYS} days on "
            f"{LLAMA3_GPUS:,} H100 (RL01-RL06), scaled linearly with the number of accelerators"
        )
        if cfg.cause_multipliers:
            text += ", causes multiplied by " + ", ".join(f"{c} x{v:g}" for c, v in cfg.cause_multipliers.items())
        if cfg.accelerator_mtbf_hours is not None:
            text += f", rescaled to a per-accelerator MTBF of {cfg.accelerator_mtbf_hours:,.4g} h"
    if cfg.distribution != "exponential":
        text += f"; simulated times between interruptions: {cfg.distribution} (shape {cfg.shape:g}), same mean"
    return text


def analytic_ignores(cfg: OpsConfig) -> list[str]:
    """The settings the simulation honours that the closed form cannot: with any of them the analytic goodput,
    interruptions, work and FLOP are omitted (None) rather than shown beside a simulation they do not describe.

    The closed form (``log_goodput_with``) honours the interval, write, restart (plus ``host_selection``), lost work
    or not, failures during restarts or not, and a capacity model whose replacements never wait (repairs that take
    no time) and whose servers all fail alike."""
    out = []
    if cfg.distribution != "exponential":
        out.append(f"--distribution {cfg.distribution}: the closed form is for exponential times between failures")
    c = cfg.capacity
    if c is not None and (c.repair_auto > 0 or (c.repair_manual > 0 and c.escalation > 0)):
        out.append(
            "repairs that take time (repair_auto, repair_manual with escalation): the waits for a standby, a spare "
            "or a server back from repair are a queue the closed form does not model"
        )
    if c is not None and c.bad_fraction > 0 and c.bad_multiplier > 1:
        out.append(
            "bad servers (bad_fraction, bad_multiplier, false_success): the mix of good and bad servers, and so the "
            "failure rate, changes as they fail and are repaired"
        )
    return out


_OMITTED = ("interruptions", "goodput", "work_done_hours", "effective_flop")


def _omitted(analytic: dict, ignores: list[str], cfg: OpsConfig) -> dict:
    """The analytic figures, with those the ignored settings would change set to None."""
    if not ignores:
        return analytic
    out = dict(analytic, **dict.fromkeys(_OMITTED))
    if cfg.work_hours is not None:
        out["wall_time_hours"] = None
    return out


def _check_model(cfg: OpsConfig) -> None:
    """Refuse a distribution, shape, capacity model or CI target that cannot be modelled."""
    distribution, shape = cfg.distribution, cfg.shape
    if distribution not in DISTRIBUTIONS:
        raise GigawattError(f"--distribution: {distribution!r}; expected one of: {', '.join(DISTRIBUTIONS)}")
    if distribution != "exponential" and not (
        isinstance(shape, int | float) and not isinstance(shape, bool) and shape > 0 and math.isfinite(shape)
    ):
        raise GigawattError(
            f"--shape: {shape!r}; a {distribution} distribution needs a shape > 0 (Weibull k, lognormal sigma)"
        )
    if cfg.capacity is not None:
        cfg.capacity.check()
        if distribution != "exponential" or cfg.work_hours is not None:
            raise GigawattError(
                "ops: the capacity model (servers, spares, repairs) runs over a --days window with "
                "exponential failures; drop --work/--distribution or the capacity options"
            )
    if cfg.ci_target is not None and not 0 < cfg.ci_target < 1:
        raise GigawattError(f"--ci-target: {cfg.ci_target}; expected a goodput half-width between 0 and 1")


def _check_ranges(cfg: OpsConfig) -> None:
    """Refuse durations, counts and shares out of their ranges (gigawatt.limits)."""
    for name, value in (("checkpoint write", cfg.checkpoint_write_hours), ("restart", cfg.restart_hours)):
        if not (value >= 0 and math.isfinite(value)):
            raise GigawattError(f"--{name.replace(' ', '-')}: {value} h; expected a duration >= 0")
    accelerators = cfg.accelerators
    if cfg.job_mtbf_hours is None and (not isinstance(accelerators, int | np.integer) or accelerators < 1):
        raise GigawattError(f"--accelerators: {accelerators!r}; expected a whole number >= 1")
    if not isinstance(accelerators, int | np.integer) or not 0 <= accelerators <= OPS_MAX_ACCELERATORS:
        raise GigawattError(
            f"--accelerators: {accelerators!r}; expected a whole number up to {OPS_MAX_ACCELERATORS:.0e} "
            "(10^5 times the accelerators in service today)"
        )
    if not (cfg.days > 0 and cfg.days <= OPS_MAX_DAYS):
        raise GigawattError(f"--days: {cfg.days}; expected a number of days > 0 and <= {OPS_MAX_DAYS:,} (100 years)")
    work = cfg.work_hours
    if work is not None and not (work > 0 and work <= OPS_MAX_DAYS * 24.0):
        raise GigawattError(
            f"--work: {work} h; expected a duration > 0 and <= {OPS_MAX_DAYS:,} days (the longest window)"
        )
    if not 0 < cfg.mfu <= 1:
        raise GigawattError(f"--mfu: {cfg.mfu}; expected 0 < MFU <= 1")
    if not isinstance(cfg.trials, int | np.integer) or cfg.trials < 0:
        raise GigawattError(f"--trials: {cfg.trials!r}; expected a whole number >= 0")
    if not isinstance(cfg.seed, int | np.integer) or cfg.seed < 0:
        raise GigawattError(f"--seed: {cfg.seed!r}; expected a whole number >= 0")
    if not cfg.max_events > 0:
        raise GigawattError(f"--max-events: {cfg.max_events}; expected a number > 0")


def _failure_model(cfg: OpsConfig) -> tuple[dict, float, int]:
    """Rates by cause per accelerator-hour, the job MTTI M [h] and the accelerators: the Llama 3 calibration
    (gigawatt.model.failures) with the cause multipliers, rescaled to --accelerator-mtbf, or M set by --job-mtbf."""
    rates = rates_per_accelerator_hour()
    for cause, factor in (cfg.cause_multipliers or {}).items():
        if cause not in rates:
            raise GigawattError(f"cause_multipliers: unknown cause {cause!r}; expected one of: {', '.join(rates)}")
        if not (isinstance(factor, int | float) and factor >= 0 and math.isfinite(factor)):
            raise GigawattError(f"cause_multipliers.{cause}: {factor!r}; expected a number >= 0")
        rates[cause] *= factor
    if not sum(rates.values()) > 0:
        raise GigawattError(
            "cause_multipliers: every cause is multiplied by 0, which leaves no failures to model; "
            "expected at least one multiplier > 0"
        )
    if cfg.accelerator_mtbf_hours is not None:
        if not (cfg.accelerator_mtbf_hours > 0 and math.isfinite(cfg.accelerator_mtbf_hours)):
            raise GigawattError(f"--accelerator-mtbf: {cfg.accelerator_mtbf_hours} h; expected a finite duration > 0")
        scale = (1.0 / cfg.accelerator_mtbf_hours) / sum(rates.values())
        rates = {c: r * scale for c, r in rates.items()}
    if cfg.job_mtbf_hours is not None:
        if not (cfg.job_mtbf_hours > 0 and math.isfinite(cfg.job_mtbf_hours)):
            raise GigawattError(f"--job-mtbf: {cfg.job_mtbf_hours} h; expected a finite duration > 0")
        m = float(cfg.job_mtbf_hours)
        n_acc = int(cfg.accelerators) if cfg.accelerators else 0
        if n_acc:
            scale = (1.0 / (m * n_acc)) / sum(rates.values())
            rates = {c: r * scale for c, r in rates.items()}
    else:
        m = float(job_mtti_hours(float(cfg.accelerators), sum(rates.values())))
        n_acc = int(cfg.accelerators)
    if not (m >= OPS_MIN_MTTI_HOURS and math.isfinite(m)):
        raise GigawattError(
            f"ops: a job MTTI of {m:.3g} h (from --job-mtbf, --accelerator-mtbf or --accelerators); expected a "
            f"finite duration >= {OPS_MIN_MTTI_HOURS:g} h (3.6 microseconds)"
        )
    return rates, m, n_acc


def _interval(cfg: OpsConfig, delta: float, m: float, window: float) -> tuple[float, str]:
    """The checkpoint interval tau [h] and the rule that gave it: given, or Young's or Daly's
    (gigawatt.model.checkpointing), capped at the window (a rule's interval longer than the window would write no
    checkpoint in it: one at the window's end instead)."""
    given = cfg.checkpoint_interval_hours
    if given is not None:
        if not (given > 0 and math.isfinite(given)):
            raise GigawattError(f"--checkpoint-interval: {given} h; expected a duration > 0")
        tau, rule = float(given), "given"
    elif cfg.interval_rule == "young":
        tau, rule = float(young_interval(delta, m)), "young"
    elif cfg.interval_rule == "daly":
        tau, rule = float(daly_interval(delta, m)), "daly"
    else:
        raise GigawattError(f"--interval-rule: {cfg.interval_rule!r}; expected young or daly")
    if rule != "given" and tau + delta > window and window > delta:
        tau, rule = window - delta, f"{rule} (capped at the window)"
    if delta == 0 and tau == 0:
        rule += " (zero write time: continuous checkpointing)"
    return tau, rule


def _analytic(cfg: OpsConfig, job: _Job) -> dict:
    """The analytic figures: Daly's steady state in log space (gigawatt.model.checkpointing), no progress where a
    restart or an interval is expected to outlast the longest window, and a job to completion's wall time."""
    m, tau, delta, window = job.mtti, job.interval, job.write, job.window
    restart = job.restart + (cfg.capacity.host_selection if cfg.capacity is not None else 0.0)
    free = bool(cfg.failure_free_restart)
    lg = float(log_goodput_with(tau, delta, restart, m, bool(cfg.lose_work), free))
    log_seg = math.log(tau) - lg if tau > 0 else -math.inf  # expected wall time to write one interval's work
    log_rest = (math.log(restart) if restart > 0 else -math.inf) if free else float(log_restart_hours(restart, m))
    reason = _no_progress(log_seg, log_rest, restart, m, tau, free)
    goodput = 0.0 if reason else math.exp(lg)
    stopped = False
    if cfg.work_hours is not None:
        wall = cfg.work_hours / goodput if goodput > 0 else math.inf
        if not wall <= window:  # the job cannot finish within the longest window: it stops there
            wall, stopped = window, True
    else:
        wall = window
    return {
        # failures strike at 1/M per hour, during restarts too; else once per run of M plus a restart of R
        "interruptions": wall / (m + restart) if free else wall / m,
        "goodput": goodput,
        "wall_time_hours": wall,
        "work_done_hours": goodput * wall,
        "effective_flop": goodput * wall * 3600.0 * job.peak_flops * cfg.mfu,
        "young_interval_minutes": float(young_interval(delta, m)) * 60.0,
        "daly_interval_minutes": float(daly_interval(delta, m)) * 60.0,
        "no_progress": reason is not None,
        "no_progress_reason": reason,
        "stopped_at_window": stopped,
    }


def _simulation(cfg: OpsConfig, job: _Job, wall: float) -> _Simulated:
    """Simulated trials (at least 100 with a CI target), sized first, streamed, and with ``ci_target`` doubled until
    the goodput's half-width reaches it or the limits stop it."""
    trials = 100 if cfg.ci_target is not None and cfg.trials < 1 else cfg.trials
    affordable = _affordable_trials(cfg, job, wall, trials)
    run = _cluster_runner(cfg, job) if cfg.capacity is not None else _job_runner(cfg, job)
    chunk = max(1, int(cfg.chunk_trials))
    stream, names, trials, ci_half = _run_streamed(run, trials, cfg.ci_target, max(trials, affordable), chunk)
    ci_met = stop_reason = None
    if cfg.ci_target is not None:
        ci_met = bool(ci_half <= cfg.ci_target)
        if not ci_met:
            stop_reason = (
                f"stopped at {trials:,} trials (--max-events {cfg.max_events:.2g} allows {affordable:,})"
                if affordable < cfg.max_trials
                else f"stopped at the trial limit of {cfg.max_trials:,}"
            ) + f" with a goodput half-width of {ci_half:.3g}, above the target {cfg.ci_target:g}"
    return _Simulated(
        summaries=stream.summaries(names),
        trials=trials,
        ci_met=ci_met,
        ci_half=ci_half if math.isfinite(ci_half) else None,  # one trial: no interval
        stop_reason=stop_reason,
        quantile_trials=stream.keep if trials > stream.keep else None,
    )


def _affordable_trials(cfg: OpsConfig, job: _Job, wall: float, trials: int) -> int:
    """The trials ``max_events`` allows (``trials`` without a CI target), refusing ``trials`` beyond it: the work is
    sized before it starts (a job to completion runs about its expected wall time, capped)."""
    servers = cfg.capacity.servers(max(job.accelerators, 1)) if cfg.capacity is not None else 0
    window = job.window
    sim_window = window if cfg.work_hours is None else min(window, wall if math.isfinite(wall) else window)
    per_trial = estimate_events(1, sim_window, job.mtti, job.interval, job.write, cfg.distribution, cfg.shape, servers)
    max_events = cfg.max_events
    if not trials * per_trial <= max_events:  # also an infinite or NaN estimate (a shape of 1e-300)
        events = trials * per_trial
        lift = (
            f"lift the limit with --max-events {10 ** math.ceil(math.log10(events)):.0e}"
            if math.isfinite(events) and events < 1e300
            else "no limit can hold it: choose a less extreme --shape or --distribution"
        )
        raise GigawattError(
            f"ops: the simulation would take about {events:.2g} events ({trials:,} trials x "
            f"{per_trial:,.3g} failures, restarts and checkpoints each), beyond the limit of {max_events:.2g} "
            f"(about {max_events / 5e7:,.0f} s here); use fewer --trials, a shorter --days or --work, or {lift}"
        )
    return int(min(cfg.max_trials, max_events // per_trial)) if cfg.ci_target is not None else trials


def _job_runner(cfg: OpsConfig, job: _Job):
    """``run(start, n)``: summarised rows of trials start .. start + n - 1 of the plain job (``_simulate``)."""
    sim_job = SimJob(
        job.interval,
        job.write,
        job.restart,
        float(cfg.work_hours or 0.0),
        job.window,
        bool(cfg.lose_work),
        bool(cfg.failure_free_restart),
    )
    dist = interarrival(cfg.distribution, job.mtti, cfg.shape)

    def run(start, n):
        out = np.zeros((n, 7))
        _simulate(_seeds(cfg.seed, n, start), sim_job, dist, out)
        return _columns(out, job.peak_flops * cfg.mfu, cluster=False)

    return run


def _cluster_runner(cfg: OpsConfig, job: _Job):
    """``run(start, n)``: summarised rows of trials start .. start + n - 1 of the cluster model."""
    n_acc = max(job.accelerators, 1)

    def run(start, n):
        out = _cluster_runs(
            n_acc,
            job.mtti,
            cfg.capacity,
            job.interval,
            job.write,
            job.restart,
            job.window,
            n,
            cfg.seed,
            cfg.lose_work,
            start,
            cfg.failure_free_restart,
        )
        return _columns(out, job.peak_flops * cfg.mfu, cluster=True)

    return run


# ------------------------------------------------------------------------------------------ capacity and repair


@dataclasses.dataclass
class Capacity:
    """Servers, standbys, spares and repairs around the job (all durations in hours).

    accelerators_per_server: a failed accelerator takes its whole server out.
    warm_standbys: idle servers swapped in at once; repaired servers join them.
    spares: servers that can be borrowed (preempted from other work) after ``spare_delay``.
    spares_return: a server back from repair goes back to the spare pool while spares are out on loan (the pool
        is refilled, as the work the spares were taken from gets a server back); False keeps the borrowed spare
        and makes the repaired server a warm standby (the pool only shrinks).
    host_selection: added to every restart (picking and wiring in a replacement host).
    repair_auto, repair_manual, escalation: a failed server is repaired automatically in ``repair_auto``; with
        probability ``escalation`` it then needs a manual repair of ``repair_manual`` more.
    false_success: probability that the repair of a bad server only seems to succeed: it comes back bad (a real
        repair fixes it; a good server always comes back good).
    bad_fraction, bad_multiplier: share of servers that fail ``bad_multiplier`` times as often; the calibrated
        average rate is kept, so good servers fail a little less than the average.
    """

    accelerators_per_server: int = 8
    warm_standbys: int = 0
    spares: int = 0
    spare_delay: float = 0.0
    spares_return: bool = True
    host_selection: float = 0.0
    repair_auto: float = 0.0
    repair_manual: float = 0.0
    escalation: float = 0.0
    false_success: float = 0.0
    bad_fraction: float = 0.0
    bad_multiplier: float = 1.0

    def servers(self, accelerators: int) -> int:
        """Servers a job of ``accelerators`` occupies (a failure takes its whole server out)."""
        return max(1, math.ceil(accelerators / self.accelerators_per_server))

    def check(self) -> None:
        for name in ("spare_delay", "host_selection", "repair_auto", "repair_manual"):
            v = getattr(self, name)
            if not (v >= 0 and math.isfinite(v)):
                raise GigawattError(f"capacity.{name}: {v} h; expected a duration >= 0")
        for name in ("escalation", "false_success", "bad_fraction"):
            v = getattr(self, name)
            if not 0 <= v <= 1:
                raise GigawattError(f"capacity.{name}: {v}; expected a probability between 0 and 1")
        for name in ("accelerators_per_server",):
            if not (isinstance(getattr(self, name), int | np.integer) and getattr(self, name) >= 1):
                raise GigawattError(f"capacity.{name}: {getattr(self, name)!r}; expected a whole number >= 1")
        for name in ("warm_standbys", "spares"):
            if not (isinstance(getattr(self, name), int | np.integer) and getattr(self, name) >= 0):
                raise GigawattError(f"capacity.{name}: {getattr(self, name)!r}; expected a whole number >= 0")
        if not self.bad_multiplier >= 1:
            raise GigawattError(f"capacity.bad_multiplier: {self.bad_multiplier}; expected >= 1")
        if not isinstance(self.spares_return, bool | np.bool_):
            raise GigawattError(f"capacity.spares_return: {self.spares_return!r}; expected true or false")


class Fleet(NamedTuple):
    """The servers around a job, for the cluster kernel (numba accepts it as is): a Capacity with the job's servers
    and their average failure rate [1/h], durations in hours."""

    servers: int
    server_rate: float
    standbys: int
    spares: int
    spare_delay: float
    spares_return: bool
    host_selection: float
    repair_auto: float
    repair_manual: float
    escalation: float
    false_success: float
    bad_fraction: float
    bad_multiplier: float


# a trial's row (the kernels' output columns) and the cluster trial's server counts
_T, _DONE, _FAILS, _LOST, _CKPT, _REST, _WAIT = range(7)
_GOOD, _BAD, _STANDBY_GOOD, _STANDBY_BAD, _SPARES, _QUEUED, _SPARES_BAD, _SPARES_OUT = range(8)
_QUEUE_CAP = 1 << 16  # servers in repair that are tracked (beyond it, a failed server does not come back)


@njit(cache=True)
def _return_repaired(t, rq_t, rq_bad, st, spares_return):
    """Servers whose repair has finished by ``t`` go back to the spare pool while spares are out on loan (with
    ``spares_return``), else join the warm standbys (good or bad)."""
    i = 0
    while i < st[_QUEUED]:
        if rq_t[i] <= t:
            if spares_return and st[_SPARES_OUT] > 0:
                st[_SPARES_OUT] -= 1
                st[_SPARES_BAD if rq_bad[i] else _SPARES] += 1
            else:
                st[_STANDBY_BAD if rq_bad[i] else _STANDBY_GOOD] += 1
            _dequeue(i, rq_t, rq_bad, st)
        else:
            i += 1


@njit(cache=True)
def _dequeue(i, rq_t, rq_bad, st):
    """Remove entry ``i`` of the repair queue (the last one takes its place)."""
    st[_QUEUED] -= 1
    last = st[_QUEUED]
    rq_t[i] = rq_t[last]
    rq_bad[i] = rq_bad[last]


@njit(cache=True)
def _first_back(rq_t, queued):
    """Index of the server that comes back from repair first."""
    j = 0
    for q in range(1, queued):
        if rq_t[q] < rq_t[j]:
            j = q
    return j


@njit(cache=True)
def _restart_or_fail(row, restart, window, f):
    """Advance a restart of ``restart`` hours by the next failure ``f`` hours away: True where it fails first."""
    t = row[_T]
    if f >= restart:
        step = min(restart, window - t)
        row[_T] += step
        row[_REST] += step
        return False
    if t + f >= window:  # the window closes during the restart
        row[_REST] += window - t
        row[_T] = window
        return False
    row[_T] += f
    row[_REST] += f
    return True


@njit(cache=True)
def _work_or_fail(row, job, f):
    """Advance the work by one checkpointed segment (or to the window's end), unless the next failure ``f`` hours
    away comes first (True): then the segment's work is lost (``interrupted_work_hours``) or kept."""
    tau, delta, t = job.interval, job.write, row[_T]
    if tau + delta <= 0.0:  # continuous checkpointing: work kept up to the failure
        need = job.window - t
        if f >= need:
            row[_T] += need
            row[_DONE] += need
            return False
        row[_T] += f
        row[_DONE] += f
        return True
    need = min(tau + delta, job.window - t)
    if f >= need:
        row[_T] += need
        if need >= tau + delta:
            row[_DONE] += tau
            row[_CKPT] += delta
        return False
    row[_T] += f
    if job.lose_work:
        row[_LOST] += interrupted_work_hours(f, tau)
    else:
        row[_DONE] += interrupted_work_hours(f, tau)
    return True


@njit(cache=True)
def _send_to_repair(t, was_bad, fleet, st, rq_t, rq_bad):
    """The failed server leaves the job for a repair (``draw_repair_hours``); it may come back bad."""
    st[_BAD if was_bad else _GOOD] -= 1
    hours = draw_repair_hours(fleet.repair_auto, fleet.repair_manual, fleet.escalation)
    n = st[_QUEUED]
    if n < _QUEUE_CAP:
        rq_t[n] = t + hours
        rq_bad[n] = draw_returns_bad(fleet.false_success, was_bad)
        st[_QUEUED] = n + 1


@njit(cache=True)
def _replace_server(row, window, fleet, st, rq_t, rq_bad):
    """A replacement joins the job: a warm standby at once, else a spare after its delay (counted out on loan),
    else the first server back from repair; the waits end with the window (``wait_hours``)."""
    _return_repaired(row[_T], rq_t, rq_bad, st, fleet.spares_return)
    if st[_STANDBY_GOOD] + st[_STANDBY_BAD] > 0:
        bad = draw_standby_is_bad(st[_STANDBY_GOOD], st[_STANDBY_BAD])
        st[_STANDBY_BAD if bad else _STANDBY_GOOD] -= 1
        st[_BAD if bad else _GOOD] += 1
        return
    if st[_SPARES] + st[_SPARES_BAD] > 0:
        bad = st[_SPARES_BAD] > 0 and draw_standby_is_bad(st[_SPARES], st[_SPARES_BAD])
        st[_SPARES_BAD if bad else _SPARES] -= 1
        st[_BAD if bad else _GOOD] += 1
        st[_SPARES_OUT] += 1
        w = wait_hours(fleet.spare_delay, row[_T], window)
    else:
        j = _first_back(rq_t, st[_QUEUED])
        w = wait_hours(max(rq_t[j] - row[_T], 0.0), row[_T], window)
        st[_BAD if rq_bad[j] else _GOOD] += 1
        _dequeue(j, rq_t, rq_bad, st)
    row[_WAIT] += w
    row[_T] += w


@njit(cache=True)
def _cluster_trial(job, fleet, row):
    """One trial of the cluster model, accumulated into ``row`` (wall, useful, interruptions, lost work, checkpoint,
    restart, waiting-for-servers hours).

    One exponential draw gives the next failure among all working servers (rate: good and bad servers' rates
    summed, ``server_failure_rates``); a failed server goes to repair and is replaced (``_replace_server``).
    Failures may also strike during a restart, unless ``job.failure_free``. Every time component is counted within
    the window only.
    """
    row[:] = 0.0
    good_rate, bad_rate = server_failure_rates(fleet.server_rate, fleet.bad_fraction, fleet.bad_multiplier)
    st = np.zeros(8, np.int64)
    st[_BAD] = draw_bad_servers(fleet.servers, fleet.bad_fraction)
    st[_GOOD] = fleet.servers - st[_BAD]
    st[_STANDBY_GOOD] = fleet.standbys
    st[_SPARES] = fleet.spares
    rq_t = np.empty(_QUEUE_CAP)
    rq_bad = np.zeros(_QUEUE_CAP, np.bool_)
    recovering = False
    while row[_T] < job.window:
        _return_repaired(row[_T], rq_t, rq_bad, st, fleet.spares_return)
        total = st[_GOOD] * good_rate + st[_BAD] * bad_rate
        f = np.inf if recovering and job.failure_free else np.random.exponential(1.0 / total)
        if recovering:
            failed = _restart_or_fail(row, job.restart + fleet.host_selection, job.window, f)
        else:
            failed = _work_or_fail(row, job, f)
        if failed:  # a server failed: to repair, and a replacement found
            row[_FAILS] += 1.0
            was_bad = draw_failed_is_bad(total, st[_BAD], bad_rate)
            _send_to_repair(row[_T], was_bad, fleet, st, rq_t, rq_bad)
            _replace_server(row, job.window, fleet, st, rq_t, rq_bad)
        recovering = failed
    row[_T] = min(row[_T], job.window)


@njit(cache=True, parallel=True)
def _simulate_cluster(seeds, job, fleet, out):
    """Trials of the cluster model (``_cluster_trial``), one per seed, in parallel: row n of ``out`` (n x 7) is
    trial n's wall, useful, interruptions, lost work, checkpoint, restart and waiting-for-servers hours.

    ``job`` is a SimJob (work 0: over the window), ``fleet`` a Fleet; tau = delta = 0 is continuous checkpointing.
    """
    for n in prange(seeds.shape[0]):
        np.random.seed(seeds[n])
        _cluster_trial(job, fleet, out[n])


def _fleet(capacity: Capacity, servers: int, server_rate: float) -> Fleet:
    """The kernel's record of ``capacity`` (numbers typed as the kernel expects: one compiled signature)."""
    c = capacity
    return Fleet(
        int(servers),
        float(server_rate),
        int(c.warm_standbys),
        int(c.spares),
        float(c.spare_delay),
        bool(c.spares_return),
        float(c.host_selection),
        float(c.repair_auto),
        float(c.repair_manual),
        float(c.escalation),
        float(c.false_success),
        float(c.bad_fraction),
        float(c.bad_multiplier),
    )


def _cluster_runs(
    accelerators: int,
    mtti_hours: float,
    capacity: Capacity,
    interval_hours: float,
    checkpoint_write_hours: float,
    restart_hours: float,
    window_hours: float,
    trials: int,
    seed: int,
    lose_work: bool,
    start: int = 0,
    failure_free: bool = False,
) -> np.ndarray:
    """Kernel rows of trials ``start`` .. ``start + trials - 1`` (``failure_free``: no failure during a restart)."""
    capacity.check()
    servers = capacity.servers(accelerators)
    server_rate = 1.0 / (mtti_hours * servers)  # the job's calibrated rate, shared by its servers
    job = SimJob(
        float(interval_hours),
        float(checkpoint_write_hours),
        float(restart_hours),
        0.0,
        float(window_hours),
        bool(lose_work),
        bool(failure_free),
    )
    out = np.zeros((trials, 7))
    _simulate_cluster(_seeds(seed, trials, start), job, _fleet(capacity, servers, server_rate), out)
    return out


def simulate_capacity(
    accelerators: int,
    mtti_hours: float,
    capacity: Capacity,
    interval_hours: float,
    checkpoint_write_hours: float,
    restart_hours: float,
    window_hours: float,
    trials: int,
    seed: int = 0,
    lose_work: bool = True,
    failure_free: bool = False,
) -> dict:
    """The job with servers, standbys, spares and repairs (exponential failures); summaries as in ``ops``
    (simulated in chunks of OPS_CHUNK_TRIALS trials; ``failure_free``: no failure during a restart)."""

    def run(start, n):
        out = _cluster_runs(
            accelerators,
            mtti_hours,
            capacity,
            interval_hours,
            checkpoint_write_hours,
            restart_hours,
            window_hours,
            n,
            seed,
            lose_work,
            start,
            failure_free,
        )
        return _columns(out, None, cluster=True)

    stream, names, _, _ = _run_streamed(run, trials, None, trials, OPS_CHUNK_TRIALS)
    return {"servers": capacity.servers(accelerators), **stream.summaries(names)}


# numba checks only this file for changes to the kernels' cached machine code; they also compile the random steps of
# model/draws.py and model/repair.py, so a change there drops the cache too (gigawatt.engine.numba_cache)
numba_cache.forget_if_changed("operations", [__file__, draws.__file__, repair.__file__], _simulate)
