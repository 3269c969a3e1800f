"""The month loop: one trial of a build-out, month by month, as a sequence of named model steps.

This is the one implementation of the model's dynamics. It is plain Python over numpy arrays that numba compiles
unchanged (:mod:`gigawatt.engine.compiled`, for many trials); a single deterministic run interprets it as it is
(:func:`gigawatt.engine.result.simulate`), so the same source gives the same numbers either way (tested bit for bit).

Order of events inside a month (see docs/model.md for the equations):

1. equity arrives (secured first); debt capacity follows equity;
2. interest on debt outstanding is paid from uncommitted money;
3. phases whose planned start has come reach financial close in queue order while uncommitted money covers them;
   programme-financed phases start construction at close, externally financed ones on their planned date;
4. construction spends its committed money evenly over the build;
5. accelerators are ordered for halls that will be online when they arrive (lead time), within power headroom and
   supply caps: the first fill from the phase's committed money, refreshes from uncommitted money;
6. accelerators ordered ``lead`` months ago are installed; those past their lifetime are retired;
7. the month's series are recorded.

Inputs come as a :class:`Plan` (one trial's arrays: phases P, accelerator types K, supply caps C, months T) and the
state as a :class:`State`; both are NamedTuples of arrays, which numba passes as typed records.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from gigawatt.data.catalog import H100_BF16_DENSE_TFLOPS
from gigawatt.model import construction, energy, funding, procurement

H100_FLOPS = H100_BF16_DENSE_TFLOPS * 1e12  # one H100-equivalent [FLOP/s] (catalog, dense BF16)

# the series each month records, in the order of the rows of ``out``: name -> (unit, description)
SERIES = {
    "mw_online": ("MW", "facility power of the halls online"),
    "it_mw_online": ("MW", "IT power the halls online can feed (facility power / PUE)"),
    "it_mw_installed": ("MW", "all-in IT power of the accelerators installed"),
    "accelerators": ("count", "accelerators installed"),
    "h100e": ("H100-eq", "installed dense BF16 throughput / H100's 989 TFLOP/s"),
    "peak_bf16_flops": ("FLOP/s", "installed dense BF16 peak"),
    "pledged_usd": ("USD", "cumulative money due under the pledges"),
    "secured_usd": ("USD", "cumulative secured money due"),
    "equity_usd": ("USD", "cumulative equity received"),
    "debt_usd": ("USD", "debt outstanding"),
    "debt_capacity_usd": ("USD", "debt that may be outstanding"),
    "cash_usd": ("USD", "cash on hand (received, not spent)"),
    "committed_usd": ("USD", "money committed at financial close (facility + first fill), not yet spent"),
    "capex_facility_usd": ("USD", "cumulative facility capex, programme-paid and external"),
    "capex_facility_programme_usd": ("USD", "cumulative facility capex paid by the programme"),
    "capex_it_usd": ("USD", "cumulative accelerator capex (all-in)"),
    "interest_usd": ("USD", "cumulative interest paid"),
    "spent_usd": ("USD", "cumulative programme spending (facility + IT + interest)"),
    "funding_gap_usd": ("USD", "money due under the plan by this month that cannot be committed or paid"),
    "phases_closed": ("count", "phases that reached financial close"),
    "phases_started": ("count", "phases under construction or built"),
    "phases_online": ("count", "phases online"),
    "energy_mwh": ("MWh", "facility energy in the month"),
    "energy_cost_usd": ("USD", "energy cost in the month"),
    "emissions_t": ("t CO2", "emissions in the month"),
    "opex_usd": ("USD", "operating cost in the month: energy + other opex per MW of IT installed"),
}
(
    MW_ONLINE,
    IT_MW_ONLINE,
    IT_MW_INSTALLED,
    ACCELERATORS,
    H100E,
    PEAK_FLOPS,
    PLEDGED,
    SECURED,
    EQUITY,
    DEBT_OUT,
    DEBT_CAPACITY,
    CASH_OUT,
    COMMITTED,
    CAPEX_FACILITY,
    CAPEX_FACILITY_PROGRAMME,
    CAPEX_IT,
    INTEREST_OUT,
    SPENT,
    FUNDING_GAP,
    PHASES_CLOSED,
    PHASES_STARTED,
    PHASES_ONLINE,
    ENERGY,
    ENERGY_COST,
    EMISSIONS,
    OPEX,
) = range(len(SERIES))

# what the run sums up over its months, one row per trial: name -> (unit, description)
SUMMARY = {
    "energy_mwh_total": ("MWh", "facility energy over the horizon"),
    "energy_cost_usd_total": ("USD", "energy cost over the horizon"),
    "emissions_t_total": ("t CO2", "emissions over the horizon"),
    "opex_usd_total": ("USD", "operating cost over the horizon"),
    "funding_gap_max_usd": ("USD", "largest monthly funding gap"),
    "first_gw_month_index": ("month", "first month with a gigawatt of facility power online (-1: never)"),
}
ENERGY_TOTAL, ENERGY_COST_TOTAL, EMISSIONS_TOTAL, OPEX_TOTAL, GAP_MAX, FIRST_GW = range(len(SUMMARY))
GW_MW = 1000.0 - 1e-6  # a gigawatt online, allowing for rounding in sums of phases' power

# the running money totals of a trial, entries of ``State.ledger``
CASH, DEBT, FACILITY, FACILITY_PROGRAMME, IT, INTEREST, GAP, DEBT_CAP, COMMITTED_USD = range(9)
# the phases' totals that change only with an event (a close, a start, a hall online, an install), ``State.totals``
T_MW, T_IT_KW, T_ONLINE, T_STARTED, T_CLOSED, T_IT_MW_INSTALLED, T_DRAW_MW, T_EMISSIONS_T_PER_H = range(8)


class Plan(NamedTuple):
    """One trial's inputs (``gigawatt.engine.inputs`` builds them; with a leading trials axis, a batch of them)."""

    # phases (P,)
    power_mw: np.ndarray  # facility power [MW]
    pue: np.ndarray  # power usage effectiveness [-]
    it_capacity_kw: np.ndarray  # IT power the hall can feed [kW]
    planned: np.ndarray  # planned start [month index]
    build: np.ndarray  # construction months, rounded [months]
    spend: np.ndarray  # months over which facility capex is spent (build, at least 1) [months]
    power_at: np.ndarray  # month power is available [month index]
    external: np.ndarray  # facility financed outside the programme (bool)
    capex_facility: np.ndarray  # facility capex [USD]
    capex_programme: np.ndarray  # facility capex paid by the programme (0 if external) [USD]
    carbon: np.ndarray  # emissions intensity of the phase's power [t CO2/MWh]
    fill_type: np.ndarray  # type of the first fill [index into the types]
    fill_count: np.ndarray  # accelerators of the first fill (as many as fit) [count]
    close_cost: np.ndarray  # money committed at close: programme capex + first fill [USD]
    queue: np.ndarray  # phase indices in funding order
    # accelerator types (K,)
    it_kw: np.ndarray  # all-in IT power per accelerator [kW] (inf if unknown)
    price: np.ndarray  # all-in price [USD] (inf if unknown)
    flops: np.ndarray  # dense BF16 peak [FLOP/s] (0 if unknown)
    # months (T,)
    pledged: np.ndarray  # cumulative money due [USD]
    secured: np.ndarray  # cumulative secured money due [USD]
    equity: np.ndarray  # cumulative equity received [USD]
    hours: np.ndarray  # hours in the month [h]
    year: np.ndarray  # calendar year of the month
    order_type: np.ndarray  # (T, P) type a refresh ordered in month t gets (-1: none available)
    # supply caps (C, ...)
    cap_phase: np.ndarray  # (C, P) phases a cap covers (bool)
    cap_type: np.ndarray  # (C, K) types a cap covers (bool)
    cap_per_year: np.ndarray  # (C,) accelerators a cap allows per calendar year
    # scalars of the trial, shape (1,) each
    equity_share: np.ndarray  # equity's share of total funding [-]
    monthly_rate: np.ndarray  # interest per month [-]
    debt_limit: np.ndarray  # most debt [USD] (inf: none)
    lead: np.ndarray  # order-to-install lead time [months] (int)
    life: np.ndarray  # accelerator lifetime [months] (int)
    utilization: np.ndarray  # average IT load / installed IT power [-]
    energy_price: np.ndarray  # [USD/MWh]
    other_opex: np.ndarray  # [USD per MW of IT installed per year]


class State(NamedTuple):
    """A trial's state between months (arrays updated in place by the steps)."""

    ledger: np.ndarray  # (9,) money totals: CASH, DEBT, FACILITY, FACILITY_PROGRAMME, IT, INTEREST, GAP, DEBT_CAP,
    # COMMITTED_USD (the reserves' sum, recounted when a reserve changes)
    closed: np.ndarray  # (P,) reached financial close (bool)
    close_month: np.ndarray  # (P,) month of close (-1: not yet)
    start_month: np.ndarray  # (P,) construction start (-1: not yet)
    online_month: np.ndarray  # (P,) month the hall is built and powered (construction.NEVER: not started)
    reserved_facility: np.ndarray  # (P,) facility money committed, not yet spent [USD]
    reserved_it: np.ndarray  # (P,) first-fill money committed, not yet spent [USD]
    filled: np.ndarray  # (P,) first-fill accelerators ordered so far
    it_kw_due: np.ndarray  # (P,) IT power of the accelerators ordered and not retired by t + lead [kW]
    installed_kw: np.ndarray  # (P,) IT power installed [kW]
    installed: np.ndarray  # (K,) accelerators installed by type
    cap_used: np.ndarray  # (C,) accelerators ordered under each cap this calendar year
    fills: np.ndarray  # (T, P) first-fill accelerators ordered in month t
    refreshes: np.ndarray  # (T, P) refresh accelerators ordered in month t
    ordered: np.ndarray  # (T,) some accelerators were ordered in month t (bool): nothing to install from it if not
    changed: np.ndarray  # (1,) accelerators were installed or retired this month (bool)
    totals: np.ndarray  # (8,) the phases' totals of the last month with an event (T_MW ... T_EMISSIONS_T_PER_H)
    want: np.ndarray  # (P,) scratch: accelerators wanted this month
    headroom: np.ndarray  # (P,) scratch: IT power free for orders this month [kW]
    inside: np.ndarray  # (P,) scratch: orders a supply cap covers (bool)


def new_state(batch: Plan) -> State:
    """Room for one trial's state, sized for the trials of ``batch`` (each field with a leading rows axis).
    Allocated here, outside the loop, so the compiled loop allocates nothing (and counts no references); each
    trial starts with :func:`reset_state`."""
    P, K, C, T = batch.power_mw.shape[1], batch.it_kw.shape[1], batch.cap_per_year.shape[1], batch.hours.shape[1]
    return State(
        ledger=np.zeros(9),
        closed=np.zeros(P, np.bool_),
        close_month=np.zeros(P, np.int64),
        start_month=np.zeros(P, np.int64),
        online_month=np.zeros(P, np.int64),
        reserved_facility=np.zeros(P),
        reserved_it=np.zeros(P),
        filled=np.zeros(P),
        it_kw_due=np.zeros(P),
        installed_kw=np.zeros(P),
        installed=np.zeros(K),
        cap_used=np.zeros(C),
        fills=np.zeros((T, P)),  # written every month before it is read
        refreshes=np.zeros((T, P)),
        ordered=np.zeros(T, np.bool_),  # written every month before it is read
        changed=np.zeros(1, np.bool_),
        totals=np.zeros(8),
        want=np.zeros(P),
        headroom=np.zeros(P),
        inside=np.zeros(P, np.bool_),
    )


def reset_state(plan: Plan, st: State):
    """A trial's state before its first month: no money, nothing closed, built or installed; an externally
    financed phase starts on plan (and is online when built and powered)."""
    st.ledger[:] = 0.0
    st.totals[:] = 0.0
    st.installed[:] = 0.0
    st.cap_used[:] = 0.0
    for p in range(plan.power_mw.shape[0]):
        st.closed[p] = False
        st.close_month[p] = -1
        st.start_month[p] = plan.planned[p] if plan.external[p] else -1
        st.online_month[p] = construction.online_month(st.start_month[p], plan.build[p], plan.power_at[p])
        st.reserved_facility[p] = 0.0
        st.reserved_it[p] = 0.0
        st.filled[p] = 0.0
        st.it_kw_due[p] = 0.0
        st.installed_kw[p] = 0.0


def total(values):
    """Sum of a 1-D array, first to last."""
    s = 0.0
    for i in range(values.shape[0]):
        s += values[i]
    return s


def recount_committed(st: State):
    """Money committed at close and not yet spent [USD]: the sum of the reserves (after one changes)."""
    st.ledger[COMMITTED_USD] = total(st.reserved_facility) + total(st.reserved_it)


def uncommitted(st: State):
    """Money free for new commitments now [USD] (:func:`gigawatt.model.funding.uncommitted_usd`)."""
    led = st.ledger
    return funding.uncommitted_usd(led[CASH], led[DEBT], led[DEBT_CAP], led[COMMITTED_USD])


def spend(st: State, amount_usd):
    """Pay from cash, then debt (:func:`gigawatt.model.funding.pay`)."""
    led = st.ledger
    led[CASH], led[DEBT] = funding.pay(amount_usd, led[CASH], led[DEBT])


def money_step(t, plan: Plan, st: State):
    """Steps 1 and 2: equity in, debt capacity, interest paid from uncommitted money (the unpaid part is a gap)."""
    led = st.ledger
    led[CASH] += plan.equity[t] - (plan.equity[t - 1] if t > 0 else 0.0)
    led[DEBT_CAP] = funding.debt_capacity(plan.equity[t], plan.equity_share[0], plan.debt_limit[0])
    due = funding.interest_usd(led[DEBT], plan.monthly_rate[0])
    paid = min(due, uncommitted(st))
    spend(st, paid)
    led[INTEREST] += paid
    led[GAP] = due - paid


def close_step(t, plan: Plan, st: State):
    """Step 3: financial close in queue order; a closing phase commits its facility capex and first fill."""
    P = plan.power_mw.shape[0]
    if total(st.closed) == P:
        return
    st.ledger[GAP] += funding.close_in_queue(t, plan.queue, plan.planned, plan.close_cost, st.closed, uncommitted(st))
    closing = False
    for p in range(P):
        if st.closed[p] and st.close_month[p] < 0:  # closed this month
            st.close_month[p] = t
            if not plan.external[p]:
                st.start_month[p] = t
                st.online_month[p] = construction.online_month(t, plan.build[p], plan.power_at[p])
            st.reserved_facility[p] += plan.capex_programme[p]
            st.reserved_it[p] += plan.fill_count[p] * plan.price[plan.fill_type[p]]
            closing = True
    if closing:
        recount_committed(st)


def build_step(t, plan: Plan, st: State):
    """Step 4: construction outlays, the programme's paid from its reserve, external ones counted only."""
    programme, outside = construction.outlays_usd(
        t, st.start_month, plan.spend, plan.capex_programme, plan.capex_facility, plan.external, st.reserved_facility
    )
    spend(st, programme)
    if programme > 0.0:
        recount_committed(st)
    st.ledger[FACILITY_PROGRAMME] += programme
    st.ledger[FACILITY] += programme + outside


def ordering(t, plan: Plan, st: State):
    """Whether any order can happen: some closed hall online by the time orders arrive still fills, or some closed
    hall is old enough to refresh (then cohorts may also retire from the headroom this month)."""
    lead, life = plan.lead[0], plan.life[0]
    for p in range(plan.power_mw.shape[0]):
        if not st.closed[p]:
            continue
        if st.filled[p] < plan.fill_count[p] and st.online_month[p] <= t + lead:
            return True
        if t >= st.close_month[p] + life:
            return True
    return False


def cohort_kw(plan: Plan, st: State, s, p):
    """IT power of the accelerators phase ``p`` ordered in month ``s`` [kW]."""
    k = plan.order_type[s, p]
    refresh_kw = plan.it_kw[k] if k >= 0 else 0.0
    return st.fills[s, p] * plan.it_kw[plan.fill_type[p]] + st.refreshes[s, p] * refresh_kw


def headroom_step(t, plan: Plan, st: State):
    """IT power free for orders arriving at t + lead, in halls online by then [kW]; retires cohorts past life."""
    lead, life = plan.lead[0], plan.life[0]
    if t - life >= 0:
        for p in range(plan.power_mw.shape[0]):
            st.it_kw_due[p] -= cohort_kw(plan, st, t - life, p)
    for p in range(plan.power_mw.shape[0]):
        ready = st.online_month[p] <= t + lead
        st.headroom[p] = plan.it_capacity_kw[p] - st.it_kw_due[p] if ready else 0.0


def cut_by_caps(t, plan: Plan, st: State, refresh):
    """Limit this month's orders (``st.want``: first fills, or refreshes of the month's type) by every cap in turn
    (:func:`gigawatt.model.procurement.limit_by_cap`). Only the phases that want something are inside a cap's count:
    one that wants nothing would be granted nothing and ask nothing, so a cap no order falls under is skipped."""
    P = plan.power_mw.shape[0]
    for c in range(plan.cap_per_year.shape[0]):
        any_inside = False
        for p in range(P):
            k = plan.order_type[t, p] if refresh else plan.fill_type[p]
            st.inside[p] = st.want[p] > 0.0 and k >= 0 and plan.cap_phase[c, p] and plan.cap_type[c, k]
            any_inside = any_inside or st.inside[p]
        if any_inside:
            room = max(plan.cap_per_year[c] - st.cap_used[c], 0.0)
            procurement.limit_by_cap(st.want, st.inside, plan.queue, room)


def charge_caps(t, plan: Plan, st: State, refresh):
    """Count this month's orders against each cap that covers them. Called after every cap has cut the orders: a
    later cap may cut what an earlier one granted, and that part, not ordered, leaves the earlier cap's room to other
    orders. (Each cap adds its phases' orders in phase order, as a loop over caps then phases would.)"""
    for p in range(plan.power_mw.shape[0]):
        k = plan.order_type[t, p] if refresh else plan.fill_type[p]
        if st.want[p] == 0.0 or k < 0:
            continue
        for c in range(plan.cap_per_year.shape[0]):
            if plan.cap_phase[c, p] and plan.cap_type[c, k]:
                st.cap_used[c] += st.want[p]


def fill_step(t, plan: Plan, st: State):
    """Step 5a: first fills, as many as fit and the caps allow, paid from the money committed at close."""
    P = plan.power_mw.shape[0]
    for p in range(P):
        st.want[p] = 0.0
        if st.closed[p] and st.filled[p] < plan.fill_count[p] and st.headroom[p] > 0.0:
            fit = procurement.accelerators_that_fit(st.headroom[p], plan.it_kw[plan.fill_type[p]])
            st.want[p] = min(fit, plan.fill_count[p] - st.filled[p])
    cut_by_caps(t, plan, st, False)
    charge_caps(t, plan, st, False)
    paid = 0.0
    for p in range(P):
        st.fills[t, p] = st.want[p]
        if st.want[p] == 0.0:
            continue
        kw = plan.it_kw[plan.fill_type[p]]
        cost = st.want[p] * plan.price[plan.fill_type[p]]
        st.reserved_it[p] = max(st.reserved_it[p] - cost, 0.0)
        paid += cost
        st.filled[p] += st.want[p]
        st.it_kw_due[p] += st.want[p] * kw
        st.headroom[p] -= st.want[p] * kw
    spend(st, paid)
    if paid > 0.0:
        recount_committed(st)
    st.ledger[IT] += paid


def refresh_step(t, plan: Plan, st: State):
    """Step 5b: refreshes of filled halls past one lifetime since close, from uncommitted money, in queue order."""
    P, life = plan.power_mw.shape[0], plan.life[0]
    any_wanted = False
    for p in range(P):
        k = plan.order_type[t, p]
        st.want[p] = 0.0
        if st.closed[p] and st.filled[p] >= plan.fill_count[p] and t >= st.close_month[p] + life and k >= 0:
            st.want[p] = procurement.accelerators_that_fit(st.headroom[p], plan.it_kw[k])
            any_wanted = any_wanted or st.want[p] > 0.0
    if not any_wanted:
        for p in range(P):
            st.refreshes[t, p] = 0.0
        return
    cut_by_caps(t, plan, st, True)
    paid, short = procurement.buy_in_order(st.want, plan.order_type[t], plan.price, plan.queue, uncommitted(st))
    charge_caps(t, plan, st, True)
    for p in range(P):
        st.refreshes[t, p] = st.want[p]
        if st.want[p] > 0.0:
            st.it_kw_due[p] += st.want[p] * plan.it_kw[plan.order_type[t, p]]
    st.ledger[GAP] += short
    spend(st, paid)
    st.ledger[IT] += paid


def order_step(t, plan: Plan, st: State):
    """Step 5: orders for halls online by the time they arrive (nothing to do while no hall can order)."""
    if t > 0 and plan.year[t] != plan.year[t - 1]:
        st.cap_used[:] = 0.0  # caps are per calendar year
    st.ordered[t] = False
    if not ordering(t, plan, st):
        for p in range(plan.power_mw.shape[0]):
            st.fills[t, p] = 0.0
            st.refreshes[t, p] = 0.0
        return
    headroom_step(t, plan, st)
    fill_step(t, plan, st)
    refresh_step(t, plan, st)
    for p in range(plan.power_mw.shape[0]):
        if st.fills[t, p] > 0.0 or st.refreshes[t, p] > 0.0:
            st.ordered[t] = True


def install_step(t, plan: Plan, st: State):
    """Step 6: orders placed ``lead`` months ago are installed; those installed ``life`` months ago retire."""
    lead, life = plan.lead[0], plan.life[0]
    st.changed[0] = False
    for s, sign in ((t - lead, 1.0), (t - lead - life, -1.0)):
        if s < 0 or not st.ordered[s]:
            continue
        st.changed[0] = True
        for p in range(plan.power_mw.shape[0]):
            st.installed_kw[p] = max(st.installed_kw[p] + sign * cohort_kw(plan, st, s, p), 0.0)
            st.installed[plan.fill_type[p]] += sign * st.fills[s, p]
            k = plan.order_type[s, p]
            if k >= 0:
                st.installed[k] += sign * st.refreshes[s, p]
    for k in range(st.installed.shape[0]):
        st.installed[k] = max(st.installed[k], 0.0)


def event(t, st: State):
    """Whether a phase closed, started or came online this month (its totals change)."""
    for p in range(st.start_month.shape[0]):
        if st.close_month[p] == t or st.start_month[p] == t or st.online_month[p] == t:
            return True
    return False


def phase_totals(t, plan: Plan, st: State):
    """The phases' totals in month ``t``: power and halls online, phases started and closed, IT power installed,
    and the facility's draw and emissions per hour (energy and emissions are these times the month's hours)."""
    tot = st.totals
    tot[:] = 0.0
    for p in range(plan.power_mw.shape[0]):
        if st.online_month[p] <= t:
            tot[T_MW] += plan.power_mw[p]
            tot[T_IT_KW] += plan.it_capacity_kw[p]
            tot[T_ONLINE] += 1.0
        tot[T_STARTED] += 1.0 if 0 <= st.start_month[p] <= t else 0.0
        tot[T_CLOSED] += 1.0 if st.closed[p] else 0.0
        if st.installed_kw[p] > 0.0:  # (0 MW installed: no energy, no emissions)
            installed_mw = st.installed_kw[p] / 1000.0
            draw_mw = energy.energy_mwh(installed_mw, plan.utilization[0], plan.pue[p], 1.0)  # MWh in one hour
            tot[T_IT_MW_INSTALLED] += installed_mw
            tot[T_DRAW_MW] += draw_mw
            tot[T_EMISSIONS_T_PER_H] += energy.emissions_t(draw_mw, plan.carbon[p])


def record_step(t, plan: Plan, st: State, out, by_type):
    """Step 7: the month's series (``out[t]``, in SERIES order) and accelerators by type (``by_type[t]``)."""
    led, tot = st.ledger, st.totals
    if t == 0 or st.changed[0] or event(t, st):
        phase_totals(t, plan, st)
    energy_mwh = tot[T_DRAW_MW] * plan.hours[t]
    emissions = tot[T_EMISSIONS_T_PER_H] * plan.hours[t]
    mw, it_mw, it_installed_mw = tot[T_MW], tot[T_IT_KW], tot[T_IT_MW_INSTALLED]
    online, started, closed = tot[T_ONLINE], tot[T_STARTED], tot[T_CLOSED]
    if t == 0 or st.changed[0]:
        flops = count = 0.0
        for k in range(st.installed.shape[0]):
            count += st.installed[k]
            flops += st.installed[k] * plan.flops[k]
    else:  # nothing installed or retired: last month's sums
        count, flops = out[t - 1, ACCELERATORS], out[t - 1, PEAK_FLOPS]
    for k in range(st.installed.shape[0]):
        by_type[t, k] = st.installed[k]
    cost = energy.energy_cost_usd(energy_mwh, plan.energy_price[0])
    out[t, MW_ONLINE] = mw
    out[t, IT_MW_ONLINE] = it_mw / 1000.0
    out[t, IT_MW_INSTALLED] = it_installed_mw
    out[t, ACCELERATORS] = count
    out[t, H100E] = flops / H100_FLOPS
    out[t, PEAK_FLOPS] = flops
    out[t, PLEDGED] = plan.pledged[t]
    out[t, SECURED] = plan.secured[t]
    out[t, EQUITY] = plan.equity[t]
    out[t, DEBT_OUT] = led[DEBT]
    out[t, DEBT_CAPACITY] = led[DEBT_CAP]
    out[t, CASH_OUT] = led[CASH]
    out[t, COMMITTED] = led[COMMITTED_USD]
    out[t, CAPEX_FACILITY] = led[FACILITY]
    out[t, CAPEX_FACILITY_PROGRAMME] = led[FACILITY_PROGRAMME]
    out[t, CAPEX_IT] = led[IT]
    out[t, INTEREST_OUT] = led[INTEREST]
    out[t, SPENT] = led[FACILITY_PROGRAMME] + led[IT] + led[INTEREST]
    out[t, FUNDING_GAP] = led[GAP]
    out[t, PHASES_CLOSED] = closed
    out[t, PHASES_STARTED] = started
    out[t, PHASES_ONLINE] = online
    out[t, ENERGY] = energy_mwh
    out[t, ENERGY_COST] = cost
    out[t, EMISSIONS] = emissions
    out[t, OPEX] = cost + energy.other_opex_usd(it_installed_mw, plan.other_opex[0])


def summarize(out, summary):
    """A trial's totals over its months (``summary``, in SUMMARY order) from its series ``out`` (T, S): sums
    month by month, the largest gap, the first month with a gigawatt online."""
    summary[:] = 0.0
    summary[FIRST_GW] = -1.0
    for t in range(out.shape[0]):
        summary[ENERGY_TOTAL] += out[t, ENERGY]
        summary[ENERGY_COST_TOTAL] += out[t, ENERGY_COST]
        summary[EMISSIONS_TOTAL] += out[t, EMISSIONS]
        summary[OPEX_TOTAL] += out[t, OPEX]
        summary[GAP_MAX] = out[t, FUNDING_GAP] if t == 0 else max(summary[GAP_MAX], out[t, FUNDING_GAP])
        if summary[FIRST_GW] < 0 and out[t, MW_ONLINE] >= GW_MW:
            summary[FIRST_GW] = t


def run_trial(plan: Plan, st: State, out, by_type, start_month, summary):
    """Step one trial through every month, in the state ``st`` (:func:`new_state`): ``out`` (T, S) series,
    ``by_type`` (T, K) accelerators installed by type, ``start_month`` (P,) the month each phase started (-1:
    never; an external phase counts as started only once its accelerators are funded), ``summary`` its totals
    (:func:`summarize`)."""
    reset_state(plan, st)
    for t in range(plan.hours.shape[0]):
        money_step(t, plan, st)
        close_step(t, plan, st)
        build_step(t, plan, st)
        order_step(t, plan, st)
        install_step(t, plan, st)
        record_step(t, plan, st, out, by_type)
    for p in range(plan.power_mw.shape[0]):
        funded = not plan.external[p] or st.close_month[p] >= 0
        start_month[p] = st.start_month[p] if funded else -1
    summarize(out, summary)


def trial_of(batch: Plan, n) -> Plan:
    """Trial ``n`` of a batch: row ``n`` of each field with N rows, the only row of a field the same for every
    trial."""
    b = batch

    def row(values):
        return values[n % values.shape[0]]

    return Plan(
        row(b.power_mw), row(b.pue), row(b.it_capacity_kw), row(b.planned), row(b.build), row(b.spend),
        row(b.power_at), row(b.external), row(b.capex_facility), row(b.capex_programme), row(b.carbon),
        row(b.fill_type), row(b.fill_count), row(b.close_cost), row(b.queue), row(b.it_kw), row(b.price),
        row(b.flops), row(b.pledged), row(b.secured), row(b.equity), row(b.hours), row(b.year),
        row(b.order_type), row(b.cap_phase), row(b.cap_type), row(b.cap_per_year), row(b.equity_share),
        row(b.monthly_rate), row(b.debt_limit), row(b.lead), row(b.life), row(b.utilization),
        row(b.energy_price), row(b.other_opex),
    )  # fmt: skip


def run_trials(batch: Plan, st: State, out, by_type, start_month, summary, first, stop):
    """Trials ``first`` to ``stop - 1`` of a batch, one after another in the state ``st`` (:func:`new_state`):
    ``out`` (N, T, S), ``by_type`` (N, T, K), or (1, T, K) scratch where the caller reads no counts by type,
    ``start_month`` (N, P), ``summary`` (N, len(SUMMARY))."""
    for n in range(first, stop):
        run_trial(trial_of(batch, n), st, out[n], by_type[n % by_type.shape[0]], start_month[n], summary[n])
