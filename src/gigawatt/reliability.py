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

A simulation draws the same process trial by trial (numba), to completion of the job or over a fixed window,
as a check on the closed form and for the distribution of outcomes.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
from numba import njit, prange

from gigawatt.errors import GigawattError
from gigawatt.sources import get_accelerator

# Llama 3 405B snapshot (facts.csv RL01, RL02, RL06): unexpected interruptions by root cause in 54 days on 16,384
# H100s, grouped by component.
LLAMA3_GPUS = 16_384
LLAMA3_DAYS = 54
LLAMA3_CAUSES = {
    "gpu": 148 + 19 + 17 + 6,  # faulty GPU, GPU SRAM, GPU system processor, GPU thermal/sensor
    "hbm": 72,  # HBM3 memory
    "network": 35 + 7,  # network switch/cable, NIC
    "host": 32 + 3 + 3 + 2 + 2 + 2 + 2,  # host maintenance, SSD, PSU, chassis, IO board, CPU, system memory
    "software": 54 + 7 + 2,  # software bug, NCCL watchdog, dependency
    "silent_data_corruption": 6,
}
LLAMA3_INTERRUPTIONS = sum(LLAMA3_CAUSES.values())  # 419 (RL03)
MEGASCALE_MFU = 0.552  # model FLOP utilization on 12,288 GPUs (RL16)


def rates_per_accelerator_hour(
    causes: dict[str, int] = LLAMA3_CAUSES, gpus: int = LLAMA3_GPUS, days: float = LLAMA3_DAYS
) -> dict[str, float]:
    """Failure rate per accelerator-hour by cause: count / (accelerators * hours observed)."""
    hours = days * 24.0
    return {c: n / (gpus * hours) for c, n in causes.items()}


def job_mtti_hours(accelerators, rate_per_accelerator_hour):
    """Mean time to interruption of a job on N accelerators: 1 / (N * lambda)  [hours]."""
    return 1.0 / (np.asarray(accelerators, dtype=float) * rate_per_accelerator_hour)


def young_interval(checkpoint_write_hours, mtti_hours):
    """Young (1974): tau = sqrt(2 delta M)  [hours]."""
    return np.sqrt(2.0 * np.asarray(checkpoint_write_hours) * mtti_hours)


def daly_interval(checkpoint_write_hours, mtti_hours):
    """Daly (2006), higher-order estimate of the optimal checkpoint interval [hours]; M when delta >= 2M."""
    d, m = np.asarray(checkpoint_write_hours, dtype=float), np.asarray(mtti_hours, dtype=float)
    x = d / (2.0 * m)
    tau = np.sqrt(2.0 * d * m) * (1.0 + np.sqrt(x) / 3.0 + x / 9.0) - d
    return np.where(d < 2.0 * m, tau, m)


def expected_wall_hours(work_hours, interval_hours, checkpoint_write_hours, restart_hours, mtti_hours):
    """Daly (2006) eq. 13: expected wall time to finish ``work_hours`` [hours]."""
    m = mtti_hours
    return (
        m
        * np.exp(restart_hours / m)
        * np.expm1((interval_hours + checkpoint_write_hours) / m)
        * work_hours
        / interval_hours
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
    """Per trial: wall hours, useful hours, interruptions, lost-work hours, checkpoint hours, restart hours.

    With work > 0 the job runs to completion; else it runs for ``window`` hours.
    """
    for n in prange(seeds.shape[0]):
        np.random.seed(seeds[n])
        t = 0.0
        done = 0.0
        fails = 0.0
        lost = 0.0
        ckpt = 0.0
        rest = 0.0
        next_fail = _draw(kind, mtti, shape, scale)
        while True:
            if work > 0.0:
                left = work - done
                if left <= 1e-12:
                    break
                seg = min(tau, left)
            else:
                if t >= window:
                    break
                seg = tau
            need = seg + delta
            if window > 0.0 and work <= 0.0 and t + need > window:
                need = window - t  # the window closes mid-segment: what is not checkpointed does not count
                if next_fail >= need:
                    t = window
                    break
            if next_fail >= need:
                t += need
                next_fail -= need
                done += seg
                ckpt += delta
                continue
            # interrupted: the segment's work is lost (or kept, for simulators that charge only the restart)
            t += next_fail
            fails += 1.0
            if lose_work:
                lost += min(next_fail, seg)
            else:
                done += min(next_fail, seg)
            # restart; a failure during the restart starts it again
            while True:
                f = _draw(kind, mtti, shape, scale)
                if f >= restart:
                    t += restart
                    rest += restart
                    next_fail = f - restart
                    break
                t += f
                rest += f
                fails += 1.0
            if window > 0.0 and work <= 0.0 and t >= window:
                t = window
                break
        out[n, 0] = t
        out[n, 1] = done
        out[n, 2] = fails
        out[n, 3] = lost
        out[n, 4] = ckpt
        out[n, 5] = rest


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
                c: r * self.accelerators * self.days * 24.0 for c, r in self.rate_by_cause.items()
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
                out[f"{k}_ci95"] = v["ci95"]
        return out


def _summary(x: np.ndarray) -> dict:
    mean = float(np.mean(x))
    half = 1.96 * float(np.std(x, ddof=1)) / math.sqrt(len(x)) if len(x) > 1 else 0.0
    return {
        "mean": mean,
        "ci95": [mean - half, mean + half],
        "p10": float(np.quantile(x, 0.1)),
        "p90": float(np.quantile(x, 0.9)),
    }


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
) -> OpsResult:
    """Failures, checkpointing and goodput of one job on ``accelerators`` accelerators over ``days`` days
    (or until ``work_hours`` of work are done).

    ``job_mtbf_hours`` replaces the calibrated job MTTI; ``accelerator_mtbf_hours`` replaces the per-accelerator
    rate (1 / MTBF). ``trials`` > 0 adds a simulation with 95 % confidence intervals; ``distribution`` 'weibull'
    (shape k) or 'lognormal' (shape sigma) draws the time between interruptions with the same mean instead of
    exponentially (the analytic figures stay exponential). ``ci_target`` (e.g. 0.001) keeps doubling the trials
    until the goodput's 95 % half-width is below it (at most ``max_trials``).
    """
    if distribution not in DISTRIBUTIONS:
        raise GigawattError(f"--distribution: {distribution!r}; expected one of: {', '.join(DISTRIBUTIONS)}")
    if distribution != "exponential" and not (shape is not None and shape > 0 and math.isfinite(shape)):
        raise GigawattError(
            f"--shape: {shape!r}; a {distribution} distribution needs a shape > 0 (Weibull k, lognormal sigma)"
        )
    if ci_target is not None and not 0 < ci_target < 1:
        raise GigawattError(f"--ci-target: {ci_target}; expected a goodput half-width between 0 and 1")
    for name, value in (("checkpoint write", checkpoint_write_hours), ("restart", restart_hours)):
        if not (value >= 0 and math.isfinite(value)):
            raise GigawattError(f"--{name.replace(' ', '-')}: {value} h; expected a duration >= 0")
    if job_mtbf_hours is None and (not isinstance(accelerators, int | np.integer) or accelerators < 1):
        raise GigawattError(f"--accelerators: {accelerators!r}; expected a whole number >= 1")
    if not (days > 0 and math.isfinite(days)):
        raise GigawattError(f"--days: {days}; expected a number of days > 0")
    if work_hours is not None and not work_hours > 0:
        raise GigawattError(f"--work: {work_hours} h; expected a duration > 0")
    if not 0 < mfu <= 1:
        raise GigawattError(f"--mfu: {mfu}; expected 0 < MFU <= 1")
    if trials < 0:
        raise GigawattError(f"--trials: {trials}; expected a whole number >= 0")
    acc = get_accelerator(accelerator, "--accelerator")
    rates = rates_per_accelerator_hour()
    if accelerator_mtbf_hours is not None:
        if not accelerator_mtbf_hours > 0:
            raise GigawattError(f"--accelerator-mtbf: {accelerator_mtbf_hours} h; expected a duration > 0")
        total = 1.0 / accelerator_mtbf_hours
        scale = total / sum(rates.values())
        rates = {c: r * scale for c, r in rates.items()}
    if job_mtbf_hours is not None:
        if not job_mtbf_hours > 0:
            raise GigawattError(f"--job-mtbf: {job_mtbf_hours} h; expected a duration > 0")
        m = float(job_mtbf_hours)
        n_acc = int(accelerators) if accelerators else 0
        if n_acc:
            scale = (1.0 / (m * n_acc)) / sum(rates.values())
            rates = {c: r * scale for c, r in rates.items()}
    else:
        m = float(job_mtti_hours(accelerators, sum(rates.values())))
        n_acc = int(accelerators)
    delta, restart = float(checkpoint_write_hours), float(restart_hours)
    if checkpoint_interval_hours is not None:
        if not checkpoint_interval_hours > 0:
            raise GigawattError(f"--checkpoint-interval: {checkpoint_interval_hours} h; expected a duration > 0")
        tau, rule = float(checkpoint_interval_hours), "given"
    elif interval_rule == "young":
        tau, rule = float(young_interval(delta, m)), "young"
    elif interval_rule == "daly":
        tau, rule = float(daly_interval(delta, m)), "daly"
    else:
        raise GigawattError(f"--interval-rule: {interval_rule!r}; expected young or daly")
    window = days * 24.0
    if work_hours is not None:
        wall = float(expected_wall_hours(work_hours, tau, delta, restart, m))
        goodput = work_hours / wall
    else:
        wall = window
        goodput = float(work_hours_in_window(window, tau, delta, restart, m) / window)
    peak = (acc.bf16_dense_tflops or 0.0) * 1e12 * n_acc
    analytic = {
        "interruptions": wall / m,
        "goodput": goodput,
        "wall_time_hours": wall,
        "effective_flop": goodput * wall * 3600.0 * peak * mfu,
        "young_interval_minutes": float(young_interval(delta, m)) * 60.0,
        "daly_interval_minutes": float(daly_interval(delta, m)) * 60.0,
    }
    simulated = None
    if ci_target is not None and trials < 1:
        trials = 100
    if trials > 0:
        kind = DISTRIBUTIONS.index(distribution)
        k = float(shape or 1.0)
        scale = m / math.gamma(1.0 + 1.0 / k) if kind == 1 else (math.log(m) - k * k / 2.0 if kind == 2 else m)
        while True:
            # trial i's seed is the i-th word of one SeedSequence: adding trials keeps the earlier ones
            seeds = np.random.SeedSequence(seed).generate_state(trials).astype(np.int64)
            out = np.zeros((trials, 6))
            _simulate(
                seeds,
                m,
                tau,
                delta,
                restart,
                float(work_hours or 0.0),
                0.0 if work_hours else window,
                bool(lose_work),
                kind,
                k,
                scale,
                out,
            )
            g = out[:, 1] / out[:, 0]
            half = 1.96 * float(np.std(g, ddof=1)) / math.sqrt(trials) if trials > 1 else math.inf
            if ci_target is None or half <= ci_target or trials >= max_trials:
                break
            trials = min(2 * trials, max_trials)
        wall_s, useful = out[:, 0], out[:, 1]
        simulated = {
            "interruptions": _summary(out[:, 2]),
            "goodput": _summary(useful / wall_s),
            "wall_time_hours": _summary(wall_s),
            "effective_flop": _summary(useful * 3600.0 * peak * mfu),
            "lost_work_hours": _summary(out[:, 3]),
            "checkpoint_hours": _summary(out[:, 4]),
            "restart_hours": _summary(out[:, 5]),
        }
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
    )


def work_hours_in_window(window_hours, tau, delta, restart, mtti):
    """Expected checkpointed work in a window, from Daly's rate of progress: W * tau / (M e^(R/M) (e^((tau+delta)/M)
    - 1)) (the steady-state goodput times the window; exact for long windows)."""
    return window_hours * tau / (mtti * math.exp(restart / mtti) * math.expm1((tau + delta) / mtti))
