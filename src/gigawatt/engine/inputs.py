"""Scenario to arrays: ``compile_inputs`` turns a validated :class:`~gigawatt.data.scenario.Scenario` (and, for
Monte Carlo, one sampled value per trial of each uncertain input) into the arrays the month loop
(:mod:`gigawatt.engine.loop`) steps through, phases on the last axis and trials on the first.

Funding policy: each phase is a project that reaches *financial close* when the money not yet committed covers
its facility capex and the accelerators that first fill it; phases close first come first served in the order of
their planned start (a queue: a phase waiting for money holds back those planned after it). Closing commits that
money; construction and the first fill then draw on it. Refreshing accelerators after their lifetime is paid from
money left uncommitted. With costs fixed at close and a queue in a fixed order, more money never closes a phase later.
"""

from __future__ import annotations

import calendar
import dataclasses

import numpy as np

from gigawatt.data.catalog import Accelerator, catalog
from gigawatt.data.names import newest_vendor
from gigawatt.data.scenario import Scenario
from gigawatt.engine.loop import H100_FLOPS, SERIES, Plan
from gigawatt.errors import GigawattError
from gigawatt.model import construction, funding, procurement
from gigawatt.units import add_months, month_index

__all__ = ["H100_FLOPS", "SERIES", "Inputs", "compile_inputs", "resolve_accelerator"]


@dataclasses.dataclass
class Inputs:
    """A scenario as arrays, for N trials. Shapes: N trials, P phases, K accelerator types, C supply caps, T months.

    Per-trial fields have N rows where an uncertain input reaches them and 1 row (shared by every trial) where none
    does; ``trial(i)`` gives one trial's arrays with the rows axis dropped, ``subset(i)`` keeps it.
    """

    n_trials: int  # N
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
    pue: np.ndarray  # (N, P) annual PUE: energy
    sizing_pue: np.ndarray  # (N, P) pue x design_pue_ratio x (1 + sizing_headroom): facility power -> IT capacity
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
        "sizing_pue",
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
        return self.n_trials

    def plan(self) -> Plan:
        """The month loop's inputs, each field with a leading trials axis of N or 1 (1: the same for every trial;
        :func:`gigawatt.engine.loop.trial_of` picks row ``n % rows``), C-contiguous and writable with one dtype per
        field, so the compiled loop sees one signature. The per-phase constants are derived here, once:

        IT capacity [kW] = P / sizing PUE * 1000 (the design day's PUE with headroom; energy uses the annual PUE in the
        loop, docs/model.md "Sizing and energy"); build = round(construction months); capex is spent over max(build, 1)
        months; the first fill is as many accelerators of its type as fit the IT capacity; a phase's close cost is
        its programme capex plus its first fill.
        """

        def rows(a, dtype=float):  # (rows, ...) with rows N or 1; copied only where numba needs another layout
            return np.require(a, dtype=dtype, requirements=["C", "W"])

        it_cap_kw = self.power_mw / self.sizing_pue * 1000.0
        build = np.rint(self.construction_months).astype(np.int64)
        capex_programme = np.where(self.external, 0.0, self.capex_facility_usd)
        it_kw = np.nan_to_num(self.it_kw, nan=np.inf)
        price = np.nan_to_num(self.price_usd, nan=np.inf)
        fill_type = self.fill_type
        fill_kw = _of_type(it_kw, fill_type)
        fill_count = procurement.accelerators_that_fit(it_cap_kw, fill_kw)
        fill_price = _of_type(price, fill_type)
        return Plan(
            power_mw=rows(self.power_mw),
            pue=rows(self.pue),
            it_capacity_kw=rows(it_cap_kw),
            planned=rows(self.planned_start, np.int64),
            build=rows(build, np.int64),
            spend=rows(np.maximum(build, 1), np.int64),
            power_at=rows(self.power_available, np.int64),
            external=rows(self.external[None, :], np.bool_),
            capex_facility=rows(self.capex_facility_usd),
            capex_programme=rows(capex_programme),
            carbon=rows(self.carbon_t_per_mwh),
            fill_type=rows(fill_type, np.int64),
            fill_count=rows(fill_count),
            close_cost=rows(capex_programme + fill_count * fill_price),
            queue=rows(self.queue, np.int64),
            it_kw=rows(it_kw),
            price=rows(price),
            flops=rows(np.nan_to_num(self.bf16_flops)),
            pledged=rows(self.pledged_cum_usd),
            secured=rows(self.secured_cum_usd),
            equity=rows(self.equity_cum_usd),
            hours=rows(self.hours[None, :]),
            year=rows(np.array([[m.year for m in self.months]]), np.int64),
            order_type=rows(self.type_of_order, np.int64),
            cap_phase=rows(self.cap_phase[None], np.bool_),
            cap_type=rows(self.cap_type[None], np.bool_),
            cap_per_year=rows(self.cap_per_year),
            equity_share=rows(self.equity_share[:, None]),
            monthly_rate=rows(self.monthly_rate[:, None]),
            debt_limit=rows(self.debt_limit_usd[:, None]),
            lead=rows(self.lead_months[:, None], np.int64),
            life=rows(self.life_months[:, None], np.int64),
            utilization=rows(self.utilization[:, None]),
            energy_price=rows(self.energy_price_usd_per_mwh[:, None]),
            other_opex=rows(self.other_opex_usd_per_mw_year[:, None]),
        )

    def subset(self, i: int) -> Inputs:
        """Trial ``i`` alone, keeping the trials axis (size 1)."""

        def pick(a):
            return a[i : i + 1] if len(a) > 1 else a[:1]

        return dataclasses.replace(self, n_trials=1, **{k: pick(getattr(self, k)) for k in self.PER_TRIAL})

    def trial(self, i: int) -> Inputs:
        """One trial's inputs, the N axis dropped (scalars for per-trial scalars)."""

        def pick(a):
            return a[i] if len(a) > 1 else a[0]

        return dataclasses.replace(self, n_trials=1, **{k: pick(getattr(self, k)) for k in self.PER_TRIAL})


def _of_type(per_type: np.ndarray, types: np.ndarray) -> np.ndarray:
    """(rows, P): the value of each phase's type, ``per_type`` (N or 1, K) picked by ``types`` (N or 1, P)."""
    rows = max(len(per_type), len(types))
    per_type = np.broadcast_to(per_type, (rows, per_type.shape[1]))
    return np.take_along_axis(per_type, np.broadcast_to(types, (rows, types.shape[1])), -1)


def resolve_accelerator(acc: Accelerator, scenario: Scenario) -> Accelerator:
    """The catalog entry with the scenario's ``accelerator_overrides`` applied."""
    over = {k.lower(): v for k, v in scenario.accelerator_overrides.items()}.get(acc.name)
    if over is None:
        return acc
    changes = {k: v for k, v in over.model_dump(exclude_none=True).items()}
    return dataclasses.replace(acc, **changes)


@dataclasses.dataclass
class _Draws:
    """Each input's value per trial: the sampled one where the input is uncertain, else the scenario's."""

    values: dict
    trials: int
    start: object  # the programme's first month
    read: set = dataclasses.field(default_factory=set)  # the paths the engine asked for (see :func:`undrawn`)

    def num(self, path: str, default) -> np.ndarray:
        """(N,) floats where the input is uncertain, else (1,) (the same in every trial); NaN where unset."""
        self.read.add(path)
        if path in self.values:
            return np.broadcast_to(np.asarray(self.values[path], dtype=float), (self.trials,)).copy()
        return np.full(1, np.nan if default is None else float(default))

    def month(self, path: str, default) -> np.ndarray:
        """(N,) or (1,) month indices since the programme start."""
        self.read.add(path)
        if path in self.values:
            v = np.broadcast_to(np.asarray(self.values[path], dtype=float), (self.trials,))
            return np.rint(v).astype(np.int64)
        return np.full(1, month_index(default, self.start) if default is not None else 0, dtype=np.int64)


def _phases(s: Scenario, d: _Draws) -> tuple[list, list[str]]:
    rows = [(site, ph) for site in s.sites for ph in site.phases]
    here = [f"sites[{i}].phases[{j}]" for i, site in enumerate(s.sites) for j in range(len(site.phases))]
    return rows, here


def _per_phase(rows, here, fn) -> np.ndarray:
    """(N or 1, P): ``fn(path, site, phase)`` for each phase, stacked on the last axis."""
    return _stack([fn(h, site, ph) for h, (site, ph) in zip(here, rows, strict=True)])


def _stack(columns: list[np.ndarray]) -> np.ndarray:
    """Columns of N or 1 rows side by side: (N, columns) if any has N rows, else (1, columns)."""
    return np.stack(np.broadcast_arrays(*columns), axis=-1) if columns else np.zeros((1, 0))


def _phase_fields(s: Scenario, d: _Draws, rows, here) -> dict:
    """Power, PUE, dates and capex of every phase, with the scenario's risks applied."""
    # read only where a phase takes it: a scenario whose every phase gives its own PUE does not use it, and risk
    # refuses a distribution there by name (montecarlo.check_drawn) instead of listing it as uncertain
    uses_global = any(not ph.pue for _, ph in rows)
    glob_pue = d.num("operations.pue", s.operations.pue) if uses_global else None
    pue = _per_phase(rows, here, lambda h, site, ph: d.num(f"{h}.pue", ph.pue) if ph.pue else glob_pue)
    ops = s.operations
    design = d.num("operations.design_pue_ratio", ops.design_pue_ratio)
    headroom = d.num("operations.sizing_headroom", ops.sizing_headroom)
    sizing_pue = pue * (design * (1.0 + headroom))[:, None]  # facility MW per MW of IT on the design day
    power_mw = _per_phase(rows, here, lambda h, site, ph: d.num(f"{h}.power_mw", ph.power_mw))
    slip = d.num("risks.construction_slip", s.risks.construction_slip)[:, None]
    months = _per_phase(rows, here, lambda h, site, ph: d.num(f"{h}.construction_months", ph.construction_months))
    power_delay = np.rint(d.num("risks.power_delay_months", s.risks.power_delay_months)).astype(np.int64)[:, None]
    power_at = _per_phase(rows, here, lambda h, site, ph: d.month(f"{h}.power.available", ph.power.available))
    capex_per_mw = _per_phase(rows, here, lambda h, site, ph: d.num(f"{h}.capex_per_mw_usd", ph.capex_per_mw_usd))
    power_capex = _per_phase(
        rows, here, lambda h, site, ph: d.num(f"{h}.power.capex_per_mw_usd", ph.power.capex_per_mw_usd)
    )
    overrun = d.num("risks.cost_overrun", s.risks.cost_overrun)[:, None]
    return {
        "power_mw": power_mw,
        "pue": pue,
        "sizing_pue": sizing_pue,
        "planned_start": _per_phase(rows, here, lambda h, site, ph: d.month(f"{h}.start", ph.start)),
        "construction_months": months * slip,
        "power_available": power_at + power_delay,
        "capex_facility_usd": construction.facility_capex_usd(power_mw, sizing_pue, capex_per_mw, power_capex)
        * overrun,
        "carbon_t_per_mwh": _per_phase(
            rows, here, lambda h, site, ph: d.num(f"{h}.power.carbon_t_per_mwh", ph.power.carbon_t_per_mwh)
        ),
    }


def _type_fields(s: Scenario, d: _Draws, cat: dict) -> dict:
    """Per accelerator type and trial: IT power [kW] (all-in, with the non-accelerator IT share on top), price [USD]
    (with the price risk), peak [FLOP/s]."""
    names = list(cat)

    def each(field, default):
        return _stack([d.num(f"accelerator_overrides.{n}.{field}", default(cat[n])) for n in names])

    price_risk = d.num("risks.accelerator_price", s.risks.accelerator_price)[:, None]
    share = d.num("operations.non_accelerator_it_share", s.operations.non_accelerator_it_share)[:, None]
    return {
        "it_kw": each("it_power_w", lambda a: a.it_power_w) / 1000.0 * (1.0 + share),
        "price_usd": each("price_usd", lambda a: a.price_usd) * price_risk,
        "bf16_flops": each("bf16_dense_tflops", lambda a: a.bf16_dense_tflops) * 1e12,
    }


def _type_by_month(choice: str, where: str, cat: dict, start, T: int) -> np.ndarray:
    """(T,) the type an order placed in each month gets: a named type, or ``newest[:vendor]`` (the newest with a
    published power and price whose first volume has come); -1 where none is available yet."""
    names = list(cat)
    col = np.full(T, -1, dtype=np.int64)
    vendor = newest_vendor(choice)  # the choice is canonical (gigawatt.data.names): "newest", "newest:amd", "h100"
    if vendor is not None:
        first_volume = {i: month_index(cat[n].first_volume, start) for i, n in enumerate(names)}
        candidates = [
            i
            for i, n in enumerate(names)
            if (not vendor or cat[n].vendor.lower() == vendor)
            and cat[n].it_power_w is not None
            and cat[n].price_usd is not None
        ]
        for t in range(T):
            col[t] = procurement.newest_available(first_volume, candidates, t)
    else:
        cat[choice].require("it_power_w", where)
        cat[choice].require("price_usd", where)
        col[:] = names.index(choice)
    return col


def _order_types(d: _Draws, cat: dict, rows, here, T: int) -> np.ndarray:
    """(N or 1, T, P) the type each phase's order in month t gets; one table for all trials unless an accelerator
    choice is uncertain."""
    cache: dict[str, np.ndarray] = {}

    def types_for(choice: str, where: str) -> np.ndarray:
        choice = choice.strip().lower()
        if choice not in cache:
            cache[choice] = _type_by_month(choice, where, cat, d.start, T)
        return cache[choice]

    varies = any(f"{h}.accelerator" in d.values for h in here)
    table = np.empty((d.trials if varies else 1, T, len(rows)), dtype=np.int64)
    for p, (h, (_, ph)) in enumerate(zip(here, rows, strict=True)):
        where = f"{h}.accelerator"
        d.read.add(where)
        if where in d.values:
            chosen = np.broadcast_to(np.asarray(d.values[where], dtype=object), (d.trials,))
            for choice in set(chosen):
                table[np.asarray(chosen == choice), :, p] = types_for(str(choice), where)
        else:
            table[:, :, p] = types_for(ph.accelerator, where)
    return table


def _fill_types(table, ph: dict, lead, rows, here, start, cat: dict) -> np.ndarray:
    """(N, P) the type of each phase's first fill: the type of an order placed ``lead`` months before the hall is
    built and powered (clipped to the horizon)."""
    T = table.shape[1]
    build = np.rint(ph["construction_months"]).astype(np.int64)
    fill_month = np.clip(np.maximum(ph["planned_start"] + build, ph["power_available"]) - lead[:, None], 0, T - 1)
    n_rows = max(len(table), len(fill_month))
    fill_month = np.broadcast_to(fill_month, (n_rows, fill_month.shape[1]))
    full = np.broadcast_to(table, (n_rows, T, table.shape[2]))
    fill_type = np.take_along_axis(full, fill_month[:, None, :], axis=1)[:, 0, :]
    bad = np.argwhere(fill_type < 0)
    if len(bad):
        n, p = bad[0]
        raise GigawattError(
            _none_available(here[p], rows[p][1].accelerator, add_months(start, int(fill_month[n, p])), cat)
        )
    return fill_type


def _none_available(where: str, choice: str, month, cat: dict) -> str:
    """The message for a ``newest[:VENDOR]`` phase whose first order finds nothing to buy: each candidate and why."""
    vendor = newest_vendor(choice) or ""
    why = [
        f"{n} ({'ships ' + format(a.first_volume, '%Y-%m') if a.first_volume > month else 'no published price'})"
        for n, a in cat.items()
        if (not vendor or a.vendor.lower() == vendor) and (a.first_volume > month or a.price_usd is None)
    ]
    return (
        f"{where}.accelerator: {choice!r}: no accelerator{' from ' + vendor if vendor else ''} with a published "
        f"power and price ships by {month:%Y-%m}, when the first order is placed ({', '.join(why[:6])}); expected a "
        "later phase start, another vendor, a catalog name, or the missing price in accelerator_overrides"
    )


def _money(s: Scenario, d: _Draws, T: int) -> dict:
    """(N, T) cumulative money due under the pledges, its secured part, and the equity received: the secured part
    of each pledge as it falls due, and the announced-only part summed over the pledges that share an arrival
    fraction (the programme's, or a partner's own) and then shifted and scaled once
    (:func:`gigawatt.model.funding.announced_received`: the same as summing
    :func:`~gigawatt.model.funding.received_cumulative` over the pledges, in fewer passes over (N, T) arrays)."""
    pledged, secured, equity = np.zeros((1, T)), np.zeros((1, T)), np.zeros((1, T))  # N rows once one varies
    delay = d.num("funding.announced_delay_months", s.funding.announced_delay_months)
    unsecured: dict[int, np.ndarray] = {}  # announced-only money due, by arrival fraction (-1: the programme's)
    for a, partner in enumerate(s.partners):
        group = -1 if partner.announced_arrival is None else a
        for b, pl in enumerate(partner.pledges):
            h = f"partners[{a}].pledges[{b}]"
            due = funding.pledge_due_cumulative(
                d.num(f"{h}.amount_usd", pl.amount_usd)[:, None],
                d.num(f"{h}.upfront_fraction", pl.upfront_fraction)[:, None],
                d.month(f"{h}.start", pl.start)[:, None],
                d.num(f"{h}.months", pl.months)[:, None],
                T,
            )
            now = np.minimum(due, d.num(f"{h}.secured_usd", pl.secured_usd)[:, None])
            pledged = _add(pledged, due)
            secured = _add(secured, now)
            late = (
                np.subtract(due, now, out=now) if now.shape == np.broadcast_shapes(due.shape, now.shape) else due - now
            )
            unsecured[group] = _add(unsecured.get(group, np.zeros((1, T))), late)
    for group, u in unsecured.items():
        f = (
            d.num("funding.announced_arrival", s.funding.announced_arrival)
            if group < 0
            else d.num(f"partners[{group}].announced_arrival", s.partners[group].announced_arrival)
        )
        equity = _add(equity, funding.announced_received(u, f[:, None], delay[:, None]))
    if equity.shape == np.broadcast_shapes(equity.shape, secured.shape):
        received = np.add(secured, equity, out=equity)  # secured + equity, in equity's own array
    else:
        received = secured + equity
    return {"pledged_cum_usd": pledged, "secured_cum_usd": secured, "equity_cum_usd": received}


def _add(total: np.ndarray, x: np.ndarray) -> np.ndarray:
    """``total + x``, written into ``total`` where it already has the sum's shape: the same numbers, without a new
    (N, T) array for every pledge."""
    if total.shape == np.broadcast_shapes(total.shape, x.shape):
        total += x
        return total
    return total + x


def _caps(s: Scenario, d: _Draws, rows, names: list[str]) -> dict:
    """Supply caps: which phases (by site and country) and types each covers, and its accelerators per year."""
    C, P, K = len(s.supply_caps), len(rows), len(names)
    cap_phase = np.zeros((C, P), dtype=bool)
    cap_type = np.zeros((C, K), dtype=bool)
    for c, cap in enumerate(s.supply_caps):
        for p, (site, _) in enumerate(rows):
            in_site = cap.sites is None or site.name in cap.sites
            cap_phase[c, p] = in_site and (cap.countries is None or site.country in cap.countries)
        for k, n in enumerate(names):
            cap_type[c, k] = cap.accelerators is None or n in [a.lower() for a in cap.accelerators]
    per_year = [
        d.num(f"supply_caps[{c}].per_year", cap.per_year) * d.num(f"supply_caps[{c}].share", cap.share)
        for c, cap in enumerate(s.supply_caps)
    ]
    return {
        "cap_phase": cap_phase,
        "cap_type": cap_type,
        "cap_names": [cap.name for cap in s.supply_caps],
        "cap_per_year": _stack(per_year) if C else np.zeros((1, 0)),
    }


def _operations(s: Scenario, d: _Draws) -> dict:
    """Per-trial scalars: financing, lead time and lifetime, utilization, prices, training."""
    limit = d.num("financing.debt_limit_usd", s.financing.debt_limit_usd)
    life = np.rint(d.num("operations.lifetime_months", s.operations.lifetime_months))
    tr = s.training
    return {
        "equity_share": d.num("financing.equity_share", s.financing.equity_share),
        "monthly_rate": funding.monthly_rate(d.num("financing.interest_rate", s.financing.interest_rate)),
        "debt_limit_usd": np.where(np.isnan(limit), np.inf, limit),
        "lead_months": np.rint(d.num("procurement.lead_time_months", s.procurement.lead_time_months)).astype(np.int64),
        "life_months": np.maximum(1, life).astype(np.int64),
        "utilization": d.num("operations.utilization", s.operations.utilization),
        "energy_price_usd_per_mwh": d.num("operations.energy_price_usd_per_mwh", s.operations.energy_price_usd_per_mwh),
        "other_opex_usd_per_mw_year": d.num(
            "operations.other_opex_usd_per_mw_year", s.operations.other_opex_usd_per_mw_year
        ),
        "training": _stack(
            [
                d.num("training.window_days", tr.window_days),
                d.num("training.checkpoint_write_minutes", tr.checkpoint_write_minutes) / 60.0,
                d.num("training.restart_minutes", tr.restart_minutes) / 60.0,
                d.num("training.mfu", tr.mfu),
                d.num("training.max_share", tr.max_share),
            ]
        ),
    }


def undrawn(s: Scenario, values: dict) -> list[str]:
    """The uncertain inputs of ``s`` (``values``: one trial's draw of each) that the engine never reads per trial,
    such as the horizon, which sizes every trial alike: a distribution there would be used at one value in every
    trial while risk listed it as uncertain."""
    d = _Draws(values, 1, s.programme.start)
    _build(s, d)
    return sorted(set(values) - d.read)


def compile_inputs(s: Scenario, values: dict | None = None, trials: int = 1) -> Inputs:
    """Turn a validated scenario into the arrays the month loop steps through.

    ``values`` maps uncertain field paths (``s.distributions``) to one sampled value per trial (months as month
    indices, accelerators as names); every other field takes the scenario's value in all ``trials``.
    """
    return _build(s, _Draws(values or {}, trials, s.programme.start))


def _build(s: Scenario, d: _Draws) -> Inputs:
    trials = d.trials
    T = round(s.programme.horizon_months)
    months = [add_months(s.programme.start, t) for t in range(T)]
    cat = {name: resolve_accelerator(acc, s) for name, acc in catalog().items()}
    rows, here = _phases(s, d)
    ph = _phase_fields(s, d, rows, here)
    ops = _operations(s, d)
    table = _order_types(d, cat, rows, here, T)
    P = len(rows)
    planned = ph["planned_start"]
    return Inputs(
        n_trials=trials,
        months=months,
        phase_labels=[f"{site.name}/{phase.name}" for site, phase in rows],
        site_of_phase=[site.name for site, _ in rows],
        types=list(cat.values()),
        external=np.array([site.facility_financing == "external" for site, _ in rows], dtype=bool).reshape(P),
        hours=np.array([24.0 * calendar.monthrange(m.year, m.month)[1] for m in months]),
        type_of_order=table,
        fill_type=_fill_types(table, ph, ops["lead_months"], rows, here, s.programme.start, cat),
        queue=np.lexsort((np.broadcast_to(np.arange(P), planned.shape), planned), axis=-1),
        **ph,
        **ops,
        **_type_fields(s, d, cat),
        **_money(s, d, T),
        **_caps(s, d, rows, list(cat)),
    )
