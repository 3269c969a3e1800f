"""Accelerators: which type is bought, how many fit, and who gets scarce money or supply first."""

from __future__ import annotations

import numpy as np


def allocate_in_order(demand, budget):
    """Give ``budget`` to demands in order (last axis), each in full while it lasts, the next one partly.

    Parameters
    ----------
    demand : array (..., P)  Non-negative demands in priority order.
    budget : array (...)  Amount available.

    Returns
    -------
    array (..., P)  Allocation, 0 <= a <= demand, sum(a) = min(budget, sum(demand)).

    Notes
    -----
    a_p = clip(B - sum_{q<p} d_q, 0, d_p).
    """
    demand = np.asarray(demand, dtype=float)
    before = np.cumsum(demand, axis=-1) - demand
    room = np.maximum(np.asarray(budget, dtype=float)[..., None] - before, 0.0)
    return np.minimum(room, demand)


def fits_in_order(cost, budget):
    """Which items (last axis) can be paid in full, first come first served: cumsum(cost) <= budget.

    A zero-cost item always fits; once one item does not fit, no later item with a cost does (a queue).
    """
    cost = np.asarray(cost, dtype=float)
    return np.cumsum(cost, axis=-1) <= np.asarray(budget, dtype=float)[..., None] * (1 + 1e-12) + 1e-6


def accelerators_that_fit(headroom_kw, it_power_kw_per_accelerator):
    """Whole accelerators that fit in IT power headroom: floor(headroom / per-accelerator IT power)."""
    return np.floor(np.maximum(headroom_kw, 0.0) / it_power_kw_per_accelerator + 1e-9)


def newest_available(first_volume_month, candidates, month):
    """Index of the candidate with the latest first-volume month at or before ``month`` (ties: first listed).

    Returns -1 when none is available yet.
    """
    best, best_month = -1, None
    for i in candidates:
        fv = first_volume_month[i]
        if fv <= month and (best_month is None or fv > best_month):
            best, best_month = i, fv
    return best
