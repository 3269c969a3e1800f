"""Accelerators: which type is bought, how many fit, and who gets scarce money or supply first."""

from __future__ import annotations

import numpy as np

ROUNDING = 1e-9  # a count within this of a whole number is that whole number (float division of kW and USD)


def accelerators_that_fit(headroom_kw, it_power_kw_per_accelerator):
    """Whole accelerators that fit in IT power headroom: floor(max(headroom, 0) / per-accelerator IT power).

    Scalars or arrays; the IT power per accelerator is the catalog's all-in ``it_power_w`` (host, NICs, NVLink
    switches) times 1 + operations.non_accelerator_it_share (head nodes, storage, scale-out network).
    """
    return np.floor(np.maximum(headroom_kw, 0.0) / it_power_kw_per_accelerator + ROUNDING)


def limit_by_cap(want, inside, queue, room):
    """Limit orders by a supply cap's room, first come first served in queue order. Updates ``want`` in place.

    Parameters
    ----------
    want : float array (P,)  Accelerators each phase wants this month; updated to what it may order.
    inside : bool array (P,)  Orders the cap covers (its sites, countries and accelerator types).
    queue : int array (P,)  Phase indices in priority order.
    room : float  Accelerators the cap still allows this calendar year.

    Returns
    -------
    float  Accelerators granted under the cap (to add to its use this year).

    Notes
    -----
    a_q = floor(clip(room - sum_{p before q, inside} want_p, 0, want_q)): every phase's full demand counts against
    the room in order, so a phase cut short leaves nothing for those after it.
    """
    asked = 0.0
    granted = 0.0
    for q in range(queue.shape[0]):
        p = queue[q]
        if not inside[p]:
            continue
        d = want[p]
        want[p] = np.floor(min(max(room - asked, 0.0), d) + ROUNDING)
        asked += d
        granted += want[p]
    return granted


def buy_in_order(want, order_type, price_usd, queue, budget_usd):
    """Buy the accelerators wanted with the money available, phases in queue order. Updates ``want`` in place to
    the accelerators bought.

    Parameters
    ----------
    want : float array (P,)  Accelerators wanted by each phase.
    order_type : int array (P,)  Type each phase orders this month (index into ``price_usd``; -1: none).
    price_usd : float array (K,)  All-in price of each type [USD].
    queue : int array (P,)  Phase indices in priority order.
    budget_usd : float  Money available [USD].

    Returns
    -------
    (float, float)  Money spent and the cost of what could not be bought [USD].

    Notes
    -----
    Each phase gets m_q = clip(B - sum_{p before q} cost_p, 0, cost_q) and buys floor(m_q / price) accelerators.
    """
    asked = 0.0
    spent = 0.0
    short = 0.0
    for q in range(queue.shape[0]):
        p = queue[q]
        if want[p] <= 0.0:
            want[p] = 0.0
            continue
        price = price_usd[order_type[p]]
        cost = want[p] * price
        money = min(max(budget_usd - asked, 0.0), cost)
        asked += cost
        bought = min(np.floor(money / price + ROUNDING), want[p])
        want[p] = bought
        spend = bought * price if bought > 0.0 else 0.0
        spent += spend
        short += cost - spend
    return spent, short


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
