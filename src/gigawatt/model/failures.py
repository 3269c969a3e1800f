"""Failures of a training job: rates calibrated on Llama 3, the job's mean time to interruption, and the draws of
the time to the next interruption (a whole job, or one server among many).

The draws the simulations make trial by trial are numba functions in gigawatt.model.draws.
"""

from __future__ import annotations

import math
from typing import NamedTuple

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
LLAMA3_RATE = sum(LLAMA3_CAUSES.values()) / (LLAMA3_GPUS * LLAMA3_DAYS * 24.0)  # per accelerator-hour

DISTRIBUTIONS = ("exponential", "weibull", "lognormal")  # kinds 0, 1, 2 of Interarrival


def rates_per_accelerator_hour(
    causes: dict[str, int] = LLAMA3_CAUSES, gpus: int = LLAMA3_GPUS, days: float = LLAMA3_DAYS
) -> dict[str, float]:
    """Failure rate per accelerator-hour by cause.

    Parameters
    ----------
    causes : dict of str to int
        Interruptions observed by cause [-].
    gpus : int
        Accelerators observed [-].
    days : float
        Length of the observation [days].

    Returns
    -------
    dict of str to float
        lambda_c by cause [1/(accelerator h)].

    Notes
    -----
    lambda_c = n_c / (N_obs * 24 * days), with independent, exponential failures.

    References
    ----------
    facts.csv RL01 (16,384 H100), RL02 (54 days), RL03 (419 unexpected interruptions), RL06 (root causes).
    """
    hours = days * 24.0
    return {c: n / (gpus * hours) for c, n in causes.items()}


def job_mtti_hours(accelerators, rate_per_accelerator_hour):
    """Mean time to interruption of a synchronous job.

    Parameters
    ----------
    accelerators : numeric
        Accelerators in the job, N [-].
    rate_per_accelerator_hour : numeric
        Failure rate per accelerator, lambda [1/(accelerator h)].

    Returns
    -------
    numeric
        M [h].

    Notes
    -----
    M = 1 / (N lambda): any accelerator's failure interrupts the job, and independent exponential failures add
    their rates. 16,384 H100 at the Llama 3 rate give 3.09 h (facts.csv RL09).
    """
    return 1.0 / (np.asarray(accelerators, dtype=float) * rate_per_accelerator_hour)


class Interarrival(NamedTuple):
    """The distribution of the time between interruptions of a job, with mean M (numba accepts it as is).

    kind: 0 exponential, 1 Weibull, 2 lognormal (the index in DISTRIBUTIONS); mean: M [h]; shape: Weibull k or
    lognormal sigma [-] (1.0 for the exponential); scale: Weibull scale s [h], lognormal mu [log h], or M.
    """

    kind: int
    mean: float
    shape: float
    scale: float


def interarrival(distribution: str, mtti_hours: float, shape: float | None) -> Interarrival:
    """The time between interruptions, with the same mean as the exponential.

    Parameters
    ----------
    distribution : str
        'exponential', 'weibull' or 'lognormal'.
    mtti_hours : float
        Mean time to interruption, M [h].
    shape : float or None
        Weibull k or lognormal sigma [-]; None for the exponential.

    Returns
    -------
    Interarrival

    Notes
    -----
    Weibull with shape k and mean M: scale s = M / Gamma(1 + 1/k), computed as exp(ln M - ln Gamma(1 + 1/k)).
    Lognormal with sigma and mean M: mu = ln M - sigma^2 / 2. Exponential: scale M.
    """
    kind = DISTRIBUTIONS.index(distribution)
    k = float(shape or 1.0)
    if kind == 1:
        scale = math.exp(math.log(mtti_hours) - math.lgamma(1.0 + 1.0 / k))
    elif kind == 2:
        scale = math.log(mtti_hours) - k * k / 2.0
    else:
        scale = mtti_hours
    return Interarrival(kind, float(mtti_hours), k, float(scale))


def mean_draw_in_window(kind: int, mtti_hours: float, shape: float, window_hours: float) -> float:
    """Mean time one draw of the time between interruptions consumes in a window.

    Parameters
    ----------
    kind : int
        0 exponential, 1 Weibull, 2 lognormal (index in DISTRIBUTIONS).
    mtti_hours : float
        Mean time between interruptions, M [h].
    shape : float
        Weibull k or lognormal sigma [-].
    window_hours : float
        The window, W [h].

    Returns
    -------
    float
        E[min(X, W)] [h]; 0 where it underflows.

    Notes
    -----
    Exponential: M (1 - e^(-W/M)). Weibull (shape k, scale s = M / Gamma(1 + 1/k)): M P(1/k, (W/s)^k), with P the
    regularized lower incomplete gamma function. Lognormal (sigma, mu = ln M - sigma^2/2):
    M Phi((ln(W/M) - sigma^2/2)/sigma) + W (1 - Phi((ln(W/M) + sigma^2/2)/sigma)). Computed in logs.
    """
    with np.errstate(all="ignore"):
        if kind == 1:
            from scipy.special import gammainc  # only here: scipy.special costs ~0.1 s to import

            log_s = math.log(mtti_hours) - math.lgamma(1.0 + 1.0 / shape)
            x = math.exp(min(shape * (math.log(window_hours) - log_s), 700.0))
            return float(mtti_hours * gammainc(1.0 / shape, x))
        if kind == 2:
            from scipy.special import ndtr

            z = math.log(window_hours / mtti_hours)
            return float(
                mtti_hours * ndtr((z - shape * shape / 2.0) / shape)
                + window_hours * ndtr(-(z + shape * shape / 2.0) / shape)
            )
        return float(-mtti_hours * math.expm1(-window_hours / mtti_hours))
