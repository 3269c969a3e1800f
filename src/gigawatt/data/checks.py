"""Consistency checks: legal but suspicious inputs, one ``check_*`` function per rule.

Validation (scenario.py) rejects what cannot be simulated; these rules only warn, naming the field, the value and
the published figure it is compared with. ``run_checks`` collects them all.
"""

from __future__ import annotations

from gigawatt.data.catalog import catalog, defaults
from gigawatt.data.scenario import Scenario
from gigawatt.units import add_months, month_index


def _phases(s: Scenario):
    for i, site in enumerate(s.sites):
        for j, ph in enumerate(site.phases):
            yield f"sites[{i}].phases[{j}]", site, ph


def check_accelerator_before_volume(s: Scenario) -> list[str]:
    """A named accelerator ordered before its first-volume month."""
    out = []
    cat = catalog()
    lead = round(s.procurement.lead_time_months)
    for where, _, ph in _phases(s):
        acc = cat.get(ph.accelerator.strip().lower())
        if acc is None:
            continue
        order = add_months(ph.start, round(ph.construction_months) - lead)
        if month_index(acc.first_volume, order) > 0:
            out.append(
                f"{where}.accelerator: {acc.name} is first ordered around {order:%Y-%m}, before its first volume "
                f"{acc.first_volume:%Y-%m}; the model orders it anyway (use 'newest' to take what is shipping)"
            )
    return out


def check_pue_range(s: Scenario) -> list[str]:
    """PUE outside the published span: 1.05 for liquid-cooled AI halls (EC15) to 1.6 (industry 1.54-1.58, EC12)."""
    out = []
    values = [("operations.pue", s.operations.pue)] + [(f"{w}.pue", ph.pue) for w, _, ph in _phases(s) if ph.pue]
    for where, v in values:
        if v < 1.05 or v > 1.6:
            out.append(f"{where}: {v} is outside the published 1.05-1.6 (EC15 liquid-cooled, EC12 industry average)")
    return out


def check_facility_cost_range(s: Scenario) -> list[str]:
    """Facility capex per MW outside Cushman & Wakefield's 19-market range, $9.3M-$15.0M (EC01)."""
    d = defaults()["phase.capex_per_mw_usd"]
    return [
        f"{where}.capex_per_mw_usd: ${ph.capex_per_mw_usd / 1e6:.1f}M/MW is outside the US range "
        f"${d.low / 1e6:.1f}M-${d.high / 1e6:.1f}M per MW of IT load (EC01)"
        for where, _, ph in _phases(s)
        if not d.low <= ph.capex_per_mw_usd <= d.high
    ]


def check_construction_time(s: Scenario) -> list[str]:
    """Build times faster than Colossus (122 days, CL01) or slower than 3.6 years to a gigawatt (EC19); 0 is a hall
    already built when the programme starts (colossus-2024-09's first hall), not a build time."""
    out = []
    for where, _, ph in _phases(s):
        m = ph.construction_months
        if 0 < m < 122 / 30.4375 - 1e-9 and ph.power_mw >= 50:
            out.append(f"{where}.construction_months: {m:g} is faster than Colossus's 122 days (CL01)")
        elif m > 43.2:
            out.append(
                f"{where}.construction_months: {m:g} is slower than the 3.6 years the slowest tracked "
                "site took to a gigawatt (EC19)"
            )
    return out


def check_money_covers_plan(s: Scenario) -> list[str]:
    """Money pledged (with the debt it can carry) against a rough cost of every phase, facility and first fill."""
    cat = catalog()
    fallback = cat["gb200"]
    cost = 0.0
    for _, site, ph in _phases(s):
        pue = ph.pue or s.operations.pue
        it_mw = ph.power_mw / pue
        acc = cat.get(ph.accelerator.strip().lower(), fallback)
        per_mw_it = (acc.price_usd or fallback.price_usd) / ((acc.it_power_w or fallback.it_power_w) / 1e6)
        cost += it_mw * per_mw_it
        if site.facility_financing == "programme":
            cost += it_mw * ph.capex_per_mw_usd + ph.power_mw * (ph.power.capex_per_mw_usd or 0.0)
    expected = 0.0
    for partner in s.partners:
        f = s.funding.announced_arrival if partner.announced_arrival is None else partner.announced_arrival
        expected += sum(p.secured_usd + f * (p.amount_usd - p.secured_usd) for p in partner.pledges)
    e = s.financing.equity_share
    debt = expected * (1 - e) / e
    if s.financing.debt_limit_usd is not None:
        debt = min(debt, s.financing.debt_limit_usd)
    money = expected + debt
    if cost > 0 and money < cost:
        return [
            f"partners: the money expected to arrive, with the debt it can carry (${money / 1e9:,.0f}B), covers "
            f"{money / cost:.0%} of a rough cost of all phases (${cost / 1e9:,.0f}B); some will not close"
        ]
    return []


CHECKS = [
    check_accelerator_before_volume,
    check_pue_range,
    check_facility_cost_range,
    check_construction_time,
    check_money_covers_plan,
]


def run_checks(s: Scenario) -> list[str]:
    """All warnings for a scenario, in rule order."""
    return [w for check in CHECKS for w in check(s)]
