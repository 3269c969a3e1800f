"""Checkpointing: Young/Daly intervals, Daly's goodput and expected wall time in closed form, the steps of a job's
timeline that the simulations draw (segments, lost work, restarts), and the largest training run a fleet can carry.

A job on N accelerators is interrupted at N times the per-accelerator rate (exponential, independent), so its
mean time to interruption is M = 1 / (N * sum_c lambda_c) (gigawatt.model.failures). With checkpoint interval
tau, write time delta and restart time R, the share of wall time doing useful work is (Daly 2006, eq. 13, exact for
exponential failures)

    goodput = tau / (M exp(R/M) (exp((tau + delta)/M) - 1))

computed in log space (log goodput = log tau - log M - R/M - log(expm1((tau + delta)/M))) so that no input
overflows: where the job cannot progress the goodput underflows to 0 instead of raising. With a zero write time
(delta = 0) the optimal interval tends to 0 (continuous checkpointing: no work is lost, checkpoints cost nothing, only
restarts do) and the goodput tends to its limit exp(-R/M) (see ``steady_goodput``).

The closed forms are numpy (vectorized); the timeline steps are numba functions (``@njit``) that the simulations
in gigawatt.engine.operations call trial by trial.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from gigawatt.model.failures import (  # noqa: F401  (re-exported: the calibration they were first defined with)
    LLAMA3_CAUSES,
    LLAMA3_DAYS,
    LLAMA3_GPUS,
    LLAMA3_INTERRUPTIONS,
    LLAMA3_RATE,
    draw_interruption,
    job_mtti_hours,
    rates_per_accelerator_hour,
)

MEGASCALE_MFU = 0.552  # model FLOP utilization on 12,288 GPUs (RL16)


def young_interval(checkpoint_write_hours, mtti_hours):
    """Young's checkpoint interval.

    Parameters
    ----------
    checkpoint_write_hours : numeric
        Checkpoint write time, delta [h].
    mtti_hours : numeric
        Job mean time to interruption, M [h].

    Returns
    -------
    numeric
        tau [h]; 0 for a zero write time (continuous checkpointing).

    Notes
    -----
    tau_Young = sqrt(2 delta M).

    References
    ----------
    Young (1974), CACM 17(9): facts.csv RL22.
    """
    d = np.asarray(checkpoint_write_hours, dtype=float)
    with np.errstate(invalid="ignore"):
        return np.where(d > 0.0, np.sqrt(2.0 * d * mtti_hours), 0.0)


def daly_interval(checkpoint_write_hours, mtti_hours):
    """Daly's higher-order estimate of the optimal checkpoint interval.

    Parameters
    ----------
    checkpoint_write_hours : numeric
        Checkpoint write time, delta [h].
    mtti_hours : numeric
        Job mean time to interruption, M [h].

    Returns
    -------
    numeric
        tau [h]; M when delta >= 2M; 0 when delta = 0 (its limit: continuous checkpointing).

    Notes
    -----
    tau_Daly = sqrt(2 delta M) [1 + (1/3) sqrt(delta / 2M) + (1/9) (delta / 2M)] - delta for delta < 2M, else M.

    References
    ----------
    Daly (2006), FGCS 22(3): facts.csv RL23 (with its worked examples, which are tests).
    """
    d, m = np.asarray(checkpoint_write_hours, dtype=float), np.asarray(mtti_hours, dtype=float)
    x = d / (2.0 * m)
    with np.errstate(invalid="ignore"):
        tau = np.sqrt(2.0 * d * m) * (1.0 + np.sqrt(x) / 3.0 + x / 9.0) - d
    return np.where(d > 0.0, np.where(d < 2.0 * m, tau, m), 0.0)  # delta = 0: continuous checkpointing


def log_expm1(x):
    """log(exp(x) - 1) for x >= 0 without overflow.

    Parameters
    ----------
    x : numeric
        [-], >= 0.

    Returns
    -------
    numeric
        -inf at x = 0, x for large x.

    Notes
    -----
    log(e^x - 1) = x + log(1 - e^(-x)).
    """
    x = np.asarray(x, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(np.isinf(x), x, x + np.log(-np.expm1(-x)))


def log_goodput(interval_hours, checkpoint_write_hours, restart_hours, mtti_hours):
    """Log of Daly's steady-state goodput, finite or -inf, never overflowing. Vectorized.

    Parameters
    ----------
    interval_hours : numeric
        Checkpoint interval, tau [h].
    checkpoint_write_hours : numeric
        Checkpoint write time, delta [h].
    restart_hours : numeric
        Restart time, R [h].
    mtti_hours : numeric
        Job mean time to interruption, M [h].

    Returns
    -------
    numeric
        log g [-], <= 0.

    Notes
    -----
    g = tau / (M e^(R/M) (e^((tau+delta)/M) - 1)); with x = (tau + delta)/M,
    log g = log(tau / (M (1 - e^(-x)))) - x - R/M (one log, one expm1). Limits where the formula is 0/0 or inf/inf:

    - continuous checkpointing, tau = delta = 0 (the limit of Daly's optimum as delta -> 0, since tau_Daly ~
      sqrt(2 delta M) -> 0 and delta / tau -> 0): tau / (M (e^(tau/M) - 1)) -> 1, so goodput -> exp(-R/M). The same
      follows directly: every failure (rate 1/M per hour of work) costs the expected restart time M (e^(R/M) - 1)
      and loses no work, so the wall time per hour of work is 1 + (e^(R/M) - 1) = e^(R/M).
    - no failures, M = inf: goodput tau / (tau + delta) (only checkpoints cost), and 1 if tau = inf.

    References
    ----------
    Daly (2006), eq. 13, exact for exponential failures that may strike work, checkpoints and restarts alike:
    facts.csv RL23.
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
    """Share of wall time doing checkpointed work in steady state. Vectorized.

    Parameters
    ----------
    interval_hours, checkpoint_write_hours, restart_hours, mtti_hours : numeric
        tau, delta, R, M [h], as in ``log_goodput``.

    Returns
    -------
    numeric
        goodput [-], in [0, 1] for every input: 0 where the job cannot progress, exp(-R/M) for continuous
        checkpointing (tau = delta = 0).

    Notes
    -----
    g = tau / (M e^(R/M) (e^((tau+delta)/M) - 1)) = exp(log_goodput).

    References
    ----------
    Daly (2006), eq. 13: facts.csv RL23.
    """
    return np.exp(log_goodput(interval_hours, checkpoint_write_hours, restart_hours, mtti_hours))


def expected_wall_hours(work_hours, interval_hours, checkpoint_write_hours, restart_hours, mtti_hours):
    """Expected wall time to finish a job of a given length.

    Parameters
    ----------
    work_hours : numeric
        Work of the job without failures or checkpoints, T_s [h].
    interval_hours, checkpoint_write_hours, restart_hours, mtti_hours : numeric
        tau, delta, R, M [h], as in ``log_goodput``.

    Returns
    -------
    numeric
        T_w [h]; inf where the job cannot progress (instead of an overflow), T_s e^(R/M) for continuous
        checkpointing (delta = tau = 0).

    Notes
    -----
    T_w = M e^(R/M) (e^((tau+delta)/M) - 1) T_s / tau = T_s / g.

    References
    ----------
    Daly (2006), eq. 13: facts.csv RL23.
    """
    lg = log_goodput(interval_hours, checkpoint_write_hours, restart_hours, mtti_hours)
    with np.errstate(over="ignore"):
        return np.asarray(work_hours, dtype=float) * np.exp(-lg)


def log_restart_hours(restart_hours, mtti_hours):
    """Log of the expected wall time to complete one restart that a failure starts again.

    Parameters
    ----------
    restart_hours : numeric
        Restart time, R [h].
    mtti_hours : numeric
        Job mean time to interruption, M [h] (exponential failures, rate 1/M).

    Returns
    -------
    numeric
        log E[T_R] [log h], finite or +inf, never overflowing (-inf for R = 0).

    Notes
    -----
    E[T_R] = M (e^(R/M) - 1): the restart succeeds with probability e^(-R/M), and a failed attempt costs
    E[X | X < R] on average. ``draw_restart`` draws the same process.
    """
    m, r = np.asarray(mtti_hours, dtype=float), np.asarray(restart_hours, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):  # R = 0: log 0 = -inf, the right answer
        return np.where(np.isinf(m), np.log(r), np.log(m) + log_expm1(r / m))


# ---------------------------------------------------------------- steps of the job's timeline (numba, per trial)


@njit(cache=True)
def segment_hours(interval_hours, work_left_hours, continuous, to_completion):
    """Work attempted before the next checkpoint (numba).

    Parameters
    ----------
    interval_hours : float
        Checkpoint interval, tau [h].
    work_left_hours : float
        Work left: to do (a job to completion) or the window left (a job over a window) [h].
    continuous : bool
        Continuous checkpointing (tau = delta = 0).
    to_completion : bool
        The job runs to completion of its work (else over a window).

    Returns
    -------
    float
        The segment, s [h].

    Notes
    -----
    s = min(tau, work left) to completion, tau over a window, and all that is left with continuous checkpointing
    (nothing to write: work is kept up to each failure). A segment is followed by a checkpoint write of delta.
    """
    if continuous:
        return work_left_hours
    return min(interval_hours, work_left_hours) if to_completion else interval_hours


@njit(cache=True)
def interrupted_work_hours(elapsed_hours, segment):
    """Work done in a segment when a failure interrupts it (numba).

    Parameters
    ----------
    elapsed_hours : float
        Time from the start of the segment to the failure [h].
    segment : float
        The segment's work, s [h]; the checkpoint write follows it.

    Returns
    -------
    float
        min(elapsed, s) [h]: lost since the last checkpoint (Daly 2006, RL23), or kept with continuous
        checkpointing and by simulators that charge only the restart (--no-lost-work).
    """
    return min(elapsed_hours, segment)


@njit(cache=True)
def draw_restart(t, restart_spent, window, restart_hours, dist):
    """Draw one restart after a failure, which a failure during it starts again (numba).

    Parameters
    ----------
    t : float
        Time of the failure [h].
    restart_spent : float
        Restart hours so far, to which this restart's are added [h].
    window : float
        End of the window [h]; the restart stops there.
    restart_hours : float
        Restart time, R [h].
    dist : gigawatt.model.failures.Interarrival
        Time between interruptions.

    Returns
    -------
    t, restart_spent : float
        After the restart (or at the window's end) [h].
    failures : float
        Interruptions during the restart [-].
    next_failure : float
        Hours from the end of the restart to the next interruption [h] (0 when the window closed).
    closed : bool
        The window closed during the restart.

    Notes
    -----
    Attempts of R hours, each interrupted with the probability that a draw X < R; a successful attempt leaves
    X - R to the next interruption. For exponential failures the expected time is M (e^(R/M) - 1)
    (``log_restart_hours``).
    """
    failures = 0.0
    while True:
        f = draw_interruption(dist)
        if f >= restart_hours:
            if t + restart_hours >= window:
                break
            return t + restart_hours, restart_spent + restart_hours, failures, f - restart_hours, False
        if t + f >= window:
            break
        t += f
        restart_spent += f
        failures += 1.0
    return window, restart_spent + (window - t), failures, 0.0, True


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
