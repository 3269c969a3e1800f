"""Checkpointing: Young/Daly intervals, Daly's goodput and expected wall time in closed form, and the largest
training run a fleet can carry.

A job on N accelerators is interrupted at N times the per-accelerator rate (exponential, independent), so its
mean time to interruption is M = 1 / (N * sum_c lambda_c) (gigawatt.model.failures). With checkpoint interval
tau, write time delta and restart time R, the share of wall time doing useful work is (Daly 2006, eq. 13, exact for
exponential failures)

    goodput = tau / (M exp(R/M) (exp((tau + delta)/M) - 1))

computed in log space (log goodput = log tau - log M - R/M - log(expm1((tau + delta)/M))) so that no input
overflows: where the job cannot progress the goodput underflows to 0 instead of raising. With a zero write time
(delta = 0) the optimal interval tends to 0 (continuous checkpointing: no work is lost, checkpoints cost nothing, only
restarts do) and the goodput tends to its limit exp(-R/M) (see ``steady_goodput``).

The closed forms are numpy (vectorized); the steps of a job's timeline that the simulations draw trial by trial
are numba functions in gigawatt.model.draws.
"""

from __future__ import annotations

import numpy as np

from gigawatt.model.failures import (  # noqa: F401  (re-exported: the calibration they were first defined with)
    LLAMA3_CAUSES,
    LLAMA3_DAYS,
    LLAMA3_GPUS,
    LLAMA3_INTERRUPTIONS,
    LLAMA3_RATE,
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
    # log(e^x - 1) = x + log(1 - e^-x), so log g = log(tau / M) - x - log(1 - e^-x) - R/M: one log, one expm1;
    # tau = delta = 0 gives -R/M, M = inf gives log(tau / (tau + delta)) (0 if tau = inf)
    return log_goodput_with(interval_hours, checkpoint_write_hours, restart_hours, mtti_hours, True, False)


def log_goodput_with(
    interval_hours, checkpoint_write_hours, restart_hours, mtti_hours, lose_work, failure_free_restart
):
    """Log of the steady-state goodput with the options of the simulation: whether a failure loses the work since
    the last checkpoint, and whether failures can strike during a restart. Vectorized.

    Parameters
    ----------
    interval_hours, checkpoint_write_hours, restart_hours, mtti_hours : numeric
        tau, delta, R, M [h], as in ``log_goodput``.
    lose_work : bool
        A failure loses the work since the last checkpoint (else it is kept: only the restart, and a checkpoint
        write cut short, cost).
    failure_free_restart : bool
        A restart always completes in R (else a failure during it starts it again, as in Daly 2006).

    Returns
    -------
    numeric
        log g [-], <= 0; equal to ``log_goodput`` with ``lose_work`` and failures during restarts.

    Notes
    -----
    A renewal argument: after each restart the job runs for X ~ Exp(M) until the next failure (mean M), in
    segments of tau work and delta write, each completed with probability q = e^(-(tau+delta)/M) (x = (tau+delta)/M).
    Work kept per run: tau q / (1 - q) if a failure loses the segment, E[min(X, tau)] / (1 - q) =
    M (1 - e^(-tau/M)) / (1 - q) if not. Wall time per failure: M plus the restart, R if it cannot fail, else
    M (e^(R/M) - 1) (``log_restart_hours``), so the cycle is M (1 + R/M) or M e^(R/M). Hence

        g = [tau/M q/(1-q)  or  (1 - e^(-tau/M))/(1-q)] / [e^(R/M)  or  1 + R/M]

    (losing work and failing restarts: Daly 2006, eq. 13). tau = delta = 0 is continuous checkpointing (work term 1);
    M = inf has no failures (tau / (tau + delta)).
    """
    tau = np.asarray(interval_hours, dtype=float)
    d = np.asarray(checkpoint_write_hours, dtype=float)
    r = np.asarray(restart_hours, dtype=float)
    m = np.asarray(mtti_hours, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
        x = (tau + d) / m
        log_1mq = np.log(-np.expm1(-x))  # log(1 - q)
        work = np.log(tau / m) - x - log_1mq if lose_work else np.log(-np.expm1(-tau / m)) - log_1mq
        work = np.where(tau + d <= 0.0, 0.0, work)  # continuous checkpointing: no work lost, no write
        cycle = np.log1p(r / m) if failure_free_restart else r / m
        out = work - cycle
        if np.any(np.isinf(m)):  # no failures: only checkpoints cost
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


_SHARES = np.logspace(-5, 0, 241)  # job sizes tried, as shares of the accelerators available


def _job_flop(n, flops_per_accelerator, mfu, window_hours, checkpoint_write_hours, restart_hours, rate):
    """FLOP one synchronous job of ``n`` accelerators does in a window (0 where n < 1 or nothing progresses)."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        m = 1.0 / (n * rate)
        tau = daly_interval(checkpoint_write_hours, m)
        g = steady_goodput(tau, checkpoint_write_hours, restart_hours, m)
        flop = n * flops_per_accelerator * mfu * g * window_hours * 3600.0
    return np.where((n >= 1) & np.isfinite(flop), flop, 0.0)


def best_job_size(checkpoint_write_hours, restart_hours, rate_per_accelerator_hour=LLAMA3_RATE):
    """The job size n* that does the most work, whatever the fleet: argmax_n n * goodput(n) [accelerators].

    Notes
    -----
    With M = 1 / (n lambda), goodput depends on n only through M, so n * goodput(n) rises while more accelerators
    add more than their interruptions cost, then falls; its peak does not depend on the fleet's size. Found on a
    log grid of 1 ... 1e15 (301 points) and refined by golden-section search between the grid's neighbours.
    Vectorized over the inputs; inf where no failures make every size better than the last.
    """
    d, r = np.broadcast_arrays(np.asarray(checkpoint_write_hours, dtype=float), np.asarray(restart_hours, dtype=float))
    shape, d, r = d.shape, d.ravel(), r.ravel()

    def score(x):  # log n + log goodput, for n = e^x; x (..., points)
        m = 1.0 / (np.exp(x) * rate_per_accelerator_hour)
        return x + log_goodput(daly_interval(d[:, None], m), d[:, None], r[:, None], m)

    xs = np.linspace(0.0, np.log(1e15), 301)
    j = np.argmax(score(xs[None, :]), axis=-1)
    lo, hi = xs[np.maximum(j - 1, 0)], xs[np.minimum(j + 1, len(xs) - 1)]
    phi = (np.sqrt(5.0) - 1.0) / 2.0
    for _ in range(80):  # the bracket shrinks by 0.618 a step: 0.618^80 ~ 1e-17 of it
        x1, x2 = hi - phi * (hi - lo), lo + phi * (hi - lo)
        better = score(x1[:, None])[:, 0] >= score(x2[:, None])[:, 0]
        hi, lo = np.where(better, x2, hi), np.where(better, lo, x1)
    n_star = np.where(j == len(xs) - 1, np.inf, np.exp(0.5 * (lo + hi)))
    return n_star.reshape(shape)


_BEST_SIZES: dict[tuple[float, float, float], float] = {}  # best_job_size by setting: Monte Carlo asks every chunk


def _best_job_sizes(pairs: np.ndarray, rate: float) -> np.ndarray:
    """:func:`best_job_size` of each (write, restart) row of ``pairs``, the settings seen before remembered."""
    keys = [(float(d), float(r), float(rate)) for d, r in pairs]
    missing = list(dict.fromkeys(k for k in keys if k not in _BEST_SIZES))
    if missing:
        if len(_BEST_SIZES) + len(missing) > 4096:
            _BEST_SIZES.clear()
        found = best_job_size(np.array([k[0] for k in missing]), np.array([k[1] for k in missing]), rate)
        _BEST_SIZES.update(zip(missing, found.tolist(), strict=True))
    return np.array([_BEST_SIZES[k] for k in keys])


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
    more interruptions, so FLOP(n) peaks; the job size is the best point of a log grid of shares of the fleet
    (1e-5 ... max_share, 241 points; within 5 % of the true optimum's size). FLOP(n) rises up to the size n* of
    :func:`best_job_size` and falls after it, so the best grid point is one of the few around n*: only those are
    evaluated (the full grid search is kept in the tests as the oracle).
    """
    a = np.asarray(accelerators, dtype=float) * np.asarray(max_share, dtype=float)
    d = np.asarray(checkpoint_write_hours, dtype=float)
    r = np.asarray(restart_hours, dtype=float)
    shape = np.broadcast_shapes(a.shape, d.shape, r.shape, np.shape(flops_per_accelerator), np.shape(mfu))
    a, d, r = (np.broadcast_to(x, shape).ravel() for x in (a, d, r))
    if d.size and d.min() == d.max() and r.min() == r.max():  # one setting for every trial (the usual case)
        pairs, which = np.array([[d[0], r[0]]]), np.zeros(len(d), dtype=np.int64)
    else:
        pairs, which = np.unique(np.stack([d, r], -1), axis=0, return_inverse=True)
    n_star = _best_job_sizes(pairs, rate_per_accelerator_hour)[which.ravel()]
    with np.errstate(divide="ignore", invalid="ignore"):
        i = np.searchsorted(_SHARES, n_star / a)
    cand = np.clip(i[:, None] + np.arange(-2, 2), 0, len(_SHARES) - 1)  # grid points on either side of n*
    n = np.floor(a[:, None] * _SHARES[cand])
    flops, mfu_, window = (
        np.broadcast_to(x, shape).ravel()[:, None] for x in (flops_per_accelerator, mfu, window_hours)
    )
    flop = _job_flop(n, flops, mfu_, window, d[:, None], r[:, None], rate_per_accelerator_hour)
    best = np.argmax(flop, axis=-1)  # the first of equals: the smallest grid index, as a search of the whole grid
    rows = np.arange(len(a))
    best_flop, best_n = flop[rows, best], n[rows, best]
    # nothing progresses anywhere (all zero): a whole-grid search would stop at its first point, n = a * 1e-5
    first_n = np.floor(a * _SHARES[0])
    best_n = np.where(best_flop > 0, best_n, np.where(first_n >= 1, first_n, 0.0))
    return best_flop.reshape(shape), best_n.reshape(shape)
