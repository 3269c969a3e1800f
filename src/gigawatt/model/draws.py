"""The random steps of the operations simulations (gigawatt.engine.operations), compiled with numba: an
interruption drawn from its distribution, servers' failure rates and draws, and the steps of a job's timeline
(a segment of work, the work an interruption loses, a restart that a failure can start again).

Kept apart from the closed forms (gigawatt.model.failures, gigawatt.model.checkpointing), which are numpy, so that
a deterministic run does not import numba.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def draw_interruption(dist):
    """Draw the time to the next interruption of the job (numba).

    Parameters
    ----------
    dist : Interarrival
        The distribution, mean M [h].

    Returns
    -------
    float
        Hours to the next interruption [h].

    Notes
    -----
    Exponential: X ~ Exp(mean M); Weibull: X = s W with W ~ Weibull(k); lognormal: ln X ~ N(mu, sigma^2); each
    with mean M (see ``interarrival``). One draw per interruption: the next comes after a fresh draw, as for a
    renewal process.
    """
    if dist.kind == 1:
        return dist.scale * np.random.weibull(dist.shape)
    if dist.kind == 2:
        return np.random.lognormal(dist.scale, dist.shape)
    return np.random.exponential(dist.mean)


@njit(cache=True)
def server_failure_rates(server_rate, bad_fraction, bad_multiplier):
    """Failure rates of good and bad servers that keep the calibrated average (numba).

    Parameters
    ----------
    server_rate : float
        Average failure rate of a server, lambda [1/h].
    bad_fraction : float
        Share of servers that fail more often, f [-].
    bad_multiplier : float
        How much more often they fail, b [-] (>= 1).

    Returns
    -------
    good_rate, bad_rate : float
        [1/h].

    Notes
    -----
    lambda_good = lambda / (1 - f + f b), lambda_bad = b lambda_good, so that (1 - f) lambda_good + f lambda_bad
    = lambda. No sourced default: off (f = 0) unless given.
    """
    good_rate = server_rate / (1.0 - bad_fraction + bad_fraction * bad_multiplier)
    return good_rate, good_rate * bad_multiplier


@njit(cache=True)
def draw_bad_servers(servers, bad_fraction):
    """Draw how many of a job's servers are bad (numba).

    Parameters
    ----------
    servers : int
        Servers in the job [-].
    bad_fraction : float
        Probability that a server is bad, f [-].

    Returns
    -------
    int
        Bad servers, ~ Binomial(servers, f), drawn one server at a time.
    """
    bad = 0
    for _ in range(servers):
        if np.random.random() < bad_fraction:
            bad += 1
    return bad


@njit(cache=True)
def draw_failed_is_bad(total_rate, bad_servers, bad_rate):
    """Draw whether the server that failed is a bad one (numba).

    Parameters
    ----------
    total_rate : float
        Failure rate of all working servers, Lambda [1/h].
    bad_servers : int
        Working bad servers, n_bad [-].
    bad_rate : float
        Failure rate of a bad server [1/h].

    Returns
    -------
    bool

    Notes
    -----
    P(bad) = n_bad lambda_bad / Lambda: the first of independent exponential clocks is each one's share of the
    total rate.
    """
    return np.random.random() * total_rate < bad_servers * bad_rate


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


@njit(cache=True)
def failure_free_restart(t, restart_spent, window, restart_hours, dist):
    """One restart that no failure can interrupt (numba; ``--failure-free-restart``).

    Parameters
    ----------
    t, restart_spent, window, restart_hours, dist
        As in ``draw_restart``.

    Returns
    -------
    t, restart_spent, failures, next_failure, closed
        As in ``draw_restart``: the restart takes exactly R (or ends with the window), no failure strikes during it
        (failures 0), and the time to the next interruption is a fresh draw from the end of the restart.

    Notes
    -----
    The simplification of simulators that treat recovery as failure-free; off by default, since hardware fails
    during restarts too (Daly 2006, RL23, counts those failures: expected restart M (e^(R/M) - 1) instead of R).
    """
    if t + restart_hours >= window:
        return window, restart_spent + (window - t), 0.0, 0.0, True
    return t + restart_hours, restart_spent + restart_hours, 0.0, draw_interruption(dist), False
