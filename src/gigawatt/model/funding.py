"""Money: pledges arriving over time, the secured part first, and project debt on top of equity.

All functions are pure and vectorized: arrays in, arrays out, months on the last axis.
"""

from __future__ import annotations

import numpy as np


def pledge_due_cumulative(amount_usd, upfront_fraction, start_month, months, horizon_months: int) -> np.ndarray:
    """Cumulative money due from one pledge at the end of each month [USD].

    The ``upfront_fraction`` arrives in the start month; the rest arrives evenly over ``months`` months beginning
    in the start month.

    Parameters
    ----------
    amount_usd : float  Money pledged [USD].
    upfront_fraction : float  Part due at once [-].
    start_month : int  Month index of the first arrival [months since programme start].
    months : float  Months over which the rest arrives [months] (>= 1).
    horizon_months : int  Length of the output.

    Returns
    -------
    numpy.ndarray, shape (horizon_months,)  Cumulative due [USD].

    Notes
    -----
    due(t) = A * (u + (1 - u) * clip((t - s + 1) / m, 0, 1)) for t >= s, else 0.
    """
    t = np.arange(horizon_months, dtype=float)
    months = np.maximum(np.asarray(months, dtype=float), 1.0)
    ramp = np.clip((t - start_month + 1.0) / months, 0.0, 1.0)
    due = amount_usd * (upfront_fraction + (1.0 - upfront_fraction) * ramp)
    return np.where(t >= start_month, due, 0.0)


def shift_months(series: np.ndarray, delay_months) -> np.ndarray:
    """A cumulative series delayed by ``delay_months`` (whole months, on the last axis; 0 leaves it unchanged).

    ``delay_months`` may be an array broadcasting against the series' leading axes (one delay per row). Month t of
    a row holds month t - d of its series, 0 before d; a negative delay counts as 0, one past the horizon leaves 0.
    """
    series = np.asarray(series, dtype=float)
    d = np.rint(np.asarray(delay_months, dtype=float)).astype(int)
    if not d.any():
        return series
    T = series.shape[-1]
    if d.ndim < series.ndim:  # one delay per row: align it with the rows, not the months
        d = d.reshape(d.shape + (1,) * (series.ndim - d.ndim))
    shape = np.broadcast_shapes(series.shape, (*d.shape[:-1], T))
    full = np.broadcast_to(series, shape)
    d = np.broadcast_to(np.clip(d, 0, T), (*shape[:-1], 1))[..., 0]
    out = np.zeros(shape)
    # one block copy per distinct delay (whole months, clipped to the horizon: 13 in stargate-2025-01), not an index
    # per element: take_along_axis took 1.3 ms a 2,048-trial chunk of stargate-2025-01, this 0.3 ms
    for k in np.unique(d):
        if k < T:
            rows = d == k
            out[rows, k:] = full[rows, : T - k]
    return out


def received_cumulative(due_usd, secured_usd, announced_arrival, delay_months=0.0) -> np.ndarray:
    """Cumulative money received [USD]: the secured part first, then the announced-only part as assumed.

    Notes
    -----
    received(t) = min(due(t), S) + f * max(0, due(t - d) - S), with S the secured amount, f the fraction of
    announced-only money that arrives and d its delay in months. With f = 1 and d = 0 it equals ``due``.
    """
    due = np.asarray(due_usd, dtype=float)
    now = np.minimum(due, secured_usd)
    return now + announced_received(due - now, announced_arrival, delay_months)


def announced_received(unsecured_due_usd, announced_arrival, delay_months=0.0) -> np.ndarray:
    """Cumulative announced-only money received [USD], from the cumulative announced-only money due.

    Notes
    -----
    late(t) = f * u(t - d), with u(t) = max(0, due(t) - S) the announced-only part due. Shifting commutes with the
    clip (a shifted series starts at 0, and max(0, 0 - S) = 0 for S >= 0), so f * max(0, due(t - d) - S) of
    :func:`received_cumulative` is this, and the pledges that share f and d can be summed before one shift.
    """
    return announced_arrival * shift_months(unsecured_due_usd, delay_months)


def debt_capacity(equity_usd, equity_share, debt_limit_usd=np.inf):
    """Debt that may be outstanding given equity received [USD] (scalars: one trial, one month).

    Parameters
    ----------
    equity_usd : float  Equity received so far [USD].
    equity_share : float  Equity's share of total funding, e [-], 0 < e <= 1.
    debt_limit_usd : float  Most debt lenders will provide [USD] (inf: no limit).

    Notes
    -----
    D_max = min(limit, E * (1 - e) / e): with equity share e of total funding, each dollar of equity carries
    (1 - e) / e dollars of debt (e = 0.10 gives 9 dollars of debt per dollar of equity; e = 1 gives none).
    Stargate's reported structure puts partner equity at ~10 % of total cost (facts.csv SG15).
    """
    leverage = (1.0 - equity_share) / equity_share
    return min(debt_limit_usd, equity_usd * leverage)


def pay(amount_usd, cash_usd, debt_usd):
    """Pay ``amount_usd`` from cash first, then by drawing debt. Returns (cash, debt) after paying [USD].

    Callers never ask for more than cash plus undrawn debt capacity (see :func:`uncommitted_usd`).
    """
    from_cash = min(amount_usd, cash_usd)
    return cash_usd - from_cash, debt_usd + (amount_usd - from_cash)


def uncommitted_usd(cash_usd, debt_usd, debt_capacity_usd, committed_usd):
    """Money free for new commitments [USD]: cash plus undrawn debt capacity, less money committed at close.

    Notes
    -----
    U = max(cash + max(D_max - D, 0) - committed, 0).
    """
    return max(cash_usd + max(debt_capacity_usd - debt_usd, 0.0) - committed_usd, 0.0)


def interest_usd(debt_usd, monthly_rate):
    """Interest due on debt outstanding for one month [USD]: I = D * r_month."""
    return debt_usd * monthly_rate


# a cost within this of the budget still fits: rounding in sums of ~1e11 USD is ~1e-5 USD
CLOSE_REL_TOLERANCE = 1e-12
CLOSE_ABS_TOLERANCE_USD = 1e-6


def close_in_queue(month, queue, planned_month, close_cost_usd, closed, budget_usd):
    """Financial close, first come first served: phases whose planned month has come close, in queue order, while
    the budget covers their cost. Updates ``closed`` (bool, per phase) in place.

    Parameters
    ----------
    month : int  This month [month index].
    queue : int array (P,)  Phase indices in funding order (planned start, then listing order).
    planned_month : int array (P,)  Planned start of each phase [month index].
    close_cost_usd : float array (P,)  Money a phase commits at close: facility capex + its first fill [USD].
    closed : bool array (P,)  Phases closed so far; updated.
    budget_usd : float  Uncommitted money (:func:`uncommitted_usd`) [USD].

    Returns
    -------
    float  Cost of the phases due that could not close [USD] (the month's funding gap from closes).

    Notes
    -----
    Phase q (in queue order) closes when sum_{p <= q, due, not closed before} cost_p <= U (1 + 1e-12) + 1e-6 USD.
    A phase that does not fit blocks every phase after it (a queue), so more money never closes a phase later.
    """
    threshold = budget_usd * (1.0 + CLOSE_REL_TOLERANCE) + CLOSE_ABS_TOLERANCE_USD
    running = 0.0
    unpaid = 0.0
    for q in range(queue.shape[0]):
        p = queue[q]
        if closed[p]:
            continue
        if planned_month[p] > month:
            running = np.inf  # not due yet: it holds back those queued after it
            continue
        running += close_cost_usd[p]
        if running <= threshold:
            closed[p] = True
        else:
            unpaid += close_cost_usd[p]
    return unpaid


def monthly_rate(annual_rate):
    """Monthly interest rate equivalent to an annual effective rate: (1 + r) ** (1/12) - 1."""
    return np.power(1.0 + np.asarray(annual_rate, dtype=float), 1.0 / 12.0) - 1.0
