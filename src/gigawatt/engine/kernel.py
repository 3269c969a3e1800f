"""The engine compiled with numba: one trial per loop iteration, trials in parallel.

It steps exactly the model of :func:`gigawatt.engine.inputs.run_arrays` (read that first: it is the readable,
vectorized statement of each step) with scalar loops over phases, for many trials at once. Sums over phases use
numpy's own pairwise order, so the two engines give the same numbers bit for bit (tested).
"""

from __future__ import annotations

import numpy as np
from numba import njit, prange

from gigawatt.engine.inputs import H100_FLOPS, SERIES, Inputs

_S = {name: i for i, name in enumerate(SERIES)}
S_MW, S_ITMW, S_ITINST, S_ACC, S_H100E, S_FLOPS = (
    _S[k] for k in ("mw_online", "it_mw_online", "it_mw_installed", "accelerators", "h100e", "peak_bf16_flops")
)
S_PLEDGED, S_SECURED, S_EQUITY, S_DEBT, S_DEBTCAP, S_CASH, S_COMMITTED = (
    _S[k]
    for k in ("pledged_usd", "secured_usd", "equity_usd", "debt_usd", "debt_capacity_usd", "cash_usd", "committed_usd")
)
S_FAC, S_FACPROG, S_IT, S_INTEREST, S_SPENT, S_GAP = (
    _S[k]
    for k in (
        "capex_facility_usd",
        "capex_facility_programme_usd",
        "capex_it_usd",
        "interest_usd",
        "spent_usd",
        "funding_gap_usd",
    )
)
S_CLOSED, S_STARTED, S_ONLINE, S_ENERGY, S_ECOST, S_EMIS, S_OPEX = (
    _S[k]
    for k in (
        "phases_closed",
        "phases_started",
        "phases_online",
        "energy_mwh",
        "energy_cost_usd",
        "emissions_t",
        "opex_usd",
    )
)


@njit(cache=True)
def _npsum(a):
    """Sum of a 1-D float array in numpy's pairwise order (for fewer than 129 items)."""
    n = a.shape[0]
    if n < 8:
        res = 0.0
        for i in range(n):
            res += a[i]
        return res
    r0, r1, r2, r3, r4, r5, r6, r7 = a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]
    i = 8
    while i < n - (n % 8):
        r0 += a[i]
        r1 += a[i + 1]
        r2 += a[i + 2]
        r3 += a[i + 3]
        r4 += a[i + 4]
        r5 += a[i + 5]
        r6 += a[i + 6]
        r7 += a[i + 7]
        i += 8
    res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
    while i < n:
        res += a[i]
        i += 1
    return res


@njit(cache=True)
def _fit(headroom, kw):
    return np.floor(max(headroom, 0.0) / kw + 1e-9)


@njit(cache=True)
def _trial(
    out,
    out_k,
    out_start,
    year,
    hours,
    external,
    cap_phase,
    cap_type,
    power_mw,
    pue,
    planned,
    cmonths,
    power_at,
    capex_fac,
    carbon,
    type_of_order,
    fill_type,
    queue,
    it_kw,
    price,
    flops,
    pledged,
    secured,
    equity,
    equity_share,
    rate,
    limit,
    cap_per_year,
    lead,
    life,
    util,
    price_mwh,
    opex_mw_year,
):
    T, P = type_of_order.shape
    K = it_kw.shape[0]
    C = cap_per_year.shape[0]
    lev = (1.0 - equity_share) / equity_share
    it_cap_kw = np.empty(P)
    prog_capex = np.empty(P)
    build = np.empty(P, np.int64)
    spend_months = np.empty(P, np.int64)
    fill_kw = np.empty(P)
    fill_price = np.empty(P)
    n_fill = np.empty(P)
    close_cost = np.empty(P)
    for p in range(P):
        it_cap_kw[p] = power_mw[p] / pue[p] * 1000.0
        prog_capex[p] = 0.0 if external[p] else capex_fac[p]
        build[p] = np.int64(np.rint(cmonths[p]))
        spend_months[p] = max(build[p], 1)
        fill_kw[p] = it_kw[fill_type[p]]
        fill_price[p] = price[fill_type[p]]
        n_fill[p] = _fit(it_cap_kw[p], fill_kw[p])
        close_cost[p] = prog_capex[p] + n_fill[p] * fill_price[p]
    cap_fill = np.zeros((C, P), np.bool_)
    for c in range(C):
        for p in range(P):
            cap_fill[c, p] = cap_phase[c, p] and cap_type[c, fill_type[p]]

    cash = 0.0
    debt = 0.0
    equity_prev = 0.0
    closed = np.zeros(P, np.bool_)
    close_m = np.full(P, -1, np.int64)
    start_m = np.full(P, -1, np.int64)
    for p in range(P):
        if external[p]:
            start_m[p] = planned[p]
    reserve_fac = np.zeros(P)
    reserve_it = np.zeros(P)
    filled = np.zeros(P)
    orders_fill = np.zeros((T, P))
    orders_ref = np.zeros((T, P))
    power_future = np.zeros(P)
    installed_kw = np.zeros(P)
    installed_k = np.zeros(K)
    cap_used = np.zeros(C)
    cum_fac = 0.0
    cum_fac_prog = 0.0
    cum_it = 0.0
    cum_interest = 0.0
    tmp = np.empty(P)
    tmp_k = np.empty(K)
    want_fill = np.empty(P)
    want_ref = np.empty(P)
    headroom = np.empty(P)
    online = np.zeros(P, np.bool_)
    year_prev = -1
    n_closed_total = 0

    for t in range(T):
        if year[t] != year_prev:
            cap_used[:] = 0.0
            year_prev = year[t]
        # 1. money in
        cash = cash + (equity[t] - equity_prev)
        equity_prev = equity[t]
        debt_cap = min(limit, equity[t] * lev)
        # 2. interest
        interest_due = debt * rate
        unc = max(cash + max(debt_cap - debt, 0.0) - _npsum(reserve_fac) - _npsum(reserve_it), 0.0)
        paid = min(interest_due, unc)
        from_cash = min(paid, cash)
        cash -= from_cash
        debt += paid - from_cash
        cum_interest += paid
        gap = interest_due - paid
        # 3. financial close in queue order
        if n_closed_total < P:  # nothing to close once every phase has closed
            unc = max(cash + max(debt_cap - debt, 0.0) - _npsum(reserve_fac) - _npsum(reserve_it), 0.0)
            threshold = unc * (1 + 1e-12) + 1e-6
            run = 0.0
            for qi in range(P):
                p = queue[qi]
                if closed[p]:
                    cost = 0.0
                elif planned[p] <= t:
                    cost = close_cost[p]
                else:
                    cost = 1e300
                run += cost
                tmp[p] = 0.0
                if not closed[p] and planned[p] <= t:
                    if run <= threshold:
                        tmp[p] = -1.0  # closes now
                    else:
                        tmp[p] = close_cost[p]
            for p in range(P):
                want_ref[p] = tmp[p] if tmp[p] > 0.0 else 0.0
            gap += _npsum(want_ref)
            for p in range(P):
                if tmp[p] < 0.0:
                    closed[p] = True
                    close_m[p] = t
                    if not external[p]:
                        start_m[p] = t
                    reserve_fac[p] += prog_capex[p]
                    reserve_it[p] += n_fill[p] * fill_price[p]
        # 4. construction
        for p in range(P):
            building = start_m[p] >= 0 and t >= start_m[p] and t < start_m[p] + spend_months[p]
            outlay = 0.0
            if building and not external[p]:
                outlay = min(prog_capex[p] / spend_months[p], reserve_fac[p])
                if t == start_m[p] + spend_months[p] - 1:
                    outlay = reserve_fac[p]
            reserve_fac[p] -= outlay
            tmp[p] = outlay
        total_outlay = _npsum(tmp)
        from_cash = min(total_outlay, cash)
        cash -= from_cash
        debt += total_outlay - from_cash
        for p in range(P):
            building = start_m[p] >= 0 and t >= start_m[p] and t < start_m[p] + spend_months[p]
            tmp[p] = capex_fac[p] / spend_months[p] if (building and external[p]) else 0.0
        ext = _npsum(tmp)
        cum_fac_prog += total_outlay
        cum_fac += total_outlay + ext
        for p in range(P):
            online[p] = start_m[p] >= 0 and start_m[p] + build[p] <= t and power_at[p] <= t
        # 5. orders
        # orders happen only while some hall still fills or some phase is old enough to refresh; otherwise every
        # quantity below is zero (skipping them changes no number)
        busy = False
        for p in range(P):
            if closed[p] and (filled[p] < n_fill[p] or t >= close_m[p] + life):
                busy = True
        fill_total = 0.0
        ref_total = 0.0
        if busy:
            if t - life >= 0:
                s = t - life
                for p in range(P):
                    k = type_of_order[s, p]
                    kw_s = it_kw[k] if k >= 0 else 0.0
                    power_future[p] -= orders_fill[s, p] * fill_kw[p] + orders_ref[s, p] * kw_s
            for p in range(P):
                ready = start_m[p] >= 0 and start_m[p] + build[p] <= t + lead and power_at[p] <= t + lead
                head = it_cap_kw[p] - power_future[p] if ready else 0.0
                tmp[p] = head
                want_fill[p] = min(_fit(head, fill_kw[p]), n_fill[p] - filled[p]) if closed[p] else 0.0
            for c in range(C):
                room = max(cap_per_year[c] - cap_used[c], 0.0)
                cum = 0.0
                for qi in range(P):
                    p = queue[qi]
                    d = want_fill[p] if cap_fill[c, p] else 0.0
                    cum += d
                    if cap_fill[c, p]:
                        want_fill[p] = np.floor(min(max(room - (cum - d), 0.0), d) + 1e-9)
            headroom[:] = tmp
            for p in range(P):
                tmp[p] = want_fill[p] * fill_price[p]
                reserve_it[p] = max(reserve_it[p] - tmp[p], 0.0)
            fill_total = _npsum(tmp)
            from_cash = min(fill_total, cash)
            cash -= from_cash
            debt += fill_total - from_cash
            for p in range(P):
                filled[p] += want_fill[p]
            for c in range(C):
                for p in range(P):
                    tmp[p] = want_fill[p] * (1.0 if cap_fill[c, p] else 0.0)
                cap_used[c] += _npsum(tmp)
            for p in range(P):
                power_future[p] += want_fill[p] * fill_kw[p]
                orders_fill[t, p] = want_fill[p]
            # refreshes
            any_ref = False
            for p in range(P):
                k = type_of_order[t, p]
                want_ref[p] = 0.0
                if closed[p] and filled[p] >= n_fill[p] and t >= close_m[p] + life and k >= 0:
                    want_ref[p] = _fit(headroom[p] - want_fill[p] * fill_kw[p], it_kw[k])
                if want_ref[p] != 0.0:
                    any_ref = True
            if C > 0 and any_ref:
                for c in range(C):
                    room = max(cap_per_year[c] - cap_used[c], 0.0)
                    cum = 0.0
                    for qi in range(P):
                        p = queue[qi]
                        k = type_of_order[t, p]
                        inside = cap_phase[c, p] and k >= 0 and cap_type[c, k]
                        d = want_ref[p] if inside else 0.0
                        cum += d
                        if inside:
                            want_ref[p] = np.floor(min(max(room - (cum - d), 0.0), d) + 1e-9)
            unc = max(cash + max(debt_cap - debt, 0.0) - _npsum(reserve_fac) - _npsum(reserve_it), 0.0)
            cum = 0.0
            ref_total = 0.0
            for qi in range(P):
                p = queue[qi]
                k = type_of_order[t, p]
                cost = want_ref[p] * price[k] if want_ref[p] > 0.0 else 0.0
                cum += cost
                money = min(max(unc - (cum - cost), 0.0), cost)
                bought = 0.0
                if want_ref[p] > 0.0:
                    bought = min(np.floor(money / price[k] + 1e-9), want_ref[p])
                spend = bought * price[k] if bought > 0.0 else 0.0
                tmp[p] = cost - spend
                want_ref[p] = bought
                orders_ref[t, p] = bought
                if bought > 0.0:
                    power_future[p] += bought * it_kw[k]
            gap += _npsum(tmp)
            if C > 0 and any_ref:
                for c in range(C):
                    for p in range(P):
                        k = type_of_order[t, p]
                        inside = cap_phase[c, p] and k >= 0 and cap_type[c, k]
                        tmp[p] = want_ref[p] * (1.0 if inside else 0.0)
                    cap_used[c] += _npsum(tmp)
            for p in range(P):
                k = type_of_order[t, p]
                tmp[p] = want_ref[p] * price[k] if want_ref[p] > 0.0 else 0.0
            ref_total = _npsum(tmp)
            from_cash = min(ref_total, cash)
            cash -= from_cash
            debt += ref_total - from_cash
        cum_it += fill_total + ref_total
        # 6. installs and retirements
        for step in range(2):
            s = t - lead if step == 0 else t - lead - life
            sign = 1.0 if step == 0 else -1.0
            if s >= 0:
                for p in range(P):
                    k = type_of_order[s, p]
                    kw_s = it_kw[k] if k >= 0 else 0.0
                    installed_kw[p] += sign * (orders_fill[s, p] * fill_kw[p] + orders_ref[s, p] * kw_s)
                    installed_k[fill_type[p]] += sign * orders_fill[s, p]
                    if k >= 0:
                        installed_k[k] += sign * orders_ref[s, p]
        for p in range(P):
            installed_kw[p] = max(installed_kw[p], 0.0)
        for k in range(K):
            installed_k[k] = max(installed_k[k], 0.0)

        # outputs
        for p in range(P):
            tmp[p] = power_mw[p] if online[p] else 0.0
        out[S_MW, t] = _npsum(tmp)
        for p in range(P):
            tmp[p] = it_cap_kw[p] if online[p] else 0.0
        out[S_ITMW, t] = _npsum(tmp) / 1000.0
        for p in range(P):
            tmp[p] = installed_kw[p] / 1000.0
        out[S_ITINST, t] = _npsum(tmp)
        out[S_ACC, t] = _npsum(installed_k)
        for k in range(K):
            tmp_k[k] = installed_k[k] * flops[k]
        out[S_FLOPS, t] = _npsum(tmp_k)
        out[S_H100E, t] = out[S_FLOPS, t] / H100_FLOPS
        out[S_PLEDGED, t] = pledged[t]
        out[S_SECURED, t] = secured[t]
        out[S_EQUITY, t] = equity[t]
        out[S_DEBT, t] = debt
        out[S_DEBTCAP, t] = debt_cap
        out[S_CASH, t] = cash
        out[S_COMMITTED, t] = _npsum(reserve_fac) + _npsum(reserve_it)
        out[S_FAC, t] = cum_fac
        out[S_FACPROG, t] = cum_fac_prog
        out[S_IT, t] = cum_it
        out[S_INTEREST, t] = cum_interest
        out[S_SPENT, t] = cum_fac_prog + cum_it + cum_interest
        out[S_GAP, t] = gap
        n_closed = 0
        n_started = 0
        n_online = 0
        for p in range(P):
            n_closed += closed[p]
            n_started += start_m[p] >= 0 and start_m[p] <= t
            n_online += online[p]
        out[S_CLOSED, t] = n_closed
        out[S_STARTED, t] = n_started
        out[S_ONLINE, t] = n_online
        for p in range(P):
            tmp[p] = installed_kw[p] / 1000.0 * util * pue[p] * hours[t]
        energy_t = _npsum(tmp)
        out[S_ENERGY, t] = energy_t
        out[S_ECOST, t] = energy_t * price_mwh
        for p in range(P):
            tmp[p] = tmp[p] * carbon[p]
        out[S_EMIS, t] = _npsum(tmp)
        for p in range(P):
            tmp[p] = installed_kw[p] / 1000.0
        out[S_OPEX, t] = out[S_ECOST, t] + _npsum(tmp) * opex_mw_year / 12
        for k in range(K):
            out_k[t, k] = installed_k[k]
    for p in range(P):
        # an external phase is built on plan, but counts as started only once its accelerators are funded
        out_start[p] = -1 if (external[p] and close_m[p] < 0) else start_m[p]


@njit(parallel=True, cache=True)
def _trials(
    out,
    out_k,
    out_start,
    year,
    hours,
    external,
    cap_phase,
    cap_type,
    power_mw,
    pue,
    planned,
    cmonths,
    power_at,
    capex_fac,
    carbon,
    type_of_order,
    fill_type,
    queue,
    it_kw,
    price,
    flops,
    pledged,
    secured,
    equity,
    equity_share,
    rate,
    limit,
    cap_per_year,
    lead,
    life,
    util,
    price_mwh,
    opex_mw_year,
):
    for n in prange(out.shape[0]):
        _trial(
            out[n],
            out_k[n],
            out_start[n],
            year,
            hours,
            external,
            cap_phase,
            cap_type,
            power_mw[n],
            pue[n],
            planned[n],
            cmonths[n],
            power_at[n],
            capex_fac[n],
            carbon[n],
            type_of_order[n % type_of_order.shape[0]],
            fill_type[n],
            queue[n],
            it_kw[n],
            price[n],
            flops[n],
            pledged[n],
            secured[n],
            equity[n],
            equity_share[n],
            rate[n],
            limit[n],
            cap_per_year[n],
            lead[n],
            life[n],
            util[n],
            price_mwh[n],
            opex_mw_year[n],
        )


def run_trials(inp: Inputs) -> dict[str, np.ndarray]:
    """Simulate every trial of ``inp`` (N trials). Returns ``series`` (N, S, T) in SERIES order, ``by_type``
    (N, T, K) and ``start_month`` (N, P), the same numbers as ``run_arrays`` gives trial by trial."""
    N, T, P, K = inp.trials, len(inp.months), inp.power_mw.shape[1], len(inp.types)
    out = np.empty((N, len(SERIES), T))  # every cell is written by the kernel
    out_k = np.empty((N, T, K))
    out_start = np.empty((N, P), np.int64)
    year = np.array([m.year for m in inp.months], np.int64)
    _trials(
        out,
        out_k,
        out_start,
        year,
        inp.hours,
        inp.external,
        inp.cap_phase,
        inp.cap_type,
        inp.power_mw,
        inp.pue,
        inp.planned_start.astype(np.int64),
        inp.construction_months,
        inp.power_available.astype(np.int64),
        inp.capex_facility_usd,
        inp.carbon_t_per_mwh,
        inp.type_of_order.astype(np.int64),
        inp.fill_type.astype(np.int64),
        inp.queue.astype(np.int64),
        np.nan_to_num(inp.it_kw, nan=np.inf),
        np.nan_to_num(inp.price_usd, nan=np.inf),
        np.nan_to_num(inp.bf16_flops),
        inp.pledged_cum_usd,
        inp.secured_cum_usd,
        inp.equity_cum_usd,
        inp.equity_share,
        inp.monthly_rate,
        inp.debt_limit_usd,
        inp.cap_per_year,
        inp.lead_months,
        inp.life_months,
        inp.utilization,
        inp.energy_price_usd_per_mwh,
        inp.other_opex_usd_per_mw_year,
    )
    return {"series": out, "by_type": out_k, "start_month": out_start}
