"""The orchestrator: a scenario in, a month-by-month result out.

``compile_inputs`` turns a validated :class:`~gigawatt.data.scenario.Scenario` into arrays (phases on the last axis);
``run_arrays`` steps through the months with every state array shaped ``(trials, phases)``, so the same code runs
one deterministic trial or many Monte Carlo trials; ``simulate`` wraps both and returns a :class:`Result`.

Funding policy: each phase is a project that reaches *financial close* when the money not yet committed covers
its facility capex and the accelerators that first fill it; phases close first come first served in the order of
their planned start (a queue: a phase waiting for money holds back those planned after it). Closing commits that
money; construction and the first fill then draw on it. Refreshing accelerators after their lifetime is paid from
money left uncommitted. With costs fixed at close and a queue in a fixed order, more money never closes a phase later.

Order of events inside a month (see docs/model.md for the equations):

1. equity arrives (secured first); debt capacity follows equity;
2. interest on debt outstanding is paid from uncommitted money;
3. phases whose planned start has come reach financial close in queue order while uncommitted money covers them;
   programme-financed phases start construction at close, externally financed ones on their planned date;
4. construction spends its committed money evenly over the build;
5. accelerators are ordered for halls that will be online when they arrive (lead time), within power headroom
   and supply caps: the first fill from the phase's committed money, refreshes from uncommitted money;
6. accelerators ordered ``lead_time`` months ago are installed; those past their lifetime are retired.
"""

from __future__ import annotations

import calendar
import dataclasses

import numpy as np

from gigawatt.data.catalog import H100_BF16_DENSE_TFLOPS, Accelerator, catalog
from gigawatt.data.scenario import Scenario
from gigawatt.errors import GigawattError
from gigawatt.model import construction, energy, funding, procurement
from gigawatt.units import add_months, month_index

H100_FLOPS = H100_BF16_DENSE_TFLOPS * 1e12


@dataclasses.dataclass
class Inputs:
    """A scenario as arrays, for N trials. Shapes: N trials, P phases, K accelerator types, C supply caps, T months.

    With no uncertain inputs N is 1; ``trial(i)`` gives one trial's arrays with the N axis dropped.
    """

    months: list  # datetime.date of each month, length T
    phase_labels: list[str]
    site_of_phase: list[str]
    types: list[Accelerator]
    external: np.ndarray  # (P,) bool
    cap_phase: np.ndarray  # (C, P) bool
    cap_type: np.ndarray  # (C, K) bool
    cap_names: list[str]
    hours: np.ndarray  # (T,)
    # per trial
    power_mw: np.ndarray  # (N, P)
    pue: np.ndarray  # (N, P)
    planned_start: np.ndarray  # (N, P) int month index
    construction_months: np.ndarray  # (N, P)
    power_available: np.ndarray  # (N, P) int month index
    capex_facility_usd: np.ndarray  # (N, P)
    carbon_t_per_mwh: np.ndarray  # (N, P)
    type_of_order: np.ndarray  # (N or 1, T, P) type of a refresh order placed in month t, -1 if none available
    fill_type: np.ndarray  # (N, P) type of the first fill (for "newest": newest at the planned order month)
    queue: np.ndarray  # (N, P) phase indices in funding order (planned start, then listing order)
    it_kw: np.ndarray  # (N, K)
    price_usd: np.ndarray  # (N, K)
    bf16_flops: np.ndarray  # (N, K)
    pledged_cum_usd: np.ndarray  # (N, T)
    secured_cum_usd: np.ndarray  # (N, T)
    equity_cum_usd: np.ndarray  # (N, T)
    equity_share: np.ndarray  # (N,)
    monthly_rate: np.ndarray  # (N,)
    debt_limit_usd: np.ndarray  # (N,)
    cap_per_year: np.ndarray  # (N, C)
    lead_months: np.ndarray  # (N,) int
    life_months: np.ndarray  # (N,) int
    utilization: np.ndarray  # (N,)
    energy_price_usd_per_mwh: np.ndarray  # (N,)
    other_opex_usd_per_mw_year: np.ndarray  # (N,)
    training: np.ndarray  # (N, 5): window days, checkpoint write h, restart h, MFU, max share

    PER_TRIAL = (
        "power_mw",
        "pue",
        "planned_start",
        "construction_months",
        "power_available",
        "capex_facility_usd",
        "carbon_t_per_mwh",
        "type_of_order",
        "fill_type",
        "queue",
        "it_kw",
        "price_usd",
        "bf16_flops",
        "pledged_cum_usd",
        "secured_cum_usd",
        "equity_cum_usd",
        "equity_share",
        "monthly_rate",
        "debt_limit_usd",
        "cap_per_year",
        "lead_months",
        "life_months",
        "utilization",
        "energy_price_usd_per_mwh",
        "other_opex_usd_per_mw_year",
        "training",
    )

    @property
    def trials(self) -> int:
        return len(self.equity_share)

    def subset(self, i: int) -> Inputs:
        """Trial ``i`` alone, keeping the trials axis (size 1)."""

        def pick(a):
            return a[i : i + 1] if len(a) > 1 else a[:1]

        return dataclasses.replace(self, **{k: pick(getattr(self, k)) for k in self.PER_TRIAL})

    def trial(self, i: int) -> Inputs:
        """One trial's inputs, the N axis dropped (scalars for per-trial scalars)."""

        def pick(a):
            return a[i] if len(a) > 1 else a[0]

        return dataclasses.replace(self, **{k: pick(getattr(self, k)) for k in self.PER_TRIAL})


def resolve_accelerator(acc: Accelerator, scenario: Scenario) -> Accelerator:
    """The catalog entry with the scenario's ``accelerator_overrides`` applied."""
    over = {k.lower(): v for k, v in scenario.accelerator_overrides.items()}.get(acc.name)
    if over is None:
        return acc
    changes = {k: v for k, v in over.model_dump(exclude_none=True).items()}
    return dataclasses.replace(acc, **changes)


def compile_inputs(s: Scenario, values: dict | None = None, trials: int = 1) -> Inputs:
    """Turn a validated scenario into the arrays the engine steps through.

    ``values`` maps uncertain field paths (``s.distributions``) to one sampled value per trial (months as month
    indices, accelerators as names); every other field takes the scenario's value in all ``trials``.
    """
    values = values or {}
    N = trials
    T = round(s.programme.horizon_months)
    start = s.programme.start
    months = [add_months(start, t) for t in range(T)]
    cat = {name: resolve_accelerator(acc, s) for name, acc in catalog().items()}
    names = list(cat)
    K = len(names)
    fv = {i: month_index(cat[n].first_volume, start) for i, n in enumerate(names)}

    def num(path, default):
        if path in values:
            return np.broadcast_to(np.asarray(values[path], dtype=float), (N,)).copy()
        return np.full(N, np.nan if default is None else float(default))

    def month(path, default):
        if path in values:
            return np.rint(np.broadcast_to(np.asarray(values[path], dtype=float), (N,))).astype(np.int64)
        return np.full(N, month_index(default, start) if default is not None else 0, dtype=np.int64)

    rows = [(i, j, site, ph) for i, site in enumerate(s.sites) for j, ph in enumerate(site.phases)]
    P = len(rows)
    here = [f"sites[{i}].phases[{j}]" for i, j, _, _ in rows]

    def per_phase(fn):
        return np.stack([fn(h, site, ph) for h, (_, _, site, ph) in zip(here, rows, strict=True)], axis=-1)

    glob_pue = num("operations.pue", s.operations.pue)
    pue = per_phase(lambda h, site, ph: num(f"{h}.pue", ph.pue) if ph.pue else glob_pue)
    power_mw = per_phase(lambda h, site, ph: num(f"{h}.power_mw", ph.power_mw))
    planned = per_phase(lambda h, site, ph: month(f"{h}.start", ph.start))
    slip = num("risks.construction_slip", s.risks.construction_slip)[:, None]
    construction_months = per_phase(lambda h, site, ph: num(f"{h}.construction_months", ph.construction_months))
    construction_months = construction_months * slip
    build = np.rint(construction_months).astype(np.int64)
    power_delay = np.rint(num("risks.power_delay_months", s.risks.power_delay_months)).astype(np.int64)[:, None]
    power_at = per_phase(lambda h, site, ph: month(f"{h}.power.available", ph.power.available)) + power_delay
    lead = np.rint(num("procurement.lead_time_months", s.procurement.lead_time_months)).astype(np.int64)

    # accelerator types: refresh type by order month, and the fixed type of the first fill
    it_kw = np.stack([num(f"accelerator_overrides.{n}.it_power_w", cat[n].it_power_w) / 1000.0 for n in names], -1)
    price = np.stack([num(f"accelerator_overrides.{n}.price_usd", cat[n].price_usd) for n in names], -1)
    price = price * num("risks.accelerator_price", s.risks.accelerator_price)[:, None]
    flops = np.stack(
        [num(f"accelerator_overrides.{n}.bf16_dense_tflops", cat[n].bf16_dense_tflops) * 1e12 for n in names], -1
    )
    by_choice: dict[str, np.ndarray] = {}

    def types_for(choice: str, where: str) -> np.ndarray:
        choice = choice.strip().lower()
        if choice not in by_choice:
            col = np.full(T, -1, dtype=np.int64)
            if choice.startswith("newest"):
                vendor = choice.partition(":")[2]
                cands = [
                    i
                    for i, n in enumerate(names)
                    if (not vendor or cat[n].vendor == vendor)
                    and cat[n].it_power_w is not None
                    and cat[n].price_usd is not None
                ]
                for t in range(T):
                    col[t] = procurement.newest_available(fv, cands, t)
            else:
                cat[choice].require("it_power_w", where)
                cat[choice].require("price_usd", where)
                col[:] = names.index(choice)
            by_choice[choice] = col
        return by_choice[choice]

    # one (T, P) table shared by all trials unless an accelerator choice is uncertain
    varies = any(f"{h}.accelerator" in values for h in here)
    type_of_order = np.empty((N if varies else 1, T, P), dtype=np.int64)
    for p, (h, (_, _, _, ph)) in enumerate(zip(here, rows, strict=True)):
        where = f"{h}.accelerator"
        if where in values:
            chosen = np.broadcast_to(np.asarray(values[where], dtype=object), (N,))
            for choice in set(chosen):
                type_of_order[np.asarray(chosen == choice), :, p] = types_for(str(choice), where)
        else:
            type_of_order[:, :, p] = types_for(ph.accelerator, where)
    fill_month = np.clip(np.maximum(planned + build, power_at) - lead[:, None], 0, T - 1)
    full = np.broadcast_to(type_of_order, (N, T, P))
    fill_type = np.take_along_axis(full, fill_month[:, None, :], axis=1)[:, 0, :]
    bad = np.argwhere(fill_type < 0)
    if len(bad):
        n, p = bad[0]
        ph = rows[p][3]
        raise GigawattError(
            f"{here[p]}.accelerator: no accelerator matching {ph.accelerator!r} with a published power and price is "
            f"available by {add_months(start, int(fill_month[n, p])):%Y-%m}; name one from `gigawatt catalog` or "
            "give its numbers in accelerator_overrides"
        )

    pledged = np.zeros((N, T))
    secured = np.zeros((N, T))
    equity = np.zeros((N, T))
    f_all = num("funding.announced_arrival", s.funding.announced_arrival)
    delay = num("funding.announced_delay_months", s.funding.announced_delay_months)
    for a, partner in enumerate(s.partners):
        f = (
            f_all
            if partner.announced_arrival is None
            else num(f"partners[{a}].announced_arrival", partner.announced_arrival)
        )
        for b, pl in enumerate(partner.pledges):
            h = f"partners[{a}].pledges[{b}]"
            due = funding.pledge_due_cumulative(
                num(f"{h}.amount_usd", pl.amount_usd)[:, None],
                num(f"{h}.upfront_fraction", pl.upfront_fraction)[:, None],
                month(f"{h}.start", pl.start)[:, None],
                num(f"{h}.months", pl.months)[:, None],
                T,
            )
            sec = num(f"{h}.secured_usd", pl.secured_usd)[:, None]
            pledged += due
            secured += np.minimum(due, sec)
            equity += funding.received_cumulative(due, sec, f[:, None], delay[:, None])

    C = len(s.supply_caps)
    cap_phase = np.zeros((C, P), dtype=bool)
    cap_type = np.zeros((C, K), dtype=bool)
    for c, cap in enumerate(s.supply_caps):
        for p, (_, _, site, _) in enumerate(rows):
            cap_phase[c, p] = (cap.sites is None or site.name in cap.sites) and (
                cap.countries is None or site.country in cap.countries
            )
        for k, n in enumerate(names):
            cap_type[c, k] = cap.accelerators is None or n in [a.lower() for a in cap.accelerators]
    cap_per_year = (
        np.stack(
            [
                num(f"supply_caps[{c}].per_year", cap.per_year) * num(f"supply_caps[{c}].share", cap.share)
                for c, cap in enumerate(s.supply_caps)
            ],
            -1,
        )
        if C
        else np.zeros((N, 0))
    )

    capex_per_mw = per_phase(lambda h, site, ph: num(f"{h}.capex_per_mw_usd", ph.capex_per_mw_usd))
    power_capex = per_phase(lambda h, site, ph: num(f"{h}.power.capex_per_mw_usd", ph.power.capex_per_mw_usd))
    limit = num("financing.debt_limit_usd", s.financing.debt_limit_usd)
    order = np.lexsort((np.broadcast_to(np.arange(P), (N, P)), planned), axis=-1)
    return Inputs(
        months=months,
        phase_labels=[f"{site.name}/{ph.name}" for _, _, site, ph in rows],
        site_of_phase=[site.name for _, _, site, _ in rows],
        types=[cat[n] for n in names],
        external=np.array([site.facility_financing == "external" for _, _, site, _ in rows]),
        cap_phase=cap_phase,
        cap_type=cap_type,
        cap_names=[cap.name for cap in s.supply_caps],
        hours=np.array([24.0 * calendar.monthrange(m.year, m.month)[1] for m in months]),
        power_mw=power_mw,
        pue=pue,
        planned_start=planned,
        construction_months=construction_months,
        power_available=power_at,
        capex_facility_usd=construction.facility_capex_usd(power_mw, pue, capex_per_mw, power_capex)
        * num("risks.cost_overrun", s.risks.cost_overrun)[:, None],
        carbon_t_per_mwh=per_phase(lambda h, site, ph: num(f"{h}.power.carbon_t_per_mwh", ph.power.carbon_t_per_mwh)),
        type_of_order=type_of_order,
        fill_type=fill_type,
        queue=order,
        it_kw=it_kw,
        price_usd=price,
        bf16_flops=flops,
        pledged_cum_usd=pledged,
        secured_cum_usd=secured,
        equity_cum_usd=equity,
        equity_share=num("financing.equity_share", s.financing.equity_share),
        monthly_rate=funding.monthly_rate(num("financing.interest_rate", s.financing.interest_rate)),
        debt_limit_usd=np.where(np.isnan(limit), np.inf, limit),
        cap_per_year=cap_per_year,
        lead_months=lead,
        life_months=np.maximum(1, np.rint(num("operations.lifetime_months", s.operations.lifetime_months))).astype(
            np.int64
        ),
        utilization=num("operations.utilization", s.operations.utilization),
        energy_price_usd_per_mwh=num("operations.energy_price_usd_per_mwh", s.operations.energy_price_usd_per_mwh),
        other_opex_usd_per_mw_year=num(
            "operations.other_opex_usd_per_mw_year", s.operations.other_opex_usd_per_mw_year
        ),
        training=np.stack(
            [
                num("training.window_days", s.training.window_days),
                num("training.checkpoint_write_minutes", s.training.checkpoint_write_minutes) / 60.0,
                num("training.restart_minutes", s.training.restart_minutes) / 60.0,
                num("training.mfu", s.training.mfu),
                num("training.max_share", s.training.max_share),
            ],
            axis=-1,
        ),
    )


SERIES = {
    # name: (unit, description)
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


def run_arrays(inp: Inputs, trials: int = 1) -> dict[str, np.ndarray]:
    """Step the model through the months. Returns series shaped (trials, T) and per-type counts (trials, T, K).

    Every quantity is computed for all trials and phases at once; the loop runs over months only.
    """
    if inp.trials != 1:
        raise ValueError("run_arrays steps one trial's inputs; use gigawatt.engine.montecarlo for many")
    inp = inp.trial(0)
    N, T, P, K = trials, len(inp.months), len(inp.power_mw), len(inp.types)
    lead, life = int(inp.lead_months), int(inp.life_months)
    it_cap_kw = construction.it_power_mw(inp.power_mw, inp.pue) * 1000.0  # (P,)
    prog_capex = np.where(inp.external, 0.0, inp.capex_facility_usd)  # (P,)
    build = np.rint(inp.construction_months).astype(int)
    spend_months = np.maximum(build, 1)
    # first fill: a fixed type, count and cost per phase
    fill_kw = inp.it_kw[inp.fill_type]
    fill_price = inp.price_usd[inp.fill_type]
    n_fill = procurement.accelerators_that_fit(it_cap_kw, fill_kw)
    close_cost = prog_capex + n_fill * fill_price  # (P,)
    fill_onehot = np.zeros((P, K))
    fill_onehot[np.arange(P), inp.fill_type] = 1.0
    # refresh orders: the type of the month
    has_type = inp.type_of_order >= 0
    safe_type = np.maximum(inp.type_of_order, 0)
    ref_price = np.where(has_type, inp.price_usd[safe_type], np.inf)  # (T, P)
    ref_kw = np.where(has_type, inp.it_kw[safe_type], np.inf)
    ref_onehot = np.zeros((T, P, K))
    tt, pp = np.nonzero(has_type)
    ref_onehot[tt, pp, inp.type_of_order[tt, pp]] = 1.0
    flops_k = np.nan_to_num(inp.bf16_flops)
    queue = inp.queue
    unqueue = np.argsort(queue)
    C = len(inp.cap_names)
    cap_fill = np.array([inp.cap_phase[c] & (fill_onehot @ inp.cap_type[c] > 0) for c in range(C)]).reshape(C, P)

    cash = np.zeros(N)
    debt = np.zeros(N)
    equity_prev = 0.0
    closed = np.zeros((N, P), dtype=bool)
    close_m = np.full((N, P), -1)
    start_m = np.where(inp.external, inp.planned_start, -1)[None, :].repeat(N, 0)
    reserve_fac = np.zeros((N, P))
    reserve_it = np.zeros((N, P))
    filled = np.zeros((N, P))  # first-fill accelerators ordered so far
    orders_fill = np.zeros((T, N, P))
    orders_ref = np.zeros((T, N, P))
    power_future_kw = np.zeros((N, P))  # IT kW of cohorts active at t + lead
    installed_kw = np.zeros((N, P))
    installed_k = np.zeros((N, K))
    cap_used = np.zeros((N, C))
    year_prev = None
    cum = {k: np.zeros(N) for k in ("fac", "fac_prog", "it", "interest")}
    out = {name: np.zeros((N, T)) for name in SERIES}
    out_k = np.zeros((N, T, K))

    def pay(amount):
        """Pay from cash first, then by drawing debt; callers never ask for more than is available."""
        nonlocal cash, debt
        from_cash = np.minimum(amount, cash)
        cash = cash - from_cash
        debt = debt + (amount - from_cash)

    def uncommitted(debt_cap):
        return np.maximum(cash + np.maximum(debt_cap - debt, 0.0) - reserve_fac.sum(-1) - reserve_it.sum(-1), 0.0)

    def apply_caps(want, in_cap):
        """Limit ``want`` (N, P) by each supply cap's room this year, phases in queue order."""
        for c in range(C):
            room = np.maximum(inp.cap_per_year[c] - cap_used[:, c], 0.0)
            wq = np.where(in_cap[c], want, 0.0)[:, queue]
            got = np.floor(procurement.allocate_in_order(wq, room)[:, unqueue] + 1e-9)
            want = np.where(in_cap[c], got, want)
        return want

    def use_caps(bought, in_cap):
        for c in range(C):
            cap_used[:, c] += (bought * in_cap[c]).sum(-1)

    for t in range(T):
        m = inp.months[t]
        if m.year != year_prev:
            cap_used[:] = 0.0
            year_prev = m.year
        # 1. money in
        cash = cash + (inp.equity_cum_usd[t] - equity_prev)
        equity_prev = inp.equity_cum_usd[t]
        debt_cap = funding.debt_capacity(inp.equity_cum_usd[t], inp.equity_share, inp.debt_limit_usd)
        # 2. interest, from uncommitted money
        interest_due = debt * inp.monthly_rate
        interest_paid = np.minimum(interest_due, uncommitted(debt_cap))
        pay(interest_paid)
        cum["interest"] += interest_paid
        gap = interest_due - interest_paid
        # 3. financial close, first come first served in queue order
        due = ~closed & (inp.planned_start <= t)
        cost_q = np.where(closed, 0.0, np.where(due, close_cost, np.inf))[:, queue]
        go = due & procurement.fits_in_order(np.minimum(cost_q, 1e300), uncommitted(debt_cap))[:, unqueue]
        closed |= go
        close_m = np.where(go, t, close_m)
        start_m = np.where(go & ~inp.external, t, start_m)
        reserve_fac += np.where(go, prog_capex, 0.0)
        reserve_it += np.where(go, n_fill * fill_price, 0.0)
        gap = gap + np.where(due & ~go, close_cost, 0.0).sum(-1)
        # 4. construction, spending evenly over the build
        building = (start_m >= 0) & (t >= start_m) & (t < start_m + spend_months)
        last = building & (t == start_m + spend_months - 1)
        outlay = np.where(building & ~inp.external, np.minimum(prog_capex / spend_months, reserve_fac), 0.0)
        outlay = np.where(last & ~inp.external, reserve_fac, outlay)
        reserve_fac -= outlay
        pay(outlay.sum(-1))
        ext = np.where(building & inp.external, inp.capex_facility_usd / spend_months, 0.0).sum(-1)
        cum["fac_prog"] += outlay.sum(-1)
        cum["fac"] += outlay.sum(-1) + ext
        t_online = construction.online_month(start_m, inp.construction_months, inp.power_available)
        online = t_online <= t
        # 5. orders for halls online by the time they arrive
        ready = t_online <= t + lead
        if t - life >= 0:
            power_future_kw -= orders_fill[t - life] * fill_kw + orders_ref[t - life] * np.nan_to_num(
                ref_kw[t - life], posinf=0.0
            )
        headroom = np.where(ready, it_cap_kw - power_future_kw, 0.0)
        want_fill = np.where(
            closed, np.minimum(procurement.accelerators_that_fit(headroom, fill_kw), n_fill - filled), 0.0
        )
        want_fill = apply_caps(want_fill, cap_fill)
        fill_spend = want_fill * fill_price
        reserve_it = np.maximum(reserve_it - fill_spend, 0.0)
        pay(fill_spend.sum(-1))
        filled += want_fill
        use_caps(want_fill, cap_fill)
        power_future_kw += want_fill * fill_kw
        orders_fill[t] = want_fill
        # refreshes: only once some of the phase's accelerators can have retired, paid from uncommitted money
        can_refresh = closed & (filled >= n_fill) & (t >= close_m + life)
        want_ref = np.where(
            can_refresh & has_type[t], procurement.accelerators_that_fit(headroom - want_fill * fill_kw, ref_kw[t]), 0.0
        )
        if C and want_ref.any():
            cap_ref = np.array([inp.cap_phase[c] & (ref_onehot[t] @ inp.cap_type[c] > 0) for c in range(C)])
            want_ref = apply_caps(want_ref, cap_ref)
        else:
            cap_ref = None
        cost_ref = np.where(want_ref > 0, want_ref * ref_price[t], 0.0)
        money_ref = procurement.allocate_in_order(cost_ref[:, queue], uncommitted(debt_cap))[:, unqueue]
        bought_ref = np.where(want_ref > 0, np.floor(money_ref / np.where(want_ref > 0, ref_price[t], 1.0) + 1e-9), 0.0)
        bought_ref = np.minimum(bought_ref, want_ref)
        ref_spend = np.where(bought_ref > 0, bought_ref * ref_price[t], 0.0)
        gap = gap + (cost_ref - ref_spend).sum(-1)
        if cap_ref is not None:
            use_caps(bought_ref, cap_ref)
        power_future_kw += np.where(bought_ref > 0, bought_ref * ref_kw[t], 0.0)
        orders_ref[t] = bought_ref
        pay(ref_spend.sum(-1))
        cum["it"] += fill_spend.sum(-1) + ref_spend.sum(-1)
        # 6. installs and retirements
        for s_, sign in ((t - lead, 1.0), (t - lead - life, -1.0)):
            if s_ >= 0:
                kw_ref_s = np.nan_to_num(ref_kw[s_], posinf=0.0)
                installed_kw += sign * (orders_fill[s_] * fill_kw + orders_ref[s_] * kw_ref_s)
                installed_k += sign * (orders_fill[s_] @ fill_onehot + orders_ref[s_] @ ref_onehot[s_])
        installed_kw = np.maximum(installed_kw, 0.0)
        installed_k = np.maximum(installed_k, 0.0)

        it_inst_mw = installed_kw / 1000.0
        e = energy.energy_mwh(it_inst_mw, inp.utilization, inp.pue, inp.hours[t])  # (N, P)
        o = out
        o["mw_online"][:, t] = (online * inp.power_mw).sum(-1)
        o["it_mw_online"][:, t] = (online * it_cap_kw).sum(-1) / 1000.0
        o["it_mw_installed"][:, t] = it_inst_mw.sum(-1)
        o["accelerators"][:, t] = installed_k.sum(-1)
        o["peak_bf16_flops"][:, t] = (installed_k * flops_k).sum(-1)  # no BLAS: the same order as the kernel
        o["h100e"][:, t] = o["peak_bf16_flops"][:, t] / H100_FLOPS
        o["pledged_usd"][:, t] = inp.pledged_cum_usd[t]
        o["secured_usd"][:, t] = inp.secured_cum_usd[t]
        o["equity_usd"][:, t] = inp.equity_cum_usd[t]
        o["debt_usd"][:, t] = debt
        o["debt_capacity_usd"][:, t] = debt_cap
        o["cash_usd"][:, t] = cash
        o["committed_usd"][:, t] = reserve_fac.sum(-1) + reserve_it.sum(-1)
        o["capex_facility_usd"][:, t] = cum["fac"]
        o["capex_facility_programme_usd"][:, t] = cum["fac_prog"]
        o["capex_it_usd"][:, t] = cum["it"]
        o["interest_usd"][:, t] = cum["interest"]
        o["spent_usd"][:, t] = cum["fac_prog"] + cum["it"] + cum["interest"]
        o["funding_gap_usd"][:, t] = gap
        o["phases_closed"][:, t] = closed.sum(-1)
        o["phases_started"][:, t] = ((start_m >= 0) & (start_m <= t)).sum(-1)
        o["phases_online"][:, t] = online.sum(-1)
        o["energy_mwh"][:, t] = e.sum(-1)
        o["energy_cost_usd"][:, t] = energy.energy_cost_usd(e.sum(-1), inp.energy_price_usd_per_mwh)
        o["emissions_t"][:, t] = energy.emissions_t(e, inp.carbon_t_per_mwh).sum(-1)
        o["opex_usd"][:, t] = o["energy_cost_usd"][:, t] + it_inst_mw.sum(-1) * inp.other_opex_usd_per_mw_year / 12
        out_k[:, t] = installed_k
    out["_by_type"] = out_k
    out["_start_month"] = np.where(inp.external, np.where(close_m >= 0, inp.planned_start, -1), start_m)
    out["_close_month"] = close_m
    return out
