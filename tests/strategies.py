"""Random scenarios for property tests: hypothesis strategies that reach every branch of the engine.

``scenarios()`` draws scenario trees (dicts that ``gigawatt.load_scenario`` validates) covering: debt (equity share
< 1, a debt limit or none) with interest; horizons longer than accelerator lifetimes (refreshes); PUE, global and
per phase; the sizing factors (design-day PUE ratio, non-accelerator IT share, sizing headroom); each phase's power
basis (grid, facility, IT or left out); utilization, energy price, other opex; ``accelerator_overrides`` (including
numbers for types the catalog lacks, so they can be named); supply caps by country, accelerator type and site, with
a share; sites in several countries; externally financed phases; announced-only money with an arrival fraction and
delay (also per partner); several partners and pledges with upfront fractions; grid and on-site gas power with
availability dates; and the risk factors as plain numbers.

Sizes: the money pledged is drawn as a multiple of a rough cost of the plan, from far short to ample, so most
examples build something and some run out of money; at most 3 sites x 3 phases and 96 months, so a simulation
takes milliseconds. tests/test_generator_coverage.py counts which branches a fixed set of examples reaches.

Public API: ``scenarios(max_sites=3, max_phases=3, max_horizon=96)``; ``month(start, offset)``;
``ROUGH_COST_USD_PER_MW``.
"""

from __future__ import annotations

from hypothesis import strategies as st

# Named catalog types with a published power and price, and "newest" choices that always find one (h100 ships in
# 2022, before any programme start drawn here).
NAMED = ["h100", "h200", "b200", "gb200", "gb300"]
NEWEST = ["newest", "newest:nvidia"]
# Types the catalog cannot buy without numbers: an override supplies them, and only then may a phase name them.
NEEDS_OVERRIDE = {"tpu-v7": ("it_power_w", "price_usd"), "rubin": ("price_usd",), "mi355x": ("price_usd",)}
COUNTRIES = ["US", "AE", "NO"]
# A rough all-in cost of a filled hall per MW of facility power (facility ~$11.7M per MW of IT load + ~$23-39M of
# accelerators per MW of IT load, at a PUE near 1.14): only used to size the money against the plan.
ROUGH_COST_USD_PER_MW = 45e6


def month(start: tuple[int, int], offset: int) -> str:
    """The month ``offset`` months after ``start`` (year, month) as 'YYYY-MM' (offset may be negative)."""
    i = start[0] * 12 + start[1] - 1 + offset
    return f"{i // 12:04d}-{i % 12 + 1:02d}"


def _uniform(lo: float, hi: float):
    """A float from lo to hi, in 10,000 steps.

    Not ``st.floats``: hypothesis mixes in numbers it finds in the code under test and extreme floats (1e-299 of a
    pledge secured), which changes with every edit of src/ and would swing the branch shares of the derandomized set
    (tests/test_generator_coverage.py); whole steps keep the distribution what this module says. Edge values still
    come: hypothesis favours the bounds of an integer range.
    """
    return st.integers(0, 10_000).map(lambda i: lo + (hi - lo) * i / 10_000)


def _overrides(draw) -> dict:
    out = {}
    for name in draw(st.lists(st.sampled_from(NAMED + list(NEEDS_OVERRIDE)), max_size=3, unique=True)):
        o = {}
        required = NEEDS_OVERRIDE.get(name, ())
        if "it_power_w" in required or draw(st.booleans()):
            o["it_power_w"] = draw(_uniform(700, 3200))
        if "price_usd" in required or draw(st.booleans()):
            o["price_usd"] = draw(_uniform(15e3, 90e3))
        if draw(st.booleans()):
            o["bf16_dense_tflops"] = draw(_uniform(400, 10_000))
        if not o:  # memory_gb is refused (no output depends on it), so an override that is otherwise empty sets compute
            o["bf16_dense_tflops"] = draw(_uniform(400, 10_000))
        out[name] = o
    return out


def _phase(draw, j: int, start, horizon: int, choices: list[str]) -> dict:
    latest_start = horizon // 3
    s = draw(st.integers(0, latest_start))
    phase = {
        "name": f"p{j}",
        "power_mw": draw(_uniform(10, 600)),
        "start": month(start, s),
        "construction_months": draw(st.one_of(st.integers(0, 24), _uniform(0, 24))),
        "accelerator": draw(st.sampled_from(choices)),
    }
    if draw(st.booleans()):
        phase["capex_per_mw_usd"] = draw(_uniform(8e6, 16e6))
    power = {"kind": draw(st.sampled_from(["grid", "onsite_gas"]))}
    if draw(st.booleans()):  # a power date, possibly before the phase could be built (then not binding)
        power["available"] = month(start, s + draw(st.integers(0, 24)))
    phase["power"] = power
    if draw(_uniform(0, 1)) < 0.3:
        phase["pue"] = draw(_uniform(1.0, 1.8))
    basis = draw(st.sampled_from(["facility", "facility", "grid", "it", None]))
    if basis is not None:  # None: left out, so the default (facility) is filled
        phase["power_basis"] = basis
    return phase


def _pledges(draw, start, horizon: int, total_usd: float) -> list[dict]:
    """1-4 partners sharing ``total_usd`` over 1-2 pledges each; secured all, none or part."""
    partners = []
    n = draw(st.integers(1, 4))
    weights = [draw(_uniform(0.1, 1.0)) for _ in range(n)]
    for i, w in enumerate(weights):
        pledges = []
        k = draw(st.integers(1, 2))
        for _ in range(k):
            amount = total_usd * w / sum(weights) / k
            secured = draw(st.sampled_from(["all", "part", "none", "all"]))
            share = {"all": 1.0, "none": 0.0}.get(secured)
            pledge = {
                "amount_usd": amount,
                "secured_usd": amount * (draw(_uniform(0, 1)) if share is None else share),
                "start": month(start, draw(st.integers(0, horizon // 4))),
                "months": draw(st.integers(1, 36)),
            }
            upfront = draw(st.sampled_from(["part", "none", "all"]))
            if upfront != "none":
                pledge["upfront_fraction"] = 1.0 if upfront == "all" else draw(_uniform(0, 1))
            pledges.append(pledge)
        partner = {"name": f"partner{i}", "pledges": pledges}
        if draw(_uniform(0, 1)) < 0.25:
            partner["announced_arrival"] = draw(st.sampled_from([1.0, 0.0, 0.5]))
        partners.append(partner)
    return partners


def _caps(draw, sites: list[dict], fleet: float, choices: list[str]) -> list[dict]:
    caps = []
    for c in range(draw(st.sampled_from([1, 0, 2, 1, 0, 3]))):
        cap = {"name": f"cap{c}", "per_year": fleet * draw(st.sampled_from([0.5, 0.05, 1.0, 0.2, 3.0, 0.0]))}
        if draw(st.booleans()):
            cap["share"] = draw(_uniform(0.05, 1))
        scope = draw(st.sampled_from(["all", "countries", "accelerators", "sites", "countries+accelerators"]))
        if "countries" in scope:
            cap["countries"] = draw(st.lists(st.sampled_from(COUNTRIES), min_size=1, max_size=2, unique=True))
        if "accelerators" in scope:
            named = sorted({a for a in choices if not a.startswith("newest")} | {"gb200", "gb300"})  # newest's picks
            cap["accelerators"] = draw(st.lists(st.sampled_from(named), min_size=1, max_size=3, unique=True))
        if scope == "sites":
            names = [s["name"] for s in sites]
            cap["sites"] = draw(st.lists(st.sampled_from(names), min_size=1, max_size=len(names), unique=True))
        caps.append(cap)
    return caps


@st.composite
def scenarios(draw, max_sites: int = 3, max_phases: int = 3, max_horizon: int = 96):
    """A random scenario tree (a dict for ``gigawatt.load_scenario``) that may reach any branch of the engine."""
    start = (draw(st.integers(2024, 2026)), draw(st.integers(1, 12)))
    horizon = draw(st.integers(24, max_horizon))
    overrides = _overrides(draw) if draw(st.booleans()) else {}
    choices = NAMED + NEWEST + [n for n in overrides if n in NEEDS_OVERRIDE]

    sites = []
    for i in range(draw(st.integers(1, max_sites))):
        site = {
            "name": f"s{i}",
            "country": draw(st.sampled_from(COUNTRIES)),
            "phases": [_phase(draw, j, start, horizon, choices) for j in range(draw(st.integers(1, max_phases)))],
        }
        if draw(_uniform(0, 1)) < 0.2:
            site["facility_financing"] = "external"
        sites.append(site)
    power_mw = sum(ph["power_mw"] for s in sites for ph in s["phases"])

    # money: a multiple of the plan's rough cost, from far short to ample; with debt, equity is a share of it
    equity_share = draw(st.sampled_from([0.3, 1.0, 0.1, 0.5, 0.2, 0.8]))
    factor = draw(st.sampled_from([3.0, 0.4, 1.5, 6.0, 0.05, 1.0])) * draw(_uniform(0.7, 1.3))
    levered = draw(_uniform(0, 1)) < 0.6
    total = power_mw * ROUGH_COST_USD_PER_MW * factor * (equity_share if levered else 1.0)
    financing = {"equity_share": equity_share, "interest_rate": draw(st.sampled_from([0.05, 0.1, 0.0, 0.3]))}
    if draw(st.booleans()):
        financing["debt_limit_usd"] = power_mw * ROUGH_COST_USD_PER_MW * draw(_uniform(0.01, 1.5))

    # lifetimes mostly shorter than the horizon, so that accelerators retire and are refreshed
    lifetime = draw(st.integers(6, horizon + 12))
    operations = {"lifetime_months": lifetime}
    if draw(st.booleans()):
        operations["pue"] = draw(_uniform(1.0, 1.6))
    if draw(st.booleans()):
        operations["utilization"] = draw(_uniform(0, 1))
    if draw(st.booleans()):
        operations["energy_price_usd_per_mwh"] = draw(_uniform(0, 200))
    if draw(st.booleans()):
        operations["other_opex_usd_per_mw_year"] = draw(_uniform(0, 2e6))
    # the sizing factors (docs/model.md §2): neutral by default, so a reference that left them out would agree with
    # the engine unless they are drawn off neutral here; ranges a little past defaults.csv's (1-1.14, 0-0.1, 0-0.1)
    if draw(st.booleans()):
        operations["design_pue_ratio"] = draw(_uniform(1.0, 1.3))
    if draw(st.booleans()):
        operations["non_accelerator_it_share"] = draw(_uniform(0, 0.2))
    if draw(st.booleans()):
        operations["sizing_headroom"] = draw(_uniform(0, 0.2))

    risks = {}
    for key in ("construction_slip", "cost_overrun", "accelerator_price"):
        if draw(_uniform(0, 1)) < 0.3:
            risks[key] = draw(_uniform(0.5, 2.0))
    if draw(_uniform(0, 1)) < 0.3:
        risks["power_delay_months"] = draw(st.integers(0, 12))

    fleet = power_mw * 1000 / 1.14 / 1.9  # rough accelerator count of the whole plan (~1.9 kW each)
    tree = {
        "name": "random",
        "programme": {"start": month(start, 0), "horizon_months": horizon},
        "partners": _pledges(draw, start, horizon, total),
        "funding": {
            "announced_arrival": draw(st.sampled_from([0.8, 0.0, 1.0, 0.5, 0.3])),
            "announced_delay_months": draw(st.integers(0, 24)),
        },
        "financing": financing,
        "sites": sites,
        "supply_caps": _caps(draw, sites, fleet, choices),
        "operations": operations,
        "procurement": {"lead_time_months": draw(st.integers(0, 6))},
        "risks": risks,
    }
    if overrides:
        tree["accelerator_overrides"] = overrides
    return tree
