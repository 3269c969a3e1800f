"""Invariants over random scenarios (hypothesis): money, power and counts stay consistent.

The scenarios come from tests/strategies.py, which reaches debt, interest, refreshes, binding supply caps, external
phases and late announced-only money (tests/test_generator_coverage.py counts how often). The oracles here are the
equations of docs/model.md written out again, or bounds that hold whatever the engine decides.
"""

import calendar
import os

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gigawatt as gw
from profiles import examples
from strategies import scenarios  # test_reference.py imports it from here too

SETTINGS = settings(
    max_examples=examples(int(os.environ.get("GIGAWATT_EXAMPLES", 30))),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
EPS = 1e-6  # relative slack for float sums of ~1e11-sized numbers
RTOL = 1e-9  # relative tolerance where two float computations of the same formula are compared
H100_TFLOPS = 989.0  # the H100 yardstick (docs/model.md §4, HW02)


def run(tree):
    s = gw.load_scenario(tree)
    return s, gw.simulate(s).timeseries


def month_index(month, start) -> int:
    return (month.year - start.year) * 12 + month.month - start.month


def type_numbers(s, field: str) -> dict[str, float]:
    """A catalog number per accelerator type, with the scenario's overrides applied (None: unpublished)."""
    out = {}
    for name, acc in gw.catalog().items():
        over = {k.lower(): v for k, v in s.accelerator_overrides.items()}.get(name)
        value = getattr(over, field, None) if over is not None else None
        out[name] = value if value is not None else getattr(acc, field)
    return out


def counts_by_type(ts) -> dict[str, np.ndarray]:
    return {c.removeprefix("accelerators_"): ts[c].to_numpy() for c in ts.columns if c.startswith("accelerators_")}


@SETTINGS
@given(scenarios())
def test_money_spent_never_exceeds_money_available(tree):
    _, ts = run(tree)
    scale = 1.0 + ts["equity_usd"].max()
    # every dollar spent came from equity received or debt drawn within capacity
    assert (ts["spent_usd"] <= ts["equity_usd"] + ts["debt_usd"] + EPS * scale).all()
    assert (ts["debt_usd"] <= ts["debt_capacity_usd"] + EPS * scale).all()
    assert (ts["cash_usd"] >= -EPS * scale).all()
    # spending plus cash is exactly what came in
    np.testing.assert_allclose(ts["spent_usd"] + ts["cash_usd"], ts["equity_usd"] + ts["debt_usd"], rtol=1e-9, atol=1.0)


@SETTINGS
@given(scenarios())
def test_money_in_follows_the_pledges_and_debt_capacity_follows_equity(tree):
    """docs/model.md §1, written out again: due, secured first, announced-only money late, and D_max."""
    s, ts = run(tree)
    T = len(ts)
    t = np.arange(T, dtype=float)
    start = s.programme.start
    pledged = np.zeros(T)
    secured = np.zeros(T)
    equity = np.zeros(T)
    d = round(s.funding.announced_delay_months)
    for partner in s.partners:
        f = s.funding.announced_arrival if partner.announced_arrival is None else partner.announced_arrival
        for pl in partner.pledges:
            a, u, m, first = pl.amount_usd, pl.upfront_fraction, pl.months, month_index(pl.start, start)
            due = np.where(t >= first, a * (u + (1 - u) * np.clip((t - first + 1) / m, 0, 1)), 0.0)
            late = np.concatenate([np.zeros(min(d, T)), due[: max(T - d, 0)]]) if d else due
            pledged += due
            secured += np.minimum(due, pl.secured_usd)
            equity += np.minimum(due, pl.secured_usd) + f * np.maximum(0.0, late - pl.secured_usd)
    # the engine sums the same terms in another order: 1e-9 relative, $1e-3 absolute around zero
    np.testing.assert_allclose(ts["pledged_usd"], pledged, rtol=RTOL, atol=1e-3)
    np.testing.assert_allclose(ts["secured_usd"], secured, rtol=RTOL, atol=1e-3)
    np.testing.assert_allclose(ts["equity_usd"], equity, rtol=RTOL, atol=1e-3)
    e = s.financing.equity_share
    limit = np.inf if s.financing.debt_limit_usd is None else s.financing.debt_limit_usd
    np.testing.assert_allclose(ts["debt_capacity_usd"], np.minimum(limit, equity * (1 - e) / e), rtol=RTOL, atol=1e-3)


@SETTINGS
@given(scenarios())
def test_interest_is_charged_on_the_debt_outstanding(tree):
    """Interest in month t is r_m times the debt at the end of t-1; paid in full unless there is a funding gap."""
    s, ts = run(tree)
    r_m = (1 + s.financing.interest_rate) ** (1 / 12) - 1
    due = r_m * np.concatenate([[0.0], ts["debt_usd"].to_numpy()[:-1]])
    paid = np.diff(ts["interest_usd"].to_numpy(), prepend=0.0)
    scale = 1.0 + ts["equity_usd"].max() + ts["debt_usd"].max()
    assert (paid <= due * (1 + RTOL) + EPS).all()
    no_gap = ts["funding_gap_usd"].to_numpy() <= EPS * scale
    # a month without a funding gap paid all its interest (unpaid interest counts in the gap): 1e-9 relative
    np.testing.assert_allclose(paid[no_gap], due[no_gap], rtol=RTOL, atol=1e-3)


@SETTINGS
@given(scenarios())
def test_installed_it_power_never_exceeds_power_online(tree):
    s, ts = run(tree)
    assert (ts["it_mw_installed"] <= ts["it_mw_online"] * (1 + 1e-9) + 1e-6).all()
    assert (ts["it_mw_online"] <= ts["mw_online"] + 1e-9).all()
    phases = [ph for site in s.sites for ph in site.phases]
    assert (ts["mw_online"] <= sum(ph.power_mw for ph in phases) * (1 + 1e-12)).all()
    assert (ts["phases_online"] <= ts["phases_started"]).all()
    assert (ts["phases_started"] <= len(phases)).all()
    assert (ts["phases_closed"] <= len(phases)).all()


@SETTINGS
@given(scenarios())
def test_counts_by_type_add_up_with_the_catalog(tree):
    """Installed accelerators, their IT power and their FLOP/s agree with the per-type counts and the catalog
    (overrides applied), so the accelerators installed fit in the halls online."""
    s, ts = run(tree)
    by_type = counts_by_type(ts)
    kw = type_numbers(s, "it_power_w")
    tflops = type_numbers(s, "bf16_dense_tflops")
    total = sum(by_type.values(), np.zeros(len(ts)))
    np.testing.assert_array_equal(ts["accelerators"], total)
    share = 1.0 + s.operations.non_accelerator_it_share  # IT per accelerator: the rating x (1 + share), model.md §2
    it_mw = sum((n * kw[k] * share / 1e6 for k, n in by_type.items()), np.zeros(len(ts)))
    # float sums of up to ~1e6 accelerators in another order: 1e-9 relative, 1e-9 MW absolute around zero
    np.testing.assert_allclose(ts["it_mw_installed"], it_mw, rtol=RTOL, atol=1e-9)
    assert (it_mw <= ts["it_mw_online"] * (1 + 1e-9) + 1e-6).all()
    flops = sum((n * tflops[k] * 1e12 for k, n in by_type.items()), np.zeros(len(ts)))
    np.testing.assert_allclose(ts["peak_bf16_flops"], flops, rtol=RTOL)
    np.testing.assert_allclose(ts["h100e"], flops / (H100_TFLOPS * 1e12), rtol=RTOL)
    assert (ts["accelerators"] == np.floor(ts["accelerators"])).all()


@SETTINGS
@given(scenarios())
def test_supply_caps_hold_every_calendar_year(tree):
    """Orders of the types a cap covers never exceed per_year x share in a calendar year.

    Orders are not reported, so they are recovered from the installed counts: a cohort installed at t (ordered at
    t - lead) retires at t + lifetime, so installs I(t) = A(t) - A(t-1) + I(t - lifetime). Checked for caps that
    cover every site (the counts are not reported per site); orders whose delivery falls after the horizon are not
    seen, which only makes the check weaker.
    """
    s, ts = run(tree)
    life = max(1, round(s.operations.lifetime_months))
    lead = round(s.procurement.lead_time_months)
    T = len(ts)
    installs = {}
    for k, a in counts_by_type(ts).items():
        i = np.zeros(T)
        for t in range(T):
            i[t] = a[t] - (a[t - 1] if t else 0.0) + (i[t - life] if t >= life else 0.0)
        assert (i >= -1e-9).all(), k  # installs are never negative: retirements follow their cohort exactly
        installs[k] = i
    first = ts.index[0].year * 12 + ts.index[0].month - 1
    order_year = np.array([(first + t - lead) // 12 for t in range(T)])  # year of the order behind t's installs
    for cap in s.supply_caps:
        if cap.sites is not None or cap.countries is not None:
            continue
        types = None if cap.accelerators is None else {a.lower() for a in cap.accelerators}
        ordered = sum((i for k, i in installs.items() if types is None or k in types), np.zeros(T))
        for y in set(order_year):
            # whole accelerators against a float limit: 1e-6 absolute
            assert ordered[order_year == y].sum() <= cap.per_year * cap.share + 1e-6, (cap.name, y)


@SETTINGS
@given(scenarios())
def test_refreshes_replace_retired_accelerators_on_time(tree):
    """docs/model.md §3: a cohort retires lifetime months after it is installed and the freed headroom is refilled.

    With a named type per phase (a refresh buys the type of the first fill, so the freed power holds exactly as
    many) and no supply caps, a refresh ordered when the money is there (no funding gap in the order month, so
    refreshes are paid in full) is installed in the month its predecessors retire: the count never falls then.
    """
    for site in tree["sites"]:
        for ph in site["phases"]:
            if ph["accelerator"].startswith("newest"):
                ph["accelerator"] = "gb200"
    tree["supply_caps"] = []
    s, ts = run(tree)
    lead = round(s.procurement.lead_time_months)
    acc = ts["accelerators"].to_numpy()
    gap = ts["funding_gap_usd"].to_numpy()
    for t in range(max(1, lead), len(ts)):
        if gap[t - lead] == 0.0:
            assert acc[t] >= acc[t - 1], (t, acc[t - 1], acc[t])


@SETTINGS
@given(scenarios())
def test_energy_and_its_cost_follow_the_installed_power(tree):
    """docs/model.md §4: energy = IT installed x utilization x PUE x hours; cost = energy x price; opex adds other."""
    s, ts = run(tree)
    hours = np.array([24.0 * calendar.monthrange(m.year, m.month)[1] for m in ts.index])
    base = ts["it_mw_installed"].to_numpy() * s.operations.utilization * hours
    phases = [ph for site in s.sites for ph in site.phases]
    pues = [ph.pue or s.operations.pue for ph in phases]
    energy = ts["energy_mwh"].to_numpy()
    # per-phase PUEs weight each phase's IT power: between the smallest and the largest (1e-9 relative)
    assert (energy >= base * min(pues) * (1 - RTOL) - 1e-9).all()
    assert (energy <= base * max(pues) * (1 + RTOL) + 1e-9).all()
    if len(set(pues)) == 1:
        np.testing.assert_allclose(energy, base * pues[0], rtol=RTOL, atol=1e-9)
    np.testing.assert_allclose(ts["energy_cost_usd"], energy * s.operations.energy_price_usd_per_mwh, rtol=RTOL)
    other = ts["it_mw_installed"].to_numpy() * s.operations.other_opex_usd_per_mw_year / 12
    np.testing.assert_allclose(ts["opex_usd"], ts["energy_cost_usd"] + other, rtol=RTOL, atol=1e-6)
    carbon = [ph.power.carbon_t_per_mwh for ph in phases]
    assert (ts["emissions_t"] >= energy * min(carbon) * (1 - RTOL) - 1e-9).all()
    assert (ts["emissions_t"] <= energy * max(carbon) * (1 + RTOL) + 1e-9).all()


@SETTINGS
@given(scenarios())
def test_nothing_negative(tree):
    _, ts = run(tree)
    numeric = ts.select_dtypes("number")
    assert (numeric >= -1e-6).all().all(), numeric.min()[numeric.min() < 0]
    # cumulative series never fall
    for col in (
        "capex_facility_usd",
        "capex_facility_programme_usd",
        "capex_it_usd",
        "spent_usd",
        "equity_usd",
        "secured_usd",
        "pledged_usd",
        "interest_usd",
    ):
        assert (np.diff(ts[col]) >= -1e-3).all(), col
    # secured money arrives first and in full; announced-only money at most as due
    scale = 1.0 + ts["pledged_usd"].max()
    assert (ts["secured_usd"] <= ts["equity_usd"] + EPS * scale).all()
    assert (ts["equity_usd"] <= ts["pledged_usd"] + EPS * scale).all()


@SETTINGS
@given(scenarios(), st.floats(1e9, 200e9))
def test_more_secured_money_never_builds_less(tree, extra):
    # The guarantee is for the build itself: phase costs are fixed at financial close and phases close in a fixed
    # queue, so more money can only close them earlier. Refreshes after the lifetime and interest are paid from
    # uncommitted money on a timing that money changes, so they are switched off here, as is announced-only money
    # (globally and per partner).
    tree["funding"]["announced_arrival"] = 0.0
    for partner in tree["partners"]:
        partner.pop("announced_arrival", None)
    tree["operations"]["lifetime_months"] = 600
    tree["financing"]["interest_rate"] = 0.0
    start = tree["programme"]["start"]
    base = gw.simulate(gw.load_scenario(tree))
    tree["partners"].append({"name": "more", "pledges": [{"amount_usd": extra, "secured_usd": extra, "start": start}]})
    more = gw.simulate(gw.load_scenario(tree))
    # facility power online, month by month, and capex never fall when secured money rises (spending with
    # interest may: more equity means less debt and so less interest)
    assert (more.timeseries["mw_online"] >= base.timeseries["mw_online"] - 1e-9).all()
    # (supply caps count accelerators, not watts, so it is the count that cannot fall)
    assert (more.timeseries["accelerators"] >= base.timeseries["accelerators"]).all()
    if not tree["supply_caps"]:  # a cap shares a count between phases of different prices
        assert more.metrics["capex_total_usd"] >= base.metrics["capex_total_usd"] * (1 - 1e-9) - 1.0
