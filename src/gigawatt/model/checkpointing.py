"""Checkpointing in closed form: failure rates calibrated on Llama 3, Young/Daly intervals, Daly's expected wall
time, and the largest training run a fleet can carry. Pure numpy; gigawatt.engine.operations adds the simulations.

A job on N accelerators is interrupted at N times the per-accelerator rate (exponential, independent), so its
mean time to interruption is M = 1 / (N * sum_c lambda_c). With checkpoint interval tau, write time delta and
restart time R, the share of wall time doing useful work is (Daly 2006, eq. 13, exact for exponential failures)

    goodput = tau / (M exp(R/M) (exp((tau + delta)/M) - 1))

computed in log space (log goodput = log tau - log M - R/M - log(expm1((tau + delta)/M))) so that no input
overflows: where the job cannot progress the goodput underflows to 0 instead of raising. With a zero write time
(delta = 0) the optimal interval tends to 0 (continuous checkpointing: no work is lost, checkpoints cost nothing, only
restarts do) and the goodput tends to its limit exp(-R/M) (see ``steady_goodput``).
"""

from __future__ import annotations

import numpy as np

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
    """Young (1974): tau = sqrt(2 delta M)  [hours]; 0 for a zero write time (continuous checkpointing)."""
    d = np.asarray(checkpoint_write_hours, dtype=float)
    with np.errstate(invalid="ignore"):
        return np.where(d > 0.0, np.sqrt(2.0 * d * mtti_hours), 0.0)


def daly_interval(checkpoint_write_hours, mtti_hours):
    """Daly (2006), higher-order estimate of the optimal checkpoint interval [hours]; M when delta >= 2M; 0 when
    delta = 0 (its limit: continuous checkpointing)."""
    d, m = np.asarray(checkpoint_write_hours, dtype=float), np.asarray(mtti_hours, dtype=float)
    x = d / (2.0 * m)
    with np.errstate(invalid="ignore"):
        tau = np.sqrt(2.0 * d * m) * (1.0 + np.sqrt(x) / 3.0 + x / 9.0) - d
    return np.where(d > 0.0, np.where(d < 2.0 * m, tau, m), 0.0)  # delta = 0: continuous checkpointing


def log_expm1(x):
    """log(exp(x) - 1) for x >= 0 without overflow: x + log(1 - exp(-x)) (-inf at x = 0, x for large x)."""
    x = np.asarray(x, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(np.isinf(x), x, x + np.log(-np.expm1(-x)))


def log_goodput(interval_hours, checkpoint_write_hours, restart_hours, mtti_hours):
    """log of Daly's steady-state goodput, log(tau / (M e^(R/M) (e^((tau+delta)/M) - 1))), finite or -inf, never
    overflowing. Vectorized.

    Limits taken where the formula is 0/0 or inf/inf:

    - continuous checkpointing, tau = delta = 0 (the limit of Daly's optimum as delta -> 0, since tau_Daly ~
      sqrt(2 delta M) -> 0 and delta / tau -> 0): tau / (M (e^(tau/M) - 1)) -> 1, so goodput -> exp(-R/M). The same
      follows directly: every failure (rate 1/M per hour of work) costs the expected restart time M (e^(R/M) - 1)
      and loses no work, so the wall time per hour of work is 1 + (e^(R/M) - 1) = e^(R/M).
    - no failures, M = inf: goodput tau / (tau + delta) (only checkpoints cost), and 1 if tau = inf.
    """
    tau = np.asarray(interval_hours, dtype=float)
    d = np.asarray(checkpoint_write_hours, dtype=float)
    r = np.asarray(restart_hours, dtype=float)
    m = np.asarray(mtti_hours, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
        x = (tau + d) / m
        # log(e^x - 1) = x + log(1 - e^-x), so log g = log(tau / (M (1 - e^-x))) - x - R/M: one log, one expm1
        out = np.log(tau / (m * -np.expm1(-x))) - x - r / m
        out = np.where(tau + d <= 0.0, -r / m, out)  # continuous checkpointing, tau = delta = 0: the limit
        if np.any(np.isinf(m)):  # no failures: only checkpoints cost (tau / (tau + delta); 1 if tau = inf)
            out = np.where(np.isinf(m), np.where(np.isinf(tau), 0.0, np.log(tau / (tau + d))), out)
    return np.minimum(np.where(np.isnan(out), -np.inf, out), 0.0)


def steady_goodput(interval_hours, checkpoint_write_hours, restart_hours, mtti_hours):
    """Share of wall time doing checkpointed work in steady state (Daly 2006): tau / (M e^(R/M) (e^((tau+delta)/M)
    - 1)), in [0, 1] for every input (0 where the job cannot progress, exp(-R/M) for continuous checkpointing,
    tau = delta = 0). Vectorized."""
    return np.exp(log_goodput(interval_hours, checkpoint_write_hours, restart_hours, mtti_hours))


def expected_wall_hours(work_hours, interval_hours, checkpoint_write_hours, restart_hours, mtti_hours):
    """Daly (2006) eq. 13: expected wall time to finish ``work_hours`` [hours]: work / goodput; inf where the job
    cannot progress (instead of an overflow), work e^(R/M) for continuous checkpointing (delta = tau = 0)."""
    lg = log_goodput(interval_hours, checkpoint_write_hours, restart_hours, mtti_hours)
    with np.errstate(over="ignore"):
        return np.asarray(work_hours, dtype=float) * np.exp(-lg)


def log_restart_hours(restart_hours, mtti_hours):
    """Expected wall time to complete one restart of R hours when a failure (rate 1/M) starts it again:
    M (e^(R/M) - 1) [hours], as log (finite or +inf, never overflowing)."""
    m, r = np.asarray(mtti_hours, dtype=float), np.asarray(restart_hours, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):  # R = 0: log 0 = -inf, the right answer
        return np.where(np.isinf(m), np.log(r), np.log(m) + log_expm1(r / m))


LLAMA3_RATE = sum(LLAMA3_CAUSES.values()) / (LLAMA3_GPUS * LLAMA3_DAYS * 24.0)  # per accelerator-hour
_SHARES = np.logspace(-5, 0, 241)  # job sizes tried, as shares of the accelerators available


def largest_run(
    accelerators,
    flops_per_accelerator,
    window_hours,
    checkpoint_write_hours,
    restart_hours,
    mfu,
    max_share,
    rate_per_accelerator_hour=LLAMA3_RATE,
):
    """The largest training run (FLOP) one synchronous job can do in a window, and its size.

    Parameters are arrays over trials: accelerators installed, dense BF16 FLOP/s each, window [h], checkpoint write
    [h], restart [h], MFU [-], the share of the fleet one job may use [-].

    Notes
    -----
    For a job of n accelerators: M = 1 / (n lambda), tau = Daly(delta, M), and
    FLOP(n) = n * flops * mfu * goodput(tau, delta, R, M) * window * 3600. More accelerators bring more compute but
    more interruptions, so FLOP(n) peaks; the job size is searched on a log grid of shares of the fleet
    (1e-5 ... max_share, 241 points; the best point is within 5 % of the true optimum's size).
    """
    a = np.asarray(accelerators, dtype=float)[..., None] * np.asarray(max_share, dtype=float)[..., None]
    n = np.floor(a * _SHARES)
    n = np.where(n >= 1, n, np.nan)
    m = 1.0 / (n * rate_per_accelerator_hour)
    d = np.asarray(checkpoint_write_hours, dtype=float)[..., None]
    r = np.asarray(restart_hours, dtype=float)[..., None]
    tau = daly_interval(d, m)
    g = steady_goodput(tau, d, r, m)
    flop = (
        n
        * np.asarray(flops_per_accelerator, dtype=float)[..., None]
        * np.asarray(mfu, dtype=float)[..., None]
        * g
        * np.asarray(window_hours, dtype=float)[..., None]
        * 3600.0
    )
    flop = np.where(np.isfinite(flop), flop, 0.0)
    best = np.argmax(flop, axis=-1)
    take = np.take_along_axis
    return take(flop, best[..., None], -1)[..., 0], np.nan_to_num(take(n, best[..., None], -1)[..., 0])
