"""Operations at scale: failures, checkpointing and goodput of one training job.

The failure model is calibrated on the Llama 3 405B pre-training snapshot: 419 unexpected interruptions in 54 days
on 16,384 H100 GPUs (facts.csv RL01-RL03), split by root cause as in the paper's Table 5 (RL06). Each cause gives a
rate per accelerator-hour; a job on N accelerators is interrupted at N times the sum (exponential failures,
independent accelerators), so its mean time to interruption is

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

A simulation draws the same process trial by trial (numba), to completion of the job or over a fixed window,
as a check on the closed form and for the distribution of outcomes. Trials run in chunks (OPS_CHUNK_TRIALS) whose
summaries are merged, so memory is flat in the number of trials; a job to completion stops at the longest window
and says so (``stopped_at_window``); the work a run would take is estimated first and refused beyond
OPS_MAX_EVENTS (``estimate_events``; lifted by ``max_events``, flag --max-events).
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
from numba import njit, prange

from gigawatt.data.catalog import get_accelerator
from gigawatt.errors import GigawattError
from gigawatt.limits import (
    OPS_CHUNK_TRIALS,
    OPS_MAX_ACCELERATORS,
    OPS_MAX_DAYS,
    OPS_MAX_EVENTS,
    OPS_MIN_MTTI_HOURS,
    OPS_QUANTILE_TRIALS,
)
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
    log_restart_hours,
    rates_per_accelerator_hour,
    steady_goodput,
    young_interval,
)

DISTRIBUTIONS = ("exponential", "weibull", "lognormal")


@njit(cache=True)
def _draw(kind, mtti, shape, scale):
    """Time to the next interruption: exponential, or Weibull / lognormal with the same mean (mtti)."""
    if kind == 1:
        return scale * np.random.weibull(shape)
    if kind == 2:
        return np.random.lognormal(scale, shape)
    return np.random.exponential(mtti)


@njit(cache=True, parallel=True)
def _simulate(seeds, mtti, tau, delta, restart, work, window, lose_work, kind, shape, scale, out):
    """Per trial: wall hours, useful hours, interruptions, lost-work hours, checkpoint hours, restart hours, and
    1.0 where the job stopped at the window before finishing its work (else 0.0).

    With work > 0 the job runs to completion, or until ``window`` hours (the longest window) if that comes first;
    else it runs for ``window`` hours. Nothing is counted beyond the window. tau = delta = 0 is continuous
    checkpointing: work is kept up to the moment of each failure, and checkpoints cost nothing.
    """
    continuous = tau + delta <= 0.0
    for n in prange(seeds.shape[0]):
        np.random.seed(seeds[n])
        t = 0.0
        done = 0.0
        fails = 0.0
        lost = 0.0
        ckpt = 0.0
        rest = 0.0
        stopped = 0.0
        next_fail = _draw(kind, mtti, shape, scale)
        while True:
            if work > 0.0:
                left = work - done
                if left <= 1e-12:
                    break
                seg = left if continuous else min(tau, left)
            else:
                seg = window - t if continuous else tau
            if t >= window:
                stopped = 1.0 if work > 0.0 else 0.0
                break
            need = seg + delta
            if t + need > window:
                need = window - t  # the window closes mid-segment: what is not checkpointed does not count
                if next_fail >= need:
                    if continuous:
                        done += need
                    t = window
                    stopped = 1.0 if work > 0.0 else 0.0
                    break
            if next_fail >= need:
                t += need
                next_fail -= need
                done += seg
                ckpt += delta
                continue
            # interrupted: the segment's work is lost (or kept, for simulators that charge only the restart, and
            # always with continuous checkpointing)
            t += next_fail
            fails += 1.0
            if lose_work and not continuous:
                lost += min(next_fail, seg)
            else:
                done += min(next_fail, seg)
            # restart; a failure during the restart starts it again; the window may close during it
            closed = False
            while True:
                f = _draw(kind, mtti, shape, scale)
                if f >= restart:
                    if t + restart >= window:
                        closed = True
                        break
                    t += restart
                    rest += restart
                    next_fail = f - restart
                    break
                if t + f >= window:
                    closed = True
                    break
                t += f
                rest += f
                fails += 1.0
            if closed:
                rest += window - t
                t = window
                stopped = 1.0 if work > 0.0 else 0.0
                break
        out[n, 0] = t
        out[n, 1] = done
        out[n, 2] = fails
        out[n, 3] = lost
        out[n, 4] = ckpt
        out[n, 5] = rest
        out[n, 6] = stopped


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


def _mean_min(kind: int, mtti: float, shape: float, window: float) -> float:
    """E[min(X, W)] for the time X between interruptions (mean ``mtti``): the mean time a draw consumes in a window
    of W hours. Exponential: M (1 - e^(-W/M)); Weibull (shape k, scale s = M / Gamma(1 + 1/k)): M P(1/k, (W/s)^k);
    lognormal (sigma, mu = ln M - sigma^2/2): M Phi((ln(W/M) - sigma^2/2)/sigma) + W (1 - Phi((ln(W/M) +
    sigma^2/2)/sigma)). Computed in logs; 0 where it underflows."""
    with np.errstate(all="ignore"):
        if kind == 1:
            from scipy.special import gammainc  # only here: scipy.special costs ~0.1 s to import

            log_s = math.log(mtti) - math.lgamma(1.0 + 1.0 / shape)
            x = math.exp(min(shape * (math.log(window) - log_s), 700.0))
            return float(mtti * gammainc(1.0 / shape, x))
        if kind == 2:
            from scipy.special import ndtr

            z = math.log(window / mtti)
            return float(
                mtti * ndtr((z - shape * shape / 2.0) / shape) + window * ndtr(-(z + shape * shape / 2.0) / shape)
            )
        return float(-mtti * math.expm1(-window / mtti))


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
    form a renewal process: about W / E[min(X, W)] of them (W / M for exponential failures with W >> M; far more
    for a heavy-tailed Weibull or lognormal whose typical draw is tiny), each followed by a restart; plus
    W / (tau + delta) checkpoints; plus one draw per server for the cluster model; plus a trial's fixed cost
    (_TRIAL_EVENTS). inf where a draw consumes no time (the simulation would not end).
    """
    kind = DISTRIBUTIONS.index(distribution)
    mean_min = _mean_min(kind, mtti_hours, float(shape or 1.0), window_hours)
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
            "interruptions_by_cause": {
                c: r * self.accelerators * self.analytic["wall_time_hours"] for c, r in self.rate_by_cause.items()
            },
            **self.analytic,
        }
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


def _no_progress(log_seg: float, log_rest: float, restart: float, m: float, tau: float) -> str | None:
    """Why the job cannot progress, or None: in steady state the expected time to complete one restart
    (M (e^(R/M) - 1)) or to write one checkpointed interval (tau / goodput) is beyond the longest window."""
    limit = math.log(OPS_MAX_DAYS * 24.0)
    if log_rest > limit:
        return (
            f"a restart of {restart:.4g} h with a job MTTI of {m:.4g} h is expected to take {_hours_log(log_rest)} "
            f"(M (e^(R/M) - 1): failures keep striking before it ends), beyond the longest window "
            f"({OPS_MAX_DAYS:,} days)"
        )
    if log_seg > limit:
        return (
            f"one checkpoint interval of {tau:.4g} h with a job MTTI of {m:.4g} h is expected to take "
            f"{_hours_log(log_seg)} to complete (failures keep striking before it is written), beyond the longest "
            f"window ({OPS_MAX_DAYS:,} days)"
        )
    return None


def ops(
    accelerators: int,
    accelerator: str = "h100",
    days: float = 54.0,
    work_hours: float | None = None,
    checkpoint_write_hours: float = 5 / 60,
    restart_hours: float = 10 / 60,
    checkpoint_interval_hours: float | None = None,
    interval_rule: str = "daly",
    job_mtbf_hours: float | None = None,
    accelerator_mtbf_hours: float | None = None,
    lose_work: bool = True,
    trials: int = 0,
    seed: int = 0,
    mfu: float = MEGASCALE_MFU,
    distribution: str = "exponential",
    shape: float | None = None,
    ci_target: float | None = None,
    max_trials: int = 1_000_000,
    capacity: Capacity | None = None,
    cause_multipliers: dict[str, float] | None = None,
    max_events: float = OPS_MAX_EVENTS,
    chunk_trials: int = OPS_CHUNK_TRIALS,
) -> OpsResult:
    """Failures, checkpointing and goodput of one job on ``accelerators`` accelerators over ``days`` days
    (or until ``work_hours`` of work are done, stopping at the longest window, OPS_MAX_DAYS, if that comes first).

    ``job_mtbf_hours`` replaces the calibrated job MTTI; ``accelerator_mtbf_hours`` replaces the per-accelerator
    rate (1 / MTBF). ``trials`` > 0 adds a simulation with 95 % confidence intervals; ``distribution`` 'weibull'
    (shape k) or 'lognormal' (shape sigma) draws the time between interruptions with the same mean instead of
    exponentially (the analytic figures stay exponential). ``ci_target`` (e.g. 0.001) keeps doubling the trials
    until the goodput's 95 % half-width is below it (at most ``max_trials``, and at most what ``max_events``
    allows); ``ci_target_met`` and ``ci_half_width`` say how it ended.

    The simulation is sized first (``estimate_events``) and refused beyond ``max_events`` (flag --max-events);
    it runs ``chunk_trials`` trials at a time (the numbers do not depend on the chunk size).

    The analytic goodput is Daly's steady state, in log space: ``no_progress`` (goodput 0, with
    ``no_progress_reason``) where a restart or a checkpoint interval is expected to take longer than the longest
    window; with ``work_hours``, ``stopped_at_window`` where the expected wall time is beyond it.
    """
    if distribution not in DISTRIBUTIONS:
        raise GigawattError(f"--distribution: {distribution!r}; expected one of: {', '.join(DISTRIBUTIONS)}")
    if distribution != "exponential" and not (
        isinstance(shape, int | float) and not isinstance(shape, bool) and shape > 0 and math.isfinite(shape)
    ):
        raise GigawattError(
            f"--shape: {shape!r}; a {distribution} distribution needs a shape > 0 (Weibull k, lognormal sigma)"
        )
    if capacity is not None:
        capacity.check()
        if distribution != "exponential" or work_hours is not None:
            raise GigawattError(
                "ops: the capacity model (servers, spares, repairs) runs over a --days window with "
                "exponential failures; drop --work/--distribution or the capacity options"
            )
    if ci_target is not None and not 0 < ci_target < 1:
        raise GigawattError(f"--ci-target: {ci_target}; expected a goodput half-width between 0 and 1")
    for name, value in (("checkpoint write", checkpoint_write_hours), ("restart", restart_hours)):
        if not (value >= 0 and math.isfinite(value)):
            raise GigawattError(f"--{name.replace(' ', '-')}: {value} h; expected a duration >= 0")
    if job_mtbf_hours is None and (not isinstance(accelerators, int | np.integer) or accelerators < 1):
        raise GigawattError(f"--accelerators: {accelerators!r}; expected a whole number >= 1")
    if not isinstance(accelerators, int | np.integer) or not 0 <= accelerators <= OPS_MAX_ACCELERATORS:
        raise GigawattError(
            f"--accelerators: {accelerators!r}; expected a whole number up to {OPS_MAX_ACCELERATORS:.0e} "
            "(10^5 times the accelerators in service today)"
        )
    if not (days > 0 and days <= OPS_MAX_DAYS):
        raise GigawattError(f"--days: {days}; expected a number of days > 0 and <= {OPS_MAX_DAYS:,} (100 years)")
    if work_hours is not None and not (work_hours > 0 and work_hours <= OPS_MAX_DAYS * 24.0):
        raise GigawattError(
            f"--work: {work_hours} h; expected a duration > 0 and <= {OPS_MAX_DAYS:,} days (the longest window)"
        )
    if not 0 < mfu <= 1:
        raise GigawattError(f"--mfu: {mfu}; expected 0 < MFU <= 1")
    if not isinstance(trials, int | np.integer) or trials < 0:
        raise GigawattError(f"--trials: {trials!r}; expected a whole number >= 0")
    if not isinstance(seed, int | np.integer) or seed < 0:
        raise GigawattError(f"--seed: {seed!r}; expected a whole number >= 0")
    if not max_events > 0:
        raise GigawattError(f"--max-events: {max_events}; expected a number > 0")
    acc = get_accelerator(accelerator, "--accelerator")
    rates = rates_per_accelerator_hour()
    for cause, factor in (cause_multipliers or {}).items():
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
    if accelerator_mtbf_hours is not None:
        if not (accelerator_mtbf_hours > 0 and math.isfinite(accelerator_mtbf_hours)):
            raise GigawattError(f"--accelerator-mtbf: {accelerator_mtbf_hours} h; expected a finite duration > 0")
        total = 1.0 / accelerator_mtbf_hours
        scale = total / sum(rates.values())
        rates = {c: r * scale for c, r in rates.items()}
    if job_mtbf_hours is not None:
        if not (job_mtbf_hours > 0 and math.isfinite(job_mtbf_hours)):
            raise GigawattError(f"--job-mtbf: {job_mtbf_hours} h; expected a finite duration > 0")
        m = float(job_mtbf_hours)
        n_acc = int(accelerators) if accelerators else 0
        if n_acc:
            scale = (1.0 / (m * n_acc)) / sum(rates.values())
            rates = {c: r * scale for c, r in rates.items()}
    else:
        m = float(job_mtti_hours(float(accelerators), sum(rates.values())))
        n_acc = int(accelerators)
    if not (m >= OPS_MIN_MTTI_HOURS and math.isfinite(m)):
        raise GigawattError(
            f"ops: a job MTTI of {m:.3g} h (from --job-mtbf, --accelerator-mtbf or --accelerators); expected a "
            f"finite duration >= {OPS_MIN_MTTI_HOURS:g} h (3.6 microseconds)"
        )
    delta, restart = float(checkpoint_write_hours), float(restart_hours)
    window = days * 24.0 if work_hours is None else OPS_MAX_DAYS * 24.0  # a job to completion stops at the longest
    if checkpoint_interval_hours is not None:
        if not (checkpoint_interval_hours > 0 and math.isfinite(checkpoint_interval_hours)):
            raise GigawattError(f"--checkpoint-interval: {checkpoint_interval_hours} h; expected a duration > 0")
        tau, rule = float(checkpoint_interval_hours), "given"
    elif interval_rule == "young":
        tau, rule = float(young_interval(delta, m)), "young"
    elif interval_rule == "daly":
        tau, rule = float(daly_interval(delta, m)), "daly"
    else:
        raise GigawattError(f"--interval-rule: {interval_rule!r}; expected young or daly")
    if rule != "given" and tau + delta > window and window > delta:
        # a rule's interval longer than the window would write no checkpoint in it: one at the window's end instead
        tau, rule = window - delta, f"{rule} (capped at the window)"
    if delta == 0 and tau == 0:
        rule += " (zero write time: continuous checkpointing)"
    # the analytic figures: Daly's steady state in log space
    lg = float(log_goodput(tau, delta, restart, m))
    log_seg = math.log(tau) - lg if tau > 0 else -math.inf  # expected wall time to write one interval's work
    log_rest = float(log_restart_hours(restart, m))
    reason = _no_progress(log_seg, log_rest, restart, m, tau)
    goodput = 0.0 if reason else math.exp(lg)
    stopped = False
    if work_hours is not None:
        wall = float(expected_wall_hours(work_hours, tau, delta, restart, m)) if goodput > 0 else math.inf
        if not wall <= window:  # the job cannot finish within the longest window: it stops there
            wall, stopped = window, True
    else:
        wall = window
    peak = (acc.bf16_dense_tflops or 0.0) * 1e12 * n_acc
    analytic = {
        "interruptions": wall / m,
        "goodput": goodput,
        "wall_time_hours": wall,
        "work_done_hours": goodput * wall,
        "effective_flop": goodput * wall * 3600.0 * peak * mfu,
        "young_interval_minutes": float(young_interval(delta, m)) * 60.0,
        "daly_interval_minutes": float(daly_interval(delta, m)) * 60.0,
        "no_progress": reason is not None,
        "no_progress_reason": reason,
        "stopped_at_window": stopped,
    }
    simulated = None
    ci_met = ci_half = stop_reason = quantile_trials = None
    if ci_target is not None and trials < 1:
        trials = 100
    if trials > 0:
        cluster = capacity is not None
        servers = capacity.servers(max(n_acc, 1)) if cluster else 0
        # the work, sized before it starts: a job to completion runs about its expected wall time (capped)
        sim_window = window if work_hours is None else min(window, wall if math.isfinite(wall) else window)
        per_trial = estimate_events(1, sim_window, m, tau, delta, distribution, shape, servers)
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
        affordable = int(min(max_trials, max_events // per_trial)) if ci_target is not None else trials
        cap_trials = max(trials, affordable)
        if cluster:

            def run(start, n):
                out = _cluster_runs(max(n_acc, 1), m, capacity, tau, delta, restart, window, n, seed, lose_work, start)
                return _columns(out, peak * mfu, cluster=True)
        else:
            kind = DISTRIBUTIONS.index(distribution)
            k = float(shape or 1.0)
            if kind == 1:
                scale = math.exp(math.log(m) - math.lgamma(1.0 + 1.0 / k))
            elif kind == 2:
                scale = math.log(m) - k * k / 2.0
            else:
                scale = m

            def run(start, n):
                out = np.zeros((n, 7))
                _simulate(
                    _seeds(seed, n, start),
                    m,
                    tau,
                    delta,
                    restart,
                    float(work_hours or 0.0),
                    window,
                    bool(lose_work),
                    kind,
                    k,
                    scale,
                    out,
                )
                return _columns(out, peak * mfu, cluster=False)

        stream, names, trials, ci_half = _run_streamed(run, trials, ci_target, cap_trials, max(1, int(chunk_trials)))
        simulated = stream.summaries(names)
        if trials > stream.keep:
            quantile_trials = stream.keep
        if ci_target is not None:
            ci_met = bool(ci_half <= ci_target)
            if not ci_met:
                stop_reason = (
                    f"stopped at {trials:,} trials (--max-events {max_events:.2g} allows {affordable:,})"
                    if affordable < max_trials
                    else f"stopped at the trial limit of {max_trials:,}"
                ) + f" with a goodput half-width of {ci_half:.3g}, above the target {ci_target:g}"
        if not math.isfinite(ci_half):
            ci_half = None  # one trial: no interval
    return OpsResult(
        accelerator=acc.name,
        accelerators=n_acc,
        mtti_hours=m,
        rate_by_cause=rates,
        checkpoint_interval_minutes=tau * 60.0,
        checkpoint_write_minutes=delta * 60.0,
        restart_minutes=restart * 60.0,
        interval_rule=rule,
        days=days,
        work_hours=work_hours,
        analytic=analytic,
        simulated=simulated,
        trials=trials,
        seed=seed,
        mfu=mfu,
        distribution=distribution,
        shape=shape,
        ci_target=ci_target,
        ci_target_met=ci_met,
        ci_half_width=ci_half,
        ci_stop_reason=stop_reason,
        quantile_trials=quantile_trials,
    )


# ------------------------------------------------------------------------------------------ capacity and repair


@dataclasses.dataclass
class Capacity:
    """Servers, standbys, spares and repairs around the job (all durations in hours).

    accelerators_per_server: a failed accelerator takes its whole server out.
    warm_standbys: idle servers swapped in at once; repaired servers join them.
    spares: servers that can be borrowed (preempted from other work) after ``spare_delay``.
    host_selection: added to every restart (picking and wiring in a replacement host).
    repair_auto, repair_manual, escalation: a failed server is repaired automatically in ``repair_auto``; with
        probability ``escalation`` it then needs a manual repair of ``repair_manual`` more.
    false_success: probability that a repair only seems to succeed: the server comes back bad.
    bad_fraction, bad_multiplier: share of servers that fail ``bad_multiplier`` times as often; the calibrated
        average rate is kept, so good servers fail a little less than the average.
    """

    accelerators_per_server: int = 8
    warm_standbys: int = 0
    spares: int = 0
    spare_delay: float = 0.0
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


@njit(cache=True)
def _return_repaired(t, rq_t, rq_bad, rq_n, pools):
    """Servers whose repair has finished by ``t`` join the warm standbys (pools[0] good, pools[1] bad)."""
    i = 0
    while i < rq_n:
        if rq_t[i] <= t:
            pools[1 if rq_bad[i] else 0] += 1
            rq_n -= 1
            rq_t[i] = rq_t[rq_n]
            rq_bad[i] = rq_bad[rq_n]
        else:
            i += 1
    return rq_n


@njit(cache=True, parallel=True)
def _simulate_cluster(
    seeds,
    servers,
    server_rate,
    tau,
    delta,
    restart,
    window,
    lose_work,
    standbys,
    spares,
    spare_delay,
    host_sel,
    rep_auto,
    rep_manual,
    p_esc,
    p_false,
    bad_frac,
    bad_mult,
    out,
):
    """Per trial: wall, useful, interruptions, lost work, checkpoint, restart, waiting-for-servers hours.

    One exponential draw gives the next failure among all working servers (rate: good and bad servers' rates
    summed); a failed server goes to repair and is replaced by a warm standby, else a spare after its delay, else
    the first server to come back from repair. Failures may also strike during a restart. Every time component is
    counted within the window only (a wait or restart the window cuts short counts up to its end); tau = delta = 0
    is continuous checkpointing.
    """
    cap = 1 << 16
    for n in prange(seeds.shape[0]):
        np.random.seed(seeds[n])
        good_rate = server_rate / (1.0 - bad_frac + bad_frac * bad_mult)
        bad_rate = good_rate * bad_mult
        w_bad = 0
        for _ in range(servers):
            if np.random.random() < bad_frac:
                w_bad += 1
        w_good = servers - w_bad
        pools = np.zeros(2, np.int64)  # warm standbys: good, bad
        pools[0] = standbys
        spare_left = spares
        rq_t = np.empty(cap)
        rq_bad = np.zeros(cap, np.bool_)
        rq_n = 0
        t = 0.0
        done = 0.0
        lost = 0.0
        ckpt = 0.0
        rest = 0.0
        wait = 0.0
        fails = 0.0
        recovering = False
        while t < window:
            rq_n = _return_repaired(t, rq_t, rq_bad, rq_n, pools)
            total = w_good * good_rate + w_bad * bad_rate
            f = np.random.exponential(1.0 / total)
            if recovering:
                r = restart + host_sel
                if f >= r:
                    step = min(r, window - t)
                    t += step
                    rest += step
                    recovering = False
                    continue
                if t + f >= window:  # the window closes during the restart
                    rest += window - t
                    t = window
                    break
                t += f
                rest += f
            elif tau + delta <= 0.0:  # continuous checkpointing: work kept up to the failure
                need = window - t
                if f >= need:
                    t += need
                    done += need
                    continue
                t += f
                done += f
            else:
                need = min(tau + delta, window - t)
                if f >= need:
                    t += need
                    if need >= tau + delta:
                        done += tau
                        ckpt += delta
                    continue
                t += f
                if lose_work:
                    lost += min(f, tau)
                else:
                    done += min(f, tau)
            # a server failed: to repair, and a replacement found
            fails += 1.0
            was_bad = np.random.random() * total < w_bad * bad_rate
            if was_bad:
                w_bad -= 1
            else:
                w_good -= 1
            dur = rep_auto
            if np.random.random() < p_esc:
                dur += rep_manual
            if rq_n < cap:
                rq_t[rq_n] = t + dur
                rq_bad[rq_n] = np.random.random() < p_false or (was_bad and bad_frac >= 1.0)
                rq_n += 1
            rq_n = _return_repaired(t, rq_t, rq_bad, rq_n, pools)
            if pools[0] + pools[1] > 0:
                pick_bad = np.random.random() * (pools[0] + pools[1]) < pools[1]
                pools[1 if pick_bad else 0] -= 1
                if pick_bad:
                    w_bad += 1
                else:
                    w_good += 1
            elif spare_left > 0:
                spare_left -= 1
                w_good += 1
                w = min(spare_delay, max(window - t, 0.0))  # waits end with the window
                wait += w
                t += w
            else:
                j = 0
                for q in range(1, rq_n):
                    if rq_t[q] < rq_t[j]:
                        j = q
                w = min(max(rq_t[j] - t, 0.0), max(window - t, 0.0))  # waits end with the window
                wait += w
                t += w
                if rq_bad[j]:
                    w_bad += 1
                else:
                    w_good += 1
                rq_n -= 1
                rq_t[j] = rq_t[rq_n]
                rq_bad[j] = rq_bad[rq_n]
            recovering = True
        out[n, 0] = min(t, window)
        out[n, 1] = done
        out[n, 2] = fails
        out[n, 3] = lost
        out[n, 4] = ckpt
        out[n, 5] = rest
        out[n, 6] = wait


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
) -> np.ndarray:
    """Kernel rows of trials ``start`` .. ``start + trials - 1``."""
    capacity.check()
    servers = capacity.servers(accelerators)
    server_rate = 1.0 / (mtti_hours * servers)  # the job's calibrated rate, shared by its servers
    out = np.zeros((trials, 7))
    _simulate_cluster(
        _seeds(seed, trials, start),
        servers,
        server_rate,
        interval_hours,
        checkpoint_write_hours,
        restart_hours,
        window_hours,
        bool(lose_work),
        capacity.warm_standbys,
        capacity.spares,
        capacity.spare_delay,
        capacity.host_selection,
        capacity.repair_auto,
        capacity.repair_manual,
        capacity.escalation,
        capacity.false_success,
        capacity.bad_fraction,
        capacity.bad_multiplier,
        out,
    )
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
) -> dict:
    """The job with servers, standbys, spares and repairs (exponential failures); summaries as in ``ops``
    (simulated in chunks of OPS_CHUNK_TRIALS trials)."""

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
        )
        return _columns(out, None, cluster=True)

    stream, names, _, _ = _run_streamed(run, trials, None, trials, OPS_CHUNK_TRIALS)
    return {"servers": capacity.servers(accelerators), **stream.summaries(names)}
