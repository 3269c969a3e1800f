"""An independent, event-driven statement of the build-out model in SimPy, one trial at a time.

It is written from docs/model.md, not from the engines: each phase is a process (waits for its planned start,
queues for financial close, builds, waits for power, goes online); each order of accelerators is a process
(delivered after the lead time, retired after the lifetime, its power released for a refresh); a monthly
"treasury" process receives money, pays interest, closes phases in queue order, pays for construction and places
orders. Money follows the same month-by-month rules, so for the same inputs it must give the same numbers as
``gigawatt.engine.run_arrays`` and ``gigawatt.kernel`` (tests/test_reference.py), and it is the slow baseline of
``benchmarks/run.py engine`` (``simpy_ratio``).
"""

from __future__ import annotations

import math

import numpy as np
import simpy

from gigawatt.engine import H100_FLOPS, Inputs


def fit(headroom_kw: float, kw: float) -> float:
    return math.floor(max(headroom_kw, 0.0) / kw + 1e-9)


class Programme:
    def __init__(self, env: simpy.Environment, inp: Inputs):
        self.env, self.inp = env, inp
        P = len(inp.power_mw)
        self.P = P
        self.cash = self.debt = 0.0
        self.reserve_fac = [0.0] * P
        self.reserve_it = [0.0] * P
        self.closed = [False] * P
        self.close_month = [-1] * P
        self.start = [int(inp.planned_start[p]) if inp.external[p] else -1 for p in range(P)]
        self.build = [round(float(c)) for c in inp.construction_months]
        self.waiting: dict[int, simpy.Event] = {}  # phases queued for close -> the event that closes them
        self.it_cap_kw = [float(inp.power_mw[p] / inp.pue[p] * 1000.0) for p in range(P)]
        self.fill_kw = [float(inp.it_kw[inp.fill_type[p]]) for p in range(P)]
        self.fill_price = [float(inp.price_usd[inp.fill_type[p]]) for p in range(P)]
        self.n_fill = [fit(self.it_cap_kw[p], self.fill_kw[p]) for p in range(P)]
        prog = [0.0 if inp.external[p] else float(inp.capex_facility_usd[p]) for p in range(P)]
        self.prog_capex = prog
        self.close_cost = [prog[p] + self.n_fill[p] * self.fill_price[p] for p in range(P)]
        self.filled = [0.0] * P
        self.committed_kw = [0.0] * P  # IT power of orders not yet released (still installed at t + lead)
        self.installed_kw = [0.0] * P
        self.installed_k = [0.0] * len(inp.types)
        self.cap_used = [0.0] * len(inp.cap_names)
        self.ledger: dict[int, list] = {}  # month -> [(sign, phase, kw, type, count)] installs and retirements
        self.cum = {"fac": 0.0, "fac_prog": 0.0, "it": 0.0, "interest": 0.0}
        self.records: list[dict] = []

    # ------------------------------------------------------------------ money
    def pay(self, amount: float) -> None:
        from_cash = min(amount, self.cash)
        self.cash -= from_cash
        self.debt += amount - from_cash

    def uncommitted(self, debt_cap: float) -> float:
        return max(self.cash + max(debt_cap - self.debt, 0.0) - np.sum(self.reserve_fac) - np.sum(self.reserve_it), 0.0)

    # ------------------------------------------------------------------ phases
    def phase(self, p: int):
        env, inp = self.env, self.inp
        yield env.timeout(int(inp.planned_start[p]))
        closed = env.event()
        self.waiting[p] = closed
        yield closed  # succeeded by the treasury at financial close
        if not inp.external[p]:
            self.start[p] = int(env.now)
        # online once built and powered (the books read it from the start month, the build and the power date)

    def order(self, p: int, count: float, kind: int, kw: float):
        """An order placed now: delivered after the lead time, retired after the lifetime."""
        env, inp = self.env, self.inp
        lead, life = int(inp.lead_months), int(inp.life_months)
        self.committed_kw[p] += count * kw
        env.process(self._release(p, count * kw, life))
        self.ledger.setdefault(int(env.now) + lead, []).append((1.0, p, kw, kind, count))
        self.ledger.setdefault(int(env.now) + lead + life, []).append((-1.0, p, kw, kind, count))

    def _release(self, p: int, kw: float, life: int):
        # the power this order holds is free for a replacement ordered `life` months later, which then arrives
        # just as this one retires
        yield self.env.timeout(life)
        self.release_due.append((p, kw))

    # ------------------------------------------------------------------ the monthly treasury
    def treasury(self):
        env, inp = self.env, self.inp
        P, T = self.P, len(inp.months)
        yield env.timeout(0)  # phases due in month 0 join the queue first
        lev = (1.0 - inp.equity_share) / inp.equity_share
        equity_prev, year_prev = 0.0, None
        self.release_due: list = []
        for t in range(T):
            if inp.months[t].year != year_prev:
                self.cap_used = [0.0] * len(self.cap_used)
                year_prev = inp.months[t].year
            self.cash += inp.equity_cum_usd[t] - equity_prev
            equity_prev = inp.equity_cum_usd[t]
            debt_cap = min(inp.debt_limit_usd, inp.equity_cum_usd[t] * lev)
            due = self.debt * inp.monthly_rate
            paid = min(due, self.uncommitted(debt_cap))
            self.pay(paid)
            self.cum["interest"] += paid
            gap = due - paid
            # financial close: the queue, first come first served
            budget = self.uncommitted(debt_cap) * (1 + 1e-12) + 1e-6
            running, closing, waiting_cost = 0.0, [], [0.0] * P
            for p in (int(q) for q in inp.queue):
                if self.closed[p]:
                    continue
                if p not in self.waiting:
                    running = math.inf
                    continue
                running += self.close_cost[p]
                if running <= budget:
                    closing.append(p)
                else:
                    waiting_cost[p] = self.close_cost[p]
            gap += np.sum(waiting_cost)
            for p in closing:
                self.closed[p], self.close_month[p] = True, t
                if not inp.external[p]:
                    self.start[p] = t
                self.reserve_fac[p] += self.prog_capex[p]
                self.reserve_it[p] += self.n_fill[p] * self.fill_price[p]
                self.waiting.pop(p).succeed()
            # construction spending
            outlays, ext = [0.0] * P, [0.0] * P
            for p in range(P):
                months = max(self.build[p], 1)
                if self.start[p] < 0 or not self.start[p] <= t < self.start[p] + months:
                    continue
                if inp.external[p]:
                    ext[p] = float(inp.capex_facility_usd[p]) / months
                    continue
                out = min(self.prog_capex[p] / months, self.reserve_fac[p])
                if t == self.start[p] + months - 1:
                    out = self.reserve_fac[p]
                self.reserve_fac[p] -= out
                outlays[p] = out
            spend = np.sum(outlays)
            self.pay(spend)
            self.cum["fac_prog"] += spend
            self.cum["fac"] += spend + np.sum(ext)
            yield from self.place_orders(t, debt_cap, gap)
            yield env.timeout(1)

    def place_orders(self, t: int, debt_cap: float, gap: float):
        inp = self.inp
        P, lead, life = self.P, int(inp.lead_months), int(inp.life_months)
        for p, kw in self.release_due:
            self.committed_kw[p] -= kw
        self.release_due = []
        queue = [int(q) for q in inp.queue]
        head = [0.0] * P
        for p in range(P):
            s = self.start[p]
            if s >= 0 and s + self.build[p] <= t + lead and inp.power_available[p] <= t + lead:
                head[p] = self.it_cap_kw[p] - self.committed_kw[p]
        want = [
            min(fit(head[p], self.fill_kw[p]), self.n_fill[p] - self.filled[p]) if self.closed[p] else 0.0
            for p in range(P)
        ]

        def cap_filter(want, member):
            for c in range(len(self.cap_used)):
                room = max(float(inp.cap_per_year[c]) - self.cap_used[c], 0.0)
                acc = 0.0
                for p in queue:
                    d = want[p] if member(c, p) else 0.0
                    acc += d
                    if member(c, p):
                        want[p] = math.floor(min(max(room - (acc - d), 0.0), d) + 1e-9)
            return want

        fill_type = [int(k) for k in inp.fill_type]
        in_fill = lambda c, p: bool(inp.cap_phase[c, p] and inp.cap_type[c, fill_type[p]])  # noqa: E731
        want = cap_filter(want, in_fill)
        fill_spend = [want[p] * self.fill_price[p] for p in range(P)]
        for p in range(P):
            self.reserve_it[p] = max(self.reserve_it[p] - fill_spend[p], 0.0)
        self.pay(np.sum(fill_spend))
        for p in range(P):
            self.filled[p] += want[p]
        for c in range(len(self.cap_used)):
            self.cap_used[c] += np.sum([want[p] * (1.0 if in_fill(c, p) else 0.0) for p in range(P)])
        for p in range(P):
            if want[p] > 0:
                self.order(p, want[p], fill_type[p], self.fill_kw[p])
        # refreshes, from uncommitted money
        types = inp.type_of_order[t]
        ref = [0.0] * P
        for p in range(P):
            k = int(types[p])
            if self.closed[p] and self.filled[p] >= self.n_fill[p] and t >= self.close_month[p] + life and k >= 0:
                ref[p] = fit(head[p] - want[p] * self.fill_kw[p], float(inp.it_kw[k]))
        if len(self.cap_used) and any(ref):
            in_ref = lambda c, p: bool(  # noqa: E731
                inp.cap_phase[c, p] and types[p] >= 0 and inp.cap_type[c, int(types[p])]
            )
            ref = cap_filter(ref, in_ref)
        else:
            in_ref = None
        budget = self.uncommitted(debt_cap)
        acc, unpaid, bought = 0.0, [0.0] * P, [0.0] * P
        for p in queue:
            k = int(types[p])
            cost = ref[p] * float(inp.price_usd[k]) if ref[p] > 0 else 0.0
            acc += cost
            money = min(max(budget - (acc - cost), 0.0), cost)
            if ref[p] > 0:
                bought[p] = min(math.floor(money / float(inp.price_usd[k]) + 1e-9), ref[p])
            unpaid[p] = cost - (bought[p] * float(inp.price_usd[k]) if bought[p] > 0 else 0.0)
        gap += np.sum(unpaid)
        if in_ref is not None:
            for c in range(len(self.cap_used)):
                self.cap_used[c] += np.sum([bought[p] * (1.0 if in_ref(c, p) else 0.0) for p in range(P)])
        ref_spend = [bought[p] * float(inp.price_usd[int(types[p])]) if bought[p] > 0 else 0.0 for p in range(P)]
        for p in range(P):
            if bought[p] > 0:
                self.order(p, bought[p], int(types[p]), float(inp.it_kw[int(types[p])]))
        self.pay(np.sum(ref_spend))
        self.cum["it"] += np.sum(fill_spend) + np.sum(ref_spend)
        yield self.env.timeout(0)  # let phases that come online this month do so before the books close
        self.close_books(t, gap)

    def close_books(self, t: int, gap: float):
        inp, P = self.inp, self.P
        for step in (1.0, -1.0):  # deliveries, then retirements, as they fall due this month
            for sign, p, kw, kind, count in self.ledger.get(t, []):
                if sign == step:
                    self.installed_kw[p] += sign * (count * kw)
                    self.installed_k[kind] += sign * count
        self.ledger.pop(t, None)
        self.installed_kw = [max(x, 0.0) for x in self.installed_kw]
        self.installed_k = [max(x, 0.0) for x in self.installed_k]
        online = [
            self.start[p] >= 0 and self.start[p] + self.build[p] <= t and inp.power_available[p] <= t for p in range(P)
        ]
        it_mw = [kw / 1000.0 for kw in self.installed_kw]
        energy = [it_mw[p] * inp.utilization * inp.pue[p] * inp.hours[t] for p in range(P)]
        flops = np.sum([self.installed_k[k] * np.nan_to_num(inp.bf16_flops[k]) for k in range(len(inp.types))])
        self.records.append(
            {
                "mw_online": np.sum([inp.power_mw[p] if online[p] else 0.0 for p in range(P)]),
                "it_mw_installed": np.sum(it_mw),
                "accelerators": np.sum(self.installed_k),
                "peak_bf16_flops": flops,
                "h100e": flops / H100_FLOPS,
                "cash_usd": self.cash,
                "debt_usd": self.debt,
                "capex_facility_usd": self.cum["fac"],
                "capex_it_usd": self.cum["it"],
                "interest_usd": self.cum["interest"],
                "funding_gap_usd": gap,
                "energy_mwh": np.sum(energy),
                "phases_online": float(sum(online)),
            }
        )


def simulate_reference(inp: Inputs) -> dict[str, np.ndarray]:
    """Run one trial (``inp`` as from ``Inputs.trial``) and return monthly series keyed like the engines'."""
    env = simpy.Environment()
    prog = Programme(env, inp)
    for p in range(prog.P):
        env.process(prog.phase(p))
    env.process(prog.treasury())
    env.run()
    return {k: np.array([r[k] for r in prog.records]) for k in prog.records[0]}
