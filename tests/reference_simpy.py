"""An independent, event-driven statement of the build-out model in SimPy, one deterministic run at a time.

It is written from docs/model.md and reads the validated :class:`gigawatt.data.scenario.Scenario` and the accelerator
catalog itself: it shares no code with ``gigawatt.engine.inputs``, ``gigawatt.engine.kernel``, ``gigawatt.model``,
``gigawatt.units`` or ``gigawatt.engine.montecarlo`` (tests/test_reference.py checks its imports), so the engine's input
preparation (money schedules, the secured/announced split and delay, slip, power dates, queue order, ``newest``,
supply caps' scope, overrides) is checked, not shared.

The programme is a set of SimPy processes on a clock of ``TICKS`` per month. Within a month, events fall in this
order (docs/model.md and the engine's order of events):

====  ==========================================================================================================
tick  event
====  ==========================================================================================================
0     money arrives: each pledge's secured tranche on its schedule, its announced-only tranche ``delay`` months
      behind (processes ``secured_tranche`` / ``announced_tranche``)
5     supply caps reset at the start of each calendar year (process ``calendar``)
10    a phase's planned start comes: it joins the queue for financial close (process ``phase``); a developer
      starts building an externally financed phase
20    the treasury pays interest and closes phases in queue order against uncommitted money (process
      ``treasury``: a monthly process, the model's rule is monthly)
30    construction draws a month's share of the phase's facility capex (process ``construction``)
40    an order placed ``lifetime`` months ago gives back the power it held (process ``cohort``)
45    a hall whose build and power will be done within the lead time becomes ready to take orders (``ready``)
50    the treasury orders accelerators: first fills from the phase's committed money, refreshes from uncommitted
      money, within power headroom and supply caps
60    an order placed ``lead`` months ago is delivered; one delivered ``lifetime`` months ago retires (``cohort``)
70    a built hall whose power has arrived comes online (process ``online``)
90    the books record the month (process ``books``)
====  ==========================================================================================================

``simulate_reference(scenario)`` returns a :class:`Reference` with the monthly series keyed like the engine's
``SERIES``, the installed count of each accelerator type, and one row per phase. It is also the slow baseline of
``benchmarks/run.py engine`` (``simpy_trial_site_months_per_second``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

import simpy

from gigawatt.data.catalog import H100_BF16_DENSE_TFLOPS, Accelerator, catalog
from gigawatt.data.scenario import Scenario

TICKS = 100  # SimPy time units per month
MONEY, CALENDAR, PLANNED, TREASURY, BUILD, RELEASE, READY, ORDER, DELIVER, ONLINE, BOOKS = (
    0,
    5,
    10,
    20,
    30,
    40,
    45,
    50,
    60,
    70,
    90,
)
SLACK = 1e-9  # whole accelerators: floor(x + 1e-9) so that 3.9999999999 of float noise counts as 4
CLOSE_SLACK_REL, CLOSE_SLACK_ABS = 1e-12, 1e-6  # money "covers" a cost within float noise


# ---------------------------------------------------------------------------------------------------- months
def month_number(d: dt.date) -> int:
    """Months since year 0 (January of year 0 = 0)."""
    return d.year * 12 + d.month - 1


def months_between(start: dt.date, d: dt.date) -> int:
    return month_number(d) - month_number(start)


def calendar_month(start: dt.date, t: int) -> tuple[int, int]:
    """(year, month 1-12) of month ``t`` of a programme starting at ``start``."""
    n = month_number(start) + t
    return n // 12, n % 12 + 1


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def whole(x: float) -> int:
    """Round to the nearest whole month (half to even, as Python's round)."""
    return int(round(x))


def fits(amount: float, unit: float) -> int:
    """Whole units of ``unit`` in ``amount`` (0 for nothing or less)."""
    return int(math.floor(max(amount, 0.0) / unit + SLACK))


# ---------------------------------------------------------------------------------------------------- the plan
@dataclasses.dataclass
class Kind:
    """An accelerator type after the scenario's overrides and price risk."""

    name: str
    vendor: str
    first_volume: int  # month index (may be negative)
    kw: float | None
    price: float | None
    flops: float  # dense BF16 FLOP/s, 0 when unpublished

    @property
    def buyable(self) -> bool:
        return self.kw is not None and self.price is not None


@dataclasses.dataclass
class PhasePlan:
    label: str
    site: str
    country: str
    external: bool
    power_mw: float
    pue: float  # annual PUE: energy
    sizing_pue: float  # design-day PUE with headroom: facility power -> IT power (docs/model.md §2)
    planned: int
    build: int  # whole months
    power_at: int
    capex: float  # facility capex (programme or developer)
    carbon: float
    choice: str  # a catalog name, "newest" or "newest:vendor"
    fill: Kind | None = None
    n_fill: int = 0

    @property
    def it_kw(self) -> float:
        return self.power_mw / self.sizing_pue * 1000.0

    @property
    def programme_capex(self) -> float:
        return 0.0 if self.external else self.capex

    @property
    def close_cost(self) -> float:
        return self.programme_capex + self.n_fill * self.fill.price


@dataclasses.dataclass
class PledgePlan:
    amount: float
    secured: float
    upfront: float
    start: int
    months: float
    arrival: float

    def due(self, t: int) -> float:
        """Cumulative money due by the end of month ``t`` (docs/model.md §1)."""
        if t < self.start:
            return 0.0
        ramp = min(max((t - self.start + 1) / max(self.months, 1.0), 0.0), 1.0)
        return self.amount * (self.upfront + (1.0 - self.upfront) * ramp)

    @property
    def last_change(self) -> int:
        """The month from which ``due`` no longer grows."""
        return self.start + math.ceil(max(self.months, 1.0)) - 1


@dataclasses.dataclass
class CapPlan:
    name: str
    per_year: float
    phases: set[int]
    kinds: set[str]


def resolve_kinds(s: Scenario, cat: dict[str, Accelerator]) -> dict[str, Kind]:
    """The catalog with ``accelerator_overrides`` applied (names are case-insensitive) and the price risk; a type's
    IT power is its all-in rating times 1 + the non-accelerator IT share (docs/model.md §2, p_acc)."""
    share = s.operations.non_accelerator_it_share
    overrides = {name.lower(): o for name, o in s.accelerator_overrides.items()}
    out = {}
    for name, acc in cat.items():
        kw, price, tflops = acc.it_power_w, acc.price_usd, acc.bf16_dense_tflops
        o = overrides.get(name)
        if o is not None:
            kw = o.it_power_w if o.it_power_w is not None else kw
            price = o.price_usd if o.price_usd is not None else price
            tflops = o.bf16_dense_tflops if o.bf16_dense_tflops is not None else tflops
        out[name] = Kind(
            name=name,
            vendor=acc.vendor,
            first_volume=months_between(s.programme.start, acc.first_volume),
            kw=None if kw is None else kw / 1000.0 * (1.0 + share),
            price=None if price is None else price * s.risks.accelerator_price,
            flops=0.0 if tflops is None else tflops * 1e12,
        )
    return out


# docs/model.md §2a: a grid (contracted, nameplate) figure is divided by r_grid = 1.25 to give facility power. Written
# here from the document, not read from defaults.csv, so that a change of the shipped ratio is seen.
GRID_TO_FACILITY = 1.25


def facility_mw(s: Scenario, path: str, loaded_mw: float, sizing_pue: float) -> float:
    """A phase's facility power from the figure its author stated (docs/model.md §2a): grid / 1.25, IT x the phase's
    sizing PUE, facility as stated. The loaded scenario holds gigawatt's converted figure in ``power_mw``; the stated
    figure and its basis are read back from ``scenario.power_bases`` and converted here again, so a mistake in the
    conversion is seen, not shared."""
    stated = s.power_bases.get(path)
    if stated is None:
        return loaded_mw
    if stated.basis == "grid":
        return stated.stated_mw / GRID_TO_FACILITY
    if stated.basis == "it":
        return stated.stated_mw * sizing_pue
    raise ValueError(f"{path}: unknown power basis {stated.basis!r}")


def kind_for(choice: str, t: int, kinds: dict[str, Kind]) -> Kind | None:
    """The type bought in month ``t`` for a phase's accelerator choice: a named type, or the newest buyable type
    (of the vendor) whose first volume is at or before ``t``; ties go to the first listed. None if none is out."""
    choice = choice.strip().lower()
    if not choice.startswith("newest"):
        return kinds[choice]
    vendor = choice.partition(":")[2]
    best = None
    for k in kinds.values():
        skip = not (k.buyable and (not vendor or k.vendor == vendor) and k.first_volume <= t)
        if not skip and (best is None or k.first_volume > best.first_volume):
            best = k
    return best


@dataclasses.dataclass
class Plan:
    """Everything the run needs, read from the scenario."""

    start: dt.date
    T: int
    phases: list[PhasePlan]
    queue: list[int]
    pledges: list[PledgePlan]
    delay: int
    equity_share: float
    monthly_rate: float
    debt_limit: float
    caps: list[CapPlan]
    kinds: dict[str, Kind]
    lead: int
    life: int
    utilization: float
    energy_price: float
    other_opex: float

    @classmethod
    def read(cls, s: Scenario, cat: dict[str, Accelerator] | None = None) -> Plan:
        start = s.programme.start
        T = whole(s.programme.horizon_months)
        kinds = resolve_kinds(s, catalog() if cat is None else cat)
        lead = whole(s.procurement.lead_time_months)
        phases = []
        ops = s.operations
        for i, site in enumerate(s.sites):
            for j, ph in enumerate(site.phases):
                pue = ph.pue if ph.pue else ops.pue
                sizing_pue = pue * ops.design_pue_ratio * (1.0 + ops.sizing_headroom)
                power_mw = facility_mw(s, f"sites[{i}].phases[{j}]", ph.power_mw, sizing_pue)
                power_date = 0 if ph.power.available is None else months_between(start, ph.power.available)
                p = PhasePlan(
                    label=f"{site.name}/{ph.name}",
                    site=site.name,
                    country=site.country,
                    external=site.facility_financing == "external",
                    power_mw=power_mw,
                    pue=pue,
                    sizing_pue=sizing_pue,
                    planned=months_between(start, ph.start),
                    build=whole(ph.construction_months * s.risks.construction_slip),
                    power_at=power_date + whole(s.risks.power_delay_months),
                    capex=(power_mw / sizing_pue * ph.capex_per_mw_usd + power_mw * ph.power.capex_per_mw_usd)
                    * s.risks.cost_overrun,
                    carbon=ph.power.carbon_t_per_mwh,
                    choice=ph.accelerator,
                )
                # the first fill's type is fixed when the phase is planned: the type of the planned order month
                order_month = min(max(max(p.planned + p.build, p.power_at) - lead, 0), T - 1)
                p.fill = kind_for(p.choice, order_month, kinds)
                if p.fill is None or not p.fill.buyable:
                    raise ValueError(f"{p.label}: no buyable accelerator for {p.choice!r} in month {order_month}")
                p.n_fill = fits(p.it_kw, p.fill.kw)
                phases.append(p)
        pledges = []
        for partner in s.partners:
            arrival = s.funding.announced_arrival if partner.announced_arrival is None else partner.announced_arrival
            for pl in partner.pledges:
                pledges.append(
                    PledgePlan(
                        amount=pl.amount_usd,
                        secured=pl.secured_usd,
                        upfront=pl.upfront_fraction,
                        start=months_between(start, pl.start),
                        months=pl.months,
                        arrival=arrival,
                    )
                )
        caps = []
        for cap in s.supply_caps:
            members = {
                i
                for i, p in enumerate(phases)
                if (cap.sites is None or p.site in cap.sites) and (cap.countries is None or p.country in cap.countries)
            }
            names = set(kinds) if cap.accelerators is None else {a.lower() for a in cap.accelerators}
            caps.append(CapPlan(cap.name, cap.per_year * cap.share, members, names))
        f = s.financing
        return cls(
            start=start,
            T=T,
            phases=phases,
            queue=sorted(range(len(phases)), key=lambda i: (phases[i].planned, i)),
            pledges=pledges,
            delay=whole(s.funding.announced_delay_months),
            equity_share=f.equity_share,
            monthly_rate=(1.0 + f.interest_rate) ** (1.0 / 12.0) - 1.0,
            debt_limit=math.inf if f.debt_limit_usd is None else f.debt_limit_usd,
            caps=caps,
            kinds=kinds,
            lead=lead,
            life=max(1, whole(s.operations.lifetime_months)),
            utilization=s.operations.utilization,
            energy_price=s.operations.energy_price_usd_per_mwh,
            other_opex=s.operations.other_opex_usd_per_mw_year,
        )


# ---------------------------------------------------------------------------------------------------- the run
@dataclasses.dataclass
class Cohort:
    """Accelerators of one type ordered for one phase in one month."""

    phase: int
    kind: Kind
    count: int
    ordered: int

    @property
    def kw(self) -> float:
        return self.count * self.kind.kw


@dataclasses.dataclass
class Reference:
    series: dict[str, list[float]]  # keyed like gigawatt.engine.inputs.SERIES, one value per month
    by_type: dict[str, list[int]]  # installed count of each accelerator type per month
    phases: list[dict]  # label, planned, close, start, online (month indices; None if never)
    plan: Plan
    events: dict[str, int]  # how often each kind of event happened (closes, deliveries, refresh orders, ...)


class Programme:
    """The state of one run (money, phases, cohorts) and the processes that change it."""

    def __init__(self, env: simpy.Environment, plan: Plan):
        self.env, self.plan = env, plan
        P = len(plan.phases)
        # money
        self.cash = self.debt = 0.0
        self.pledged = self.secured = self.equity = 0.0
        self.reserved_fac = [0.0] * P  # committed at close, not yet spent
        self.reserved_it = [0.0] * P
        self.interest_paid = self.fac_capex = self.fac_capex_programme = self.it_capex = 0.0
        self.gap = 0.0  # this month's funding gap
        # phases
        self.queued: dict[int, simpy.Event] = {}  # phases waiting for financial close -> their close event
        self.close = [None] * P
        self.start = [None] * P  # construction start
        self.ready = [False] * P  # will be online within the lead time: may take orders
        self.online = [False] * P
        self.online_month: list[int | None] = [None] * P
        self.filled = [0] * P  # first-fill accelerators ordered
        self.holding: list[list[Cohort]] = [[] for _ in range(P)]  # orders still holding their phase's power
        self.installed: list[list[Cohort]] = [[] for _ in range(P)]
        self.cap_used = [0.0] * len(plan.caps)
        self.records: list[dict] = []
        self.by_type: list[dict[str, int]] = []
        self.events = dict.fromkeys(("closes", "deliveries", "retirements", "refresh_orders", "capped", "short"), 0)

    # -------------------------------------------------------------------------------- clock
    def at(self, month: int, tick: int):
        """A timeout to ``tick`` of ``month`` (now if that has passed)."""
        return self.env.timeout(max(month * TICKS + tick - self.env.now, 0))

    @property
    def month(self) -> int:
        return int(self.env.now // TICKS)

    # -------------------------------------------------------------------------------- money
    def debt_capacity(self) -> float:
        e = self.plan.equity_share
        return min(self.plan.debt_limit, self.equity * (1.0 - e) / e)

    def uncommitted(self) -> float:
        headroom = max(self.debt_capacity() - self.debt, 0.0)
        return max(self.cash + headroom - sum(self.reserved_fac) - sum(self.reserved_it), 0.0)

    def pay(self, amount: float) -> None:
        """Pay from cash, drawing debt for the rest."""
        from_cash = min(amount, self.cash)
        self.cash -= from_cash
        self.debt += amount - from_cash

    def secured_tranche(self, pl: PledgePlan):
        """The secured part of a pledge: due money up to the secured amount, month by month."""
        got = due_before = 0.0
        for t in range(pl.start, min(pl.last_change, self.plan.T - 1) + 1):
            yield self.at(t, MONEY)
            due = pl.due(t)
            self.pledged += due - due_before
            now = min(due, pl.secured)
            self.secured += now - got
            self.receive(now - got)
            got, due_before = now, due

    def announced_tranche(self, pl: PledgePlan):
        """The announced-only part: a fraction ``arrival`` of what is due beyond the secured part, ``delay`` late."""
        d = self.plan.delay
        got = 0.0
        for t in range(pl.start + d, min(pl.last_change + d, self.plan.T - 1) + 1):
            yield self.at(t, MONEY)
            now = pl.arrival * max(0.0, pl.due(t - d) - pl.secured)
            self.receive(now - got)
            got = now

    def receive(self, amount: float) -> None:
        self.cash += amount
        self.equity += amount

    def treasury(self):
        """Each month: interest on the debt outstanding, then financial close in queue order."""
        plan = self.plan
        for t in range(plan.T):
            yield self.at(t, TREASURY)
            interest = self.debt * plan.monthly_rate
            paid = min(interest, self.uncommitted())
            self.pay(paid)
            self.interest_paid += paid
            self.gap = interest - paid
            budget = self.uncommitted() * (1 + CLOSE_SLACK_REL) + CLOSE_SLACK_ABS
            running = 0.0
            for p in plan.queue:
                if self.close[p] is not None:
                    continue
                if p not in self.queued:  # not due yet: it, and everything behind it, waits
                    break
                running += plan.phases[p].close_cost
                if running > budget:  # a queue: the phases behind wait too
                    self.gap += sum(plan.phases[q].close_cost for q in self.queued)
                    break
                self.close_phase(p)
            yield self.at(t, ORDER)
            self.order(t)

    def close_phase(self, p: int) -> None:
        ph = self.plan.phases[p]
        self.close[p] = self.month
        self.events["closes"] += 1
        self.reserved_fac[p] += ph.programme_capex
        self.reserved_it[p] += ph.n_fill * ph.fill.price
        self.queued.pop(p).succeed()

    # -------------------------------------------------------------------------------- phases
    def phase(self, p: int):
        ph = self.plan.phases[p]
        yield self.at(ph.planned, PLANNED)
        if ph.external:  # a developer builds on the planned dates
            self.begin_construction(p)
        closed = self.env.event()
        self.queued[p] = closed
        yield closed
        if not ph.external:
            self.begin_construction(p)

    def begin_construction(self, p: int) -> None:
        ph = self.plan.phases[p]
        self.start[p] = self.month
        self.env.process(self.construction(p))
        built = self.env.timeout(ph.build * TICKS)  # construction finishing
        powered = self.env.timeout(max(ph.power_at * TICKS - self.env.now, 0))  # power arriving (a grid date...)
        self.env.process(self.online_when(p, built & powered))
        self.env.process(self.ready_when(p, max(self.start[p] + ph.build, ph.power_at) - self.plan.lead))

    def construction(self, p: int):
        """Facility capex, evenly over the build (at once if the build takes no time)."""
        ph = self.plan.phases[p]
        months = max(ph.build, 1)
        for i in range(months):
            yield self.at(self.start[p] + i, BUILD)
            if ph.external:
                self.fac_capex += ph.capex / months
                continue
            out = self.reserved_fac[p] if i == months - 1 else min(ph.capex / months, self.reserved_fac[p])
            self.reserved_fac[p] -= out
            self.pay(out)
            self.fac_capex += out
            self.fac_capex_programme += out

    def online_when(self, p: int, built_and_powered):
        yield built_and_powered
        yield self.at(self.month, ONLINE)
        self.online[p] = True
        self.online_month[p] = self.month

    def ready_when(self, p: int, month: int):
        yield self.at(month, READY)
        self.ready[p] = True

    # -------------------------------------------------------------------------------- accelerators
    def calendar(self):
        """Supply caps count orders per calendar year."""
        for t in range(self.plan.T):
            if t == 0 or calendar_month(self.plan.start, t)[1] == 1:
                yield self.at(t, CALENDAR)
                self.cap_used = [0.0] * len(self.plan.caps)

    def headroom_kw(self, p: int) -> float:
        if not self.ready[p]:
            return 0.0
        return self.plan.phases[p].it_kw - sum(c.kw for c in self.holding[p])

    def within_caps(self, want: dict[int, int], kind_of) -> dict[int, int]:
        """Limit orders by each supply cap's room this year, phases in queue order."""
        want = dict(want)
        for c, cap in enumerate(self.plan.caps):
            room = max(cap.per_year - self.cap_used[c], 0.0)
            before = 0.0
            for p in self.plan.queue:
                if p not in want or p not in cap.phases or kind_of(p).name not in cap.kinds:
                    continue
                asked = want[p]
                want[p] = fits(min(max(room - before, 0.0), asked), 1.0)
                self.events["capped"] += want[p] < asked
                before += asked
        return want

    def count_caps(self, bought: dict[int, int], kind_of) -> None:
        for c, cap in enumerate(self.plan.caps):
            for p, n in bought.items():
                if p in cap.phases and kind_of(p).name in cap.kinds:
                    self.cap_used[c] += n

    def order(self, t: int) -> None:
        plan = self.plan
        P = len(plan.phases)
        head = {p: self.headroom_kw(p) for p in range(P)}
        # first fills, from the money committed at close
        want = {}
        for p in range(P):
            ph = plan.phases[p]
            if self.close[p] is not None:
                want[p] = min(fits(head[p], ph.fill.kw), ph.n_fill - self.filled[p])
        fill = self.within_caps(want, lambda p: plan.phases[p].fill)
        self.count_caps(fill, lambda p: plan.phases[p].fill)
        for p, n in fill.items():
            ph = plan.phases[p]
            cost = n * ph.fill.price
            self.reserved_it[p] = max(self.reserved_it[p] - cost, 0.0)
            self.pay(cost)
            self.it_capex += cost
            self.filled[p] += n
            head[p] -= n * ph.fill.kw
            if n > 0:
                self.place(p, ph.fill, n, t)
        # refreshes: power freed by retirements (and any left over) refilled with the type of the month, once the
        # first fill is complete and a lifetime has passed since close; paid from uncommitted money in queue order
        kinds = {p: kind_for(plan.phases[p].choice, t, plan.kinds) for p in range(P)}
        want = {}
        for p in range(P):
            ph = plan.phases[p]
            k = kinds[p]
            if self.close[p] is None or self.filled[p] < ph.n_fill or t < self.close[p] + plan.life or k is None:
                continue
            want[p] = fits(head[p], k.kw)
        ref = self.within_caps(want, lambda p: kinds[p])
        budget = self.uncommitted()
        before = 0.0
        bought = {}
        for p in plan.queue:
            if ref.get(p, 0) <= 0:
                continue
            cost = ref[p] * kinds[p].price
            money = min(max(budget - before, 0.0), cost)
            before += cost
            bought[p] = min(fits(money, kinds[p].price), ref[p])
            self.gap += cost - bought[p] * kinds[p].price
            self.events["short"] += bought[p] < ref[p]
        self.count_caps(bought, lambda p: kinds[p])
        for p in plan.queue:
            n = bought.get(p, 0)
            if n > 0:
                cost = n * kinds[p].price
                self.pay(cost)
                self.it_capex += cost
                self.place(p, kinds[p], n, t)
                self.events["refresh_orders"] += 1

    def place(self, p: int, kind: Kind, count: int, t: int) -> None:
        cohort = Cohort(p, kind, count, t)
        self.holding[p].append(cohort)
        self.env.process(self.cohort(cohort))

    def cohort(self, c: Cohort):
        """An order: delivered after the lead time; the power it holds is free for an order placed a lifetime
        after it (which arrives as it retires); retired a lifetime after delivery."""
        plan = self.plan
        events = sorted(
            [
                (c.ordered + plan.life, RELEASE, "release"),
                (c.ordered + plan.lead, DELIVER, "deliver"),
                (c.ordered + plan.lead + plan.life, DELIVER + 1, "retire"),
            ]
        )
        for month, tick, what in events:
            if month >= plan.T:
                return
            yield self.at(month, tick)
            if what == "release":
                self.holding[c.phase].remove(c)
            elif what == "deliver":
                self.installed[c.phase].append(c)
                self.events["deliveries"] += 1
            else:
                self.installed[c.phase].remove(c)
                self.events["retirements"] += 1

    # -------------------------------------------------------------------------------- the books
    def books(self):
        plan = self.plan
        for t in range(plan.T):
            yield self.at(t, BOOKS)
            year, mon = calendar_month(plan.start, t)
            hours = 24.0 * days_in_month(year, mon)
            counts = dict.fromkeys(plan.kinds, 0)
            it_mw = energy = emissions = flops = 0.0
            for p, ph in enumerate(plan.phases):
                kw = 0.0
                for c in self.installed[p]:
                    counts[c.kind.name] += c.count
                    kw += c.kw
                    flops += c.count * c.kind.flops
                mwh = kw / 1000.0 * plan.utilization * ph.pue * hours
                it_mw += kw / 1000.0
                energy += mwh
                emissions += mwh * ph.carbon
            committed = sum(self.reserved_fac) + sum(self.reserved_it)
            on = [p for p in range(len(plan.phases)) if self.online[p]]
            self.records.append(
                {
                    "mw_online": sum(plan.phases[p].power_mw for p in on),
                    "it_mw_online": sum(plan.phases[p].it_kw for p in on) / 1000.0,
                    "it_mw_installed": it_mw,
                    "accelerators": float(sum(counts.values())),
                    "h100e": flops / (H100_BF16_DENSE_TFLOPS * 1e12),
                    "peak_bf16_flops": flops,
                    "pledged_usd": self.pledged,
                    "secured_usd": self.secured,
                    "equity_usd": self.equity,
                    "debt_usd": self.debt,
                    "debt_capacity_usd": self.debt_capacity(),
                    "cash_usd": self.cash,
                    "committed_usd": committed,
                    "capex_facility_usd": self.fac_capex,
                    "capex_facility_programme_usd": self.fac_capex_programme,
                    "capex_it_usd": self.it_capex,
                    "interest_usd": self.interest_paid,
                    "spent_usd": self.fac_capex_programme + self.it_capex + self.interest_paid,
                    "funding_gap_usd": self.gap,
                    "phases_closed": float(sum(c is not None for c in self.close)),
                    "phases_started": float(sum(s is not None for s in self.start)),
                    "phases_online": float(len(on)),
                    "energy_mwh": energy,
                    "energy_cost_usd": energy * plan.energy_price,
                    "emissions_t": emissions,
                    "opex_usd": energy * plan.energy_price + it_mw * plan.other_opex / 12.0,
                }
            )
            self.by_type.append(counts)


def simulate_reference(scenario: Scenario, cat: dict[str, Accelerator] | None = None) -> Reference:
    """Run a validated scenario (its fields hold each distribution's central value, as ``gigawatt run`` uses)
    with the catalog ``cat`` (default: ``gigawatt.data.catalog.catalog()``)."""
    plan = Plan.read(scenario, cat)
    env = simpy.Environment()
    prog = Programme(env, plan)
    for pl in plan.pledges:
        env.process(prog.secured_tranche(pl))
        env.process(prog.announced_tranche(pl))
    env.process(prog.calendar())
    for p in range(len(plan.phases)):
        env.process(prog.phase(p))
    env.process(prog.treasury())
    env.process(prog.books())
    env.run(until=plan.T * TICKS)
    series = {k: [r[k] for r in prog.records] for k in prog.records[0]}
    by_type = {name: [counts[name] for counts in prog.by_type] for name in plan.kinds}
    phases = [
        {
            "phase": ph.label,
            "planned": ph.planned,
            "close": prog.close[p],
            "start": prog.start[p],
            "online": prog.online_month[p],
        }
        for p, ph in enumerate(plan.phases)
    ]
    return Reference(series, by_type, phases, plan, prog.events)
